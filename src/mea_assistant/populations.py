"""A question on one population of a species ("How does AEWA classify its West African population?", "the Great
White Pelican population breeding in Europe and Western Asia") is answered by the listing that names that
population by its range ("Balearica pavonina pavonina – West Africa (Senegal to Chad) | A: 1b 1c"), not by a list
of the species alone that shares the species' name; and its quote is that species' lines, not the whole family."""

from __future__ import annotations

import re

from .taxa import finest, lists_taxon
from .types import Hit

_NAME = r"[A-Z][a-z][\w-]*"
# the range before the word ("its Central and Eastern European population") or after it ("population breeding in
# Europe and Western Asia", "populations wintering in the Black Sea")
_BEFORE = re.compile(rf"((?:{_NAME}\s+(?:(?:and|&)\s+)?)+)populations?\b")
_AFTER = re.compile(rf"\bpopulations?\s+(?:\w+ing\s+)?(?:in|of|from|on)\s+(?:the\s+)?"
                    rf"((?:{_NAME}(?:\s+(?:and|&|the)\s+|\s+)?)+)")
# where a listing names a population: a line of its own ("– West Africa (Senegal to Chad) | A: 1b 1c"), or "the
# populations of Botswana, Namibia ..." in a row (not the species' own names, which a question's words may share)
_RANGES = re.compile(r"^\s*[–—-].*$|\bpopulations?\s+of\s+[^;)\n]+", re.M)
POPULATION_LINE = re.compile(r"^\s*[–—-]")  # "– Central Tropical Africa | A: 1b": the line of the species above it
WINDOW = 5  # how far down the listing of the population asked is looked for


def range_words(query: str) -> list[str]:
    """The words naming the range of the population the question asks about (empty when it names none)."""
    found = [w for m in (*_BEFORE.finditer(query), *_AFTER.finditer(query))
             for w in re.findall(_NAME, m.group(1))]
    return list(dict.fromkeys(found))


def _named(text: str, words: list[str]) -> int:
    """How many of the range's words the text's population ranges print, by their first letters ("African" meets
    "Africa", "Eastern" meets "East", "European" meets "Europe")."""
    ranges = "\n".join(m.group(0) for m in _RANGES.finditer(text))
    return sum(re.search(rf"\b{re.escape(w[:max(4, len(w) - 3)])}", ranges) is not None for w in words)


def population_first(hits: list[Hit], query: str, taxa: tuple[str, ...]) -> list[Hit]:
    """The listing of the species asked about that names the population's range most fully leads, when one of the
    first few does; the rest keep their order."""
    words = range_words(query) if taxa else []
    if not words:
        return hits
    scored = [(_named(h.text, words), i) for i, h in enumerate(hits[:WINDOW]) if lists_taxon(h, taxa)]
    best = max(scored, default=(0, 0))
    if best[0] == 0 or best[1] == 0 or _named(hits[0].text, words) >= best[0]:
        return hits
    return [hits[best[1]]] + hits[:best[1]] + hits[best[1] + 1:]


def population_lines(hit: Hit, taxa: tuple[str, ...], query: str) -> tuple[int, int] | None:
    """The lines of a listing's record on the species asked about: its own line and its population lines, up to
    the last whose range the question names ("Ciconia nigra ... – Central & Eastern Europe/Sub-Saharan Africa |
    A: 2"), or its own line alone in a record of one species a line ("Ciconia nigra" of the storks' row); from the
    first species' line to the last's when the question names several; None when no line of a record of several
    starts with a species' name."""
    text = hit.text
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    species = [t.lower() for t in finest(taxa) if " " in t.strip()]
    # each species asked about ("blue whales and humpback whales"): from the first one's line to the last one's
    starts = [i for i, (s, e) in enumerate(lines) if text[s:e].strip().lower().startswith(tuple(species))]
    if not starts or len(lines) < 2:
        return None
    first, last = starts[0], starts[-1]
    while last + 1 < len(lines) and POPULATION_LINE.match(text[slice(*lines[last + 1])]):
        last += 1
    if len(starts) == 1 and (words := range_words(query)):
        scores = [_named(text[slice(*lines[i])], words) for i in range(first + 1, last + 1)]
        if max(scores, default=0) > 0:
            last = first + 1 + max(range(len(scores)), key=lambda i: (scores[i], -i))
    return lines[first][0], lines[last][1]
