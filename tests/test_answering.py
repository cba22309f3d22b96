"""Answers on the real index: the lead sentence states the answer and cites [1], it is shaped by the kind of
question, only paragraphs that add are cited, every quote is verbatim, follow-ups keep or switch context."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from mea_assistant.composing import ABSTAIN_SENTENCE
from mea_assistant.conversation import rewrite


def _cited(answer):  # type: ignore[no-untyped-def]
    return [(c.doc_id, c.ref) for c in answer.citations]


def test_the_lead_states_the_answer_and_cites_its_paragraph_first(assistant):
    answer = assistant.ask("What must a Management Authority be satisfied of before an Appendix I export permit "
                           "is granted?")
    assert not answer.abstained and answer.text.startswith(answer.lead) and "[1]" in answer.lead
    assert _cited(answer)[0][0] == "cites-convention-1973" and _cited(answer)[0][1].startswith("Art. III(2)")
    for c in answer.citations:  # every quote verbatim, every marker shown, no paragraph twice
        assert c.quote and c.quote in c.text and f"[{c.marker}]" in answer.text
    assert len(set(_cited(answer))) == len(answer.citations) <= 3
    result = answer.to_result()
    assert result["lead"] == answer.lead and result["answer_type"] == answer.answer_type == "obligation"


def test_a_figure_question_gets_the_figure_first(assistant):
    answer = assistant.ask("How long is a CITES export permit valid?")
    assert answer.answer_type == "figure"
    assert answer.lead.lower().startswith(("six months", "a period of six months", "within a period of six months"))
    assert _cited(answer)[0] == ("cites-convention-1973", "Art. VI(2)")


def test_a_yes_no_question_gets_yes_or_no_first(assistant):
    answer = assistant.ask("Can a Party make reservations to the CBD?")
    assert answer.answer_type == "yes_no" and answer.lead.startswith("No:")
    assert _cited(answer)[0] == ("cbd-convention-1992", "Art. 37")


def test_whether_one_can_join_is_answered_by_the_clause_that_opens_the_instrument_or_bars_it(assistant):
    # the condition for joining a protocol, not the neighbouring clause on an organisation that joins
    answer = assistant.ask("Can a State join a protocol to the Convention on Biological Diversity without being a "
                           "Party to the Convention?")
    assert answer.answer_type == "yes_no" and answer.lead.startswith("No:")
    assert _cited(answer)[0] == ("cbd-convention-1992", "Art. 32(1)")
    # the one-sentence accession clause ranks far below its longer neighbours; it is found in the whole document
    later = assistant.ask("Signature of CITES closed long ago. Could a State still join it?")
    assert _cited(later)[0] == ("cites-convention-1973", "Art. XXI")
    # the clause no search returns ("open for accession by regional economic integration organizations") is added
    union = assistant.ask("Could the European Union become a Party to CITES?")
    assert _cited(union)[0] == ("cites-convention-1973", "Art. XXI(1)")


def test_an_obligation_says_what_kind_of_duty_and_whose(assistant):
    answer = assistant.ask("Must each CITES Party designate a Management Authority?")
    assert answer.answer_type == "obligation"
    assert answer.lead.startswith("Yes. A binding treaty obligation (“shall”) on each Party")
    answer = assistant.ask("Is the Sharks MOU legally binding?")
    assert answer.lead.startswith("No:") and "non-legally binding" in answer.lead
    answer = assistant.ask("What does Resolution 11.10 urge Parties to do about cooperation among international, "
                           "regional and national organizations?")
    assert ("cms-res-11-10-synergies-partnerships", "para. 30") == _cited(answer)[0]
    assert "the Conference of the Parties “[u]rges Parties to facilitate cooperation" in answer.lead


def test_a_who_question_names_the_actor_first(assistant):
    answer = assistant.ask("Who provides the Secretariat of CITES?")
    assert answer.answer_type == "who"
    assert answer.lead.startswith("The Executive Director of the United Nations Environment Programme")
    assert _cited(answer)[0] == ("cites-convention-1973", "Art. XII(1)")


def test_a_lead_in_is_answered_with_its_items(assistant):
    answer = assistant.ask("What are the functions of the CMS Secretariat?")
    assert answer.answer_type == "list" and _cited(answer)[0] == ("cms-convention-1979", "Art. IX(4)")
    items = _cited(answer)[1:]
    assert len(items) >= 5 and all(ref.startswith("Art. IX(4)(") for _, ref in items)
    assert "(a) “" in answer.lead and "[2]" in answer.lead and "[6]" in answer.lead  # the items, cited, in the lead
    # an item the lead cuts short is quoted whole below it
    for line in answer.text.splitlines()[1:]:
        if line.startswith("- ("):
            marker = re.search(r"\[(\d+)\]$", line).group(1)
            assert f"” … [{marker}]" in answer.lead


def test_a_definition_that_is_a_list_is_answered_with_its_items(assistant):
    # CITES Art. I(b) '"Specimen" means:' is an item of Art. I's list and opens its own (i)-(iii), whose lead-in is
    # its words alone, not the chain above it
    answer = assistant.ask("What counts as a specimen under CITES?")
    assert _cited(answer)[0] == ("cites-convention-1973", "Art. I(b)")
    assert [ref for _, ref in _cited(answer)[1:]] == ["Art. I(b)(i)", "Art. I(b)(ii)", "Art. I(b)(iii)"]
    assert "any animal or plant" in answer.lead


def test_a_list_question_is_answered_by_the_list_next_to_the_best_paragraph(assistant):
    # Art. 14(1) sets up the Clearing-House; 14(2) "The information shall include:" lists what goes on it.
    answer = assistant.ask("What information must every Party put on the ABS Clearing-House?")
    assert answer.answer_type == "list"
    assert _cited(answer)[0] == ("nagoya-protocol-2010", "Art. 14(2)")
    assert "permits" in answer.lead.lower() and all(ref.startswith("Art. 14(2)(") for _, ref in _cited(answer)[1:])
    for c in answer.citations:
        assert c.quote in c.text


def test_a_comparison_gives_one_line_per_instrument(assistant):
    answer = assistant.ask("How do CITES and the CBD differ on reservations?")
    assert answer.answer_type == "comparison"
    assert {"cites-convention-1973", "cbd-convention-1992"} <= {d for d, _ in _cited(answer)}
    # one line per instrument, the instrument whose paragraph the ranker trusts most first, whichever the question
    # names first: CBD Art. 37 ("No reservations may be made") answers "reservations" more plainly than CITES
    assert answer.lead.startswith("Under CBD Art. 37") and "under CITES Convention Art. XXIII" in answer.lead
    assert "They differ in force" in answer.text
    swapped = assistant.ask("How do the CBD and CITES differ on reservations?")
    assert [d for d, _ in _cited(swapped)][:2] == [d for d, _ in _cited(answer)][:2]


def test_a_reference_that_does_not_exist_is_answered_as_such(assistant):
    answer = assistant.ask("What does Article XXX of CITES say?")
    assert answer.abstained and not answer.citations and answer.lead == ABSTAIN_SENTENCE
    assert "has no Article XXX; its articles run I to XXV" in answer.text
    answer = assistant.ask("What does paragraph 90 of Resolution 11.10 say?")
    assert answer.abstained and "has no paragraph 90" in answer.text
    answer = assistant.ask("What does paragraph 31 of Resolution 11.10 say?")  # one that exists
    assert not answer.abstained and _cited(answer)[0][1] == "para. 31"
    assert "ratify the BBNJ Agreement" in answer.citations[0].quote


@pytest.mark.parametrize(("question", "says"), [
    ("What does Article 8(n) of the CBD require Parties to do?", "Art. 8 has no item (n); its items there run (a) to (m)"),
    ("What does Article III(9) of the Bonn Convention say?", "Art. III has no paragraph (9)"),
    ("What does Article 10 ter of the Ramsar Convention provide?", "has no Article 10 ter"),
    ("Which species are listed in Appendix IV of the Convention on Migratory Species?",
     "has no Appendix IV; its appendices are I and II"),
])
def test_an_item_article_suffix_or_appendix_that_does_not_exist_is_answered_as_such(assistant, question, says):
    """The item after the last one, "ter" where the text has only "bis", an appendix the text does not have: said
    so, not answered with the nearest paragraph (which cited Art. 18(4), Art. 10 bis(1) and Art. III(4))."""
    answer = assistant.ask(question)
    assert answer.abstained and not answer.citations and says in answer.text, answer.text


@pytest.mark.parametrize("question", [
    "What does Article 8(j) of the CBD require?", "What does Article 10 bis of the Ramsar Convention provide?",
    "Which plants are listed in Appendix III of CITES?", "What does Article III(4)(c) of CMS say?"])
def test_an_item_article_or_appendix_that_exists_is_answered(assistant, question):
    answer = assistant.ask(question)
    assert not answer.abstained and answer.citations, answer.text


def test_explicit_and_definition_lookups(assistant):
    answer = assistant.ask("B12 of the joint work programme")
    assert _cited(answer)[0] == ("cms-cites-jwp-2012-2014", "B12")
    hits = assistant.retriever.lookup("Article III(4) of the Bonn Convention")
    assert hits and all(h.doc_id == "cms-convention-1979" and h.ref.startswith("Art. III(4)") for h in hits)
    hits = assistant.search("How does the Convention on Biological Diversity define in-situ conservation?", k=3)
    assert hits[0].doc_id == "cbd-convention-1992" and hits[0].text.startswith('"In-situ conservation" means')
    answer = assistant.ask("When is a migratory species 'endangered' for CMS purposes?")  # a quoted term
    assert _cited(answer)[0] == ("cms-convention-1979", "Art. I(1)(e)")


def test_follow_up_keeps_the_topic(assistant):
    history = [{"role": "user", "content": "What does CITES require to export a specimen of an Appendix II species?"},
               {"role": "assistant", "content": "An export permit [1]"}]
    query = rewrite("And for Appendix III?", history)
    assert "Appendix III" in query and "CITES" in query and "Appendix II " not in query + " "
    answer = assistant.ask("And for Appendix III?", history=history)
    assert answer.answer_type == "obligation"  # the kind of the question it continues
    assert any(c.doc_id == "cites-convention-1973" and c.ref.startswith("Art. V") for c in answer.citations)


def test_a_follow_up_whose_subject_is_a_pronoun_carries_the_thing_not_the_earlier_question(assistant):
    history = [{"role": "user", "content": "Who can sign the Migratory Sharks MOU?"},
               {"role": "assistant", "content": "..."}]
    answer = assistant.ask("When does it take effect?", history=history)
    assert "sign" not in answer.rewritten_query.split("?", 1)[1] and "Sharks" in answer.rewritten_query
    assert ("sharks-mou-2010", "para. 31") in _cited(answer)  # "will commence on the first day of the month ..."
    history = [{"role": "user", "content": "Who sits on the AEWA Technical Committee?"},
               {"role": "assistant", "content": "..."}]
    assert "Technical Committee" in rewrite("How often does it meet?", history)
    history = [{"role": "user", "content": "What does Resolution 11.10 ask the Secretariat to do about partnerships?"}]
    assert "partnerships" in rewrite("Does it say who pays for that?", history)  # "that" is the topic: kept


def test_follow_up_that_switches_the_instrument_keeps_the_topic(assistant):
    history = [{"role": "user", "content": "What does the Dugong MOU say about national reports?"},
               {"role": "assistant", "content": "..."}]
    answer = assistant.ask("And the Sharks MOU?", history=history)
    assert "Dugong" not in answer.rewritten_query and "report" in answer.rewritten_query
    assert answer.citations and answer.citations[0].doc_id == "sharks-mou-2010"
    assert "report" in answer.citations[0].quote.lower()


def test_a_follow_up_naming_only_another_instrument_asks_the_earlier_question_of_it(assistant):
    """"And under CITES?" read as the earlier question with CITES in place of the Ramsar Convention: the carried
    words alone ("country leave") were too far in meaning from CITES Art. XXIV, and the answer abstained."""
    history = [{"role": "user", "content": "Can a country leave the Ramsar Convention?"},
               {"role": "assistant", "content": "..."}]
    answer = assistant.ask("And under CITES?", history=history)
    assert answer.rewritten_query == "Can a country leave the CITES?"
    assert not answer.abstained and answer.citations[0].ref == "Art. XXIV"
    history = [{"role": "user", "content": "How does a Party withdraw from CMS?"}, {"role": "assistant", "content": "..."}]
    answer = assistant.ask("What about the Sharks MOU?", history=history)
    assert (answer.citations[0].doc_id, answer.citations[0].ref) == ("sharks-mou-2010", "para. 32")  # "terminate its
    # participation by providing one year's written notice"
    # a turn that says more than the instrument keeps the carried words
    assert rewrite("And for the equivalent body under CITES?", history,
                   instrument_spans=lambda t: [m.span() for m in re.finditer(r"CMS|CITES", t)]) != \
        "How does a Party withdraw from CITES?"


def test_follow_up_that_changes_the_kind_of_crossing_asks_about_the_new_one(assistant):
    """"And to re-export one?" after an import question asks about re-export instead (CITES Art. I(c): trade is
    export, re-export, import and introduction from the sea), with the earlier turn's "Appendix I" whole; an
    "equivalent" leans on the earlier turn as a pronoun does."""
    history = [{"role": "user", "content": "What paperwork does CITES need before an Appendix I specimen is imported?"},
               {"role": "assistant", "content": "An import permit and an export permit (Art. III(3)) [1]."}]
    query = rewrite("And to re-export one?", history)
    assert "Appendix I" in query and "import" not in query.lower(), query
    answer = assistant.ask("And to re-export one?", history=history)
    assert _cited(answer)[0][1].startswith("Art. III(4)"), _cited(answer)
    history = [{"role": "user", "content": "Who performs the bureau duties under the Ramsar Convention?"}]
    assert "bureau" in rewrite("What is the equivalent arrangement under CMS?", history, names_instrument=True)


def test_follow_up_that_switches_the_partner_keeps_the_instrument(assistant):
    history = [{"role": "user", "content": "What does the CITES Secretariat say about cooperation with IUCN?"},
               {"role": "assistant", "content": "..."}]
    answer = assistant.ask("And with SPREP?", history=history)
    assert "IUCN" not in answer.rewritten_query and "CITES" in answer.rewritten_query
    assert answer.citations and "SPREP" in answer.citations[0].text


def test_follow_up_with_another_object_replaces_the_earlier_one(assistant):
    """"And for elephants?" after a question on what the work programme plans for sturgeons asks the same of
    elephants: the sturgeons are not searched again; a clause ("And if ...?") is no new object."""
    history = [{"role": "user", "content": "What does the CMS-CITES Joint Work Programme plan for sturgeons?"},
               {"role": "assistant", "content": "..."}]
    answer = assistant.ask("And for elephants?", history=history)
    assert "sturgeon" not in answer.rewritten_query.lower() and "Joint Work Programme" in answer.rewritten_query
    assert any("Elephant" in c.text for c in answer.citations)
    assert not any("Acipenser" in c.text for c in answer.citations)
    history = [{"role": "user", "content": "What does Resolution 11.10 say about partnerships with the private sector?"}]
    query = rewrite("And with academia?", history)
    assert "private" not in query and "partnerships" in query, query
    history = [{"role": "user", "content": "How are the CMS Appendices amended?"}]
    assert "amended" in rewrite("And if a Party does not accept a new listing?", history)


def test_out_of_corpus_questions_abstain(assistant):
    for question in ("What carbon budget remains for 1.5 °C according to the IPCC?",
                     "When does the Stockholm Convention's PFOS exemption expire?"):
        answer = assistant.ask(question)
        assert answer.abstained and answer.text == ABSTAIN_SENTENCE and not answer.citations
        assert answer.lead == ABSTAIN_SENTENCE and answer.related  # shown as "possibly related", uncited


def test_an_agreement_the_corpus_does_not_hold_is_answered_only_by_a_paragraph_naming_it(assistant):
    """Res. 11.10 names the Bern Convention in a preamble list and the BBNJ Agreement in an operative paragraph:
    what Bern's Appendix II protects is not in the corpus (CITES Art. II(2), on its own Appendix II, was cited), what
    the resolution asks about BBNJ is."""
    assert assistant.ask("Which animals does Appendix II of the Bern Convention strictly protect?").abstained
    assert assistant.ask("How often must Parties submit a new nationally determined contribution under the Paris "
                         "Agreement?").abstained
    answer = assistant.ask("What does Resolution 11.10 ask the Secretariat to do about the BBNJ Agreement?")
    assert not answer.abstained and answer.citations[0].doc_id == "cms-res-11-10-synergies-partnerships"


def test_a_limit_is_answered_only_by_a_text_that_fixes_one(assistant):
    """CITES Art. VIII asks Parties "to penalize trade", and sets no fine: no minimum fine is stated. AEWA Art.
    V(2)(a) caps a Party's contributions "to a maximum of 25 per cent"."""
    assert assistant.ask("What is the minimum fine CITES sets for smuggling an Appendix I specimen?").abstained
    # a wage or a price is a limit too: AEWA's secretariat administers a budget, it fixes no salary
    assert assistant.ask("What minimum salary does AEWA set for the staff of its Agreement secretariat?").abstained
    assert assistant.ask("What maximum price may a CITES Management Authority charge for an export permit?").abstained
    answer = assistant.ask("Is there a maximum share of the AEWA budget that one Party can be billed for?")
    assert not answer.abstained and "25 per cent" in answer.text


