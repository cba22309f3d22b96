"""A question that names something by an acronym the texts only write in full ("Does the Nagoya Protocol refer
to UNDRIP?") asks about the paragraphs that write that name: the first of them in the ranker's order leads, ahead
of paragraphs that share only its common words ("United Nations")."""

from __future__ import annotations

import re
from typing import Sequence

from ..types import Hit


def _pattern(phrase: str) -> re.Pattern[str]:
    """The name as written, small words between its capitalised ones allowed ("Rights of Indigenous Peoples")."""
    return re.compile(r"\b" + r"\W+(?:\w+\W+){0,2}?".join(re.escape(w) for w in phrase.split()) + r"\b", re.I)


RECURRING = 3  # candidates writing the name: from this many on, it is a body the text keeps naming, not one it cites


def spelled_first(hits: list[Hit], spelled: Sequence[str]) -> list[Hit]:
    """The best-ranked hit that writes out one of the question's acronyms, first; the others in their order. Not
    when several candidates write it: a body the text keeps naming ("the International Atomic Energy Agency" of the
    IAEA's conventions, on signature, depositary, requests for help) is what the question is set in, and the
    paragraph that first writes its name is no answer to what it asks of it."""
    patterns = [_pattern(p) for p in spelled]
    says = lambda hit: any(p.search(hit.text) for p in patterns)  # noqa: E731
    if not patterns or not hits or says(hits[0]):
        return hits
    writing = [h for h in hits if says(h)]
    if not writing or len(writing) >= RECURRING:
        return hits
    return [writing[0]] + [h for h in hits if h is not writing[0]]
