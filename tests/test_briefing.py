"""Briefing notes on the real index: summary, sections by instrument, whole-sentence quotes, references, exports."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pytest

from mea_assistant.briefing import build_note
from mea_assistant.briefing.cli import run_cli
from mea_assistant.briefing.topic import conversation_topic, question_to_topic
from mea_assistant.errors import InputError, MeaError
from mea_assistant.evaluation.briefing import cut_mid_sentence
from mea_assistant.note_export import note_docx, note_html, note_markdown
from mea_assistant.types import Note

pytestmark = pytest.mark.slow
TOPIC = "reporting under CITES"  # a topic of the development set (evals/briefing-dev.jsonl)
RELATION = "cooperation between CMS and CITES"


@pytest.fixture(scope="module")
def note(assistant) -> Note:  # type: ignore[no-untyped-def]
    return build_note(assistant, TOPIC)


def _points(note: Note):  # type: ignore[no-untyped-def]
    return [*note.summary, *(p for s in note.sections for p in s.points)]


def test_the_note_has_a_summary_sections_by_instrument_and_open_points(note: Note) -> None:
    assert 3 <= len(note.summary) <= 5
    assert all(p.markers for p in note.summary), "every key point is cited"
    by_instrument = [s for s in note.sections if s.instrument]
    assert by_instrument and by_instrument[0].instrument == "cites-convention-1973", "the treaty comes first"
    assert {s.kind for s in by_instrument} <= {"context", "definitions", "listings", "obligations", "requests",
                                               "institutions", "cooperation"}
    assert note.sections[-1].kind == "open" and note.sections[-1].points
    assert note.index_version and note.generated
    assert note.scope.startswith("Drawn from") and "CITES Convention" in note.scope


def test_the_reporting_article_is_quoted_with_its_lead_in(note: Note) -> None:
    refs = {r.ref: r for r in note.references if r.doc_id == "cites-convention-1973"}
    assert "Art. VIII(7)" in refs and "Art. VIII(7)(a)" in refs, sorted(refs)
    lead, item = refs["Art. VIII(7)"].marker, refs["Art. VIII(7)(a)"].marker
    assert any(lead in p.markers and item in p.markers for p in _points(note)), \
        "the item is quoted in the same point as the lead-in that says who must report"


def test_references_are_numbered_verbatim_and_never_cut_mid_sentence(note: Note) -> None:
    numbers = [r.marker for r in note.references]
    assert numbers == list(range(1, len(numbers) + 1))
    assert note.markers() == set(numbers), "every reference is cited and every marker has a reference"
    for r in note.references:
        assert r.quote and r.quote in r.text
        assert not cut_mid_sentence(r.quote, r.text), f"{r.display}: {r.quote!r}"
        assert all(f.strip() not in r.quote for f in r.footnotes if f.strip()), "no footnote text in a quote"
        assert r.display.endswith(r.ref)
    first_seen: list[int] = []
    for p in _points(note):
        first_seen += [m for m in p.markers if m not in first_seen]
    assert first_seen == sorted(first_seen), "numbers follow reading order"


def test_json_is_the_object_the_issue_specifies(note: Note) -> None:
    obj = json.loads(json.dumps(note.to_json()))
    assert list(obj) == ["topic", "generated", "index_version", "summary", "sections", "references"]
    assert all(set(p) == {"text", "markers"} for p in obj["summary"])
    assert all(set(s) == {"heading", "points"} for s in obj["sections"])
    assert all(set(r) == {"marker", "doc_id", "ref", "display", "quote", "text", "url"} for r in obj["references"])
    assert all(r["quote"] in r["text"] for r in obj["references"])
    assert any(r["url"].startswith("https://") for r in obj["references"]), "the corpus gives CITES a source URL"


def test_a_relation_topic_cites_only_paragraphs_on_both_instruments(assistant) -> None:  # type: ignore[no-untyped-def]
    note = build_note(assistant, RELATION)
    docs = {r.doc_id for r in note.references}
    assert docs & {"cms-cites-jwp-2012-2014", "cms-res-11-10-synergies-partnerships", "cites-cooperation-response-2025"}
    assert "ramsar-convention-1971" not in docs and "cbd-convention-1992" not in docs


def test_markdown_and_html_exports(note: Note) -> None:
    md = note_markdown(note)
    assert md.startswith(f"# Briefing note: {TOPIC}")
    for title in ("## Summary", "## By instrument", "## Open points", "## References"):
        assert f"\n{title}\n" in md
    listed = {int(n) for n in re.findall(r"^\[(\d+)\] ", md.split("\n## References\n")[1], re.M)}
    assert listed == {r.marker for r in note.references}
    html = note_html(note)
    assert 'id="note-ref-1"' in html and 'href="#note-ref-1"' in html


def test_docx_has_heading_styles_bulleted_summary_and_linked_references(note: Note, tmp_path: Path) -> None:
    import docx

    document = docx.Document(str(note_docx(note, tmp_path / "note.docx")))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for title in ("Summary", "By instrument", "Open points", "References"):
        assert title in headings
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert len(bullets) >= len(note.summary)
    text = "\n".join(p.text for p in document.paragraphs)
    for r in note.references:
        assert f"[{r.marker}] {r.display}" in text
    xml = document.element.xml
    assert 'w:anchor="ref_1"' in xml and 'w:name="ref_1"' in xml, "markers link to the numbered references"


def test_filters_are_respected(assistant) -> None:  # type: ignore[no-untyped-def]
    docs = assistant.index.documents
    note = build_note(assistant, RELATION, doc_types=["resolution"])
    assert note.references and all(docs[r.doc_id].doc_type == "resolution" for r in note.references)
    assert "document types resolution" in note.scope


def test_each_aspect_the_topic_asks_gets_its_provision(assistant) -> None:  # type: ignore[no-untyped-def]
    """"signing the Sharks MOU: is it legally binding, who may sign, what do signatories commit to, can we leave
    later": the note answers each aspect (the MOU's "non-legally binding" paragraph among them), not the first
    one five times."""
    note = build_note(assistant, "signing the Sharks MOU: is it legally binding, who may sign, what do signatories "
                                 "commit to, and can we leave later")
    refs = {r.ref: r.text for r in note.references if r.doc_id == "sharks-mou-2010"}
    assert any("non-legally binding" in t for t in refs.values()), sorted(refs)
    assert "para. 12" in refs, sorted(refs)  # the objectives signatories should implement: what they commit to


def test_every_thing_a_request_asks_is_answered_beyond_the_budget(assistant) -> None:  # type: ignore[no-untyped-def]
    """A request that asks four things of the Bonn Convention: its last question ("how do we leave it later") is
    answered by the denunciation article, which the instrument's budget of most relevant points leaves out."""
    note = build_note(assistant, "joining the Bonn Convention: who may sign it, when does it enter into force for "
                                 "us, can we enter reservations on listed species, and how do we leave it later")
    refs = {r.ref: r.text for r in note.references if r.doc_id == "cms-convention-1979"}
    assert any("may denounce this Convention" in t for t in refs.values()), sorted(refs)


