"""The index on disk: incremental re-ingest, removed files, bad files, interrupted ingest, mismatched settings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import CORPUS, SMALL
from mea_assistant.assistant import Assistant
from mea_assistant.chunking import chunk_paragraph, sentence_chunks
from mea_assistant.embedding import get_embedder
from mea_assistant.errors import IndexMismatch, IndexMissing
from mea_assistant.index import Index, current_build, index_is_fresh, ingest
from mea_assistant.settings import Settings


@pytest.fixture()
def small(tmp_path: Path) -> Settings:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in SMALL:
        shutil.copy(CORPUS / name, corpus / name)
    (corpus / "README.md").write_text("# About this corpus\nNot a document.\n")
    return Settings(corpus_dir=corpus, index_dir=tmp_path / "index")


def _ingest(settings: Settings, progress=None):  # type: ignore[no-untyped-def]
    embedder = get_embedder(settings.embed_model)
    before = embedder.texts_embedded
    report = ingest(settings, lambda: embedder, progress)
    return report, embedder.texts_embedded - before


def test_incremental_reingest_counts_embedding_calls(small):
    report, calls = _ingest(small)
    assert report.documents == 3 and calls == report.embedded == report.chunks + report.sentences > 0
    assert report.skipped == [("README.md", "a README describes the corpus; it is not a document")]
    assert index_is_fresh(small)

    build = current_build(small.index_dir)
    report, calls = _ingest(small)
    assert calls == 0 and sorted(report.reused) == sorted(Path(n).stem for n in SMALL)
    assert current_build(small.index_dir) == build  # nothing changed: the live build is left alone

    target = small.corpus_dir / "dugong-mou-mos3-spms.txt"
    target.write_text(target.read_text().replace("The Meeting is invited to:", "The Meeting is requested to:"))
    assert not index_is_fresh(small)
    report, calls = _ingest(small)
    doc = Index(small).documents["dugong-mou-mos3-spms"]
    changed = next(p for p in doc.paragraphs if "The Meeting is requested to:" in p.text)
    # the changed paragraph, and its items, whose embedded text carries it as their lead-in
    touched = [p for p in doc.paragraphs if p is changed or "The Meeting is requested to:" in p.lead_in]
    own = {c.embed_text for p in touched for c in chunk_paragraph(doc, p, small.chunk_tokens, small.chunk_overlap)}
    own |= {c.embed_text for c in sentence_chunks(doc) if c.position == changed.position}
    assert report.parsed == ["dugong-mou-mos3-spms"] and calls == len(own) < 10  # only what the change touched

    (small.corpus_dir / "cms-capacity-building-target-9.txt").unlink()
    report, calls = _ingest(small)
    assert report.removed == ["cms-capacity-building-target-9"] and calls == 0
    index = Index(small)
    assert "cms-capacity-building-target-9" not in index.documents
    hits = Assistant(small).search("Central Asian Flyways training and public awareness", k=10)
    assert all(h.doc_id != "cms-capacity-building-target-9" for h in hits)


def test_bad_files_are_skipped_with_reasons_and_the_rest_is_indexed(small):
    (small.corpus_dir / "empty.txt").write_bytes(b"")
    (small.corpus_dir / "scan.pdf").write_bytes(b"%PDF-1.4 garbage")
    (small.corpus_dir / "image.png").write_bytes(b"\x89PNG")
    report, _ = _ingest(small)
    reasons = dict(report.skipped)
    assert "empty" in reasons["empty.txt"] and "PDF" in reasons["scan.pdf"] and "unsupported" in reasons["image.png"]
    assert report.documents == 3
    assert "skipped empty.txt" in report.summary()


def test_a_file_that_turns_corrupt_keeps_its_previous_version(small):
    _ingest(small)
    (small.corpus_dir / "dugong-mou-mos3-spms.txt").write_bytes(b"\x00\x00binary now\x00")
    report, _ = _ingest(small)
    assert "kept the previously indexed version" in dict(report.skipped)["dugong-mou-mos3-spms.txt"]
    assert len(Index(small).documents["dugong-mou-mos3-spms"].paragraphs) > 10


def test_interrupted_ingest_leaves_previous_index_usable(small):
    _ingest(small)
    before = current_build(small.index_dir)
    count = len(Index(small).documents)
    (small.corpus_dir / "sharks-mou-2010.txt").write_bytes((CORPUS / "sharks-mou-2010.txt").read_bytes())

    def interrupt(message: str) -> None:
        if message.startswith("writing"):
            raise KeyboardInterrupt  # Ctrl-C while the new build is being written

    with pytest.raises(KeyboardInterrupt):
        _ingest(small, interrupt)
    assert current_build(small.index_dir) == before
    assert len(Index(small).documents) == count
    assert [p.name for p in (small.index_dir / "builds").iterdir()] == [before.name]  # no half-written build left
    assert Assistant(small).search("dugong", k=3)


def test_querying_with_other_settings_is_refused(small, tmp_path):
    with pytest.raises(IndexMissing):
        Index(small)
    _ingest(small)
    other = Settings(corpus_dir=small.corpus_dir, index_dir=small.index_dir, chunk_tokens=120)
    with pytest.raises(IndexMismatch, match="re-ingest"):
        Index(other)


def test_an_index_named_with_another_instruments_file_is_rebuilt_not_reused(small):
    """Names and tags come from data/instruments.toml: an index built with another version of it (a user added an
    instrument) is refused for queries and re-parsed whole by the next ingest, not kept for unchanged files."""
    import json

    _ingest(small)
    manifest_path = current_build(small.index_dir) / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    assert manifest["settings"]["instruments"] == small.index_signature()["instruments"]
    manifest["settings"]["instruments"] = "0" * 12  # as built before the file was extended
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(IndexMismatch, match="instruments"):
        Index(small)
    report, _ = _ingest(small)
    assert report.reused == [] and sorted(report.parsed) == sorted(Path(n).stem for n in SMALL)
    Index(small)  # queryable again
