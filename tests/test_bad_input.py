"""Bad files get an error naming the file and the reason; other formats are read for real."""

from __future__ import annotations

from pathlib import Path

import pytest

from mea_assistant.errors import ParseError
from mea_assistant.parsing import parse_file


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "empty"),
    ("blank.md", b"\n \n\t\n", "empty"),
    ("binary.txt", b"\x00\x01\x02binary\x00" * 50, "binary"),
    ("broken.pdf", b"%PDF-1.4\nthis is not really a pdf", "corrupt PDF"),
    ("notpdf.pdf", b"hello, I am text", "not a PDF"),
    ("broken.docx", b"PK\x03\x04 truncated zip", "corrupt Word"),
    ("notdocx.docx", b"plain text", "not a Word"),
    ("sheet.xlsx", b"PK\x03\x04", "unsupported file type"),
])
def test_bad_files_raise_parse_error_naming_file(tmp_path, name, data, reason):
    path = _write(tmp_path, name, data)
    with pytest.raises(ParseError) as err:
        parse_file(path)
    assert name in str(err.value) and reason in str(err.value)


def test_windows_1252_text_is_decoded_with_fallback(tmp_path):
    text = "1. The Parties shall co\u2011operate \u2013 \u201cwise use\u201d of wetlands.\n2. Second paragraph.\n"
    path = _write(tmp_path, "cp1252-res.txt", text.replace("\u2011", "-").encode("cp1252"))
    doc = parse_file(path)
    assert [p.ref for p in doc.paragraphs] == ["para. 1", "para. 2"]
    assert "\u201cwise use\u201d" in doc.paragraphs[0].text


def test_docx_headings_and_numbered_paragraphs(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Resolution 99.1 Test Cooperation", level=1)
    document.add_paragraph("Recalling the importance of cooperation,")
    document.add_paragraph("1. Requests the Secretariat to report; and")
    document.add_paragraph("2. Urges Parties to:")
    document.add_paragraph("(a) designate focal points;")
    path = tmp_path / "res-99-1.docx"
    document.save(str(path))
    doc = parse_file(path)
    refs = {p.ref: p for p in doc.paragraphs}
    assert refs["para. 2(a)"].text == "designate focal points;"
    assert refs["para. 2(a)"].lead_in.startswith("Urges Parties")
    assert refs["PP1"].kind == "preamble"


def test_html_is_read_without_scripts(tmp_path):
    html = ("<html><head><script>alert(1)</script></head><body><h2>Article 3</h2>"
            "<p>1. Each Party shall designate a wetland.</p><p>2. Parties shall report.</p></body></html>")
    doc = parse_file(_write(tmp_path, "treaty.html", html.encode()))
    assert [p.ref for p in doc.paragraphs] == ["Art. 3(1)", "Art. 3(2)"]
    assert all("alert" not in p.text for p in doc.paragraphs)


def _minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a real text layer, written by hand (no PDF writer is installed)."""
    content = "BT /F1 11 Tf 50 750 Td 14 TL " + " ".join(f"({l}) Tj T*" for l in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = "%PDF-1.4\n", []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode("latin-1")


def test_pdf_text_layer_with_wrapped_lines_and_footer(tmp_path):
    pdf = _minimal_pdf(["1. The Meeting of the Signatories should adopt a", "Conservation Plan at its first session.",
                        "2. Signatories should report.", "Page 1 of 1"])
    doc = parse_file(_write(tmp_path, "mou.pdf", pdf))
    assert [p.ref for p in doc.paragraphs] == ["para. 1", "para. 2"]
    assert doc.paragraphs[0].text == "The Meeting of the Signatories should adopt a Conservation Plan at its first session."