def test_a_place_name_shared_by_agreements_does_not_make_a_held_document_foreign():
    from mea_assistant.abstention import held_instruments, unheld_and_unmentioned, unheld_instruments
    from mea_assistant.types import Hit

    assert "Bern" in [i.code for i, _ in unheld_instruments("What does the Bern Convention protect?", {"CMS"})]
    assert unheld_instruments("What does the Bern Convention protect?", {"Bern"}) == []
    aewa = SimpleNamespace(instrument="AEWA", conventions=("CMS",), title="Agreement on the conservation of "
                                                                        "African-Eurasian migratory waterbirds")
    assert {"AEWA", "CMS"} <= held_instruments([aewa])
    # a resolution that keeps naming UNCLOS belongs to CMS; it does not hold UNCLOS
    synergies = SimpleNamespace(instrument=None, conventions=("CMS", "BBNJ", "UNCLOS"), title="Synergies and partnerships")
    assert held_instruments([synergies]) == {"CMS"}
    hit = Hit(doc_id="madrid", ref="Art. 1", display="Madrid", text="The Contracting Parties constitute a Union.",
              score=1.0)
    heads = {"madrid": "protocol relating to the madrid agreement concerning the international registration of marks"}
    question = "Under the Madrid Protocol, how long does an international registration last?"
    assert unheld_instruments(question, set())  # the catalogue's Madrid Protocol is the Antarctic one
    assert not unheld_and_unmentioned(question, [hit], set(), heads.__getitem__)  # but this document is "Madrid"
    assert unheld_and_unmentioned(question, [hit], set(), {"madrid": "convention on wetlands"}.__getitem__)


