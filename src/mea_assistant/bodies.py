"""Bodies a text establishes name that text: "An International Fund for Cultural Diversity ... is hereby
established" makes "the International Fund for Cultural Diversity" a way of asking about that convention, as a
delegate does ("Where does the money of the International Fund for Cultural Diversity come from?").

Only a body no other document's text mentions: "A Conference of the Parties is hereby established" names no one
treaty, since every treaty has one.
"""

from __future__ import annotations

import re
from typing import Any

from .acronyms import CAPITAL_RUN, SMALL
from .terms import either_spelling
from .types import Document

_RUN = CAPITAL_RUN.pattern  # "International Fund for Cultural Diversity"
_ESTABLISHED = [
    re.compile(rf"\b(?:An?|The)\s+({_RUN})\s*(?:\([^)]{{0,40}}\))?\s*(?:,[^,]{{0,100}},)?\s*(?:is|are)\s+hereby\s+"
               rf"(?:established|set\s+up|created|constituted)"),
    re.compile(rf"\bhereby\s+(?:establish(?:es)?|set\s+up|create|constitute)\s+(?:an?|the)\s+({_RUN})"),
    re.compile(rf"\bThere\s+(?:is|shall\s+be)\s+(?:hereby\s+)?established\s+(?:an?|the)\s+({_RUN})"),
]
_CACHE: dict[tuple[Any, ...], dict[str, str]] = {}


def established_bodies(documents: dict[str, Document]) -> dict[str, str]:
    """Lower-cased name of a body one document establishes and no other mentions -> that document's id."""
    key = tuple((d.doc_id, len(d.paragraphs)) for d in documents.values())
    if key not in _CACHE:
        if len(_CACHE) > 64:
            _CACHE.clear()
        texts = {d: " ".join(" ".join(p.text.split()) for p in doc.paragraphs) for d, doc in documents.items()}
        lowered = {d: t.lower() for d, t in texts.items()}
        found: dict[str, set[str]] = {}
        for doc_id, text in texts.items():
            for pattern in _ESTABLISHED:
                for m in pattern.finditer(text):
                    name = " ".join(m.group(1).split())
                    if len([w for w in name.split() if w.lower() not in SMALL]) >= 2:
                        found.setdefault(name.lower(), set()).add(doc_id)
        _CACHE[key] = {name: next(iter(ids)) for name, ids in found.items() if len(ids) == 1
                       and not any(name in lowered[d] for d in lowered if d not in ids)}
    return dict(_CACHE[key])


def bodies_named(text: str, documents: dict[str, Document]) -> list[str]:
    """Documents whose established bodies the text names."""
    lower = " ".join(text.lower().split())
    return [doc_id for name, doc_id in established_bodies(documents).items()
            if re.search(rf"(?<![\w-]){either_spelling(re.escape(name))}(?![\w-])", lower)]
