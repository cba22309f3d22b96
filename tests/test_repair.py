"""A damaged index, one damage at a time: `check` names it, questions get one line saying to re-ingest, and
`ingest` rebuilds it from the corpus without embedding again (real Chroma, real BM25, real files)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

import pytest

from mea_assistant.assistant import Assistant
from mea_assistant.builds import live_build
from mea_assistant.cli import main
from mea_assistant.embedding import get_embedder
from mea_assistant.health import check
from mea_assistant.ingest import ingest
from mea_assistant.settings import Settings

pytestmark = pytest.mark.slow


def _build(settings: Settings) -> Path:
    return live_build(settings.index_dir)


def _overwrite_sqlite(s: Settings) -> None:
    (_build(s) / "chroma" / "chroma.sqlite3").write_bytes(os.urandom(8192))


def _remove_bm25(s: Settings) -> None:
    for f in (_build(s) / "bm25").iterdir():
        f.unlink()


def _truncate(name: str) -> Callable[[Settings], None]:
    def damage(s: Settings) -> None:
        path = _build(s) / name
        path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 3])
    return damage


def _pointer(text: bytes) -> Callable[[Settings], None]:
    def damage(s: Settings) -> None:
        (s.index_dir / "CURRENT").write_bytes(text)
    return damage


def _pointer_via_link(s: Settings) -> None:
    """A build folder that is a link leading out of the index folder."""
    outside = s.index_dir.parent / "elsewhere"
    outside.mkdir()
    (s.index_dir / "builds" / "escape").symlink_to(outside)
    (s.index_dir / "CURRENT").write_text("escape")


DAMAGES = {
    "chroma.sqlite3 overwritten": (_overwrite_sqlite, "cannot be read"),
    "BM25 files missing": (_remove_bm25, "BM25 index"),
    "manifest truncated": (_truncate("manifest.json"), "manifest.json is truncated"),
    "documents.json truncated": (_truncate("documents.json"), "documents.json is truncated"),
    "CURRENT garbage": (_pointer(b"\x00\xff\x1b[31mgarbage"), "not the name of a build"),
    "CURRENT empty": (_pointer(b""), "CURRENT is empty"),
    "CURRENT outside the folder": (_pointer(b"../../../etc"), "points outside the index folder"),
    "CURRENT an absolute path": (_pointer(b"/tmp"), "points outside the index folder"),
    "CURRENT via a link outside": (_pointer_via_link, "points outside the index folder"),
    "CURRENT names no build": (_pointer(b"20200101-000000-abcdef"), "does not exist"),
}


@pytest.mark.parametrize("damage,words", list(DAMAGES.values()), ids=list(DAMAGES))
def test_each_damage_is_reported_then_repaired_by_ingest(small_index: Settings, damage, words: str, capsys) -> None:
    index = str(small_index.index_dir)
    damage(small_index)

    health = check(small_index)
    assert health.damaged and not health.sound
    assert any(words in f.text for f in health.findings if not f.ok), health.lines()
    assert main(["check", "--index", index, "--corpus", str(small_index.corpus_dir)]) == 1
    out = capsys.readouterr().out
    assert "PROBLEM" in out and "run `mea-assistant ingest` to rebuild it" in out

    # A question on the damaged index: one line that says what to run, never a traceback.
    assert main(["ask", "What does the Dugong MOU ask Signatories to do?", "--index", index]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and "mea-assistant ingest" in err
    assert "Traceback" not in err

    embedder = get_embedder(small_index.embed_model)
    before = embedder.texts_embedded
    report = ingest(small_index, lambda: embedder)
    assert report.repaired and report.changed
    assert embedder.texts_embedded == before, "what was embedded before the damage is reused"
    assert check(small_index).sound and all(f.ok for f in check(small_index).findings)
    hits = Assistant(small_index).search("dugong conservation and management plan", k=3)
    assert hits and hits[0].doc_id == "dugong-mou-mos3-spms"


def test_a_healthy_index_checks_clean_and_a_second_ingest_is_a_no_op(small_index: Settings, capsys) -> None:
    assert main(["check", "--index", str(small_index.index_dir), "--corpus", str(small_index.corpus_dir)]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("The index is healthy.") and "PROBLEM" not in out
    build = _build(small_index)
    left_over = small_index.index_dir / "builds" / "20990101-000000-killed"  # what a killed ingest leaves
    (left_over / "chroma").mkdir(parents=True)
    report = ingest(small_index, lambda: pytest.fail("nothing should be embedded"))
    assert not report.changed and report.embedded == 0 and _build(small_index) == build
    assert not left_over.exists()


def test_check_without_an_index_says_how_to_build_one(tmp_path: Path, capsys) -> None:
    assert main(["check", "--index", str(tmp_path / "none")]) == 1
    assert "run `mea-assistant ingest` to build one" in capsys.readouterr().out


def test_a_store_count_that_disagrees_with_the_manifest_is_damage(small_index: Settings) -> None:
    """A build whose collection lost vectors (a write cut short) is not trusted, even though it opens."""
    from mea_assistant.stores.chroma import ChromaStore

    store = ChromaStore.open(_build(small_index) / "chroma", "sentences")
    store.delete_document("dugong-mou-mos3-spms")
    store.close()
    health = check(small_index)
    assert health.damaged and any("the manifest says" in f.text for f in health.findings if not f.ok)
    assert ingest(small_index, lambda: get_embedder(small_index.embed_model)).repaired
    assert check(small_index).sound
