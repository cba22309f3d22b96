"""Acronyms readers use for what a text spells out: "CCAMLR" for the Convention on the Conservation of Antarctic
Marine Living Resources, "LRTAP" for the Convention on Long-range Transboundary Air Pollution, "UNECE" for the
United Nations Economic Commission for Europe.

An acronym is the initials of consecutive words with the small words left out, which is how these are formed.
Reading them off a document's own title and text means that an instrument nobody listed in
data/instruments.toml is still found by the name people call it, and that a question using such a name is not
taken for one about something the corpus lacks.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from .types import Document

# Left out of acronyms in the languages of the MEAs ("Convention on the Conservation of ..." -> CC...).
SMALL = frozenset("""of the on and for in to a an at by with concerning between
de la le les des du et sur pour en y el los las del con""".split())
INSTRUMENT_WORDS = frozenset("convention agreement protocol treaty memorandum accord convenio convención acuerdo "
                             "protocolo tratado convenção".split())
MIN_LETTERS = 4  # shorter initials collide with ordinary words and with each other
_WORD = re.compile(r"[^\W\d_]+")
_ACRONYM = re.compile(r"(?<![\w.])[A-Z]{%d,10}(?![\w])" % MIN_LETTERS)
# A run of capitalised words, small words allowed inside: "United Nations Economic Commission for Europe".
CAPITAL_RUN = re.compile(r"(?:[A-Z][\w'-]*)(?:\s+(?:(?:of|the|on|and|for|de|la|des|du|del)\s+)*[A-Z][\w'-]*)+")


def _initials(words: Iterable[str]) -> str:
    return "".join(w[0].upper() for w in words)


def _significant(text: str) -> list[str]:
    """Words that give an acronym a letter; hyphenated words give one per part ("Long-range" -> L, R)."""
    return [w for w in _WORD.findall(text) if w.lower() not in SMALL]


@lru_cache(maxsize=1024)
def title_acronyms(title: str) -> frozenset[str]:
    """The initials of the whole title, and of the title without its leading instrument word: CCAMLR and CAMLR,
    CLRTAP and LRTAP. Only these two: any other run of a title's initials is not a name anyone uses; and the
    acronym a title gives itself in brackets ("Statute of the International Renewable Energy Agency (IRENA)")."""
    words = _significant(title)
    out = {_initials(words)} | bracketed_acronyms(title)
    if words and words[0].lower() in INSTRUMENT_WORDS:
        out.add(_initials(words[1:]))
    out |= {_initials(_significant(m.group(1))) for m in _ESTABLISHED.finditer(title)}
    return frozenset(a for a in out if len(a) >= MIN_LETTERS)


def bracketed_acronyms(title: str) -> frozenset[str]:
    """The letters a title gives itself in brackets: "(IRENA)", "... Dangerous Goods by Road (ADR)"."""
    return frozenset(re.findall(r"\(([A-Z]{2,10})\)", title))


# "Agreement establishing the European Molecular Biology Laboratory": the body a title establishes is named by its
# own initials (EMBL), not by the title's ("AEEMBL").
_ESTABLISHED = re.compile(r"\b(?i:establishing|establishment\s+of|setting\s+up|creating|constituting)\s+"
                          r"(?i:the\s+|an?\s+)?(%s)" % CAPITAL_RUN.pattern)


# "Constitution of the International Organization for Migration", "Statutes of the World Tourism Organisation": the
# body a constitution or statute is of.
_CONSTITUTED = re.compile(r"^(?:[A-Z][a-z]+\s+)?(?i:constitution|statutes?|charter)\s+of\s+(?i:the\s+)?(%s)"
                          % CAPITAL_RUN.pattern)  # "Rome Statute of the International Criminal Court": ICC


@lru_cache(maxsize=1024)
def body_acronyms(title: str) -> frozenset[str]:
    """The initials of the body a title establishes or constitutes, three letters too: IOM for the Constitution of
    the International Organization for Migration, ACS for the Convention establishing the Association of Caribbean
    States. A body is called by its initials however short; as capitals in a question they name it (acronym_pattern
    is case-sensitive), where three letters of an instrument's title would collide with everyday words."""
    runs = [m.group(1) for m in _ESTABLISHED.finditer(title)] + [m.group(1) for m in _CONSTITUTED.finditer(title)]
    return frozenset(a for a in (_initials(_significant(run)) for run in runs) if len(a) >= 3)


