"""Questions on a treaty's final and institutional clauses, answered by the clause that states it: when the
instrument itself entered into force (not when it does for a State joining later), and who the depositary or the
secretariat is (the paragraph that designates it, not one in which it acts), and what happens when the parties fail
to agree (the fallback, not the main rule). Real indexes of the fourth treaty set (OPRC, OSPAR, the Plant Treaty,
AFS; tests/fixtures/unseen4) and of the shipped corpus, real model and Chroma."""

from __future__ import annotations

import treaty_sets

from mea_assistant.answer_types import classify
from mea_assistant.assistant import Assistant
from mea_assistant.retrieval.clauses import clause_first
from mea_assistant.retrieval.finalclauses import in_force_first, leaving_first
from mea_assistant.types import Hit


assistant_u4 = treaty_sets.assistant_fixture("unseen4")
assistant_u21 = treaty_sets.assistant_fixture("unseen21")


def _first(assistant: Assistant, question: str) -> str:
    answer = assistant.ask(question)
    assert not answer.abstained, question
    return f"{answer.citations[0].doc_id} {answer.citations[0].ref}"


def test_entry_into_force_is_answered_by_the_instruments_own_clause(assistant_u4: Assistant) -> None:
    """OPRC Art. 16(1) sets the entry into force (fifteen States, twelve months); 16(2) ("For States which have
    deposited ... after the requirements for entry into force ... have been met") shares its words and was cited
    first, with its three months as the lead's figure."""
    assert _first(assistant_u4, "How many countries had to sign up before the OPRC oil spill convention came into "
                                "force, and how long after that did it take effect?") == "oprc-convention-1990 Art. 16(1)"
    answer = assistant_u4.ask("When does the OPRC Convention enter into force for a State that ratifies it after the "
                              "conditions for entry into force were met?")
    assert answer.citations[0].ref == "Art. 16(2)"  # a State joining later: the joiner's clause


def test_the_depositary_is_the_one_the_treaty_designates(assistant_u4: Assistant) -> None:
    """ "The Director-General of FAO shall be the Depositary of this Treaty" (Plant Treaty Art. 34) and
    "... shall be deposited with the Government of the French Republic" (OSPAR Art. 26), not an article on
    threats to plant genetic resources or on amendments "submitted by the Depositary Government"."""
    assert _first(assistant_u4, "Who is the depositary of the International Treaty on Plant Genetic Resources for Food "
                                "and Agriculture?") == "itpgrfa-treaty-2001 Art. 34"
    assert _first(assistant_u4, "Which government is the depositary for OSPAR ratifications?") == \
        "ospar-convention-1992 Art. 26"


def test_reservations_are_answered_by_the_article_on_reservations(assistant_u4: Assistant) -> None:
    """Plant Treaty Art. 30 "No reservations may be made to this Treaty"; Art. 28.2, on ratification, shares the
    question's "country" and "joins" and was cited first."""
    assert _first(assistant_u4, "Can a country make reservations when it joins the seed treaty?") == \
        "itpgrfa-treaty-2001 Art. 30"


def _hit(ref: str, text: str, lead_in: str = "") -> Hit:
    return Hit(doc_id="treaty", ref=ref, display="Treaty", text=text, score=1.0, lead_in=lead_in)


def test_only_the_final_clauses_trade_places_and_other_questions_keep_the_ranking() -> None:
    joiner = _hit("Art. 20(2)", "For each State ratifying this Convention after the deposit of the twentieth "
                                "instrument, the Convention shall enter into force on the thirtieth day after deposit.")
    other = _hit("Art. 5", "The Parties shall cooperate in scientific research.")
    initial = _hit("Art. 20(1)", "This Convention shall enter into force on the thirtieth day following the deposit "
                                 "of the twentieth instrument of ratification.")
    leaving = _hit("Art. 22(2)", "Denunciation shall take effect one year after receipt of the notification.")
    hits = [joiner, other, leaving, initial]
    assert [h.ref for h in in_force_first(hits, "When did the Convention enter into force?")] == \
        ["Art. 20(1)", "Art. 5", "Art. 20(2)", "Art. 22(2)"]
    assert [h.ref for h in in_force_first(hits, "When does it enter into force for a State that joins later?")] == \
        ["Art. 20(2)", "Art. 5", "Art. 20(1)", "Art. 22(2)"]
    assert in_force_first(hits, "When does a denunciation take effect?") == hits  # another clause's question
    # the present tense of the Hague and UNCITRAL conventions ("This Convention enters into force on ...")
    present = _hit("Art. 33(1)", "This Convention enters into force on the first day of the month following the "
                                 "expiration of twelve months after the deposit of the tenth instrument.")
    assert in_force_first([joiner, present], "How many ratifications does it need to enter into force?")[0] is present
    assert in_force_first(hits, "What must Parties cooperate on?") == hits
    # entry into force as the time something else is counted from
    assert in_force_first(hits, "How long after it came into force was the first review conference held?") == hits


