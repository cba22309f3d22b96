"""Real layouts: corpus texts published as PDF (two columns, running header, "Page n of m", hyphenated line
ends) and as Word (numbering styles, tables, header and footer) parse to the same paragraphs as the clean text.

PDF tables are left out of the PDF comparison: pypdf's text has no cell boundaries, so a table set in a PDF is
only lines of words (their sentences still survive, see test_documents). Word tables are compared cell for cell.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS
from layouts import same_paragraphs, write_docx, write_pdf
from mea_assistant.parsing import parse_file

pytest.importorskip("reportlab", reason="the PDF layout test writes PDFs with reportlab (pip install -e '.[dev]')")

# A resolution, an MOU and three treaties with articles, nested sub-paragraphs and (Word) appendix tables.
DOCUMENTS = {
    "cms-res-11-10-synergies-partnerships.txt": "UNEP/CMS/Resolution 11.10 (Rev.COP14)",
    "sharks-mou-2010.txt": "CMS/Sharks/MOS1/Doc.1 - Memorandum of Understanding on Migratory Sharks",
    "cms-convention-1979.md": "Convention on the Conservation of Migratory Species of Wild Animals",
    "ramsar-convention-1971.md": "Convention on Wetlands (Ramsar, Iran, 1971)",
    "nagoya-protocol-2010.md": "Nagoya Protocol on Access and Benefit-sharing",
}
REPORT: dict[str, dict[str, tuple[int, int]]] = {"pdf": {}, "docx": {}}


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple]:
    folder = tmp_path_factory.mktemp("published")
    out = {}
    for name, header in DOCUMENTS.items():
        clean = parse_file(CORPUS / name)
        stem = Path(name).stem
        write_pdf(clean, folder / f"{stem}.pdf", header)
        write_docx(clean, folder / f"{stem}.docx", header)
        out[name] = (clean, parse_file(folder / f"{stem}.pdf"), parse_file(folder / f"{stem}.docx"))
    return out


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_published_layouts_give_the_clean_paragraphs(published, fmt):
    total_same = total = 0
    for name, (clean, pdf, docx) in published.items():
        same, counted = same_paragraphs(clean, pdf if fmt == "pdf" else docx, skip_tables=fmt == "pdf")
        REPORT[fmt][name] = (same, counted)
        assert same / counted >= 0.9, f"{name} as {fmt}: only {same}/{counted} paragraphs as in the clean text"
        total_same, total = total_same + same, total + counted
    share = total_same / total
    print(f"\n{fmt}: {total_same}/{total} paragraphs equal the clean text's ({share:.1%}); per document: "
          + ", ".join(f"{n.split('.')[0]} {s}/{c}" for n, (s, c) in REPORT[fmt].items()))
    assert share >= 0.95


def test_pdf_furniture_is_removed_and_listed(published):
    clean, pdf, _ = published["cms-res-11-10-synergies-partnerships.txt"]
    pages = [d for d in pdf.dropped if d.reason == "page number"]
    headers = [d for d in pdf.dropped if d.reason.startswith("running header")]
    assert len(pages) >= 3 and len(headers) == len(pages)
    assert all(d.page for d in pages) and all(d.text == "UNEP/CMS/Resolution 11.10 (Rev.COP14)" for d in headers)
    assert not any("Page 2 of" in p.text for p in pdf.paragraphs)
    assert pdf.citation_name == clean.citation_name and pdf.symbol == clean.symbol


def test_pdf_line_end_hyphens_are_undone_and_compounds_kept(published):
    _, pdf, _ = published["cms-convention-1979.md"]
    text = " ".join(p.text for p in pdf.paragraphs)
    assert "pro-tectors" not in text and "protectors of the migratory species" in text
    assert "non-governmental" in text or "nongovernmental" not in text


def test_word_numbering_and_tables(published):
    clean, _, docx = published["cms-convention-1979.md"]
    refs = {p.ref for p in docx.paragraphs}
    assert {"Art. I(1)(c)(2)", "Art. III(4)(b)", "Art. IX(4)(a)(i)"} <= refs
    table = next(p for p in docx.paragraphs if p.kind == "table" and "Tadarida brasiliensis" in p.text)
    assert table.ref == next(p.ref for p in clean.paragraphs if p.kind == "table" and "Tadarida" in p.text)
