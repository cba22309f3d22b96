"""Open the live index for reading: its documents, the vector stores and the lexical store.

The index owns its stores and talks to them only through the adapters in `stores/`, handing them their
folders. How builds are laid out and switched is in `builds.py`; how one is written, in `ingest.py`; how one
is checked, in `health.py`. A part that cannot be read is reported as `IndexDamaged` in one line that says
to re-ingest, whether it fails when the index is opened or on the first question that needs it.
"""

from __future__ import annotations

from typing import Callable, TypeVar

from .acronyms import spelled_out, title_acronyms
from .builds import (COLLECTION, SENTENCES, current_build, live_build, load_documents, load_manifest, read_manifest,
                     vector_location)
from .chunking import sentence_chunk_id
from .errors import IndexDamaged, IndexMismatch, StoreError
from .sentences import sentences
from .settings import Settings
from .stores import LexicalStore, VectorStore
from .stores.bm25 import BM25Store
from .stores.chroma import ChromaStore
from .types import Document, ParagraphKey

__all__ = ["COLLECTION", "SENTENCES", "Index", "IngestReport", "current_build", "index_is_fresh", "ingest",
           "read_manifest"]
T = TypeVar("T")


class Index:
    """A built index opened for reading: documents, the vector store and the lexical store."""

    def __init__(self, settings: Settings) -> None:
        self.index_dir = settings.index_dir
        build = live_build(settings.index_dir)
        self.path = build
        self.manifest = load_manifest(build, settings.index_dir)
        expected = settings.index_signature()
        if self.manifest.get("settings") != expected:
            diff = {k: (self.manifest.get("settings", {}).get(k), v) for k, v in expected.items()
                    if self.manifest.get("settings", {}).get(k) != v}
            raise IndexMismatch(f"the index in {settings.index_dir} was built with other settings "
                                f"({', '.join(f'{k}: {a} != {b}' for k, (a, b) in diff.items())}); "
                                "re-ingest with `mea-assistant ingest`")
        self.documents: dict[str, Document] = load_documents(build, settings.index_dir)
        self._server, self._collections = vector_location(self.manifest, settings.chroma_url)
        self._vectors: VectorStore | None = None
        self._sentences: VectorStore | None = None
        self._lexical: LexicalStore | None = None
        self._chunk_ids: dict[ParagraphKey, list[str]] | None = None
        self._texts: dict[str, str] = {}
        from .queries import vocabulary

        self.vocabulary = vocabulary(self.documents)

    def document_text(self, doc_id: str) -> str:
        """Everything a document says, lower-cased, built once per index: abstention and locator lookup
        search it on every question."""
        text = self._texts.get(doc_id)
        if text is None:
            doc = self.documents[doc_id]
            parts = [doc.title, doc.citation_name, doc.date or "", doc.doc_id]
            parts += [f"{p.ref} {p.text} {' '.join(p.section)} {' '.join(p.meta.values())}" for p in doc.paragraphs]
            # and the acronyms of what it spells out ("LRTAP", "UNECE"): a question may use those instead
            parts += sorted(title_acronyms(doc.title) | spelled_out(" ".join(parts)))
            text = self._texts[doc_id] = " ".join(parts).lower()
        return text

    @property
    def vectors(self) -> VectorStore:
        """The chunks' vectors, opened on first use (a CLI command that only lists documents never pays for it)."""
        if self._vectors is None:
            self._vectors = self._open(lambda: ChromaStore.open(self.path / "chroma",
                                                                  self._collections[COLLECTION], self._server))
        return self._vectors

    @property
    def sentences(self) -> VectorStore:
        """One vector per sentence of each paragraph (see chunking.sentence_chunks), opened on first use."""
        if self._sentences is None:
            self._sentences = self._open(lambda: ChromaStore.open(self.path / "chroma",
                                                                    self._collections[SENTENCES], self._server))
        return self._sentences

    def vector_ids(self, keys: list[ParagraphKey]
                   ) -> tuple[dict[ParagraphKey, list[str]], dict[ParagraphKey, list[str]]]:
        """The ids the two vector collections hold for these paragraphs: their chunks' (as the lexical store lists
        them: both stores hold the same chunks) and their sentences' (as ingest names them,
        `chunking.sentence_chunk_id`), so vectors are looked up by id, not by a metadata filter whose cost grows
        with the index."""
        if self._chunk_ids is None:
            self._chunk_ids = self.lexical.chunk_ids()
        chunk_ids = {k: self._chunk_ids[k] for k in keys if k in self._chunk_ids}
        sentence_ids = {}
        for doc_id, position in keys:
            doc = self.documents.get(doc_id)
            if doc is not None and 0 <= position < len(doc.paragraphs):
                count = len(sentences(doc.paragraphs[position].text))
                sentence_ids[(doc_id, position)] = [sentence_chunk_id(doc_id, position, i) for i in range(count)]
        return chunk_ids, sentence_ids

    @property
    def lexical(self) -> LexicalStore:
        """The chunks' BM25 index, opened on first use."""
        if self._lexical is None:
            self._lexical = self._open(lambda: BM25Store.open(self.path / "bm25"))
        return self._lexical

    def _open(self, opener: Callable[[], T]) -> T:
        try:
            return opener()
        except StoreError as exc:
            if str(exc).startswith("cannot reach"):
                raise  # the Chroma server is down or misnamed: nothing in the index is damaged
            raise IndexDamaged(f"the index in {self.index_dir} is damaged: {exc}; run `mea-assistant ingest` "
                               "to rebuild it", str(exc)) from exc


def __getattr__(name: str) -> object:
    """The writer's names, imported on first use: a question never needs the ingest code (parsers, tokenizer)."""
    if name in ("IngestReport", "index_is_fresh", "ingest"):
        from . import ingest as writer

        return getattr(writer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