def test_a_designation_comes_first_only_for_a_question_on_who_holds_the_office() -> None:
    acts = _hit("Art. 30", "The Depositary shall notify all Parties of each instrument deposited.")
    designates = _hit("Art. 31", "The Secretary-General of the United Nations shall be the Depositary of this "
                                 "Convention.")
    secretariat = _hit("Art. 12", "The Executive Director shall carry out the following secretariat functions:")
    hits = [acts, secretariat, designates]
    assert clause_first(hits, "Who is the depositary?")[0] is designates
    assert clause_first(hits, "Who provides the secretariat of the Convention?")[0] is secretariat
    assert clause_first(hits, "Who must the depositary notify?") == hits
    assert clause_first(hits, "What does the secretariat do?") == hits


def test_what_a_body_is_supposed_to_do_asks_for_its_listed_functions() -> None:
    """ "What is IOM supposed to do?" was read as asking a definition (a bare term); a constitution lists a
    body's purposes and functions, so it is a list question. One about an event stays an explanation."""
    assert classify("What is IOM supposed to do according to its Constitution?") == "list"
    assert classify("What is the Customs Co-operation Council supposed to do under its 1950 founding convention?") \
        == "list"
    assert classify("And what is it supposed to do when the ecological character of a listed site changes?") != "list"


def test_when_agreement_fails_the_fallback_clause_answers(assistant: Assistant) -> None:
    """CBD Annex II: Part 1 Art. 2(1) sets up the arbitral tribunal (two arbitrators choose the President), Art. 3(1)
    provides for their failing to ("If the President ... has not been designated within two months ... the
    Secretary-General ... shall ... make the designation"); the question asks the failure, the rule came first."""
    answer = assistant.ask("If the two arbitrators cannot agree on the President of a CBD arbitral tribunal, who "
                           "designates one?")
    assert answer.citations[0].ref == "Annex II, Part 1, Art. 3(1)"
    answer = assistant.ask("Who appoints the members of a CBD conciliation commission if the parties do not appoint "
                           "theirs?")
    assert answer.citations[0].ref == "Annex II, Part 2, Art. 4"


def test_a_fallback_moves_up_only_for_a_question_on_failure() -> None:
    rule = _hit("Art. 9(1)", "A commission of five members shall be established; each party names two members.")
    fallback = _hit("Art. 9(2)", "Failing agreement within three months, the members shall be named by the "
                                 "Secretary-General of the United Nations.")
    hits = [rule, _hit("Art. 3", "The Parties shall cooperate."), fallback]
    assert clause_first(hits, "Who names the members if the parties cannot agree on them?")[0] is fallback
    assert clause_first(hits, "Who names the members of the commission?") == hits


def test_leaving_and_arrears_questions_find_their_clauses_and_not_the_ones_they_name() -> None:
    may_leave = _hit("Art. 40(1)", "Any Party may denounce this Convention at any time after five years from the "
                                   "date on which it entered into force for that Party.")
    takes_effect = _hit("Art. 40(2)", "Such denunciation shall take effect one year after its receipt.")
    arrears = _hit("Art. 16(2)", "Non-payment of two consecutive annual contributions shall be regarded as implying "
                                 "withdrawal from the Commission.")
    hits = [takes_effect, arrears, may_leave]
    assert clause_first(hits, "When can a Party leave the Convention?")[0] is may_leave
    assert clause_first(hits, "When does a denunciation take effect?") == hits  # asks the other paragraph
    assert clause_first(hits, "What happens if a member stops paying its contributions?")[0] is arrears



