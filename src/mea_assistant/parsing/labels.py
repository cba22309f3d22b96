"""Recognise the numbering labels MEA documents use and render them as citable refs.

Styles seen across resolutions, treaties, plans and work programmes:
`14.` `18)` (num) · `5.8)` `4.1.4)` `2.1.1` (dotted) · `A1.` `B.8` (alnum) · `a)` `(a)` `a.` (letter) ·
`(i)` `ii)` (roman) · `(1)` (pnum) · `(A)` (pupper) · `I.` (uroman) · `A.` (uletter: the lettered paragraphs of
an article, as statutes of international agencies number them, cited "Art. IV A(1)(c)") · `Goal 1:`
`Objective 5.1` (named) ·
`.1` `.2` (pdot: the sub-paragraphs of IMO conventions' regulations, cited "regulation B-1.3" / "(3)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NAMED_WORDS = ("Goal", "Objective", "Target", "Action", "Activity", "Principle", "Output", "Outcome", "Result",
               "Priority", "Measure", "Recommendation", "Element", "Strategy")

# The suffixes of an article or paragraph inserted by an amendment between two numbers: "5bis", "1 ter", "9sexies".
INSERTED = r"(?:quinquies|sexies|septies|octies|novies|nonies|decies|quater|bis|ter)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("named", re.compile(rf"^({'|'.join(NAMED_WORDS)})\s+(\d+(?:\.\d+)*[a-z]?)\s*(?::|\.(?!\d)|\)|[-–—](?=\s))?\s+(?=\S)")),
    # "Section 1.01. This Agreement may be cited as ...": a financing agreement numbers its sections by article and
    # two digits, printed at the head of the paragraph (not "Section 2 of the Annex ...", which has no point)
    ("named", re.compile(r"^(Section)\s+(\d{1,2}\.\d{2})(?:\.\s+(?=\S)|\.?\s*$)")),
    # ... and glued to its text, as IMO texts extracted without spaces print it: "2.1.10.Parties shall ...",
    # "3.1.9Parties shall ...", "1.1.‘Shall’ is used ..." (a capital or an opening quotation mark after it)
    ("dotted", re.compile(r"^(\d{1,2}(?:\.\d{1,3})+)\s*[.)]?\s+(?=\S)"
                          r"|^(\d{1,2}(?:\.\d{1,3})+)\.?(?=[A-Z][a-z*]|[‘“\"'][A-Za-z]|\*[A-Z])")),
    # "2.", "2)", "2).  The Association ..." (a stray point after the parenthesis), and "2The arbitral tribunal ..."
    # (a text extraction that lost the space and the point)
    ("num", re.compile(rf"^(\d{{1,3}})\s*(?:\)\.|[.)])(?!\d)(?!\s?{INSERTED}\b)\s*(?=\S|$)|^(\d{{1,2}})(?=[A-Z][a-z]{{2,}}\s)"
                       rf"|^(\d{{1,3}}\s?(?:{INSERTED}|qua))\s*\.\s+(?=\S)"  # "5bis.", "1 qua." (inserted)
                       rf"|^(\d{{1,3}})\.\s?({INSERTED})\s*\.?\s+(?=\S)")),  # "1.bis." (a point inside)
    ("pnum", re.compile(r"^\((\d{1,3})\)\.?\s*(?=\S)")),  # "(1).  No vessel ..." (a point after it) too
    ("alnum", re.compile(r"^([A-Z])\s?\.?\s?(\d{1,3})\s*\.?(?=\s)\s*(?=\S)")),
    ("pupper", re.compile(r"^\(([A-Z])\)\s*(?=\S)")),
    ("pdot", re.compile(r"^\.(\d{1,2})(?![\d.])\s*(?=\S)")),
    # "II. Sharing", "II.Sharing of PNR:" (glued, as a letter's sections print), "(II) With reference to ..." (a
    # protocol's points in brackets)
    ("uroman", re.compile(r"^([IVX]{1,5})\.\s+(?=\S)|^([IVX]{1,5})\.(?=[A-Z][a-z]{2,}[\s,:;])"
                          r"|^\(([IVX]{1,5})\)\s*(?=\S)")),
    # "A.  The Agency shall ...", a bare "A." over "1.", and "B.The expenses ..." (glued, a capitalised word after it)
    ("uletter", re.compile(r"^([A-Z])\.(?:\s+(?=\S)|\s*$|(?=[A-Z][a-z]{2,}\s))")),
    # "a). Unless ..." (a stray point after the parenthesis) is item (a) too
    # ... and "(Iii)", a capital typed first
    # ... and "i.This Agreement", "ii. the budget" (a point after it, as some statutes print their sub-items)
    ("roman", re.compile(r"^\(?((?:x{0,3})(?:ix|iv|v?i{0,3}))\)\.?\s*(?=\S)"
                         r"|^\(([IVX](?:x{0,2})(?:ix|iv|v?i{0,3}))\)\s*(?=\S)"
                         r"|^((?:x{0,3})(?:ix|iv|v?i{0,3}))\.(?:\s+(?=\S)|(?=[A-Z]))")),
    # "(aa)", "(bb)": the doubled letters some drafters (IMO, the UK) number items under "(ii)" with
    ("dletter", re.compile(r"^\(([a-z])\1\)\s*(?=\S)")),
    ("letter", re.compile(r"^\(?([a-z])\s?\)\.?\s*(?=\S|$)|^([a-z])\.\s+(?=\S)|^([a-z])\.(?=[A-Z][a-z])|^([a-z])\.$"
                          r"|^([a-z])\.(?=[a-z]{2,}[\s,;:.]|a\s[a-z]|[\"“‘'](?:\s?[\"“‘'])?[A-Za-z])")),
    # "l.the regulation", "h.appoint ..." (glued), "a.a real action" (glued to the article "a"), "a.\"personal data\"
    # means" (glued to a quote), not "e.g."; a bare "a." over "i."; "(c )" with a space
]

# How deep each style usually sits, used only when a style is new to the current list.
RANK = {"uroman": 0, "pupper": 0, "uletter": 0, "named": 1, "alnum": 1, "dotted": 1, "num": 1, "letter": 2, "pdot": 2,
        "roman": 3, "pnum": 4, "dletter": 4}


@dataclass(frozen=True)
class Label:
    style: str
    value: str  # normalised: "B8", "5.8", "a", "ii", "Goal 1"
    rest: str  # the text after the label


def roman_to_int(value: str) -> int:
    """ "xiv" -> 14: a roman numeral as parts, articles and items are numbered."""
    total, prev = 0, 0
    for ch in reversed(value.lower()):
        n = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}[ch]
        total = total - n if n < prev else total + n
        prev = max(prev, n)
    return total


def detect(text: str) -> list[Label]:
    """All readings of a line's leading label, most likely first (`(i)` may be a letter or a roman numeral)."""
    found: list[Label] = []
    for style, pattern in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        groups = [g for g in match.groups() if g]
        if not groups:
            continue
        if style == "named":
            value = f"{groups[0]} {groups[1]}"
        elif style == "dletter":
            value = groups[0] * 2
        elif style == "alnum" or (style == "num" and len(groups) == 2):
            value = f"{groups[0]}{groups[1]}"
        else:
            value = groups[0].lower() if style == "roman" else groups[0]
        if style == "roman" and not value:
            continue
        rest = text[match.end():].strip()
        if not rest and style not in ("num", "dotted", "alnum", "letter", "uletter") and groups[0] != "Section":
            continue  # a bare "2.", "f)" or "Section 9.01" on its own line still opens it (its sub-items follow)
        found.append(Label(style, value, rest))
    # "(i)", "v)", "x)" read as letters too; "(c)" is never roman here.
    romans = [lab for lab in found if lab.style == "roman"]
    if romans and len(romans[0].value) == 1 and not any(lab.style == "letter" for lab in found):
        found.append(Label("letter", romans[0].value, romans[0].rest))
    if any(lab.style == "letter" for lab in found) and any(lab.style == "roman" for lab in found):
        if len(next(lab for lab in found if lab.style == "roman").value) > 1:
            found = [lab for lab in found if lab.style != "letter"]
    return found


