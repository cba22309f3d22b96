"""Meetings as delegates name them ("COP1", "MOP 2", "MOS3") and as treaty texts number them ("the first meeting of
the Conference of the Parties"), so that a question naming one is read against the text that says it in words."""

from __future__ import annotations

import re

_MEETING = re.compile(r"(?i:(cop|mop|mos))\s?-?(\d{1,2})")
_BODIES = {"cop": "conference of the parties", "mop": "meeting of the parties", "mos": "meeting of the signatories"}


def meeting_in_words(term: str) -> str | None:
    """ "COP1" -> a pattern for "the first (ordinary) meeting/session of the conference of the parties" or "1st ..."
    in lower-case text; None for a term that names no numbered meeting."""
    from num2words import num2words

    meeting = _MEETING.fullmatch(term)
    if meeting is None:
        return None
    number = int(meeting.group(2))
    ordinal = r"[- ]?".join(map(re.escape, re.split(r"[- ]", num2words(number, to="ordinal"))))
    body = _BODIES[meeting.group(1).lower()].replace(" ", r"\s+")
    return rf"\b(?:{ordinal}|{number}(?:st|nd|rd|th))\s+(?:ordinary\s+)?(?:meeting|session)\s+of\s+the\s+{body}"