def test_works_that_alter_land_or_water_bring_each_instruments_impact_assessment(assistant) -> None:  # type: ignore[no-untyped-def]
    """A wind farm in a bay where geese rest: whatever the topic's words, an officer asks whether its impact must be
    assessed, and each instrument the note discusses answers in its own words (CBD Art. 14(1)(a), AEWA Annex 3,
    4.3.1); a topic on no such works asks nothing of the kind."""
    from mea_assistant.briefing.duties_activity import ACTIVITIES, IMPACTS
    from mea_assistant.briefing.standing import standing_questions

    note = build_note(assistant, "a wind farm planned in the shallow bay where migrating geese and ducks rest: what "
                                 "AEWA and the CBD ask of us")
    refs = {(r.doc_id, r.ref) for r in note.references}
    assert {("cbd-convention-1992", "Art. 14(1)(a)"), ("aewa-agreement-1995", "Annex 3, 4.3.1")} <= refs, sorted(refs)
    assert not standing_questions("CMS capacity building for new Parties")
    assert not {IMPACTS.question, ACTIVITIES.question} & set(standing_questions("reporting under CITES"))
    # works are human activities whose problems AEWA asks to investigate and remedy, and migratory species are owed
    # the CMS's fundamental principle, whatever words the topic uses
    note = build_note(assistant, "a power line and turbines planned across the valley where storks and cranes "
                                 "migrate: what CMS and AEWA ask of us")
    refs = {(r.doc_id, r.ref) for r in note.references}
    assert {("cms-convention-1979", "Art. II(1)"), ("aewa-agreement-1995", "Art. III(2)(e)")} <= refs, sorted(refs)
    # the summary states duties: the rows listing storks and cranes are points of the note, not of its summary
    # (a topic that asks where a species is listed keeps them there)
    rows = {r.marker for r in note.references if r.ref.startswith(("Annex 2,", "App. I,", "App. II,"))}
    assert rows and not rows & {m for p in note.summary for m in p.markers}, [p.text[:60] for p in note.summary]
    # ... and the CBD's general in-situ duties: habitats protected (Art. 8(d)), harmful activities regulated (8(l))
    note = build_note(assistant, "a new marina and breakwater planned in a seagrass bay: what the CBD asks of us")
    refs = {(r.doc_id, r.ref) for r in note.references}
    assert {("cbd-convention-1992", "Art. 8(d)"), ("cbd-convention-1992", "Art. 8(l)")} <= refs, sorted(refs)


def test_a_sector_and_its_subsidy_bring_the_general_duties_drafted_for_them(assistant) -> None:  # type: ignore[no-untyped-def]
    """A grazing subsidy for hill farmers on worn-out pastures shares no word with what the CBD requires of it: to
    integrate conservation into sectoral plans and policies (Art. 6(b)) and to adopt measures that act as incentives
    (Art. 11); the note asks each instrument those standing questions, as it asks works for impact assessment."""
    from mea_assistant.briefing.duties_activity import (AWARENESS, COMPATIBLE, CUSTOMARY, HABITATS, HUMAN, INCENTIVES,
                                                        KNOWLEDGE, PRINCIPLE, REMEDIAL, RESOURCES, RESTORATION,
                                                        SECTORAL)
    from mea_assistant.briefing.standing import standing_questions

    note = build_note(assistant, "a grazing subsidy for hill farmers on degraded upland pastures: what the CBD asks of "
                                 "our agriculture ministry")
    refs = {(r.doc_id, r.ref) for r in note.references}
    assert {("cbd-convention-1992", "Art. 6(b)"), ("cbd-convention-1992", "Art. 11")} <= refs, sorted(refs)
    assert standing_questions("a grazing subsidy for hill farmers on degraded upland pastures") == \
        [d.question for d in (SECTORAL, INCENTIVES, RESTORATION, REMEDIAL, HUMAN, PRINCIPLE, HABITATS, COMPATIBLE,
                              RESOURCES)]
    assert standing_questions("seed fairs of farming families, with what the village elders know") == \
        [d.question for d in (SECTORAL, CUSTOMARY, KNOWLEDGE, HUMAN, PRINCIPLE, HABITATS, COMPATIBLE, RESOURCES,
                              AWARENESS)]
    # a permit is granted, a capacity is built: neither is a subsidy or a restoration
    assert not {INCENTIVES.question, RESTORATION.question} & set(standing_questions(
        "export permits granted for sturgeon caviar"))
    assert not standing_questions("capacity building for new Parties")


def test_captive_bred_live_and_seized_animals_and_genetic_samples_bring_the_rules_drafted_for_them(assistant) -> None:  # type: ignore[no-untyped-def]
    """A pet chain importing captive-bred parrots, some seized at the airport: CITES drafts rules for exactly these
    cases in words the topic does not use (Art. VII(4)-(5) bred in captivity, VIII(3) living specimens in transit,
    VIII(4) confiscated living specimens, IV(3) the Scientific Authority's watch on exports); plant samples for
    cosmetics bring access on prior informed consent and benefit-sharing on mutually agreed terms."""
    from mea_assistant.briefing.duties_activity import CAPTIVE, LIVE_CARE
    from mea_assistant.briefing.standing import standing_questions

    note = build_note(assistant, "A pet shop chain wants to import captive-bred parrots and tortoises from a breeding "
                                 "farm abroad; some shipments were seized at the airport last year. What does CITES "
                                 "require?")
    refs = {r.ref for r in note.references if r.doc_id == "cites-convention-1973"}
    assert {"Art. VII(4)", "Art. VII(5)", "Art. VIII(3)", "Art. VIII(4)", "Art. IV(3)"} <= refs, sorted(refs)
    note = build_note(assistant, "A cosmetics company wants to collect plant samples in our highland forests and "
                                 "develop products from them: what do the Nagoya Protocol and the CBD require?")
    refs = {(r.doc_id, r.ref) for r in note.references}
    assert {("nagoya-protocol-2010", "Art. 6(1)"), ("nagoya-protocol-2010", "Art. 5(1)")} <= refs, sorted(refs)
    # waterbirds breed, sharks have nursery areas, birds live on islets: none of these is captive breeding or live trade
    assert not {CAPTIVE.question, LIVE_CARE.question} & set(standing_questions(
        "disturbance of tern breeding colonies and shark nursery areas where the birds live"))


def test_every_instrument_the_topic_names_is_discussed(assistant) -> None:  # type: ignore[no-untyped-def]
    """The officer asks what CITES and the Bonn Convention say: the CMS Convention is discussed although CITES and
    its Secretariat's cooperation report say far more about whale meat."""
    note = build_note(assistant, "our coastal whalers: under CITES and the Bonn Convention may we sell whale meat to "
                                 "other whaling nations, do whaling-commission rules take precedence, and how do the "
                                 "secretariats work with the whaling commission?")
    assert {"cites-convention-1973", "cms-convention-1979"} <= {r.doc_id for r in note.references}


def test_a_named_instrument_no_pooled_search_found_is_asked_alone(assistant) -> None:  # type: ignore[no-untyped-def]
    """A dam on a river where fish spawn and waterbirds winter, "what the Bonn Convention, AEWA and the CBD require":
    the CBD shares no word with the topic, and the note had discussed AEWA alone; a search of the CBD alone finds
    its Art. 14 (impact assessment), and the Bonn Convention's Art. III(4) on obstacles to migration."""
    note = build_note(assistant, "a hydropower dam planned on a river where migratory fish spawn and waterbirds "
                                 "winter downstream: what the Bonn Convention, AEWA and the CBD require of us")
    docs = {r.doc_id for r in note.references}
    assert {"aewa-agreement-1995", "cbd-convention-1992", "cms-convention-1979"} <= docs, sorted(docs)
    assert ("cbd-convention-1992", "Art. 14(1)(a)") in {(r.doc_id, r.ref) for r in note.references}


