"""Streaming ingest: batches below the store's limit, a real kill midway then a resume that embeds nothing
twice, and the progress bar (real model, real Chroma, a real subprocess killed with SIGKILL)."""

from __future__ import annotations

import io
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT, SMALL
from mea_assistant.assistant import Assistant
from mea_assistant.builds import builds_dir, live_build
from mea_assistant.embedding import get_embedder
from mea_assistant.health import check
from mea_assistant.ingest import ingest
from mea_assistant.progress import Progress
from mea_assistant.settings import Settings
from mea_assistant.stores.chroma import ChromaStore

pytestmark = pytest.mark.slow


def _cached(index_dir: Path) -> int:
    """Vectors committed to the index's cache, read the way another process would."""
    path = index_dir / "cache" / "vectors.sqlite3"
    if not path.is_file():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as db:
            return int(db.execute("SELECT count(*) FROM vectors").fetchone()[0])
    except sqlite3.OperationalError:  # the table is not created yet
        return 0


def test_batches_stay_below_the_limit_the_store_gives(small_index: Settings) -> None:
    settings = Settings(corpus_dir=small_index.corpus_dir, index_dir=small_index.index_dir, ingest_batch=40)
    (settings.index_dir / "CURRENT").unlink()  # force a rebuild; the vectors come from the cache
    report = ingest(settings, lambda: pytest.fail("everything is in the cache"))
    assert report.batch == 40 and report.chunks > 40 and report.sentences > 40
    huge = Settings(corpus_dir=small_index.corpus_dir, index_dir=small_index.index_dir, ingest_batch=100_000)
    (huge.index_dir / "CURRENT").unlink()
    report = ingest(huge, lambda: pytest.fail("everything is in the cache"))
    store = ChromaStore.open(live_build(huge.index_dir) / "chroma", "paragraphs")
    limit = store.max_batch_size()
    store.close()
    assert report.batch == limit < 100_000, "a batch never exceeds what the store accepts in one write"
    assert check(huge).sound


def test_an_ingest_killed_midway_resumes_without_embedding_again(tmp_path: Path) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    for name in SMALL:
        shutil.copy(CORPUS / name, corpus / name)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "MEA_INGEST_BATCH": "16"}
    proc = subprocess.Popen([sys.executable, "-m", "mea_assistant.cli", "ingest", "--corpus", str(corpus),
                             "--index", str(index)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 300
    while proc.poll() is None and time.time() < deadline and _cached(index) < 16:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)  # no cleanup of any kind: as a power cut or the OOM killer would
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read().decode() if proc.stderr else ""
    done = _cached(index)
    assert done >= 16
    assert not (index / "CURRENT").exists(), "the killed ingest never switched to its half-written build"
    assert check(Settings(corpus_dir=corpus, index_dir=index)).damaged  # a half-written build, no pointer

    settings = Settings(corpus_dir=corpus, index_dir=index)
    embedder = get_embedder(settings.embed_model)
    before = embedder.texts_embedded
    report = ingest(settings, lambda: embedder)
    assert embedder.texts_embedded - before == report.embedded
    assert report.cached >= done and report.embedded > 0
    assert _cached(index) == done + report.embedded, "nothing embedded before the kill was embedded again"
    assert [p.name for p in builds_dir(index).iterdir()] == [live_build(index).name], "the half build is gone"
    assert check(settings).sound
    assert Assistant(settings).search("dugong conservation and management plan", k=3)[0].doc_id == \
        "dugong-mou-mos3-spms"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_and_plain_lines_elsewhere(small_index: Settings) -> None:
    (small_index.index_dir / "CURRENT").unlink()
    screen = _Terminal()
    lines: list[str] = []
    ingest(small_index, lambda: pytest.fail("cached"), Progress(lines.append, bars=True, stream=screen))
    drawn = screen.getvalue()
    assert "indexing:" in drawn and "chunks/s" in drawn and "<" in drawn  # done/total, rate, elapsed<left
    report = ingest(small_index, lambda: None)
    assert not report.changed
    assert not Progress.for_terminal(io.StringIO()).bars, "no bar when the output is not a terminal"
    assert any(line.startswith("indexing ") for line in lines) and "\r" not in "".join(lines)
