"""How delegates name things: acronyms, nicknames of conventions, and explicit references in a question.

Pure functions over strings (plus the document list), used by retrieval and conversation. The vocabularies
are data: acronyms and paraphrases in `data/expansions.toml`, instrument names in `data/instruments.toml`,
each entry saying where its words come from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .acronyms import (abbreviations_used, acronym_pattern, acronyms_in, body_acronyms, bracketed_acronyms, corpus_spellings,
                       declared_acronyms, title_acronyms)
from .bodies import bodies_named
from .datafiles import compiled, entries, read_toml
from .docnames import GENERIC_WORDS, distinctive_names, subject_names
from .errors import MeaError
from .force import TREATY_TYPES
from .instruments import catalogue, instrument_acronyms, named_spans
from .pairs import pair_named
from .serials import serial_named
from .taxa import named_species, written_latins
from .terms import spelling_variants
from .titleblock import CLOSING_FORMULA, closing_date
from .types import Document

# Where an expansion's words come from. Nothing written from the evaluation set is accepted: it tunes on the test.
ORIGINS = ("treaty", "glossary", "glossary-treaty-law")
_SOURCE = {"origin": str, "source": str}


def load_expansions(data: dict[str, Any], where: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """(acronym -> words, [(question pattern, treaty words)]) from the content of an expansions file."""
    acronyms: dict[str, str] = {}
    rows = entries(data, "acronym", where, {"acronym": str, "words": str, **_SOURCE}, {"plural": bool, "reason": str})
    for n, row in enumerate(rows, 1):
        label = f"{where}: [[acronym]] entry {n} ({row['acronym']})"
        _check_origin(row, label)
        if not re.fullmatch(r"[A-Z]{2,}", row["acronym"]):
            raise MeaError(f"{label}: write the acronym in capital letters only")
        acronyms[row["acronym"]] = row["words"]
        if row.get("plural"):
            acronyms[row["acronym"] + "S"] = row["words"]
    synonyms: list[tuple[str, str]] = []
    rows = entries(data, "synonym", where, {"pattern": str, "words": str, **_SOURCE}, {"reason": str})
    for n, row in enumerate(rows, 1):
        label = f"{where}: [[synonym]] entry {n} ({row['pattern']})"
        _check_origin(row, label)
        compiled(row["pattern"], label)
        synonyms.append((row["pattern"], row["words"]))
    for n, row in enumerate(entries(data, "adjectives", where, {"countries": list, **_SOURCE}, {}), 1):
        label = f"{where}: [[adjectives]] entry {n}"
        _check_origin(row, label)
        for pair in row["countries"]:
            adjectives, sep, country = pair.partition(":")
            if not sep or not adjectives.strip() or not country.strip():
                raise MeaError(f"{label}: {pair!r}: write 'Adjective: Country' (other forms after '|')")
            synonyms.append((rf"\b(?:{adjectives.strip()})\b", country.strip()))
    return acronyms, synonyms


def _check_origin(row: dict[str, Any], label: str) -> None:
    if row["origin"] not in ORIGINS:
        raise MeaError(f"{label}: origin {row['origin']!r}: use one of {', '.join(ORIGINS)}")


# Acronym -> words the texts use; appended to the query so BM25 and the embedding both see them.
# Question wording -> treaty wording, added to the BM25 query only: words, not meaning, differ.
ACRONYMS, SYNONYMS = load_expansions(*read_toml("expansions.toml"))

# Convention nicknames in a question -> convention code used in document metadata (data/instruments.toml).
CONVENTION_NAMES: list[tuple[str, str]] = [(i.question_pattern, i.code) for i in catalogue().in_questions()]


@dataclass
class QueryInfo:
    text: str
    expanded: str
    conventions: list[str] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    lexical: str = ""  # the query for BM25: expanded plus the treaty wording of what the question paraphrases
    context: str = ""  # earlier turns a follow-up continues: their paraphrases count too ("came into force")
    taxa: list[str] = field(default_factory=list)  # Latin names of the species it names in English (taxa.py)
    spelled: list[str] = field(default_factory=list)  # the texts' words for its acronyms no data file knows

    def __post_init__(self) -> None:
        if not self.lexical:
            said = f"{self.text} {self.context}"
            self.lexical = f"{self.expanded} {' '.join(glossed(said))} {spelled_out(self.text, self.expanded)}".strip()


def spelled_out(text: str, expanded: str) -> str:
    """Acronyms spelled out for the keyword search even where a text uses them: one writes "NGOs", another
    "non-governmental organizations" (the dense query keeps the acronym alone: `expand_acronyms`)."""
    found = {ACRONYMS[w.rstrip("s").upper()] for w in re.findall(r"\b[A-Z]{2,6}s?\b", text)
             if w.rstrip("s").upper() in ACRONYMS and w.rstrip("s").upper() not in instrument_acronyms()}
    # not "Conference of the Parties" for "COP", "memorandum of understanding" for "MOU": words every resolution or
    # MOU uses find nothing in particular; an instrument's acronym ("BBNJ") names it (instrument_mentions reads it)
    return " ".join(sorted(f for f in found if f not in expanded and not _FIELD_WORDS & set(f.lower().split())))


_FIELD_WORDS = set("""conference parties party meeting meetings convention secretariat signatories contracting session
sessions committee standing memorandum understanding agreement protocol plan programme strategic""".split())


def glossed(text: str) -> list[str]:
    """The treaties' own wording for what `text` says in everyday words (the glossary's synonyms):
    "drowned in gillnets" -> "bycatch incidental killing fishing gear"."""
    return [words for pattern, words in SYNONYMS if re.search(pattern, text, re.I)]


def expand_acronyms(text: str, vocabulary: set[str] | frozenset[str] = frozenset()) -> str:
    """Spell out acronyms the corpus itself does not use ("KMGBF"); ones it uses ("SPMS") match as they are."""
    extra = []
    for word in set(re.findall(r"\b[A-Za-z]{2,6}s?\b", text)):
        key = word.upper()
        if key in ACRONYMS and (word.isupper() or word[:-1].isupper()) and word.lower() not in vocabulary:
            extra.append(ACRONYMS[key])
    return text if not extra else f"{text} ({'; '.join(sorted(extra))})"


def named_conventions(text: str) -> list[str]:
    codes = {code for _, _, code in named_spans(text, CONVENTION_NAMES)}
    return list(dict.fromkeys(code for _, code in CONVENTION_NAMES if code in codes))


_ALIASES: dict[tuple[Any, ...], list[str]] = {}


def document_aliases(doc: Document) -> list[str]:
    """Phrases that name this document in a question: its short name, symbol and distinctive title words. Asked
    for every document on every question, so each document's phrases are worked out once (keyed by what they are
    made of)."""
    key = (doc.doc_id, doc.source_path, doc.citation_name, doc.title, doc.doc_type, doc.instrument, doc.conventions,
           doc.date, doc.provenance.get("date"), len(doc.paragraphs))
    if key not in _ALIASES:
        if len(_ALIASES) > 4096:
            _ALIASES.clear()
        _ALIASES[key] = _document_aliases(doc)
    return list(_ALIASES[key])


_ACRONYMS: dict[tuple[Any, ...], frozenset[str]] = {}


def document_acronyms(doc: Document) -> frozenset[str]:
    """The acronyms a document is called by, as written: its title's (acronyms.title_acronyms) and those its
    text declares for what its title names (acronyms.declared_acronyms: "O.I.V", "CARPHA"), and the initials of the
    body its title establishes or constitutes (acronyms.body_acronyms: "IOM"). Worked out once."""
    key = (doc.doc_id, doc.source_path, doc.title, len(doc.paragraphs))
    if key not in _ACRONYMS:
        if len(_ACRONYMS) > 4096:
            _ACRONYMS.clear()
        # the title's own brackets count as a declaration too: "... European Communications Office (ECO)", and
        # three letters after any name: "... Carriage of Dangerous Goods by Road (ADR)"
        texts = [doc.title] + [p.text for p in doc.paragraphs]
        bracketed = {a for a in bracketed_acronyms(doc.title) if len(a) >= 3}
        _ACRONYMS[key] = title_acronyms(doc.title) | declared_acronyms(doc.title, texts) | body_acronyms(doc.title) \
            | bracketed
    return _ACRONYMS[key]


def _document_aliases(doc: Document) -> list[str]:
    aliases = {doc.citation_name.lower()}
    own = catalogue().by_code(doc.instrument) if doc.instrument else None
    if own is not None and not own.question_aliases:
        # the instrument the document IS, by its acronym and short name ("OSPAR", "OPRC Convention"); one a question
        # names by its code ("CITES") means all of its documents instead (named_conventions)
        aliases |= {a.lower() for a in (own.acronym, own.citation) if a}
    symbol = re.search(r"(\d+\.\d+)", doc.citation_name)
    if doc.doc_type == "resolution" and symbol:
        aliases |= {f"resolution {symbol.group(1)}", f"res {symbol.group(1)}", f"res. {symbol.group(1)}"}
    if doc.doc_type == "work-programme":
        aliases |= {"joint work programme", "work programme", "jwp", "programme of work"} | joint_work_aliases(
            doc.citation_name)
    mou = re.match(r"^([A-Z][\w-]+) MOU\b", doc.citation_name)
    if doc.doc_type == "mou" or mou:
        subject = (mou.group(1) if mou else doc.citation_name.split()[0]).lower()
        aliases |= {f"{subject} mou", f"{subject} memorandum"}
    aliases |= subject_aliases(doc.title)
    aliases |= place_aliases(doc)
    aliases |= declared_short_titles(doc)
    if own is None:
        aliases |= inverted_title_aliases(doc.title)
    return sorted(a for a in aliases if a)


# "Convention on the Transfer of Sentenced Persons" is called "the Transfer of Sentenced Persons Convention", and the
# "European Convention on the Legal Status of Migrant Workers" "the Migrant Workers Convention": the subject, then
# the kind.
_TITLE_SUBJECT = re.compile(r"^(?:(?:European|International|Inter-American|African|Regional)\s+)?(Convention|Agreement|"
                            r"Protocol|Treaty|Charter)\s+(?:on|concerning|for|relating\s+to|regarding)\s+(?:the\s+)?"
                            r"([A-Za-z][\w' -]*?)\s*(?:[,(:;]|\bin\s+(?:civil|the|respect)\b|$)", re.I)


_ARTICLE = re.compile(r"^(?:a|an)\s+")  # "early notification of a nuclear accident": "nuclear accident"


def inverted_title_aliases(title: str) -> set[str]:
    """ "transfer of sentenced persons convention" and "sentenced persons convention" for the Convention on the
    Transfer of Sentenced Persons: its subject (up to eight words) before its kind, and the subject's last "of" part
    when that is two words or more and not only words of the field."""
    m = _TITLE_SUBJECT.match(" ".join(title.split()))
    if not m:
        return set()
    kind, subject = m.group(1).lower(), _ARTICLE.sub("", m.group(2).lower().strip())
    words = subject.split()
    if not 2 <= len(words) <= 8:
        return set()
    out = {f"{subject} {kind}"}
    tail = _ARTICLE.sub("", re.split(r"\s+of\s+(?:the\s+)?", subject)[-1]).split()
    if len(tail) >= 2 and tail != words and not all(w in GENERIC_WORDS for w in tail):
        out.add(f"{' '.join(tail)} {kind}")
    return out


# The short title an instrument gives itself: the ILO's "adopts ... the following Convention, which may be cited as the
# Minimum Age Convention, 1973:", a statute's "This Agreement may be cited as ...".
_CITED_AS = re.compile(r"\bmay be cited as (?:the\s+)?[\"“]?([A-Z][\w'’()-]*(?:\s+[\w'’()-]+){1,10}?)[\"”]?"
                       r"(?:,?\s+((?:1[89]|20)\d\d))?\s*[\"”]?\s*(?:[:.;]|$)")


def declared_short_titles(doc: Document) -> set[str]:
    """ "minimum age convention" and "minimum age convention, 1973" for the convention that says it may be cited so:
    the first such declaration of the text (a Recommendation printed after it declares its own)."""
    for p in doc.paragraphs[:12]:
        if m := _CITED_AS.search(p.text):
            name = " ".join(m.group(1).split()).lower()
            return {name, f"{name}, {m.group(2)}", f"{name} {m.group(2)}"} if m.group(2) else {name}
    return set()


_JOINT = re.compile(r"^(?P<a>[A-Za-z][\w.]*)\s*[-/–]\s*(?P<b>[A-Za-z][\w.]*)\s+joint\s+work\s+(?:programme|plan)\b",
                    re.I)


def joint_work_aliases(name: str) -> set[str]:
    """ "joint CMS-CITES work", "the CMS and CITES joint work" for the CMS-CITES Joint Work Programme: readers
    name the joint work of two secretariats by its parties in either place, with or without "programme"."""
    m = _JOINT.match(name)
    if not m:
        return set()
    a, b = m.group("a").lower(), m.group("b").lower()
    parties = {f"{a}-{b}", f"{a} and {b}", f"{a}/{b}"}
    return {form for p in parties for form in (f"joint {p} work", f"{p} joint work", f"joint {p} programme",
                                                f"{p} joint programme")}


# A treaty is called after the place it was done at: "Espoo Convention", "Washington Convention" (CITES), "Bonn
# Convention". The place is the first words of the closing formula's date ("DONE at Espoo (Finland), this ...").
_PLACE = re.compile(r"^\s*(?i:the\s+)?([A-Z][\w'’-]+(?:\s+(?:de\s+|do\s+|del\s+)?[A-Z][\w'’-]+){0,2})")


def place_aliases(doc: Document) -> set[str]:
    """ "espoo convention" for a convention done at Espoo; nothing for other kinds of document. The closing
    formula is read even when the date came from elsewhere: the Antarctic environmental protocol's head names
    the Treaty's 1959 date, its closing formula "DONE at Madrid" (the "Madrid Protocol")."""
    if doc.doc_type not in TREATY_TYPES:
        return set()
    if doc.date and doc.provenance.get("date") == "closing formula":
        closing = doc.date
    else:
        closing = next((c for p in doc.paragraphs if CLOSING_FORMULA.search(p.text) and (c := closing_date(p.text))), "")
    m = _PLACE.match(closing)
    if not m:
        return set()
    alias = f"{m.group(1).lower()} {doc.doc_type}"
    own = doc.conventions[0] if doc.conventions else ""
    # The Cartagena Protocol was done at Montreal; "Montreal Protocol" is another instrument's name.
    if any(inst.code != own and _names(inst, alias) for inst in catalogue().instruments):
        return set()
    return {alias}


