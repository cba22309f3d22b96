"""When is the corpus silent? Four signals, each measured on the evaluation set (evals/); unstated.py holds the
questions no text as adopted can answer (status, unstated measures).

1. Relevance: the best of the top paragraphs is not close in meaning to the question (dense cosine).
2. Unsupported specifics: the question names something — a meeting ("COP15", "MOP8"), a year, a target
   number, another treaty ("Basel", "UNFCCC") — that none of the top paragraphs or their documents mention.
   Extractive answers cannot bridge that gap, so answering would cite text about something else. A name of
   several capitalised words ("World Coastal Forum") is supported only where its words stand together.
3. Foreign words: two or more uncommon words no text of the corpus uses ("sulphur dioxide ceilings") name a
   subject it does not cover, unless a paragraph is plainly on the question.
4. An agreement the corpus does not hold: the question names one of data/instruments.toml ("the Bern Convention",
   "UNCLOS") that no indexed document is or belongs to, and none of the top paragraphs names it. A document may
   mention the Bern Convention in a list of partners; that is no answer to what Bern's Appendix II protects.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, Collection, Sequence

from .acronyms import HEAD, abbreviates
from .instruments import Instrument, catalogue
from .meetings import meeting_in_words
from .queries import ACRONYMS, CONVENTION_NAMES, SYNONYMS
from .sentences import asked_part, full_sentences
from .serials import SERIAL
from .terms import either_spelling, spelled_number
from .types import Hit

# Words that never name a thing, even capitalised: a name run stops at them ("Which Committee ..."); a word of the
# field ("Committee", "Fund") is part of a name it ends ("Compliance Committee", "Small Grants Fund").
_FUNCTION = set("""what which who whom whose when where why how does do did is are was were can could should would shall
will may might must has have had the a an and or of in on for to under according about between with by its their this
that these those there any all each if so then not no yes please tell me say says also""".split())
# Capitalised words that name generic MEA concepts, not specific things a paragraph must contain.
GENERIC = _FUNCTION | set("""convention conventions party parties contracting article articles appendix appendices annex
annexes paragraph paragraphs secretariat secretariats conference meeting meetings agreement agreements protocol
resolution resolutions decision decisions plan plans action strategic programme work joint memorandum understanding mou
signatory signatories state states range standing committee council scientific technical text texts document documents
provision provisions cop cops mop mos species migratory wild animals fauna flora list and, i ii iii iv v vi vii viii ix x""".split())


# Words that ask, not name: a question's own verbs and frames ("allowed", "required") say nothing of its subject.
_ASKING = _FUNCTION | set("""from at as it be they our we my us apply applies applied required require requires allowed
allow allows obliged obligated permitted forbidden entitled""".split())
_UNCOMMON = 4.0  # Zipf frequency: under it a word is rarer than about one in 100,000 words of English
_FOREIGN_ENOUGH = 2  # one such word may be a delegate's own wording ("paperwork"); two name a subject


def _glossary_words() -> frozenset[str]:
    """Everyday words the glossary translates into the texts' wording ("luggage" -> "personal effects")."""
    return frozenset(w for pattern, words in SYNONYMS for w in re.findall(r"[a-z]{3,}", f"{pattern} {words}".lower()))


_GLOSSARY_WORDS = _glossary_words()


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer  # PyStemmer, the BM25 index's own stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=4)
def _stems(vocabulary: frozenset[str]) -> frozenset[str]:
    return frozenset(_stemmer().stemWords(list(vocabulary)))


def _used(word: str, vocabulary: frozenset[str]) -> bool:
    """The word, or a word of the same stem ("settles" / "settlement", "diplomat" / "diplomatic"), is in a text."""
    return word in vocabulary or _stemmer().stemWord(word) in _stems(vocabulary)


def foreign_words(question: str, vocabulary: frozenset[str]) -> list[str]:
    """Uncommon lower-case words of the question that no text of the corpus uses and the glossary does not know.

    "sulphur dioxide ceilings", "desertification and drought", "a shipowner's tanker": two of them name a subject
    the corpus does not cover, whatever paragraph is nearest in meaning. Common words ("city", "often") and names
    (capitalised: the named-terms signal reads those) are left out."""
    from wordfreq import zipf_frequency  # its word lists load on first use; most questions never get here

    # (not "doesn" of "doesn't": a contraction is no word of a subject; "shipowner's" is one)
    words = [w for w in re.findall(r"(?<![\w'’-])[a-z]{3,}(?![\w-])(?!['’]t\b)", question) if w not in _ASKING]
    return [w for w in dict.fromkeys(words) if not _used(w, vocabulary) and w not in _GLOSSARY_WORDS
            and zipf_frequency(w, "en") < _UNCOMMON]


