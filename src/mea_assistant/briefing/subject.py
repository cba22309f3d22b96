"""What a topic is about, in words a paragraph can be checked against.

"CITES Appendix I permits" is about *permits* for *Appendix I*: the instrument it names says where to look,
not what to look for, so the subject leaves it out; and "Appendix I" is one term (a paragraph about
Appendix II is not about it), as are "Annex 2" or "Article 6". Words that frame a note rather than name its
subject ("obligations of", "towards") are left out too: the note's headings sort provisions by duty. Each
subject word weighs by its rarity in the indexed paragraphs, so "finning" counts for more than "shark".
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from ..queries import instrument_spans, without_instruments
from ..terms import terms
from ..types import Document

if TYPE_CHECKING:
    from ..index import Index

# "agreements" and "protocols" stay: under CMS they are a subject ("agreements for Appendix II species").
_INSTRUMENT_WORDS = re.compile(r"\b(?:conventions?|protocol|agreement|memorand(?:um|a)|mous?|resolutions?|treat(?:y|ies)|"
                               r"instruments?|meas?)\b", re.I)
_FRAMING = re.compile(r"\b(?:obligations?|duties|duty|requirements?|commitments?|rules?|provisions?|towards?|"
                      r"regarding|concerning|relating|related|respect|role|issues?|matters?|aspects?|overview|"
                      r"briefing|note|across|each|every|various|different|texts?|documents?|wording|"
                      # the request's own verbs: "please brief on", "cover how", "set out", "put together"
                      r"please|kindly|brief|draft|prepare|cover|outline|summari[sz]e|put\s+together|set\s+out|"
                      r"especially|particularly|notably)\b", re.I)
# Whom the note is for, before the request ("For the Standing Committee, please brief on ..."): an audience, not a
# subject
_AUDIENCE = re.compile(r"^\s*(?:for|to)\s+(?:the\s+|our\s+)?[^,;:]{3,60},\s*(?=(?:please|could|can|would|kindly|i|we|"
                       r"prepare|draft|brief|put|write|set)\b)", re.I)
# "on what terms" asks for the conditions of what it follows; its "terms" is not the subject of a "Use of Terms"
# article nor of "mutually agreed terms"
_ASKED_TERMS = re.compile(r"\b(?:on|under|upon|with)\s+(?:what|which|whose)\s+terms\b", re.I)
_NUMBERED = re.compile(r"\b(Appendi(?:x|ces)|Annex(?:es)?|Articles?|Schedules?|Parts?|Lists?)\s+([IVX]+|\d+)\b")
_DANGLING = re.compile(r"\s*\b(?:the|under|of|in|on|for|by|to|and|between|across|conventions?|protocols?|agreements?|"
                       r"memorandum|mou|resolution)\s*$", re.I)
# "across the conventions", "in all the agreements": a topic on what every instrument says, none named.
_MANY = re.compile(r"\b(?:conventions|treaties|agreements|protocols|instruments|MEAs|memoranda|MOUs)\b", re.I)
# "the AEWA Action Plan", "the Action Plan": where in the instrument to look (its annexed plan), not a subject word.
_PLAN = re.compile(r"\bthe\s+(?:\S+\s+)?Action\s+Plan\b(?!s)", re.I)


# The sentence that asks for the note ("Please prepare a briefing note on how species are added to ..."): what
# comes before it sets the scene ("The Minister will speak at a side event on synergies", "Our delegation has been
# asked to co-sponsor a proposal"), which says why the note is wanted, not what it must cover
# (only a request that says what the note is on: "Please prepare a short note." after the account leaves it the
# subject)
_REQUEST = re.compile(r"(?:^|(?<=[.!?])\s+)(?=[^.!?]*\b(?:prepare|draft|write|put\s+together|need|want|like)\b[^.!?]*"
                      r"\b(?:briefing|note|brief)\s+(?:[\w-]+\s+){0,3}?(?<!based\s)(?<!drawing\s)(?<!relying\s)"
                      r"(?:on|about|covering|setting\s+out|explaining)\s+"
                      r"[^.!?]{20,})", re.I)


def request_of(topic: str) -> str:
    """The topic from the sentence asking for the note on, when a scene is set before it."""
    m = _REQUEST.search(topic)
    return topic[m.end():].strip() if m and m.start() > 0 else topic


def subject_of(topic: str, documents: dict[str, Document]) -> str:
    """The topic without the instruments it names ("Ramsar site designation" -> "site designation") and without
    the scene set before the request."""
    text = " ".join(without_instruments(_AUDIENCE.sub("", request_of(topic)), documents).split())
    while _DANGLING.search(text):
        text = _DANGLING.sub("", text)
    return text.strip() or topic


def glossable(topic: str, documents: dict[str, Document]) -> str:
    """The topic with each instrument it names read as "treaty", for the glossary: "how the wetlands convention can
    be changed" keeps the treaty that "changed" is said of (an amendment), which the subject alone loses."""
    text, end = [], 0
    for start, stop in instrument_spans(topic, documents):
        if start >= end:
            text += [topic[end:start], "treaty"]
            end = stop
    return "".join(text + [topic[end:]])


def across_instruments(topic: str, named: int) -> bool:
    """ "national reporting across the conventions": the topic names no instrument and speaks of several."""
    return named == 0 and bool(_MANY.search(topic))


def names_plan(subject_text: str) -> bool:
    """The topic locates itself in an instrument's annexed Action Plan ("... under the AEWA Action Plan")."""
    return bool(_PLAN.search(subject_text))


