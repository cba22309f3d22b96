"""Round 53: an acronym the texts only write in full; a proviso of the entry-into-force article the ranker put
first; a target set on a number is a figure; a "which species" question led by the paragraph naming them; a
population's numbered note; a relation word inside a document's name in a briefing topic.

Each on the shipped corpus (and its real index where the question goes through the whole pipeline), in words of
our own.
"""

from __future__ import annotations

from mea_assistant.acronyms import attributive, written_out
from mea_assistant.answer_types import classify
from mea_assistant.briefing.relation import read_names
from mea_assistant.figures import asks_how_much, states_figure
from mea_assistant.retrieval.annotations import marks


def test_an_acronym_is_read_off_the_capitalised_words_it_abbreviates() -> None:
    texts = ["Noting the United Nations Declaration on the Rights of Indigenous Peoples, and"]
    assert written_out("UNDRIP", texts) == "United Nations Declaration Rights Indigenous Peoples"
    assert written_out("UNECE", texts) == ""


def test_an_acronym_qualifying_a_name_is_not_what_the_question_asks_about() -> None:
    assert not attributive("UNDRIP", "Does the Nagoya Protocol refer anywhere to UNDRIP?")
    assert not attributive("UNDRIP", "Is UNDRIP mentioned in the Nagoya Protocol?")
    assert attributive("UNECE", "What is a hazardous activity under the UNECE industrial accidents convention?")
    assert attributive("IAEA", "How many countries had to join the IAEA's Early Notification Convention?")


def test_a_question_using_such_an_acronym_is_answered_by_the_paragraph_that_writes_the_name(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("Is UNDRIP mentioned in the Nagoya Protocol?")
    assert not answer.abstained
    assert (answer.citations[0].doc_id, answer.citations[0].ref) == ("nagoya-protocol-2010", "PP26")


def test_a_proviso_of_the_entry_into_force_article_keeps_its_lead(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("For the CBD to enter into force, is the European Union's ratification counted in "
                           "addition to those of its member States?")
    assert (answer.citations[0].doc_id, answer.citations[0].ref) == ("cbd-convention-1992", "Art. 36(5)")
    # a question on when it takes effect is still answered by the clause itself
    when = assistant.ask("How long after the thirtieth ratification does the CBD enter into force?")
    assert when.citations[0].ref == "Art. 36(1)"


def test_a_target_set_on_a_number_asks_a_figure(assistant) -> None:  # type: ignore[no-untyped-def]
    question = "What target does the CMS Strategic Plan give for the number of Parties?"
    assert classify(question) == "figure"
    assert asks_how_much(question)
    # a date is no amount
    assert not states_figure("recognized the recruitment of new Parties as a high priority at the COP8 in "
                             "November 2005", question)
    assert states_figure("CMS membership should increase by 30 Parties", question)
    answer = assistant.ask(question)
    assert (answer.citations[0].doc_id, answer.citations[0].ref) == ("cms-capacity-building-target-9", "para. 20")


def test_which_species_is_answered_by_the_paragraph_naming_them(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("Which sharks does the CMS-CITES joint work programme 2012-2014 pick out for joint action?")
    assert (answer.citations[0].doc_id, answer.citations[0].ref) == ("cms-cites-jwp-2012-2014", "¶6")


def test_a_population_s_numbered_note_is_kept_with_the_place_it_follows(corpus_docs, assistant) -> None:  # type: ignore[no-untyped-def]
    cites = corpus_docs["cites-convention-1973"]
    row = next(p for p in cites.paragraphs if p.ref == "App. I, II and III, Camelidae")
    assert "1:Argentina" in row.meta["annotations"].split()
    assert marks(row, ("Vicugna vicugna",), "vicuña cloth from Argentina") == ["1"]
    assert marks(row, ("Vicugna vicugna",), "vicuña cloth") == []  # no population named
    answer = assistant.ask("Under what conditions may Argentina's vicuña wool and cloth be exported under CITES?")
    assert answer.citations[0].ref == "App. I, II and III, note 1"


def test_a_relation_word_in_a_document_s_name_relates_nothing(corpus_docs) -> None:  # type: ignore[no-untyped-def]
    topic = ("Traditional knowledge under the Nagoya Protocol, the CBD and the CMS synergies and partnerships "
             "resolution")
    assert read_names(topic, corpus_docs)[1] is False
    assert read_names("the resolution on synergies and partnerships, the CBD and the Nagoya Protocol on "
                      "indigenous peoples", corpus_docs)[1] is False
    assert read_names("Cooperation between CMS and CITES on sharks", corpus_docs)[1] is True
