"""A bilateral treaty by the two countries that made it: "the Netherlands-US Fulbright agreement of 1972", "the
Norwegian-Dutch lost bonds agreement", "the Netherlands-Korea shipping agreement".

Its title names both ("Agreement between the Kingdom of the Netherlands and the United States of America ...",
"... between the Norwegian Government and the Netherlands Government ..."), in full or by the country's adjective;
a question names them joined by a hyphen, by their short names, adjectives or initials (the glossary's country
adjectives and acronyms), before the kind of instrument. Several documents between the same two countries are told
apart by a year the question gives, when it gives one.
"""

from __future__ import annotations

import re

from typing import Mapping, Sequence

from .types import Document

_PAIR = re.compile(r"\b([A-Z][\w.]*)\s*[-–]\s*([A-Z][\w.]*)\b(?=(?:\s+[\w'’-]+){0,4}?\s+(?:agreement|convention|"
                   r"treaty|protocol|exchange of (?:notes|letters)|arrangement|accord|MOU)s?\b)")


def _names_one(forms: set[str], title: str) -> bool:
    return any(re.search(rf"\b{re.escape(f)}\b", title, re.I) for f in forms)


def _forms(token: str, acronyms: Mapping[str, str], synonyms: Sequence[tuple[str, str]]) -> set[str]:
    """The ways a title may name the country a question calls `token`: the word itself, the country its
    adjective or initials stand for, and that country's adjective."""
    forms = {token}
    if token.upper() == token and token in acronyms:
        forms.add(acronyms[token])
    for pattern, words in synonyms:
        if words[:1].isupper() and re.fullmatch(pattern, token, re.I):
            forms.add(words)  # "Dutch" -> "Netherlands"
    for pattern, words in synonyms:
        if words[:1].isupper() and words in forms:
            forms |= set(re.findall(r"[A-Z][\w]+", pattern))  # "Norway" -> "Norwegian"
    return {f.lower() for f in forms}


def pair_named(text: str, documents: Mapping[str, Document], acronyms: Mapping[str, str],
               synonyms: Sequence[tuple[str, str]]) -> list[str]:
    """The documents a question names by the two countries that made them ("the Netherlands-US agreement"); the
    glossary's acronyms and synonyms (queries.py) give the countries' other names."""
    found: list[str] = []
    years = set(re.findall(r"\b(1[89]\d\d|20\d\d)\b", text))
    for match in _PAIR.finditer(text):
        left, right = (_forms(match.group(i), acronyms, synonyms) for i in (1, 2))
        if left == right:
            continue
        hits = [d.doc_id for d in documents.values() if " between " in d.title.lower()
                and _names_one(left, d.title) and _names_one(right, d.title)]
        dated = [h for h in hits if years & set(re.findall(r"\b(?:1[89]|20)\d\d\b", f"{documents[h].date or ''} "
                                                                                     f"{documents[h].title}"))]
        found += [h for h in (dated or hits) if h not in found]
    return found
