"""The Gradio app: a chat whose answers cite paragraphs shown in a sources panel, and a Briefing-note tab.

Gradio stays inside this module; the app talks to the rest of the product only through `Assistant` and the
renderers of export.py. Everything shown is built by those renderers from escaped text, and the chatbot is
configured to render neither Markdown nor raw HTML of its own (see `build_app`), so a corpus paragraph or a
question containing `<script>` is displayed as those characters.
"""

from __future__ import annotations

import atexit
import importlib.abc
import importlib.machinery
import ipaddress
import json
import logging
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # no telemetry or version checks from the app
# Gradio asks matplotlib for its backend around every event; unset, that imports pyplot on the first question
# (0.5-1 s of the first answer here). A server draws nothing on screen: the non-interactive backend is right.
os.environ.setdefault("MPLBACKEND", "agg")


class _NoStubRewrite(importlib.abc.MetaPathFinder):
    """Gradio rewrites the .pyi type stubs of its components whenever it is imported (`component_meta.
    create_or_modify_pyi`, an aid to Gradio's own developers: 81 classes' sources parsed with `ast`), which was
    half of its import here (4.4 s -> 2.3 s without it). The stubs ship with the wheel; a server needs none of it.
    This finder lets `gradio.component_meta` load as usual, then replaces that one function with a no-op before
    any component class is made. On a Gradio without that module or function, it changes nothing."""

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != "gradio.component_meta":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        loader = getattr(spec, "loader", None)
        run = getattr(loader, "exec_module", None)
        if run is None:
            return spec

        def exec_module(module: Any) -> None:
            run(module)
            if hasattr(module, "create_or_modify_pyi"):
                module.create_or_modify_pyi = lambda *args, **kwargs: None

        loader.exec_module = exec_module  # type: ignore[union-attr]
        return spec


if "gradio" not in sys.modules:
    sys.meta_path.insert(0, _NoStubRewrite())

import gradio as gr  # noqa: E402

from .briefing import build_note  # noqa: E402
from .briefing.topic import conversation_topic  # noqa: E402
from .errors import InputError, MeaError  # noqa: E402
from .export import answer_plain_text, chat_messages, pending_message, sources_html  # noqa: E402
from .hygiene import EmptyQuestion, clean_question  # noqa: E402
from .note_export import note_docx, note_html, note_markdown  # noqa: E402
from .settings import Settings  # noqa: E402
from .throttle import FailedLogins, LoginThrottle  # noqa: E402

if TYPE_CHECKING:
    from .assistant import Assistant

log = logging.getLogger(__name__)
CONCURRENCY = 4  # requests served at once; the embedder is locked, retrieval and answering run in parallel
QUEUE_SIZE = 64  # beyond this the queue refuses new requests instead of growing without bound
NOTE_FILES_MAX_AGE_S = 600  # Gradio serves its own copy of a note once the request returns; ours can go soon
UPLOAD_LIMIT = 0  # bytes: nothing in the app takes a file, so Gradio's upload route accepts none
EXAMPLES = [
    "What does CITES require to export a specimen of an Appendix II species?",
    "How long is a CITES export permit valid?",
    "What are Range States of a migratory species listed in Appendix I of CMS required to do?",
    "What does CMS Resolution 11.10 ask the Secretariat to do about synergies?",
    "What activities does the CMS-CITES joint work programme foresee for shared species?",
    "What must users of genetic resources obtain under the Nagoya Protocol?",
]
CSS = """
.mea-sources { max-height: 72vh; overflow-y: auto; }
.mea-turn { margin-bottom: 18px; }
.mea-turn-q { font-weight: 600; margin: 6px 0; }
.mea-src { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 10px; margin: 8px 0;
           scroll-margin-top: 8px; }
.mea-src:target { outline: 3px solid var(--color-accent); background: var(--background-fill-secondary); }
.mea-src-meta { font-size: 0.85em; opacity: 0.8; }
.mea-src-text { margin: 6px 0 0 0; white-space: pre-wrap; }
.mea-src mark { background: #fde68a; color: #111; }
.mea-src-list { margin: 4px 0 8px 18px; }
.mea-query { font-size: 0.85em; opacity: 0.75; margin-top: 8px; }
.mea-abstain { border-left: 4px solid #d97706; padding-left: 8px; }
.mea-marker { font-weight: 600; text-decoration: none; }
.mea-note mark { background: #fde68a; }
.mea-lead { font-size: 1.05em; font-weight: 600; margin: 0 0 8px 0; }
.mea-support { margin-left: 4px; }
.mea-pending { opacity: 0.75; font-style: italic; }
"""


