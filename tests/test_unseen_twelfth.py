"""The twelfth set of treaties nobody tuned for (tests/fixtures/unseen12, see its README): the European Landscape
Convention (Florence, 2000), the European Convention on the Protection of the Archaeological Heritage (revised,
Valletta, 1992), the Tampere Convention on the Provision of Telecommunication Resources for Disaster Mitigation and
Relief Operations (1998) and the Joint Convention on the Safety of Spent Fuel Management and on the Safety of
Radioactive Waste Management (Vienna, 1997), spot-checked (checks.toml) and questioned (evals/unseen-12.jsonl) from
the texts alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold, no sentence is lost, and each convention is read as
what its title calls it."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. On the blind run (74eeb8f) 29 of 32 held: the Landscape Convention's Art. 6 B(b), 6 C(1)(a)(ii) and 6 D
# (its lettered parts "A. Awareness-raising" ... "E. Implementation" were not read, so 6 B's items were "Art. 6(b)"
# and 6 D was "Art. 6 ¶3"), and the same convention was named by the database's Dutch title line ("Europees
# landschapsverdrag", a title of two words with no function word to tell its language by); all hold since
# parser v20.
KNOWN: dict[tuple[str, str], str] = {}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test. None
# on the blind run.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen12", KNOWN, lost=LOST)


KINDS = [("landscape-convention-2000", "convention"), ("archaeological-heritage-convention-1992", "convention"),
         ("tampere-convention-1998", "convention"), ("joint-convention-1997", "convention")]

test_each_is_read_as_its_title_says = treaty_sets.kinds_test(KINDS)


def test_the_databases_own_title_heads_no_section_and_is_listed_as_dropped(docs) -> None:  # type: ignore[no-untyped-def]
    """Each file opens with the treaty database's Dutch title line ("Europees landschapsverdrag") over the English
    title: the treaty's title heads every section (the sources panel, the embedded context) once, and the Dutch line is
    listed by `paragraphs --dropped`, not lost."""
    for doc in docs.values():
        assert {p.section[0] for p in doc.paragraphs if p.section} == {doc.title}, doc.doc_id
        assert not [p.ref for p in doc.paragraphs if any(a == b for a, b in zip(p.section, p.section[1:]))]
        assert [d.text for d in doc.dropped if d.reason.startswith("title in another language")], doc.doc_id


def test_a_lettered_part_of_an_article_sits_under_the_article_and_its_title(docs) -> None:  # type: ignore[no-untyped-def]
    paragraph = next(p for p in docs["landscape-convention-2000"].paragraphs if p.ref == "Art. 6 D")
    assert paragraph.section[-3:] == ("Article 6", "Specific measures", "D. Landscape quality objectives")


def test_the_word_preamble_on_its_own_line_is_a_heading_not_a_paragraph(docs) -> None:  # type: ignore[no-untyped-def]
    doc = docs["archaeological-heritage-convention-1992"]
    assert not [p.ref for p in doc.paragraphs if p.text.strip() == "Preamble"]
    assert doc.paragraphs[0].ref == "PP1"
    kept = [d.text for d in doc.dropped] + [s for p in doc.paragraphs for s in p.section]
    assert "Preamble" in kept  # a heading: listed by `paragraphs --dropped` when no paragraph sits under it


def test_a_subject_named_with_its_hereinafter_is_the_actor(docs):  # type: ignore[no-untyped-def]
    """ "The International Atomic Energy Agency, (hereinafter referred to as "the Agency") shall provide the secretariat"
    names who acts, before its parenthesis; the "who provides the secretariat" answer had led with Art. 37(3) ("The
    Contracting Parties may ... request the Agency to provide other services") because no actor was read in 37(1)."""
    from mea_assistant.leads import actor_in

    joint = docs["joint-convention-1997"]
    provides = next(p for p in joint.paragraphs if p.ref == "Art. 37(1)")
    assert actor_in(provides.text) == "The International Atomic Energy Agency"
