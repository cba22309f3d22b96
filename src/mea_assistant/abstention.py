"""When is the corpus silent? Four signals, each measured on the evaluation set (evals/).

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
from .figures import ASKS_DURATION, figure_in
from .instruments import Instrument, catalogue
from .meetings import meeting_in_words
from .queries import ACRONYMS, CONVENTION_NAMES, SYNONYMS
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
provision provisions species migratory wild animals fauna flora list and, i ii iii iv v vi vii viii ix x""".split())


# Questions about the present state of the world (membership, ratifications, current listings) are out of
# scope by construction: the corpus holds texts as adopted, not status data.
_STATUS = re.compile(r"\b(today|currently|at present|nowadays|right now|to date|so far|latest|most recent|as of now|"
                     # (not "for the next year", the year after another the question names: "programmes for the
                     # next year")
                     r"(?<!the )(?:last|next|this|coming) (?:year|month|season)|"
                     r"the current (?:number|list|status|membership|count|total)|"
                     # who holds an office now: a text creates the office, it never names its holder
                     r"(?:the|its|their|[\w.-]+['’]s) (?:current|present|incumbent) (?:director-general|director general|"
                     r"executive secretary|secretary-general|secretary general|executive director|director|chair|"
                     r"chairperson|chairman|president|head)|"
                     r"still (?:apply|applies|in force|valid|in place|exist|exists|stand|stands|hold|holds))\b", re.I)
# The date an instrument actually entered into force is an event after its adoption: its own text states the rule
# ("ninety days after the fiftieth instrument"), never the date. Only a question that asks for that date or
# year is one for status data; "When did CMS enter into force?" is answered with the rule. An MOU "takes effect".
_HAPPENED = re.compile(r"\b(?:on (?:what|which) (?:date|day)|in (?:what|which) year|what year|which year)\b.*\b"
                       r"(?:(?:enter(?:ed)?|came|come) into force|t(?:ake|ook|aken) effect|bec[ao]me effective)\b|"
                       r"\bactually (?:enter(?:ed)?|came) into force\b", re.I)


# Likewise what happened at a meeting and who has joined: records of sessions and lists of members, which the
# texts as adopted do not hold ("What were the outcomes of the Summit?", "Which countries have signed the MOU?",
# "When was the Initiative launched?"). Not "at which COP": a resolution records which COP decided what.
_EVENT = re.compile(r"\b(?:outcomes?|results?|conclusions?) of (?:the |its |their )?(?:\w+ ){0,4}?(?:summit|meeting|"
                    r"session|conference|forum|workshop|cop|mop|mos)\b|"
                    # "Which Council of Europe states have ratified ...?": the members named by up to four words
                    r"\b(?:which|what|how many) (?:[\w-]+ ){0,4}?(?:countries|states|parties|signatories|governments)\b"
                    r"[^?]{0,40}\b(?:have|has) (?:signed|ratified|joined|acceded)\b|"
                    # not "when was the review conference to be held": the text's rule ("shall be held five years after")
                    r"\bwhen (?:was|were|did) (?:the |it |they )?[^?]{0,60}\b(?<!to be )(?:launched|founded|held|hosted)\b|"
                    # who hosted a session, whom a committee found in breach, when membership became universal,
                    # what has happened since the instrument entered into force: records, not texts
                    r"\b(?:which|what) (?:country|countries|city|cities|government)\b[^?]{0,30}\bhost(?:ed|s)\b|"
                    r"\b(?:which|what|how many) (?:countries|states|parties|signatories|governments) (?:has|have|had|were|was)\b"
                    r"[^?]{0,60}\bfound\b"
                    r"[^?]{0,30}\bin (?:non-?compliance|breach)\b|"
                    r"\b(?:reach(?:ed)?|achieve[sd]?|attain(?:ed)?) universal (?:ratification|membership|participation)\b|"
                    r"\b(?:have|has) been \w+ed\b[^?]{0,60}\bsince (?:it|the \w+(?: \w+)?) (?:entered|came) into force\b",
                    re.I)
# "Was the programme ever evaluated?", "Has any state ever been found ...?": whether something has happened, not what
# a text provides ("Is hunting ever allowed?" is the text's rule), and not a condition the question sets ("convicted
# even if no attack was ever carried out?")
_EVER = re.compile(r"\b(?:was|were|has|have|had)\b[^?]{0,80}\bever\b", re.I)
_CONDITION = re.compile(r"\b(?:if|unless|whether|though|although)\b[^,;?]*$", re.I)  # not "When was it ever ...?"


