"""Inline markup removal and layout-junk recognition, shared by every format.

Everything here works on one line at a time and knows nothing of numbering.
"""

from __future__ import annotations

import re
import unicodedata

from .labels import INSERTED

# Bullet glyphs seen in PDF/Word extractions: the usual ones plus Symbol-font private-use code points
# (U+F0A7, U+F0B7, ...) that pdf tools emit for Wingdings bullets.
BULLET_CHARS = "•◦▪▫●○■□►▸‣⁃∙·➢➤✓✔" + "".join(chr(c) for c in range(0xF0A0, 0xF0FF))
_BULLET_RE = re.compile(rf"^[{re.escape(BULLET_CHARS)}]\s*")
# "- item", and "-either the monetary unit ..." (a conversion that lost the space: a line never opens on a hyphen)
_DASH_ITEM_RE = re.compile(r"^[–—-]\s+(?=\S)|^[–—-](?=[a-z]{2,}\b)")

_LINK_RE = re.compile(r"!?\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)")
# An ordinal's superscript ending, "26<sup>th</sup> January" ("10 <sup>th</sup>" too), "1<sup>er</sup> janvier", or an
# inserted article's ("Article 3 <sup>ter</sup>" for Article 3ter): part of the word, not a marker.
_SUP_ORDINAL_RE = re.compile(rf"(?<=\d) ?<sup>\s*(st|nd|rd|th|er|re|e|ème|o|a|º|ª|{INSERTED})\s*</sup>", re.I)
_SUP_MARKER_RE = re.compile(r"<sup>\s*(?:\d{1,3}\)?|#\d+|\*|[a-z])\s*</sup>", re.I)
_TAG_RE = re.compile(r"</?(?:sup|sub|br|span|em|strong|b|i|u)\b[^>]*>", re.I)
_EMPHASIS_RE = re.compile(r"(\*\*|__|\*)(?=\S)(.+?)(?<=\S)\1")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")

_PAGE_RE = re.compile(
    r"^(?:page\s+\d+(?:\s*(?:of|/)\s*\d+)?|-\s*\d+\s*-|\d{1,3}\s*/\s*\d{1,3}|\d{1,3})$", re.I)
_IMAGE_RE = re.compile(r"^!\d{3,}$|^!\[[^\]]*\]\([^)]*\)$")
_TABLE_SEPARATOR_RE = re.compile(r"^\|?[\s:|-]*-{3}[\s:|-]*\|?$")

# Work-programme "Timeframe" cells: a year, a span of years, or a recurring period.
TIMEFRAME_RE = re.compile(
    r"^(?:on-?going|continuous(?:ly)?|annual(?:ly)?(?:\s+and\s+as[- ]required)?|as[- ]required|tbd|"
    r"(?:early|mid|late|end)[- ]\d{4}|(?:by\s+)?(?:\w+\s+)?\d{4}(?:\s*[-–/]\s*\d{2,4})?)\.?$",
    re.I,
)


def strip_inline_markup(text: str) -> str:
    """Markdown/HTML inline syntax to plain words: `[Resolution Conf. 18.3](#)` -> `Resolution Conf. 18.3`."""
    text = _SUP_ORDINAL_RE.sub(r"\1", text)
    text = _SUP_MARKER_RE.sub("", text)
    text = _TAG_RE.sub(" ", text)
    text = _LINK_RE.sub(lambda m: m.group(1), text)
    for _ in range(2):
        text = _EMPHASIS_RE.sub(lambda m: m.group(2), text)
    text = _ESCAPE_RE.sub(r"\1", text)
    # Emphasis markers left unbalanced by the converter ("*Gyrinops * * spp.*").
    text = re.sub(r"(?<!\w)\*+(?=\s|$)|(?<=\s)\*+(?=\w)|^\*+(?=\w)|(?<=\w)\*+(?=[\s,.;:)]|$)", "", text)
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    return re.sub(r"[ \t]+", " ", text).strip()


def split_bullet(text: str) -> tuple[bool, str]:
    """`•  Text` -> (True, "Text"); a lone glyph -> (True, "")."""
    match = _BULLET_RE.match(text)
    if match:
        return True, text[match.end():].strip()
    match = _DASH_ITEM_RE.match(text)
    if match:
        return True, text[match.end():].strip()
    return False, text


def is_page_artifact(text: str) -> bool:
    """Footers and page numbers: `Page 3 of 3`, `- 2 -`, a lone `12` (also a stray footnote digit)."""
    return bool(_PAGE_RE.match(text.strip()))


def is_image_placeholder(text: str) -> bool:
    return bool(_IMAGE_RE.match(text.strip()))


def is_table_separator(text: str) -> bool:
    return bool(_TABLE_SEPARATOR_RE.match(text.strip()))


def is_timeframe(text: str) -> bool:
    return bool(TIMEFRAME_RE.match(text.strip()))


def normalise_for_match(text: str) -> str:
    """The matching normalisation of eval-format.md: NFKC, casefold, plain quotes/dashes, no markup, one space."""
    text = unicodedata.normalize("NFKC", text)
    text = _LINK_RE.sub(lambda m: m.group(1), text)
    text = text.replace("**", "").replace("*", "")
    text = re.sub(r"[\u2018\u2019\u201a\u201b\u2032`]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201e\u201f\u2033]", '"', text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return re.sub(r"\s+", " ", text.casefold()).strip()
