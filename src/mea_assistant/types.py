"""Domain objects passed between layers. Imports nothing heavy, so every layer (and the tests) can use them."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


# Kinds of paragraph that frame rather than provide (a recital, the title block, "The Conference of the Parties,",
# a heading's own words): an answer or a note leads with them only when nothing operative says it.
CONTEXT_KINDS = ("preamble", "front-matter", "acting-body", "heading-text")


@dataclass(frozen=True)
class Paragraph:
    """One citable unit of a document, labelled with the document's own numbering.

    `ref` is what a delegate would write after the document name ("para. 31", "Art. III(4)(b)", "B6", "PP3").
    `lead_in` is the text of the parent paragraph for a sub-paragraph ("2. ... shall endeavour:" for "(b)"),
    kept apart from `text` so quotes stay verbatim yet the sub-paragraph is still findable by its context.
    """

    doc_id: str
    ref: str
    text: str
    section: tuple[str, ...] = ()
    position: int = 0
    lead_in: str = ""
    kind: str = "operative"  # preamble | operative | list | table | note | heading-text
    meta: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # Footnotes whose marker sits in this paragraph (or in the heading above it): shown with the paragraph,
    # never part of `text`, so a quote of the paragraph reads as the paragraph does.
    footnotes: tuple[str, ...] = ()

    @property
    def section_path(self) -> str:
        return " > ".join(self.section)


@dataclass(frozen=True)
class Dropped:
    """A line left out of every paragraph, and why: page furniture is removed, never silently."""

    text: str
    reason: str  # "page number", "running header", "repeated column header", "image placeholder", ...
    line: int = 0  # line number in the source file (0 when the format has none)
    page: int = 0


@dataclass
class Document:
    """A parsed source file: metadata plus ordered paragraphs."""

    doc_id: str
    title: str
    citation_name: str  # short name used in citations: "CMS Res. 11.10 (Rev.COP14)"; unique in an index
    conventions: tuple[str, ...]
    doc_type: str  # resolution | convention | strategic-plan | action-plan | mou | work-programme | correspondence | document
    date: str | None
    source_path: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    acting_body: str | None = None  # "The Conference of the Parties" when the text names who acts
    symbol: str | None = None  # the document's own number: "UNEP/CMS/Resolution 11.10 (Rev.COP14)"
    adopted_by: str | None = None  # "Conference of the Parties", "Meeting of the Signatories"
    session: str | None = None  # "14th Meeting", "COP14", "MOS3"
    language: str = "en"  # ISO 639-1, detected from the text unless overridden
    status: str | None = None  # from an override: "in force", "superseded", ...
    source_url: str | None = None
    instrument: str | None = None  # code of the instrument the document IS (data/instruments.toml), if any
    short_name: str = ""  # the name before it was made distinct from another document's
    provenance: dict[str, str] = field(default_factory=dict)  # field -> title block | data file | override | ...
    dropped: list[Dropped] = field(default_factory=list)

    def metadata(self) -> dict[str, Any]:
        """Everything but the paragraphs and the dropped lines, in a JSON-friendly shape."""
        data = asdict(self)
        data.pop("paragraphs")
        data.pop("dropped")
        data["conventions"] = list(self.conventions)
        data["paragraph_count"] = len(self.paragraphs)
        data["dropped_count"] = len(self.dropped)
        return data

    def to_json(self) -> dict[str, Any]:
        """The whole document, paragraphs and dropped lines included, as stored in an index."""
        data = self.metadata()
        data.pop("paragraph_count")
        data.pop("dropped_count")
        data["paragraphs"] = [
            {"ref": p.ref, "text": p.text, "section": list(p.section), "position": p.position, "lead_in": p.lead_in,
             "kind": p.kind, "meta": p.meta, "footnotes": list(p.footnotes)} for p in self.paragraphs]
        data["dropped"] = [asdict(d) for d in self.dropped]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Document":
        """The inverse of `to_json`; keys an older index lacks take their defaults."""
        paragraphs = [Paragraph(doc_id=data["doc_id"], ref=p["ref"], text=p["text"], section=tuple(p["section"]),
                                position=p["position"], lead_in=p["lead_in"], kind=p["kind"], meta=p.get("meta", {}),
                                footnotes=tuple(p.get("footnotes", ()))) for p in data["paragraphs"]]
        known = {f.name for f in fields(cls)} - {"paragraphs", "dropped", "conventions"}
        values = {k: v for k, v in data.items() if k in known}
        return cls(**values, conventions=tuple(data["conventions"]), paragraphs=paragraphs,
                   dropped=[Dropped(**d) for d in data.get("dropped", [])])


@dataclass(frozen=True)
class Chunk:
    """What gets embedded: a paragraph or a token window of a long one, keeping the paragraph's ref."""

    chunk_id: str
    doc_id: str
    ref: str
    position: int  # the paragraph's position in its document
    part: int  # 0 for the first (or only) window of the paragraph
    embed_text: str  # text with document name, section and lead-in, for findability
    text: str  # the words of the paragraph this window covers
    lexical_text: str = ""  # what BM25 indexes, when more than embed_text (the document's title): see chunking.py

    @property
    def indexed_text(self) -> str:
        return self.lexical_text or self.embed_text