# A question for a period, a sum or a share is answered only by a text that states one: "How long is an import
# permit valid?" by an article that says "valid for a period of six months", never by one on import permits that
# names no period; "What fee is charged for a permit?" by one that names a fee, charge or amount; "What share of ...?"
# by one that gives a figure or a share.
_NATIONAL = r"(?:(?:Swiss|US|U\.S\.|United States|American|Canadian|Australian|Hong Kong|New Zealand) )?"
_CURRENCY = r"(?:francs?|dollars?|euros?|pounds?(?: sterling)?|yen|guilders?|kronor|kroner|special drawing rights|SDRs?)"
_MEASURES = (
    (ASKS_DURATION,
     re.compile(r"\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|periods?|time[- ]limits?|immediately|"
                r"forthwith|without delay|as soon as|promptly|annual\w*|biennial\w*|sessions?|meetings?|until|before|"
                r"after|dates?)\b", re.I)),
    (re.compile(r"\b(?:what|which|how much) (?:fees?|charges?|price|amount|sum|money)\b|\bhow much (?:does|do|did|"
                r"will|is|are|must|should|can)\b", re.I),
     re.compile(r"\b(?:fees?|charges?|prices?|costs?|amounts?|sums?|francs?|dollars?|euros?|SDR|currency|monetary|"
                r"contributions?|budget|expenses?|scale)\b|\d", re.I)),
    # An amount asked in a currency ("How much is the basic fee, in Swiss francs?"): a text that names the fee but
    # fixes no sum leaves it to rules outside the corpus.
    (re.compile(rf"\bin {_NATIONAL}{_CURRENCY}\b|\bhow many {_NATIONAL}{_CURRENCY}\b", re.I),
     re.compile(rf"\d[\d,.\s]*(?:{_NATIONAL}{_CURRENCY}|CHF|USD|EUR)|\b(?:{_CURRENCY}|CHF|USD|EUR|SDR)\s*\d|"
                rf"\b(?:hundred|thousand|million|billion)\s+{_NATIONAL}{_CURRENCY}", re.I)),
    # A fee or a price is named as one ("a fee", "free of charge"): a figure in an article on something else
    # ("Annex II, 1.1") is not what a permit or a mark costs.
    (re.compile(r"\bwhat (?:fees?|charges?|price)\b", re.I),
     re.compile(r"\b(?:fees?|charges?|charged|prices?|costs?|free of charge|gratis|payment|paid|pay)\b", re.I)),
    # A penalty is answered by a text that sets one ("fines", "sanctions", "imprisonment", "punishable by"):
    # an article on the offence or on cooperation names none.
    (re.compile(r"\b(?:what|which|how much|how high|how large)(?: \w+)? (?:fines?|penalt(?:y|ies)|sanctions?|"
                r"punishments?|prison (?:terms?|sentences?)|sentences?)\b|\bhow (?:much|heavily) (?:can|may|must|"
                r"will|would) [^?]{0,40}\b(?:be )?(?:fined|punished|penali[sz]ed)\b", re.I),
     re.compile(r"\b(?:fines?|penalt(?:y|ies)|sanctions?|punish\w*|imprisonment|prison|custodial|sentences?|"
                r"deprivation of liberty|penal|penali[sz]\w*|offences? punishable)\b", re.I)),
    # Compensation and damages: only a text that provides for them says how much or on what basis.
    (re.compile(r"\b(?:what|which|how much)(?: \w+)? (?:compensation|damages|indemnity|indemnification|"
                r"reimbursement)\b", re.I),
     re.compile(r"\b(?:compensat\w*|damages|indemn\w*|reimburs\w*|refund\w*|liab(?:le|ility)|reparation)\b", re.I)),
    # A rate (of tax, of interest, of exchange), a temperature, a speed: the text must state one.
    (re.compile(r"\bwhat (?:[\w-]+ ){0,2}rates?\b", re.I), re.compile(r"\brates?\b|%|\bper ?cent", re.I)),
    (re.compile(r"\b(?:what|which) (?:\w+ )?temperatures?\b", re.I),
     # a degree of heat, not "a high degree of uniformity"
     re.compile(r"\btemperatures?\b|°|\b\d+(?:[.,]\d+)?\s*degrees?\b|\bdegrees? (?:Celsius|centigrade|Fahrenheit|Kelvin)\b",
                re.I)),
    (re.compile(r"\b(?:what|which) (?:\w+ )?speed(?: limits?)?\b", re.I),
     re.compile(r"\bspeeds?\b|\bkm/h\b|\bkilomet(?:re|er)s? per hour\b|\bmiles per hour\b", re.I)),
    # "What share of the listed populations are declining?": a text that states a share, in figures or in words
    (re.compile(r"\bwhat (?:share|percentage|proportion|fraction|per ?cent(?:age)?)\b|\bhow many per ?cent\b", re.I),
     re.compile(r"%|\bper ?cent|\bpercentage|\bproportion|\bshares?\b|\bhalf\b|\bthirds?\b|\bquarters?\b|"
                r"\bmajority\b|\bfraction|\bratio\b|\bscale\b|\bpro rata\b", re.I)),
)


