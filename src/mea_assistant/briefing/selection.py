"""Which instruments a note discusses and which of their provisions it quotes: only what is on the topic.

A paragraph's relevance adds the signals of gather.py: how the topic's questions ranked it, how close it and
its sentences are to the topic, and how many of the topic's subject words it or its context carries. It is
*on the topic* when it carries enough of those words or one of its sentences says nearly what the topic says
(sharing the instrument's name is not enough), or when it belongs to a short article whose other paragraphs
are the most relevant of their document and it sits next to one of them: the article is the treaty's unit of
meaning, and its paragraphs need not repeat the topic's words (Ramsar Art. 2(2) selects "wetlands" for "the
List" without saying "site").

When the topic names instruments, the note discusses those; when it is about the relation between two of
them ("cooperation between CMS and CITES"), a paragraph must concern both. A paragraph of any instrument the
note does not otherwise discuss is cited only when it carries every subject word and is about as relevant as
the note's best paragraph. A named instrument's own treaty comes first (the article that creates the
obligation before the resolution that recalls it), and within it the core provisions found by their headings
(cores.py) before the rest. Points are lists or paragraphs (units.py); each instrument's points stop at a
reference budget, so references go to the provisions an officer expects (5 to 8 a topic), not to a 30th item;
a request that asks several things then gets one more point for each thing no point answers yet.

Which instruments a note discusses is judged on the pooled searches and the paragraphs' own words; which of an
instrument's paragraphs it quotes also counts how a search of that instrument alone ranks them (for the topic
and each of its aspects), and a preamble paragraph is quoted where it says the topic more closely than any
operative paragraph of its instrument.

A topic across the instruments ("national reporting across the conventions") is answered instrument by
instrument: each one's own provision on it, found by a search of that instrument alone or by its heading,
then more from the instrument that says most; reports and work programmes do not take an instrument's place.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Collection

from ..force import TREATY_TYPES
from ..queries import analyse
from ..retrieval.finalclauses import asks_leaving, is_denunciation
from ..taxa import finest, lists_taxon
from ..types import CONTEXT_KINDS, Document, Hit
from .duties_governance import LEAVING_TOPIC
from .gather import WITHIN_DEPTH, Candidate, Key, Pool, article_mates, context, key
from .governing import INTERPRETATION, PER_APPENDIX
from .keyterms import add_key_definitions
from .subject import coverage, other_numbered
from .units import Families, Unit, build_units, content, references

if TYPE_CHECKING:
    from ..assistant import Assistant

W_FUSED = 1.0  # relevance: the pooled questions' fused rank, plus the paragraph's own closeness (units.content)
MIN_COVER = 0.3  # share of the topic's subject words a paragraph (with its context) must carry ...
SENTENCE_ALONE = 0.5  # ... unless one of its sentences is this close to the topic's subject
RANKED_TOP, RANKED_BY = 5, 2  # ... or this many of the topic's questions rank it among their first few
WITHIN_TOP = 2  # ... or a search of its own instrument alone ranks it among its first two (gather._search_within)
W_WITHIN = 0.25  # relevance: added for the first place in a search of its instrument alone, halved at the second ...
PART_COVER = 0.5  # ... or it carries this share of one conjunct's words ("A and B": A, or B)
ARTICLE_SHARE = 0.75  # a paragraph on the topic by its article: this share of the article's best relevance
DOC_RATIO = 0.45  # an instrument is discussed when the topic names it or its score is this share of the best one's
MAX_DOCS = 6
PARA_RATIO = 0.5  # within an instrument: paragraphs at least this share of its best paragraph's relevance
FIRST_WITHIN = 1  # ... and any a search of the instrument alone ranks first (gather._search_within)
PER_DOC = (10, 6, 4, 3)  # points for the first, second, ... instrument
REFS_PER_DOC = (18, 8, 5, 4)  # ... and the references their points may take (the first point always goes in)
NAMED_PLACE = 1  # an instrument the topic names has at least the budget of this place ...
EVEN_RATIO = 0.8  # ... and the first's when it scores at least this share of the best
EVEN_NAMED = 3  # ... or when the topic names at most this many instruments (each was asked about)
STRAY_RATIO = 0.9  # a paragraph of another instrument: this share of the note's best relevance, every word
MAX_STRAYS = 2
FAMILY_RATIO = 0.9  # a document of a convention the topic names by its code: this share of the named ones' best
LISTED_ROWS = 4  # rows listing the topic's species an instrument's section quotes beyond its points, at least ...
MAX_LISTED_ROWS = 16  # ... and, for a topic naming many groups, two per group up to this many


def _lists_topic_taxon(hit: Hit, pool: Pool) -> bool:
    """A listing row of one of the topic's species: one of an appendix (gather's `pool.listed`) or of any other table
    printing it, its family's heading in capitals ("GAVIIDAE") as well."""
    return key(hit) in pool.listed or (hit.kind == "table" and lists_taxon(hit, pool.taxa))