def without_plan(subject_text: str) -> str:
    """The subject without the plan it is located in: "habitat conservation under the Action Plan" ->
    "habitat conservation"."""
    text = " ".join(_PLAN.sub(" ", subject_text).split())
    while _DANGLING.search(text):
        text = _DANGLING.sub("", text)
    return text.strip() or subject_text


def weighted_terms(text: str, index: "Index") -> dict[str, float]:
    """Subject words and numbered phrases ("appendix i"), each weighted by its rarity (inverse document
    frequency over the indexed paragraphs); a phrase weighs as its rarest word."""
    # in a fixed order (the phrases as the text gives them, the words sorted): the weights are summed, and their
    # order must not depend on Python's string hashing, which differs from one process to the next
    phrases = list(dict.fromkeys(f"{m.group(1)[:6].lower()} {m.group(2)}" for m in _NUMBERED.finditer(text)))
    plain = _NUMBERED.sub(" ", text)
    words = terms(_FRAMING.sub(" ", _INSTRUMENT_WORDS.sub(" ", _ASKED_TERMS.sub(" ", plain))))
    if not words and not phrases:
        return {}
    df = _document_frequency(index)
    n = max(1, df.get("", 1))
    # A word no indexed paragraph carries (an abbreviation such as "ABS") cannot tell paragraphs apart.
    weights = {w: math.log(1 + n / (1 + df[w])) for w in sorted(words) if df.get(w, 0) > 0}
    rarest = max(weights.values(), default=math.log(1 + n / 10))
    weights.update({p: rarest for p in phrases})
    return weights


_AND = re.compile(r"\s*(?:,|;|:|\band\b|\bor\b|&)\s*", re.I)  # ":" opens the aspects of a topic
# "between X and Y" up to its "and": the relation's two sides are one subject
_RELATIONAL = re.compile(r"\b(?:between|among|amongst)\b[^,;:?]{0,80}?\band\b", re.I)
_KEPT_AND = "\x00"


def conjuncts(subject_text: str) -> list[str]:
    """ "access and benefit-sharing" -> ["access", "benefit-sharing"]: a topic on A and B is about A and about B,
    and a treaty often gives each its own article. A relation ("between X and Y") is one subject, not two; the
    rest of a request that speaks of one ("a dispute between governments - who names the arbitrators, is the
    award binding") still asks several things."""
    kept = _RELATIONAL.sub(lambda m: m.group(0)[:-3] + _KEPT_AND, subject_text)
    parts = [p.strip().replace(_KEPT_AND, "and") for p in _AND.split(kept) if p and p.strip()]
    return parts if len(parts) > 1 else []


def coverage(subject: dict[str, float], context: str) -> float:
    """Weighted share of the subject found in a paragraph's text with its lead-in and section."""
    total = sum(subject.values())
    if not total:
        return 1.0
    words = terms(context)
    found = 0.0
    for term, weight in subject.items():
        if " " in term:
            found += weight if _has_numbered(term, context) else 0.0
        elif _meets(term, words):
            found += weight
    return found / total


def beyond(subject: dict[str, float], text: str) -> dict[str, float]:
    """The subject without the words of `text` (an instrument's own title): "migratory waterbirds" cannot say
    which part of the Agreement on African-Eurasian Migratory Waterbirds is on the topic, "hunting" can."""
    words = terms(text)
    return {t: w for t, w in subject.items() if " " in t or not _meets(t, words)}


def other_numbered(subject: dict[str, float], context: str) -> bool:
    """The paragraph names the subject's numbered part's siblings and not the part itself ("Appendix II" for a
    topic on Appendix I): it is about another list of the treaty, however many other words it shares."""
    # every numbered part of the subject ("Appendices II and III" gives two): the paragraph is about another part
    # only when it names none of them (whichever the subject lists first)
    numbered = [term for term in subject if " " in term]
    if any(_has_numbered(term, context) for term in numbered):
        return False
    return any(re.search(rf"\b(?i:{re.escape(term.split(' ', 1)[0])})\w*\s+(?:[IVX]+|\d+)\b", context)
               for term in numbered)


def _has_numbered(phrase: str, context: str) -> bool:
    """ "append i" is in "Appendix I", "Appendices I and II", "Appendices I, II and III", not in "Appendix II"
    (the word in any case, the numeral as written)."""
    word, number = phrase.split(" ", 1)
    pattern = rf"\b(?i:{re.escape(word)})\w*\s+(?:(?:[IVX]+|\d+)\s*(?:,|and|or)\s*)*{re.escape(number)}(?![\w])"
    return re.search(pattern, context) is not None


def _meets(term: str, context: set[str]) -> bool:
    """A subject word is present when a word of the context is the same stem or shares a long prefix with it:
    the crude stemmer leaves "designation" as "design" and "designate" as "designate", which still meet."""
    if term in context:
        return True
    return any(len(t) >= 5 and len(term) >= 5 and (t.startswith(term) or term.startswith(t)
                                                   or _common(t, term) >= 6) for t in context)


def _common(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


_DF_CACHE: dict[int, dict[str, int]] = {}


def _document_frequency(index: "Index") -> dict[str, int]:
    """Paragraph frequency of each stem in the index (key "" holds the paragraph count), built once per index."""
    cached = _DF_CACHE.get(id(index))
    if cached is None:
        cached = {}
        count = 0
        for doc in index.documents.values():
            for p in doc.paragraphs:
                count += 1
                for t in terms(f"{p.text} {p.lead_in}"):
                    cached[t] = cached.get(t, 0) + 1
        cached[""] = count
        _DF_CACHE.clear()
        _DF_CACHE[id(index)] = cached
    return cached
