"""How a note finds an instrument's core provisions and reads a topic: on the shipped corpus, no index needed."""

from __future__ import annotations

from mea_assistant.briefing.cores import annexes_referred, asks_relations, core_units
from mea_assistant.briefing.relation import read_names
from mea_assistant.briefing.subject import across_instruments, beyond, conjuncts, names_plan, without_plan
from mea_assistant.queries import analyse
from mea_assistant.terms import terms


def _subject(text: str) -> dict[str, float]:
    return {t: 1.0 for t in terms(text)}


def test_an_action_plan_section_is_a_core_unit_and_its_heading_not_the_documents_title(corpus_docs) -> None:  # type: ignore[no-untyped-def]
    aewa = corpus_docs["aewa-agreement-1995"]
    units = core_units(aewa, _subject("habitat conservation"), [])
    refs = {aewa.paragraphs[p].ref for u in units if u.annexed for p in u.positions}
    assert {"Annex 3, 3.1.1", "Annex 3, 3.2.1", "Annex 3, 3.3"} <= refs, sorted(refs)
    waterbirds = core_units(aewa, _subject("migratory waterbirds"), [])
    assert not waterbirds, "the Agreement's own title words locate no heading in it"


def test_an_mou_section_heading_makes_its_paragraphs_core(corpus_docs) -> None:  # type: ignore[no-untyped-def]
    sharks = corpus_docs["sharks-mou-2010"]
    units = core_units(sharks, _subject("advisory committee"), [])
    refs = {sharks.paragraphs[p].ref for u in units for p in u.positions}
    assert {"para. 24", "para. 25", "para. 26"} <= refs and "para. 27" not in refs, sorted(refs)


def test_a_topic_on_how_an_instrument_stands_to_another_has_its_relations_article_as_core(corpus_docs) -> None:  # type: ignore[no-untyped-def]
    topic = "bluefin tuna exported for sushi markets: does CITES cover it, and how does CITES work with the Atlantic tuna commission?"
    subject = "bluefin tuna exported for sushi markets: does cover it, and how does work with the Atlantic tuna commission?"
    assert asks_relations(topic, subject)
    assert not asks_relations("CITES Appendix I permits for hunting trophies", "Appendix I permits for hunting trophies")
    assert asks_relations("how CITES stands to other conventions on sharks", "how stands to other conventions on sharks")
    cites = corpus_docs["cites-convention-1973"]
    refs = {cites.paragraphs[p].ref for u in core_units(cites, _subject(subject), [], relations=True) for p in u.positions}
    assert {"Art. XIV(1)", "Art. XIV(4)"} <= refs, sorted(refs)
    plain = {cites.paragraphs[p].ref for u in core_units(cites, _subject(subject), []) for p in u.positions}
    assert "Art. XIV(4)" not in plain


def test_a_provision_brings_the_short_annex_it_refers_to_by_number(corpus_docs) -> None:  # type: ignore[no-untyped-def]
    cbd = corpus_docs["cbd-convention-1992"]
    art7 = [p.position for p in cbd.paragraphs if p.ref == "Art. 7"]
    assert [cbd.paragraphs[p].ref for p in annexes_referred(cbd, art7)] == ["Annex 1(1)", "Annex 1(2)", "Annex 1(3)"]
    aewa = corpus_docs["aewa-agreement-1995"]
    art4 = [p.position for p in aewa.paragraphs if p.ref == "Art. IV(1)"]
    assert annexes_referred(aewa, art4) == [], "the Action Plan annex is too long to come whole"


def test_topic_words_that_place_rather_than_name_the_subject() -> None:
    assert across_instruments("national reporting across the conventions", 0)
    assert not across_instruments("synergies between CMS and other biodiversity-related conventions", 1)
    assert not across_instruments("shark finning", 0)
    assert names_plan("habitat conservation under the Action Plan")
    assert without_plan("habitat conservation under the Action Plan") == "habitat conservation"
    assert not names_plan("single species action plans")
    assert beyond({"hunt": 1.0, "waterbird": 1.0}, "Migratory Waterbirds") == {"hunt": 1.0}


