"""Where an instrument puts its rules on a topic, found by its own headings: articles, annex sections, MOU sections.

A treaty gives a subject an article ("Article 7 Identification and Monitoring"); an agreement's Action Plan
gives it a section ("3 Habitat Conservation", with 3.1.1 ... 3.3 under it); an MOU a section ("Section 7
Advisory Committee"). The paragraphs under such a heading are the instrument's core provisions on the topic,
whether or not they repeat the topic's words. A heading shared by most of the document (its title, "THE
SIGNATORIES,") says nothing about one subject and is skipped, and so do the words of the instrument's own title
(every heading of the waterbirds agreement is about waterbirds). When the topic locates itself in the
instrument's Action Plan ("... under the AEWA Action Plan"), the annexed sections come before the articles.
A core provision that sends the reader to a short annex of its own instrument ("having regard to the
indicative list of categories set down in Annex I") brings that annex with it. A topic on how the instrument stands
to another convention or body ("how does CITES work with the Atlantic tuna commission?", "do they override our duties
under the regional conventions?") has the instrument's own article on that as a core provision, found by its title
("Relationship with Other International Conventions", "Effect on Domestic Legislation and International
Conventions"), whatever else the topic asks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..force import TREATY_TYPES
from ..types import Document, Filters
from .subject import beyond, coverage

CORE_TYPES = TREATY_TYPES + ("mou",)  # instruments whose headings name their subjects
CORE_TITLE = 0.34  # a heading carrying this share of the subject words makes its provisions core ...
PART_TITLE = 0.5  # ... or this share of one conjunct's: "ports of entry" is not "Entry into Force"
OBJECTIVE_SHARE = 2.0  # the Objective article that states the subject outranks any titled heading
MAX_UNIT = 8  # a unit of at most this many numbered paragraphs is core whole; a longer one by its first
MAX_CORE = 10  # core paragraphs of a note, strongest heading first
MAX_ANNEX = 4  # an annex a core provision refers to, of at most this many paragraphs, is part of the core
SHARED = 0.25  # a heading over more than this share of a document's paragraphs is the document's own title
_LABEL = re.compile(r"^\s*(?:(?:Article|Art\.|Section|Part|Chapter|Annex)\s+)?[\dIVXLC]+(?:\.\d+)*\.?\s*$", re.I)
_LABEL_PREFIX = re.compile(r"^\s*(?:(?:Article|Art\.|Section|Part|Chapter)\s+)?[\dIVXLC]+(?:\.\d+)*\.?\s+", re.I)
_ARTICLE_LABEL = re.compile(r"^(?:Article|Art\.)\s+\w+", re.I)
_OBJECTIVE = re.compile(r"^\s*(?:Objectives?|Object|Purpose)\s*$", re.I)
_ANNEX = re.compile(r"\bAnnex\s+([IVX]+|\d+)\b")
_ROMAN = {"I": 1, "V": 5, "X": 10}
# The words of the articles treaties give their relation to other instruments, and of topics that ask about it.
_RELATIONS_TITLE = re.compile(r"\b(?:international\s+(?:conventions?|agreements?|instruments?)|other\s+(?:international\s+)?"
                              r"(?:conventions?|agreements?|instruments?)|relationship)\b", re.I)
_ASKS_RELATION = re.compile(r"\b(?:co-?operat\w*|collaborat\w*|work(?:s|ing)?\s+(?:with|together)|relat(?:e|es|ion|ions|"
                            r"ionship)\b|overrid\w*|conflict\w*|stricter|overlap\w*|untouched|prevail\w*|"
                            r"stand(?:s|ing)?\s+(?:to|towards)\b|interact\w*|interplay)", re.I)
# (not "secretariat": "does the CITES Secretariat work with airlines" asks about the instrument's own body)
_OTHER_BODY = re.compile(r"\b(?:conventions?|agreements?|commissions?|organi[sz]ations?|treat(?:y|ies)|protocols?|"
                         r"regimes?)\b", re.I)
Key = tuple[str, int]


@dataclass
class CoreUnit:
    doc_id: str
    title: str
    share: float
    positions: list[int]  # its numbered paragraphs (not list items), in document order
    annexed: bool  # in an annex (an Action Plan, a table) rather than the articles


def article_of(ref: str) -> str:
    """ "Art. III(4)(b)" -> "Art. III"; "" for a ref that is not an article's ("para. 13(h)", "B6")."""
    head = re.split(r"[(,]", ref, maxsplit=1)[0].strip()
    return head if head.startswith("Art.") else ""


def article_title(doc: Document, position: int) -> str:
    """The title of the article a paragraph belongs to ("Access to genetic resources"); "" when it has none."""
    section = doc.paragraphs[position].section
    return " ".join(part for part in section[1:] if not _ARTICLE_LABEL.match(part)) if len(section) > 1 else ""


def _numbered(doc: Document) -> list[int]:
    return [p.position for p in doc.paragraphs
            if not p.lead_in.strip() and p.kind not in ("preamble", "front-matter")]


