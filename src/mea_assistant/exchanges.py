"""Exchanges of notes and letters: one note proposes, the reply accepts, and "this note and your reply shall constitute
an Agreement between our two Governments".

Many agreements take this form (a host agreement for a meeting, a staging base, a supplementary arrangement), and a
treaty database prints them under its own-language title, the notes under "### Nr. I" / "### Nr. II" and a letterhead
("MINISTER OF FOREIGN AFFAIRS", "ROYAL NETHERLANDS EMBASSY"). Neither the database's title nor a letterhead names the
agreement; its notes do: the agreement they "constitute" when they name it, else the arrangement the first note
proposes, else what it refers to ("discussions ... relating to Canadian use of Netherlands facilities as a staging
base"). The notes are parts of their own, each cited by its number ("Nr. I(a)").
"""

from __future__ import annotations

import re

# The number of a note heading a part ("### No. I", "### Nr.  II"; a Dutch database's copy writes "Nr." for "No.", at
# times without its point: "### Nr  I").
NOTE_RE = re.compile(r"(No|Nr)(?:\.\s*|\s+)([IVX]{1,4}|\d{1,2})")

# The formula that makes the notes an agreement: "this Note and your reply ... shall constitute an Agreement".
_CONSTITUTES = re.compile(r"\b(?:letter|note)s?\b[^.]{0,250}?\b(?:reply|answer|acceptance)\b[^.]{0,250}?"
                          r"\bconstitut(?:e|es|ing)\b", re.I)
_PREPOSITION = r"(?:covering|on|concerning|relating\s+to|regarding|respecting|in\s+respect\s+of|for)"
# "... will constitute the Agreement covering the Twenty-ninth Session of the FAO/WHO Coordinating Committee for
# Europe."
# Or by its parties: "... shall constitute an agreement between the Kingdom of the Netherlands and the Iran-United
# States Claims Tribunal which will enter into force ...".
_NAMED = re.compile(rf"\bconstitut(?:e|es|ing)\s+(?:between\s+our\s+two\s+Governments\s+)?(?:the|an?)\s+"
                    rf"((?:Agreement|Arrangement)\s+(?:{_PREPOSITION}|between)\s+[^.;]{{8,200}}?)\s*"
                    rf"(?:[.;]|,?\s+which\b)", re.I)
# "I propose ... the following supplementary arrangement between the Government of ... and the Government of ...
# respecting those military members ...": the arrangement proposed, up to what it is about.
_PROPOSED = re.compile(rf"\bpropose\b[^.]{{0,200}}?\bthe\s+following\s+((?:[a-z]+\s+)?(?:arrangement|agreement)\s+"
                       rf"between\s+[^.;]{{8,200}}?)\s+{_PREPOSITION}\b", re.I)
# "I have the honour to refer to discussions ... relating to Canadian use of Netherlands facilities as a staging base."
_REFERRED = re.compile(rf"\bI have the honou?r to refer to\b[^.]{{0,250}}?\b{_PREPOSITION}\s+([^.;]{{8,160}}?)\s*[.;]",
                       re.I)
_INSTRUMENT = re.compile(r"\b(?:agreement|arrangement|convention|protocol|treaty|memorandum|exchange|charter|accord|"
                         r"notes?|letters?)\b", re.I)
# The parties themselves, never a name: "an Agreement between our two Governments".
_NO_NAME = re.compile(r"\bour\b|\b(?:two|both)\s+(?:Governments|Parties|States)\b|\bthe\s+foregoing\b|"
                      r"\bbetween\s+(?:them|us)\b", re.I)


def note_series(headings: list[str]) -> bool:
    """The text is a series of numbered notes ("No. I" and "No. II", or 1 and 2): its first note opens a part
    although it comes before any article."""
    numbers = {m.group(2).strip() for h in headings if (m := NOTE_RE.fullmatch(h.strip(" *#")))}
    return bool(numbers & {"I", "1"}) and bool(numbers & {"II", "2"})  # "Nr. 1" then "Nr. II" in one copy


def is_exchange(text: str) -> bool:
    """The notes say that they and the reply constitute the agreement."""
    return bool(_CONSTITUTES.search(text))


def title_from_notes(text: str) -> str | None:
    """The agreement the notes constitute, as they name it; else the arrangement proposed, else its subject."""
    for pattern in (_NAMED, _PROPOSED, _REFERRED):
        for match in pattern.finditer(text):
            title = " ".join(match.group(1).split())
            if not _NO_NAME.search(title):
                return title[:1].upper() + title[1:]
    return None


def names_instrument(title: str) -> bool:
    """A title that says what instrument it is, unlike a letterhead ("ROYAL NETHERLANDS EMBASSY")."""
    return bool(_INSTRUMENT.search(title))


def heading_title(sections: list[tuple[str, ...]], foreign: frozenset[str]) -> str | None:
    """An exchange of numbered notes under a database's own-language title, whose first note attaches what the notes
    agree under a heading of its own ("####Procedures for reciprocal filing of classified patent applications in the
    United States of America and the Netherlands"): that heading names the text. A letterhead in capitals ("THE
    FOREIGN SERVICE OF THE UNITED STATES"), a note's number or a heading of few words does not."""
    headings = list(dict.fromkeys(h for section in sections for h in section))
    if not note_series(headings):
        return None
    for heading in headings:
        words = re.findall(r"[^\W\d_]+", heading)
        if heading in foreign or NOTE_RE.fullmatch(heading.strip(" *#")) or len(words) < 5 or heading.isupper():
            continue
        if sum(w[:1].islower() for w in words) >= 2:  # a title in running words, not a letterhead or a name
            return " ".join(heading.strip(" *#.").split())
    return None