def _names(inst: Any, alias: str) -> bool:
    """The data file names this instrument so: its short citation, or one of its patterns, whole."""
    return alias == inst.citation.lower() or any(
        pattern and re.fullmatch(pattern, alias, re.I) for pattern in (inst.question_pattern, inst.document_pattern))




# Readers name an instrument by what it protects: "the bats agreement", "the waterbirds agreement", "the
# small cetaceans agreement". The subject is read from the title ("Agreement on the Conservation of Populations
# of European Bats"): the first part after "Conservation/Protection of" that is not a generic word.
_SUBJECT_OF = re.compile(r"\b(?:conservation|protection)(?: and (?:management|sustainable use))? of (?:the )?(.+)$", re.I)
_KIND = {"agreement": ("agreement",), "convention": ("convention",), "protocol": ("protocol",),
         "memorandum": ("mou", "memorandum")}


@lru_cache(maxsize=1024)  # called for every document on every question; titles rarely change
def subject_aliases(title: str) -> frozenset[str]:
    """"bats agreement", "european bats agreement" for the Agreement on the Conservation of Populations of
    European Bats; nothing when the title has no such subject or names only generic things."""
    words = [w for w in title.split() if w.lower() != "the"][:1]
    kinds = _KIND.get(words[0].lower().strip(",;:"), ()) if words else ()
    m = _SUBJECT_OF.search(title)
    if not kinds or not m:
        return frozenset()
    parts = re.split(r"\s+of\s+(?:the\s+)?|\s*[,(]", m.group(1))
    for part in parts:
        tokens = [t.lower() for t in re.findall(r"[A-Za-z-]+", part)]
        if tokens and not all(t in GENERIC_WORDS for t in tokens):
            last = tokens[-1]
            names = {" ".join(tokens)} | ({last, last[:-1] if last.endswith("s") else last} - GENERIC_WORDS)
            return frozenset(f"{name} {kind}" for name in names for kind in kinds)
    return frozenset()


