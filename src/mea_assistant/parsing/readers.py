"""One reader per input format, each turning a file into `RawLine`s with layout hints.

Readers know file formats, not MEA numbering: everything about labels and paragraphs lives in
`structure.py`, so a PDF, a Word file and a text extraction of the same resolution parse alike.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ParseError
from . import labels
from .lines import RawLine
from .wordfile import read_docx

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf", ".docx", ".html", ".htm")
_FALLBACK_ENCODINGS = ("cp1252", "latin-1")


def _utf16(data: bytes) -> str | None:
    """"utf-16" (with a BOM), "utf-16-le"/"-be" (without: every other byte of ASCII text is NUL), or None.
    Word's "Unicode text" and Windows Notepad save UTF-16; its NUL bytes once got it reported as binary."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[:4096]
    half = len(sample) // 2
    if half < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, path: str) -> str:
    """UTF-16 when the bytes say so; UTF-8 (with or without BOM); then a Windows/Latin fallback, as older
    Secretariat exports use."""
    if not data.strip():
        raise ParseError(path, "the file is empty; add text or remove it from the corpus")
    encoding = _utf16(data)
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            raise ParseError(path, "the file looks like UTF-16 text but cannot be decoded; re-save it as UTF-8") \
                from None
    if b"\x00" in data[:4096]:
        raise ParseError(path, "the file looks binary (NUL bytes); save it as text, .pdf or .docx")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for enc in _FALLBACK_ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
        if controls <= len(text) // 200:
            return text
    raise ParseError(path, "the file is neither UTF-8 nor Windows-1252 text; re-save it as UTF-8")


_TAGS_ONLY_RE = re.compile(r"^(?:<[!/]?[A-Za-z][^<>]*>\s*)+$")  # `<meta http-equiv=...>`: markup, not text
# "... the receiving environment.2. Characteristics of ..." and "For the purposes of this Annex:1. “Domestic ...":
# a converter that lost the line break before a numbered paragraph glues its number onto the sentence before.
_GLUED_NUMBER_RE = re.compile(r"(?<=[a-z)][.:;])(?=(?:[1-9]|[1-3]\d)\.\s?[A-Z“\"])")
# "... shall order the return of the child forthwith.The judicial or administrative authority ...": the same loss
# before an unnumbered paragraph (a word of three or more small letters, a full stop, no space, then a capitalised
# word), on a line that opens no numbered item: in a numbered article the words glued after an item's sentence go
# on with that item. A sentence typed without its space reads the same, but texts print a space there;
# "U.S.A.The", "e.g.The" and "No.The" are not split.
_GLUED_SENTENCE_RE = re.compile(r"(?<=[a-z]{3}[.])(?=[A-Z][a-z]+[\s,])")


def _glued(body: str) -> re.Pattern[str] | None:
    """Where a text line holds paragraphs whose line breaks a converter lost: before a glued number, else (on a line
    that opens no numbered item) after a glued full stop; None for a heading, a table row or a line of one."""
    if body.startswith(("#", "|")):
        return None
    if _GLUED_NUMBER_RE.search(body):
        return _GLUED_NUMBER_RE
    if _GLUED_SENTENCE_RE.search(body) and not labels.detect(body):  # the label test only where a stop is glued
        return _GLUED_SENTENCE_RE
    return None


