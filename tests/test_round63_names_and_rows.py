"""Round 63: a name the texts abbreviate in brackets is searched by its acronym too, since they go on to use the
acronym alone ("Conservation and Management Plan (CMP)"); a question asking by what date is not answered by a text that
only says "annual"; a briefing topic naming several groups of species cites the listing row of each, headed in
capitals in a table other than an appendix ("PODICIPEDIDAE" of AEWA's Annex 2).

On the shipped corpus and its real index, in words of our own; each case below was answered otherwise before this
round's change.
"""

from __future__ import annotations

from mea_assistant.briefing import build_note


def test_a_name_written_out_is_searched_by_the_acronym_the_texts_define(assistant) -> None:  # type: ignore[no-untyped-def]
    from mea_assistant.acronyms import abbreviations_used  # (here, so the other tests run on code without it)

    question = ("Why does the Dugong MOU Secretariat want the Conservation and Management Plan reviewed against the "
                "Strategic Plan for Migratory Species?")
    assert sorted(abbreviations_used(question, assistant.index.documents)) == ["CMP", "SPMS"]
    assert abbreviations_used("What is the CMP?", assistant.index.documents) == []  # written as the texts write it
    answer = assistant.ask(question)
    assert (answer.citations[0].doc_id, answer.citations[0].ref) == ("dugong-mou-mos3-spms", "para. 13")


def test_a_topic_naming_several_groups_cites_each_ones_row(assistant) -> None:  # type: ignore[no-untyped-def]
    note = build_note(assistant, "How AEWA covers grebes, cormorants, herons, storks, cranes, gulls and skuas: which "
                                 "species are listed and how their populations are classified in the Action Plan's "
                                 "Table 1")
    rows = {r.ref for r in note.references if r.doc_id == "aewa-agreement-1995"}
    for family in ("PODICIPEDIDAE", "PHALACROCORACIDAE", "ARDEIDAE", "CICONIIDAE", "GRUIDAE", "LARIDAE",
                   "STERCORARIIDAE"):
        assert f"Annex 2, {family}" in rows


def test_a_date_asked_is_not_answered_by_a_text_that_only_says_annual(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("By what date each year must CITES Parties send their annual report to the Secretariat?")
    assert answer.abstained
    # a deadline counted from an event is a date: "no later than the date of entry into force"
    answer = assistant.ask("By what date must a Nagoya Party notify the Secretariat of its national focal point?")
    assert not answer.abstained and answer.citations[0].ref == "Art. 13(4)"
