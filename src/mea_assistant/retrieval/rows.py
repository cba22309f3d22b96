"""The listing rows of a species in the appendix or table the question names: "Pelecanus crispus in CMS Appendix II"
is the row of Appendix II, not its row of Appendix I, which holds the same name."""

from __future__ import annotations

import re

from ..taxa import lists_taxon
from ..types import Hit

_TABLE_DESIGNATOR = re.compile(r"\b(Appendix|App\.|Annex|Schedule|Table)\s+([IVX]+|\d+)(?![\w.])", re.I)


def designators(text: str) -> set[tuple[str, str]]:
    """The appendices, annexes and tables a text names by number: "Appendix I", "Annex 3, Table 1"."""
    return {(kind.lower()[:3], mark.upper()) for kind, mark in _TABLE_DESIGNATOR.findall(text)}


def designated_rows(hits: list[Hit], query: str, taxa: tuple[str, ...], named_docs: frozenset[str] = frozenset()
                    ) -> list[Hit]:
    """The rows holding the species asked about, in the places rows hold, those of the appendices or tables the
    question names first (of a comparison naming one in each instrument, "CMS Appendix II ... AEWA Table 1", each
    names one); every other paragraph keeps its place: the appendix may be the setting of a question on a permit.
    Only the rows of the instruments the question names, when it names any (not the Bonn Convention's Appendix II
    before the CITES row of a question on "CITES Appendix II")."""
    named = designators(query) if taxa else set()
    if not named:
        return hits
    slots = [i for i, h in enumerate(hits) if h.kind == "table" and lists_taxon(h, taxa)
             and (not named_docs or h.doc_id in named_docs)]
    rows = sorted((hits[i] for i in slots), key=lambda h: -len(named & designators(f"{h.ref} {h.section}")))
    out = list(hits)
    for i, row in zip(slots, rows):
        out[i] = row
    return out