CORE_EXTRA = 4  # besides its core articles, an instrument's section quotes this many of its most relevant points
TREATY_FIRST = 0.6  # a named instrument's treaty leads when it scores at least this share of the best
EACH_LEADS = 3  # a topic across the instruments: each instrument's core is among its own search's first three ...
EACH_RATIO = 0.7  # ... and says the topic at least this share as closely as the best instrument's core does
MAX_EACH = 8  # instruments a note across them discusses
OTHER_RATIO = 0.8  # ... besides any other document whose best paragraph is this share of the note's best
EACH_UNITS, EACH_ITEMS = 2, 3  # points (and items of a list) for each instrument after the first ...
EACH_REFS = (10, 4)  # ... and references: the first instrument's, each other one's
_COMPARES = re.compile(r"\b(?:compar\w*|contrast\w*|side by side|differ\w*|both)\b", re.I)

@dataclass
class Selection:
    documents: list[str]  # the instruments discussed, in the note's order
    units: dict[str, list[Unit]] = field(default_factory=dict)
    relevance: dict[Key, float] = field(default_factory=dict)


def relevance(pool: Pool, alone: bool = True) -> dict[Key, float]:
    """How relevant each paragraph is; `alone` adds its place in a search of its own instrument alone, which
    orders an instrument's paragraphs but says nothing of how much the instrument has to say."""
    top = max((c.fused for c in pool.candidates.values()), default=0.0) or 1.0
    return {k: W_FUSED * c.fused / top + content(c) + (_alone_bonus(c) if alone else 0.0)
            for k, c in pool.candidates.items()}


def _alone_bonus(cand: Candidate) -> float:
    return W_WITHIN / (1 + cand.within) if cand.within < WITHIN_DEPTH else 0.0


def own_evidence(cand: Candidate, pool: Pool, alone: bool = True) -> bool:
    """On the topic by its own words: enough subject words, or a sentence very close to the topic."""
    if cand.hit.kind in CONTEXT_KINDS:
        return False
    if other_numbered(pool.subject, context(cand.hit)):
        return False
    if not pool.subject or cand.cover >= MIN_COVER or cand.sentence >= SENTENCE_ALONE:
        return True
    # A topic in everyday words ("when no permit is needed") may share no word with the provision it is about
    # ("Exemptions"): one that several of the topic's questions rank near the top is on it by retrieval.
    if sum(rank < RANKED_TOP for rank in cand.ranks.values()) >= RANKED_BY or (alone and cand.within < WITHIN_TOP):
        return True
    # "goods in transit, personal belongings and old specimens" is about each: a paragraph on one of them is on it
    words = context(cand.hit)
    return any(coverage(part, words) >= PART_COVER for part in pool.parts)


