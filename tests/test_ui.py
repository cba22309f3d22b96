"""The Gradio app end to end (real server on loopback, gradio_client), its renderers, and HTML injection."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any, Iterator

import pytest

from mea_assistant import ui
from mea_assistant.assistant import Assistant
from mea_assistant.errors import InputError, MeaError
from mea_assistant.export import answer_html, pending_message, question_html, sources_html
from mea_assistant.note_export import note_html
from mea_assistant.settings import Settings

pytestmark = pytest.mark.slow
QUESTION = "What does CITES require to export a specimen of an Appendix II species?"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(assistant: Assistant, auth: str = "") -> tuple[Any, str]:
    demo = ui.build_app(assistant)
    settings = Settings(host="127.0.0.1", auth=auth)
    _, url, _ = ui.launch(demo, settings, port=free_port(), prevent_thread_lock=True, quiet=True)
    return demo, url


def client(url: str, tmp: Path, auth: tuple[str, str] | None = None) -> Any:
    from gradio_client import Client

    return Client(url, verbose=False, analytics_enabled=False, download_files=str(tmp), auth=auth)


@pytest.fixture(scope="module")
def app_url(assistant: Assistant) -> Iterator[str]:
    demo, url = start(assistant)
    yield url
    demo.close()


@pytest.fixture(scope="module")
def api(app_url: str, tmp_path_factory: pytest.TempPathFactory) -> Any:
    return client(app_url, tmp_path_factory.mktemp("downloads"))


# ----- through the running app ------------------------------------------------------------------------------
def test_ask_endpoint_returns_the_result_object(api: Any) -> None:
    result = api.predict(QUESTION, "[]", api_name="/ask")
    assert set(result) >= {"question", "rewritten_query", "answer", "abstained", "citations", "retrieved",
                           "latency_ms"}
    assert not result["abstained"] and len(result["citations"]) >= 1
    first = result["citations"][0]
    assert f"[{first['marker']}]" in result["answer"]
    assert first["quote"] in first["text"]
    assert any(c["doc_id"] == "cites-convention-1973" for c in result["citations"])


def test_ask_endpoint_takes_the_filters_of_the_ask_tab(api: Any) -> None:
    cms = api.predict("What must Range States do for migratory species?", "[]", ["CMS"], [], api_name="/ask")
    assert cms["citations"] and all(c["doc_id"].startswith("cms-") for c in cms["citations"])
    treaties = api.predict(QUESTION, "[]", "CITES", "convention", api_name="/ask")
    assert treaties["citations"] and all(c["doc_id"] == "cites-convention-1973" for c in treaties["citations"])
    assert "score" in treaties["citations"][0], "scores stay in the API's result"
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="unknown WWF"):
        api.predict(QUESTION, "[]", ["WWF"], [], api_name="/ask")


def test_follow_up_uses_the_history(api: Any) -> None:
    first = api.predict(QUESTION, "", api_name="/ask")
    history = [{"role": "user", "content": QUESTION}, {"role": "assistant", "content": first["answer"]}]
    result = api.predict("And for Appendix III?", json.dumps(history), api_name="/ask")
    assert result["rewritten_query"] != "And for Appendix III?", "the follow-up was made standalone"
    assert "CITES" in result["rewritten_query"]
    assert len(result["citations"]) >= 1


@pytest.mark.parametrize("question,history,message", [
    ("x" * 2001, "[]", "limit is 2000"),
    ("", "[]", "empty"),
    ("What is CITES?", "{not json", "not valid JSON"),
    ("What is CITES?", '[{"role": "system", "content": "x"}]', "JSON list"),
])
def test_bad_requests_get_a_clear_error(api: Any, question: str, history: str, message: str) -> None:
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match=message):
        api.predict(question, history, api_name="/ask")


def test_briefing_note_downloads_through_the_app(api: Any) -> None:
    import docx

    html, docx_path, md_path = api.predict("cooperation between CMS and CITES", [], [], api_name="/brief")
    assert "<h3>References</h3>" in html
    assert Path(docx_path).suffix == ".docx" and Path(md_path).suffix == ".md"
    document = docx.Document(docx_path)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "References" in headings and "Summary" in headings and "Open points" in headings
    refs = [p.text for p in document.paragraphs if p.text.startswith("[1] ")]
    assert refs, "the numbered references are in the Word file"
    markdown = Path(md_path).read_text(encoding="utf-8")
    assert "## References" in markdown and "\n[1] " in markdown


def test_login_is_required_when_auth_is_set(assistant: Assistant, tmp_path: Path) -> None:
    demo, url = start(assistant, auth="delegate:s3cret:with-colon")
    try:
        with pytest.raises(Exception):
            client(url, tmp_path)
        result = client(url, tmp_path, auth=("delegate", "s3cret:with-colon")).predict(QUESTION, "[]",
                                                                                       api_name="/ask")
        assert result["citations"]
    finally:
        demo.close()


def test_chatbot_renders_no_markdown_or_raw_html(assistant: Assistant) -> None:
    demo = ui.build_app(assistant)
    config = demo.get_config_file()
    chatbots = [c["props"] for c in config["components"] if c.get("type") == "chatbot"]
    assert chatbots and all(p["render_markdown"] is False and p["sanitize_html"] is True for p in chatbots)
    names = {d.get("api_name") for d in config["dependencies"] if d.get("api_visibility", "public") == "public"}
    assert {"ask", "brief"} <= names


# ----- the chat handler and renderers -------------------------------------------------------------------------
def test_chat_turns_link_markers_to_source_cards(assistant: Assistant) -> None:
    turns = ui.chat_turn(assistant, QUESTION, [])
    assert turns is not None
    turns = ui.chat_turn(assistant, "And for Appendix III?", turns)
    assert turns is not None and len(turns) == 2
    messages, panel, copy_text = ui.render_chat(turns)
    assert [m["role"] for m in messages] == ["user", "assistant"] * 2
    for turn, result in enumerate(turns, 1):
        for c in result["citations"]:
            anchor = f"src-{turn}-{c['marker']}"
            assert f'href="#{anchor}"' in messages[2 * turn - 1]["content"]
            assert f'id="{anchor}"' in panel and f'<a href="#{anchor}">' in panel  # marker and source list
    # the follow-up is searched as the earlier question asked of Appendix III (conversation._slot_swapped)
    assert ("Searched for: <em>What does CITES require to export a specimen of an Appendix III species?"
            in messages[3]["content"])
    assert "<mark>" in panel
    assert panel.index("Q2:") < panel.index("Q1:"), "the newest answer's sources come first"
    assert copy_text.startswith(turns[1]["answer"].split("\n")[0].replace("**", "")[:20])
    assert "\nSources:\n[1] " in copy_text and "**" not in copy_text


def test_the_lead_comes_first_and_no_score_is_shown(assistant: Assistant) -> None:
    turns = ui.chat_turn(assistant, QUESTION, [])
    assert turns is not None and turns[0]["lead"]
    messages, panel, _ = ui.render_chat(turns)
    answer = messages[1]["content"]
    assert answer.startswith('<div class="mea-answer"><p class="mea-lead">')
    assert 'href="#src-1-1"' in answer.split("</p>")[0], "the lead cites its source"
    assert "score" not in answer.lower() and "score" not in panel.lower()
    waiting = pending_message(turns, "And for Appendix III?")
    assert [m["role"] for m in waiting] == ["user", "assistant"] * 2 and "mea-pending" in waiting[-1]["content"]


def test_the_question_box_sends_on_enter(assistant: Assistant) -> None:
    """Gradio sends a one-line textbox on Enter and leaves Shift+Enter to make a new line (lines > 1 would
    do the opposite); the box still grows to several lines."""
    config = ui.build_app(assistant).get_config_file()
    box = next(c["props"] for c in config["components"] if c["props"].get("elem_id") == "mea-question")
    assert box["lines"] == 1 and box["max_lines"] > 1


def test_empty_question_is_ignored_and_long_one_refused(assistant: Assistant) -> None:
    assert ui.chat_turn(assistant, "   ", []) is None
    with pytest.raises(InputError, match="limit is 2000"):
        ui.chat_turn(assistant, "why " * 600, [])


def test_abstention_is_shown_with_possibly_related_paragraphs(assistant: Assistant) -> None:
    turns = ui.chat_turn(assistant, "What is the current population of African elephants in 2025?", [])
    assert turns is not None and turns[0]["abstained"]
    messages, panel, _ = ui.render_chat(turns)
    assert "No answer:" in messages[1]["content"]
    if turns[0]["related"]:
        assert "Possibly related (not cited)" in messages[1]["content"] and 'id="rel-1-1"' in panel


# ----- launch settings ----------------------------------------------------------------------------------------
def test_parse_auth(tmp_path: Path) -> None:
    assert ui.parse_auth("") is None
    assert ui.parse_auth("alice:pa:ss") == [("alice", "pa:ss")]
    users = tmp_path / "users.txt"
    users.write_text("# delegates\nalice:one\n\nbob:two\n", encoding="utf-8")
    assert ui.parse_auth(str(users)) == [("alice", "one"), ("bob", "two")]
    users.write_text("alice\n", encoding="utf-8")
    with pytest.raises(MeaError, match="line 1"):
        ui.parse_auth(str(users))
    with pytest.raises(MeaError):
        ui.parse_auth("no-colon")


def test_non_loopback_without_login_warns(capsys: pytest.CaptureFixture[str]) -> None:
    assert ui.is_loopback("127.0.0.1") and ui.is_loopback("::1") and ui.is_loopback("localhost")
    assert not ui.is_loopback("0.0.0.0") and not ui.is_loopback("10.1.2.3")

    class FakeDemo:
        def launch(self, **kwargs: Any) -> dict[str, Any]:
            return kwargs

    kwargs = ui.launch(FakeDemo(), Settings(host="0.0.0.0", port=7999))  # type: ignore[arg-type]
    assert "without a login" in capsys.readouterr().err
    assert kwargs["share"] is False and kwargs["server_name"] == "0.0.0.0" and kwargs["auth"] is None
    ui.launch(FakeDemo(), Settings(host="0.0.0.0", auth="a:b"))  # type: ignore[arg-type]
    assert capsys.readouterr().err == ""


# ----- injection ----------------------------------------------------------------------------------------------
EVIL_DOC = """AGREEMENT ON THE CONSERVATION OF THE PURPLE WOMBAT

