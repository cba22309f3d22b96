"""Round 51: a question about the preamble is answered by recitals, a document named by the numbered part it is
about, an appendix annotation by its mark, a resolution's latest revision and where it was adopted, and a briefing
topic glossed with its instruments read as "treaty".

Each on the shipped corpus (and its real index where the question goes through the whole pipeline), in words of
our own.
"""

from __future__ import annotations

from mea_assistant.asked_refs import explicit_refs
from mea_assistant.briefing.subject import glossable, subject_of
from mea_assistant.queries import analyse, glossed
from mea_assistant.refs import ref_has_prefix
from mea_assistant.retrieval.reasons import asks_recitals
from mea_assistant.types import display_name
from mea_assistant.unstated import asks_for_current_status


def test_a_comparison_of_preambles_compares_recitals(assistant) -> None:  # type: ignore[no-untyped-def]
    assert asks_recitals("What does the preamble of the Bonn Convention stress?")
    assert not asks_recitals("What does the Bonn Convention require of Range States?")
    answer = assistant.ask("Which transboundary concern does each of the Bonn Convention and CITES put forward in "
                           "its preamble?")
    assert {(c.doc_id, c.ref) for c in answer.citations} == {("cms-convention-1979", "PP4"),
                                                           ("cites-convention-1973", "PP4")}


def test_a_document_named_by_its_target_is_named_not_its_paragraph(assistant, corpus_docs) -> None:  # type: ignore[no-untyped-def]
    assert explicit_refs("What does Target 9 of the Strategic Plan say?") == [["target", "9"]]
    assert explicit_refs("In the Target 9 capacity-building paper, what was decided?") == []
    info = analyse("According to the Target 9 paper, when did recruiting new Parties become a priority?", corpus_docs)
    assert "cms-capacity-building-target-9" in info.doc_ids
    answer = assistant.ask("According to the CMS Target 9 capacity-building paper, at which COP and in which year "
                           "was recruiting new Parties made a high priority?")
    assert answer.citations[0].ref == "para. 21"


def test_a_paragraph_a_document_is_named_after_is_cited_by_the_name_alone() -> None:
    assert display_name("CMS Strategic Plan, Target 9", "Target 9") == "CMS Strategic Plan, Target 9"
    assert display_name("CMS Strategic Plan, Target 9", "para. 21") == "CMS Strategic Plan, Target 9, para. 21"
    assert display_name("CITES Convention", "Art. 9") == "CITES Convention, Art. 9"


def test_an_annotation_is_found_by_its_mark(assistant) -> None:  # type: ignore[no-untyped-def]
    assert explicit_refs("What does annotation #3 cover?") == [["note", "#3"]]
    assert ref_has_prefix(["note", "#3"], "App. I, II and III, note #3")
    assert not ref_has_prefix(["note", "#3"], "App. I, II and III, note 3")
    answer = assistant.ask("Are teas and pills of roots covered by annotation #3 in the CITES appendices?")
    assert answer.citations[0].ref == "App. I, II and III, note #3"


def test_the_latest_revision_of_a_resolution_is_in_its_title_block(assistant) -> None:  # type: ignore[no-untyped-def]
    assert not asks_for_current_status("Where was the latest revision of the CMS synergies resolution adopted?")
    assert asks_for_current_status("What is the latest status of the dugong population?")
    answer = assistant.ask("In which city was the latest revision of the CMS resolution on synergies and "
                           "partnerships adopted?")
    assert not answer.abstained
    assert any("Samarkand" in c.text for c in answer.citations)


def test_the_glossary_reads_a_topic_with_its_instruments_as_treaty(corpus_docs) -> None:  # type: ignore[no-untyped-def]
    topic = "How can the wetlands convention be changed, and how may a Party leave it?"
    assert "wetlands convention" not in glossable(topic, corpus_docs) and "treaty" in glossable(topic, corpus_docs)
    words = " ".join(glossed(glossable(topic, corpus_docs)))
    assert "amendment" in words  # "changed" is said of the treaty, which the subject alone (instruments blanked) loses
    assert "amendment" not in " ".join(glossed(subject_of(topic, corpus_docs)))
