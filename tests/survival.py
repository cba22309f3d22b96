"""Does every sentence of a source file survive parsing? Shared by the corpus and the unseen-treaty tests.

Independent of the parser's rules: the source is read as plain text (markup stripped, table rows split into
cells), cut into sentences, and each sentence of four words or more must be found, ignoring spacing,
punctuation and case, in the document's paragraphs (text, footnotes, headings, table-cell metadata) or in
its list of dropped furniture.
"""

from __future__ import annotations

import re
from pathlib import Path

from mea_assistant.parsing import labels as lab
from mea_assistant.parsing.cleaning import normalise_for_match, strip_inline_markup
from mea_assistant.parsing.readers import decode_bytes
from mea_assistant.types import Document

_SUP_RE = re.compile(r"<sup>(.*?)</sup>", re.I | re.S)


def squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", normalise_for_match(text))


def _source_pieces(path: Path, dropped_lines: set[int]) -> list[str]:
    """Sentences of the source: blocks end at blank lines and headings; table rows split into cells."""
    text = decode_bytes(path.read_bytes(), str(path))
    pieces: list[str] = []
    block: list[str] = []

    def close() -> None:
        joined = re.sub(r"(\w)- (\w)", r"\1-\2", " ".join(block))
        pieces.extend(re.split(r"(?<=[.;:!?])\s*(?=[A-Z\"“(]|\s)", joined))
        block.clear()

    for no, line in enumerate(text.replace("\r\n", "\n").replace("\f", "\n").split("\n"), 1):
        line = line.strip()
        if no in dropped_lines or re.fullmatch(r"(?:<[^<>]+>\s*)+", line):
            continue
        if not line:
            close()
            continue
        # "26<sup>th</sup>", and an inserted article's number "3 <sup>ter</sup>" (Article 3ter): part of the word
        line = re.sub(r"(?<=\d) ?<sup>\s*(st|nd|rd|th|er|re|e|ème|o|a|bis|ter|quater|quinquies|sexies)\s*</sup>", r"\1",
                      line, flags=re.I)
        pieces += [m.group(1) for m in _SUP_RE.finditer(line) if len(m.group(1).split()) >= 3]
        line = _SUP_RE.sub(" ", line)
        if line.startswith("|"):
            close()
            pieces += [strip_inline_markup(c) for c in line.strip("|").split("|")]
        elif line.startswith("#"):
            close()
            pieces.append(strip_inline_markup(line.lstrip("#")))
        else:
            block.append(strip_inline_markup(re.sub(r"^[-*+•]\s+", "", line)))
    close()
    return pieces


def _unlabelled(sentence: str) -> str:
    """Labels become refs ("14.", "a)", "Objective 5.1"), so a sentence is looked for without them."""
    sentence = re.sub(r"^(?:and|or|et|ou|y|o)\s+", "", sentence.strip())  # "; and" stays with the clause before
    sentence = re.sub(r"^(?:Preamble|Préambule|Preámbulo)(?=[A-Z ])", "", sentence).strip()
    sentence = re.sub(r"\s+\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]{1,4}|[A-Z]\.?\d{1,3})[.)]$", "", sentence)  # next label
    sentence = re.sub(r"(?<=[a-z)][.:;])(?:[1-9]|[1-3]\d)\.$", "", sentence)  # "... environment.2.": glued on
    for _ in range(3):
        found = lab.detect(sentence) or ([lab.Label("glued", "", sentence[m.end():])]
                                         if (m := re.match(r"^\(?[a-z0-9]{1,4}[.)](?=\S)", sentence)) else [])
        if not found:
            break
        sentence = found[0].rest
    return sentence


def lost_sentences(path: Path, doc: Document) -> list[str]:
    """The source's sentences (4+ words) found nowhere in the parsed document."""
    parts = [p.text for p in doc.paragraphs] + [n for p in doc.paragraphs for n in p.footnotes]
    parts += [" ".join(p.section) for p in doc.paragraphs] + [v for p in doc.paragraphs for v in p.meta.values()]
    parts += [d.text for d in doc.dropped] + [doc.title]
    haystack = squash("\n".join(parts))
    # The paragraphs in reading order with each heading where it opens: a wrapped text's heading runs into
    # its paragraph in the checker's sentences ("Section 2 Objective 5. The objective ...").
    ordered: list[str] = []
    previous: tuple[str, ...] = ()
    for p in doc.paragraphs:
        common = 0
        while common < min(len(previous), len(p.section)) and previous[common] == p.section[common]:
            common += 1
        ordered += list(p.section[common:]) + [p.text]
        previous = p.section
    haystack += squash("\n".join(ordered))
    lost = []
    for piece in _source_pieces(path, {d.line for d in doc.dropped if not d.page}):
        sentence = _unlabelled(piece)
        if len(sentence.split()) < 4:
            continue
        key = squash(sentence)
        if key and key not in haystack:
            lost.append(sentence)
    return lost
