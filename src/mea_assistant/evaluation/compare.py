"""This run against an earlier one (`eval --compare DIR`): metric deltas and the questions whose outcome flipped.

Both runs' results are re-scored on this run's dataset, so a changed question or metric definition cannot pass
for a change in the pipeline.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Sequence

from ..errors import MeaError
from .dataset import Question
from .metrics import COUNT_KEYS, Outcome, score


def read_run(folder: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """metrics.json and results.jsonl of an earlier run (for --compare)."""
    try:
        metrics = json.loads((folder / "metrics.json").read_text(encoding="utf-8"))
        results = [json.loads(line) for line in (folder / "results.jsonl").read_text(encoding="utf-8").splitlines()
                   if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise MeaError(f"{folder}: not an eval output folder ({exc}); --compare needs the --out of an earlier "
                       "run") from exc
    return metrics, results


def outcome_flags(outcome: Outcome, k: int) -> dict[str, bool]:
    """The three outcomes `--compare` reports flips of."""
    return {f"hit@{k}": outcome.hit(k), "citation_hit": outcome.cited_expected, "abstained": outcome.abstained}


def changed_outcomes(questions: Sequence[Question], results: Sequence[dict[str, Any]],
                     other: Sequence[dict[str, Any]], k: int) -> list[tuple[str, list[str]]]:
    """Questions whose hit@k, citation hit or abstention differs between two runs, both scored on this dataset."""
    by_id = {q.id: q for q in questions}
    theirs = {r.get("id"): r for r in other}
    changes = []
    for r in results:
        q = by_id.get(r["id"])
        if q is None or r["id"] not in theirs:
            continue
        now, before = outcome_flags(score(q, r), k), outcome_flags(score(q, theirs[r["id"]]), k)
        diff = [f"{name} {int(before[name])}→{int(now[name])}" for name in now if now[name] != before[name]]
        if diff:
            changes.append((q.id, diff))
    return changes


def metric_deltas(now: dict[str, Any], before: dict[str, Any]) -> list[tuple[str, Any, Any, float | None]]:
    """(metric, this run, other run, delta) for every metric either run has."""
    keys = [key for key in list(now) + [k for k in before if k not in now] if key not in COUNT_KEYS]
    rows = []
    for key in keys:
        a, b = now.get(key), before.get(key)
        numbers = isinstance(a, (int, float)) and isinstance(b, (int, float))
        rows.append((key, a, b, round(a - b, 4) if numbers else None))
    return rows


def compare(metrics: dict[str, Any], questions: Sequence[Question], results: Sequence[dict[str, Any]],
            other: tuple[dict[str, Any], list[dict[str, Any]]], other_name: str, k: int) -> dict[str, Any]:
    """This run against an earlier one: metric deltas and the questions whose outcome flipped."""
    here, there = {r["id"] for r in results}, {r.get("id") for r in other[1]}
    return {"other": other_name, "deltas": metric_deltas(metrics["overall"], other[0].get("overall", {})),
            "changed": changed_outcomes(questions, results, other[1], k),
            "only_here": sorted(here - there), "only_there": sorted(str(i) for i in there - here)}
