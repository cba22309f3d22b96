"""A corpus of 6,000+ paragraphs indexes and is searchable: time, peak memory and the batches it was written in.

The shipped corpus is replicated under distinct document ids until it holds at least `--paragraphs`
paragraphs; each copy's title line is marked so its chunks (which carry the document's name) are new texts
the model must embed (sentences identical across copies are embedded once: the cache is keyed by text).
With `--same-text` the copies keep their text, and `--cache-from INDEX` seeds the vector cache from another
index: then the run measures what is not embedding (parsing, batched writes of every collection, BM25,
memory), which is what failed on large corpora. The ingest runs as its own process, so its peak resident
memory is measured alone; then the index is checked and searched, and each query must find a copy.

    python benchmarks/big_corpus.py [--paragraphs 6000] [--out /tmp/mea-big] [--batch 1024]
                                    [--same-text] [--cache-from index/]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

for _name, _value in (("HF_HUB_OFFLINE", "1"), ("TRANSFORMERS_OFFLINE", "1"), ("ANONYMIZED_TELEMETRY", "False")):
    os.environ.setdefault(_name, _value)

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(out: Path, want: int, mark: bool = True) -> tuple[int, int]:
    """(documents, paragraphs) written to `out`: copies of the shipped corpus, each under its own ids."""
    from mea_assistant.parsing import is_document_file, parse_file

    sources = [p for p in sorted((ROOT / "corpus").iterdir()) if is_document_file(p)]
    per_copy = sum(len(parse_file(p).paragraphs) for p in sources)
    copies = -(-want // per_copy)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for k in range(1, copies + 1):
        for src in sources:
            lines = src.read_text(encoding="utf-8").splitlines(keepends=True)
            first = next(i for i, line in enumerate(lines) if line.strip())
            if mark:
                lines[first] = lines[first].rstrip("\n") + f" (replica {k})\n"
            (out / f"{src.stem}-r{k}{src.suffix}").write_text("".join(lines), encoding="utf-8")
    return copies * len(sources), copies * per_copy


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--paragraphs", type=int, default=6000)
    parser.add_argument("--out", type=Path, default=Path("/tmp/mea-big"))
    parser.add_argument("--batch", type=int, default=None, help="MEA_INGEST_BATCH for the run")
    parser.add_argument("--same-text", action="store_true", help="copies keep their text (their titles unmarked)")
    parser.add_argument("--cache-from", type=Path, help="an index whose vector cache seeds this one")
    args = parser.parse_args()
    corpus, index = args.out / "corpus", args.out / "index"
    documents, paragraphs = make_corpus(corpus, args.paragraphs, mark=not args.same_text)
    shutil.rmtree(index, ignore_errors=True)
    if args.cache_from:
        (index / "cache").mkdir(parents=True)
        shutil.copy(args.cache_from / "cache" / "vectors.sqlite3", index / "cache" / "vectors.sqlite3")
    print(f"corpus: {documents} documents, {paragraphs:,} paragraphs in {corpus}")

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    if args.batch:
        env["MEA_INGEST_BATCH"] = str(args.batch)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mea_assistant.cli", "ingest", "--corpus", str(corpus), "--index",
                           str(index)], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "", file=sys.stderr)
    if done.returncode != 0:
        print(done.stderr, file=sys.stderr)
        return 1
    print(done.stdout.splitlines()[0])
    print(f"ingest: {seconds:.0f} s wall, peak resident memory {peak_mb:,.0f} MB")

    from mea_assistant.assistant import Assistant
    from mea_assistant.health import check
    from mea_assistant.settings import Settings

    settings = Settings(corpus_dir=corpus, index_dir=index)
    health = check(settings)
    print("\n".join(health.lines()))
    assistant = Assistant(settings)
    assistant.warm_up()
    timings, found = [], []
    for query in ("export permit for a specimen of an Appendix II species", "dugong conservation and management",
                  "benefit-sharing of genetic resources", "wise use of wetlands", "sharks conservation plan"):
        t = time.perf_counter()
        hits = assistant.search(query, k=10)
        timings.append((time.perf_counter() - t) * 1000)
        found.append(hits[0].doc_id if hits else "-")
    print(f"search over {paragraphs:,} paragraphs: p50 {statistics.median(timings):.0f} ms, "
          f"max {max(timings):.0f} ms; top documents: {', '.join(found)}")
    return 0 if health.sound and all("-r" in d for d in found) else 1


if __name__ == "__main__":
    sys.exit(main())
