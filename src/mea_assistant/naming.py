"""Short names as delegates cite documents, each named after the document itself, and unique in a corpus.

A treaty is named after the instrument its TITLE names ("CMS Convention", "EUROBATS" from
data/instruments.toml), a resolution after its own number ("CMS Res. 11.10 (Rev.COP14)"), anything else
after its title. Never after a convention its text merely mentions, and never cut short with "...": a long
title is shortened at its first natural break ("Target 9: International and regional action ..." ->
"Target 9"), not in mid-phrase.
"""

from __future__ import annotations

import re

from .bilateral import DANGLING, bilateral_name
from .instruments import catalogue
from .titleblock import year_of
from .types import Document

_LONG = 100
_BILATERAL = 80  # a title "between" named parties longer than this is named by its parties (bilateral.py)


_SMALL = {"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with", "concerning"}


def _capitals_as_title(name: str) -> str:
    """A title printed in capitals, written as a title ("INTERNATIONAL TROPICAL TIMBER AGREEMENT, 2006" ->
    "International Tropical Timber Agreement, 2006"); an acronym the data file knows keeps its capitals."""
    if re.search(r"[a-z]", name) or not re.search(r"[A-Z]{4}", name):
        return name
    known = {i.acronym for i in catalogue().instruments if i.acronym} | {i.code for i in catalogue().instruments}

    def word(i: int, w: str) -> str:
        if w.strip("(),.;:") in known:
            return w
        if i and w.lower() in _SMALL:
            return w.lower()
        return re.sub(r"(?:^|(?<=[-(]))[a-z]", lambda m: m.group().upper(), w.lower())  # "(Ramsar,", "African-Eurasian"
    return " ".join(word(i, w) for i, w in enumerate(name.split(" ")))


# "Protocol Concerning Pollution from Land-Based Sources and Activities to the Convention for the Protection ...":
# a protocol's own name ends where the title goes on to name the treaty it belongs to.
_PARENT = re.compile(r"^((?:Protocol|Additional Protocol|Agreement)\b.{12,}?)\s+to the (?:\d{4} )?(?:Convention|Treaty)\b")


# What a long title adds after the instrument's own name: what it supplements or implements, when it was revised or
# adopted, or a second subject ("Agreement on Reparation from Germany, on the Establishment of an Inter-Allied
# Reparation Agency and on ..."): cited by the name before it, as delegates do. (", including Diplomatic Agents" stays:
# what a title includes is often how delegates name the treaty, "the Diplomatic Agents Convention".)
_RIDER = re.compile(r",\s+(?:supplementing|implementing|as\s+(?:revised|amended|adopted)|adopted\s+(?:at|on|by)|"
                    r"done\s+at|signed\s+at|on\s+the\s+(?:establishment|restitution|creation))\b|"
                    # "... Convention on Road Signs and Signals opened for signature at Vienna on 8 November 1968"
                    # (not "... Organization signed at Stockholm on July 14, 1967": "the Stockholm Convention" is its name)
                    r"\s+opened\s+for\s+signature\s+(?:at|in)\s+(?-i:[A-Z])", re.I)


def _from_title(title: str) -> str:
    """The title as a name: "The" and a closing full stop dropped; a very long one cut where a protocol's own name
    ends, where a rider begins (", supplementing ...", ", as revised ..."), else at its first colon, dash or
    bracket."""
    name = _capitals_as_title(re.sub(r"\s+", " ", re.sub(r"^(?:The|THE)\s+", "", title)).strip())
    name = re.sub(r"(?<![A-Z])(?<!\b[A-Z][a-z])\.$", "", name)  # the title line's full stop ("... Monetary Gold."), not "Co."
    if len(name) > _LONG:
        own = _PARENT.match(name)
        if own:
            return own.group(1)
        rider = _RIDER.search(name)
        if rider and len(name[:rider.start()].split()) >= 3:
            return name[:rider.start()]
        # (not at a bracketed letter or number that is part of a reference: "Under Article 15 (a) of the Treaty ...")
        head = re.split(r"\s*(?:[:;–—]|\((?![a-z0-9]{1,3}\)))\s*", name, maxsplit=1)[0]
        # "... regarding compensation for: 1. Certain Norwegian bonds ...": not a name ending on "for"
        head = DANGLING.sub("", head)
        if 2 <= len(head.split()) or re.search(r"\d", head):
            return head
    return name


