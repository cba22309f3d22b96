"""Evaluation sets (shared/eval-format.md): load and validate them, score answers, aggregate into metrics.

Metric functions are small and pure (results and expected items in, numbers out) so they are tested without the
model; `evaluate` is the only part that calls the assistant and `run_cli` the only part that touches files.
Reports, the comparison with an earlier run and the threshold gate live in reporting.py.
"""

from __future__ import annotations

import json
import math
import re
import sys
import time
import traceback
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from .errors import MeaError
from .parsing.cleaning import normalise_for_match
from .refs import ref_matches
from .terms import STOPWORDS, stem

TYPES = ("single", "multi", "followup", "delegate", "exact-ref", "out-of-corpus")
RETRIEVED_DEPTH = 10  # results list the top 10 paragraphs, so every cutoff is at most 10
CONTENT_OVERLAP = 0.5  # citation precision: share of the question's content words a relevant paragraph holds
# Keys of each metrics table in metrics.json; hit@k for a --k outside 1/3/5/10 is added after hit@10.
METRIC_KEYS = ("hit@1", "hit@3", "hit@5", "hit@10", "mrr", "ndcg@10", "ref_accuracy", "citation_hit",
               "citation_precision", "key_term_recall", "key_term_group_recall", "abstention_precision",
               "abstention_recall", "false_abstention_rate", "latency_p50_ms", "latency_p95_ms")
COUNT_KEYS = ("n_questions", "n_answerable", "n_unanswerable", "n_retrieval_scored", "n_citations", "n_ref_checked",
              "n_errors")


@dataclass(frozen=True)
class Expected:
    """A paragraph that answers a question: document id, loose locator (or None) and a verbatim quote."""

    doc: str
    ref: str | None
    quote: str


@dataclass
class Question:
    id: str
    question: str
    history: list[dict[str, str]] = field(default_factory=list)
    expected: list[Expected] = field(default_factory=list)
    must_mention: list[list[str]] = field(default_factory=list)
    answerable: bool = True
    type: str = "single"
    line: int = 0


@dataclass
class Outcome:
    """What one answer scored; `aggregate` turns a list of these into a metrics table."""

    id: str
    type: str
    answerable: bool
    abstained: bool
    latency_ms: float
    scored: bool = False  # answerable with expected paragraphs: counts for the retrieval metrics
    rank: int | None = None  # 1-based rank of the first retrieved paragraph matching an expected item
    ndcg: float = 0.0
    ref_ok: int = 0
    ref_n: int = 0
    cited_expected: bool = False
    cite_good: int = 0
    cite_n: int = 0
    groups: list[bool] = field(default_factory=list)  # one per must_mention group: satisfied?
    error: str = ""  # the exception `ask` raised; the question then scores as a miss


# ----- dataset -----------------------------------------------------------------------------------------------

def _derive_type(history: list, expected: list, answerable: bool) -> str:
    if history:
        return "followup"
    if not answerable:
        return "out-of-corpus"
    return "multi" if len(expected) >= 2 else "single"