def select(assistant: "Assistant", pool: Pool) -> Selection:
    documents = assistant.index.documents
    families = Families(assistant)
    relation = pool.relation
    # Which instruments the note discusses: as the pooled searches and the paragraphs' own words judge them ...
    base_rel, base_usable, base_by_doc = _usable(pool, families, documents, relation, alone=False)
    if not base_by_doc:
        return Selection(documents=[], relevance=base_rel)
    def doc_score(keys: list[Key]) -> float:  # how much an instrument says on the topic: its best three paragraphs
        return sum(w * base_rel[k] for w, k in zip((1.0, 0.5, 0.25), keys))
    score = {d: doc_score(keys) for d, keys in base_by_doc.items()}
    primary = [group[0] for group in pool.named]  # in the topic's order: what is added below keeps it
    # ... and which of their paragraphs: also as a search of each instrument alone ranks them, which orders an
    # instrument's paragraphs but says nothing of how much it has to say (it always ranks something first).
    rel, usable, by_doc = _usable(pool, families, documents, relation, alone=True)
    # an instrument the topic names that no pooled search found on it is still asked what it says: the paragraphs a
    # search of it alone puts first, scored as the pooled searches judge them ("... what the Bonn Convention, AEWA
    # and the CBD require of us": the CBD shares no word with a dam on a river, but its Art. 14 answers)
    for d in primary:
        if d not in base_by_doc and by_doc.get(d):
            base_by_doc[d] = by_doc[d]
            score[d] = doc_score(by_doc[d])
    by_doc = {d: keys for d, keys in by_doc.items() if d in base_by_doc}
    if pool.across:
        return _across(pool, usable, rel, by_doc, score, families)
    # the named documents, and a document of a convention the topic names by its code that says about as much on
    # the topic as the best of them ("what the CMS and CITES secretariats agreed to do together for the saiga":
    # their joint work programme, where "the Bonn Convention" named the treaty and the treaty says little on it)
    named = set(pool.named_docs())
    named_best = max((score[d] for d in named if d in score), default=0.0)
    # ... or that says more on it than the named texts of its own convention ("cooperation between the migratory
    # species convention and the wildlife trade convention": CITES's account of its cooperation, not its treaty)
    def own_named(d: str) -> float:
        own = documents[d].conventions[:1]
        return max((score[n] for n in named if n in score and documents[n].conventions[:1] == own), default=0.0)
    named |= {d for d in score if documents[d].conventions and documents[d].conventions[0] in pool.named_codes
              and (score[d] >= FAMILY_RATIO * named_best > 0.0 or score[d] > own_named(d) > 0.0)}
    eligible = [d for d in score if d in named] if named and any(d in named for d in score) else list(score)
    best = max(score[d] for d in eligible)
    kept = [d for d in sorted(eligible, key=lambda d: -score[d])
            if d in primary or score[d] >= DOC_RATIO * best][:MAX_DOCS]
    kept.sort(key=lambda d: (not (d in named and documents[d].doc_type in TREATY_TYPES
                                  and score[d] >= TREATY_FIRST * best), -score[d]))
    top = max(base_rel[keys[0]] for d, keys in base_by_doc.items() if d in kept)
    strays = [keys[0] for d, keys in base_by_doc.items() if d not in kept and keys[0] in base_usable
              and base_usable[keys[0]].cover >= 0.999 and base_rel[keys[0]] >= STRAY_RATIO * top][:MAX_STRAYS]
    selection = Selection(documents=kept + [k[0] for k in strays], relevance=rel)
    compared = len(primary) >= 2 and bool(_COMPARES.search(pool.topic))
    for i, d in enumerate(kept):
        doc_top = rel[by_doc[d][0]]
        chosen = [k for k in by_doc[d] if rel[k] >= PARA_RATIO * doc_top or usable[k].within < FIRST_WITHIN]
        core = [k for k in pool.core if k[0] == d and k in usable]
        aspects = _aspect_leads(pool, by_doc[d], rel)
        units = build_units(core + [k for k in chosen + aspects if k not in core], usable, rel, families, set(core),
                            candidates=pool.candidates)
        ordered = _aspects_first(_core_first(units, core, pool.listed), aspects)
        # an instrument the officer names is discussed as fully as the second one, wherever it ranks, and as fully
        # as the first when the officer asks to compare the instruments named, when it says nearly as much, or when
        # the officer names no more than three (each was asked about)
        even = compared or score[d] >= EVEN_RATIO * best or d in primary and len(primary) <= EVEN_NAMED
        place = min(min(i, 0 if even else NAMED_PLACE) if d in named else i, len(PER_DOC) - 1)
        first = within(ordered[:max(PER_DOC[place], len(core) + CORE_EXTRA)], REFS_PER_DOC[place])
        # where the instrument lists each of the topic's species is a point of its own, whatever else it says:
        # a row is one short reference, and a note on three birds that quotes where one of them is listed is wrong
        # (each species named has its row, in every table listing it: AEWA's Annex 2 and its Action Plan's Table 1)
        rows = [u for u in ordered if u not in first and any(_lists_topic_taxon(h, pool) for h in u.paragraphs())]
        selection.units[d] = first + rows[:max(LISTED_ROWS, min(MAX_LISTED_ROWS, 2 * len(finest(pool.taxa))))]
    _answer_each_aspect(selection, pool, kept, usable, rel, families, set(primary) if len(primary) >= 2 else set())
    _appendix_rules(selection, pool, families)
    add_key_definitions(selection.units, selection.documents, pool, documents, families)
    for k in strays:
        selection.units[k[0]] = build_units([k], base_usable, base_rel, families, candidates=pool.candidates)[:1]
    return selection


