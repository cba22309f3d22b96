"""What a document says about itself at its head (and in its closing formula), read as a librarian would.

The title block of an MEA document names the document, not the conventions it goes on to mention:
    CONVENTION ON MIGRATORY SPECIES                       <- the convention series it belongs to
    UNEP/CMS/Resolution 11.10 (Rev.COP14)                 <- its own symbol
    SYNERGIES AND PARTNERSHIPS                            <- its title
    Adopted by the Conference of the Parties at its 14th Meeting (Samarkand, February 2024)
A treaty's date is in its closing formula ("DONE at London this fourth day of December ...", "Fait à Paris,
le 18 octobre 1950"). A treaty database may put its own-language title above the treaty's ("Overeenkomst
inzake ..." over "The Agreement on the Conservation of Populations of European Bats"): the title is the
title-block heading in the language of the text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .language import detect_language

_SYMBOL_RE = re.compile(
    r"^(?:(?:UNEP|[A-Z]{2,}[A-Za-z]*)(?:/[\w.()\- ]+){1,7}|(?:Resolution|Decision|Recommendation|Résolution|"
    r"Resolución|Décision|Decisión)\s+(?:Conf\.\s*)?[0-9IVXL]+[./][0-9]+(?:\s*\([^)]*\))?)$")
_ADOPTED_RE = re.compile(
    r"\b(?:Adopted by|Adoptée? par|Adoptada por|Aprobada por)\s+(?:the|la|el)\s+"
    r"((?:Conference|Meeting|Conférence|Réunion|Conferencia|Reunión)\b[^,(\n]{0,60}?"
    r"(?:Parties|Signatories|Parties contractantes|Partes|Signataires|Signatarios))"
    r"(?:\s+(?:at|à|en)\s+(?:its|sa|su)\s+([\w.-]+\s+(?:meeting|session|réunion|session|reunión)))?", re.I)
_SESSION_RE = re.compile(r"(?<![A-Za-z])((?:COP|CoP|MOP|MOS|SC|COP-MOP)\s?\d{1,2})\b")
# "DONE in duplicate at The Hague", "Done in two originals at ...": how many copies, before where
_COPIES = r"(?:in\s+(?:duplicate|triplicate|quadruplicate|(?:two|three|four|\w+)\s+(?:originals?|copies))\s*,?\s+)?"
_CLOSING_RE = re.compile(
    r"\b(?:DONE|Done|done|FAIT|Fait|HECHO|Hecho|Opened for signature)\s+" + _COPIES + r"(?:at|in|à|en)\s+"
    r"([A-ZÀ-Ý][^\n]{2,140}?)(?=[.;]\s|[.;]?$|,\s+(?:the|in|les|en)\s)", re.M)
# The closing formula itself ("IN WITNESS WHEREOF the undersigned ... DONE at The Hague, on the 29th day of May 1993
# ..."), not "the Treaty done at ..." in a recital: where a treaty says where, when and in which languages it was done.
_WITNESS = r"(?i:\bin\s+(?:witness|faith)\s+whereof\b)"
CLOSING_FORMULA = re.compile(_WITNESS + r"|(?:^|[.;]\s*)(?:DONE|Done)\s+" + _COPIES + r"(?:at|in)\s+[A-Z]")
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|janvier|"
           "février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|"
           "abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre")
_DATE_RE = re.compile(rf"\b(\d{{1,2}}(?:er)?\s+(?:de\s+)?(?:{_MONTHS})\s+(?:de\s+)?\d{{4}})\b", re.I)
_SPAN_RE = re.compile(r"\b((?:19|20)\d{2}\s*[-–]\s*(?:19|20)?\d{2,4})\b")
_YEAR_RE = re.compile(r"\b(1[89]\d{2}|20\d{2})\b")
_WORD_RE = re.compile(r"[^\W\d_]{4,}")


@dataclass
class TitleBlock:
    title: str
    symbol: str | None = None
    adopted_by: str | None = None
    session: str | None = None
    date: str | None = None
    date_source: str = ""  # "title block" | "closing formula"
    foreign: frozenset[str] = frozenset()  # title-block headings not in the text's language (a database's own)
    short: str | None = None  # the heading the title spells out ("ReCAAP Agreement"): the name people cite it by


# The number of a note in an exchange of notes ("No. I", "Nr. 2"): the first heading of such a text, never its title.
_NOTE_NUMBER = re.compile(r"^\W*(?:No|Nr|Note)\.?\s*(?:[IVXLC]+|\d+)\W*$", re.I)


def choose_title(headings: list[str], language: str, first_line: str,
                 native: frozenset[str] | None = None) -> str:
    """The title-block heading in the document's language (else the first), never a symbol or a container.

    A title of two words may have no function word to tell its language by ("Europees landschapsverdrag" over
    "European landscape convention"): a heading outside `native` (`native_headings`) is not in its language.
    """
    candidates = [h for h in headings if not _SYMBOL_RE.match(h.strip()) and not _NOTE_NUMBER.match(h.strip())]
    if not candidates:
        return first_line
    same = [h for h in candidates if detect_language(h, default="", minimum=1) in (language, "")]
    native_same = [h for h in same if native is None or h in native]
    if native_same and candidates[0] not in native_same:
        return native_same[0]
    if same and detect_language(candidates[0], default="", minimum=1) not in (language, ""):
        return same[0]
    return candidates[0]


def native_headings(headings: list[str], body: str) -> frozenset[str]:
    """The headings in the text's language: at least half of a heading's words (of four letters or more) occur in
    the text more often than in its headings (a place name alone, "Rotterdam", is shared by every language)."""
    in_text = Counter(w.lower() for w in _WORD_RE.findall(body))
    in_heads = Counter(w.lower() for w in _WORD_RE.findall("\n".join(headings)))
    native = set()
    for heading in headings:
        used = [in_text[w] > in_heads[w] for w in {w.lower() for w in _WORD_RE.findall(heading)}]
        if used and 2 * sum(used) >= len(used):
            native.add(heading)
    return frozenset(native)


def find_symbol(head_lines: list[str]) -> str | None:
    """`UNEP/CMS/Resolution 11.10 (Rev.COP14)` on a line of its own near the top."""
    for line in head_lines[:15]:
        text = re.sub(r"\s+", " ", line).strip()
        if len(text.split()) <= 8 and _SYMBOL_RE.match(text) and re.search(r"\d", text):
            return text
    return None


def closing_date(body: str) -> str | None:
    """`DONE at London this fourth day of December in the year ... ninety-one` -> the place and date: the one the
    closing formula opens, or one that opens a sentence, before "the Convention ..., done at Montego Bay on 10
    December 1982" that a recital names."""
    matches = list(_CLOSING_RE.finditer(body))
    if not matches:
        return None
    witness = re.search(_WITNESS, body)
    after = [m for m in matches if witness and m.start() > witness.start()]
    opening = [m for m in matches if re.search(r"(?:^|[.;:]\s*|\*\s*)$", body[max(0, m.start() - 3):m.start()])]
    if not (after or opening):
        return None  # only recitals' "done at": no date rather than another instrument's
    match = (after or opening)[0]
    text = re.sub(r"\s*<sup>\s*([a-zºª]{1,3})\s*</sup>", r"\1", match.group(1), flags=re.I)  # "10 <sup>th</sup>"
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip().rstrip(",")
    year = _YEAR_RE.search(text)
    if year is None:  # "DONE at Strasbourg, the 25th day of January 1988": the place, then the date after its comma
        end = body.find("\n", match.start(1))
        line = body[match.start(1):end if end >= 0 else len(body)][:len(text) + 60]
        dated = _YEAR_RE.search(line, len(text))
        if dated:
            return re.sub(r"\s+", " ", line[:dated.end()]).strip()
    return text[:year.end()] if year else text


