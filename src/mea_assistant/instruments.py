"""The agreements the assistant knows by name, read once from `data/instruments.toml`.

One loader for both readers: `metadata.py` tags documents with the instruments their text names, `queries.py`
recognises the instruments a question names. The file's header documents its format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from .datafiles import compiled, entries, read_toml
from .errors import MeaError

_REQUIRED = {"code": str, "name": str}
_OPTIONAL = {"acronym": str, "citation": str, "parent": str, "part_of_parent": bool, "aliases": list,
             "question_aliases": list, "child_titles": list, "titles": list, "source": str}


@dataclass(frozen=True)
class Instrument:
    """One agreement, protocol or MOU. The alias lists are regular expressions, joined with `|` when used."""

    code: str  # what documents are tagged with and `--convention` filters on: "CMS", "Nagoya"
    name: str  # the full title
    acronym: str = ""
    citation: str = ""  # short citation of the instrument's own text: "CMS Convention"
    parent: str = ""  # code of the convention it belongs to: AEWA -> CMS, Nagoya -> CBD
    part_of_parent: bool = False  # a protocol is part of its convention: its documents are tagged with both
    aliases: tuple[str, ...] = ()  # name it in a document (title block or body)
    question_aliases: tuple[str, ...] = ()  # name it in a question
    child_titles: tuple[str, ...] = ()  # titles of instruments concluded under it ("Memorandum of Understanding")
    titles: tuple[str, ...] = ()  # its own title in other languages; `name` always counts
    source: str = ""

    @property
    def document_pattern(self) -> str:
        return "|".join(self.aliases)

    @property
    def question_pattern(self) -> str:
        """The question aliases, a space between two words matching a hyphen too: "the genetic-resources protocol"."""
        return "|".join(re.sub(r"(?<=[A-Za-z]) (?=[A-Za-z])", "[- ]", alias) for alias in self.question_aliases)

    @property
    def child_title_pattern(self) -> str:
        return "|".join(self.child_titles)

    @property
    def title_pattern(self) -> str:
        """What the title of the instrument's OWN text contains: its name, its other-language titles, aliases."""
        name = r"\s+".join(re.escape(w) for w in self.name.split())
        return "|".join([f"(?i:{name})", *self.titles, *self.aliases])


@dataclass(frozen=True)
class Catalogue:
    instruments: tuple[Instrument, ...]  # in file order: document detection breaks ties by it
    question_order: tuple[str, ...]  # codes: the order a question's instruments are reported in

    def by_code(self, code: str) -> Instrument | None:
        return next((i for i in self.instruments if i.code == code), None)

    def in_documents(self) -> list[Instrument]:
        return [i for i in self.instruments if i.aliases]

    def in_questions(self) -> list[Instrument]:
        """Instruments a question can name: those in `question_order` first, in its order, then the others."""
        rank = {code: n for n, code in enumerate(self.question_order)}
        named = [i for i in self.instruments if i.question_aliases]
        return sorted(named, key=lambda i: rank.get(i.code, len(rank)))  # stable: file order among the rest


def load_catalogue(data: dict[str, Any], where: str) -> Catalogue:
    """Check and build the catalogue; every problem names the file, the entry and the key."""
    found: list[Instrument] = []
    for n, row in enumerate(entries(data, "instrument", where, _REQUIRED, _OPTIONAL), 1):
        label = f"{where}: [[instrument]] entry {n} ({row['code']})"
        if any(i.code == row["code"] for i in found):
            raise MeaError(f"{label}: the code '{row['code']}' is used twice; codes must be unique")
        for key in ("aliases", "question_aliases", "child_titles", "titles"):
            for pattern in row.get(key, []):
                compiled(pattern, f"{label}, {key}")
        lists = {k: tuple(row.get(k, ())) for k in ("aliases", "question_aliases", "child_titles", "titles")}
        found.append(Instrument(**{**row, **lists}))
    codes = {i.code for i in found}
    for i in found:
        if i.parent and i.parent not in codes:
            raise MeaError(f"{where}: {i.code}: parent '{i.parent}' is not the code of any [[instrument]]")
    order = data.get("question_order", [])
    if not isinstance(order, list) or not all(isinstance(c, str) and c in codes for c in order):
        raise MeaError(f"{where}: question_order must list codes of [[instrument]] entries")
    return Catalogue(tuple(found), tuple(order))


@cache
def catalogue() -> Catalogue:
    """The shipped `data/instruments.toml`, read on first use and kept."""
    data, where = read_toml("instruments.toml")
    return load_catalogue(data, where)


@cache
def instrument_acronyms() -> frozenset[str]:
    """The catalogue's codes and acronyms, upper-cased ("BBNJ", "UNCLOS"): names of instruments, not of things."""
    return frozenset(c for i in catalogue().instruments for c in (i.code.upper(), i.acronym.upper()) if c)


# "the wetlands and waterbird treaties", "the migratory species and wildlife trade conventions": one kind of instrument
# after two names joined by "and"
# (not "CMS and the other biodiversity treaties": a class of instruments, none named)
_COORDINATED = re.compile(r"\b([\w-]+(?: [\w-]+){0,2}) and (?!(?:the )?(?:other|all|remaining|various|several|many|these|"
                          r"those|such|related)\b)(?:the )?([\w-]+(?: [\w-]+){0,2}) (treat|convention|agreement|protocol)"
                          r"(?:ies|s)\b", re.I)


def named_spans(text: str, patterns: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Where `text` names each convention by one of its (pattern, code) names: as written, and each name of two
    joined under one plural kind ("the wetlands and waterbird treaties": "wetlands" and "waterbird")."""
    found = [(*m.span(), code) for pattern, code in patterns for m in re.finditer(pattern, text)]
    for m in _COORDINATED.finditer(text):
        kind = m.group(3) + ("y" if m.group(3).lower() == "treat" else "")
        for g in (1, 2):
            for pattern, code in patterns:
                if re.search(pattern, f"{m.group(g)} {kind}") and not any(
                        c == code and s < m.end(g) and m.start(g) < e for s, e, c in found):
                    found.append((m.start(g), m.end(g), code))
    return found

