"""Question latency, warm and cold: what a user waits for.

    python benchmarks/bench_query.py [--index DIR] [--dataset evals/test.jsonl] [--cold-runs 5] [--small] [--json]

- warm: p50/p95 of `search` and `ask` over the evaluation questions, in one process with the model and the index
  loaded (the chat app's steady state);
- cold `ask`: `python -m mea_assistant.cli ask QUESTION` from process start to the printed answer (the process's
  exit), median of --cold-runs runs;
- where a cold process spends its time: imports, opening the index, loading the embedder, opening each store,
  the first and second `ask` (one run);
- cold app: `python app.py` from process start to the first answer of its /ask endpoint over HTTP (gradio_client,
  imported before the clock starts), median of --app-runs runs.
Without --index, the corpus (or with --small its 3 smallest documents) is first ingested into a temporary index.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import (CORPUS, ROOT, SMALL_QUESTIONS, TEST_SET, emit, load_questions, machine, percentile, say,
                     small_corpus, subprocess_env, table)

COLD_QUESTION = "How long is a CITES export permit valid once it has been granted?"


def warm(index: Path, corpus: Path, questions: list[Any]) -> dict[str, float]:
    from mea_assistant.assistant import Assistant
    from mea_assistant.settings import Settings

    assistant = Assistant(Settings.from_env(index_dir=index, corpus_dir=corpus))
    assistant.warm_up()
    search_ms, ask_ms = [], []
    for q in questions:
        started = time.perf_counter()
        assistant.search(q.question, k=10)
        search_ms.append((time.perf_counter() - started) * 1000)
    for q in questions:
        started = time.perf_counter()
        assistant.ask(q.question, history=q.history)
        ask_ms.append((time.perf_counter() - started) * 1000)
    return {"search_p50_ms": round(percentile(search_ms, 50), 1), "search_p95_ms": round(percentile(search_ms, 95), 1),
            "ask_p50_ms": round(percentile(ask_ms, 50), 1), "ask_p95_ms": round(percentile(ask_ms, 95), 1),
            "n_questions": len(questions)}


def cold_ask(index: Path, corpus: Path, runs: int) -> list[float]:
    """Seconds from spawning `mea_assistant.cli ask` to its exit with the answer printed."""
    env = subprocess_env(MEA_INDEX_DIR=str(index), MEA_CORPUS_DIR=str(corpus))
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "mea_assistant.cli", "ask", COLD_QUESTION], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=300)
        times.append(time.perf_counter() - started)
        if done.returncode != 0 or not done.stdout.strip():
            raise SystemExit(f"cold ask failed (exit {done.returncode}): {done.stderr.strip()[-300:]}")
    return times


STAGES = """
import json, sys, time
t0 = time.perf_counter(); marks = {}
def mark(name):
    marks[name] = round(time.perf_counter() - t0, 3)
