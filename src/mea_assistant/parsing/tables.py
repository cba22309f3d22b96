"""Table rows -> paragraphs of records, each cell carrying its column header.

Annex tables (species lists, categories, appendix listings) arrive as `| cell | cell |` rows, from markdown,
HTML or Word. The row above the table's separator (`|---|---|`) names the columns; every cell of a row
keeps its column's name, so a CITES listing row reads "Appendix I: Addax nasomaculatus" instead of a bare
name whose appendix was only a position on the page. Headers that number a group ("Appendices" over
"I | II | III") are read as "Appendix I", "Appendix II", ... A row is aligned to the last columns when it
has fewer cells than the header (converters drop the leading empty cells).

In a table of several columns, a row with a single cell is a group header (`| ANATIDAE |`, `| *Dendrocygna
bicolor* |`): the rows under it become one paragraph named after it, one record per line, with the header path
as section and lead-in. A table of one column (a list of countries) is one record per row. A plain row with only
its first cell filled is an entry, not a header, when a row of the same shape follows it (`| Austria | --- | --- |`
over `| Belgium | --- | --- |`: members that pay nothing) or when nothing follows it: no row is lost as a header
of nothing.
"""

from __future__ import annotations

import re

from .cleaning import is_table_separator, strip_inline_markup
from .items import Item, word_count

_EMPTY_RE = re.compile(r"^(?:---|:?-+:?)?$")
MAX_HEADER_WORDS = 12  # a group header names a group ("ORCHIDACEAE Orchids"); a longer single cell is a note
_NUMERAL_RE = re.compile(r"^(?:[IVXLC]{1,6}|\d{1,3}|[A-Z])$")


def _cells(row: str) -> list[str]:
    return [c.strip() for c in row.strip().strip("|").split("|")]


def _singular(word: str) -> str:
    """The label a numbered column group gives one column: "Appendices" -> "Appendix", "Columns" -> "Column"."""
    lower = word.lower()
    if lower.endswith("ices"):
        return word[:-4] + ("ix" if word[-4:].islower() else "IX")
    if lower.endswith("ies"):
        return word[:-3] + "y"
    if lower.endswith("s") and not lower.endswith("ss"):
        return word[:-1]
    return word


def column_labels(header: list[str]) -> list[str]:
    """Header cells -> labels: empty stays empty; a bare numeral under a word header is qualified by it."""
    labels: list[str] = []
    group = ""
    for raw in header:
        cell = strip_inline_markup(raw)
        if _EMPTY_RE.match(cell):
            labels.append("")
        elif _NUMERAL_RE.match(cell) and group:
            labels.append(f"{_singular(group)} {cell}")
        else:
            labels.append(cell)
            if not _NUMERAL_RE.match(cell):
                group = cell
    # A group word over numbered columns labels no cell of its own.
    return ["" if label and label == group and any(l.startswith(_singular(group) + " ") for l in labels) else label
            for label in labels]


# An annotation's mark after a listed name ("Aquilaria spp. <sup>#14</sup>"): it says which annotation of the
# appendices applies to the row, so the record's paragraph keeps it, line by line, in `meta["annotations"]` (the text
# stays the words printed). A numbered note's mark follows the population it qualifies ("Only the populations of
# Argentina<sup>1</sup> ..., Chile<sup>2</sup>"): kept with that word ("1:Argentina"), which a question names; one
# printed after the listed name itself ("Batagur borneoensis <sup>7</sup>") qualifies the species: kept as "7".
_ANNOTATION_MARK = re.compile(r"(?:\b([A-Z][^\W\d_]+)\W{0,2})?<sup>\s*(#?\d+)\s*</sup>")


def annotation_marks(cells: list[str]) -> str:
    """`["*Aquilaria * * spp.* <sup>#14</sup>", ...]` -> `#14`; `["... Argentina<sup>1</sup> ..."]` -> `1:Argentina`;
    `["*Batagur borneoensis* <sup>7</sup>"]` -> `7` (several marks space-separated, none "")."""
    return " ".join(f"{mark}:{word}" if word and not mark.startswith("#") else mark
                    for cell in cells for word, mark in _ANNOTATION_MARK.findall(cell))


