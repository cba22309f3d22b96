"""What a finished evaluation run says to people: the progress line, the terminal summary, report.md and a
self-contained report.html (comparison and threshold verdicts included when the run has them).

Charts are inline SVG written by hand (no plotting library, nothing fetched from a network), so the HTML file
opens anywhere, offline, and can be attached to an issue as is.
"""

from __future__ import annotations

import html
import re
import sys
import time
from dataclasses import dataclass
from typing import Any, Sequence

from .dataset import Question, locate, matched_items
from .metrics import Outcome

RATE_KEYS = ("hit@1", "hit@3", "hit@5", "hit@10", "mrr", "ndcg@10", "first_citation_right", "citation_hit",
             "citation_precision", "ref_accuracy", "paragraph_ref_accuracy", "key_term_recall", "key_terms_in_lead",
             "key_term_group_recall", "answer_type_accuracy", "abstention_precision", "abstention_recall",
             "false_abstention_rate")
TYPE_CHART_KEYS = ("first_citation_right", "citation_hit", "key_term_recall", "false_abstention_rate",
                   "abstention_recall")
METHOD_NOTES = [
    "A paragraph **matches** an expected item when its document id equals `doc` and its text contains `quote`, "
    "both normalised (NFKC, case folded, plain quotes and dashes, markdown emphasis and links removed, one space).",
    "**hit@k, MRR, nDCG@10** use the top 10 retrieved paragraphs of answerable questions that list expected "
    "paragraphs. nDCG uses binary gains, each expected item credited once; the ideal ranking has "
    "min(#expected, 10) relevant paragraphs first.",
    "**first_citation_right**: share of those questions whose first citation ([1], the one the lead sentence "
    "relies on) matches an expected item. **citation_hit**: share where some citation does. "
    "**citations_per_answer**: citations per answered (not abstained) answerable question.",
    "**ref_accuracy**: of the citations whose ref satisfies the ref rule of an expected item's ref (expected tokens "
    "in order, ending on the same token), the share in that item's document: the right article of the wrong "
    "instrument is wrong. **paragraph_ref_accuracy**: of the retrieved paragraphs that match an expected item with "
    "a non-null `ref`, the share whose own ref satisfies that item's ref (a check of the parser's refs).",
    "**citation_precision**: over all citations of answerable questions, the share whose quote is a verbatim "
    "substring of the cited paragraph AND whose paragraph is relevant: it matches an expected item, or its text "
    "plus display name contains at least 50% of the question's content words. Content words: lower-cased "
    "letter/number tokens minus a stopword list, stemmed by stripping one suffix (-ations, -ation, -ings, -ing, "
    "-ies, -es, -s, -ed); a follow-up of under four content words also takes those of the previous user turn.",
    "**key_term_recall**: share of answerable questions with `must_mention` whose answer contains one alternative "
    "of every group (case-insensitive, same normalisation); **key_terms_in_lead**: the same, in the lead sentence "
    "alone; **key_term_group_recall** is the share of groups.",
    "**answer_type_accuracy**: of the questions whose set names their `kind`, the share whose `answer_type` agrees.",
    "**Abstention**: positive class = abstained, true positives = unanswerable questions. "
    "**false_abstention_rate** = abstained answerable questions / answerable questions.",
    "Latency is each `Assistant.ask` call (after one warm-up query), percentiles by linear interpolation.",
]


@dataclass
class ReportData:
    questions: Sequence[Question]
    results: Sequence[dict[str, Any]]
    outcomes: Sequence[Outcome]
    metrics: dict[str, Any]
    paragraphs: dict[str, list[tuple[str, str]]]  # doc_id -> [(ref, text)], to show expected paragraphs
    comparison: dict[str, Any] | None = None


