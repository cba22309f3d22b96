"""Documents as they come (issue 11): named after themselves, nothing dropped silently, parts kept apart,
tables as records, footnotes beside the text, overrides with their provenance."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import CORPUS, containing, para
from mea_assistant.chunking import chunk_paragraph
from mea_assistant.errors import MeaError
from mea_assistant.naming import distinct_names
from mea_assistant.parsing import is_document_file, parse_file
from mea_assistant.parsing.cleaning import normalise_for_match
from survival import lost_sentences

CORPUS_FILES = sorted(p for p in CORPUS.iterdir() if is_document_file(p))

# Display names of the shipped documents: each named after the document itself.
NAMES = {
    "aewa-agreement-1995": "AEWA",
    "cbd-convention-1992": "CBD",
    "cites-convention-1973": "CITES Convention",
    "cites-cooperation-response-2025": "CITES Secretariat response 2025",
    "cms-capacity-building-target-9": "CMS Strategic Plan, Target 9",
    "cms-cites-jwp-2012-2014": "CMS-CITES Joint Work Programme 2012-2014",
    "cms-convention-1979": "CMS Convention",
    "cms-res-11-10-synergies-partnerships": "CMS Res. 11.10 (Rev.COP14)",
    "dugong-mou-mos3-spms": "Dugong MOU MOS3 doc",
    "nagoya-protocol-2010": "Nagoya Protocol",
    "ramsar-convention-1971": "Ramsar Convention",
    "sharks-mou-2010": "Sharks MOU",
}


@pytest.mark.parametrize("path", CORPUS_FILES, ids=[p.name for p in CORPUS_FILES])
def test_every_sentence_of_the_source_survives(corpus_docs, path):
    lost = lost_sentences(path, corpus_docs[path.stem])
    assert not lost, f"{path.name}: {len(lost)} sentence(s) in no paragraph and not listed as dropped: {lost[:5]}"


def test_a_sentence_repeated_in_the_body_is_text_not_furniture(corpus_docs):
    sharks = corpus_docs["sharks-mou-2010"]
    line = "subsidiary bodies. For future sessions, such participation should be subject to the rules of procedure."
    for ref in ("para. 22", "para. 23"):
        assert line in " ".join(para(sharks, ref).text.split())
    assert not any("subsidiary bodies" in d.text for d in sharks.dropped)


def test_furniture_is_listed_with_its_reason(corpus_docs):
    jwp = corpus_docs["cms-cites-jwp-2012-2014"].dropped
    assert sum(d.text.startswith("Description of envisaged joint activities") for d in jwp) == 6
    assert all("column header" in d.reason for d in jwp if d.text.startswith("Description"))
    dugong = corpus_docs["dugong-mou-mos3-spms"].dropped
    assert any(d.text == "Page 3 of 3" and d.reason == "page number" for d in dugong)
    nagoya = corpus_docs["nagoya-protocol-2010"]
    notes = [d for d in nagoya.dropped if d.text.startswith("Treedt in werking")]
    assert len(notes) >= 30 and all("under every heading" in d.reason for d in notes)
    assert not any("Treedt" in p.text for p in nagoya.paragraphs)


def test_footnotes_are_a_field_of_their_paragraph_never_in_the_quote(corpus_docs):
    aewa = corpus_docs["aewa-agreement-1995"]
    p = para(aewa, "Annex 3, 4.3.7")
    assert "minimise the impact of fisheries on migratory waterbirds" in p.text
    assert "aquaculture" not in p.text
    assert any("“fisheries” includes aquaculture" in n for n in p.footnotes)
    sharks = corpus_docs["sharks-mou-2010"]
    (p9,) = containing(sharks, "precautionary approach1")
    assert p9.ref == "para. 9" and any("Rio Declaration" in n for n in p9.footnotes)
    assert not any("Rio Declaration" in p.text for p in sharks.paragraphs)


def test_notes_printed_together_are_each_their_own_paragraph(corpus_docs):
    # The CITES Appendices print their notes and annotations on one line ("<sup>1</sup> Population of Argentina ...
    # <sup>#14</sup> All parts and derivatives ..."): each is its own paragraph, labelled with its marker.
    cites = corpus_docs["cites-convention-1973"]
    ivory = para(cites, "App. I, II and III, note 6")
    assert ivory.text.startswith("Populations of Botswana, Namibia, South Africa and Zimbabwe")
    assert "the Standing Committee can decide to cause this trade to cease" in ivory.text
    assert "VICUÑA" not in ivory.text and "Logs, sawn wood" not in ivory.text
    assert ivory.kind == "note"  # weighed as context by the second stage, like a preamble
    assert para(cites, "App. I, II and III, note #5").text == "Logs, sawn wood and veneer sheets."
    assert not [p.ref for p in cites.paragraphs if "VICUÑA-ARGENTINA" in p.text and "VICUÑA-CHILE" in p.text]


def test_each_annex_is_its_own_part(corpus_docs):
    sharks = corpus_docs["sharks-mou-2010"]
    annex1, annex2 = para(sharks, "Annex 1"), para(sharks, "Annex 2")
    assert "Rhincodon typus" in annex1.text and "Africa: 2" not in annex1.text
    assert "Africa: 2" in annex2.text and "Rhincodon" not in annex2.text


def test_a_heading_stays_with_the_paragraph_it_heads(corpus_docs):
    doc = corpus_docs["cites-cooperation-response-2025"]
    (p,) = containing(doc, "International Air Transport Association (IATA)")
    assert "transport conditions of CITES specimens" in p.text


def test_table_rows_are_records_with_their_column_headers(corpus_docs):
    cites = corpus_docs["cites-convention-1973"]
    (bovidae,) = [p for p in cites.paragraphs if p.kind == "table" and "Addax nasomaculatus" in p.text]
    rows = bovidae.text.split("\n")
    assert "Appendix I: Addax nasomaculatus" in rows
    assert "Appendix II: Ammotragus lervia" in rows
    assert any(r.startswith("Appendix III: Antilope cervicapra") for r in rows)
    aewa = corpus_docs["aewa-agreement-1995"]
    assert any("– Southern Africa | A: 1b | B: 2a 2c" in p.text for p in aewa.paragraphs if p.kind == "table")


def test_a_note_row_of_a_listing_is_quotable_text_not_a_group(corpus_docs):
    """The row "(For all of the following Appendix-I species, seedling or tissue cultures ... are not subject to the
    provisions of the Convention ...)" under ORCHIDACEAE is a note of the listing: a record of the orchids'
    paragraph, not the header of a group named "(For" whose words only a lead-in carries."""
    cites = corpus_docs["cites-convention-1973"]
    (orchids,) = [p for p in cites.paragraphs if p.kind == "table" and "Aerangis ellisii" in p.text]
    assert "seedling or tissue cultures obtained in vitro" in orchids.text
    assert orchids.ref.endswith("ORCHIDACEAE") and not any("(For" in p.ref for p in cites.paragraphs)


def test_a_long_table_is_chunked_between_rows(corpus_docs):
    cites = corpus_docs["cites-convention-1973"]
    table = max((p for p in cites.paragraphs if p.kind == "table"), key=lambda p: len(p.text))
    chunks = chunk_paragraph(cites, table, max_tokens=120, overlap=20)
    assert len(chunks) > 1
    rows = set(table.text.split("\n"))
    for chunk in chunks:
        assert set(chunk.text.split("\n")) <= rows, "a chunk starts or ends mid-row"


def test_every_document_is_named_after_itself(corpus_docs):
    names = {doc_id: doc.citation_name for doc_id, doc in corpus_docs.items()}
    assert names == NAMES
    assert len(set(names.values())) == len(names)
    assert not any("..." in doc.title or "..." in doc.citation_name for doc in corpus_docs.values())


def test_metadata_comes_from_the_title_block(corpus_docs):
    res = corpus_docs["cms-res-11-10-synergies-partnerships"]
    assert res.symbol == "UNEP/CMS/Resolution 11.10 (Rev.COP14)"
    assert res.adopted_by == "Conference of the Parties" and res.session == "14th Meeting"
    assert res.date == "Samarkand, February 2024" and res.provenance["date"] == "title block"
    cms = corpus_docs["cms-convention-1979"]
    assert cms.date == "Bonn on 23 June 1979" and cms.provenance["date"] == "closing formula"
    assert cms.instrument == "CMS" and cms.provenance["name"] == "data file"
    sharks = corpus_docs["sharks-mou-2010"]
    assert sharks.instrument == "Sharks MOU" and sharks.conventions[0] == "Sharks MOU"
    assert all(doc.language == "en" for doc in corpus_docs.values())


def _copy(src: Path, folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copyfile(src, target)
    return target


@pytest.mark.parametrize("heading, ref", [("Transitional Article", "Transitional Article"),
                                          ("Artículo único", "Artículo único")])
def test_an_article_named_by_what_it_is_is_its_own_article(tmp_path, heading, ref):
    # Tlatelolco prints "####Transitional Article" after Art. 31 with no number: not Art. 31's second paragraph
    path = tmp_path / "treaty-of-test-1967.md"
    path.write_text("## Treaty of Test\n\n### Article 1\n\n1. The Parties shall test.\n\n2. The Parties shall report.\n\n"
                    "### Article 2\n\nThis Treaty shall be registered with the Secretary-General.\n\n"
                    f"####{heading}\n\nDenunciation of the declaration shall take effect on the date of its delivery.\n",
                    encoding="utf-8")
    refs = {p.ref: p.text for p in parse_file(path).paragraphs}
    assert refs.get(ref, "").startswith("Denunciation of the declaration"), refs
    assert refs["Art. 2"].startswith("This Treaty shall be registered")


def test_a_chapter_heading_at_its_articles_level_stays_over_them(tmp_path):
    # the Hallmarking Convention (and 40 other fixtures): "### I", "####SCOPE AND OPERATION", "### Article 1"; the final
    # clauses print each article's title before it ("####Withdrawal", "### Article 14")
    path = tmp_path / "test-convention-1972.md"
    path.write_text("## Convention on Testing\n\nThe States, desiring to test, have agreed as follows:\n\n### I\n\n####SCOPE AND OPERATION\n\n### Article 1\n\n"
                    "1. Articles shall be tested.\n\n2. Nothing shall be untested.\n\n### Article 2\n\n"
                    "Each State shall test.\n\n### II\n\n####CONTROL\n\n### Article 3\n\nTests shall be controlled.\n\n"
                    "####Withdrawal\n\n### Article 4\n\nAny State may withdraw.\n", encoding="utf-8")
    doc = parse_file(path)
    sections = {p.ref: p.section[1:] for p in doc.paragraphs}
    assert sections["Art. 1(2)"] == ("I", "SCOPE AND OPERATION", "Article 1")
    assert sections["Art. 2"] == ("I", "SCOPE AND OPERATION", "Article 2")
    assert sections["Art. 3"] == ("II", "CONTROL", "Article 3")
    assert sections["Art. 4"] == ("II", "Withdrawal", "Article 4")
    assert not [d.text for d in doc.dropped if "no paragraph under" in d.reason]


def test_the_date_is_the_documents_own(tmp_path):
    # a recital's "done at Montego Bay on 10 December 1982" is UNCLOS's date, "DONE in duplicate at" the agreement's;
    # "Protocol additional to the Geneva Conventions of 12 August 1949" is dated by its closing formula, not its title
    path = tmp_path / "pipeline-agreement-2005.md"
    path.write_text("## Agreement relating to a pipeline\n\nThe Governments, Recognising the rules reflected in the "
                    "United Nations Convention on the Law of the Sea, done at Montego Bay Jamaica on 10 December 1982; "
                    "Have agreed as follows:\n\n### Article 1\n\nThe pipeline shall be built.\n\nIN WITNESS WHEREOF "
                    "the undersigned have signed this Agreement. DONE in duplicate at The Hague, this 21th day of "
                    "March 2005, in the English language.\n", encoding="utf-8")
    assert parse_file(path).date == "The Hague, this 21th day of March 2005"
    path = tmp_path / "emblem-protocol-2005.md"
    path.write_text("## Protocol additional to the Geneva Conventions of 12 August 1949, and relating to the Adoption "
                    "of an Additional Distinctive Emblem\n\n### Article 1\n\nThis Protocol supplements the "
                    "Conventions.\n", encoding="utf-8")
    assert parse_file(path).date is None
    # the database's Dutch title dates the Convention this agreement supplements; its name stops where the title goes
    # on to say when that Convention was opened for signature; "DONE at Strasbourg, the 25th day of January 1988"
    path = tmp_path / "road-signs-agreement-1971.md"
    path.write_text("##Europese Overeenkomst tot aanvulling van het Verdrag inzake verkeerstekens dat op 8 november 1968 "
                    "te Wenen voor ondertekening werd opengesteld\n\n####European Agreement supplementing the Convention "
                    "on Road Signs and Signals opened for signature at Vienna on 8 November 1968\n\n### Article 1\n\n"
                    "The Parties shall use the signs.\n\nIN WITNESS WHEREOF the undersigned have signed this Agreement. "
                    "DONE at Strasbourg, the 1st day of May 1971, in English and French.\n", encoding="utf-8")
    doc = parse_file(path)
    assert (doc.date, doc.doc_type) == ("Strasbourg, the 1st day of May 1971", "agreement")
    assert doc.citation_name == "European Agreement supplementing the Convention on Road Signs and Signals"


def test_annexes_headed_with_their_treaty_and_roman_sections_numbered_below(tmp_path):
    """An annex headed "Annex 2 to the Agreement between ..." is Annex 2, not more of Annex 1; a roman section heading
    in an annex ("###*II*") followed by numbered paragraphs parses (it stopped the parse, v52); a title cut at its
    colon is not named up to a dangling "for" (since v63 it is named by its parties, bilateral.py)."""
    title = ("Agreement between the Norwegian Government and the Netherlands Government regarding compensation for: "
             "1. Certain Norwegian bonds lost during the Second World War. 2. War damage to the Seamen's Home")
    path = tmp_path / "bonds-agreement-1958.md"
    path.write_text(f"####{title}\n\n### Article  I  \n\nThe owner of a lost bond shall notify the loss.\n\n"
                    "IN WITNESS WHEREOF the undersigned have signed the present Agreement. DONE at Oslo, on 30th June, "
                    f"1958.\n\n####Annex 1 to the {title[:60]}\n\n###*I*\n\nDemand for compensation is submitted for "
                    "these bonds.\n\n###*II*\n\nThe Ministry will make a settlement on the following lines:\n\n"
                    "1. Drawn bonds: payment of the face value.\n\n2. Undrawn bonds: purchase at the average rate.\n\n"
                    f"####Annex 2 to the {title[:60]}\n\n###*I*\n\nBonds issued by Norges Kommunalbank.\n\n"
                    "###*II*\n\nBonds issued by Akershus County.\n", encoding="utf-8")
    doc = parse_file(path)
    refs = {p.text: p.ref for p in doc.paragraphs}
    assert refs["Undrawn bonds: purchase at the average rate."] == "Annex 1(II)(2)"
    assert refs["Bonds issued by Akershus County."] == "Annex 2(II)"
    assert doc.citation_name == "Norwegian-Netherlands Agreement regarding compensation"  # by its parties (v63)


def test_a_text_printed_after_the_signatures_is_a_part_of_its_own(tmp_path):
    # the COSPAS-SARSAT Agreement prints a model letter after its closing formula, the Anti-doping Convention the
    # prohibited list (classes "### S0" .. "### P2"); signatures set as headings open no part
    path = tmp_path / "test-agreement-1988.md"
    path.write_text("## Agreement on Testing\n\n### Article 1\n\nThe Parties shall test.\n\n### Article 2\n\n"
                    "1. This Agreement shall enter into force on signature.\n\n2. It may be denounced.\n\n"
                    "IN WITNESS WHEREOF the undersigned have signed this Agreement. DONE at Paris, 1 July 1988.\n\n"
                    "####For the Kingdom of the Netherlands:\n\nJ. Smith\n\n"
                    "####Standard Letter of Notification of association with the Programme\n\n### 1\n\n"
                    "####DEFINITIONS\n\nThe Signatory means the State notifying.\n\n### 2\n\n### 2.1\n\n"
                    "The Signatory may terminate its association.\n\nIN WITNESS WHEREOF the undersigned has signed this "
                    "letter. DONE at ..........\n\n####The 2014 prohibited list World Anti-Doping Code\n\n### S3\n\n"
                    "####Beta-2 agonists\n\nAll beta-2 agonists are prohibited.\n", encoding="utf-8")
    refs = {p.ref: p.text for p in parse_file(path).paragraphs}
    assert refs["Art. 2(2)"] == "It may be denounced."
    assert refs["Standard Letter, 2.1"] == "The Signatory may terminate its association."
    assert refs["2014 prohibited list, S3"] == "All beta-2 agonists are prohibited."
    assert not any(ref.startswith("For ") for ref in refs), refs


def test_sections_numbered_within_an_article_are_the_articles(tmp_path):
    # the Bretton Woods drafting (IDB, IMF and the funds modelled on them): "Article II" then "Section 1. ..."
    path = tmp_path / "fund-agreement-1992.md"
    path.write_text("## Agreement Establishing the Test Fund\n\n### Article I\n\n#### Purpose\n\n"
                    "The purpose of the Fund is to test.\n\n### Article II\n\n#### Contributions\n\n"
                    "###Section 1. Instruments of Contribution.\n\na) Each Donor shall deposit an instrument.\n\n"
                    "b) Payments shall be made in five installments.\n\n###Section 2. Payments.\n\n"
                    "Payments shall be made in a freely convertible currency.\n\n### Article III\n\n"
                    "###Section 1. General.\n\nThe Fund shall operate three Facilities.\n", encoding="utf-8")
    refs = {p.ref: p.text for p in parse_file(path).paragraphs}
    assert refs.get("Art. II, Section 1(b)", "").startswith("Payments shall be made in five"), sorted(refs)
    assert refs.get("Art. II, Section 2", "").startswith("Payments shall be made in a freely"), sorted(refs)
    assert refs.get("Art. III, Section 1", "").startswith("The Fund shall operate"), sorted(refs)


def test_two_documents_with_one_name_are_made_distinct(tmp_path):
    a = parse_file(_copy(CORPUS / "cms-convention-1979.md", tmp_path, "cms-convention-1979.md"))
    b = parse_file(_copy(CORPUS / "cms-convention-1979.md", tmp_path, "cms-convention-copy.md"))
    docs = {a.doc_id: a, b.doc_id: b}
    notes = distinct_names(docs)
    assert len(notes) == 1 and "CMS Convention" in notes[0]
    assert a.citation_name != b.citation_name
    assert {a.citation_name, b.citation_name} == {"CMS Convention (cms-convention-1979)",
                                                  "CMS Convention (cms-convention-copy)"}


def test_overrides_win_and_say_so(tmp_path):
    path = _copy(CORPUS / "sharks-mou-2010.txt", tmp_path, "sharks-mou-2010.txt")
    (tmp_path / "documents.toml").write_text(
        '[document.sharks-mou-2010]\nname = "Sharks MOU (2010 text)"\nstatus = "superseded"\n'
        'source_url = "https://example.org/sharks"\nconvention = ["Sharks MOU", "CMS"]\n', encoding="utf-8")
    doc = parse_file(path)
    assert doc.citation_name == "Sharks MOU (2010 text)" and doc.status == "superseded"
    assert doc.conventions == ("Sharks MOU", "CMS") and doc.source_url == "https://example.org/sharks"
    assert {doc.provenance[k] for k in ("name", "status", "source_url", "conventions")} == {"override"}
    assert doc.provenance["title"] == "title block"


@pytest.mark.parametrize("content,message", [
    ('[document.x]\ncolour = "red"\n', "unknown key 'colour'"),
    ('[document.x]\ntype = "poem"\n', "type 'poem'"),
    ('[document.x]\nlanguage = "xx"\n', "language 'xx'"),
    ("[document.x\n", "not valid TOML"),
])
def test_a_bad_overrides_file_is_one_line_naming_it(tmp_path, content, message):
    path = _copy(CORPUS / "sharks-mou-2010.txt", tmp_path, "x.txt")
    (tmp_path / "documents.toml").write_text(content, encoding="utf-8")
    with pytest.raises(MeaError) as err:
        parse_file(path)
    assert "documents.toml" in str(err.value) and message in str(err.value) and "\n" not in str(err.value)


def test_the_shipped_overrides_give_source_urls(corpus_docs):
    for doc in corpus_docs.values():
        assert doc.source_url and doc.source_url.startswith("https://"), doc.doc_id
        assert doc.provenance["source_url"] == "override"


def test_paragraphs_dropped_lists_what_was_removed(built_settings, capsys):
    from mea_assistant.cli import main

    assert main(["paragraphs", "cms-cites-jwp-2012-2014", "--dropped", "--index", str(built_settings.index_dir)]) == 0
    out = capsys.readouterr().out
    assert "6 line(s) dropped" in out and "table column header" in out
    assert main(["docs", "--index", str(built_settings.index_dir)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"name\s+CMS Convention\s+\(data file\)", out)
    assert re.search(r"source_url\s+https://\S+\s+\(override\)", out)


def test_normalised_quotes_of_the_eval_set_still_hold_for_headed_paragraphs(corpus_docs):
    """The IATA paragraph now starts with its heading; a quote from its body is still found verbatim."""
    doc = corpus_docs["cites-cooperation-response-2025"]
    quote = normalise_for_match("to facilitate and strengthen cooperation")
    assert sum(quote in normalise_for_match(p.text) for p in doc.paragraphs) == 1


def test_a_treaty_between_named_parties_is_named_by_them() -> None:
    """A long title drafted "between" named parties names the treaty by them, its kind and its subject up to the first
    break, as delegates cite it (bilateral.py): never 225 characters of "the Government of the Kingdom of ...". A title
    naming no parties keeps its own name."""
    fixtures = Path(__file__).resolve().parent / "fixtures"
    names = {
        "unseen52/china-tax-agreement-2013": "Netherlands-China Agreement for the avoidance of double taxation",
        "unseen46/bank-taxes-convention-2013": "Netherlands-United Kingdom Convention for the avoidance of double "
                                               "taxation",
        "unseen57/aruba-australia-taxing-rights-agreement-2009": "Netherlands (Aruba)-Australia Agreement for the "
                                                                 "allocation of taxing rights",
        "unseen40/un-technical-assistance-agreement-1967": "Netherlands-United Nations et al. Agreement concerning "
                                                           "technical assistance to Surinam",
        "unseen57/manoeuvres-germany-agreement-1993": "Agreement to implement paragraph 1 of article 45 of the "
                                                      "Agreement of 3 August 1959",
    }
    for stem, name in names.items():
        assert parse_file(fixtures / f"{stem}.md").citation_name == name
