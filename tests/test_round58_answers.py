"""Round 58: a species named in English found in the table a question names (AEWA Table 1), in a listing headed by
its order, or in the Latin it writes; a listing row answering a list question itself; a follow-up that names only an
instrument; a country's adjective; "for its Protocol to enter into force"; whether an instrument sets up a body.

On the shipped corpus and its real index, in words of our own; each case below was answered otherwise before this
round's change.
"""

from __future__ import annotations


def _first(assistant, question: str, history: list[dict[str, str]] | None = None) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    answer = assistant.ask(question, history or [])
    assert answer.citations, answer.answer
    return answer.citations[0].doc_id, answer.citations[0].ref


def test_a_species_named_in_english_is_found_in_the_table_the_question_names(assistant) -> None:  # type: ignore[no-untyped-def]
    # the family's rows sit under its heading in capitals (SPHENISCIDAE); Annex 2 lists the same family
    assert _first(assistant, "In which columns of Table 1 of the AEWA Action Plan does the African penguin population "
                             "appear?") == ("aewa-agreement-1995", "Annex 3, Table 1, SPHENISCIDAE")


def test_a_group_named_by_its_everyday_name_is_found_under_its_order(assistant) -> None:  # type: ignore[no-untyped-def]
    assert _first(assistant, "Which turtles are listed in Appendix II of CMS?") == \
        ("cms-convention-1979", "App. II, TESTUDINATA")


def test_a_listing_row_answers_a_list_question_itself(assistant) -> None:  # type: ignore[no-untyped-def]
    # not the appendix's note on how species are referred to, which opens a list of its own
    assert _first(assistant, "Which albatross species does CMS Appendix I list?") == \
        ("cms-convention-1979", "App. I, PROCELLARIIFORMES")