def test_uncommon_words_no_text_uses_mark_a_subject_the_corpus_lacks(assistant):
    """Nagoya's article on capacity building is the nearest paragraph to a question on desertification in drylands,
    but no text uses either word; one such word is a delegate's own wording ("lend" for a loan) and is answered."""
    from mea_assistant.abstention import foreign_words

    vocabulary = assistant.index.vocabulary
    question = "What must countries do to combat desertification in drylands?"
    assert foreign_words(question, vocabulary) == ["desertification", "drylands"]
    assert assistant.ask(question).abstained
    # names are the named-terms signal's; words the glossary translates and inflections of the texts' words are known
    assert foreign_words("Are Kenya and Tanzania polluting wetlands with tourists' luggage?", vocabulary) == []
    lend = "Can our zoo lend a pair of cranes to a zoo abroad without CITES permits?"
    assert foreign_words(lend, vocabulary) == ["lend"]
    answer = assistant.ask(lend)
    assert not answer.abstained and answer.citations[0].doc_id == "cites-convention-1973"


def test_a_name_whose_words_only_occur_apart_is_not_in_the_corpus(assistant):
    """ "Shark", "Trade" and "Advisory" each occur in the Sharks MOU, never as the name of one body; the words of
    "Biodiversity Liaison Group" stand together ("Liaison Group of the Biodiversity-related Conventions")."""
    from mea_assistant.abstention import unsupported_terms

    question = "What did the Shark Trade Advisory Committee decide about fins?"
    hits = assistant.search(question, k=5)
    assert unsupported_terms(question, hits, assistant.index.document_text) == ["Shark Trade Advisory Committee"]
    assert assistant.ask(question).abstained
    assert not assistant.ask("Does the Sharks MOU have an Advisory Committee?").abstained
    liaison = "What does the Biodiversity Liaison Group do?"
    assert unsupported_terms(liaison, assistant.search(liaison, k=5), assistant.index.document_text) == []


