"""The `mea-assistant` commands on the session index: output formats and one-line errors."""

from __future__ import annotations

import json

from mea_assistant.cli import main


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
