"""The vector store on Chroma, through llama-index's ChromaVectorStore: the only module that imports them.

Kept on the llama-index integration so an index written before this adapter existed reads back the same
(metadata layout, `_node_content`) and scores the same. The collection is created in cosine space with no
embedding function: Chroma's default one downloads a model, and every vector here is our own.

A collection lives either in a folder (Chroma's embedded PersistentClient, the default) or on a Chroma server
(`url`, MEA_CHROMA_URL, through chromadb's HttpClient) that several app processes share; which collection
names to use there is the index's business (builds.py), not this adapter's.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any, Collection, Iterable, Mapping, Sequence
from urllib.parse import urlsplit

from ..errors import StoreError
from ..types import Chunk
from . import DocMeta, ScoredChunk, chunk_metadata

os.environ.setdefault("TQDM_DISABLE", "1")  # the libraries' own bars would drown the ingest's progress bar
# Cosine space. A wider search than Chroma's default (ef 100) for the 60 candidates asked of it: with the
# default, the approximate search missed some of the true 60 nearest chunks for a quarter of the evaluation
# questions, and which ones changed from one build to the next.
HNSW = {"hnsw:space": "cosine", "hnsw:search_ef": 400, "hnsw:construction_ef": 200}


def _client(path: Path, url: str | None = None) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if url:
        parts = urlsplit(url)
        secure = parts.scheme == "https"
        try:
            return chromadb.HttpClient(host=parts.hostname or "127.0.0.1", port=parts.port or (443 if secure else 80),
                                       ssl=secure, settings=settings)
        except Exception as exc:  # connection refused, a proxy's error page, another server's version
            raise StoreError(f"cannot reach the Chroma server at {url} ({_first_line(exc)}); start it with "
                             "`chroma run --path DIR --host HOST --port PORT` or correct MEA_CHROMA_URL") from exc
    return chromadb.PersistentClient(path=str(path), settings=settings)


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__


def _forget_failed_start(path: Path) -> None:
    """Chroma caches one system per folder before starting it, and keeps it when the start fails (a damaged
    chroma.sqlite3): drop that half-started system, or every later open of the folder fails differently."""
    from chromadb.api.shared_system_client import SharedSystemClient

    if SharedSystemClient._identifier_to_refcount.get(str(path), 0) <= 0:
        SharedSystemClient._identifier_to_system.pop(str(path), None)


def _damaged(where: Path | str, name: str, exc: Exception) -> StoreError:
    """Chroma's own errors (a file that is not a database, a missing collection) in one line naming the store."""
    return StoreError(f"the Chroma collection '{name}' {_at(where)} cannot be read ({_first_line(exc)})")


def _at(where: Path | str) -> str:
    return f"on the server {where}" if isinstance(where, str) else f"in {where}"