def test_a_named_instrument_with_little_on_the_case_is_still_discussed(assistant) -> None:  # type: ignore[no-untyped-def]
    """Mink escaped from fur farms raid tern nests, "what AEWA and the CBD require": the pooled searches found one
    weak CBD paragraph, and its score (a fifth of AEWA's) had dropped the CBD from the note although the officer
    named it; an instrument the topic names is discussed, and the standing question on alien species (worded as
    CBD Art. 8(h)) finds what each says."""
    note = build_note(assistant, "American mink that escaped from fur farms are raiding the nests of common terns and "
                                 "ringed plovers on our islets: what do AEWA and the CBD require of us?")
    refs = {(r.doc_id, r.ref) for r in note.references}
    assert ("cbd-convention-1992", "Art. 8(h)") in refs, sorted(refs)
    assert {r for r in refs if r[0] == "aewa-agreement-1995" and r[1].startswith("Annex 3, 2.5")}, sorted(refs)


def test_trade_and_taking_bring_the_permits_and_prohibitions_drafted_for_them(assistant) -> None:  # type: ignore[no-untyped-def]
    """Wild animals sold abroad, some smuggled: an officer expects the permits each appendix needs (CITES Art. III,
    IV), what counts as a specimen when parts are sold (Art. I(b)) and the penalties and confiscation (Art.
    VIII(1)), whatever the topic's own words; birds shot for sale bring the Bonn Convention's prohibition of taking
    (Art. III(5)). A question only some instruments draft is not asked of one without its terms."""
    from mea_assistant.briefing.duties_activity import ENFORCEMENT, PERMITS, SPECIMEN
    from mea_assistant.briefing.standing import asked_of, standing_questions

    note = build_note(assistant, "Traders at our border market sell dried seahorses, tortoise shells and live parrots "
                                 "to foreign buyers, and some are smuggled out: what does CITES require?")
    refs = {(r.doc_id, r.ref) for r in note.references}
    cites = "cites-convention-1973"
    assert {(cites, "Art. IV(2)"), (cites, "Art. I(b)(ii)"), (cites, "Art. VIII(1)")} <= refs, sorted(refs)
    asked = standing_questions("seahorse powder and turtle shells sold and smuggled abroad")
    assert {d.question for d in PERMITS + (SPECIMEN, ENFORCEMENT)} <= set(asked)
    cbd = " ".join(p.text for p in assistant.index.documents["cbd-convention-1992"].paragraphs)
    assert not asked_of(PERMITS[0].question, cbd) and asked_of(PERMITS[0].question, " ".join(
        p.text for p in assistant.index.documents[cites].paragraphs))
    note = build_note(assistant, "hunters shoot a migratory stork listed in Appendix I of the Bonn Convention on "
                                 "passage and sell it at the market: what does the Bonn Convention say?")
    assert ("cms-convention-1979", "Art. III(5)") in {(r.doc_id, r.ref) for r in note.references}


def test_each_aspect_is_also_searched_on_its_own(assistant) -> None:  # type: ignore[no-untyped-def]
    """Each aspect is asked alone too, with the MOU the topic names: "who may sign" finds the paragraph that opens
    the MOU for signature by the Range States first (membership.py; before, the one that keeps it open
    indefinitely); a bare "the" left where the topic named the MOU is not asked."""
    from mea_assistant.briefing.gather import gather

    pool = gather(assistant, "the Sharks MOU: who may sign, what signatories commit to, and can we leave later")
    signing = [c for c in pool.candidates.values() if "open for signature by the Range States" in c.hit.text]
    assert signing and signing[0].ranks.get("part: who may sign") == 0, signing[0].ranks if signing else None
    assert not any("part: the" in c.ranks for c in pool.candidates.values())


def test_a_scope_in_the_topics_words_is_kept_to(assistant) -> None:  # type: ignore[no-untyped-def]
    note = build_note(assistant, "only what the COP resolutions say about climate change")
    docs = assistant.index.documents
    assert note.references and {docs[r.doc_id].doc_type for r in note.references} == {"resolution"}


def test_a_note_based_on_one_document_alone_keeps_to_it(assistant) -> None:  # type: ignore[no-untyped-def]
    """The officer names other conventions as context ("the CMS and CITES secretariats") and asks for a note on the
    joint work programme alone: no article of CITES or paragraph of another text is cited."""
    note = build_note(assistant, "What did the CMS and CITES secretariats agree to do together on elephants and on "
                                 "wildlife crime? Base the note on their joint work programme alone.")
    assert note.references and {r.doc_id for r in note.references} == {"cms-cites-jwp-2012-2014"}


def test_a_convention_named_by_its_code_brings_its_document_that_says_most(assistant) -> None:  # type: ignore[no-untyped-def]
    """ "The Bonn Convention" names the treaty, which says little on the saiga; what "the CMS and CITES
    secretariats" agreed on it is in their joint work programme, a document of the conventions the topic names."""
    note = build_note(assistant, "what the Bonn Convention and the CMS and CITES secretariats agreed to do together "
                                 "for the saiga antelope and the snow leopard")
    assert "cms-cites-jwp-2012-2014" in {r.doc_id for r in note.references}


def test_empty_and_long_topics_are_refused(assistant) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match="empty"):
        build_note(assistant, "   ")
    with pytest.raises(InputError, match="limit"):
        build_note(assistant, "wetlands " * 120)


def test_a_request_of_a_few_sentences_is_answered(assistant) -> None:  # type: ignore[no-untyped-def]
    """Desk officers write requests of three or four sentences and a paragraph of context (the blind briefing sets
    hold requests of 305 to 675 characters); the limit refuses a pasted document, not a request."""
    topic = ("our ministry is preparing for the next wetlands meeting: what must a country do when it designates a "
             "wetland of international importance, what happens if the site's ecological character changes or it "
             "has to be made smaller, who keeps the list, and what do the texts say about making up for any loss "
             "of wetland resources?")
    assert len(topic) > 300
    note = build_note(assistant, topic)
    assert any(r.doc_id == "ramsar-convention-1971" for r in note.references)