@dataclass
class Hit:
    """A retrieved paragraph with its document's metadata and a fused score."""

    doc_id: str
    ref: str
    display: str
    text: str
    score: float
    section: str = ""
    lead_in: str = ""
    position: int = 0
    citation_name: str = ""
    conventions: tuple[str, ...] = ()
    doc_type: str = ""
    kind: str = "operative"
    acting_body: str | None = None
    dense: float = 0.0  # best cosine similarity of the paragraph's chunks to the query
    sparse: float = 0.0  # best BM25 score
    exact: bool = False  # found by an explicit reference in the question

    def closest(self, sentence_sims: dict[tuple[str, int], list[float]] | None) -> float:
        """Its sentence closest to the question (cosine; 0 when none of its sentences was compared): how plainly
        it says what was asked, whatever its place in the ranking."""
        return max((sentence_sims or {}).get((self.doc_id, self.position)) or [0.0])

    def to_json(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "ref": self.ref, "display": self.display, "text": self.text,
                "score": round(float(self.score), 4), "section": self.section}


@dataclass
class Citation:
    """Evidence for a marker [n] in an answer: `quote` is always a verbatim substring of `text`."""

    marker: int
    doc_id: str
    ref: str
    display: str
    quote: str
    text: str
    score: float
    section: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"marker": self.marker, "doc_id": self.doc_id, "ref": self.ref, "display": self.display,
                "quote": self.quote, "text": self.text, "score": round(float(self.score), 4),
                "section": self.section}


@dataclass
class Answer:
    """An answer: text with [n] markers, the citations behind them, and what was searched and retrieved."""

    question: str
    rewritten_query: str
    text: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    retrieved: list[Hit] = field(default_factory=list)
    related: list[Hit] = field(default_factory=list)  # "possibly related" paragraphs shown on abstention
    latency_ms: float = 0.0
    lead: str = ""  # the sentence that states the answer; `text` starts with it
    answer_type: str = "explain"  # the kind of question as read: figure, yes_no, obligation, who, list, ...
    history_dropped: int = 0  # earlier history turns not read (request bounds, see hygiene.py)
    note: str = ""  # said to the user beside the answer (why turns were dropped)

    def to_result(self, question_id: str | None = None) -> dict[str, Any]:
        """The result object of shared/eval-format.md (used by `ask --json`, `eval` and the /ask endpoint)."""
        result: dict[str, Any] = {}
        if question_id is not None:
            result["id"] = question_id
        result.update({
            "question": self.question,
            "rewritten_query": self.rewritten_query,
            "answer": self.text,
            "lead": self.lead,
            "answer_type": self.answer_type,
            "abstained": self.abstained,
            "citations": [c.to_json() for c in self.citations],
            "retrieved": [h.to_json() for h in self.retrieved[:10]],
            "related": [h.to_json() for h in self.related],
            "latency_ms": round(self.latency_ms, 1),
        })
        if self.history_dropped:  # additive: present only when the history was cut
            result.update({"history_dropped": self.history_dropped, "note": self.note})
        return result


