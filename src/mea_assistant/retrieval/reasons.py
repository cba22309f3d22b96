"""Which paragraph answers a question asking why: the one that gives a reason.

"Why does the MOU rely on regional fisheries bodies?" is answered by the recital that says "by virtue of their
mandate to bring fishing nations together", not by the operative paragraph that asks for cooperation with them; "Why
brief decision-makers?" by "cooperation ... can be achieved only if the decision-makers ... are aware". Treaties give
reasons in a few set ways: a purpose ("in order to", "with a view to", "designed to", "a need to review X to
ensure"), a cause ("because", "by virtue of", "owing to"), a condition ("only if"), and the preamble's verbs of motive
("Recognizing", "Conscious", "Convinced"). Not "For the purpose of this Convention", which opens a definition.
"""

from __future__ import annotations

import re
from typing import Callable

from ..types import Hit

WINDOW = 5  # how far down a paragraph that gives a reason is looked for

_ASKS_WHY = re.compile(r"^\s*(?:and\s+|but\s+|so\s+)?why\b|\bfor what (?:reason|purpose)\b|\bwhat (?:is|was) the (?:reason|"
                       r"rationale|point)\b|\bhow come\b", re.I)
_REASON = re.compile(r"\b(?:because|in order to|so as to|so that|with a view to|by virtue of|owing to|due to|given that|"
                     r"need to \w+ (?:[\w-]+ ){0,4}?to ensure|"
                     r"as a result of|only if|designed to|intended to|aim(?:s|ed)? (?:to|at)|the purposes? of(?! (?:this|the present) [A-Z]\w+)|"
                     r"(?<!\d )since (?![12]\d{3}\b)(?:the|it|they|their|its|these|this)\b|"
                     r"recogni[sz]ing|conscious|convinced|aware|acknowledging|mindful|considering|noting that)\b", re.I)


_OPENS = r"^\s*(?:(?:Also|Further)\s+)?"  # how a recital opens, before its verb ("Also recalling ...")


def asks_why(query: str) -> bool:
    return bool(_ASKS_WHY.search(query))


# A question about the preamble itself ("What does each convention's preamble single out?", "How do the opening
# recitals describe ..."): the recitals are what it asks for, not context to pass over.
_ASKS_RECITALS = re.compile(r"\b(?:preambles?|preambular|recitals?)\b", re.I)


RECITAL_SCORE_PLACES = 2  # the model's probabilities closer than this say nothing of which recital answers


def asks_recitals(query: str) -> bool:
    return bool(_ASKS_RECITALS.search(query))


# "Does the preamble recall Article 8(j) of the Convention?": the recital citing that article
_CITED_ARTICLE = re.compile(r"\bArticle\s+\d+(?:\s*\([a-z0-9]+\))*", re.I)


def recitals_first(hits: list[Hit], recitals_asked: bool, sentence_sims: dict[tuple[str, int], list[float]],
                   query: str = "") -> list[Hit]:
    """On a question about the preamble (`recitals_asked`, asks_recitals), the recitals come first, in the model's
    order where it tells them apart (the CMS Convention's PP2 on future generations before a resolution's recital
    sharing one phrase), by their sentence closest to the question where it does not (recitals the searches missed
    all score near zero); every other hit keeps its order."""
    if not recitals_asked:
        return hits
    cited = [re.sub(r"\s+", "", m.group(0).lower()) for m in _CITED_ARTICLE.finditer(query)]
    recitals = sorted((h for h in hits if h.kind == "preamble"),
                      key=lambda h: (not any(c in re.sub(r"\s+", "", h.text.lower()) for c in cited),
                                     -round(h.score, RECITAL_SCORE_PLACES), -h.closest(sentence_sims)))
    return recitals + [h for h in hits if h.kind != "preamble"]


def gives_reason(hit: Hit) -> bool:
    return bool(_REASON.search(hit.text))


# "Why does the Dugong MOU Secretariat recommend ...?": the body and what it does, as the text says it ("the
# Dugong MOU Secretariat recommends that an assessment ... be undertaken"), a body's verbs of advice or decision
_BODY_ACTS = re.compile(r"^\s*(?i:(?:and\s+|so\s+)?why\s+(?:does|do|did)\s+(?:the\s+)?)[^?]*?\b([A-Z][\w-]*)\s+"
                        r"(recommend|propose|suggest|request|urge|encourage|invite|decide|call|advise|stress|emphasi[sz]e)\b")


def reason_first(hits: list[Hit], query: str) -> list[Hit]:
    """On a "why" question, the paragraph in which the body asked about does what the question asks why of leads,
    when one of the first five is it; else, when the first paragraph gives no reason and one of the next four does,
    that one leads; every other hit keeps its order."""
    if not asks_why(query):
        return hits
    if acts := _BODY_ACTS.search(query):
        said = re.compile(rf"\b{re.escape(acts.group(1))}\s+{acts.group(2)}(?:s|es|ed|d)?\b")
        moved = _first_that(hits, lambda hit: said.search(hit.text) is not None, WINDOW)
        if moved is not hits or (hits and said.search(hits[0].text)):
            return moved
    return _first_that(hits, gives_reason, WINDOW)


