"""Definition questions -> the defining paragraph: "How does the CBD define in-situ conservation?" finds the
paragraph reading '"In-situ conservation" means ...'. Treaty definitions follow that wording, so the rule comes
from the texts' own drafting, not from any one document."""

from __future__ import annotations

import re
from typing import Mapping

from ..force import TREATY_TYPES
from ..queries import QueryInfo
from ..stores.hits import paragraph_hit
from ..types import Document, Filters, Hit, Paragraph
from .lookup import documents_named_by

_DEFINE_RE = re.compile(
    r"\bdefin(?:e|es|ed|ition of)\s+[\"“']?(?:the term\s+)?([\w\s-]{3,60}?)[\"”']?\s*(?:\?|$|\bin\b|\bunder\b|,)"
    r"|what (?:is|are) meant by\s+[\"“']?([\w\s-]{3,60}?)[\"”']?\s*(?:\?|$|\bin\b|\bunder\b)"
    r"|what does (?:the term\s+)?[\"“']([\w\s-]{3,60})[\"”'] mean"
    r"|\b(?:what|who|which \w+) (?:counts|qualifies|is considered|are considered|is regarded) as\s+(?:an?\s+|the\s+)?"
    r"[\"“']?([\w\s-]{3,60}?)[\"”']?\s*(?:\?|$|\bin\b|\bunder\b|,|\bfor\b)", re.I)
# A term the question puts in quotation marks ("When is a species 'endangered'?"), or asks about bare
# ("What is a Range State?"): looked up only when some paragraph defines exactly that term.
_QUOTED = re.compile(r"(?:^|[\s(])[\"“‘']([A-Za-z][\w\s-]{2,60}?)[\"”’'](?=[\s?.,;:)]|$)")
_BARE = re.compile(r"^\s*what (?:is|are) (?:an? )?(?!the\b)([\w-]+(?:\s+[\w-]+){0,3}?)"
                   r"(?:\s+(?:under|in|for|according to)\b[^?]*|,\s*(?:and|or)\s[^?]*)?\s*\??\s*$", re.I)
# "Who are the competent authorities for the UK ...?": a term the treaty defines by whom it means ('"competent
# authority" means: (i) in the Netherlands: the Minister of Finance ...'), looked up in the singular too.
_WHO = re.compile(r"^\s*who (?:is|are) (?:the |an? )?([\w-]+(?:\s+[\w-]+){0,2}?)"
                  r"(?:\s+(?:under|in|for|of|according to)\b[^?]*|,\s*(?:and|or)\s[^?]*)?\s*\??\s*$", re.I)
MAX_DEFINITIONS = 3


def _clean(term: str) -> str:
    term = term.strip(" ?\"'“”‘’").lower()
    return re.sub(r"^(?:the|a|an)\s+|\s+(?:under|in|for)\s+.*$", "", term)


def defined_term(query: str) -> str | None:
    """The term a question asks the definition of, lower-cased ("in-situ conservation"), or None."""
    match = _DEFINE_RE.search(query)
    if not match:
        return None
    return _clean(next(g for g in match.groups() if g)) or None


def candidate_terms(query: str) -> list[str]:
    """Terms a question may ask about without saying "define": quoted ones, or a bare "what is a X?"."""
    terms = [_clean(m.group(1)) for m in _QUOTED.finditer(query)]
    bare = _BARE.match(query)
    if bare:
        terms.append(_clean(bare.group(1)))
    who = _WHO.match(query)
    if who:
        term = _clean(who.group(1))
        terms += [term, re.sub(r"ies$", "y", term) if term.endswith("ies") else term.removesuffix("s")]
    return [t for t in dict.fromkeys(terms) if t]


