"""The figure, date or period a provision states, as the answer to "when", "how long" or "how many".

Shared by the lead sentence (which puts the figure first) and the second-stage ranker (which prefers, for a
"how long" question, a paragraph that states a period over one that only cites "articles 3 to 6"). A number
that locates a provision ("paragraph (2)", "articles 3 to 6 below") is no figure.
"""

from __future__ import annotations

import re
from typing import Iterator

from .terms import terms

_UNITS = r"one|two|three|four|five|six|seven|eight|nine|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
# Numbers as treaties write them, compounds included: "seventeen States", "the twenty-second instrument" (and, as
# one source prints it, "twentysecond"), "the thirty-fifth day".
_NUMBER_WORDS = (rf"(?:{_TENS})(?:-?(?:{_UNITS}))?|(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ieth|"
                 r"(?:thir|four|fif|six|seven|eigh|nine)teen(?:th)?|ten|tenth|eleven(?:th)?|twelve|twelfth|"
                 rf"{_UNITS}|hundred(?:th)?|thousand|"
                 r"half|two-thirds|three-quarters|three-fourths|majority|unanimous\w*|consensus")
_MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
_FIGURE = re.compile(
    rf"(?:\b(?:within|after|before|not later than|no later than|at least|at most|up to|at intervals of|every|"
    rf"each|by|until|from|for a period of|a period of|of|on the|the)\s+)?"
    rf"(?P<n>\b\d+(?:[.,]\d+)?\s*(?:%|per\s?cent\b)?|\b(?:{_NUMBER_WORDS})\b|\b(?:{_MONTHS})\s+\d{{4}}|\b(?:19|20)\d\d\b)"
    rf"[^.;:,()]{{0,90}}", re.I)
FIGURE_HEAD = re.compile(rf"\b\d|\b(?:{_NUMBER_WORDS})\b|\b(?:annual|annually|biennial|triennial|yearly)\b", re.I)
_PERIODIC = re.compile(r"\b(?:annual(?:ly)?|biennial(?:ly)?|triennial(?:ly)?|yearly|regularly|"
                       r"at (?:regular )?intervals|at each (?:ordinary )?meeting|periodic(?:ally)?)\b", re.I)
_TIME_UNIT = re.compile(rf"\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|date|day|"
                        rf"(?:{_MONTHS})|annual\w*|biennial\w*|triennial\w*|(?:19|20)\d\d)\b", re.I)
# A time is asked by these or by a duration (ASKS_DURATION: "how long", "how soon", "how many days").
_ASKS_TIME = re.compile(r"\b(?:when|how early|how late|by when|until when|since when|how often|"
                        r"deadline|time ?frame|period|what date)\b", re.I)
# A length of time is not answered by "periodically" or "annually"; "when" and "how often" may be ("regular" alone is
# a kind of meeting, not how often it is held).
ASKS_DURATION = re.compile(r"\bhow many (?:seconds|minutes|hours|days|weeks|months|years)\b|\bhow long\b|"
                           r"\bwithin (?:how many|what) (?:days|period|time)\b|\bhow (?:soon|quickly)\b|"
                           r"\bhow much time\b", re.I)
_ASKS_FREQUENCY = re.compile(r"\bhow (?:often|frequently|many times)\b|\bfrequency\b", re.I)
_FREQUENCY = re.compile(r"\b(?:every|each|intervals?|annual\w*|biennial\w*|triennial\w*|yearly|once a)\b", re.I)
# A number after one of these, or after the first of a range or series they open ("articles 3 to 6 below",
# "paragraphs 1, 2 and"), or in brackets after one ("paragraph (2)"), is a locator, not a figure the text states.
_LOCATOR_BEFORE = re.compile(r"\b(?:paragraphs?|articles?|annex(?:es)?|appendi(?:x|ces)|sections?|sub-?paragraphs?|"
                             r"rules?|resolutions?|recommendations?|decisions?|parts?|chapters?|principles?|no\.|"
                             # a plan's numbered parts: "Objective 4", "Target 9", "Goal 2"
                             r"objectives?|targets?|goals?|outcomes?|indicators?)\s*"
                             r"(?:\(?\w{1,6}\)?\s*(?:,|and|or|to|-|–)\s*)*\(?$", re.I)
