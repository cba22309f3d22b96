"""Performance figures (a benchmark, not a test): ingest time, embedding throughput, search and ask latency.

    python benchmarks/bench.py [--corpus corpus] [--questions evals/test.jsonl] [--skip-ingest]

Ingest is measured cold into a temporary index; the raw throughput of the embedding model on the same chunk
texts is the ceiling for ingest speed. Latencies are warm (model and index loaded), on the curated questions.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from mea_assistant.assistant import Assistant
from mea_assistant.chunking import chunk_document
from mea_assistant.embedding import get_embedder
from mea_assistant.settings import Settings


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--questions", type=Path, default=Path("evals/test.jsonl"))
    parser.add_argument("--index", type=Path, help="use this built index instead of ingesting into a temporary one")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.from_env(corpus_dir=args.corpus, index_dir=args.index or Path(tmp) / "index")
        assistant = Assistant(settings)
        if args.index is None:
            get_embedder(settings.embed_model)  # model load is not ingest work
            started = time.perf_counter()
            report = assistant.ingest()
            seconds = time.perf_counter() - started
            print(f"ingest (cold): {report.documents} documents, {report.paragraphs} paragraphs, {report.chunks} chunks "
                  f"in {seconds:.1f}s -> {report.paragraphs / seconds:.1f} paragraphs/s, {report.chunks / seconds:.1f} chunks/s")
            started = time.perf_counter()
            again = assistant.ingest()
            print(f"re-ingest (nothing changed): {time.perf_counter() - started:.1f}s, {again.embedded} chunks embedded")

            texts = [c.embed_text for d in assistant.index.documents.values() for c in
                     chunk_document(d, settings.chunk_tokens, settings.chunk_overlap)]
            embedder = get_embedder(settings.embed_model)
            started = time.perf_counter()
            embedder.embed(texts, batch_size=64)
            raw = time.perf_counter() - started
            print(f"raw embedding throughput (ceiling): {len(texts) / raw:.1f} chunks/s ({len(texts)} chunks in {raw:.1f}s)")

        questions = [json.loads(line) for line in args.questions.read_text().splitlines() if line.strip()]
        assistant.warm_up()
        search_ms, ask_ms = [], []
        for q in questions:
            t = time.perf_counter()
            assistant.search(q["question"], k=10)
            search_ms.append((time.perf_counter() - t) * 1000)
        for q in questions:
            answer = assistant.ask(q["question"], history=q.get("history", []))
            ask_ms.append(answer.latency_ms)
        print(f"search latency warm over {len(search_ms)} queries: p50 {statistics.median(search_ms):.0f} ms, "
              f"p95 {pct(search_ms, 0.95):.0f} ms")
        print(f"ask latency warm over {len(ask_ms)} questions: p50 {statistics.median(ask_ms):.0f} ms, "
              f"p95 {pct(ask_ms, 0.95):.0f} ms")


if __name__ == "__main__":
    main()