def vocabulary(documents: dict[str, Document]) -> frozenset[str]:
    words: set[str] = set()
    for doc in documents.values():
        for p in doc.paragraphs:
            words.update(re.findall(r"[a-z0-9]+", p.text.lower()))
    return frozenset(words)


# Names every programme of work answers to: the work programme a corpus holds is named by them only when no other name
# qualifies them ("the CAMI programme of work", "the Programme of Work of the Central Asian Mammals Initiative").
_GENERIC_ALIASES = frozenset({"work programme", "programme of work"})


def _qualified_by_another(text: str, start: int, end: int, doc: Document) -> bool:
    if re.match(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z]", text[end:]):
        return True
    before = re.search(r"([A-Z][\w-]*)\s+$", text[:start])
    if not before or re.search(r"(?:^|[.?!:;])\s*$", text[:before.start()]):  # a sentence's first word qualifies nothing
        return False
    own = {c.lower() for c in doc.conventions} | set(re.findall(r"\w+", doc.citation_name.lower())) | {"joint"}
    return not all(part in own for part in before.group(1).lower().split("-"))


def alias_spans(alias: str, text: str, lower: str, doc: Document) -> list[tuple[int, int]]:
    """Where a text (and its lower-cased copy) uses one of a document's aliases as the document's name."""
    return [m.span() for m in re.finditer(rf"(?<![\w.]){re.escape(alias)}(?![\w])", lower)
            if alias not in _GENERIC_ALIASES or not _qualified_by_another(text, *m.span(), doc)]


