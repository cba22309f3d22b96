"""A question that names something by an acronym the texts only write in full ("Does the Nagoya Protocol refer
to UNDRIP?") asks about the paragraphs that write that name: the first of them in the ranker's order leads, ahead
of paragraphs that share only its common words ("United Nations")."""

from __future__ import annotations

import re
from typing import Sequence

from ..types import Hit


def _says(text: str, phrase: str) -> bool:
    words = [re.escape(w) for w in phrase.split()]
    # the name as written, small words between its capitalised ones allowed ("Rights of Indigenous Peoples")
    return bool(re.search(r"\b" + r"\W+(?:\w+\W+){0,2}?".join(words) + r"\b", text, re.I))


def spelled_first(hits: list[Hit], spelled: Sequence[str]) -> list[Hit]:
    """The best-ranked hit that writes out one of the question's acronyms, first; the others in their order."""
    if not spelled or not hits or any(_says(hits[0].text, p) for p in spelled):
        return hits
    found = next((h for h in hits if any(_says(h.text, p) for p in spelled)), None)
    return hits if found is None else [found] + [h for h in hits if h is not found]