from mea_assistant.assistant import Assistant
from mea_assistant.settings import Settings
mark("import mea_assistant")
assistant = Assistant(Settings.from_env())
assistant.index.documents
mark("open index (documents, vocabulary)")
assistant.retriever.embedder
mark("load embedder")
assistant.index.vectors
mark("open Chroma (imports chromadb; not llama-index)")
assistant.index.lexical
mark("open BM25 (imports bm25s)")
assistant.ask(sys.argv[1])
mark("first ask")
assistant.ask(sys.argv[1])
mark("second ask")
print(json.dumps(marks))
"""


def cold_stages(index: Path, corpus: Path) -> dict[str, float]:
    """Where a cold process's time goes, stage by stage (cumulative seconds since the script started)."""
    env = subprocess_env(MEA_INDEX_DIR=str(index), MEA_CORPUS_DIR=str(corpus))
    done = subprocess.run([sys.executable, "-c", STAGES, COLD_QUESTION], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    if done.returncode != 0:
        raise SystemExit(f"cold stages failed: {done.stderr.strip()[-300:]}")
    marks = json.loads(done.stdout.strip().splitlines()[-1])
    previous, out = 0.0, {}
    for name, at in marks.items():
        out[name] = round(at - previous, 3)
        previous = at
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cold_app(index: Path, corpus: Path, runs: int, deadline: float = 180.0) -> list[float]:
    """Seconds from spawning `python app.py` to the first answer of /ask (loopback only; the app is stopped)."""
    import urllib.request

    from gradio_client import Client

    times = []
    for _ in range(runs):
        port = _free_port()
        env = subprocess_env(MEA_INDEX_DIR=str(index), MEA_CORPUS_DIR=str(corpus), MEA_HOST="127.0.0.1",
                             MEA_PORT=str(port), MEA_AUTH="")
        url = f"http://127.0.0.1:{port}/"
        started = time.perf_counter()
        app = subprocess.Popen([sys.executable, str(ROOT / "app.py")], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
        try:
            while True:
                if app.poll() is not None:
                    raise SystemExit(f"app.py exited ({app.returncode}): {(app.stderr.read() or '')[-300:]}")
                if time.perf_counter() - started > deadline:
                    raise SystemExit(f"app.py did not answer within {deadline:.0f}s")
                try:
                    urllib.request.urlopen(url, timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.05)
            client = Client(url, verbose=False, download_files=False)
            result = client.predict(COLD_QUESTION, "[]", api_name="/ask")
            times.append(time.perf_counter() - started)
            if not result or not result.get("answer"):
                raise SystemExit(f"the app gave no answer: {str(result)[:200]}")
        finally:
            app.terminate()
            try:
                app.wait(timeout=20)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, help="a built index (default: ingest the corpus into a temporary one)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--dataset", type=Path, default=TEST_SET)
    parser.add_argument("--cold-runs", type=int, default=5)
    parser.add_argument("--app-runs", type=int, default=3)
    parser.add_argument("--small", action="store_true", help="3 documents, 5 questions, 1 cold run of each (CI)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if args.small:
        args.cold_runs, args.app_runs = min(args.cold_runs, 1), min(args.app_runs, 1)
    with tempfile.TemporaryDirectory(prefix="bench-query-") as tmp:
        corpus, index = args.corpus, args.index
        if index is None:
            from mea_assistant.assistant import Assistant
            from mea_assistant.settings import Settings

            corpus = small_corpus(args.corpus, Path(tmp) / "corpus") if args.small else args.corpus
            index = Path(tmp) / "index"
            say(f"ingesting {corpus} into {index}")
            Assistant(Settings.from_env(index_dir=index, corpus_dir=corpus)).ingest()
        questions = load_questions(args.dataset, SMALL_QUESTIONS if args.small else None)
        say(f"warm latency over {len(questions)} questions")
        result: dict[str, Any] = warm(index, corpus, questions)
        say(f"cold ask x{args.cold_runs}")
        asks = cold_ask(index, corpus, args.cold_runs)
        stages = cold_stages(index, corpus)
        say(f"cold app x{args.app_runs}")
        apps = cold_app(index, corpus, args.app_runs)
    result.update({"cold_ask_s": round(statistics.median(asks), 2), "cold_ask_runs_s": [round(t, 2) for t in asks],
                   "cold_app_s": round(statistics.median(apps), 2), "cold_app_runs_s": [round(t, 2) for t in apps],
                   "cold_stages_s": stages, "embed_backend": os.environ.get("MEA_EMBED_BACKEND") or "auto", **machine()})
    rows = [("search, warm", result["search_p50_ms"], result["search_p95_ms"], ""),
            ("ask, warm", result["ask_p50_ms"], result["ask_p95_ms"], "target p50 < 300 ms"),
            ("cold `ask` (process start -> answer)", result["cold_ask_s"] * 1000, max(asks) * 1000,
             f"median of {len(asks)}; target < 2 s"),
            ("cold app (start -> first answer)", result["cold_app_s"] * 1000, max(apps) * 1000,
             f"median of {len(apps)}; target < 5 s")]
    text = table(["what", "p50 / median ms", "p95 / max ms", "note"], rows)
    text += "\n\n" + table(["a cold process, stage by stage", "seconds"], list(stages.items()))
    emit(result, args.json, text + f"\n{result['n_questions']} questions; {result['cores']} cores, "
                                   f"load {result['load_avg_1m']}")


if __name__ == "__main__":
    main()
