"""The `mea-assistant` commands on the session index: output formats and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mea_assistant.cli import COMMANDS, build_parser, main


def test_search_json(built_settings, capsys):
    assert main(["search", "export permit Appendix II", "--k", "3", "--json", "--index", str(built_settings.index_dir)]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(hits) == 3 and set(hits[0]) >= {"doc_id", "ref", "display", "text", "score"}


def test_paragraphs_and_docs(built_settings, capsys):
    assert main(["paragraphs", "cms-cites-jwp-2012-2014", "--json", "--index", str(built_settings.index_dir)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {"doc_id", "ref", "section", "text"} <= set(rows[0]) and any(r["ref"] == "B12" for r in rows)
    assert main(["docs", "--index", str(built_settings.index_dir)]) == 0
    assert "CMS Res. 11.10 (Rev.COP14)" in capsys.readouterr().out


def test_ask_json_is_the_result_format(built_settings, capsys, tmp_path):
    history = tmp_path / "h.json"
    history.write_text(json.dumps([{"role": "user", "content": "What does CITES require to export an Appendix II specimen?"},
                                   {"role": "assistant", "content": "An export permit [1]"}]))
    assert main(["ask", "And for Appendix III?", "--history", str(history), "--json",
                 "--index", str(built_settings.index_dir)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) >= {"rewritten_query", "answer", "abstained", "citations", "retrieved", "latency_ms"}
    assert "Appendix III" in result["rewritten_query"] and "CITES" in result["rewritten_query"]
    for c in result["citations"]:
        assert c["quote"] in c["text"]


def test_expected_errors_are_one_line(tmp_path, capsys):
    assert main(["search", "anything", "--index", str(tmp_path / "none")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: no index") and "Traceback" not in err
    bad = tmp_path / "h.json"
    bad.write_text("{not json")
    assert main(["ask", "x", "--history", str(bad), "--index", str(tmp_path / "none")]) == 2
    assert "h.json" in capsys.readouterr().err


# ----- settings are checked once, at start: one line naming the variable and what it accepts ----------------
ROOT = Path(__file__).resolve().parent.parent

BAD_SETTINGS = [  # one of each kind: a choice, whole and decimal ranges, a port, one field below another, not a number
    ({"MEA_RETRIEVER": "foo"}, "error: MEA_RETRIEVER='foo': use one of hybrid, dense, bm25"),
    ({"MEA_TOP_K": "0"}, "error: MEA_TOP_K='0': use a whole number from 1 to 500"),
    ({"MEA_ABSTAIN_THRESHOLD": "2"}, "error: MEA_ABSTAIN_THRESHOLD='2': use a number from 0 to 1"),
    ({"MEA_PORT": "99999"}, "error: MEA_PORT='99999': use a whole number from 1 to 65535"),
    ({"MEA_CHUNK_OVERLAP": "200"},
     "error: MEA_CHUNK_OVERLAP='200': use a whole number from 0 to 199 (below MEA_CHUNK_TOKENS=200)"),
    ({"MEA_CHUNK_TOKENS": "100", "MEA_CHUNK_OVERLAP": "100"},
     "error: MEA_CHUNK_OVERLAP='100': use a whole number from 0 to 99 (below MEA_CHUNK_TOKENS=100)"),
    ({"MEA_TOP_K": "ten"}, "error: MEA_TOP_K='ten': use a whole number from 1 to 500"),
    ({"MEA_CANDIDATES": "2.5"}, "error: MEA_CANDIDATES='2.5': use a whole number from 1 to 5000"),
    ({"MEA_BM25_WEIGHT": "nan"}, "error: MEA_BM25_WEIGHT='nan': use a number from 0 to 100"),
]


@pytest.mark.parametrize(("env", "line"), BAD_SETTINGS,
                         ids=[" ".join(f"{k}={v}" for k, v in env.items()) for env, _ in BAD_SETTINGS])
def test_a_bad_setting_is_one_line_before_any_work(env, line, monkeypatch, capsys, tmp_path):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    # The index folder does not exist: the settings error must come first, before any index is opened.
    assert main(["search", "export permit", "--index", str(tmp_path / "none")]) == 2
    captured = capsys.readouterr()
    assert captured.err == line + "\n" and captured.out == ""


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **env}
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=full, capture_output=True, text=True, timeout=120)


def test_the_installed_command_and_the_app_print_one_line_for_a_bad_setting(tmp_path):
    cli = _run(["-m", "mea_assistant.cli", "ask", "Who provides the CMS Secretariat?", "--index", str(tmp_path)],
               {"MEA_RETRIEVER": "foo"})
    assert cli.returncode == 2 and cli.stdout == ""
    assert cli.stderr == "error: MEA_RETRIEVER='foo': use one of hybrid, dense, bm25\n"
    app = _run(["app.py"], {"MEA_PORT": "99999", "MEA_INDEX_DIR": str(tmp_path / "idx")})
    assert app.returncode == 2 and "Traceback" not in app.stderr
    assert app.stderr == "error: MEA_PORT='99999': use a whole number from 1 to 65535\n"
    assert not (tmp_path / "idx").exists()  # stopped before building anything


def test_settings_command_shows_what_each_setting_accepts(capsys, monkeypatch):
    monkeypatch.setenv("MEA_TOP_K", "7")
    assert main(["settings"]) == 0
    rows = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert "one of hybrid, dense, bm25" in rows["MEA_RETRIEVER"]
    assert rows["MEA_TOP_K"].split()[1] == "7" and "from 1 to 500" in rows["MEA_TOP_K"]
    assert "from 1 to 65535" in rows["MEA_PORT"] and "from 0 to 1" in rows["MEA_ABSTAIN_THRESHOLD"]
    assert "below MEA_CHUNK_TOKENS" in rows["MEA_CHUNK_OVERLAP"]


def test_usage_mistakes_are_one_line_too(capsys):
    assert main(["search", "x", "--k", "0"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: argument --k: '0' is not a whole number of at least 1")
    assert main(["summarise"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: argument command: invalid choice: 'summarise'")


def test_every_command_has_its_function():
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert set(sub.choices) == set(COMMANDS)