# How a treaty opens a definition, before the quoted term: "In this Convention the term “...”", "The “...”" (UNESCO),
# "the term “...”" (the ILO); every quotation mark treaties print (", “ ”, ‘‘ ’’, ,,, and the low „ of a German or
# Dutch typesetter: "the term „seafarer” includes").
# ("In this Agreement –“investments” includes ...": the dash printed against the quotation mark)
_IN_THIS = (r"(?:(?:in|for the purposes? of) this (?:convention|agreement|protocol|statute|constitution)"
            r"(?:\s*[,–-]\s*|\s+))?")
_ARTICLE = r"(?:the|an?)\s+(?:terms?\s+)?"
_QUOTES = r"[\"“”‘’'`,„‚]"
# The verbs that define: "means", "includes", and the older drafting "shall include", "shall be deemed to include"
# (WIPO: '"intellectual property" shall include the rights relating to ...') and "by which is meant" (the ILO of the
# 1930s: "benefit, by which is meant a payment related to contributions").
DEFINING = r"(?:means|includes|shall mean|shall include|shall be deemed to (?:include|mean)|refers|is meant)"
# A defined term in quotation marks at the head of a paragraph, before "means" / "includes" / "refers".
_DEFINED = re.compile(rf"^\s*{_IN_THIS}(?:{_ARTICLE})?{_QUOTES}{{1,2}}([A-Za-z][\w\s-]{{2,60}}?){_QUOTES}{{1,2}}\s*"
                      rf"(?:\([^)]*\)\s*)?{DEFINING}\b", re.I)


# The older drafting without quotation marks: "For the purpose of this Convention wetlands are areas of marsh, fen ..."
_DEFINED_BARE = re.compile(r"^\s*For the purposes? of (?:this|the present) (?:Convention|Agreement|Protocol|Treaty),?\s+"
                           r"(?:the term\s+)?([a-z][a-z -]{2,40}?)\s+(?:are|is|shall be|shall mean|means)\s", re.I)


def term_defined(text: str) -> str | None:
    """The term a paragraph defines ('"Taking" means ...' -> "Taking"), or None for any other paragraph."""
    match = _DEFINED.match(text) or _DEFINED_BARE.match(text)
    return match.group(1).strip() if match else None


def _misspelt(term: str, text: str) -> bool:
    """The paragraph defines the term as the treaty misprints it ("Harzardous activity" means ...): one letter
    added, dropped or changed in a term of at least eight."""
    m = _DEFINED.match(text)
    if not m or len(term) < 8:
        return False
    return _one_edit(m.group(1).lower().strip(), term)


def _one_edit(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i + (len(a) > len(b)):] == b[i + (len(b) > len(a)):]


def _naming(term: str, doc: Document) -> list[Paragraph]:
    """Where a treaty names what it sets up and gives it the short name it uses after ("... is hereby re-established
    as the Netherlands America Commission for Educational Exchange (hereinafter referred to as NACEE)", "... the
    downing of Malaysia Flight MH17 ... (the Activity)"): the definition of that short name, when the treaty defines
    it no other way. The first such paragraph only."""
    pattern = re.compile(rf"\(\s*(?:hereinafter\s+(?:(?:referred\s+to|called|designated|known)\s+as\s+)?)?(?:the\s+)?"
                         rf"{_QUOTES}{{0,2}}{re.escape(term)}s?{_QUOTES}{{0,2}}\s*\)", re.I)
    return next(([p] for p in doc.paragraphs if pattern.search(p.text)), [])


def _genus(term: str, doc: Document) -> list[Paragraph]:
    """A definition drafted by its kind, without "means": "Alert exercises are exercises intended for the inspection
    without prior notification of ..." (the term, "is" or "are", then its head noun again). The first such paragraph,
    when the treaty defines the term no other way."""
    head = term.split()[-1].removesuffix("s")
    pattern = re.compile(rf"^(?:an?\s+|the\s+)?{re.escape(term.removesuffix('s'))}s?\s+(?:is|are)\s+"
                         rf"(?:an?\s+|any\s+|all\s+|those\s+)?{re.escape(head)}s?\b", re.I)
    return next(([p] for p in doc.paragraphs if pattern.match(p.text.strip())), [])