def test_run_cli_writes_md_docx_json_and_refuses_other_suffixes(
        assistant, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    def args(out: Path | None, as_json: bool = False) -> argparse.Namespace:
        return argparse.Namespace(topic=TOPIC, convention=[], doc_type=[], out=out, json=as_json)

    with pytest.raises(MeaError, match=r"\.md .*\.docx"):
        run_cli(assistant, args(tmp_path / "note.pdf"))
    assert run_cli(assistant, args(tmp_path / "out" / "note.docx")) == 0
    assert (tmp_path / "out" / "note.docx").stat().st_size > 5000
    capsys.readouterr()
    assert run_cli(assistant, args(None, as_json=True)) == 0
    assert json.loads(capsys.readouterr().out)["topic"] == TOPIC


def test_a_conversation_gives_the_note_its_topic() -> None:
    assert question_to_topic("What does CITES require to export a specimen of an Appendix II species?") == \
        "CITES require to export a specimen of an Appendix II species"
    assert question_to_topic("shark finning") == "shark finning"
    turns = [{"question": "What must Ramsar Parties designate?", "rewritten_query": "What must Ramsar Parties designate?"},
             {"question": "And who keeps the List?", "rewritten_query": "who keeps the Ramsar List of Wetlands?"}]
    assert conversation_topic(turns) == "keeps the Ramsar List of Wetlands"
    assert conversation_topic([]) == ""


def test_every_briefing_set_loads_and_quotes_the_corpus(corpus_docs) -> None:  # type: ignore[no-untyped-def]
    """Every expected provision of every set is a paragraph of the shipped corpus, found by its words."""
    from mea_assistant.evaluation.briefing import load_topics
    from mea_assistant.evaluation.dataset import contains

    root = Path(__file__).resolve().parent.parent / "evals"
    for path in sorted(root.glob("briefing-*.jsonl")):  # the held-out sets of every round too
        topics = load_topics(path)
        for t in topics:
            assert set(t.instruments) <= set(corpus_docs), t.id
            for e in t.expected:
                assert any(contains(p.text, e.quote) for p in corpus_docs[e.doc].paragraphs), (t.id, e.quote)
    dev, dev2, test = (load_topics(root / n) for n in ("briefing-dev.jsonl", "briefing-dev2.jsonl", "briefing-test.jsonl"))
    assert not {t.topic for t in dev + dev2} & {t.topic for t in test}


# ----- what an officer expects: each instrument's core provision, an Action Plan's section, a list whole -----
# (topics of the development sets, evals/briefing-dev.jsonl and evals/briefing-dev2.jsonl)

def test_a_topic_across_the_conventions_cites_each_instruments_own_provision(assistant) -> None:  # type: ignore[no-untyped-def]
    note = build_note(assistant, "secretariat functions across the conventions")
    leads = {r.doc_id: r.text for r in note.references}
    for doc_id, words in (("cites-convention-1973", "The functions of the Secretariat shall be"),
                          ("cms-convention-1979", "The functions of the Secretariat shall be"),
                          ("cbd-convention-1992", "Its functions shall be"),
                          ("aewa-agreement-1995", "The functions of the Agreement secretariat shall be"),
                          ("nagoya-protocol-2010", "on the functions of the Secretariat shall apply")):
        assert any(r.doc_id == doc_id and words in r.text for r in note.references), (doc_id, sorted(leads))
    docs = assistant.index.documents
    assert all(docs[r.doc_id].doc_type in ("convention", "protocol", "agreement", "mou") for r in note.references), \
        "no report or work programme takes the place of an instrument's own provision"
    assert len(note.references) <= 30


def test_a_topic_across_the_conventions_that_a_report_answers_best_cites_the_report(assistant) -> None:  # type: ignore[no-untyped-def]
    """The treaties say little of INTERPOL; the CITES Secretariat's cooperation report says it plainly."""
    note = build_note(assistant, "cooperation with INTERPOL and customs against wildlife crime across the conventions")
    assert any(r.doc_id == "cites-cooperation-response-2025" and "INTERPOL" in r.text for r in note.references), \
        sorted({r.doc_id for r in note.references})


def test_a_topic_on_an_action_plan_cites_its_section_not_only_the_articles(assistant) -> None:  # type: ignore[no-untyped-def]
    note = build_note(assistant, "habitat conservation under the AEWA Action Plan")
    refs = {r.ref for r in note.references if r.doc_id == "aewa-agreement-1995"}
    section = {"Annex 3, 3.1.1", "Annex 3, 3.1.2", "Annex 3, 3.2.1", "Annex 3, 3.2.2", "Annex 3, 3.2.3",
               "Annex 3, 3.2.4", "Annex 3, 3.3"}
    assert len(section & refs) >= 6, sorted(refs)


def test_a_core_articles_list_is_quoted_nearly_whole_under_its_lead_in(assistant) -> None:  # type: ignore[no-untyped-def]
    note = build_note(assistant, "in-situ conservation under the CBD")
    by_ref = {r.ref: r.marker for r in note.references if r.doc_id == "cbd-convention-1992"}
    items = [f"Art. 8({c})" for c in "abcdefghijklm"]
    assert "Art. 8" in by_ref and sum(i in by_ref for i in items) >= 10, sorted(by_ref)
    point = next(p for p in _points(note) if by_ref["Art. 8"] in p.markers and len(p.markers) > 3)
    assert by_ref["Art. 8(a)"] in point.markers and by_ref["Art. 8(h)"] in point.markers


def test_a_term_the_quoted_rules_rely_on_is_quoted_from_the_definitions(assistant) -> None:  # type: ignore[no-untyped-def]
    # (held-out-13's b-h13-02) the CMS rules quoted on trapping falcons say "taking"; CMS Art. I(1)(i) says what it is
    note = build_note(assistant, "falconers and bird dealers want to trap one of our wild falcons and sell live "
                                 "birds abroad; it is Bonn Appendix I but only CITES Appendix II: may we allow the "
                                 "trapping, and could our CITES office still issue an export permit?")
    refs = {r.ref: r.marker for r in note.references if r.doc_id == "cms-convention-1979"}
    assert "Art. I(1)(i)" in refs, sorted(refs)
    section = next(s for s in note.sections if any(refs["Art. I(1)(i)"] in p.markers for p in s.points))
    assert section.kind == "definitions" and section.instrument == "cms-convention-1979"
    assert "Art. I(1)(k)" not in refs  # '"Party" means ...': the instrument's vocabulary, not the topic's


def test_definitions_of_one_list_are_one_point_under_scope_and_definitions(assistant) -> None:  # type: ignore[no-untyped-def]
    note = build_note(assistant, "What the Bonn Convention requires of Range States before taking animals of "
                                 "Appendix I species")
    refs = {r.ref: r.marker for r in note.references if r.doc_id == "cms-convention-1979"}
    assert {"Art. I(1)(h)", "Art. I(1)(i)"} <= set(refs), sorted(refs)  # "Range State", "Taking"
    section = next(s for s in note.sections if any(refs["Art. I(1)(i)"] in p.markers for p in s.points))
    assert section.kind == "definitions"
    assert sum(refs["Art. I(1)"] in p.markers for s in note.sections for p in s.points) == 1, "one point for the list"


def test_a_definition_that_is_a_list_is_quoted_with_its_items(assistant) -> None:  # type: ignore[no-untyped-def]
    note = build_note(assistant, "is it only live animals and plants, or does CITES also catch ivory carvings, skins, "
                                 "leather goods, timber, plant extracts and other products made from listed species?")
    refs = {r.ref: r.marker for r in note.references if r.doc_id == "cites-convention-1973"}
    assert {"Art. I(b)", "Art. I(b)(i)", "Art. I(b)(ii)", "Art. I(b)(iii)"} <= set(refs), sorted(refs)
    assert any({refs["Art. I(b)"], refs["Art. I(b)(ii)"]} <= set(p.markers) for p in _points(note))


def test_a_core_provision_brings_the_short_annex_it_refers_to(assistant) -> None:  # type: ignore[no-untyped-def]
    note = build_note(assistant, "identification and monitoring of biological diversity under the CBD")
    refs = {r.ref for r in note.references if r.doc_id == "cbd-convention-1992"}
    assert {"Art. 7", "Art. 7(a)", "Annex 1(1)", "Annex 1(2)"} <= refs, sorted(refs)


def test_an_instrument_searched_alone_gives_its_own_provision_on_an_aspect(assistant) -> None:  # type: ignore[no-untyped-def]
    """"how can we tell if a shark population is doing well or badly": the Sharks MOU answers it in its definition
    of a favourable conservation status (para. 3(d)), which the topic's pooled searches rank below the MOU's lists
    of objectives and tasks; a search of the MOU alone for the topic puts it among the first."""
    note = build_note(assistant, "which sharks does the Sharks MOU cover, and how can we tell if a shark population "
                                 "is doing well or badly")
    refs = {r.ref for r in note.references if r.doc_id == "sharks-mou-2010"}
    assert {"para. 3(d)", "para. 3(d)(i)"} <= refs, sorted(refs)


def test_a_preamble_is_cited_where_the_instrument_speaks_to_the_topic_only_there(assistant) -> None:  # type: ignore[no-untyped-def]
    """The CBD speaks of women only in its preamble ("the vital role that women play in the conservation and
    sustainable use of biological diversity"): a note on the role of women cites that recital, not only the
    operative articles that share the words "conservation and sustainable use"."""
    note = build_note(assistant, "the role of women in conservation and sustainable use")
    quoted = [r for r in note.references if r.doc_id == "cbd-convention-1992" and r.ref.startswith("PP")]
    assert any("women" in r.text for r in quoted), [(r.doc_id, r.ref) for r in note.references]
    recital = next(s for s in note.sections if any(f"[{quoted[0].marker}]" in p.text for p in s.points))
    assert recital.kind == "context" and recital.heading == "CBD: Context (preamble)", recital.heading


def test_a_table_record_is_not_quoted_up_to_a_cell_label(assistant) -> None:  # type: ignore[no-untyped-def]
    """A CITES appendix record ("Appendix I: Anas aucklandica / Appendix II: Anas bernieri / ...") has a label and
    its value on each line: a quote never stops at the next line's "Appendix I:", which would read as a lead-in
    whose items were left out."""
    from mea_assistant.briefing.quotes import quote_span

    doc = assistant.index.documents["cites-convention-1973"]
    record = next(p for p in doc.paragraphs if p.ref.endswith("Anatidae"))
    assert record.text.count("\n") >= 5
    s, e = quote_span(record.text, {"duck", "goose", "anas", "export"})
    assert not record.text[s:e].rstrip().endswith(":"), record.text[s:e][-80:]


def test_a_long_listing_row_is_quoted_by_whole_records_around_the_topics_names(assistant) -> None:  # type: ignore[no-untyped-def]
    """CMS Appendix II's CETACEA row lists some forty names, one record per line and no punctuation: a note
    quotes the records that name the topic (or the first few), each whole, not the whole row as one sentence."""
    from mea_assistant.briefing.quotes import quote_span

    row = next(p for p in assistant.index.documents["cms-convention-1979"].paragraphs if p.ref == "App. II, CETACEA")
    assert len(row.text) > 1000 and row.text.count("\n") > 20
    for subject in ({"waterbird", "bycatch"}, {"orcinus", "orca"}):
        s, e = quote_span(row.text, subject)
        quote = row.text[s:e]
        assert len(quote) < len(row.text) / 2 and not cut_mid_sentence(quote, row.text), quote
    assert "Orcinus orca" in row.text[slice(*quote_span(row.text, {"orcinus", "orca"}))]
    assert cut_mid_sentence("Physeteridae Physeter", row.text)  # inside a record is still a cut


def test_a_species_topic_cites_the_listing_however_short(assistant) -> None:  # type: ignore[no-untyped-def]
    """A listing row is a table record ("Appendix II: Hippocampus spp." under "Syngnathidae Pipefishes,
    seahorses"): it is quoted alone whatever its length, where a fragment of fewer than six words is not."""
    note = build_note(assistant, "seahorses and tapirs under CITES")
    refs = {(r.doc_id, r.ref) for r in note.references}
    assert ("cites-convention-1973", "App. I, II and III, Syngnathidae") in refs
    assert ("cites-convention-1973", "App. I, II and III, Tapiridae") in refs
    # and they are listings, under their own heading, not obligations: a row binds through its appendix's article
    marker = next(r.marker for r in note.references if r.ref == "App. I, II and III, Syngnathidae")
    listing = next(s for s in note.sections if any(marker in p.markers for p in s.points))
    assert (listing.kind, listing.heading) == ("listings", "CITES Convention: Listings")


def test_each_named_instrument_cites_its_own_listing_of_the_species(assistant) -> None:  # type: ignore[no-untyped-def]
    """The Bonn Convention lists the whale shark (Rhincodon typus) in Appendix II by its Latin name only, which a
    search of the whole corpus for "whale sharks" ranks below CITES's rows (which also carry the English family
    name): the row is on the topic by the name it holds, and for a species a named instrument's listing is as core
    as its articles, so it is quoted within the instrument's references."""
    note = build_note(assistant, "Whale sharks and basking sharks under the Bonn Convention and CITES")
    refs = {(r.doc_id, r.ref) for r in note.references}
    assert ("cms-convention-1979", "App. II, ORECTOLOBIFORMES") in refs, refs
    assert ("cites-convention-1973", "App. I, II and III, Rhincodontidae") in refs, refs


def test_where_each_species_is_listed_is_quoted_whatever_the_instruments_budget(assistant) -> None:  # type: ignore[no-untyped-def]
    """Three birds of a wetland topic led by Ramsar, the CBD and AEWA: the Bonn Convention came fourth, with four
    references for its points, and quoted the bittern's row only. Where an instrument lists each of the topic's
    species is a point of its own, beyond the instrument's budget."""
    note = build_note(assistant, "Our floodplain fens and wet hay meadows, where aquatic warblers, corncrakes and "
                                 "great bitterns breed, are overgrowing and being drained. What do Ramsar, the CBD "
                                 "and AEWA say about restoring such wetlands and rewarding farmers who manage them, "
                                 "and which of these birds does the Bonn Convention list?")
    cms = [r for r in note.references if r.doc_id == "cms-convention-1979"]
    for latin in ("Acrocephalus paludicola", "Crex crex", "Botaurus stellaris"):
        assert any(latin in r.text for r in cms if r.ref.startswith("App.")), (latin, [r.ref for r in cms])


def test_a_listing_brings_the_rule_of_its_appendix(assistant) -> None:  # type: ignore[no-untyped-def]
    """Seahorses are in CITES Appendix II, tapirs in Appendix I: what follows from that is in the articles the
    Convention gives those appendices ("Article IV Regulation of Trade in Specimens of Species Included in
    Appendix II"), which the rows do not say. The note quotes each appendix's first rule with the rows."""
    note = build_note(assistant, "seahorses and tapirs under CITES")
    refs = {(r.doc_id, r.ref) for r in note.references}
    assert ("cites-convention-1973", "Art. IV(2)") in refs and ("cites-convention-1973", "Art. III(2)") in refs, refs


def test_a_listing_brings_what_inclusion_in_the_appendices_extends_to(assistant, corpus_docs) -> None:  # type: ignore[no-untyped-def]
    """A note on a listed species' shells and meat quotes, with the row, the appendices' own interpretation that
    "all parts and derivatives of the species are also included in the same Appendix" (CITES App. I, II and III(7)):
    the row alone does not say that the shells are covered."""
    from mea_assistant.briefing.governing import interpretation_paragraphs

    cites = corpus_docs["cites-convention-1973"]
    found = [cites.paragraphs[p].ref for p in interpretation_paragraphs(cites, "App. I, II and III, Strombidae")]
    assert "App. I, II and III(7)" in found and "App. I, II and III ¶1" not in found, found
    note = build_note(assistant, "queen conch shells and meat exported from the Caribbean: CITES rules")
    refs = {(r.doc_id, r.ref) for r in note.references}
    assert ("cites-convention-1973", "App. I, II and III(7)") in refs, refs


def test_the_article_that_governs_an_appendix_is_found_by_its_title(corpus_docs) -> None:  # type: ignore[no-untyped-def]
    """By its own title naming that one appendix, the rules in it that name the appendix, in order: no article on
    "Appendices I and II" (amendments) and no framing paragraph ("shall be in accordance with ... this Article")."""
    from mea_assistant.briefing.governing import governing_paragraphs, row_appendices

    cites, cms = corpus_docs["cites-convention-1973"], corpus_docs["cms-convention-1979"]
    refs = lambda doc, n: [doc.paragraphs[p].ref for p in governing_paragraphs(doc, n)]  # noqa: E731
    assert refs(cites, "II") == ["Art. IV(2)", "Art. IV(4)", "Art. IV(5)", "Art. IV(6)"]
    assert refs(cites, "III") == ["Art. V(2)", "Art. V(3)"]
    assert refs(cms, "I") == ["Art. III(4)", "Art. III(5)"] and refs(cms, "II") == ["Art. IV(3)"]
    row = next(p for p in cites.paragraphs if p.ref.endswith(", Tridacnidae"))
    assert row_appendices(row.ref, row.text, " ".join(row.section), ["Tridacnidae"]) == ["II"]
    assert row_appendices(row.ref, row.text, " ".join(row.section), ["Ursidae"]) == []


def test_a_paragraph_on_any_of_the_topics_numbered_parts_is_on_the_topic() -> None:
    """A topic on "Appendices II and III" has two numbered parts. A paragraph on Appendix III is about one of them,
    whichever the topic names first; only one that names neither part ("Appendix I") is about another list. The
    answer had depended on the order of the subject's terms, and that order on Python's string hashing, so one
    topic's note differed from one process to the next."""
    from mea_assistant.briefing.subject import other_numbered

    for subject in ({"append II": 1.0, "append III": 1.0}, {"append III": 1.0, "append II": 1.0}):
        assert not other_numbered(subject, "species included in Appendix III")
        assert not other_numbered(subject, "species included in Appendix II")
        assert other_numbered(subject, "species included in Appendix I")


def test_an_open_point_names_a_topic_asked_as_a_question_as_this_topic(assistant) -> None:  # type: ignore[no-untyped-def]
    """ "The cited texts say nothing specific on cooperation ... on What CMS requires of Range States ..." pasted the
    officer's whole request into the sentence; a question or a long request is "this topic"."""
    note = build_note(assistant, "What CMS requires of Range States for migratory species listed in Appendix I")
    open_points = " ".join(p.text for p in note.sections[-1].points)
    assert "nothing specific on cooperation with other conventions or organizations on this topic" in open_points
    assert "What CMS requires" not in open_points


def test_the_instruments_definition_of_a_term_the_topic_says_is_quoted(assistant) -> None:  # type: ignore[no-untyped-def]
    """Ramsar defines wetlands without quotation marks ("For the purpose of this Convention wetlands are areas of
    marsh, fen ..."), and nearly every one of its paragraphs says "wetlands": a topic on draining seasonal wetlands
    still gets the definition that decides whether its wetlands are covered."""
    note = build_note(assistant, "seasonal wetlands on farmland drained for housing: what the Ramsar Convention asks "
                                 "of us")
    assert ("ramsar-convention-1971", "Art. 1(1)") in {(r.doc_id, r.ref) for r in note.references}


def test_a_quote_never_stops_at_a_clause_that_introduces_items() -> None:
    """The CITES Appendices' notes list what the elephant populations of Botswana ... may trade, then "g) trade in
    raw ivory ... subject to the following:"; a quote picked for a topic on lizards stopped there, a lead-in without
    its items. It goes on to the first item."""
    from mea_assistant.briefing.quotes import quote_span
    from mea_assistant.parsing import parse_file
    from mea_assistant.terms import terms

    doc = parse_file(Path(__file__).parent.parent / "corpus" / "cites-convention-1973.md")
    text = next(p.text for p in doc.paragraphs if "Populations of Botswana, Namibia, South Africa" in p.text)
    start, end = quote_span(text, terms("spiny-tailed lizards caught in deserts for food, folk remedies and the "
                                        "pet trade"))
    assert not text[start:end].rstrip().endswith(":"), text[start:end][-80:]


def test_animals_seized_are_the_treatys_confiscated_specimens(assistant) -> None:  # type: ignore[no-untyped-def]
    """A desk officer writes "seized"; CITES writes "confiscated" (Art. VIII), and who pays for the confiscation is
    Art. VIII(2)'s "internal reimbursement for expenses incurred as a result of the confiscation" (glossary entry)."""
    note = build_note(assistant, "two baby chimpanzees and a young orangutan seized from a pet dealer: where can they "
                                 "go, and who pays? CITES rules")
    assert ("cites-convention-1973", "Art. VIII(2)") in {(r.doc_id, r.ref) for r in note.references}


def test_the_summary_states_the_duties_the_topic_asks_about(assistant) -> None:  # type: ignore[no-untyped-def]
    """Restoring a drained bog: the summary's points are each instrument's most relevant provisions, whatever heading
    they fall under, and a list is summarised by the items that say the topic: CBD Art. 8 by (f) "Rehabilitate and
    restore degraded ecosystems", not a definition or the Ramsar Conference's competences picked to fill a heading."""
    note = build_note(assistant, "restoring a drained peat bog that was once a breeding site for waders: what Ramsar, "
                                 "AEWA and the CBD expect")
    by_marker = {r.marker: (r.doc_id, r.ref) for r in note.references}
    summarised = {by_marker[m] for p in note.summary for m in p.markers}
    assert ("cbd-convention-1992", "Art. 8(f)") in summarised, sorted(summarised)
    assert not any(ref.startswith("Art. 2") for doc, ref in summarised if doc == "cbd-convention-1992"), \
        sorted(summarised)


def test_a_lead_in_is_summarised_by_the_sentence_that_states_the_duty(assistant) -> None:  # type: ignore[no-untyped-def]
    """A lead-in was summarised by its last sentence alone, the one that opens its list: AEWA Annex 3, 2.1.1 as "Such
    Parties shall in particular and subject to paragraph 2.1.3 below:", which names no one. The sentence that
    states the duty leads ("Parties with populations listed in Column A of Table 1 shall provide protection ..."),
    as it does where the last sentence is only a permission (CMS Art. III(5): "Exceptions may be made ...")."""
    note = build_note(assistant, "Shooting geese listed in Column A of AEWA's Table 1: what does AEWA require?")
    point = [p.text for p in note.summary if "Annex 3, 2.1.1" in p.text]
    assert point and "Parties with populations listed in Column A of Table 1 shall provide protection" in point[0], \
        [p.text[:120] for p in note.summary]
    assert "Such Parties shall in particular" in point[0]  # the list's own lead-in still opens its items


def test_the_evaluation_counts_summary_points_that_cite_an_expected_provision(assistant, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`eval-brief` scores the summary too: a point counts when one of its references is an expected provision."""
    from mea_assistant.evaluation.briefing import load_topics, run, summarise

    topic = {"id": "t1", "topic": "restoring a drained peat bog that was once a breeding site for waders: what Ramsar, "
                                  "AEWA and the CBD expect", "instruments": ["cbd-convention-1992"],
             "expected": [{"doc": "cbd-convention-1992", "ref": "Art. 8(f)",
                           "quote": "Rehabilitate and restore degraded ecosystems"}]}
    (tmp_path / "set.jsonl").write_text(json.dumps(topic) + "\n", encoding="utf-8")
    rows, notes = run(assistant, load_topics(tmp_path / "set.jsonl"))
    assert rows[0]["cited"] == 1 and rows[0]["summary_on_target"] == 1, rows[0]
    assert summarise(rows)["summary_on_target"] == round(1 / len(notes[0].summary), 3)


def test_disturbance_emergencies_and_research_bring_the_duties_drafted_for_them(assistant) -> None:  # type: ignore[no-untyped-def]
    """Jet-skis chasing terns off their roost, a botulism die-off among ducks, a university tagging storks: the
    treaties draft general duties for each in words the topic does not use (AEWA Annex 3, 2.1.1(b) deliberate
    disturbance, CMS Art. I(1)(i) harassing as taking; AEWA Art. III(2)(f) and Annex 3, 2.3 emergencies; CMS Art.
    II(3)(a) research), asked of each instrument the note discusses."""
    from mea_assistant.briefing.duties_activity import DISTURBANCE, EMERGENCY, RESEARCH
    from mea_assistant.briefing.standing import standing_questions

    note = build_note(assistant, "Jet-skis and speedboats chase the terns off their roost on our sandbanks every "
                                 "summer weekend: what do AEWA and the Bonn Convention say?")
    refs = {(r.doc_id, r.ref) for r in note.references}
    assert {("aewa-agreement-1995", "Annex 3, 2.1.1(b)"), ("cms-convention-1979", "Art. I(1)(i)")} <= refs, sorted(refs)
    note = build_note(assistant, "A botulism die-off has killed thousands of ducks and grebes on a lake we share with "
                                 "a neighbouring country: what does AEWA require of us?")
    refs = {(r.doc_id, r.ref) for r in note.references}
    assert {("aewa-agreement-1995", "Art. III(2)(f)"), ("aewa-agreement-1995", "Annex 3, 2.3")} <= refs, sorted(refs)
    assert RESEARCH.question in standing_questions("a university wants to fit GPS tags to white storks")
    # a capacity is built, a permit is granted, a specimen counts: none of these is a disturbance, an emergency or research
    assert not {DISTURBANCE.question, EMERGENCY.question, RESEARCH.question} & set(standing_questions(
        "capacity building for new Parties and what counts as a specimen under export permits"))


def test_joining_authorities_and_money_bring_the_institutional_clauses(assistant) -> None:  # type: ignore[no-untyped-def]
    """A country about to accede asks what it must set up; a small state asks for money: the treaties answer in their
    institutional and financial clauses, which share no word with the request (AEWA Art. V(1)(a)-(b) the Authority
    and contact point, V(2)(a) the budget; CBD Art. 20(2) and 21(1) financial resources)."""
    from mea_assistant.briefing.duties_governance import AUTHORITY, CONTRIBUTION, FINANCE
    from mea_assistant.briefing.standing import standing_questions

    note = build_note(assistant, "Our small ministry has never run a treaty file. The cabinet has approved acceding to "
                                 "AEWA next spring, and the minister wants to know what happens after we deposit the "
                                 "papers: who in government does what, what goes to the secretariat, and what the bill "
                                 "will be each year. Meanwhile flamingo numbers at our salt pans keep falling. What "
                                 "does AEWA require of us?")
    refs = {r.ref for r in note.references if r.doc_id == "aewa-agreement-1995"}
    assert {"Art. V(1)(a)", "Art. V(2)(a)"} <= refs, sorted(refs)
    note = build_note(assistant, "Our forestry department has no budget for the biodiversity strategy and asks which "
                                 "donors could fund it: what does the CBD say?")
    refs = {r.ref for r in note.references if r.doc_id == "cbd-convention-1992"}
    assert {"Art. 20(2)", "Art. 21(1)"} & refs, sorted(refs)
    assert {AUTHORITY.question, CONTRIBUTION.question} <= set(standing_questions(
        "we will ratify the Ramsar Convention next year"))
    assert FINANCE.question not in standing_questions("a subsidy for hill farmers") and not standing_questions(
        "CMS capacity building for new Parties")


def test_a_listing_proposal_and_a_high_seas_catch_bring_their_procedures() -> None:
    """Proposing a species for the strictest appendix brings the appendix's criteria and the amendment procedure;
    a species already listed does not (that is its status, not a proposal); fins from a fleet on the high seas bring
    CITES's introduction from the sea."""
    from mea_assistant.briefing.duties_activity import AMENDMENT, CRITERIA, FROM_SEA
    from mea_assistant.briefing.standing import standing_questions

    assert {CRITERIA.question, AMENDMENT.question} <= set(standing_questions(
        "we want to propose the steppe eagle for the strictest listing under CMS and CITES"))
    assert not {CRITERIA.question, AMENDMENT.question} & set(standing_questions(
        "hunters shoot a stork listed in Appendix I on passage"))
    assert FROM_SEA.question in standing_questions("our longliners land blue shark fins caught on the high seas")
    from mea_assistant.briefing.duties_activity import ACCESS, TRAINING
    from mea_assistant.briefing.duties_governance import CONTRIBUTION, ORGAN

    assert ORGAN.question in standing_questions("is the CMS resolution on bycatch binding on us?")
    assert CONTRIBUTION.question in standing_questions("our contributions to AEWA are three years in arrears")
    assert TRAINING.question in standing_questions("a workshop to train customs officers to identify falcons")
    assert ACCESS.question in standing_questions(
        "a start-up licensed a soil bacterium's antibiotic to a drug company abroad")
    assert not {d.question for d in (ORGAN, CONTRIBUTION, TRAINING, ACCESS)} & set(standing_questions(
        "CMS capacity building for new Parties"))


def test_reporting_asked_in_everyday_words_brings_the_notice_of_exceptions(assistant) -> None:  # type: ignore[no-untyped-def]
    """"What do we have to tell the treaty bodies?" asks what a Party reports, as "national reports" does; a case of
    taking a protected species brings the notice of any exception made to its prohibition (CMS Art. III(7), AEWA
    Annex 3, 2.1.3(e)); a consignment customs officers found is a seizure."""
    from mea_assistant.briefing.duties_activity import ENFORCEMENT, EXCEPTIONS_NOTICE
    from mea_assistant.briefing.duties_governance import REPORTING
    from mea_assistant.briefing.standing import standing_questions

    note = build_note(assistant, "Villagers on our northern coast shoot long-tailed ducks and common eiders every spring "
                                 "and the regional governor wants to let them go on doing so. What do the Bonn "
                                 "Convention and AEWA allow, and what do we have to tell the treaty bodies?")
    refs = {(r.doc_id, r.ref) for r in note.references}
    assert {("cms-convention-1979", "Art. III(7)"), ("aewa-agreement-1995", "Annex 3, 2.1.3(e)")} & refs, sorted(refs)
    assert REPORTING.question in standing_questions("what has to be notified or reported to the secretariat")
    assert EXCEPTIONS_NOTICE.question in standing_questions("hunters shoot geese in spring")
    assert ENFORCEMENT.question in standing_questions("customs officers found forty tortoises in a suitcase")
    assert ENFORCEMENT.question in standing_questions("a circus crossed the border without any wildlife trade permits")
    # a reporter asking is no report a Party owes; a customs form is no seizure
    assert not {REPORTING.question, ENFORCEMENT.question} & set(standing_questions(
        "a reporter asked about the customs forms for exporting captive-bred finches"))


def test_a_touring_show_is_no_road_works_and_animals_born_in_captivity_are_captive_bred() -> None:
    """"The animals' welfare on the road" is no road being built; "born in captivity" is how the press says captive
    bred (CITES Art. VII(4)-(5))."""
    from mea_assistant.briefing.duties_activity import ACTIVITIES, CAPTIVE, IMPACTS
    from mea_assistant.briefing.standing import standing_questions

    asked = set(standing_questions("a travelling circus whose tigers were born in captivity; their welfare on the road"))
    assert CAPTIVE.question in asked and not {IMPACTS.question, ACTIVITIES.question} & asked
    assert IMPACTS.question in standing_questions("a new road across the marsh")


def test_a_case_put_to_the_treaties_at_large_gets_each_instruments_duty_for_it(assistant) -> None:  # type: ignore[no-untyped-def]
    """A request that names no instrument ("do the international conservation treaties require us ...") is answered
    instrument by instrument; each one is still asked the duties drafted for the kind of case (escaped birds: CMS
    Art. III(4)(c) "strictly controlling the introduction of ... exotic species", AEWA Art. III(2)(g))."""
    note = build_note(assistant, "Feral Egyptian geese that escaped from town parks now breed on our lakes and drive "
                                 "native ducks off their nests. Do the international conservation treaties require us "
                                 "to do anything about them?")
    refs = {(r.doc_id, r.ref) for r in note.references}
    assert {("cms-convention-1979", "Art. III(4)(c)"), ("aewa-agreement-1995", "Art. III(2)(g)")} <= refs, sorted(refs)


def test_a_topic_in_everyday_words_quotes_the_clause_in_the_treatys_words(assistant) -> None:  # type: ignore[no-untyped-def]
    """ "drowning in gillnets" is, in the glossary's treaty wording, "incidental killing and bycatch in fishing
    gear" (AEWA Annex 3, 4.3.7): the note quotes that clause, not only 4.3.7's opening words on fisheries."""
    note = build_note(assistant, "Seabirds and waterbirds drowning in gillnets: what do AEWA and CMS require?")
    quotes = [r.quote for r in note.references if (r.doc_id, r.ref) == ("aewa-agreement-1995", "Annex 3, 4.3.7")]
    assert quotes and "bycatch in fishing gear" in quotes[0], quotes


def test_a_clause_after_a_semicolon_takes_the_force_of_its_sentences_verb(assistant) -> None:  # type: ignore[no-untyped-def]
    """AEWA Annex 3, 4.3.7: "Parties are urged to take appropriate actions ...; appropriate measures shall especially
    address incidental killing and bycatch ...": a summary point quoting the second clause says what the sentence
    is, a recommendation ("are urged"), not a binding obligation read off the clause's "shall"."""
    note = build_note(assistant, "Our gillnet fleet drowns seabirds and sea ducks every winter. What do CMS and AEWA "
                                 "require of us, and what must we report?")
    points = [p.text for p in note.summary if "Annex 3, 4.3.7" in p.text]
    assert points and "bycatch in fishing gear" in points[0], [p.text[:120] for p in note.summary]
    assert points[0].startswith("A recommendation") and "“are urged”" in points[0], points[0][:160]


def test_leaving_a_convention_and_drafting_a_law_bring_the_clauses_a_desk_officer_expects(assistant) -> None:  # type: ignore[no-untyped-def]
    """Leaving the CBD: its withdrawal clauses, and the one that takes a Party out of its protocols with it (Art.
    38(3)), the answer to "what happens to the Nagoya Protocol". Drafting a wildlife bill: the duties a law gives
    effect to; a topic on neither asks nothing of the kind."""
    from mea_assistant.briefing.duties_governance import ALONG, LEGISLATION, STRICTER
    from mea_assistant.briefing.standing import standing_questions

    note = build_note(assistant, "leaving the CBD: notice, when it takes effect, and what happens to the Nagoya "
                                 "Protocol")
    refs = {(r.doc_id, r.ref) for r in note.references}
    assert {("cbd-convention-1992", "Art. 38(1)"), ("cbd-convention-1992", "Art. 38(3)")} <= refs, sorted(refs)
    # the summary says when each withdrawal takes effect before any review that only shares "after the entry into force"
    summarised = {(r.doc_id, r.ref) for p in note.summary for r in note.references if r.marker in p.markers}
    assert {("cbd-convention-1992", "Art. 38(2)"), ("nagoya-protocol-2010", "Art. 35(2)")} <= summarised, \
        sorted(summarised)
    assert ("cbd-convention-1992", "Art. 21(3)") not in summarised
    law = standing_questions("The Attorney General's drafting office is preparing a Wildlife Protection Bill")
    assert {LEGISLATION.question, STRICTER.question} <= set(law)
    assert not {ALONG.question, LEGISLATION.question} & set(standing_questions("reporting under CITES"))
    assert not {LEGISLATION.question} & set(standing_questions("An MP has tabled a parliamentary question on sharks"))


def test_the_same_topic_gives_the_same_note_in_every_process(built_settings) -> None:  # type: ignore[no-untyped-def]
    """A note drawn twice from one index is the same note: which named instruments a long topic searches one by one
    once depended on a set's order, which changes with the process's hash seed (set 66's note on shark fins dropped
    or kept the CMS Convention from run to run)."""
    import os
    import subprocess
    import sys

    topic = json.loads((Path(__file__).resolve().parent.parent / "evals" / "briefing-heldout-66.jsonl")
                       .read_text(encoding="utf-8").splitlines()[0])["topic"]
    notes = []
    for seed in ("1", "6"):  # two seeds under which the old code drew different notes
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-m", "mea_assistant.cli", "brief", topic, "--json", "--index",
                               str(built_settings.index_dir)],
                              env=env, capture_output=True, text=True, timeout=300,
                              cwd=Path(__file__).resolve().parent.parent)
        assert done.returncode == 0, done.stderr[-2000:]
        note = json.loads(done.stdout)
        notes.append([(r["doc_id"], r["ref"]) for r in note["references"]])
    assert notes[0] == notes[1]
    assert "cms-convention-1979" in {d for d, _ in notes[0]}


