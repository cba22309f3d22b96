"""A question asking which animals or plants ("Which sharks were singled out as shared priority species?",
"Which whales does the programme name?") is answered by a paragraph that names them, as treaties do in prose:
by the English name with the Latin one in brackets ("whale shark (Rhincodon typus)"). A paragraph on the same
group that names none ("further discussions on turtles and other shared marine species") is a near miss."""

from __future__ import annotations

import re

from ..types import Hit

WINDOW = 3  # how far down a paragraph naming species is looked for
# The things asked are species or a group of them: "which sharks", "which bird species", "what migratory fish"
_ASKS_SPECIES = re.compile(
    r"\b(?:which|what)\s+(?:(?:other|main|particular|specific|individual|migratory|marine|shared|priority)\s+){0,2}"
    r"(?:species|animals?|plants?|sharks?|rays?|whales?|dolphins?|porpoises?|cetaceans?|turtles?|birds?|waterbirds?|"
    r"seabirds?|raptors?|bats?|fish(?:es)?|mammals?|antelopes?|reptiles?|populations?|taxa)\b", re.I)
# A Latin name in brackets after the English one: "(Rhincodon typus)", "(Saiga spp.)", "(Loxodonta africana)"
_LATIN = re.compile(r"\(\s*[A-Z][a-z]+\s+(?:[a-z]{3,}|spp?\.)(?:\s+[a-z]{3,})?\s*\)")


def names_species(hit: Hit) -> bool:
    return _LATIN.search(hit.text) is not None


def species_first(hits: list[Hit], query: str, kind: str) -> list[Hit]:
    """For a list question on which species, the first of the top hits that names species by their Latin names
    leads when the first names none; the others keep their order."""
    if kind != "list" or not hits or not _ASKS_SPECIES.search(query) or names_species(hits[0]):
        return hits
    other = next((i for i, h in enumerate(hits[1:WINDOW], 1) if names_species(h)), None)
    return hits if other is None else [hits[other]] + hits[:other] + hits[other + 1:]
