"""Round 50: a rule asked in the present is no past event, the place a treaty is named after is not a term of the
question, a person who disagrees is no deadlock of the parties, an appendix note that alone states the figure,
the title block's author line, a recital that records an earlier act or a conviction, a list asked for by its
kind, a treaty named as the owner of one of its documents.

Each on the shipped corpus and its real index, asked through the whole pipeline, in words of our own.
"""

from __future__ import annotations

from mea_assistant.answer_types import asked_things, classify
from mea_assistant.briefing.relation import read_names
from mea_assistant.unstated import asks_for_current_status


def test_when_an_amendment_enters_into_force_is_a_rule_not_an_event(assistant) -> None:  # type: ignore[no-untyped-def]
    assert asks_for_current_status("On what date did the Protocol actually enter into force?")
    assert not asks_for_current_status("Once adopted, when does an amendment actually enter into force?")
    answer = assistant.ask("When does an adopted amendment to the CBD actually enter into force, and is it the "
                           "same under the Ramsar Convention?")
    assert not answer.abstained
    assert {"cbd-convention-1992", "ramsar-convention-1971"} <= {c.doc_id for c in answer.citations}


def test_the_place_a_treaty_is_named_after_is_no_unsupported_term(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("Does the Bonn Convention's Appendix I allow a subspecies to be listed by its own name, "
                           "and does CITES refer to listed species the same way?")
    assert not answer.abstained
    assert ("cms-convention-1979", "App. I(1)(a)") in {(c.doc_id, c.ref) for c in answer.citations}


def test_a_member_who_disagrees_is_not_the_parties_failing_to_agree(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("In a CBD arbitration, may an arbitrator who disagrees with the award add a dissenting "
                           "opinion?")
    assert answer.citations[0].ref == "Annex II, Part 1, Art. 15"
    assert answer.lead.startswith("Yes")


def test_an_appendix_note_that_alone_states_the_figure_leads(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("How many kilograms of stockpiled vicuña wool from Peru does CITES let be traded?")
    assert answer.citations[0].ref == "App. I, II and III, note 4"
    assert answer.lead.startswith("3249 kg")  # not "Of 3249 kg"


def test_who_prepared_a_document_is_its_title_block_line(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("Who prepared the Dugong MOU meeting document on the Strategic Plan for Migratory "
                           "Species?")
    assert answer.citations[0].doc_id == "dugong-mou-mos3-spms" and "Prepared by" in answer.citations[0].text


def test_a_recital_answers_what_was_done_before(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("Under the CMS synergies resolution, who had previously been invited to review options "
                           "for the relationship between the CMS Family and civil society?")
    assert answer.citations[0].ref == "PP20"


def test_a_recital_answers_what_the_treaty_takes_for_granted(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("Does the Ramsar Convention believe national wetland policies alone can conserve "
                           "wetlands?")
    assert answer.citations[0].ref == "PP6"  # "combining far-sighted national policies with ... international action"


def test_a_list_asked_for_by_its_kind_is_answered_by_the_list(assistant) -> None:  # type: ignore[no-untyped-def]
    assert asked_things("Apart from money, what kinds of benefits can a provider get?") == ("", "benefit")
    assert asked_things("Which shark species did the programme focus on?") == ("shark", "specie")
    assert classify("Which Central Asian CMS initiatives are cited as including capacity-building work?") == "list"
    answer = assistant.ask("Besides money, what kinds of benefits can a country providing genetic resources "
                           "receive under the Nagoya Protocol?")
    refs = [c.ref for c in answer.citations]
    assert refs[0] == "Annex(2)" and sum(r.startswith("Annex(2)(") for r in refs) >= 3
    # the item naming the things asked for answers, not its lead-in ("The Agreement secretariat shall consult:")
    answer = assistant.ask("Which conventions does the AEWA secretariat consult on a regular basis?")
    assert answer.citations[0].ref == "Art. IX(a)"


def test_relation_words_relate_what_they_govern(corpus_docs) -> None:  # type: ignore[no-untyped-def]
    _, related = read_names("Compare how the biodiversity convention, the Bonn Convention and CITES deal with "
                            "disputes between parties", corpus_docs)
    assert not related
    _, related = read_names("Cooperation between CMS and CITES on shared species", corpus_docs)
    assert related


def test_a_treaty_named_as_owner_of_its_plan_stands_for_that_plan(assistant) -> None:  # type: ignore[no-untyped-def]
    info = assistant.understand("What capacity-building work sits under the Bonn Convention's strategic plan target "
                                "on concerted action?").info
    assert assistant.retriever.instrument_groups(info) == [["cms-capacity-building-target-9"]]
    info = assistant.understand("Why does the Bonn Convention's COP thank partner organisations in its synergies "
                                "resolution?").info
    assert assistant.retriever.instrument_groups(info) == [["cms-res-11-10-synergies-partnerships"]]


def test_a_list_closed_by_its_last_item_introduces_nothing_after_it(corpus_docs) -> None:  # type: ignore[no-untyped-def]
    """"...; Gorillas (Gorilla spp.); and / Dugongs (Dugong dugon)." ends the list: the paragraph after it and the
    activities further down are no items of "with a focus on:"."""
    paras = {p.ref: p for p in corpus_docs["cms-cites-jwp-2012-2014"].paragraphs}
    assert paras["¶12"].lead_in.rstrip().endswith("with a focus on:")
    assert paras["¶13"].lead_in == "" and paras["C1"].lead_in == ""


def test_a_class_of_treaties_names_none_of_them() -> None:
    from mea_assistant.instruments import named_spans
    from mea_assistant.queries import CONVENTION_NAMES

    text = "how CITES cooperates with CMS and the other biodiversity treaties"
    assert [code for _, _, code in named_spans(text, CONVENTION_NAMES)] == ["CITES", "CMS"]
    text = "the wetlands and the biodiversity conventions"
    assert [code for _, _, code in named_spans(text, CONVENTION_NAMES)] == ["Ramsar", "CBD"]



def test_a_modal_in_a_relative_clause_is_no_operative_verb() -> None:
    from mea_assistant.force import force_of

    text = ("Any dispute which may arise between two or more Parties with respect to the interpretation or application "
            "of the provisions of this Convention shall be subject to negotiation between the Parties involved")
    force = force_of(text, "convention")
    assert force is not None and force.kind == "obligation" and force.verb == "shall"
    force = force_of("the Parties may, by mutual consent, submit the dispute to arbitration", "convention")
    assert force is not None and force.kind == "permission"
