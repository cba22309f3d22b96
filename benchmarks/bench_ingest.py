"""Ingest against its ceiling: the whole corpus into a fresh index, next to the raw embedding time of the same
model on the same texts, in the same run.

    python benchmarks/bench_ingest.py [--corpus corpus] [--backend auto|onnx|torch] [--small] [--json]

Embedding is the work ingest cannot avoid; everything else (parsing, chunking, Chroma and BM25 writes, the vector
cache, the manifest) is overhead, so `ratio` = ingest_s / embed_only_s should stay at or under 1.3. The model is
loaded before either clock starts. embed_only_s embeds exactly the distinct texts the ingest embedded (chunks and
sentences) in one call, which is the backend at its best (all texts sorted by length, then batched). The table
also splits the ingest into its phases, from the times of its progress messages, and gives the process's CPU
seconds beside the wall-clock ones: on a machine shared with other jobs, CPU time is the steadier comparison.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from _common import CORPUS, emit, machine, peak_rss_mb, say, small_corpus, table


def phases(events: list[tuple[float, str]], total: float) -> dict[str, float]:
    """Seconds spent parsing, embedding (with the Chroma writes, which ingest interleaves batch by batch) and
    writing BM25 + manifest + the build's check, from when ingest said it started each."""
    marks = {"parse": 0.0}
    for at, message in events:
        if message.startswith("indexing ") and "embed+chroma" not in marks:
            marks["embed+chroma"] = at
        elif message.startswith("writing") and "bm25+check" not in marks:
            marks["bm25+check"] = at
    order = sorted(marks.items(), key=lambda kv: kv[1])
    return {name: round((order[i + 1][1] if i + 1 < len(order) else total) - start, 2)
            for i, (name, start) in enumerate(order)}


def run(corpus: Path, backend: str | None, workdir: Path) -> dict[str, object]:
    from mea_assistant.chunking import chunk_document, sentence_chunks
    from mea_assistant.embedding import get_embedder
    from mea_assistant.index import Index, ingest
    from mea_assistant.settings import Settings

    settings = Settings.from_env(corpus_dir=corpus, index_dir=workdir / "index", embed_backend=backend)
    embedder = get_embedder(settings.embed_model, settings.embed_backend, bulk=True)  # model load: not ingest work
    say(f"ingesting {corpus} with the {embedder.name} backend")
    events: list[tuple[float, str]] = []
    started, cpu = time.perf_counter(), time.process_time()
    report = ingest(settings, lambda: embedder,
                    lambda msg: events.append((time.perf_counter() - started, msg)))
    ingest_s, ingest_cpu = time.perf_counter() - started, time.process_time() - cpu

    documents = Index(settings).documents.values()
    texts = list(dict.fromkeys(
        [c.embed_text for d in documents for c in chunk_document(d, settings.chunk_tokens, settings.chunk_overlap)]
        + [c.embed_text for d in documents for c in sentence_chunks(d)]))
    say(f"embedding the same {len(texts)} texts alone")
    started, cpu = time.perf_counter(), time.process_time()
    embedder.embed(texts)
    embed_only_s, embed_cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"ingest_s": round(ingest_s, 2), "embed_only_s": round(embed_only_s, 2),
            "ratio": round(ingest_s / embed_only_s, 3),
            "ingest_cpu_s": round(ingest_cpu, 2), "embed_only_cpu_s": round(embed_cpu, 2), "chunks": report.chunks, "texts_embedded": report.embedded,
            "documents": report.documents, "backend": embedder.name, "phases_s": phases(events, ingest_s),
            "texts_per_s": round(len(texts) / embed_only_s, 1), "peak_rss_mb": round(peak_rss_mb()), **machine()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--backend", choices=["auto", "onnx", "torch"], help="default: MEA_EMBED_BACKEND or auto")
    parser.add_argument("--small", action="store_true", help="the 3 smallest documents only (CI)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        corpus = small_corpus(args.corpus, Path(tmp) / "corpus") if args.small else args.corpus
        result = run(corpus, args.backend, Path(tmp))
    rows = [("ingest (fresh index)", result["ingest_s"], result["ingest_cpu_s"]),
            ("embedding alone, same texts", result["embed_only_s"], result["embed_only_cpu_s"]),
            ("ratio (target <= 1.3)", result["ratio"], round(result["ingest_cpu_s"] / result["embed_only_cpu_s"], 3))]
    rows += [(f"  phase: {name}", sec, "") for name, sec in result["phases_s"].items()]  # type: ignore[union-attr]
    text = table(["ingest of %s documents, %s chunks, %s texts embedded (%s)" % (
        result["documents"], result["chunks"], result["texts_embedded"], result["backend"]), "wall s", "CPU s"], rows)
    emit(result, args.json, text + f"\n{result['texts_per_s']} texts/s embedding alone; "
                                   f"{result['cores']} cores, load {result['load_avg_1m']}")


if __name__ == "__main__":
    main()
