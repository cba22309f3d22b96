"""Growth: the corpus replicated 1x, 10x, 100x; what ingest, the index and questions cost at each size.

    python benchmarks/bench_scale.py [--sizes 1,10,100] [--questions 50] [--out bench-out/scale] [--json]

Copy 0 of each document is the file itself; copy j > 0 is saved as `<stem>--r<j>` (a distinct document id) with
its words perturbed by deterministic substitutions (seeded by document and copy), so its chunks are new texts
that the ingest's content-hash cache cannot collapse, while numbering, headings and references still parse.
Each size is ingested into a fresh index by a child process and queried by another, so each process's peak
resident memory (ru_maxrss) is its own: `ingest_rss_mb` for building, `serve_rss_mb` for a warm assistant
answering the questions (what one app process holds). Writes scale.json and a log-log plot scale.png in --out.
The 100x run takes the better part of an hour on 2 cores; CI runs `--sizes 1 --small`.

`--vectors hashed` stores, instead of the model's vectors, a unit vector drawn from each text's hash: for a 100x
run of the whole corpus, whose 550,000 texts would take the model about five hours to embed on 2 cores. Ingest
then measures everything but the embedding (parsing, chunking, BM25, Chroma's writes; add the texts embedded
at the model's rate from bench_ingest), and the index size, memory and question latency are those of an index
that size (questions are embedded by the real model; what they find among hashed vectors is not meaningful).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import (CORPUS, ROOT, TEST_SET, dir_size_mb, document_files, emit, load_questions, machine, peak_rss_mb,
                     percentile, say, small_corpus, subprocess_env, table)

# Substitutions that keep a sentence readable and its structure intact (no digits, labels or capitals touched).
SWAPS = {
    "shall": "must", "must": "shall", "should": "ought to", "may": "can", "measures": "steps", "steps": "measures",
    "conservation": "protection", "protection": "conservation", "species": "taxa", "parties": "states",
    "states": "parties", "ensure": "make sure", "promote": "encourage", "encourage": "promote",
    "including": "such as", "relevant": "pertinent", "appropriate": "suitable", "implementation": "execution",
    "cooperation": "collaboration", "habitats": "habitat areas", "information": "data", "provide": "supply",
    "necessary": "needed", "activities": "actions", "national": "domestic", "international": "cross-border",
    "development": "growth", "request": "ask", "requests": "asks", "also": "further", "between": "among",
    "within": "inside", "particular": "specific", "order": "sequence", "use": "usage", "taking": "having",
}
WORD = re.compile(r"\b[a-z]+\b")
PLOT_KEYS = (("ingest_s", "ingest (s)"), ("index_mb", "index on disk (MB)"), ("serve_rss_mb", "serving RSS (MB)"),
             ("search_p50_ms", "search p50 (ms)"), ("ask_p50_ms", "ask p50 (ms)"))


def perturb(text: str, seed: str, rate: float = 0.35) -> str:
    """`text` with about `rate` of its substitutable lower-case words swapped, the same way every time."""
    rng = random.Random(seed)

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        return SWAPS[word] if word in SWAPS and rng.random() < rate else word

    return WORD.sub(swap, text)


def replicate(source: Path, target: Path, copies: int) -> int:
    """`copies` versions of every document of `source` in `target`; returns the number of files written."""
    target.mkdir(parents=True, exist_ok=True)
    files = document_files(source)
    for path in files:
        text = path.read_text(encoding="utf-8")
        shutil.copy(path, target / path.name)
        for j in range(1, copies):
            (target / f"{path.stem}--r{j}{path.suffix}").write_text(perturb(text, f"{path.stem}/{j}"),
                                                                      encoding="utf-8")
    return len(files) * copies


# ----- the two child processes -------------------------------------------------------------------------------
class HashedVectors:
    """A stand-in embedder for `--vectors hashed`: a unit vector per text, drawn from the text's hash (the same
    text always gets the same vector), of the model's dimension."""

    name = "hashed (benchmark stand-in)"

    def __init__(self, dimension: int = 384) -> None:
        self.dimension = dimension
        self.texts_embedded = 0

    def embed(self, texts: list[str], batch_size: int = 32, show_progress: bool = False) -> list[list[float]]:
        import hashlib

        import numpy as np

        out = []
        for text in texts:
            seed = int.from_bytes(hashlib.sha1(text.encode("utf-8", "surrogatepass")).digest()[:8], "little")
            v = np.random.default_rng(seed).standard_normal(self.dimension).astype(np.float32)
            out.append((v / np.linalg.norm(v)).tolist())
        self.texts_embedded += len(texts)
        return out

    def embed_query(self, text: str) -> list[float]:
        return self.embed([text])[0]


def worker_ingest(corpus: Path, index: Path, vectors: str = "model") -> dict[str, Any]:
    from mea_assistant.embedding import get_embedder
    from mea_assistant.index import ingest
    from mea_assistant.settings import Settings

    settings = Settings.from_env(corpus_dir=corpus, index_dir=index)
    embedder = HashedVectors() if vectors == "hashed" else get_embedder(settings.embed_model, settings.embed_backend,
                                                                         bulk=True)
    started = time.perf_counter()
    report = ingest(settings, lambda: embedder)
    return {"ingest_s": round(time.perf_counter() - started, 1), "documents": report.documents,
            "chunks": report.chunks, "texts_embedded": report.embedded, "backend": embedder.name,
            "ingest_rss_mb": round(peak_rss_mb())}


