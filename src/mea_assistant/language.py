"""Which language a text is in, from its most frequent function words.

MEAs are published in English, French and Spanish (often also Arabic, Chinese and Russian); treaty databases add
their own language (a Dutch or German title above an English treaty). Function words decide well on a few
hundred words and need no model: "the", "shall", "of" against "les", "des", "est" against "las", "los", "del".
"""

from __future__ import annotations

import re
from collections import Counter

_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in shall be this that for by with any or on as are which its such".split()),
    "fr": frozenset("le la les des du de et est une un pour dans par sur aux au ou qui présente sont".split()),
    "es": frozenset("el la los las del de y en que por con para una un se su al sus o presente".split()),
    "de": frozenset("der die das und des dem den ist zu von mit für auf nicht eine ein sind über zur zum "
                    "betreffend".split()),
    # with the prepositions of treaty titles ("Verdrag betreffende ...", "Verdrag inzake ...", "tot")
    "nl": frozenset("de het een van en in is op te dat voor met zijn die niet aan door worden betreffende inzake "
                    "tot bij".split()),
}
# Words two languages share ("de", "la", "en") count for both, so a language wins on the words it alone uses.
_TOKEN_RE = re.compile(r"[^\W\d_]+")
LANGUAGES = tuple(_WORDS)


def scores(text: str) -> Counter[str]:
    tokens = Counter(t.lower() for t in _TOKEN_RE.findall(text))
    return Counter({lang: sum(tokens[w] for w in words) for lang, words in _WORDS.items()})


def detect_language(text: str, default: str = "en", minimum: int = 3) -> str:
    """ISO 639-1 code of the language with the most function words; `default` when fewer than `minimum` are
    found or two languages tie (a title of a few words needs `minimum=1`)."""
    ranked = scores(text).most_common(2)
    if not ranked or ranked[0][1] < minimum or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return default
    return ranked[0][0]