def citation_name(title: str, head: str, conventions: tuple[str, ...], doc_type: str, own: str | None,
                  symbol: str | None, session: str | None) -> tuple[str, str]:
    """(short name, where it came from: "title block" | "data file")."""
    text = f"{title}\n{head}"
    res = re.search(r"Resolution\s+(Conf\.\s*)?(\d+\.\d+)(\s*\((?:Rev\.?\s*)?[A-Za-z]*\s*\d+\))?", symbol or head)
    if res and doc_type == "resolution":
        prefix = conventions[0] if conventions and conventions[0] != "other" else ""
        rev = re.sub(r"\s+", "", res.group(3) or "")
        conf = "Conf. " if res.group(1) else ""
        return f"{prefix} Res. {conf}{res.group(2)}{' ' + rev if rev else ''}".strip(), "title block"
    instrument = catalogue().by_code(own) if own else None
    if instrument is not None and instrument.citation and doc_type in ("convention", "protocol", "agreement", "mou"):
        return instrument.citation, "data file"
    primary = conventions[0] if conventions else "other"
    if doc_type == "mou":
        subject = re.search(r"Conservation of (?:Migratory )?([A-Z][a-z]+)", title, re.I)
        if subject:
            return f"{subject.group(1).capitalize()} MOU", "title block"
    if doc_type == "work-programme":
        years = re.search(r"(\d{4})\s*[-–]\s*(\d{2,4})", text)
        named = [i.code for i in catalogue().in_documents() if re.search(i.document_pattern, title)]
        order = sorted(named, key=lambda code: re.search(catalogue().by_code(code).document_pattern, title).start())
        members = "-".join(order) or primary
        return (f"{members} Joint Work Programme {years.group(1)}-{years.group(2)}" if years
                else f"{members} Work Programme"), "title block"
    if doc_type == "correspondence":
        year = re.search(r"\b(20\d\d|19\d\d)\b", text)
        return f"{primary} Secretariat response{' ' + year.group(1) if year else ''}", "title block"
    target = re.search(r"\b(Target \d+)\b", title)
    if doc_type == "strategic-plan" and target:
        return f"{primary} Strategic Plan, {target.group(1)}", "title block"
    mou = re.search(r"\b(?!(?:This|The|That|Each|Such|Any|Present|Said)\b)([A-Z][a-z]+) MOU\b", text)  # not "This MOU"
    if mou:
        found = re.search(r"\b(MOS\d+)\b", text) or re.search(r"\b(COP\d+)\b", text)
        meeting = session or (found.group(1) if found else None)
        return f"{mou.group(1)} MOU {meeting + ' ' if meeting else ''}doc", "title block"
    if len(title) > _BILATERAL and (short := bilateral_name(title)):
        return short, "title block"  # "Netherlands-China Agreement for the avoidance of double taxation"
    return _from_title(title), "title block"


def indexed_name(doc: Document) -> str:
    """The name a paragraph is embedded and indexed under: its citation name, except that a treaty named by its
    parties ("Netherlands-China Agreement for the avoidance of double taxation", bilateral.py) is read under its whole
    title, as before it had the short name: questions describe such a treaty by its parties' formal names and its
    whole subject ("the agreement with the People's Republic of China ... to prevent fiscal evasion")."""
    short = bilateral_name(doc.title) if len(doc.title) > _BILATERAL else None
    if short and doc.provenance.get("name") != "override" and doc.citation_name.startswith(short):
        return _from_title(doc.title)
    return doc.citation_name


def distinct_names(documents: dict[str, Document]) -> list[str]:
    """Make every display name unique (adding the year, else the file name) and say which ones were changed.

    Two documents cited by one name would make an answer's citation ambiguous ("CMS Convention, Art. 2" for a
    paragraph of another agreement), so this runs over the whole corpus at every ingest.
    """
    by_name: dict[str, list[Document]] = {}
    for doc in documents.values():
        doc.short_name = doc.short_name or doc.citation_name
        if doc.provenance.get("name") != "override":
            doc.citation_name = doc.short_name
            doc.provenance["name"] = doc.provenance.get("name", "title block").replace(", made distinct", "")
        by_name.setdefault(doc.citation_name, []).append(doc)
    notes = []
    for name, docs in sorted(by_name.items()):
        if len(docs) < 2:
            continue
        years = [year_of(d.date, d.symbol, d.doc_id) for d in docs]
        distinct_years = len(set(years)) == len(years) and all(years)
        for doc, year in zip(docs, years):
            doc.citation_name = f"{name} ({year})" if distinct_years else f"{name} ({doc.doc_id})"
            base = doc.provenance.get("name", "title block").replace(", made distinct", "")
            doc.provenance["name"] = base + ", made distinct"
        notes.append(f"'{name}' would name {len(docs)} documents ({', '.join(d.doc_id for d in docs)}); "
                     f"they are cited as {', '.join(repr(d.citation_name) for d in docs)}. Set a name in "
                     "documents.toml to choose others.")
    return notes
