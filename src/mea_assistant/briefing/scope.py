"""The kinds of document a topic limits itself to, in its own words: "only what the COP resolutions say",
"(treaty texts only, not the MOUs or resolutions)", "base the note on the memorandum itself".

An officer who writes that expects the note to keep to those documents, as the `--doc-type` option would; a
scope the user gives explicitly always wins. What the topic excludes ("not the MOUs") is read as exclusion,
never as the scope itself.
"""

from __future__ import annotations

import re

from ..force import TREATY_TYPES

# Document types by the words a topic names them with (the types `docs` shows).
_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"(?:(?:COP|MOP|CMP|Conference)\s+)?(?:resolutions?|decisions?)", ("resolution", "decision")),
    (r"(?:treat(?:y|ies)(?:\s+texts?)?|conventions?|protocols?|agreements?)(?:\s+themselves)?", TREATY_TYPES),
    (r"(?:MOUs?|memorand(?:a|um)(?:\s+of\s+understanding)?)", ("mou",)),
    (r"(?:(?:joint\s+)?work\s+programmes?)", ("work-programme",)),
    (r"(?:strategic\s+plans?)", ("strategic-plan",)),
)
_EXCLUDED = re.compile(r"\b(?:not|excluding|except|other than|leaving out)\b[^,;.:)(]*", re.I)
# (not "since it is only a memorandum", "that's just a resolution": what a document is, said of one, not a scope)
_ONLY = r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!['’]s )\b(?:only|solely|just)\b(?!\s+an?\b)"


def scope_types(topic: str) -> tuple[str, ...]:
    """The document types "only X" / "X only" names, after what the topic excludes is set aside; () if none."""
    text = _EXCLUDED.sub(" ", topic)
    for words, types in _KINDS:
        # (not "only through the convention's fund": a thing of the convention, not a kind of document)
        before = re.search(rf"{_ONLY}\W+(?:\w+\W+){{0,3}}?(?:the\s+)?{words}\b(?!['’]s\b)", text, re.I)
        after = re.search(rf"\b{words}\W+only\b", text, re.I)
        # "Base the note on the joint work programme alone", "draw only on the memorandum itself"
        based = re.search(rf"\b(?:base|draw|rely|focus|keep|limit|restrict|confine)\w*\b[^.;:]{{0,40}}?\b(?:on|to|from)\s+"
                          rf"(?:the\s+)?(?:\w+\s+){{0,2}}?{words}\W+(?:alone|itself|themselves|only)\b", text, re.I)
        if before or after or based:
            return types
    return ()
