"""Answers on the real index: attribution, multi-document answers, exact references, follow-ups, abstention, filters."""

from __future__ import annotations

from mea_assistant.answering import ABSTAIN_SENTENCE, best_quote, sentence_spans
from mea_assistant.conversation import rewrite


def _cited(answer):  # type: ignore[no-untyped-def]
    return {(c.doc_id, c.ref) for c in answer.citations}


def test_every_citation_is_verbatim_and_every_line_cited(assistant):
    answer = assistant.ask("What must a Management Authority be satisfied of before an Appendix I export permit is granted?")
    assert not answer.abstained and answer.citations
    for c in answer.citations:
        assert c.quote and c.quote in c.text
        assert f"[{c.marker}]" in answer.text
    for line in answer.text.splitlines():
        assert "[" in line or line.startswith("**")


def test_attribution_names_the_acting_body(assistant):
    answer = assistant.ask("What does Resolution 11.10 urge Parties to do about cooperation among international, "
                           "regional and national organizations?")
    assert ("cms-res-11-10-synergies-partnerships", "para. 30") in _cited(answer)
    assert "the Conference of the Parties urges Parties to facilitate cooperation" in answer.text


def test_sub_paragraph_answer_carries_its_lead_in(assistant):
    answer = assistant.ask("Under CMS, what must Range States of Appendix I species endeavour to do about "
                           "obstacles that impede migration?")
    assert ("cms-convention-1979", "Art. III(4)(b)") in _cited(answer)
    assert "shall endeavour" in answer.text


def test_exact_reference_lookup(assistant):
    answer = assistant.ask("What does paragraph 31 of Resolution 11.10 say?")
    assert answer.citations[0].ref == "para. 31" and "ratify the BBNJ Agreement" in answer.citations[0].quote
    answer = assistant.ask("B12 of the joint work programme")
    assert (answer.citations[0].doc_id, answer.citations[0].ref) == ("cms-cites-jwp-2012-2014", "B12")
    hits = assistant.retriever.lookup("Article III(4) of the Bonn Convention")
    assert hits and all(h.doc_id == "cms-convention-1979" and h.ref.startswith("Art. III(4)") for h in hits)


def test_definition_questions_find_the_definition(assistant):
    hits = assistant.search("How does the Convention on Biological Diversity define in-situ conservation?", k=3)
    assert hits[0].doc_id == "cbd-convention-1992" and hits[0].text.startswith('"In-situ conservation" means')
    hits = assistant.search("What is meant by range state under CMS?", k=3)
    assert (hits[0].doc_id, hits[0].ref) == ("cms-convention-1979", "Art. I(1)(h)")


def test_multi_document_answer_groups_by_instrument(assistant):
    answer = assistant.ask("How do CITES and the Sharks MOU each address cooperation with FAO on sharks?")
    docs = {c.doc_id for c in answer.citations}
    assert len(docs) >= 2
    assert answer.text.count("**") >= 4  # one bold heading per instrument


def test_follow_up_is_rewritten_with_history(assistant):
    history = [{"role": "user", "content": "What does CITES require to export a specimen of an Appendix II species?"},
               {"role": "assistant", "content": "An export permit [1]"}]
    query = rewrite("And for Appendix III?", history)
    assert "Appendix III" in query and "CITES" in query and "Appendix II " not in query + " "
    answer = assistant.ask("And for Appendix III?", history=history)
    assert any(c.doc_id == "cites-convention-1973" and c.ref.startswith("Art. V") for c in answer.citations)

    history = [{"role": "user", "content": "What does the joint work programme say about trilateral meetings with FAO?"},
               {"role": "assistant", "content": "CMS/CITES Secretariats to organize trilateral meetings [1]"}]
    query = rewrite("Does it say who pays for that?", history)
    assert "trilateral" in query and "FAO" in query and "programme" in query
    assert rewrite("What is the objective of the Sharks MOU?", history, names_instrument=True) == \
        "What is the objective of the Sharks MOU?"


def test_out_of_corpus_questions_abstain(assistant):
    for question in ("What carbon budget remains for 1.5 °C according to the IPCC?",
                     "When does the Stockholm Convention's PFOS exemption expire?"):
        answer = assistant.ask(question)
        assert answer.abstained and answer.text == ABSTAIN_SENTENCE and not answer.citations
        assert answer.related  # shown as "possibly related", uncited


def test_filters_restrict_documents(assistant):
    hits = assistant.search("cooperation with other conventions", k=10, conventions=["Ramsar"])
    assert hits and all("Ramsar" in h.conventions for h in hits)
    hits = assistant.search("cooperation with other conventions", k=10, doc_types=["resolution"])
    assert hits and all(h.doc_type == "resolution" for h in hits)
    answer = assistant.ask("What does the Secretariat do?", conventions=["CITES"], doc_types=["convention"])
    assert answer.citations and all(c.doc_id == "cites-convention-1973" for c in answer.citations)


def test_quotes_are_sentences_of_the_paragraph():
    text = ("The export of any specimen shall require a permit. A permit shall only be granted when the following "
            "conditions have been met: (a) the Scientific Authority has advised; and (b) the Management Authority "
            "is satisfied that the specimen was not obtained in contravention of the laws of that State, which "
            "is long enough to need cutting into sentences for a quote, e.g. in this test.")
    spans = sentence_spans(text)
    assert len(spans) >= 2
    quote = best_quote(text, {"scientif", "authority", "advis"}, max_chars=120)
    assert quote in text and len(quote) < len(text)
