"""Questions that avoid the texts' own words (round 45): the glossary's plain words for terms of art ("a falling-out"
for a dispute, "data too patchy" for the precautionary approach, "the non-binding route" for conciliation), the
notes of the CITES Appendices as paragraphs of their own, and questions for a figure or an agreement the corpus
does not hold, on the shipped corpus with the real index. Each test fails on round 44's code (ac3c30e); some also
check what must not change (a paragraph that answers a head count, "remote sensing", which is no meeting)."""

from __future__ import annotations

from mea_assistant.queries import glossed
from mea_assistant.unstated import asks_for_current_status


def test_plain_words_reach_the_terms_of_art() -> None:
    assert any("conciliation" in g for g in glossed("Can we take the non-binding route instead of arbitration?"))
    assert any("Bureau" in g for g in glossed("Which officers of the conference must be replaced?"))
    assert any("precautionary" in g for g in glossed("The stock data are too patchy: can we hold off?"))
    assert any("mutually agreed terms" in g for g in glossed("What must the access contract say?"))
    assert any("settlement of disputes" in g for g in glossed("What if we have a falling-out with the provider?"))
    assert any("remote access" in g for g in glossed("Can observers follow the meetings from home?"))
    assert not any("remote access" in g for g in glossed("Does CMS cover remote sensing of seabird colonies?"))
    assert any("re-establishment" in g for g in glossed("We want to bring the crane back to the delta"))
    assert any("hunting" in g for g in glossed("Do they need to see our shooting laws?"))
    assert any("extraordinary" in g for g in glossed("Can a special session be called between regular sessions?"))
    assert not any("local governments" in g for g in glossed("In which cities is the secretariat based?"))


def test_data_too_patchy_to_act_on_is_the_precautionary_approach(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("Our scientists say the shark stock data are too patchy. Can we hold off on conservation "
                           "measures under the shark memorandum until they are sure?")
    assert answer.citations[0].doc_id == "sharks-mou-2010" and answer.citations[0].ref == "para. 9"


def test_a_falling_out_under_an_access_contract_is_a_dispute_under_mutually_agreed_terms(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("What should an access contract under the Nagoya Protocol say about how a falling-out "
                           "between the user and the provider is settled?")
    assert answer.citations[0].ref.startswith("Art. 18(1)")


def test_the_non_binding_route_is_conciliation(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("Under the biodiversity convention, if two countries settle a quarrel through the "
                           "non-binding route rather than arbitration, how many people sit on the panel?")
    assert answer.citations[0].ref.startswith("Annex II, Part 2")


def test_a_figure_no_text_states_is_not_answered(assistant) -> None:  # type: ignore[no-untyped-def]
    """A head count, the date an MOU actually took effect and the budget now running are records, not texts."""
    for question in ("How many members sit on the Nagoya Protocol's compliance committee?",
                     "On what calendar date did the Sharks MOU actually come into effect?",
                     "What is the total core budget approved for AEWA for the current three-year period?"):
        assert assistant.ask(question).abstained, question
    assert asks_for_current_status("What is the budget of the Secretariat for the current biennium?")
    answered = assistant.ask("How many members does the conciliation commission under the CBD have?")
    assert not answered.abstained and answered.citations[0].ref == "Annex II, Part 2, Art. 1"


def test_an_agreement_named_by_its_short_title_that_the_index_does_not_hold(assistant) -> None:  # type: ignore[no-untyped-def]
    assert assistant.ask("What does the Gorilla Agreement require range states to do about the bushmeat "
                         "trade?").abstained


def test_a_framework_a_resolution_names_is_not_one_the_index_holds(assistant) -> None:  # type: ignore[no-untyped-def]
    """Res. 11.10 names the Kunming-Montreal Framework; it does not hold its targets. It answers how CMS works with it."""
    assert assistant.ask("By how much does the Kunming-Montreal framework aim to cut the rate at which invasive "
                         "alien species are introduced?").abstained
    answer = assistant.ask("What does CMS Resolution 11.10 ask the Secretariat to do about the Kunming-Montreal "
                           "Global Biodiversity Framework?")
    assert not answer.abstained and answer.citations[0].doc_id == "cms-res-11-10-synergies-partnerships"


def test_a_note_of_the_appendices_follows_the_listing_it_annotates(assistant) -> None:  # type: ignore[no-untyped-def]
    """Note 6 (the Botswana, Namibia, South Africa and Zimbabwe elephant populations) names Namibia and trophies
    too; the answer is the Felidae row that sets Namibia's cheetah quota."""
    answer = assistant.ask("Under the wildlife trade convention's listings, how many live cheetahs or cheetah "
                           "hunting trophies is Namibia allowed to send abroad each year?")
    assert answer.citations[0].ref == "App. I, II and III, Felidae"
