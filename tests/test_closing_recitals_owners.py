"""Round 49: where and when a treaty was done, a recital as the answer, an instrument named as its owner's, a species
the texts list that does not make another subject theirs, the UN Charter's articles, the size of a body.

Each on the shipped corpus and its real index, asked through the whole pipeline.
"""

from __future__ import annotations

from mea_assistant.answer_types import classify
from mea_assistant.figures import states_count
from mea_assistant.retrieval.reasons import recital_answers
from mea_assistant.types import Hit


def test_where_and_when_a_treaty_was_signed_is_its_closing_formula(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("When was the Convention on Migratory Species signed?")
    assert not answer.abstained and answer.citations[0].ref == "Art. XX ¶1"  # DONE at Bonn on 23 June 1979
    assert "23 June 1979" in answer.lead
    answer = assistant.ask("In what city was the wildlife trade convention CITES signed, and when?")
    assert not answer.abstained and answer.citations[0].ref == "Art. XXV ¶1"
    assert answer.lead.startswith("Done at Washington")
    # until when it may be signed is the article that keeps it open, not the date it was done
    answer = assistant.ask("Until what date was the Bonn Convention open for signature?")
    assert answer.citations[0].ref == "Art. XV"


def _recital(ref: str, text: str, kind: str = "operative") -> Hit:
    return Hit(doc_id="d", display="d", score=0.5, ref=ref, text=text, kind=kind)


def test_a_recital_answers_a_why_or_what_it_recalls() -> None:
    hit = _recital(ref="PP1", text="Recalling Resolution 7.9 Cooperation with Other Bodies,", kind="preamble")
    assert recital_answers(hit, "Which resolutions does the resolution recall?")
    recognising = _recital("PP4", "Recognising the role of the Liaison Group,", "preamble")
    assert recital_answers(recognising, "What does it recognize about the Liaison Group?")
    assert not recital_answers(hit, "What does the resolution request of the Secretariat?")
    noting = _recital(ref="PP2", text="Noting the work of the Liaison Group,", kind="preamble")
    assert not recital_answers(noting, "Why does it not apply?")  # "not" is no form of "noting"
    reason = _recital("PP3", "Being convinced that wetlands constitute a resource of great value,", "preamble")
    assert recital_answers(reason, "Why are wetlands worth conserving under the convention?")
    operative = _recital(ref="1", text="Recalling its earlier decisions, requests the Secretariat to report")
    assert not recital_answers(operative, "What does it recall?")  # only a recital


def test_a_why_question_is_answered_by_the_recital_that_gives_the_reason(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("Why does the Ramsar Convention treat the loss of wetlands as so serious?")
    assert not answer.abstained and answer.citations[0].ref == "PP3"  # "the loss of which would be irreparable"


def test_an_instrument_named_as_the_owner_of_its_resolution_is_not_a_second_instrument(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("Which resolutions does the migratory species convention's resolution on synergies and "
                           "partnerships recall?")
    assert answer.answer_type != "comparison" or len({c.doc_id for c in answer.citations}) == 1
    assert answer.citations[0].doc_id == "cms-res-11-10-synergies-partnerships" and answer.citations[0].ref == "PP1"


def test_a_listed_species_does_not_make_another_subject_the_corpus_s(assistant) -> None:  # type: ignore[no-untyped-def]
    """The CITES listing of Cetacea is about dolphins; sonar and turbines near them are no text's subject."""
    assert assistant.ask("What noise limits apply to offshore wind farm construction near whale and dolphin "
                         "habitats?").abstained
    answer = assistant.ask("In which CITES appendix are dolphins of the family Delphinidae listed?")
    assert not answer.abstained


def test_an_article_of_the_un_charter_is_not_a_missing_article(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("Does the Ramsar Convention have to be registered under Article 102 of the Charter of "
                           "the United Nations?")
    assert not answer.abstained and answer.citations[0].ref == "Art. 12(2)"
    assert assistant.ask("What does Article 102 of the Ramsar Convention say?").abstained  # its own has no 102


def test_different_ways_is_a_list_not_a_comparison() -> None:
    assert classify("What are the different ways a State can join the Convention?") == "list"
    assert classify("How do the CMS and CITES appendices differ?") == "comparison"


def test_the_size_of_a_body_is_not_a_share_of_the_parties() -> None:
    share = "unless at least one third of the Parties present at the session object"
    assert states_count(share) and not states_count(share, shares=False)
    assert states_count("The commission shall be composed of five members", shares=False)


def test_who_decides_is_the_agent_of_decided_upon_by(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("Who decides on the modalities of operating the ABS Clearing-House under the Nagoya "
                           "Protocol?")
    assert answer.citations[0].ref == "Art. 14(4)" and "Conference of the Parties" in answer.lead


def test_an_ordinal_in_figures_is_no_count() -> None:
    assert not states_count("2013: March: 16th meeting of the Conference; CMS 40th Standing Committee")
    assert states_count("at least 10 Range State signatures")


def test_where_instruments_are_lodged_is_the_depositary_clause(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("With whom does a country lodge its instrument of accession to the Ramsar Convention?")
    assert answer.citations[0].ref == "Art. 9(3)"  # "... with the Director-General of UNESCO", far down the ranking
    answer = assistant.ask("Who acts as depositary for the Convention on Biological Diversity?")
    assert answer.citations[0].ref == "Art. 41"  # "shall assume the functions of Depositary", not Art. 42's original


def test_a_recital_a_few_places_down_gives_the_reason(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("Why does the Ramsar Convention regard wetlands as ecologically important?")
    assert answer.citations[0].ref == "PP2"  # "Considering the fundamental ecological functions of wetlands ..."


def test_a_why_that_also_asks_the_conditions_is_not_a_recital_s() -> None:
    reason = _recital("PP8", "Considering that coastal zone management measures are indispensable,", "preamble")
    assert recital_answers(reason, "Why may coastal communities still take turtles?")
    assert not recital_answers(reason, "Why may coastal communities still take turtles, and on what conditions?")


def test_when_it_takes_effect_though_signed_earlier_is_no_closing_formula_question() -> None:
    from mea_assistant.retrieval.clauses import CLOSING_FORMULA, asked_clause

    assert asked_clause("On what date was the Bonn Convention signed?").states is CLOSING_FORMULA
    clause = asked_clause("From which date does the convention take effect, even though it was signed in 2013?")
    assert clause is None or clause.states is not CLOSING_FORMULA
