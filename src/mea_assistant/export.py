"""Chat answers as HTML and plain text (briefing notes: note_export.py).

Safety rule for the HTML renderers: every string that comes from a document, a question or an answer goes
through `esc` (html.escape) before it is placed in markup, so a paragraph such as
`<img src=x onerror=alert(1)>` or `[x](javascript:alert(1))` is shown as those characters, never run.
The only markup here is the fixed tags written by these functions. Pure functions, no Gradio imports.
"""

from __future__ import annotations

import html
import re
from typing import Any

_MARKER = re.compile(r"\[(\d+)\]")
_BOLD_LINE = re.compile(r"^\*\*(.+?)\*\*$")


def esc(text: Any) -> str:
    """Text -> HTML text node content (quotes escaped too, so it is also safe inside attributes)."""
    return html.escape(str(text if text is not None else ""), quote=True)


def anchor_id(turn: int, marker: int, kind: str = "src") -> str:
    """Anchor of a source card: `src-<turn>-<marker>`; unique per turn so older answers' markers still work."""
    return f"{kind}-{turn}-{marker}"


# ----- chat -------------------------------------------------------------------------------------------------
def _multiline(text: str) -> str:
    return "<br>".join(esc(line) for line in str(text).split("\n"))


def question_html(question: str) -> str:
    return f'<div class="mea-question">{_multiline(question)}</div>'


def _link_markers(escaped: str, turn: int, titles: dict[int, str]) -> str:
    """`[2]` -> a link to the source card; markers that point nowhere stay plain text."""
    def repl(m: re.Match[str]) -> str:
        n = int(m.group(1))
        if n not in titles:
            return m.group(0)
        return (f'<a class="mea-marker" href="#{anchor_id(turn, n)}" title="{esc(titles[n])}">'
                f"[{n}]</a>")
    return _MARKER.sub(repl, escaped)


def answer_html(result: dict[str, Any], turn: int) -> str:
    """The assistant's chat message: the lead sentence first and plainly, the supporting points below it (linked
    markers), or the abstention, plus the searched query. No retrieval scores: they stay in the API and --json.

    The answer text uses a tiny Markdown subset (`**Instrument**` group lines, `- ` items); it is interpreted
    here, after escaping, because the chatbot is configured not to render Markdown or raw HTML itself.
    """
    titles = {int(c["marker"]): str(c.get("display", "")) for c in result.get("citations", [])}
    parts: list[str] = []
    if result.get("abstained"):
        parts.append(f'<div class="mea-abstain"><strong>No answer:</strong> {_multiline(result.get("answer", ""))}'
                     "</div>")
        related = result.get("related") or []
        if related:
            links = ", ".join(f'<a href="#{anchor_id(turn, i, "rel")}">{esc(h.get("display", ""))}</a>'
                              for i, h in enumerate(related, 1))
            parts.append(f'<div class="mea-related-links">Possibly related (not cited): {links}</div>')
    else:
        lines = [line for line in str(result.get("answer", "")).split("\n") if line.strip()]
        lead = str(result.get("lead") or "").strip()
        if lines and (not lead or lines[0].strip() == lead):
            lead = lines.pop(0).strip()
        items: list[str] = []
        if lead:
            items.append(f'<p class="mea-lead">{_link_markers(esc(lead), turn, titles)}</p>')
        support: list[str] = []
        for line in lines:
            bold = _BOLD_LINE.match(line.strip())
            if bold:
                support.append(f'<div class="mea-group"><strong>{esc(bold.group(1))}</strong></div>')
            elif line.startswith("- "):
                support.append(f'<div class="mea-item">• {_link_markers(esc(line[2:]), turn, titles)}</div>')
            else:
                support.append(f'<div class="mea-line">{_link_markers(esc(line), turn, titles)}</div>')
        if support:
            items.append('<div class="mea-support">' + "".join(support) + "</div>")
        parts.append('<div class="mea-answer">' + "".join(items) + "</div>")
    parts.append(f'<div class="mea-query">Searched for: <em>{esc(result.get("rewritten_query", ""))}</em></div>')
    return "".join(parts)


