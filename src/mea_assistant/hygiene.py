"""What a request may carry: a clean question of bounded length and a bounded history. Pure functions.

A chat history comes from the client, on an app that needs no login by default, so its size is the client's
choice; without a bound, a megabyte of history held a CPU for minutes. The last `max_turns` turns within
`max_chars` characters are used (a follow-up leans on the latest turns), the rest are dropped and counted so
the answer can say so. Terminal escapes and control characters are removed before anything reads the text:
an ANSI colour code pasted into a question used to make the assistant abstain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Sequence

from .errors import InputError
from .settings import Settings

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC strings, and two-byte escapes; 8-bit CSI too.
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
                   r"|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]")
# C0 and C1 controls but tab and newline; zero-width characters; bidirectional overrides that reorder text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t]{2,}")
ROLES = ("user", "assistant")


class EmptyQuestion(InputError):
    """Nothing left to ask once escapes and control characters are gone (the chat ignores it quietly)."""


def clean_text(text: str) -> str:
    """Escape sequences and control characters out; what remains is what a person typed."""
    text = _ANSI.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _SPACES.sub(" ", _CONTROL.sub(" ", text))


def _too_long(length: int, limit: int) -> str:
    return f"the question has {length} characters; the limit is {limit} (MEA_MAX_QUESTION_CHARS): shorten it"


def clean_question(question: Any, max_chars: int) -> str:
    """The question as text, cleaned and stripped; InputError (one line) when it is empty or too long."""
    if question is None:
        question = ""
    if not isinstance(question, str):
        raise InputError(f"the question must be text, not {type(question).__name__}")
    if len(question) > max_chars * 4 + 1000:  # a huge paste is refused on its raw length, before any work on it
        raise InputError(_too_long(len(question), max_chars))
    text = clean_text(question).strip()
    if not text:
        raise EmptyQuestion("the question is empty; type a question about the indexed agreements")
    if len(text) > max_chars:
        raise InputError(_too_long(len(text), max_chars))
    return text


def _checked(turns: Any) -> list[dict[str, str]]:
    """Every turn a {"role", "content"} mapping with text content; InputError naming the first that is not."""
    if turns is None:
        return []
    if isinstance(turns, (str, bytes)) or not isinstance(turns, Sequence):
        raise InputError('the history must be a list of {"role": "user"|"assistant", "content": "..."} turns')
    out = []
    for n, turn in enumerate(turns, 1):
        if not isinstance(turn, dict):
            raise InputError(f'history turn {n} is a {type(turn).__name__}, not a {{"role", "content"}} object')
        role, content = turn.get("role"), turn.get("content")
        if role not in ROLES:
            raise InputError(f"history turn {n}: role must be \"user\" or \"assistant\", not {str(role)[:20]!r}")
        if not isinstance(content, str):
            raise InputError(f"history turn {n}: content must be text, not {type(content).__name__}")
        out.append({"role": role, "content": content})
    return out


def bound_history(turns: Any, max_turns: int, max_chars: int) -> tuple[list[dict[str, str]], int]:
    """(the turns used, how many earlier turns were dropped). The newest turns are kept while they fit in
    `max_chars`; the newest one alone is cut to fit rather than dropped, its latest words kept."""
    checked = _checked(turns)
    kept: list[dict[str, str]] = []
    budget = max_chars
    for turn in reversed(checked[-max_turns:] if max_turns else []):
        content = turn["content"]
        if len(content) > budget:
            if kept or budget <= 0:
                break
            content = content[-budget:]
        budget -= len(content)
        kept.append({"role": turn["role"], "content": clean_text(content)})
    kept.reverse()
    return kept, len(checked) - len(kept)


@dataclass(frozen=True)
class Request:
    question: str
    history: list[dict[str, str]]
    dropped: int  # earlier history turns left out


def bound_request(question: Any, history: Any, settings: Settings) -> Request:
    """A question and history fit to answer: cleaned, checked and bounded by the MEA_MAX_* settings."""
    text = clean_question(question, settings.max_question_chars)
    turns, dropped = bound_history(history, settings.max_history_turns, settings.max_history_chars)
    return Request(text, turns, dropped)


def dropped_note(dropped: int) -> str:
    """The note an answer carries when its history was cut."""
    turns = "turn" if dropped == 1 else "turns"
    return (f"{dropped} earlier {turns} of the conversation were not read (only the latest are used; "
            "MEA_MAX_HISTORY_TURNS / MEA_MAX_HISTORY_CHARS)")