def _text_lines(text: str, markdown: bool, first_page: int = 0) -> list[RawLine]:
    """Lines with layout hints; a form feed (as pdftotext writes between pages) starts a new page."""
    lines: list[RawLine] = []
    blank = False
    page = first_page or (1 if "\f" in text else 0)
    for no, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        if "\f" in raw:
            page += raw.count("\f")
            raw = raw.replace("\f", "")
        if not raw.strip():
            blank = True
            continue
        stripped = raw.rstrip()
        indent = len(stripped) - len(stripped.lstrip(" \t"))
        body = stripped.strip()
        if _TAGS_ONLY_RE.match(body):
            continue
        glued = _glued(body)
        if glued is not None:
            first, *rest = glued.split(body)
            lines += [RawLine(text=first, indent=indent, blank_before=blank, lineno=no, page=page)]
            lines += [RawLine(text=piece, blank_before=True, lineno=no, page=page) for piece in rest]
            blank = False
            continue
        line = RawLine(text=body, indent=indent, blank_before=blank, lineno=no, page=page)
        if markdown:
            # "####Title" and "###9" (no space) are how several converters write headings; "#5" is not a heading.
            # "####- GENERAL PROVISIONS", "####: CFCs" are too (a title after a dash or colon), that mark left out,
            # and so are "###*Explanatory Notes:*" (emphasised) and "####: 1, 1, 1-Trichloroethane".
            heading = re.match(r"^(#{1,6})(?:\s+|(?=[A-Za-z])|(?<=##)(?=[\d*_])|(?<=##)(?=[-–—:]\s*[\w(]))(.*)$", body)
            if heading:
                line.heading, line.text = len(heading.group(1)), re.sub(r"^[-–—:]\s*", "", heading.group(2).strip())
            elif body.startswith("|"):
                line.table_row = True
            else:
                item = re.match(r"^[-*+]\s+(.*)$", body)
                if item and not re.match(r"^\*[^*]+\*", body):
                    line.bullet, line.text = True, item.group(1)
        lines.append(line)
        blank = False
    return lines


def mark_full_lines(lines: list[RawLine]) -> list[RawLine]:
    """Lines that fill the column: a sentence ending on one does not end its paragraph (typesetting fills
    every line of a paragraph but its last). Measured against the page's long lines, so two columns work."""
    lengths = sorted(len(l.text) for l in lines)
    if len(lengths) < 8:
        return lines
    wide = lengths[int(len(lengths) * 0.9)]
    for line in lines:
        line.full = len(line.text) >= 0.85 * wide
    return lines


def read_pdf(path: Path) -> list[str]:
    """The text of each page (pypdf keeps a page's text in content order: column by column)."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - pypdf is a dependency
        raise ParseError(str(path), "reading PDF needs the 'pypdf' package") from exc
    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise ParseError(str(path), f"corrupt PDF ({exc}); re-export it or remove it") from exc
    if not "".join(pages).strip():
        raise ParseError(str(path), "the PDF has no text layer (scanned?); run OCR first")
    return pages


def read_html(text: str, path: Path) -> list[RawLine]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    for tag in soup(["script", "style", "nav", "footer", "header", "noscript"]):
        tag.decompose()
    lines: list[RawLine] = []
    for el in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "pre"]):
        if el.name != "tr" and el.find_parent(["li", "tr"]) is not None and el.name != "li":
            continue
        if el.name == "tr":
            cells = [c.get_text(" ", strip=True) for c in el.find_all(["td", "th"])]
            lines.append(RawLine(text="| " + " | ".join(cells) + " |", table_row=True, blank_before=True))
            continue
        body = el.get_text(" ", strip=True)
        if not body:
            continue
        level = int(el.name[1]) if el.name[0] == "h" and el.name[1:].isdigit() else None
        lines.append(RawLine(text=body, heading=level, bullet=el.name == "li", blank_before=True))
    if not lines:
        body = soup.get_text("\n")
        return _text_lines(body, markdown=False)
    return lines


def read_lines(path: Path) -> list[RawLine]:
    """Read any supported file into raw lines; raise ParseError naming the file on anything unreadable."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ParseError(str(path), f"unsupported file type '{suffix}'; use one of {', '.join(SUPPORTED_SUFFIXES)}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(str(path), f"cannot read the file ({exc.strerror})") from exc
    if not data.strip():
        raise ParseError(str(path), "the file is empty; add text or remove it from the corpus")
    if suffix == ".pdf":
        if not data.startswith(b"%PDF"):
            raise ParseError(str(path), "not a PDF file (no %PDF header); re-export it")
        lines: list[RawLine] = []
        for number, page in enumerate(read_pdf(path), 1):
            lines += mark_full_lines(_text_lines(page, markdown=False, first_page=number))
        return lines
    if suffix == ".docx":
        if not data.startswith(b"PK"):
            raise ParseError(str(path), "not a Word .docx file (not a zip); re-save it as .docx")
        return read_docx(path)
    text = decode_bytes(data, str(path))
    if suffix in (".html", ".htm"):
        return read_html(text, path)
    lines = _text_lines(text, markdown=suffix == ".md")
    if not lines:
        raise ParseError(str(path), "the file has no text")
    return lines
