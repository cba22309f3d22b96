"""Retrieval for a briefing note: the topic asked as several questions, pooled and scored against the topic.

A desk officer's note covers what Parties must do, what they are asked to do, which bodies and reports are
involved and how others cooperate. Each of those is one question to the assistant's own retrieval (first
stage, then the second-stage ranker), so the note finds what a delegate asking those questions would find.
The ranked lists are fused by reciprocal rank; each paragraph then gets two signals of its own about the
topic itself: how close its best sentence (or chunk) is to the topic, and how many of the topic's subject
words (the topic without the instruments it names, rare words weighing more) it or its context carries.
Lists come whole: a lead-in in the pool brings its items, an item brings its lead-in and siblings, so the
note can quote "Parties shall … (b) …" and never a lead-in without its items. The named instruments' core
provisions (under headings on the topic, cores.py) join the pool whether or not a question found them; a
topic across the instruments is also searched in each instrument alone, so that one instrument's long list
cannot crowd out another instrument's one article on it; and every topic, with each of its aspects, is searched
in each instrument the note may discuss alone, for the order of that instrument's own paragraphs and for the
paragraph that answers each aspect there.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Sequence

from ..queries import glossed
from ..stores.hits import paragraph_hit
from ..terms import opens_list, terms
from ..types import Document, Hit
from .cores import CORE_TYPES, article_of, asks_relations, core_provisions
from .governing import INTERPRETATION, PER_APPENDIX, governing_for_rows, interpretation_paragraphs, row_appendices
from .relation import adopted_by_meeting, read_names
from .standing import asked_of, standing_questions
from .subject import (across_instruments, conjuncts, coverage, glossable, names_plan, subject_of, weighted_terms,
                      without_plan)

if TYPE_CHECKING:
    from ..assistant import Assistant

ASPECTS: tuple[tuple[str, str], ...] = (
    ("topic", "{topic}"),
    ("obligations", "What must Parties do regarding {topic}?"),
    ("requests", "What are Parties urged, requested, encouraged or invited to do regarding {topic}?"),
    ("institutions", "Which bodies, secretariat, reports and deadlines apply to {topic}?"),
    ("cooperation", "How do Parties and secretariats cooperate with other conventions and organizations on {topic}?"),
)


DEPTH = 30  # paragraphs kept from each question's ranked list
RRF_K = 10  # reciprocal-rank constant: small, so the top of each list counts most
FAMILY_FROM = 40  # the best-fused candidates whose lists (lead-in and items) and articles join the pool
MAX_ARTICLE = 8  # an article of at most this many numbered paragraphs is read as one unit of meaning
EACH_DEPTH = 6  # a topic across the instruments: paragraphs kept from each instrument's own search
MAX_PARTS, PART_DEPTH, PART_WEIGHT = 6, 6, 0.5  # each aspect's own search: how many, how deep, how much it counts
WITHIN_DOCS, WITHIN_DEPTH = 6, 5  # the instruments searched alone (topic and each aspect) and how deep
MAX_ASPECTS = 10  # ... and the aspects (a desk officer's request may ask ten things at once)
Key = tuple[str, int]


@dataclass
class Candidate:
    hit: Hit
    fused: float = 0.0  # reciprocal-rank fusion over the questions' lists (0 for a paragraph joined as family)
    ranks: dict[str, int] = field(default_factory=dict)  # question -> rank of this paragraph in its list
    similarity: float = 0.0  # best cosine of the paragraph's chunks (text with its context) with the topic
    sentence: float = 0.0  # best cosine of its sentences alone with the topic's subject (no instrument names)
    cover: float = 0.0  # weighted share of the topic's subject words in the paragraph and its context
    within: int = WITHIN_DEPTH  # best rank in a search of its own instrument alone (topic or one aspect)
    within_only: bool = False  # found by those searches alone, by none of the pooled ones


@dataclass
class Pool:
    topic: str
    named: list[list[str]]  # documents of each instrument the topic names
    named_codes: list[str]  # conventions the topic names ("CMS", "CITES") ...
    named_ids: list[str]  # ... and documents it names by their own name
    candidates: dict[Key, Candidate]
    subject: dict[str, float]  # the topic's subject words (stems, or phrases such as "appendix i") and weights
    subject_text: str = ""  # the topic without the instruments it names
    searches: list[dict[str, str]] = field(default_factory=list)
    parts: list[dict[str, float]] = field(default_factory=list)  # subject words of each conjunct ("A and B")
    core: list[Key] = field(default_factory=list)  # the named instruments' provisions under headings on the topic
    across: bool = False  # the topic is about what each instrument says ("... across the conventions")
    relation: bool = False  # the topic is about the relation between two of its instruments (briefing/relation.py)
    leaders: dict[str, list[Key]] = field(default_factory=dict)  # across: each instrument's own search, in order
    # each aspect's first paragraph in a search of an instrument alone (None: nothing found), in the aspects' order
    answers: dict[str, list[Key | None]] = field(default_factory=dict)
    standing: int = 0  # how many of those aspects, the last ones, are standing questions (each instrument answers)
    taxa: list[str] = field(default_factory=list)  # Latin names of the species the topic names (taxa.py)
    # (document, appendix) -> the governing paragraphs a row listed there brings (governing.py), best first, and
    # those paragraphs as candidates of their own: quoted only with a row, never weighing in the choice of documents
    governing: dict[tuple[str, str], list[Key]] = field(default_factory=dict)
    listed: dict[Key, list[str]] = field(default_factory=dict)  # a row of the topic's species -> its appendices
    rules: dict[Key, Candidate] = field(default_factory=dict)

    def named_docs(self) -> list[str]:
        """The documents of the instruments the topic names, in the topic's order (a set's order changes with the
        process, and a note must not)."""
        return list(dict.fromkeys(d for group in self.named for d in group))


def key(hit: Hit) -> Key:
    return (hit.doc_id, hit.position)


def gather(assistant: "Assistant", topic: str, conventions: Sequence[str] = (), doc_types: Sequence[str] = ()
           ) -> Pool:
    """Ask the topic's questions, pool what they find, add list families, score each paragraph on the topic."""
    retriever = assistant.retriever
    understood = assistant.understand(topic, (), conventions, doc_types)
    subject_text = subject_of(topic, assistant.index.documents)
    plan = names_plan(subject_text)
    subject_text = without_plan(subject_text) if plan else subject_text
    codes, relation = read_names(topic, assistant.index.documents)
    # the glossary read on the subject and on the topic, whose instruments say what a word is said of
    glosses = list(dict.fromkeys([*glossed(subject_text), *glossed(glossable(topic, assistant.index.documents))]))
    named = replace(understood.info, conventions=[c for c in understood.info.conventions if c in codes])
    # what a convention's meeting asked for joins the instruments the topic names; it does not make a topic that
    # names none (and so is open to every instrument) one about that meeting's resolutions alone
    if named.doc_ids or named.conventions:
        meeting = [d for d in adopted_by_meeting(topic, assistant.index.documents) if d not in named.doc_ids]
        named = replace(named, doc_ids=[*named.doc_ids, *meeting])
    pool = Pool(topic=topic, named=[g for g in retriever.instrument_groups(named) if g],
                named_codes=list(named.conventions), named_ids=list(named.doc_ids),
                candidates={}, subject=weighted_terms(" ".join([subject_text, *glosses]), assistant.index),
                subject_text=subject_text,
                relation=relation)
    for aspect, template in ASPECTS:
        query = assistant.understand(template.format(topic=topic), (), conventions, doc_types)
        hits = retriever.search(query.standalone, k=DEPTH, filters=query.filters, info=query.info)
        hits, _ = retriever.second_stage(query.info, hits, query.sought)
        pool.searches.append({"aspect": aspect, "query": query.standalone})
        for rank, hit in enumerate(hits[:DEPTH]):
            cand = pool.candidates.setdefault(key(hit), Candidate(hit))
            cand.fused += 1.0 / (RRF_K + rank)
            cand.ranks[aspect] = rank
    parts = conjuncts(subject_text)
    pool.parts = [w for w in (weighted_terms(c, assistant.index) for c in parts) if w]
    _search_parts(assistant, pool, parts, understood.info.doc_ids, conventions, doc_types)
    pool.across = across_instruments(topic, len(pool.named))
    if pool.across:
        _search_each(assistant, pool, understood.filters)
    _search_within(assistant, pool, parts, understood.filters)
    pool.core = core_provisions(assistant.index.documents, set(pool.leaders if pool.across else pool.named_docs()),
                                pool.subject, pool.parts, understood.filters, plan, asks_relations(topic, subject_text))
    for k in pool.core:
        if k in pool.candidates:
            pool.candidates[k].within_only = False
        else:
            pool.candidates[k] = Candidate(paragraph_hit(assistant.index.documents[k[0]], k[1], 0.0))
    _add_families(assistant, pool, understood.filters)
    _score(assistant, pool, understood.info.expanded)
    pool.taxa = list(understood.info.taxa)
    _add_governing(assistant, pool, understood.filters, understood.info.expanded)
    return pool