def worker_query(corpus: Path, index: Path, dataset: Path, n: int) -> dict[str, Any]:
    from mea_assistant.assistant import Assistant
    from mea_assistant.settings import Settings

    started = time.perf_counter()
    assistant = Assistant(Settings.from_env(corpus_dir=corpus, index_dir=index))
    assistant.warm_up()
    open_s = time.perf_counter() - started
    questions = load_questions(dataset, n)
    search_ms, ask_ms = [], []
    for q in questions:
        t = time.perf_counter()
        assistant.search(q.question, k=10)
        search_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        assistant.ask(q.question, history=q.history)
        ask_ms.append((time.perf_counter() - t) * 1000)
    return {"open_s": round(open_s, 2), "search_p50_ms": round(percentile(search_ms, 50), 1),
            "search_p95_ms": round(percentile(search_ms, 95), 1), "ask_p50_ms": round(percentile(ask_ms, 50), 1),
            "ask_p95_ms": round(percentile(ask_ms, 95), 1), "serve_rss_mb": round(peak_rss_mb())}


def child(*args: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, *args], env=subprocess_env(), cwd=ROOT, capture_output=True,
                          text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args[:2])} failed: {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def plot(rows: list[dict[str, Any]], path: Path, unit: str = "the shipped corpus") -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.5))
    sizes = [r["size"] for r in rows]
    for key, label in PLOT_KEYS:
        ax.plot(sizes, [max(r[key], 1e-3) for r in rows], marker="o", label=label)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xticks(sizes, [f"{s}x" for s in sizes])
    ax.set_xlabel(f"corpus size (copies of {unit})")
    ax.set_title(f"MEA Assistant at scale ({machine()['cores']} cores)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,10,100", help="comma-separated replication factors")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--dataset", type=Path, default=TEST_SET)
    parser.add_argument("--questions", type=int, help="questions asked at each size (default 50; 5 with --small)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out" / "scale")
    parser.add_argument("--small", action="store_true", help="3 documents and 5 questions per size (CI)")
    parser.add_argument("--keep", type=Path, help="build the replicated corpora and indexes here and keep them")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--vectors", choices=["model", "hashed"], default="model",
                        help="hashed: stand-in vectors instead of the model's, for sizes the model cannot embed in "
                             "time (see above)")
    parser.add_argument("--worker", choices=["ingest", "query"], help=argparse.SUPPRESS)
    parser.add_argument("--index", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker == "ingest":
        print(json.dumps(worker_ingest(args.corpus, args.index, args.vectors)))
        return
    if args.worker == "query":
        print(json.dumps(worker_query(args.corpus, args.index, args.dataset, args.questions)))
        return
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    n_questions = args.questions or (5 if args.small else 50)
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        work = args.keep or Path(tmp)
        base = small_corpus(args.corpus, work / "base") if args.small else args.corpus
        for size in sizes:
            corpus, index = work / f"corpus-{size}x", work / f"index-{size}x"
            shutil.rmtree(corpus, ignore_errors=True)
            shutil.rmtree(index, ignore_errors=True)
            files = replicate(base, corpus, size)
            say(f"{size}x: {files} documents; ingesting")
            row: dict[str, Any] = {"size": size, "vectors": args.vectors,
                                   **child("--worker", "ingest", "--corpus", str(corpus), "--index", str(index),
                                           "--vectors", args.vectors)}
            row["index_mb"] = round(dir_size_mb(index), 1)
            say(f"{size}x: ingested in {row['ingest_s']}s; asking {n_questions} questions")
            row.update(child("--worker", "query", "--corpus", str(corpus), "--index", str(index),
                             "--dataset", str(args.dataset), "--questions", str(n_questions)))
            rows.append(row)
            if args.keep is None:
                shutil.rmtree(index, ignore_errors=True)
                shutil.rmtree(corpus, ignore_errors=True)
    args.out.mkdir(parents=True, exist_ok=True)
    result = {"sizes": rows, "questions": n_questions, **machine()}
    (args.out / "scale.json").write_text(json.dumps(result, indent=1) + "\n")
    plot(rows, args.out / "scale.png", "its 3 smallest documents" if args.small else "the shipped corpus")
    result["files"] = [str(args.out / "scale.json"), str(args.out / "scale.png")]
    headers = ["size", "vectors", "docs", "chunks", "ingest s", "index MB", "ingest RSS MB", "serve RSS MB", "search p50",
               "search p95", "ask p50", "ask p95"]
    body = [(f"{r['size']}x", r.get("vectors", "model"), r["documents"], r["chunks"], r["ingest_s"], r["index_mb"], r["ingest_rss_mb"],
             r["serve_rss_mb"], r["search_p50_ms"], r["search_p95_ms"], r["ask_p50_ms"], r["ask_p95_ms"]) for r in rows]
    emit(result, args.json, table(headers, body) + f"\nlatencies in ms over {n_questions} questions; wrote "
                                                   f"{args.out}/scale.json and scale.png; {result['cores']} cores, "
                                                   f"load {result['load_avg_1m']}")


if __name__ == "__main__":
    main()
