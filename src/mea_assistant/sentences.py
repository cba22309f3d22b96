"""Sentences and clauses of a paragraph, as character offsets, so every quote taken from them stays verbatim.

One splitter for the whole product: ingest embeds these sentences, the second-stage ranker scores them, the
answer quotes them and briefing notes cut their quotes at their boundaries, so all four agree on where a
sentence starts and ends.
"""

from __future__ import annotations

import re

# An abbreviation before a full stop does not end a sentence ("Art. III", "e.g. the", "Res. 11.10", "No. 3").
_ABBREV_END = re.compile(r"\b(?:e\.g|i\.e|Art|Arts|No|Nos|para|paras|Res|Conf|Rev|cf|etc|Doc|Dec|op|pp|vol|Mr|Ms|"
                         r"Dr|St|Inc|Ltd|Co|U\.S|U\.N|viz|approx|incl)\.$", re.I)
_BOUNDARY = re.compile(r"(?<=[.;:!?])([\"”’)]?)\s+(?=[A-Z(\"“‘a-z0-9])|\n+")
MIN_SENTENCE_CHARS = 25
MAX_CLAUSE_CHARS = 360


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence (or long-clause) spans of a paragraph; `;` and `:` end a clause as treaties punctuate them."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.start() + len(m.group(1) or "")
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    joined: list[tuple[int, int]] = []
    for s, e in spans:  # "Art." / "e.g." end no sentence: the piece runs on into the next one
        if joined and _ABBREV_END.search(text[joined[-1][0]:joined[-1][1]]):
            joined[-1] = (joined[-1][0], e)
        else:
            joined.append((s, e))
    merged: list[tuple[int, int]] = []
    for s, e in joined:  # a very short piece ("The Parties shall:") stays with its neighbour
        if merged and (e - s < MIN_SENTENCE_CHARS or merged[-1][1] - merged[-1][0] < MIN_SENTENCE_CHARS):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    spans = [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in merged]
    return spans


def full_sentences(text: str) -> list[str]:
    """Sentences ended by a full stop, question or exclamation mark, however short ("Give me the main ones."):
    how a question's own sentences are read (a capital after one starts a sentence, it names nothing)."""
    cuts = [(m.start() + len(m.group(1) or ""), m.end()) for m in _BOUNDARY.finditer(text)
            if "\n" in m.group(0) or text[m.start() - 1] in ".!?"]
    starts, ends = [0, *(e for _, e in cuts)], [*(s for s, _ in cuts), len(text)]
    pieces: list[str] = []
    for piece in (text[a:b].strip() for a, b in zip(starts, ends)):
        if pieces and _ABBREV_END.search(pieces[-1]):  # "Art." ends no sentence
            pieces[-1] = f"{pieces[-1]} {piece}".strip()
        elif piece:
            pieces.append(piece)
    return pieces


def asked_sentences(question: str) -> str:
    """The sentences that ask, when a delegate's account comes before them ("He is sending three shipments this
    month. Is that OK?"); the whole text when every sentence asks or none is marked as a question."""
    pieces = full_sentences(question)
    asked = [s for s in pieces if s.rstrip("\"”’)").endswith("?")]
    return " ".join(asked) if asked and len(asked) < len(pieces) else question


# An asking sentence without its question mark: "The minister wants to know whether ...", "She asks what ..."
_ASKS = re.compile(r"\b(?:wants?|needs?|would\s+like)\s+to\s+know\b|\b(?:asks?|asked|wonders?)\s+(?:whether|what|how|"
                   r"which|who|when|if|why)\b", re.I)


def asked_part(question: str) -> str:
    """What a question asks after the account that sets it up: its sentences marked as questions, or else those
    that say what someone wants to know; the whole text when no sentence stands out."""
    asked = asked_sentences(question)
    if asked != question:
        return asked
    pieces = full_sentences(question)
    wanted = [s for s in pieces if _ASKS.search(s)]
    return " ".join(wanted) if wanted and len(wanted) < len(pieces) else question


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def clause_spans(text: str, start: int, end: int, max_chars: int = MAX_CLAUSE_CHARS) -> list[tuple[int, int]]:
    """A long sentence cut at its commas into pieces of at most `max_chars`, each ending at a clause boundary."""
    if end - start <= max_chars:
        return [(start, end)]
    cuts = [m.end() for m in re.finditer(r"[,;]\s", text[start:end])]
    pieces: list[tuple[int, int]] = []
    s = start
    last = start
    for c in cuts:
        if start + c - s > max_chars and last > s:
            pieces.append((s, last))
            s = last
        last = start + c
    pieces.append((s, end))
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b - (len(text[a:b]) - len(text[a:b].rstrip())))
            for a, b in pieces if text[a:b].strip()]


def ends_sentence(quote: str) -> bool:
    return quote.rstrip().endswith((".", ";", ":", "!", "?", ".”", ".\"", ".)", ";)"))
