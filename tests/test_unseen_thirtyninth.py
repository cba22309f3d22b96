"""The thirty-ninth set of treaties nobody tuned for (tests/fixtures/unseen39, see its README): the NATO Status of
Forces Agreement (1951), the Paris Agreement on Reparation from Germany (1946), the Agreement establishing the
International Institute for Democracy and Electoral Assistance (1995) and the Netherlands Antilles-Sweden tax
information exchange agreement (2009), spot-checked (checks.toml) and questioned (evals/unseen-39.jsonl) from the
texts alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Blind run on 81fe287 (round 19's final code, parser v44): 23 of 32 held, and the tax agreement's closing
# formula lost "th" of "10 <sup>th</sup> day". The nine misses were the Paris Reparation Agreement's Parts that number
# their articles from 1 again (cited without their Part) and IDEA's "4.  The Council shall" read as a heading over its
# items; all hold since parser v45, and nothing is lost.
KNOWN: dict[tuple[str, str], str] = {}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen39", KNOWN, lost=LOST)


def test_a_long_titles_riders_and_markup_stay_out_of_name_and_date(docs):  # type: ignore[no-untyped-def]
    """ "####AGREEMENT ON REPARATION FROM GERMANY, ON THE ESTABLISHMENT OF AN INTER-ALLIED REPARATION AGENCY AND ON
    THE RESTITUTION OF MONETARY GOLD." is cited as its first subject names it; "DONE at Paris, this 10 <sup>th</sup>
    day of September 2009" dates the tax agreement without the markup."""
    assert docs["german-reparation-agreement-1946"].citation_name == "Agreement on Reparation from Germany"
    assert docs["tax-information-exchange-agreement-2009"].date == "Paris, this 10th day of September 2009"


def test_an_acronym_of_the_documents_title_names_it(docs):  # type: ignore[no-untyped-def]
    """"the NATO SOFA" (the Agreement ... regarding the Status of their Forces, its kind said last) and "IDEA" (the
    International Institute for Democracy and Electoral Assistance) are the user's names for the documents whose
    titles they abbreviate, which the texts never print; the abstention check took them for things the corpus does
    not hold. An acronym no title abbreviates still is unsupported."""
    from mea_assistant.abstention import unsupported_terms

    texts = treaty_sets.paragraph_texts(docs)
    sofa, idea = ["nato-status-of-forces-agreement-1951"], ["electoral-institute-agreement-1995"]
    assert unsupported_terms("Under the SOFA, whose courts try an off-duty soldier?", [], texts.__getitem__, sofa) == []
    assert unsupported_terms("Can a member state be suspended from IDEA?", [], texts.__getitem__, idea) == []
    assert unsupported_terms("Can a member state be suspended from IDEA?", [], texts.__getitem__, sofa) == ["IDEA"]
    assert unsupported_terms("Does the SOFA bind OSCE observers?", [], texts.__getitem__, sofa) == ["OSCE"]
