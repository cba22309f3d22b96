"""A question that asks two things ("Where is the OIV headquartered, and with whom are the instruments of
ratification deposited?") gets an answer to each, in its order.

Searched whole, such a question is matched by whatever paragraph shares words with both halves, often one
that answers neither; each ask searched on its own finds its own paragraph. An ask is a clause that starts a
new question after "and" or a question mark: a question word or an auxiliary ("and who ...", "and is it ...",
"? When ..."). An ask of fewer than two content words ("and can they be refused?") leans on the first one and
is not searched alone.
"""

from __future__ import annotations

import re

from .terms import terms

_STARTS = (r"(?:who|whom|whose|what|where|when|why|how|which|whether|with\s+whom|to\s+whom|by\s+whom|is|are|was|"
           r"were|does|do|did|can|could|must|may|might|shall|should|will|would|has|have)\b")
_SPLIT = re.compile(rf"(?:,\s*|\s+)(?:and|but)\s+(?={_STARTS})|\?\s+(?=[A-Z])", re.I)
MIN_TERMS = 2


# "... provision for non-commercial research and for health emergencies": a preposition repeated after "and"
# coordinates two complements of the same head, each an ask of its own.
_PARALLEL = re.compile(r"\s+and\s+(about|on|for|regarding|concerning|to|with|in|under|from)\s+(?=\S)", re.I)


def asks(question: str) -> list[str]:
    """The question's asks, when it has two or more that can each be searched alone; else []."""
    parts = [p.strip(" ,;?") for p in _SPLIT.split(question)]
    parts = [p for p in parts if len(terms(p)) >= MIN_TERMS]
    if len(parts) < 2:
        parts = parallel(question.strip(" ?"))
    return parts if len(parts) >= 2 else []


def parallel(question: str) -> list[str]:
    """ "What should each Agreement say about settling disputes and about national authorities?" -> "What should
    each Agreement say about settling disputes", "What should each Agreement say about national authorities": the
    words before the same preposition's last place ahead of "and" are the head both complements share."""
    m = _PARALLEL.search(question)
    if m is None:
        return []
    earlier = list(re.finditer(rf"\b{m.group(1)}\b", question[:m.start()], re.I))
    if not earlier:
        return []
    head = question[:earlier[-1].start()]
    first, second = question[:m.start()], f"{head}{question[m.start(1):]}"
    if not terms(question[m.end():]) or not terms(question[earlier[-1].end():m.start()]):
        return []
    return [first.strip(" ,;"), second.strip(" ,;")]
