"""Round 60: a topic whose relation word says itself what it relates ("cooperation between convention
secretariats") is not about the relation between the instruments it names, and each one's own provisions are
discussed; the scene set before the request ("The Minister will speak at a side event on ...") is not its subject.
On the shipped corpus and its real index, in words of our own.
"""

from __future__ import annotations

from mea_assistant.briefing import build_note
from mea_assistant.briefing.relation import read_names
from mea_assistant.briefing.subject import request_of

_TOPIC = ("How the CMS synergies resolution, the CMS-CITES joint work programme and AEWA provide for cooperation "
          "between convention secretariats and with national focal points.")


def test_a_relation_word_relating_others_does_not_relate_the_instruments(assistant) -> None:  # type: ignore[no-untyped-def]
    documents = assistant.index.documents
    assert read_names(_TOPIC, documents)[1] is False
    assert read_names("Cooperation between CMS and CITES on sharks", documents)[1] is True


def test_each_named_instrument_is_discussed_with_its_own_provisions(assistant) -> None:  # type: ignore[no-untyped-def]
    note = build_note(assistant, _TOPIC)
    cited = [r.doc_id for r in note.references]
    # once none of AEWA's: a relation topic kept only paragraphs naming two of the instruments
    assert cited.count("aewa-agreement-1995") >= 3
    assert "cms-res-11-10-synergies-partnerships" in cited and "cms-cites-jwp-2012-2014" in cited


def test_the_scene_before_the_request_is_not_the_subject() -> None:
    topic = ("The Minister opens a wetlands workshop next week. Please prepare a briefing note on how sites are added "
             "to the Ramsar List.")
    assert request_of(topic) == "Please prepare a briefing note on how sites are added to the Ramsar List."
    assert request_of("Please prepare a note on Ramsar site designation.") == \
        "Please prepare a note on Ramsar site designation."
