"""Round 58: conventions written before a document's name are part of that name ("the CMS-CITES work programme"),
so a topic naming it is not read as one on how CMS and CITES relate; a letter named by what its author reported.
On the shipped corpus and its real index, in words of our own; each case was read otherwise before this change.
"""

from __future__ import annotations

from mea_assistant.briefing import build_note
from mea_assistant.briefing.relation import read_names


_TOPIC = ("What do signatories commit to under the CMS memorandum of understanding on migratory sharks (finning, "
          "bycatch, national records), and what joint help does the CMS-CITES work programme plan for sharks?")


def test_conventions_written_before_a_document_s_name_belong_to_it(assistant) -> None:  # type: ignore[no-untyped-def]
    codes, relation = read_names(_TOPIC, assistant.index.documents)
    assert "CITES" not in codes and not relation


def test_a_note_on_what_an_mou_commits_to_quotes_its_measures(assistant) -> None:  # type: ignore[no-untyped-def]
    note = build_note(assistant, _TOPIC)
    measures = [r for r in note.references if r.doc_id == "sharks-mou-2010" and r.ref.startswith("para. 13")]
    assert len(measures) >= 3  # before: none, every MOU paragraph judged by how it relates CMS and CITES


def test_a_letter_is_named_by_what_its_author_reported(assistant) -> None:  # type: ignore[no-untyped-def]
    named = assistant.understand("What has the CITES Secretariat reported about its memoranda of understanding?")
    assert named.info.doc_ids == ["cites-cooperation-response-2025"]


def test_an_instrument_s_recital_on_the_topic_is_quoted_as_context(assistant) -> None:  # type: ignore[no-untyped-def]
    # the MOU's recital that RFMOs should be involved, nearly as close to the topic as its articles
    note = build_note(assistant, "How signatories of the Sharks MOU are to work with regional fisheries management "
                                 "organizations on shark conservation and management.")
    assert ("sharks-mou-2010", "PP7") in {(r.doc_id, r.ref) for r in note.references}


def test_a_plan_s_target_is_named_by_what_its_title_says(assistant) -> None:  # type: ignore[no-untyped-def]
    named = assistant.understand("What does the CMS strategic plan's target on concerted cooperation between States "
                                 "ask of Parties?")
    assert named.info.doc_ids == ["cms-capacity-building-target-9"]
