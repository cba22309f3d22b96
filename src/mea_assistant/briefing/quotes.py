"""Quotes for a briefing note: whole sentences of the paragraph, never a sentence cut in the middle.

Sentences come from the product's one splitter (sentences.sentence_spans), which ends a piece at `.`, `;`, `:`
or a line break. A note's quote must also *read* as complete, so a piece that stops at a line break without
punctuation (a heading kept with its text, "... by:\\nIn the context of ...") runs on into the next piece.
A quote is the whole paragraph when it is short, else the sentence that says most about the topic, widened
by neighbouring sentences that also do. Where words of the paragraph are left out, the note shows "…" inside
the quotation marks; everything else between the marks is verbatim.
"""

from __future__ import annotations

import re

from ..sentences import sentence_spans
from ..terms import terms

WHOLE = 450  # a paragraph up to this length is quoted whole
MAX_QUOTE = 600  # a longer paragraph: best sentences up to about this length (one long sentence may exceed it)
_ENDS = re.compile(r"[.;:!?…](?:[\"”’)\]]*)\s*$|[.;:!?][\"”’)\]]+\s*$")


def aligned_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans that each end at punctuation or at the end of the paragraph."""
    spans: list[tuple[int, int]] = []
    pending: tuple[int, int] | None = None
    for s, e in sentence_spans(text):
        start = pending[0] if pending else s
        if (_ENDS.search(text[start:e]) and not _cell_label(text, e)) or e >= len(text.rstrip()):
            spans.append((start, e))
            pending = None
        else:
            pending = (start, e)
    if pending:
        spans.append((pending[0], len(text.rstrip())))
    return spans


def quote_span(text: str, subject: set[str]) -> tuple[int, int]:
    """Where to quote `text`: whole when short, else its best sentences for these subject words."""
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    if len(stripped) <= WHOLE:
        return (lead, lead + len(stripped))
    spans = aligned_spans(text) or [(lead, lead + len(stripped))]
    if len(spans) == 1:  # one long run without punctuation: a listing's records, one per line
        spans = line_spans(text) or spans
    score = [len(terms(text[s:e]) & subject) + (0.5 if i == 0 else 0.0) + (0.4 if text[s:e].rstrip().endswith(":")
                                                                           else 0.0)
             for i, (s, e) in enumerate(spans)]
    best = max(range(len(spans)), key=lambda i: (score[i], -i))
    lo = hi = best
    while True:
        options = [i for i in (lo - 1, hi + 1) if 0 <= i < len(spans)
                   and spans[max(hi, i)][1] - spans[min(lo, i)][0] <= MAX_QUOTE]
        if not options:
            break
        pick = max(options, key=lambda i: (score[i], -abs(i - best)))
        if score[pick] < 1 and spans[hi][1] - spans[lo][0] >= 200:
            break
        lo, hi = min(lo, pick), max(hi, pick)
    if text[spans[hi][0]:spans[hi][1]].rstrip().endswith(":") and hi + 1 < len(spans):
        hi += 1  # a clause that introduces items ("For the exclusive purpose of allowing:") with its first item
    return (spans[lo][0], spans[hi][1])


def _cell_label(text: str, end: int) -> bool:
    """The piece ending at `end` stops at a table record's cell label ("Appendix I: Anas aucklandica": a label of
    a few words at the start of a line, its value after it on that line), which ends no sentence: a quote that
    stopped at "Appendix I:" would read as a lead-in without its items."""
    piece = text[:end].rstrip()
    if not piece.endswith(":"):
        return False
    label = piece[piece.rfind("\n") + 1:-1].split()
    value = text[len(piece):].split("\n", 1)[0].strip()
    return 0 < len(label) <= 4 and bool(value)


def line_spans(text: str) -> list[tuple[int, int]]:
    """The spans of a text's non-empty lines (a table row's records: "Physeteridae Physeter macrocephalus")."""
    spans, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            start = at + len(line) - len(line.lstrip())
            spans.append((start, at + len(line.rstrip())))
        at += len(line) + 1
    return spans


def tail_span(text: str, max_chars: int = MAX_QUOTE) -> tuple[int, int]:
    """A lead-in quoted for its items: its last sentences (the one that introduces the list comes last)."""
    spans = aligned_spans(text)
    if not spans:
        return (0, len(text.rstrip()))
    lo = len(spans) - 1
    while lo > 0 and spans[-1][1] - spans[lo - 1][0] <= max_chars:
        lo -= 1
    return (spans[lo][0], spans[-1][1])


def sentence_aligned(text: str, quote: str) -> bool:
    """True when `quote` is verbatim in `text` and starts and ends at sentence or clause boundaries."""
    at = text.find(quote)
    if not quote.strip() or at < 0:
        return False
    before = text[:at].rstrip()
    starts = not before or before.endswith((".", ";", ":", "!", "?", "…", "\n")) or "\n" in text[len(before):at] \
        or bool(re.search(r"[.;:!?][\"”’)\]]*$", before))
    end = at + len(quote)
    ends = not text[end:].strip() or bool(_ENDS.search(quote))
    return starts and ends


def shown(text: str, span: tuple[int, int]) -> str:
    """The quoted words with "…" where the paragraph goes on before or after them, ready to put in quotes."""
    s, e = span
    quote = " ".join(text[s:e].split())
    before = "… " if text[:s].strip() else ""
    after = " …" if text[e:].strip() else ""
    return f"{before}{quote}{after}"


def lead_fragment(lead_in: str) -> str:
    """The part of a lead-in that says who must do what, verbatim, with "…" for what is left out:
    "Each Party shall:" stays whole; "The Signatories recognize that in order to be successful in these
    endeavours they should make every effort, as appropriate ..., to:" becomes "The Signatories … they should
    make every effort, as appropriate ..., to:"."""
    lead = " ".join(lead_in.split())
    spans = aligned_spans(lead)
    last = lead[spans[-1][0]:spans[-1][1]] if spans else lead
    prefix = "… " if spans and spans[-1][0] > 0 else ""
    if len(last) <= 200:
        return prefix + last
    modal = re.search(r"\b(?:shall|should|must|will|may|undertakes?|agrees?|recommends?|urges?|requests?|"
                      r"encourages?|invites?|decides?)\b", last, re.I)
    actor = re.match(r"^(?:(?:The|Each|All|Every|Any)\s+)?(?:[A-Z][\w-]*(?:\s+(?:of|the|and)\s+|\s+)){0,5}"
                     r"[A-Z][\w-]*", last)
    if modal:
        clause = last[modal.start():]
        if len(clause) > 200:
            clause = clause[:60].rsplit(" ", 1)[0] + " … " + clause[-120:].split(" ", 1)[-1]
        if actor and actor.end() < modal.start():
            return f"{prefix}{actor.group(0)} … {clause}"
        return f"{prefix}… {clause}"
    return "… " + last[-180:].split(" ", 1)[-1]


def item_label(ref: str) -> str:
    """ "Art. III(2)(d)" -> "(d)", "para. 13(h)" -> "(h)", "5.8" -> "5.8": how the item is numbered in its list."""
    m = re.search(r"\(([^()]+)\)$", ref)
    if m:
        return f"({m.group(1)})"
    return ref.split(",")[-1].strip() or ref

