"""Run the treaty sets nobody tuned for and pool their figures: `python evals/treaty_sets.py [--sets 1,2,59]`.

Set N is `evals/unseen-N.jsonl` (set 1: `evals/unseen.jsonl`) asked of the shipped corpus plus the texts of
`tests/fixtures/unseenN/` (set 1: `tests/fixtures/unseen/`). Each set gets its own corpus folder and index under
`--work`; the shipped corpus's index is built once and copied into each, so a set embeds only its own texts, and a
second run reuses what the first built (`ingest` skips unchanged documents). Prints each set's figures and the
figures pooled over every answerable question (first citation right, citation hit, hit@5, wrongly abstained) and
every out-of-corpus one (abstained), and writes them to `--work/treaty-sets.json`.

The pooled figure is what the README reports for "sets 1-N". Until round 30 it was computed by scripts outside the
repository, rewritten when a machine was wiped, and two rounds' figures for the same sets did not agree; compare a
pooled figure only with one this script printed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_CLI = "import sys; from mea_assistant.cli import main; sys.exit(main(sys.argv[1:]))"
DOCUMENT_SUFFIXES = (".md", ".txt", ".pdf", ".docx")


def all_sets() -> list[int]:
    numbers = [int(m.group(1)) for p in (ROOT / "evals").glob("unseen-*.jsonl")
               if (m := re.fullmatch(r"unseen-(\d+)\.jsonl", p.name))]
    return ([1] if (ROOT / "evals/unseen.jsonl").exists() else []) + sorted(numbers)


def paths(n: int) -> tuple[Path, Path]:
    """The set's questions and its fixture folder."""
    if n == 1:
        return ROOT / "evals/unseen.jsonl", ROOT / "tests/fixtures/unseen"
    return ROOT / f"evals/unseen-{n}.jsonl", ROOT / f"tests/fixtures/unseen{n}"


def cli(args: list[str], corpus: Path, index: Path, log: Path) -> None:
    env = {**os.environ, "MEA_CORPUS_DIR": str(corpus), "MEA_INDEX_DIR": str(index),
           "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
    with log.open("a", encoding="utf-8") as out:
        done = subprocess.run([sys.executable, "-c", _CLI, *args], cwd=ROOT, env=env, stdout=out,
                              stderr=subprocess.STDOUT, check=False)
    if done.returncode:
        raise RuntimeError(f"`mea-assistant {' '.join(args)}` failed for {corpus}: see {log}")


def run_set(n: int, work: Path, base_index: Path) -> dict:
    dataset, fixtures = paths(n)
    here = work / f"u{n}"
    corpus, index, out, log = here / "corpus", here / "index", here / "eval", here / "log.txt"
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir(parents=True)
    for f in (ROOT / "corpus").iterdir():
        if f.is_file():
            shutil.copy2(f, corpus / f.name)
    for f in fixtures.iterdir():
        if f.suffix in DOCUMENT_SUFFIXES and f.name != "README.md":
            shutil.copy2(f, corpus / f.name)
    if not index.exists():
        shutil.copytree(base_index, index)
    log.write_text("", encoding="utf-8")
    cli(["ingest", "--replace"], corpus, index, log)
    cli(["eval", "--dataset", str(dataset), "--out", str(out)], corpus, index, log)
    overall = json.loads((out / "metrics.json").read_text(encoding="utf-8"))["overall"]
    return {"set": n, **{k: overall.get(k) for k in ("n_questions", "n_answerable", "first_citation_right",
                                                        "citation_hit", "hit@5", "abstention_recall",
                                                        "false_abstention_rate")}}


def pooled(rows: list[dict]) -> dict:
    answerable = sum(r["n_answerable"] for r in rows)
    outside = sum(r["n_questions"] - r["n_answerable"] for r in rows)

    def mean(key: str, weight: str) -> float:
        total = answerable if weight == "answerable" else outside
        return round(sum((r[key] or 0.0) * (r["n_answerable"] if weight == "answerable"
                                             else r["n_questions"] - r["n_answerable"]) for r in rows) / max(1, total), 3)

    return {"sets": len(rows), "answerable": answerable, "out_of_corpus": outside,
            "first_citation_right": mean("first_citation_right", "answerable"),
            "citation_hit": mean("citation_hit", "answerable"), "hit@5": mean("hit@5", "answerable"),
            "false_abstention_rate": mean("false_abstention_rate", "answerable"),
            "out_of_corpus_abstained": mean("abstention_recall", "outside")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", help="comma-separated set numbers (default: every evals/unseen*.jsonl)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/mea-treaty-sets"), help="corpora and indexes")
    parser.add_argument("--jobs", type=int, default=2, help="sets run side by side (default 2)")
    args = parser.parse_args()
    sets = [int(s) for s in args.sets.split(",")] if args.sets else all_sets()
    missing = [n for n in sets if not all(p.exists() for p in paths(n))]
    if missing:
        print(f"no questions or no fixture folder for set(s) {missing}: see evals/ and tests/fixtures/", file=sys.stderr)
        return 2
    args.work.mkdir(parents=True, exist_ok=True)
    base = args.work / "shipped-index"
    if not base.exists():  # the shipped corpus alone, embedded once
        (args.work / "shipped.log").write_text("", encoding="utf-8")
        cli(["ingest"], ROOT / "corpus", base, args.work / "shipped.log")
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        rows = list(pool.map(lambda n: run_set(n, args.work, base), sets))
    for r in rows:
        print(f"set {r['set']:>2}: first {r['first_citation_right']:.3f}  cited {r['citation_hit']:.3f}  "
              f"hit@5 {r['hit@5']:.3f}  out of corpus abstained {r['abstention_recall'] or 0:.3f}  "
              f"({r['n_answerable']} answerable of {r['n_questions']})")
    total = pooled(rows)
    print(f"pooled over {total['sets']} sets ({total['answerable']} answerable, {total['out_of_corpus']} out of "
          f"corpus): first {total['first_citation_right']:.3f}  cited {total['citation_hit']:.3f}  hit@5 "
          f"{total['hit@5']:.3f}  wrongly abstained {total['false_abstention_rate']:.3f}  out of corpus abstained "
          f"{total['out_of_corpus_abstained']:.3f}")
    (args.work / "treaty-sets.json").write_text(json.dumps({"sets": rows, "pooled": total}, indent=1),
                                               encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
