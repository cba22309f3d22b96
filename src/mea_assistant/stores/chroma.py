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

from ..types import Chunk
from . import DocMeta, ScoredChunk, chunk_metadata

os.environ.setdefault("TQDM_DISABLE", "1")
# Cosine space. A wider search than Chroma's default (ef 100) for the 60 candidates asked of it: with the
# default, the approximate search missed some of the true 60 nearest chunks for a quarter of the evaluation
# questions, and which ones changed from one build to the next.
HNSW = {"hnsw:space": "cosine", "hnsw:search_ef": 400, "hnsw:construction_ef": 200}  # progress bars would drown the ingest's own progress lines


def _client(path: Path) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    return chromadb.PersistentClient(path=str(path), settings=ChromaSettings(anonymized_telemetry=False,
                                                                             allow_reset=False))


class ChromaStore:
    """A Chroma collection on disk holding one vector per chunk, filterable by document."""

    def __init__(self, client: Any, collection: Any) -> None:
        from llama_index.vector_stores.chroma import ChromaVectorStore

        self._client = client
        self._collection = collection
        self._store = ChromaVectorStore(chroma_collection=collection)

    @classmethod
    def create(cls, path: Path, name: str) -> "ChromaStore":
        client = _client(path)
        collection = client.get_or_create_collection(name, embedding_function=None, metadata=HNSW)
        return cls(client, collection)

    @classmethod
    def open(cls, path: Path, name: str) -> "ChromaStore":
        client = _client(path)
        return cls(client, client.get_collection(name))

    def add(self, chunks: Sequence[Chunk], vectors: Sequence[Sequence[float]], doc_meta: DocMeta) -> None:
        from llama_index.core.schema import TextNode

        nodes = []
        for chunk, vector in zip(chunks, vectors, strict=True):
            meta = chunk_metadata(chunk, doc_meta)
            # Metadata is for filtering and reading back, never part of the embedded text.
            nodes.append(TextNode(id_=chunk.chunk_id, text=chunk.embed_text, metadata=meta, embedding=list(vector),
                                  excluded_embed_metadata_keys=list(meta), excluded_llm_metadata_keys=list(meta)))
        if nodes:
            self._store.add(nodes)

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
        result = self._store.query(VectorStoreQuery(query_embedding=list(vector), similarity_top_k=k,
                                                    filters=filters))
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

    def close(self) -> None:
        """Drop our handles; Chroma has already written everything added."""
        self._store = self._collection = self._client = None