def test_a_heading_on_a_minor_word_of_one_aspect_is_not_core(corpus_docs) -> None:  # type: ignore[no-untyped-def]
    """"ports of entry" does not make "Entry into Force" core, nor "marking specimens" the article titled
    "Regulation of Trade in Specimens ..."; the aspect "what the permit must show" does make "Permits and
    Certificates" core. Weights as rarity gives them: the aspect's distinctive word weighs most."""
    cites = corpus_docs["cites-convention-1973"]
    parts = [{"port": 6.8, "entry": 4.1}, {"mark": 5.6, "specimen": 2.9}, {"permit": 3.8}]
    subject = {t: w for part in parts for t, w in part.items()}
    articles = {cites.paragraphs[u.positions[0]].ref.split("(")[0] for u in core_units(cites, subject, parts)}
    assert articles == {"Art. VI"}, sorted(articles)


def test_a_colon_opens_the_aspects_of_a_topic() -> None:
    assert conjuncts("shipments: what the permit must show, marking and ports of entry") == [
        "shipments", "what the permit must show", "marking", "ports of entry"]


def test_a_relation_is_one_aspect_and_the_rest_of_the_request_still_several() -> None:
    """ "between X and Y" is one subject; a request that mentions "a dispute between governments" still asks
    several things (before the fix, the one "between" left it one undivided subject)."""
    assert conjuncts("cooperation between the secretariats and") == []
    assert conjuncts("a dispute between governments - mediation, arbitration, who names the arbitrators, "
                     "and is the award binding") == [
        "a dispute between governments - mediation", "arbitration", "who names the arbitrators",
        "is the award binding"]


def test_a_topic_that_limits_itself_to_a_kind_of_document_says_which() -> None:
    from mea_assistant.briefing.scope import scope_types

    assert scope_types("only what the COP resolutions say on climate change") == ("resolution", "decision")
    assert scope_types("amendments (treaty texts only, not the MOUs or resolutions)") == (
        "convention", "protocol", "agreement")
    assert scope_types("not only the treaties but also the resolutions on bycatch") == ()
    assert scope_types("shark finning") == ()
    # a thing of the convention, not a kind of document: the note still discusses the Sharks MOU the topic names
    assert scope_types("may we give money directly rather than only through the convention's fund? And the sharks "
                       "MOU?") == ()
    # what a document is, said of one: the note on what CMS, AEWA and the MOU require still discusses all three
    assert scope_types("drop the Sharks MOU, since 'it is only a memorandum'. What do CMS and AEWA say?") == ()
    assert scope_types("the minister says it's just a resolution: what does the Convention itself require?") == ()


def relation(topic: str, docs) -> bool:  # type: ignore[no-untyped-def]
    return read_names(topic, docs)[1]


def named(topic: str, docs) -> list[str]:  # type: ignore[no-untyped-def]
    return read_names(topic, docs)[0]


def test_a_relation_is_two_instruments_a_relation_word_joins_not_any_joint_word(corpus_docs) -> None:  # type: ignore[no-untyped-def]
    assert relation("cooperation between CMS and CITES", corpus_docs)
    assert relation("how the Ramsar Convention and the CBD work in synergy on wetlands", corpus_docs)
    # "joint research" is what the university offers, not a relation between the CBD and the Nagoya Protocol
    assert not relation("a foreign university collects samples: under the Nagoya Protocol and the CBD can we "
                              "give a simpler permit, and can we ask in return for joint research?", corpus_docs)
    # CITES with other bodies, and the joint programme by its name: no paragraph need name both conventions
    assert not relation("how CITES works with other bodies on timber: which partnerships exist, and what has "
                              "the joint CMS-CITES work said about bushmeat?", corpus_docs)
    # "the Bonn Convention" names CMS twice (the convention and its treaty): one instrument, not two
    assert relation("cooperation between CITES and the Bonn Convention", corpus_docs)
    assert not relation("trade in sturgeon caviar with non-Parties under CITES and the Bonn Convention, and how the "
                        "secretariats cooperate with fisheries bodies", corpus_docs)
    # "synergies" of "the synergies resolution" names CMS Res. 11.10: the topic asks what each document says
    assert not relation("what do the Bonn Convention's synergies resolution and the biodiversity convention say "
                        "about traditional knowledge of migrations?", corpus_docs)


