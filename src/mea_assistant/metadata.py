"""Document-level metadata from the text itself: which convention, what kind of document, its short name.

Heuristics read the title block and the first paragraphs, as a librarian would; nothing is keyed to a
file name, so an unseen resolution or treaty gets sensible values too.
"""

from __future__ import annotations

import re

from .instruments import catalogue
from .types import Paragraph

# Which instruments a document names, and the short names of the treaties' own texts: data/instruments.toml.
_INSTRUMENTS = catalogue().in_documents()
_PATTERNS = {i.code: re.compile(i.document_pattern) for i in _INSTRUMENTS}


# What a title says before the instrument it was made under: "Protocol to the", "Agreement under the".
_PARENT = re.compile(r"\b(?:Protocol|Agreement|Amendments?|Annex)\b[^,;]{0,60}?\b(?:to|under)\s+the\b", re.I)


def own_instrument(title: str) -> str | None:
    """The instrument whose own text this is, by its title: the entry matched earliest in the title.

    "Nagoya Protocol ... to the Convention on Biological Diversity" is the Nagoya Protocol (matched at 0), not
    the CBD; a preamble or body that mentions CMS does not make a text the CMS Convention.
    """
    best: tuple[int, int, str] | None = None
    for n, inst in enumerate(catalogue().instruments):
        match = re.search(inst.title_pattern, title)
        if match and _PARENT.search(title[:match.start()]):
            continue  # "1996 Protocol to the Convention on the Prevention of Marine Pollution ...": its parent
        if match and (best is None or (match.start(), n) < best[:2]):
            best = (match.start(), n, inst.code)
    return best[2] if best is not None and best[0] <= 40 else None


HEAD_WORDS = 25  # a longer line of the head is a preamble run onto one line: the treaties it recalls are not its own


def detect_conventions(title: str, head: str, body: str, own: str | None = None,
                       standalone: bool = False) -> tuple[str, ...]:
    """The document's own instrument, then those named in the title block, then any named often in the body,
    then their parents.

    A protocol brings its convention ("Nagoya" -> "CBD"); an agreement or MOU concluded under a convention
    (AEWA, a document titled "Memorandum of Understanding") brings it when its text names that convention.
    A `standalone` treaty (a convention) the data file does not know is its own instrument: the conventions
    its preamble recalls (the Landscape Convention recalls Bern, the Intangible Heritage Convention the World
    Heritage Convention) are not its own, nor tags at all unless its title names them or its body keeps naming them
    (a preamble run onto one line of the head is no title block: `HEAD_WORDS`)
    (a title the data file misses by a typo, "air polution", still leads with LRTAP, named 15 times).
    """
    positions: list[tuple[int, str]] = []
    head = "\n".join(line for line in head.splitlines() if len(line.split()) <= HEAD_WORDS)
    for code, pattern in _PATTERNS.items():
        match = pattern.search(title + "\n" + head)
        if match:
            positions.append((match.start(), code))
    found = [code for _, code in sorted(positions)]
    if own is not None:
        found = [own] + [code for code in found if code != own]
    counts = {code: len(pattern.findall(body)) for code, pattern in _PATTERNS.items()}
    for code, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        if n >= 3 and code not in found:
            found.append(code)
    for inst in _INSTRUMENTS:
        if inst.part_of_parent and inst.code in found and inst.parent not in found:
            found.append(inst.parent)
    for parent in catalogue().instruments:
        if parent.code in found or not counts.get(parent.code):
            continue
        child_found = any(i.parent == parent.code and not i.part_of_parent and i.code in found for i in _INSTRUMENTS)
        if child_found or (parent.child_titles and re.search(parent.child_title_pattern, title)):
            found.append(parent.code)
    if standalone and own is None and found and counts[found[0]] < 3 and not _PATTERNS[found[0]].search(title):
        found = ["other"] + found
    return tuple(found) or ("other",)


