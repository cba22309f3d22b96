"""Topic -> a cited briefing note, built from several questions to the `Assistant` (one per aspect of the topic).

A delegate's note has a fixed shape: purpose, key provisions by instrument, what Parties and Secretariats are
asked to do, related instruments and cooperation, and open points. Each aspect is one `Assistant.ask`; its
ranked paragraphs are kept when they fit the aspect (a paragraph that opens "Requests the Secretariat" goes
to Secretariats, not Parties). Every bullet is one paragraph's own words with a numbered reference; numbers
are assigned in reading order once the note is assembled, so the same paragraph has one number everywhere.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Sequence

from .answering import attribute, best_quote, terms
from .errors import InputError, MeaError
from .export import note_docx, note_markdown
from .types import Bullet, Hit, Note, NoteSection, Reference

if TYPE_CHECKING:
    from .assistant import Assistant

MAX_TOPIC_CHARS = 300
QUOTE_CHARS = 300  # bullets quote one sentence, not a whole paragraph
_SECRETARIAT = re.compile(r"\b(secretariats?|executive secretary)\b", re.I)
_PARTIES = re.compile(r"\b(Parties|Party|Range States?|Signator(?:y|ies)|Governments|Member States|States)\b")
_BODIES = re.compile(r"\b(Conference|Meeting) of the (Parties|Signatories)\b", re.I)
_COOPERATION = re.compile(r"\b(cooperat\w*|co-operat\w*|collaborat\w*|synerg\w*|partner\w*|joint\w*|coordinat\w*|"
                          r"liaison|memorand\w*)\b", re.I)
_INSTRUMENT = re.compile(r"\b([A-Z]{3,}s?|UNEP-WCMC|[Oo]rgani[sz]ations?|[Cc]onventions?|[Aa]greements?|"
                         r"Memorandum|[Pp]rogramme|[Ii]nitiative|[Pp]artnerships?|Liaison Group)\b")
_MODAL = re.compile(r"\b(shall|should|may|will|must|urges?|requests?|invites?|encourages?|decides?)\b", re.I)
_PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b")


@dataclass(frozen=True)
class Aspect:
    """One retrieval for one section: the question asked and which retrieved paragraphs belong to the section."""

    key: str
    title: str
    question: str  # "{topic}" is replaced by the topic
    accepts: Callable[[Hit], bool]
    limit: int


def addressee(hit: Hit) -> str:
    """"secretariat" | "parties" | "": whoever the paragraph's opening words address first.

    "Conference of the Parties" names the acting body, not an addressee, so it is ignored:
    "the Conference of the Parties requests the Secretariat to ..." addresses the Secretariat.
    """
    if hit.kind not in ("operative", "list"):
        return ""
    opening = _BODIES.sub(" ", hit.text[:260])
    sec, par = _SECRETARIAT.search(opening), _PARTIES.search(opening)
    if sec and (not par or sec.start() < par.start()):
        return "secretariat"
    return "parties" if par else ""


def _is_provision(hit: Hit) -> bool:
    return hit.kind != "heading-text" and len(hit.text.split()) >= 6


ASPECTS: tuple[Aspect, ...] = (  # order of assignment: the specific sections claim their paragraphs first
    Aspect("parties", "Requests and actions addressed to Parties",
           "What are Parties requested, urged or encouraged to do regarding {topic}?",
           lambda h: addressee(h) == "parties", 5),
    Aspect("secretariats", "Requests and actions addressed to Secretariats",
           "What are the Secretariats requested to do regarding {topic}?",
           lambda h: addressee(h) == "secretariat", 5),
    Aspect("related", "Related instruments and cooperation",
           "Which other conventions, organizations and partnerships are involved in {topic}?",
           lambda h: bool(_COOPERATION.search(h.text) and _INSTRUMENT.search(h.text)), 5),
    Aspect("key", "Key provisions", "{topic}", _is_provision, 6),
)
SECTION_ORDER = ("key", "parties", "secretariats", "related", "open")
PROBES = (  # questions a delegate would ask; when the corpus cannot answer one, it is an open point
    "How is {topic} funded?",
    "How is progress on {topic} reported and reviewed?",
    "What deadlines or timeframes apply to {topic}?",
)

_Key = tuple[str, int]


def _key(hit: Hit) -> _Key:
    return (hit.doc_id, hit.position)


class _Draft:
    """Paragraphs and bullets while the note is assembled; bullets hold paragraph keys until numbering."""

    def __init__(self) -> None:
        self.hits: dict[_Key, Hit] = {}
        self.quotes: dict[_Key, str] = {}
        self.bullets: dict[str, list[tuple[str, list[_Key], str]]] = {k: [] for k in SECTION_ORDER}

    def cite(self, hit: Hit, query: str) -> _Key:
        key = _key(hit)
        if key not in self.hits:
            self.hits[key] = hit
            self.quotes[key] = best_quote(hit.text, terms(query), max_chars=QUOTE_CHARS)
        return key

    def add(self, section: str, text: str, keys: list[_Key], group: str = "") -> None:
        self.bullets[section].append((text, keys, group))


def _ask(assistant: "Assistant", question: str, conventions: Sequence[str], doc_types: Sequence[str]) -> Any:
    return assistant.ask(question, conventions=conventions, doc_types=doc_types, k=20)


def _choose(aspect: Aspect, hits: list[Hit], used: set[_Key], topic_terms: set[str]) -> list[Hit]:
    chosen: list[Hit] = []
    for hit in hits:
        if len(chosen) >= aspect.limit:
            break
        context = terms(f"{hit.text} {hit.lead_in} {hit.section}")
        if _key(hit) in used or not aspect.accepts(hit) or (topic_terms and not topic_terms & context):
            continue
        words = set(hit.text.lower().split())
        if any(len(words & set(c.text.lower().split())) / max(1, len(words | set(c.text.lower().split()))) > 0.8
               for c in chosen):
            continue  # the same paragraph repeated in another document
        chosen.append(hit)
    return chosen


def _by_lead_in(hits: list[Hit]) -> list[list[Hit]]:
    """Sub-paragraphs under one lead-in ("... as reflected in the following Resolutions:") make one bullet."""
    leads = {(h.doc_id, h.lead_in.strip()) for h in hits if h.lead_in.strip()}
    groups: dict[tuple[str, str] | _Key, list[Hit]] = {}
    for hit in hits:
        if hit.lead_in.strip():
            key: tuple[str, str] | _Key = (hit.doc_id, hit.lead_in.strip())
        elif (hit.doc_id, hit.text.strip()) in leads:  # the lead-in paragraph itself joins its items
            key = (hit.doc_id, hit.text.strip())
        else:
            key = _key(hit)
        groups.setdefault(key, []).append(hit)
    return [sorted(g, key=lambda h: h.position) for g in groups.values()]


def _merged(hits: list[Hit], quotes: list[str]) -> str:
    full = next(h.lead_in.strip() for h in hits if h.lead_in.strip())
    lead = full if len(full) <= 220 else "… " + full[-200:].split(" ", 1)[-1]
    items = "; ".join(q.strip().rstrip(" ;,.") for q in quotes if q.strip() != full)
    return f"{hits[0].citation_name}, {', '.join(h.ref for h in hits)}: {lead} {items}."


def _differences(draft: _Draft) -> list[tuple[str, list[_Key]]]:
    """Open points drawn from the cited paragraphs: different kinds of instrument, different wording, old periods."""
    points: list[tuple[str, list[_Key]]] = []
    by_name: dict[str, list[_Key]] = {}
    for section in ("key", "parties", "secretariats", "related"):
        for _, keys, _ in draft.bullets[section]:
            for key in keys:
                by_name.setdefault(draft.hits[key].citation_name, [])
                if key not in by_name[draft.hits[key].citation_name]:
                    by_name[draft.hits[key].citation_name].append(key)
    kinds: dict[str, list[str]] = {}
    for name, keys in by_name.items():
        kinds.setdefault(draft.hits[keys[0]].doc_type or "document", []).append(name)
    if len(kinds) > 1:
        parts = [f"{kind.replace('-', ' ')}: {', '.join(names)}" for kind, names in kinds.items()]
        points.append(("The cited instruments differ in kind, and so in legal weight (" + "; ".join(parts) +
                       "); check which text binds whom.", [keys[0] for keys in by_name.values()]))
    modals: dict[str, tuple[list[str], list[_Key]]] = {}
    for name, keys in by_name.items():
        found = [(k, sorted({m.group(1).lower() for m in _MODAL.finditer(draft.quotes[k])})) for k in keys]
        words = sorted({w for _, ws in found for w in ws})
        if words:
            modals[name] = (words, [k for k, ws in found if ws][:2])
    if len(modals) > 1 and len({tuple(w) for w, _ in modals.values()}) > 1:
        parts = [f"{name} uses “{'”, “'.join(words)}”" for name, (words, _) in modals.items()]
        points.append(("The instruments word their commitments differently: " + "; ".join(parts) + ".",
                       [k for _, keys in modals.values() for k in keys]))
    this_year = _dt.date.today().year
    for name, keys in by_name.items():
        period = _PERIOD.search(name)
        if period and int(period.group(2)) < this_year:
            points.append((f"{name} covers {period.group(1)}–{period.group(2)}, a period that has ended: check "
                           "whether it was extended or replaced.", keys[:1]))
    return points


def build_note(assistant: "Assistant", topic: str, conventions: Sequence[str] = (),
               doc_types: Sequence[str] = ()) -> Note:
    """Ask one question per aspect of `topic`, keep the paragraphs that fit each section, number the citations."""
    topic = " ".join((topic or "").split())
    if not topic:
        raise InputError("the topic is empty; name a subject, e.g. \"cooperation between CMS and CITES\"")
    if len(topic) > MAX_TOPIC_CHARS:
        raise InputError(f"the topic has {len(topic)} characters; the limit is {MAX_TOPIC_CHARS}: shorten it")
    conventions, doc_types = tuple(conventions or ()), tuple(doc_types or ())
    topic_terms = terms(topic)
    draft, used, searches = _Draft(), set(), []
    for aspect in ASPECTS:
        answer = _ask(assistant, aspect.question.format(topic=topic), conventions, doc_types)
        searches.append({"aspect": aspect.key, "query": answer.rewritten_query, "abstained": answer.abstained})
        chosen = [] if answer.abstained else _choose(aspect, answer.retrieved, used, topic_terms)
        if aspect.key == "key":  # grouped by instrument, in the order the instruments ranked
            order = {name: i for i, name in enumerate(dict.fromkeys(h.citation_name for h in chosen))}
            chosen.sort(key=lambda h: (order[h.citation_name], h.position))
        for same_lead in _by_lead_in(chosen):
            keys = [draft.cite(hit, answer.rewritten_query) for hit in same_lead]
            used.update(keys)
            first = same_lead[0]
            text = (attribute(first, draft.quotes[keys[0]]).strip() if len(same_lead) == 1
                    else _merged(same_lead, [draft.quotes[k] for k in keys]))
            draft.add(aspect.key, text, keys, first.citation_name if aspect.key == "key" else "")
        if not chosen and aspect.key != "key":
            nearby = [draft.cite(h, answer.rewritten_query) for h in (answer.related or answer.retrieved)[:2]]
            draft.add("open", f"No paragraph of the indexed documents matched “{answer.question}”"
                      + (" Closest passages (not an answer):" if nearby else ""), nearby)
    for text, keys in _differences(draft):
        draft.add("open", text, keys)
    for probe in PROBES:
        answer = _ask(assistant, probe.format(topic=topic), conventions, doc_types)
        searches.append({"aspect": "probe", "query": answer.rewritten_query, "abstained": answer.abstained})
        if answer.abstained:
            nearby = [draft.cite(h, answer.rewritten_query) for h in answer.related[:2]]
            draft.add("open", f"The indexed documents do not answer “{answer.question}”"
                      + (" Closest passages (not an answer):" if nearby else ""), nearby)
    titles = {doc.title for doc in assistant.index.documents.values()}
    return _number(draft, topic, conventions, doc_types, searches, titles)


def _number(draft: _Draft, topic: str, conventions: tuple[str, ...], doc_types: tuple[str, ...],
            searches: list[dict[str, Any]], titles: set[str]) -> Note:
    """Give each cited paragraph one number, in reading order, and build the references list.

    A section path that is only the document's title (single-section documents) is left out of references.
    """
    headings = {a.key: a.title for a in ASPECTS} | {"open": "Open points"}
    numbers: dict[_Key, int] = {}
    references: list[Reference] = []
    sections: list[NoteSection] = []
    for key in SECTION_ORDER:
        section = NoteSection(key, headings[key])
        for text, keys, group in draft.bullets[key]:
            refs = []
            for k in keys:
                if k not in numbers:
                    numbers[k] = len(numbers) + 1
                    hit = draft.hits[k]
                    where = hit.section.split(" > ")[-1]
                    references.append(Reference(numbers[k], hit.doc_id, hit.ref, hit.display, hit.citation_name,
                                                draft.quotes[k], hit.text, "" if where in titles else where))
                if numbers[k] not in refs:
                    refs.append(numbers[k])
            section.bullets.append(Bullet(text, sorted(refs), group))
        sections.append(section)
    instruments = list(dict.fromkeys(r.citation_name for r in references))
    scope = []
    if conventions:
        scope.append("conventions " + ", ".join(conventions))
    if doc_types:
        scope.append("document types " + ", ".join(doc_types))
    purpose = (f"to set out what the indexed agreements say on “{topic}”"
               + (f" (limited to {'; '.join(scope)})" if scope else "")
               + f", citing {_count(len(references), 'paragraph')} of {_count(len(instruments), 'instrument')}"
               + (f": {', '.join(instruments)}." if instruments else "."))
    return Note(topic, purpose[:1].upper() + purpose[1:], sections, references, conventions, doc_types, searches)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def to_markdown(note: Note) -> str:
    return note_markdown(note)


def to_docx(note: Note, path: str | Path) -> Path:
    return note_docx(note, path)


def run_cli(assistant: "Assistant", args: argparse.Namespace) -> int:
    """`mea-assistant brief TOPIC [--out note.md|note.docx]`: Markdown on stdout, or the file written."""
    out: Path | None = getattr(args, "out", None)
    suffix = out.suffix.lower() if out else ""
    if out is not None and suffix not in (".md", ".docx"):
        raise MeaError(f"--out {out}: unknown format '{out.suffix or '(no suffix)'}'; "
                       "write a .md (Markdown) or .docx (Word) file")
    note = build_note(assistant, args.topic, conventions=getattr(args, "convention", None) or (),
                      doc_types=getattr(args, "doc_type", None) or ())
    if out is None:
        sys.stdout.write(to_markdown(note))
        return 0
    try:
        if suffix == ".md":
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(to_markdown(note), encoding="utf-8")
        else:
            to_docx(note, out)
    except OSError as exc:
        raise MeaError(f"{out}: cannot write the note ({exc.strerror or exc})") from exc
    print(f"wrote {out} ({len(note.references)} references)")
    return 0