def outside_vocabulary(question: str, vocabulary: frozenset[str], spoken: Collection[str] = (),
                       names_instrument: bool = True) -> bool:
    """Enough foreign words, not counting the words of species' English names (`spoken`): the texts list a parrot
    by its Latin name, and the question is about it all the same. A question that names an instrument asks about
    it in the delegate's own words ("can a Party opt out?"), so one foreign word is not enough; one that names
    none and uses a word no text uses ("ballast water", "avian influenza") is about another subject."""
    enough = _FOREIGN_ENOUGH if names_instrument else 1
    return len([w for w in foreign_words(question, vocabulary) if w not in spoken]) >= enough


def _tokens(text: str) -> list[str]:
    text = re.sub(r"['’]s\b", "", text)  # "Protocol's" -> "Protocol"
    return re.findall(r"[A-Za-z][A-Za-z0-9.'-]*[A-Za-z0-9]|\d+(?:[.-]\d+)*", text)


def _sentence_tokens(question: str, end: str | None = None) -> list[tuple[int, str]]:
    """Each word with its place in its own sentence: a capital that starts a sentence ("Give me the main ones.")
    names nothing, wherever the sentence stands; `end` closes each sentence (a name run stops there)."""
    out: list[tuple[int, str]] = []
    for sentence in full_sentences(question):
        out += list(enumerate(_tokens(sentence)))
        if end is not None:
            out.append((len(out), end))
    return out


def _generic(bare: str) -> bool:
    """A word of the field ("Convention", "Parties") or an acronym the glossary spells out: names nothing."""
    return bare.lower() in GENERIC or bare.upper() in ACRONYMS


# An ordinal picks one of a numbered series, as a number does ("our seventh national report", "the fifteenth
# meeting"): a text that never says it is about another one. Each with its number, which a meeting's code carries
# ("MOS3" for the third Meeting of Signatories, see _supported).
_ORDINAL_NUMBERS = {word: n for n, word in enumerate(
    "second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth "
    "sixteenth seventeenth eighteenth nineteenth twentieth".split(), 2)}
_ORDINAL = re.compile(f"(?:{'|'.join(_ORDINAL_NUMBERS)})", re.I)


# Units of measure a question may ask a figure in (SI and the units treaties price and measure in): a text that
# never uses the unit does not state that figure ("What annual dose limit in millisieverts ...?" of a convention that
# leaves the limits to national law). Only units no text uses for anything else: not "degree", "ton", "mm".
_UNIT = re.compile(r"\b(?:milli|micro)?(?:sieverts?|becquerels?)\b|\bcubic\s+(?:centi)?met(?:re|er)s?\b|"
                   r"\bsquare\s+(?:kilo|centi)?met(?:re|er)s?\b|\bspecial\s+drawing\s+rights?\b|\bdegrees?\s+"
                   r"(?:celsius|centigrade|fahrenheit)\b|\b(?:kilo|mega|giga)watts?\b|\bdecibels?\b|"
                   r"\bparts\s+per\s+(?:million|billion)\b|\bhectares?\b|\bkilo(?:gram|gramme)s?\b|"
                   r"\bnautical\s+miles?\b|\blitres?\b", re.I)


def specific_terms(question: str) -> list[str]:
    """Named things in a question: mid-sentence capitalised words, acronyms, numbers, ordinals and units."""
    out = [m.group(0) for m in _UNIT.finditer(question)]
    # "a second term", "a third time": after "a" an ordinal means "another", not one of a numbered series
    another = {m.group(1).lower() for m in re.finditer(rf"\ban?\s+({_ORDINAL.pattern})\b", question, re.I)}
    # "ILO Convention No. 169", "ILO C29": the number an organisation gives a convention in its series (serials.py),
    # which the text need not print; the organisation's name, when written, must still be supported
    serial = {g for m in SERIAL.finditer(question) for g in m.groups() if g}
    for i, word in _sentence_tokens(question):
        bare = word.strip(".'-")
        if _generic(bare) or bare in serial:
            continue
        ordinal = _ORDINAL.fullmatch(bare) and bare.lower() not in another
        if any(ch.isdigit() for ch in bare) or (bare[:1].isupper() and i > 0) or (bare.isupper() and len(bare) > 1) \
                or ordinal:
            out.append(bare)
    return out


