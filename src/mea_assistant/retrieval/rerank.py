"""Second stage: reorder the first stage's ~30 candidates so the paragraph that answers comes first.

The first stage (dense + BM25, fused by rank) finds the right paragraph but often ranks a near miss above it:
a neighbouring paragraph, a preamble, a lead-in ("The Parties shall:") without its items, a definition when
the question asks an obligation. No cross-encoder ships here, so the second stage is a small logistic model
over features a reader would use: how close the best *sentence* is to the question (sentence vectors are
computed at ingest), how much of the question the paragraph covers, whether it belongs to the instrument
the question names, and what kind of paragraph it is. Its weights are fitted on the development part of the
evaluation set only (`evals/fit_rerank.py`) and shipped as data (`data/rerank.toml`).
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable, Sequence

from ..force import TREATY_TYPES
from ..figures import (asks_count, asks_frequency, asks_headcount, asks_how_much, asks_time, counts_asked,
                       states_count, states_figure)
from ..membership import answering_formula
from ..refs import APPENDED_PARTS
from ..taxa import lists_taxa
from ..terms import PARTICIPLE, opens_list, terms
from ..titleblock import CLOSING_FORMULA
from ..types import CONTEXT_KINDS, Hit
from .definitions import DEFINING
from .clauses import WINDOW, clause_first
from .finalclauses import in_force_first, leaving_first
from .headings import heading_first
from ..populations import population_first
from .listings import ASKS_LISTING, listed_first
from .rows import designated_rows
from .reasons import asks_recitals, asks_why, belief_first, gives_reason, reason_first, recitals_first
from .species import asks_species, names_species

FEATURES = ("bias", "fused", "first_rank", "dense", "sentence", "bm25", "cover", "named", "other", "weak", "lead_in",
            "short", "definition", "fits", "new_actor")
WEAK_KINDS = CONTEXT_KINDS + ("note",)  # a note of the appendices annotates, it answers nothing alone
_MODAL = re.compile(r"\b(?:shall|should|must|may|urges?|requests?|encourages?|invites?|decides?|undertakes?)\b", re.I)
_DEFINES = re.compile(rf"^\s*[\"“'‘][^\"”'’]{{1,80}}[\"”'’]\s*(?:\([^)]*\)\s*)?{DEFINING}\b", re.I)
# A definition drafted as a rule: "For the purpose of this Treaty the outer limit of the sea-bed zone ... shall be ..."
_FOR_PURPOSES = re.compile(r"^\s*For the purposes? of (?:this|the present) [A-Z]\w+\b", re.I)
_NUMBER = re.compile(r"\b\d+(?:\.\d+)*\b")
# A body's name as treaties print it: capitalised words, joined by "of (the)", "for", "on", "and" ("The Executive
# Secretary of the Economic Commission for Europe", "The Conference of the Parties"), its acronym after it.
_BODY = r"(?:The |Each |Any )?[A-Z][\w-]*(?:\s+(?:(?:of|for|on|and)\s+(?:the\s+)?)?[A-Z][\w-]*){0,8}(?:\s+\([A-Z]{2,}\))?"
# Who acts, as a treaty says it: the agent of a passive ("shall be provided by the Executive Director", "performed
# jointly by") or a body as the subject of an operative verb ("The Conference of the Parties shall ...").
_ACTOR = re.compile(rf"\b(?:is|are|shall be|should be|will be|may be)\s+(?:\w+ly\s+)?{PARTICIPLE}\s+(?:\w+ly\s+)?by\s+"
                    r"(?:the |its |an? |any |each )?[A-Z]"
                    rf"|^\s*{_BODY}\s+(?:shall|should|may|will|is|are)\b")

# The body a provision names as the one that acts or receives: the agent of a passive ("is provided by the
# Executive Director of ...") or the one instruments are deposited with ("deposited with the Government of ...").
_NAMED_ACTOR = re.compile(rf"\b(?:is|are|shall be|should be|will be|may be)\s+(?:\w+ly\s+)?{PARTICIPLE}\s+(?:\w+ly\s+)?by\s+"
                          r"((?:the |its |an? |any |each )?[A-Z][^,;.()]{2,100})"
                          r"|\bdeposit(?:ed)?\b[^.;]{0,80}?\bwith\s+(the [A-Z][^,;.()]{2,100})"
                          rf"|^\s*({_BODY})\s+(?:shall|should|may|will)\b")


def names_new_actor(text: str, query_terms: set[str]) -> bool:
    """A "who" question is answered by a paragraph naming a body the question does not name: "Who is the
    depositary?" by the article naming the Government instruments are deposited with, not one that only
    repeats "the Depositary"."""
    for m in _NAMED_ACTOR.finditer(text):
        actor = next(g for g in m.groups() if g)
        if terms(actor) - query_terms:
            return True
    return False


@dataclass(frozen=True)
class Signals:
    """What the second stage knows about the question, decided once upstream."""

    query: str
    kind: str  # answer type (answer_types.py)
    named_docs: frozenset[str]  # documents of the instruments the question names (empty: none named)
    numbers: frozenset[str]  # numbers and dotted locators in the question ("5", "11.10")
    # the formula of the clause that answers a membership or composition question (membership.py): "open for
    # signature by all States", "The organs of ... are": that clause, not one in which a body acts
    formula: re.Pattern[str] | None = None
    taxa: tuple[str, ...] = ()  # Latin names of the species the question names in English (taxa.py)
    # what the words of the paragraphs are counted against, when not `query`: a comparison's question less the
    # instruments it names ("the Bonn migratory species convention" says which texts, not what they must say)
    asked: str = ""
    why: bool = False  # the question asks why (reasons.py)
    recitals: bool = False  # the question asks what the preamble says (reasons.py)


def features(hit: Hit, rank: int, signals: Signals, query_terms: set[str], top_fused: float, top_sparse: float,
             sentence_sims: Sequence[float]) -> list[float]:
    """One row of the model: each value in 0..1 (or a 0/1 flag), in the order of FEATURES."""
    text_terms = terms(hit.text)
    context_terms = text_terms | terms(hit.lead_in) | terms(hit.section) | terms(hit.display)
    n = max(1, len(query_terms))
    words = len(hit.text.split())
    kind = signals.kind
    fits = {
        "figure": states_figure(hit.text, signals.query),
        "who": bool(_ACTOR.search(hit.text)),
        "definition": bool(_DEFINES.search(hit.text) or _FOR_PURPOSES.match(hit.text)),
        "obligation": bool(_MODAL.search(hit.text)),
        "yes_no": bool(_MODAL.search(hit.text)),
        "list": opens_list(hit.text),  # the lead-in of a list
    }.get(kind, False)
    if signals.formula is not None:
        fits = bool(signals.formula.search(hit.text))
    return [
        1.0,
        hit.score / top_fused if top_fused > 0 else 0.0,
        1.0 / (1.0 + rank),
        max(0.0, hit.dense),
        max(sentence_sims, default=max(0.0, hit.dense)),
        hit.sparse / top_sparse if top_sparse > 0 else 0.0,
        len(context_terms & query_terms) / n,
        1.0 if signals.named_docs and hit.doc_id in signals.named_docs else 0.0,
        1.0 if signals.named_docs and hit.doc_id not in signals.named_docs else 0.0,
        # a recital that gives a reason is what a "why" question asks for, not a preamble to pass over, and a
        # question about the preamble asks for its recitals
        1.0 if hit.kind in WEAK_KINDS and not (hit.kind == "preamble" and (
            signals.recitals or signals.why and gives_reason(hit))) else 0.0,
        1.0 if opens_list(hit.text) else 0.0,
        1.0 if words < 8 else 0.0,
        1.0 if kind != "definition" and _DEFINES.search(hit.text) else 0.0,
        1.0 if fits else 0.0,
        1.0 if kind == "who" and signals.formula is None and names_new_actor(hit.text, query_terms) else 0.0,
    ]


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """The fitted weights shipped with the package (a missing feature weighs nothing)."""
    data = tomllib.loads(resources.files("mea_assistant").joinpath("data/rerank.toml").read_text(encoding="utf-8"))
    return {k: float(v) for k, v in data.get("weights", {}).items()}


def probability(row: Sequence[float], w: dict[str, float]) -> float:
    z = sum(w.get(name, 0.0) * x for name, x in zip(FEATURES, row))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def signals_for(query: str, kind: str, named_docs: Sequence[str], taxa: Sequence[str] = (),
                asked: str = "") -> Signals:
    numbers = frozenset(_NUMBER.findall(query))
    return Signals(query=query, kind=kind, named_docs=frozenset(named_docs), numbers=numbers,
                   formula=answering_formula(query), taxa=tuple(taxa), asked=asked, why=asks_why(query),
                   recitals=asks_recitals(query))


def feature_rows(hits: list[Hit], signals: Signals, sentence_sims: dict[tuple[str, int], list[float]]
                 ) -> list[list[float]]:
    """The model's input for each hit, in the hits' (first-stage) order."""
    if not hits:
        return []
    query_terms = terms(signals.asked or signals.query)
    top_fused = max(h.score for h in hits)
    top_sparse = max(h.sparse for h in hits)
    return [features(hit, rank, signals, query_terms, top_fused, top_sparse,
                     sentence_sims.get((hit.doc_id, hit.position), [])) for rank, hit in enumerate(hits)]


def rerank(hits: list[Hit], signals: Signals, sentence_sims: dict[tuple[str, int], list[float]],
           w: dict[str, float] | None = None) -> list[Hit]:
    """Hits reordered by the model's probability that each answers the question; `score` becomes it.

    Paragraphs found by an explicit reference ("Article III(4)") keep their place at the top, in order. The
    model's order is then corrected where the question itself says which paragraph answers, whatever the scores:
    the appendix it names (designated_first), the closing formula after the provisions (closing_formula_last), the
    final or institutional clause it is about (finalclauses.py, clauses.py), a provision before a listing row or
    appendix note that only shares a species' name (listings_after, notes_after, unless the note alone states the
    figure asked), the recital that gives the reason or states the conviction asked about and the recitals of a
    question about the preamble (reasons.py), the paragraph using every word the question quotes (quoted_first), the
    paragraph naming by their Latin names the species a "which sharks" question asks for (species.py), the
    treaty's own provisions before a resolution printed after it (own_provisions_first), the listing row of the
    species it names when it asks where it is listed (listed_first).
    """
    if not hits:
        return hits
    w = w if w is not None else weights()
    exact = [h for h in hits if h.exact]
    scored = [(probability(row, w), rank, hit)
              for rank, (row, hit) in enumerate(zip(feature_rows(hits, signals, sentence_sims), hits))]
    for p, _, hit in scored:
        hit.score = p
    rest = sorted((s for s in scored if not s[2].exact), key=lambda s: (-s[0], s[1]))
    ordered = heading_first([h for _, _, h in rest], signals.query)
    ordered = closing_formula_last(designated_first(ordered, signals.query), signals.query)
    # the clause the question is about: entry into force, leaving, the clauses of clauses.py
    ordered = clause_first(leaving_first(in_force_first(ordered, signals.query), signals.query), signals.query)
    ordered = belief_first(reason_first(figure_first(ordered, signals), signals.query), signals.query)
    ordered = recitals_first(ordered, signals.recitals, sentence_sims, signals.query)
    ordered = species_first(quoted_first(ordered, signals.query), signals)
    ordered = own_provisions_first(listings_after(notes_after(ordered, signals), signals), signals.query)
    ordered = designated_rows(listed_first(binding_text_first(ordered, signals), signals.query, signals.taxa,
                                           signals.named_docs), signals.query, signals.taxa,
                              signals.named_docs)
    return exact + population_first(ordered, signals.query, signals.taxa)


# Words a question quotes ("what do 'bre', 'win' and 'NW' stand for?"): an apostrophe inside a word ("AEWA's") is
# no quotation mark.
_QUOTED = re.compile(r"(?<![\w'’])['‘\"“]([^'‘’\"“”?]{1,40}?)['’\"”](?!\w)")


def quotes_used(hit: Hit, query: str) -> bool:
    """The question quotes words of the text, two or more ("the 'done at' clause", "what 'wise use' means"), and
    the paragraph uses every such quote as written: the question names it, however short and far in meaning it is."""
    quoted = [q.strip() for q in _QUOTED.findall(query) if len(q.split()) >= 2]
    return bool(quoted) and _uses_all(hit, quoted)


def _uses_all(hit: Hit, quoted: list[str]) -> bool:
    return all(re.search(rf"(?<!\w){re.escape(q)}(?!\w)", hit.text, re.I) for q in quoted)


def quoted_first(hits: list[Hit], query: str) -> list[Hit]:
    """A question that quotes the text's words is answered by the paragraph that uses them all: when the first
    does not and one of the next two does, that one leads (the table's list of abbreviations, not the note on two
    of them)."""
    quoted = [q.strip() for q in _QUOTED.findall(query) if q.strip()]
    if not quoted or not hits:
        return hits

    def uses_all(hit: Hit) -> bool:
        return _uses_all(hit, quoted)
    return hits if uses_all(hits[0]) else _first_within(hits, uses_all)


def species_first(hits: list[Hit], signals: Signals) -> list[Hit]:
    """A list question on which species (species.py) is led by the first of the next hits that names species by
    their Latin names, when the first names none."""
    if not hits or not asks_species(signals.query, signals.kind) or names_species(hits[0]):
        return hits
    return _first_within(hits, names_species)


NOTE_WINDOW = 3  # a note of an appendix leads only when none of the paragraphs this far down is a provision


def notes_after(hits: list[Hit], signals: Signals) -> list[Hit]:
    """A note printed under an appendix annotates the listings ("Populations of Botswana ... for the exclusive
    purpose of allowing: a) trade in hunting trophies ..."): it does not lead an answer that a provision or a
    listing row near it gives; it follows the first of those. Not when it alone states the figure asked ("How much
    stockpiled wool may be traded?": the note's "3249 kg", not the species' row), nor when it counts the thing a
    "how many" question counts."""
    if not hits or hits[0].kind != "note":
        return hits
    figure = signals.kind == "figure" and states_figure(hits[0].text, signals.query)
    if figure and counts_asked(hits[0].text, signals.query):
        return hits  # it counts the very thing asked ("20 or more plants" for "how many plants"): it answers
    return _first_within(hits, lambda h: h.kind != "note" and (not figure or states_figure(h.text, signals.query)))


def _first_within(hits: list[Hit], leads: Callable[[Hit], bool]) -> list[Hit]:
    """The first of the next `NOTE_WINDOW - 1` hits that `leads` moved to the top (the rest keep their order); the
    hits unchanged when none does."""
    other = next((i for i, h in enumerate(hits[1:NOTE_WINDOW], 1) if leads(h)), None)
    return hits if other is None else [hits[other]] + hits[:other] + hits[other + 1:]


# What a listing row answers: where a species is listed, its quota or annotation ("how many", "can a park buy");
# not what must be done with a specimen or who decides.
_LISTING_ANSWERS = frozenset({"figure", "yes_no", "list", "comparison"})


def listings_after(hits: list[Hit], signals: Signals) -> list[Hit]:
    """A question naming a species that asks what must happen or who decides ("Customs has seized a live parrot:
    who can the authority turn to for advice?") is answered by a provision, not by the species' listing row that
    shares its name: the row follows the first provision in the next two, unless the question asks where the
    species is listed."""
    if not hits or hits[0].kind != "table" or not lists_taxa(f"{hits[0].section} {hits[0].lead_in}") or \
            signals.kind in _LISTING_ANSWERS or ASKS_LISTING.search(signals.query):
        return hits
    return _first_within(hits, lambda h: h.kind not in ("table", "note"))


FIGURE_WINDOW = 4  # how far down a paragraph stating the figure asked is looked for


def figure_first(hits: list[Hit], signals: Signals) -> list[Hit]:
    """A question for a time ("how long", "when", "how soon") is answered by a paragraph that states one: when the
    first states none and one of the next two does, that one leads ("For how long can one certificate cover
    specimens from the sea?": CITES Art. IV(7)'s "periods not exceeding one year", not IV(6) on the certificate
    itself), and a count ("How many Range States had to sign before the MOU took effect?": the paragraph with "at
    least 10 Range States", not the one on who may sign), and an amount ("By how much was membership to grow?":
    "increase by 30 Parties", not the objective's workshops). Not how often ("at least once between sessions" is no
    figure the check reads)."""
    timed = asks_time(signals.query)
    amount = not timed and asks_how_much(signals.query)
    if signals.kind != "figure" or not hits or not (timed or amount or asks_count(signals.query)) or \
            asks_frequency(signals.query):
        return hits

    def states(hit: Hit) -> bool:
        return states_figure(hit.text, signals.query) if timed or amount else \
            states_count(hit.text, shares=not asks_headcount(signals.query))

    if states(hits[0]):
        return hits
    for i, hit in enumerate(hits[1:FIGURE_WINDOW], 1):
        if states(hit):
            return [hit] + hits[:i] + hits[i + 1:]
    return hits


# The closing formula (titleblock.CLOSING_FORMULA) shares a question's name words (the place and year a delegate calls
# the treaty by: "DONE at The Hague, on the 29th day of May 1993") and answers only where, when and in which
# languages it was done.
_ASKS_CLOSING = re.compile(r"\blanguages?\b|\bauthentic\b|\boriginals?\b|\bsign(?:ed|ing|ature|atories)?\b|\barchives\b|"
                           r"\bcertified\s+cop|\bwitness\b|\b(?:where|when|which\s+(?:city|place|date|day))\b[^?]{0,60}"
                           r"\b(?:done|concluded|adopted|made)\b|\bon\s+what\s+date\b", re.I)

# "the governments that signed the 1946 convention": its parties named by their signature, not a question about signing
_SIGNERS = re.compile(r"\b(?:governments?|countries|country|states?|parties|party|nations?|members?)\s+(?:that|which|who)\s+"
                      r"(?:have\s+|has\s+|had\s+)?signed\b", re.I)


def closing_formula_last(hits: list[Hit], query: str, window: int = WINDOW) -> list[Hit]:
    """Of the top hits, the closing formula follows the treaty's provisions unless the question asks where, when or in
    which languages the treaty was done or signed: on dev and the treaty sets it was cited first 13 times, never
    rightly."""
    top = hits[:window]
    closing = [h for h in top if CLOSING_FORMULA.search(h.text)]
    if not closing or len(closing) == len(top) or _ASKS_CLOSING.search(_SIGNERS.sub(" ", query)):
        return hits
    return [h for h in top if h not in closing] + closing + hits[window:]


# What a meeting adopted together with a treaty and is printed after it ("Resolution 1" of the conference that adopted
# the BWM Convention, the ILO's Recommendation 146 after Convention 138): texts beside the treaty, not its provisions.
_BESIDE = re.compile(rf"^(?:{'|'.join(APPENDED_PARTS)})\b")
_NAMES_TREATY = re.compile(r"\b(?:convention|treaty|agreement|protocol|charter|covenant)\b", re.I)
_NAMES_BESIDE = re.compile(r"\b(?:resolutions?|declarations?|recommendations?|final\s+act)\b", re.I)


def own_provisions_first(hits: list[Hit], query: str, window: int = WINDOW) -> list[Hit]:
    """A question on what a convention says is answered by its articles: of the top hits, those of a resolution,
    declaration or recommendation printed after the treaty's articles follow the treaty's own provisions, unless the
    question asks about such a text."""
    if not _NAMES_TREATY.search(query) or _NAMES_BESIDE.search(query):
        return hits
    top = hits[:window]
    own = [h for h in top if not _BESIDE.match(h.ref)]
    if not own or len(own) == len(top):
        return hits
    return own + [h for h in top if _BESIDE.match(h.ref)] + hits[window:]


def binding_text_first(hits: list[Hit], signals: Signals, window: int = 3) -> list[Hit]:
    """What Parties must do under a convention the question names is the treaty's to say: a secretariat's letter that
    recounts it ("the Convention on International Trade in Endangered Species ...") follows the treaty's paragraph
    among the first few, unless the question names the letter itself."""
    if signals.kind != "obligation" or not hits or hits[0].doc_type != "correspondence":
        return hits
    treaty = next((h for h in hits[1:window] if h.doc_type in TREATY_TYPES and h.doc_id in signals.named_docs
                   and h.conventions[:1] == hits[0].conventions[:1]), None)
    return [treaty] + [h for h in hits if h is not treaty] if treaty is not None else hits


# An appendix, annex or schedule is named by its own number or letter: "Appendix III" is not "Appendix I".
_DESIGNATOR = re.compile(r"\b(Appendix|Annex|Schedule|Category|Part)\s+([IVX]+|\d+|[A-Z])(?![\w.])")
TIE = 0.95  # hits scoring at least this share of the first are a near tie the designator breaks


def designated_first(hits: list[Hit], query: str) -> list[Hit]:
    """Of the near-tied hits at the top, those naming every appendix/annex the question names come first: a
    question about Appendix III is answered by the article on Appendix III, not its twin on Appendix I."""
    named = {(kind.lower(), mark) for kind, mark in _DESIGNATOR.findall(query)}
    if not named or not hits:
        return hits
    cut = next((i for i, h in enumerate(hits) if h.score < TIE * hits[0].score), len(hits))
    tied = hits[:cut]
    full = [named <= {(kind.lower(), mark) for kind, mark in _DESIGNATOR.findall(h.text)} for h in tied]
    return [h for h, f in zip(tied, full) if f] + [h for h, f in zip(tied, full) if not f] + hits[cut:]
