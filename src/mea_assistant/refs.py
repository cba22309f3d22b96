"""Paragraph locators as tokens: matching a loosely written ref ("III 4 b") against a parsed one ("Art. III(4)(b)").

The rule is the one of shared/eval-format.md, used by evaluation and by exact-reference lookup alike: the
expected tokens must appear in order in the paragraph's ref and end on the same token.
"""

from __future__ import annotations

import re

# Texts adopted with a treaty and printed after its articles (the conference's resolutions, a declaration, the ILO's
# Recommendation): each is a part of its own, and its paragraphs' refs open with its name ("Recommendation 146(13)(d)").
APPENDED_PARTS = ("Resolution", "Declaration", "Recommendation")

_NOISE = {"art", "article", "para", "paragraph", "paras", "op", "pp", "sub", "subparagraph", "no", "annex", "app",
          "appendix", "appendices", "section", "part", "chapter", "of", "and", "the", "rule", "table", "reg", "regulation"}


def ref_tokens(ref: str, keep_words: bool = False) -> list[str]:
    """`Art. III(4)(b)` -> ['art', 'iii', '4', 'b']; `B.8` -> ['b', '8']; `para. 31` -> ['para', '31']."""
    # an annotation's mark keeps its "#": "note #3" is not the numbered "note 3"
    tokens = re.findall(r"#\d+|\d+|[a-z]+", ref.lower().replace("¶", " pp "))
    return tokens if keep_words else [t for t in tokens if t not in _NOISE or t == "pp"]


def ref_matches(expected: str | None, actual: str) -> bool:
    if not expected:
        return True
    want = ref_tokens(expected)
    have = ref_tokens(actual)
    if not want:
        return True
    if not have or have[-1] != want[-1]:
        return False
    it = iter(have)
    return all(tok in it for tok in want)


def ref_has_prefix(prefix: list[str], actual: str) -> bool:
    """True when `actual` starts with the locator tokens in `prefix` (Art. III matches Art. III(4)(b)).

    The part after each container ("Annex 3, 2.1.1(a)") is tried on its own too, as delegates omit the annex.
    """
    parts = actual.split(", ")
    # each part after a container on its own: "App. I, II and III, note #3" is "note #3" too
    candidates = [ref_tokens(", ".join(parts[i:])) for i in range(len(parts))]
    return any(have[:len(prefix)] == prefix for have in candidates if have)
