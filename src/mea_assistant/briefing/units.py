"""The note's points as units of quotation: a paragraph alone, or a list's lead-in with the items chosen from it.

Lists stay whole: a lead-in is quoted with its items, an item with its lead-in. Which items: a short list (the
conditions for a permit) all of them; a list that is itself the instrument's core provision on the topic (the
article titled with it: "In-situ Conservation" and its items (a)-(m)) nearly all of them, since each item is
one of the measures the officer is asked about; a longer list otherwise the items that say the topic nearly as
closely as its best one. Items are judged by their own words (how close they and their sentences are to the
topic, how many subject words they carry), not by how the pooled questions ranked them: an item the searches
never reached can say the topic as plainly as the one they found.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..terms import opens_list
from ..types import Hit
from .gather import Candidate, Key, key

if TYPE_CHECKING:
    from ..assistant import Assistant

SHORT_LIST = 5  # a list this short is quoted with all its items
ITEM_SHARE = 0.8  # items of a longer list: at least this share of its best item's closeness to the topic
MAX_ITEMS = 8
CORE_ITEM_SHARE, MAX_CORE_ITEMS = 0.6, 15  # ... of a core provision's list: nearly all of them
W_SIMILARITY, W_SENTENCE, W_COVER = 0.5, 0.5, 0.4  # closeness to the topic: the paragraph's own signals


@dataclass
class Unit:
    """What one point of the note quotes: a paragraph alone, or a list's lead-in with chosen items."""

    doc_id: str
    items: list[Hit]  # the paragraph alone, or the items chosen from the list, in document order
    head: Hit | None = None  # the list's lead-in
    relevance: float = 0.0
    core: bool = False  # one of the instrument's core provisions on the topic (or a list that holds one)
    duty: bool = False  # the instrument's answer to a duty the topic's case raises (standing.py), e.g. its withdrawal

    @property
    def position(self) -> int:
        return (self.head or self.items[0]).position

    def paragraphs(self) -> list[Hit]:
        return ([self.head] if self.head is not None else []) + self.items


def content(cand: Candidate | None) -> float:
    """How closely a paragraph itself says the topic, whatever the pooled questions ranked it."""
    if cand is None:
        return 0.0
    return W_SIMILARITY * cand.similarity + W_SENTENCE * cand.sentence + W_COVER * cand.cover


def build_units(chosen: list[Key], usable: dict[Key, Candidate], rel: dict[Key, float], families: "Families",
                core: set[Key] = frozenset(), max_items: int = MAX_ITEMS,  # type: ignore[assignment]
                candidates: dict[Key, Candidate] | None = None) -> list[Unit]:
    """Chosen paragraphs grouped into points: items under their lead-in, a lead-in with its items; most
    relevant point first."""
    pooled = candidates if candidates is not None else usable
    units: dict[Key, Unit] = {}
    for k in chosen:
        hit = usable[k].hit
        head, items = families.of(hit)
        if head is None:
            unit = units.setdefault(k, Unit(hit.doc_id, [hit], None, rel[k]))
            unit.core = unit.core or k in core
            continue
        unit = units.setdefault(key(head), Unit(hit.doc_id, [], head, 0.0))
        unit.relevance = max(unit.relevance, rel[k])
        unit.core = unit.core or k in core or key(head) in core
        whole = unit.core and max_items >= MAX_ITEMS
        if len(items) <= min(SHORT_LIST, max_items):
            picked = items
        else:
            ranked = sorted(items, key=lambda h: -content(pooled.get(key(h))))
            floor = (CORE_ITEM_SHARE if whole else ITEM_SHARE) * content(pooled.get(key(ranked[0])))
            picked = [h for h in ranked if content(pooled.get(key(h))) >= floor and (whole or key(h) in usable)
                      ][:MAX_CORE_ITEMS if whole else max_items]
            if key(hit) != key(head) and all(key(h) != k for h in picked) and len(picked) < max_items:
                picked.append(hit)
        have = {key(h) for h in unit.items}
        for h in picked:  # an item that is itself a lead-in ("(g) ... may include, inter alia:") brings its items
            for member in [h, *families.own_items(h)]:
                if key(member) not in have:
                    unit.items.append(member)
                    have.add(key(member))
    for unit in units.values():  # several chosen items of one list: still at most `max_items` of them
        if not unit.core and len(unit.items) > max_items:
            unit.items = sorted(unit.items, key=lambda h: -content(pooled.get(key(h))))[:max_items]
        unit.items.sort(key=lambda h: h.position)
    ordered = sorted(units.values(), key=lambda u: -u.relevance)
    return [u for u in ordered if u.items]


def references(unit: Unit) -> int:
    return len(unit.paragraphs())


class Families:
    """The list a paragraph belongs to (its lead-in and the lead-in's items), looked up once per paragraph."""

    def __init__(self, assistant: "Assistant") -> None:
        self.retriever = assistant.retriever
        self.cache: dict[Key, tuple[Hit | None, list[Hit]]] = {}

    def of(self, hit: Hit) -> tuple[Hit | None, list[Hit]]:
        k = key(hit)
        if k not in self.cache:
            if hit.lead_in.strip() or opens_list(hit.text):
                self.cache[k] = self.retriever.family(hit)
            else:
                self.cache[k] = (None, [])
        return self.cache[k]

    def own_items(self, hit: Hit) -> list[Hit]:
        """The items a paragraph itself introduces (none unless it ends like a lead-in)."""
        if not opens_list(hit.text):
            return []
        _, items = self.retriever.family(replace(hit, lead_in=""))
        return items

    def quotable(self, hit: Hit) -> bool:
        """A lead-in with no items ("Have agreed as follows:") says nothing; a fragment too short to read
        alone is quoted only as an item of its list. A table's record is read alone whatever its length: its
        cells carry their column headers ("Appendix II: Tridacnidae spp." is the listing an officer asks for)."""
        head, items = self.of(hit)
        if opens_list(hit.text) and not items:
            return False
        return head is not None or hit.kind == "table" or len(hit.text.split()) >= 6
