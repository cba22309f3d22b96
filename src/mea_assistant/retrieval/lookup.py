"""Paragraphs named by an explicit reference: "Article III of CITES", "B12 of the JWP", "Res 11.10 op 29", "5.8".

A reference is a better answer than any similarity score, so these paragraphs go first (see `Retriever.search`).
"""

from __future__ import annotations

import re
from typing import Callable, Mapping, Sequence

from ..force import TREATY_TYPES  # a treaty's own text answers before texts that cite it
from ..parsing.labels import roman_to_int
from ..queries import QueryInfo, instrument_mentions
from ..asked_refs import explicit_refs, named_annex
from ..refs import ref_has_prefix
from ..stores.hits import paragraph_hit
from ..types import Document, Filters, Hit, Paragraph

MAX_PER_REF = 12  # "Article 5" of a long treaty: its first paragraphs, not the whole article


def referenced(query: str, wanted: Sequence[list[str]], documents: Mapping[str, Document],
               document_text: Callable[[str], str], filters: Filters, info: QueryInfo) -> list[Hit]:
    """The paragraphs whose refs start with the `wanted` locators, in the instruments the question names.

    `wanted` comes from `asked_refs.explicit_refs(query)`; `document_text` is the index's lower-cased text of a
    document, used to pick the document when the question names no instrument.
    """
    docs = _bound(query, documents) or documents_named_by(info, documents)
    if not docs:
        docs, wanted = _by_distinctive_locator(query, wanted, documents, document_text)
    # A treaty text answers "Article III of CITES" before a document that merely mentions it.
    docs.sort(key=lambda d: d.doc_type not in TREATY_TYPES)
    hits: list[Hit] = []
    for tokens in wanted:
        for doc in docs:
            if not filters.allows(doc):
                continue
            found = [p for p in doc.paragraphs if ref_has_prefix(tokens, p.ref)]
            if found:
                found = _mentions_first(tokens, found, doc)
                hits.extend(paragraph_hit(doc, p.position, 1.0, exact=True) for p in found[:MAX_PER_REF])
                break
    return hits


# "Article 15 of the Biodiversity Convention", "Art. 4 under the CBD": the instrument named right after a locator
_LOCATOR_OF = re.compile(r"\b(?:Articles?|Art\.)\s+[0-9IVXLC]+(?:\s*\([\w ]+\))*\s+(?:of|in|under)\s+(?:the\s+)?", re.I)


def _bound(query: str, documents: Mapping[str, Document]) -> list[Document]:
    """The documents of the instrument each article the question cites is said to be of, when it says so for every
    one: "Does the Nagoya Protocol's preamble recall Article 15 of the Biodiversity Convention?" cites the CBD's
    Article 15, not the Protocol's."""
    ends = [m.end() for m in _LOCATOR_OF.finditer(query)]
    if not ends:
        return []
    mentions = instrument_mentions(query, dict(documents))
    bound = [[label for start, _, label in mentions if start == end] for end in ends]
    if not all(bound):
        return []
    labels = {label for labels in bound for label in labels}
    return [d for d in documents.values() if d.doc_id in labels or (d.conventions[:1] and d.conventions[0] in labels
                                                                      and d.doc_type in TREATY_TYPES)]


def _mentions_first(tokens: list[str], found: list[Paragraph], doc: Document) -> list[Paragraph]:
    """A dotted number no paragraph is labelled with, only its sub-items ("objective 4.1" of a capacity-building
    plan beside the items 4.1.1-4.1.4 of another plan it quotes): the paragraphs whose text names that number
    ("With regard to objective 4.1, ...") are about it, before the sub-items that merely share its digits."""
    if len(tokens) < 2 or not all(t.isdigit() for t in tokens):
        return found
    number = ".".join(tokens)
    if any(p.ref.rsplit(" ", 1)[-1] == number for p in found):
        return found
    mention = re.compile(rf"(?<![\w.]){re.escape(number)}(?!\w|\.\d)")
    labelled = {p.position for p in found}
    named = [p for p in doc.paragraphs if p.position not in labelled and mention.search(p.text)]
    return named + found


def annexed(query: str, documents: Mapping[str, Document], filters: Filters, info: QueryInfo) -> list[Hit]:
    """The paragraphs of the annex a question names by its number, in the instrument it names, when the annex is
    short enough to be read whole ("Annex I" of the CBD, which the text held here numbers "Annex 1"); a long one
    (an annexed action plan) is searched like the rest, since its first paragraphs are no answer to a topic."""
    number = named_annex(query)
    docs = documents_named_by(info, documents)
    if not number or not docs:
        return []
    asked = {_number(number)}
    for doc in sorted(docs, key=lambda d: d.doc_type not in TREATY_TYPES):
        if not filters.allows(doc):
            continue
        found = [p for p in doc.paragraphs if {_number(x) for x in _part_labels(p.ref, annex=True)} == asked]
        if found:
            return [paragraph_hit(doc, p.position, 1.0, exact=True) for p in found] if len(found) <= MAX_PER_REF else []
    return []


