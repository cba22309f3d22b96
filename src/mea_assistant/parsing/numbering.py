"""The document's own numbering: which reading of a label continues the list, where it nests, its ref.

`(i)` after `h)` is the letter i, after `a)` it opens a roman sub-list; `b)` after `4.` under `Article III`
is `Art. III(4)(b)`. Unnumbered paragraphs get `¶k` (or `PP k` in a preamble), and a ref that repeats in a
document is qualified by its nearest heading so every ref stays unique.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..types import Paragraph
from . import labels as lab
from .items import Item, ends_clause


# An item that stops on a word no sentence ends with ("c) have ensured that", then "1) the persons ...") is a lead-in
# printed without its colon, and a label printed alone on its line ("i." then "a. stop and board the vessel;") heads
# the list that follows: a list starting under either is its items, not the article's next paragraphs.
_UNFINISHED = re.compile(r"\b(?:that|whether|which|whom|to|of|by|for|with|from|the|an?|than)\s*$", re.I)


# Label styles that number every level alike, relative to the level above: IMO's ".1" / ".2" (paragraph 4.1.3 of
# the London Protocol prints as ".3" under ".1" under "4."), so where a ".1" sits is read from its lead-in.
RELATIVE = ("pdot",)


@dataclass
class Numbering:
    """The open numbered items, innermost last: `[("num", "4", <item 4.>), ("letter", "b", <item b)>)]`."""

    stack: list[tuple[str, str, Item]] = field(default_factory=list)

    def reset(self) -> None:
        """A heading or an introducing paragraph ends every open list."""
        self.stack = []

    def push(self, label: lab.Label, item: Item) -> None:
        self.stack.append((label.style, label.value, item))

    def choose(self, text: str, wrapped: bool, current_ended: bool) -> lab.Label | None:
        """The reading of the line's leading label that fits the lists in progress, or None for no label."""
        options = lab.detect(text)
        if not options:
            return None
        # A wrapped line that merely starts with a number ("8.16 calling upon ...") continues its paragraph.
        if wrapped and not current_ended:
            if not any(self.is_expected(o) for o in options):
                return None
        styles_in_stack = [s for s, _, _ in self.stack]
        if self.stack and self.stack[-1][2].text.rstrip().endswith((":", "-", "–", "—")):
            opening = next((o for o in options if o.style == "roman" and o.value == "i"), None)
            if opening is not None:  # "h) ... provided they are imported:" or "(h) ... who is -" then "(i)": a
                return opening  # sub-list, not the letter i
        for option in options:  # prefer a reading that continues a list in progress
            if self.is_expected(option):
                return option
        lone = next((o for o in options if o.value == "i" and not o.rest.strip()), None)
        if lone is not None:  # "i." alone on its line, no "h)" before it: the first of a roman list it heads
            return lab.Label("roman", "i", lone.rest)
        if options[0].style == "roman" and any(o.style == "letter" for o in options):
            return options[0]  # "(i)" after "a)" (not after "h)") opens a roman sub-list
        for option in options:
            if option.style in styles_in_stack:
                return option
        return options[0]

    def is_expected(self, option: lab.Label) -> bool:
        for style, value, _ in self.stack:
            if style == option.style and lab.successor(style, value) == option.value:
                return True
        # "(I)" opening a list is the first of capital romans ("(I) ...", "(II) ..."), not the letter I nor a small i
        return not self.stack and (option.value in ("1", "a", "i", "A1", "1.1", "A")
                                   or (option.style, option.value) == ("uroman", "I"))

    def place(self, label: lab.Label, current: Item | None) -> list[tuple[str, str]]:
        """Put a label into the numbering stack: sibling of its own style, else child or new top level."""
        styles = [s for s, _, _ in self.stack]
        if self._opens_level(label, current):
            pass  # ".3 ... techniques:" then ".1 product reformulation"; "... methods:" then "1. a slaughter policy;"
        elif label.style in styles:
            # the innermost open item it continues (".4" after ".3" of the inner level), else its style's first;
            # when an inner and an outer level of IMO's relative labels both reach it, an inner item ending "...; or"
            # closed its list (elsewhere "; or" announces the list's last item: "1. ..., or" then "2. ...")
            same = [i for i, s in enumerate(styles) if s == label.style]
            after = [i for i in same if lab.successor(label.style, self.stack[i][1]) == label.value]
            closed = len(after) > 1 and label.style in RELATIVE and \
                re.search(r"[;,]\s*or\s*$", self.stack[after[-1]][2].text) is not None
            self.stack = self.stack[:(after[-2] if closed else after[-1]) if after else same[0]]
        elif self.stack:
            parent_text = self.stack[-1][2].text
            # a lead-in ends with a colon or, in ILO texts, a dash ("... special attention should be given to -")
            introduces = current is not None and ends_clause(current.text) and \
                current.text.rstrip().endswith((":", "—", "-")) or parent_text.rstrip().endswith((":", "-", "–", "—")) \
                or (label.value in ("1", "a", "i", "A", "I") and (_UNFINISHED.search(parent_text) is not None
                                                                   or not parent_text.strip()))
            if not introduces:
                while self.stack and self._rank(len(self.stack) - 1) >= lab.RANK[label.style]:
                    self.stack.pop()
        return [(s, v) for s, v, _ in self.stack] + [(label.style, label.value)]

    def _opens_level(self, label: lab.Label, current: Item | None) -> bool:
        """A list that starts again at its first number right under a lead-in ("...: ") is that lead-in's items,
        not its sibling: IMO's relative labels always (every level counts from ".1"), any other style when no open
        item of it reaches that number."""
        if label.value not in ("1", "a") or current is None or not self.stack or current is not self.stack[-1][2] \
                or not current.text.rstrip().endswith(":"):
            return False
        return label.style in RELATIVE or not any(s == label.style and lab.successor(s, v) == label.value
                                                  for s, v, _ in self.stack)

    def _rank(self, level: int) -> int:
        """How deep an open item's style sits: "(1)" opening an article's list numbers its paragraphs (the
        Commonwealth drafting style, "(1) ... means (a) ... (b) ..."), as "1." does; deeper, it is a sub-item."""
        style = self.stack[level][0]
        return lab.RANK["num"] if level == 0 and style == "pnum" else lab.RANK[style]

    def lead_in(self, parts: list[tuple[str, str]], context_lead: str) -> str:
        """The full text of the enclosing items ("2. ... shall endeavour:"), read now that they are complete."""
        if len(parts) >= 2:
            return " ".join(re.sub(r"\s+", " ", item.text) for _, _, item in self.stack)[-600:]
        return context_lead


@dataclass
class Refs:
    """Refs for finished items: the label path, else `PPk` for preambular clauses, else `¶k` per container."""

    preamble_count: int = 0
    unnumbered_count: Counter[str] = field(default_factory=Counter)

    def forget(self, container: str) -> None:
        """The last unnumbered paragraph of this container was folded into the next one: reuse its number."""
        self.unnumbered_count[container] -= 1

    def ref_for(self, item: Item, paragraphs: list[Paragraph]) -> str:
        if item.parts:
            return lab.render_ref(item.container, item.parts)
        if item.kind == "preamble":
            self.preamble_count += 1
            return f"PP{self.preamble_count}"
        key = item.container
        self.unnumbered_count[key] += 1
        k = self.unnumbered_count[key]
        if key:
            first = k == 1 and (item.kind == "table" or not _container_has_numbered(key, paragraphs))
            return key if first else f"{key} ¶{k}"
        return f"¶{k}"


def _container_has_numbered(key: str, paragraphs: list[Paragraph]) -> bool:
    return any(True for p in paragraphs if p.ref.startswith(key + "(") or p.ref.startswith(key + ", "))


def unique_refs(paragraphs: list[Paragraph]) -> list[Paragraph]:
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
        out.append(replace(p, ref=ref))
    return out