def chat_messages(turns: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Conversation state (result objects, oldest first) -> Chatbot messages of already-escaped HTML."""
    messages: list[dict[str, str]] = []
    for i, result in enumerate(turns, 1):
        messages.append({"role": "user", "content": question_html(result.get("question", ""))})
        messages.append({"role": "assistant", "content": answer_html(result, i)})
    return messages


def pending_message(turns: list[dict[str, Any]], question: str) -> list[dict[str, str]]:
    """The chat while a question is being answered: earlier turns, the question, and a "searching" line."""
    return [*chat_messages(turns), {"role": "user", "content": question_html(question)},
            {"role": "assistant", "content": '<div class="mea-pending" role="status">Searching the documents and '
                                             "composing the answer…</div>"}]


def highlight(text: str, quote: str) -> str:
    """The whole paragraph, escaped, with the quoted words wrapped in <mark>."""
    at = text.find(quote) if quote else -1
    if at < 0:
        return esc(text)
    end = at + len(quote)
    return f"{esc(text[:at])}<mark>{esc(text[at:end])}</mark>{esc(text[end:])}"


def _card(anchor: str, label: str, display: str, text: str, quote: str, section: str,
          footnotes: list[str] | tuple[str, ...] = ()) -> str:
    """One source paragraph (document and ref, the quoted words highlighted in the whole paragraph); its footnotes
    below it, apart from the quoted text. Retrieval scores are not shown to the reader."""
    notes = "".join(f'<li>{esc(n)}</li>' for n in footnotes)
    meta = f'<div class="mea-src-meta"><span class="mea-section">{esc(section)}</span></div>' if section else ""
    return (f'<div class="mea-src" id="{anchor}"><div class="mea-src-head"><span class="mea-src-label">'
            f"{esc(label)}</span> <strong>{esc(display)}</strong></div>{meta}"
            f'<blockquote class="mea-src-text">{highlight(text, quote)}</blockquote>'
            + (f'<ol class="mea-footnotes" title="Footnotes of this paragraph">{notes}</ol>' if notes else "")
            + "</div>")


def turn_sources_html(result: dict[str, Any], turn: int) -> str:
    """Sources of one answer: a clickable list of links, then one card per cited (or related) paragraph."""
    head = (f'<div class="mea-turn" id="turn-{turn}">'
            f'<div class="mea-turn-q">Q{turn}: {esc(result.get("question", ""))}</div>')
    cites = result.get("citations") or []
    if cites:
        links = "".join(f'<li><a href="#{anchor_id(turn, int(c["marker"]))}">[{int(c["marker"])}] '
                        f'{esc(c.get("display", ""))}</a></li>' for c in cites)
        cards = "".join(_card(anchor_id(turn, int(c["marker"])), f"[{int(c['marker'])}]", c.get("display", ""),
                              c.get("text", ""), c.get("quote", ""), c.get("section", ""), c.get("footnotes", ()))
                        for c in cites)
        return f'{head}<ul class="mea-src-list">{links}</ul>{cards}</div>'
    related = result.get("related") or []
    if not related:
        return f'{head}<p class="mea-none">No sources: the indexed documents do not address this question.</p></div>'
    links = "".join(f'<li><a href="#{anchor_id(turn, i, "rel")}">{esc(h.get("display", ""))}</a></li>'
                    for i, h in enumerate(related, 1))
    cards = "".join(_card(anchor_id(turn, i, "rel"), "(related)", h.get("display", ""), h.get("text", ""), "",
                          h.get("section", "")) for i, h in enumerate(related, 1))
    return (f'{head}<p class="mea-none">Not answered. Possibly related paragraphs (not cited):</p>'
            f'<ul class="mea-src-list">{links}</ul>{cards}</div>')


def sources_html(turns: list[dict[str, Any]]) -> str:
    """The sources panel: the newest answer first, every earlier answer kept so its markers still resolve."""
    if not turns:
        return '<div class="mea-sources"><p class="mea-none">Sources of each answer appear here.</p></div>'
    blocks = [turn_sources_html(turns[i - 1], i) for i in range(len(turns), 0, -1)]
    return '<div class="mea-sources">' + "".join(blocks) + "</div>"


def answer_plain_text(result: dict[str, Any]) -> str:
    """"Copy with citations": the answer and its numbered sources as plain text, ready to paste."""
    text = "\n".join(_BOLD_LINE.sub(r"\1:", line.strip()) for line in str(result.get("answer", "")).split("\n")
                     if line.strip())
    lines = [text]
    cites = result.get("citations") or []
    if cites:
        lines += ["", "Sources:"]
        lines += [f"[{c['marker']}] {c.get('display', '')}: “{c.get('quote', '')}”" for c in cites]
    elif result.get("related"):
        lines += ["", "Possibly related (not cited):"]
        lines += [f"- {h.get('display', '')}" for h in result["related"]]
    return "\n".join(lines)
