"""Round 52: a question on a subject no text speaks of is abstained on even when it names no instrument or names a
species the appendices list; a preamble question's recitals in the ranker's order; the article whose heading a
question says; an appendix note that counts the very thing asked; "by how much" as an amount; the listing criteria
in the treaties' words.

Each on the shipped corpus (and its real index where the question goes through the whole pipeline), in words of
our own.
"""

from __future__ import annotations

from mea_assistant.abstention import outside_vocabulary
from mea_assistant.figures import asks_how_much, counts_asked
from mea_assistant.retrieval.headings import heading, speaks_heading
from mea_assistant.stores.hits import paragraph_hit


def test_a_subject_no_text_speaks_of_is_abstained_on(assistant) -> None:  # type: ignore[no-untyped-def]
    vocabulary = assistant.index.vocabulary
    # one word no text uses: enough when no instrument is named, not when one is (the delegate's own wording)
    assert outside_vocabulary("Which ballast water rules apply?", vocabulary, names_instrument=False)
    assert not outside_vocabulary("Which ballast water rules apply?", vocabulary, names_instrument=True)
    assert assistant.ask("Which ballast water treatment standard applies to ships to stop invasive aquatic species "
                         "spreading?").abstained
    assert assistant.ask("What surveillance must be carried out when avian influenza turns up in wild ducks?").abstained
    # a listing row of the species named leads, but the question is about something no text speaks of
    assert assistant.ask("What limits apply to seismic surveys near whales and dolphins?").abstained
    # a question naming its instrument may word it its own way
    assert not assistant.ask("Can a Party opt out of an amendment to the CITES appendices?").abstained


def test_a_preamble_question_is_answered_from_the_named_conventions_recitals(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("What notion of stewardship for future generations does the preamble of the Convention "
                           "on Migratory Species express?")
    assert (answer.citations[0].doc_id, answer.citations[0].ref) == ("cms-convention-1979", "PP2")


def test_the_article_whose_heading_the_question_says_answers(assistant, corpus_docs) -> None:  # type: ignore[no-untyped-def]
    cbd = corpus_docs["cbd-convention-1992"]
    art7 = paragraph_hit(cbd, next(p.position for p in cbd.paragraphs if p.ref == "Art. 7(a)"), 1.0)
    assert heading(art7) == "Identification and Monitoring"
    assert speaks_heading(art7, "What identification and monitoring duties does the CBD set?")
    assert not speaks_heading(art7, "Is monitoring needed before identification of sites?")  # not together
    answer = assistant.ask("Which identification and monitoring duties does the CBD lay on each Party to back its "
                           "in-situ, ex-situ and sustainable use articles?")
    assert [c.ref for c in answer.citations[:2]] == ["Art. 7", "Art. 7(a)"]


def test_a_body_named_in_a_question_is_no_heading_it_says(corpus_docs) -> None:  # type: ignore[no-untyped-def]
    aewa = corpus_docs["aewa-agreement-1995"]
    item = paragraph_hit(aewa, next(p.position for p in aewa.paragraphs if p.ref == "Art. VIII(a)"), 1.0)
    assert heading(item) == "Agreement Secretariat"
    assert not speaks_heading(item, "Which conventions does the AEWA Agreement Secretariat consult?")


def test_a_note_that_counts_the_thing_asked_answers_how_many(assistant) -> None:  # type: ignore[no-untyped-def]
    asked = "How many plants of one hybrid must each container hold?"
    assert counts_asked("each containing 20 or more plants of the same hybrid", asked)
    assert not counts_asked("hybrids produced from one or more of these species", asked)
    answer = assistant.ask("How many plants of the same artificially propagated orchid hybrid must each carton "
                           "contain to be exempt under CITES?")
    assert answer.citations[0].ref == "App. I, II and III, note 10"


def test_how_much_asks_an_amount_not_a_time() -> None:
    assert asks_how_much("By how much should membership grow?")
    assert not asks_how_much("How much lead time is needed before a meeting?")
    assert not asks_how_much("How much notice must a Party give?")


def test_the_listing_criteria_are_what_each_appendix_shall_include(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("What are the criteria for listing a species in each CITES appendix?")
    assert answer.citations[0].ref == "Art. II(1)"


def test_a_listing_row_keeps_the_annotation_marks_printed_after_its_names(corpus_docs) -> None:  # type: ignore[no-untyped-def]
    cites = corpus_docs["cites-convention-1973"]
    row = next(p for p in cites.paragraphs if p.ref == "App. I, II and III, THYMELAEACEAE")
    assert row.text.splitlines() == ["Appendix II: Aquilaria spp.", "Appendix II: Gonystylus spp.",
                                     "Appendix II: Gyrinops spp."]  # the words printed, to quote
    assert row.meta["annotations"].split("\n") == ["#14", "#4", "#14"]  # line by line


def test_a_question_on_an_annotation_is_answered_by_the_note_its_row_marks(assistant) -> None:  # type: ignore[no-untyped-def]
    agarwood = assistant.ask("Which parts and derivatives of agarwood does the CITES annotation exempt?")
    assert agarwood.citations[0].ref == "App. I, II and III, note #14"
    ramin = assistant.ask("What annotation applies to ramin in the CITES appendices?")
    assert ramin.citations[0].ref == "App. I, II and III, note #4"
    # where a species is listed is still its row
    assert assistant.ask("Which CITES appendix lists agarwood?").citations[0].ref == "App. I, II and III, THYMELAEACEAE"


def test_an_ordinal_is_supported_by_the_meeting_code_that_numbers_it() -> None:
    from mea_assistant.abstention import _supported

    assert _supported("third", "see cms/dugong/mos3/inf.5", set())  # the third Meeting of Signatories
    assert _supported("fourteenth", "adopted at cop14 (samarkand, february 2024)", set())
    assert _supported("third", "at its 3rd meeting", set())
    assert not _supported("fourth", "see cms/dugong/mos3/inf.5", set())
    assert not _supported("third", "article 13 of the convention", set())


def test_a_heading_whose_words_other_articles_use_is_no_subject_of_its_own() -> None:
    from mea_assistant.retrieval.headings import heading_first
    from mea_assistant.types import Hit

    def hit(ref: str, section: str, text: str) -> Hit:
        return Hit(doc_id="notification", ref=ref, display="Convention", text=text, score=1.0, section=section)

    notify = hit("Art. 2", "Article 2 > Notification and information", "In the event of a nuclear accident, the "
                 "State Party shall forthwith notify the States which are or may be physically affected.")
    other = hit("Art. 3", "Article 3 > Other Nuclear Accidents", "With a view to minimizing the radiological "
                "consequences, States Parties may notify in the event of other accidents.")
    question = "What counts as a nuclear accident for the purposes of the Convention?"
    assert heading_first([notify, other], question)[0].ref == "Art. 2"  # Art. 2 speaks of nuclear accidents too
    monitoring = hit("Art. 7", "Article 7 > Identification and Monitoring", "Identify components of biological "
                     "diversity important for its conservation.")
    ex_situ = hit("Art. 9", "Article 9 > Ex-situ Conservation", "Adopt measures for the ex-situ conservation of "
                  "components of biological diversity.")
    assert heading_first([ex_situ, monitoring], "What identification and monitoring duties apply?")[0].ref == "Art. 7"
