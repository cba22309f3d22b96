"""Vectors on a real Chroma server (`chroma run`, MEA_CHROMA_URL): ingest, search, restart the server, search again
with nothing lost; a re-ingest writes new collections while the old ones keep serving; a server that is down is
one clear line. BM25, documents and the manifest stay in the index folder."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from mea_assistant.assistant import Assistant
from mea_assistant.errors import StoreError
from mea_assistant.health import check
from mea_assistant.index import read_manifest
from mea_assistant.settings import Settings

CHROMA = Path(sys.executable).parent / "chroma"
QUESTION = "dugong conservation and management plan"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ChromaServer:
    """One `chroma run` process on a loopback port, restartable on the same folder and port."""

    def __init__(self, path: Path) -> None:
        self.path, self.port = path, _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
        self.process = subprocess.Popen([str(CHROMA), "run", "--path", str(self.path), "--host", "127.0.0.1",
                                         "--port", str(self.port)], env=env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "chroma run exited at start"
            try:
                urllib.request.urlopen(f"{self.url}/api/v2/heartbeat", timeout=1).read()
                return
            except OSError:
                time.sleep(0.2)
        raise AssertionError("chroma run did not answer within 60 s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None

    def collections(self) -> set[str]:
        url = f"{self.url}/api/v2/tenants/default_tenant/databases/default_database/collections"
        return {c["name"] for c in json.loads(urllib.request.urlopen(url, timeout=10).read())}


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[ChromaServer]:
    if not CHROMA.is_file():
        pytest.skip(f"the chroma CLI is not installed beside {sys.executable}")
    server = ChromaServer(tmp_path / "chroma-server")
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _team_index(small_built: Settings, tmp_path: Path, url: str) -> Settings:
    """A fresh index folder over a copy of the small corpus, with the small index's vector cache (so nothing is
    embedded again: this test is about where the vectors go, not how they are made)."""
    corpus = tmp_path / "corpus"
    shutil.copytree(small_built.corpus_dir, corpus)
    index = tmp_path / "index"
    shutil.copytree(small_built.index_dir / "cache", index / "cache")
    return Settings(corpus_dir=corpus, index_dir=index, chroma_url=url)


def _refs(assistant: Assistant) -> list[tuple[str, str]]:
    return [(h.doc_id, h.ref) for h in assistant.search(QUESTION, k=8)]


@pytest.mark.slow
def test_vectors_on_a_chroma_server_survive_a_restart(small_built: Settings, chroma_server: ChromaServer,
                                                      tmp_path: Path):
    settings = _team_index(small_built, tmp_path, chroma_server.url)
    report = Assistant(settings).ingest()
    assert report.embedded == 0 and report.chunks > 0
    manifest = read_manifest(settings.index_dir)
    assert manifest is not None
    store = manifest["vector_store"]
    assert store["server"] == chroma_server.url
    assert set(store["collections"].values()) == chroma_server.collections()
    build = settings.index_dir / "builds" / (settings.index_dir / "CURRENT").read_text().strip()
    assert not (build / "chroma").exists()  # no vectors in the folder: they are on the server
    assert (build / "bm25").is_dir()  # BM25 stays beside the manifest

    first = Assistant(settings)
    before = _refs(first)
    assert before and {d for d, _ in before} <= {p.stem for p in settings.corpus_dir.iterdir()}
    answer = first.ask("What does the Dugong MOU ask the Signatories to do?")
    assert answer.citations and not answer.abstained

    chroma_server.stop()
    with pytest.raises(StoreError, match=r"^cannot reach the Chroma server at http://127\.0\.0\.1:\d+ "):
        Assistant(settings).search(QUESTION)
    chroma_server.start()

    assert _refs(Assistant(settings)) == before  # nothing lost: the same hits in the same order
    assert check(settings).sound


@pytest.mark.slow
def test_a_new_ingest_writes_new_collections_and_the_serving_ones_keep_answering(
        small_built: Settings, chroma_server: ChromaServer, tmp_path: Path):
    settings = _team_index(small_built, tmp_path, chroma_server.url)
    Assistant(settings).ingest()
    first_names = set(read_manifest(settings.index_dir)["vector_store"]["collections"].values())  # type: ignore[index]
    serving = Assistant(settings)
    before = _refs(serving)

    dropped = sorted(settings.corpus_dir.iterdir())[0]
    dropped.unlink()
    Assistant(settings).ingest()
    second_names = set(read_manifest(settings.index_dir)["vector_store"]["collections"].values())  # type: ignore[index]
    assert first_names.isdisjoint(second_names)
    assert chroma_server.collections() == first_names | second_names  # the previous build is kept for readers
    assert _refs(serving) == before  # a process that opened the old build still reads it whole
    assert dropped.stem not in {d for d, _ in _refs(Assistant(settings))}

    (settings.corpus_dir / dropped.name).write_bytes((small_built.corpus_dir / dropped.name).read_bytes())
    Assistant(settings).ingest()
    third_names = set(read_manifest(settings.index_dir)["vector_store"]["collections"].values())  # type: ignore[index]
    assert chroma_server.collections() == second_names | third_names  # the oldest build's collections deleted


def test_a_malformed_chroma_url_is_one_line_from_the_cli():
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEA_")}
    env.update(PYTHONPATH=str(Path(__file__).resolve().parent.parent / "src"), MEA_CHROMA_URL="localhost:8000")
    done = subprocess.run([sys.executable, "-m", "mea_assistant.cli", "ask", "anything"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip().startswith("error: MEA_CHROMA_URL='localhost:8000': use an http:// or https:// URL")