def documents_named_by(info: QueryInfo, documents: Mapping[str, Document]) -> list[Document]:
    """The documents the question names, or else those whose own instrument is a convention it names."""
    return [documents[d] for d in info.doc_ids] or [
        d for d in documents.values() if info.conventions and d.conventions[0] in info.conventions]


def _part_labels(ref: str, annex: bool) -> list[str]:
    """The labels of the annexes (or appendices) a ref places its paragraph in: "Annex 3, 2.1.1" -> ["3"],
    "App. I, II and III, Bovidae" -> ["I", "II", "III"]."""
    m = _PART_REF.match(ref)
    if not m or (m.group(1) == "Annex") != annex:
        return []
    return re.split(r",\s*|\s+and\s+", m.group(2))


def _number(label: str) -> int:
    return roman_to_int(label) if _ROMAN.match(label) else int(label)


def _by_distinctive_locator(query: str, wanted: Sequence[list[str]], documents: Mapping[str, Document],
                            document_text: Callable[[str], str]
                            ) -> tuple[list[Document], list[list[str]]]:
    """No instrument named: a distinctive locator ("5.8", "4.1.4", "B12") may still name one paragraph;
    prefer the document whose wording the question shares."""
    dotted = [t for t in wanted
              if len(t) >= 2 and all(x.isdigit() for x in t) or (t and t[0].isalpha() and len(t[0]) == 1)]
    if not dotted:
        return [], []
    words = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", query)}

    def overlap(doc: Document) -> int:
        text = document_text(doc.doc_id)
        return sum(1 for w in words if w in text)

    docs = sorted((d for d in documents.values()
                   if any(ref_has_prefix(t, p.ref) for t in dotted for p in d.paragraphs)), key=lambda d: -overlap(d))
    return docs[:1], dotted


_ARTICLE = re.compile(r"\b(?:article|art\.?)\s*([ivxlc]+|\d+)(?:\s+(bis|ter|quater))?\b((?:\s?\((?:[a-z]{1,3}|\d{1,2})\))*)",
                      re.I)
# An appendix or annex by its number ("Appendix IV", "Annex 5"), and the numbers a document's own refs give its parts
# ("App. I, II and III, Bovidae", "Annex 3, 2.1.1")
_PART = re.compile(r"\b(appendix|annex)\s+([ivx]+|\d{1,2})\b", re.I)
_PART_REF = re.compile(r"^(App\.|Appendix|Annex)\s*((?:[IVXLC]+|\d+)(?:(?:,\s*|\s+and\s+)(?:[IVXLC]+|\d+)\b)*)")
# a part of an annex: "Part 3 of Annex II", "Annex II, Part 3"
_ANNEX_PART = re.compile(r"\bpart\s+([ivx]+|\d{1,2})\s+(?:of|to)\s+(?:the\s+)?annex\s+([ivx]+|\d{1,2})\b|"
                         r"\bannex\s+([ivx]+|\d{1,2})\s*,?\s*part\s+([ivx]+|\d{1,2})\b", re.I)
_PARAGRAPH = re.compile(r"\b(?:operative\s+paragraph|paragraph|para\.?|op\.?)\s*(\d+)\b", re.I)
_ROMAN = re.compile(r"^[ivxlc]+$", re.I)
_OF_CHARTER = re.compile(r"\s*,?\s+of\s+the\s+(?:(?:UN|United\s+Nations)\s+)?Charter\b", re.I)


def _in_title(locator: re.Match[str], title: str) -> bool:
    kind = re.escape(locator.group(0).split()[0].rstrip("."))
    return bool(re.search(rf"\b{kind}\w*\.?\s*{re.escape(locator.group(1))}\b", title, re.I))


