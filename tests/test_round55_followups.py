"""Round 55: a follow-up's next step is found next to the paragraph the last answer cited (drilldown.near_first).

On the shipped corpus and its real index, in words of our own; each follow-up below led with another paragraph
before near_first (the carried words find the earlier paragraph's subject, not its next step).
"""

from __future__ import annotations

import pytest

from mea_assistant.drilldown import answered_positions, around

from conftest import para


def _turns(question: str, answer: str) -> list[dict[str, str]]:
    return [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]


def test_the_paragraphs_an_answer_cited_are_found_only_in_the_instrument_the_conversation_names(corpus_docs) -> None:  # type: ignore[no-untyped-def]
    sharks = corpus_docs["sharks-mou-2010"]
    answer = "By written notice to the other Signatories (Sharks MOU para. 32) [1]."
    assert answered_positions(sharks, answer, answer.lower()) == [para(sharks, "para. 32").position]
    # the same label in a conversation about another instrument is not this document's paragraph
    assert answered_positions(sharks, answer.replace("Sharks MOU ", ""), "and under the ramsar convention?") == []
    near = around(sharks, [para(sharks, "para. 32").position])
    assert para(sharks, "para. 33").position in near and para(sharks, "para. 32").position not in near


@pytest.mark.parametrize(("question", "answer", "follow_up", "expected"), [
    ("How can a Signatory leave the Sharks MOU?",
     "By written notice to the other Signatories through the Secretariat (Sharks MOU para. 32) [1].",
     "Could the Signatories rewrite the memorandum instead?", ("sharks-mou-2010", "para. 33")),
    ("What are the functions of the Advisory Committee under the Sharks MOU?",
     "Advising on implementation and reviewing scientific assessments (Sharks MOU para. 24) [1].",
     "Can the Meeting of the Signatories add further tasks to that?", ("sharks-mou-2010", "para. 24(e)")),
    ("What can the AEWA Meeting of the Parties do at its sessions?",
     "Make recommendations, adopt specific actions and decide on amendments (AEWA Art. VI(9)) [1].",
     "Can it also deal with anything else about how the agreement works?", ("aewa-agreement-1995", "Art. VI(9)(f)")),
])
def test_a_follow_up_s_next_step_is_read_next_to_the_paragraph_just_cited(assistant, question, answer, follow_up,  # type: ignore[no-untyped-def]
                                                                           expected) -> None:
    cited = assistant.ask(follow_up, history=_turns(question, answer)).citations
    assert (cited[0].doc_id, cited[0].ref) == expected


def test_a_follow_up_naming_another_locator_is_not_pulled_back_to_the_cited_one_s_neighbours(assistant) -> None:  # type: ignore[no-untyped-def]
    history = _turns("What does CITES require to export a specimen of an Appendix II species?",
                     "An export permit, granted on the advice of a Scientific Authority (CITES Art. IV(2)) [1].")
    cited = assistant.ask("What about Appendix III?", history=history).citations
    assert (cited[0].doc_id, cited[0].ref) == ("cites-convention-1973", "Art. V(2)")


def test_an_instrument_the_earlier_turn_named_is_carried_whole(corpus_docs) -> None:  # type: ignore[no-untyped-def]
    from mea_assistant.conversation import rewrite
    from mea_assistant.queries import analyse, instrument_spans

    history = _turns("Until when was the Convention on Biological Diversity open for signature?",
                     "Until 4 June 1993, at United Nations Headquarters (CBD Art. 33) [1].")
    query = rewrite("After that date, how could a State still become a Party?", history,
                    instrument_spans=lambda text: instrument_spans(text, corpus_docs))
    assert "Convention on Biological Diversity" in query  # not "Convention Biological Diversity", which names none
    assert analyse(query, corpus_docs).doc_ids == ["cbd-convention-1992"]


def test_a_follow_up_leaning_on_a_treaty_named_in_full_is_answered_from_it(assistant) -> None:  # type: ignore[no-untyped-def]
    history = _turns("Until when was the Convention on Biological Diversity open for signature?",
                     "Until 4 June 1993, at United Nations Headquarters.")
    answer = assistant.ask("After that date, how could a State still become a Party?", history=history)
    assert not answer.abstained
    assert answer.citations[0].doc_id == "cbd-convention-1992"


def test_a_follow_up_asking_whether_another_treaty_does_the_same_finds_its_counterpart(assistant) -> None:  # type: ignore[no-untyped-def]
    history = _turns("Who runs the CITES Secretariat?", "The Executive Director of UNEP (CITES Art. XII(1)) [1].")
    cited = assistant.ask("Is that also the case for CMS?", history=history).citations
    assert (cited[0].doc_id, cited[0].ref) == ("cms-convention-1979", "Art. IX(2)")  # not the Secretariat's functions


def test_a_question_whether_a_list_of_tasks_is_closed_is_answered_by_the_item_leaving_it_open(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("Is the list of the AEWA Technical Committee's tasks closed?")
    assert (answer.citations[0].doc_id, answer.citations[0].ref) == ("aewa-agreement-1995", "Art. VII(3)(d)")
    history = _turns("What does the Advisory Committee of the Sharks MOU do?",
                     "It gives expert advice on implementing the memorandum (Sharks MOU para. 24) [1].")
    cited = assistant.ask("Are those its only tasks?", history=history).citations
    assert (cited[0].doc_id, cited[0].ref) == ("sharks-mou-2010", "para. 24(e)")


@pytest.mark.parametrize(("species", "listing"), [("Dalmatian pelican", "App. I, PELECANIFORMES"),
                                                  ("whale shark", "App. II, ORECTOLOBIFORMES")])
def test_it_after_a_question_on_a_species_stands_for_that_species(assistant, species, listing) -> None:  # type: ignore[no-untyped-def]
    history = _turns(f"Is the {species} listed in CITES?", "Yes, in one of its appendices.")
    answer = assistant.ask("Is it on an appendix of the Bonn Convention too?", history=history)
    assert species in answer.rewritten_query
    assert (answer.citations[0].doc_id, answer.citations[0].ref) == ("cms-convention-1979", listing)


def test_a_meeting_s_acronym_in_a_follow_up_does_not_replace_the_party_the_earlier_turn_named(assistant) -> None:  # type: ignore[no-untyped-def]
    # "CoP" is the field's word for the Conference of the Parties, not another entity replacing "the EU"
    history = _turns("Can the EU become a Party to CITES?", "Yes, by accession (CITES Art. XXI(1)) [1].")
    answer = assistant.ask("How many votes does it get at the CoP?", history=history)
    assert "EU" in answer.rewritten_query and not answer.abstained
    assert (answer.citations[0].doc_id, answer.citations[0].ref) == ("cites-convention-1973", "Art. XXI(4)")
