"""Questions a treaty answers in a set drafting formula: what it covers and leaves out, who pays and whether a
service costs anything, who runs a body, how often it meets and how much notice leaving takes; and a treaty's own
articles before a resolution or recommendation printed after it. Each test puts the paragraphs of a real fixture
treaty in the order the ranker put them on a treaty set's questions, and checks which one comes first."""

from __future__ import annotations

import treaty_sets

from mea_assistant.retrieval.clauses import clause_first
from mea_assistant.retrieval.rerank import own_provisions_first
from mea_assistant.stores.hits import paragraph_hit
from mea_assistant.types import Document, Hit

_DOCS: dict[str, dict[str, Document]] = {}


def _hits(fixture: str, doc_id: str, *refs: str) -> list[Hit]:
    """The paragraphs of a fixture treaty with these refs, in this order."""
    docs = _DOCS.setdefault(fixture, treaty_sets.load(fixture).parse())
    doc = docs[doc_id]
    by_ref = {p.ref: p.position for p in doc.paragraphs}
    return [paragraph_hit(doc, by_ref[ref], 1.0) for ref in refs]


def _first(hits: list[Hit], question: str) -> str:
    return clause_first(hits, question)[0].ref


def test_what_a_treaty_covers_is_its_own_scope_clause_not_a_chapters() -> None:
    """The 1968 animal transport convention: "This Convention applies to the international transport of: ..."
    (Art. 2), not "The provisions of this Chapter apply to the transport of those mammals and birds ..." (Art. 42(1)),
    which shares the question's words and was cited first."""
    hits = _hits("unseen11", "animal-transport-convention-1968", "Art. 42(1)", "Art. 45", "Art. 17", "Art. 2")
    assert _first(hits, "Which kinds of animals does the 1968 European convention on animal transport cover?") == "Art. 2"
    assert clause_first(hits, "How must railway trucks carrying animals be marked?") == hits


def test_what_a_treaty_leaves_out_is_its_exclusion_not_what_is_not_excluded() -> None:
    """The Hague Choice of Court Convention: "This Convention shall not apply to the following matters -" (Art. 2(2)),
    not "Proceedings under a contract of insurance ... are not excluded from the scope of this Convention ... to which
    this Convention does not apply" (Art. 17(1)) nor its own scope, Art. 1(1)."""
    hits = _hits("unseen31", "choice-of-court-convention-2005", "Art. 17(1)", "Art. 1(1)", "Art. 24", "Art. 2(2)")
    assert _first(hits, "Which kinds of contracts and subject matters fall outside the 2005 Hague convention on "
                        "choice of court agreements?") == "Art. 2(2)"


def test_who_pays_is_the_paragraph_that_puts_the_cost_on_someone() -> None:
    """The Cartagena Protocol: "The cost of risk assessment shall be borne by the notifier if the Party of import so
    requires" (Art. 15(3)), not the annex that lists what a risk assessment covers."""
    hits = _hits("unseen5", "cartagena-protocol-2000", "Annex III(8)(d)", "Art. 15(1)", "Art. 15(3)")
    assert _first(hits, "Under the Cartagena Protocol, who pays for the risk assessment of a genetically modified "
                        "organism being imported?") == "Art. 15(3)"
    assert clause_first(hits, "What must a risk assessment look at under the Cartagena Protocol?") == hits


def test_whether_a_service_costs_anything_is_the_paragraph_on_charges() -> None:
    """The International Tracing Service agreement: "Information for tracing purposes shall be provided upon request
    and without charge." (Art. 8(a)), not an article on the use of the archives."""
    hits = _hits("unseen32", "tracing-service-agreement-2011", "Art. 11(c)", "Art. 3", "Art. 8(a)")
    assert _first(hits, "Do relatives searching for a missing person in the Arolsen tracing archives have to pay for "
                        "the information?") == "Art. 8(a)"


def test_who_runs_a_body_is_the_organ_that_governs_it() -> None:
    """The same agreement: the International Commission "shall act as the supreme governing body of the International
    Tracing Service" (Art. 14(a)), not the paragraph on what its Director reports (Art. 14(d))."""
    hits = _hits("unseen32", "tracing-service-agreement-2011", "Art. 14(d)", "Art. 10(c)", "Art. 14(a)")
    assert _first(hits, "Who runs the International Tracing Service in Bad Arolsen under the 2011 agreement?") == \
        "Art. 14(a)"
    assert clause_first(hits, "Who provides the secretariat of the International Tracing Service?")[0].ref != \
        "Art. 14(a)"