def head_date(head: str) -> str | None:
    """The date a title block states: in the adoption line, an email date, a day, or a span of years."""
    adopted = re.search(r"(?:Adopted|adopted|Adoptée?|Adoptada)[^\n.]{0,80}?(?:Meeting|session|réunion|reunión)"
                        r"[^\n]{0,60}?\(([^)]*\d{4})\)", head)
    if adopted:
        return re.sub(r"\s+", " ", adopted.group(1)).strip()
    for pattern in (re.compile(r"\(email dated ([^)]+\d{4})\)"), _DATE_RE, _SPAN_RE):
        for match in pattern.finditer(head):
            line = head[head.rfind("\n", 0, match.start()) + 1:match.start()]
            if not _PARENTS_DATE.search(line):
                return re.sub(r"\s+", " ", match.group(1)).strip()
    return None


# "Protocol additional to the Geneva Conventions of 12 August 1949": the date of the instrument a title is made to,
# not of the document (whose own date its closing formula gives)
_PARENTS_DATE = re.compile(r"\b(?:additional\s+to|supplementary\s+to|to|amending|supplementing)\s+the\s+[^,;\n]*?"
                           r"\b(?:Conventions?|Agreements?|Treat(?:y|ies)|Protocols?|Charter)\b(?:[^,;\n]*?(?=\s+"
                           r"(?:opened\s+for\s+signature|done|signed)\s+at))?\s+(?:of|signed\s+(?:at\s+"
                           r"[A-Z][\w ]+?\s+)?on|(?:done|opened\s+for\s+signature)\s+at\s+[A-Z][\w ]+?\s+on)\s*$", re.I)