def instrument_mentions(text: str, documents: dict[str, Document]) -> list[tuple[int, int, str]]:
    """Where a text names an instrument, and which: a convention's code ("CMS") or a document's id."""
    found, lower = named_spans(text, CONVENTION_NAMES), text.lower()
    for doc in documents.values():
        for alias in document_aliases(doc):
            found += [(*span, doc.doc_id) for span in alias_spans(alias, text, lower, doc)]
        for acronym in document_acronyms(doc):  # as written: "LRTAP", never the letters inside a word
            found += [(*m.span(), doc.doc_id) for m in re.finditer(acronym_pattern(acronym), text)]
    return sorted(found)


def instrument_spans(text: str, documents: dict[str, Document]) -> list[tuple[int, int]]:
    """Where a text names an instrument (a document by its aliases, a convention by its names): a follow-up
    that names another one replaces these words in the carried context ("And the Sharks MOU?")."""
    return [(start, end) for start, end, _ in instrument_mentions(text, documents)]


def without_instruments(text: str, documents: dict[str, Document]) -> str:
    """`text` with the instruments it names blanked out (same length, so positions still hold): "what the CITES
    Convention says on permits" -> what it is about."""
    chars = list(text)
    for start, end in instrument_spans(text, documents):
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def own_mentions(text: str, documents: dict[str, Document]) -> list[tuple[int, int, str]]:
    """The instruments a text names, less a convention named only inside a document's name: "the joint
    CMS-CITES work" names the joint work programme, not the two conventions."""
    mentions = instrument_mentions(text, documents)
    names = [(s, e, label) for s, e, label in mentions if label in documents]

    def inside_other(s: int, e: int, code: str) -> bool:  # "Nagoya" of "the Nagoya Protocol" is its own name
        return any(ns <= s and e <= ne and (ns, ne) != (s, e) and not _is_treaty_of(documents[doc], code)
                   for ns, ne, doc in names)
    # "the CMS-CITES work programme": the conventions written before a document's name, its own, are part of it
    prefixed: set[tuple[int, int]] = set()
    for ns, _, doc in names:
        start = ns
        for s, e, label in sorted(mentions, reverse=True):
            if e <= start and label in documents[doc].conventions and _JOINS.fullmatch(text[e:start]):
                prefixed.add((s, e))
                start = s
    return [(s, e, label) for s, e, label in mentions
            if label in documents or not (inside_other(s, e, label) or (s, e) in prefixed)]


