"""Round 56: which instruments a briefing note on cooperation discusses.

"Cooperation between CMS and CITES" asks what links the two, so each paragraph quoted must concern both; a topic that
widens the cooperation to other bodies does not, and there a convention's own account of its cooperation says more
than its treaty. On the shipped corpus and its real index, in words of our own.
"""

from __future__ import annotations

import pytest

from mea_assistant.briefing import build_note
from mea_assistant.briefing.relation import read_names


@pytest.mark.parametrize(("topic", "relation"), [
    ("Cooperation between CMS and CITES on shared species", True),
    # cooperation beyond the two it names: not about what links them alone
    ("Cooperation between CMS and CITES, and with other biodiversity-related conventions, on shared species", False),
    # one instrument's own partnerships relate it to no other the topic names
    ("What the CBD and the wildlife trade convention's partnerships say about training rangers", False),
])
def test_a_topic_is_about_the_relation_between_instruments_only_when_it_relates_them(corpus_docs, topic,  # type: ignore[no-untyped-def]
                                                                                       relation) -> None:
    assert read_names(topic, corpus_docs)[1] is relation


def test_a_note_on_synergies_with_other_bodies_draws_on_each_convention_s_account_of_its_cooperation(assistant) -> None:  # type: ignore[no-untyped-def]
    note = build_note(assistant, "A background note on synergies between the migratory species convention and the "
                                 "wildlife trade convention, and with other biodiversity-related bodies: the joint "
                                 "work programme, partnerships of the secretariats and coordination of national "
                                 "focal points")
    cited = {r.doc_id for r in note.references}
    assert {"cms-res-11-10-synergies-partnerships", "cms-cites-jwp-2012-2014",
            "cites-cooperation-response-2025"} <= cited


def test_on_the_relation_between_two_conventions_a_treaty_article_naming_only_its_own_is_not_quoted(assistant) -> None:  # type: ignore[no-untyped-def]
    # the two named in everyday words, each several words long: "between the ... convention and the ... convention"
    note = build_note(assistant, "Cooperation and synergies between the migratory species convention and the wildlife "
                                 "trade convention: the joint work programme and the partnerships of their secretariats")
    assert "cms-cites-jwp-2012-2014" in {r.doc_id for r in note.references}
    for ref in note.references:
        if ref.doc_id == "cites-convention-1973":  # the treaty names CITES once, however it is counted
            assert "CMS" in ref.text or "Migratory Species" in ref.text, ref.ref
