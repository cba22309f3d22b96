"""Files -> `Document`s with labelled paragraphs and metadata that says where each value came from."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from dataclasses import replace
from typing import Any, Iterable

from ..errors import ParseError
from ..exchanges import heading_title, is_exchange, names_instrument, title_from_notes
from ..language import detect_language
from ..metadata import detect_conventions, detect_doc_type, head_text, own_instrument
from ..naming import citation_name, distinct_names
from ..overrides import override_digest, override_for
from ..titleblock import head_date, read_title_block, title_in_text
from ..types import Document, Dropped, Paragraph
from .cleaning import normalise_for_match
from .readers import SUPPORTED_SUFFIXES, read_lines
from .structure import build_paragraphs

__all__ = ["parse_file", "SUPPORTED_SUFFIXES", "is_document_file", "source_digest", "distinct_names"]


def is_document_file(path: Path) -> bool:
    """README files describe the corpus; they are not documents."""
    return path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES and not path.stem.lower().startswith(
        ("readme", ".")) and not path.name.startswith((".", "~$"))


def source_digest(path: Path) -> str:
    """The file's bytes and its override entry: what a parse of it depends on."""
    digest = hashlib.sha256(Path(path).read_bytes())
    digest.update(override_digest(path).encode())
    return digest.hexdigest()


def parse_file(path: Path, overrides: dict[str, Any] | None = None) -> Document:
    """Parse one file; `overrides` defaults to its entry in the folder's documents.toml."""
    path = Path(path)
    lines = read_lines(path)
    wrapped = path.suffix.lower() in (".txt", ".pdf")
    paragraphs, info = build_paragraphs(path.stem, lines, wrapped)
    if not paragraphs:
        raise ParseError(str(path), "no paragraphs of text were found; check the file's contents")
    body = "\n".join(p.text for p in paragraphs)
    language = detect_language(body)
    first_line = next((l.text for l in lines if l.text.strip()), path.stem)
    text = "\n".join(l.text for l in lines)
    block = read_title_block(info["headings"], [l.text for l in lines[:15]], text, language, first_line)
    title, provenance = block.title, {"title": "title block", "language": "text"}
    own_title = title_in_text(block, [p.section for p in paragraphs], language)
    if own_title:
        title, provenance["title"] = own_title, "heading in the text"
    exchange = is_exchange(body)
    if exchange and not own_title and (title in block.foreign or not names_instrument(title)):
        # an exchange of notes under a database's title or a letterhead: the agreement the notes constitute
        if from_notes := title_from_notes(body):
            title, provenance["title"] = from_notes, "the notes"
        block.date = block.date or head_date(re.sub(r"(?<=\d)(?=[A-Za-z])", " ", paragraphs[0].text[:300]))
        block.date_source = block.date_source or ("the first note" if block.date else "")
    if provenance["title"] == "title block" and title in block.foreign and (
            attached := heading_title([p.section for p in paragraphs], block.foreign)):
        title, provenance["title"] = attached, "heading in the text"  # what an exchange of numbered notes agrees
    paragraphs, replaced = _own_title_heads(paragraphs, title, block.foreign)
    paragraphs = _title_lines(paragraphs, title)
    why = "title in another language than the text's (the treaty's own title heads its sections)"
    info["dropped"] += [Dropped(text=h, reason=why) for h in replaced]
    raw_head = "\n".join(l.text for l in lines[:12])
    head = raw_head + "\n\n" + head_text(paragraphs, title)
    doc_type = "agreement" if exchange and provenance["title"] == "the notes" else detect_doc_type(title, head, body)
    headings = next((p.section for p in paragraphs[:8] if len(p.section) >= 2), ())
    if doc_type == "resolution" and len(headings) >= 2 and title == headings[0]:
        title = headings[-1]  # "SYNERGIES AND PARTNERSHIPS" under the convention's name in the title block
    own = own_instrument(title) if doc_type in ("convention", "protocol", "agreement", "mou") else None
    conventions = detect_conventions(title, head, body, own, standalone=doc_type == "convention")
    name, provenance["name"] = citation_name(title, raw_head, conventions, doc_type, own, block.symbol, block.session)
    if block.short and title == block.title and not own:  # "ReCAAP Agreement" over its spelled-out title
        name = block.short
    doc = Document(
        doc_id=path.stem, title=title, citation_name=name, conventions=conventions, doc_type=doc_type,
        date=block.date, source_path=str(path), paragraphs=paragraphs, acting_body=info["acting_body"],
        symbol=block.symbol, adopted_by=block.adopted_by, session=block.session, language=language,
        instrument=own, short_name=name, dropped=info["dropped"])
    provenance.update({"type": "text", "conventions": "data file" if own else "text"})
    for key, value in (("date", block.date_source or None), ("symbol", block.symbol and "title block"),
                       ("adopted_by", block.adopted_by and "title block"), ("session", block.session and "title block")):
        if value:
            provenance[key] = value
    doc.provenance = provenance
    apply_overrides(doc, override_for(path) if overrides is None else overrides)
    return doc


def _own_title_heads(paragraphs: list[Paragraph], title: str, foreign: frozenset[str]
                     ) -> tuple[list[Paragraph], list[str]]:
    """A treaty database's own-language title over the treaty ("Verdrag inzake ..." over "Convention on ...")
    heads no paragraph's section: the treaty's title does, as in the sources panel and the embedded context.
    Returns the paragraphs and the titles replaced (listed as dropped, never lost silently)."""
    heading = (foreign - {title}) & {s for p in paragraphs for s in p.section}
    if not heading:
        return paragraphs, []
    return [replace(p, section=_once(title if s in heading else s for s in p.section))
            if heading & set(p.section) else p for p in paragraphs], sorted(heading)


_HEAD_PARAGRAPHS = 5


def _title_lines(paragraphs: list[Paragraph], title: str) -> list[Paragraph]:
    """The title printed as a line of its own under the organisation's name ("INTERNATIONAL LABOUR CONFERENCE",
    then "Convention (No. 70) concerning social security for seafarers") names the text; it provides nothing, so it
    is kept as front matter (shown, never preferred to an article that answers)."""
    own = normalise_for_match(title)
    return [replace(p, kind="front-matter") if i < _HEAD_PARAGRAPHS and p.kind == "operative" and p.ref.startswith("¶")
            and normalise_for_match(p.text) == own else p for i, p in enumerate(paragraphs)]


def _once(section: Iterable[str]) -> tuple[str, ...]:
    """The section path without a heading repeated next to itself (the title in place of the foreign title,
    above the title again)."""
    out: list[str] = []
    for heading in section:
        if not out or out[-1] != heading:
            out.append(heading)
    return tuple(out)


def apply_overrides(doc: Document, fields: dict[str, Any]) -> None:
    """documents.toml wins over what the text says; each overridden field is marked "override"."""
    for key, value in fields.items():
        if key == "name":
            doc.citation_name = doc.short_name = value
        elif key == "convention":
            doc.conventions = tuple([value] if isinstance(value, str) else value)
        elif key == "type":
            doc.doc_type = value
        else:
            setattr(doc, key, value)
        doc.provenance[{"convention": "conventions"}.get(key, key)] = "override"