def defining_paragraphs(term: str, documents: Mapping[str, Document], filters: Filters, info: QueryInfo
                        ) -> list[Hit]:
    """Paragraphs opening with the term followed by "means" / "includes" / "refers", the treaty's own first."""
    # the term as a definition opens (_IN_THIS, _ARTICLE, _QUOTES), or bare with no article before it
    # "the term domestic worker means": "the term" says what the quotation marks would, where a converter dropped
    # them with the emphasis that printed the term (ILO: "the term *domestic worker* means")
    pattern = re.compile(rf"^{_IN_THIS}(?:{_ARTICLE}{_QUOTES}{{1,2}}|the\s+terms?\s+{_QUOTES}{{0,2}}|{_QUOTES}{{0,2}})"
                         rf"{re.escape(term)}s?"
                         rf"[\"“”‘’'`„‚]{{0,2}}\s*(?:\([^)]*\)\s*)?[^.;:\"“]{{0,80}}?\b{DEFINING}\b", re.I)
    named = set(info.doc_ids)
    # a document the question names is read even where a convention word of its name points elsewhere ("the
    # Nagoya-Kuala Lumpur Supplementary Protocol", a Cartagena protocol, is no document of the Nagoya Protocol),
    # when that word would leave none of the named documents
    kept = [d for d in named if d in documents and (not info.conventions
                                                    or documents[d].conventions[0] in info.conventions)]
    exempt = named if not kept else set()
    hits = []
    for doc in documents.values():
        if not filters.allows(doc):
            continue
        if doc.doc_id not in exempt and info.conventions and doc.conventions[0] not in info.conventions:
            continue
        if named and not info.conventions and doc.doc_id not in named:
            continue  # "... under the OPRC Convention": that treaty's definition, not another's
        found = [p for p in doc.paragraphs if pattern.match(p.text.strip())]
        # the older drafting: "For the purpose of this Convention wetlands are areas of marsh ..." (term_defined)
        found = found or [p for p in doc.paragraphs if (m := _DEFINED_BARE.match(p.text))
                          and m.group(1).lower().removesuffix("s") == term.lower().removesuffix("s")]
        # only where the document defines nothing under the exact term: "ex-situ" is no misprint of "in-situ"
        found = found or [p for p in doc.paragraphs if _misspelt(term, p.text)]
        found = found or _naming(term, doc) or _genus(term, doc)
        hits += [paragraph_hit(doc, p.position, 1.0, exact=True) for p in found]
    hits.sort(key=lambda h: h.doc_type not in TREATY_TYPES)
    return hits[:MAX_DEFINITIONS]


# A question on an instrument's definitions as a whole ("Where are the CBD's own definitions?", "Does AEWA have a
# definitions clause?", "Does that definition apply across the whole MOU?"), not on one term's ("the definition of")
_ASKS_DEFINITIONS = re.compile(r"\bdefinitions\b(?!\s+(?:of|for)\b)|"
                               r"\bdefinitions?\s+(?:clause|article|section|provision)s?\b|"
                               r"\b(?:that|this|the|its|these|those)\s+definitions?\b[^?]{0,40}?\b(?:whole|across|"
                               r"entire|throughout|every|just\s+one|only\s+one|one\s+article)\b|\buse\s+of\s+terms\b",
                               re.I)
# The clause that opens an instrument's definitions, as treaties draft it: "For the purpose of this Convention:",
# "In addition, for the purposes of this Protocol:", "For the purpose of this Memorandum of Understanding:"
_DEFINITIONS_CLAUSE = re.compile(r"\bfor\s+the\s+purposes?\s+of\s+(?:this|the\s+present)\s+[A-Za-z][\w\s]{2,40}?:\s*$",
                                 re.I)


def asks_definitions(query: str) -> bool:
    return _ASKS_DEFINITIONS.search(query) is not None


