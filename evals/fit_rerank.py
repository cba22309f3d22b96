"""Fit the second-stage ranker's weights on the DEVELOPMENT part of the evaluation set, and only on it.

    python evals/fit_rerank.py [--dataset evals/dev.jsonl] [--extra INDEX:DATASET ...] [--write]

For every answerable dev question the first stage's top candidates are scored by the features of
`mea_assistant.retrieval.rerank` and labelled 1 when they match an expected paragraph (the rule of
eval-format.md). A logistic model with an L2 penalty is fitted by gradient descent (numpy); 5-fold
cross-validation on dev reports how well it generalises, then the model is refitted on all of dev. `--write`
stores the weights with their provenance in src/mea_assistant/data/rerank.toml. The test part is never read.

`--extra INDEX:DATASET` adds a treaty set whose blind run is over and which has been read (evals/unseen-*.jsonl,
each with the index built from its fixtures): the ranker then also learns from treaties the shipped corpus does
not resemble. Cross-validation keeps each treaty set whole in one fold, so its figure is that of sets the fit
did not see; `--extra-weight` sets how much all extra sets together weigh against dev (1.0: as much).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dataclasses import replace  # noqa: E402

from mea_assistant.assistant import Assistant  # noqa: E402
from mea_assistant.settings import Settings  # noqa: E402
from mea_assistant.evaluation.dataset import load_dataset  # noqa: E402
from mea_assistant.evaluation.metrics import matched_items  # noqa: E402
from mea_assistant.retrieval.rerank import FEATURES, feature_rows, weights  # noqa: E402

L2 = 0.01
CANDIDATES = 30


def collect(assistant: Assistant, dataset: Path) -> list[tuple[str, np.ndarray, np.ndarray, list[int]]]:
    """(question id, feature rows, labels, first-stage order) per answerable dev question with a relevant candidate."""
    if "test" in dataset.name or "heldout" in dataset.name or "blind" in dataset.name:
        raise SystemExit("refusing to fit on the test part of the evaluation set")
    out = []
    for q in load_dataset(dataset):
        if not q.answerable or not q.expected:
            continue
        query = assistant.understand(q.question, q.history)
        hits = assistant.retriever.search(query.standalone, k=CANDIDATES, info=query.info)
        sims = assistant.retriever.similarities(query.info, hits)
        rows = feature_rows(hits, assistant.retriever.signals(query.info, query.kind), sims)
        labels = [1.0 if matched_items({"doc_id": h.doc_id, "text": h.text}, q.expected) else 0.0 for h in hits]
        if not any(labels) or not rows:
            continue
        exact = [h.exact for h in hits]
        if all(exact[: labels.index(1.0) + 1]):
            continue  # found by an explicit reference: the ranker does not reorder those
        out.append((q.id, np.array(rows, dtype=float), np.array(labels), list(range(len(hits)))))
    return out


def fit(data: list[tuple[str, np.ndarray, np.ndarray, list[int]]], l2: float = L2, steps: int = 1500,
        weigh: dict[str, float] | None = None) -> np.ndarray:
    """Pairwise logistic loss (RankNet): each relevant candidate should outscore each other candidate of its
    question. Every question weighs the same; the bias is kept out of the penalty (it cancels in pairs and is
    set afterwards so that the probability of a typical top candidate is near its observed precision)."""
    pairs = []
    for qid, rows, labels, _ in data:
        pos, neg = rows[labels == 1], rows[labels == 0]
        if len(pos) and len(neg):
            diff = (pos[:, None, :] - neg[None, :, :]).reshape(-1, rows.shape[1])
            pairs.append((diff, (weigh or {}).get(group(qid), 1.0) / len(diff)))
    D = np.vstack([d for d, _ in pairs])
    sw = np.concatenate([np.full(len(d), w) for d, w in pairs])
    sw /= sw.sum()
    w = np.zeros(D.shape[1])
    for _ in range(steps):
        z = D @ w
        g = -(D.T @ (sw / (1 + np.exp(z))))
        g += l2 * np.r_[0.0, w[1:]] / len(data)
        w -= 2.0 * g
    # Calibrate the bias: the best candidate of a question is relevant about as often as hit@1 says.
    tops = np.array([rows[np.argmax(rows @ w)] @ w for _, rows, _, _ in data])
    hit1 = np.mean([labels[np.argmax(rows @ w)] for _, rows, labels, _ in data])
    w[0] = float(np.log(hit1 / (1 - hit1)) - np.median(tops))
    return w


def group(qid: str) -> str:
    """The set a collected question comes from: "dev", or the extra set's dataset name ("unseen-12:…")."""
    return qid.split(":", 1)[0] if ":" in qid else "dev"