def _search_parts(assistant: "Assistant", pool: Pool, parts: list[str], named: Sequence[str],
                  conventions: Sequence[str], doc_types: Sequence[str]) -> None:
    """Each aspect of the topic asked on its own (with the instruments the topic names): the whole topic's
    questions average its aspects, and an aspect few of its words carry ("can we leave later") is lost in them."""
    documents = assistant.index.documents
    names = " ".join(documents[d].citation_name for d in named)
    parts = [p for p in parts if terms(p)]  # not a bare "the" left where the topic named its instrument
    for part in parts[:MAX_PARTS] if len(parts) >= 2 else []:
        query = assistant.understand(f"{part} {names}".strip(), (), conventions, doc_types)
        hits = assistant.retriever.search(query.standalone, k=PART_DEPTH, filters=query.filters, info=query.info)
        hits, _ = assistant.retriever.second_stage(query.info, hits, query.sought)
        for rank, hit in enumerate(hits[:PART_DEPTH]):
            cand = pool.candidates.setdefault(key(hit), Candidate(hit))
            cand.fused += PART_WEIGHT / (RRF_K + rank)
            cand.ranks[f"part: {part}"] = rank


def _search_each(assistant: "Assistant", pool: Pool, filters) -> None:  # type: ignore[no-untyped-def]
    """A topic across the instruments: the subject searched in each instrument on its own, so that each one's
    core provision can be found even where the pooled questions ranked another instrument's whole list first."""
    retriever = assistant.retriever
    for doc in assistant.index.documents.values():
        if doc.doc_type not in CORE_TYPES or not filters.allows(doc):
            continue
        own = filters.narrowed(doc_ids=(doc.doc_id,))
        query = assistant.understand(pool.subject_text or pool.topic, (), own.conventions, own.doc_types)
        hits = retriever.search(query.standalone, k=EACH_DEPTH, filters=own, info=query.info)
        hits, _ = retriever.second_stage(query.info, hits, query.sought)
        pool.leaders[doc.doc_id] = [key(h) for h in hits[:EACH_DEPTH]]
        for hit in hits[:EACH_DEPTH]:
            pool.candidates.setdefault(key(hit), Candidate(hit))


