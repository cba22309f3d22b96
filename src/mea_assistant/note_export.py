"""Briefing notes as Markdown, HTML (the app's Briefing tab) and Word: one layout, three renderers.

Layout: title; date, index version and scope; Summary; By instrument (one heading per instrument, one per
officer's heading under it); Open points; References, numbered, each with display name, the quoted words and
the document's source address. In Word the headings use Word's own heading styles, points are bullets, and
each marker [n] is a link to its reference (a bookmark in the numbered list at the end), so the file opens
ready to edit and send. HTML escapes every string from the corpus (see export.esc).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from .export import esc
from .types import Note, NoteSection, Point

_MARKER = re.compile(r"\[(\d+)\]")
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _groups(note: Note) -> Iterator[tuple[str, list[NoteSection]]]:
    """The sections by instrument, grouped under the instrument's name, in the note's order."""
    current: list[NoteSection] = []
    name = ""
    for section in note.sections:
        if not section.instrument:
            continue
        title = section.heading.split(": ")[0]
        if current and title != name:
            yield name, current
            current = []
        name = title
        current.append(section)
    if current:
        yield name, current


def _kind_title(section: NoteSection) -> str:
    return section.heading.split(": ", 1)[-1]


def _open(note: Note) -> list[Point]:
    return [p for s in note.sections if not s.instrument for p in s.points]


# ----- Markdown -----------------------------------------------------------------------------------------------
def _md(text: str) -> str:
    """Backslash-escape the Markdown characters that could turn corpus text into links, HTML or emphasis;
    the note's own [n] markers stay as they are."""
    escaped = re.sub(r"([\\`*_\[\]<>])", r"\\\1", _one_line(text))
    return re.sub(r"\\\[(\d+)\\\]", r"[\1]", escaped)


def note_markdown(note: Note) -> str:
    out = [f"# Briefing note: {_md(note.topic)}", "",
           f"*{_md(note.generated.replace('T', ' '))} · index {_md(note.index_version)}*", "",
           f"**Scope:** {_md(note.scope)}", "", "## Summary", ""]
    out += [f"- {_md(p.text)}" for p in note.summary] or ["- Nothing in the indexed documents addresses this topic."]
    groups = list(_groups(note))
    if groups:
        out += ["", "## By instrument"]
    for name, sections in groups:
        out += ["", f"### {_md(name)}"]
        for section in sections:
            out += ["", f"#### {_md(_kind_title(section))}", ""]
            out += [f"- {_md(p.text)}" for p in section.points]
    out += ["", "## Open points", ""]
    out += [f"- {_md(p.text)}" for p in _open(note)] or ["- None found."]
    out += ["", "## References", ""]
    for r in note.references:
        source = f" — source: <{r.url}>" if r.url else ""
        out.append(f"[{r.marker}] **{_md(r.display)}**: “{_md(r.quote)}”{source}  ")
    return "\n".join(out).rstrip() + "\n"


# ----- HTML (the Briefing tab) -----------------------------------------------------------------------------------
def _html_points(points: list[Point]) -> str:
    def linked(text: str) -> str:
        return _MARKER.sub(lambda m: f'<a class="mea-marker" href="#note-ref-{m.group(1)}">[{m.group(1)}]</a>',
                           esc(_one_line(text)))
    return "<ul>" + "".join(f"<li>{linked(p.text)}</li>" for p in points) + "</ul>"


def note_html(note: Note) -> str:
    out = [f'<div class="mea-note"><h2>Briefing note: {esc(note.topic)}</h2>',
           f'<p class="mea-note-meta">{esc(note.generated.replace("T", " "))} · index {esc(note.index_version)}</p>',
           f"<p><strong>Scope:</strong> {esc(note.scope)}</p>", "<h3>Summary</h3>",
           _html_points(note.summary) if note.summary else "<p>Nothing in the indexed documents addresses this topic."
                                                           "</p>"]
    groups = list(_groups(note))
    if groups:
        out.append("<h3>By instrument</h3>")
    for name, sections in groups:
        out.append(f"<h4>{esc(name)}</h4>")
        for section in sections:
            out.append(f"<h5>{esc(_kind_title(section))}</h5>{_html_points(section.points)}")
    out.append("<h3>Open points</h3>" + (_html_points(_open(note)) if _open(note) else "<p>None found.</p>"))
    out.append('<h3>References</h3><ol class="mea-refs">')
    for r in note.references:
        source = f' <a href="{esc(r.url)}" rel="noopener" target="_blank">source</a>' \
            if r.url.startswith(("https://", "http://")) else ""
        notes = "".join(f"<li>{esc(n)}</li>" for n in r.footnotes)
        out.append(f'<li id="note-ref-{r.marker}" value="{r.marker}"><strong>{esc(r.display)}</strong>{source}'
                   f"<br><q>{esc(_one_line(r.quote))}</q>"
                   + (f'<ol class="mea-footnotes" title="Footnotes of this paragraph">{notes}</ol>' if notes else "")
                   + "</li>")
    out.append("</ol></div>")
    return "".join(out)


