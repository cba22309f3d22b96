"""The thirty-fifth set of treaties nobody tuned for (tests/fixtures/unseen35, see its README): the ILO Forced Labour
Convention (1930), the Hague Convention on the Law Applicable to Succession to the Estates of Deceased Persons (1989),
the Council of Europe Agreement on Illicit Traffic by Sea (1995) and the European Agreement on Transfer of
Responsibility for Refugees (1980), spot-checked (checks.toml) and questioned (evals/unseen-35.jsonl) from the texts
alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import pytest
import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Blind run on fcc8416 (round 18's answer code, parser v40).
KNOWN: dict[tuple[str, str], str] = {}  # the one miss of the blind run (a bare "i." line lost, its items a.-d. read
# as Art. 9(1)(a)-(d) and "ii." as 9(1)(d)(ii)) is read since parser v41

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen35", KNOWN, lost=LOST)

# The set's title for the Forced Labour Convention is the database's only "####" line, "LEAGUE OF NATIONS." (the
# brief's rule), which names no treaty: the text's own title is read instead since parser v41 (the test below).
test_each_is_named_after_itself = pytest.mark.xfail(strict=True, reason="checks.toml titles the Forced Labour Convention "
                                                     "'LEAGUE OF NATIONS.'")(test_each_is_named_after_itself)


def test_a_treaty_under_the_name_of_the_body_it_came_from_is_named_after_itself(docs) -> None:  # type: ignore[no-untyped-def]
    """On the blind run the Forced Labour Convention was titled and named "International Labour Conference." (its
    head's second line, the meeting that adopted it); its own title is the first words of its text."""
    doc = docs["forced-labour-convention-1930"]
    assert doc.title == doc.citation_name == "Convention concerning forced or compulsory labour"
    assert len({d.citation_name for d in docs.values()}) == len(docs)


def test_the_ilos_short_number_for_a_convention_is_a_name_not_an_unknown_term() -> None:
    """ "the 1930 Forced Labour Convention (ILO C29)": the ILO's own short form of its series number, which the text
    never prints; on the blind run the question was abstained on as naming "C29"."""
    from mea_assistant.abstention import specific_terms

    assert "C29" not in specific_terms("Which kinds of work does the 1930 Forced Labour Convention (ILO C29) leave out "
                                       "of its definition of forced labour?")
    assert "C29" in specific_terms("What does annex C29 of the plan say?")