def test_leaving_the_instrument_is_answered_by_its_denunciation_clause(assistant: Assistant) -> None:
    """CITES Art. XVI(3) ("A Party which has submitted a species for inclusion in Appendix III may withdraw it at any
    time") shares the verb and came first; Art. XXIV ("Any Party may denounce the present Convention") answers."""
    assert _first(assistant, "How does a Party leave CITES?") == "cites-convention-1973 Art. XXIV"
    answer = assistant.ask("How do CITES and the Ramsar Convention differ on withdrawing from them?")
    assert ("cites-convention-1973", "Art. XXIV") in [(c.doc_id, c.ref) for c in answer.citations]
    # withdrawing a listing is another question, answered by the article on it
    assert _first(assistant, "Can a Party withdraw a species it put on Appendix III?") == "cites-convention-1973 Art. XVI(3)"


def test_only_a_question_on_leaving_puts_each_documents_denunciation_first() -> None:
    listing = _hit("Art. 16(3)", "A Party may withdraw it at any time by notification to the Secretariat.")
    reservation = _hit("Art. 23(3)", "Until a Party withdraws its reservation, it shall be treated as a non-Party.")
    denounce = _hit("Art. 24", "Any Party may denounce the present Convention by written notification.")
    other = Hit(doc_id="other", ref="Art. 38(1)", display="Other", text="A Party may withdraw from this Convention "
                "by giving written notification to the Depositary.", score=1.0)
    hits = [listing, other, reservation, denounce]
    assert leaving_first(hits, "How do we get out of the treaty?") == [denounce, other, listing, reservation]
    assert leaving_first(hits, "How does a Party withdraw a reservation?") == hits
    assert leaving_first(hits, "How does a Party withdraw a species from the list?") == hits
    assert leaving_first(hits, "Who keeps the permits?") == hits
    # an organisation's constitution: "withdraw from the Agency" is its denunciation clause (IRENA Statute Art. XV C)
    may_withdraw = Hit(doc_id="statute", ref="Art. XV C", display="Statute", score=1.0,
                       text="At any time after five years, a Member may withdraw from the Agency by giving notice.")
    takes_effect = Hit(doc_id="statute", ref="Art. XV D", display="Statute", score=1.0,
                       text="Such withdrawal shall take effect at the end of the year.")
    assert leaving_first([takes_effect, may_withdraw], "When can a member leave IRENA?")[0] is takes_effect  # both are
    assert leaving_first([_hit("Art. 2", "Members shall pay."), may_withdraw], "Can a member leave IRENA?")[0] \
        is may_withdraw


def test_a_question_for_a_time_is_led_by_the_paragraph_that_states_one(assistant: Assistant) -> None:
    """CITES Art. IV(6) requires a certificate for introduction from the sea and states no time; IV(7) says such
    certificates may cover "periods not exceeding one year". A count is led by a number, which a period is not."""
    answer = assistant.ask("For how long may one CITES certificate cover Appendix II specimens taken from the high seas?")
    assert answer.citations[0].ref == "Art. IV(7)" and "one year" in answer.lead
    from mea_assistant.retrieval.rerank import Signals, figure_first

    rule = _hit("Art. 6", "An introduction from the sea shall require a certificate.")
    period = _hit("Art. 7", "Certificates may be granted for periods not exceeding one year.")
    time = Signals(query="How long can a certificate cover them?", kind="figure", named_docs=frozenset(),
                   numbers=frozenset())
    assert figure_first([rule, period], time) == [period, rule]
    count = Signals(query="How many members does each region get?", kind="figure", named_docs=frozenset(),
                    numbers=frozenset())
    assert figure_first([rule, period], count) == [rule, period]


