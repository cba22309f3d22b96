"""How a question names a document by the words of its own name: "the Dugong paper", "Early Notification",
"the synergies resolution", "the 1946 fishing nets convention".

Worked out once per set of documents from their titles, short names and texts; `queries.analyse` asks it.
"""

from __future__ import annotations

import re
from typing import Any

from .force import TREATY_TYPES
from .instruments import instrument_acronyms
from .titleblock import year_of
from .types import Document

# Words of a title's subject that name no one instrument ("the species agreement").
GENERIC_WORDS = {"populations", "population", "species", "animals", "wild", "migratory", "their", "habitats", "and",
            "stocks", "resources", "nature", "wildlife", "flora", "fauna"}


# Words of a document's short name that name a kind of text or an organ, not this document.
_NAME_WORDS = frozenset("""convention agreement protocol memorandum understanding mou res resolution doc document
response secretariat strategic plan target joint work programme rev cop the of on and for""".split())
# The scope words of titles ("International", "European") name no document alone, only in a pair ("European
# Pharmacopoeia"): a question on the "International Fund for Cultural Diversity" is not about the Convention on
# the International Hydrographic Organisation.
_SCOPE_WORDS = frozenset("international european regional global world national intergovernmental".split())
# So do the words for a kind of body: every organisation has its "Council", "Commission" or "Office"; the Customs
# Co-operation Council's "Council" does not make "the ECO Council" a question about it ("Poplar Commission" and
# "Communications Office", in a pair, still name theirs).
_ORGAN_WORDS = frozenset("""council organization organisation commission committee assembly conference board office
agency institute institution laboratory bureau fund centre center authority union""".split())


_SHORT_NAME = 6  # words: a longer name is the document's title, whose words are mostly the field's common words


def _name_words(doc: Document) -> set[str]:
    """The words (and, in a long title, the capitalised pairs: "Early Notification") that name this document."""
    words = {w for w in re.findall(r"[A-Za-z][A-Za-z0-9]{2,}", doc.citation_name)
             if w.lower() not in _NAME_WORDS | _SCOPE_WORDS | _ORGAN_WORDS}
    # a numbered part of a plan or programme its name gives ("CMS Strategic Plan, Target 9"): "the Target 9
    # document" names it, though "Target" alone names none
    words |= set(re.findall(r"\b(?:Target|Goal|Objective|Programme|Element|Priority|Theme)\s+\d+\b", doc.citation_name))
    if len(doc.citation_name.split()) <= _SHORT_NAME:
        return words
    # A long name is the title or its first part ("Protocol Concerning Pollution from Land-Based Sources and
    # Activities", of a title that goes on "... of the Wider Caribbean Region"): the whole title's words count.
    full = f"{doc.citation_name} {doc.title}"
    words |= {w for w in re.findall(r"[A-Za-z][A-Za-z0-9]{2,}", doc.title) if w.lower() not in _NAME_WORDS | _SCOPE_WORDS | _ORGAN_WORDS}
    # "the Early Notification Convention": two of its title's capitalised words together name it; one alone only
    # when it is a proper name (Caribbean, Nairobi), never a word the title merely capitalises (Protection, Use).
    pairs = {f"{a} {b}" for a, b in re.findall(r"(?=\b([A-Z][a-z]{2,})\s+([A-Z][a-z]{2,})\b)", full)
             if a.lower() not in _NAME_WORDS and b.lower() not in _NAME_WORDS}
    # A title in lower case ("Convention placing the international poplar commission within the framework of FAO")
    # names the body as its text writes it: a pair of its words the text always capitalises ("Poplar Commission").
    pairs |= {f"{a.capitalize()} {b.capitalize()}" for a, b in re.findall(r"(?=\b([a-z]{3,})\s+([a-z]{3,})\b)", doc.title)
              if a not in _NAME_WORDS and b not in _NAME_WORDS and _proper(f"{a.capitalize()} {b.capitalize()}", doc)}
    return {w for w in words if w[:1].isupper() and _proper(w, doc)} | pairs


def _spaced(words: str) -> str:
    return r"\s+".join(re.escape(w) for w in words.split())


def _proper(word: str, doc: Document) -> bool:
    """A word of a title that names something (Caribbean, Nairobi, Antarctic), not a common word that the title
    capitalises (Protection, Environmental, Use): the document's own text writes it with a capital nearly always,
    away from the start of a sentence."""
    seen = capital = 0
    pattern = re.compile(rf"(?<![.!?:;]\s)(?<![\w-]){_spaced(word)}(?![\w-])", re.I)
    for p in doc.paragraphs:
        for m in pattern.finditer(p.text):
            if m.start() == 0:
                continue
            seen += 1
            capital += all(w[0].isupper() for w in m.group().split()) and not m.group().isupper()
    return seen >= 2 and capital >= 0.9 * seen


