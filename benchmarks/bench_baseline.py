"""Ours against what a user would build from the llama-index documentation, on the same questions, in one run.

    python benchmarks/bench_baseline.py [--dataset evals/test.jsonl] [--index DIR] [--small] [--json]

The baseline is the documentation's starter pipeline with nothing tuned: SimpleDirectoryReader over the same
corpus files, the default SentenceSplitter (1024 tokens, 200 overlap), a VectorStoreIndex on Chroma, the same
embedding model (a BaseEmbedding around our embedder, so both sides pay the same per query; the vectors equal
llama-index's HuggingFaceEmbedding with normalisation), `as_retriever(similarity_top_k=5)`, no reranking.
A follow-up question reaches it without its history (the starter pipeline has none); ours gets the history.

Both sides are scored by the evaluation's own rule (mea_assistant.evaluation.dataset.matched_items): a question
is a hit at 5 when one of the top 5 retrieved items comes from an expected document (baseline nodes map back to
their file's stem) and contains the expected quote after normalisation. Only questions with expected paragraphs
count. The baseline's chunks are ~10x longer than our paragraphs, which favours it under this rule.
p50_ms is the time of one call: our `ask` (retrieval, ranking and the cited answer) and the baseline's
`retrieve` (retrieval only).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Any, Sequence

from _common import (CORPUS, SMALL_QUESTIONS, TEST_SET, document_files, emit, machine, percentile, say, small_corpus,
                     table)


def baseline_retriever(corpus: Path, workdir: Path, embedder: Any) -> Any:
    """The starter pipeline of the llama-index docs, on Chroma, with our embedding model."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from llama_index.core import SimpleDirectoryReader, StorageContext, VectorStoreIndex
    from llama_index.core.base.embeddings.base import BaseEmbedding
    from llama_index.core.node_parser import SentenceSplitter
    from llama_index.vector_stores.chroma import ChromaVectorStore

    class ProjectEmbedding(BaseEmbedding):
        """llama-index's embedding interface over the project's embedder (same model, same vectors)."""

        def _get_query_embedding(self, query: str) -> list[float]:
            return embedder.embed_query(query)

        async def _aget_query_embedding(self, query: str) -> list[float]:
            return embedder.embed_query(query)

        def _get_text_embedding(self, text: str) -> list[float]:
            return embedder.embed([text])[0]

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return embedder.embed(texts)

    documents = SimpleDirectoryReader(input_files=[str(p) for p in document_files(corpus)]).load_data()
    client = chromadb.PersistentClient(path=str(workdir / "baseline-chroma"),
                                       settings=ChromaSettings(anonymized_telemetry=False))
    collection = client.get_or_create_collection("baseline", embedding_function=None)  # our vectors, never Chroma's
    storage = StorageContext.from_defaults(vector_store=ChromaVectorStore(chroma_collection=collection))
    index = VectorStoreIndex.from_documents(documents, storage_context=storage, embed_model=ProjectEmbedding(),
                                            transformations=[SentenceSplitter()])
    return index.as_retriever(similarity_top_k=5)


def hit(retrieved: Sequence[dict[str, Any]], expected: Sequence[Any]) -> bool:
    from mea_assistant.evaluation.dataset import matched_items

    return any(matched_items(item, expected) for item in retrieved[:5])


def run(corpus: Path, index: Path, dataset: Path, limit: int | None, workdir: Path) -> dict[str, Any]:
    from mea_assistant.assistant import Assistant
    from mea_assistant.evaluation.dataset import load_dataset
    from mea_assistant.settings import Settings

    assistant = Assistant(Settings.from_env(index_dir=index, corpus_dir=corpus))
    if index is None or not (index / "CURRENT").exists():
        say(f"ingesting {corpus} (ours)")
        assistant.ingest()
    assistant.warm_up()
    say("building the llama-index starter pipeline (baseline)")
    retriever = baseline_retriever(corpus, workdir, assistant.retriever.embedder)
    retriever.retrieve("warm up")
    questions = [q for q in load_dataset(dataset) if q.expected][:limit]
    ours_hits, ours_ms, search_ms, base_hits, base_ms = [], [], [], [], []
    for i, q in enumerate(questions, 1):
        started = time.perf_counter()
        answer = assistant.ask(q.question, history=q.history)
        ours_ms.append((time.perf_counter() - started) * 1000)
        ours_hits.append(hit(answer.to_result()["retrieved"], q.expected))
        started = time.perf_counter()
        assistant.search(q.question, k=10)
        search_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        nodes = retriever.retrieve(q.question)
        base_ms.append((time.perf_counter() - started) * 1000)
        items = [{"doc_id": Path(n.node.metadata.get("file_name", "")).stem, "text": n.node.get_content()}
                 for n in nodes]
        base_hits.append(hit(items, q.expected))
        if i % 25 == 0:
            say(f"  {i}/{len(questions)}")
    n = len(questions)
    return {"ours": {"hit_at_5": round(sum(ours_hits) / n, 3), "p50_ms": round(percentile(ours_ms, 50), 1),
                     "search_p50_ms": round(percentile(search_ms, 50), 1)},
            "baseline": {"hit_at_5": round(sum(base_hits) / n, 3), "p50_ms": round(percentile(base_ms, 50), 1)},
            "n_questions": n, "dataset": str(dataset), **machine()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", type=Path, default=TEST_SET, help="evaluation set (default: evals/test.jsonl)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--index", type=Path, help="our built index of --corpus (default: ingest a temporary one)")
    parser.add_argument("--small", action="store_true", help="3 documents and 5 questions (CI)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-baseline-") as tmp:
        corpus = small_corpus(args.corpus, Path(tmp) / "corpus") if args.small else args.corpus
        index = args.index or Path(tmp) / "index"
        result = run(corpus, index, args.dataset, SMALL_QUESTIONS if args.small else None, Path(tmp))
    rows = [("ours (hybrid, ranked, cited answer)", result["ours"]["hit_at_5"], result["ours"]["p50_ms"]),
            ("llama-index starter (vector top-5)", result["baseline"]["hit_at_5"], result["baseline"]["p50_ms"])]
    text = table(["pipeline", "hit@5", "p50 ms"], rows)
    emit(result, args.json, text + f"\n{result['n_questions']} questions with expected paragraphs from "
                                   f"{result['dataset']}; ours search alone p50 {result['ours']['search_p50_ms']} ms; "
                                   f"{result['cores']} cores, load {result['load_avg_1m']}")


if __name__ == "__main__":
    main()