def definitions_clauses(documents: Mapping[str, Document], filters: Filters, info: QueryInfo) -> list[Hit]:
    """The clause opening the definitions of each document the question names (its first: an annex's own
    definitions come after the instrument's), the treaty's own first."""
    hits = []
    for doc in documents_named_by(info, documents):
        if not filters.allows(doc):
            continue
        clause = next((p for p in doc.paragraphs if _DEFINITIONS_CLAUSE.search(p.text.strip())), None)
        if clause is not None:
            hits.append(paragraph_hit(doc, clause.position, 1.0, exact=True))
    hits.sort(key=lambda h: h.doc_type not in TREATY_TYPES)
    return hits[:MAX_DEFINITIONS]


# "What is UN-Oceans, which the CITES Secretariat says it belongs to?", "What is the World Coastal Forum that the
# resolution refers to?": a body or initiative the texts name, asked about by its proper name
_PROPER = re.compile(r"^\s*[Ww]hat\s+(?:is|are|was)\s+(?:the\s+)?([A-Z][\w-]*(?:\s+(?:of\s+|for\s+|on\s+)?(?:the\s+)?"
                     r"[A-Z][\w-]*)*)\s*(?:,?\s*(?:which|that|who|as|mentioned|referred)\b[^?]*)?\??\s*$")


def described(query: str, documents: Mapping[str, Document], filters: Filters, info: QueryInfo) -> list[Hit]:
    """Where the texts say what a body or initiative the question names is, though they define no term: a paragraph
    opening "UN-Oceans is an inter-agency mechanism ...", or naming it with an apposition ("the World Coastal
    Forum, a global partnership initiative ..."); the first such paragraph of each document the question may mean."""
    m = _PROPER.match(query)
    if not m:
        return []
    name = re.escape(m.group(1))
    opening = re.compile(rf"^(?:the\s+)?{name}\s+(?:is|are|was)\s+(?:an?|the)\s", re.I)
    apposed = re.compile(rf"\b{name},\s+(?:an?)\s+[a-z]")
    named = {d.doc_id for d in documents_named_by(info, documents)}
    hits = []
    for doc in documents.values():
        if not filters.allows(doc) or named and doc.doc_id not in named:
            continue
        found = next((p for p in doc.paragraphs if opening.match(p.text.strip())), None) or \
            next((p for p in doc.paragraphs if apposed.search(p.text)), None)
        if found is not None:
            hits.append(paragraph_hit(doc, found.position, 1.0, exact=True))
    return hits[:MAX_DEFINITIONS]


MAX_LISTED = 8  # the defined terms a "does not define" answer names


def undefined_term(query: str, documents: Mapping[str, Document], info: QueryInfo) -> str | None:
    """What to say when a question asks how an instrument defines a term it quotes ("How does the CBD define
    'invasive alien species'?") that the instrument's text never uses, though it has definitions of its own: that
    it does not define it, and which terms it does define. None otherwise (a term the text uses may be defined in
    other words, which retrieval finds)."""
    term = defined_term(query)
    if not term or term not in [_clean(m.group(1)) for m in _QUOTED.finditer(query)]:
        return None
    docs = documents_named_by(info, documents)  # as a missing locator is looked for: the named documents ...
    if not info.doc_ids:  # ... or the treaty of the one convention named
        docs = [d for d in docs if d.doc_type in TREATY_TYPES]
    if len(docs) != 1:
        return None
    doc = docs[0]
    defined = list(dict.fromkeys(t for p in doc.paragraphs if (t := term_defined(p.text))))
    stem = re.escape(term.removesuffix("s"))
    if not defined or any(re.search(rf"\b{stem}s?\b", p.text, re.I) for p in doc.paragraphs):
        return None
    shown = ", ".join(f"“{t}”" for t in defined[:MAX_LISTED]) + (", ..." if len(defined) > MAX_LISTED else "")
    return (f"{doc.citation_name} does not define “{term}”; the term does not appear in its text. "
            f"It defines {shown}.")