_DISTINCT: dict[tuple[Any, ...], dict[str, str]] = {}


def distinctive_names(documents: dict[str, Document]) -> dict[str, str]:
    """A word (or, in a long title, a capitalised pair of words) of exactly one document's name -> that document
    ("Dugong" -> the Dugong MOU MOS3 document, "Early Notification" -> the Convention on Early Notification of a
    Nuclear Accident): "the Dugong MOS3 paper" names it as surely as its full name. Worked out once per set of
    documents."""
    key = tuple((d.doc_id, d.citation_name, len(d.paragraphs)) for d in documents.values())
    if key not in _DISTINCT:
        if len(_DISTINCT) > 64:
            _DISTINCT.clear()
        owners: dict[str, set[str]] = {}
        for doc in documents.values():
            for word in _name_words(doc):
                owners.setdefault(word, set()).add(doc.doc_id)
        # ... and no other document's name or title holds it, proper name there or not: "European" of "European
        # convention on the protection of animals during international transport" names neither it nor the
        # "European Convention for the protection of animals for slaughter", whose text never writes "European"
        spoken = {d.doc_id: f' {" ".join(re.findall(r"[a-z0-9]+", f"{d.citation_name} {d.title}".lower()))} '
                  for d in documents.values()}
        _DISTINCT[key] = {w: next(iter(ids)) for w, ids in owners.items() if len(ids) == 1 and not any(
            f" {w.lower()} " in words for d, words in spoken.items() if d not in ids)}
    return dict(_DISTINCT[key])


# The author a letter's title opens with: "CITES Secretariat's response to the OLA/DOALOS request"
_AUTHOR = re.compile(r"^(?:the\s+)?((?:[A-Z][\w/-]*\s+){0,3}?[A-Z][\w/-]*)(?:'s|’s)\s+"
                     r"(?:response|letter|reply|submission|note)\b")
_DECIDED = ("resolution", "decision")  # texts a meeting adopts, named by their subject ("the synergies resolution")
# The nouns a delegate names the other kinds of document by ("the capacity-building plan", "the dugong meeting
# paper", "the joint work programme", "the Secretariat's letter to DOALOS"): the kind's own word for the rest
_SPOKEN_KIND = {"strategic-plan": r"(?:plan|strategy)", "action-plan": r"(?:plan|action\s+plan)",
                "work-programme": r"(?:programme|program)", "mou": r"(?:mou|memorandum)",
                "correspondence": r"(?:letter|response|reply|e-?mail|submission|correspondence)",
                "document": r"(?:document|paper|note|report)"}
_SUBJECTS: dict[tuple[Any, ...], dict[str, str]] = {}
# A plan's part its title opens with ("Target 9: ...", "Goal 2. ..."): named by what the rest of its title says
_NUMBERED_PART = re.compile(r"^(Target|Goal|Objective)\s+\d+[A-Za-z]?\s*[:.–-]\s*")
# "the plant protection convention", "the convention on synergies", "the Council of Europe convention protecting
# conditional access services": the title's word and the kind at most two words apart (not "wetlands in the
# convention"), or the kind, a word saying what it is about and the title's word
_ABOUT = r"(?:on|for|about|concerning|regarding|covering|protecting|against|relating\s+to|dealing\s+with)"
_FEW = r"(?:(?!(?:and|or|in|of|the|to|under|for|by|with|at|on|from|as|is|are|an?|its|their|this|that)\b)[\w-]+\s+){0,2}?"
# "the 1946 fishing nets convention": a year, then at most three words that are not an article, then the kind
_YEAR_BEFORE = r"\b{year}\s+(?:(?!(?:the|a|an|this|that|its|their)\b)[\w-]+\s+){{0,3}}{kind}\b"


def _either_number(word: str) -> str:
    """A title's word in the singular or the plural, as a delegate may say it: "Varieties of Plants" is "the plant
    variety convention"."""
    if word.endswith("ss"):
        return word  # "process", not a plural
    if word.endswith("ies"):
        return rf"{word[:-3]}(?:y|ies)"
    return rf"{word.removesuffix('s')}s?"


