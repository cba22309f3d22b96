"""The lexical store on bm25s, through llama-index's BM25Retriever: the only module that imports them.

Kept on the llama-index retriever so an index written before this adapter existed opens unchanged and scores
the same: English stemming, English stop words removed from the chunks, the chunk's embed text (document
name, section, lead-in, words) as what is indexed, and the best `TOP_K` chunks scored per query.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, Collection, Sequence

from ..errors import StoreError
from ..types import Chunk
from . import DocMeta, ScoredChunk, chunk_metadata

os.environ.setdefault("TQDM_DISABLE", "1")  # progress bars would drown the ingest's own progress lines
TOP_K = 100  # chunks scored per query; recorded with the store, so changing it needs a re-ingest


class BM25Store:
    """A BM25 index of chunk texts, built in memory and saved as a folder of plain files."""

    def __init__(self, retriever: Any) -> None:
        self._retriever = retriever

    @classmethod
    def build(cls, chunks: Sequence[Chunk], doc_meta: DocMeta, top_k: int = TOP_K) -> "BM25Store":
        from llama_index.core.schema import TextNode
        from llama_index.retrievers.bm25 import BM25Retriever

        nodes = []
        for chunk in chunks:
            meta = chunk_metadata(chunk, doc_meta)
            # Metadata is excluded from the indexed text: BM25 sees exactly what was embedded.
            nodes.append(TextNode(id_=chunk.chunk_id, text=chunk.embed_text, metadata=meta,
                                  excluded_embed_metadata_keys=list(meta), excluded_llm_metadata_keys=list(meta)))
        return cls(BM25Retriever.from_defaults(nodes=nodes, similarity_top_k=min(top_k, len(nodes))))

    @classmethod
    def open(cls, path: Path) -> "BM25Store":
        """The store persisted in `path`; StoreError naming the folder when a file is missing or unreadable."""
        from llama_index.retrievers.bm25 import BM25Retriever

        logging.getLogger("bm25s").setLevel(logging.ERROR)
        if not path.is_dir():
            raise StoreError(f"the BM25 index {path} is missing")
        try:
            store = cls(BM25Retriever.from_persist_dir(str(path)))
            store.count()
        except Exception as exc:  # bm25s raises FileNotFoundError, JSON and numpy errors, or TypeError on a gap
            detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"the BM25 index in {path} cannot be read ({detail})") from exc
        return store

    def persist(self, path: Path) -> None:
        self._retriever.persist(str(path), show_progress=False)

    def count(self) -> int:
        return len(self._retriever.corpus)

    def query(self, text: str, doc_ids: Collection[str] | None = None) -> list[ScoredChunk]:
        """Best first. A score of 0 means no query term is in the chunk, so those are left out."""
        from llama_index.core.schema import QueryBundle

        out = []
        for result in self._retriever.retrieve(QueryBundle(query_str=text)):
            if result.score is None or result.score <= 0:
                continue
            meta = result.node.metadata
            if doc_ids is not None and meta["doc_id"] not in doc_ids:
                continue
            out.append(ScoredChunk(chunk_id=result.node.node_id, doc_id=meta["doc_id"],
                                   position=int(meta["position"]), score=float(result.score)))
        return out