def test_on_what_terms_asks_for_conditions_not_the_use_of_terms_article(assistant) -> None:  # type: ignore[no-untyped-def]
    """ "on what terms must it be provided" asks the conditions of the transfer (CBD Art. 16(2) "on fair and most
    favourable terms"); its "terms" does not make the "Use of Terms" article a core provision of the note, whose
    whole list of definitions (regional economic integration organizations among them) then filled it."""
    from mea_assistant.briefing.subject import weighted_terms

    topic = ("Transfer of technology to developing countries under the CBD: on what terms must it be provided, and "
             "how are patents treated?")
    assert "term" not in weighted_terms(topic, assistant.index)
    refs = {r.ref for r in build_note(assistant, topic).references if r.doc_id == "cbd-convention-1992"}
    assert {"Art. 16(1)", "Art. 16(2)"} <= refs, sorted(refs)
    assert 'Art. 2, "Regional economic integration organization"' not in refs, sorted(refs)


def test_a_comparison_discusses_each_named_instrument_as_fully_as_the_first(assistant) -> None:  # type: ignore[no-untyped-def]
    """Asked to compare two named treaties, the note gives the second as many points as the first may take, not the
    second place's budget: the officer wants both sides. So does a note on two named treaties that say nearly as much
    on the topic (selection.EVEN_RATIO), asked to compare them or not."""
    from mea_assistant.briefing.selection import REFS_PER_DOC

    asked = ("how the wildlife trade convention and the migratory species convention decide what goes on their "
             "appendices, who may propose a listing, and how a country can opt out")
    compared = build_note(assistant, "Compare " + asked)
    plain = build_note(assistant, asked[0].upper() + asked[1:])
    cms = lambda note: sum(r.doc_id == "cms-convention-1979" for r in note.references)  # noqa: E731
    assert cms(compared) > REFS_PER_DOC[1] and cms(plain) > REFS_PER_DOC[1]
    assert {r.doc_id for r in compared.references} == {"cites-convention-1973", "cms-convention-1979"}
