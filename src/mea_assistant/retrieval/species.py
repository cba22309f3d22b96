"""A question asking which animals or plants ("Which sharks were singled out as shared priority species?",
"Which whales does the programme name?") is answered by a paragraph that names them, as treaties do in prose:
by the English name with the Latin one in brackets ("whale shark (Rhincodon typus)"). A paragraph on the same
group that names none ("further discussions on turtles and other shared marine species") is a near miss."""

from __future__ import annotations

import re

from ..types import Hit

# The things asked are species or a group of them: "which sharks", "which bird species", "what migratory fish"
_ASKS_SPECIES = re.compile(
    r"\b(?:which|what)\s+(?:(?:other|main|particular|specific|individual|migratory|marine|shared|priority)\s+){0,2}"
    r"(?:species|animals?|plants?|sharks?|rays?|whales?|dolphins?|porpoises?|cetaceans?|turtles?|birds?|waterbirds?|"
    r"seabirds?|raptors?|bats?|fish(?:es)?|mammals?|antelopes?|reptiles?|populations?|taxa)\b", re.I)
# A Latin name in brackets after the English one: "(Rhincodon typus)", "(Saiga spp.)", "(Loxodonta africana)"
_LATIN = re.compile(r"\(\s*[A-Z][a-z]+\s+(?:[a-z]{3,}|spp?\.)(?:\s+[a-z]{3,})?\s*\)")


def names_species(hit: Hit) -> bool:
    return _LATIN.search(hit.text) is not None


def asks_species(query: str, kind: str) -> bool:
    """A list question on which species, sharks, birds ... (rerank.species_first)."""
    return kind == "list" and _ASKS_SPECIES.search(query) is not None