def test_a_body_named_by_its_own_word_and_a_word_of_the_field_must_stand_together(assistant):
    """ "Compliance Committee": Nagoya speaks of compliance and of committees, never of a Compliance Committee. A
    treaty's own name ("London Protocol") is not such a body: the naming rules read it."""
    from mea_assistant.abstention import name_runs, unsupported_terms

    question = "How many members sit on the Nagoya Protocol Compliance Committee?"
    hits = assistant.search(question, k=5)
    assert unsupported_terms(question, hits, assistant.index.document_text) == ["Compliance Committee"]
    assert assistant.ask(question).abstained
    assert name_runs("Which countries ratified the London Protocol first?") == []


def test_an_ordinal_the_texts_never_use_is_another_one_of_the_series(assistant):
    """ "our seventh national report": the CBD text speaks of reports, never of a seventh; "the second arbitrator"
    it does name."""
    from mea_assistant.abstention import unsupported_terms

    seventh = "What is the deadline for submitting our seventh national report to the CBD?"
    assert "seventh" in unsupported_terms(seventh, assistant.search(seventh, k=5), assistant.index.document_text)
    assert assistant.ask(seventh).abstained
    second = "Under the CBD, who appoints the president of a tribunal after the second arbitrator is appointed?"
    assert unsupported_terms(second, assistant.search(second, k=5), assistant.index.document_text) == []


def test_an_ordinal_after_a_means_another_not_one_of_a_series():
    """ "serve a second term", "vote a third time": another one, which a text allowing re-election answers without
    the word; "the second meeting" still picks one of a series."""
    from mea_assistant.abstention import specific_terms

    assert "second" not in specific_terms("Can the Executive Secretary serve a second term?")
    assert "third" not in specific_terms("May a Party object a third time?")
    assert "second" in specific_terms("What did the second meeting decide?")
    assert "seventh" in specific_terms("When is our seventh national report due?")


def test_the_bar_to_answer_is_lower_when_the_best_paragraph_is_of_the_instrument_named(assistant):
    """A question about a named instrument may word it its own way; the same weak closeness to another
    instrument's paragraph is still no answer."""
    from mea_assistant.assistant import NAMED_EASE

    question = "How is each Party's share of the Ramsar budget worked out?"
    hits = assistant.search(question, k=5)
    doc = hits[0].doc_id
    weak = assistant.settings.abstain_threshold - NAMED_EASE / 2
    assert not assistant.should_abstain(question, hits, weak, named=[doc])
    assert assistant.should_abstain(question, hits, weak, named=[])
    assert assistant.should_abstain(question, hits, weak, named=["not-" + doc])


def test_the_lower_bar_holds_for_the_treaty_a_named_convention_stands_for(assistant):
    """"Walk away from the Ramsar Convention" names the convention, not a document: its treaty text earns the
    same lower bar; one of its resolutions or another convention's text does not."""
    from mea_assistant.assistant import NAMED_EASE

    question = "If a State walks away from the Ramsar Convention, when is it free of its duties?"
    hits = assistant.search(question, k=5)
    assert hits[0].doc_id == "ramsar-convention-1971"
    weak = assistant.settings.abstain_threshold - NAMED_EASE / 2
    assert not assistant.should_abstain(question, hits, weak, treaties=["ramsar-convention-1971"])
    assert assistant.should_abstain(question, hits, weak, treaties=["cites-convention-1973"])
    answer = assistant.ask(question)
    assert not answer.abstained and answer.citations[0].doc_id == "ramsar-convention-1971"