# "the Caribbean Public Health Agency (hereinafter referred to as “CARPHA”)", "The ``International Organisation of
# Vine and Wine" (O.I.V) is hereby established": a name, then in brackets the letters the text will call it by.
_DECLARED = re.compile(r"(%s)[”\"'’]?\s*\((?:here(?:in)?after\s+(?:referred\s+to\s+as|called)\s+)?[“\"'‘`]*"
                       r"((?:[A-Z]\.?){3,10})[”\"'’]*\s*\)" % CAPITAL_RUN.pattern)


def declared_acronyms(title: str, texts: Iterable[str]) -> frozenset[str]:
    """Acronyms a document declares for the body or instrument its title names: OIV (written "O.I.V") for the
    Agreement establishing the International Organisation of Vine and Wine, whose initials in English spell
    something else; CARPHA for the Agreement establishing the Caribbean Public Health Agency. Only where the name
    before the brackets is in the title: an acronym the text declares for another body names that body."""
    own = " ".join(title.lower().split())
    found: set[str] = set()
    for text in texts:
        for m in _DECLARED.finditer(text):
            if " ".join(m.group(1).lower().split()) in own and len(m.group(1).split()) >= 2:
                found.add(m.group(2).replace(".", ""))
    return frozenset(found)


def acronym_pattern(acronym: str) -> str:
    """ "OIV" as a question may write it: "OIV", "O.I.V" or "O.I.V.", as a word of its own."""
    return r"(?<![\w.])" + r"\.?".join(acronym) + r"\.?(?![\w])"


def spelled_out(text: str) -> frozenset[str]:
    """Acronyms of the names a text writes out in capitals: every run of consecutive capitalised words
    ("United Nations Economic Commission for Europe": UNECE, NECE, ...; a run of three words only whole). Evidence that a document speaks of
    what an acronym in a question names; too loose to pick a document by."""
    found: set[str] = set()
    for m in CAPITAL_RUN.finditer(text):
        letters = _initials(_significant(m.group(0)))
        if len(letters) == 3:  # a three-letter name only as a whole run: "International Court of Justice" -> ICJ
            found.add(letters)
        for start in range(len(letters)):
            for end in range(start + MIN_LETTERS, min(len(letters), start + 10) + 1):
                found.add(letters[start:end])
    return frozenset(found)


def acronyms_in(question: str) -> list[str]:
    """Words of a question written as acronyms (four capitals or more)."""
    return _ACRONYM.findall(question)


HEAD = 1500  # characters of a document's head (its title block, the start of its preamble) an acronym may abbreviate
_SKIPPABLE = SMALL | {"their", "its", "regarding"}  # words an acronym may leave out or take a letter from
_KIND_INITIALS = {"a": "agreement", "c": "convention", "t": "treaty", "p": "protocol"}


def abbreviates(term: str, head: str) -> bool:
    """The question's acronym for the instrument it names, or for a body its title names: "FCNM" (the Framework
    Convention for the Protection of National Minorities), "IDEA" (International Institute for Democracy and Electoral
    Assistance), "SOFA" (the Agreement ... regarding the Status of their Forces, its kind said last), "CoE" (Council
    of Europe). Its letters are the initials of words standing together in the document's head: small words may be
    skipped or stand for a letter, and one other word skipped."""
    letters = term.lower()
    if not (3 <= len(letters) <= 6 and letters.isalpha() and sum(ch.isupper() for ch in term) >= 2):
        return False
    if term.startswith("UN") and len(term) >= 5 and abbreviates(term[2:], head):
        return True  # "UNECE": the United Nations' Economic Commission for Europe, which a text names without "UN"
    words = re.findall(r"[a-z]+", head.lower())
    if _initials_in(letters, words):
        return True
    kind = _KIND_INITIALS.get(letters[-1])
    return bool(kind and kind in words and _initials_in(letters[:-1], words))


def _initials_in(letters: str, words: list[str]) -> bool:
    for start, word in enumerate(words):
        if word[0] != letters[0]:
            continue
        i, skipped = 1, 0
        for nxt in words[start + 1:]:
            if i == len(letters):
                break
            if nxt[0] == letters[i]:
                i += 1
            elif nxt in _SKIPPABLE:
                continue
            elif skipped < 1:
                skipped += 1
            else:
                break
        if i == len(letters):
            return True
    return False