_JOINS = re.compile(r"[\s/–-]*")


def _is_treaty_of(doc: Document, code: str) -> bool:
    return doc.doc_type in TREATY_TYPES and doc.conventions[:1] == (code,)


def analyse(text: str, documents: dict[str, Document], vocab: frozenset[str] = frozenset(), context: str = ""
            ) -> QueryInfo:
    lower = text.lower()
    named = set(acronyms_in(text))
    doc_ids = [doc_id for doc_id, doc in documents.items()
               if any(alias_spans(alias, text, lower, doc) for alias in document_aliases(doc))
               or named & title_acronyms(doc.title)
               or any(re.search(acronym_pattern(a), text) for a in document_acronyms(doc) - title_acronyms(doc.title))]
    conventions = named_conventions(text)
    for word, doc_id in distinctive_names(documents).items():  # as written ("Dugong"), never a convention's code
        if doc_id not in doc_ids and word not in conventions and re.search(rf"(?<![\w.-]){re.escape(word)}(?![\w-])", text):
            doc_ids.append(doc_id)
    for form, doc_id in subject_names(documents).items():
        if doc_id not in doc_ids and re.search(form, lower):
            doc_ids.append(doc_id)
    doc_ids += [d for d in bodies_named(text, documents) if d not in doc_ids]  # "the Fund for Cultural Diversity"
    doc_ids += [d for d in pair_named(text, documents, ACRONYMS, SYNONYMS) if d not in doc_ids]  # "Netherlands-US"
    doc_ids += [d for d in serial_named(text, documents) if d not in doc_ids]  # "ILO Convention 70"
    conventions = [code for code in conventions if not _inside_document_name(text, code, doc_ids, documents)]
    unknown = [a for a in named if a not in ACRONYMS and a.lower() not in vocab and a not in instrument_acronyms()]
    spelled = corpus_spellings(unknown, documents, text) if vocab else []  # "UNDRIP": no data file spells it out
    info = QueryInfo(text=text, expanded=expand_acronyms(text, vocab) + (f" ({'; '.join(spelled)})" if spelled else ""),
                     conventions=conventions, doc_ids=doc_ids, context=context, spelled=spelled)
    info.lexical = " ".join([info.lexical, *spelling_variants(text, vocab), *abbreviations_used(text, documents)])
    # "giant clams": the appendices list Tridacnidae; "the Dugong MOU" names a document, not the species
    own = {w.lower() for w, d in distinctive_names(documents).items() if d in doc_ids}
    # and a Latin name the question writes itself ("the West African population of Balearica pavonina")
    info.taxa = list(dict.fromkeys([latin for name, latins in named_species(text, documents) if name not in own
                                    for latin in latins] + written_latins(text, documents)))
    if info.taxa:
        info.lexical = f"{info.lexical} {' '.join(info.taxa)}"
    return info