def test_a_depositary_spelled_depository_is_still_the_one_the_treaty_designates(assistant: Assistant) -> None:
    """Ramsar Art. 9(3) names its depositary in a deposit clause, "(hereinafter referred to as 'the Depository')", in
    the spelling of 1971; the closing formula ("DONE at Ramsar") came first. The actor is named whole, commas and all."""
    answer = assistant.ask("Who is the depositary of the Ramsar Convention?")
    assert answer.citations[0].ref == "Art. 9(3)"
    assert "United Nations Educational, Scientific and Cultural Organization" in answer.lead


def test_a_comparison_finds_its_second_instruments_words_in_any_candidates_document(assistant_u21: Assistant) -> None:
    """The second instrument of a comparison, named in words no title matches ("the 1991 plant variety
    convention"), is found below the first one's paragraphs: its year is in its own document, so the question is
    answered from both clauses, not abstained on as naming something no top paragraph's document holds."""
    answer = assistant_u21.ask("How do the farm animals convention and the 1991 plant variety protection convention "
                               "compare on when a denunciation takes effect?")
    assert not answer.abstained
    cited = [(c.doc_id, c.ref) for c in answer.citations]
    assert ("farm-animals-convention-1976", "Art. 17(2)") in cited and ("upov-convention-1991", "Art. 39(3)") in cited
    # a comparison with an agreement the index does not hold is still not answered
    assert assistant_u21.ask("How do the farm animals convention and the Bern Convention compare on when a "
                             "denunciation takes effect?").abstained


def test_a_country_that_leaves_a_convention_asks_for_its_withdrawal_clauses(assistant: Assistant) -> None:
    """ "If my country leaves the CBD ..." asks about withdrawal as "quits" or "withdraws from" would (the Treaty
    Handbook's glossary): CBD Art. 38(3), withdrawing from the Convention withdraws from its protocols, is cited.
    The leaves of a plant ask nothing of the kind."""
    from mea_assistant.queries import glossed

    answer = assistant.ask("If my country leaves the CBD, can it stay in the Nagoya Protocol?")
    assert ("cbd-convention-1992", "Art. 38(3)") in [(c.doc_id, c.ref) for c in answer.citations]
    assert not any("withdrawal" in words for words in glossed("Do the leaves of an Appendix II orchid need a permit?"))


def test_the_entry_into_force_of_a_protocol_the_text_provides_for_is_not_its_own() -> None:
    """CBD Art. 36(2), "Any protocol shall enter into force ...", follows the Convention's own clause (36(1)) for a
    question on when the Convention entered into force; asked about a protocol, it keeps its place."""
    protocol = _hit("Art. 36(2)", "Any protocol shall enter into force on the ninetieth day after the date of deposit "
                                  "of the number of instruments of ratification specified in that protocol.")
    own = _hit("Art. 36(1)", "This Convention shall enter into force on the ninetieth day after the date of deposit "
                             "of the thirtieth instrument of ratification.")
    amended = _hit("Art. 29(3)", "Amendments shall enter into force among Parties having accepted them on the "
                                 "ninetieth day after the deposit of instruments of ratification by two thirds.")
    hits = [protocol, amended, own]
    assert [h.ref for h in in_force_first(hits, "How many ratifications did the CBD itself need to enter into force?")] \
        == ["Art. 36(1)", "Art. 36(2)", "Art. 29(3)"]
    assert in_force_first(hits, "When does a protocol to the CBD enter into force?") == hits


def test_leaving_a_convention_and_staying_in_its_protocol_is_the_clause_that_takes_both(assistant: Assistant) -> None:
    """CBD Art. 38(3): "Any Contracting Party which withdraws from this Convention shall be considered as also having
    withdrawn from any protocol to which it is party" - ahead of the Protocol's own withdrawal clause, also when the
    answer sets the two instruments side by side; a question on leaving the Protocol alone keeps its own clause."""
    answer = assistant.ask("If my country leaves the CBD, can it stay in the Nagoya Protocol?")
    assert (answer.citations[0].doc_id, answer.citations[0].ref) == ("cbd-convention-1992", "Art. 38(3)")
    alone = assistant.ask("How can a Party withdraw from the Nagoya Protocol?")
    assert (alone.citations[0].doc_id, alone.citations[0].ref) == ("nagoya-protocol-2010", "Art. 35(1)")
