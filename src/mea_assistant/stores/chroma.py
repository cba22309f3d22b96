"""The vector store on Chroma, through llama-index's ChromaVectorStore: the only module that imports them.

Kept on the llama-index integration so an index written before this adapter existed reads back the same
(metadata layout, `_node_content`) and scores the same. The collection is created in cosine space with no
embedding function: Chroma's default one downloads a model, and every vector here is our own.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any, Collection, Sequence

from ..errors import StoreError
from ..types import Chunk
from . import DocMeta, ScoredChunk, chunk_metadata

os.environ.setdefault("TQDM_DISABLE", "1")  # the libraries' own bars would drown the ingest's progress bar
# Cosine space. A wider search than Chroma's default (ef 100) for the 60 candidates asked of it: with the
# default, the approximate search missed some of the true 60 nearest chunks for a quarter of the evaluation
# questions, and which ones changed from one build to the next.
HNSW = {"hnsw:space": "cosine", "hnsw:search_ef": 400, "hnsw:construction_ef": 200}


def _client(path: Path) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    return chromadb.PersistentClient(path=str(path), settings=ChromaSettings(anonymized_telemetry=False,
                                                                             allow_reset=False))


def _forget_failed_start(path: Path) -> None:
    """Chroma caches one system per folder before starting it, and keeps it when the start fails (a damaged
    chroma.sqlite3): drop that half-started system, or every later open of the folder fails differently."""
    from chromadb.api.shared_system_client import SharedSystemClient

    if SharedSystemClient._identifier_to_refcount.get(str(path), 0) <= 0:
        SharedSystemClient._identifier_to_system.pop(str(path), None)


def _damaged(path: Path, name: str, exc: Exception) -> StoreError:
    """Chroma's own errors (a file that is not a database, a missing collection) in one line naming the store."""
    detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
    return StoreError(f"the Chroma collection '{name}' in {path} cannot be read ({detail})")


class ChromaStore:
    """A Chroma collection on disk holding one vector per chunk, filterable by document."""

    def __init__(self, client: Any, collection: Any, path: Path | None = None) -> None:
        from llama_index.vector_stores.chroma import ChromaVectorStore

        self._path = path
        self._client = client
        self._collection = collection
        self._store = ChromaVectorStore(chroma_collection=collection)

    @classmethod
    def create(cls, path: Path, name: str) -> "ChromaStore":
        client = _client(path)
        collection = client.get_or_create_collection(name, embedding_function=None, metadata=HNSW)
        return cls(client, collection, path)

    @classmethod
    def open(cls, path: Path, name: str) -> "ChromaStore":
        """The collection written earlier; StoreError when the folder holds no readable collection of that name."""
        if not (path / "chroma.sqlite3").is_file():
            raise StoreError(f"the Chroma collection '{name}' in {path} is missing (no chroma.sqlite3)")
        client = None
        try:
            client = _client(path)
            return cls(client, client.get_collection(name), path)
        except Exception as exc:  # chromadb raises its own errors, sqlite's and Rust panics turned into Python ones
            if client is not None:
                client.close()
            _forget_failed_start(path)
            raise _damaged(path, name, exc) from exc

    def max_batch_size(self) -> int:
        """The most chunks one `add` may write: a server's limit for a remote client, SQLite's for a local one."""
        return int(self._client.get_max_batch_size())

    def add(self, chunks: Sequence[Chunk], vectors: Sequence[Sequence[float]], doc_meta: DocMeta) -> None:
        from llama_index.core.schema import TextNode

        nodes = []
        for chunk, vector in zip(chunks, vectors, strict=True):
            meta = chunk_metadata(chunk, doc_meta)
            # Metadata is for filtering and reading back, never part of the embedded text.
            nodes.append(TextNode(id_=chunk.chunk_id, text=chunk.embed_text, metadata=meta, embedding=list(vector),
                                  excluded_embed_metadata_keys=list(meta), excluded_llm_metadata_keys=list(meta)))
        if not nodes:
            return
        try:
            self._store.add(nodes)
        except Exception as exc:  # a full disk or a damaged file surfaces as Chroma's own error type
            if isinstance(exc, OSError):
                raise
            raise StoreError(f"writing to the Chroma collection '{self._collection.name}' in {self._path} failed "
                             f"({str(exc).strip()[:200] or type(exc).__name__})") from exc

    def delete_document(self, doc_id: str) -> None:
        self._collection.delete(where={"mea_doc": doc_id})

    def query(self, vector: Sequence[float], k: int, doc_ids: Collection[str] | None = None) -> list[ScoredChunk]:
        from llama_index.core.vector_stores import FilterOperator, MetadataFilter, MetadataFilters, VectorStoreQuery

        filters = None
        if doc_ids is not None:
            if not doc_ids:
                return []
            filters = MetadataFilters(filters=[MetadataFilter(key="mea_doc", value=list(doc_ids),
                                                              operator=FilterOperator.IN)])
        try:
            result = self._store.query(VectorStoreQuery(query_embedding=list(vector), similarity_top_k=k,
                                                        filters=filters))
        except Exception as exc:  # a vector segment damaged after the collection opened
            raise StoreError(f"the Chroma collection '{self._collection.name}' in {self._path} cannot be searched "
                             f"({str(exc).strip()[:200] or type(exc).__name__}); `mea-assistant check` says "
                             "what is damaged") from exc
        out = []
        for node, sim in zip(result.nodes or [], result.similarities or []):
            cosine = 1.0 + math.log(max(sim, 1e-9))  # llama-index reports exp(-distance); distance = 1 - cosine
            out.append(ScoredChunk(chunk_id=node.node_id, doc_id=node.metadata["doc_id"],
                                   position=int(node.metadata["position"]), score=cosine))
        return out

    def vectors_for(self, keys: Collection[tuple[str, int]]) -> dict[tuple[str, int], list[tuple[int, list[float]]]]:
        keys = list(dict.fromkeys(keys))
        if not keys:
            return {}
        clauses: list[dict[str, Any]] = [{"$and": [{"mea_doc": d}, {"position": p}]} for d, p in keys]
        where = clauses[0] if len(clauses) == 1 else {"$or": clauses}
        got = self._collection.get(where=where, include=["embeddings", "metadatas"])
        out: dict[tuple[str, int], list[tuple[int, list[float]]]] = {}
        for meta, vector in zip(got["metadatas"] or [], got["embeddings"] if got["embeddings"] is not None else []):
            key = (str(meta["mea_doc"]), int(meta["position"]))
            out.setdefault(key, []).append((int(meta.get("part", 0)), [float(x) for x in vector]))
        for parts in out.values():
            parts.sort(key=lambda pv: pv[0])
        return out

    def count(self) -> int:
        return int(self._collection.count())

    def probe(self) -> None:
        """Read one vector back and run one search, so a damaged vector segment shows now, not on a question."""
        try:
            got = self._collection.get(limit=1, include=["embeddings"])
            if got["embeddings"] is not None and len(got["embeddings"]):
                self._collection.query(query_embeddings=[list(got["embeddings"][0])], n_results=1, include=[])
        except Exception as exc:
            raise _damaged(self._path or Path("."), self._collection.name, exc) from exc

    def close(self) -> None:
        """Release the client: Chroma keeps one shared system per folder until its last client closes, and a
        folder whose system stays open cannot be safely replaced or removed."""
        if self._client is not None:
            self._client.close()
        self._store = self._collection = self._client = None
