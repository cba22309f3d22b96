"""Question -> ranked paragraphs: the vector and lexical stores fused by reciprocal rank, with filters and
explicit references first.

Store objects stay behind the index's adapters; callers get `Hit`s.
"""

from __future__ import annotations

from ..index import Index
from ..queries import QueryInfo, analyse, explicit_refs
from ..settings import Settings
from ..stores.hits import best_per_paragraph, paragraph_hit
from ..types import Filters, Hit, ParagraphKey
from .definitions import defined_term, defining_paragraphs
from .fusion import exact_score, keep_leaders, prefer_named, ranking, rrf
from .lookup import referenced

MODES = ("hybrid", "dense", "bm25")


class Retriever:
    def __init__(self, index: Index, embedder, settings: Settings) -> None:  # type: ignore[no-untyped-def]
        self.index = index
        self.embedder = embedder
        self.settings = settings

    # ----- public -------------------------------------------------------------------------------------------
    def search(self, query: str, k: int | None = None, filters: Filters | None = None, mode: str | None = None,
               info: QueryInfo | None = None) -> list[Hit]:
        k = k or self.settings.top_k
        filters = filters or Filters()
        mode = mode or self.settings.retriever
        if mode not in MODES:
            raise ValueError(f"unknown retriever {mode!r}; use one of {', '.join(MODES)}")
        info = info or analyse(query, self.index.documents, self.index.vocabulary)
        dense: dict[ParagraphKey, float] = {}
        sparse: dict[ParagraphKey, float] = {}
        rankings, weights = [], []
        if mode in ("hybrid", "dense"):
            dense = self._dense(info.expanded, filters)
            rankings.append(ranking(dense))
            weights.append(1.0)
        if mode in ("hybrid", "bm25"):
            sparse = self._bm25(info.lexical, filters)
            rankings.append(ranking(sparse))
            weights.append(self.settings.bm25_weight if mode == "hybrid" else 1.0)
        fused = prefer_named(rrf(rankings, self.settings.rrf_k, weights), self.index.documents, info.doc_ids,
                             info.conventions, self.settings.rrf_k)
        exact = self.lookup(query, filters, info)
        ranked = keep_leaders(ranking(fused), [r[0] for r in rankings if r])
        hits: list[Hit] = []
        seen = set()
        top = exact_score(fused, self.settings.rrf_k)
        for hit in exact:
            key = (hit.doc_id, hit.position)
            hit.dense, hit.sparse = dense.get(key, 0.0), sparse.get(key, 0.0)
            hit.score = top
            hits.append(hit)
            seen.add(key)
        for key in ranked:
            if key in seen:
                continue
            hits.append(paragraph_hit(self.index.documents[key[0]], key[1], fused[key], dense.get(key, 0.0),
                                      sparse.get(key, 0.0)))
            if len(hits) >= max(k, len(exact)):
                break
        return hits

    def ensure_dense(self, query: str, hits: list[Hit]) -> None:
        """Give hits found only by BM25 (or by reference) a dense relevance, so abstention can judge them."""
        missing = [h for h in hits if h.dense == 0.0]
        if not missing:
            return
        vectors = self.embedder.embed([query] + [f"{h.display}\n{h.text[:1200]}" for h in missing])
        q = vectors[0]
        for hit, vec in zip(missing, vectors[1:]):
            hit.dense = float(sum(a * b for a, b in zip(q, vec)))

    def cover_instruments(self, query: str, hits: list[Hit], filters: Filters, info: QueryInfo,
                          slots: int, mode: str | None = None) -> list[Hit]:
        """When a question names two or more instruments, put the best paragraph of each in the first slots."""
        docs = self.index.documents
        groups: list[tuple[list[str], Filters]] = [([d], filters.narrowed(doc_ids=(d,))) for d in info.doc_ids]
        named = {docs[d].conventions[0] for d in info.doc_ids}
        for conv in info.conventions:
            if conv not in named:  # the instrument's own documents, not every text that mentions it
                own_docs = [d.doc_id for d in docs.values() if d.conventions and d.conventions[0] == conv]
                groups.append((own_docs, filters.narrowed(doc_ids=tuple(own_docs))))
        if len(groups) == 1:  # one instrument named: its paragraphs first, the rest after
            own_ids = set(groups[0][0])
            return [h for h in hits if h.doc_id in own_ids] + [h for h in hits if h.doc_id not in own_ids]
        if len(groups) < 2:
            return hits
        leaders: list[Hit] = []
        for doc_ids, group_filter in groups:
            substantive = [h for h in hits if h.doc_id in doc_ids and len(h.text.split()) >= 6]
            own = substantive or ([h for h in self.search(query, k=8, filters=group_filter, info=info, mode=mode)
                                   if len(h.text.split()) >= 6] if doc_ids else [])
            if own and all((own[0].doc_id, own[0].position) != (h.doc_id, h.position) for h in leaders):
                leaders.append(own[0])
        keys = {(h.doc_id, h.position) for h in leaders}
        rest = [h for h in hits if (h.doc_id, h.position) not in keys]
        return leaders[:slots] + rest

    def definitions(self, query: str, filters: Filters, info: QueryInfo) -> list[Hit]:
        """"How does the CBD define in-situ conservation?" -> the paragraph reading '"In-situ conservation" means'."""
        term = defined_term(query)
        return defining_paragraphs(term, self.index.documents, filters, info) if term else []

    def lookup(self, query: str, filters: Filters | None = None, info: QueryInfo | None = None) -> list[Hit]:
        """Paragraphs named by an explicit reference ("Article III of CITES", "B12 of the JWP", "Res 11.10 op 29");
        with none, the defining paragraph of a definition question."""
        filters = filters or Filters()
        info = info or analyse(query, self.index.documents, self.index.vocabulary)
        wanted = explicit_refs(query)
        if not wanted:
            return self.definitions(query, filters, info)
        return referenced(query, wanted, self.index.documents, self.index.document_text, filters, info)

    # ----- the two stores -----------------------------------------------------------------------------------
    def _dense(self, query: str, filters: Filters) -> dict[ParagraphKey, float]:
        doc_ids = None  # no filter: the store searches everything (its fastest path)
        if filters != Filters():
            doc_ids = [d.doc_id for d in self.index.documents.values() if filters.allows(d)]
            if not doc_ids:
                return {}
        vector = self.embedder.embed_query(query)
        results = self.index.vectors.query(vector, self.settings.candidates, doc_ids)
        return best_per_paragraph(results, floor=-1.0)

    def _bm25(self, query: str, filters: Filters) -> dict[ParagraphKey, float]:
        allowed = {d.doc_id for d in self.index.documents.values() if filters.allows(d)}
        return best_per_paragraph(self.index.lexical.query(query, allowed), floor=0.0,
                                  limit=self.settings.candidates)

