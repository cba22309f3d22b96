"""The threshold gate (`eval --thresholds FILE`): bounds on the overall metrics, so CI fails when quality drops."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from ..errors import MeaError
from .metrics import METRIC_KEYS, RETRIEVED_DEPTH


def load_thresholds(path: Path) -> dict[str, dict[str, float]]:
    """`[minimum]` and `[maximum]` tables of metric -> bound; unknown names are errors so a typo cannot pass."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise MeaError(f"{path}: cannot read the thresholds ({exc})") from exc
    known = set(METRIC_KEYS) | {f"hit@{n}" for n in range(1, RETRIEVED_DEPTH + 1)}
    out: dict[str, dict[str, float]] = {}
    for table in ("minimum", "maximum"):
        entries = data.get(table, {})
        if not isinstance(entries, dict):
            raise MeaError(f"{path}: [{table}] must be a table of metric = number")
        for name, bound in entries.items():
            if name not in known:
                raise MeaError(f"{path}: [{table}] {name!r} is not a metric; known: {', '.join(sorted(known))}")
            if not isinstance(bound, (int, float)) or isinstance(bound, bool):
                raise MeaError(f"{path}: [{table}] {name} must be a number")
        out[table] = {name: float(bound) for name, bound in entries.items()}
    if not any(out.values()):
        raise MeaError(f"{path}: no [minimum] or [maximum] table")
    return out


def _num(x: float) -> str:
    return f"{x:.3f}" if abs(x) < 10 else f"{x:.0f}"


def check_thresholds(overall: dict[str, Any], thresholds: dict[str, dict[str, float]],
                     source: str) -> tuple[list[str], list[str]]:
    """(failures, skipped): one readable line per failing metric, and per metric this set cannot measure
    (abstention recall on a subset without unanswerable questions), which is reported but does not fail."""
    failures, skipped = [], []
    for table, op, bad in (("minimum", "<", lambda v, b: v < b), ("maximum", ">", lambda v, b: v > b)):
        for name, bound in thresholds.get(table, {}).items():
            value = overall.get(name)
            if value is None:
                skipped.append(f"SKIP {name}: nothing to measure in this set ({table} {_num(bound)}) ({source})")
            elif bad(value, bound):
                failures.append(f"FAIL {name} = {_num(value)} {op} {_num(bound)} ({source})")
    return failures, skipped
