"""Store results -> the project's own shapes: one score per paragraph, and `Hit`s for callers.

A long paragraph is stored as several chunks; retrieval ranks paragraphs, so a paragraph scores as its best
chunk.
"""

from __future__ import annotations

from typing import Iterable

from ..types import Document, Hit, ParagraphKey, display_name
from . import ScoredChunk


def best_per_paragraph(results: Iterable[ScoredChunk], floor: float, limit: int | None = None
                       ) -> dict[ParagraphKey, float]:
    """Each paragraph's best chunk score, in the order paragraphs first appear; at most `limit` paragraphs.

    `floor` is the lowest score a paragraph can have (-1 for cosine, 0 for BM25)."""
    out: dict[ParagraphKey, float] = {}
    for result in results:
        key = (result.doc_id, result.position)
        out[key] = max(out.get(key, floor), result.score)
        if limit is not None and len(out) >= limit:
            break
    return out


def paragraph_hit(doc: Document, position: int, score: float, dense: float = 0.0, sparse: float = 0.0,
                  exact: bool = False) -> Hit:
    """The paragraph at `position` of `doc` as a `Hit`, carrying its document's metadata for citing."""
    para = doc.paragraphs[position]
    return Hit(doc_id=doc.doc_id, ref=para.ref, display=display_name(doc.citation_name, para.ref), text=para.text,
               score=score, section=para.section_path, lead_in=para.lead_in, position=para.position,
               citation_name=doc.citation_name, conventions=doc.conventions, doc_type=doc.doc_type,
               kind=para.kind, acting_body=doc.acting_body, dense=dense, sparse=sparse, exact=exact)