def successor(style: str, value: str) -> str | None:
    """The label that would follow `value` in the same list ("a"->"b", "ii"->"iii", "B6"->"B7", "5.8"->"5.9")."""
    if style in ("num", "pnum", "pdot"):
        digits = re.match(r"\d+", value)
        return str(int(digits.group()) + 1) if digits else None  # after an inserted "5bis" comes 6
    if style in ("letter", "pupper", "uletter"):
        return chr(ord(value) + 1)
    if style == "dletter":
        return chr(ord(value[0]) + 1) * 2
    if style in ("roman", "uroman"):
        n = roman_to_int(value) + 1
        out = ""
        for num, sym in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
            while n >= num:
                out, n = out + sym, n - num
        return out.upper() if style == "uroman" else out
    if style == "alnum":
        return f"{value[0]}{int(value[1:]) + 1}"
    if style == "dotted":
        head, _, last = value.rpartition(".")
        return f"{head}.{int(last) + 1}"
    if style == "named":
        word, _, num = value.partition(" ")
        head, _, last = num.rpartition(".")
        if last.isdigit():  # "Section 1.01" -> "Section 1.02": the width of a zero-padded number kept
            return f"{word} {head + '.' if head else ''}{int(last) + 1:0{len(last) if last.startswith('0') else 1}d}"
    return None


def render_part(style: str, value: str, first: bool) -> str:
    """One label as it appears inside a ref: children in parentheses, named/dotted ones after a comma."""
    if style in ("letter", "roman", "pnum", "pupper", "pdot", "dletter"):
        return f"({value})"
    if style == "num":
        return value if first else f"({value})"
    return value if first else f", {value}"


def render_ref(container: str, parts: list[tuple[str, str]]) -> str:
    """`Art. III` + [(num,4),(letter,b)] -> `Art. III(4)(b)`; no container + [(num,31)] -> `para. 31`."""
    if not parts:
        return container
    style0, value0 = parts[0]
    if style0 == "uletter":
        head = f"{container} {value0}".strip()  # "Art. IV A", as a lettered part of an article ("Art. 6 B")
    elif container:
        if style0 in ("num", "letter", "roman", "pnum", "pdot"):
            head = f"{container}({value0})" if style0 == "num" else f"{container}{render_part(style0, value0, False)}"
        else:
            head = f"{container}, {value0}"
    elif style0 == "num":
        head = f"para. {value0}"
    else:
        head = render_part(style0, value0, True)
    return head + "".join(render_part(s, v, False) for s, v in parts[1:])