# A limit is a figure: "What is the minimum fine ...?", "What minimum hourly wage ...?" are answered only by a text
# that fixes one ("a maximum of 25 per cent", "not less than two years"), never by one on fines or wages alone.
# In lower case: "the Minimum Age Convention" is a name.
_ASKS_LIMIT = re.compile(r"\b(?-i:minimum|maximum|highest|lowest|upper|lower)\s+(?:[\w-]+\s+){0,3}?(?:fines?|"
                         r"penalt(?:y|ies)|ratios?|amounts?|sums?|numbers?|size|weight|length|age|quotas?|catch|limits?|"
                         r"levels?|fees?|rates?|percentage|share|distance|height|depth|duration|term|period|wages?|"
                         r"income|salar(?:y|ies)|pay|pensions?|allowances?|prices?|capacity|tonnage)\b", re.I)

# A limit is a quantity: a number, not the ordinal of a meeting ("the ninth meeting of the Conference").
_QUANTITY = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|"
                       r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|half|per ?cent)\b", re.I)


def measure_unstated(question: str, hits: Sequence[Hit]) -> bool:
    """The question asks for a period, a sum or a limit, and none of the top paragraphs (with their lead-ins)
    states one."""
    evidence = " ".join(f"{h.lead_in} {h.text}" for h in hits[:3])
    if _ASKS_LIMIT.search(question) and \
            not any(_QUANTITY.search(figure_in(f"{h.lead_in} {h.text}")) for h in hits[:3]):
        return True
    return any(ask.search(question) and not unit.search(evidence) for ask, unit in _MEASURES)


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

    words = [w for w in re.findall(r"(?<![\w'’-])[a-z]{3,}(?![\w-])", question) if w not in _ASKING]
    return [w for w in dict.fromkeys(words) if not _used(w, vocabulary) and w not in _GLOSSARY_WORDS
            and zipf_frequency(w, "en") < _UNCOMMON]


def outside_vocabulary(question: str, vocabulary: frozenset[str]) -> bool:
    return len(foreign_words(question, vocabulary)) >= _FOREIGN_ENOUGH


def asks_for_current_status(question: str) -> bool:
    ever = next((m for m in _EVER.finditer(question) if not _CONDITION.search(question[:m.start()])), None)
    return bool(_STATUS.search(question) or _HAPPENED.search(question) or _EVENT.search(question) or ever)


def _tokens(text: str) -> list[str]:
    text = re.sub(r"['’]s\b", "", text)  # "Protocol's" -> "Protocol"
    return re.findall(r"[A-Za-z][A-Za-z0-9.'-]*[A-Za-z0-9]|\d+(?:[.-]\d+)*", text)


def _generic(bare: str) -> bool:
    """A word of the field ("Convention", "Parties") or an acronym the glossary spells out: names nothing."""
    return bare.lower() in GENERIC or bare.upper() in ACRONYMS


