"""The instrument's own definitions of the terms a note relies on.

A note that quotes an instrument's rules on taking, on specimens or on the utilization of genetic resources
tells the reader what the instrument means by them: its definitions article ('"Taking" means taking, hunting,
fishing ...'; '"Specimen" means: (i) any animal or plant ...') decides what the rules quoted reach, and an officer
quotes it under "Scope and definitions". A defined term is the note's when the topic says it, or when at least
two of the paragraphs the note quotes from that instrument use it. A term more than a fifth of its paragraphs use
("Party", "species") is the instrument's vocabulary, not the topic's, and is left out.
"""

from __future__ import annotations

from ..retrieval.definitions import term_defined
from ..stores.hits import paragraph_hit
from ..terms import terms
from ..types import Document
from .gather import Candidate, Key, Pool, key
from .units import Families, Unit, build_units

MIN_USES = 2  # quoted paragraphs of the instrument that use a term before the note defines it
COMMON = 0.2  # a term more than this share of the instrument's paragraphs use is its vocabulary
PER_DOC = 2  # definitions quoted for one instrument
FIRST_DOCS = 2  # the instruments (in the note's order) whose definitions it quotes


def add_key_definitions(points: dict[str, list[Unit]], order: list[str], pool: Pool, documents: dict[str, Document],
                        families: Families) -> None:
    """Each of the note's first instruments (`order`) gets its definitions of the terms its quoted paragraphs
    (`points`, by instrument) rely on, in its section, beyond the reference budget (they displace no point chosen
    on the topic)."""
    quoted = {key(h) for units in points.values() for u in units for h in u.paragraphs()}
    topic = set(pool.subject)
    for doc_id in order[:FIRST_DOCS]:
        units = points.get(doc_id)
        if not units:
            continue
        keys = _definitions(documents[doc_id], [h.text for u in units for h in u.paragraphs()], topic, quoted)
        if not keys:
            continue
        hits = {k: paragraph_hit(documents[k[0]], k[1], 0.0) for k in keys}
        keys = [k for k in keys if families.quotable(hits[k])]  # never a '"Specimen" means:' without its items
        # a definition that is itself a list ('"Specimen" means:') is quoted with all its items; the others alone,
        # under the lead-in of their list ("For the purpose of the present Convention ...:"), not the whole list
        lists = {k: items for k in keys if (items := families.own_items(hits[k]))}
        added = [Unit(doc_id, items, head=hits[k]) for k, items in lists.items()]
        alone = [k for k in keys if k not in lists]
        scored = {k: pool.candidates.get(k) or Candidate(hits[k]) for k in alone}
        added += build_units(alone, scored, {k: 0.0 for k in alone}, families, max_items=PER_DOC, candidates=scored)
        points[doc_id] += _merged(units, added)
        quoted |= {key(h) for u in added for h in u.paragraphs()}


def _definitions(doc: Document, quoted_texts: list[str], topic: set[str], quoted: set[Key]) -> list[Key]:
    defined = [(p.position, set(terms(term))) for p in doc.paragraphs
               if (term := term_defined(p.text)) and (doc.doc_id, p.position) not in quoted]
    defined = [(pos, words) for pos, words in defined if words]
    if not defined:
        return []
    vocabulary = [set(terms(p.text)) for p in doc.paragraphs]
    texts = [set(terms(t)) for t in quoted_texts]
    ranked = []
    for pos, words in defined:
        said = words <= topic
        if not said and sum(words <= v for v in vocabulary) > COMMON * len(vocabulary):
            continue  # (a term the topic says is the note's, however often the instrument uses it)
        uses = sum(words <= t for t in texts)
        if said or uses >= MIN_USES:
            ranked.append((not said, -uses, pos))
    return [(doc.doc_id, pos) for _, _, pos in sorted(ranked)[:PER_DOC]]


def _merged(units: list[Unit], added: list[Unit]) -> list[Unit]:
    """The new definitions of a list the note already quotes from ("For the purpose of this Convention:" with its
    (h)) join that point, in the list's order; the units that are new points."""
    heads = {key(u.head): u for u in units if u.head is not None}
    new = []
    for unit in added:
        point = heads.get(key(unit.head)) if unit.head is not None and unit.items else None
        if point is None:
            new.append(unit)
            continue
        have = {key(h) for h in point.items}
        point.items = sorted(point.items + [h for h in unit.items if key(h) not in have], key=lambda h: h.position)
    return new