def _appendix_rules(selection: Selection, pool: Pool, families: Families) -> None:
    """A species' row the note quotes brings the rule of the appendix it is listed in (governing.py): the first
    `PER_APPENDIX` paragraphs gather found for it, in the row's instrument's section, beyond the reference budget
    (they displace no point the note chose on the topic)."""
    quoted = {key(h): h for units in selection.units.values() for u in units for h in u.paragraphs()}
    for row in [h for k, h in quoted.items() if k in pool.listed]:
        for numeral in pool.listed[key(row)] + [INTERPRETATION]:
            keys = [k for k in pool.governing.get((row.doc_id, numeral), [])[:PER_APPENDIX] if k not in quoted]
            if not keys or row.doc_id not in selection.units:
                continue
            units = build_units(keys, pool.rules, {k: 0.0 for k in keys}, families, set(keys),
                                candidates=pool.candidates)
            selection.units[row.doc_id] += units
            quoted.update({key(h): h for u in units for h in u.paragraphs()})


def _answer_each_aspect(selection: Selection, pool: Pool, kept: list[str], usable: dict[Key, Candidate],
                        rel: dict[Key, float], families: Families, each: Collection[str] = ()) -> None:
    """A request that asks several things ("who may join, what must we report, can we leave later") gets an
    answer to each: where no instrument's section quotes the paragraph a search of that instrument alone puts
    first for an aspect, the first instrument of the note with such a paragraph on the topic adds it, beyond the
    reference budget (one point per aspect at most). Asked of several instruments the topic names ("how the
    waterbird agreement and the sharks memorandum are governed: decision-making body, meetings, secretariat"),
    each named instrument answers each aspect."""
    quoted = {key(h) for units in selection.units.values() for u in units for h in u.paragraphs()}
    count = max((len(found) for found in pool.answers.values()), default=0)

    def add(d: str, k: Key, duty: bool) -> bool:
        if k not in usable or k in quoted:
            return False
        unit = [replace(u, duty=duty) for u in build_units([k], usable, rel, families, candidates=pool.candidates)[:1]]
        selection.units[d] += unit
        quoted.update(key(h) for u in unit for h in u.paragraphs())
        return True

    for j in range(count):
        firsts = [(d, k) for d in kept if len(pool.answers.get(d, [])) > j and (k := pool.answers[d][j]) is not None]
        if j >= count - pool.standing:  # a standing question: each instrument's own answer
            for d, k in firsts:
                if k in quoted:  # already a point: it answers the duty all the same
                    selection.units[d] = [replace(u, duty=True) if k in {key(h) for h in u.paragraphs()} else u
                                          for u in selection.units.get(d, [])]
                add(d, k, True)
            continue
        for d, k in firsts:
            if d in each:
                add(d, k, False)
        if not any(k in quoted for _, k in firsts):  # else: the first instrument with an answer on the topic
            for d, k in firsts:
                if add(d, k, False):
                    break


def _usable(pool: Pool, families: Families, documents: dict[str, Document], relation: bool, alone: bool
            ) -> tuple[dict[Key, float], dict[Key, Candidate], dict[str, list[Key]]]:
    """Each paragraph's relevance, the paragraphs on the topic, and those by instrument, most relevant first;
    `alone` counts the searches of each instrument alone (gather._search_within) and what only they found."""
    rel = relevance(pool, alone)
    # the clause on leaving the instrument answers a topic on leaving it, not one on what the Depositary is notified
    # of or who receives information ("written notification to the Depositary")
    leaving = bool(LEAVING_TOPIC.search(pool.topic)) or asks_leaving(pool.topic)
    # a row listing the topic's species is on it by the Latin name it holds, however it was found
    usable = {k: c for k, c in pool.candidates.items()
              if ((alone or not c.within_only) and own_evidence(c, pool, alone) or k in pool.listed)
              and families.quotable(c.hit) and (not relation or _concerns_all(c.hit, pool, documents))
              and (leaving or not is_denunciation(c.hit))}
    usable.update({k: pool.candidates[k] for k in pool.core  # on the topic by its article's title (and, for a
                   if k not in usable and families.quotable(pool.candidates[k].hit)  # relation, naming both)
                   and (not relation or _concerns_all(pool.candidates[k].hit, pool, documents))})
    _by_article(pool, usable, rel, documents, families)
    _preambles(pool, usable, rel, families)
    by_doc: dict[str, list[Key]] = {}
    for k in sorted(usable, key=lambda k: -rel[k]):
        by_doc.setdefault(k[0], []).append(k)
    return rel, usable, by_doc


