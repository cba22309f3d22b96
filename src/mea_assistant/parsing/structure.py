"""Turn raw lines into labelled paragraphs: the document's own numbering, repaired layout.

The rules are about how MEA documents are laid out, never about particular files:
- a PDF/text extraction wraps lines and breaks paragraphs at page or cell breaks: a line continues the
  paragraph before it until that paragraph ends a clause (`.` `;` `:`), unless it carries a new label;
- treaties nest `1.` / `a)` / `(1)` under `### Article III` headings: refs become `Art. III(4)(b)`;
- resolutions open with preambular clauses (`Recalling ...,`) cited as PP1, PP2, ...; converters often
  run them (and Article 2 definitions) together on one line, so those lines are split back into clauses;
- work programmes are tables: the Timeframe column ("On-going", "2012-13") arrives interleaved with the
  activity text and the column header repeats after page breaks; both are lifted out as metadata;
- unnumbered bullets hang from the numbered paragraph that introduces them and stay part of it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..types import Paragraph
from . import labels as lab
from .cleaning import (is_image_placeholder, is_page_artifact, is_table_separator, is_timeframe, split_bullet,
                       strip_inline_markup)
from .readers import RawLine

PARSER_VERSION = 4  # bump when parsing changes refs or text, so old indexes are rebuilt
TERMINAL = (".", ";", ":", "!", "?", "”", '"', "’", ".)", ";)", ":)")
_CONTAINER_RE = re.compile(
    r"^(Article|Art\.|Annex|Appendix|Appendices|Part|Chapter|Section|Schedule|Table|Attachment|Rule)\s+"
    r"([0-9IVXLC]+(?:\s*(?:bis|ter|[a-z])\b)?(?:\s*(?:,|and|-|–)\s*[0-9IVXLC]+\b)*)\s*(?:$|[.:–—-]\s*(.*)$)")
_BARE_CONTAINER_RE = re.compile(r"^(Annex|Appendix|Appendices|Schedule)()\s*$", re.I)  # "### Annex" alone
_CONTAINER_ABBR = {"article": "Art.", "art.": "Art.", "annex": "Annex", "appendix": "App.", "appendices": "App.",
                   "part": "Part", "chapter": "Chapter", "section": "Section", "schedule": "Schedule",
                   "table": "Table", "attachment": "Attachment", "rule": "Rule"}
_CONTAINER_RANK = {"Annex": 0, "App.": 0, "Schedule": 0, "Attachment": 0, "Part": 1, "Chapter": 1, "Section": 1,
                   "Art.": 2, "Rule": 2, "Table": 3}
_FRONT_MATTER_RE = re.compile(r"^(adopted (by|at)|original:|distr\.|agenda item|prepared by|unep/|cms/|date:)",
                              re.I)
_COLUMN_HEADER_RE = re.compile(r"\b(time ?frame|timeline|deadline|responsib\w+|lead actors?)\s*$", re.I)
_ACTING_BODY_RE = re.compile(
    r"^(?:Preamble\s*)?(The\s+(?:High\s+)?(?:Contracting\s+)?(?:Parties|States|Signatories|Governments)\b[^,;:]{0,80}),\s*",
)
_PREAMBLE_VERB = (r"(?:[A-Z][a-z]+(?:ing|ed)|Aware|Conscious|Mindful|Convinced|Determined|Desirous|Concerned|"
                  r"Further|Also|Deeply|Fully|Having|Noting|Bearing|Taking|Keen|Cognizant|Alarmed|Have|Agree)")
_PREAMBLE_SPLIT_RE = re.compile(rf"(?<=;)\s+(?=[A-Z])|(?<=,)\s+(?={_PREAMBLE_VERB}\b)")
_DEFINITION_SPLIT_RE = re.compile(r'(?<=[.:;])\s*(?=["“][A-Z][^"”]{1,80}["”]\s*(?:\([A-Za-z]+\)\s*)?(?:means|includes|shall mean|refers|has the meaning))')
_FOOTNOTE_RE = re.compile(r"^(\d{1,2})\s+(?=[A-Z][a-z])")
_CATEGORY_SPLIT_RE = re.compile(r"\s{2,}(?=(?:Category|Column|Group|Class|Option)\s+\d+\s*:)")


def ends_clause(text: str) -> bool:
    text = text.rstrip()
    return text.endswith(TERMINAL) or bool(re.search(r";\s*(?:and|or)$", text))


def _word_count(text: str) -> int:
    return len(text.split())


def _is_caps_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters) and _word_count(text) <= 14


@dataclass
class _Item:
    """A paragraph under construction."""

    lines: list[str]
    parts: list[tuple[str, str]]  # numbering path, [] for unnumbered
    container: str
    section: tuple[str, ...]
    lead_in: str
    kind: str
    meta: dict[str, str] = field(default_factory=dict)
    merged_bullet: bool = False

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def append(self, piece: str, newline: bool = False) -> None:
        if not self.lines:
            self.lines.append(piece)
        elif newline:
            self.lines.append(piece)
        elif self.lines[-1].endswith("-") and not self.lines[-1].endswith(" -") and piece[:1].islower():
            # "non-\ngovernmental" keeps its hyphen: MEA texts hyphenate compounds far more than they split words.
            self.lines[-1] = self.lines[-1] + piece
        else:
            self.lines[-1] = self.lines[-1] + " " + piece


class StructureBuilder:
    def __init__(self, doc_id: str, lines: list[RawLine], wrapped: bool) -> None:
        self.doc_id = doc_id
        self.raw = lines
        self.wrapped = wrapped  # text/PDF extraction: blank lines are not reliable paragraph ends
        self.paragraphs: list[Paragraph] = []
        self.title: str | None = None
        self.acting_body: str | None = None
        self.containers: list[tuple[int, str]] = []  # (rank, "Art. III")
        self.headings: list[tuple[int, str]] = []  # (level, text)
        self.stack: list[tuple[str, str, _Item]] = []  # (style, value, the item), innermost last
        self.current: _Item | None = None
        self.context_lead = ""  # an unnumbered "... includes:" paragraph introducing the following items
        self.seen_numbered = False
        self.seen_container = False
        self.pending_bullets = 0
        self.unnumbered_count: Counter[str] = Counter()
        self.preamble_count = 0
        self.timeframe_queue: list[_Item] = []
        self.table_doc = any(_COLUMN_HEADER_RE.search(strip_inline_markup(l.text)) for l in lines if not l.table_row)
        self.repeated = self._repeated_lines(lines)
        self.open_timeframe: _Item | None = None
        self.closed = False  # a Timeframe cell was read: the activity before it is complete
        self.explicit_level = 0  # level of the last markdown/Word/HTML heading
        self.table_rows: list[str] = []

    # ----- helpers -------------------------------------------------------------------------------------------
    @staticmethod
    def _repeated_lines(lines: list[RawLine]) -> set[str]:
        """Running headers and repeated table headers: short label-less lines seen 2+ times with no end stop."""
        counts = Counter(strip_inline_markup(l.text) for l in lines if l.heading is None and not l.table_row)
        out = set()
        for text, n in counts.items():
            if n >= 2 and 2 <= _word_count(text) <= 14 and not ends_clause(text) and not lab.detect(text) \
                    and not is_timeframe(text):
                out.add(text)
        return out

    def _section(self) -> tuple[str, ...]:
        return tuple(text for _, text in self.headings)

    def _container(self) -> str:
        return ", ".join(label for _, label in self.containers)

    def _flush(self) -> None:
        item, self.current = self.current, None
        if item is None:
            return
        text = item.text.strip()
        if not text or not re.search(r"[A-Za-z0-9]", text):
            return
        if item.kind == "operative" and not item.parts and item.meta.get("_preamble_zone", "") \
                and text.endswith((",", ";", ", and", "; and")):
            item.kind = "preamble"
        item.meta.pop("_preamble_zone", None)
        if item.parts:
            ref = lab.render_ref(item.container, item.parts)
        elif item.kind == "preamble":
            self.preamble_count += 1
            ref = f"PP{self.preamble_count}"
        else:
            key = item.container
            self.unnumbered_count[key] += 1
            k = self.unnumbered_count[key]
            if key:
                first = k == 1 and (item.kind == "table" or not self._container_has_numbered(key))
                ref = key if first else f"{key} ¶{k}"
            else:
                ref = f"¶{k}"
        self.paragraphs.append(Paragraph(doc_id=self.doc_id, ref=ref, text=text, section=item.section,
                                         position=len(self.paragraphs), lead_in=item.lead_in, kind=item.kind,
                                         meta=item.meta))

    def _container_has_numbered(self, key: str) -> bool:
        return any(True for p in self.paragraphs if p.ref.startswith(key + "(") or p.ref.startswith(key + ", "))

    def _current_ended(self) -> bool:
        return self.current is None or self.closed or ends_clause(self.current.text)

    def _start(self, parts: list[tuple[str, str]], text: str, kind: str, lead_in: str = "") -> None:
        self._flush()
        self.closed = False
        self.current = _Item(lines=[text], parts=parts, container=self._container(), section=self._section(),
                             lead_in=lead_in, kind=kind)

    # ----- headings ------------------------------------------------------------------------------------------
    def _heading(self, text: str, level: int, explicit: bool = True) -> None:
        self._flush_table()
        self._flush()
        text = strip_inline_markup(text)
        if not text:
            return
        if not self.paragraphs and self.current is None and self.headings and level == 1 \
                and self.headings[-1][0] == 1 and _is_caps_heading(self.headings[-1][1]) and _is_caps_heading(text) \
                and not _CONTAINER_RE.match(text) and not text.endswith((",", ":")):
            text = f"{self.headings.pop()[1]} {text}"  # a title wrapped over two capitalised lines
            self.title = text
        if self.title is None and not self.paragraphs:
            self.title = text
        match = _CONTAINER_RE.match(text) or _BARE_CONTAINER_RE.match(text)
        if explicit:
            self.explicit_level = level
        if match and match.group(1).lower() in _CONTAINER_ABBR:
            abbr = _CONTAINER_ABBR[match.group(1).lower()]
            rank = _CONTAINER_RANK[abbr]
            number = re.sub(r"\s+", " ", match.group(2) or "").strip()
            # Section/Part/Chapter only qualify refs inside an annex, where article numbers restart.
            contributes = rank != 1 or any(r == 0 for r, _ in self.containers)
            self.containers = [(r, l) for r, l in self.containers if r < rank]
            if contributes:
                self.containers.append((rank, f"{abbr} {number}".strip()))
            self.seen_container = True
        if re.match(r"^THE\s+(?:CONTRACTING\s+)?(?:PARTIES|SIGNATORIES|STATES)\b.*[,:]$", text):
            self.acting_body = self.acting_body or text.rstrip(",:").title()
        self.headings = [(lv, t) for lv, t in self.headings if lv < level]
        self.headings.append((level, text))
        self.stack = []
        if explicit:
            self.context_lead = ""  # a real heading ends what an "... includes:" paragraph introduced

    # ----- tables --------------------------------------------------------------------------------------------
    def _flush_table(self) -> None:
        rows, self.table_rows = self.table_rows, []
        if not rows:
            return
        self._flush()
        group_name, group_lines, header_path = "", [], []

        def emit() -> None:
            if group_lines:
                item = _Item(lines=list(group_lines), parts=[], container=self._container(),
                             section=self._section() + tuple(header_path), lead_in=" > ".join(header_path),
                             kind="table")
                if group_name:
                    base = self._container()
                    item.parts = [("named", group_name)] if not base else []
                    if base:
                        item.container = f"{base}, {group_name}"
                self.current = item
                self._flush()

        for row in rows:
            cells = [strip_inline_markup(c) for c in row.strip().strip("|").split("|")]
            content = [c for c in cells if c and c != "---" and not re.fullmatch(r":?-+:?", c)]
            if not content:
                continue
            raw_cells = [c.strip() for c in row.strip().strip("|").split("|") if c.strip() and c.strip() != "---"]
            single = len(content) == 1
            italic = single and raw_cells and raw_cells[0].startswith("*")
            is_header = single and (not italic or content[0].isupper() or _word_count(content[0]) == 1)
            if is_header:
                if group_lines:
                    emit()
                    group_lines = []
                    header_path = [h for h in header_path if not h.isupper()] if content[0].isupper() else header_path[:1]
                if content[0].isupper():
                    header_path = [content[0]]
                else:
                    header_path = header_path[:1] + [content[0]]
                group_name = content[0].split()[0]
                continue
            group_lines.append(" ".join(content))
        emit()

    # ----- the main loop -------------------------------------------------------------------------------------
    def _choose_label(self, text: str, line: RawLine) -> lab.Label | None:
        options = lab.detect(text)
        if not options:
            return None
        # A wrapped line that merely starts with a number ("8.16 calling upon ...") continues its paragraph.
        if self.wrapped and not self._current_ended():
            if not any(self._is_expected(o) for o in options):
                return None
        styles_in_stack = [s for s, _, _ in self.stack]
        for option in options:  # prefer a reading that continues a list in progress
            if self._is_expected(option):
                return option
        if options[0].style == "roman" and any(o.style == "letter" for o in options):
            return options[0]  # "(i)" after "a)" (not after "h)") opens a roman sub-list
        for option in options:
            if option.style in styles_in_stack:
                return option
        return options[0]

    def _is_expected(self, option: lab.Label) -> bool:
        for style, value, _ in self.stack:
            if style == option.style and lab.successor(style, value) == option.value:
                return True
        return not self.stack and option.value in ("1", "a", "i", "A1", "1.1")

    def _place(self, label: lab.Label) -> list[tuple[str, str]]:
        """Put a label into the numbering stack: sibling of its own style, else child or new top level."""
        styles = [s for s, _, _ in self.stack]
        if label.style in styles:
            idx = styles.index(label.style)
            self.stack = self.stack[:idx]
        elif self.stack:
            parent_text = self.stack[-1][2].text
            introduces = self.current is not None and ends_clause(self.current.text) and \
                self.current.text.rstrip().endswith((":", "—", "-")) or parent_text.rstrip().endswith(":")
            if not introduces:
                while self.stack and lab.RANK[self.stack[-1][0]] >= lab.RANK[label.style]:
                    self.stack.pop()
        return [(s, v) for s, v, _ in self.stack] + [(label.style, label.value)]

    def _lead_in_for(self, parts: list[tuple[str, str]]) -> str:
        """The full text of the enclosing items ("2. ... shall endeavour:"), read now that they are complete."""
        if len(parts) >= 2:
            return " ".join(re.sub(r"\s+", " ", item.text) for _, _, item in self.stack)[-600:]
        return self.context_lead

    def _is_heading_line(self, text: str, index: int, label: lab.Label | None) -> bool:
        """A short line with no closing stop, followed by a label or a new sentence, is a heading in wrapped text."""
        titled = bool(re.match(r"^[A-Z][\w.-]*(?: [\w.]+)?\s[-–—]\s.*:$", text))  # "Objective 4 - To support ...:"
        if titled:
            return _word_count(text) <= 16
        if ends_clause(text):
            return False
        has_label = label is not None
        if re.search(r"\b(?:a|an|the|of|and|or|to|in|for|with|by|on|as|at|from|that|which|its|their)$", text, re.I):
            return False  # "1. The Meeting ... should adopt a" runs on to the next line
        limit = 20 if label is not None and label.style in ("pupper", "uroman", "named", "dotted") else (
            6 if has_label else 12)
        if _word_count(text) > limit:
            return False
        if _CONTAINER_RE.match(text):
            return True
        if not has_label and self._short_line_run(index) >= 3:
            return False  # a run of short unpunctuated lines is a list (species, regions), not headings
        nxt = self._next_text(index)
        if nxt is None:
            return not has_label
        if lab.detect(nxt) or self._next_is_heading(index):
            return True
        if text.endswith(":"):
            return False
        return bool(nxt[:1].isupper())

    def _short_line_run(self, index: int) -> int:
        run = 0
        for line in self.raw[index:index + 4]:
            text = strip_inline_markup(line.text)
            if line.heading is not None or not text or ends_clause(text) or _word_count(text) > 8 or lab.detect(text):
                break
            run += 1
        return run

    def _next_text(self, index: int) -> str | None:
        for line in self.raw[index + 1:]:
            if line.heading is not None:
                return None
            text = strip_inline_markup(line.text)
            bullet, body = split_bullet(text)
            if not body or self._is_junk(body):
                continue
            return body
        return None

    def _next_is_heading(self, index: int) -> bool:
        for line in self.raw[index + 1:]:
            text = strip_inline_markup(line.text)
            if not text or self._is_junk(text):
                continue
            return line.heading is not None or _is_caps_heading(text)
        return False

    def _is_junk(self, text: str) -> bool:
        return (is_page_artifact(text) or is_image_placeholder(text) or is_table_separator(text)
                or text in self.repeated or (self.table_doc and is_timeframe(text)))

    def build(self) -> list[Paragraph]:
        for index, line in enumerate(self.raw):
            if line.table_row:
                if not is_table_separator(line.text):
                    self.table_rows.append(line.text)
                continue
            if self.table_rows:
                self._flush_table()
            if line.heading is not None:
                self._heading(line.text, line.heading)
                continue
            self._text_line(index, line)
        self._flush_table()
        self._flush()
        return self.paragraphs

    def _text_line(self, index: int, line: RawLine) -> None:
        tail: tuple[str, bool] | None = None
        raw = line.text
        if self.table_doc:
            raw, tail = self._split_trailing_timeframe(raw, index)
        text = strip_inline_markup(raw)
        bullet, text = split_bullet(text)
        bullet = bullet or line.bullet
        if bullet and not text:
            self.pending_bullets += 1
            return
        if text in self.repeated:
            return
        if is_page_artifact(text) or is_image_placeholder(text) or is_table_separator(text):
            return
        if self.table_doc and self._timeframe(text):
            return
        glyph_bullet = bullet and not line.bullet
        label = None if glyph_bullet else self._choose_label(text, line)
        if label is not None and line.bullet and label.style not in ("named", "dotted", "alnum"):
            label = None  # "- a) ..." in a markdown list stays a list item of its paragraph
        if label is not None:
            bullet = False
            self.pending_bullets = 0
        elif self.pending_bullets and (self.current is None or ends_clause(self.current.text)):
            bullet, self.pending_bullets = True, self.pending_bullets - 1
        # Headings in wrapped text (capitals, or short unpunctuated lines before a label).
        if not bullet and line.heading is None and self._wrapped_heading(text, index, label):
            top = _is_caps_heading(text) and not self.paragraphs and self.current is None
            self._heading(text, 1 if top else max(self.explicit_level, 1) + 1, explicit=False)
            return
        if label is not None:
            self._labelled(label, text)
        elif _FOOTNOTE_RE.match(text) and self.current is not None and ends_clause(self.current.text) \
                and self.current.parts and self.wrapped:
            self._footnote(text)
        else:
            self._unlabelled(text, line, bullet)
        if tail is not None and self.current is not None:
            self.current.meta["timeframe"] = tail[0]
            self.open_timeframe = self.current if tail[1] else None

    def _wrapped_heading(self, text: str, index: int, label: lab.Label | None) -> bool:
        if not self._current_ended() and self.wrapped:
            return False  # mid-sentence: a continuation, whatever it looks like
        if not (text[:1].isupper() or text[:1].isdigit() or text[:1] in "(["):
            return False
        if _is_caps_heading(text) and label is None:
            return True
        if self.title is None and not self.paragraphs and self.current is None and label is None \
                and not ends_clause(text) and _word_count(text) <= 25:
            return True  # an untagged title line at the top of the file
        if not self.wrapped and label is None:
            return False
        return self._is_heading_line(text, index, label)

    def _labelled(self, label: lab.Label, text: str) -> None:
        if not self.seen_numbered and self.current is not None and not self.current.parts \
                and re.match(r"^The\b.*\b(Conference|Meeting|Parties|Signatories|Committee|Council|Assembly)\b",
                             self.current.text) and not ends_clause(self.current.text):
            # "The Conference of the Parties to the Convention ..." above the operative paragraphs: who acts.
            self.acting_body = re.sub(r"\s+", " ", self.current.text).strip()
            self.current.kind = "acting-body"
            self.current.meta.pop("_preamble_zone", None)
        self.open_timeframe = None
        parts = self._place(label)
        self.seen_numbered = True
        lead = self._lead_in_for(parts)
        self._start(parts, label.rest, "operative", lead)
        assert self.current is not None
        self.stack.append((label.style, label.value, self.current))
        if self.table_doc and label.style == "alnum":
            self.timeframe_queue.append(self.current)

    def _footnote(self, text: str) -> None:
        saved = self.current
        self.current = None
        number = _FOOTNOTE_RE.match(text).group(1)
        self.paragraphs.append(Paragraph(doc_id=self.doc_id, ref=f"fn. {number}", text=text[len(number):].strip(),
                                         section=self._section(), position=len(self.paragraphs), kind="note"))
        self.current = saved

    def _unlabelled(self, text: str, line: RawLine, bullet: bool) -> None:
        cur = self.current
        if cur is not None:
            numbered = bool(cur.parts)
            if bullet and numbered and (cur.text.rstrip().endswith(":") or cur.merged_bullet or self.table_doc):
                cur.append(text, newline=True)
                cur.merged_bullet = True
                return
            if self.table_doc and numbered and cur.parts[0][0] == "alnum":
                # Work-programme cell text runs on until the next activity label.
                cur.append(text, newline=bullet or ends_clause(cur.text) or line.indent >= 2)
                return
            comma_break = line.blank_before and cur.text.rstrip().endswith(",") and text[:1].isupper()
            if not bullet and not self._current_ended() and (self.wrapped or not line.blank_before) \
                    and not comma_break:
                cur.append(text)
                return
            if not bullet and self.wrapped and not line.blank_before and text[:1].islower():
                cur.append(text)
                return
        self._new_unnumbered(text, bullet)

    def _new_unnumbered(self, text: str, bullet: bool) -> None:
        in_preamble = not self.seen_numbered and not self.seen_container
        if in_preamble and not bullet:
            clauses = self._split_preamble(text)
            if clauses:
                for kind, clause in clauses:
                    if kind == "acting":
                        self.acting_body = self.acting_body or clause.rstrip(",")
                    self._start([], clause, kind)
                    self._flush()
                return
        if _FRONT_MATTER_RE.match(text):
            self._start([], text, "front-matter")
            self._flush()
            return
        definitions = self._split_definitions(text)
        if definitions:
            for i, piece in enumerate(definitions):
                lead = definitions[0] if i else ""
                self._start([], piece, "operative", lead if i else self.context_lead)
                if i:
                    term = re.match(r'["“]([^"”]+)["”]', piece)
                    if term and self.current is not None:
                        self.current.parts = [("named", f'"{term.group(1)}"')]
            self._flush()
            return
        categories = _CATEGORY_SPLIT_RE.split(text)
        if len(categories) > 1:
            for piece in categories:
                self._start([], piece.strip(), "operative", self.context_lead)
            self._flush()
            return
        kind = "preamble" if in_preamble and text.rstrip().endswith((",", ";", ", and", "; and")) else (
            "list" if bullet else "operative")
        if text.rstrip().endswith(":"):
            self.stack = []
            self.context_lead = text
            self._start([], text, kind)
            return
        lead = self.context_lead if not in_preamble else ""
        last = self.paragraphs[-1] if self.paragraphs else None
        if not bullet and not lead and last is not None and last.kind == "list" and _word_count(last.text) <= 30 \
                and not last.text.rstrip().endswith((".", ";")):
            lead = last.text  # "- Memorandum of Understanding with IATA" introduces the paragraph below it
        self._start([], text, kind, lead)
        if in_preamble and self.current is not None:
            self.current.meta["_preamble_zone"] = "1"

    def _split_preamble(self, text: str) -> list[tuple[str, str]]:
        """`The Contracting Parties, Recognizing ...; Aware ...; Have agreed as follows:` -> clauses."""
        acting = _ACTING_BODY_RE.match(text)
        body = text[acting.end():] if acting else text
        pieces = [p.strip() for p in _PREAMBLE_SPLIT_RE.split(body) if p.strip()]
        if len(pieces) < 3 and not acting:
            return []
        out: list[tuple[str, str]] = []
        if acting:
            out.append(("acting", acting.group(1) + ","))
        for piece in pieces:
            out.append(("preamble" if piece.rstrip().endswith((",", ";", "and")) else "operative", piece))
        return out

    @staticmethod
    def _split_definitions(text: str) -> list[str]:
        if len(re.findall(r'["”]\s*(?:\([A-Za-z]+\)\s*)?(?:means|includes|shall mean)\b', text)) < 3:
            return []
        return [p.strip() for p in _DEFINITION_SPLIT_RE.split(text) if p.strip()]

    # ----- work-programme timeframes -------------------------------------------------------------------------
    def _timeframe(self, text: str) -> bool:
        """A lone Timeframe cell ("2012-13", "On-going") goes to the oldest activity still without one."""
        if is_timeframe(text):
            while self.timeframe_queue and "timeframe" in self.timeframe_queue[0].meta:
                self.timeframe_queue.pop(0)
            if self.timeframe_queue:
                self.timeframe_queue.pop(0).meta["timeframe"] = text
            self.closed = self.current is not None and bool(self.current.parts)
            return True
        if self.open_timeframe is not None and text[:1].islower() and _word_count(text) <= 6 \
                and self.current is self.open_timeframe and ends_clause(self.current.text):
            self.open_timeframe.meta["timeframe"] += " " + text
            self.open_timeframe = None
            return True
        return False

    def _split_trailing_timeframe(self, text: str, index: int) -> tuple[str, tuple[str, bool] | None]:
        """`D3. Share experience ... (InforMEA). On-going` -> the text and its Timeframe cell.

        A free-text cell ("... Elephants.  Will depend on decisions") is only split off when the next line
        does not continue the sentence, and stays open for a lower-case remainder after a page break.
        """
        match = re.match(r"^(.*[.;)])\s+(\S.*)$", text)
        if not match:
            return text, None
        if is_timeframe(match.group(2)):
            return match.group(1), (match.group(2), False)
        spaced = re.match(r"^(.*[.;)])\s{2,}(\S.{0,40})$", text)
        if spaced and _word_count(spaced.group(2)) <= 6 and not ends_clause(spaced.group(2)):
            nxt = self._next_text(index)
            if nxt is None or not nxt[:1].islower():
                return spaced.group(1), (spaced.group(2), True)
        return text, None


def build_paragraphs(doc_id: str, lines: list[RawLine], wrapped: bool) -> tuple[list[Paragraph], dict[str, str | None]]:
    builder = StructureBuilder(doc_id, lines, wrapped)
    paragraphs = builder.build()
    return _unique_refs(paragraphs), {"title": builder.title, "acting_body": builder.acting_body}


def _unique_refs(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Refs must be unique in a document: qualify a repeated one with its nearest heading, then its position."""
    counts = Counter(p.ref for p in paragraphs)
    seen: set[str] = set()
    out: list[Paragraph] = []
    for p in paragraphs:
        ref = p.ref
        if counts[ref] > 1 and ref in seen:
            heading = next((h for h in reversed(p.section) if h and h not in ref), "")
            candidate = f"{heading}: {ref}" if heading else ref
            n = 2
            while candidate in seen:
                candidate = f"¶{p.position + 1}: {ref}" if n == 2 else f"¶{p.position + 1}.{n}: {ref}"
                n += 1
            ref = candidate
        seen.add(ref)
        out.append(Paragraph(doc_id=p.doc_id, ref=ref, text=p.text, section=p.section, position=p.position,
                             lead_in=p.lead_in, kind=p.kind, meta=p.meta))
    return out
