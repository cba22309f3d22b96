"""One writer per index: the ingest lock (held, waited for, stale), two real ingest processes at once, readers
serving the last good build meanwhile, and an index never replaced by one from another corpus."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT
from mea_assistant.assistant import Assistant
from mea_assistant.builds import live_build
from mea_assistant.cli import main
from mea_assistant.errors import IndexBusy, MeaError
from mea_assistant.health import check, start_plan
from mea_assistant.index import Index
from mea_assistant.ingest import ingest
from mea_assistant.lock import LOCK_NAME, IngestLock, holder
from mea_assistant.settings import Settings

pytestmark = pytest.mark.slow


def _never() -> None:
    pytest.fail("nothing should be embedded")


@pytest.fixture
def own_corpus(small_index: Settings, tmp_path: Path) -> Settings:
    """The small index adopted by a corpus folder of this test's own, so the test may change the corpus."""
    shutil.copytree(small_index.corpus_dir, tmp_path / "corpus")
    settings = Settings(corpus_dir=tmp_path / "corpus", index_dir=small_index.index_dir)
    assert ingest(settings, _never, replace=True).changed  # the corpus moved: re-recorded, nothing embedded
    return settings


def test_a_second_ingest_is_refused_in_one_line_while_the_first_holds_the_lock(small_index: Settings,
                                                                               capsys) -> None:
    busy = Settings(corpus_dir=small_index.corpus_dir, index_dir=small_index.index_dir, ingest_wait=0)
    with IngestLock(small_index.index_dir, 0):
        found = holder(small_index.index_dir)
        assert found is not None and found.pid == os.getpid()
        with pytest.raises(IndexBusy, match=rf"another ingest \(pid {os.getpid()}, started .*\) is writing"):
            ingest(busy, _never)
        started = time.monotonic()
        with pytest.raises(IndexBusy, match="MEA_INGEST_WAIT"):
            ingest(Settings(corpus_dir=busy.corpus_dir, index_dir=busy.index_dir, ingest_wait=1), _never)
        assert 1 <= time.monotonic() - started < 10, "the wait is bounded by MEA_INGEST_WAIT"
        os.environ["MEA_INGEST_WAIT"] = "0"
        try:
            code = main(["ingest", "--corpus", str(busy.corpus_dir), "--index", str(busy.index_dir)])
        finally:
            del os.environ["MEA_INGEST_WAIT"]
        err = capsys.readouterr().err
        assert code == 2 and err.count("\n") == 1 and "run this again when it has finished" in err
    assert holder(small_index.index_dir) is None and not (small_index.index_dir / LOCK_NAME).exists()
    assert check(small_index).sound


def test_a_stale_lock_left_by_a_dead_ingest_is_taken_over(small_index: Settings) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    (small_index.index_dir / LOCK_NAME).write_text(json.dumps({"pid": pid, "host": os.uname().nodename,
                                                               "started": "2020-01-01 00:00:00"}))
    assert holder(small_index.index_dir) is None, "a lock file nobody holds is stale"
    report = ingest(small_index, _never)
    assert any(f"stale ingest lock left by pid {pid}" in n for n in report.notes)
    assert not (small_index.index_dir / LOCK_NAME).exists()


def _ingest_process(settings: Settings, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "MEA_INGEST_WAIT": "600"}
    return subprocess.Popen([sys.executable, "-m", "mea_assistant.cli", "ingest", "--corpus", str(settings.corpus_dir),
                             "--index", str(settings.index_dir)], env=env, stdout=log.open("wb"),
                            stderr=subprocess.STDOUT)


def _wait_for(text: str, log: Path, seconds: float = 120.0) -> None:
    deadline = time.time() + seconds
    while text not in (log.read_text() if log.exists() else ""):
        assert time.time() < deadline, f"{log.name} never printed {text!r}"
        time.sleep(0.2)


def test_two_ingests_at_once_leave_one_consistent_index_while_readers_keep_serving(own_corpus: Settings,
                                                                                   tmp_path: Path) -> None:
    reader = Assistant(own_corpus)
    assert reader.search("dugong", k=1)
    old_build = live_build(own_corpus.index_dir)
    shutil.copy(CORPUS / "sharks-mou-2010.txt", own_corpus.corpus_dir / "sharks-mou-2010.txt")
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    # Both start while the index is held, so that they meet at the lock however fast one of them would ingest
    # alone (started together, the first could finish before the second reached the lock): each is seen waiting,
    # then the lock is let go and they race for it.
    procs = []
    with IngestLock(own_corpus.index_dir, wait_s=0):
        for log in logs:
            procs.append(_ingest_process(own_corpus, log))
            _wait_for("waiting up to 600 s for another ingest", log)
    served = 0
    deadline = time.time() + 600
    while any(p.poll() is None for p in procs) and time.time() < deadline:
        assert reader.search("dugong conservation", k=1)[0].doc_id == "dugong-mou-mos3-spms"
        served += 1
        time.sleep(0.5)
    outputs = [log.read_text() for log in logs]
    assert [p.wait(timeout=5) for p in procs] == [0, 0], outputs
    assert served > 0
    assert sum("parsed: sharks-mou-2010" in o for o in outputs) == 1, outputs  # one did the work ...
    assert sum("Nothing changed" in o for o in outputs) == 1, outputs  # ... the other waited, then found it done
    assert any("waiting up to 600 s for another ingest (pid" in o for o in outputs)
    health = check(own_corpus)
    assert health.sound and all(f.ok for f in health.findings), health.lines()
    assert set(Index(own_corpus).documents) == {p.stem for p in own_corpus.corpus_dir.iterdir()}
    assert reader.search("dugong conservation", k=1)[0].doc_id == "dugong-mou-mos3-spms", \
        "a reader opened on the previous build still answers after the switch"
    assert old_build.is_dir()
    assert Assistant(own_corpus).search("sharks conservation memorandum", k=1)[0].doc_id == "sharks-mou-2010"


def test_an_index_from_another_corpus_is_never_replaced_without_asking(small_index: Settings, tmp_path: Path,
                                                                      capsys) -> None:
    other = tmp_path / "other-corpus"
    other.mkdir()
    shutil.copy(CORPUS / "ramsar-convention-1971.md", other / "ramsar-convention-1971.md")
    before = live_build(small_index.index_dir)
    code = main(["ingest", "--corpus", str(other), "--index", str(small_index.index_dir)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "was built from" in err and "--replace" in err
    assert live_build(small_index.index_dir) == before
    assert "ramsar-convention-1971" not in Index(small_index).documents


def test_the_app_plan_serves_what_it_is_given(small_index: Settings, tmp_path: Path) -> None:
    assert start_plan(Settings(corpus_dir=CORPUS, index_dir=tmp_path / "new"))[0], "no index: build one"
    serve = Settings(corpus_dir=CORPUS, index_dir=small_index.index_dir)  # ./corpus, not the one it was built from
    assert start_plan(serve) == (False, f"serving the index in {small_index.index_dir} as it is "
                                        "(MEA_INGEST_ON_START=1 updates it at start)")
    with pytest.raises(MeaError, match="was built from .*; set MEA_CORPUS_DIR to that folder"):
        start_plan(Settings(corpus_dir=CORPUS, index_dir=small_index.index_dir, ingest_on_start=True))
    same = Settings(corpus_dir=small_index.corpus_dir, index_dir=small_index.index_dir, ingest_on_start=True)
    assert start_plan(same)[0]