_INSTRUMENT_KINDS = {"convention", "conventions", "protocol", "protocols", "agreement", "agreements", "treaty",
                     "memorandum", "understanding", "mou", "resolution", "resolutions", "decision", "decisions"}


def name_runs(question: str) -> list[list[str]]:
    """Proper names of two or more capitalised words ("World Coastal Forum", "Wildlife Trade Regulation").

    Each word may occur somewhere in a document about something else; the name stands only where its words
    stand together."""
    return [run for run, _ in _runs_and_kinds(question)]


def _runs_and_kinds(question: str) -> list[tuple[list[str], str]]:
    """Each name run with the instrument kind word that ends it ("Arms Control Treaty" -> treaty), or ""."""
    runs: list[tuple[list[str], str]] = []
    current: list[str] = []
    for i, word in _sentence_tokens(question, end=""):
        bare = word.strip(".'-")
        if i > 0 and bare[:1].isupper() and not bare.isupper() and bare.isalpha() and bare.lower() not in _FUNCTION \
                and not any(re.search(p, bare) for p, _ in CONVENTION_NAMES):
            current.append(bare)
            continue
        while current and _generic(current[0]):
            current.pop(0)  # "Protocol Compliance Committee": the name starts at its own word
        kind = bare.lower() if bare.lower() in _INSTRUMENT_KINDS else ""  # "the 1956 New York convention"
        while current and current[-1].lower() in _INSTRUMENT_KINDS:
            kind = current.pop().lower()  # "London Protocol" names a treaty: documents.py and the naming rules read those
        if len(current) > 1 and not all(_generic(w) for w in current):
            runs.append((current, kind))
        current = []
    return runs


def title_kinds(titles: Sequence[str]) -> set[str]:
    """The instrument kinds titles name in their first words ("Treaty on the Prohibition ..." -> treaty,
    "International Convention for the Protection ..." -> convention)."""
    return {w for title in titles for w in re.findall(r"[a-z]+", title.lower())[:4] if w in _INSTRUMENT_KINDS}


_NEAR = 60  # characters: the words of a name within a short phrase of each other ("Liaison Group of the Biodiversity-")


def _together(words: list[str], evidence: str) -> bool:
    """Every word of a name within _NEAR characters of one occurrence of its first word (singular or plural)."""
    stems = [either_spelling(re.escape(_place_of(w).lower().rstrip("s"))) for w in words]
    for hit in re.finditer(rf"\b{stems[0]}", evidence):
        window = evidence[max(0, hit.start() - _NEAR): hit.end() + _NEAR]
        if all(re.search(rf"\b{stem}", window) for stem in stems[1:]):
            return True
    return False


def _place_of(word: str) -> str:
    """ "African" -> "Afric": a word of a place's people or things stands for the place ("West African" is
    supported by "West Africa (Senegal to Chad)"); any other word for itself."""
    demonym = _DEMONYM.fullmatch(word)
    return demonym.group(1) if demonym else word


