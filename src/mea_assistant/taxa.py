"""Species and groups by their English names, as the corpus's own listings give them.

The appendices list taxa by their Latin names: CMS Appendix I has "Pelecanidae Pelecanus crispus", with no word a
delegate would use. Other tables of the same corpus name them in English: CITES heads each family's rows
"Pelecanidae Pelican", "Tridacnidae Giant clams", "CETACEA Dolphins, porpoises, whales"; AEWA's Annex 2 lists
"Pelecanus crispus Dalmatian Pelican". Read once per set of documents, these pairs let a question or topic that says
"pelicans" or "giant clams" search for the Latin names too (BM25 only), whichever table it is looking for. A corpus
without such tables gives no pairs, and nothing changes.

Most listed species have no English name anywhere in the texts ("Irrawaddy dolphin" for Orcaella brevirostris), so
a glossary of the listed taxa's standard English names ships as data (`data/species.tsv`); its pairs count for the
taxa some table of the indexed documents lists.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any, Iterable, Sequence

from .errors import MeaError
from .types import Document, Hit

# A heading "Latin taxon English names": a family (-idae, -aceae) or an order/class in capitals, then its English
# names ("Bovidae Antelopes, cattle, duikers, gazelles, goats, sheep, etc.", "LEGUMINOSAE (Fabaceae) Rosewood").
_HEADING = re.compile(r"^([A-Z][a-z]+(?:idae|aceae)|[A-Z]{5,})(?:\s*\([A-Z][a-z]+\))?\s+([A-Z][a-z][^()*]*?)\s*$")
# A row "Genus species English name" ("Pelecanus crispus Dalmatian Pelican").
_ROW = re.compile(r"^\*?([A-Z][a-z]+ [a-z]{3,})\*?\s+([A-Z][a-z'-]+(?:[ -][A-Za-z][a-z'-]+){0,4})\s*$")
_NOT_NAMES = frozenset({"etc", "and", "spp", "other", "others"})
# A heading that names a taxon: a family ("Pelecanidae", "LEGUMINOSAE"), an order ("PELECANIFORMES"), a class or
# phylum as the appendices head them.
_TAXON = re.compile(r"\b(?:[A-Z][a-z]+(?:idae|aceae)|[A-Z]+(?:FORMES|IDAE|ACEAE)|CETACEA|CLASS [A-Z]+|PHYLUM [A-Z]+)\b")
_CACHE: dict[tuple[Any, ...], tuple[dict[str, set[str]], re.Pattern[str]]] = {}


def _english(names: str) -> list[str]:
    parts = re.split(r",\s*|\s+and\s+", names.rstrip(". "))
    return [p.strip().lower() for p in parts if p.strip() and p.strip().lower() not in _NOT_NAMES
            and len(p.strip()) >= 3]


def _forms(name: str) -> set[str]:
    """"pelican" and "pelicans", "seals" and "seal", "peccaries" and "peccary"; a few forms are no words
    ("hors" of "horses"), which no question writes."""
    forms = {name}
    if re.search(r"\w{3}i$", name):  # the Latin plurals of the tables' English: "Cacti" for "cactus", "Fungi"
        forms.add(name[:-1] + "us")
    elif re.search(r"\w{3}us$", name):
        forms.add(name[:-2] + "i")
    if re.search(r"[lr]ves$", name):
        forms.add(name[:-3] + "f")  # "wolves", "wolf"
    elif re.search(r"[lr]f$", name):
        forms.add(name[:-1] + "ves")
    if re.search(r"[^aeiou]ies$", name):
        forms.add(name[:-3] + "y")  # "peccaries", "butterflies"
    elif re.search(r"[^aeiou]y$", name):
        forms.add(name[:-1] + "ies")
    elif re.search(r"(?:s|x|z|ch|sh)es$", name):
        forms |= {name[:-2], name[:-1]}  # "foxes", "finches"; "wrasses", "horses"
    elif name.endswith("s") and not name.endswith("ss"):
        forms.add(name[:-1])
    elif re.search(r"(?:s|x|z|ch|sh)$", name):
        forms.add(name + "es")
    else:
        forms.add(name + "s")
    return forms


@cache
def glossary() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(Latin name, English names) of data/species.tsv; a group written "Moschus spp." is searched as "Moschus"."""
    text = resources.files("mea_assistant").joinpath("data/species.tsv").read_text(encoding="utf-8")
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        latin, tab, names = line.partition("\t")
        english = tuple(n.strip().lower() for n in names.split("|") if n.strip())
        if not tab or not latin.strip() or not english:
            raise MeaError(f"data/species.tsv, line {number}: expected 'Latin name<TAB>english name | ...', "
                           f"got {line!r}; fix or remove the line")
        rows.append((re.sub(r"\s+spp\.?$", "", latin.strip()), english))
    return tuple(rows)


