"""Turn raw lines into labelled paragraphs: the document's own numbering, repaired layout.

The rules are about how MEA documents are laid out, never about particular files:
- a PDF/text extraction wraps lines and breaks paragraphs at page or cell breaks: a line continues the
  paragraph before it until that paragraph ends a clause (`.` `;` `:`), unless it carries a new label;
- treaties nest `1.` / `a)` / `(1)` under `### Article III` headings: refs become `Art. III(4)(b)`
  (`headings.py`, `numbering.py`);
- resolutions open with preambular clauses (`Recalling ...,`) cited as PP1, PP2, ...; converters often
  run them (and Article 2 definitions) together on one line, so those lines are split back into clauses
  (`preamble.py`);
- work programmes are tables: the Timeframe column ("On-going", "2012-13") arrives interleaved with the
  activity text and the column header repeats after page breaks; both are lifted out as metadata
  (`timeframes.py`, `tables.py`);
- unnumbered bullets hang from the numbered paragraph that introduces them and stay part of it.

This module holds the builder's state and the line loop; each concern above lives in its own module.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..exchanges import note_series
from ..titleblock import CLOSING_FORMULA
from ..types import Dropped, Paragraph
from . import footnotes as notes
from . import labels as lab
from . import preamble
from .cleaning import is_table_separator, is_timeframe, split_bullet, strip_inline_markup
from .furniture import dropped_lines, find_furniture
from .margins import strip_margins
from .headings import Headings, is_wrapped_heading, restarting_parts
from .sections import paragraph_numbered_parts
from .items import Item, ends_clause, is_caps_heading, vocabulary, word_count
from .lookahead import Lookahead
from .numbering import Numbering, Refs, unique_refs
from .readers import RawLine
from .tables import table_items
from .timeframes import Timeframes, is_work_programme, split_trailing_timeframe



class StructureBuilder:
    def __init__(self, doc_id: str, lines: list[RawLine], wrapped: bool) -> None:
        self.doc_id = doc_id
        self.wrapped = wrapped  # text/PDF extraction: blank lines are not reliable paragraph ends
        self.table_doc = is_work_programme(lines)
        furniture = find_furniture(lines)
        self.dropped: list[Dropped] = dropped_lines(lines, furniture)
        self.lines = Lookahead(lines, furniture, self.table_doc)
        self.vocab = vocabulary([l.text for l in lines if l.heading is None and not l.table_row])
        self.pending_notes: list[str] = []  # footnotes of a heading, for the first paragraph under it
        self.previous_full = False  # the last text line filled its column (PDF)
        self.line_full = False
        self.previous_line = ""  # the text line before this one (headings included)
        self.paragraphs: list[Paragraph] = []
        self.acting_body: str | None = None
        self.headings = Headings(numbering_parts=restarting_parts(lines) | paragraph_numbered_parts(lines),
                                 notes=note_series([l.text for l in lines if l.heading is not None]))
        self.numbering = Numbering()
        self.refs = Refs()
        self.timeframes = Timeframes()
        self.current: Item | None = None
        self.context_lead = ""  # an unnumbered "... includes:" paragraph introducing the following items
        self.seen_numbered = False
        self.enacted = False  # a paragraph so far held the enacting formula ("Have agreed as follows:")
        self.pending_bullets = 0
        self.closed = False  # a Timeframe cell was read: the activity before it is complete
        self.table_rows: list[str] = []
        self.index = 0  # the line being read

    # ----- paragraphs in progress ----------------------------------------------------------------------------
    def _flush(self) -> None:
        item, self.current = self.current, None
        if item is None:
            return
        text = item.text.strip()
        if not text or not re.search(r"[A-Za-z0-9]", text):
            return
        preamble.settle_kind(item, text)
        self.headings.mark_used()
        ref = self.refs.ref_for(item, self.paragraphs)
        self.paragraphs.append(Paragraph(doc_id=self.doc_id, ref=ref, text=text, section=item.section,
                                         position=len(self.paragraphs), lead_in=item.lead_in, kind=item.kind,
                                         meta=item.meta, footnotes=tuple(item.footnotes)))
        self.enacted = self.enacted or preamble.enacts(text)

    def _current_ended(self) -> bool:
        return self.current is None or self.closed or ends_clause(self.current.text)

    def _start(self, parts: list[tuple[str, str]], text: str, kind: str, lead_in: str = "") -> None:
        self._flush()
        self.closed = False
        self.current = Item(lines=[text], parts=parts, container=self.headings.container(),
                            section=self.headings.section(), lead_in=lead_in, kind=kind, vocab=self.vocab,
                            footnotes=self.pending_notes)
        self.pending_notes = []

    def _heading(self, text: str, level: int, explicit: bool = True) -> None:
        self._flush_table()
        self._flush()
        text, found = notes.split_notes(text)
        self.pending_notes += found
        text = strip_inline_markup(text)
        if not text:
            return
        text = self.headings.enter(text, level, explicit, at_top=not self.paragraphs)
        heading_body = preamble.acting_body_heading(text)
        if heading_body is not None:
            self.acting_body = self.acting_body or heading_body
        self.numbering.reset()
        if explicit:
            self.context_lead = ""  # a real heading ends what an "... includes:" paragraph introduced

    def _flush_table(self) -> None:
        rows, self.table_rows = self.table_rows, []
        if not rows:
            return
        self._flush()
        for item in table_items(rows, self.headings.container(), self.headings.section()):
            item.footnotes, self.pending_notes = self.pending_notes, []  # a note on the table's heading
            self.current = item
            self._flush()

    # ----- the main loop -------------------------------------------------------------------------------------
    def build(self) -> list[Paragraph]:
        for index, line in enumerate(self.lines.raw):
            if line.table_row:
                self.table_rows.append(line.text)
                continue
            if index in self.lines.furniture:
                continue
            if self.table_rows:
                self._flush_table()
            if line.heading is not None:
                self._heading(line.text, line.heading)
                continue
            self._text_line(index, line)
        self._flush_table()
        self._flush()
        if self.pending_notes and self.paragraphs:  # a note under the last heading, with no paragraph after it
            last = self.paragraphs[-1]
            self.paragraphs[-1] = replace(last, footnotes=(*last.footnotes, *self.pending_notes))
            self.pending_notes = []
        self.headings.close(0)
        self.dropped += [Dropped(text=text, reason=why) for text, why in self.headings.orphans]
        return self.paragraphs

    def _text_line(self, index: int, line: RawLine) -> None:
        self.line_full = line.full
        try:
            self._read_text_line(index, line)
        finally:
            self.previous_full = line.full
            self.previous_line = line.text

    def _read_text_line(self, index: int, line: RawLine) -> None:
        self.index = index
        tail: tuple[str, bool] | None = None
        raw = line.text
        if self.table_doc:
            raw, tail = split_trailing_timeframe(raw, index, self.lines)
        block = notes.note_block(raw)
        if block:
            for marker, body in block:
                self._start([("named", f"note {marker}")], strip_inline_markup(body), "note")
            self._flush()
            return
        raw, found = notes.split_notes(raw)
        text = strip_inline_markup(raw)
        if found and not text.strip():  # a line that is only a note ("<sup> * To be completed ...</sup>")
            self.pending_notes += found
            return
        bullet, text = split_bullet(text)
        bullet = bullet or line.bullet
        if bullet and not text:
            self.pending_bullets += 1
            return
        if is_table_separator(text):
            return
        if self.table_doc and self._timeframe_cell(text):
            return
        glyph_bullet = bullet and not line.bullet
        label = None if glyph_bullet else self.numbering.choose(text, self.wrapped, self._current_ended())
        if label is not None and label.style == "uroman" and label.value == "I" and not self.numbering.stack \
                and self.lines.digit_one_typed_as_i(index):
            label = lab.Label("num", "1", label.rest)
        if label is not None and line.bullet and label.style not in ("named", "dotted", "alnum"):
            label = None  # "- a) ..." in a markdown list stays a list item of its paragraph
        if label is not None:
            bullet = False
            self.pending_bullets = 0
        elif self.pending_bullets and (self.current is None or ends_clause(self.current.text)):
            bullet, self.pending_bullets = True, self.pending_bullets - 1
        # Headings in wrapped text (capitals, or short unpunctuated lines before a label).
        if not bullet and line.heading is None and self.wrapped and self.current is None and label is None \
                and self.headings.continues_title(text, self.previous_line):
            return  # the rest of an article title that wrapped ("... Agreements:" / "Appendix II")
        if not bullet and line.heading is None and self._wrapped_heading(text, index, label):
            top = is_caps_heading(text) and not self.paragraphs and self.current is None
            self._heading(text, 1 if top else max(self.headings.explicit_level, 1) + 1, explicit=False)
            return
        self.headings.name_part(text)
        if CLOSING_FORMULA.search(text):
            self.headings.signed = True  # a heading after it opens a text printed after the treaty (Headings.enter)
        if label is not None:
            self._labelled(label, text)
        elif notes.is_footnote(text, self.current, self.wrapped):
            notes.attach(text, self.current, self.paragraphs)
        else:
            self._unlabelled(text, line, bullet)
        if found:
            if self.current is not None:
                self.current.footnotes += found
            else:
                self.pending_notes += found
        if tail is not None and self.current is not None:
            self.timeframes.attach(self.current, tail)

    def _timeframe_cell(self, text: str) -> bool:
        """A Timeframe cell, or the rest of one, is metadata of its activity, not text."""
        if is_timeframe(text):
            self.timeframes.assign(text)
            self.closed = self.current is not None and bool(self.current.parts)
            return True
        return self.timeframes.continues_open(text, self.current)

    def _wrapped_heading(self, text: str, index: int, label: lab.Label | None) -> bool:
        if preamble.is_front_matter(text):
            return False  # "Prepared by the Dugong MOU Secretariat", "Original: English": the cover, kept as text
        if label is None and preamble.is_preamble_heading(text):
            return True  # "Preamble" on a line of its own heads the clauses, in any layout
        if self.wrapped and label is None and self.current is None and self.headings.titles_article(text):
            return True
        if label is not None and label.style == "named" and label.value.startswith("Section ") and not label.rest:
            return False  # "Section 9.01" alone on its line over its items (a) and (b): the section's number
        if label is not None and label.style in ("letter", "roman", "pnum", "pdot") and self._continues_list(label):
            return False  # "(c) *Chlorine substances*" over "(i) ...", "(ii) ...": an item of the list, titling its own
        at_start = self.headings.title is None and not self.paragraphs and self.current is None
        return is_wrapped_heading(text, index, label, self.lines, wrapped=self.wrapped,
                                  current_ended=self._current_ended(), at_start=at_start,
                                  current_text=self.current.text if self.current is not None else "",
                                  previous_line=self.previous_line)

    def _continues_list(self, label: lab.Label) -> bool:
        """The label is the next of a list in progress, or the first item of a list under a numbered paragraph
        or a lead-in ("... include:")."""
        if self.numbering.stack and self.numbering.is_expected(label):
            return True
        lead = self.current.text if self.current is not None else self.context_lead
        return label.value in ("1", "a", "i") and (bool(self.numbering.stack) or lead.rstrip().endswith(":"))

    def _labelled(self, label: lab.Label, text: str) -> None:
        if not self.seen_numbered and not self.headings.seen_container and preamble.is_numbered_clause(label.rest):
            # "(iii) Reaffirming that ...;" above the first article: a numbered preambular clause, cited PPk in
            # order as unnumbered ones are, not an operative item "(iii)" of no article.
            self._start([], label.rest, "preamble")
            return
        if not self.seen_numbered and self.current is not None and preamble.is_acting_body(self.current):
            # "The Conference of the Parties to the Convention ..." above the operative paragraphs: who acts.
            self.acting_body = re.sub(r"\s+", " ", self.current.text).strip()
            self.current.kind = "acting-body"
            preamble.leave_preamble_zone(self.current)
        self.timeframes.open = None
        # A numbered section ("### 1") whose first paragraph is a lettered item ("a). Unless ..."): the items are
        # the section's, Annex(1)(a); a section whose paragraphs carry their own numbers keeps those.
        number = self.headings.take_number() if label.style in ("letter", "roman", "pnum", "pdot") else []
        self.headings.number = None
        if number and not self.numbering.stack:
            section = Item(lines=[""], parts=number, container=self.headings.container(),
                           section=self.headings.section(), lead_in="", kind="operative")
            self.numbering.push(lab.Label(number[-1][0], number[-1][1], ""), section)
        first = self._first_item_inline(label)
        if first is not None:
            label = replace(label, rest="")  # the number alone opens the list; its paragraph has no words of its own
        parts = self.numbering.place(label, self.current)
        self.seen_numbered = True
        lead = self.numbering.lead_in(parts, self.context_lead)
        self._start(parts, label.rest, "operative", lead)
        assert self.current is not None
        self.numbering.push(label, self.current)
        if self.table_doc and label.style == "alnum":
            self.timeframes.expect(self.current)
        if first is not None:
            self._labelled(first, first.rest)

    def _first_item_inline(self, label: lab.Label) -> lab.Label | None:
        """"1.1 a) These Regulations ...", "2. (a) The Conference ...": a number whose list's first item follows
        on the same line, when a later line of the same article goes on with the list ("b) ...")."""
        if label.style not in ("num", "dotted", "pnum", "uroman", "uletter"):
            return None
        inner = next((i for i in lab.detect(label.rest) if i.style in ("letter", "roman") and i.value in ("a", "i")
                      and i.rest), None)
        if inner is None or not re.match(r"\(?[ai]\)", label.rest):
            return None
        following = lab.successor(inner.style, inner.value)
        for j in range(self.index + 1, min(len(self.lines.raw), self.index + 40)):
            line = self.lines.raw[j]
            if line.heading is not None:
                return None
            if any(i.style == inner.style and i.value == following for i in lab.detect(strip_inline_markup(line.text))):
                return inner
        return None

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
            in_preamble = not self.seen_numbered and not self.headings.seen_container
            # A PDF keeps no blank lines: a preambular verb after a finished clause or the cover opens a new one.
            clause_break = self.wrapped and in_preamble and not numbered and preamble.starts_clause(text) and (
                cur.kind == "front-matter" or bool(re.search(r"[,;)]\s*(?:and)?$", cur.text)))
            comma_break = (line.blank_before and cur.text.rstrip().endswith(",") and text[:1].isupper()) \
                or clause_break or (cur.kind == "front-matter" and line.blank_before)
            if not bullet and self.wrapped and self.previous_full and not comma_break and not line.blank_before:
                cur.append(text)  # the line before filled the column: the paragraph goes on
                return
            if not bullet and not self._current_ended() and (self.wrapped or not line.blank_before) \
                    and not comma_break:
                cur.append(text)
                return
            if not bullet and self.wrapped and not line.blank_before and text[:1].islower():
                cur.append(text)
                return
        self._new_unnumbered(text, bullet)

    def _new_unnumbered(self, text: str, bullet: bool) -> None:
        in_preamble = not self.seen_numbered and not self.headings.seen_container
        if in_preamble and not bullet:
            clauses = preamble.split_preamble(text)
            if clauses:
                for kind, clause in clauses:
                    if kind == "acting":
                        self.acting_body = self.acting_body or clause.rstrip(",")
                    self._start([], clause, kind)
                    self._flush()
                return
        if preamble.is_front_matter(text):
            self._start([], text, "front-matter")
            if not self.line_full:  # a cover line that fills the column wraps onto the next (PDF)
                self._flush()
            return
        pieces = preamble.run_together(text, self.context_lead)
        if pieces:
            for parts, piece, lead in pieces:
                self._start(parts, piece, "operative", lead)
            self._flush()
            return
        # a preamble printed as one paragraph, parties, recitals and "have agreed as follows:" together
        kind = "preamble" if in_preamble and (text.rstrip().endswith(preamble.PREAMBLE_ENDINGS)
                                              or preamble.recites(text)) else ("list" if bullet else "operative")
        if text.rstrip().endswith(":"):
            self.numbering.reset()
            self.context_lead = text
            # a lead-in under a numbered heading ("### 2" / "In determining ... the following:") is that number
            self._start_numbered_by_heading(text, kind, in_preamble)
            return
        lead = self.context_lead if not in_preamble else ""
        self._flush()
        if lead and self._closes_list(text, lead):
            self.context_lead = ""  # "Gorillas; and" / "Dugongs." closed the list: what follows is no item of it
        last = self.paragraphs[-1] if self.paragraphs else None
        heading = None
        if not bullet and last is not None and last.kind == "list" and word_count(last.text) <= 30 \
                and not ends_clause(last.text) and last.section == self.headings.section():
            # "- Memorandum of Understanding with IATA" heads the paragraph below it: keep them together.
            heading = self.paragraphs.pop()
            self.refs.forget(self.headings.container())
        self._start_numbered_by_heading(text, kind, in_preamble, lead)
        assert self.current is not None
        if heading is not None:
            self.current.lines.insert(0, heading.text)
            self.current.footnotes[:0] = heading.footnotes
        if in_preamble:
            preamble.mark_preamble_zone(self.current)


    def _closes_list(self, text: str, lead: str) -> bool:
        """The paragraph ends with a full stop where the item before it under the same lead-in ended open ("...;",
        "...; and"): the list's last item, after which the lead-in introduces nothing more."""
        previous = next((p for p in reversed(self.paragraphs) if p.lead_in == lead), None)
        return previous is not None and text.rstrip().endswith(".") and \
            bool(re.search(r"(?:[;,]|[;,]?\s+(?:and|or))\s*$", previous.text))

    def _start_numbered_by_heading(self, text: str, kind: str, in_preamble: bool, lead: str = "") -> None:
        """Start a paragraph cited by the number of the heading above it ("### 2"), if any; its lettered items
        ("a) ...", "(i) ...") then nest under that number (`Annex II(2)(a)(iv)`), as under a printed "2.". A treaty
        whose articles are headed by their number alone ("### 1" after "Have agreed as follows:") has no other
        container or label before its first lettered item: after the enacting formula the number is the article's."""
        parts = [] if in_preamble and not self.enacted else self.headings.take_number()
        self._start(parts, text, kind, lead)
        if parts:
            assert self.current is not None
            style, value = parts[-1]
            self.numbering.push(lab.Label(style, value, text), self.current)


def build_paragraphs(doc_id: str, lines: list[RawLine], wrapped: bool) -> tuple[list[Paragraph], dict[str, Any]]:
    lines, margins = strip_margins(lines)
    builder = StructureBuilder(doc_id, lines, wrapped)
    builder.dropped = sorted(builder.dropped + margins, key=lambda d: d.line)
    paragraphs = builder.build()
    return unique_refs(paragraphs), {"title": builder.headings.title, "acting_body": builder.acting_body,
                                     "dropped": builder.dropped, "headings": builder.headings.top}
