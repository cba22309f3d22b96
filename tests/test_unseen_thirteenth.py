"""The thirteenth set of treaties nobody tuned for (tests/fixtures/unseen13, see its README): the European
Convention for the Protection of Animals for Slaughter (1979), the ILO Asbestos Convention (C162, 1986), the Statute
of the International Renewable Energy Agency (2009) and the revised European Convention for the Protection of
Animals during International Transport (2003), spot-checked (checks.toml) and questioned (evals/unseen-13.jsonl)
from the texts alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. On the blind run (862cb71, parser v26) 25 of 32 held: the IRENA Statute's I A, IV A 1 c, IX A 1, X A,
# XII A 3 and XX C (its articles' lettered paragraphs "A.  ..." were read as unnumbered text, "Art. I", "Art. I ¶2")
# and the Asbestos Convention's 2 a (under a heading "### Artikel  2", its items were Article 1's); and IRENA's
# closing line was lost ("26<sup>th</sup>" read as "26 th"). All hold since parser v27.
KNOWN: dict[tuple[str, str], str] = {}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen13", KNOWN, lost=LOST)


def test_an_articles_lettered_paragraphs_number_its_parts(docs) -> None:  # type: ignore[no-untyped-def]
    """The IRENA Statute letters each article's paragraphs ("A.  The Council shall ...") and numbers their items
    under them; a bare "A." stands over numbered paragraphs ("Article IX A. 1. The Assembly is the supreme organ")."""
    refs = {p.ref: p for p in docs["irena-statute-2009"].paragraphs}
    assert refs["Art. X A"].text.startswith("The Council shall consist of at least 11")
    assert refs["Art. IV A(1)(c)"].text.startswith("provide relevant policy advice")
    assert refs["Art. IV C(1)"].lead_in == "The Agency shall:"
    assert refs["Art. IX A(1)"].text == "The Assembly is the supreme organ of the Agency."
    assert "Art. IX A" not in refs  # the bare label is no paragraph of its own


def test_a_dutch_article_heading_is_an_article_and_an_ordinal_keeps_its_ending(docs) -> None:  # type: ignore[no-untyped-def]
    asbestos = {p.ref: p for p in docs["asbestos-convention-1986"].paragraphs}
    assert asbestos["Art. 2(a)"].text.startswith("the term “asbestos” means")  # under "### Artikel  2"
    closing = [p.text for p in docs["irena-statute-2009"].paragraphs if "DONE at Bonn" in p.text]
    assert closing and "this 26th January 2009" in closing[0]


def test_a_treaty_is_named_by_its_own_acronym_and_not_by_a_word_another_title_holds(docs) -> None:  # type: ignore[no-untyped-def]
    """ "IRENA" is the acronym the Statute's title gives itself in brackets; "European" is in the titles of both
    Council of Europe animal conventions, so it names neither (it named the transport convention, the only one
    whose text writes it with a capital, for a question on the slaughter convention)."""
    from mea_assistant.queries import analyse

    assert "irena-statute-2009" in analyse("How soon can a member leave IRENA?", docs).doc_ids
    slaughter = analyse("What does the European convention on the protection of animals for slaughter mean by "
                        "'stunning'?", docs)
    assert "animal-transport-convention-2003" not in slaughter.doc_ids


def test_a_period_in_seconds_is_a_period_stated(docs) -> None:  # type: ignore[no-untyped-def]
    """"How long may an electric shock last?" is answered by the slaughter convention's Art. 5(1) ("provided that
    the shocks last no more than two seconds"): a period in seconds is stated; a paragraph stating none still is not
    (the abstention check once knew days to years only)."""
    from mea_assistant.unstated import measure_unstated
    from mea_assistant.stores.hits import paragraph_hit

    doc = docs["slaughter-convention-1979"]
    shocks = next(i for i, p in enumerate(doc.paragraphs) if "two seconds" in p.text)
    question = "How long may an electric shock used to move cattle or pigs last under the 1979 convention?"
    assert not measure_unstated(question, [paragraph_hit(doc, shocks, 1.0)])
    title = next(i for i, p in enumerate(doc.paragraphs) if "two seconds" not in p.text and "day" not in p.text
                 and "period" not in p.text and "time" not in p.text and "year" not in p.text)
    assert measure_unstated(question, [paragraph_hit(doc, title, 1.0)])
