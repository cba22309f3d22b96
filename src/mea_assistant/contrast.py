"""What a question sets aside: "change the wording of CITES itself rather than its species lists" asks about
the Convention's text, and "its species lists" would draw the article on amending the appendices; "the second,
less strict appendix instead of the strictest one" asks about the second. The words after "rather than",
"instead of" or "as opposed to", up to the next punctuation, are not searched for."""

from __future__ import annotations

import re

# (between commas, the aside goes with one of them: "Which bodies, as opposed to the Parties, may attend?")
_SET_ASIDE = re.compile(r"(?:,\s*)?\b(?:rather than|instead of|as opposed to)\s+[^,;:?.!]{1,60}?(?:\s*,(?=\s)|(?=\s*[;:?.!]|$))|"
                        r"\s*\b(?:rather than|instead of|as opposed to)\s+[^,;:?.!]{1,60}?(?=\s*,)", re.I)


def without_contrast(question: str) -> str:
    """`question` without what it sets aside; unchanged when it sets nothing aside."""
    text = " ".join(_SET_ASIDE.sub(" ", question).split())
    text = re.sub(r"\s+([?.!,;:])", r"\1", text)
    return text if _SET_ASIDE.search(question) and text.strip(" ?.!,;:") else question
