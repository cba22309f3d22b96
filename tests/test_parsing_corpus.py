"""Parsing the shipped corpus: every numbering style and every extraction defect named in the ingest issue."""

from __future__ import annotations

import re

import pytest

from conftest import containing, para
from mea_assistant.parsing.cleaning import TIMEFRAME_RE


def test_every_document_parses_with_unique_refs(corpus_docs):
    assert len(corpus_docs) == 12
    for doc in corpus_docs.values():
        refs = [p.ref for p in doc.paragraphs]
        assert len(refs) == len(set(refs)), doc.doc_id
        assert all(p.text.strip() for p in doc.paragraphs)


@pytest.mark.parametrize("doc_id,ref,start", [
    ("cms-res-11-10-synergies-partnerships", "para. 14", "Welcomes the joint work programme"),   # 14.
    ("cms-capacity-building-target-9", "para. 18", "According to Objective 3"),                  # 18)
    ("cms-capacity-building-target-9", "5.8", "The Secretariat shall endeavour"),               # 5.8)
    ("cms-capacity-building-target-9", "4.1.4", "Conduct regular technical"),                   # 4.1.4)
    ("cms-cites-jwp-2012-2014", "A1", "On-going update of the concordance list"),               # A1.
    ("cms-cites-jwp-2012-2014", "B8", "CMS/CITES Secretariats to organize trilateral"),         # B.8 (stray dot)
    ("dugong-mou-mos3-spms", "(a)", "Endorse the SPMS"),                                        # a) under Action requested
    ("cites-convention-1973", "Art. I(a)", "“Species” means"),                                  # (a)
    ("cites-convention-1973", "Art. I(b)(ii)", "in the case of an animal"),                     # (ii) under (b)
    ("cms-convention-1979", "Art. I(1)(c)(2)", "the range of the migratory species"),           # (1) under c)
    ("cms-convention-1979", "Art. III(4)(b)", "to prevent, remove, compensate for"),            # Article III, 4., b)
    ("cms-convention-1979", "Art. IX(4)(a)(i)", "of the Conference of the Parties"),            # (i) after a), not letter i
    ("ramsar-convention-1971", "Art. 10 bis(1)", "This Convention may be amended"),             # Article 10 bis
    ("aewa-agreement-1995", "Annex 3, 2.1.1(a)", "prohibit the taking of birds and eggs"),      # 2.1.1 then a) in an annex
    ("sharks-mou-2010", "para. 3(d)(i)", "population dynamics data relative"),                  # i) under d)
    ("cites-cooperation-response-2025", "Objective 5.1", "Parties and the Secretariat support"),
])
def test_numbering_styles(corpus_docs, doc_id, ref, start):
    assert para(corpus_docs[doc_id], ref).text.startswith(start)


def test_sub_paragraph_keeps_parent_lead_in(corpus_docs):
    p = para(corpus_docs["cms-convention-1979"], "Art. III(4)(b)")
    assert "Parties that are Range States" in p.lead_in and "shall endeavour" in p.lead_in
    assert not p.text.startswith("Parties")  # the lead-in is context, not part of the quoted text


def test_pdf_line_wrap_footer_and_detached_bullets(corpus_docs):
    doc = corpus_docs["dugong-mou-mos3-spms"]
    p8 = para(doc, "para. 8")
    assert p8.text.startswith("The close interaction") and p8.text.rstrip().endswith("(NBSAPs).")
    assert all("Page 3 of 3" not in p.text for p in doc.paragraphs)
    assert all(p.text.strip() not in ("•", "") for p in doc.paragraphs)
    # Quoted material (paragraphs 3-6 of Res. 11.2, behind detached bullets) stays inside paragraph 3.
    p3 = para(doc, "para. 3")
    assert "Paragraph 6, “Requests the [CMS] Secretariat" in p3.text and "Paragraph 3, “Urges" in p3.text
    assert para(doc, "para. 4").text.startswith("The Dugong MOU includes a detailed")


def test_paragraph_broken_by_page_or_cell_break(corpus_docs):
    jwp = corpus_docs["cms-cites-jwp-2012-2014"]
    assert "second joint meeting of the parties to the CMS Memorandum of Understanding on the West African " \
           "elephant (CMS MoU)" in " ".join(para(jwp, "B1").text.split())
    res = corpus_docs["cms-res-11-10-synergies-partnerships"]
    assert len(containing(res, "UNESCO) World Heritage Convention, the Ramsar Convention")) == 1


def test_work_programme_table_residue(corpus_docs):
    jwp = corpus_docs["cms-cites-jwp-2012-2014"]
    for p in jwp.paragraphs:
        assert not TIMEFRAME_RE.match(p.text.strip()), p.ref
        assert "Description of envisaged joint activities" not in p.text
        assert not re.search(r"\bOn-going\s*$", p.text), p.ref
    assert para(jwp, "B1").meta["timeframe"] == "2012-2014"
    assert para(jwp, "A5").meta["timeframe"] == "2012-13"
    assert para(jwp, "D3").meta["timeframe"] == "On-going"
    assert para(jwp, "B5").meta["timeframe"].startswith("Will depend on decisions")
    b5 = para(jwp, "B5").text
    assert "Will depend" not in b5 and "This will be informed by the results of a study" in b5


def test_run_together_preamble_and_definitions(corpus_docs):
    cms = corpus_docs["cms-convention-1979"]
    preamble = [p for p in cms.paragraphs if p.kind == "preamble"]
    assert len(preamble) >= 6 and preamble[0].ref == "PP1"
    assert preamble[0].text.startswith("Recognizing that wild animals")
    assert cms.acting_body == "The Contracting Parties"
    cbd = corpus_docs["cbd-convention-1992"]
    (biotech,) = containing(cbd, '"Biotechnology" means any technological application')
    assert "Biological resources" not in biotech.text and biotech.ref.startswith("Art. 2")


def test_markdown_emphasis_and_dead_links_read_as_plain_words(corpus_docs):
    doc = corpus_docs["cites-cooperation-response-2025"]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "](#)" not in text and "**" not in text and "[Resolution" not in text
    assert "Resolution Conf. 18.3" in text


def test_no_layout_junk_anywhere(corpus_docs):
    for doc in corpus_docs.values():
        for p in doc.paragraphs:
            assert "](#)" not in p.text and not re.fullmatch(r"!\d+", p.text.strip())
            assert not re.fullmatch(r"(?i)page \d+ of \d+", p.text.strip())
            assert not re.fullmatch(r"[\s|:-]+", p.text)


def test_document_metadata(corpus_docs):
    res = corpus_docs["cms-res-11-10-synergies-partnerships"]
    assert res.citation_name == "CMS Res. 11.10 (Rev.COP14)" and res.doc_type == "resolution"
    assert res.acting_body and res.acting_body.startswith("The Conference of the Parties")
    assert "2024" in (res.date or "")
    assert corpus_docs["cites-convention-1973"].citation_name == "CITES Convention"
    assert corpus_docs["dugong-mou-mos3-spms"].citation_name == "Dugong MOU MOS3 doc"
    assert corpus_docs["sharks-mou-2010"].doc_type == "mou"
    assert corpus_docs["cms-cites-jwp-2012-2014"].doc_type == "work-programme"
    assert corpus_docs["cites-cooperation-response-2025"].doc_type == "correspondence"