def _add(found: dict[str, set[str]], latin: str, names: Iterable[str]) -> None:
    for name in names:
        for form in _forms(name):
            found.setdefault(form, set()).add(latin)


def taxon_names(documents: dict[str, Document]) -> tuple[dict[str, set[str]], re.Pattern[str]]:
    """English name (each singular and plural form, lower case) -> the Latin names the corpus's tables give it;
    and one pattern for all the names, longest first ("giant clams" before "clams")."""
    key = tuple((d.doc_id, len(d.paragraphs)) for d in documents.values())
    if key not in _CACHE:
        if len(_CACHE) > 16:
            _CACHE.clear()
        found: dict[str, set[str]] = {}
        listed: set[str] = set()  # capitalised words of the tables: the taxa they list
        for doc in documents.values():
            for p in doc.paragraphs:
                if p.kind != "table":
                    continue
                pairs = [m.groups() for label in p.section if (m := _HEADING.match(label.strip()))]
                pairs += [m.groups() for line in p.text.splitlines() if (m := _ROW.match(line.strip()))]
                for latin, names in pairs:
                    _add(found, latin, _english(names))
                # genera and families as written, orders as their headings write them ("TESTUDINATA")
                listed.update(re.findall(r"\b[A-Z][a-z]+\b|\b[A-Z]{5,}\b", " ".join([p.text, *p.section])))
        for latin, names in glossary():
            first = latin.split()[0]
            if first in listed:  # a taxon these documents' tables list (its genus or family is there)
                _add(found, latin, names)
            elif " " not in latin and latin.upper() in listed:  # a family only a heading prints, in capitals
                _add(found, latin.upper(), names)  # ("STERNIDAE"): named as the heading names it
        alternation = "|".join(re.escape(n) for n in sorted(found, key=len, reverse=True)) or r"(?!)"
        # "armadillo-shell charangos", "peccary-leather gloves": the animal a compound's first word names
        _CACHE[key] = found, re.compile(rf"(?<![\w-])(?:{alternation})(?!\w)")
    return _CACHE[key]


def named_species(text: str, documents: dict[str, Document]) -> list[tuple[str, list[str]]]:
    """The English names a text uses for species and groups, each with the Latin names the corpus gives it
    ("giant clams" -> Tridacnidae; "great white pelicans" -> Pelecanus onocrotalus, and as "pelicans" their
    family)."""
    names, pattern = taxon_names(documents)
    found: list[tuple[str, list[str]]] = []
    for m in pattern.finditer(text.lower()) if names else ():
        head = m.group().split()[-1]  # "great white pelicans": that pelican, and the pelicans' family
        found += [(name, sorted(names[name])) for name in dict.fromkeys((m.group(), head)) if name in names]
    return found


def species_in(text: str, documents: dict[str, Document]) -> list[str]:
    """The species and groups a text names, in English or by a Latin name the corpus's tables list ("the vaquita,
    Phocoena sinus")."""
    return list(dict.fromkeys([name for name, _ in named_species(text, documents)] + written_latins(text, documents)))


