"""A species' listing binds through the article that governs its appendix.

"Appendix II: Pelecanus onocrotalus" says where a species is listed, not what follows from it: that is the article
the treaty gives the appendix ("Article IV Regulation of Trade in Specimens of Species Included in Appendix II",
"Article III Endangered Migratory Species: Appendix I"). A note on species quotes their rows and, with them, the
rule of each appendix they are listed in: the paragraphs of that article that name the appendix and say what it
requires, those closest to the topic first. The article is found by its own title naming that one appendix
("Appendices I and II", an article on amending them, names none alone), so no treaty is assumed.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..types import Document
from .cores import article_of, article_title

_ROW_REF = re.compile(r"^App\.\s+([IVX]+)\b")
_TITLE_NAMES = re.compile(r"\bAppendix\s+([IVX]+)\b")
# The rule a listing brings: a permit required, a taking prohibited, Range States to endeavour ("The export ...
# shall require the prior grant ...", "Parties ... shall prohibit the taking ...", "... shall endeavour to conclude
# AGREEMENTS"); not the article's framing ("All trade ... shall be in accordance with the provisions of this
# Article") nor what the appendix lists ("Appendix II shall list migratory species which ...").
_RULE = re.compile(r"\bshall\s+(?:\w+\s+)?(?:require|prohibit|endeavour)\b|"
                   r"\bshall\s+be\s+(?:subject\s+to|prohibited)\b|"
                   r"\bshall\s+only\s+be\s+granted\b")
PER_APPENDIX = 2  # paragraphs of an appendix's article a note quotes with its rows: its first rule, then the closest


_CELL = re.compile(r"^\s*Appendix\s+([IVX]+)\s*:(.*)$")


def row_appendices(ref: str, text: str, context: str, taxa: Iterable[str]) -> list[str]:
    """The appendices a listing row lists the taxa in: its cells "Appendix II: Tridacnidae spp." that name one of
    them (all its cells when its heading does: "Ursidae Bears"); else its own ref's ("App. I, Pelecanus crispus"
    under "App. I, PELECANIFORMES") when it names one. [] for a paragraph that is no listing row."""
    taxa = [t for t in taxa if t]
    cells = [m.groups() for line in text.splitlines() if (m := _CELL.match(line))]
    if cells:
        whole = any(t in context for t in taxa)
        return list(dict.fromkeys(n for n, cell in cells if whole or any(t in cell for t in taxa)))
    m = _ROW_REF.match(ref)
    return [m.group(1)] if m and "," in ref and any(t in f"{text} {context}" for t in taxa) else []


def governing_paragraphs(doc: Document, numeral: str) -> list[int]:
    """Numbered paragraphs of the first article whose title names Appendix `numeral` that name it themselves and
    state a rule ("The export of any specimen of a species included in Appendix II shall require ..."), in order."""
    head = ""
    found: list[int] = []
    for p in doc.paragraphs:
        article = article_of(p.ref)
        if not article or p.lead_in.strip() or p.kind in ("preamble", "front-matter"):
            continue
        if not head and numeral in _TITLE_NAMES.findall(article_title(doc, p.position)):
            head = article
        if head and article != head:
            break
        if head and re.search(rf"\bAppendix\s+{numeral}\b", p.text) and _RULE.search(p.text):
            found.append(p.position)
    return found


def governing_for_rows(documents: dict[str, Document], rows: Iterable[tuple[str, str]]
                       ) -> dict[tuple[str, str], list[int]]:
    """(doc id, appendix numeral) of the listings -> the governing paragraphs of that appendix in that document."""
    out: dict[tuple[str, str], list[int]] = {}
    for doc_id, numeral in rows:
        if (doc_id, numeral) not in out and doc_id in documents:
            out[(doc_id, numeral)] = governing_paragraphs(documents[doc_id], numeral)
    return {k: v for k, v in out.items() if v}


INTERPRETATION = "*"  # the key of a document's interpretation paragraph among the governing rules (one per document)
# How a listing applies, said once for every appendix ("When a species is included in one of the Appendices, all parts
# and derivatives of the species are also included in the same Appendix unless ..."): the appendices' own paragraphs,
# not rows, that name the appendices and what inclusion in them means.
_APPLIES = re.compile(r"\b(?:are|is)\s+(?:also\s+)?(?:deemed\s+to\s+be\s+)?(?:included|listed)\b")
_NAMES_APPENDIX = re.compile(r"\bAppendi(?:x|ces)\b")


def interpretation_paragraphs(doc: Document, row_ref: str) -> list[int]:
    """The numbered paragraphs of a row's own part (its ref's "App. I, II and III(7)") that say what inclusion in
    the appendices extends to: what a note on a listed species' parts and products quotes with the row."""
    part = re.sub(r"(?:,[^,]*|\s*¶\s*\d+|\(.*)$", "", row_ref).strip()  # "App. I, II and III, Antilocapridae"
    if not part.startswith(("App", "Annex", "Schedule")):
        return []
    return [p.position for p in doc.paragraphs
            if p.kind != "table" and not p.lead_in.strip() and re.fullmatch(rf"{re.escape(part)}\(\d+\)", p.ref)
            and _NAMES_APPENDIX.search(p.text) and _APPLIES.search(p.text)]
