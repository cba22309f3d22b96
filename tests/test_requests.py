"""Bounded requests and input hygiene, pure and through the real app over HTTP: a megabyte of history, escape
sequences in a question, non-text history turns, throttled sign-ins and closed uploads."""

from __future__ import annotations

import json
import random
import socket
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from mea_assistant import ui
from mea_assistant.assistant import Assistant
from mea_assistant.errors import InputError, MeaError
from mea_assistant.hygiene import bound_history, clean_question, clean_text
from mea_assistant.settings import Settings
from mea_assistant.throttle import FailedLogins

QUESTION = "What does CITES require to export a specimen of an Appendix II species?"
FOLLOW_UP = "And for Appendix III?"


# ----- pure ------------------------------------------------------------------------------------------------------
def test_escapes_and_control_characters_are_stripped() -> None:
    typed = "\x1b[1;31mWhat does\x1b[0m CITES\x07 say?\x1b]0;window title\x07\u202e\x00 \x9b2J"
    assert clean_text(typed) == "What does CITES say? "
    assert clean_question(typed, 2000) == "What does CITES say?"
    assert clean_text("line one\nline\ttwo") == "line one\nline\ttwo"


def test_history_keeps_the_latest_turns_within_both_bounds() -> None:
    turns = [{"role": "user" if i % 2 == 0 else "assistant", "content": f"turn {i} " + "w" * 90} for i in range(30)]
    kept, dropped = bound_history(turns, max_turns=6, max_chars=10_000)
    assert dropped == 24 and [t["content"][:7] for t in kept] == [f"turn {i}"[:7] for i in range(24, 30)]
    kept, dropped = bound_history(turns, max_turns=20, max_chars=350)
    assert dropped == 27 and kept[-1] == turns[-1]
    kept, dropped = bound_history([{"role": "user", "content": "old " + "x" * 500 + " newest words"}], 20, 100)
    assert dropped == 0 and kept[0]["content"].endswith("newest words") and len(kept[0]["content"]) == 100
    assert bound_history([], 20, 100) == ([], 0) and bound_history(None, 20, 100) == ([], 0)


@pytest.mark.parametrize("history,message", [
    ([{"role": "user", "content": ["a", "list"]}], "history turn 1: content must be text, not list"),
    ([{"role": "user", "content": "ok"}, {"role": "user", "content": None}], "history turn 2: content must be text"),
    ([{"role": "system", "content": "x"}], 'role must be "user" or "assistant"'),
    (["just a string"], "history turn 1 is a str"),
    ("not a list", "the history must be a list"),
])
def test_bad_history_is_one_clear_error(history: Any, message: str) -> None:
    with pytest.raises(InputError, match=message):
        bound_history(history, 20, 20_000)


def test_a_huge_question_is_refused_without_reading_it() -> None:
    started = time.perf_counter()
    with pytest.raises(InputError, match="the question has 50000000 characters; the limit is 2000"):
        clean_question("x" * 50_000_000, 2000)
    assert time.perf_counter() - started < 5
    with pytest.raises(InputError, match="empty"):
        clean_question("\x1b[0m\x00 ", 2000)


def test_a_login_file_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    users = tmp_path / "users.txt"
    users.write_bytes("d\u00e9l\u00e9gu\u00e9:secret\n".encode("latin-1"))
    with pytest.raises(MeaError, match="cannot read the login file"):
        ui.parse_auth(str(users))


def test_failed_logins_are_counted_per_client_in_a_sliding_window() -> None:
    now = [1000.0]
    failures = FailedLogins(limit=3, window_s=60, clock=lambda: now[0])
    for _ in range(3):
        assert failures.wait_for("10.0.0.1") == 0
        failures.failed("10.0.0.1")
    assert failures.wait_for("10.0.0.1") == 60 and failures.wait_for("10.0.0.2") == 0
    now[0] += 61
    assert failures.wait_for("10.0.0.1") == 0
    failures.failed("10.0.0.2")
    failures.succeeded("10.0.0.2")
    assert failures.wait_for("10.0.0.2") == 0


# ----- through the assistant and the running app -------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(assistant: Assistant, **settings: Any) -> tuple[Any, str]:
    demo = ui.build_app(assistant)
    _, url, _ = ui.launch(demo, Settings(host="127.0.0.1", **settings), port=_free_port(), prevent_thread_lock=True,
                          quiet=True)
    return demo, url


def _client(url: str, auth: tuple[str, str] | None = None) -> Any:
    from gradio_client import Client

    return Client(url, verbose=False, analytics_enabled=False, download_files=False, auth=auth)


