"""Round 57: a note asked of several named instruments answers each aspect for each; leaving an instrument asked in
plain words. On the shipped corpus and its real index, in words of our own; each case below was read otherwise before
this round's change.
"""

from __future__ import annotations

import pytest

from mea_assistant.briefing import build_note
from mea_assistant.briefing.duties_governance import LEAVING_TOPIC
from mea_assistant.retrieval.finalclauses import asks_leaving


def test_a_note_on_how_two_named_instruments_are_run_answers_each_aspect_for_each(assistant) -> None:  # type: ignore[no-untyped-def]
    note = build_note(assistant, "How the Ramsar Convention and the Convention on Biological Diversity are run: the "
                                 "decision-making body and how often it meets, the secretariat, the bodies giving "
                                 "scientific advice, and how a Party can leave.")
    cited = {(r.doc_id, r.ref) for r in note.references}
    # each one's clause on leaving it, and Ramsar's bureau beside the CBD's secretariat
    assert ("cbd-convention-1992", "Art. 38(1)") in cited and ("ramsar-convention-1971", "Art. 11(2)") in cited
    assert ("ramsar-convention-1971", "Art. 8(1)") in cited and ("cbd-convention-1992", "Art. 24(1)") in cited


@pytest.mark.parametrize(("text", "leaving"), [
    ("and how a Party can leave.", True),
    ("how each enters into force and can be left.", True),
    ("whether to leave, and when", True),
    ("what can be left to national law", False),
    ("the birds leave, then return", False),
])
def test_leaving_an_instrument_in_plain_words(text: str, leaving: bool) -> None:
    assert bool(LEAVING_TOPIC.search(text)) is leaving and asks_leaving(text) is leaving


def test_a_document_of_a_named_convention_that_says_much_on_the_topic_gets_a_named_instrument_s_budget(assistant) -> None:  # type: ignore[no-untyped-def]
    # CMS and CITES named by their codes; the CITES Secretariat's account of its partnerships is the CITES text that
    # says most on the topic, so it is discussed as fully as a named instrument, not as a fifth instrument
    from mea_assistant.briefing.selection import REFS_PER_DOC

    note = build_note(assistant, "A note for our delegation on how CMS and CITES work together and with other "
                                 "biodiversity bodies: their joint work, the secretariats' partnership agreements, "
                                 "and how national focal points should coordinate.")
    own = [r for r in note.references if r.doc_id == "cites-cooperation-response-2025"]
    assert len(own) >= REFS_PER_DOC[1]


def test_each_of_two_instruments_the_officer_names_is_discussed_as_fully_as_the_first(assistant) -> None:  # type: ignore[no-untyped-def]
    from mea_assistant.briefing.selection import REFS_PER_DOC

    note = build_note(assistant, "Obligations under the Convention on Migratory Species and the Sharks MOU for bycatch "
                                 "of migratory sharks in our longline fisheries.")
    cms = [r for r in note.references if r.doc_id == "cms-convention-1979"]
    assert len(cms) >= REFS_PER_DOC[0]


def test_the_request_s_audience_and_verbs_are_not_the_subject_of_a_note(assistant) -> None:  # type: ignore[no-untyped-def]
    from mea_assistant.briefing.subject import subject_of, weighted_terms

    documents = assistant.index.documents
    subject = subject_of("For the Standing Committee, please brief on how the Bonn Convention cooperates with range "
                         "States, and cover especially capacity-building.", documents)
    words = set(weighted_terms(subject, assistant.index))
    assert not words & {"stand", "standing", "committee", "please", "brief", "cover", "especially"}
    assert {w for w in words if w.startswith("cooper")} and {w for w in words if w.startswith("capacity")}
    # a body the topic is about stays its subject
    about = subject_of("The role of the Standing Committee under CITES", documents)
    assert {w for w in weighted_terms(about, assistant.index) if w.startswith("committee")}