def _search_within(assistant: "Assistant", pool: Pool, parts: list[str], filters) -> None:  # type: ignore[no-untyped-def]
    """The topic and each of its aspects searched in each instrument the note may discuss, alone: a pooled
    search ranks every instrument's paragraphs against each other, so an instrument's own provision on an
    aspect can sit below another instrument's whole list, while a search of that instrument alone puts it
    first. The instruments: those the topic names, else those the pooled searches found most."""
    documents = assistant.index.documents
    found: dict[str, float] = {}
    for cand in pool.candidates.values():
        found[cand.hit.doc_id] = found.get(cand.hit.doc_id, 0.0) + cand.fused
    # named instruments the pooled searches did not find tie at zero: they keep the topic's order, so the same topic
    # asks the same instruments on every run
    order = {d: i for i, d in enumerate(pool.named_docs() or sorted(found))}
    docs = sorted(order, key=lambda d: (-found.get(d, 0.0), order[d]))[:WITHIN_DOCS]
    aspects = [p for p in parts if terms(p)][:MAX_ASPECTS]
    aspects = aspects if len(aspects) >= 2 else []
    standing = standing_questions(pool.topic)
    queries = [pool.subject_text or pool.topic] + aspects + standing
    pool.standing = len(standing)
    for doc_id in docs:
        if not filters.allows(documents[doc_id]):
            continue
        own = filters.narrowed(doc_ids=(doc_id,))
        whole = " ".join(p.text for p in documents[doc_id].paragraphs) if standing else ""
        for n, text in enumerate(queries):
            if n > len(aspects) and not asked_of(text, whole):  # a standing question this instrument has no terms for
                pool.answers.setdefault(doc_id, []).append(None)
                continue
            query = assistant.understand(text, (), own.conventions, own.doc_types)
            hits = assistant.retriever.search(query.standalone, k=WITHIN_DEPTH, filters=own, info=query.info)
            hits, _ = assistant.retriever.second_stage(query.info, hits, query.sought)
            for rank, hit in enumerate(hits[:WITHIN_DEPTH]):
                cand = pool.candidates.setdefault(key(hit), Candidate(hit, within_only=True))
                cand.within = min(cand.within, rank)
            if n > len(aspects) and hits:  # a duty worded as a treaty words it: the paragraph that words it so
                hits = [_closest_wording(assistant, text, hits[:WITHIN_DEPTH])]
                pool.candidates[key(hits[0])].within = 0  # this instrument's first answer to the question
            if n:  # an aspect, not the whole subject
                pool.answers.setdefault(doc_id, []).append(key(hits[0]) if hits else None)