def test_the_joint_work_programme_is_named_by_its_parties_and_they_are_not_named_as_subjects(corpus_docs) -> None:  # type: ignore[no-untyped-def]
    topic = "what the joint CMS-CITES work says about bushmeat"
    assert analyse(topic, corpus_docs).doc_ids == ["cms-cites-jwp-2012-2014"]
    assert analyse("the CMS and CITES joint work on elephants", corpus_docs).doc_ids == ["cms-cites-jwp-2012-2014"]
    assert named(topic, corpus_docs) == []
    assert named("access and benefit-sharing under the Nagoya Protocol and CITES", corpus_docs) == \
        ["Nagoya", "CITES"], "a treaty's own name names its convention"



def test_a_programme_of_work_another_name_qualifies_is_not_the_joint_work_programme(corpus_docs) -> None:  # type: ignore[no-untyped-def]
    """"The CAMI programme of work" is the Central Asian Mammals Initiative's, quoted in the Target 9 document; taken
    for the CMS-CITES work programme, its question was answered from that document alone, and abstained."""
    jwp = "cms-cites-jwp-2012-2014"
    assert jwp not in analyse("What does the CAMI programme of work contain?", corpus_docs).doc_ids
    assert jwp not in analyse("the Programme of Work of the Central Asian Mammals Initiative", corpus_docs).doc_ids
    assert jwp in analyse("What does the work programme say about sturgeon?", corpus_docs).doc_ids
    assert jwp in analyse("Programme of work: what does it plan for saiga?", corpus_docs).doc_ids
    assert jwp in analyse("What does the CMS-CITES work programme say about sharks?", corpus_docs).doc_ids

def test_the_ramsar_bureau_written_in_lower_case_is_an_institution(corpus_docs) -> None:  # type: ignore[no-untyped-def]
    """Ramsar writes "the continuing bureau duties" in lower case: its Art. 8(2) and items describe an institution
    ("Institutions and reporting"), not a Party's obligation, though they say "shall"."""
    from mea_assistant.briefing.headings import heading_of

    ramsar = corpus_docs["ramsar-convention-1971"]
    duties = next(p for p in ramsar.paragraphs if p.ref == "Art. 8(2)")
    item = next(p for p in ramsar.paragraphs if p.ref == "Art. 8(2)(b)")
    assert heading_of(duties.text, "", ramsar.doc_type) == "institutions"
    assert heading_of(item.text, item.lead_in, ramsar.doc_type) == "institutions"
    designate = next(p for p in ramsar.paragraphs if p.ref == "Art. 2(1)")  # "... maintained by the bureau": a duty
    assert heading_of(designate.text, "", ramsar.doc_type) == "obligations"


def test_words_that_point_at_the_texts_are_no_subject(assistant) -> None:  # type: ignore[no-untyped-def]
    """ "what do these texts and the CBD say about restoring habitats": "texts" names where to look; as a subject
    word it made the CBD's article on its "Authentic texts" a core provision of a note on wetland restoration."""
    from mea_assistant.briefing.subject import weighted_terms

    words = weighted_terms("what do these texts and documents say about restoring fens", assistant.index)
    assert "text" not in words and "document" not in words and "restor" in words, words
    subject = weighted_terms("restoring fens: what do these texts say", assistant.index)
    note_cores = core_units(assistant.index.documents["cbd-convention-1992"], subject, [subject])
    assert not any("Authentic" in unit.title for unit in note_cores)