def subject_names(documents: dict[str, Document]) -> dict[str, str]:
    """A word of exactly one document's title (or file name), with its kind -> that document: "the synergies
    resolution" and "the resolution on synergies" name CMS Res. 11.10 "Synergies and Partnerships", "the fishing
    nets convention" the Convention for the Regulation of the Meshes of Fishing Nets, "the capacity-building plan"
    the plan filed as "cms-capacity-building-target-9" (titles a delegate does not capitalise, whose words alone
    are common words; a kind without a word of its own goes by the nouns of _SPOKEN_KIND); a treaty's year before
    its kind ("the 1946 ... convention") names it too. Worked out once per set of documents."""
    key = tuple((d.doc_id, d.doc_type, d.title, d.date) for d in documents.values())
    if key not in _SUBJECTS:
        if len(_SUBJECTS) > 64:
            _SUBJECTS.clear()
        owners: dict[str, set[str]] = {}
        codes = instrument_acronyms()
        for doc in documents.values():
            if doc.doc_type not in _DECIDED + TREATY_TYPES + tuple(_SPOKEN_KIND):
                continue
            kind = _SPOKEN_KIND.get(doc.doc_type, doc.doc_type)
            about = rf"(?:{_ABOUT}|to|from)" if doc.doc_type == "correspondence" else _ABOUT  # "letter to DOALOS"
            # the title's words, and those of the file name the user gave it ("hallmarking-convention-1972": "the
            # Hallmarking Convention", a name its title "Convention on the Control and Marking of Articles of Precious
            # Metal" never prints)
            named = f"{doc.title} {doc.doc_id.replace('-', ' ')}"
            if doc.doc_type in _SPOKEN_KIND:  # a plan's or a letter's title is a sentence of common words
                # ("... cooperation ... for the conservation ..."): only the file name's words and the title's
                # acronyms name it ("cms-capacity-building-target-9", "OLA/DOALOS")
                capitals = re.findall(r"\b[A-Z]{4,}\b", doc.title)  # not a title set all in capitals
                acronyms = capitals if 2 * len(capitals) < len(doc.title.split()) else []
                # (not a convention's code: "the CITES letter" a Party received is not the Secretariat's response)
                named = " ".join(w for w in [*acronyms, *doc.doc_id.split("-")] if w.upper() not in codes)
            for word in {w.lower() for w in re.findall(r"[A-Za-z]{4,}", named)}:
                if {word, f"{word}s", word.removesuffix("s")} & (_NAME_WORDS | GENERIC_WORDS):
                    continue  # "animal" of "animal-transport-convention" is as generic as "animals"
                word = _either_number(word)
                for form in (rf"\b{word}\s+{_FEW}{kind}\b", rf"\b{kind}\s+{about}\s+(?:the\s+)?{_FEW}{word}\b"):
                    owners.setdefault(form, set()).add(doc.doc_id)
            # a letter by its author, as its title opens ("CITES Secretariat's response to ..."): "the CITES
            # Secretariat's 2025 reply", "the response of the CITES Secretariat", "what the CITES Secretariat
            # reported to UN DOALOS"
            author = _AUTHOR.match(doc.title) if doc.doc_type == "correspondence" else None
            if author:
                who = _spaced(author.group(1).lower())
                dated = rf"(?:{year}\s+)?" if (year := year_of(doc.date, doc.doc_id)) else ""
                # (and what it is on: "the CITES Secretariat's 2025 cooperation note")
                for form in (rf"\b{who}(?:'s|’s)?\s+{dated}{_FEW}(?:{kind}|note|overview|account)\b",
                             rf"\b{kind}\s+(?:of|from|by)\s+(?:the\s+)?{who}\b",
                             rf"\b{who}\s+(?:reported|wrote|replied|responded|told|informed)\b"):
                    owners.setdefault(form, set()).add(doc.doc_id)
            # a plan's part its title opens with ("Target 9: International and regional action and cooperation between
            # States ..."): "its target on concerted cooperation between states", "the goal on ..."
            if part := _NUMBERED_PART.match(doc.title):
                words = sorted({w.lower() for w in re.findall(r"[A-Za-z]{5,}", doc.title[part.end():])}
                               - _NAME_WORDS - GENERIC_WORDS)
                if words:
                    owners.setdefault(rf"\b{part.group(1).lower()}\s+{_ABOUT}\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?"
                                      rf"(?:{'|'.join(words)})\b", set()).add(doc.doc_id)
            # the year of its date and the one of the file name the user gave it: "upov-convention-1991" is the 1991
            # Act of a convention dated 1961, and "the 1991 plant variety convention" to a delegate
            years = {year_of(doc.date, doc.doc_id), year_of(doc.doc_id)} if doc.doc_type in TREATY_TYPES else set()
            for year in sorted(y for y in years if y):
                owners.setdefault(_YEAR_BEFORE.format(year=year, kind=doc.doc_type), set()).add(doc.doc_id)
        _SUBJECTS[key] = {form: next(iter(ids)) for form, ids in owners.items() if len(ids) == 1}
    return dict(_SUBJECTS[key])
