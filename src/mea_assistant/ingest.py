"""Ingest: parse the corpus, embed what changed, write a new build in batches, check it, then switch to it.

Memory stays bounded by the batch, not the corpus: chunks are embedded and written to the vector store one
batch at a time (never more than the store accepts in one call, which it is asked for), and each embedded
batch is committed to the vector cache at once. So a large corpus is written in pieces, an ingest killed
midway resumes without embedding again what it had finished, and an unchanged corpus is a no-op. The new
build goes live only once every store in it matches its manifest; until then readers keep the old one.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .builds import (COLLECTION, MANIFEST_VERSION, SENTENCES, builds_dir, doc_to_json, load_documents, remove_builds,
                     remove_unfinished, switch, write_json)
from .chunking import chunk_document, sentence_chunks
from .corpus import file_digest, identity, same_corpus, scan
from .errors import MeaError, ParseError
from .health import check, check_stores
from .lock import IngestLock
from .parsing import distinct_names, parse_file
from .progress import Progress, as_progress
from .settings import Settings
from .stores import DocMeta
from .stores.bm25 import BM25Store
from .stores.chroma import ChromaStore
from .types import Document
from .vectorcache import VectorCache, text_key

EMBED_STEP = 64  # texts embedded, then committed to the cache, at a time: what a kill can cost


@dataclass
class IngestReport:
    documents: int = 0
    paragraphs: int = 0
    chunks: int = 0
    sentences: int = 0
    parsed: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)  # damage found in the live index and rebuilt
    notes: list[str] = field(default_factory=list)  # a stale lock taken over, a cache started afresh
    embedded: int = 0
    cached: int = 0  # vectors taken from the cache instead of the model
    batch: int = 0
    seconds: float = 0.0
    changed: bool = True

    def summary(self) -> str:
        state = "" if self.changed else " Nothing changed: the index was left as it was."
        lines = [f"Indexed {self.documents} documents, {self.paragraphs} paragraphs, {self.chunks} chunks "
                 f"in {self.seconds:.1f}s ({self.embedded} chunks embedded, {len(self.reused)} documents "
                 f"unchanged).{state}"]
        if self.repaired:
            lines.append(f"  repaired: {'; '.join(self.repaired)}")
        if self.parsed:
            lines.append(f"  parsed: {', '.join(self.parsed)}")
        if self.removed:
            lines.append(f"  removed: {', '.join(self.removed)}")
        for name, reason in self.skipped:
            lines.append(f"  skipped {name}: {reason}")
        lines += [f"  note: {n}" for n in self.notes]
        return "\n".join(lines)


def prepare_index_dir(index_dir: Path) -> None:
    """Create the index folder and prove it writable, before any parsing or embedding is spent on it."""
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=index_dir, prefix=".write-test-"):
            pass
    except OSError as exc:
        raise MeaError(f"cannot write to the index folder {index_dir} ({exc.strerror or exc}); choose another "
                       "--index (MEA_INDEX_DIR) or make it writable") from exc


def ingest(settings: Settings, embedder_factory: Callable[[], Any],
           progress: Progress | Callable[[str], None] | None = None, replace: bool = False) -> IngestReport:
    """Build or update the index in `settings.index_dir` from `settings.corpus_dir` (see the module docstring).

    `replace`: rebuild an index that was built from another corpus folder (refused otherwise)."""
    out = as_progress(progress)
    started = time.perf_counter()
    if not settings.corpus_dir.is_dir():
        raise MeaError(f"corpus folder {settings.corpus_dir} does not exist; pass --corpus DIR or set MEA_CORPUS_DIR")
    prepare_index_dir(settings.index_dir)
    with IngestLock(settings.index_dir, settings.ingest_wait, out.say) as lock:
        report = _ingest(settings, embedder_factory, out, replace)
    if lock.stale is not None:
        report.notes.append(f"took over a stale ingest lock left by {lock.stale.describe()}")
    report.seconds = time.perf_counter() - started
    return report


def _ingest(settings: Settings, embedder_factory: Callable[[], Any], out: Progress, replace: bool) -> IngestReport:
    index_dir, corpus = settings.index_dir, settings.corpus_dir
    report = IngestReport()
    live = check(settings, corpus=False)
    if live.manifest and not replace and not same_corpus(live.manifest.get("corpus"), corpus):
        raise MeaError(f"the index in {index_dir} was built from {live.manifest['corpus']['path']}, not from "
                       f"{identity(corpus)['path']}; pass --replace to rebuild it from this corpus, or choose "
                       "another --index")
    if live.exists and live.damaged:
        report.repaired = [f.text for f in live.findings if not f.ok and f.damage]
        out.say(f"the index is damaged ({'; '.join(report.repaired)}); rebuilding it")
    signature = settings.index_signature()
    previous = live.manifest if live.sound and live.manifest.get("settings") == signature else None
    prev_docs = load_documents(live.build, index_dir) if previous and live.build else {}
    prev_files: dict[str, Any] = previous.get("files", {}) if previous else {}

    found = scan(corpus)
    report.skipped = list(found.skipped)
    docs, file_info = _parse(found.files, prev_docs, prev_files, report, out)
    report.removed = sorted(set(prev_docs) - set(docs))
    report.notes += distinct_names(docs)
    if not docs:
        reasons = "; ".join(f"{name}: {why}" for name, why in report.skipped[:4]) or "the folder has no files"
        more = f" and {len(report.skipped) - 4} more" if len(report.skipped) > 4 else ""
        raise MeaError(f"no document in {corpus} could be indexed ({reasons}{more})")
    report.documents, report.paragraphs = len(docs), sum(len(d.paragraphs) for d in docs.values())
    report.changed = previous is None or bool(report.parsed or report.removed) or set(prev_docs) != set(docs) \
        or previous.get("skipped") != [list(s) for s in report.skipped] or previous.get("corpus") != identity(corpus)
    if not report.changed and previous is not None:
        report.chunks, report.sentences = previous["chunks"], previous.get("sentences", 0)
        remove_unfinished(index_dir)  # what a killed ingest left behind
        return report  # nothing changed: the live build stays as it is

    build_id = time.strftime("%Y%m%d-%H%M%S") + "-" + uuid.uuid4().hex[:6]
    build = builds_dir(index_dir) / build_id
    build.mkdir(parents=True)
    cache = VectorCache(index_dir / "cache" / "vectors.sqlite3", signature["embed_model"])
    if cache.reset_reason:
        report.notes.append(cache.reset_reason)
    try:
        if live.build is not None:
            _import_vectors_json(live.build, cache)
        keys = _write_build(build, docs, settings, embedder_factory, cache, report, out)
        manifest = {"version": MANIFEST_VERSION, "settings": signature, "corpus": identity(corpus),
                    "files": file_info, "skipped": report.skipped, "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
                    "documents": report.documents, "paragraphs": report.paragraphs, "chunks": report.chunks,
                    "sentences": report.sentences}
        write_json(build / "manifest.json", manifest, indent=1)
        problems = [f.text for f in check_stores(build, manifest) if not f.ok]
        if problems:
            raise MeaError(f"the new build failed its check ({'; '.join(problems)}); the index was left as it was")
        switch(index_dir, build_id)
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        cache.close()
        raise
    remove_builds(index_dir, keep={build_id, *([live.build.name] if live.sound and live.build else [])})
    cache.keep_only(keys)
    cache.close()
    return report


def _parse(files: list[Path], prev_docs: dict[str, Document], prev_files: dict[str, Any], report: IngestReport,
           out: Progress) -> tuple[dict[str, Document], dict[str, dict[str, Any]]]:
    """Each file parsed, or its previous parse reused when its bytes are unchanged; a file that fails keeps
    its previous version when it had one."""
    docs: dict[str, Document] = {}
    file_info: dict[str, dict[str, Any]] = {}
    seen: dict[str, str] = {}
    out.say(f"reading {len(files)} file{'' if len(files) == 1 else 's'}")
    bar = out.bar(len(files), "parsing", unit="files")
    for path in files:
        bar.update(1)
        doc_id = path.stem
        if doc_id in seen:
            report.skipped.append((path.name, f"same document id as {seen[doc_id]}; rename one of them"))
            continue
        seen[doc_id] = path.name
        try:
            digest = file_digest(path)
        except OSError as exc:
            report.skipped.append((path.name, f"cannot read ({exc.strerror})"))
            continue
        if doc_id in prev_docs and prev_files.get(doc_id, {}).get("sha256") == digest:
            docs[doc_id], file_info[doc_id] = prev_docs[doc_id], prev_files[doc_id]
            report.reused.append(doc_id)
            continue
        try:
            doc = parse_file(path)
        except ParseError as exc:
            reason = exc.reason
        except Exception as exc:  # noqa: BLE001 - one hostile file must not stop the whole corpus
            reason = f"could not be parsed ({type(exc).__name__}: {str(exc)[:120]}); please report this file"
        else:
            docs[doc_id] = doc
            report.parsed.append(doc_id)
            file_info[doc_id] = {"path": str(path), "sha256": digest, "paragraphs": len(doc.paragraphs)}
            continue
        if doc_id in prev_docs:  # keep what was indexed rather than lose the document
            docs[doc_id], file_info[doc_id] = prev_docs[doc_id], prev_files[doc_id]
            reason += " (kept the previously indexed version)"
        report.skipped.append((path.name, reason))
    bar.close()
    return docs, file_info


def _import_vectors_json(build: Path, cache: VectorCache) -> None:
    """Index format 3 kept its vectors in the build's vectors.json: take them over once, so the first ingest
    after an upgrade embeds nothing that was already embedded."""
    old = build / "vectors.json"
    if cache.count() or not old.is_file():
        return
    try:
        cache.put_many(json.loads(old.read_text(encoding="utf-8")).items())
    except (OSError, ValueError, TypeError):
        pass  # only a cache: what it held is embedded again


def _write_build(build: Path, docs: dict[str, Document], settings: Settings, embedder_factory: Callable[[], Any],
                 cache: VectorCache, report: IngestReport, out: Progress) -> set[str]:
    """documents.json, both Chroma collections batch by batch, and BM25; returns the text hashes written."""
    with (build / "documents.json").open("w", encoding="utf-8") as f:
        json.dump([doc_to_json(d) for d in docs.values()], f, ensure_ascii=False)
        f.flush()
        os.fsync(f.fileno())
    doc_meta: DocMeta = {d.doc_id: {"doc_type": d.doc_type} for d in docs.values()}
    chunks = [c for d in docs.values() for c in chunk_document(d, settings.chunk_tokens, settings.chunk_overlap)]
    sentences = [c for d in docs.values() for c in sentence_chunks(d)]
    report.chunks, report.sentences = len(chunks), len(sentences)
    all_keys = {text_key(c.embed_text) for c in chunks + sentences}
    to_embed = len(all_keys - cache.present(all_keys))
    out.say(f"indexing {len(chunks):,} chunks and {len(sentences):,} sentences: {to_embed:,} texts to embed, "
            f"the rest already embedded")
    embedder = None
    bar = out.bar(len(chunks) + len(sentences), "indexing")
    try:
        for name, parts in ((COLLECTION, chunks), (SENTENCES, sentences)):
            store = ChromaStore.create(build / "chroma", name)
            try:
                size = max(1, min(settings.ingest_batch, store.max_batch_size()))
                report.batch = size
                for start in range(0, len(parts), size):
                    batch = parts[start:start + size]
                    keys = [text_key(c.embed_text) for c in batch]
                    vectors = cache.get_many(keys)
                    todo = list({k: c.embed_text for k, c in zip(keys, batch) if k not in vectors}.items())
                    report.cached += len(batch) - len(todo)
                    bar.update(len(batch) - len(todo))
                    for step in range(0, len(todo), EMBED_STEP):
                        embedder = embedder or embedder_factory()
                        part = todo[step:step + EMBED_STEP]
                        got = embedder.embed([text for _, text in part])
                        cache.put_many(zip([k for k, _ in part], got))  # durable now: a kill after this loses nothing
                        vectors.update(zip([k for k, _ in part], got))
                        report.embedded += len(part)
                        bar.update(len(part))
                    store.add(batch, [vectors[k] for k in keys], doc_meta)
            finally:
                store.close()
    finally:
        bar.close()
    out.say("writing the BM25 index")
    BM25Store.build(chunks, doc_meta).persist(build / "bm25")
    return all_keys


def index_is_fresh(settings: Settings) -> bool:
    """True when the index is whole and matches the corpus files and the settings (`make run` skips work then)."""
    health = check(settings)
    return health.sound and all(f.ok for f in health.findings)


__all__ = ["IngestReport", "index_is_fresh", "ingest", "prepare_index_dir"]