def weighing(data: list[tuple[str, np.ndarray, np.ndarray, list[int]]], extra_weight: float) -> dict[str, float]:
    """Per-question weight of each group: dev's questions 1, the extra sets' together `extra_weight` x dev's."""
    n_dev = sum(group(d[0]) == "dev" for d in data)
    n_extra = len(data) - n_dev
    w = {"dev": 1.0}
    for d in data:
        if group(d[0]) != "dev":
            w[group(d[0])] = extra_weight * n_dev / max(1, n_extra)
    return w


def ranks(data, w: np.ndarray | None) -> list[int]:  # type: ignore[no-untyped-def]
    """1-based rank of the first relevant candidate, by the model (or the first stage when w is None)."""
    out = []
    for _, rows, labels, order in data:
        idx = order if w is None else list(np.argsort(-(rows @ w), kind="stable"))
        out.append(next(i for i, j in enumerate(idx, 1) if labels[j] == 1))
    return out


def summary(r: list[int]) -> dict[str, float]:
    return {"hit@1": round(sum(x == 1 for x in r) / len(r), 3), "hit@3": round(sum(x <= 3 for x in r) / len(r), 3),
            "mrr": round(sum(1 / x for x in r) / len(r), 3)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dataset", type=Path, default=ROOT / "evals" / "dev.jsonl")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--cached", action="store_true", help="reuse the candidates collected by the last run")
    ap.add_argument("--extra", action="append", default=[], metavar="INDEX:DATASET",
                    help="a read treaty set and the index built from its fixtures (repeatable)")
    ap.add_argument("--extra-weight", type=float, default=1.0)
    args = ap.parse_args()
    cache = Path("/tmp/fit-rerank-cache.pkl")
    import pickle
    if args.cached and cache.is_file():
        data = pickle.loads(cache.read_bytes())
    else:
        data = collect(Assistant(), args.dataset)
        for spec in args.extra:
            index, dataset = spec.split(":", 1)
            settings = replace(Settings.from_env(), index_dir=Path(index))
            data += [(f"{Path(dataset).stem}:{qid}", *rest) for qid, *rest in collect(Assistant(settings), Path(dataset))]
        cache.write_bytes(pickle.dumps(data))
    n_dev = sum(group(d[0]) == "dev" for d in data)
    print(f"{n_dev} dev questions and {len(data) - n_dev} of {len(args.extra)} extra sets with a relevant candidate "
          f"in the top {CANDIDATES}")
    weigh = weighing(data, args.extra_weight)
    shipped = weights()
    shipped_w = np.array([shipped.get(name, 0.0) for name in FEATURES])
    random.Random(7).shuffle(data)
    dev = [d for d in data if group(d[0]) == "dev"]
    sets = sorted({group(d[0]) for d in data} - {"dev"})
    random.Random(7).shuffle(sets)
    fold_of = {qid: i % 5 for i, (qid, *_) in enumerate(dev)} | {
        d[0]: sets.index(group(d[0])) % 5 for d in data if group(d[0]) != "dev"}  # a treaty set stays in one fold
    cv: dict[str, list[int]] = {"dev": [], "extra": []}
    for i in range(5):
        w_i = fit([d for d in data if fold_of[d[0]] != i], args.l2, weigh=weigh)
        for d in (d for d in data if fold_of[d[0]] == i):
            cv["dev" if group(d[0]) == "dev" else "extra"] += ranks([d], w_i)
    w = fit(data, args.l2, weigh=weigh)
    for name, part in (("dev", dev), ("extra sets", [d for d in data if group(d[0]) != "dev"])):
        if part:
            print(f"{name}: first stage {summary(ranks(part, None))}; shipped weights "
                  f"{summary(ranks(part, shipped_w))}; fitted {summary(ranks(part, w))}")
    before, after = summary(ranks(dev, None)), summary(ranks(dev, w))
    print("5-fold CV (treaty sets whole): " + "; ".join(f"{k} {summary(v)}" for k, v in cv.items() if v))
    for name, value in zip(FEATURES, w):
        print(f"  {name:12} {value:+.3f}")
    if args.write:
        lines = ["# Weights of the second-stage ranker (mea_assistant.retrieval.rerank), written by evals/fit_rerank.py.",
                 f"# Fitted {time.strftime('%Y-%m-%d')} on {args.dataset.name} ({n_dev} questions)"
                 + (f" and {len(args.extra)} read treaty sets ({len(data) - n_dev} questions, together weighing "
                    f"{args.extra_weight} x dev)" if args.extra else " only") + f", L2 {args.l2}.",
                 f"# Dev, first relevant paragraph: first stage {before}; fitted {after}.",
                 "# 5-fold CV (each treaty set whole in one fold): "
                 + "; ".join(f"{k} {summary(v)}" for k, v in cv.items() if v) + ".",
                 "", "[weights]"] + [f"{name} = {value:.4f}" for name, value in zip(FEATURES, w)]
        path = ROOT / "src" / "mea_assistant" / "data" / "rerank.toml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