def test_a_named_instruments_lower_bar_also_lets_its_lead_say_yes_or_no(assistant):
    """The bar that decides "Not stated in these texts" is lowered as the abstention bar is, for the instrument
    the question names: CITES Art. XXI ("open indefinitely for accession") answers yes, not "not stated"."""
    answer = assistant.ask("CITES closed for signature long ago. Could a State still accede to it?")
    assert answer.lead.startswith("Yes"), answer.lead
    assert (answer.citations[0].doc_id, answer.citations[0].ref) == ("cites-convention-1973", "Art. XXI")


def test_whether_an_instrument_binds_is_answered_by_the_paragraph_saying_what_it_is(assistant):
    """The Sharks MOU's para. 1 ("a non-legally binding instrument"), not para. 29 on who may sign it, which
    shares the question's "signatories" and was cited first with a "Yes"."""
    answer = assistant.ask("Do the Sharks MOU's commitments bind its signatories under international law?")
    assert (answer.citations[0].doc_id, answer.citations[0].ref) == ("sharks-mou-2010", "para. 1")
    assert answer.lead.startswith("No")


def test_a_glossary_phrase_is_not_taken_for_an_unknown_name(assistant):
    """"European Union" is what the treaties call a regional economic integration organization: not unknown."""
    answer = assistant.ask("Can the European Union become a Party to CITES?")
    assert not answer.abstained and answer.citations[0].doc_id == "cites-convention-1973"
    assert "regional economic integration organization" in answer.citations[0].text


def test_a_word_only_one_document_is_named_by_names_it(assistant):
    from mea_assistant.queries import analyse

    docs = assistant.index.documents
    assert analyse("What does the Dugong MOS3 paper recommend?", docs).doc_ids == ["dugong-mou-mos3-spms"]
    assert analyse("What do CMS texts say about dugongs?", docs).doc_ids == []  # lower case: the animal, not the name
    assert "cms-convention-1979" not in analyse("What does CMS say?", docs).doc_ids  # a code names a convention


def test_a_resolution_is_named_by_its_subject_and_cms_by_bonn_before_its_own_institutions(assistant):
    """ "the Bonn synergies resolution" is CMS Res. 11.10 "Synergies and Partnerships"; "Bonn Appendix I" is CMS's
    appendix; the CBD's Bonn Guidelines and the 1983 Bonn Agreement are not CMS."""
    from mea_assistant.queries import analyse

    docs = assistant.index.documents
    named = analyse("What does the Bonn synergies resolution say about regional seas?", docs)
    assert named.doc_ids == ["cms-res-11-10-synergies-partnerships"] and "CMS" in named.conventions
    assert analyse("the resolution on partnerships", docs).doc_ids == ["cms-res-11-10-synergies-partnerships"]
    assert "CMS" in analyse("It is on Bonn Appendix I but only on CITES Appendix II", docs).conventions
    for other in ("What do the Bonn Guidelines say on consent?", "Who pays under the Bonn Agreement?"):
        assert "CMS" not in analyse(other, docs).conventions


def test_does_x_say_anything_about_y_is_answered_from_x(assistant):
    from mea_assistant.speakers import speaker_documents

    docs = assistant.index.documents
    assert speaker_documents("Does the Sharks MOU say anything about CITES?", docs) == ["sharks-mou-2010"]
    assert speaker_documents("What does CITES say about the Sharks MOU?", docs) == []
    answer = assistant.ask("Does Resolution 11.10 mention the Ramsar Convention?")
    assert answer.citations[0].doc_id == "cms-res-11-10-synergies-partnerships"
    assert "ramsar" in answer.citations[0].text.lower()


def test_filters_restrict_documents(assistant):
    hits = assistant.search("cooperation with other conventions", k=10, conventions=["Ramsar"])
    assert hits and all("Ramsar" in h.conventions for h in hits)
    hits = assistant.search("cooperation with other conventions", k=10, doc_types=["resolution"])
    assert hits and all(h.doc_type == "resolution" for h in hits)
    answer = assistant.ask("What does the Secretariat do?", conventions=["CITES"], doc_types=["convention"])
    assert answer.citations and all(c.doc_id == "cites-convention-1973" for c in answer.citations)


def test_questions_for_status_data_abstain_and_the_rule_is_still_answered(assistant):
    """Texts as adopted cannot give the present state of affairs, nor the date an instrument actually entered
    into force; they do state the rule for when it does."""
    from mea_assistant.unstated import asks_for_current_status

    assert asks_for_current_status("What is the current number of Wetlands of International Importance?")
    assert asks_for_current_status("In which year did the Nagoya Protocol enter into force?")
    assert asks_for_current_status("In what year did the Sharks MOU take effect?")  # an MOU takes effect
    assert not asks_for_current_status("When does an amendment to the Sharks MOU take effect?")
    assert not asks_for_current_status("When did the bats agreement enter into force, how many States had to join?")
    # records of meetings and lists of members are not in the texts either; what a COP decided in a resolution is
    assert asks_for_current_status("What were the results of the second session of the Meeting of the Parties?")
    assert asks_for_current_status("How many States have ratified the Nagoya Protocol?")
    assert asks_for_current_status("Which Council of Europe member states have ratified the Convention?")
    # who hosted a session, whom a committee found in breach, universal ratification, events since entry into force
    assert asks_for_current_status("Which country hosted the seventh session of the Meeting of the Parties?")
    assert asks_for_current_status("Which countries has the Compliance Committee found in non-compliance?")
    assert asks_for_current_status("In which year did the Convention reach universal ratification?")
    assert asks_for_current_status("Which wetlands have been listed since the Convention entered into force?")
    assert not asks_for_current_status("What happens when a Party is found in non-compliance?")
    assert not asks_for_current_status("Who hosts the Secretariat?")
    assert asks_for_current_status("When was the Global Tiger Forum founded?")
    assert not asks_for_current_status("At which COP did the Parties adopt the Strategic Plan?")
    assert not asks_for_current_status("How many States have to ratify the Nagoya Protocol before it applies?")
    # who holds an office now: a text creates the office and says who appoints to it, never who holds it
    assert asks_for_current_status("In which city is the Agency based, and who is its current Director-General?")
    assert not asks_for_current_status("Who appoints the Executive Secretary?")
    # whether something has ever happened is a record too; "Is hunting ever allowed?" asks the text's rule
    assert asks_for_current_status("Was the Joint Work Programme ever evaluated?")
    assert asks_for_current_status("Has the Standing Committee ever recommended a trade suspension?")
    assert not asks_for_current_status("Is hunting ever allowed under AEWA?")
    assert assistant.ask("On what date did CITES actually enter into force?").abstained
    answer = assistant.ask("When did CMS enter into force?")
    assert not answer.abstained and answer.citations[0].ref.startswith("Art. XVIII")