def written_out(acronym: str, texts: Iterable[str]) -> str:
    """The capitalised words a text abbreviates as `acronym`: "United Nations Declaration on the Rights of
    Indigenous Peoples" for UNDRIP, read off the first run of capitalised words whose initials spell it (a run may
    start earlier: "Noting the United Nations Declaration ..."). A question may use an acronym that no data file
    lists for a name the texts only write in full."""
    for text in texts:
        for m in CAPITAL_RUN.finditer(text):
            words = _significant(m.group(0))
            start = _initials(words).find(acronym)
            if start >= 0:
                return " ".join(words[start:start + len(acronym)])
    return ""


# Words after an acronym that leave it a thing of its own ("refer to UNDRIP?", "Is UNDRIP mentioned"), not a qualifier
# of the noun that follows it ("the UNECE industrial accidents convention", "the IAEA's Early Notification Convention")
_PREDICATE = re.compile(r"^(?:and|or|of|in|on|at|to|for|by|with|from|as|is|are|was|were|has|have|had|does|do|did|can|"
                        r"could|may|might|must|shall|should|will|would|\w+ed)$", re.I)


def attributive(acronym: str, question: str) -> bool:
    """The question uses the acronym to qualify what follows it ("the UNECE countries", "the IAEA's convention"):
    the body it names says where the question is set, not what it asks about."""
    for m in re.finditer(acronym_pattern(acronym), question):
        after = question[m.end():]
        word = re.match(r"\s+([A-Za-z-]+)", after)
        if re.match(r"['’]s\b", after) or (word and not _PREDICATE.match(word.group(1))):
            return True
    return False


_WRITTEN: dict[tuple[str, tuple[tuple[str, int], ...]], str] = {}


def corpus_spellings(acronyms: Iterable[str], documents: "dict[str, Document]", question: str = "") -> list[str]:
    """What each acronym the question asks about (not one qualifying a name: `attributive`) stands for in the
    indexed texts (written_out), looked up once per acronym and corpus."""
    found = []
    asked = sorted(a for a in set(acronyms) if not attributive(a, question))
    # the corpus by its documents and their sizes, as the other per-corpus caches key it: an object's id() may be
    # reused by the next index a long-running app loads after an ingest
    corpus = tuple((doc_id, len(doc.paragraphs)) for doc_id, doc in documents.items()) if asked else ()
    for acronym in asked:
        key = (acronym, corpus)
        if key not in _WRITTEN:
            if len(_WRITTEN) > 4096:
                _WRITTEN.clear()
            texts = (p.text for doc in documents.values() for p in doc.paragraphs)
            _WRITTEN[key] = written_out(acronym, texts)
        if _WRITTEN[key]:
            found.append(_WRITTEN[key])
    return found


_DEFINED = re.compile(r"\(([A-Z]{2,6})\)")
_DEFINED_CACHE: dict[tuple[tuple[str, int], ...], dict[str, str]] = {}


def defined_acronyms(documents: "dict[str, Document]") -> dict[str, str]:
    """Long form (lower-cased) -> the acronym a text defines for it in brackets ("a detailed Conservation and
    Management Plan (CMP)", "Strategic Plan for Migratory Species (SPMS)"), read once per corpus: the texts go on
    to use the acronym alone, which a question writing the name out does not share."""
    corpus = tuple((doc_id, len(doc.paragraphs)) for doc_id, doc in documents.items())
    if corpus not in _DEFINED_CACHE:
        if len(_DEFINED_CACHE) > 16:
            _DEFINED_CACHE.clear()
        found: dict[str, str] = {}
        for doc in documents.values():
            for p in doc.paragraphs:
                for m in _DEFINED.finditer(p.text):
                    acronym = m.group(1)
                    words = _WORD.findall(p.text[max(0, m.start() - 200):m.start()])
                    used = 0
                    for i in range(len(words) - 1, -1, -1):
                        used += words[i].lower() not in SMALL
                        if used == len(acronym):
                            if _initials(_significant(" ".join(words[i:]))) == acronym:
                                found.setdefault(" ".join(words[i:]).lower(), acronym)
                            break
        _DEFINED_CACHE[corpus] = found
    return _DEFINED_CACHE[corpus]


def abbreviations_used(text: str, documents: "dict[str, Document]") -> list[str]:
    """The acronyms the texts define for the names a question writes out in full, for the lexical search."""
    lower = " ".join(_WORD.findall(text)).lower()
    return [acronym for name, acronym in defined_acronyms(documents).items()
            if f" {name} " in f" {lower} " and not re.search(rf"\b{acronym}\b", text)]