@pytest.fixture(scope="module")
def app_url(assistant: Assistant) -> Iterator[str]:
    demo, url = _start(assistant)
    yield url
    demo.close()


def _megabyte_history() -> list[dict[str, str]]:
    """About 1 MB of varied words over 500 turns: the shape that held a CPU for minutes before the bounds."""
    words = [w for w in (Path(__file__).parent.parent / "corpus" / "cites-convention-1973.md").read_text().split()
             if w.isalpha()]
    rng = random.Random(13)
    turns = []
    for i in range(500):
        text = " ".join(rng.choice(words) + str(rng.randrange(10_000)) for _ in range(250))
        turns.append({"role": "user" if i % 2 == 0 else "assistant", "content": text[:2100]})
    turns += [{"role": "user", "content": QUESTION}, {"role": "assistant", "content": "An export permit [1]."}]
    return turns


@pytest.mark.slow
def test_a_megabyte_of_history_is_answered_within_bounds_and_the_next_question_is_not_held(app_url: str) -> None:
    api = _client(app_url)
    baseline = api.predict(QUESTION, "[]", api_name="/ask")
    history = json.dumps(_megabyte_history())
    assert len(history) > 1_000_000
    started = time.perf_counter()
    big = api.submit(FOLLOW_UP, history, api_name="/ask")
    other = _client(app_url).submit(QUESTION, "[]", api_name="/ask")  # asked meanwhile by someone else
    result = big.result(timeout=30)
    big_s = time.perf_counter() - started
    assert 502 - 20 <= result["history_dropped"] < 502 and "earlier turns" in result["note"]
    assert "CITES" in result["rewritten_query"], "the latest turns were the ones read"
    meanwhile = other.result(timeout=30)
    after = api.predict(QUESTION, "[]", api_name="/ask")
    for answer in (meanwhile, after):
        assert [c["display"] for c in answer["citations"]] == [c["display"] for c in baseline["citations"]]
    print(f"1 MB history answered in {big_s:.1f} s; the same question before/after: "
          f"{baseline['latency_ms']:.0f}/{after['latency_ms']:.0f} ms")


@pytest.mark.slow
def test_escape_sequences_in_a_question_change_nothing(assistant: Assistant) -> None:
    clean = assistant.ask(QUESTION)
    dirty = assistant.ask(f"\x1b[1m\x1b[31m{QUESTION[:20]}\x1b[0m{QUESTION[20:]}\x07")
    assert not dirty.abstained and dirty.question == QUESTION
    assert [c.display for c in dirty.citations] == [c.display for c in clean.citations]


@pytest.mark.slow
@pytest.mark.parametrize("question,history,message", [
    ("x" * 1_000_000, "[]", "the question has 1000000 characters"),
    (FOLLOW_UP, json.dumps([{"role": "user", "content": {"nested": "object"}}]), "JSON list"),
])
def test_hostile_requests_get_one_clear_refusal(app_url: str, question: str, history: str, message: str) -> None:
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match=message):
        _client(app_url).submit(question, history, api_name="/ask").result(timeout=30)


@pytest.mark.slow
def test_uploads_are_closed(app_url: str, assistant: Assistant) -> None:
    import httpx

    payload = {"files": ("notes.bin", b"\x00" * (20 * 1024 * 1024), "application/octet-stream")}
    response = httpx.post(f"{app_url.rstrip('/')}/gradio_api/upload", files=payload, timeout=60)
    assert response.status_code == 413, response.text[:200]
    demo, url = _start(assistant, auth="delegate:s3cret")
    try:
        response = httpx.post(f"{url.rstrip('/')}/gradio_api/upload", files=payload, timeout=60)
        assert response.status_code == 401
    finally:
        demo.close()


@pytest.mark.slow
def test_failed_sign_ins_are_throttled_per_client(assistant: Assistant) -> None:
    import httpx

    demo, url = _start(assistant, auth="delegate:s3cret", login_attempts=3)
    login = f"{url.rstrip('/')}/login"
    try:
        for _ in range(3):
            assert httpx.post(login, data={"username": "delegate", "password": "guess"}).status_code == 400
        refused = httpx.post(login, data={"username": "delegate", "password": "s3cret"})
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0
        assert "Too many failed sign-ins" in refused.text
        elsewhere = {"X-Forwarded-For": "10.9.8.7"}  # another client behind the local proxy
        assert httpx.post(login, data={"username": "delegate", "password": "s3cret"},
                          headers=elsewhere).status_code == 200
        with pytest.raises(Exception):
            _client(url, auth=("delegate", "s3cret"))  # the throttled address, even with the right password
    finally:
        demo.close()