def within(units: list[Unit], budget: int) -> list[Unit]:
    """The points in order while their references fit the budget: a note of 5 to 8 expected provisions is
    not helped by a 30th reference; a point too large to fit leaves room for a smaller one after it."""
    kept: list[Unit] = []
    used = 0
    for unit in units:
        if not kept or used + references(unit) <= budget:
            kept.append(unit)
            used += references(unit)
    return kept


def _across(pool: Pool, usable: dict[Key, Candidate], rel: dict[Key, float], by_doc: dict[str, list[Key]],
            score: dict[str, float], families: Families) -> Selection:
    """A topic across the instruments ("national reporting across the conventions"): each instrument's core
    provision on it (the best of its own search's first paragraphs), for every instrument whose core says the
    topic nearly as closely as the best one's; then more from the instrument that says most. Documents that
    are not instruments (reports, work programmes) do not take the place of an instrument's own provision, but
    one that says the topic as well as the best paragraph anywhere is discussed too ("working with INTERPOL
    across the conventions" is answered by the secretariats' cooperation reports, not only by the treaties)."""
    leads: dict[str, Key] = {}
    headed: dict[str, Key] = {}  # an instrument's first provision under a heading on the topic (cores.py)
    for k in pool.core:
        if k in usable:
            headed.setdefault(k[0], k)
    for d, keys in pool.leaders.items():
        own = [k for k in keys[:EACH_LEADS] if k in usable]
        if own:
            leads[d] = max(own, key=lambda k: (content(usable[k]), -keys.index(k)))
        if d in headed and (d not in leads or content(usable[headed[d]]) >= EACH_RATIO * content(usable[leads[d]])):
            leads[d] = headed[d]
    if not leads:
        return Selection(documents=[], relevance=rel)
    best = max(content(usable[k]) for k in leads.values())
    kept = [d for d in leads if d in headed or content(usable[leads[d]]) >= EACH_RATIO * best]
    top = max(rel[keys[0]] for keys in by_doc.values())
    for d, keys in by_doc.items():
        if d not in leads and rel[keys[0]] >= OTHER_RATIO * top:
            leads[d] = keys[0]
            kept.append(d)
    kept = sorted(kept, key=lambda d: -max(score.get(d, 0.0), rel[leads[d]]))[:MAX_EACH]
    selection = Selection(documents=kept, relevance=rel)
    for i, d in enumerate(kept):
        doc_top = rel[by_doc[d][0]] if by_doc.get(d) else rel[leads[d]]
        chosen = [leads[d]] + [k for k in by_doc.get(d, []) if k != leads[d] and rel[k] >= PARA_RATIO * doc_top]
        if i == 0:
            units = build_units(chosen, usable, rel, families, max_items=EACH_ITEMS * 2, candidates=pool.candidates)
        else:
            units = build_units(chosen, usable, rel, families, max_items=EACH_ITEMS, candidates=pool.candidates)
        lead = [u for u in units if any(key(h) == leads[d] for h in u.paragraphs())]
        ordered = lead + [u for u in units if u not in lead]
        selection.units[d] = within(ordered[:PER_DOC[0] if i == 0 else EACH_UNITS], EACH_REFS[min(i, 1)])
    # a request that asks several things, or describes a case the treaties draft general duties for, is answered
    # on each by each instrument, as a note on named instruments is
    _answer_each_aspect(selection, pool, kept, usable, rel, families)
    return selection


def _aspect_leads(pool: Pool, keys: list[Key], rel: dict[Key, float]) -> list[Key]:
    """For each aspect of a topic ("is it binding, who can sign, can we leave later"), the instrument's most
    relevant paragraph that carries it (`PART_COVER` of its words): a note answers every aspect it was asked,
    not the first one five times."""
    leads: list[Key] = []
    for part in pool.parts if len(pool.parts) >= 2 else []:
        carrying = [k for k in keys if coverage(part, context(pool.candidates[k].hit)) >= PART_COVER]
        if carrying:
            best = max(carrying, key=lambda k: rel[k])
            if best not in leads:
                leads.append(best)
    return leads


def _aspects_first(units: list[Unit], aspects: list[Key]) -> list[Unit]:
    """The first point (the instrument's core when it has one), then one point per aspect, then the rest."""
    if not units or not aspects:
        return units
    wanted = set(aspects)
    lead = units[:1]
    by_aspect = [u for u in units[1:] if wanted & {key(h) for h in u.paragraphs()}]
    return lead + by_aspect + [u for u in units[1:] if u not in by_aspect]