def record(cells: list[str], labels: list[str]) -> str:
    """`["Addax nasomaculatus", "", ""]` under `["Appendix I", ...]` -> `Appendix I: Addax nasomaculatus`."""
    aligned = labels[len(labels) - len(cells):] if len(cells) <= len(labels) else [""] * len(cells)
    parts = []
    for cell, label in zip(cells, aligned):
        text = strip_inline_markup(cell)
        if _EMPTY_RE.match(text):
            continue
        parts.append(f"{label}: {text}" if label else text)
    return (" | " if any(labels) else " ").join(parts)


def _content(row: str) -> list[str]:
    return [text for text in map(strip_inline_markup, _cells(row)) if not _EMPTY_RE.match(text)]


def _entry_not_header(row: str, following: str | None) -> bool:
    """A plain first-column row is an entry when nothing follows it, or when the next row is one just like it.

    A header heads rows; one at the table's end heads nothing and was a row. A run of rows that each fill only their
    first cell, in plain type, across the table's whole width ("| Austria | --- | --- |" over "| Belgium | --- | --- |")
    is a list of entries without values: headers are set apart (capitals, italics, a closing colon) or stand over
    rows of another shape.
    """
    cells = _cells(row)
    if not _plain_first(cells):
        return False
    if following is None:
        return True
    after = _cells(following)
    return len(cells) == len(after) > 1 and _plain_first(after) and len(_content(following)) == 1


def _plain_first(cells: list[str]) -> bool:
    text = strip_inline_markup(cells[0])
    return bool(text) and not _EMPTY_RE.match(text) and not cells[0].startswith("*") and not text.isupper() \
        and not text.endswith(":")


def table_items(rows: list[str], container: str, section: tuple[str, ...]) -> list[Item]:
    """One item per group of rows under a header cell, in order; rows before any header form their own group."""
    items: list[Item] = []
    group_name, group_lines, header_path = "", [], []
    group_marks: list[str] = []  # each line's annotation marks
    labels: list[str] = []
    if len(rows) >= 2 and is_table_separator(rows[1]) and not is_table_separator(rows[0]):
        labels = column_labels(_cells(rows[0]))
        rows = rows[2:]

    def emit() -> None:
        if group_lines:
            item = Item(lines=list(group_lines), parts=[], container=container, section=section + tuple(header_path),
                        lead_in=" > ".join(header_path), kind="table")
            if any(group_marks):
                item.meta["annotations"] = "\n".join(group_marks)
            if group_name:
                item.parts = [("named", group_name)] if not container else []
                if container:
                    item.container = f"{container}, {group_name}"
            items.append(item)

    # A table of one column throughout (a list of countries) has no group headers: each row is a record.
    grouped = len(labels) > 1 or any(len(_cells(row)) > 1 for row in rows if not is_table_separator(row))
    body = [row for row in rows if not is_table_separator(row)]
    for n, row in enumerate(body):
        raw_cells = _cells(row)
        content = _content(row)
        if not content:
            continue
        single = grouped and len(content) == 1
        first_raw = next(c for c in raw_cells if not _EMPTY_RE.match(strip_inline_markup(c)))
        italic = single and first_raw.startswith("*")
        # a sentence in a row of its own ("(For all of the following Appendix-I species, seedling ... are not
        # subject to the provisions of the Convention ...)") is a note of the listing, kept as text to quote
        is_header = single and word_count(content[0]) <= MAX_HEADER_WORDS and \
            (not italic or content[0].isupper() or word_count(content[0]) == 1) and \
            not _entry_not_header(row, body[n + 1] if n + 1 < len(body) else None)
        if is_header:
            if group_lines:
                emit()
                group_lines, group_marks = [], []
                header_path = [h for h in header_path if not h.isupper()] if content[0].isupper() else header_path[:1]
                nest = False
            else:
                nest = bool(header_path)  # a header straight under another (PHYLUM ... > CARNIVORA) nests in it
            if nest and len(header_path) < 3:
                header_path = header_path + [content[0]]
            elif content[0].isupper():
                header_path = [content[0]]
            else:
                header_path = header_path[:1] + [content[0]]
            group_name = content[0].split()[0]
            continue
        group_lines.append(record(raw_cells, labels) if labels else " ".join(content))
        group_marks.append(annotation_marks(raw_cells))
    emit()
    return items
