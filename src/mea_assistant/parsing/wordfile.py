"""Word files -> `RawLine`s, in body order, with Word's automatic paragraph numbers written out.

Secretariats number resolution paragraphs with numbering styles, not typed digits: the "14." of paragraph 14
lives in `numbering.xml`, and `paragraph.text` does not contain it. So the numbers are computed here the
way Word does (a counter per list level, deeper levels restarting under a new parent, formats such as
`%1.` or `(%2)` in decimal, letters or roman numerals) and put back in front of the text, where the
structure builder reads labels. Tables are read where they stand in the body, one row per line.
Running headers and footers live in their own parts of the file and are never read as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ParseError
from .lines import RawLine

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _val(el: Any, tag: str, default: str | None = None) -> str | None:
    child = el.find(_W + tag) if el is not None else None
    return child.get(_W + "val") if child is not None else default


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                       (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + sym, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """Word's numFmt values: decimal, lowerLetter, upperLetter, lowerRoman, upperRoman (others as decimal)."""
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    return str(n)


@dataclass
class Numbering:
    """Word's list counters: levels of each abstract list, and which concrete list (numId) uses which."""

    levels: dict[str, dict[int, tuple[int, str, str]]] = field(default_factory=dict)  # abstract -> ilvl -> (start, fmt, text)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId -> (abstract, start overrides)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, document: Any) -> "Numbering":
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, AttributeError, NotImplementedError):
            return numbering
        for abstract in root.findall(_W + "abstractNum"):
            levels = {}
            for lvl in abstract.findall(_W + "lvl"):
                levels[int(lvl.get(_W + "ilvl"))] = (int(_val(lvl, "start", "1") or 1), _val(lvl, "numFmt", "decimal")
                                                     or "decimal", _val(lvl, "lvlText", "") or "")
            numbering.levels[abstract.get(_W + "abstractNumId")] = levels
        for num in root.findall(_W + "num"):
            overrides = {int(o.get(_W + "ilvl")): int(_val(o, "startOverride", "1") or 1)
                         for o in num.findall(_W + "lvlOverride") if o.find(_W + "startOverride") is not None}
            numbering.nums[num.get(_W + "numId")] = (_val(num, "abstractNumId", "") or "", overrides)
        return numbering

    def label(self, num_id: str, ilvl: int) -> tuple[str, bool]:
        """The next label of this list at this level ("14.", "(b)") and whether it is a bullet."""
        abstract, overrides = self.nums.get(num_id, ("", {}))
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return "", False
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in overrides.items():
                counters[level] = start - 1
        start, fmt, text = levels[ilvl]
        if fmt == "bullet":
            return "", True
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [lv for lv in counters if lv > ilvl]:
            del counters[deeper]  # a new parent restarts its sub-list

        def fill(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            lstart, lfmt, _ = levels.get(level, (1, "decimal", ""))
            return format_number(counters.get(level, lstart), lfmt)

        return re.sub(r"%(\d)", fill, text).strip(), False


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    """(numId, level) from the paragraph's own properties, else from its style (List Number...)."""
    p_pr = paragraph._p.pPr
    num_pr = p_pr.numPr if p_pr is not None else None
    style = paragraph.style
    while num_pr is None and style is not None:
        s_pr = style.element.pPr
        num_pr = s_pr.numPr if s_pr is not None else None
        style = style.base_style
    if num_pr is None or num_pr.numId is None:
        return None
    ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
    return str(num_pr.numId.val), int(ilvl)


def read_docx(path: Path) -> list[RawLine]:
    try:
        import docx  # python-docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:  # pragma: no cover
        raise ParseError(str(path), "reading .docx needs the 'python-docx' package") from exc
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several unrelated types for a broken zip
        raise ParseError(str(path), f"corrupt Word file ({type(exc).__name__}); re-save it as .docx") from exc
    numbering = Numbering.of(document)
    lines: list[RawLine] = []
    for no, block in enumerate(document.element.body.iterchildren(), 1):
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "tbl":
            for row in Table(block, document).rows:
                unique = list({id(c._tc): c for c in row.cells}.values())  # a merged cell once, not per column
                cells = [c.text.strip().replace("\n", " ") for c in unique]
                lines.append(RawLine(text="| " + " | ".join(cells) + " |", table_row=True, blank_before=True,
                                     lineno=no))
            continue
        if tag != "p":
            continue
        para = Paragraph(block, document)
        text = para.text.strip()
        if not text:
            continue
        style = (para.style.name or "").lower() if para.style is not None else ""
        level = None
        match = re.match(r"heading (\d)", style)
        if match:
            level = int(match.group(1))
        elif style == "title":
            level = 1
        bullet = "bullet" in style and level is None
        numbered = _num_pr(para)
        if numbered is not None and level is None:
            label, is_bullet = numbering.label(*numbered)
            bullet = bullet or is_bullet
            if label:
                text = f"{label} {text}"
        lines.append(RawLine(text=text, heading=level, bullet=bullet, blank_before=True, lineno=no))
    if not lines:
        raise ParseError(str(path), "the Word file has no text")
    return lines
