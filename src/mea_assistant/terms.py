"""Words that carry meaning in a question or a paragraph: one stopword list and one crude stemmer for the
whole product (conversation rewriting, sentence selection, abstention and evaluation all compare terms)."""

from __future__ import annotations

import re
from functools import lru_cache

STOPWORDS = set("""a an the of and or to in on for by with from at as is are was were be been being do does did done
doing have has had what which who whom whose when where why how whether that this these those it its they them their
there here than then so such not no nor any all each every some can could should would shall will may might must about
into over under between within without also too very just only other more most much many same say says said tell
me us our we you your i please explain describe give list show according regarding concerning text provision
provisions document documents mention mentions require requires required need needs if""".split())


def content_words(text: str) -> list[str]:
    words = re.findall(r"[A-Za-z][A-Za-z.-]*[A-Za-z]|\d+(?:\.\d+)*", text)
    return [w for w in words if w.lower() not in STOPWORDS and len(w) > 1]


def stem(word: str) -> str:
    """A crude suffix stripper: enough for "permits"/"permit", "listing"/"listed" to meet."""
    word = word.lower()
    for suffix in ("ations", "ation", "ings", "ing", "ies", "es", "s", "ed"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def fold(word: str) -> str:
    """One form for the spellings a word is written in: hyphenated or joined ("counter-claim", "counterclaims";
    "co-operation", "cooperation"), -ise or -ize ("specialised", "specialized"). Treaties use both, and so do
    questions."""
    return _IZE.sub("iz", word.replace("-", ""))


_IZE = re.compile(r"i[sz](?=[aei])")


def terms(text: str) -> set[str]:
    """Stemmed content words of a text, each in one spelling (`fold`)."""
    return {stem(fold(w)) for w in content_words(text)}


# A past participle, regular or one of the irregular ones treaties use for who acts ("Proposals for amendment may be
# made by any Contracting Party", "shall be borne by", "shall be held by"); and what may stand between it and its
# agent: a second participle, a verb's particle ("shall be considered and decided upon by the Conference").
# The second stage (rerank) and the lead sentence (leads) both read who acts from them.
PARTICIPLE = (r"(?:\w+ed|made|given|taken|held|chosen|drawn|sent|done|paid|borne|set|kept|met|brought|laid|sought|put|"
              r"run|written|known|shown|spent|found|built|begun|bound|led|meant|read|told|won)")
AND_PARTICIPLE = rf"(?:\s+and\s+{PARTICIPLE})?(?:\s+upon)?"

# Prefixes a treaty may join to the word with a hyphen or not ("co-operation", "non-Party", "re-export")
_PREFIXES = ("co", "non", "re", "pre", "sub", "inter", "counter", "by", "cross", "trans", "multi", "bi", "anti", "self",
             "over", "under", "post", "intra")


def spelling_variants(text: str, vocabulary: frozenset[str]) -> list[str]:
    """The corpus's own spelling of the question's words it does not spell that way, for the keyword search, whose
    tokens differ where the spellings do: "counterclaims" for "counter-claim", "co operation" (as a hyphenated
    word is indexed) for "cooperation", "specialized" for "specialised"."""
    found: list[str] = []
    for word in {w.lower() for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", text)}:
        if "-" in word:
            joined = word.replace("-", "")
            found += [v for v in (joined, joined + "s") if v in vocabulary][:1]
            continue
        swapped = re.sub(r"i([sz])(?=[aei])", lambda m: "iz" if m.group(1) == "s" else "is", word)
        if swapped != word and swapped in vocabulary:  # both may be in it: one text writes each
            found.append(swapped)
        if word not in vocabulary:
            found += [f"{p} {word[len(p):]}" for p in _PREFIXES
                      if word.startswith(p) and len(word) - len(p) >= 4 and word[len(p):] in vocabulary][:1]
    return sorted(found)


def either_spelling(pattern: str) -> str:
    """A regex of a word with its -ize/-ise (-ization/-isation) forms both matched: "organi[sz]ation". Treaties
    are written in either spelling, and so are questions."""
    return re.sub(r"i[sz](?=a|e|i)", "i[sz]", pattern)


@lru_cache(maxsize=256)  # asked for every number of every question; imported on first use, not at start-up
def spelled_number(number: int) -> str:
    """A pattern for a number as treaties write it, cardinal or ordinal: 21 -> "twenty-one", "twenty one",
    "twenty-first" (num2words spells it)."""
    from num2words import num2words

    spellings = sorted({num2words(number), num2words(number, to="ordinal")})
    return "|".join(r"\b" + r"[- ]?".join(map(re.escape, re.split(r"[- ]", w))) + r"\b" for w in spellings)


LEAD_IN_ENDS = (":", "—", "–")


def opens_list(text: str) -> bool:
    """A paragraph ending with a colon or a dash announces items: a lead-in ("The Parties shall:", "This
    Convention does not apply to–"), which says nothing without them."""
    return text.rstrip().endswith(LEAD_IN_ENDS)
