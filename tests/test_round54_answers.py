"""Round 54: the agent of a passive that names a role first; a follow-up after an answer that cited a paragraph
with lettered items (the unit rule: test_drilldown.py); the waterbirds of one treaty and the waterfowl of another;
a plan or a letter named by its file name's words and its kind.

Each on the shipped corpus (and its real index where the question goes through the whole pipeline), in words of
our own.
"""

from __future__ import annotations

from mea_assistant.leads import actor_in


def test_the_agent_of_a_passive_is_found_after_the_role_it_gives() -> None:
    text = "Members of the Board shall be elected as representatives of the regions by the Conference of the Parties."
    assert actor_in(text, agent_only=True) == "the Conference of the Parties"
    assert actor_in("The Chair shall be elected by the Parties present.", agent_only=True) == "the Parties present"
    assert actor_in("Each Party shall designate a focal point.", agent_only=True) == ""


def test_who_chooses_a_body_s_members_is_answered_by_the_passive_s_agent(assistant) -> None:  # type: ignore[no-untyped-def]
    history = [{"role": "user", "content": "What does the Advisory Committee of the Sharks MOU do?"},
               {"role": "assistant", "content": "It advises the Signatories and the Secretariat (Sharks MOU para. 24) [1]."}]
    answer = assistant.ask("And who chooses its members?", history=history)
    assert (answer.citations[0].doc_id, answer.citations[0].ref) == ("sharks-mou-2010", "para. 25")
    assert "Signatories" in answer.lead


def test_a_follow_up_past_the_items_already_cited_reaches_the_next_paragraph(assistant) -> None:  # type: ignore[no-untyped-def]
    history = [{"role": "user", "content": "Can a CMS Range State ever permit taking an Appendix I species?"},
               {"role": "assistant", "content": "Only by way of exception, for the purposes listed (CMS Art. III(5)) [1]."}]
    answer = assistant.ask("Is there a reporting duty for such exceptions?", history=history)
    assert (answer.citations[0].doc_id, answer.citations[0].ref) == ("cms-convention-1979", "Art. III(7)")


def test_ramsar_s_waterfowl_answer_a_question_about_waterbirds(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("How does the Ramsar Convention define waterbirds?")
    assert (answer.citations[0].doc_id, answer.citations[0].ref) == ("ramsar-convention-1971", "Art. 1(2)")


def test_a_plan_or_a_letter_is_named_by_the_words_of_its_file_name_and_its_kind(corpus_docs) -> None:  # type: ignore[no-untyped-def]
    from mea_assistant.queries import analyse

    def named(text: str) -> list[str]:
        return analyse(text, corpus_docs).doc_ids

    assert "cms-capacity-building-target-9" in named("How does the capacity-building plan tie into AEWA?")
    assert "cites-cooperation-response-2025" in named("What does the CITES Secretariat's letter to DOALOS list?")
    # the topic's words alone, or a convention's code with the kind, name no document
    assert named("What does the CMS say about capacity-building for new Parties?") == []
    assert "cites-cooperation-response-2025" not in named("We received a letter from CITES about our lizard exports.")
