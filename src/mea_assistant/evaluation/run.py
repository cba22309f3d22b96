"""Running an evaluation set: `evaluate` is the only part that calls the assistant, `run_cli` (the body of
`mea-assistant eval`) the only part that touches files and the terminal.

The pieces it drives never import it: scoring (metrics.py), reports (report.py), the comparison with an
earlier run (compare.py) and the threshold gate (gate.py) all work from results alone.
"""

from __future__ import annotations

import json
import sys
import time
import traceback
from pathlib import Path
from typing import Any, Callable, Sequence

from ..errors import MeaError
from .compare import compare, read_run
from .dataset import Question, dataset_warnings, load_dataset
from .gate import check_thresholds, load_thresholds
from .metrics import RETRIEVED_DEPTH, Outcome, metrics_table, score
from .report import Progress, ReportData, comparison_text, kind_table, render_html, render_markdown, summary_table


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


def _settings(assistant: Any) -> dict[str, Any] | None:
    """The pipeline knobs in force, so two runs can be told apart; never the login (`auth` may hold a password)."""
    settings = getattr(assistant, "settings", None)
    return {k: v for k, v in settings.to_json().items() if k not in ("auth", "host", "port")} if settings else None


def run_cli(assistant: Any, args: Any) -> int:
    """`mea-assistant eval`: check every input first, then run, write the four files and print the verdicts."""
    k = int(args.k)
    if not 1 <= k <= RETRIEVED_DEPTH:
        raise MeaError(f"--k {k}: use 1 to {RETRIEVED_DEPTH}, as results list the top {RETRIEVED_DEPTH} paragraphs")
    questions = load_dataset(args.dataset)
    thresholds = load_thresholds(args.thresholds) if args.thresholds else None
    other = read_run(Path(args.compare)) if args.compare else None
    paragraphs = {d: [(p.ref, p.text) for p in doc.paragraphs] for d, doc in assistant.index.documents.items()}
    warnings = dataset_warnings(questions, paragraphs)
    for line in warnings:
        print(f"warning: {args.dataset}: {line}", file=sys.stderr)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    assistant.warm_up()  # so the first question's latency is not the model load
    started = time.perf_counter()
    results, table = evaluate(assistant, questions, args.retriever, k, Progress(k))
    metrics = {"dataset": str(args.dataset), "retriever": args.retriever, "k": k, "primary_metric": f"hit@{k}",
               "duration_s": round(time.perf_counter() - started, 1), "created": time.strftime("%Y-%m-%d %H:%M:%S"),
               **table, "dataset_warnings": warnings, "thresholds": None,
               "settings": _settings(assistant)}
    with (out / "results.jsonl").open("w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in results)
    comparison = compare(metrics, questions, results, other, str(args.compare), k) if other else None
    failures, skipped = (check_thresholds(metrics["overall"], thresholds, str(args.thresholds))
                         if thresholds else ([], []))
    if metrics["overall"]["n_errors"]:
        failures.append(f"FAIL {metrics['overall']['n_errors']} questions raised an error (`error` in results.jsonl)")
    if thresholds:
        metrics["thresholds"] = {"file": str(args.thresholds), "failures": failures, "skipped": skipped}
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    data = ReportData(questions, results, [score(q, r) for q, r in zip(questions, results)], metrics, paragraphs,
                      comparison)
    (out / "report.md").write_text(render_markdown(data), encoding="utf-8")
    (out / "report.html").write_text(render_html(data), encoding="utf-8")
    print(summary_table(metrics))
    if kind_table(metrics):
        print("\n" + kind_table(metrics))
    if comparison:
        print(comparison_text(comparison, k, limit=30))
    print(f"wrote {out}/results.jsonl, metrics.json, report.md, report.html")
    for line in skipped + failures:
        print(line)
    return 1 if failures else 0
