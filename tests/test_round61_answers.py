"""Round 61: a note printed after a listed species' name ("Batagur borneoensis 7") is the line's mark, and a question
on a footnote, or on the seeds, logs or products of a species listed with an annotation, is answered by that note,
unless the line lists the species only to leave it out ("Also excludes Aloe vera"); a name the corpus prints in a
paragraph or two ("the order Pinnipedia") finds that paragraph, and is not abstained on; a letter named by its author
and its subject ("the CITES Secretariat's 2025 cooperation note") is that letter; what a resolution asks of a body
is where its operative verb addresses that body; "it" after a question on an instrument's secretariat is the
secretariat; "where does the mandrill sit?" is answered by the row listing the species, quoted by its lines.

On the shipped corpus and its real index, in words of our own; each case below was answered otherwise before this
round's change.
"""

from __future__ import annotations

from mea_assistant.answer_types import classify
from mea_assistant.conversation import rewrite
from mea_assistant.parsing.tables import annotation_marks
from mea_assistant.queries import analyse, instrument_spans
from mea_assistant.retrieval.addressed import asked_body
from mea_assistant.taxa import rare_names, species_in


def _turn(question: str, answer: str = "It is.") -> list[dict[str, str]]:
    return [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]


def test_a_note_printed_after_a_species_name_is_that_line_s_mark(assistant) -> None:  # type: ignore[no-untyped-def]
    assert annotation_marks(["*Batagur borneoensis* <sup>7</sup>"]) == "7"
    assert annotation_marks(["Only the populations of Argentina<sup>1</sup>"]) == "1:Argentina"
    assert annotation_marks(["*Aquilaria * * spp.* <sup>#14</sup>"]) == "#14"
    row = next(p for p in assistant.index.documents["cites-convention-1973"].paragraphs
               if p.ref == "App. I, II and III, Geoemydidae")
    marked = dict(zip(row.text.splitlines(), row.meta["annotations"].split("\n")))
    assert marked["Appendix II: Batagur trivittata"] == "7"
    assert marked["Appendix I: Batagur baska"] == ""


def test_a_footnote_follow_up_is_answered_by_the_species_note(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("And what does its footnote say?", _turn("Is Batagur trivittata in a CITES appendix?"))
    first = answer.citations[0]
    assert (first.doc_id, first.ref) == ("cites-convention-1973", "App. I, II and III, note 7")
    assert "Zero quota" in answer.lead


def test_a_question_on_a_species_seeds_is_answered_by_its_annotation(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("Are the seeds included?", _turn("Does CITES list Gnetum montanum?"))
    assert answer.citations[0].ref == "App. I, II and III, note #1"


def test_a_species_a_line_leaves_out_does_not_take_its_annotation(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("Are Aloe vera products subject to CITES controls?")
    assert answer.citations[0].ref == "App. I, II and III, LILIACEAE"


def test_a_name_printed_in_one_paragraph_finds_it(assistant) -> None:  # type: ignore[no-untyped-def]
    documents = assistant.index.documents
    question = "What happened to the order Pinnipedia in the Bonn Convention's Appendix I?"
    assert rare_names(question, documents) == ["Pinnipedia"]
    # not a word of a longer name, a document's name, or a species' name the glossary reads
    assert rare_names("When did the Nagoya Protocol enter into force?", documents) == []
    assert rare_names("Is the Great White Pelican covered by AEWA?", documents) == []
    # nor the place a treaty was concluded, naming it (CITES was done at Washington, printed in two paragraphs)
    assert rare_names("How often do the parties to the Washington wildlife trade convention meet?", documents) == []
    assert rare_names("What was agreed in Washington, according to CITES?", documents) == ["Washington"]
    answer = assistant.ask(question)
    assert not answer.abstained
    first = answer.citations[0]
    assert (first.doc_id, first.ref) == ("cms-convention-1979", "Interpretation: App. I(1)")


def test_a_letter_named_by_its_author_and_subject_is_that_letter(assistant) -> None:  # type: ignore[no-untyped-def]
    documents = assistant.index.documents
    info = analyse("What does the CITES Secretariat's 2025 cooperation note say about IATA?", documents)
    assert info.doc_ids == ["cites-cooperation-response-2025"]


def test_what_a_resolution_asks_of_a_body_is_where_it_addresses_it(assistant) -> None:  # type: ignore[no-untyped-def]
    assert asked_body("What does Resolution 11.10 ask of the BLG?") == "BLG"
    assert asked_body("What are the Parties invited to do?") == "Parties"
    assert asked_body("Does the resolution ask for a review?") == ""
    answer = assistant.ask("What does CMS Resolution 11.10 ask of the BLG?")
    first = answer.citations[0]
    assert first.doc_id == "cms-res-11-10-synergies-partnerships"
    assert "the BLG to" in first.text and first.ref != "para. 2"  # para. 2 only names the BLG on the way


def test_it_after_a_question_on_a_secretariat_is_the_secretariat(assistant) -> None:  # type: ignore[no-untyped-def]
    documents = assistant.index.documents
    query = rewrite("Which bodies is it required to consult?", _turn("What are the AEWA Agreement secretariat's duties?"),
                    instrument_spans=lambda t: instrument_spans(t, documents),
                    species=lambda t: species_in(t, documents))
    assert "secretariat" in query.lower()


def test_where_a_species_sits_is_answered_by_its_own_row_and_lines(assistant) -> None:  # type: ignore[no-untyped-def]
    history = _turn("Does CITES cover every primate?")
    assert classify("And the mandrill, where would it sit?", history) != classify(history[0]["content"])
    answer = assistant.ask("And the mandrill, where would it sit?", history)
    first = answer.citations[0]
    assert first.ref == "App. I, II and III, Cercopithecidae"
    assert "Mandrillus sphinx" in first.quote and "Macaca silenus" not in first.quote
