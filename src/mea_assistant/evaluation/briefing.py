"""Briefing-note evaluation: topics with the provisions a desk officer expects, scored on the notes produced.

A line of a briefing set (evals/briefing-dev.jsonl, evals/briefing-test.jsonl):

    {"id": "b-dev-01", "topic": "reporting under CITES", "instruments": ["cites-convention-1973"],
     "expected": [{"doc": "cites-convention-1973", "ref": "VIII 7", "quote": "shall prepare periodic reports"}],
     "conventions": [], "doc_types": []}

`expected` items are those of eval-format.md (a reference matches one when its document is `doc` and its
paragraph contains `quote` after normalisation); `instruments` are the documents the topic is about; the
filters are optional. Scored per note, then overall:

- provisions cited: share of expected items some reference of the note matches;
- on the topic's instruments: share of references whose document is one of `instruments`;
- quotes cut mid-sentence: references whose quote is not verbatim in its paragraph, or starts or ends inside a
  sentence (this check is written here, apart from the note's own quoting code, so it can catch it);
- lead-ins without items, footnote text inside a quote, summary points (a note should have 3 to 5);
- summary points on target: share of summary points with a reference that matches an expected item.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from ..errors import MeaError
from ..terms import opens_list
from .dataset import Expected, contains

if TYPE_CHECKING:
    from ..assistant import Assistant
    from ..types import Note


@dataclass
class Topic:
    id: str
    topic: str
    instruments: list[str]
    expected: list[Expected]
    conventions: list[str] = field(default_factory=list)
    doc_types: list[str] = field(default_factory=list)


def load_topics(path: Path) -> list[Topic]:
    """The set, validated: one clear line naming the file, line and field for the first problem."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise MeaError(f"{path}: cannot read the briefing set ({exc})") from exc
    topics: list[Topic] = []
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise MeaError(f"{path}:{n}: invalid JSON ({exc.msg})") from exc
        for name in ("id", "topic"):
            if not isinstance(obj.get(name), str) or not obj[name].strip():
                raise MeaError(f"{path}:{n}: field '{name}' is missing or not a non-empty string")
        if not isinstance(obj.get("instruments"), list) or not all(isinstance(d, str) for d in obj["instruments"]):
            raise MeaError(f"{path}:{n}: field 'instruments' must be a list of document ids")
        items = obj.get("expected")
        if not isinstance(items, list) or not items or not all(
                isinstance(i, dict) and isinstance(i.get("doc"), str) and isinstance(i.get("quote"), str)
                for i in items):
            raise MeaError(f"{path}:{n}: field 'expected' must be a non-empty list of {{\"doc\", \"ref\", \"quote\"}}")
        topics.append(Topic(obj["id"], obj["topic"], list(obj["instruments"]),
                            [Expected(i["doc"], i.get("ref"), i["quote"]) for i in items],
                            list(obj.get("conventions") or []), list(obj.get("doc_types") or [])))
    if not topics:
        raise MeaError(f"{path}: no topics in the file")
    return topics


_STARTS = re.compile(r"(?:^|[.;:!?…][\"”’)\]]*\s+|\n\s*)$")
_ENDS = re.compile(r"[.;:!?…][\"”’)\]]*$")


def cut_mid_sentence(quote: str, text: str) -> bool:
    """A quote that is not verbatim, or starts or stops inside a sentence (or a clause ended by ; or :)."""
    at = text.find(quote) if quote.strip() else -1
    if at < 0:
        return True
    starts = bool(_STARTS.search(text[:at]))
    stripped = quote.rstrip()
    ends = not text[at + len(quote):].strip() or bool(_ENDS.search(stripped)) or (
        text[at + len(stripped):].startswith("\n") and _records(text))
    return not (starts and ends)