# ----- launch settings ----------------------------------------------------------------------------------------
def parse_auth(value: str) -> list[tuple[str, str]] | None:
    """MEA_AUTH: "user:password", or the path of a file with one user:password per line (# comments allowed)."""
    value = (value or "").strip()
    if not value:
        return None
    path = Path(value).expanduser()
    if path.is_file():
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise MeaError(f"{path}: cannot read the login file ({exc}); MEA_AUTH names a UTF-8 text file of "
                           "user:password lines") from exc
        source = str(path)
    else:
        lines, source = [value], "MEA_AUTH"
    pairs = []
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        user, sep, password = line.partition(":")
        if not sep or not user.strip() or not password:
            where = f"{source}, line {n}" if source != "MEA_AUTH" else source
            raise MeaError(f"{where}: expected user:password (or MEA_AUTH set to a file of such lines)")
        pairs.append((user.strip(), password))
    if not pairs:
        raise MeaError(f"{source}: no user:password line found")
    return pairs


def is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def launch(demo: gr.Blocks, settings: Settings, *, port: int | None = None, prevent_thread_lock: bool = False,
           quiet: bool = False) -> Any:
    """Launch with the product's choices: never a share link, login when MEA_AUTH is set, the app's CSS."""
    auth = parse_auth(settings.auth)
    if not is_loopback(settings.host) and not auth:
        print(f"warning: serving on {settings.host}, reachable from other machines, without a login; "
              "set MEA_AUTH=user:password (or a file of such lines) to require one", file=sys.stderr)
    # Failed sign-ins are throttled per client address in front of Gradio's /login route (see throttle.py).
    middleware = [_middleware(LoginThrottle, failures=FailedLogins(settings.login_attempts))] if auth else []
    return demo.launch(server_name=settings.host, server_port=port or settings.port, share=False, auth=auth,
                       auth_message="MEA Assistant: sign in" if auth else None,
                       prevent_thread_lock=prevent_thread_lock, quiet=quiet, css=CSS, show_error=False,
                       max_file_size=UPLOAD_LIMIT, app_kwargs={"middleware": middleware})


def _middleware(cls: Any, **options: Any) -> Any:
    from starlette.middleware import Middleware  # Gradio's own web framework

    return Middleware(cls, **options)


# ----- request handling ---------------------------------------------------------------------------------------
def parse_history(history_json: str | list[Any] | None) -> list[dict[str, str]]:
    """The /ask endpoint's history: a JSON list of {"role": "user"|"assistant", "content": str}, oldest first."""
    if history_json is None or (isinstance(history_json, str) and not history_json.strip()):
        return []
    try:
        data = json.loads(history_json) if isinstance(history_json, str) else history_json
    except json.JSONDecodeError as exc:
        raise InputError(f"the history is not valid JSON ({exc.msg} at character {exc.pos})") from exc
    if not isinstance(data, list) or not all(isinstance(t, dict) and t.get("role") in ("user", "assistant")
                                             and isinstance(t.get("content"), str) for t in data):
        raise InputError('the history must be a JSON list of {"role": "user"|"assistant", "content": "..."} objects')
    return [{"role": t["role"], "content": t["content"]} for t in data]