def test_an_item_that_is_the_clause_only_through_its_lead_in_gives_way_to_the_lead_in() -> None:
    """The Industrial Accidents Convention: "The Executive Secretary of the Economic Commission for Europe shall carry
    out the following secretariat functions:" (Art. 20) answers who provides the secretariat, not its item "(c) Such
    other functions as may be determined by the Parties.", which is the secretariat clause only through that lead-in
    and was cited first. An item that states the clause itself keeps its place."""
    hits = _hits("unseen6", "teia-convention-1992", "Art. 20(c)", "Art. 17(4)", "Art. 20", "Art. 20(a)")
    assert _first(hits, "Who acts as the secretariat of the UNECE industrial accidents convention?") == "Art. 20"
    alone = _hits("unseen6", "teia-convention-1992", "Art. 20(c)", "Art. 17(4)")
    assert _first(alone, "Who acts as the secretariat of the UNECE industrial accidents convention?") == "Art. 20(c)"


def test_notice_to_leave_is_when_the_denunciation_takes_effect() -> None:
    """Convention 108: "Such denunciation shall become effective on the first day of the month following the expiration
    of a period of six months ..." (Art. 26(2)) answers how much notice leaving takes; "Any Party may at any time
    denounce this Convention" (Art. 26(1)) answers whether and when a Party may leave."""
    hits = _hits("unseen32", "data-protection-convention-1981", "Art. 26(2)", "Art. 26(1)")
    assert clause_first(hits, "How much notice must a Party give before it can leave Convention 108?") == hits
    assert _first(hits, "When can a country leave Convention 108?") == "Art. 26(1)"


def test_how_often_is_the_paragraph_that_states_a_frequency() -> None:
    """Convention 108, Art. 20: "It shall subsequently meet at least once every two years" (20(1)), not "A majority of
    representatives ... shall constitute a quorum for a meeting" (20(2)), which a figure question also fits."""
    hits = _hits("unseen32", "data-protection-convention-1981", "Art. 20(2)", "Art. 20(1)")
    assert _first(hits, "How often does the Consultative Committee under Convention 108 have to meet?") == "Art. 20(1)"
    assert clause_first(hits, "What is the quorum of the Consultative Committee under Convention 108?") == hits


def test_a_convention_is_answered_by_its_articles_before_the_recommendation_printed_after_it() -> None:
    """ILO Convention 138 prints the Minimum Age Recommendation after its articles; "What records does the Minimum Age
    Convention require employers to keep?" is answered by the Convention's Art. 9(3), not the Recommendation's
    Paragraph 16(b), unless the question asks about the Recommendation."""
    hits = _hits("unseen32", "minimum-age-convention-1973", "Recommendation 146(16)(b)", "Recommendation 146(16)(c)",
                 "Art. 3(3)", "Art. 9(3)")
    ordered = own_provisions_first(hits, "What records does the Minimum Age Convention require employers to keep?")
    assert [h.ref for h in ordered] == ["Art. 3(3)", "Art. 9(3)", "Recommendation 146(16)(b)",
                                        "Recommendation 146(16)(c)"]
    assert own_provisions_first(hits, "What records does the Minimum Age Recommendation ask employers to keep?") == hits


def test_opting_out_of_a_provision_is_the_paragraph_that_allows_it() -> None:
    """The Protected Persons Convention: "Each State Party may ... declare that it does not consider itself bound by
    paragraph 1 of this article" (Art. 13(2)) answers whether a State may opt out of arbitration, not the dispute
    clause itself (Art. 13(1)), which the ranker put first on set 33."""
    hits = _hits("unseen33", "protected-persons-convention-1973", "Art. 13(1)", "Art. 13(2)", "Art. 13(3)")
    assert _first(hits, "Can a state that joins the Diplomatic Agents Convention opt out of having disputes about it "
                        "sent to arbitration?") == "Art. 13(2)"
    assert clause_first(hits, "How are disputes about the Diplomatic Agents Convention settled?") == hits


