"""What happens when the parties fail to agree: the clause that provides for the failure answers.

"Who picks the chair if the members cannot agree on one?" is answered by "If the members nominated by the Parties
are unable to agree on a Chairman within three months ..., any Party concerned may request the Secretary-General
... to appoint the Chairman", the fallback every appointment and settlement procedure drafts after its main
rule; the main rule ("A Fact-finding Commission shall be established, composed of one member nominated by each
Party ... and in addition a member ... who shall serve as Chairman") shares the question's words and is ranked
first. Treaties draft fallbacks in a few set ways: "If ... unable to agree / has not been designated within ...",
"Failing agreement ...", "In the absence of agreement ...".
"""

from __future__ import annotations

import re

from ..types import Hit

WINDOW = 4  # the fallback is looked for among the ranker's first few, where the main rule's siblings are

_FAILS = (r"(?:cannot|can\s*not|can't|could\s+not|do\s+not|does\s+not|don't|doesn't|did\s+not|fail\w*|unable\s+to|"
          r"are\s+not\s+able\s+to|is\s+not\s+able\s+to)")
_AGREE = r"(?:agree\w*|appoint\w*|name|nominate\w*|designate\w*|settle\w*|reach\w*|choose|elect\w*|decide)"
_ASKS = re.compile(rf"\b{_FAILS}\s+(?:\w+\s+){{0,3}}?{_AGREE}\b|\bno\s+agreement\b|\bdisagree\w*\b|\bdeadlock\w*\b|"
                   r"\bin\s+time\b(?=[^?]*\?)", re.I)
_PROVIDES = re.compile(r"\b(?:if|where|when|should)\b[^.;]{0,160}?\b(?:not|unable|fail\w*|no\s+agreement|cannot)\b|"
                       r"\bfailing\s+(?:such\s+)?(?:agreement|which|that|this|a\s+decision|appointment|designation)\b|"
                       r"\bin\s+(?:the\s+)?(?:absence|default)\s+of\b|\bno\s+agreement\b", re.I)


def fallback_first(hits: list[Hit], query: str) -> list[Hit]:
    """For a question on what happens when agreement or an appointment fails, the first of the top few hits that
    provides for the failure comes first, unless the first one does already; every other hit keeps its order."""
    if not hits or not _ASKS.search(query) or _PROVIDES.search(hits[0].text):
        return hits
    for i, hit in enumerate(hits[1:WINDOW], 1):
        if _PROVIDES.search(hit.text):
            return [hit] + hits[:i] + hits[i + 1:]
    return hits