def parse_names(value: list[str] | str | None, field: str, known: list[str]) -> tuple[str, ...]:
    """A filter of the /ask endpoint: a list of names or one comma-separated string; unknown names refused."""
    if value is None or value == "":
        return ()
    names = [n.strip() for n in (value.split(",") if isinstance(value, str) else value) if str(n).strip()]
    if not all(isinstance(n, str) for n in names):
        raise InputError(f"{field} must be a list of names or a comma-separated string")
    lowered = {k.lower(): k for k in known}
    unknown = [n for n in names if n.lower() not in lowered]
    if unknown:
        raise InputError(f"{field}: unknown {', '.join(unknown)}; choose from {', '.join(known)}")
    return tuple(lowered[n.lower()] for n in names)


def history_of(turns: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Conversation state (result objects) -> the plain-text history `Assistant.ask` rewrites follow-ups with."""
    history: list[dict[str, str]] = []
    for result in turns:
        history += [{"role": "user", "content": result["question"]},
                    {"role": "assistant", "content": result["answer"]}]
    return history


def chat_turn(assistant: "Assistant", question: str, turns: list[dict[str, Any]], conventions: Any = (),
              doc_types: Any = ()) -> list[dict[str, Any]] | None:
    """The conversation state after one question, or None for an empty question (ignored, not an error).

    Raises InputError for an over-long question before any retrieval, with the limit in the message.
    """
    try:
        question = clean_question(question, assistant.settings.max_question_chars)
    except EmptyQuestion:
        return None
    answer = assistant.ask(question, history=history_of(turns or []), conventions=conventions or (),
                           doc_types=doc_types or ())
    return [*(turns or []), with_footnotes(answer.to_result(), assistant.index.documents)]


def with_footnotes(result: dict[str, Any], documents: dict[str, Any]) -> dict[str, Any]:
    """Each cited paragraph's footnotes, for the sources panel (they are never part of the quote)."""
    for cite in result.get("citations") or []:
        doc = documents.get(cite.get("doc_id"))
        para = next((p for p in doc.paragraphs if p.ref == cite.get("ref")), None) if doc is not None else None
        if para is not None and para.footnotes:
            cite["footnotes"] = list(para.footnotes)
    return result


def render_chat(turns: list[dict[str, Any]]) -> tuple[list[dict[str, str]], str, str]:
    """Conversation state -> chatbot messages, sources panel HTML, and the latest answer as copyable text."""
    return chat_messages(turns), sources_html(turns), answer_plain_text(turns[-1]) if turns else ""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "note"


def _prune(folder: Path, max_age_s: float = NOTE_FILES_MAX_AGE_S) -> None:
    """Notes are written for download once; Gradio serves its own copy, so old folders can go."""
    now = time.time()
    for child in folder.iterdir():
        if child.is_dir() and now - child.stat().st_mtime > max_age_s:
            shutil.rmtree(child, ignore_errors=True)


def _choices(assistant: "Assistant") -> tuple[list[str], list[str]]:
    docs = assistant.index.documents.values()
    return (sorted({c for d in docs for c in d.conventions}), sorted({d.doc_type for d in docs if d.doc_type}))


def build_app(assistant: "Assistant", concurrency: int = CONCURRENCY) -> gr.Blocks:
    """The whole UI, wired to one shared `Assistant` (thread-safe for reads), with the queue configured."""
    conventions, doc_types = _choices(assistant)
    conv_choices, type_choices = conventions, doc_types
    limit = assistant.settings.max_question_chars
    notes_dir = Path(tempfile.mkdtemp(prefix="mea-notes-"))
    atexit.register(shutil.rmtree, notes_dir, True)

    def respond(question: str, turns: list[dict[str, Any]], convs: list[str] | None,
                types: list[str] | None) -> Any:
        """One chat turn: empty questions are ignored, over-long or invalid ones refused with a message."""
        try:
            new_turns = chat_turn(assistant, question, turns, convs, types)
        except MeaError as exc:
            gr.Warning(str(exc))
            return _restore(turns, question)
        except Exception:  # a bug must not leave the chat hanging; the traceback goes to the server log
            log.exception("answering %r failed", (question or "")[:200])
            gr.Warning("Something went wrong while answering; the error was logged. Try again or rephrase.")
            return _restore(turns, question)
        if new_turns is None:
            return _restore(turns, "")
        if new_turns[-1].get("note"):
            gr.Info(new_turns[-1]["note"])
        messages, panel, copy_text = render_chat(new_turns)
        return messages, new_turns, panel, copy_text, ""

    def _restore(turns: list[dict[str, Any]], question: str) -> Any:
        """The chat as it was before the question (its "searching" line removed), the question back in the box."""
        messages, panel, copy_text = render_chat(turns or [])
        return messages, turns or [], panel, copy_text, question or ""

    def pending(question: str, turns: list[dict[str, Any]]) -> Any:
        """Shown at once on Enter: the question in the chat, a "searching" line until the answer replaces it,
        the box emptied; the question travels on in a State to `respond`."""
        if not (question or "").strip():
            return gr.skip(), gr.skip(), ""
        return pending_message(turns or [], question), "", question

    def reset() -> tuple[list[Any], list[Any], str, str, str]:
        return [], [], sources_html([]), "", ""

    def ask(question: str, history_json: str = "[]", conventions: list[str] | str | None = None,
            doc_types: list[str] | str | None = None) -> dict:
        """Answer a question, with earlier turns as a JSON list of {role, content} and optional filters (lists,
        or comma-separated names: conventions "CITES", document types "convention") as in the Ask tab; returns
        the result object of eval-format.md (answer with [n] markers, citations with scores, rewritten_query)."""
        try:
            return assistant.ask(question or "", history=parse_history(history_json),
                                 conventions=parse_names(conventions, "conventions", conv_choices),
                                 doc_types=parse_names(doc_types, "doc_types", type_choices)).to_result()
        except MeaError as exc:
            raise gr.Error(str(exc), print_exception=False) from exc

    def to_briefing(turns: list[dict[str, Any]]) -> Any:
        """The conversation's topic goes to the Briefing tab, which opens; the note is then written."""
        topic_text = conversation_topic(turns or [])
        if not topic_text:
            gr.Warning("Ask a question first: the note's topic is taken from the conversation.")
            return gr.skip(), gr.skip()
        return topic_text, gr.Tabs(selected="brief")

    def brief(topic: str, convs: list[str] | None, types: list[str] | None) -> tuple[str, str, str]:
        """A briefing note on `topic`: the rendered note, then the .docx and .md files to download."""
        try:
            note = build_note(assistant, topic or "", conventions=convs or (), doc_types=types or ())
        except MeaError as exc:
            raise gr.Error(str(exc), print_exception=False) from exc
        _prune(notes_dir)
        folder = Path(tempfile.mkdtemp(dir=notes_dir))
        stem = f"briefing-{_slug(note.topic)}"
        md_path = folder / f"{stem}.md"
        md_path.write_text(note_markdown(note), encoding="utf-8")
        docx_path = note_docx(note, folder / f"{stem}.docx")
        return note_html(note), str(docx_path), str(md_path)

    with gr.Blocks(title="MEA Assistant", delete_cache=(3600, 3600)) as demo:
        gr.Markdown("# MEA Assistant\nQuestions about the indexed environmental agreements, answered in their own "
                    "words. Click a marker such as [1] or a source to see the whole paragraph.")
        turns = gr.State([])
        asked = gr.State("")  # the question being answered, handed from `pending` to `respond`
        with gr.Tabs(selected="ask") as tabs:
            with gr.Tab("Ask", id="ask"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(label="Conversation", elem_id="mea-chat", height=520,
                                             render_markdown=False, sanitize_html=True, latex_delimiters=[],
                                             allow_tags=False, buttons=[], feedback_options=None,
                                             group_consecutive_messages=False,
                                             placeholder="Ask about CITES, CMS, CBD, Ramsar, AEWA, Nagoya ...")
                        # lines=1 (growing to max_lines): Gradio sends on Enter and lets Shift+Enter make a new
                        # line; with lines>1 it would do the opposite.
                        question = gr.Textbox(label="Question", elem_id="mea-question", lines=1, max_lines=8,
                                              placeholder=f"Type a question (up to {limit} characters) and press "
                                                          "Enter; Shift+Enter for a new line")
                        with gr.Row():
                            ask_btn = gr.Button("Ask", variant="primary", elem_id="mea-ask")
                            new_btn = gr.Button("New conversation", elem_id="mea-new")
                            to_brief_btn = gr.Button("Make a briefing note from this conversation",
                                                     elem_id="mea-to-brief")
                        with gr.Row():
                            conv_filter = gr.Dropdown(conventions, value=[], multiselect=True, label="Conventions",
                                                      info="Only documents of these conventions (none: all)")
                            type_filter = gr.Dropdown(doc_types, value=[], multiselect=True, label="Document types",
                                                      info="Only these kinds of document (none: all)")
                        gr.Examples([[q] for q in EXAMPLES], inputs=[question], label="Example questions")
                        copy_box = gr.Textbox(label="Copy with citations", elem_id="mea-copy", lines=6,
                                              max_lines=16, interactive=False, buttons=["copy"],
                                              placeholder="The latest answer with its numbered sources, as text.")
                    with gr.Column(scale=2):
                        with gr.Accordion("Sources", open=True, elem_id="mea-sources-accordion"):
                            sources = gr.HTML(sources_html([]), elem_id="mea-sources-panel")
            with gr.Tab("Briefing note", id="brief"):
                topic = gr.Textbox(label="Topic", elem_id="mea-topic",
                                   placeholder="e.g. cooperation between CMS and CITES")
                with gr.Row():
                    brief_conv = gr.Dropdown(conventions, value=[], multiselect=True, label="Conventions")
                    brief_types = gr.Dropdown(doc_types, value=[], multiselect=True, label="Document types")
                brief_btn = gr.Button("Write briefing note", variant="primary", elem_id="mea-brief")
                with gr.Row():
                    docx_file = gr.File(label="Word (.docx)", interactive=False)
                    md_file = gr.File(label="Markdown (.md)", interactive=False)
                note_view = gr.HTML("", elem_id="mea-note")

        chat_io: dict[str, Any] = dict(fn=respond, inputs=[asked, turns, conv_filter, type_filter],
                                       outputs=[chatbot, turns, sources, copy_box, question],
                                       api_visibility="private", concurrency_id="assistant", show_progress="minimal")
        for trigger in (question.submit, ask_btn.click):
            trigger(pending, [question, turns], [chatbot, question, asked], api_visibility="private",
                    queue=False).then(**chat_io)
        for trigger in (new_btn.click, chatbot.clear):
            trigger(reset, None, [chatbot, turns, sources, copy_box, question], api_visibility="private",
                    queue=False)
        brief_btn.click(brief, [topic, brief_conv, brief_types], [note_view, docx_file, md_file], api_name="brief",
                        concurrency_id="assistant")
        topic.submit(brief, [topic, brief_conv, brief_types], [note_view, docx_file, md_file],
                     api_visibility="private", concurrency_id="assistant")
        to_brief_btn.click(to_briefing, [turns], [topic, tabs], api_visibility="private", queue=False).then(
            brief, [topic, brief_conv, brief_types], [note_view, docx_file, md_file], api_visibility="private",
            concurrency_id="assistant")
        gr.api(ask, api_name="ask", concurrency_id="assistant")
    demo.queue(default_concurrency_limit=concurrency, max_size=QUEUE_SIZE)
    atexit.register(_delete_served_copies, demo)
    return demo


def _delete_served_copies(demo: gr.Blocks) -> None:
    """Gradio's copies of the notes it served, at exit: its own clean-up runs only when the server shuts down
    with no connection open, which a stop signal does not wait for."""
    from gradio.route_utils import delete_files_created_by_app

    delete_files_created_by_app(demo, age=None)