def test_a_place_s_adjective_is_supported_by_the_place_the_text_names(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("Is there a Greenlandic exception for the minke whale in CITES?")
    assert not answer.abstained
    assert answer.citations[0].ref == "App. I, II and III, Balaenopteridae"


def test_a_follow_up_naming_only_an_instrument_asks_the_conversation_s_question_of_it(assistant) -> None:  # type: ignore[no-untyped-def]
    history = [{"role": "user", "content": "Can a Party withdraw from the Ramsar Convention?"},
               {"role": "assistant", "content": "Yes: Ramsar Art. 11(2) lets any Contracting Party denounce it."}]
    assert _first(assistant, "What's the rule under the Nagoya Protocol?", history) == \
        ("nagoya-protocol-2010", "Art. 35(1)")


def test_a_protocol_entering_into_force_is_not_a_question_on_protocols_to_the_convention() -> None:
    from mea_assistant.retrieval.finalclauses import _OTHER_CLAUSE

    assert not _OTHER_CLAUSE.search("for the CBD itself and for its Nagoya Protocol to enter into force")
    assert _OTHER_CLAUSE.search("How do protocols to the Convention enter into force?")


def test_whether_an_instrument_sets_up_a_body_is_answered_by_the_paragraph_establishing_it(assistant) -> None:  # type: ignore[no-untyped-def]
    # "A secretariat is hereby established", not the next paragraph on who is designated to run it
    assert _first(assistant, "Does the Convention on Biological Diversity set up its own secretariat?") == \
        ("cbd-convention-1992", "Art. 24(1)")


def test_a_follow_up_moves_past_what_the_last_answer_told_in_its_own_words(assistant) -> None:  # type: ignore[no-untyped-def]
    # the answer cites no label, yet it told the members paragraph; the follow-up asks what was signed
    history = [{"role": "user", "content": "Which organisations make up the wildlife crime consortium ICCWC?"},
               {"role": "assistant", "content": "ICCWC brings together the CITES Secretariat, INTERPOL, UNODC, the "
                                                "World Bank and the World Customs Organization."}]
    assert _first(assistant, "Did its members sign anything when it was created?", history) == \
        ("cites-cooperation-response-2025", "¶37")


def test_a_quoted_term_an_instrument_never_uses_is_said_to_be_undefined(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("How does the Nagoya Protocol define 'traditional knowledge holders'?")
    assert answer.abstained
    assert "does not define “traditional knowledge holders”" in answer.text
    assert "“Utilization of genetic resources”" in answer.text  # what it defines instead
    # a term it defines is answered by its definition
    defined = assistant.ask("How does the Nagoya Protocol define 'derivative'?")
    assert not defined.abstained and defined.citations[0].ref == "Art. 2(e)"


def test_a_listing_lead_spells_out_the_appendix_its_citation_abbreviates(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("Is the European roller (Coracias garrulus) on Appendix II of the Bonn Convention?")
    assert answer.citations[0].ref == "App. II, CORACIIFORMES"  # the citation keeps the document's own ref
    assert "CMS Convention Appendix II, CORACIIFORMES" in answer.lead


def test_a_short_clause_on_reservations_is_found_far_down_its_document(assistant) -> None:  # type: ignore[no-untyped-def]
    cited = assistant.ask("When joining the CBD, may a country enter reservations, and how does the Bonn Convention "
                          "compare?").citations
    assert (cited[0].doc_id, cited[0].ref) == ("cbd-convention-1992", "Art. 37")  # "No reservations may be made"


def test_naming_offices_is_designating_authorities(assistant) -> None:  # type: ignore[no-untyped-def]
    assert _first(assistant, "Which government offices must a Party name to deal with access requests under the "
                             "Nagoya Protocol?") == ("nagoya-protocol-2010", "Art. 13(1)")


def test_whom_the_depositary_informs_is_not_who_the_depositary_is(assistant) -> None:  # type: ignore[no-untyped-def]
    cited = assistant.ask("To whom does the depositary of the waterbird agreement send the text of a "
                          "reservation?").citations
    assert ("aewa-agreement-1995", "Art. XVII(1)") not in [(c.doc_id, c.ref) for c in cited]


def test_spending_money_is_what_the_texts_call_investments(assistant) -> None:  # type: ignore[no-untyped-def]
    assert _first(assistant, "Why is it worth spending money on conserving biodiversity, according to the CBD?") == \
        ("cbd-convention-1992", "PP18")


def test_a_named_instrument_s_listing_row_a_little_down_keeps_a_species_question_answered(assistant) -> None:  # type: ignore[no-untyped-def]
    # the rules on hybrids rank first; the yew's own row (Taxus cuspidata) is fourth: the everyday words ("potted",
    # "paperwork") and the English name's "Japanese" no text prints do not make it another subject
    answer = assistant.ask("When they are traded, do potted, nursery-raised Japanese yew hybrids need CITES "
                           "paperwork?")
    assert not answer.abstained and answer.citations[0].doc_id == "cites-convention-1973"


def test_a_family_asked_about_by_its_everyday_name_is_listed_by_its_heading(assistant) -> None:  # type: ignore[no-untyped-def]
    # "hammerheads" (glossary: Sphyrnidae); the family is the heading of the row, not a word of its text
    answer = assistant.ask("Does CITES list hammerheads?")
    assert not answer.abstained and answer.citations[0].ref == "App. I, II and III, Sphyrnidae"
    assert answer.lead.startswith("Yes")


def test_a_listing_of_some_populations_answers_no_to_all_of_them() -> None:
    from mea_assistant.leads import polarity

    row = "Phocidae Phoca vitulina (only Baltic and Wadden Sea populations)"
    assert polarity(row, True, "Are all harbour seal populations covered by Appendix II?") == "No"
    assert polarity(row, True, "Is the harbour seal on Appendix II?") == "Yes"


def test_opting_out_of_a_new_listing_is_a_reservation_to_the_amendment(assistant) -> None:  # type: ignore[no-untyped-def]
    # CMS Art. XI(6): "... any Party may by notification in writing to the Depositary make a reservation with respect
    # to the amendment", found however far down the Convention's paragraphs it ranks
    assert _first(assistant, "Once a species is added to CMS Appendix II at a COP, may a Party opt out of that "
                             "listing?") == ("cms-convention-1979", "Art. XI(6)")
