"""The app in a real browser: type a question, see the cited answer, click a marker, see the paragraph.

Needs the `playwright` Python package and a Chromium binary (Debian: `apt-get install chromium`; the path
can be changed with CHROMIUM_PATH). Playwright's own browser download is not used. Skipped when either is
missing. Screenshots are saved under the test's tmp_path and their paths printed (`pytest -s` shows them).
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


def ask_in_page(page: Any, url: str, question: str) -> None:
    page.goto(url)
    page.locator("#mea-question textarea").fill(question)
    page.locator("#mea-ask").click()
    page.locator("#mea-chat .mea-query").first.wait_for(state="visible")


def test_question_answer_markers_and_sources_in_a_browser(assistant: Assistant, page: Any, tmp_path: Path) -> None:
    demo, url = serve(assistant)
    try:
        ask_in_page(page, url, QUESTION)
        marker = page.locator("#mea-chat a.mea-marker").first
        assert marker.is_visible() and marker.inner_text() == "[1]"
        card = page.locator("#src-1-1")
        assert "CITES Convention" in card.inner_text()
        assert page.locator("#mea-sources-panel mark").first.is_visible(), "the quoted words are highlighted"
        assert "Searched for:" in page.locator("#mea-chat").inner_text()
        marker.click()
        page.wait_for_function("location.hash === '#src-1-1'")
        assert card.is_visible() and card.evaluate("el => el.matches(':target')")
        box, viewport = card.bounding_box(), page.viewport_size
        assert box and 0 <= box["y"] < viewport["height"], "the paragraph was scrolled into view"
        copy_text = page.locator("#mea-copy textarea").input_value()
        assert "Sources:" in copy_text and "[1] CITES Convention" in copy_text
        shot = tmp_path / "chat.png"
        page.screenshot(path=str(shot), full_page=True)
        print(f"screenshot: {shot}")
        assert shot.stat().st_size > 10_000
    finally:
        demo.close()


def test_briefing_tab_renders_the_note_and_offers_downloads(assistant: Assistant, page: Any,
                                                            tmp_path: Path) -> None:
    demo, url = serve(assistant)
    try:
        page.goto(url)
        page.get_by_role("tab", name="Briefing note").click()
        page.locator("#mea-topic textarea").fill("cooperation between CMS and CITES")
        page.locator("#mea-brief").click()
        page.locator("#mea-note .mea-refs li").first.wait_for(state="visible")
        note = page.locator("#mea-note").inner_text()
        for heading in ("Key provisions", "Open points", "References"):
            assert heading in note
        for suffix in (".docx", ".md"):
            link = page.locator(f"a[href*='briefing-cooperation-between-cms-and-cites'][href$='{suffix}']")
            assert link.count() >= 1, f"a download link for the {suffix} file"
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