# ----- Word -----------------------------------------------------------------------------------------------------
def _clean(text: str) -> str:
    """python-docx refuses control characters that PDF extraction sometimes leaves behind."""
    return _XML_INVALID.sub("", _one_line(text))


def _anchor_link(paragraph, anchor: str, label: str) -> None:  # type: ignore[no-untyped-def]
    """A superscript marker that jumps to the bookmark `anchor` (the reference at the end)."""
    _link(paragraph, label, [("w:vertAlign", "superscript")], anchor=anchor)


def _url_link(paragraph, url: str, label: str) -> None:  # type: ignore[no-untyped-def]
    from docx.opc.constants import RELATIONSHIP_TYPE

    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    _link(paragraph, label, [("w:color", "0563C1"), ("w:u", "single")], rel=rel)


def _link(paragraph, label: str, formats: list[tuple[str, str]], anchor: str = "",  # type: ignore[no-untyped-def]
          rel: str = "") -> None:
    """A Word hyperlink run (python-docx has no API for one): to a bookmark or to a relationship's URL."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    link = OxmlElement("w:hyperlink")
    if anchor:
        link.set(qn("w:anchor"), anchor)
        link.set(qn("w:history"), "1")
    if rel:
        link.set(qn("r:id"), rel)
    run, props = OxmlElement("w:r"), OxmlElement("w:rPr")
    for tag, value in formats:
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        props.append(element)
    run.append(props)
    text = OxmlElement("w:t")
    text.text = label
    run.append(text)
    link.append(run)
    paragraph._p.append(link)


def _bookmark(paragraph, number: int, name: str) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    paragraph._p.insert(0, start)
    paragraph._p.append(end)


def _point(doc, point: Point) -> None:  # type: ignore[no-untyped-def]
    para = doc.add_paragraph(style="List Bullet")
    text = _clean(point.text)
    at = 0
    for m in _MARKER.finditer(text):
        if m.start() > at:
            para.add_run(text[at:m.start()])
        _anchor_link(para, f"ref_{m.group(1)}", f"[{m.group(1)}]")
        at = m.end()
    if at < len(text):
        para.add_run(text[at:])


def note_docx(note: Note, path: str | Path) -> Path:
    """Word export: heading styles, bullets, markers linked to a numbered reference list with source links."""
    from docx import Document as DocxDocument
    from docx.shared import Pt

    path = Path(path)
    doc = DocxDocument()
    doc.core_properties.title = _clean(f"Briefing note: {note.topic}")
    doc.core_properties.subject = _clean(note.topic)
    doc.core_properties.comments = _clean(f"Index {note.index_version}")
    doc.add_heading(_clean(f"Briefing note: {note.topic}"), level=0)
    meta = doc.add_paragraph()
    meta.add_run(_clean(f"{note.generated.replace('T', ' ')} · index {note.index_version}")).italic = True
    scope = doc.add_paragraph()
    scope.add_run("Scope: ").bold = True
    scope.add_run(_clean(note.scope))
    doc.add_heading("Summary", level=1)
    for point in note.summary:
        _point(doc, point)
    groups = list(_groups(note))
    if groups:
        doc.add_heading("By instrument", level=1)
    for name, sections in groups:
        doc.add_heading(_clean(name), level=2)
        for section in sections:
            doc.add_heading(_clean(_kind_title(section)), level=3)
            for point in section.points:
                _point(doc, point)
    doc.add_heading("Open points", level=1)
    for point in _open(note):
        _point(doc, point)
    doc.add_heading("References", level=1)
    for r in note.references:
        para = doc.add_paragraph()
        para.paragraph_format.left_indent = Pt(22)
        para.paragraph_format.first_line_indent = Pt(-22)
        para.add_run(f"[{r.marker}] ").bold = True
        para.add_run(_clean(r.display)).bold = True
        para.add_run(": ")
        para.add_run(_clean(f"“{r.quote}”")).italic = True
        if r.url.startswith(("https://", "http://")):
            para.add_run(" — source: ")
            _url_link(para, r.url, r.url)
        _bookmark(para, r.marker, f"ref_{r.marker}")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path
