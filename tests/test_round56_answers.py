"""Round 56: follow-ups that switch the species or the body, a follow-up on the preamble, who listed a species in an
appendix, and the instruments a question names by subject or as a treaty beside one of its documents.

On the shipped corpus and its real index, in words of our own; each case below was answered or read otherwise
before this round's change.
"""

from __future__ import annotations

from mea_assistant.conversation import rewrite
from mea_assistant.queries import instrument_spans
from mea_assistant.taxa import finest, species_in


def _turns(question: str, answer: str) -> list[dict[str, str]]:
    return [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]


def test_a_follow_up_naming_another_species_drops_the_earlier_one(assistant) -> None:  # type: ignore[no-untyped-def]
    history = _turns("In which CITES Appendix is the giant panda listed?", "Appendix I (CITES, Ursidae) [1].")
    assert "panda" not in assistant.understand("And the walrus?", history).standalone.lower()
    cited = assistant.ask("And the walrus?", history=history).citations
    assert (cited[0].doc_id, cited[0].ref) == ("cites-convention-1973", "App. I, II and III, Odobenidae")


def test_a_latin_name_the_tables_list_counts_as_a_species_named(corpus_docs) -> None:  # type: ignore[no-untyped-def]
    found = species_in("Is the vaquita, Phocoena sinus, listed? And Homo sapiens?", corpus_docs)
    assert "Phocoena sinus" in found and "vaquita" in found
    assert "Homo sapiens" not in found  # not a name any table of the corpus lists


def test_a_follow_up_naming_another_body_drops_the_earlier_one(corpus_docs) -> None:  # type: ignore[no-untyped-def]
    history = _turns("How often does the CMS Conference of the Parties meet?",
                     "At intervals of not more than three years (CMS Art. VII(3)) [1].")
    query = rewrite("And the Standing Committee?", history,
                    instrument_spans=lambda text: instrument_spans(text, corpus_docs))
    assert "Conference" not in query and "CMS" in query and "often" in query


def test_a_follow_up_on_the_preamble_is_answered_by_a_recital_not_the_cited_article_s_neighbour(assistant) -> None:  # type: ignore[no-untyped-def]
    history = _turns("What does the Nagoya Protocol require on traditional knowledge?",
                     "Prior informed consent of the communities (Nagoya Protocol Art. 7) [1].")
    cited = assistant.ask("Is that also recognised in the Protocol's opening recitals?", history=history).citations
    assert cited[0].doc_id == "nagoya-protocol-2010" and cited[0].ref.startswith("PP")


def test_who_listed_a_species_in_an_appendix_is_answered_by_its_listing_row(assistant) -> None:  # type: ignore[no-untyped-def]
    cited = assistant.ask("Who listed the walrus (Odobenus rosmarus) in Appendix III?").citations
    assert (cited[0].doc_id, cited[0].ref) == ("cites-convention-1973", "App. I, II and III, Odobenidae")
    cited = assistant.ask("Who listed Lodoicea maldivica in Appendix III?").citations
    assert (cited[0].doc_id, cited[0].ref) == ("cites-convention-1973", "App. I, II and III, PALMAE")


def test_the_most_specific_taxon_a_question_names_decides_its_listing() -> None:
    assert finest(["CETACEA", "Balaenidae"]) == ["Balaenidae"]
    assert finest(["Balaenidae", "Eubalaena", "CETACEA"]) == ["Eubalaena"]
    assert finest(["CETACEA", "Balaena mysticetus", "Eubalaena"]) == ["Balaena mysticetus"]


def test_a_treaty_named_beside_one_of_its_documents_is_an_instrument_of_its_own(assistant) -> None:  # type: ignore[no-untyped-def]
    both = assistant.understand("Under the Bonn migratory species convention and the dugong memorandum, who reports?")
    groups = assistant.retriever.instrument_groups(both.info)
    assert ["dugong-mou-mos3-spms"] in groups and any(g[0] == "cms-convention-1979" for g in groups)
    # ... but not when it only owns the document ("the CMS Dugong MOU")
    owned = assistant.understand("What does the CMS Dugong MOU paper say about reporting?")
    assert assistant.retriever.instrument_groups(owned.info) == [["dugong-mou-mos3-spms"]]


def test_cites_is_named_by_the_everyday_words_for_its_title(assistant) -> None:  # type: ignore[no-untyped-def]
    for question in ("How is international trade in threatened wildlife controlled?",
                     "What does the wildlife trade treaty say about export permits?"):
        assert "CITES" in assistant.understand(question).info.conventions, question


def test_both_x_and_y_is_a_comparison_only_when_x_and_y_are_two_instruments(assistant) -> None:  # type: ignore[no-untyped-def]
    one = assistant.understand("May a single ministry serve as both the Management Authority and the Scientific "
                               "Authority under CITES?")
    assert one.kind == "yes_no"
    two = assistant.understand("Do both CITES and the Ramsar Convention allow a Party to withdraw?")
    assert two.kind == "comparison"