def _supported(term: str, evidence: str, conventions: set[str]) -> bool:
    low = term.lower()
    for pattern, code in CONVENTION_NAMES:
        if re.search(pattern, term):
            if code in conventions:
                return True
    if low.isdigit():  # a bare number must stand as a number, not inside "2011" or "11.10" ...
        if re.search(rf"(?<![\w.]){low}(?![\w]|\.\d)", evidence):
            return True
        # ... or as the treaty spells it: "under 21" is "of less than twenty-one years of age"
        return len(low) <= 3 and re.search(spelled_number(int(low)), evidence) is not None
    if low in evidence:
        return True
    # "the third meeting of the Signatories": "3rd", or the meeting's code the MEAs number their meetings by ("MOS3",
    # "COP14", "CoP18", "MOP7", "SC73")
    if (number := _ORDINAL_NUMBERS.get(low)) is not None and re.search(
            rf"\b{number}(?:st|nd|rd|th)\b|\b(?:cop|mop|mos|sc|stc|scc|ac|pc)[\s/-]?{number}\b", evidence):
        return True
    # "Sudanese", "Kenyan", "Greenlandic": of a country or place the text names ("the Democratic Republic of the Sudan")
    if (demonym := _DEMONYM.fullmatch(term)) and re.search(rf"\b{re.escape(demonym.group(1).lower())}", evidence):
        return True
    # "E-road", "E-roads": a road of the "E" series the text numbers ("road E 20", "E31"), a letter and a plain word
    if (lettered := re.fullmatch(r"([A-Z])-([a-z]{3,}?)s?", term)) and \
            re.search(rf"\b{lettered.group(1).lower()}\s?\d", evidence) and lettered.group(2) in evidence:
        return True
    # "NATO-assigned forces", "UN-led missions": a name and an everyday word joined by a hyphen; the name is the term
    if (compound := re.fullmatch(r"([A-Z][\w.]+?)-([a-z]{3,})", term)) and \
            (_generic(compound.group(1)) or _supported(compound.group(1), evidence, conventions)):
        return True
    # "the Netherlands-UK agreement", "the Anna Paulowna-Bacton pipeline": names joined by a hyphen name what lies
    # between them, which a text names each on its own ("between the Kingdom of the Netherlands and the United
    # Kingdom"); each part supported (or an acronym the glossary spells out) supports the whole
    parts = [p for p in re.split(r"[-–]", term) if p]
    if len(parts) >= 2 and all(p[:1].isupper() for p in parts) \
            and all(_generic(p) or _supported(p, evidence, conventions) for p in parts):
        return True
    # A term the glossary maps to the texts' own words ("European Union" -> "regional economic integration
    # organization") is supported where those words are.
    if any(re.search(pattern, term, re.I) and words.lower() in evidence for pattern, words in SYNONYMS):
        return True
    # "COP1", "MOP 2": the meeting as treaties number it ("the first meeting of the Conference of the Parties")
    if (meeting := meeting_in_words(term)) and re.search(meeting, evidence):
        return True
    # "COP15" ~ "CoP15", "2012-2014" ~ "2012–2014", plural/singular forms.
    variants = {low.replace("-", "–"), low.rstrip("s"), low + "s", re.sub(r"(\D)(\d)", r"\1 \2", low)}
    if any(v and v in evidence for v in variants):
        return True
    # "Organization" ~ "Organisation", "recognize" ~ "recognise": treaties are written in either spelling
    spelled = either_spelling(re.escape(low))
    return spelled != re.escape(low) and re.search(spelled, evidence) is not None


_DEMONYM = re.compile(r"([A-Z][a-z]{3,}?)(?:ese|ian|an|ish|ic|i)s?")
# A treaty series' number ("(CETS 196)", "ETS No. 5", "UNTS") identifies the instrument the question names; the text
# as published need not print it.
_SERIES = re.compile(r"\b(?:C?ETS|UNTS|TIAS|UKTS)\s*(?:No\.?\s*)?(\d+)\b")
_EXAMPLE = re.compile(r"\b(?:\w+s|kinds?|types?|bodies|groups?)\s+(?:like|such as|e\.g\.,?|for example,?|for instance,?)\s+"
                      r"((?:the\s+)?[A-Z][\w.-]*(?:\s+(?:(?:of|for|on|and)\s+(?:the\s+)?)?[A-Z][\w.-]*)*)")


# A capitalised word (not the question's first) right before an instrument's name, perhaps with a year between
_PLACE_BEFORE = re.compile(r"(?<=\s)([A-Z][a-z]+)\s+(?:\d{4}\s+)?$")


