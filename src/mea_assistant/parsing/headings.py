"""Headings and the containers they open (Article, Annex, Appendix...), which qualify the refs below them.

`### Article III` makes paragraph 4(b) below it `Art. III(4)(b)`; inside `Annex 3` a `2.1.1` becomes
`Annex 3, 2.1.1`. Text and PDF extractions carry no heading markup, so a heading there is recognised by
its shape: capitals, or a short unpunctuated line before a label or a new sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from ..exchanges import NOTE_RE
from ..refs import APPENDED_PARTS
from . import labels as lab
from .appended import SIGNATORY_RE, appended_part, part_name, printed_after
from .items import ends_clause, is_caps_heading, word_count
from .lines import RawLine
from .lookahead import Lookahead

# The container words of English, French and Spanish texts (every MEA is published in all three), each mapped
# to the one abbreviation refs use, so "Artículo 5" and "Article 5" are both cited "Art. 5"; and the Dutch and
# German "Artikel", which a treaty database's copy of an English text can leave in a heading ("Artikel 2").
_WORDS = {"article": "Art.", "art.": "Art.", "artikel": "Art.", "artículo": "Art.", "articulo": "Art.",
          "annex": "Annex", "annexe": "Annex", "anexo": "Annex", "appendix": "App.", "appendices": "App.", "appendice": "App.",
          "apéndice": "App.", "apendice": "App.", "apéndices": "App.", "part": "Part", "partie": "Part", "parte": "Part",
          "chapter": "Chapter", "chapitre": "Chapter", "capítulo": "Chapter", "capitulo": "Chapter",
          "section": "Section", "sección": "Section", "seccion": "Section", "schedule": "Schedule", "table": "Table",
          "tableau": "Table", "cuadro": "Table", "attachment": "Attachment", "rule": "Rule", "règle": "Rule",
          "regla": "Rule", "título": "Part", "titre": "Part", "regulation": "Reg.", "amendment": "Amendment"}
_ALTERNATION = "|".join(sorted((re.escape(w[:1].upper() + w[1:]) for w in _WORDS), key=len, reverse=True))
_NUMBER = rf"[0-9IVXLC]+(?:\s*(?:er|re|ère|º|\.º|o)(?![a-z]))?(?:\s*(?:{lab.INSERTED}|[a-z])\b|(?<=\d)[A-Z]\b)?"
# A container may be lettered ("Annex A", "SECTION B") or lettered and numbered as IMO annexes number their
# regulations ("Regulation A-1" in Section A, "Regulation B-4").
# "Annex A1", "Annex A2", "Annex B" of a host agreement: a letter and a number together.
_LETTERED = r"[A-Z](?:\s*[-–]\s*\d{1,2}(?:\.\d{1,2})?|\d{1,2})?(?![\w.])"
# The title after the number: after a point, colon or dash, in brackets ("ANNEX III (Until 1st June 1966)"), or naming
# the treaty the annex belongs to ("Annex 2 to the Agreement between ...").
CONTAINER_RE = re.compile(
    rf"^({_ALTERNATION}|{_ALTERNATION.upper()})(?:\s*[-–](?=\s))?\s+"  # "Annex- A1", as one host agreement prints it
    rf"({_NUMBER}(?:\s*(?:,|and|et|y|-|–)\s*[0-9IVXLC]+\b)*|{_LETTERED})\s*"
    rf"(?:$|(?:[.:–—-]\s*|(?=\([^()\d][^()]*\s[^()]*\)\s*$)|(?=(?:to|of)\s+(?:the|this)\s))(.*)$)")
# "### Annex" alone, or qualified by one adjective ("####Technical annex" of the Plastic Explosives Convention)
_BARE_CONTAINER_RE = re.compile(r"^(?:[A-Z][a-z]+(?:al|ic|ive)\s+)?"
                                r"(Annex|Annexe|Anexo|Appendix|Appendices|Appendice|Apéndice|Schedule)()\s*$", re.I)
# An article named by what it is, not numbered ("####Transitional Article" after Art. 31 of the Treaty of Tlatelolco,
# "Sole Article" of a protocol, "Article unique", "Artículo transitorio"): an article of its own, cited by that name.
_NAMED_ARTICLE_RE = re.compile(r"(?:(Transitional|Final|Additional|Sole|Single|Supplementary)\s+Article|"
                               r"Article\s+(transitoire|unique|final|additionnel)|"
                               r"Art[ií]culo\s+(transitorio|[uú]nico|final|adicional))", re.I)
_CONTAINER_ABBR = _WORDS


def container_abbr(word: str) -> str | None:
    """The ref abbreviation of a container word ("Artículo" -> "Art."), None for another word."""
    return _CONTAINER_ABBR.get(word.lower())


_CONTAINER_RANK = {"Annex": 0, "App.": 0, "Amendment": 0, "Schedule": 0, "Attachment": 0,
                   **{part: 0 for part in APPENDED_PARTS},  # the names appended_part gives
                   "Part": 1, "Chapter": 1, "Section": 1, "Art.": 2, "Reg.": 2, "Rule": 2, "Table": 3}
_SECTION_IN_ARTICLE = 2.5  # a section numbered within its article ("Art. II, Section 1"): below it, above its items
# What a text printed after a treaty is, named on the line under its heading ("Detailed Regulations", "Rules of
# Procedure", "Statute").
_PART_KIND_RE = re.compile(r"(?:(?:Detailed|General|Financial|Staff|Technical|Administrative|Implementing|Uniform)\s+)?"
                           r"(?:Regulations|Rules(?:\s+of\s+Procedure)?|Statutes?|By-?laws|Constitution|Protocol)\b", re.I)
# A lettered part of an article, titled: "A. Awareness-raising", "B. Training and education".
_ARTICLE_PART_RE = re.compile(r"^([A-H])\.\s+[A-Z][a-z]")
_NUMBER_HEADING_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?$")
# "### II" over a section of an annex (the Plastic Explosives Convention's Technical Annex, Part 1, I-III): in an
# annex only, where a bare Roman numeral cannot be a part of the treaty that Articles follow
_ROMAN_HEADING_RE = re.compile(r"^[IVX]{1,5}\.?$")
# "### S3", "### M1" over the classes of a list printed after a treaty (a prohibited list's classes S0-S9, M1-M3):
# in an annexed part only, where such a code numbers its sections as "### 2" would
_CODE_HEADING_RE = re.compile(r"^[A-Z]\d{1,2}$")
# A line that runs on into what follows: it ends on a small word, a conjunction that opens a clause ("On every
# occasion when–" before its items), or a dash.
# A line ending on a modal verb ("4.  The Council shall" before its items a)-d)) runs on too: no heading ends so.
_RUN_ON_RE = re.compile(r"(?:\b(?:a|an|the|of|and|or|to|in|for|with|by|on|as|at|from|that|which|its|their|when|where|"
                        r"whenever|if|unless|whether|(?-i:shall|should|must|may|will|shall not|may not))|\s*[–—])$", re.I)


@dataclass
class Headings:
    """The headings and containers open at the current line, and the document title they revealed."""

    title: str | None = None
    open: list[tuple[int, str]] = field(default_factory=list)  # (level, text), outermost first
    containers: list[tuple[float, str]] = field(default_factory=list)  # (rank, "Art. III")
    explicit_level: int = 0  # level of the last markdown/Word/HTML heading
    seen_container: bool = False
    top: list[str] = field(default_factory=list)  # every heading of the title block, in order
    number: tuple[int, str] | None = None  # (level, "2") of a heading that is only a number ("### 2")
    used: set[tuple[int, str]] = field(default_factory=set)  # open headings some paragraph sits under
    orphans: list[tuple[str, str]] = field(default_factory=list)  # (heading, why) closed with no paragraph
    article: str | None = None  # "Art. 6" while its lettered parts ("A. Awareness-raising") qualify refs
    last_article: int = 0  # the highest article number read in the current part
    part_heading: str | None = None  # a heading since the last article that is not an article's title
    # the parts ("Part", "Chapter") that number their articles from 1 again (restarting_parts): they qualify refs
    numbering_parts: frozenset[str] = frozenset()
    chapters: set[tuple[int, str]] = field(default_factory=set)  # headings kept open over the articles under them
    nested: set[tuple[int, str]] = field(default_factory=set)  # articles opened below such a chapter heading
    signed: bool = False  # the text's closing formula ("IN WITNESS WHEREOF ...") was read since the last heading
    renamable: str | None = None  # a part opened under the instrument's own name, until its first line is read
    notes: bool = False  # the text is an exchange of numbered notes (exchanges.note_series): each note is a part

    def section(self) -> tuple[str, ...]:
        return tuple(text for _, text in self.open)

    def container(self) -> str:
        return ", ".join(label for _, label in self.containers)

    def enter(self, text: str, level: int, explicit: bool, at_top: bool) -> str:
        """Open a heading (closing those at its level or deeper); return its text as recorded.

        `at_top` is true while no paragraph has been emitted: the title block of the document.
        """
        self.renamable = None
        if at_top and self.open and level == 1 and self.open[-1][0] == 1 and is_caps_heading(self.open[-1][1]) \
                and is_caps_heading(text) and not CONTAINER_RE.match(text) and not text.endswith((",", ":")):
            text = f"{self.open.pop()[1]} {text}"  # a title wrapped over two capitalised lines
            self.title = text
        if self.title is None and at_top:
            self.title = text
        if at_top and not CONTAINER_RE.match(text):
            if self.top and self.top[-1] in text:
                self.top[-1] = text  # the wrapped title joined above
            else:
                self.top.append(text)
        if "*" not in text.rstrip("*"):
            text = text.rstrip("*").rstrip()  # "Amendment  II*": a footnote's mark, not part of the heading
        match = CONTAINER_RE.match(text) or _BARE_CONTAINER_RE.match(text)
        if match and match.group(1).lower() in _CONTAINER_ABBR:
            # "1er" -> "1"; the "er" of "3ter" or "9quater" is the inserted article's suffix, not an ordinal's
            number = re.sub(r"^([0-9IVXLC]+)\s*(?:er|re|ère|º|\.º|o)(?![a-z])", r"\1", match.group(2) or "", count=1)
            if _CONTAINER_ABBR[match.group(1).lower()] == "Art.":
                self._restarted(number)
            qualifier = re.match(r"([A-Z][a-z]+)\s+\S", text) if match.re is _BARE_CONTAINER_RE else None
            abbr = _CONTAINER_ABBR[match.group(1).lower()]  # "Technical Annex", as the treaty names it
            if abbr == "Section" and self._section_of_article(number):
                self._open_container(abbr, number, rank=_SECTION_IN_ARTICLE)
                level = self._below_article(level)
            else:
                self._open_container(f"{qualifier.group(1).title()} {abbr}" if qualifier else abbr, number)
        elif explicit and (note := NOTE_RE.fullmatch(text.strip(" *"))) \
                and (self.notes or (not at_top and (self.seen_container or self.signed))):
            # the notes of an exchange, or notes printed after a treaty ("### No. I", "### No. II"): parts of their
            # own, whose paragraphs 1, 2 are not the Schedule's or the last article's: "No. I(2)"
            self._open_container(f"{note.group(1)}.", note.group(2))
        elif explicit and not at_top and self.seen_container and _NAMED_ARTICLE_RE.fullmatch(text.strip(" *:.")):
            self._open_container(" ".join(text.strip(" *:.").split()), "", rank=_CONTAINER_RANK["Art."])
        elif explicit and not at_top and self.seen_container and (appended := appended_part(text)) \
                and not (self.open and _is_bare_label(self.open[-1][1]) and self.open[-1] not in self.used):
            # (not the title of a bare "Regulation 5" above it: "Declaration on Anti-fouling System")
            self._open_container(*appended)
        elif explicit and not at_top and self.signed and not _is_bare_label(text) \
                and (after := printed_after(text)):
            self._open_container(after, "")  # a list or model letter printed after the signatures: not an article
            own = text.strip(" *#").lower() in {t.strip(" *#").lower() for t in self.top}
            self.renamable = after if own else None  # under the instrument's own name: the next line may name it
        elif explicit and re.fullmatch(r"[A-H]\.?", text.strip()) and any(r == 0 for r, _ in self.containers):
            self._open_container("Part", text.strip(" ."))  # "### A" / "### B." in an annex: its parts A and B
        elif explicit and not at_top and (part := _ARTICLE_PART_RE.match(text)) and self.containers \
                and self.containers[-1][0] == _CONTAINER_RANK["Art."]:
            self._letter_article(part.group(1))
            level = self._below_article(level)
        if not match and not at_top and not (self.open and _is_bare_label(self.open[-1][1])
                                             and self.open[-1] not in self.used):
            # not an article's title (one under an article whose paragraphs were read is not its title): perhaps
            # the title of a text printed after it ("####STATUTE" after the Convention's last article)
            self.part_heading = text
        if self.open and self.open[-1][0] == level and not match and _is_bare_label(self.open[-1][1]):
            level += 1  # "Artículo I" then "Definiciones" on the next line: the title of that article
        elif self.open and self.open[-1] in self.nested and self.open[-1] not in self.used and not match:
            level = self.open[-1][0] + 1  # the title of an article nested under a chapter heading (below)
        nested = False
        if match and not at_top and _CONTAINER_ABBR.get(match.group(1).lower()) in ("Art.", "Reg.", "Rule"):
            below = self._under_chapter(level)
            nested, level = below != level, below
        elif not match and not at_top and _NUMBER_HEADING_RE.match(text):
            below = self._under_annex(level)
            nested, level = below != level, below
        if explicit:  # the level it was nested at: a wrapped heading after it ("3.1 Habitat Inventories") goes below
            self.explicit_level = level
        self.close(level, at_top)
        self.used.discard((level, text))  # a heading printed again ("### 1" of the next annex) is new: nothing under it yet
        self.open.append((level, text))
        self.signed = self.signed and bool(SIGNATORY_RE.match(text.strip(" *")))  # the signatures may follow
        if nested:
            self.nested.add((level, text))
        if self.number is not None and level <= self.number[0]:
            self.number = None
        if _NUMBER_HEADING_RE.match(text) or ((_ROMAN_HEADING_RE.match(text) or _CODE_HEADING_RE.match(text))
                                              and any(r == 0 for r, _ in self.containers)):
            self.number = (level, text.rstrip(". "))
        return text

    def _under_chapter(self, level: int) -> int:
        """An article's level, below the chapter headings it comes under: "### I", "####SCOPE AND OPERATION", then
        "### Article 1" at the level of the "I" (a database's markup gives a chapter and its articles one level).
        Closing them would lose the chapter's title from its articles ("heading with no paragraph under it"); they
        stay open over every article until a heading of their own level replaces them. A heading printed before an
        article, not after its label ("####Obligations" then "### Article 1"), heads it the same way."""
        waiting = self._waiting([e for e in self.open if e[0] >= level], lambda heading: heading in self.top)
        if not waiting:
            return level
        self.chapters.update(waiting)
        return max(e[0] for e in waiting) + 1

    def _waiting(self, entries: list[tuple[int, str]], skip: Callable[[str], bool]) -> list[tuple[int, str]]:
        """The headings among `entries` that stay open over what follows: one already kept so, or one no paragraph
        sat under yet that is not a container's label nor one `skip` names."""
        return [e for e in entries if e in self.chapters
                or (e not in self.used and not CONTAINER_RE.match(e[1]) and not skip(e[1]))]

    def _under_annex(self, level: int) -> int:
        """A numbered section's level, below the annex heading and title it comes under: "### Annex 1", "####
        IDENTIFICATION AND MONITORING", then "### 1" at the annex's level. Closing them would drop the annex's
        title from its sections (as `_under_chapter` keeps a chapter's over its articles)."""
        at = [i for i, e in enumerate(self.open) if e[0] >= level and (m := CONTAINER_RE.match(e[1]))
              and _CONTAINER_RANK.get(_CONTAINER_ABBR.get(m.group(1).lower(), ""), 1) == 0]
        if not at:
            return level
        kept = self.open[at[-1]:at[-1] + 1] + self._waiting(self.open[at[-1] + 1:],
                                                            lambda heading: bool(_NUMBER_HEADING_RE.match(heading)))
        self.chapters.update(kept[1:])
        return max(e[0] for e in kept) + 1

    def titles_article(self, text: str) -> bool:
        """The line after a bare "Article IV" is its title, even when it ends with a colon (wrapped text)."""
        return bool(self.open) and _is_bare_label(self.open[-1][1]) and word_count(text) <= 14 \
            and not text.rstrip().endswith((".", ";")) and not CONTAINER_RE.match(text)

    def continues_title(self, text: str, previous_line: str) -> bool:
        """A title cut by the column ("Migratory Species to be the Subject of Agreements:" / "Appendix II")
        goes on with the line after it: the line before was that title, and this one is short."""
        if not self.open or not previous_line or self.open[-1][1] != previous_line.strip():
            return False
        title = self.open[-1][1]
        if not (title.endswith((":", "-", "–", "and", "of", "the")) and word_count(text) <= 6
                and not ends_clause(text)):
            return False
        level, _ = self.open.pop()
        self.open.append((level, f"{title} {text}"))
        return True

    def close(self, level: int, at_top: bool = False) -> None:
        """Close the headings at `level` or deeper; one no paragraph sat under is recorded, never lost."""
        for entry in [e for e in self.open if e[0] >= level]:
            if entry not in self.used and not _is_bare_label(entry[1]):  # a bare "Annex 3" lives on in refs
                why = "title block (kept as the document's title and metadata)" if at_top or entry[1] in self.top \
                    else "heading with no paragraph under it"
                self.orphans.append((entry[1], why))
        self.open = [e for e in self.open if e[0] < level]

    def mark_used(self) -> None:
        self.used.update(self.open)

    def take_number(self) -> list[tuple[str, str]]:
        """The number of a numbered section ("### 2" over "#### Surveys and research"), for the first
        unnumbered paragraph under it, which is cited by that number (`Annex(2)`)."""
        if self.number is None:
            return []
        number, self.number = self.number[1], None
        style = "alnum" if _CODE_HEADING_RE.match(number) else "dotted" if "." in number else "num"
        return [(style, number)]

    def _letter_article(self, letter: str) -> None:
        """"A. Awareness-raising" under "Article 6": the article's part 6 A, whose paragraphs are "Art. 6 A(1)"."""
        rank, label = self.containers[-1]
        self.article = self.article if self.article and label.startswith(self.article) else label
        self.containers[-1] = (rank, f"{self.article} {letter}")

    def _below_article(self, level: int) -> int:
        """A lettered part sits under its article's heading and title ("Article 6 > Specific measures"), however
        the source marks its level."""
        for i in range(len(self.open) - 1, -1, -1):
            match = CONTAINER_RE.match(self.open[i][1])
            if match and _CONTAINER_ABBR.get(match.group(1).lower()) == "Art.":
                titled = i + 1 < len(self.open) and not _ARTICLE_PART_RE.match(self.open[i + 1][1])
                return self.open[i + 1 if titled else i][0] + 1
        return level

    def _section_of_article(self, number: str) -> bool:
        """ "Article II" then "Section 1. Instruments of Contribution.": sections numbered within each article, as
        the Bretton Woods agreements and the funds and banks modelled on them draft, cited "Art. II, Section 1(a)";
        a section that opens an article (its Section 1), or follows one, is the article's, not a part above it."""
        if not self.containers or any(r == 0 for r, _ in self.containers):
            return False
        rank = self.containers[-1][0]
        return rank == _SECTION_IN_ARTICLE or (rank == _CONTAINER_RANK["Art."] and number in ("1", "I"))

    def _restarted(self, number: str) -> None:
        """Articles numbered from 1 again under a heading of their own ("####Constitution of the International
        Vaccine Institute" after the Agreement's Articles I-XI) are another text's: a part named by that heading
        ("Constitution, Art. IX(1)"), so that the two Articles I keep their own refs."""
        value = _article_value(number)
        restart = value == 1 and self.last_article >= 2
        in_part = any(r == 1 for r, _ in self.containers)  # a part that numbers its articles: it names them
        if restart and self.part_heading and not in_part and not any(r == 0 for r, _ in self.containers):
            self._open_container(part_name(self.part_heading), "")
        self.last_article = value if restart else max(self.last_article, value)
        self.part_heading = None

    def name_part(self, text: str) -> None:
        """A text printed after the signatures under the instrument's own name ("####Caribbean Postal Union") is
        named by the line under it ("- Detailed Regulations - To the Convention and Protocols"): its refs read
        "Detailed Regulations, Chapter I, Art. 1(1)", not the instrument's name twice."""
        renamable, self.renamable = self.renamable, None
        if renamable is None or not self.containers or self.containers[-1][1] != renamable:
            return
        if kind := _PART_KIND_RE.match(text.strip(" \u2013\u2014-*")):
            self.containers[-1] = (self.containers[-1][0], " ".join(kind.group(0).split()))

    def _open_container(self, abbr: str, number: str, rank: float | None = None) -> None:
        if rank is None:
            rank = _CONTAINER_RANK.get(abbr, 0)  # an appended part ("Financial Regulations") stands as an annex
        number = re.sub(r"\s+", " ", number).strip()
        if not number and self.containers and self.containers[-1][1].startswith(f"{abbr} ") and rank == 0:
            return  # the title line under "### Recommendation 146": the same part, still numbered
        # Section/Part/Chapter only qualify refs inside an annex, where article numbers restart, or in a text whose
        # parts number their articles from 1 again ("Part II, Art. 1").
        contributes = rank != 1 or any(r == 0 for r, _ in self.containers) or abbr in self.numbering_parts
        self.containers = [(r, l) for r, l in self.containers if r < rank]
        if contributes:
            self.containers.append((rank, f"{abbr} {number}".strip()))
        self.seen_container = True


def restarting_parts(lines: list[RawLine]) -> frozenset[str]:
    """The parts of a text ("Part", "Chapter") under which articles are numbered from 1 again: the 1946 Paris
    Agreement on Reparation has Article 1-8 in Part I and Article 1-15 in Part II, cited "Part II, Article 1".
    Read over the whole text first, so that Part I's articles are qualified as well as those after it. A part
    counts only when its heading is the first after the last article's text: a heading before it ("####STATUTE"
    after a Convention's Articles 1-10, then "Part I", "Chapter I", "Article 1") opens another text, whose
    articles restart because that text does (`Headings._restarted`), not because its parts do."""
    found: set[str] = set()
    part: str | None = None  # the part heading read since the last article
    other = False  # another heading came after the last article's text, before any part heading
    text = False  # the last article's text has begun
    last = 0
    for line in lines:
        stripped = line.text.strip(" *#")
        match = CONTAINER_RE.match(stripped) if word_count(line.text) <= 12 and not line.table_row else None
        abbr = _CONTAINER_ABBR.get(match.group(1).lower()) if match else None
        if abbr is None:
            if line.heading is not None and text and part is None:
                other = True
            elif line.heading is None and stripped:
                text = True
            continue
        if abbr in ("Part", "Chapter"):
            part = part or (None if other else abbr)
        elif abbr in ("Annex", "App.", "Schedule"):
            break  # an annex numbers its own articles: that restart says nothing of the parts above
        elif abbr == "Art.":
            value = _article_value(match.group(2) or "")
            if value == 1 and last >= 2 and part:
                found.add(part)
            last, part, other, text = max(last, value) if value != 1 else value, None, False, False
    return frozenset(found)


def _article_value(number: str) -> int:
    """ "IX" -> 9, "12" -> 12, anything else 0."""
    number = number.strip()
    if number.isdigit():
        return int(number)
    if re.fullmatch(r"[IVXLC]+", number):
        return lab.roman_to_int(number)
    return 0


def is_wrapped_heading(text: str, index: int, label: lab.Label | None, lines: Lookahead, *, wrapped: bool,
                       current_ended: bool, at_start: bool, current_text: str = "", previous_line: str = "") -> bool:
    """A heading in text with no heading markup (capitals, or short unpunctuated lines before a label).

    `at_start` is true before any title, paragraph or paragraph in progress: the top of the file.
    A line that is only a container label ("Annex 2", "Annex 1: Species covered ...") opens a new part even
    after a list whose last line has no stop, unless the text before it runs on ("... set out in").
    """
    if label is None and _is_container_line(text) and current_text and not _RUN_ON_RE.search(current_text.rstrip()) \
            and previous_line.rstrip().endswith(current_text.rstrip()[-20:]) and not previous_line.rstrip().endswith(":"):
        return True  # after text (not after a heading it may continue), a bare "Annex 2" opens a new part
    if not current_ended and wrapped:
        return False  # mid-sentence: a continuation, whatever it looks like
    if not (text[:1].isupper() or text[:1].isdigit() or text[:1] in "(["):
        return False
    if is_caps_heading(text) and label is None:
        return True
    if at_start and label is None and not ends_clause(text) and not text.endswith(",") and word_count(text) <= 25:
        return True  # an untagged title line at the top of the file ("Los Estados Contratantes," is who acts)
    if not wrapped and label is None:
        return False
    return _is_heading_line(text, index, label, lines)


def _is_bare_label(text: str) -> bool:
    match = CONTAINER_RE.match(text)
    return bool(match) and not match.group(3)


def _is_container_line(text: str) -> bool:
    match = CONTAINER_RE.match(text)
    return bool(match) and (not match.group(3) or word_count(text) <= 14) and not ends_clause(text.rstrip(".:"))


def _is_heading_line(text: str, index: int, label: lab.Label | None, lines: Lookahead) -> bool:
    """A short line with no closing stop, followed by a label or a new sentence, is a heading in wrapped text."""
    titled = bool(re.match(r"^[A-Z][\w.-]*(?: [\w.]+)?\s[-–—]\s.*:$", text))  # "Objective 4 - To support ...:"
    if titled:
        return word_count(text) <= 16
    if ends_clause(text) or text.endswith(","):
        return False  # "Los Estados Contratantes," opens the preamble; headings do not end with a comma
    has_label = label is not None
    if _RUN_ON_RE.search(text):
        return False  # "1. The Meeting ... should adopt a" runs on to the next line
    limit = 20 if label is not None and label.style in ("pupper", "uroman", "uletter", "named", "dotted") else (
        6 if has_label else 12)
    if word_count(text) > limit:
        return False
    if CONTAINER_RE.match(text):
        return True
    if not has_label and lines.short_line_run(index) >= 3:
        return False  # a run of short unpunctuated lines is a list (species, regions), not headings
    nxt = lines.next_text(index)
    if nxt is None:
        return not has_label
    following = lab.detect(nxt)
    if label is not None and any(f.style == label.style and f.value == lab.successor(label.style, label.value)
                                 for f in following):
        return False  # "2.  Principle of sovereignty" then "3.  Principle of equal dignity": a list, not headings
    if following or lines.next_is_heading(index):
        return True
    if text.endswith(":"):
        return False
    return bool(nxt[:1].isupper())
