"""The app in a real browser: type a question and press Enter, see the cited lead, click a marker, see the
paragraph; a follow-up keeps the context; the conversation becomes a briefing note downloaded as Word.

Needs the `playwright` Python package and a Chromium binary (Debian: `apt-get install chromium`; the path
can be changed with CHROMIUM_PATH). Playwright's own browser download is not used. Skipped when either is
missing (a failure under CI=true, where .ci/run installs it). Screenshots are saved under the test's tmp_path and
their paths printed (`pytest -s`); SAVE_CHAT_SCREENSHOT=1 also refreshes docs/screenshot-chat.png for the README.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Any, Iterator

import pytest

from mea_assistant import ui
from mea_assistant.assistant import Assistant
from mea_assistant.settings import Settings

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: pip install playwright")
if not CHROMIUM.exists():
    if os.environ.get("CI"):  # CI installs it (.ci/run): a missing browser there is a failure, not a skip
        pytest.fail(f"no Chromium at {CHROMIUM} in CI: .ci/run installs it with apt-get install chromium",
                    pytrace=False)
    pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)",
                allow_module_level=True)

pytestmark = pytest.mark.slow
QUESTION = "What does CITES require to export a specimen of an Appendix II species?"
TIMEOUT_MS = 60_000


def serve(assistant: Assistant) -> tuple[Any, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    demo = ui.build_app(assistant)
    _, url, _ = ui.launch(demo, Settings(host="127.0.0.1"), port=port, prevent_thread_lock=True, quiet=True)
    return demo, url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(TIMEOUT_MS)
    yield pg
    context.close()


# Records whether the chat ever showed its "searching" line: a fast (cached) answer may replace it before a poll.
SEE_PENDING = """() => { window.meaSawPending = false;
  new MutationObserver(() => { if (document.querySelector('#mea-chat .mea-pending')) window.meaSawPending = true; })
    .observe(document.body, {subtree: true, childList: true, characterData: true}); }"""


def ask_in_page(page: Any, url: str, question: str) -> None:
    page.goto(url)
    box = page.locator("#mea-question textarea")
    box.fill(question)
    box.press("Enter")
    page.locator("#mea-chat .mea-query").first.wait_for(state="visible")


def test_enter_sends_a_cited_lead_and_a_follow_up_keeps_context(assistant: Assistant, page: Any,
                                                                 tmp_path: Path) -> None:
    demo, url = serve(assistant)
    try:
        page.goto(url)
        box = page.locator("#mea-question textarea")
        box.fill("first line")
        box.press("Shift+Enter")
        box.type("second line")
        assert box.input_value() == "first line\nsecond line", "Shift+Enter makes a new line"
        assert page.locator("#mea-chat .mea-lead").count() == 0, "... and sends nothing"
        page.evaluate(SEE_PENDING)
        box.fill(QUESTION)
        box.press("Enter")
        lead = page.locator("#mea-chat .mea-lead").first
        lead.wait_for(state="visible")
        assert page.evaluate("window.meaSawPending"), "a searching state was shown while the answer was built"
        assert box.input_value() == "", "the box is emptied once the question is sent"
        marker = lead.locator("a.mea-marker").first
        assert marker.inner_text() == "[1]", "the lead sentence comes first and is cited"
        assert "Appendix II" in lead.inner_text() or "export" in lead.inner_text()
        card = page.locator("#src-1-1")
        assert "CITES Convention" in card.inner_text()
        assert page.locator("#mea-sources-panel mark").first.is_visible(), "the quoted words are highlighted"
        assert "score" not in (page.locator("#mea-chat").inner_text() + card.inner_text()).lower()
        marker.click()
        page.wait_for_function("location.hash === '#src-1-1'")
        assert card.is_visible() and card.evaluate("el => el.matches(':target')")
        box.fill("And for Appendix III?")
        box.press("Enter")
        page.locator("#mea-chat .mea-lead").nth(1).wait_for(state="visible")
        searched = page.locator("#mea-chat .mea-query").nth(1).inner_text()
        assert "CITES" in searched and "Appendix III" in searched, f"the follow-up kept its context: {searched}"
        assert page.locator("#src-2-1").count() == 1
        copy_text = page.locator("#mea-copy textarea").input_value()
        assert "Sources:" in copy_text and "[1] CITES Convention" in copy_text
        shot = tmp_path / "chat.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        if os.environ.get("SAVE_CHAT_SCREENSHOT"):  # refresh docs/screenshot-chat.png for the README
            page.screenshot(path=str(Path(__file__).resolve().parent.parent / "docs" / "screenshot-chat.png"))
        print(f"screenshot: {shot}")
    finally:
        demo.close()


def test_the_conversation_becomes_a_briefing_note_downloaded_as_word(assistant: Assistant, page: Any,
                                                                    tmp_path: Path) -> None:
    import docx

    demo, url = serve(assistant)
    try:
        ask_in_page(page, url, "What must Parties report under CITES?")
        page.locator("#mea-to-brief").click()
        topic = page.locator("#mea-topic textarea")
        page.wait_for_function("(document.querySelector('#mea-topic textarea')?.value || '').includes('CITES')")
        assert topic.is_visible(), "the Briefing tab is open"
        page.locator("#mea-note .mea-refs li").first.wait_for(state="visible")
        note = page.locator("#mea-note").inner_text()
        for heading in ("Summary", "By instrument", "Open points", "References"):
            assert heading in note
        link = page.locator("a[href$='.docx']").first
        link.wait_for(state="attached")
        with page.expect_download() as info:
            link.click()
        path = tmp_path / "note.docx"
        info.value.save_as(str(path))
        document = docx.Document(str(path))
        headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
        assert "Summary" in headings and "References" in headings
        assert any(p.text.startswith("[1] ") for p in document.paragraphs)
        page.screenshot(path=str(tmp_path / "briefing.png"), full_page=True)
        print(f"screenshot: {tmp_path / 'briefing.png'}")
    finally:
        demo.close()


EVIL_DOC = """AGREEMENT ON THE CONSERVATION OF THE PURPLE WOMBAT

Article 1
Protection

1. The Parties shall protect the purple wombat and its burrows <script>alert(1)</script> throughout its range.

2. Each Party shall report on the purple wombat <img src=x onerror=alert(1)> to the Meeting of the Parties.
"""


def test_markup_from_documents_and_questions_never_runs(page: Any, tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "wombat-agreement-2020.txt").write_text(EVIL_DOC, encoding="utf-8")
    evil = Assistant(Settings(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "idx"))
    evil.ingest()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    demo, url = serve(evil)
    try:
        ask_in_page(page, url, "How must Parties protect the purple wombat? <img src=y onerror=alert(2)> "
                               "[annex](javascript:alert(3))")
        page.wait_for_timeout(500)
        panel = page.locator("#mea-sources-panel").inner_text()
        chat = page.locator("#mea-chat").inner_text()
        assert "<script>alert(1)</script>" in panel or "<img src=x onerror=alert(1)>" in panel
        assert "<img src=y onerror=alert(2)> [annex](javascript:alert(3))" in chat
        assert page.locator("#mea-chat img, #mea-sources-panel img, #mea-sources-panel script").count() == 0
        assert page.locator("a[href^='javascript']").count() == 0
        assert dialogs == []
        page.screenshot(path=str(tmp_path / "injection.png"), full_page=True)
        print(f"screenshot: {tmp_path / 'injection.png'}")
    finally:
        demo.close()
