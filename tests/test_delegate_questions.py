"""Questions in a delegate's own wording, on the shipped corpus with the real index: an account before the question,
a second sentence, a scene-setting clause, an annex's own articles, a count, a comparison, and what the texts cannot
say (a place, a quorum, another agreement's own rules). Each was answered wrongly or abstained before round 44."""

from __future__ import annotations

from conftest import para
from mea_assistant.answer_types import classify
from mea_assistant.unstated import asks_for_current_status


def test_a_capital_that_starts_a_second_sentence_names_nothing(assistant) -> None:  # type: ignore[no-untyped-def]
    """"Give me the main ones." made "Give" a name no paragraph supports, and the answer abstained."""
    answer = assistant.ask("What benefits other than money can a benefit-sharing deal include under the Nagoya "
                           "Protocol? Give me the main ones.")
    assert not answer.abstained
    assert any(c.doc_id == "nagoya-protocol-2010" and c.ref.startswith("Annex(2)") for c in answer.citations)


def test_a_deadline_and_a_scene_in_time_are_no_status_questions(assistant) -> None:  # type: ignore[no-untyped-def]
    assert not asks_for_current_status("What is the latest date our report can reach the AEWA secretariat?")
    assert not asks_for_current_status("What's the latest it can reach the Agreement secretariat?")
    assert not asks_for_current_status("Our exporter sends three consignments this month. Is one permit enough?")
    assert asks_for_current_status("Which species were added to the list this month?")
    assert asks_for_current_status("Who chairs the Sharks MOU Advisory Committee at the moment?")
    assert asks_for_current_status("Where is the next Meeting of the Signatories going to be held?")
    assert not asks_for_current_status("What must the Secretariat send out before the next meeting?")
    answer = assistant.ask("Our national report for the waterbird agreement is nearly done. What is the latest "
                           "date it can reach the Agreement secretariat before the Meeting of the Parties?")
    assert not answer.abstained and answer.citations[0].ref == "Art. V(1)(c)"


def test_the_kind_of_question_is_read_after_its_scene_and_after_or() -> None:
    assert classify("When Parties conclude an Agreement under CMS for one species, what main elements should it "
                    "contain?") == "list"
    assert classify("Does the Nagoya Protocol have a secretariat of its own, or who serves it?") == "who"
    assert classify("When a State joins CITES, can it enter a reservation?") == "yes_no"  # the frame of a yes/no
    assert classify("Which takes effect sooner after the notice, leaving CITES or leaving the CBD?") == "comparison"


def test_an_article_of_an_annex_is_the_annexs_not_the_treatys(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("What does Article 2 of Annex II, Part 2 of the CBD say about the conciliation "
                           "commission's members?")
    assert answer.citations[0].ref == "Annex II, Part 2, Art. 2"
    missing = assistant.ask("What does Part 4 of Annex II to the CBD provide?")
    assert missing.abstained and "has no Part 4" in missing.text


def test_a_count_is_answered_by_the_paragraph_that_states_a_number(assistant, corpus_docs) -> None:  # type: ignore[no-untyped-def]
    """"must have signed" asks what the MOU requires, not who has signed to date; para. 31 states the number."""
    from mea_assistant.figures import states_count

    answer = assistant.ask("How many Range States must have signed before the migratory sharks memorandum kicks in?")
    assert not answer.abstained and answer.citations[0].ref == "para. 31"
    sharks, nagoya = corpus_docs["sharks-mou-2010"], corpus_docs["nagoya-protocol-2010"]
    assert states_count(para(sharks, "para. 31").text)  # "at least 10 Range States"
    assert states_count(para(nagoya, "Art. 33(1)").text)  # "the fiftieth instrument"
    assert not states_count(para(sharks, "para. 24").text)  # "The first Meeting of the Signatories": an ordinal
    assert not states_count(para(sharks, "para. 25").text)  # "set out in Annex 2": a locator


def test_a_listing_row_does_not_answer_a_permit_question(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("Does the country importing Appendix II orchids under CITES need an import permit too?")
    assert answer.citations and not answer.citations[0].ref.startswith("App.")


def test_a_comparison_of_two_conventions_cites_each_ones_own_clause(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("Which is faster to get out of, the migratory species convention or the CBD?")
    assert answer.answer_type == "comparison" and not answer.abstained
    refs = {(c.doc_id, c.ref) for c in answer.citations[:2]}
    assert ("cms-convention-1979", "Art. XIX") in refs and ("cbd-convention-1992", "Art. 38(1)") in refs


def test_what_the_texts_do_not_state_is_not_answered(assistant) -> None:  # type: ignore[no-untyped-def]
    for question in ("Within how many days must a competent national authority decide on an access request "
                     "under the Nagoya Protocol?",
                     "What quorum does the Conference of the Parties of the CBD need to take decisions?",
                     "In which city does the Ramsar bureau have its offices?",
                     "How much is the fee per sample collected that the Nagoya Protocol fixes?"):
        assert assistant.ask(question).abstained, question


def test_another_agreements_own_rules_are_not_answered_by_a_text_that_names_it(assistant) -> None:  # type: ignore[no-untyped-def]
    """Res. 11.10 names UNCLOS and CMS names the law of the sea: neither says how wide the territorial sea is."""
    assert assistant.ask("How wide is the territorial sea under UNCLOS?").abstained
    assert assistant.ask("What quotas has the International Whaling Commission set for minke whales?").abstained
    from mea_assistant.abstention import unheld_instruments

    plant = "What does the Plant Treaty's multilateral system cover?"
    assert [i.code for i, _ in unheld_instruments(plant, {"CMS"})] == ["ITPGRFA"]  # named by its short name
    assert assistant.ask(plant).abstained
    assert not assistant.ask("How does the CITES Secretariat cooperate with the International Whaling "
                             "Commission?").abstained


def test_an_acronym_a_text_spells_out_is_found_in_either_form(assistant) -> None:  # type: ignore[no-untyped-def]
    """Some texts write "NGOs"; the Sharks MOU writes "non-governmental organizations" in its para. 30."""
    answer = assistant.ask("Can an NGO put its signature to the Sharks MOU?")
    assert answer.citations[0].ref == "para. 30"


def test_a_why_question_is_answered_by_the_paragraph_that_gives_the_reason(assistant) -> None:  # type: ignore[no-untyped-def]
    """Para. 14 says the report format "was designed to mirror the structure and content of the CMP"; para. 11 only
    states the plan's objective."""
    answer = assistant.ask("Why would changing the dugong conservation and management plan mean changing the "
                           "national report form too?")
    assert answer.citations[0].ref == "para. 14"


def test_a_question_framed_by_the_plan_it_is_about_asks_who() -> None:
    assert classify("In the Pacific whale and dolphin action plan, which body should develop the training "
                    "packages?") == "who"