def _first_that(hits: list[Hit], answers: Callable[[Hit], bool], window: int) -> list[Hit]:
    """The first of the top `window` hits that `answers` leads, unless the first does; the rest keep their order."""
    if not hits or answers(hits[0]):
        return hits
    i = next((i for i, hit in enumerate(hits[1:window], 1) if answers(hit)), None)
    return hits if i is None else [hits[i]] + hits[:i] + hits[i + 1:]


# A question on what the instrument takes for granted ("Does the Convention assume that national policies are
# enough?"): the recitals state the Parties' convictions ("Being confident that ... can be ensured by combining
# far-sighted national policies with co-ordinated international action"); the articles do not argue.
_ASKS_BELIEF = re.compile(r"\b(?:assumes?|assumed|assumption|presumes?|presumed|believes?|premise|starting point|"
                          r"takes? (?:it )?for granted|(?:take|takes|hold|holds) the view|(?:is|are) (?:it|they|the\s+\w+\s+)?"
                          r"(?:confident|convinced))\b", re.I)
_CONVICTION = re.compile(rf"{_OPENS}(?:Being\s+)?(?:confident|convinced|believing|recogni[sz]ing|"
                         r"conscious|aware|acknowledging|affirming|reaffirming)\b", re.I)
BELIEF_WINDOW = 8  # how far down a recital stating a conviction is looked for


def asks_belief(query: str) -> bool:
    return bool(_ASKS_BELIEF.search(query))


def belief_first(hits: list[Hit], query: str) -> list[Hit]:
    """On a question about what the instrument assumes or believes, the first recital among the top hits that
    states a conviction leads; every other hit keeps its order."""
    return _first_that(hits, _states_conviction, BELIEF_WINDOW) if asks_belief(query) else hits


def _states_conviction(hit: Hit) -> bool:
    return hit.kind == "preamble" and bool(_CONVICTION.match(hit.text))


_ALSO_ASKS = re.compile(r"\band\s+(?:on\s+|under\s+|in\s+|by\s+)?(?:what|which|how|when|who|whom|where|whether)\b", re.I)


# A recital's opening verb ("Recalling", "Recognizing", "Noting", "Welcoming"): asked "Which resolutions does it
# recall?", "What does it recognise about ...?", the recital that opens with that verb says it.
_RECITAL_VERB = re.compile(rf"{_OPENS}([A-Z][a-z]{{2,}})ing\b")


# A question on what was done before the text ("who had earlier been invited to ...?", "what had the COP already
# adopted?"): a recital that recalls or notes an earlier act records it; the operative paragraphs act anew.
_ASKS_EARLIER = re.compile(r"\b(?:earlier|previously|already|in the past|before then|had\s+(?:\w+\s+){0,2}?been)\b", re.I)
_RECORDS = re.compile(rf"{_OPENS}(?:Recalling|Noting|Welcoming|Acknowledging|Taking note)\b")


# A recital's verb asked in the everyday word for the same act ("Does the Protocol accept that ...?" of "Recognizing
# that ...", "What does it stress?" of "Emphasizing"): the pairs of the drafting verbs of UN preambles and their
# plain synonyms.
_ACCEPTS = re.compile(r"\b(?:accept|acknowledg|admit|recogniz|concede)\w*", re.I)
_STRESSES = re.compile(r"\b(?:stress|emphasi[sz]|underlin|highlight)\w*", re.I)
_WISHES = re.compile(r"\b(?:desir|wish|want)\w*", re.I)
_SAME_MOTIVE: dict[str, re.Pattern[str]] = {"recogniz": _ACCEPTS, "acknowledg": _ACCEPTS, "emphasiz": _STRESSES,
                                            "stress": _STRESSES, "underlin": _STRESSES, "desir": _WISHES}


def recital_answers(hit: Hit, question: str, query: str = "") -> bool:
    """A recital is the answer, not context: a question about the preamble (or a follow-up whose standalone `query`
    is about it), a "why" question and a recital that gives the reason, a question on what was done before and a
    recital recalling it, or a question asking what the text recalls, recognises or notes, and a recital that opens
    with that verb."""
    if hit.kind != "preamble":
        return False
    # (a follow-up in a conversation about the preamble, "Does it say that's urgent?", whose `query` carries it)
    if asks_recitals(question) or asks_recitals(query):
        return True
    if _ASKS_EARLIER.search(question) and _RECORDS.match(hit.text) or asks_belief(question) and _states_conviction(hit):
        return True
    if asks_why(question) and gives_reason(hit):
        # "Why may coastal communities still take turtles, and on what conditions?": the provision that allows it
        # states the conditions too; the recital answers only a question asking why alone
        return not _ALSO_ASKS.search(question)
    m = _RECITAL_VERB.match(hit.text)
    if not m:
        return False
    root = re.sub(r"is$", "iz", m.group(1).lower())  # "recall", "recogniz" (of either spelling), "not", "welcom"
    forms = rf"{root}(?:e|es|s|ed|d)" + (rf"|{root}" if len(root) >= 5 else "")
    asked = re.sub(r"(?<=\w)is(e|es|ed)\b", r"iz\1", question.lower())  # "recognises" -> "recognizes"
    return bool(re.search(rf"\b(?:{forms})\b", asked) or (same := _SAME_MOTIVE.get(root)) and same.search(asked))