# "(2)": a number standing alone in brackets is a paragraph's label; "62/177" (after a slash) is part of a
# document's symbol ("UN General Assembly Resolution 62/177"), and the digits after a number's point are no number
# of their own ("Recommendation 4.114").
_INSIDE_NUMBER = re.compile(r"(?:/|\d[.,])$")
_LABEL = re.compile(r"\((\d{1,3})\)")
_DANGLING = re.compile(r"\s+(?:of|the|a|an|to|by|for|in|on|at|and|or|its|their|which|that)$", re.I)


# "How much may be traded?", "by how much": an amount; not "how much time", "how much lead time" or notice, a duration
_HOW_MUCH = r"\bhow much\b(?!\s+(?:[\w-]+\s+)?(?:time|notice)\b)"
# An amount asked before any time: "What is the maximum tax at source on dividends, and when is there none?" asks the
# rate first; "when" asks the exception to it.
_ASKS_AMOUNT = re.compile(rf"{_HOW_MUCH}|"
                          r"\bhow many\b(?!\s+(?:seconds|minutes|hours|days|weeks|months|years|times))|"
                          r"\b(?:maximum|minimum|rate|percentage|per\s?cent|share|amount|fee|sum)\b"
                          r"(?!\s+(?:period|time|duration|term|interval|notice|delay)s?\b)", re.I)


def asks_frequency(question: str) -> bool:
    return bool(_ASKS_FREQUENCY.search(question))


def asks_count(question: str) -> bool:
    """"How many States must ratify?": a count, answered by a paragraph that states a number."""
    return bool(re.search(r"\bhow many\b(?!\s+(?:[\w-]+\s+)?(?:times|seconds|minutes|hours|days|weeks|months|years)\b)",
                          question, re.I))  # "how many waiting days": a length of time


# "What target did the Plan set for growing the number of Parties?": a target on a number is an amount
TARGET_ON_NUMBER = r"targets?\b[^?]{0,80}\b(?:number|share|percentage|proportion) of\b"


def asks_how_much(question: str) -> bool:
    """"By how much was membership to grow?", "How much may be traded?", "What target for the number of Parties?":
    an amount, answered by a paragraph that states a figure (not "how much time", a duration)."""
    return bool(re.search(_HOW_MUCH, question, re.I) or re.search(rf"\b{TARGET_ON_NUMBER}", question, re.I))


def asks_time(question: str) -> bool:
    """The question asks a time (a date, a period, how soon), not an amount it asks first."""
    time = _ASKS_TIME.search(question) or ASKS_DURATION.search(question)
    amount = _ASKS_AMOUNT.search(question)
    return bool(time) and not (amount and amount.start() < time.start())


def _figures(quote: str) -> Iterator[re.Match[str]]:
    """Every figure phrase, one starting at each number: "the ninetieth day after ... of the twenty-second
    instrument of ratification" holds a second figure, the count a "how many" question asks for."""
    pos = 0
    while (m := _FIGURE.search(quote, pos)) is not None:
        yield m
        pos = m.start("n") + 1


def _locates(text: str, m: re.Match[str]) -> bool:
    """The number of `m` locates a provision ("articles 3 to 6", "(2)", "Recommendation 4.114"): no figure."""
    before = text[:m.start("n")]
    return bool(_LOCATOR_BEFORE.search(before) or _LABEL.match(text, m.start("n") - 1) or _INSIDE_NUMBER.search(before))


def figure_in(quote: str, query_terms: set[str] = frozenset(), question: str = "") -> str:  # type: ignore[assignment]
    """The figure, date or period a quote states, in its own words ("ninety days after the date of deposit"):
    a time for "when"/"how long" (none when the quote states no time), a count otherwise; of several, the one
    sharing most words with the question.
    Cut before a new clause and at a whole word."""
    wants_time = asks_time(question)
    wants_frequency = asks_frequency(question)
    found = []
    for m in _figures(quote):
        if _locates(quote, m):
            continue
        phrase = m.group(0)
        if quote[m.end():m.end() + 1].isalnum():  # the match stopped inside a word: end at the last whole one
            phrase = phrase.rsplit(" ", 1)[0] if " " in phrase.strip() else ""
        phrase = re.sub(r"^of\s+(?=\d)", "", re.sub(r"\s+", " ", phrase.strip(" ,")))  # "(stock) of 3249 kg"
        if not FIGURE_HEAD.search(phrase):
            continue
        phrase = re.split(r"\s+(?:by such|which|who|that|and shall|in accordance with|provided that|unless)\s+",
                          phrase, maxsplit=1)[0]
        if len(phrase) > 100:
            phrase = phrase[:100].rsplit(" ", 1)[0]
        while _DANGLING.search(phrase):
            phrase = _DANGLING.sub("", phrase)
        if wants_time and not _TIME_UNIT.search(phrase):
            continue  # "how long" is not answered by a count
        timely = bool(_TIME_UNIT.search(phrase)) == wants_time
        periodic = bool(_FREQUENCY.search(phrase)) == wants_frequency
        found.append((periodic, timely, len(terms(phrase) & query_terms), -m.start(), phrase))
    if found:
        return max(found)[-1]
    # "annually" answers "when" and "how often"; it is no count, nor a length of time
    m = _PERIODIC.search(quote) if (wants_time or wants_frequency) and not ASKS_DURATION.search(question) else None
    return m.group(0) if m else ""


