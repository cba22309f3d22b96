"""Round 57: a recital asked in everyday verbs; the document an "according to" question takes its answer from; a
number of a plan no paragraph is labelled with; follow-ups that ask for "something similar" or lean on "doing that".

On the shipped corpus and its real index, in words of our own; each case below was answered or read otherwise before
this round's change.
"""

from __future__ import annotations

from mea_assistant.answer_types import classify


def _turns(question: str, answer: str) -> list[dict[str, str]]:
    return [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]


def test_a_recital_asked_in_an_everyday_verb_answers(assistant) -> None:  # type: ignore[no-untyped-def]
    # "accept" of a recital that opens "Recognizing that ..."
    cited = assistant.ask("Does the Ramsar Convention accept that waterfowl can be regarded as an international "
                          "resource?").citations
    assert (cited[0].doc_id, cited[0].ref) == ("ramsar-convention-1971", "PP5")


def test_a_letter_is_named_by_its_author_and_answers_an_according_to_question(assistant) -> None:  # type: ignore[no-untyped-def]
    named = assistant.understand("According to the CITES Secretariat's reply of 2025, what does its joint work with "
                                 "CMS cover?").info.doc_ids
    assert named == ["cites-cooperation-response-2025"]
    cited = assistant.ask("What subjects does the joint work programme with CMS take up, according to the CITES "
                          "Secretariat's response?").citations
    assert cited[0].doc_id == "cites-cooperation-response-2025"
    # a convention's code with "letter" is not its Secretariat's letter
    assert assistant.understand("What does the CITES letter say about sharks?").info.doc_ids == []


def test_what_makes_something_count_as_a_term_asks_its_definition() -> None:
    assert classify("What makes a species count as endangered under the Bonn Convention?") == "definition"


def test_a_number_no_paragraph_is_labelled_with_is_answered_where_the_text_names_it(assistant) -> None:  # type: ignore[no-untyped-def]
    # "objective 4.1" of the capacity-building strategy, not item 4.1.4 of another plan the document quotes
    cited = assistant.ask("What does the capacity-building strategy expect under objective 4.1?").citations
    assert (cited[0].doc_id, cited[0].ref) == ("cms-capacity-building-target-9", "para. 20")


def test_a_follow_up_asking_for_something_similar_keeps_the_topic(assistant) -> None:  # type: ignore[no-untyped-def]
    history = _turns("Does the CMS preamble say anything about future generations?",
                     "Yes: each generation holds the earth's resources for future generations (CMS PP2).")
    query = assistant.understand("Does the Ramsar Convention say something similar?", history).standalone
    assert "future generations" in query and "preamble" in query


def test_doing_that_stands_for_the_earlier_topic(assistant) -> None:  # type: ignore[no-untyped-def]
    history = _turns("What does the CBD require of Parties on public education and awareness?",
                     "Under Article 13, Parties shall promote understanding of the importance of conservation.")
    query = assistant.understand("Which international organizations must they cooperate with when doing that?",
                                 history).standalone
    assert "education" in query and "awareness" in query


def test_a_right_the_treaty_keeps_answers_yes_and_no_when_asked_whether_it_prevents_it(assistant) -> None:  # type: ignore[no-untyped-def]
    # "shall in no way affect the right of Parties to adopt stricter domestic measures ... or the complete
    # prohibition thereof": the Parties may; the prohibition is what they may adopt, not a denial
    assert assistant.ask("Can a Party adopt stricter domestic measures than CITES requires?").lead.startswith("Yes")
    assert assistant.ask("Does AEWA prevent a Party from adopting stricter measures to conserve "
                         "waterbirds?").lead.startswith("No")


def test_a_complete_follow_up_naming_no_instrument_stays_in_the_conversation_s_instrument(corpus_docs) -> None:  # type: ignore[no-untyped-def]
    from mea_assistant.conversation import rewrite
    from mea_assistant.queries import instrument_spans

    history = _turns("What does the Nagoya Protocol require before genetic resources are accessed?",
                     "Prior informed consent of the providing Party (Nagoya Protocol Art. 6(1)).")
    query = rewrite("After the provider agrees, which document must be issued to the user at the time of access?",
                    history, instrument_spans=lambda text: instrument_spans(text, corpus_docs))
    assert query.endswith("Nagoya Protocol")


def test_when_a_treaty_starts_to_apply_to_a_state_joining_later_is_its_joiner_s_clause(assistant) -> None:  # type: ignore[no-untyped-def]
    cited = assistant.ask("Our instrument of accession to the CBD goes to the depositary next month; the Convention "
                          "is already in force. When does it begin to apply to us?").citations
    assert (cited[0].doc_id, cited[0].ref) == ("cbd-convention-1992", "Art. 36(3)")
    cited = assistant.ask("Ramsar has long been in force and we are about to accede. When will it start to apply to "
                          "our country?").citations
    assert (cited[0].doc_id, cited[0].ref) == ("ramsar-convention-1971", "Art. 10(2)")
