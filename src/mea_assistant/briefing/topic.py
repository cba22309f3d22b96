"""A conversation -> the topic of a briefing note on it ("Make a briefing note from this conversation").

The chat already makes each question standalone (a follow-up "And for Appendix III?" is searched as "What does
CITES require to export a specimen of an Appendix III species?"), so the latest searched query carries the
conversation's subject. A note's topic names a subject, not a question: the question's framing words
("What does", "How must", "?") are dropped and the rest is kept as written.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

_FRAMING = re.compile(r"^\s*(?:(?:what|which|who|whom|how|when|where|why|whether)\b(?:\s+(?:exactly|much|many|"
                      r"long|often|kind of|kinds of|type of|types of))?\s*)?(?:(?:is|are|was|were|does|do|did|must|"
                      r"should|shall|can|could|may|might|will|would|has|have)\b\s*)?", re.I)
_TAIL = re.compile(r"[\s?!.]+$")
MAX_TOPIC_WORDS = 40


def is_question(text: str) -> bool:
    """The topic is worded as a question ("What CMS requires of ...", "... ?"), not as a subject."""
    return _FRAMING.match(text).end() > 0 or bool(re.search(r"\?\s*$", text))


def conversation_topic(turns: Sequence[dict[str, Any]]) -> str:
    """The topic of the latest answered turn (its standalone query, without question framing); "" if none."""
    for turn in reversed(list(turns or [])):
        query = str(turn.get("rewritten_query") or turn.get("question") or "").strip()
        if query:
            return question_to_topic(query)
    return ""


def question_to_topic(question: str) -> str:
    """ "What does CITES require to export a specimen?" -> "CITES require to export a specimen"."""
    text = " ".join(question.split())
    stripped = _TAIL.sub("", _FRAMING.sub("", text, count=1))
    words = (stripped or _TAIL.sub("", text)).split()
    return " ".join(words[:MAX_TOPIC_WORDS])
