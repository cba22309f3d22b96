"""The sixteenth set of treaties nobody tuned for (tests/fixtures/unseen16, see its README): the Convention on the High Seas
(1958), the Nagoya-Kuala Lumpur Supplementary Protocol on Liability and Redress (2010), the Agreement on the
Establishment of the International Vaccine Institute (1996) and the UNESCO Convention for the Safeguarding of the
Intangible Cultural Heritage (2003), spot-checked (checks.toml) and questioned (evals/unseen-16.jsonl) from the texts
alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. On the blind run (eecf0f9, parser v28) 26 of 32 held: the Supplementary Protocol's 2 2 d ii a (a sub-item
# (a) under (ii) under (d)), and five of the Vaccine Institute's (its Constitution, printed after the Agreement,
# numbers its articles from I again and was read as the Agreement's, "Art. I ¶2", "Status: Art. II(1)"; and an
# amendment headed "### Amendment  II*"). The Vaccine Institute's hold since parser v29, the Supplementary
# Protocol's since v31 (a list restarting at "(a)" under "(ii) ... :" is its items).
KNOWN: dict[tuple[str, str], str] = {}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen16", KNOWN, lost=LOST)


def test_articles_numbered_again_under_a_heading_are_that_texts_part(docs) -> None:  # type: ignore[no-untyped-def]
    """The Vaccine Institute's Constitution follows the Agreement's Articles I-XI under "####Constitution of the
    International Vaccine Institute" and numbers its own articles from I; its amendments are headed "### Amendment
    I*" ... "### Amendment  III*"."""
    refs = {p.ref: p for p in docs["vaccine-institute-agreement-1996"].paragraphs}
    assert refs["Constitution, Art. I"].text.startswith("The Institute shall have its headquarters at Seoul")
    assert refs["Art. I"].text != refs["Constitution, Art. I"].text  # the Agreement's own Article I keeps its ref
    assert {"Amendment I", "Amendment II", "Amendment III"} <= set(refs)


def test_a_definition_after_an_article_is_found(docs) -> None:  # type: ignore[no-untyped-def]
    """UNESCO conventions define 'The “intangible cultural heritage” means ...': the article before the quoted term
    hid the definition, and the answer led with a recital."""
    from mea_assistant.queries import QueryInfo
    from mea_assistant.retrieval.definitions import defining_paragraphs
    from mea_assistant.types import Filters

    found = defining_paragraphs("intangible cultural heritage", docs, Filters(), QueryInfo(text="", expanded=""))
    assert [(h.doc_id, h.ref) for h in found][:1] == [("intangible-heritage-convention-2003", "Art. 2(1)")]
    # without quotation marks an article before the term is no definition ("The Committee shall include ...")
    assert not defining_paragraphs("committee", docs, Filters(), QueryInfo(text="", expanded=""))


def test_a_named_document_is_read_for_its_definitions_whatever_convention_its_name_mentions(docs) -> None:  # type: ignore[no-untyped-def]
    """ "How does the Nagoya-Kuala Lumpur Supplementary Protocol ... define 'damage'?" names the Supplementary
    Protocol (a Cartagena protocol) and, by "Nagoya", the Nagoya Protocol's convention: its own definition counts."""
    from mea_assistant.queries import analyse
    from mea_assistant.retrieval.definitions import defining_paragraphs
    from mea_assistant.types import Filters

    info = analyse("How does the Nagoya-Kuala Lumpur Supplementary Protocol on Liability and Redress define 'damage'?",
                   docs)
    found = defining_paragraphs("damage", docs, Filters(), info)
    assert [(h.doc_id, h.ref) for h in found] == [("supplementary-protocol-2010", "Art. 2(2)(b)")]


def test_a_convention_word_inside_another_documents_name_names_that_document(docs, corpus_docs) -> None:  # type: ignore[no-untyped-def]
    """ "Nagoya" of "the Nagoya-Kuala Lumpur Supplementary Protocol" is the Supplementary Protocol's name, not the
    Nagoya Protocol (which this folder does not hold): the question asks about one document and names no convention.
    "The Nagoya Protocol and the CBD" still names both conventions."""
    from mea_assistant.queries import analyse

    info = analyse("How soon may a Party withdraw from the Nagoya-Kuala Lumpur Supplementary Protocol?", docs)
    assert (info.doc_ids, info.conventions) == (["supplementary-protocol-2010"], [])
    both = analyse("How do the Nagoya Protocol and the Convention on Biological Diversity share benefits?", corpus_docs)
    assert set(both.conventions) == {"Nagoya", "CBD"}


def test_a_convention_its_preamble_recalls_is_not_its_own(docs) -> None:  # type: ignore[no-untyped-def]
    """The Intangible Heritage Convention recalls the World Heritage Convention in its preamble; it is its own
    instrument ("other", the data file does not know it), not a World Heritage document (since parser v48 not tagged
    with it at all: a recital is not the title block).
    The LRTAP Convention, whose title the data file misses by a typo ("air polution"), keeps naming itself."""
    from pathlib import Path

    from mea_assistant.parsing import parse_file

    assert docs["intangible-heritage-convention-2003"].conventions == ("other",)
    lrtap = parse_file(Path(__file__).parent / "fixtures" / "unseen2" / "lrtap-convention-1979.md")
    assert lrtap.conventions[0] == "LRTAP"