def written_latins(text: str, documents: dict[str, Document]) -> list[str]:
    """The Latin names the corpus's tables list that a text writes itself ("Balearica pavonina")."""
    latins = _listed_latins(documents)
    return list(dict.fromkeys(m.group() for m in _WRITTEN_LATIN.finditer(text) if m.group() in latins))


_WRITTEN_LATIN = re.compile(r"\b[A-Z][a-z]+(?: [a-z]{3,})?\b")
# A binomial as a listing row prints it, its subgenus in brackets or not: "Grus leucogeranus", "Panax (P.) ginseng"
_BINOMIAL = re.compile(r"\b([A-Z][a-z]+)\s+(?:\([A-Z][a-z]+\)\s+)?[a-z]{3,}\b")


def genus_of(line: str) -> str | None:
    """The genus of the first binomial a line of a listing prints ("Appendix II: Panax ginseng" -> "Panax")."""
    m = _BINOMIAL.search(line)
    return m.group(1) if m else None


_LATIN_CACHE: dict[tuple[Any, ...], frozenset[str]] = {}


def _listed_latins(documents: dict[str, Document]) -> frozenset[str]:
    """Every Latin name the corpus's tables give an English name, read once per set of documents, as taxon_names
    is (a conversation reads every turn with it)."""
    key = tuple((d.doc_id, len(d.paragraphs)) for d in documents.values())
    if key not in _LATIN_CACHE:
        if len(_LATIN_CACHE) > 16:
            _LATIN_CACHE.clear()
        names, _ = taxon_names(documents)
        _LATIN_CACHE[key] = frozenset(latin for found in names.values() for latin in found)
    return _LATIN_CACHE[key]


def lists_taxon(hit: Hit, taxa: Sequence[str]) -> bool:
    """The paragraph holds one of the most specific of `taxa`: a species in its own words, a family or an order in
    the heading its rows sit under ("SPHENISCIDAE")."""
    return bool(taxa) and names_taxon(f"{hit.text} {hit.section}", finest(taxa))


def names_taxon(text: str, taxa: Sequence[str]) -> bool:
    """The text names any of `taxa`, at any rank: an item "Sturgeons (Acipenseriformes)." names the order the
    question's "sturgeons" stands for, though the glossary reads a family too."""
    return any(re.search(rf"\b{re.escape(t)}\b", text, re.I) for t in taxa)


def latin_names(text: str, documents: dict[str, Document]) -> list[str]:
    """The Latin names of the species and groups a text names in English ("giant clams" -> Tridacnidae)."""
    return list(dict.fromkeys(latin for _, latins in named_species(text, documents) for latin in latins))


def finest(taxa: Sequence[str]) -> list[str]:
    """The most specific of the Latin names: species before a genus, a genus before a family (Balaenidae), a family
    before an order or class (CETACEA)."""
    levels = [_level(t) for t in taxa]
    return [t for t, level in zip(taxa, levels) if level == min(levels)]


def _level(latin: str) -> int:
    if " " in latin.strip():
        return 0
    if latin.isupper() or latin.endswith(("formes", "FORMES")):
        return 3
    return 2 if latin.endswith(("idae", "aceae", "inae")) else 1


def lists_taxa(headings: str) -> bool:
    """Whether a table's record sits under a taxon's heading: a listing of species, not a budget or a seat table."""
    return _TAXON.search(headings) is not None



_ROWS: dict[tuple[Any, ...], dict[str, list[tuple[int, str]]]] = {}
MAX_ROWS = 8  # a family's whole listing is many rows: its first few are enough to be found


def _table_rows(documents: dict[str, Document]) -> dict[str, list[tuple[int, str]]]:
    """Each document's table records as (position, text and headings lower-cased), read once per set of documents:
    every search whose question names a species looks through them."""
    key = ("rows",) + tuple((d.doc_id, len(d.paragraphs)) for d in documents.values())
    if key not in _ROWS:
        if len(_ROWS) > 16:
            _ROWS.clear()
        _ROWS[key] = {d.doc_id: [(p.position, f"{p.text} {' '.join(p.section)}".lower()) for p in d.paragraphs
                                 if p.kind == "table"] for d in documents.values()}
    return _ROWS[key]


