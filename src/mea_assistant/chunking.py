"""Paragraph -> Chunk(s) within a token budget, each keeping the paragraph's ref.

MiniLM reads at most 256 word pieces, so long paragraphs (treaty tables, long articles) are cut into
overlapping token windows; short ones are embedded with their document name, section and lead-in, so
"(b) to prevent, remove ..." is found by a question about Range States of Appendix I species.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from .naming import indexed_name
from .sentences import sentences
from .types import Chunk, Document, Paragraph, display_name


def _point_tiktoken_at_local_cache() -> None:
    """tiktoken downloads its encodings unless TIKTOKEN_CACHE_DIR names a cache; llama-index-core ships one.

    The folder is found from the installed distribution, without importing llama-index (a framework that
    stays inside `stores/`)."""
    if os.environ.get("TIKTOKEN_CACHE_DIR"):
        return
    try:
        located = distribution("llama-index-core").locate_file("llama_index/core/_static/tiktoken_cache")
    except PackageNotFoundError:  # pragma: no cover - a dependency; tiktoken then needs the variable set
        return
    cache = Path(str(located)).resolve()
    if cache.is_dir():
        os.environ["TIKTOKEN_CACHE_DIR"] = str(cache)


@lru_cache(maxsize=1)
def _encoding():  # type: ignore[no-untyped-def]
    _point_tiktoken_at_local_cache()
    import tiktoken

    return tiktoken.get_encoding("cl100k_base")


TITLE_CHARS = 200


def context_prefix(doc: Document, para: Paragraph) -> str:
    """What a paragraph is, in words a question would use: instrument, locator, section, lead-in."""
    # The document title heads every section path: it says nothing about this paragraph, so leave it out.
    parts = [s for s in para.section if s and s != doc.title]
    section = " > ".join(parts)
    head = display_name(indexed_name(doc), para.ref)
    if section:
        head += f" ({section[-160:]})"
    if para.lead_in:
        head += f"\n{para.lead_in[-300:]}"
    return head


def title_words(doc: Document) -> str:
    """A short name ("BWM Convention", "ITTA") says nothing of what the treaty is about, and questions name it by
    its subject ("the ballast water convention"): the title, for BM25 only. Embedded, it would make every chunk of
    the treaty say the same thing and blunt how close any one chunk is to a question."""
    title = " ".join(doc.title.split())
    return title[:TITLE_CHARS] if title and title.lower() not in indexed_name(doc).lower() else ""


def chunk_paragraph(doc: Document, para: Paragraph, max_tokens: int, overlap: int) -> list[Chunk]:
    enc = _encoding()
    prefix = context_prefix(doc, para)
    title = title_words(doc)
    tokens = enc.encode(para.text)
    budget = max(32, max_tokens - min(len(enc.encode(prefix)), max_tokens // 2))
    windows: list[str] = []
    if len(tokens) <= budget:
        windows.append(para.text)
    elif para.kind == "table":
        windows = _row_windows(para.text, budget, enc)
    else:
        step = max(1, budget - overlap)
        for start in range(0, len(tokens), step):
            windows.append(enc.decode(tokens[start:start + budget]))
            if start + budget >= len(tokens):
                break
    chunks = []
    for part, window in enumerate(windows):
        embed_text = f"{prefix}\n{window}"
        key = hashlib.sha1(f"{doc.doc_id}|{para.ref}|{part}|{embed_text}".encode()).hexdigest()[:16]
        chunks.append(Chunk(chunk_id=f"{doc.doc_id}::{para.position}::{part}::{key}", doc_id=doc.doc_id,
                            ref=para.ref, position=para.position, part=part, embed_text=embed_text, text=window,
                            lexical_text=f"{title}\n{embed_text}" if title else ""))
    return chunks


def _row_windows(text: str, budget: int, enc) -> list[str]:  # type: ignore[no-untyped-def]
    """A table's records (one per line) packed into windows whole: a row is never split between two chunks,
    so "Appendix I: Addax nasomaculatus" stays one findable record. Only a single row longer than the budget
    is cut."""
    windows: list[str] = []
    rows: list[str] = []
    size = 0
    for row in text.split("\n"):
        n = len(enc.encode(row)) + 1
        if rows and size + n > budget:
            windows.append("\n".join(rows))
            rows, size = [], 0
        if n > budget:
            windows += [enc.decode(enc.encode(row)[i:i + budget]) for i in range(0, n - 1, budget)]
            continue
        rows.append(row)
        size += n
    if rows:
        windows.append("\n".join(rows))
    return windows


def sentence_chunk_id(doc_id: str, position: int, i: int) -> str:
    """The id of a paragraph's i-th sentence (`sentences.sentence_spans` order) in the sentence collection: the
    index looks a paragraph's sentence vectors up by these ids."""
    return f"{doc_id}::{position}::s{i}"


def sentence_chunks(doc: Document) -> list[Chunk]:
    """One chunk per sentence of each paragraph, in `sentences.sentence_spans` order: the second-stage ranker
    compares a question with each sentence, since the sentence that answers is often one of several."""
    out: list[Chunk] = []
    for para in doc.paragraphs:
        for i, sentence in enumerate(sentences(para.text)):
            out.append(Chunk(chunk_id=sentence_chunk_id(doc.doc_id, para.position, i), doc_id=doc.doc_id, ref=para.ref,
                             position=para.position, part=i, embed_text=sentence, text=sentence))
    return out


def chunk_document(doc: Document, max_tokens: int, overlap: int) -> list[Chunk]:
    out: list[Chunk] = []
    for para in doc.paragraphs:
        out.extend(chunk_paragraph(doc, para, max_tokens, overlap))
    return out
