"""Hostile corpus folders and files: every entry left out has its reason, UTF-16 and UTF-8-BOM text is read,
and an index folder that cannot be written is found before any work is spent (real files, links, FIFOs)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import CORPUS
from mea_assistant.cli import main
from mea_assistant.corpus import scan
from mea_assistant.embedding import get_embedder
from mea_assistant.errors import MeaError
from mea_assistant.index import Index
from mea_assistant.ingest import ingest
from mea_assistant.parsing import parse_file
from mea_assistant.settings import Settings

TEXT = "1. The Parties shall co-operate in the \u201cwise use\u201d of wetlands.\n\n2. Each Party shall report.\n"


def _never() -> None:
    pytest.fail("nothing may be embedded")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_utf16_and_bom_files_are_decoded(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "wetlands-res.txt"
    path.write_bytes(TEXT.encode(encoding))
    doc = parse_file(path)
    assert [p.ref for p in doc.paragraphs] == ["para. 1", "para. 2"]
    assert doc.paragraphs[0].text.startswith("The Parties shall co-operate in the \u201cwise use\u201d")


def _hostile_folder(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "cms-capacity-building-target-9.txt", corpus / "cms-capacity-building-target-9.txt")
    (corpus / "annexes").mkdir()
    (corpus / "annexes" / "annex-1.txt").write_text(TEXT)
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    (corpus / "gone.txt").symlink_to(root / "nowhere.txt")
    (corpus / "linked-res.txt").symlink_to(corpus / "annexes" / "annex-1.txt")  # a link to a file is read
    os.mkfifo(corpus / "pipe.txt")
    (corpus / ".DS_Store").write_bytes(b"\x00\x01")
    (corpus / "README.md").write_text("# The corpus\n")
    (corpus / "photo.png").write_bytes(b"\x89PNG")
    (corpus / "empty.txt").write_bytes(b"")
    with open(os.path.join(os.fsencode(corpus), b"caf\xe9.txt"), "wb") as f:  # a Latin-1 name on a UTF-8 system
        f.write(TEXT.encode())
    return corpus


def test_every_entry_left_out_is_reported_with_its_reason(tmp_path: Path) -> None:
    corpus = _hostile_folder(tmp_path)
    found = scan(corpus)
    assert [p.name for p in found.files] == ["cms-capacity-building-target-9.txt", "empty.txt", "linked-res.txt"]
    reasons = dict(found.skipped)
    assert reasons["annexes"].startswith("a folder: documents in sub-folders are not read")
    assert reasons["loop.txt"] == "a symbolic link that loops back on itself"
    assert reasons["gone.txt"].startswith("a broken symbolic link")
    assert reasons["pipe.txt"] == "a named pipe (FIFO), not a regular file"
    assert reasons[".DS_Store"] == "a hidden or temporary file"
    assert reasons["README.md"].startswith("a README")
    assert reasons["photo.png"].startswith("unsupported file type '.png'")
    assert reasons["caf\ufffd.txt"] == "the file name is not valid UTF-8; rename it"

    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    report = ingest(settings, lambda: get_embedder(settings.embed_model))
    assert set(Index(settings).documents) == {"cms-capacity-building-target-9", "linked-res"}
    summary = report.summary()
    for name in ("annexes", "loop.txt", "gone.txt", "pipe.txt", "caf\ufffd.txt", "empty.txt"):
        assert f"skipped {name}: " in summary
    summary.encode("utf-8")  # printable as it is


def test_a_corpus_with_nothing_to_index_says_why_in_one_line(tmp_path: Path, capsys) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "sub").mkdir()
    os.mkfifo(corpus / "pipe.md")
    (corpus / "scan.pdf").write_bytes(b"%PDF-1.4 nothing")
    code = main(["ingest", "--corpus", str(corpus), "--index", str(tmp_path / "index")])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    err = err.splitlines()[-1]  # after the stage line(s), the error: one line with every reason
    assert err.startswith("error: no document in") and "pipe.md: a named pipe" in err and "sub: a folder" in err
    assert "scan.pdf: " in err


@pytest.mark.parametrize("where", ["a file", "/sys"])
def test_an_index_folder_that_cannot_be_written_is_refused_before_any_work(tmp_path: Path, where: str,
                                                                           capsys) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "res.txt").write_text(TEXT)
    if where == "a file":
        index = tmp_path / "index"
        index.write_text("not a folder")
    else:
        index = Path("/sys/mea-assistant-test-index")  # not writable, even by root
    with pytest.raises(MeaError, match=f"cannot write to the index folder {index}"):
        ingest(Settings(corpus_dir=corpus, index_dir=index), _never)
    assert main(["ingest", "--corpus", str(corpus), "--index", str(index)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "choose another --index" in err


def test_history_files_that_are_not_utf8_or_not_text_are_one_line(built_settings: Settings, tmp_path: Path,
                                                                   capsys) -> None:
    index = str(built_settings.index_dir)
    latin = tmp_path / "latin.json"
    latin.write_bytes('[{"role": "user", "content": "caf\u00e9"}]'.encode("latin-1"))
    assert main(["ask", "What is CITES?", "--history", str(latin), "--index", index]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "latin.json" in err and "Traceback" not in err
    odd = tmp_path / "odd.json"
    odd.write_text(json.dumps([{"role": "user", "content": ["a", "list"]}]))
    assert main(["ask", "And for Appendix III?", "--history", str(odd), "--index", index]) == 2
    err = capsys.readouterr().err
    assert err == "error: history turn 1: content must be text, not list\n"
