"""Round 55: a question quoting the text's own words is answered by the paragraph that uses them, however short
(rerank.quotes_used); a document named by its owner's name used as a noun ("the Bonn Convention resolution on
synergies") is that document, not the owner's treaty (retriever._owned_by).

On the shipped corpus and its real index, in words of our own.
"""

from __future__ import annotations

from mea_assistant.retrieval.rerank import quotes_used
from mea_assistant.types import Hit


def _hit(text: str) -> Hit:
    return Hit(doc_id="d", ref="Art. 1", display="D, Art. 1", text=text, score=1.0)


def test_quoted_words_count_only_when_the_paragraph_uses_them_all_as_written() -> None:
    assert quotes_used(_hit("DONE at Washington, this third day of March."), "What does the 'done at' clause say?")
    assert not quotes_used(_hit("Signed at Washington."), "What does the 'done at' clause say?")
    # one quoted word is too common to name a paragraph
    assert not quotes_used(_hit("Done."), "Is it 'done'?")


def test_a_short_closing_clause_the_question_quotes_is_answered_not_abstained(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("In which city and on which date was the CITES text concluded, according to its 'done at' "
                           "clause?")
    assert not answer.abstained
    assert (answer.citations[0].doc_id, answer.citations[0].ref) == ("cites-convention-1973", "Art. XXV ¶1")
    assert "Washington" in answer.lead


def test_a_convention_s_name_before_the_kind_of_its_document_names_that_document(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("When was the Bonn Convention resolution on synergies last revised?")
    assert answer.citations[0].doc_id == "cms-res-11-10-synergies-partnerships"