_ENDS = r"\b%s\b(?:,?\s*\d{4})?\W*$"  # the title's last word, before a year
# A title that opens with what the instrument is ("Protocol on ...", "Accord sur ...", "International Convention ...").
# "European Agreement ...", "General Agreement ...": one adjective of region or scope may come first.
_QUALIFIER = r"(?:(?-i:[A-Z])[\w-]*(?:an|al|ic|ary)\s+)?"
_OPENS = {"protocol": r"^\W*(?:The\s+)?Protocol[eo]?\b",
          "agreement": r"^\W*(?:The\s+)?" + _QUALIFIER + r"(?:Agreement|Accord|Acuerdo)\b",
          "convention": r"^\W*(?:The\s+)?(?:International\s+)?(?:Convention|Convenio|Convención|Treaty|Trait[ée]|Tratado)\b"}


def detect_doc_type(title: str, head: str, body: str) -> str:
    text = f"{title}\n{head}"
    symbol = r"^\W*(?:UNEP/\w+/)?(?:Resolution|Decision|Recommendation)\s+(?:Conf\.\s*)?\d+\.\d+[^\n]{0,30}$"
    if re.search(symbol, head.split("\n\n")[0], re.M | re.I):
        return "resolution"
    # English, French and Spanish titles: "Agreement on ...", "Accord sur ...", "Convenio sobre ...".
    rules = [
        ("work-programme", r"work ?programme|programme of work|joint work|programme de travail|programa de trabajo"),
        ("correspondence", r"\bresponse to\b|\bletter\b|request for information|\bemail\b"),
        ("resolution", r"\bR[ée]solu(?:tion|ción)\s+(?:Conf\.\s*)?\d+\.\d+|\bD[ée]cisi[oó]n?\s+\d+\.\d+|"
                       r"\bRecommendation\s+\d+\.\d+"),
        ("mou", r"Memorandum of Understanding|\bMOU\b|M[ée]morandum d.accord|Memorando de Entendimiento"),
        ("action-plan", r"Action Plan|Plan d.action|Plan de acci[oó]n"),
        ("strategic-plan", r"Strategic Plan|Strategy\b|\bTarget \d+|Plan strat[ée]gique|Plan Estrat[ée]gico"),
        # "Kyoto Protocol to the United Nations Framework Convention ...": a protocol, whatever convention it names
        # ... and a title that ends with what the instrument is ("International Tropical Timber Agreement, 2006")
        ("protocol", _OPENS["protocol"] + r"|\bProtocol\s+(?:on|to|of|relating|concerning)\b|" + _ENDS % "Protocol"),
        # ... "European Agreement on the Exchange of ...", whose text speaks of "the Protocol to this Agreement"
        ("agreement", _OPENS["agreement"] + r"|\bAgreement\s+(?:on|for|concerning|relating to|establishing|between)\b|"
                      + _ENDS % "Agreement"),
        ("convention", _OPENS["convention"] + r"|\b(?:Convention|Convenio|Convención)\s+(?:on|for|concerning|relating to|"
                       r"sobre|para)\b"),
    ]
    # a title that opens with what the instrument is says so before one that ends with it: "Agreement on ...
    # investments between the Kingdom of the Netherlands and the Republic of Chile Protocol" (the database's title of an
    # agreement printed with its protocol) is an agreement
    opens = next((kind for kind, pattern in _OPENS.items() if re.match(pattern, title, re.I)), None)
    for kind, pattern in rules:
        if kind in _OPENS and opens:
            return opens
        if re.search(pattern, title, re.I | re.M):
            return kind
    for kind, pattern in rules:
        if re.search(pattern, text, re.I | re.M):
            return kind
    if re.search(r"^### Article|\bArticle [IVX1-9]+\b", body[:5000]):
        return "convention"
    return "document"


def head_text(paragraphs: list[Paragraph], title: str, limit: int = 1500) -> str:
    parts = [title, *[" ".join(p.section) for p in paragraphs[:3]], *[p.text for p in paragraphs[:6]]]
    return "\n".join(parts)[:limit]
