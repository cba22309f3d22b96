"""Scoring: one answer against its question (`score` -> Outcome), then Outcomes into a metrics table.

Everything here is pure (results and expected items in, numbers out) so it is tested without the model.
hit@k, MRR and nDCG@10 are computed by ir-measures (trec_eval underneath) on each question's ranking, so they
mean what the IR literature means by them; the project's own measures (reference accuracy, citation precision,
key terms, abstention, latency percentiles) sit beside them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Sequence

import ir_measures
from ir_measures import RR, ScoredDoc, Success, nDCG

from ..refs import ref_matches
from ..terms import STOPWORDS, stem
from .dataset import KINDS, TYPES, Expected, Question, matched_items, normalised

RETRIEVED_DEPTH = 10  # results list the top 10 paragraphs, so every cutoff is at most 10
CONTENT_OVERLAP = 0.5  # citation precision: share of the question's content words a relevant paragraph holds
# Keys of each metrics table in metrics.json; hit@k for a --k outside 1/3/5/10 is added after hit@10.
METRIC_KEYS = ("hit@1", "hit@3", "hit@5", "hit@10", "mrr", "ndcg@10", "first_citation_right", "citation_hit",
               "citations_per_answer", "citation_precision", "ref_accuracy", "paragraph_ref_accuracy",
               "key_term_recall", "key_terms_in_lead", "key_term_group_recall", "answer_type_accuracy",
               "abstention_precision", "abstention_recall", "false_abstention_rate", "latency_p50_ms",
               "latency_p95_ms")
COUNT_KEYS = ("n_questions", "n_answerable", "n_unanswerable", "n_retrieval_scored", "n_citations", "n_ref_checked",
              "n_errors")
# Our key -> the ir-measures measure computing it: every hit@k a --k can ask for, MRR and nDCG over the top 10.
IR_MEASURES = {**{f"hit@{k}": Success @ k for k in range(1, RETRIEVED_DEPTH + 1)},
               "mrr": RR @ RETRIEVED_DEPTH, "ndcg@10": nDCG @ 10}


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
    retrieval: dict[str, float] = field(default_factory=dict)  # IR_MEASURES keys -> this question's value
    ref_ok: int = 0
    ref_n: int = 0
    cited_expected: bool = False
    cite_good: int = 0
    cite_n: int = 0
    groups: list[bool] = field(default_factory=list)  # one per must_mention group: satisfied?
    lead_groups: list[bool] = field(default_factory=list)  # the same groups, in the lead sentence alone
    first_cited: bool = False  # the first citation ([1], what the lead relies on) matches an expected item
    cite_ref_ok: int = 0  # citations naming an expected ref that also name its document
    cite_ref_n: int = 0  # citations naming an expected ref (the ref rule, whatever their document)
    kind: str | None = None  # the answer type the question asks for, when the set says
    kind_ok: bool | None = None  # the assistant read that answer type
    error: str = ""  # the exception `ask` raised; the question then scores as a miss

    def hit(self, k: int) -> bool:
        """An expected paragraph in the top k (False when retrieval was not scored)."""
        return bool(self.retrieval.get(f"hit@{k}"))


# ----- retrieval: hit@k, MRR, nDCG through ir-measures -------------------------------------------------------

def first_relevant_rank(retrieved: Sequence[dict[str, Any]], expected: Sequence[Expected]) -> int | None:
    for rank, para in enumerate(retrieved[:RETRIEVED_DEPTH], 1):
        if matched_items(para, expected):
            return rank
    return None


def ranking(retrieved: Sequence[dict[str, Any]], expected: Sequence[Expected]) -> list[str]:
    """The top paragraphs as document ids for an IR library whose judgments are "e0".."e{n-1}", one per
    expected item, all of relevance 1.

    A paragraph takes the id of the first expected item it matches that no paragraph above it matched, and
    every item it matches counts as found: a paragraph quoting two expected items gains once, and a second
    paragraph with an already found quote gains nothing (each expected item is credited once). Any other
    paragraph gets an id of its own that no judgment holds. The ideal ranking thus has min(#expected, 10)
    relevant paragraphs first, and the first relevant id is the first paragraph matching any item.
    """
    found: set[int] = set()
    ids = []
    for rank, para in enumerate(retrieved[:RETRIEVED_DEPTH], 1):
        new = [i for i in matched_items(para, expected) if i not in found]
        found.update(new)
        ids.append(f"e{new[0]}" if new else f"n{rank}")
    return ids


@lru_cache(maxsize=None)
def _evaluator(n_expected: int) -> Any:
    """One ir-measures evaluator per number of expected items: building one parses every measure (milliseconds),
    and the judgments of a question depend on nothing else. pytrec_eval (trec_eval) is named, not picked by
    ir-measures among providers, so the figures cannot change with what else is installed."""
    qrels = [ir_measures.Qrel("q", f"e{i}", 1) for i in range(n_expected)]
    return ir_measures.pytrec_eval.evaluator(list(IR_MEASURES.values()), qrels)


def retrieval_scores(retrieved: Sequence[dict[str, Any]], expected: Sequence[Expected]) -> dict[str, float]:
    """hit@1..hit@10, mrr and ndcg@10 of one question (keys of IR_MEASURES); all 0.0 without expected items.

    Scores fall strictly with rank, so trec_eval keeps the assistant's order (it sorts by score and would
    break ties by document id).
    """
    if not expected:
        return dict.fromkeys(IR_MEASURES, 0.0)
    ids = ranking(retrieved, expected)
    run = [ScoredDoc("q", doc_id, float(len(ids) - i)) for i, doc_id in enumerate(ids)]
    values = {str(m.measure): m.value for m in _evaluator(len(expected)).iter_calc(run)}
    return {key: float(values.get(str(measure), 0.0)) for key, measure in IR_MEASURES.items()}


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


# ----- answers: citations, key terms, abstention, latency ----------------------------------------------------

def content_terms(text: str) -> set[str]:
    """Stemmed content words: letters-or-numbers tokens, stopwords and single characters dropped."""
    words = re.findall(r"[a-z][a-z.-]*[a-z]|\d+(?:\.\d+)*", normalised(text))
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


def citation_refs(citations: Sequence[dict[str, Any]], expected: Sequence[Expected]) -> tuple[int, int]:
    """(right, claimed): citations whose ref satisfies the ref rule of an expected item's ref, and of those the
    ones in that item's document. The right "Art. 5" of the wrong instrument is a wrong reference."""
    right = claimed = 0
    for c in citations:
        ref = c.get("ref", "")
        items = [e for e in expected if e.ref and ref_matches(e.ref, ref)]
        if items:
            claimed += 1
            right += any(e.doc == c.get("doc_id") for e in items)
    return right, claimed


