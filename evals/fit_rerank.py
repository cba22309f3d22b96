"""Fit the second-stage ranker's weights on the DEVELOPMENT part of the evaluation set, and only on it.

    python evals/fit_rerank.py [--dataset evals/dev.jsonl] [--write]

For every answerable dev question the first stage's top candidates are scored by the features of
`mea_assistant.retrieval.rerank` and labelled 1 when they match an expected paragraph (the rule of
eval-format.md). A logistic model with an L2 penalty is fitted by gradient descent (numpy); 5-fold
cross-validation on dev reports how well it generalises, then the model is refitted on all of dev. `--write`
stores the weights with their provenance in src/mea_assistant/data/rerank.toml. The test part is never read.
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

from mea_assistant.assistant import Assistant  # noqa: E402
from mea_assistant.evaluation.dataset import load_dataset  # noqa: E402
from mea_assistant.evaluation.metrics import matched_items  # noqa: E402
from mea_assistant.retrieval.rerank import FEATURES, feature_rows, weights  # noqa: E402

L2 = 0.01
CANDIDATES = 30


def collect(assistant: Assistant, dataset: Path) -> list[tuple[str, np.ndarray, np.ndarray, list[int]]]:
    """(question id, feature rows, labels, first-stage order) per answerable dev question with a relevant candidate."""
    if "test" in dataset.name:
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


def fit(data: list[tuple[str, np.ndarray, np.ndarray, list[int]]], l2: float = L2, steps: int = 1500) -> np.ndarray:
    """Pairwise logistic loss (RankNet): each relevant candidate should outscore each other candidate of its
    question. Every question weighs the same; the bias is kept out of the penalty (it cancels in pairs and is
    set afterwards so that the probability of a typical top candidate is near its observed precision)."""
    pairs = []
    for _, rows, labels, _ in data:
        pos, neg = rows[labels == 1], rows[labels == 0]
        if len(pos) and len(neg):
            diff = (pos[:, None, :] - neg[None, :, :]).reshape(-1, rows.shape[1])
            pairs.append((diff, 1.0 / len(diff)))
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
    args = ap.parse_args()
    cache = Path("/tmp/fit-rerank-cache.pkl")
    if args.cached and cache.is_file():
        import pickle
        data = pickle.loads(cache.read_bytes())
    else:
        data = collect(Assistant(), args.dataset)
        import pickle
        cache.write_bytes(pickle.dumps(data))
    print(f"{len(data)} dev questions with a relevant candidate in the top {CANDIDATES}")
    before = summary(ranks(data, None))
    shipped = weights()
    print(f"shipped weights  {summary(ranks(data, np.array([shipped.get(name, 0.0) for name in FEATURES])))}")
    random.Random(7).shuffle(data)
    folds = [data[i::5] for i in range(5)]
    cv: list[int] = []
    for i in range(5):
        train = [d for j, f in enumerate(folds) if j != i for d in f]
        cv += ranks(folds[i], fit(train, args.l2))
    w = fit(data, args.l2)
    after = summary(ranks(data, w))
    print(f"first stage      {before}\n5-fold CV on dev {summary(cv)}\nfitted on dev    {after}")
    for name, value in zip(FEATURES, w):
        print(f"  {name:12} {value:+.3f}")
    if args.write:
        lines = ["# Weights of the second-stage ranker (mea_assistant.retrieval.rerank), written by evals/fit_rerank.py.",
                 f"# Fitted {time.strftime('%Y-%m-%d')} on {args.dataset.name} only ({len(data)} questions), L2 {args.l2}.",
                 f"# Dev, first relevant paragraph: first stage {before}; 5-fold CV {summary(cv)}; fitted {after}.",
                 "", "[weights]"] + [f"{name} = {value:.4f}" for name, value in zip(FEATURES, w)]
        path = ROOT / "src" / "mea_assistant" / "data" / "rerank.toml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
