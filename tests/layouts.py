"""Publish a parsed corpus document the way secretariats do, as PDF and as Word, for the layout tests.

PDF (reportlab): A4, two columns, a running header and "Page n of m" footer on every page, the title block
across the top of page 1, paragraphs set line by line with long words hyphenated at the end of a column line.
Word (python-docx): Title and Heading styles, paragraph numbers from a numbering definition (`1.`, `(a)`,
`(i)`, restarting in each article) rather than typed, tables as Word tables, running header and page field.
"""

from __future__ import annotations

import re
from pathlib import Path

from mea_assistant.types import Document, Paragraph


def label_of(ref: str) -> tuple[str, int] | None:
    """The label a paragraph was printed with, and its Word list level, from its ref: `para. 14` -> ("14.", 0),
    `Art. III(4)(b)` -> ("(b)", 1), `Art. I(1)(c)(ii)` -> ("(ii)", 2), `Art. I(1)(c)(2)` -> ("(2)", 3).
    None for unnumbered paragraphs (PP3, ¶2, Annex 1)."""
    ref = ref.split(": ")[-1]
    groups = re.findall(r"\(([^()]+)\)", ref)
    head = re.sub(r"\(.*$", "", ref).strip()
    if m := re.fullmatch(r"para\. (\d+)", head):
        groups = [m.group(1), *groups]
    if groups:
        last = groups[-1]
        if len(groups) == 1 and last.isdigit():
            return f"{last}.", 0
        parent = groups[-2] if len(groups) > 1 else ""
        if last.isdigit():
            return f"({last})", 3
        if re.fullmatch(r"[ivx]+", last) and (len(last) > 1 or re.fullmatch(r"[a-z]", parent)):
            return f"({last})", 2
        return f"({last})", 1
    if re.fullmatch(r"[A-D]\d{1,2}|\d{1,2}(?:\.\d{1,3})+|(?:Goal|Objective|Target) [\d.]+", ref):
        return ref if " " in ref else f"{ref}.", 0
    return None


def reading_order(doc: Document) -> list[tuple[str, str | Paragraph]]:
    """("heading", text) and ("para", paragraph) in reading order: each heading where it first opens."""
    out: list[tuple[str, str | Paragraph]] = []
    previous: tuple[str, ...] = ()
    for p in doc.paragraphs:
        common = 0
        while common < min(len(previous), len(p.section)) and previous[common] == p.section[common]:
            common += 1
        groups = p.lead_in.split(" > ") if p.kind == "table" and p.lead_in else []
        out += [("heading", h) for h in p.section[common:len(p.section) - len(groups)] if h != doc.title]
        out.append(("para", p))
        previous = p.section
    return out


def _hyphenate(word: str, room: int) -> tuple[str, str] | None:
    """Split a long word so its head plus "-" fits in `room` characters (3+ letters on each side)."""
    if len(word) < 8 or not word.isalpha() or room < 4:
        return None
    cut = min(room - 1, len(word) - 3)
    return (word[:cut] + "-", word[cut:]) if cut >= 3 else None


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        while True:
            candidate = f"{line} {word}".strip()
            if len(candidate) <= width:
                line = candidate
                break
            split = _hyphenate(word, width - len(line) - (1 if line else 0))
            if split:
                lines.append(f"{line} {split[0]}".strip())
                line, word = "", split[1]
                continue
            lines.append(line)
            line = ""
            if len(word) > width:
                lines.append(word)
                break
    if line:
        lines.append(line)
    return lines