def read_title_block(headings: list[str], head_lines: list[str], body: str, language: str,
                     first_line: str) -> TitleBlock:
    """Title, symbol, adopting body, session and date from the head (short lines only) and the closing formula.

    Only short lines count as the head: a preamble run onto one line names other treaties and their dates
    ("Recalling the Convention ... opened for signature in Bonn on 23 June 1979").
    """
    short = [l for l in head_lines if len(l.split()) <= 25]
    head = "\n".join(short)
    native = native_headings(headings, body)
    block = TitleBlock(title=choose_title(headings, language, first_line, native), symbol=find_symbol(short),
                       foreign=frozenset(headings) - native)
    inline = _instrument_line(head_lines) if _BODY_ONLY.search(block.title) else None
    if inline:
        block.title = inline
    full = _spelled_out(block.title, short)
    if full:
        block.short, block.title = " ".join(block.title.split()), full
    adopted = _ADOPTED_RE.search(head)
    if adopted:
        block.adopted_by = re.sub(r"\s+", " ", adopted.group(1)).strip()
        block.session = adopted.group(2)
    if block.session is None:
        session = _SESSION_RE.search(block.symbol or "")  # a session named in the head may be another's
        block.session = session.group(1).replace(" ", "") if session else None
    # a title in another language (the database's "... dat op 8 november 1968 te Wenen ...", which dates the
    # Convention an agreement supplements) is read after the closing formula, not before it
    native = [l for l in short if detect_language(l, language, minimum=2) == language]
    block.date = head_date("\n".join(native))
    block.date_source = "title block" if block.date else ""
    if block.date is None:
        block.date = closing_date(body)
        block.date_source = "closing formula" if block.date else ""
    if block.date is None:
        block.date = head_date(head)
        block.date_source = "title block" if block.date else ""
    return block