def test_what_a_treaty_is_for_is_the_article_stating_its_objects() -> None:
    """The Hague Intercountry Adoption Convention: "The objects of the present Convention are: a) to establish
    safeguards ..." (Art. 1(a), its lead-in holding the formula), not the depositary's notifications or the closing
    formula ("DONE at The Hague ... 1993"), which share the question's name words and were cited first on set 34."""
    hits = _hits("unseen34", "intercountry-adoption-convention-1993", "Art. 48(b)", "Art. 48 ¶2", "Art. 7(1)",
                 "Art. 1(a)")
    assert _first(hits, "What is the 1993 Hague Convention on intercountry adoption meant to achieve?") == "Art. 1(a)"
    assert _first(hits, "What are the aims of the Hague adoption convention?") == "Art. 1(a)"
    # what the Central Authorities (a body) are meant to do is their duties, not the convention's objects
    assert clause_first(hits, "What are the Central Authorities supposed to do under the Hague adoption convention?") \
        == hits
    assert clause_first(hits, "Whom must the depositary notify of accessions?") == hits
    institute = _hits("unseen21", "refrigeration-institute-agreement-1954", "Art. I(2)", "Art. II(a)")
    assert _first(institute, "What is the International Institute of Refrigeration meant to do?") == "Art. II(a)"
    # what its member countries are expected to do is their obligations (Art. I(2)), not the Institute's objectives
    assert clause_first(institute, "What are member countries of the International Institute of Refrigeration expected "
                                   "to do under its 1954 agreement?") == institute


def test_how_much_notice_leaving_takes_is_the_paragraph_on_when_it_takes_effect() -> None:
    """The European Agreement on Transfer of Responsibility for Refugees: "Such denunciation shall become effective on
    the first day of the month following the expiration of a period of six months after the date of receipt of the
    notification" (Art. 16(2)), not "Any Party may at any time denounce this Agreement by means of a notification"
    (Art. 16(1)), which the ranker put first on set 35."""
    hits = _hits("unseen35", "refugee-responsibility-agreement-1980", "Art. 16(1)", "Art. 16(3)", "Art. 16(2)")
    assert _first(hits, "How much notice is needed to denounce the European Agreement on Transfer of Responsibility "
                        "for Refugees?") == "Art. 16(2)"
    assert _first(hits, "How long after notice does a denunciation of the refugees agreement take effect?") == "Art. 16(2)"
    # when a Party may leave at all is the paragraph that allows it
    assert _first(hits, "How long must a Party wait before it can denounce the refugees agreement?") == "Art. 16(1)"


def test_entry_into_force_drafted_with_it_or_the_convention_as_subject_is_the_instruments_own_clause() -> None:
    """The ILO's "It shall come into force twelve months after the date on which the ratifications of two Members ...
    have been registered" (Forced Labour Convention Art. 28(2)) and the Hague Conference's "The Convention shall enter
    into force on the first day of the month ..." (Succession Convention Art. 28(1)) are the instruments' own entry into
    force, before "Thereafter ... for any Member" / "Thereafter the Convention shall enter into force:"."""
    from mea_assistant.retrieval.finalclauses import in_force_first

    ilo = _hits("unseen35", "forced-labour-convention-1930", "Art. 28(3)", "Art. 28(1)", "Art. 28(2)")
    assert in_force_first(ilo, "When does the Forced Labour Convention come into force?")[0].ref == "Art. 28(2)"
    hague = _hits("unseen35", "succession-convention-1989", "Art. 28(2)(a)", "Art. 28(1)")
    assert in_force_first(hague, "How many ratifications does the Hague Succession Convention need to enter into "
                                 "force?")[0].ref == "Art. 28(1)"


def test_the_closing_formula_follows_the_provisions_unless_asked_where_when_or_in_which_languages() -> None:
    """ "IN WITNESS WHEREOF ... DONE at The Hague, on the 29th day of May 1993, in the English and French languages"
    shares "the 1993 Hague Convention" with every question naming it so; on the treaty sets it was cited first 13 times,
    never rightly."""
    from mea_assistant.retrieval.rerank import closing_formula_last

    hits = _hits("unseen34", "intercountry-adoption-convention-1993", "Art. 48 ¶2", "Art. 3", "Art. 2(1)")
    assert closing_formula_last(hits, "Up to what age does the 1993 Hague adoption convention apply to a child?"
                                )[0].ref == "Art. 3"
    assert closing_formula_last(hits, "In which languages was the 1993 Hague adoption convention done?") == hits
    # "the governments that signed the 1946 convention" names its parties; the question is not about signing
    nets = _hits("unseen11", "fishing-nets-convention-1946", "Art. 18 ¶2", "Art. 9", "Art. 17")
    assert closing_formula_last(nets, "What do the governments that signed the 1946 fishing nets convention have to ban "
                                      "in their own markets and ports regarding undersized fish?")[0].ref == "Art. 9"
    assert closing_formula_last(nets, "Which governments signed the 1946 fishing nets convention?") == nets