def fmt(value: Any, key: str = "") -> str:
    if value is None:
        return "-"
    if key.startswith("latency") or key.startswith("n_"):
        return f"{value:.0f}"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _columns(metrics: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [("overall", metrics["overall"])] + list(metrics["by_type"].items())


def kind_table(metrics: dict[str, Any]) -> str:
    """The same metrics per answer type (figure, yes_no, ...), when the set names them."""
    kinds = metrics.get("by_kind") or {}
    if not kinds:
        return ""
    keys = ("n_questions", "first_citation_right", "citation_hit", "citations_per_answer", "key_term_recall",
            "key_terms_in_lead", "answer_type_accuracy", "false_abstention_rate")
    head = f"{'by answer type':24}" + "".join(f"{name[:9]:>10}" for name in kinds)
    return "\n".join([head, "-" * len(head)] + [f"{key:24}" + "".join(f"{fmt(t.get(key), key):>10}" for t in kinds.values())
                                               for key in keys])


def _rows(metrics: dict[str, Any]) -> list[str]:
    keys = [k for k in metrics["overall"] if not k.startswith("n_")]
    return ["n_questions", "n_answerable"] + (["n_errors"] if metrics["overall"].get("n_errors") else []) + keys


def summary_table(metrics: dict[str, Any]) -> str:
    """The one-screen table printed at the end: metrics down, overall and each question type across."""
    cols = _columns(metrics)
    short = {"out-of-corpus": "out-of-c", "exact-ref": "exactref"}
    head = f"{'metric':24}" + "".join(f"{short.get(name, name):>10}" for name, _ in cols)
    lines = [f"{metrics['dataset']}  retriever={metrics['retriever']}  k={metrics['k']}  "
             f"{metrics['overall']['n_questions']} questions in {metrics['duration_s']:.0f}s", head, "-" * len(head)]
    for key in _rows(metrics):
        mark = "*" if key == metrics["primary_metric"] else " "
        lines.append(f"{key + mark:24}" + "".join(f"{fmt(table.get(key), key):>10}" for _, table in cols))
    return "\n".join(lines)


def comparison_text(comparison: dict[str, Any], k: int, limit: int | None = None) -> str:
    """Deltas per metric, then the questions whose outcome flipped (the first `limit` of them on a terminal)."""
    lines = [f"\ncompared with {comparison['other']}:", f"{'metric':24}{'this':>10}{'other':>10}{'delta':>10}"]
    for key, now, before, delta in comparison["deltas"]:
        shown = "" if delta is None else f"{delta:+.0f}" if key.startswith("latency") else f"{delta:+.3f}"
        lines.append(f"{key:24}{fmt(now, key):>10}{fmt(before, key):>10}{shown:>10}")
    changed = comparison["changed"]
    lines.append(f"{len(changed)} questions changed outcome (hit@{k}, citation_hit, abstained; other→this):")
    lines += [f"  {qid}: {', '.join(diff)}" for qid, diff in changed[:limit]]
    if limit is not None and len(changed) > limit:
        lines.append(f"  ... and {len(changed) - limit} more (all in report.md)")
    for key, where in (("only_here", "this run"), ("only_there", "the other run")):
        if comparison.get(key):
            lines.append(f"{len(comparison[key])} questions only in {where}: {' '.join(comparison[key][:20])}"
                         + (" ..." if len(comparison[key]) > 20 else ""))
    return "\n".join(lines)


class Progress:
    """One stderr line rewritten in place: a bar, the count, the running hit@k, and questions per second."""

    def __init__(self, k: int) -> None:
        self.k, self.started, self.hits, self.scored = k, time.perf_counter(), 0, 0

    def __call__(self, i: int, n: int, outcome: Outcome) -> None:
        if outcome.scored:
            self.scored += 1
            self.hits += outcome.hit(self.k)
        rate = i / max(time.perf_counter() - self.started, 1e-9)
        so_far = f"hit@{self.k} {self.hits / self.scored:.2f}" if self.scored else ""
        print(f"\reval [{'#' * (24 * i // n):<24}] {i}/{n} {outcome.id:<10} {so_far}  {rate:.1f} q/s   ",
              end="" if i < n else "\n", file=sys.stderr, flush=True)


# ----- failures ----------------------------------------------------------------------------------------------

def failure_reasons(q: Question, o: Outcome, k: int) -> list[str]:
    if o.error:
        return [f"raised {o.error}"]
    if not q.answerable:
        return [] if o.abstained else ["answered an out-of-corpus question"]
    reasons = []
    if o.abstained:
        reasons.append("abstained on an answerable question")
    if o.scored and not o.hit(k):
        reasons.append(f"no expected paragraph in the top {k}" + (f" (first at rank {o.rank})" if o.rank else ""))
    if o.scored and not o.cited_expected and not o.abstained:
        reasons.append("no expected paragraph cited")
    if o.groups and not all(o.groups):
        missing = [" / ".join(g) for g, ok in zip(q.must_mention, o.groups) if not ok]
        reasons.append("key terms missing: " + "; ".join(missing))
    return reasons


def _failures(data: ReportData) -> list[tuple[Question, Outcome, dict[str, Any], list[str]]]:
    k = data.metrics["k"]
    rows = [(q, o, r, failure_reasons(q, o, k)) for q, o, r in zip(data.questions, data.outcomes, data.results)]
    return [row for row in rows if row[3]]


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _failure_parts(data: ReportData, q: Question, r: dict[str, Any]) -> dict[str, list[str]]:
    """Plain-text lines of one failure, shared by the Markdown and HTML renderings."""
    k = data.metrics["k"]
    parts: dict[str, list[str]] = {"question": [q.question]}
    users = [t["content"] for t in q.history if t.get("role") == "user"]
    if users:
        parts["question"].append(f"(after: {_clip(users[-1], 200)})")
    if r.get("rewritten_query") and r["rewritten_query"] != q.question:
        parts["question"].append(f"searched for: {r['rewritten_query']}")
    parts["expected"] = []
    for item in q.expected:
        found = locate(item, data.paragraphs.get(item.doc, []))
        where = "; ".join(f"[{ref}] {_clip(text, 300)}" for ref, text in found[:2]) or "(quote found in no paragraph)"
        parts["expected"].append(f"{item.doc} {item.ref or '(no ref)'}: “{item.quote}” → {where}")
    parts["retrieved"] = [f"#{i} {'✓' if matched_items(h, q.expected) else ' '} {h.get('display') or h['doc_id']} "
                          f"({h.get('score', 0):.3f}): {_clip(h.get('text', ''), 160)}"
                          for i, h in enumerate((r.get("retrieved") or [])[:k], 1)]
    parts["cited"] = [f"[{c['marker']}] {'✓' if matched_items(c, q.expected) else ' '} {c.get('display', '')}: "
                      f"“{_clip(c.get('quote', ''), 220)}”" for c in r.get("citations") or []]
    parts["answer"] = [_clip(r.get("answer") or "", 500)]
    return parts


# ----- Markdown ----------------------------------------------------------------------------------------------

def _md_table(metrics: dict[str, Any]) -> list[str]:
    cols = _columns(metrics)
    lines = ["| metric | " + " | ".join(name for name, _ in cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for key in _rows(metrics):
        lines.append(f"| {key} | " + " | ".join(fmt(t.get(key), key) for _, t in cols) + " |")
    return lines


def _text_bar(value: float | None, width: int = 30) -> str:
    if value is None:
        return "-"
    filled = round(max(0.0, min(1.0, value)) * width)
    return "█" * filled + "░" * (width - filled) + f" {value:.3f}"


def render_markdown(data: ReportData) -> str:
    m, k = data.metrics, data.metrics["k"]
    out = [f"# Evaluation report: {m['dataset']}", "",
           f"Retriever `{m['retriever']}`, headline metric `{m['primary_metric']}`, {m['overall']['n_questions']} "
           f"questions ({m['overall']['n_answerable']} answerable), run {m['created']} in {m['duration_s']:.0f} s.", ""]
    out += ["## Metrics (overall and per question type)", ""] + _md_table(m) + [""]
    if kind_table(m):
        out += ["## Per answer type", "", "```", kind_table(m), "```", ""]
    out += ["## Overall, as bars", "", "```"] + [f"{key:22} {_text_bar(m['overall'].get(key))}" for key in RATE_KEYS
                                                 if key in m["overall"]] + ["```", ""]
    latencies = [o.latency_ms for o in data.outcomes]
    counts, edges = histogram(latencies, 12)
    out += ["## Latency (ms per question)", "", "```"]
    top = max(counts or [1])
    out += [f"{edges[i]:8.0f}-{edges[i + 1]:<8.0f} {'█' * round(30 * c / top):30} {c}" for i, c in enumerate(counts)]
    out += ["```", ""]
    thresholds = m.get("thresholds")
    if thresholds:
        lines = thresholds["failures"] + thresholds["skipped"]
        out += ["## Thresholds", "", f"Checked against `{thresholds['file']}`: "
                + ("all pass." if not thresholds["failures"] else f"{len(thresholds['failures'])} failing.")]
        out += [""] + [f"- {line}" for line in lines] + [""]
    if data.comparison:
        out += ["## Comparison", "", "```", comparison_text(data.comparison, k).strip(), "```", ""]
    if m.get("dataset_warnings"):
        out += ["## Dataset warnings", ""] + [f"- {w}" for w in m["dataset_warnings"]] + [""]
    out += ["## How the metrics are computed", ""] + [f"- {note}" for note in METHOD_NOTES] + [""]
    failures = _failures(data)
    out += [f"## Failures ({len(failures)})", ""]
    for q, o, r, reasons in failures:
        parts = _failure_parts(data, q, r)
        out += [f"### {q.id} ({q.type}): {'; '.join(reasons)}", ""]
        for label in ("question", "expected", "retrieved", "cited", "answer"):
            if parts[label]:
                out.append(f"**{label.capitalize()}**" + ("" if label != "retrieved" else f" (top {k}, ✓ = matches)"))
                out += [""] + [f"- {line}" for line in parts[label]] + [""]
    return "\n".join(out) + "\n"


# ----- SVG charts --------------------------------------------------------------------------------------------

def histogram(values: Sequence[float], bins: int) -> tuple[list[int], list[float]]:
    """Equal-width bins from min to max: (counts, bins + 1 edges)."""
    if not values:
        return [], [0.0]
    lo, hi = min(values), max(values)
    width = (hi - lo) / bins or 1.0
    counts = [0] * bins
    for v in values:
        counts[min(int((v - lo) / width), bins - 1)] += 1
    return counts, [lo + i * width for i in range(bins + 1)]


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def svg_bars(items: Sequence[tuple[str, float | None]], title: str, width: int = 560, label_w: int = 170) -> str:
    """Horizontal bars on a 0..1 scale, one per metric, value printed at the end of the bar."""
    row_h, top = 22, 28
    plot_w = width - label_w - 45
    height = top + row_h * len(items) + 24
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'aria-label="{_e(title)}"><text x="0" y="16" class="t">{_e(title)}</text>']
    for tick in (0, 0.25, 0.5, 0.75, 1) if plot_w > 200 else (0, 0.5, 1):
        x = label_w + tick * plot_w
        parts.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - 20}" class="g"/>'
                     f'<text x="{x:.1f}" y="{height - 6}" class="s" text-anchor="middle">{tick:g}</text>')
    for i, (label, value) in enumerate(items):
        y = top + i * row_h
        parts.append(f'<text x="{label_w - 6}" y="{y + 15}" class="s" text-anchor="end">{_e(label)}</text>')
        if value is not None:
            w = max(0.0, min(1.0, value)) * plot_w
            parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 7}" class="b"/>'
                         f'<text x="{label_w + w + 4:.1f}" y="{y + 15}" class="s">{value:.3f}</text>')
    return "".join(parts) + "</svg>"