def _core_first(units: list[Unit], core: list[Key], listed: Collection[Key] = ()) -> list[Unit]:
    """The named instrument's core provisions first (the first one found, its Objective when it states the
    topic, first of all; the others by relevance), with the rows that list the topic's species among them (for a
    species, where it is listed is as core as the article), then the rest by relevance."""
    first, second = set(core[:1]), set(core) | set(listed)
    def rank(u: Unit) -> tuple[int, float]:
        keys = {key(h) for h in u.paragraphs()}
        return (0 if keys & first else 1 if keys & second else 2, -u.relevance)
    return sorted(units, key=rank)


def _concerns_all(hit: Hit, pool: Pool, documents: dict[str, Document]) -> bool:
    """For a topic on the relation between instruments: the paragraph (its document included) names two. A
    convention and its own treaty are one instrument: a CITES article names CITES once, however it is counted."""
    doc = documents[hit.doc_id]
    info = analyse(f"{doc.citation_name} {hit.section} {hit.lead_in} {hit.text}", documents)
    own = doc.conventions[0] if doc.conventions else ""
    found = {c for c in pool.named_codes if c == own or c in info.conventions}
    found |= {_instrument_of(d, documents) for d in pool.named_ids if d == hit.doc_id or d in info.doc_ids}
    return len(found) >= 2


def _instrument_of(doc_id: str, documents: dict[str, Document]) -> str:
    """A treaty stands for its convention ("CITES"); any other document for itself."""
    doc = documents[doc_id]
    return doc.conventions[0] if doc.conventions and doc.doc_type in TREATY_TYPES else doc_id


def _by_article(pool: Pool, usable: dict[Key, Candidate], rel: dict[Key, float], documents: dict[str, Document],
                families: Families) -> None:
    """A paragraph next to an on-topic paragraph of the same short article, when that one is among the most
    relevant of its document, is on the topic too: at least `ARTICLE_SHARE` as relevant as its neighbour."""
    doc_top: dict[str, float] = {}
    for k in usable:
        doc_top[k[0]] = max(doc_top.get(k[0], 0.0), rel[k])
    best = dict(rel)
    for k, cand in list(pool.candidates.items()):
        if cand.hit.kind in CONTEXT_KINDS or not families.quotable(cand.hit) or \
                other_numbered(pool.subject, context(cand.hit)):
            continue
        mates = [(k[0], p) for p in _neighbours(article_mates(documents[k[0]], k[1]), k[1]) if (k[0], p) in usable]
        if not mates:
            continue
        article = max(best[m] for m in mates)
        if article >= PARA_RATIO * doc_top.get(k[0], 0.0):
            usable[k] = cand
            rel[k] = max(rel[k], ARTICLE_SHARE * article)


RECITAL_SHARE = 0.8  # an instrument's best recital on the topic is quoted as context at this share of its best article


def _preambles(pool: Pool, usable: dict[Key, Candidate], rel: dict[Key, float], families: Families) -> None:
    """A preamble paragraph is on the topic when it says it in its own words and more closely than any
    operative paragraph of its instrument: where a treaty speaks to a subject only in its preamble (the CBD on
    the role of women), that recital is what it says."""
    best: dict[str, float] = {}
    for k in usable:
        best[k[0]] = max(best.get(k[0], 0.0), rel[k])
    recital: dict[str, Key] = {}  # each instrument's recital saying the topic best, nearly as closely as its articles
    for k, cand in pool.candidates.items():
        if cand.hit.kind != "preamble" or k in usable or not families.quotable(cand.hit):
            continue
        if (cand.cover >= MIN_COVER or cand.sentence >= SENTENCE_ALONE) \
                and not other_numbered(pool.subject, context(cand.hit)):
            if rel[k] > best.get(k[0], 0.0):
                usable[k] = cand
            elif rel[k] >= RECITAL_SHARE * best.get(k[0], 0.0) and \
                    (k[0] not in recital or rel[k] > rel[recital[k[0]]]):
                recital[k[0]] = k
    for k in recital.values():
        usable[k] = pool.candidates[k]


def _neighbours(mates: list[int], position: int) -> list[int]:
    """The numbered paragraphs just before and after this one in its article (mates are in order)."""
    if position not in mates:
        return []
    i = mates.index(position)
    return mates[max(0, i - 1):i] + mates[i + 1:i + 2]