def test_a_followup_naming_another_convention_is_answered_from_it(assistant):
    """"And for CITES?" says little a vector can match; it names the instrument the question is now about, so its
    paragraphs are held to the lower bar of a named instrument, as in a question that names it in full."""
    history = [{"role": "user", "content": "How often does the CMS COP meet?"},
               {"role": "assistant", "content": "The Secretariat convenes ordinary meetings at intervals of not more "
                                                "than three years (CMS Art. VII(3)) [1]."}]
    answer = assistant.ask("And for CITES?", history)
    assert not answer.abstained
    assert {c.ref for c in answer.citations[:2]} & {"Art. XI(2)"}, [c.ref for c in answer.citations]


def test_a_period_or_a_sum_no_top_paragraph_states_is_not_answered(assistant):
    """"How long is an import permit valid?" is not answered by the article on import permits, which states no
    period: CITES gives one for export permits only; a fee is answered only where a text names one."""
    assert not assistant.ask("How long is a CITES export permit valid?").abstained
    assert assistant.ask("How long is a CITES import permit valid?").abstained
    assert assistant.ask("What fee do countries charge for a CITES export permit?").abstained
    assert not assistant.ask("How much does each Party contribute to the Ramsar budget?").abstained
    # a share is answered by a text that gives one ("a two-thirds majority", "a scale of contributions")
    assert assistant.ask("What percentage of the migratory species listed by CMS are declining?").abstained
    assert not assistant.ask("What share of the votes is needed to adopt an amendment to CITES?").abstained


def test_a_wetland_named_by_its_type_finds_what_ramsar_says_of_wetlands(assistant) -> None:  # type: ignore[no-untyped-def]
    """"tundra pools" are wetlands in the Ramsar Classification System for Wetland Type; the Convention's article on
    listing wetlands answers, not the bureau's duties; a bound ("does not exceed six metres") is no "No"."""
    answer = assistant.ask("Do tundra pools count under the Ramsar Convention?")
    assert answer.citations[0].ref in ("Art. 1(1)", "Art. 2(1)"), [c.ref for c in answer.citations]
    assert not assistant.ask("Are mangrove swamps covered by Ramsar?").lead.startswith("No")


def test_a_name_given_as_an_example_of_a_kind_need_not_be_in_the_texts(assistant) -> None:  # type: ignore[no-untyped-def]
    """"Can organisations such as Europol be represented by observers?" asks about a kind of body: CITES Art. XI(6)
    and (7) admit agencies and bodies, naming none; a question about Europol itself is still not answered."""
    answer = assistant.ask("Can organisations such as Europol be represented by observers at meetings of the CITES "
                           "Conference of the Parties?")
    assert not answer.abstained, answer.lead
    assert answer.citations[0].ref.startswith("Art. XI("), [(c.doc_id, c.ref) for c in answer.citations]
    assert assistant.ask("What role does Europol play under CITES?").abstained


def test_who_are_a_term_the_treaty_defines_is_answered_by_its_definition(assistant) -> None:  # type: ignore[no-untyped-def]
    """"Who are the Range States?" asks whom CMS means by a term it defines (Art. I(1)(h)); an article in which the
    Parties act on Range States is not the answer."""
    answer = assistant.ask("Who are the Range States of a migratory species under CMS?")
    assert (answer.citations[0].doc_id, answer.citations[0].ref) == ("cms-convention-1979", "Art. I(1)(h)"), \
        [(c.doc_id, c.ref) for c in answer.citations]


@pytest.mark.parametrize(("question", "abstains"), [
    ("What fine does the Ramsar Convention set for draining a listed wetland?", True),
    ("What penalties does CITES require for illegal trade?", False),  # Art. VIII(1)(a): "to penalize trade in"
    ("What compensation does the Ramsar Convention require when a listed wetland is lost?", False),  # Art. 4(2)
    ("At what temperature must live animals be kept during transport under CITES?", True),
    ("What interest rate applies to late contributions to the CMS budget?", True),
    ("What speed limit applies to boats in dugong habitat under the Dugong MOU?", True),
    # an amount asked in a currency: Ramsar Art. 6(5) speaks of contributions to the budget and fixes none
    ("How much does each Party contribute to the Ramsar budget, in euros?", True),
])
def test_a_penalty_compensation_rate_temperature_or_speed_is_answered_only_where_a_text_states_one(
        assistant, question: str, abstains: bool) -> None:  # type: ignore[no-untyped-def]
    """A question for a fine, a rate or a temperature is not answered by an article on the same subject that
    states none (the Ramsar article on listed wetlands sets no fine); one that provides for it answers."""
    answer = assistant.ask(question)
    assert answer.abstained is abstains, (answer.lead, [(c.doc_id, c.ref) for c in answer.citations])


@pytest.mark.parametrize(("question", "doc_id", "ref"), [
    ("What is the role of the GEF under the CBD?", "cbd-convention-1992", "Art. 39"),
    ("What is the CHM for?", "cbd-convention-1992", "Art. 18(3)"),
    ("How does CMS relate to UNCLOS?", "cms-convention-1979", "Art. XII(1)"),
])
def test_an_acronym_the_texts_only_spell_out_is_answered(assistant, question, doc_id, ref) -> None:  # type: ignore[no-untyped-def]
    """The texts write "the Global Environment Facility", "a clearing-house mechanism" and "the law of the sea",
    never GEF, CHM or UNCLOS: spelled out from the data file, the question finds the article that says it."""
    answer = assistant.ask(question)
    assert answer.citations and (answer.citations[0].doc_id, answer.citations[0].ref) == (doc_id, ref), \
        [(c.doc_id, c.ref) for c in answer.citations]