def svg_histogram(values: Sequence[float], title: str, marks: dict[str, float | None], bins: int = 20,
                  width: int = 560, height: int = 220) -> str:
    """Latency histogram with vertical lines at the named percentiles."""
    counts, edges = histogram(values, bins)
    left, top, bottom = 40, 44, 36
    plot_w, plot_h = width - left - 10, height - top - bottom
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'aria-label="{_e(title)}"><text x="0" y="16" class="t">{_e(title)}</text>']
    if not counts:
        return "".join(parts) + "</svg>"
    top_count, span = max(counts), (edges[-1] - edges[0]) or 1.0
    bar_w = plot_w / bins
    for i, c in enumerate(counts):
        h = plot_h * c / top_count
        parts.append(f'<rect x="{left + i * bar_w + 1:.1f}" y="{top + plot_h - h:.1f}" width="{bar_w - 2:.1f}" '
                     f'height="{h:.1f}" class="b"><title>{edges[i]:.0f}–{edges[i + 1]:.0f} ms: {c}</title></rect>')
    parts.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" class="a"/>'
                 f'<text x="{left - 4}" y="{top + 8}" class="s" text-anchor="end">{top_count}</text>'
                 f'<text x="{left - 4}" y="{top + plot_h}" class="s" text-anchor="end">0</text>')
    for frac in (0, 0.5, 1):
        parts.append(f'<text x="{left + frac * plot_w:.1f}" y="{height - 20}" class="s" text-anchor="middle">'
                     f'{edges[0] + frac * span:.0f}</text>')
    parts.append(f'<text x="{left + plot_w / 2:.1f}" y="{height - 4}" class="s" text-anchor="middle">ms</text>')
    for name, value in marks.items():
        if value is not None:
            x = left + plot_w * (value - edges[0]) / span
            parts.append(f'<line x1="{x:.1f}" y1="{top - 12}" x2="{x:.1f}" y2="{top + plot_h}" class="m"/>'
                         f'<text x="{x + 3:.1f}" y="{top - 3}" class="s">{_e(name)} {value:.0f} ms</text>')
    return "".join(parts) + "</svg>"