def unsupported_terms(question: str, hits: list[Hit], document_text: Callable[[str], str],
                      named: Sequence[str] = (), named_kinds: Collection[str] = ()) -> list[str]:
    """Specific terms of the question found nowhere in the documents the top paragraphs come from, nor in the
    documents the question names (a comparison of two treaties may find its first paragraphs in one of them).

    `document_text(doc_id)` is the lower-cased text of a whole document (cached by the index). `named_kinds`: the
    instrument kinds ("treaty", "convention") the titles of the named documents open with; a question naming
    one instrument of that kind describes it in its own words ("the 1971 Sea-Bed Arms Control Treaty" for the
    Treaty on the Prohibition of ... Weapons ... on the Sea-Bed), which the treaty need not print together."""
    doc_ids = list(dict.fromkeys([h.doc_id for h in hits] + list(named)))
    conventions = {c for h in hits for c in h.conventions}
    texts = [document_text(d) for d in doc_ids]
    # Words of a phrase the glossary maps to the texts' own wording ("European Union" -> "regional economic
    # integration organization") are supported together where that wording is, not each word on its own.
    glossed = {w.strip(".'-") for pattern, words in SYNONYMS for m in re.finditer(pattern, question, re.I)
               if any(words.lower() in text for text in texts) for w in _tokens(m.group(0))}
    # A name given as an example of a kind ("organisations like the EU", "such as Interpol") asks about the kind: the
    # text answers it by the kind's own words ("intergovernmental organization"), naming no example.
    examples = {w.strip(".'-") for m in _EXAMPLE.finditer(question) for w in _tokens(m.group(1))}
    if named:
        examples |= {w for m in _SERIES.finditer(question) for w in _tokens(m.group(0))}
    # the words of an instrument the question names as delegates do ("the Biodiversity Convention"): its own name
    # and the place it was concluded, put before that name ("the Bonn migratory species treaty", "the Rio
    # biodiversity convention"), which its text need not print
    matches = [m for pattern, _ in CONVENTION_NAMES for m in re.finditer(pattern, question)]
    naming = {w.strip(".'-") for m in matches for w in _tokens(m.group(0))}
    naming |= {p.group(1) for m in matches if (p := _PLACE_BEFORE.search(question, 0, m.start()))}
    setting = _setting(question)
    missing = [t for t in specific_terms(question) if t not in glossed | examples | naming | setting
               and not any(_supported(t, text, conventions) for text in texts)]
    kinds = [w.lower().strip(".'-") for w in _tokens(question) if w.lower().strip(".'-") in _INSTRUMENT_KINDS]
    own_name: set[str] = set()
    for run, kind in _runs_and_kinds(question):
        if kind and kind in named_kinds and kinds.count(kind) == 1:
            # the user's name for the one instrument of that kind the question names, often by the place it was
            # concluded ("the 1956 New York convention"), which its text need not print
            own_name |= set(run)
            continue
        words = [w for w in run
                 if w not in glossed | setting | naming and not any(re.search(p, w) for p, _ in CONVENTION_NAMES)]
        if len(words) > 1 and not any(w in missing for w in words) and not any(_together(words, t) for t in texts):
            missing.append(" ".join(words))
    heads = [text[:HEAD] for text in texts]  # the documents found and named: an acronym of one's title names it
    return [t for t in missing if t not in own_name and not any(abbreviates(t, head) for head in heads)]


# A name that says what rules or documents are meant ("the EU Wildlife Trade Regulation", "Kenya's Wildlife Act"),
# which the texts must hold even when the account that sets up the question names it
_RULES_NAME = re.compile(r"\b(?:[A-Z][\w.'’-]*\s+){0,4}(?:Convention|Protocol|Agreement|Treaty|Act|Law|Regulation|"
                         r"Directive|Code|Report|Plan|Strategy|Programme|Program|Resolution|Decision|Fund|Facility|"
                         r"Guidelines|Memorandum|Charter|Accord)s?\b")


def _setting(question: str) -> set[str]:
    """Words of a delegate's account that only set the scene ("exporting to Italy", "a North American duck"), when
    a sentence after it asks: the places and names there are the asker's situation, which no text need print. Not
    the words of a name of rules or documents, nor of what is asked."""
    asked = asked_part(question)
    if asked == question:
        return set()
    account = question.replace(asked, " ")
    kept = set(_tokens(asked)) | {w for m in _RULES_NAME.finditer(account) for w in _tokens(m.group(0))}
    return {w for w in _tokens(account) if w not in kept}


def held_instruments(documents: Collection[Any]) -> frozenset[str]:
    """Codes of the agreements an index holds: each document's own, the convention it belongs to, those its title
    names ("CMS-CITES Joint Work Programme") and their parents (a question about the UNFCCC may be answered by a text
    of its Paris Agreement). Not an agreement a text only discusses (a resolution on synergies names UNCLOS often),
    nor every daughter agreement of a convention held (CMS's text says nothing of what ASCOBANS provides). Read
    once per set of documents: matching every catalogue name against every title costs milliseconds a question."""
    return _instruments(_rows(documents))[0]


def known_instruments(documents: Collection[Any]) -> frozenset[str]:
    """The agreements held (held_instruments) and those some document is about, being tagged with them (the Dugong
    MOU's meeting document sets out the MOU's plan): a question on their parts may be answered."""
    return _instruments(_rows(documents))[1]


Rows = tuple[tuple[str | None, tuple[str, ...], str], ...]  # per document: its own instrument, conventions, title


