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

os.environ.setdefault("TQDM_DISABLE", "1")  # progress bars would drown the ingest's own progress lines


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
        collection = client.get_or_create_collection(name, embedding_function=None,
                                                     metadata={"hnsw:space": "cosine"})
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

    def count(self) -> int:
        return int(self._collection.count())

    def close(self) -> None:
        """Drop our handles; Chroma has already written everything added."""
        self._store = self._collection = self._client = None
