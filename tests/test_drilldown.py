"""A follow-up asks for more than the last answer's lead said: that paragraph does not lead again (drilldown.py)."""

from __future__ import annotations

from mea_assistant.assistant import Assistant
from mea_assistant.drilldown import cited_in, further_first, last_answer
from mea_assistant.types import Hit


def _hit(ref: str, text: str = "Parties shall inform the Secretariat.", name: str = "CMS Convention") -> Hit:
    return Hit(doc_id="cms-convention-1979", ref=ref, display=f"{name}, {ref}", text=text, score=1.0,
               citation_name=name, conventions=("CMS",))


def test_a_paragraph_is_cited_by_its_whole_label_in_the_conversation_s_instrument() -> None:
    answer = last_answer([{"role": "assistant", "content": "Taking is prohibited, with exceptions (Article III(5)) [1]."}])
    context = ("Under CMS, can a Range State allow the taking of an Appendix I species? " + answer).lower()
    assert cited_in(_hit("Art. III(5)"), answer, context)
    # a lettered item was read with the paragraph leading into it; a numbered paragraph is a text of its own
    assert cited_in(_hit("Art. III(5)(a)"), answer, context)
    assert not cited_in(_hit("Art. III(6)"), answer, context)
    assert not cited_in(_hit("Art. III"), answer, context)
    other = Hit(doc_id="ramsar-convention-1971", ref="Art. III(5)", display="", text="", score=1.0,
                citation_name="Ramsar Convention", conventions=("Ramsar",))
    assert not cited_in(other, answer, context)  # the same label in a treaty the conversation never named
    assert not cited_in(_hit("para. 1"), "under CMS Res. 11.10, para. 10 [1]", "cms")


def test_only_the_lead_of_the_last_answer_counts_as_read() -> None:
    history = [{"role": "user", "content": "What does the CMS say?"},
               {"role": "assistant", "content": "Under CMS Convention Art. V(1), ... [1]\nUnder Art. V(5), ... [2]"}]
    assert "Art. V(1)" in last_answer(history) and "Art. V(5)" not in last_answer(history)


def test_the_paragraph_already_quoted_moves_below_the_next_unless_asked_again() -> None:
    history = [{"role": "user", "content": "Under CMS, may a Range State allow the taking of an Appendix I species?"},
               {"role": "assistant", "content": "Only in listed cases (Art. III(5)) [1]."}]
    hits = [_hit("Art. III(5)", "Exceptions may be made to this prohibition only if:"), _hit("Art. III(7)")]
    assert [h.ref for h in further_first(hits, "Do they have to tell anyone about it?", history)] == \
        ["Art. III(7)", "Art. III(5)"]
    assert further_first(hits, "Can you quote it?", history) == hits
    # the quoted paragraph says more of what is asked now: it keeps the lead
    assert further_first(hits, "Which exceptions may be made?", history) == hits


def test_a_drill_down_in_chat_is_answered_by_the_next_paragraph_not_the_one_just_quoted(assistant: Assistant) -> None:
    first = "What does Resolution 11.10 say about partnerships with the private sector?"
    answer = assistant.ask(first)
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": answer.text}]
    follow = assistant.ask("Who is supposed to pay for developing those partnerships?", history=history)
    assert answer.citations[0].ref == "para. 12"
    assert follow.citations[0].ref == "para. 28"  # "... requests Parties to ensure that adequate resources are provided"
    assert "adequate resources" in follow.lead