def _parse_question(obj: Any, line: int) -> Question:
    """One dataset line -> Question; raises ValueError("field 'x': reason") for the caller to locate."""
    if not isinstance(obj, dict):
        raise ValueError("the line must be a JSON object")
    text = obj.get("question")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("field 'question' must be a string" if isinstance(text, (list, dict, int, float)) else
                         "field 'question' is missing or empty")
    qid = obj.get("id", f"line-{line}")
    if not isinstance(qid, (str, int)) or isinstance(qid, bool) or not str(qid).strip():
        raise ValueError("field 'id' must be a non-empty string")
    history = obj.get("history") or []
    if not isinstance(history, list):
        raise ValueError("field 'history' must be a list of {\"role\", \"content\"} turns")
    for i, turn in enumerate(history):
        if not (isinstance(turn, dict) and turn.get("role") in ("user", "assistant")
                and isinstance(turn.get("content"), str)):
            raise ValueError(f"field 'history[{i}]' must be {{\"role\": \"user\"|\"assistant\", \"content\": str}}")
    raw_expected = obj.get("expected") or []
    if not isinstance(raw_expected, list):
        raise ValueError("field 'expected' must be a list of {\"doc\", \"ref\", \"quote\"} objects")
    expected = []
    for i, item in enumerate(raw_expected):
        if not isinstance(item, dict):
            raise ValueError(f"field 'expected[{i}]' must be an object with doc, ref and quote")
        for key in ("doc", "quote"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise ValueError(f"field 'expected[{i}].{key}' is missing or not a non-empty string")
        ref = item.get("ref")
        if ref is not None and (not isinstance(ref, (str, int, float)) or isinstance(ref, bool)):
            raise ValueError(f"field 'expected[{i}].ref' must be a string or null")
        expected.append(Expected(item["doc"].strip(), str(ref) if ref not in (None, "") else None, item["quote"]))
    groups = obj.get("must_mention") or []
    if not (isinstance(groups, list) and all(isinstance(g, list) and g and all(isinstance(a, str) and a.strip()
                                                                                 for a in g) for g in groups)):
        raise ValueError("field 'must_mention' must be a list of groups, each a non-empty list of strings, "
                         "e.g. [[\"export permit\"], [\"six months\", \"6 months\"]]")
    answerable = obj.get("answerable", bool(expected))
    if not isinstance(answerable, bool):
        raise ValueError("field 'answerable' must be true or false")
    qtype = obj.get("type") or _derive_type(history, expected, answerable)
    if qtype not in TYPES:
        raise ValueError(f"field 'type' is {qtype!r}; use one of {', '.join(TYPES)} or leave it out")
    return Question(str(qid).strip(), text.strip(), history, expected, groups, answerable, qtype, line)


def parse_dataset(lines: Iterable[str], where: str) -> list[Question]:
    """Validate every line before anything runs; all problems are reported together, each with line and field."""
    questions: list[Question] = []
    problems: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            problems.append((number, f"invalid JSON ({exc.msg} at column {exc.colno})"))
            continue
        try:
            q = _parse_question(obj, number)
        except ValueError as exc:
            problems.append((number, str(exc)))
            continue
        if q.id in seen:
            problems.append((number, f"field 'id' {q.id!r} duplicates line {seen[q.id]}"))
            continue
        seen[q.id] = number
        questions.append(q)
    if problems:
        line, message = problems[0]
        rest = [str(n) for n, _ in problems[1:]]
        more = f" (and {len(rest)} more problems, on line {', '.join(rest[:8])}{', ...' if len(rest) > 8 else ''})" \
            if rest else ""
        raise MeaError(f"{where}:{line}: {message}{more}")
    if not questions:
        raise MeaError(f"{where}: no questions in the file")
    return questions


def load_dataset(path: Path) -> list[Question]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise MeaError(f"{path}: cannot read the evaluation set ({exc})") from exc
    return parse_dataset(text.splitlines(), str(path))


def dataset_warnings(questions: Sequence[Question], paragraphs: dict[str, list[tuple[str, str]]]) -> list[str]:
    """Expected items that no indexed paragraph can ever match (unknown document, quote not verbatim)."""
    out = []
    for q in questions:
        for i, item in enumerate(q.expected):
            if item.doc not in paragraphs:
                out.append(f"line {q.line} ({q.id}) expected[{i}]: no document {item.doc!r} in the index")
            elif not locate(item, paragraphs[item.doc]):
                out.append(f"line {q.line} ({q.id}) expected[{i}]: quote {item.quote[:60]!r} is in no paragraph "
                           f"of {item.doc}")
    return out


def locate(item: Expected, doc_paragraphs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (ref, text) paragraphs of a document that an expected item matches."""
    return [(ref, text) for ref, text in doc_paragraphs if _contains(text, item.quote)]


# ----- pure metric functions ---------------------------------------------------------------------------------

@lru_cache(maxsize=20000)
def _norm(text: str) -> str:
    return normalise_for_match(text)


def _contains(text: str, quote: str) -> bool:
    return _norm(quote) in _norm(text)


def matched_items(paragraph: dict[str, Any], expected: Sequence[Expected]) -> list[int]:
    """Indices of the expected items a retrieved or cited paragraph matches (eval-format.md: same document,
    and the paragraph's text contains the quote after normalisation)."""
    doc_id, text = paragraph.get("doc_id", ""), paragraph.get("text", "")
    return [i for i, item in enumerate(expected) if doc_id == item.doc and _contains(text, item.quote)]


def first_relevant_rank(retrieved: Sequence[dict[str, Any]], expected: Sequence[Expected]) -> int | None:
    for rank, para in enumerate(retrieved[:RETRIEVED_DEPTH], 1):
        if matched_items(para, expected):
            return rank
    return None


def hit_at(rank: int | None, k: int) -> float:
    return 1.0 if rank is not None and rank <= k else 0.0


def reciprocal_rank(rank: int | None) -> float:
    return 1.0 / rank if rank else 0.0


def ndcg_at(retrieved: Sequence[dict[str, Any]], expected: Sequence[Expected], k: int = 10) -> float:
    """Binary-gain nDCG: a paragraph gains 1 when it matches an expected item not matched higher up.

    Each expected item is credited once (two paragraphs quoting the same words do not both count), and the
    ideal ranking puts min(#expected, k) relevant paragraphs first.
    """
    if not expected:
        return 0.0
    credited: set[int] = set()
    dcg = 0.0
    for rank, para in enumerate(retrieved[:k], 1):
        new = [i for i in matched_items(para, expected) if i not in credited]
        if new:
            credited.update(new)
            dcg += 1.0 / math.log2(rank + 1)
    ideal = sum(1.0 / math.log2(r + 1) for r in range(1, min(len(expected), k) + 1))
    return dcg / ideal


def ref_checks(retrieved: Sequence[dict[str, Any]], expected: Sequence[Expected]) -> tuple[int, int]:
    """(correct, checked) over retrieved paragraphs that match an expected item with a non-null ref.

    A paragraph matching several items (a quote may span "III 2" and "III 2 d") is correct if its ref
    satisfies any of their refs.
    """
    ok = n = 0
    for para in retrieved[:RETRIEVED_DEPTH]:
        refs = [expected[i].ref for i in matched_items(para, expected) if expected[i].ref]
        if refs:
            n += 1
            ok += any(ref_matches(r, para.get("ref", "")) for r in refs)
    return ok, n




def content_terms(text: str) -> set[str]:
    """Stemmed content words: letters-or-numbers tokens, stopwords and single characters dropped."""
    words = re.findall(r"[a-z][a-z.-]*[a-z]|\d+(?:\.\d+)*", _norm(text))
    return {stem(w) for w in words if w not in STOPWORDS and len(w) > 1}


def citation_counts(citations: Sequence[dict[str, Any]], expected: Sequence[Expected],
                    question_terms: set[str]) -> tuple[int, int]:
    """(good, total) citations: quote verbatim in the text AND the paragraph is relevant.

    Relevant means it matches an expected item, or its text (with its display name, which carries the
    instrument's name) holds at least CONTENT_OVERLAP of the question's stemmed content words.
    """
    good = 0
    for c in citations:
        verbatim = bool(c.get("quote")) and c["quote"] in c.get("text", "")
        relevant = bool(matched_items(c, expected)) or (
            bool(question_terms) and len(question_terms & content_terms(f"{c.get('display', '')} {c.get('text', '')}"))
            >= CONTENT_OVERLAP * len(question_terms))
        good += verbatim and relevant
    return good, len(citations)


def mention_groups(answer: str, groups: Sequence[Sequence[str]]) -> list[bool]:
    """Per must_mention group: does the answer contain one of its alternatives (case-insensitive, normalised)?"""
    text = _norm(answer)
    return [any(_norm(alt) in text for alt in group) for group in groups]


def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def abstention_scores(abstained: Sequence[bool], answerable: Sequence[bool]) -> dict[str, float | None]:
    """Positive class = abstained; the unanswerable questions are the true positives."""
    tp = sum(a and not ok for a, ok in zip(abstained, answerable))
    return {"abstention_precision": _ratio(tp, sum(abstained)),
            "abstention_recall": _ratio(tp, sum(not ok for ok in answerable)),
            "false_abstention_rate": _ratio(sum(a and ok for a, ok in zip(abstained, answerable)), sum(answerable))}


def percentile(values: Sequence[float], p: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default), so p50 of [1, 2] is 1.5."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * p / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


# ----- per question and aggregate ----------------------------------------------------------------------------

def question_terms(q: Question) -> set[str]:
    """The words a relevant paragraph should share: the question's, and for an elliptical follow-up
    ("And for Appendix III?", under four content words) also those of the previous user turn."""
    words = content_terms(q.question)
    if len(words) < 4:
        users = [t["content"] for t in q.history if t.get("role") == "user"]
        if users:
            words |= content_terms(users[-1])
    return words


def score(q: Question, result: dict[str, Any]) -> Outcome:
    out = Outcome(q.id, q.type, q.answerable, bool(result.get("abstained")), float(result.get("latency_ms") or 0.0),
                  error=result.get("error") or "")
    if not q.answerable:
        return out
    retrieved, citations = result.get("retrieved") or [], result.get("citations") or []
    out.groups = mention_groups(result.get("answer") or "", q.must_mention)
    out.cite_good, out.cite_n = citation_counts(citations, q.expected, question_terms(q))
    if q.expected:
        out.scored = True
        out.rank = first_relevant_rank(retrieved, q.expected)
        out.ndcg = ndcg_at(retrieved, q.expected, 10)
        out.ref_ok, out.ref_n = ref_checks(retrieved, q.expected)
        out.cited_expected = any(matched_items(c, q.expected) for c in citations)
    return out


def aggregate(outcomes: Sequence[Outcome], k: int = 5) -> dict[str, Any]:
    """One metrics table. Retrieval and citation metrics use answerable questions only; None = nothing to measure."""
    scored = [o for o in outcomes if o.scored]
    answerable = [o for o in outcomes if o.answerable]
    with_terms = [o for o in answerable if o.groups]
    m: dict[str, Any] = {}
    for cut in sorted({1, 3, 5, 10, k}):
        m[f"hit@{cut}"] = _ratio(sum(hit_at(o.rank, cut) for o in scored), len(scored))
    m["mrr"] = _ratio(sum(reciprocal_rank(o.rank) for o in scored), len(scored))
    m["ndcg@10"] = _ratio(sum(o.ndcg for o in scored), len(scored))
    m["ref_accuracy"] = _ratio(sum(o.ref_ok for o in scored), sum(o.ref_n for o in scored))
    m["citation_hit"] = _ratio(sum(o.cited_expected for o in scored), len(scored))
    m["citation_precision"] = _ratio(sum(o.cite_good for o in answerable), sum(o.cite_n for o in answerable))
    m["key_term_recall"] = _ratio(sum(all(o.groups) for o in with_terms), len(with_terms))
    m["key_term_group_recall"] = _ratio(sum(sum(o.groups) for o in with_terms), sum(len(o.groups) for o in with_terms))
    m.update(abstention_scores([o.abstained for o in outcomes], [o.answerable for o in outcomes]))
    latencies = [o.latency_ms for o in outcomes if not o.error]
    m["latency_p50_ms"], m["latency_p95_ms"] = percentile(latencies, 50), percentile(latencies, 95)
    m.update({"n_questions": len(outcomes), "n_answerable": len(answerable),
              "n_unanswerable": len(outcomes) - len(answerable), "n_retrieval_scored": len(scored),
              "n_citations": sum(o.cite_n for o in answerable), "n_ref_checked": sum(o.ref_n for o in scored),
              "n_errors": sum(bool(o.error) for o in outcomes)})
    return {key: (round(v, 4) if isinstance(v, float) else v) for key, v in m.items()}


def metrics_table(outcomes: Sequence[Outcome], k: int) -> dict[str, Any]:
    """{"overall": {...}, "by_type": {type: {...}}} in the fixed type order."""
    present = [t for t in TYPES if any(o.type == t for o in outcomes)]
    by_type = {t: aggregate([o for o in outcomes if o.type == t], k) for t in present}
    return {"overall": aggregate(outcomes, k), "by_type": by_type}


def error_result(q: Question, exc: BaseException) -> dict[str, Any]:
    """A result for a question whose `ask` raised: empty, with an `error` field, so one bug cannot sink a run."""
    return {"id": q.id, "question": q.question, "rewritten_query": "", "answer": "", "abstained": False,
            "citations": [], "retrieved": [], "latency_ms": 0.0, "error": f"{type(exc).__name__}: {exc}"}


def evaluate(assistant: Any, questions: Sequence[Question], mode: str | None = None, k: int = 5,
             progress: Callable[[int, int, Outcome], None] | None = None
             ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Ask every question (with its history) and score it: (results in eval-format.md, metrics table).

    An exception from `ask` is recorded in that question's result (and counted in n_errors), its traceback
    printed once, and the run goes on.
    """
    results, outcomes = [], []
    for i, q in enumerate(questions, 1):
        try:
            result = assistant.ask(q.question, history=q.history, mode=mode).to_result(q.id)
        except Exception as exc:  # noqa: BLE001 - reported per question, never swallowed silently
            if not any(r.get("error") for r in results):
                traceback.print_exc(file=sys.stderr)
            print(f"\nerror: {q.id}: {type(exc).__name__}: {exc}", file=sys.stderr)
            result = error_result(q, exc)
        results.append(result)
        outcomes.append(score(q, result))
        if progress:
            progress(i, len(questions), outcomes[-1])
    return results, metrics_table(outcomes, k)


# ----- command -----------------------------------------------------------------------------------------------

def _settings(assistant: Any) -> dict[str, Any] | None:
    """The pipeline knobs in force, so two runs can be told apart; never the login (`auth` may hold a password)."""
    settings = getattr(assistant, "settings", None)
    return {k: v for k, v in settings.to_json().items() if k not in ("auth", "host", "port")} if settings else None


def run_cli(assistant: Any, args: Any) -> int:
    """`mea-assistant eval`: check every input first, then run, write the four files and print the verdicts."""
    from . import reporting

    k = int(args.k)
    if not 1 <= k <= RETRIEVED_DEPTH:
        raise MeaError(f"--k {k}: use 1 to {RETRIEVED_DEPTH}, as results list the top {RETRIEVED_DEPTH} paragraphs")
    questions = load_dataset(args.dataset)
    thresholds = reporting.load_thresholds(args.thresholds) if args.thresholds else None
    other = reporting.read_run(Path(args.compare)) if args.compare else None
    paragraphs = {d: [(p.ref, p.text) for p in doc.paragraphs] for d, doc in assistant.index.documents.items()}
    warnings = dataset_warnings(questions, paragraphs)
    for line in warnings:
        print(f"warning: {args.dataset}: {line}", file=sys.stderr)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    assistant.warm_up()  # so the first question's latency is not the model load
    started = time.perf_counter()
    results, table = evaluate(assistant, questions, args.retriever, k, reporting.Progress(k))
    metrics = {"dataset": str(args.dataset), "retriever": args.retriever, "k": k, "primary_metric": f"hit@{k}",
               "duration_s": round(time.perf_counter() - started, 1), "created": time.strftime("%Y-%m-%d %H:%M:%S"),
               **table, "dataset_warnings": warnings, "thresholds": None,
               "settings": _settings(assistant)}
    with (out / "results.jsonl").open("w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in results)
    comparison = reporting.compare(metrics, questions, results, other, str(args.compare), k) if other else None
    failures, skipped = (reporting.check_thresholds(metrics["overall"], thresholds, str(args.thresholds))
                         if thresholds else ([], []))
    if metrics["overall"]["n_errors"]:
        failures.append(f"FAIL {metrics['overall']['n_errors']} questions raised an error (`error` in results.jsonl)")
    if thresholds:
        metrics["thresholds"] = {"file": str(args.thresholds), "failures": failures, "skipped": skipped}
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    data = reporting.ReportData(questions, results, [score(q, r) for q, r in zip(questions, results)], metrics,
                                paragraphs, comparison)
    (out / "report.md").write_text(reporting.render_markdown(data), encoding="utf-8")
    (out / "report.html").write_text(reporting.render_html(data), encoding="utf-8")
    print(reporting.summary_table(metrics))
    if comparison:
        print(reporting.comparison_text(comparison, k, limit=30))
    print(f"wrote {out}/results.jsonl, metrics.json, report.md, report.html")
    for line in skipped + failures:
        print(line)
    return 1 if failures else 0