def _closest_wording(assistant: "Assistant", duty: str, hits: list[Hit]) -> Hit:
    """Of an instrument's first paragraphs for a standing question, the one that shares most of its words: the
    question is worded from a treaty's own provision, which a search may rank under a neighbour on the same subject
    (Nagoya Art. 12(3)(a) above 5(5) for the sharing of traditional knowledge's benefits); a duty is drafted in an
    operative paragraph, so a preamble that recalls its words comes after; ties keep the search's order."""
    wanted = weighted_terms(duty, assistant.index)
    return max(enumerate(hits), key=lambda r: (r[1].kind != "preamble", round(coverage(wanted, context(r[1])), 2),
                                                -r[0]))[1]


def context(hit: Hit) -> str:
    """What a paragraph's subject words are looked for in: its text, its list's lead-in and its headings."""
    return f"{hit.text} {hit.lead_in} {hit.section}"


def article_mates(doc: Document, position: int) -> list[int]:
    """Positions of the numbered paragraphs (not list items) of the article this paragraph belongs to, when
    the article is short enough to be read as one provision ("Art. 2" of Ramsar: designating wetlands)."""
    head = article_of(doc.paragraphs[position].ref)
    if not head:
        return []
    mates = [p.position for p in doc.paragraphs if not p.lead_in.strip() and article_of(p.ref) == head]
    return mates if len(mates) <= MAX_ARTICLE else []


def _add_families(assistant: "Assistant", pool: Pool, filters) -> None:  # type: ignore[no-untyped-def]
    """Lead-ins and items of the best candidates' lists, so a list can be quoted whole or with its lead-in,
    and the other paragraphs of their articles, which the topic's words may not name."""
    documents = assistant.index.documents
    best = sorted(pool.candidates.values(), key=lambda c: -c.fused)[:FAMILY_FROM]
    for cand in best:
        hit = cand.hit
        members: list[Hit] = []
        if hit.lead_in.strip() or opens_list(hit.text):
            parent, items = assistant.retriever.family(hit)
            members += ([parent] if parent is not None else []) + items
        doc = documents[hit.doc_id]
        members += [paragraph_hit(doc, pos, 0.0) for pos in article_mates(doc, hit.position)]
        for member in members:
            if key(member) in pool.candidates:
                pool.candidates[key(member)].within_only = False
            elif filters.allows(documents[member.doc_id]):
                member.score = 0.0
                pool.candidates[key(member)] = Candidate(member)


