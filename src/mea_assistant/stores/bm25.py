"""The lexical store on bm25s, through llama-index's BM25Retriever: the only module that imports them.

Kept on the llama-index retriever so an index written before this adapter existed opens unchanged and scores
the same: English stemming, English stop words removed from the chunks, the chunk's embed text (document
name, section, lead-in, words) as what is indexed, and the best `TOP_K` chunks scored per query.
Questions are answered with bm25s itself, the way BM25Retriever.retrieve does (same tokenizer, stemmer, stop
words, k), on the files it saved: importing llama-index would cost a cold `ask` seconds.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import Any, Collection, Sequence

from ..errors import StoreError
from ..types import Chunk
from . import DocMeta, ScoredChunk, chunk_metadata

os.environ.setdefault("TQDM_DISABLE", "1")  # progress bars would drown the ingest's own progress lines
TOP_K = 100  # chunks scored per query; recorded with the store, so changing it needs a re-ingest


def _bm25s_for_reading() -> Any:
    """bm25s, imported without scipy when nothing has imported it yet.

    bm25s imports scipy.sparse if it can, and uses it only to build an index (its numpy code builds the same
    matrix). On a cold question that import cost 0.35 s of 2 s here: scipy's array-API layer walks numpy's lazy
    submodules and so imports numpy.f2py (hundreds of regexes) and numpy.testing (unittest). Reading and
    scoring a saved index never touch scipy, so it is kept out for that one import and allowed again after."""
    if "bm25s" in sys.modules or "scipy.sparse" in sys.modules:
        import bm25s

        return bm25s
    sys.modules["scipy.sparse"] = None  # type: ignore[assignment]  # "import scipy.sparse" -> ImportError
    try:
        import bm25s
    finally:
        if sys.modules.get("scipy.sparse", False) is None:
            del sys.modules["scipy.sparse"]
    return bm25s


class BM25Store:
    """A BM25 index of chunk texts, built in memory and saved as a folder of plain files."""

    def __init__(self, bm25: Any, corpus: Sequence[dict[str, Any]], top_k: int, retriever: Any = None) -> None:
        import Stemmer

        self._bm25, self._corpus, self._top_k = bm25, corpus, top_k
        self._stemmer = Stemmer.Stemmer("english")  # BM25Retriever's default, used to index the chunks
        self._retriever = retriever  # llama-index's, when built here: it writes the files

    @classmethod
    def build(cls, chunks: Sequence[Chunk], doc_meta: DocMeta, top_k: int = TOP_K) -> "BM25Store":
        from llama_index.core.schema import TextNode
        from llama_index.retrievers.bm25 import BM25Retriever

        nodes = []
        for chunk in chunks:
            meta = chunk_metadata(chunk, doc_meta)
            # Metadata is excluded from the indexed text: BM25 sees what was embedded, and the document's title.
            nodes.append(TextNode(id_=chunk.chunk_id, text=chunk.indexed_text, metadata=meta,
                                  excluded_embed_metadata_keys=list(meta), excluded_llm_metadata_keys=list(meta)))
        retriever = BM25Retriever.from_defaults(nodes=nodes, similarity_top_k=min(top_k, len(nodes)))
        return cls(retriever.bm25, retriever.corpus, retriever.similarity_top_k, retriever)

    @classmethod
    def open(cls, path: Path) -> "BM25Store":
        """The store persisted in `path`; StoreError naming the folder when a file is missing or unreadable."""
        logging.getLogger("bm25s").setLevel(logging.ERROR)
        if not path.is_dir():
            raise StoreError(f"the BM25 index {path} is missing")
        try:
            bm25 = _bm25s_for_reading().BM25.load(str(path), load_corpus=True)
            args = json.loads((path / "retriever.json").read_text(encoding="utf-8"))
            top_k = min(int(args["similarity_top_k"]), int(bm25.scores.get("num_docs") or len(bm25.corpus)))
            store = cls(bm25, bm25.corpus, top_k)
            store.count()
        except Exception as exc:  # bm25s raises FileNotFoundError, JSON and numpy errors, or TypeError on a gap
            detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"the BM25 index in {path} cannot be read ({detail})") from exc
        return store

    def persist(self, path: Path) -> None:
        if self._retriever is None:
            raise StoreError(f"a BM25 index opened for reading is not written again ({path})")
        self._retriever.persist(str(path), show_progress=False)

    def count(self) -> int:
        return len(self._corpus)

    def chunk_ids(self) -> dict[tuple[str, int], list[str]]:
        """Every chunk's id by paragraph (document id, position), in part order: the vector store is asked for a
        paragraph's vectors by these ids, which costs the same at any size, not by a metadata filter."""
        out: dict[tuple[str, int], list[tuple[int, str]]] = {}
        for meta in self._corpus:
            key = (str(meta["mea_doc"]), int(meta["position"]))
            out.setdefault(key, []).append((int(meta.get("part", 0)), str(meta["node_id"])))
        return {key: [chunk_id for _, chunk_id in sorted(parts)] for key, parts in out.items()}

    def query(self, text: str, doc_ids: Collection[str] | None = None) -> list[ScoredChunk]:
        """Best first. A score of 0 means no query term is in the chunk, so those are left out."""
        import bm25s

        tokens = bm25s.tokenize(text, stemmer=self._stemmer, show_progress=False)  # English stop words, as indexed
        found, scores = self._bm25.retrieve(tokens, k=self._top_k, show_progress=False)
        out = []
        for item, score in zip(found[0], scores[0]):
            if score is None or score <= 0:
                continue
            meta = item if isinstance(item, dict) else self._corpus[int(item)]
            doc_id = str(meta["mea_doc"])  # "doc_id" in llama-index's flat metadata is its source node, not ours
            if doc_ids is not None and doc_id not in doc_ids:
                continue
            out.append(ScoredChunk(chunk_id=str(meta["node_id"]), doc_id=doc_id, position=int(meta["position"]),
                                   score=float(score)))
        return out
