"""The locators a question names ("paragraph 31 of Resolution 11.10", "Article III(4) of CITES", "B12 of the JWP"),
as the token prefixes `refs.ref_has_prefix` matches against paragraph refs."""

from __future__ import annotations

import re

from .parsing.labels import INSERTED
from .refs import ref_tokens


_NUM = r"[ivxlc]+|\d+"
# An article or part of an annex: "Article 3 of Annex II, Part 1", "Annex II, Part 1, Article 3", "Part 2 of Annex
# II" -> the annex's label, its part's, then the article's, as the refs of an annex read ("Annex II, Part 1, Art. 3(1)")
_ANNEX_REFS = [
    re.compile(rf"\b(?:article|art\.?)\s*(?P<art>{_NUM})\b(?P<rest>(?:\s*\(\s*\w{{1,4}}\s*\))*)\s+(?:of|in)\s+(?:the\s+)?"
               rf"annex\s+(?P<annex>{_NUM})\b(?:\s*,?\s*part\s+(?P<part>{_NUM})\b)?", re.I),
    re.compile(rf"\b(?:(?:in|of|under)\s+)?(?:part\s+(?P<part>{_NUM})\s+(?:of|to)\s+(?:the\s+)?annex\s+(?P<annex>{_NUM})|"
               rf"annex\s+(?P<annex2>{_NUM})\s*,?\s*part\s+(?P<part2>{_NUM}))\b"
               rf"(?:\s*,?\s*(?:article|art\.?)\s*(?P<art>{_NUM})\b(?P<rest>(?:\s*\(\s*\w{{1,4}}\s*\))*))?", re.I),
]
_REF_PATTERNS = [
    re.compile(rf"\b(?:article|art\.?)\s*(?P<art>[ivxlc]+|\d+(?:\s*{INSERTED})?)\b(?P<rest>(?:\s*(?:\(\s*\w{{1,4}}\s*\)|\.\s*\d+|,?\s*(?:paragraph|para\.?)\s*\d+|\s+\d+\b))*)", re.I),
    re.compile(r"\b(?:operative\s+paragraph|paragraph|para\.?|op\.?|§)\s*(?P<para>\d+(?:\.\d+)*)(?P<rest>(?:\s*\(\s*\w{1,4}\s*\))*)", re.I),
    re.compile(r"(?<![\w./])(?P<alnum>[A-D])\s?\.?\s?(?P<num>\d{1,2})(?![\w.])"),
    # A bare dotted locator counts only when it reads as one: "5.8 of the plan", "item 2.2", "4.1.4".
    re.compile(r"(?:\b(?:item|action|activity|point|target|objective|section|measure)\s+|(?<![\w.]))"
               r"(?P<dotted>\d{1,2}\.\d{1,2}\.\d{1,2}|\d{1,2}\.\d{1,2}(?=\s+(?:of|in|under)\b|\s*[:?]))(?![\d.]*\d)",
               re.I),
    re.compile(r"\b(?P<preamble>PP\s?\d+)\b"),
    # an appendix's annotation by its mark: "annotation #3", "#3" (a CITES annotation is printed as the note "#3")
    re.compile(r"(?:\b(?:annotations?|notes?)\s*)?(?<![\w#])#\s?(?P<hash>\d{1,2})\b", re.I),
    # a plan's own numbered part, as a document or paragraph is titled by it: "Target 9 of the CMS Strategic Plan"
    # (not "the Target 9 capacity-building document": a document named by the part it is about, asked about anything)
    re.compile(r"\b(?P<named>goal|target|objective|principle)\s+(?P<part_no>\d{1,2}|[A-Z])(?![\w.]|\.\d)"
               r"(?!\s+(?:[\w-]+\s+){0,2}(?:document|paper|report)s?\b)", re.I),
]


def explicit_refs(text: str) -> list[list[str]]:
    """Locator token prefixes named in a question: "Article III(4) of CITES" -> [['iii', '4']]."""
    out: list[list[str]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _ANNEX_REFS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            g = m.groupdict()
            annex, part = g.get("annex") or g.get("annex2"), g.get("part") or g.get("part2")
            taken.append(m.span())
            out.append([*ref_tokens(annex), *ref_tokens(part or ""), *ref_tokens(g.get("art") or ""),
                        *ref_tokens(g.get("rest") or "")])
    for pattern in _REF_PATTERNS:
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            groups = m.groupdict()
            if groups.get("art"):
                out.append([*ref_tokens(groups["art"]), *ref_tokens(groups.get("rest") or "")])
            elif groups.get("para"):
                out.append([*groups["para"].split("."), *ref_tokens(groups.get("rest") or "")])
            elif groups.get("alnum"):
                out.append([groups["alnum"].lower(), groups["num"]])
            elif groups.get("dotted"):
                out.append(groups["dotted"].split("."))
            elif groups.get("hash"):
                out.append(["note", f"#{groups['hash']}"])
            elif groups.get("preamble"):
                out.append(["pp", re.sub(r"\D", "", groups["preamble"])])
            elif groups.get("named"):
                out.append([groups["named"].lower(), groups["part_no"].lower()])
    return out


# "What does Annex I of the CBD list?": an annex named by its number as what lists or says something (not "the species
# listed in its Annex II", a question on what applies to them), with no article or paragraph of it after the number
_ANNEX = re.compile(r"\bannex\s+([ivx]+|\d{1,2})\b(?![\s,]*(?:paragraph|para\b|§|\d|part\b|art))"
                    r"(?:\s+(?:of|to|in)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,4}?)?"
                    r"\s+(?:list|lists|contain|contains|include|includes|say|says|cover|covers|set\s+out|sets\s+out|"
                    r"provide|provides|define|defines|identify|identifies)\b", re.I)


def named_annex(text: str) -> str | None:
    """The number of the annex a question asks about as a whole ("What does Annex I of the CBD list?"), when it
    names no locator of the kinds `explicit_refs` reads."""
    m = _ANNEX.search(text)
    return m.group(1) if m and not explicit_refs(text) else None
