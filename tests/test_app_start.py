"""`python app.py` as an operator runs it: on an index built from another corpus it serves that index unchanged,
and SIGTERM stops it with its temporary files removed (a real process, real HTTP)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SMALL
from mea_assistant.builds import live_build
from mea_assistant.index import Index
from mea_assistant.settings import Settings

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEA_")}  # no MEA_CORPUS_DIR: ./corpus is near
    env.update({"PYTHONPATH": str(ROOT / "src"), "TMPDIR": str(tmp_path / "tmp"),
                "GRADIO_TEMP_DIR": str(tmp_path / "gradio"), **extra})
    (tmp_path / "tmp").mkdir(exist_ok=True)
    return env


def test_the_app_serves_an_index_from_another_corpus_and_cleans_up_on_sigterm(small_index: Settings,
                                                                               tmp_path: Path) -> None:
    import httpx
    from gradio_client import Client

    build, documents = live_build(small_index.index_dir), set(Index(small_index).documents)
    port = _free_port()
    log = tmp_path / "app.log"
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, stdout=log.open("wb"), stderr=subprocess.STDOUT,
                            env=_env(tmp_path, MEA_INDEX_DIR=str(small_index.index_dir), MEA_PORT=str(port)))
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.time() + 600
        while time.time() < deadline and proc.poll() is None:
            try:
                if httpx.get(url, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(1)
        assert proc.poll() is None, log.read_text()
        client = Client(url, verbose=False, analytics_enabled=False, download_files=str(tmp_path / "downloads"))
        result = client.predict("What does the Dugong MOU ask the Signatories to do?", "[]", api_name="/ask")
        assert result["citations"] and {c["doc_id"] for c in result["citations"]} <= {Path(n).stem for n in SMALL}
        client.predict("dugong conservation", [], [], api_name="/brief")
        assert list((tmp_path / "tmp").glob("mea-notes-*/*/briefing-*.docx")), "the note was written"
    finally:
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=60)
    output = log.read_text()
    assert code == 0, output
    assert f"serving the index in {small_index.index_dir} as it is" in output
    assert live_build(small_index.index_dir) == build, "the index was not rebuilt from ./corpus"
    assert set(Index(small_index).documents) == documents
    assert not list((tmp_path / "tmp").glob("mea-notes-*")), "the note folder is removed on SIGTERM"
    assert not list((tmp_path / "gradio").rglob("briefing-*")), "Gradio's copies are removed too"


def test_ingest_on_start_refuses_an_index_from_another_corpus_in_one_line(small_index: Settings,
                                                                          tmp_path: Path) -> None:
    build = live_build(small_index.index_dir)
    done = subprocess.run([sys.executable, "app.py"], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env=_env(tmp_path, MEA_INDEX_DIR=str(small_index.index_dir), MEA_INGEST_ON_START="1"))
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith("error: MEA_INGEST_ON_START is set, but the index in ")
    assert "set MEA_CORPUS_DIR to that folder" in done.stderr
    assert live_build(small_index.index_dir) == build