def _records(text: str) -> bool:
    """A listing (a table's row of names, one per line, without sentence punctuation): its line ends are the
    boundaries of its records, as a sentence's full stop is of prose."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return len(lines) >= 2 and sum(bool(_ENDS.search(line)) for line in lines) * 2 < len(lines)


def score_note(topic: Topic, note: "Note", footnotes: dict[tuple[str, str], tuple[str, ...]]) -> dict[str, Any]:
    refs = note.references
    found = [any(r.doc_id == e.doc and contains(r.text, e.quote) for r in refs) for e in topic.expected]
    lead_ins = 0
    points = [*note.summary, *(p for s in note.sections for p in s.points)]
    for r in refs:
        if opens_list(r.quote):  # a lead-in: some point must cite it with another reference
            if not any(r.marker in p.markers and len(p.markers) > 1 for p in points):
                lead_ins += 1
    in_quote = sum(1 for r in refs for f in footnotes.get((r.doc_id, r.ref), ()) if f.strip() and f.strip() in r.quote)
    # a summary point is on target when one of its references is a provision the officer expects: the summary is
    # what a reader takes away, so its points should be the note's key provisions, not any that was cited
    by_marker = {r.marker: r for r in refs}
    on_target = sum(1 for p in note.summary
                    if any(m in by_marker and any(by_marker[m].doc_id == e.doc and contains(by_marker[m].text, e.quote)
                                                  for e in topic.expected) for m in p.markers))
    return {"id": topic.id, "topic": topic.topic, "expected": len(found), "cited": sum(found),
            "missed": [e.ref or e.quote for e, ok in zip(topic.expected, found) if not ok],
            "references": len(refs), "on_instruments": sum(1 for r in refs if r.doc_id in topic.instruments),
            "off_instruments": sorted({r.display for r in refs if r.doc_id not in topic.instruments}),
            "mid_sentence": sum(1 for r in refs if cut_mid_sentence(r.quote, r.text)),
            "lead_ins_alone": lead_ins, "footnotes_in_quotes": in_quote, "summary_points": len(note.summary),
            "summary_on_target": on_target}


def summarise(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    expected = sum(r["expected"] for r in rows)
    refs = sum(r["references"] for r in rows)
    return {"topics": len(rows), "provisions_cited": round(sum(r["cited"] for r in rows) / max(1, expected), 3),
            "on_instruments": round(sum(r["on_instruments"] for r in rows) / max(1, refs), 3),
            "mid_sentence": sum(r["mid_sentence"] for r in rows),
            "lead_ins_alone": sum(r["lead_ins_alone"] for r in rows),
            "footnotes_in_quotes": sum(r["footnotes_in_quotes"] for r in rows),
            "summary_points_min": min(r["summary_points"] for r in rows),
            "summary_points_max": max(r["summary_points"] for r in rows),
            "summary_on_target": round(sum(r.get("summary_on_target", 0) for r in rows)
                                       / max(1, sum(r["summary_points"] for r in rows)), 3),
            "references_per_note": round(refs / max(1, len(rows)), 1),
            "seconds_per_note": round(sum(r.get("seconds", 0.0) for r in rows) / max(1, len(rows)), 1)}


def run(assistant: "Assistant", topics: Sequence[Topic]) -> tuple[list[dict[str, Any]], list["Note"]]:
    from ..briefing import build_note

    documents = assistant.index.documents
    footnotes = {(d.doc_id, p.ref): p.footnotes for d in documents.values() for p in d.paragraphs if p.footnotes}
    rows, notes = [], []
    for topic in topics:
        started = time.perf_counter()
        note = build_note(assistant, topic.topic, topic.conventions, topic.doc_types)
        row = score_note(topic, note, footnotes)
        row["seconds"] = round(time.perf_counter() - started, 2)
        rows.append(row)
        notes.append(note)
    return rows, notes


def report(rows: Sequence[dict[str, Any]], overall: dict[str, Any]) -> str:
    lines = ["| id | topic | provisions cited | on instruments | mid-sentence | summary | missed / off-instrument |",
             "|---|---|---:|---:|---:|---:|---|"]
    for r in rows:
        off = "; ".join(r["off_instruments"])
        lines.append(f"| {r['id']} | {r['topic']} | {r['cited']}/{r['expected']} | {r['on_instruments']}/"
                     f"{r['references']} | {r['mid_sentence']} | {r['summary_points']} | "
                     f"missed: {', '.join(map(str, r['missed'])) or '-'}; off: {off or '-'} |")
    lines += ["", f"provisions cited {overall['provisions_cited']:.1%} · references on the topic's instruments "
                  f"{overall['on_instruments']:.1%} · quotes cut mid-sentence {overall['mid_sentence']} · lead-ins "
                  f"without items {overall['lead_ins_alone']} · footnote text in quotes "
                  f"{overall['footnotes_in_quotes']} · summary points {overall['summary_points_min']}–"
                  f"{overall['summary_points_max']} ({overall['summary_on_target']:.0%} citing an expected provision) · "
                  f"{overall['references_per_note']} references and "
                  f"{overall['seconds_per_note']} s per note"]
    return "\n".join(lines)


def run_cli(assistant: "Assistant", dataset: Path, out: Path | None = None) -> int:
    """`mea-assistant eval-brief --dataset evals/briefing-dev.jsonl [--out DIR]`: the table and the figures."""
    topics = load_topics(dataset)
    rows, notes = run(assistant, topics)
    overall = summarise(rows)
    text = report(rows, overall)
    print(text)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / "briefing-results.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                                    encoding="utf-8")
        (out / "briefing-metrics.json").write_text(json.dumps(overall, indent=1), encoding="utf-8")
        (out / "briefing-notes.jsonl").write_text(
            "".join(json.dumps(n.to_json(), ensure_ascii=False) + "\n" for n in notes), encoding="utf-8")
        (out / "briefing-report.md").write_text(text + "\n", encoding="utf-8")
    return 0