def missing_reference(query: str, documents: Mapping[str, Document], info: QueryInfo) -> str | None:
    """ "Article XXX of CITES" when CITES has no Article XXX: one sentence saying so and what it has instead,
    so the answer is not an unrelated article. None when the question names no such locator or instrument."""
    if not explicit_refs(query) and not _PART.search(query):
        return None  # no article, paragraph, appendix or annex named: nothing that could be missing
    docs = _bound(query, documents) or documents_named_by(info, documents)
    if not docs:
        return None
    docs.sort(key=lambda d: d.doc_type not in TREATY_TYPES)
    doc = docs[0]
    if in_annex := _ANNEX_PART.search(query):
        return _missing_annex_part(doc, in_annex)  # its articles are the annex's, not the treaty's
    article, paragraph = _ARTICLE.search(query), _PARAGRAPH.search(query)
    part = _PART.search(query)
    if part and not article and not paragraph:
        return _missing_part(doc, part)
    # "the Article 45 agreement" names a text by the article of another treaty its title implements ("Agreement to
    # implement paragraph 1 of article 45 of the Agreement of 3 August 1959"): no locator of its own
    article, paragraph = (None if m and _in_title(m, doc.title) else m for m in (article, paragraph))
    # "registered under Article 102 of the Charter": the United Nations Charter's article, which treaties cite
    if article and _OF_CHARTER.match(query, article.end()):
        article = None
    if article:
        number = article.group(1)
        have = list(dict.fromkeys(m.group(1) for p in doc.paragraphs
                                  for m in [re.match(r"^Art\. (\d+(?: bis| ter| quater)?|[IVXLC]+)\b", p.ref)] if m))
        label = number.upper() if _ROMAN.match(number) else number
        if article.group(2):
            label = f"{label} {article.group(2).lower()}"
        if not have:
            return None
        if label not in have:
            return f"{doc.citation_name} has no Article {label}; its articles run {have[0]} to {have[-1]}."
        return _missing_item(doc, label, article.group(3) or "")
    if paragraph:
        number = int(paragraph.group(1))
        have_nums = sorted({int(m.group(1)) for p in doc.paragraphs
                            for m in [re.match(r"^para\. (\d+)\b", p.ref)] if m})
        if not have_nums or number in have_nums:
            return None
        return (f"{doc.citation_name} has no paragraph {number}; its numbered paragraphs run "
                f"{have_nums[0]} to {have_nums[-1]}.")
    return None


def _missing_annex_part(doc: Document, asked: re.Match[str]) -> str | None:
    """ "Part 3 of Annex II of the CBD" when its Annex II has Parts 1 and 2: say so. None when the part exists or the
    annex is not divided into parts in this text."""
    annex, part = asked.group(2) or asked.group(3), asked.group(1) or asked.group(4)
    have: list[str] = []
    for p in doc.paragraphs:
        m = re.match(r"^Annex\s+([IVXLC]+|\d+),\s*Part\s+([IVXLC]+|\d+)\b", p.ref)
        if m and _number(m.group(1)) == _number(annex) and m.group(2) not in have:
            have.append(m.group(2))
    if not have or _number(part) in {_number(x) for x in have}:
        return None
    listed = " and ".join([", ".join(have[:-1]), have[-1]] if len(have) > 1 else have)
    label = annex.upper() if _ROMAN.match(annex) else annex
    return f"{doc.citation_name} Annex {label} has no Part {part}; its parts are {listed}."


def _missing_item(doc: Document, label: str, items: str) -> str | None:
    """ "Article 8(n) of the CBD" when Article 8 ends at (m): the first item the article does not have, and the
    items it has there. None when every item asked exists (or none was asked)."""
    wanted = re.findall(r"\(([^()]+)\)", items)
    prefix = f"Art. {label}"
    for item in wanted:
        below = [r[len(prefix):] for r in (p.ref for p in doc.paragraphs) if r.startswith(prefix + "(")]
        have = list(dict.fromkeys(m.group(1) for r in below for m in [re.match(r"^\(([^()]+)\)", r)] if m))
        if not have:
            return None  # the article is not itemised in this text: nothing to say it lacks
        if item.lower() not in {h.lower() for h in have}:
            noun = "paragraph" if item.isdigit() else "item"
            return (f"{doc.citation_name} {prefix} has no {noun} ({item}); its {noun}s there run ({have[0]}) to "
                    f"({have[-1]}).")
        prefix = f"{prefix}({item})"
    return None


def _missing_part(doc: Document, part: re.Match[str]) -> str | None:
    """ "Appendix IV of CMS" when the text held here has Appendices I and II: say so, with the parts it has. None
    when the part exists, or when the text numbers no part of that kind (a single unnumbered annex)."""
    kind = part.group(1).lower()
    asked = part.group(2)
    have: list[str] = []
    for p in doc.paragraphs:
        have += [x for x in _part_labels(p.ref, annex=kind == "annex") if x not in have]
    if not have or _number(asked) in {_number(x) for x in have}:
        return None
    plural = "annexes" if kind == "annex" else "appendices"
    listed = " and ".join([", ".join(have[:-1]), have[-1]] if len(have) > 1 else have)
    name = asked.upper() if _ROMAN.match(asked) else asked
    return f"The text of {doc.citation_name} held here has no {kind.capitalize()} {name}; its {plural} are {listed}."