def write_pdf(doc: Document, path: Path, running_header: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    width, height = A4
    margin, gap, size, leading = 50, 20, 9, 11
    col_w = (width - 2 * margin - gap) / 2
    chars = int(col_w / (size * 0.5))  # Helvetica averages about half its size per character
    lines: list[str] = []
    order = reading_order(doc)
    # The title block (headings and cover lines above the first paragraph) runs across the top of page 1.
    first = next((i for i, (k, it) in enumerate(order) if k == "para" and it.kind != "front-matter"), 0)
    block = [str(it) if k == "heading" else it.text for k, it in order[:first]]
    for kind, item in order[first:]:
        if kind == "heading":
            lines += ["", *_wrap(str(item), chars)]
            continue
        assert isinstance(item, Paragraph)
        label = label_of(item.ref)
        text = f"{label[0]} {item.text}" if label else item.text
        lines += ["", *[w for part in text.split("\n") for w in _wrap(part, chars)]]
    per_col = int((height - 2 * margin - 40) / leading)
    first_col = per_col - (len(block) + 1) * (leading + 4) // leading - 1
    pages = [lines[:2 * first_col]] + [lines[i:i + 2 * per_col] for i in range(2 * first_col, len(lines), 2 * per_col)]
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number, page in enumerate(pages, 1):
        pdf.setFont("Helvetica", 8)
        pdf.drawString(margin, height - 30, running_header)
        pdf.drawString(width / 2 - 20, 25, f"Page {number} of {len(pages)}")
        pdf.setFont("Helvetica", size)
        top = height - margin - 20
        if number == 1:
            for text in ([] if doc.title in block else [doc.title]) + block:
                pdf.drawString(margin, top, text)
                top -= leading + 4
        rows = first_col if number == 1 else per_col
        for col in range(2):
            x = margin + col * (col_w + gap)
            y = top
            for line in page[col * rows:(col + 1) * rows]:
                pdf.drawString(x, y, line)
                y -= leading
        pdf.showPage()
    pdf.save()


def _numbering(document) -> None:  # type: ignore[no-untyped-def]
    """An abstract list `1.` / `(a)` / `(i)` (numId 90), as a secretariat's resolution template defines."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate([("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)"),
                                         ("decimal", "(%4)")]))
    numbering.insert(0, parse_xml(f'<w:abstractNum {w} w:abstractNumId="90">{levels}</w:abstractNum>'))


def _new_list(document, num_id: int) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document.part.numbering_part.element.append(parse_xml(
        f'<w:num {w} w:numId="{num_id}"><w:abstractNumId w:val="90"/>'
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))


def _table(document, item: Paragraph) -> None:  # type: ignore[no-untyped-def]
    """A table paragraph as a Word table: a header row of column names, the group rows (ANATIDAE, a family)
    as cells merged across the table, then one row per record with each cell under its column."""
    records = [r for r in item.text.split("\n") if r]
    labelled = all(": " in c for r in records for c in r.split(" | ") if c) and " | " in item.text or all(
        re.match(r"^[A-Z][\w ]{0,20}: ", r) for r in records)
    if labelled:
        columns = list(dict.fromkeys(c.split(": ", 1)[0] for r in records for c in r.split(" | ")))
    else:
        columns = ["", ""]  # records without column names: the first word (a family) and the rest
    table = document.add_table(rows=0, cols=len(columns))
    if labelled:
        for cell, name in zip(table.add_row().cells, columns):
            cell.text = name
    for group in (item.lead_in.split(" > ") if item.lead_in else []):
        row = table.add_row().cells
        merged = row[0].merge(row[-1]) if len(row) > 1 else row[0]
        merged.text = group
    for record in records:
        row = table.add_row().cells
        if not labelled:
            first, _, rest = record.partition(" ")
            row[0].text, row[1].text = first, rest
            continue
        for part in record.split(" | "):
            name, _, value = part.partition(": ")
            row[columns.index(name)].text = value


def write_docx(doc: Document, path: Path, running_header: str) -> None:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = running_header
    footer = document.sections[0].footer.paragraphs[0]
    footer.text = "Page "
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    footer._p.append(parse_xml(f'<w:fldSimple {w} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    _numbering(document)
    document.add_paragraph(doc.title, style="Title")
    num_id = 100
    _new_list(document, num_id)
    used = False
    for kind, item in reading_order(doc):
        if kind == "heading":
            document.add_paragraph(str(item), style="Heading 2")
            continue
        assert isinstance(item, Paragraph)
        if item.kind == "table":
            _table(document, item)
            continue
        label = label_of(item.ref)
        if label and label[1] == 0 and label[0] in ("1.", "(1)") and used:
            num_id += 1  # a list that starts again at 1 (each Article) is a new list instance in Word
            _new_list(document, num_id)
        used = used or bool(label)
        para = document.add_paragraph(item.text.replace("\n", " "))
        if label:
            p_pr = para._p.get_or_add_pPr()
            p_pr.append(parse_xml(f'<w:numPr {w}><w:ilvl w:val="{label[1]}"/>'
                                  f'<w:numId w:val="{num_id}"/></w:numPr>'))
    document.save(str(path))


def same_paragraphs(clean: Document, other: Document, *, skip_tables: bool = False) -> tuple[int, int]:
    """(clean paragraphs found with the same ref and the same words in `other`, clean paragraphs counted)."""
    def words(text: str) -> str:
        return " ".join(text.split())

    found = {(p.ref, words(p.text)) for p in other.paragraphs}
    counted = [p for p in clean.paragraphs if not (skip_tables and p.kind == "table")]
    return sum((p.ref, words(p.text)) in found for p in counted), len(counted)