def mention_groups(answer: str, groups: Sequence[Sequence[str]]) -> list[bool]:
    """Per must_mention group: does the answer contain one of its alternatives (case-insensitive, normalised)?"""
    text = normalised(answer)
    return [any(normalised(alt) in text for alt in group) for group in groups]


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
                  error=result.get("error") or "", kind=q.kind)
    if q.kind is not None and result.get("answer_type"):
        out.kind_ok = result.get("answer_type") == q.kind
    if not q.answerable:
        return out
    retrieved, citations = result.get("retrieved") or [], result.get("citations") or []
    out.groups = mention_groups(result.get("answer") or "", q.must_mention)
    out.lead_groups = mention_groups(result.get("lead") or "", q.must_mention)
    out.cite_ref_ok, out.cite_ref_n = citation_refs(citations, q.expected)
    out.cite_good, out.cite_n = citation_counts(citations, q.expected, question_terms(q))
    if q.expected:
        out.scored = True
        out.rank = first_relevant_rank(retrieved, q.expected)
        out.retrieval = retrieval_scores(retrieved, q.expected)
        out.ref_ok, out.ref_n = ref_checks(retrieved, q.expected)
        out.cited_expected = any(matched_items(c, q.expected) for c in citations)
        first = min(citations, key=lambda c: c.get("marker", 0), default=None)
        out.first_cited = first is not None and bool(matched_items(first, q.expected))
    return out


