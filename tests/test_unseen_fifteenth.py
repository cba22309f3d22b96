"""The fifteenth set of treaties nobody tuned for (tests/fixtures/unseen15, see its README): the Convention on the International
Hydrographic Organization (1967), the Convention on the Elaboration of a European Pharmacopoeia (1964), the
Agreement on voluntary contributions to save the temples of Philae (1970) and the Convention on the Protection and
Promotion of the Diversity of Cultural Expressions (2005), spot-checked (checks.toml) and questioned
(evals/unseen-15.jsonl) from the texts alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. On the blind run (c92ad2d, parser v27) 29 of 32 held: the IHO's General Regulations 27 c and Financial
# Regulations 7 (the two sets of regulations after the Convention number their articles from 1 again, and were read
# as its articles: "Art. 27(c)", "Art. 7 ¶2"), and the Cultural Expressions Convention's 2 6 (its Article 2 lists its
# eight principles by title, and "2.  Principle of sovereignty", a short line before the next number, was read as a
# heading). All hold since parser v28.
KNOWN: dict[tuple[str, str], str] = {}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen15", KNOWN, lost=LOST)


def test_regulations_after_the_articles_are_a_part_and_a_list_of_titles_is_a_list(docs) -> None:  # type: ignore[no-untyped-def]
    iho = {p.ref: p for p in docs["iho-convention-1967"].paragraphs}
    assert iho["General Regulations, Art. 27(c)"].text.startswith("A candidate must be less than sixty-six years old")
    assert iho["Financial Regulations, Art. 7"].text.startswith("The Principality of Monaco shall enjoy")
    # the Convention's own articles keep their refs
    assert iho["Art. I"].text.startswith("There is hereby established an International Hydrographic Organisation")
    assert iho["General Regulations, Art. 1"].text.startswith("The Organisation is a consultative agency")
    principles = [p for p in docs["cultural-expressions-convention-2005"].paragraphs if p.ref.startswith("Art. 2(")]
    assert [p.ref for p in principles] == [f"Art. 2({n})" for n in range(1, 9)]
    assert principles[1].text == "Principle of sovereignty"


def test_a_question_in_the_other_spelling_is_supported_by_the_text(docs) -> None:  # type: ignore[no-untyped-def]
    """The IHO Convention writes "Organisation"; a question about the "International Hydrographic Organization"
    asks about it, and was abstained on as if it named something the corpus lacks."""
    from mea_assistant.abstention import _supported, _together

    text = " ".join(p.text for p in docs["iho-convention-1967"].paragraphs).lower()
    assert "organization" not in text
    assert _supported("Organization", text, set())
    assert _together(["International", "Hydrographic", "Organization"], text)
    assert not _supported("Organizations", "the organ shall meet", set())


def test_a_body_the_text_establishes_names_the_text(docs, corpus_docs) -> None:  # type: ignore[no-untyped-def]
    """"An International Fund for Cultural Diversity, hereinafter referred to as “the Fund”, is hereby established"
    makes the Fund a name of that convention; a body every treaty establishes ("A Conference of the Parties is
    hereby established", CBD Art. 23) names none."""
    from mea_assistant.bodies import established_bodies
    from mea_assistant.queries import analyse

    question = "Where does the money of the International Fund for Cultural Diversity come from?"
    assert analyse(question, docs).doc_ids == ["cultural-expressions-convention-2005"]
    assert "iho-convention-1967" in analyse("Who runs the International Hydrographic Organization?", docs).doc_ids
    shipped = established_bodies(corpus_docs)
    assert shipped.get("access and benefit-sharing clearing-house") == "nagoya-protocol-2010"
    assert not any("conference of the parties" in name or "secretariat" in name for name in shipped)
