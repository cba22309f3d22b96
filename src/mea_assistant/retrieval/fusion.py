"""Hybrid scoring as small pure functions: rank, fuse by reciprocal rank, prefer named instruments, keep leaders.

Scores here are fusion scores over paragraph keys; they say which paragraph ranks above which, nothing more.
"""

from __future__ import annotations

from typing import Hashable, Iterable, Mapping, TypeVar

from ..types import Document, ParagraphKey

K = TypeVar("K", bound=Hashable)
_CONTEXT_KINDS = ("preamble", "front-matter", "acting-body")


def ranking(scores: Mapping[K, float]) -> list[K]:
    """Keys best first; equal scores keep the order the store returned them in."""
    return sorted(scores, key=lambda key: -scores[key])


def rrf(rankings: Iterable[list[tuple[str, int]]], k: int, weights: Iterable[float] | None = None
        ) -> dict[tuple[str, int], float]:
    """Weighted reciprocal rank fusion: sum of w/(k + rank) over the rankings a paragraph appears in."""
    scores: dict[tuple[str, int], float] = {}
    rankings = list(rankings)
    for ranking_, weight in zip(rankings, weights or [1.0] * len(rankings)):
        for rank, key in enumerate(ranking_, 1):
            scores[key] = scores.get(key, 0.0) + weight / (k + rank)
    return scores


def step(rrf_k: int) -> float:
    """What rank 1 of one ranking is worth in fusion: the unit for every nudge below."""
    return 1.0 / (rrf_k + 1)


def prefer_named(fused: Mapping[ParagraphKey, float], documents: Mapping[str, Document], doc_ids: Iterable[str],
                 conventions: Iterable[str], rrf_k: int, recitals: bool = False) -> dict[ParagraphKey, float]:
    """Nudge the fused scores: an instrument named in the question is preferred, gently (a rank or two, not a
    filter), and operative text comes before preambles, which give context rather than answers, unless the question
    asks what the preamble says (`recitals`): then its recitals come first."""
    boost = step(rrf_k)
    named_docs, named_conventions = set(doc_ids), tuple(conventions)
    out: dict[ParagraphKey, float] = {}
    for key, score in fused.items():
        doc = documents[key[0]]
        if key[0] in named_docs:
            score += boost * 0.8
        elif named_conventions and doc.conventions and doc.conventions[0] in named_conventions:
            score += boost * 0.5
        kind = doc.paragraphs[key[1]].kind
        if recitals and kind == "preamble":
            score += boost * 0.5
        elif kind in _CONTEXT_KINDS:
            score -= boost * 0.15
        out[key] = score
    return out


def exact_score(fused: Mapping[ParagraphKey, float], rrf_k: int) -> float:
    """A paragraph named by an explicit reference ranks above anything fusion found."""
    return max(fused.values(), default=0.0) + step(rrf_k)


def keep_leaders(fused: list[tuple[str, int]], leaders: list[tuple[str, int]], slots: int = 5
                 ) -> list[tuple[str, int]]:
    """Each retriever's best paragraph stays in the top `slots`: fusion must not bury a clear winner."""
    top = fused[:slots]
    for leader in leaders:
        if leader in top:
            continue
        for j in range(len(top) - 1, -1, -1):
            if top[j] not in leaders:
                top[j] = leader
                break
    return top + [key for key in fused if key not in top]
