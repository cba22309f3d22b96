"""Where a note was drawn from: the index build, the documents and their dates, the filters in force.

Treaties date themselves in words in their final clause ("DONE at Washington this third day of March, One
Thousand Nine Hundred and Seventy-three"); decisions and plans in figures ("2 May 2025", "2012-2014"). A
note shows each document with its year, or its period, read either way.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

_UNITS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                     "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i > 1}


def spelled_number(words: list[str]) -> int | None:
    """ "one thousand nine hundred and seventy-three" -> 1973; None when the words are not a number."""
    total = current = 0
    seen = False
    for word in words:
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif word == "and" and seen:
            continue
        else:
            return None
        seen = True
    return total + current if seen else None


def year_of(date: str | None) -> str:
    """The year (or period) of a document's date as the corpus gives it; "" when none can be read."""
    if not date:
        return ""
    years = re.findall(r"\b(1[89]\d\d|20\d\d)\b", date)
    if years:
        first, last = years[0], years[-1]
        return first if first == last else f"{first}–{last}"
    words = re.findall(r"[a-z]+", date.lower().replace("-", " "))
    for start, word in enumerate(words):
        if word in ("one", "two") and start + 1 < len(words) and words[start + 1] == "thousand":
            run = []
            for w in words[start:]:
                if w in _UNITS or w in _TENS or w in ("hundred", "thousand", "and"):
                    run.append(w)
                else:
                    break
            while run and run[-1] == "and":
                run.pop()
            value = spelled_number(run)
            if value and 1800 <= value <= 2099:
                return str(value)
    return ""


def scope_line(names: Iterable[tuple[str, str]], conventions: Iterable[str], doc_types: Iterable[str]) -> str:
    """ "Drawn from 3 documents: CITES Convention (1973), ...; limited to conventions CITES." """
    listed = [f"{name} ({year})" if year else name for name, year in names]
    if not listed:
        line = "No indexed document addresses this topic"
    else:
        line = f"Drawn from {len(listed)} document{'s' if len(listed) != 1 else ''}: {', '.join(listed)}"
    limits = []
    conventions, doc_types = list(conventions), list(doc_types)
    if conventions:
        limits.append("conventions " + ", ".join(conventions))
    if doc_types:
        limits.append("document types " + ", ".join(doc_types))
    return line + (f"; limited to {'; '.join(limits)}" if limits else "") + "."


def index_version(manifest: dict[str, Any], build_id: str, years: Iterable[str]) -> str:
    """ "20260514-101500-ab12cd (built 2026-05-14T10:15:00; documents dated 1971–2025)" """
    spread = sorted({y for period in years if period for y in re.findall(r"\d{4}", period)})
    dated = f"; documents dated {spread[0]}–{spread[-1]}" if len(spread) > 1 else \
        (f"; documents dated {spread[0]}" if spread else "")
    built = manifest.get("built_at", "")
    return f"{build_id} (built {built}{dated})" if built else f"{build_id}{dated}"
