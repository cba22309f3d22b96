"""Round 59: a convention's meeting said to have asked or decided something ("what the CMS COP has asked Parties to
do") names the documents that meeting adopted, and the note discusses them; the meeting named as an event ("host the
next CMS COP") names none. On the shipped corpus and its real index, in words of our own.
"""

from __future__ import annotations

from mea_assistant.briefing import build_note
from mea_assistant.briefing.relation import adopted_by_meeting

_TOPIC = ("How migratory species are to be brought into national biodiversity strategies and action plans: what the "
          "CMS COP has asked Parties and the Secretariat to do, and what the dugong MOU signatories were asked to decide.")


def test_a_meeting_that_asked_something_names_the_documents_it_adopted(assistant) -> None:  # type: ignore[no-untyped-def]
    documents = assistant.index.documents
    assert adopted_by_meeting(_TOPIC, documents) == ["cms-res-11-10-synergies-partnerships"]
    # the convention described by its subject, or named after the meeting
    assert adopted_by_meeting("What has the migratory species COP asked of range states on bycatch?", documents) == \
        ["cms-res-11-10-synergies-partnerships"]
    assert adopted_by_meeting("What the Conference of the Parties to the Bonn Convention has decided on partnerships",
                              documents) == ["cms-res-11-10-synergies-partnerships"]
    assert adopted_by_meeting("Our government will host the next CMS COP; what must the host country provide?",
                              documents) == []


def test_the_note_discusses_what_the_meeting_adopted(assistant) -> None:  # type: ignore[no-untyped-def]
    note = build_note(assistant, _TOPIC)
    assert any(r.doc_id == "cms-res-11-10-synergies-partnerships" for r in note.references)
