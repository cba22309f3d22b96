"""Files -> `Document`s with labelled paragraphs."""

from __future__ import annotations

from pathlib import Path

from ..errors import ParseError
from ..metadata import citation_name, detect_conventions, detect_date, detect_doc_type, head_text
from ..types import Document
from .readers import SUPPORTED_SUFFIXES, read_lines
from .structure import build_paragraphs

__all__ = ["parse_file", "SUPPORTED_SUFFIXES", "is_document_file"]


def is_document_file(path: Path) -> bool:
    """README files describe the corpus; they are not documents."""
    return path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES and not path.stem.lower().startswith(
        ("readme", ".")) and not path.name.startswith((".", "~$"))


def parse_file(path: Path) -> Document:
    path = Path(path)
    lines = read_lines(path)
    wrapped = path.suffix.lower() in (".txt", ".pdf")
    paragraphs, info = build_paragraphs(path.stem, lines, wrapped)
    if not paragraphs:
        raise ParseError(str(path), "no paragraphs of text were found; check the file's contents")
    first_line = next((l.text for l in lines if l.text.strip()), path.stem)
    title = info["title"] or (first_line if len(first_line) <= 120 else first_line[:117].rsplit(" ", 1)[0] + "...")
    raw_head = "\n".join(l.text for l in lines[:12])
    head = raw_head + "\n\n" + head_text(paragraphs, title)
    body = "\n".join(p.text for p in paragraphs)
    conventions = detect_conventions(title, head, body)
    doc_type = detect_doc_type(title, head, body)
    headings = next((p.section for p in paragraphs[:8] if len(p.section) >= 2), ())
    if doc_type == "resolution" and len(headings) >= 2 and title == headings[0]:
        title = headings[-1]  # "SYNERGIES AND PARTNERSHIPS" under the convention's name in the title block
    return Document(
        doc_id=path.stem,
        title=title,
        citation_name=citation_name(title, raw_head, conventions, doc_type, path.stem),
        conventions=conventions,
        doc_type=doc_type,
        date=detect_date(head + "\n" + body[-3000:]),
        source_path=str(path),
        paragraphs=paragraphs,
        acting_body=info["acting_body"],
    )
