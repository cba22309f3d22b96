"""What the bench_*.py scripts share: percentiles, the small corpus CI runs them on, tables, JSON output.

Run the scripts with the project's Python from the repository root (`python benchmarks/bench_ingest.py`); this
module is imported from beside them. Each prints a table, or one JSON object with `--json`.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import sys
from pathlib import Path
from typing import Any, Sequence

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
if str(SRC) not in sys.path:  # this checkout's sources, whatever is installed in the environment
    sys.path.insert(0, str(SRC))

for _name, _value in (("GRADIO_ANALYTICS_ENABLED", "False"), ("HF_HUB_OFFLINE", "1"), ("TRANSFORMERS_OFFLINE", "1"),
                      ("ANONYMIZED_TELEMETRY", "False"), ("TOKENIZERS_PARALLELISM", "false")):
    os.environ.setdefault(_name, _value)

CORPUS = ROOT / "corpus"
TEST_SET = ROOT / "evals" / "test.jsonl"
SMALL_DOCS = 3  # --small: the three smallest documents of the corpus, so CI runs each script in seconds
SMALL_QUESTIONS = 5


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (pct in 0..100); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return float(ordered[rank - 1])


def document_files(corpus: Path) -> list[Path]:
    from mea_assistant.parsing import is_document_file

    return [p for p in sorted(corpus.iterdir()) if is_document_file(p) and not p.stem.lower().startswith("readme")]


def small_corpus(source: Path, target: Path, n: int = SMALL_DOCS) -> Path:
    """The n smallest documents of `source` copied into `target` (made if needed)."""
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(document_files(source), key=lambda p: p.stat().st_size)[:n]:
        shutil.copy(path, target / path.name)
    return target


def load_questions(path: Path, limit: int | None = None) -> list[Any]:
    """The evaluation set's questions (validated by the project's own loader), the first `limit` of them."""
    from mea_assistant.evaluation.dataset import load_dataset

    questions = load_dataset(path)
    return questions[:limit] if limit else questions


def peak_rss_mb() -> float:
    """This process's peak resident memory so far (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dir_size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def subprocess_env(**extra: str) -> dict[str, str]:
    """The environment for a child `python -m mea_assistant...`: this checkout's sources first on the path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.update(extra)
    return env


def machine() -> dict[str, Any]:
    """What the figures were measured on: cores and the load average when the run ended."""
    return {"cores": os.cpu_count(), "load_avg_1m": round(os.getloadavg()[0], 2)}


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A plain fixed-width table (numbers right-aligned)."""
    def fmt(v: Any) -> str:
        if isinstance(v, float):
            return f"{v:,.3f}" if abs(v) < 10 else f"{v:,.1f}"
        return str(v)

    cells = [[fmt(v) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)),
             "  ".join("-" * w for w in widths)]
    for row, raw in zip(cells, rows):
        lines.append("  ".join(c.rjust(w) if isinstance(v, (int, float)) else c.ljust(w)
                               for c, w, v in zip(row, widths, raw)))
    return "\n".join(lines)


def emit(result: dict[str, Any], as_json: bool, text: str) -> None:
    """One JSON object on stdout with --json (the table and progress go to stderr), else the table."""
    if as_json:
        print(text, file=sys.stderr, flush=True)
    print(json.dumps(result, ensure_ascii=False) if as_json else text, flush=True)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