# One name: capitalised words joined by spaces, hyphens or "of/the/on/for", never by "and" (two names).
_NAME_RUN = re.compile(r"[A-Z][\w'’]*(?:(?:-|\s+(?:(?:of|the|on|for)\s+)*)[A-Z][\w'’]*)*")


def _inside_document_name(text: str, code: str, doc_ids: list[str], documents: dict[str, Document]) -> bool:
    """A convention's name written only inside the name of another document the question names: "Nagoya" of
    "the Nagoya-Kuala Lumpur Supplementary Protocol" is the Supplementary Protocol's name (its own words "Kuala
    Lumpur" in the same run of capitalised words), not the Nagoya Protocol; "the Nagoya Protocol" stays its own."""
    words = [w for w, d in distinctive_names(documents).items()  # words, not a meeting's label ("COP14")
             if d in doc_ids and w.replace(" ", "").isalpha() and not _is_treaty_of(documents[d], code)]
    if not words:
        return False
    spans = [m.span() for pattern, c in CONVENTION_NAMES if c == code for m in re.finditer(pattern, text)]
    runs = list(_NAME_RUN.finditer(text))

    def in_named_run(start: int, end: int) -> bool:
        return any(r.start() <= start and end <= r.end() and any(
            re.search(rf"(?<![\w.]){re.escape(w)}(?![\w-])", r.group()) for w in words) for r in runs)
    return bool(spans) and all(in_named_run(s, e) for s, e in spans)