ParagraphKey = tuple[str, int]  # (doc_id, position): one paragraph, whichever chunk of it a store matched


@dataclass
class Filters:
    """Which documents a search may return; stores receive them as the allowed document ids."""

    conventions: tuple[str, ...] = ()
    doc_types: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()

    def allows(self, doc: Document) -> bool:
        if self.conventions and not {c.lower() for c in doc.conventions} & {c.lower() for c in self.conventions}:
            return False
        if self.doc_ids and doc.doc_id not in self.doc_ids:
            return False
        return not self.doc_types or doc.doc_type.lower() in {d.lower() for d in self.doc_types}

    def narrowed(self, conventions: tuple[str, ...] = (), doc_ids: tuple[str, ...] = ()) -> "Filters":
        return Filters(self.conventions + conventions, self.doc_types, self.doc_ids + doc_ids)


def named_after(citation_name: str, ref: str) -> bool:
    """The paragraph is the one its document is named after ("Target 9" of "CMS Strategic Plan, Target 9")."""
    return bool(ref) and citation_name.endswith(f" {ref}")


def display_name(citation_name: str, ref: str) -> str:
    """The one rendering of a citation: "CMS Res. 11.10 (Rev.COP14), para. 31"; the paragraph a document is named
    after is the name alone ("CMS Strategic Plan, Target 9")."""
    return f"{citation_name}, {ref}" if ref and not named_after(citation_name, ref) else citation_name


# ----- briefing notes (built by briefing/, rendered by note_export.py) ------------------------------------
@dataclass
class Reference:
    """A cited paragraph: the number its markers use, where it is, the words quoted and where the text is published.

    `quote` is always a verbatim substring of `text` that starts and ends at a sentence or clause boundary;
    `text` is the whole paragraph (never its footnotes, which are kept apart in `footnotes`).
    """

    marker: int
    doc_id: str
    ref: str
    display: str
    quote: str
    text: str
    url: str = ""
    citation_name: str = ""
    footnotes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"marker": self.marker, "doc_id": self.doc_id, "ref": self.ref, "display": self.display,
                "quote": self.quote, "text": self.text, "url": self.url}


@dataclass
class Point:
    """One statement of a note, with the markers of the references it rests on."""

    text: str
    markers: list[int] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "markers": list(self.markers)}


@dataclass
class NoteSection:
    """A heading of the note ("CITES Convention: obligations", "Open points") and its points.

    `instrument` is the document the section belongs to ("" for a section across instruments) and `kind` the
    heading an officer uses (definitions, obligations, requests, institutions, cooperation, open).
    """

    heading: str
    points: list[Point] = field(default_factory=list)
    instrument: str = ""
    kind: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"heading": self.heading, "points": [p.to_json() for p in self.points]}


@dataclass
class Note:
    """A briefing note: summary, sections by instrument, open points and one numbered list of references."""

    topic: str
    generated: str  # ISO date and time the note was drawn up
    index_version: str  # the index build it was drawn from and the dates of the documents cited
    scope: str  # "Drawn from 3 documents: CITES Convention (1973), ..."
    summary: list[Point]
    sections: list[NoteSection]
    references: list[Reference]
    conventions: tuple[str, ...] = ()
    doc_types: tuple[str, ...] = ()
    searches: list[dict[str, Any]] = field(default_factory=list)  # the questions asked for the note, for transparency

    def to_json(self) -> dict[str, Any]:
        """The note as one object (issue 12): topic, generated, index_version, summary, sections, references."""
        return {"topic": self.topic, "generated": self.generated, "index_version": self.index_version,
                "summary": [p.to_json() for p in self.summary],
                "sections": [s.to_json() for s in self.sections],
                "references": [r.to_json() for r in self.references]}

    def markers(self) -> set[int]:
        return {n for p in [*self.summary, *(p for s in self.sections for p in s.points)] for n in p.markers}