# An ordinal picks one of a numbered series, as a number does ("our seventh national report", "the fifteenth
# meeting"): a text that never says it is about another one.
_ORDINAL = re.compile(r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
                      r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)", re.I)


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
    words = _tokens(question)
    # "a second term", "a third time": after "a" an ordinal means "another", not one of a numbered series
    another = {m.group(1).lower() for m in re.finditer(rf"\ban?\s+({_ORDINAL.pattern})\b", question, re.I)}
    # "ILO Convention No. 169", "ILO C29": the number an organisation gives a convention in its series (serials.py),
    # which the text need not print; the organisation's name, when written, must still be supported
    serial = {g for m in SERIAL.finditer(question) for g in m.groups() if g}
    for i, word in enumerate(words):
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
    for i, word in enumerate(_tokens(question) + [""]):
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
    stems = [either_spelling(re.escape(w.lower().rstrip("s"))) for w in words]
    for hit in re.finditer(rf"\b{stems[0]}", evidence):
        window = evidence[max(0, hit.start() - _NEAR): hit.end() + _NEAR]
        if all(re.search(rf"\b{stem}", window) for stem in stems[1:]):
            return True
    return False


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
    # "Sudanese", "Chinese", "Kenyan": the people of a country the text names ("the Democratic Republic of the Sudan")
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


_DEMONYM = re.compile(r"([A-Z][a-z]{3,}?)(?:ese|ian|an|ish|i)s?")
# A treaty series' number ("(CETS 196)", "ETS No. 5", "UNTS") identifies the instrument the question names; the text
# as published need not print it.
_SERIES = re.compile(r"\b(?:C?ETS|UNTS|TIAS|UKTS)\s*(?:No\.?\s*)?(\d+)\b")
_EXAMPLE = re.compile(r"\b(?:\w+s|kinds?|types?|bodies|groups?)\s+(?:like|such as|e\.g\.,?|for example,?|for instance,?)\s+"
                      r"((?:the\s+)?[A-Z][\w.-]*(?:\s+(?:(?:of|for|on|and)\s+(?:the\s+)?)?[A-Z][\w.-]*)*)")


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
    missing = [t for t in specific_terms(question)
               if t not in glossed | examples and not any(_supported(t, text, conventions) for text in texts)]
    kinds = [w.lower().strip(".'-") for w in _tokens(question) if w.lower().strip(".'-") in _INSTRUMENT_KINDS]
    own_name: set[str] = set()
    for run, kind in _runs_and_kinds(question):
        if kind and kind in named_kinds and kinds.count(kind) == 1:
            # the user's name for the one instrument of that kind the question names, often by the place it was
            # concluded ("the 1956 New York convention"), which its text need not print
            own_name |= set(run)
            continue
        words = [w for w in run if w not in glossed and not any(re.search(p, w) for p, _ in CONVENTION_NAMES)]
        if len(words) > 1 and not any(w in missing for w in words) and not any(_together(words, t) for t in texts):
            missing.append(" ".join(words))
    heads = [text[:HEAD] for text in texts]  # the documents found and named: an acronym of one's title names it
    return [t for t in missing if t not in own_name and not any(abbreviates(t, head) for head in heads)]


def held_instruments(documents: Collection[Any]) -> frozenset[str]:
    """Codes of the agreements an index holds: each document's own, those it is tagged with, and their parents
    and children (a question about the UNFCCC may be answered by a text of its Paris Agreement)."""
    held = {c for d in documents for c in (d.instrument, *d.conventions) if c}
    family = {i.code for i in catalogue().instruments if i.code in held or i.parent in held}
    return frozenset(held | family | {i.parent for i in catalogue().instruments if i.code in held and i.parent})


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


def unheld_and_unmentioned(question: str, hits: Sequence[Hit], held: Collection[str],
                           document_head: Callable[[str], str]) -> bool:
    """Signal 4. Place names are shared ("Stockholm", "Madrid", "Bonn" name several agreements): when the head of
    a top paragraph's document holds the distinctive words of the name, the question may be about that document,
    and the signal stays silent."""
    top = hits[:5]
    for instrument, words in unheld_instruments(question, held):
        distinct = [w.lower() for w in _tokens(words) if not _generic(w.strip(".'-")) and
                    w.lower() not in _INSTRUMENT_KINDS]
        if any(re.search(rf"\b{re.escape(w)}\b", document_head(h.doc_id)) for w in distinct for h in top):
            continue
        names = _names(instrument.code)
        if names is not None and not any(names.search(f"{h.text} {h.section} {h.lead_in}") for h in top):
            return True
    return False