_NOT_A_COUNT = re.compile(rf"(?:first|second|third|fifth|eighth|ninth|twelfth|\w+th|(?:19|20)\d\d|{_MONTHS}.*|majority|"
                          r"unanimous\w*|consensus)$", re.I)


# "How many members sit on the committee?": the size of a body, which a share of the Parties ("at least one third of
# the Parties present") does not give, though it answers "how many Parties must object?"
_ASKS_HEADCOUNT = re.compile(r"\bhow many (?:[\w-]+ ){0,2}?(?:members|people|persons|experts|representatives|seats|"
                             r"judges|arbitrators|commissioners|officers|individuals)\b", re.I)
_SHARE_AFTER = re.compile(r"[\s-]+(?:half|halves|thirds?|quarters?|fourths?|fifths?)\b", re.I)


def asks_headcount(question: str) -> bool:
    return bool(_ASKS_HEADCOUNT.search(question))


def states_count(text: str, shares: bool = True) -> bool:
    """The paragraph states a number of things ("at least 10 Range States", "fourteen"), not only an ordinal
    ("the first meeting"), a year or a locator ("set out in Annex 2"); with `shares` false, not a share ("one
    third of the Parties") either."""
    for m in _figures(text):
        if _locates(text, m):
            continue
        if not shares and (_SHARE_AFTER.match(text, m.end("n")) or
                           re.search(r"third|quarter|fourth|half|per\s?cent|%", m.group("n"), re.I)):
            continue
        if re.match(rf"\s*(?:{_MONTHS})\b", text[m.end("n"):]):
            continue  # "23 June 1979": a date
        if re.match(r"(?:st|nd|rd|th)\b", text[m.end("n"):], re.I):
            continue  # "the 16th meeting", "CMS 40th Standing Committee": an ordinal in figures
        if re.match(r"[\s-]+(?:calendar\s+)?(?:days?|weeks?|months?|years?)\b", text[m.end("n"):]):
            continue  # "two years": a length of time, which "how many" States or votes does not ask
        if not _NOT_A_COUNT.search(m.group("n").strip().split("-")[-1]) or \
                re.match(r"\s+(?:\w+\s+){0,2}?instruments?\b", text[m.end("n"):]):
            return True  # a number, or the ordinal that counts ratifications ("the fiftieth instrument")
    return False


# "How many plants must each container hold?": the thing counted, the first word after "how many"
_COUNTED = re.compile(r"\bhow many\s+([a-z][a-z-]{2,})", re.I)


def counts_asked(text: str, question: str) -> bool:
    """The paragraph states a number of the very thing a "how many" question counts ("each containing 20 or more
    plants" for "how many plants"), not only some number ("one or more of these species")."""
    asked = _COUNTED.search(question)
    if asked is None:
        return False
    stem = asked.group(1).lower().rstrip("s")[:6]
    return any(re.match(rf"\s*(?:(?:or more|or less|or fewer|[\w-]+)\s+){{0,3}}?{re.escape(stem)}", text[m.end("n"):], re.I)
               for m in _figures(text) if not _locates(text, m))


def states_figure(text: str, question: str) -> bool:
    """The paragraph states a figure of the kind asked: a time for "when"/"how long", any figure otherwise but a
    date for an amount ("by how much was membership to grow?" is not answered by "at the COP8 in November 2005")."""
    figure = figure_in(text, question=question)
    if figure and asks_how_much(question) and not asks_time(question):
        return not _NOT_A_COUNT.search(figure)
    return bool(figure)