def test_a_number_is_supported_where_the_treaty_spells_it(assistant):
    """ "12 months" is "twelve months" in AEWA and CMS, "15 instruments" "the fifteenth instrument": a question
    that writes the figure in digits is about the texts all the same, not out of the corpus."""
    from mea_assistant.terms import spelled_number

    assert re.search(spelled_number(21), "persons of less than twenty-one years of age")
    assert re.search(spelled_number(15), "the deposit of the fifteenth instrument of ratification")
    assert not re.search(spelled_number(15), "fifty days")
    for question, doc in (("Does a denunciation of AEWA take effect 12 months after the Depositary receives it?",
                           "aewa-agreement-1995"),
                          ("Did the Bonn Convention need 15 instruments of ratification to enter into force?",
                           "cms-convention-1979")):
        answer = assistant.ask(question)
        assert not answer.abstained and answer.citations[0].doc_id == doc


def test_a_species_the_texts_never_name_in_english_finds_its_listing(assistant, corpus_docs):
    """No text of the corpus calls Orcaella brevirostris the Irrawaddy dolphin: the glossary of listed taxa
    (data/species.tsv) does, and a question on where a species is listed is answered by the listing row that holds
    its Latin name, not by an article that shares the question's other words ("the Bonn Convention": "open for
    signature at Bonn")."""
    from mea_assistant.taxa import latin_names

    assert "Orcaella brevirostris" in latin_names("Irrawaddy dolphins", corpus_docs)
    assert latin_names("dive operators and their divers monitor the boats", corpus_docs) == []
    dolphin = assistant.ask("Is the Irrawaddy dolphin listed under CITES?")
    assert not dolphin.abstained
    assert (dolphin.citations[0].doc_id, dolphin.citations[0].ref) == ("cites-convention-1973",
                                                                      "App. I, II and III, Delphinidae")
    porpoise = assistant.ask("Which appendix of the Bonn Convention lists the finless porpoise?")
    assert (porpoise.citations[0].doc_id, porpoise.citations[0].ref) == ("cms-convention-1979", "App. II, CETACEA")


def test_a_species_named_in_english_finds_its_latin_listing(assistant, corpus_docs):
    """The appendices list Latin names; the corpus's own tables give the English ones (CITES heads its rows
    "Tridacnidae Giant clams", AEWA lists "Pelecanus crispus Dalmatian Pelican"). A question in English finds the
    listing, the listing row answers however few its words, and the Latin name in it is evidence enough."""
    from mea_assistant.taxa import latin_names

    assert {"Tridacnidae", "Odobenidae"} <= set(latin_names("giant clams and the walrus", corpus_docs))
    assert {"Pelecanus onocrotalus", "Pelecanidae"} <= set(latin_names("great white pelicans", corpus_docs))
    assert latin_names("What must a Party report to the Secretariat?", corpus_docs) == []
    # "peccaries" in the tables, "peccary leather" or "armadillo-shell charangos" in a question
    assert "Tayassuidae" in latin_names("gloves of peccary leather", corpus_docs)
    assert "Dasypodidae" in latin_names("armadillo-shell charangos sold abroad", corpus_docs)
    assert "CACTACEAE" in latin_names("cactus cuttings from farms", corpus_docs)  # the table says "Cacti"
    pelican = assistant.ask("Which appendix of the Bonn Convention lists the Dalmatian pelican?")
    assert not pelican.abstained
    assert (pelican.citations[0].doc_id, pelican.citations[0].ref) == ("cms-convention-1979", "App. I, PELECANIFORMES")
    clams = assistant.ask("Are giant clams listed under CITES?")
    assert (clams.citations[0].doc_id, clams.citations[0].ref) == ("cites-convention-1973",
                                                                  "App. I, II and III, Tridacnidae")


def test_a_long_question_still_finds_the_row_that_lists_its_species(assistant):
    """The few words of a listing row ("Appendix III: Lodoicea maldivica (Seychelles)") are buried under a long
    question's many others in both stores; the row holding the named species' Latin name is searched on its own
    and joins the candidates, so the answer can use it rather than abstain."""
    question = ("coco de mer nuts, whole or as polished empty shells, taken home by tourists or shipped to "
                "collectors: CITES rules")
    hits = assistant.search(question, k=10)
    assert ("cites-convention-1973", "App. I, II and III, PALMAE") in [(h.doc_id, h.ref) for h in hits]
    assert not assistant.ask(question).abstained


def test_a_country_adjective_is_supported_where_the_country_is_named(assistant):
    """"the Dutch government": AEWA names "the Government of the Kingdom of the Netherlands" as its depositary, never
    "Dutch"; the adjective is the country's (data/expansions.toml, after UNTERM), not a term the texts lack."""
    answer = assistant.ask("Is the Dutch government the depositary of AEWA?")
    assert not answer.abstained
    assert (answer.citations[0].doc_id, answer.citations[0].ref) == ("aewa-agreement-1995", "Art. XVII(1)")


def test_a_capitalised_item_is_quoted_after_the_lead_in_that_says_who_must_do_it(assistant):
    """CBD's items open with a capital ("(a) Introduce appropriate procedures ..."); they continue their
    lead-in all the same, so the lead names the duty-holder and the qualifier the lead-in carries."""
    answer = assistant.ask("What does Article 14(1)(a) of the CBD require?")
    assert _cited(answer)[0] == ("cbd-convention-1992", "Art. 14(1)(a)")
    assert ("each Contracting Party, as far as possible and as appropriate, shall: “Introduce appropriate procedures"
            in answer.lead)


def test_an_item_that_names_its_own_actor_is_not_framed_and_a_clause_is_no_duty_holder(corpus_docs):
    from mea_assistant.leads import framing_of, lead_parts
    from mea_assistant.types import Hit

    from conftest import para

    def hit(doc_id, ref):  # type: ignore[no-untyped-def]
        p = para(corpus_docs[doc_id], ref)
        return Hit(doc_id=doc_id, ref=ref, display=ref, text=p.text, score=1.0, lead_in=p.lead_in,
                   doc_type=corpus_docs[doc_id].doc_type, citation_name=doc_id)

    marine = hit("cites-convention-1973", "Art. XV(2)(b)")  # "For marine species, the Secretariat shall ..."
    assert framing_of(marine, marine.text) == ("", False)
    records = hit("sharks-mou-2010", "para. 13(n)")  # "... they should make every effort ... to: Create and maintain"
    framing, _ = framing_of(records, records.text)
    assert framing.endswith("to:") and "Signatories" in framing
    prefix = lead_parts(records, "obligation", False, records.text, True).prefix
    assert prefix.startswith("A recommendation") and "recognize" not in prefix


