"""Question -> ranked paragraphs: dense (Chroma) + BM25, fused by reciprocal rank, with filters and exact refs.

llama-index objects stay inside this module; callers get `Hit`s.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterable

from .index import Index
from .queries import QueryInfo, analyse, explicit_refs
from .refs import ref_has_prefix
from .settings import Settings
from .types import Document, Hit, Paragraph, display_name

MODES = ("hybrid", "dense", "bm25")
_DEFINE_RE = re.compile(
    r"\bdefin(?:e|es|ed|ition of)\s+[\"“']?(?:the term\s+)?([\w\s-]{3,60}?)[\"”']?\s*(?:\?|$|\bin\b|\bunder\b|,)"
    r"|what (?:is|are) meant by\s+[\"“']?([\w\s-]{3,60}?)[\"”']?\s*(?:\?|$|\bin\b|\bunder\b)"
    r"|what does (?:the term\s+)?[\"“']([\w\s-]{3,60})[\"”'] mean", re.I)


def rrf(rankings: Iterable[list[tuple[str, int]]], k: int, weights: Iterable[float] | None = None
        ) -> dict[tuple[str, int], float]:
    """Weighted reciprocal rank fusion: sum of w/(k + rank) over the rankings a paragraph appears in."""
    scores: dict[tuple[str, int], float] = {}
    rankings = list(rankings)
    for ranking, weight in zip(rankings, weights or [1.0] * len(rankings)):
        for rank, key in enumerate(ranking, 1):
            scores[key] = scores.get(key, 0.0) + weight / (k + rank)
    return scores


def keep_leaders(fused: list[tuple[str, int]], leaders: list[tuple[str, int]], slots: int = 5
                 ) -> list[tuple[str, int]]:
    """Each retriever's best paragraph stays in the top `slots`: fusion must not bury a clear winner."""
    top = fused[:slots]
    for leader in leaders:
        if leader in top:
            continue
        for j in range(len(top) - 1, -1, -1):
            if top[j] not in leaders:
                top[j] = leader
                break
    return top + [key for key in fused if key not in top]