def _rows(documents: Collection[Any]) -> Rows:
    return tuple((d.instrument, tuple(d.conventions), d.title) for d in documents)


@lru_cache(maxsize=8)
def _instruments(documents: Rows) -> tuple[frozenset[str], frozenset[str]]:
    """(held, known) for the documents' (own instrument, conventions, title) rows."""
    held = {c for instrument, conventions, _ in documents for c in (instrument, *conventions[:1]) if c}
    held |= {i.code for _, _, title in documents for i in catalogue().instruments
             if (names := _names(i.code)) is not None and names.search(title)}
    held |= {i.parent for i in catalogue().instruments if i.code in held and i.parent}
    return frozenset(held), frozenset(held | {c for _, conventions, _ in documents for c in conventions})


@lru_cache(maxsize=None)
def _names(code: str) -> re.Pattern[str] | None:
    """How a question or a paragraph names an agreement of the catalogue (its question and document aliases),
    compiled once."""
    instrument = catalogue().by_code(code)
    pattern = "|".join(p for p in (instrument.question_pattern, instrument.document_pattern) if p) if instrument else ""
    return re.compile(pattern) if pattern else None


def unheld_instruments(question: str, held: Collection[str]) -> list[tuple[Instrument, str]]:
    """The agreements of data/instruments.toml the question names that the index does not hold, each with the words
    that name it."""
    found = []
    for instrument in catalogue().instruments:
        names = _names(instrument.code) if instrument.code not in held else None
        if names is not None and (m := names.search(question)):
            found.append((instrument, m.group(0)))
    return found


# A question on how an agreement stands to another ("How does CITES work with the IWC?") may be answered by a text
# that names it; one on what that agreement itself provides ("What catch limits has the IWC set?") is not.
_RELATION = re.compile(r"\b(?:with|between|relationship|relations?|cooperat\w*|co-operat\w*|collaborat\w*|partner\w*|"
                       r"synerg\w*|liaison|joint\w*|mention\w*|refer\w*|cite[sd]?|recall\w*)\b", re.I)


# A numbered part of the agreement named next ("What does Target 12 of the ...", "Article 5 of the ...") or its parts
# as such ("What targets does the ... set?"): only its own text holds them
_OWN_PART = re.compile(r"\b(?:targets?|goals?|objectives?|articles?|annex(?:es)?|appendi(?:x|ces)|actions?|"
                       r"paragraphs?)\s+(?:\d+|[IVXL]+)\s+(?:of|in|under)\s+(?:the\s+)?$|"
                       r"^\s*(?:what|which)\s+(?:targets|goals|objectives)\s+(?:does|do|did)\s+(?:the\s+)?$", re.I)


def unheld_part(question: str, known: Collection[str]) -> str | None:
    """What to say of a numbered part of an agreement the index does not hold ("Target 12 of the Samarkand Strategic
    Plan"), or of its targets as such: a text naming the plan does not hold its targets. None otherwise. `known`:
    known_instruments, whose parts a question may ask."""
    for instrument, words in unheld_instruments(question, known):
        if _OWN_PART.search(question[:question.find(words)]):
            return f"These texts do not include the {instrument.name} itself, only texts that may name it."
    return None


def unheld_and_unmentioned(question: str, hits: Sequence[Hit], held: Collection[str],
                           document_head: Callable[[str], str], names_held: bool = True) -> bool:
    """Signal 4. Place names are shared ("Stockholm", "Madrid", "Bonn" name several agreements): when the head of
    a top paragraph's document holds the distinctive words of the name, the question may be about that document,
    and the signal stays silent. A question that names no agreement the index holds and asks what the other one
    provides (`names_held` False, no `_RELATION`) is not answered by a text that only names it."""
    top = hits[:5]
    for instrument, words in unheld_instruments(question, held):
        distinct = [w.lower() for w in _tokens(words) if not _generic(w.strip(".'-")) and
                    w.lower() not in _INSTRUMENT_KINDS]
        if distinct and any(all(re.search(rf"\b{re.escape(w)}\b", document_head(h.doc_id)) for w in distinct)
                            for h in top):
            continue  # every word of the name ("Bonn"), not one ("International" of "International Whaling Commission")
        if not names_held and not _RELATION.search(question):
            return True
        names = _names(instrument.code)
        if names is not None and not any(names.search(f"{h.text} {h.section} {h.lead_in}") for h in top):
            return True
    return False