def _add_governing(assistant: "Assistant", pool: Pool, filters,  # type: ignore[no-untyped-def]
                   topic_text: str) -> None:
    """For each appendix a row of the topic's species is listed in (governing.py), the paragraphs of the article
    that governs it: its first rule, then those closest to the topic. Kept aside (`pool.rules`): the note quotes
    them with a row it quotes (selection.py), and they do not make their document look more on the topic."""
    documents = assistant.index.documents
    listed = {k: row_appendices(c.hit.ref, c.hit.text, f"{c.hit.section} {c.hit.lead_in}", pool.taxa)
              for k, c in pool.candidates.items() if c.hit.kind == "table"}
    pool.listed = {k: numerals for k, numerals in listed.items() if numerals}
    rows = [(k[0], n) for k, numerals in pool.listed.items() for n in numerals]
    found = {k: v for k, v in governing_for_rows(documents, rows).items() if filters.allows(documents[k[0]])}
    keys = list(dict.fromkeys((d, pos) for (d, _), positions in found.items() for pos in positions))
    pool.rules = {}
    _add_rules(assistant, pool, keys, topic_text)
    for (d, numeral), positions in found.items():  # the appendix's first rule, then those closest to the topic
        rest = sorted(positions[1:], key=lambda pos: -pool.rules[(d, pos)].sentence)
        pool.governing[(d, numeral)] = [(d, pos) for pos in positions[:1] + rest]
    # and, once per document, how inclusion in its appendices applies: the two interpretations closest to the topic
    rows = {k[0]: k for k in pool.listed if filters.allows(documents[k[0]])}
    for d, row in rows.items():
        keys = [(d, pos) for pos in interpretation_paragraphs(documents[d], pool.candidates[row].hit.ref)]
        _add_rules(assistant, pool, keys, topic_text)
        if keys:
            pool.governing[(d, INTERPRETATION)] = sorted(keys, key=lambda k: -pool.rules[k].sentence)[:PER_APPENDIX]


def _add_rules(assistant: "Assistant", pool: Pool, keys: Sequence[Key], topic_text: str) -> None:
    """Paragraphs quoted only with a row (`pool.rules`), scored on the topic: a copy of their candidate where the
    searches found them, so that scoring them apart changes nothing the note's other choices read."""
    documents = assistant.index.documents
    pool.rules.update({k: replace(pool.candidates[k]) if k in pool.candidates
                       else Candidate(paragraph_hit(documents[k[0]], k[1], 0.0)) for k in keys if k not in pool.rules})
    _score(assistant, pool, topic_text, keys, into=pool.rules)


def _score(assistant: "Assistant", pool: Pool, topic_text: str, only: Sequence[Key] | None = None,
           into: dict[Key, Candidate] | None = None) -> None:
    import numpy as np

    scored = pool.candidates if into is None else into
    keys = list(scored) if only is None else list(only)
    if not keys:
        return
    vector = np.asarray(assistant.retriever.query_vector(topic_text), dtype=np.float32)
    subject = np.asarray(assistant.retriever.query_vector(pool.subject_text or topic_text), dtype=np.float32)
    chunks = assistant.index.vectors.vectors_for(keys)
    sentences = assistant.index.sentences.vectors_for(keys)
    for k in keys:
        cand = scored[k]
        if chunks.get(k):
            cand.similarity = float(np.max(np.asarray([v for _, v in chunks[k]], dtype=np.float32) @ vector))
        if sentences.get(k):
            cand.sentence = float(np.max(np.asarray([v for _, v in sentences[k]], dtype=np.float32) @ subject))
        cand.cover = coverage(pool.subject, context(cand.hit))