The Parties to this Agreement,

Article 1
Protection

1. The Parties shall protect the purple wombat and its burrows <script>alert(1)</script> throughout its range.

2. Each Party shall report on the purple wombat <img src=x onerror=alert(1)> to the Meeting of the Parties every
three years.
"""


@pytest.fixture(scope="module")
def evil_assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """A one-document index whose paragraphs carry markup, the kind a scraped or hostile source could contain."""
    root = tmp_path_factory.mktemp("evil")
    (root / "corpus").mkdir()
    (root / "corpus" / "wombat-agreement-2020.txt").write_text(EVIL_DOC, encoding="utf-8")
    assistant = Assistant(Settings(corpus_dir=root / "corpus", index_dir=root / "idx"))
    assistant.ingest()
    return assistant


def assert_inert(html: str) -> None:
    """No element from the text: markup and links only appear escaped, as characters."""
    lowered = html.lower()
    assert "<script" not in lowered and "<img" not in lowered
    assert 'href="javascript' not in lowered and "href='javascript" not in lowered


def test_markup_in_paragraphs_and_questions_is_shown_as_text(evil_assistant: Assistant) -> None:
    question = "How must Parties protect the purple wombat? <script>alert(2)</script> [the annex](javascript:alert(3))"
    turns = ui.chat_turn(evil_assistant, question, [])
    turns = ui.chat_turn(evil_assistant, "How do Parties report on the purple wombat?", turns or [])
    assert turns
    messages, panel, _ = ui.render_chat(turns)
    texts = [c["text"] for r in turns for c in r["citations"]] + [h["text"] for r in turns for h in r["related"]]
    assert any("<script>alert(1)</script>" in t for t in texts), "the paragraph was retrieved"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in panel
    assert "&lt;img src=x onerror=alert(1)&gt;" in panel
    for html in [panel, *(m["content"] for m in messages)]:
        assert_inert(html)
    assert "&lt;script&gt;alert(2)&lt;/script&gt; [the annex](javascript:alert(3))" in messages[0]["content"]


def test_renderers_escape_everything() -> None:
    evil = '<script>alert(1)</script><img src=x onerror=alert(1)>"\' [x](javascript:alert(1))'
    result = {"question": evil, "rewritten_query": evil, "answer": f"**{evil}**\n- {evil} [1]", "abstained": False,
              "citations": [{"marker": 1, "doc_id": "d", "ref": evil, "display": evil, "quote": "alert(1)",
                             "text": evil, "score": 0.5, "section": evil}], "related": [], "retrieved": []}
    for html in (question_html(evil), answer_html(result, 1), sources_html([result])):
        assert_inert(html)
        assert "&lt;script&gt;" in html
    assert "<mark>alert(1)</mark>" in sources_html([result])


def test_note_html_escapes_corpus_text(evil_assistant: Assistant) -> None:
    from mea_assistant.briefing import build_note

    note = build_note(evil_assistant, "protection of the purple wombat")
    assert any("<script>" in r.text or "<img" in r.text for r in note.references)
    html = note_html(note)
    assert_inert(html)
    assert "&lt;" in html