# A head that names only the organisation or the meeting a treaty came from ("LEAGUE OF NATIONS.", "INTERNATIONAL LABOUR
# CONFERENCE.") over the treaty's own title printed as the first words of its text ("*Convention concerning forced or
# compulsory labour.* The General Conference ..."): the treaty's title is that.
_BODY_ONLY = re.compile(r"^(?!.*\b(?:convention|agreement|protocol|treaty|charter|covenant|statute|constitution|memorandum|"
                        r"resolution|decision|recommendation|declaration|plan|programme|strategy|regulations|act)\b)"
                        r".*\b(?:conference|nations|organi[sz]ation|council|assembly|office|union|community)\W*$", re.I)
# The ILO numbers its conventions in the title line ("Convention (No. 70) concerning social security for seafarers"),
# which may end the line without a full stop.
_INLINE_TITLE = re.compile(r"^\W*((?:Convention|Agreement|Protocol|Treaty|Charter)(?:\s+\(No\.\s*\d{1,3}\))?\s+"
                           r"(?:concerning|on|for|relating\s+to|regarding)\s+[^.*\n]{3,160}?)\s*(?:[.*]|$)")


# A heading that names the instrument by its acronym ("ReCAAP Agreement", "OSPAR Convention") over the full title
# printed as the next line ("Regional Cooperation Agreement on Combating Piracy and Armed Robbery against Ships in
# Asia"): the full title is the title, and the heading the name it is cited by.
_ACRONYM_NAME = re.compile(r"^\W*[A-Z][A-Za-z]*[A-Z]{2}[A-Za-z]*\s+"
                           r"(Agreement|Convention|Protocol|Treaty|Charter|Memorandum)\W*$")


def _spelled_out(title: str, head_lines: list[str]) -> str | None:
    """The full title a heading of an acronym and a kind ("ReCAAP Agreement") stands for: the first head line of four
    or more words, in title case, that names the same kind and ends without a full stop: after the heading where the
    heading is a line of its own, else from the top (a Markdown heading's "####" keeps it from matching)."""
    short = _ACRONYM_NAME.match(title)
    if not short:
        return None
    after = [l.strip() for l in head_lines]
    after = after[after.index(title.strip()) + 1:] if title.strip() in after else after
    for line in after:
        words = re.findall(r"[^\W\d_]{4,}", line)
        if (len(line.split()) >= 4 and re.search(rf"\b{short.group(1)}\b", line) and not line.endswith(".")
                and line[:1].isupper() and 2 * sum(w[0].isupper() for w in words) > len(words)):
            return " ".join(line.split())
    return None


def _instrument_line(head_lines: list[str]) -> str | None:
    """The title of the instrument the first lines of a text begin with, if one does."""
    for line in head_lines:
        match = _INLINE_TITLE.match(line.strip())
        if match:
            return " ".join(match.group(1).split())
    return None


def year_of(*texts: str | None) -> str | None:
    for text in texts:
        match = _YEAR_RE.search(text or "")
        if match:
            return match.group(1)
    return None


# A text whose title block is only in another language (a database's Dutch title over an English exchange of notes)
# may print its own title as a heading further in: "Memorandum of Understanding between the United States and the
# Netherlands Government relating to Offshore Procurement", under the letter that transmits it.
# An annex names it too: "Annex I" / "to Memorandum of Understanding between ... Defense Equipment, dated 24 August 1978".
_KIND_HEADING = re.compile(r"^\W*(?:to\s+(?:the\s+)?)?((?:Memorandum|Agreement|Convention|Protocol|Treaty|Arrangement|"
                           r"Exchange of Notes)\b[^\n]{10,400}?)(?:,\s+dated\b[^\n]*)?\W*$")


def title_in_text(block: TitleBlock, sections: list[tuple[str, ...]], language: str) -> str | None:
    """The first heading naming an instrument in the text's language, when the title block's is in another."""
    if block.title not in block.foreign:
        return None
    for section in sections:
        for heading in section:
            match = _KIND_HEADING.match(heading.strip())
            if match and heading not in block.foreign and detect_language(heading, language, minimum=2) == language:
                return " ".join(match.group(1).split())
    return None