def aggregate(outcomes: Sequence[Outcome], k: int = 5) -> dict[str, Any]:
    """One metrics table. Retrieval and citation metrics use answerable questions only; None = nothing to measure."""
    scored = [o for o in outcomes if o.scored]
    answerable = [o for o in outcomes if o.answerable]
    with_terms = [o for o in answerable if o.groups]
    m: dict[str, Any] = {}
    for key in [f"hit@{cut}" for cut in sorted({1, 3, 5, 10, k})] + ["mrr", "ndcg@10"]:
        m[key] = _ratio(sum(o.retrieval[key] for o in scored), len(scored))
    answered = [o for o in answerable if not o.abstained and not o.error]
    with_kind = [o for o in outcomes if o.kind_ok is not None]
    m["first_citation_right"] = _ratio(sum(o.first_cited for o in scored), len(scored))
    m["citation_hit"] = _ratio(sum(o.cited_expected for o in scored), len(scored))
    m["citations_per_answer"] = _ratio(sum(o.cite_n for o in answered), len(answered))
    m["citation_precision"] = _ratio(sum(o.cite_good for o in answerable), sum(o.cite_n for o in answerable))
    m["ref_accuracy"] = _ratio(sum(o.cite_ref_ok for o in answerable), sum(o.cite_ref_n for o in answerable))
    m["paragraph_ref_accuracy"] = _ratio(sum(o.ref_ok for o in scored), sum(o.ref_n for o in scored))
    m["key_term_recall"] = _ratio(sum(all(o.groups) for o in with_terms), len(with_terms))
    m["key_terms_in_lead"] = _ratio(sum(all(o.lead_groups) for o in with_terms), len(with_terms))
    m["key_term_group_recall"] = _ratio(sum(sum(o.groups) for o in with_terms), sum(len(o.groups) for o in with_terms))
    m["answer_type_accuracy"] = _ratio(sum(bool(o.kind_ok) for o in with_kind), len(with_kind))
    m.update(abstention_scores([o.abstained for o in outcomes], [o.answerable for o in outcomes]))
    latencies = [o.latency_ms for o in outcomes if not o.error]
    m["latency_p50_ms"], m["latency_p95_ms"] = percentile(latencies, 50), percentile(latencies, 95)
    m.update({"n_questions": len(outcomes), "n_answerable": len(answerable),
              "n_unanswerable": len(outcomes) - len(answerable), "n_retrieval_scored": len(scored),
              "n_citations": sum(o.cite_n for o in answerable), "n_ref_checked": sum(o.ref_n for o in scored),
              "n_errors": sum(bool(o.error) for o in outcomes)})
    return {key: (round(v, 4) if isinstance(v, float) else v) for key, v in m.items()}


def metrics_table(outcomes: Sequence[Outcome], k: int) -> dict[str, Any]:
    """{"overall": {...}, "by_type": {type: {...}}, "by_kind": {answer type: {...}}}: known types in their fixed
    order, then any other type a set uses; answer types when the set names them (`kind`)."""
    types = [t for t in TYPES if any(o.type == t for o in outcomes)]
    types += sorted({o.type for o in outcomes} - set(types))
    by_type = {t: aggregate([o for o in outcomes if o.type == t], k) for t in types}
    kinds = [kd for kd in KINDS if any(o.kind == kd for o in outcomes)]
    table = {"overall": aggregate(outcomes, k), "by_type": by_type}
    if kinds:
        table["by_kind"] = {kd: aggregate([o for o in outcomes if o.kind == kd], k) for kd in kinds}
    return table
