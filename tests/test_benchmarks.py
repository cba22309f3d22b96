"""Each benchmark script still runs, at its smallest size, and prints the JSON object the README documents.

The figures are not checked here (performance targets live in the benchmarks' own output, never in timed
tests); only that the scripts work end to end on the real model, Chroma and the shipped corpus.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


def run_script(name: str, *args: str) -> dict:  # type: ignore[type-arg]
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEA_")}
    env["PYTHONPATH"] = str(ROOT / "src")
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / name), "--small", "--json", *args], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_bench_ingest_reports_the_ratio_to_raw_embedding():
    result = run_script("bench_ingest.py")
    assert {"ingest_s", "embed_only_s", "ratio", "chunks"} <= set(result)
    assert result["chunks"] > 0 and result["ingest_s"] > 0 and result["embed_only_s"] > 0


def test_bench_baseline_scores_both_pipelines():
    result = run_script("bench_baseline.py")
    for side in ("ours", "baseline"):
        assert {"hit_at_5", "p50_ms"} <= set(result[side])
        assert 0.0 <= result[side]["hit_at_5"] <= 1.0 and result[side]["p50_ms"] > 0


def test_bench_query_measures_warm_and_cold():
    result = run_script("bench_query.py")
    assert {"search_p50_ms", "search_p95_ms", "ask_p50_ms", "ask_p95_ms", "cold_ask_s", "cold_app_s"} <= set(result)
    assert result["cold_ask_s"] > 0 and result["cold_app_s"] > 0


def test_bench_scale_writes_table_json_and_plot(tmp_path: Path):
    result = run_script("bench_scale.py", "--sizes", "1,2", "--out", str(tmp_path))
    assert [row["size"] for row in result["sizes"]] == [1, 2]
    for row in result["sizes"]:
        assert {"ingest_s", "index_mb", "ingest_rss_mb", "serve_rss_mb", "search_p50_ms", "ask_p95_ms"} <= set(row)
    assert result["sizes"][1]["chunks"] == 2 * result["sizes"][0]["chunks"]  # copies are distinct documents
    assert (tmp_path / "scale.png").stat().st_size > 0 and (tmp_path / "scale.json").is_file()