def rows_naming(documents: dict[str, Document], taxa: Iterable[str], allowed: Iterable[str]) -> list[tuple[str, int]]:
    """The listing rows (table records) that hold the Latin names of the species a text names in English: a long
    question or topic ("coco de mer nuts taken home by tourists ...") buries the few words of the row that lists
    it ("Appendix III: Lodoicea maldivica") under its many others, in BM25 as in the vectors. The most specific
    names count (a species before its family). Prose that names the taxon is left to the two stores."""
    taxa = [t.lower() for t in taxa if t]  # a family is named by its rows' heading, often in capitals
    specific = [t for t in taxa if " " in t] or taxa
    tables = _table_rows(documents)
    rows = [(doc_id, pos) for doc_id in allowed for pos, text in tables.get(doc_id, []) if any(t in text for t in specific)]
    return rows[:MAX_ROWS]


RARE = 2  # a name the corpus prints in at most this many paragraphs is what they are about
# An instrument's kind a word or two after a name: the name stands for the instrument ("the Bonn Convention")
_NAMES_INSTRUMENT = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:conventions?|protocols?|agreements?|treat(?:y|ies)|"
                               r"mou|memorand(?:um|a)|accords?|charters?)\b", re.I)
# A run of capitalised words ("the order Pinnipedia", "Great White Pelican", "Central Asian Flyways")
_CAPITALISED = re.compile(r"(?<![\w-])[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*")


def rare_names(text: str, documents: dict[str, Document], taxa: Sequence[str] = ()) -> list[str]:
    """The names a question writes that the corpus prints in few paragraphs, in any case ("Pinnipedia", printed
    "PINNIPEDIA"): a paragraph printing one is about what the question names, however few of its other words it
    shares. A name is one capitalised word inside a sentence ("the order Pinnipedia", "ebony (Diospyros)"): not a
    word of a longer name ("Great White Pelican"), nor of a document's name ("Nagoya") or the place it names ("the
    Helsinki water convention"), nor a species' name the glossary or the tables read (`taxa`, "the Shoebill"): the
    listing rows answer for those."""
    found: list[str] = []
    known: set[str] | None = None  # the species' words, read only for a question that writes a candidate
    for m in _CAPITALISED.finditer(text):
        name = m.group()
        before = text[:m.start()].rstrip()
        if not re.fullmatch(r"[A-Z][a-z]{4,}", name) or not before or not re.search(r"[a-z,(]$", before):
            continue
        if _NAMES_INSTRUMENT.match(text, m.end()):
            continue  # the place a treaty was concluded, naming it ("the Helsinki water convention")
        if known is None:
            known = {w.lower() for name in [*taxa, *(n for n, _ in named_species(text, documents))]
                     for w in name.split()}
        if name.lower() in known or any(name.lower() in f"{d.title} {d.citation_name}".lower()
                                        for d in documents.values()):
            continue
        if 0 < _printed_in(name.lower(), documents) <= RARE:
            found.append(name)
    return list(dict.fromkeys(found))


_PRINTED: dict[tuple[Any, ...], dict[str, int]] = {}


def _printed_in(word: str, documents: dict[str, Document]) -> int:
    """How many paragraphs print the word, in any case; counted once per word and set of documents (a question's
    "Parties" is looked up on every turn)."""
    key = tuple((d.doc_id, len(d.paragraphs)) for d in documents.values())
    if key not in _PRINTED:
        if len(_PRINTED) > 16:
            _PRINTED.clear()
        _PRINTED[key] = {}
    counts = _PRINTED[key]
    if word not in counts:
        pattern = re.compile(rf"\b{re.escape(word)}\b", re.I)
        counts[word] = sum(1 for d in documents.values() for p in d.paragraphs if pattern.search(p.text))
    return counts[word]
