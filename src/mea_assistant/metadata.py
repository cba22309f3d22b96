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
_ABBREV = {i.code: i.citation for i in catalogue().instruments if i.citation}


def detect_conventions(title: str, head: str, body: str) -> tuple[str, ...]:
    """Instruments named in the title block first, then any named often in the body, then their parents.

    A protocol brings its convention ("Nagoya" -> "CBD"); an agreement or MOU concluded under a convention
    (AEWA, a document titled "Memorandum of Understanding") brings it when its text names that convention.
    """
    positions: list[tuple[int, str]] = []
    for code, pattern in _PATTERNS.items():
        match = pattern.search(title + "\n" + head)
        if match:
            positions.append((match.start(), code))
    found = [code for _, code in sorted(positions)]
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
    return tuple(found) or ("other",)


def detect_doc_type(title: str, head: str, body: str) -> str:
    text = f"{title}\n{head}"
    symbol = r"^\W*(?:UNEP/\w+/)?(?:Resolution|Decision|Recommendation)\s+(?:Conf\.\s*)?\d+\.\d+[^\n]{0,30}$"
    if re.search(symbol, head.split("\n\n")[0], re.M | re.I):
        return "resolution"
    rules = [
        ("work-programme", r"work ?programme|programme of work|joint work"),
        ("correspondence", r"\bresponse to\b|\bletter\b|request for information|\bemail\b"),
        ("resolution", r"\bResolution\s+(?:Conf\.\s*)?\d+\.\d+|\bDecision\s+\d+\.\d+|\bRecommendation\s+\d+\.\d+"),
        ("mou", r"Memorandum of Understanding|\bMOU\b"),
        ("action-plan", r"Action Plan"),
        ("strategic-plan", r"Strategic Plan|Strategy\b|\bTarget \d+"),
        ("protocol", r"^\W*Protocol\b|\bProtocol on\b"),
        ("agreement", r"^\W*Agreement on\b"),
        ("convention", r"^\W*Convention\b|\bConvention on\b"),
    ]
    for kind, pattern in rules:
        if re.search(pattern, title, re.I | re.M):
            return kind
    for kind, pattern in rules:
        if re.search(pattern, text, re.I | re.M):
            return kind
    if re.search(r"^### Article|\bArticle [IVX1-9]+\b", body[:5000]):
        return "convention"
    return "document"


def detect_date(text: str) -> str | None:
    """The meeting or date a document states in its opening ("14th Meeting (Samarkand, February 2024)")."""
    patterns = [
        r"(?:Adopted|adopted)[^\n.]{0,80}?(?:Meeting|session)[^\n]{0,60}?\(([^)]*\d{4})\)",
        r"\b(?:done|DONE|Opened for signature)\s+at\s+([A-Z][a-z]+[^.\n]{0,60}?\d{4})",
        r"\(email dated ([^)]+\d{4})\)",
        r"\b(\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})\b",
        r"\b((?:19|20)\d{2}\s*[-–]\s*(?:19|20)?\d{2,4})\b",
    ]
    for pattern in patterns:
        match = re.search(pattern, text)
        if match:
            return re.sub(r"\s+", " ", match.group(1)).strip()
    return None


def citation_name(title: str, head: str, conventions: tuple[str, ...], doc_type: str, doc_id: str) -> str:
    """Short names as delegates write them: "CMS Res. 11.10 (Rev.COP14)", "CITES Convention", "Sharks MOU"."""
    text = f"{title}\n{head}"
    res = re.search(r"Resolution\s+(Conf\.\s*)?(\d+\.\d+)(\s*\((?:Rev\.?\s*)?[A-Za-z]*\s*\d+\))?", head)
    if res and doc_type == "resolution":
        prefix = conventions[0] if conventions and conventions[0] != "other" else ""
        rev = re.sub(r"\s+", "", res.group(3) or "")
        conf = "Conf. " if res.group(1) else ""
        return f"{prefix} Res. {conf}{res.group(2)}{' ' + rev if rev else ''}".strip()
    primary = conventions[0] if conventions else "other"
    if doc_type in ("convention", "protocol", "agreement") and primary in _ABBREV:
        return _ABBREV[primary]
    if doc_type == "mou":
        subject = re.search(r"Conservation of (?:Migratory )?([A-Z][a-z]+)", title, re.I)
        if subject:
            return f"{subject.group(1).capitalize()} MOU"
    if doc_type == "work-programme":
        years = re.search(r"(\d{4})\s*[-–]\s*(\d{2,4})", text)
        members = "-".join(c for c in conventions if c != "other") or primary
        return f"{members} Joint Work Programme {years.group(1)}-{years.group(2)}" if years else f"{members} Work Programme"
    if doc_type == "correspondence":
        year = re.search(r"\b(20\d\d|19\d\d)\b", text)
        return f"{primary} Secretariat response{' ' + year.group(1) if year else ''}"
    target = re.search(r"\b(Target \d+)\b", title)
    if doc_type == "strategic-plan" and target:
        return f"{primary} Strategic Plan, {target.group(1)}"
    mou = re.search(r"\b([A-Z][a-z]+) MOU\b", text)
    if mou:
        meeting = re.search(r"\b(MOS\d+)\b", text) or re.search(r"\b(COP\d+)\b", text)
        return f"{mou.group(1)} MOU {meeting.group(1) + ' ' if meeting else ''}doc"
    words = re.sub(r"[^\w\s-]", "", title).split()
    short = " ".join(words[:8]) if words else doc_id
    return short if len(short) <= 60 else short[:57] + "..."


def head_text(paragraphs: list[Paragraph], title: str, limit: int = 1500) -> str:
    parts = [title, *[" ".join(p.section) for p in paragraphs[:3]], *[p.text for p in paragraphs[:6]]]
    return "\n".join(parts)[:limit]