def svg_by_type(metrics: dict[str, Any], key: str, width: int = 340) -> str:
    """One small chart per metric: a bar per question type, so a weak type stands out."""
    items = [(name, table.get(key)) for name, table in _columns(metrics)]
    return svg_bars(items, key, width, label_w=95)


# ----- HTML --------------------------------------------------------------------------------------------------

_CSS = """body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;font-size:14px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}
td:first-child,th:first-child{text-align:left}tr.p{font-weight:bold}.charts{display:flex;flex-wrap:wrap;gap:12px}
svg .t{font:bold 13px sans-serif}svg .s{font:11px sans-serif;fill:#333}svg .b{fill:#4a7ab5}svg .g{stroke:#eee}
svg .a{stroke:#888}svg .m{stroke:#c0392b;stroke-dasharray:4 3}details{border-top:1px solid #ddd;padding:4px 0}
summary{cursor:pointer}.f ul{margin:2px 0 6px}.f li{font-size:14px}code{background:#f4f4f4}"""


def _inline(text: str) -> str:
    """The two Markdown spans the method notes use: **bold** and `code`."""
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", _e(text))
    return re.sub(r"`(.+?)`", r"<code>\1</code>", text)


def _html_list(lines: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{_e(line)}</li>" for line in lines) + "</ul>"


def render_html(data: ReportData) -> str:
    m, k = data.metrics, data.metrics["k"]
    cols = _columns(m)
    rows = "".join(f'<tr{" class=p" if key == m["primary_metric"] else ""}><td>{_e(key)}</td>'
                   + "".join(f"<td>{_e(fmt(t.get(key), key))}</td>" for _, t in cols) + "</tr>" for key in _rows(m))
    table = "<table><tr><th>metric</th>" + "".join(f"<th>{_e(n)}</th>" for n, _ in cols) + f"</tr>{rows}</table>"
    overall = svg_bars([(key, m["overall"].get(key)) for key in RATE_KEYS if key in m["overall"]], "Overall metrics")
    latency = svg_histogram([o.latency_ms for o in data.outcomes], "Latency per question",
                            {"p50": m["overall"].get("latency_p50_ms"), "p95": m["overall"].get("latency_p95_ms")})
    per_type = "".join(svg_by_type(m, key) for key in (m["primary_metric"],) + TYPE_CHART_KEYS)
    body = [f"<h1>Evaluation report: {_e(m['dataset'])}</h1>",
            f"<p>Retriever <code>{_e(m['retriever'])}</code>, headline metric <code>{_e(m['primary_metric'])}</code>, "
            f"{m['overall']['n_questions']} questions ({m['overall']['n_answerable']} answerable), run "
            f"{_e(m['created'])} in {m['duration_s']:.0f} s.</p>",
            "<h2>Metrics (overall and per question type)</h2>", table,
            f'<h2>Charts</h2><div class="charts">{overall}{latency}</div>',
            f'<h3>Per question type</h3><div class="charts">{per_type}</div>']
    thresholds = m.get("thresholds")
    if thresholds:
        verdict = f"{len(thresholds['failures'])} failing." if thresholds["failures"] else "all pass."
        body.append(f"<h2>Thresholds</h2><p>Checked against <code>{_e(thresholds['file'])}</code>: {verdict}</p>"
                    + _html_list(thresholds["failures"] + thresholds["skipped"]))
    if data.comparison:
        body.append(f"<h2>Comparison</h2><pre>{_e(comparison_text(data.comparison, k).strip())}</pre>")
    if m.get("dataset_warnings"):
        body.append("<h2>Dataset warnings</h2>" + _html_list(m["dataset_warnings"]))
    notes = "".join(f"<li>{_inline(n)}</li>" for n in METHOD_NOTES)
    body.append(f"<h2>How the metrics are computed</h2><ul>{notes}</ul>")
    failures = _failures(data)
    body.append(f"<h2>Failures ({len(failures)})</h2>")
    for q, o, r, reasons in failures:
        parts = _failure_parts(data, q, r)
        inner = "".join(f"<b>{label.capitalize()}</b>{_html_list(parts[label])}"
                        for label in ("question", "expected", "retrieved", "cited", "answer") if parts[label])
        body.append(f'<details class="f"><summary><b>{_e(q.id)}</b> ({_e(q.type)}): {_e(_clip(q.question, 110))} '
                    f"— <i>{_e('; '.join(reasons))}</i></summary>{inner}</details>")
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Evaluation report</title>'
            f"<style>{_CSS}</style></head><body>{''.join(body)}</body></html>\n")