def asks_relations(topic: str, subject_text: str) -> bool:
    """The topic asks how its instrument stands to another convention or body its subject names (the instruments
    the topic names are not in `subject_text`): "how does CITES work with the Atlantic tuna commission?"."""
    return bool(_ASKS_RELATION.search(topic) and _OTHER_BODY.search(subject_text))


def core_units(doc: Document, subject: dict[str, float], parts: list[dict[str, float]],
               relations: bool = False) -> list[CoreUnit]:
    """The document's headed units whose heading is on the subject (see the module's docstring); with `relations`,
    also the article on its relation to other instruments."""
    whole = subject  # the Objective article states the instrument's own subject: judged on every word
    own = f"{doc.title} {doc.citation_name}"
    subject, parts = beyond(subject, own), [p for p in (beyond(part, own) for part in parts) if p]

    def share(title: str) -> float:
        if not title.strip() or not subject or title.strip().lower() == doc.title.strip().lower():
            return 0.0
        by_part = [c for c in (coverage(part, title) for part in parts) if c >= PART_TITLE]
        return max([coverage(subject, title)] + by_part)

    units: dict[tuple[str, ...], CoreUnit] = {}
    numbered = _numbered(doc)
    limit = SHARED * max(1, len(doc.paragraphs))
    prefix_count: dict[tuple[str, ...], int] = {}
    for p in doc.paragraphs:
        for i in range(1, len(p.section) + 1):
            prefix_count[p.section[:i]] = prefix_count.get(p.section[:i], 0) + 1
    for pos in numbered:
        p = doc.paragraphs[pos]
        head = article_of(p.ref)
        annexed = p.ref.startswith(("Annex", "App"))
        if head and not annexed:
            title = article_title(doc, pos)
            weight = OBJECTIVE_SHARE if _OBJECTIVE.match(title) and coverage(whole, p.text) >= CORE_TITLE \
                else share(title)
            if relations and _RELATIONS_TITLE.search(title):
                weight = max(weight, CORE_TITLE)
            if weight >= CORE_TITLE:
                unit = units.setdefault((head,), CoreUnit(doc.doc_id, title, weight, [], False))
                unit.positions.append(pos)
            continue
        for i in range(1, len(p.section) + 1):  # the outermost heading on the subject holds the paragraph
            prefix = p.section[:i]
            label = p.section[i - 1]
            if prefix_count[prefix] > limit or _LABEL.match(label):
                continue
            weight = share(_LABEL_PREFIX.sub("", label))
            if weight >= CORE_TITLE:
                unit = units.setdefault(prefix, CoreUnit(doc.doc_id, label, weight, [], annexed))
                unit.positions.append(pos)
                break
    return list(units.values())


def core_provisions(documents: dict[str, Document], named: set[str], subject: dict[str, float],
                    parts: list[dict[str, float]], filters: Filters, plan: bool = False,
                    relations: bool = False) -> list[Key]:
    """The named instruments' core paragraphs on the topic: each headed unit whole when short, else its first
    paragraph; the Objective first, then the strongest headings (annexed ones first when the topic names the
    Action Plan), at most `MAX_CORE`."""
    found: list[tuple[bool, float, int, list[Key]]] = []
    for doc_id in sorted(named):
        doc = documents[doc_id]
        if doc.doc_type not in CORE_TYPES or not filters.allows(doc):
            continue
        for unit in core_units(doc, subject, parts, relations):
            keys = [(doc_id, pos) for pos in (unit.positions if len(unit.positions) <= MAX_UNIT else unit.positions[:1])]
            found.append((plan and not unit.annexed and unit.share < OBJECTIVE_SHARE, -unit.share, unit.positions[0],
                          keys))
    found.sort(key=lambda f: (f[0], f[1], f[2]))
    core: list[Key] = []
    for *_, keys in found:
        core += [k for k in keys if k not in core]
    core = core[:MAX_CORE]
    for doc_id in dict.fromkeys(k[0] for k in core):
        doc = documents[doc_id]
        core += [(doc_id, pos) for pos in annexes_referred(doc, [p for d, p in core if d == doc_id])
                 if (doc_id, pos) not in core]
    return core


def _number(label: str) -> int:
    """ "III" -> 3, "12" -> 12."""
    if label.isdigit():
        return int(label)
    values = [_ROMAN[c] for c in label]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def annexes_referred(doc: Document, positions: list[int]) -> list[int]:
    """Paragraphs of the short annexes these paragraphs (and the rest of their articles) refer to by number."""
    articles = {article_of(doc.paragraphs[pos].ref) for pos in positions} - {""}
    texts = [p.text for p in doc.paragraphs if p.position in positions or article_of(p.ref) in articles]
    wanted = {_number(m.group(1)) for text in texts for m in _ANNEX.finditer(text)}
    found: list[int] = []
    for number in sorted(wanted):
        own = [p.position for p in doc.paragraphs if not p.lead_in.strip()
               and (m := re.match(r"Annex\s+([IVX]+|\d+)\b", p.ref)) and _number(m.group(1)) == number]
        if 0 < len(own) <= MAX_ANNEX:
            found += own
    return found