@dataclass
class Filters:
    conventions: tuple[str, ...] = ()
    doc_types: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()

    def allows(self, doc: Document) -> bool:
        if self.conventions and not {c.lower() for c in doc.conventions} & {c.lower() for c in self.conventions}:
            return False
        if self.doc_ids and doc.doc_id not in self.doc_ids:
            return False
        return not self.doc_types or doc.doc_type.lower() in {d.lower() for d in self.doc_types}

    def narrowed(self, conventions: tuple[str, ...] = (), doc_ids: tuple[str, ...] = ()) -> "Filters":
        return Filters(self.conventions + conventions, self.doc_types, self.doc_ids + doc_ids)


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
        dense: dict[tuple[str, int], float] = {}
        sparse: dict[tuple[str, int], float] = {}
        rankings, weights = [], []
        if mode in ("hybrid", "dense"):
            dense = self._dense(info.expanded, filters)
            rankings.append(sorted(dense, key=lambda key: -dense[key]))
            weights.append(1.0)
        if mode in ("hybrid", "bm25"):
            sparse = self._bm25(info.lexical, filters)
            rankings.append(sorted(sparse, key=lambda key: -sparse[key]))
            weights.append(self.settings.bm25_weight if mode == "hybrid" else 1.0)
        fused = rrf(rankings, self.settings.rrf_k, weights)
        boost = 1.0 / (self.settings.rrf_k + 1)
        for key in fused:
            doc = self.index.documents[key[0]]
            # An instrument named in the question is preferred, gently: a rank or two, not a filter.
            if key[0] in info.doc_ids:
                fused[key] += boost * 0.8
            elif info.conventions and doc.conventions and doc.conventions[0] in info.conventions:
                fused[key] += boost * 0.5
            if doc.paragraphs[key[1]].kind in ("preamble", "front-matter", "acting-body"):
                fused[key] -= boost * 0.15  # operative text answers questions; preambles give context
        exact = self.lookup(query, filters, info)
        ranked = keep_leaders(sorted(fused, key=lambda key: -fused[key]), [r[0] for r in rankings if r])
        hits: list[Hit] = []
        seen = set()
        top_score = max(fused.values(), default=0.0)
        for hit in exact:
            key = (hit.doc_id, hit.position)
            hit.dense, hit.sparse = dense.get(key, 0.0), sparse.get(key, 0.0)
            hit.score = top_score + boost
            hits.append(hit)
            seen.add(key)
        for key in ranked:
            if key in seen:
                continue
            hits.append(self._hit(key, fused[key], dense.get(key, 0.0), sparse.get(key, 0.0)))
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
        match = _DEFINE_RE.search(query)
        if not match:
            return []
        term = next(g for g in match.groups() if g).strip(" ?\"'“”‘’").lower()
        term = re.sub(r"^(?:the|a|an)\s+|\s+(?:under|in|for)\s+.*$", "", term)
        if not term:
            return []
        pattern = re.compile(rf"^[\"“']?{re.escape(term)}s?[\"”']?\s*(?:\([^)]*\)\s*)?[^.;:\"“]{{0,80}}?"
                             r"\b(?:means|includes|shall mean|refers)\b", re.I)
        hits = []
        for doc in self.index.documents.values():
            if not filters.allows(doc) or (info.conventions and doc.conventions[0] not in info.conventions):
                continue
            for p in doc.paragraphs:
                if pattern.match(p.text.strip()):
                    hit = self._hit((doc.doc_id, p.position), 1.0, 0.0, 0.0)
                    hit.exact = True
                    hits.append(hit)
        hits.sort(key=lambda h: h.doc_type not in ("convention", "protocol", "agreement"))  # the treaty's own
        return hits[:3]

    def lookup(self, query: str, filters: Filters | None = None, info: QueryInfo | None = None) -> list[Hit]:
        """Paragraphs named by an explicit reference ("Article III of CITES", "B12 of the JWP", "Res 11.10 op 29")."""
        filters = filters or Filters()
        info = info or analyse(query, self.index.documents, self.index.vocabulary)
        wanted = explicit_refs(query)
        if not wanted:
            return self.definitions(query, filters, info)
        docs = [self.index.documents[d] for d in info.doc_ids] or [
            d for d in self.index.documents.values() if info.conventions and d.conventions[0] in info.conventions]
        if not docs:
            # No instrument named: a distinctive locator ("5.8", "4.1.4", "B12") may still name one paragraph;
            # prefer the document whose wording the question shares.
            dotted = [t for t in wanted if len(t) >= 2 and all(x.isdigit() for x in t) or (t and t[0].isalpha() and len(t[0]) == 1)]
            if not dotted:
                return []
            words = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", query)}
            def overlap(doc: Document) -> int:
                text = self.index.document_text(doc.doc_id)
                return sum(1 for w in words if w in text)
            docs = sorted((d for d in self.index.documents.values()
                           if any(ref_has_prefix(t, p.ref) for t in dotted for p in d.paragraphs)), key=lambda d: -overlap(d))[:1]
            wanted = dotted
        # A treaty text answers "Article III of CITES" before a document that merely mentions it.
        docs.sort(key=lambda d: d.doc_type not in ("convention", "protocol", "agreement"))
        hits: list[Hit] = []
        for tokens in wanted:
            for doc in docs:
                if not filters.allows(doc):
                    continue
                found = [p for p in doc.paragraphs if ref_has_prefix(tokens, p.ref)]
                if found:
                    for p in found[:12]:
                        hit = self._hit((doc.doc_id, p.position), 1.0, 0.0, 0.0)
                        hit.exact = True
                        hits.append(hit)
                    break
        return hits

    # ----- the two retrievers -------------------------------------------------------------------------------
    def _dense(self, query: str, filters: Filters) -> dict[tuple[str, int], float]:
        from llama_index.core.vector_stores import FilterOperator, MetadataFilter, MetadataFilters, VectorStoreQuery

        meta_filters = None
        if filters != Filters():
            allowed = [d.doc_id for d in self.index.documents.values() if filters.allows(d)]
            if not allowed:
                return {}
            meta_filters = MetadataFilters(filters=[MetadataFilter(key="mea_doc", value=allowed,
                                                                   operator=FilterOperator.IN)])
        vector = self.embedder.embed_query(query)
        result = self.index.vector_store.query(VectorStoreQuery(
            query_embedding=vector, similarity_top_k=self.settings.candidates, filters=meta_filters))
        out: dict[tuple[str, int], float] = {}
        for node, sim in zip(result.nodes or [], result.similarities or []):
            key = (node.metadata["doc_id"], int(node.metadata["position"]))
            cosine = 1.0 + math.log(max(sim, 1e-9))  # the store reports exp(-distance); distance = 1 - cosine
            out[key] = max(out.get(key, -1.0), cosine)
        return out

    def _bm25(self, query: str, filters: Filters) -> dict[tuple[str, int], float]:
        from llama_index.core.schema import QueryBundle

        out: dict[tuple[str, int], float] = {}
        for result in self.index.bm25.retrieve(QueryBundle(query_str=query)):
            if result.score is None or result.score <= 0:
                continue  # BM25 score 0: no query term in the paragraph
            meta = result.node.metadata
            doc = self.index.documents.get(meta["doc_id"])
            if doc is None or not filters.allows(doc):
                continue
            key = (meta["doc_id"], int(meta["position"]))
            out[key] = max(out.get(key, 0.0), float(result.score))
            if len(out) >= self.settings.candidates:
                break
        return out

    def _hit(self, key: tuple[str, int], score: float, dense: float, sparse: float) -> Hit:
        doc = self.index.documents[key[0]]
        para: Paragraph = doc.paragraphs[key[1]]
        return Hit(doc_id=doc.doc_id, ref=para.ref, display=display_name(doc.citation_name, para.ref), text=para.text,
                   score=score, section=para.section_path, lead_in=para.lead_in, position=para.position,
                   citation_name=doc.citation_name, conventions=doc.conventions, doc_type=doc.doc_type,
                   kind=para.kind, acting_body=doc.acting_body, dense=dense, sparse=sparse)