class ChromaStore:
    """A Chroma collection holding one vector per chunk, filterable by document: in a folder, or on a server."""

    def __init__(self, client: Any, collection: Any, path: Path | str | None = None) -> None:
        self._path = path  # the folder, or the server's URL: only for messages
        self._client = client
        self._collection = collection
        self._store: Any = None  # llama-index's ChromaVectorStore, made only to write (its import costs seconds)
        self._prefetch: threading.Thread | None = None

    @classmethod
    def create(cls, path: Path, name: str, url: str | None = None) -> "ChromaStore":
        """A new (or the named) collection in the folder `path`, or on the server at `url` when given."""
        client = _client(path, url)
        try:
            collection = client.get_or_create_collection(name, embedding_function=None, metadata=HNSW)
        except StoreError:
            raise
        except Exception as exc:
            if url:
                raise StoreError(f"creating the Chroma collection '{name}' on the server {url} failed "
                                 f"({_first_line(exc)})") from exc
            raise
        return cls(client, collection, url or path)

    @classmethod
    def open(cls, path: Path, name: str, url: str | None = None) -> "ChromaStore":
        """The collection written earlier; StoreError when the folder (or the server at `url`) holds no
        readable collection of that name, or the server cannot be reached."""
        if url:
            client = _client(path, url)
            try:
                return cls(client, client.get_collection(name), url)
            except Exception as exc:
                raise _damaged(url, name, exc) from exc
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

    @staticmethod
    def drop(url: str, names: Iterable[str]) -> list[str]:
        """Delete collections from the server (those of builds no longer kept); returns what could not be deleted.
        Best effort: a collection left behind wastes space on the server but is never read."""
        left = []
        try:
            client = _client(Path("."), url)
        except StoreError:
            return list(names)
        for name in names:
            try:
                client.delete_collection(name)
            except Exception as exc:  # noqa: BLE001 - already gone is fine; anything else is reported
                if type(exc).__name__ != "NotFoundError":
                    left.append(name)
        return left

    def max_batch_size(self) -> int:
        """The most chunks one `add` may write: a server's limit for a remote client, SQLite's for a local one."""
        return int(self._client.get_max_batch_size())

    def add(self, chunks: Sequence[Chunk], vectors: Sequence[Sequence[float]], doc_meta: DocMeta) -> None:
        from llama_index.core.schema import TextNode

        self._ready()
        nodes = []
        for chunk, vector in zip(chunks, vectors, strict=True):
            meta = chunk_metadata(chunk, doc_meta)
            # Metadata is for filtering and reading back, never part of the embedded text.
            nodes.append(TextNode(id_=chunk.chunk_id, text=chunk.embed_text, metadata=meta, embedding=list(vector),
                                  excluded_embed_metadata_keys=list(meta), excluded_llm_metadata_keys=list(meta)))
        if not nodes:
            return
        if self._store is None:
            from llama_index.vector_stores.chroma import ChromaVectorStore

            self._store = ChromaVectorStore(chroma_collection=self._collection)
        try:
            self._store.add(nodes)
        except Exception as exc:  # a full disk or a damaged file surfaces as Chroma's own error type
            if isinstance(exc, OSError):
                raise
            where = _at(self._path or "")
            raise StoreError(f"writing to the Chroma collection '{self._collection.name}' {where} failed "
                             f"({str(exc).strip()[:200] or type(exc).__name__})") from exc

    def prefetch(self) -> None:
        """Start loading the collection from disk in the background; the next read waits for it.

        Chroma's first read of a collection in a process loads its segments (0.2-0.5 s here per collection), in
        Rust with the GIL released: a cold `ask` loads the embedding model and BM25 meanwhile instead of after.
        A failure is left for the read that follows to report in its own words."""
        if self._prefetch is None and self._collection is not None:
            self._prefetch = threading.Thread(target=self._quiet_probe, name="chroma-prefetch", daemon=True)
            self._prefetch.start()

    def _quiet_probe(self) -> None:
        try:
            self.probe()
        except Exception:  # noqa: BLE001 - reported by the next read, which re-raises it with the store's name
            pass

    def _ready(self) -> None:
        thread = self._prefetch
        if thread is None or thread is threading.current_thread():
            return
        thread.join()
        self._prefetch = None

    def delete_document(self, doc_id: str) -> None:
        self._ready()
        self._collection.delete(where={"mea_doc": doc_id})

    def query(self, vector: Sequence[float], k: int, doc_ids: Collection[str] | None = None) -> list[ScoredChunk]:
        """Asked of Chroma directly, not through llama-index: a question never pays for importing llama-index
        (seconds on a cold start). The ids are the chunks' ids and `mea_doc`/`position` our own metadata, as
        llama-index wrote them; Chroma's cosine distance is 1 - cosine, the order is Chroma's own."""
        where = None
        if doc_ids is not None:
            if not doc_ids:
                return []
            where = {"mea_doc": {"$in": sorted(doc_ids)}}
        self._ready()
        try:
            got = self._collection.query(query_embeddings=[list(vector)], n_results=k, where=where,
                                         include=["metadatas", "distances"])
        except Exception as exc:  # a vector segment damaged after the collection opened, a server gone
            where_ = _at(self._path or "")
            raise StoreError(f"the Chroma collection '{self._collection.name}' {where_} cannot be searched "
                             f"({_first_line(exc)}); `mea-assistant check` says what is damaged") from exc
        ids, metas, distances = got["ids"][0], (got["metadatas"] or [[]])[0], (got["distances"] or [[]])[0]
        return [ScoredChunk(chunk_id=chunk_id, doc_id=str(meta["mea_doc"]), position=int(meta["position"]),
                            score=1.0 - float(distance))
                for chunk_id, meta, distance in zip(ids, metas, distances)]

    def vectors_for(self, keys: Collection[tuple[str, int]], ids: Mapping[tuple[str, int], Sequence[str]] | None = None
                    ) -> dict[tuple[str, int], list[tuple[int, list[float]]]]:
        keys = list(dict.fromkeys(keys))
        if not keys:
            return {}
        self._ready()
        out: dict[tuple[str, int], list[tuple[int, list[float]]]] = {}
        known = [k for k in keys if ids and ids.get(k)]
        if known:
            # By id: a lookup that costs the same at any size (the filter below scans the metadata: 50 ms a
            # question at 10 times the corpus, half a second at 100 times).
            self._collect(self._collection.get(ids=[i for k in known for i in ids[k]],  # type: ignore[index]
                                               include=["embeddings", "metadatas"]), set(known), out)
        rest = [k for k in keys if k not in out or (ids and ids.get(k) and len(out[k]) < len(ids[k]))]
        if rest:
            # Every (document, position) pair of the wanted documents and positions, then the wanted ones kept:
            # Chroma answers these two $in filters in half the time of an $or of one clause per paragraph.
            wanted = set(rest)
            docs, positions = sorted({d for d, _ in rest}), sorted({p for _, p in rest})
            where: dict[str, Any] = {"$and": [{"mea_doc": {"$in": docs}}, {"position": {"$in": positions}}]}
            for key in rest:
                out.pop(key, None)
            self._collect(self._collection.get(where=where, include=["embeddings", "metadatas"]), wanted, out)
        for parts in out.values():
            parts.sort(key=lambda pv: pv[0])
        return out

    @staticmethod
    def _collect(got: Any, wanted: set[tuple[str, int]], out: dict[tuple[str, int], list[tuple[int, list[float]]]]
                 ) -> None:
        for meta, vector in zip(got["metadatas"] or [], got["embeddings"] if got["embeddings"] is not None else []):
            key = (str(meta["mea_doc"]), int(meta["position"]))
            if key in wanted:
                out.setdefault(key, []).append((int(meta.get("part", 0)), [float(x) for x in vector]))

    def count(self) -> int:
        self._ready()
        return int(self._collection.count())

    def probe(self) -> None:
        """Read one vector back and run one search, so a damaged vector segment shows now, not on a question."""
        self._ready()
        try:
            got = self._collection.get(limit=1, include=["embeddings"])
            if got["embeddings"] is not None and len(got["embeddings"]):
                self._collection.query(query_embeddings=[list(got["embeddings"][0])], n_results=1, include=[])
        except Exception as exc:
            raise _damaged(self._path or Path("."), self._collection.name, exc) from exc

    def close(self) -> None:
        """Release the client: Chroma keeps one shared system per folder until its last client closes, and a
        folder whose system stays open cannot be safely replaced or removed."""
        self._ready()
        if self._client is not None:
            self._client.close()
        self._store = self._collection = self._client = None