def test_a_preposition_repeated_after_and_asks_two_things(assistant):
    """ "... about environmental impact assessment and about invasive alien species": each complement of the shared
    head is an ask searched on its own, so the answer cites a paragraph for each (Art. 8(h) was missing)."""
    from mea_assistant.asks import asks

    assert asks("What should each Agreement say about settling disputes and about national authorities?") == [
        "What should each Agreement say about settling disputes", "What should each Agreement say about national authorities"]
    assert asks("What does CITES say about trade in ivory and rhino horn?") == []  # one complement, two nouns
    answer = assistant.ask("What does the CBD say about environmental impact assessment and about invasive alien species?")
    cited = _cited(answer)
    assert ("cbd-convention-1992", "Art. 14(1)(a)") in cited and ("cbd-convention-1992", "Art. 8(h)") in cited, cited
    # both asks are answered in the lead, each with its own citation
    assert "[1]" in answer.lead and "[2]" in answer.lead and "; under CBD Art." in answer.lead, answer.lead


def test_a_list_lead_quotes_each_item_up_to_a_clause_break_not_its_first_words(assistant) -> None:  # type: ignore[no-untyped-def]
    """The lead of a list answer says what each item requires: CITES Art. VII(3)(a)'s condition on where the
    owner acquired the effects, not its first words ("in the case of specimens of a species included in
    Appendix I" …), which is all that item's first clause says."""
    answer = assistant.ask("When does the CITES exemption for personal and household effects not apply?")
    assert "acquired by the owner outside his State of usual residence" in answer.lead
    # each item quoted in the lead stops at a clause or sentence break or, failing one, never on a dangling word
    for quote in re.findall(r"\) “([^”]+)” …", answer.lead):
        assert not re.search(r"\b(?:of|the|a|an|to|in|for|by|with|and|or)$", quote), quote


def test_an_item_cut_for_the_lead_stays_a_prefix_of_it_and_ends_on_a_word_that_closes_a_phrase(corpus_docs) -> None:  # type: ignore[no-untyped-def]
    from mea_assistant.composing import _item_head

    for doc in corpus_docs.values():
        for p in doc.paragraphs:
            if not p.lead_in.strip():
                continue
            head, cut = _item_head(p.text)
            assert p.text.strip().startswith(head), (doc.doc_id, p.ref)
            if cut:
                assert not re.search(r"\b(?:of|the|a|an|to|in|for|by|with|and|or)$", head), (doc.doc_id, p.ref, head)
                assert len(head) <= 210, (doc.doc_id, p.ref, head)


def test_a_meeting_named_by_its_acronym_is_found_where_the_text_numbers_it_in_words(assistant) -> None:  # type: ignore[no-untyped-def]
    """ "COP1" is "the first meeting of the Conference of the Parties" of CBD Art. 39: not a meeting the texts never
    name; a meeting they do not number ("COP7") still is."""
    first = assistant.ask("Which institution ran the CBD financial mechanism on an interim basis before COP1 decided?")
    assert not first.abstained and first.citations
    seventh = assistant.ask("Which institution ran the CBD financial mechanism on an interim basis before COP7 decided?")
    assert seventh.abstained


def test_an_annex_asked_about_as_a_whole_is_answered_from_it(assistant) -> None:  # type: ignore[no-untyped-def]
    """ "What does Annex I of the CBD list?" is answered by the annex the text held here numbers "Annex 1"; a long
    annex (AEWA's Action Plan) is searched for the topic asked, not quoted from its first paragraph; and species
    "listed in its Annex II" ask what applies to them, not what the annex lists."""
    from mea_assistant.asked_refs import named_annex

    listed = assistant.ask("Which categories of biodiversity components does CBD Annex I list?")
    assert listed.citations[0].doc_id == "cbd-convention-1992" and listed.citations[0].ref.startswith("Annex 1(")
    lead_shot = assistant.ask("What does AEWA Annex 3 say about lead shot?")
    assert lead_shot.citations[0].ref == "Annex 3, 4.1.4"
    assert named_annex("What must Parties prohibit for the animal species listed in its Annex II?") is None


def test_a_joint_programme_named_by_its_two_conventions_is_one_instrument(assistant) -> None:  # type: ignore[no-untyped-def]
    """ "the 2012-2014 CMS-CITES joint programme" names the Joint Work Programme, not CMS and CITES to compare: the
    answer lists the programme's items, each from it."""
    answer = assistant.ask("Which shared species did the 2012-2014 CMS-CITES joint programme concentrate on?")
    cited = _cited(answer)
    assert {doc for doc, _ in cited} == {"cms-cites-jwp-2012-2014"}
    assert answer.answer_type == "list" and ("cms-cites-jwp-2012-2014", "¶7") in cited


def test_opting_out_of_some_articles_is_answered_by_the_reservations_article(assistant) -> None:  # type: ignore[no-untyped-def]
    """ "excluding some of its provisions" is what the law of treaties calls a reservation (data/expansions.toml):
    the CBD's answer is Art. 37, "No reservations may be made", and the answer is No (without the entry: Art. 25(1)
    and "Yes")."""
    answer = assistant.ask("Could a government ratify the CBD while excluding some of its provisions?")
    assert _cited(answer)[0] == ("cbd-convention-1992", "Art. 37")
    assert answer.lead.startswith("No:")


def test_a_whole_article_asked_about_one_thing_is_answered_by_its_paragraph_on_it(assistant) -> None:  # type: ignore[no-untyped-def]
    """ "Article VIII of CITES" with a question about confiscated live animals is answered by Art. VIII(4), not by
    the article's first paragraph; the article named alone, or one paragraph named with its items, keeps the
    article's order."""
    asked = assistant.ask("Under Article VIII of CITES, where must a confiscated living specimen be sent?")
    assert _cited(asked)[0][1].startswith("Art. VIII(4)"), _cited(asked)
    alone = assistant.ask("What does Article VIII of CITES say?")
    assert _cited(alone)[0] == ("cites-convention-1973", "Art. VIII(1)")
