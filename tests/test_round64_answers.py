"""Round 64: a question on an instrument's definitions as a whole ("where are its definitions?", "does that definition
hold for the whole treaty?") is answered by the clause that opens them ("For the purpose of this Convention:"); "what
is X?" of a body or initiative the texts name is answered by the paragraph saying what it is ("X is an ...", "X, a
..."), not one that only mentions it; a listing row of another taxon never leads an answer on the species asked (a
country's name few rows print, a note the rows share); "how many ... in Appendix I" is a listing question; a
follow-up in a conversation about the preamble is answered by its recitals, the one the last answer did not tell, of
the same instrument; "how much funding" needs a sum; "And the Parties?" after what a resolution asks of the Secretariat
on a subject asks what it asks of the Parties on it.

On the shipped corpus and its real index, in words of our own; each case below was answered otherwise before this
round's change.
"""

from __future__ import annotations


def _turn(question: str, answer: str = "It is.") -> list[dict[str, str]]:
    return [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]


def _first(answer) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    return answer.citations[0].doc_id, answer.citations[0].ref


def test_the_definitions_of_an_instrument_are_the_clause_opening_them(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("In which article does the Biodiversity Convention put its definitions?")
    assert _first(answer) == ("cbd-convention-1992", "Art. 2")
    assert answer.citations[0].quote.startswith("For the purposes of this Convention")
    history = _turn("How does the Bonn Convention define a Range State?", "As any State exercising jurisdiction [1].")
    answer = assistant.ask("Does that definition hold for every article of the treaty?", history)
    assert _first(answer) == ("cms-convention-1979", "Art. I(1)")


def test_the_definition_of_one_term_is_still_that_term(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("How does the Sharks MOU define shark finning?")
    assert _first(answer) == ("sharks-mou-2010", "para. 3(q)")


def test_what_a_named_body_is_comes_from_the_paragraph_saying_it(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("What is UN-Oceans, mentioned in the CITES Secretariat's reply?")
    assert _first(answer) == ("cites-cooperation-response-2025", "¶43")
    answer = assistant.ask("What is the World Coastal Forum mentioned in Resolution 11.10?")
    assert _first(answer) == ("cms-res-11-10-synergies-partnerships", "PP22")


def test_another_taxons_row_never_leads(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("We want to import a lowland tapir from Brazil. Is it in the same strict CITES listing as "
                           "the other tapirs?")
    assert _first(answer) == ("cites-convention-1973", "App. I, II and III, Tapiridae")
    history = _turn("Does CITES cover lace corals?", "Yes, Stylasteridae spp. are in Appendix II [1].")
    answer = assistant.ask("Are fossil ones covered too?", history)
    assert _first(answer) == ("cites-convention-1973", "App. I, II and III, Stylasteridae")


def test_how_many_in_an_appendix_is_counted_on_the_row(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("How many babirusa species has CITES placed in Appendix I?")
    assert _first(answer) == ("cites-convention-1973", "App. I, II and III, Suidae")


def test_a_follow_up_on_the_preamble_stays_in_its_recitals(assistant) -> None:  # type: ignore[no-untyped-def]
    history = _turn("What does the CITES preamble say on international cooperation?",
                    "It recognizes that international cooperation is essential for the protection of certain species of "
                    "wild fauna and flora against over-exploitation through international trade (fourth preambular "
                    "paragraph) [1].")
    answer = assistant.ask("Does it also say this is urgent?", history)
    assert _first(answer) == ("cites-convention-1973", "PP5")


def test_how_much_funding_needs_a_sum(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("How much funding did the CMS Capacity-building Strategy 2015-2017 receive?")
    assert answer.abstained


def test_another_actor_of_the_same_request_keeps_its_object(assistant) -> None:  # type: ignore[no-untyped-def]
    first = "What does Resolution 11.10 request the Secretariat to do on the BBNJ Agreement?"
    history = _turn(first, assistant.ask(first).text)  # the conversation as the assistant held it
    query = assistant.understand("And the Parties?", history)
    assert "BBNJ" in query.standalone and "Secretariat" not in query.standalone
    answer = assistant.ask("And the Parties?", history)
    assert _first(answer) == ("cms-res-11-10-synergies-partnerships", "para. 31")


def test_it_after_a_treaty_act_is_that_act(assistant) -> None:  # type: ignore[no-untyped-def]
    history = _turn("May a Party leave the Ramsar Convention?", "Yes, by written notification to the Depositary [1].")
    answer = assistant.ask("How soon after notifying does it take effect?", history)
    assert _first(answer) == ("ramsar-convention-1971", "Art. 11(2)")


def test_a_thing_acted_on_by_it_is_the_earlier_topic(assistant) -> None:  # type: ignore[no-untyped-def]
    history = _turn("Is a Ramsar Party allowed to take a wetland off the List?",
                    "Yes, because of its urgent national interests a Party may delete or restrict the boundaries of a "
                    "listed wetland [1].")
    answer = assistant.ask("What should it do after deleting it?", history)
    assert not answer.abstained
    assert _first(answer) == ("ramsar-convention-1971", "Art. 4(2)")


def test_a_numbered_part_of_a_plan_the_texts_only_mention_is_not_in_them(assistant) -> None:  # type: ignore[no-untyped-def]
    assert assistant.ask("What must Parties do under Target 7 of the Samarkand Strategic Plan?").abstained
    assert assistant.ask("Which goals does the Strategic Plan for Migratory Species 2024-2032 set?").abstained
    # what a held text says of the plan is in the texts
    answer = assistant.ask("What does Resolution 11.10 ask about the Samarkand Strategic Plan?")
    assert not answer.abstained and answer.citations[0].doc_id == "cms-res-11-10-synergies-partnerships"


def test_the_abstention_on_such_a_part_says_why(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("What must Parties do under Target 7 of the Samarkand Strategic Plan?")
    assert "do not include the Samarkand Strategic Plan for Migratory Species 2024-2032" in answer.text


def test_they_after_a_turn_naming_no_body_are_its_plural_things(assistant) -> None:  # type: ignore[no-untyped-def]
    history = _turn("Who is in charge of preparing the AEWA conservation guidelines?",
                    "The Agreement secretariat, with the Technical Committee and experts from Range States [1].")
    answer = assistant.ask("Must they deal with trade in waterbirds?", history)
    assert _first(answer) == ("aewa-agreement-1995", "Annex 3, 7.3(e)")


def test_the_parts_of_an_agreement_a_document_is_about_are_still_asked(assistant) -> None:  # type: ignore[no-untyped-def]
    # the Dugong MOU's text is not in the index, but its meeting document sets out the plan's objectives
    answer = assistant.ask("Which objectives does the Dugong MOU's Conservation and Management Plan have?")
    assert not answer.abstained and answer.citations[0].doc_id == "dugong-mou-mos3-spms"


def test_a_row_naming_the_order_asked_is_its_own(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("Is the whole order of owls (Strigiformes) in the CITES appendices?")
    assert _first(answer) == ("cites-convention-1973", "App. I, II and III, STRIGIFORMES")
