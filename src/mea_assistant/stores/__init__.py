"""What the index needs from a vector store and a lexical store, in the project's own types.

The adapters (`chroma.py`, `bm25.py`) are the only modules that import chromadb / llama-index / bm25s, so a
backend can be swapped or upgraded without touching the index or retrieval. Both sides answer with
`ScoredChunk`s; `hits.py` turns those into paragraph scores and `Hit`s.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Collection, Mapping, Protocol, Self, Sequence

from ..types import Chunk

Scalar = str | int | float
DocMeta = Mapping[str, Mapping[str, Scalar]]  # doc_id -> metadata stored with each of its chunks ("doc_type")


@dataclass(frozen=True)
class ScoredChunk:
    """One chunk a store matched: which paragraph it belongs to and the store's score for it."""

    chunk_id: str
    doc_id: str
    position: int  # the paragraph's position in its document
    score: float  # cosine similarity (vector store) or BM25 score (lexical store); higher is better


def chunk_metadata(chunk: Chunk, doc_meta: DocMeta) -> dict[str, Scalar]:
    """The metadata both stores keep with a chunk (the layout of index format 2; changing it needs a bump).

    "doc_id" is overwritten by llama-index's flat metadata (it means the source node there), so the
    filterable copy of the document id lives under "mea_doc".
    """
    meta: dict[str, Scalar] = {"doc_id": chunk.doc_id, "mea_doc": chunk.doc_id, "ref": chunk.ref,
                               "position": chunk.position, "part": chunk.part}
    meta.update(doc_meta.get(chunk.doc_id, {}))
    return meta


class VectorStore(Protocol):
    """Chunks with our own embeddings, searched by cosine similarity. Writes are durable when `add` returns."""

    @classmethod
    def create(cls, path: Path, name: str, url: str | None = None) -> Self:
        """A new, empty store called `name` in the folder `path` (or on the server at `url`)."""
        ...

    @classmethod
    def open(cls, path: Path, name: str, url: str | None = None) -> Self:
        """The store `name` written earlier in `path` (or on the server at `url`); StoreError when it is
        missing or cannot be read."""
        ...

    def add(self, chunks: Sequence[Chunk], vectors: Sequence[Sequence[float]], doc_meta: DocMeta) -> None: ...

    def delete_document(self, doc_id: str) -> None: ...

    def query(self, vector: Sequence[float], k: int, doc_ids: Collection[str] | None = None) -> list[ScoredChunk]:
        """The k nearest chunks, best first; `doc_ids` restricts them to those documents (None: all)."""
        ...

    def vectors_for(self, keys: Collection[tuple[str, int]], ids: Mapping[tuple[str, int], Sequence[str]] | None = None
                    ) -> dict[tuple[str, int], list[tuple[int, list[float]]]]:
        """Every stored vector of these paragraphs (doc id, position), as (part, vector) in part order; `ids`, when
        the caller knows a paragraph's chunk ids, lets the store look them up directly."""
        ...

    def count(self) -> int: ...

    def max_batch_size(self) -> int:
        """The most chunks one `add` may write (asked of the client: a server sets its own limit)."""
        ...

    def probe(self) -> None:
        """Read a vector and search once; StoreError when the stored vectors cannot be used."""
        ...

    def prefetch(self) -> None:
        """Start loading the stored vectors in the background (a hint: reads wait for it, errors surface there)."""
        ...

    def close(self) -> None: ...


class LexicalStore(Protocol):
    """Chunks searched by their words. Built in memory from all chunks at once, then persisted to a folder."""

    @classmethod
    def build(cls, chunks: Sequence[Chunk], doc_meta: DocMeta) -> Self: ...

    @classmethod
    def open(cls, path: Path) -> Self:
        """The store persisted earlier in `path`; StoreError when a file is missing or cannot be read."""
        ...

    def query(self, text: str, doc_ids: Collection[str] | None = None) -> list[ScoredChunk]:
        """Chunks sharing a term with `text`, best first; `doc_ids` restricts them to those documents."""
        ...

    def count(self) -> int: ...

    def chunk_ids(self) -> dict[tuple[str, int], list[str]]:
        """Every chunk's id by paragraph (document id, position), in part order."""
        ...

    def persist(self, path: Path) -> None: ...


__all__ = ["DocMeta", "LexicalStore", "ScoredChunk", "VectorStore", "chunk_metadata"]
