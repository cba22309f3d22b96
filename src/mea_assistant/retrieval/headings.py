"""The article whose own heading the question speaks: "What identification and monitoring duties does the CBD
place on each Party?" is about CBD Article 7, "Identification and Monitoring", though Article 9's sub-paragraphs
share more of its other words ("in-situ", "ex-situ", "measures").

A treaty's headings are its drafters' names for what each article is about; a question that says one, its words
together and in lower case (two words at least: "Definitions" alone names nothing in particular; "the Agreement
Secretariat" names a body), asks about that article.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..terms import content_words, fold, stem
from ..types import Hit

WINDOW = 8  # how far down the ranking the article the question names by its heading is looked for
_MIN_WORDS = 2
# A part's number or kind, not its heading ("Article 7", "Annex 3", "PART II")
_LOCATOR = re.compile(r"^\s*(?:article|art\.|annex|appendix|section|part|chapter|title|schedule|rule|paragraph)\b"
                      r"[\s\dIVXLC.()a-z-]*$|^[\s\dIVXLC.()-]*$", re.I)


def heading(hit: Hit) -> str:
    """The innermost heading over the paragraph ("Identification and Monitoring" of "Article 7 > Identification and
    Monitoring"); "" when the section names only a number."""
    last = hit.section.rsplit(">", 1)[-1].strip()
    return "" if _LOCATOR.match(last) else last


def _stems(text: str) -> tuple[str, ...]:
    return tuple(stem(fold(w)) for w in content_words(text))


@lru_cache(maxsize=64)
def _common_stems(question: str) -> tuple[str, ...]:
    """The question's content words written in lower case, in order: a heading it says as a name ("the AEWA
    Technical Committee", "Range States") names a body or instrument, which many articles speak of, not the subject
    of one."""
    return _stems(" ".join(w for w in re.findall(r"[\w'’-]+", question) if not w[:1].isupper()))


def speaks_heading(hit: Hit, question: str) -> bool:
    """The question says the heading's words together, in its order ("identification and monitoring duties"), not
    only somewhere ("the waterbird agreement ... its own secretariat" is no "Agreement Secretariat")."""
    words, said = _stems(heading(hit)), _common_stems(question)
    return len(set(words)) >= _MIN_WORDS and any(said[i:i + len(words)] == words
                                                 for i in range(len(said) - len(words) + 1))


def heading_first(hits: list[Hit], query: str) -> list[Hit]:
    """When the first hit's heading is not one the question speaks and one of the next few hits' is, that one
    leads; every other hit keeps its order. Not when the heading's words are the subject of the whole text ("Other
    Nuclear Accidents" in the Convention on Early Notification of a Nuclear Accident, "Evaluation reports" in a
    statute on evaluating its members): the other articles among the hits use them too."""
    if not hits or speaks_heading(hits[0], query):
        return hits
    top = hits[:WINDOW]
    for i, hit in enumerate(top[1:], 1):
        if speaks_heading(hit, query) and not _common_subject(hit, top):
            return [hit] + hits[:i] + hits[i + 1:]
    return hits


def _common_subject(hit: Hit, hits: list[Hit]) -> bool:
    """Another article among `hits` says every word of `hit`'s heading."""
    words = set(_stems(heading(hit)))
    return any(h.section != hit.section and words <= set(_stems(h.text)) for h in hits)
