"""Build, update and open the index: a vector store + a lexical (BM25) store + parsed documents + a manifest.

The index owns its stores and talks to them only through the adapters in `stores/`, handing them their
folders. An ingest writes a complete new build in `index/builds/<id>/` and then switches `index/CURRENT` to
it with an atomic rename, so a crash, a bad file or Ctrl-C mid-ingest leaves the previous index usable.
Unchanged files are neither re-parsed nor re-embedded: vectors are reused by the hash of the exact text that
was embedded.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .chunking import chunk_document, sentence_chunks
from .errors import IndexMismatch, IndexMissing, MeaError, ParseError
from .overrides import FILE_NAME as OVERRIDES_FILE
from .parsing import distinct_names, is_document_file, parse_file, source_digest
from .settings import Settings
from .stores import DocMeta, LexicalStore, VectorStore
from .stores.bm25 import BM25Store
from .stores.chroma import ChromaStore
from .types import Chunk, Document, Paragraph

MANIFEST_VERSION = 1
COLLECTION = "paragraphs"  # the vector store's collection in `<build>/chroma`
SENTENCES = "sentences"  # one vector per sentence of each paragraph, for the second-stage ranker
Progress = Callable[[str], None]


@dataclass
class IngestReport:
    documents: int = 0
    paragraphs: int = 0
    chunks: int = 0
    parsed: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. two documents that would share a display name
    embedded: int = 0
    seconds: float = 0.0
    changed: bool = True

    def summary(self) -> str:
        lines = [f"Indexed {self.documents} documents, {self.paragraphs} paragraphs, {self.chunks} chunks "
                 f"in {self.seconds:.1f}s ({self.embedded} chunks embedded, {len(self.reused)} documents unchanged)."]
        if self.parsed:
            lines.append(f"  parsed: {', '.join(self.parsed)}")
        if self.removed:
            lines.append(f"  removed: {', '.join(self.removed)}")
        for name, reason in self.skipped:
            lines.append(f"  skipped {name}: {reason}")
        lines += [f"  note: {note}" for note in self.notes]
        return "\n".join(lines)


def _sha256(path: Path) -> str:
    """The file's bytes plus its entry in the corpus's documents.toml: editing an override re-reads the file."""
    return source_digest(path)


def _doc_to_json(doc: Document) -> dict[str, Any]:
    return doc.to_json()


def _doc_from_json(data: dict[str, Any]) -> Document:
    return Document.from_json(data)


def current_build(index_dir: Path) -> Path | None:
    pointer = index_dir / "CURRENT"
    if not pointer.is_file():
        return None
    build = index_dir / "builds" / pointer.read_text().strip()
    return build if (build / "manifest.json").is_file() else None


def read_manifest(index_dir: Path) -> dict[str, Any] | None:
    build = current_build(index_dir)
    if build is None:
        return None
    return json.loads((build / "manifest.json").read_text())


def index_is_fresh(settings: Settings) -> bool:
    """True when the index matches the corpus files and the settings (used by `make run` to skip work)."""
    manifest = read_manifest(settings.index_dir)
    if manifest is None or manifest.get("settings") != settings.index_signature():
        return False
    files = {p.stem: p for p in sorted(settings.corpus_dir.iterdir()) if is_document_file(p)} \
        if settings.corpus_dir.is_dir() else {}
    known = manifest.get("files", {})
    if set(files) != set(known):
        return False
    return all(known[doc_id]["sha256"] == _sha256(path) for doc_id, path in files.items())


def ingest(settings: Settings, embedder_factory: Callable[[], Any], progress: Progress | None = None) -> IngestReport:
    """Parse the corpus, embed what changed, write a new build and switch to it."""
    say = progress or (lambda _msg: None)
    started = time.perf_counter()
    corpus, index_dir = settings.corpus_dir, settings.index_dir
    if not corpus.is_dir():
        raise MeaError(f"corpus folder {corpus} does not exist; pass --corpus DIR or set MEA_CORPUS_DIR")
    report = IngestReport()
    signature = settings.index_signature()
    previous = read_manifest(index_dir)
    prev_build = current_build(index_dir)
    reusable = previous is not None and previous.get("settings") == signature and prev_build is not None
    prev_docs: dict[str, Document] = {}
    prev_vectors: dict[str, list[float]] = {}
    if reusable and prev_build is not None:
        prev_docs = {d["doc_id"]: _doc_from_json(d)
                     for d in json.loads((prev_build / "documents.json").read_text())}
        vec_file = prev_build / "vectors.json"
        if vec_file.is_file():
            prev_vectors = json.loads(vec_file.read_text())
    prev_files = previous.get("files", {}) if reusable and previous else {}

    files = [p for p in sorted(corpus.iterdir()) if is_document_file(p)]
    for p in sorted(corpus.iterdir()):
        if p.is_file() and not is_document_file(p) and not p.stem.lower().startswith("readme") \
                and not p.name.startswith(".") and p.name != OVERRIDES_FILE:
            report.skipped.append((p.name, f"unsupported file type '{p.suffix or 'none'}'"))
    docs: dict[str, Document] = {}
    file_info: dict[str, dict[str, Any]] = {}
    seen_ids: dict[str, str] = {}
    for i, path in enumerate(files, 1):
        doc_id = path.stem
        if doc_id in seen_ids:
            report.skipped.append((path.name, f"same document id as {seen_ids[doc_id]}; rename one of them"))
            continue
        seen_ids[doc_id] = path.name
        try:
            digest = _sha256(path)
        except OSError as exc:
            report.skipped.append((path.name, f"cannot read ({exc.strerror})"))
            continue
        if doc_id in prev_docs and prev_files.get(doc_id, {}).get("sha256") == digest:
            docs[doc_id] = prev_docs[doc_id]
            report.reused.append(doc_id)
            file_info[doc_id] = prev_files[doc_id]
            continue
        say(f"[{i}/{len(files)}] parsing {path.name}")
        try:
            doc = parse_file(path)
        except ParseError as exc:
            if doc_id in prev_docs:  # keep what was indexed rather than lose the document
                docs[doc_id] = prev_docs[doc_id]
                file_info[doc_id] = prev_files[doc_id]
                report.skipped.append((path.name, f"{exc.reason} (kept the previously indexed version)"))
            else:
                report.skipped.append((path.name, exc.reason))
            continue
        docs[doc_id] = doc
        report.parsed.append(doc_id)
        file_info[doc_id] = {"path": str(path), "sha256": digest, "paragraphs": len(doc.paragraphs)}
    report.removed = sorted(set(prev_docs) - set(docs))
    report.notes = distinct_names(docs)
    if not docs:
        raise MeaError(f"no document in {corpus} could be indexed; see the reasons above")
    report.changed = bool(report.parsed or report.removed) or not reusable or set(prev_docs) != set(docs)
    if not report.changed and prev_build is not None and previous is not None \
            and previous.get("skipped") == [list(s) for s in report.skipped]:
        report.documents, report.chunks = len(docs), previous.get("chunks", 0)
        report.paragraphs = sum(len(d.paragraphs) for d in docs.values())
        report.seconds = time.perf_counter() - started
        return report  # nothing changed: keep the current build as it is

    chunks: list[Chunk] = []
    sentence_parts: list[Chunk] = []
    for doc in docs.values():
        chunks.extend(chunk_document(doc, settings.chunk_tokens, settings.chunk_overlap))
        sentence_parts.extend(sentence_chunks(doc))
    keys = [hashlib.sha1(c.embed_text.encode()).hexdigest() for c in chunks]
    sentence_keys = [hashlib.sha1(c.embed_text.encode()).hexdigest() for c in sentence_parts]
    missing = sorted({k: c.embed_text for k, c in zip(keys + sentence_keys, chunks + sentence_parts)
                      if k not in prev_vectors}.items())
    vectors_by_key = {k: prev_vectors[k] for k in keys + sentence_keys if k in prev_vectors}
    embedded_by = set(previous.get("embedded_by", [])) if reusable and previous else set()
    if missing:
        say(f"embedding {len(missing)} chunks")
        embedder = embedder_factory()
        embedded_by.add(getattr(embedder, "name", "unknown"))  # which backend made the vectors (all compatible)
        batch = 64
        for start in range(0, len(missing), batch):
            part = missing[start:start + batch]
            for (key, _), vec in zip(part, embedder.embed([t for _, t in part])):
                vectors_by_key[key] = vec
            say(f"  embedded {min(start + batch, len(missing))}/{len(missing)}")
    report.embedded = len(missing)
    vectors = [vectors_by_key[k] for k in keys]
    sentence_vectors = [vectors_by_key[k] for k in sentence_keys]

    build_id = time.strftime("%Y%m%d-%H%M%S") + "-" + uuid.uuid4().hex[:6]
    builds = index_dir / "builds"
    build = builds / build_id
    build.mkdir(parents=True, exist_ok=True)
    try:
        say("writing Chroma collection and BM25 index")
        _write_build(build, docs, (chunks, vectors, keys), (sentence_parts, sentence_vectors, sentence_keys))
        manifest = {"version": MANIFEST_VERSION, "settings": signature, "files": file_info,
                    "skipped": report.skipped, "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
                    "documents": len(docs), "paragraphs": sum(len(d.paragraphs) for d in docs.values()),
                    "chunks": len(chunks), "embedded_by": sorted(embedded_by)}
        (build / "manifest.json").write_text(json.dumps(manifest, indent=1))
        tmp = index_dir / f"CURRENT.{build_id}.tmp"
        tmp.write_text(build_id)
        os.replace(tmp, index_dir / "CURRENT")  # the switch: atomic on POSIX
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise
    for old in builds.iterdir():
        if old.name != build_id:
            shutil.rmtree(old, ignore_errors=True)
    report.documents = len(docs)
    report.paragraphs = sum(len(d.paragraphs) for d in docs.values())
    report.chunks = len(chunks)
    report.seconds = time.perf_counter() - started
    return report


Embedded = tuple[list[Chunk], list[list[float]], list[str]]  # chunks, their vectors, their text hashes


def _write_build(build: Path, docs: dict[str, Document], chunks: Embedded, sentences: Embedded) -> None:
    (build / "documents.json").write_text(json.dumps([_doc_to_json(d) for d in docs.values()], ensure_ascii=False))
    cache = dict(zip(chunks[2], chunks[1]))
    cache.update(zip(sentences[2], sentences[1]))
    (build / "vectors.json").write_text(json.dumps(cache))
    doc_meta: DocMeta = {d.doc_id: {"doc_type": d.doc_type} for d in docs.values()}
    for name, (parts, vectors, _) in ((COLLECTION, chunks), (SENTENCES, sentences)):
        store = ChromaStore.create(build / "chroma", name)
        store.add(parts, vectors, doc_meta)
        store.close()
    BM25Store.build(chunks[0], doc_meta).persist(build / "bm25")


class Index:
    """A built index opened for reading: documents, the vector store and the lexical store."""

    def __init__(self, settings: Settings) -> None:
        build = current_build(settings.index_dir)
        if build is None:
            raise IndexMissing(f"no index in {settings.index_dir}; run `mea-assistant ingest` first")
        self.path = build
        self.manifest = json.loads((build / "manifest.json").read_text())
        expected = settings.index_signature()
        if self.manifest.get("settings") != expected:
            diff = {k: (self.manifest.get("settings", {}).get(k), v) for k, v in expected.items()
                    if self.manifest.get("settings", {}).get(k) != v}
            raise IndexMismatch(f"the index in {settings.index_dir} was built with other settings "
                                f"({', '.join(f'{k}: {a} != {b}' for k, (a, b) in diff.items())}); "
                                "re-ingest with `mea-assistant ingest`")
        self.documents: dict[str, Document] = {
            d["doc_id"]: _doc_from_json(d) for d in json.loads((build / "documents.json").read_text())}
        self._vectors: VectorStore | None = None
        self._sentences: VectorStore | None = None
        self._lexical: LexicalStore | None = None
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
            text = self._texts[doc_id] = " ".join(parts).lower()
        return text

    @property
    def vectors(self) -> VectorStore:
        """The chunks' vectors, opened on first use (a CLI command that only lists documents never pays for it)."""
        if self._vectors is None:
            self._vectors = ChromaStore.open(self.path / "chroma", COLLECTION)
        return self._vectors

    @property
    def sentences(self) -> VectorStore:
        """One vector per sentence of each paragraph (see chunking.sentence_chunks), opened on first use."""
        if self._sentences is None:
            self._sentences = ChromaStore.open(self.path / "chroma", SENTENCES)
        return self._sentences

    @property
    def lexical(self) -> LexicalStore:
        """The chunks' BM25 index, opened on first use."""
        if self._lexical is None:
            self._lexical = BM25Store.open(self.path / "bm25")
        return self._lexical
