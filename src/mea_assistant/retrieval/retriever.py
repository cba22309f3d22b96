"""Question -> ranked paragraphs: the vector and lexical stores fused by reciprocal rank, with filters and
explicit references first.

Store objects stay behind the index's adapters; callers get `Hit`s.
"""

from __future__ import annotations

import re
from itertools import takewhile

from ..abstention import known_instruments, unheld_part
from ..force import TREATY_TYPES
from ..index import Index
from ..instruments import catalogue
from ..queries import QueryInfo, analyse, without_instruments
from ..asked_refs import explicit_refs
from ..settings import Settings
from ..stores.hits import best_per_paragraph, paragraph_hit
from ..taxa import names_taxon, rare_names, rows_naming
from ..terms import opens_list, terms
from ..types import Filters, Hit, Paragraph, ParagraphKey, named_after
from .addressed import addressed_first
from .annotations import annotation_first
from .clauses import asked_clause
from .definitions import (asks_definitions, candidate_terms, defined_term, defining_paragraphs, definitions_clauses,
                          described, undefined_term)
from .exceptions import exceptions_to, is_exception
from .fusion import exact_score, keep_leaders, prefer_named, ranking, rrf
from .groups import instrument_groups
from .listings import ASKS_LISTING, own_row_first
from .lookup import annexed, missing_reference, referenced
from .reasons import asks_recitals
from .rerank import Signals, rerank, signals_for
from .spelled import spelled_first

MODES = ("hybrid", "dense", "bm25")
# An exception leads a yes/no answer when one of its sentences is closer to the question than the rule's best by this
# much (cosine): fitted on the development part and the read treaty sets, where a tie led to the wrong one as often as
# to the right one.
EXCEPTION_MARGIN = 0.03
# A question naming one instrument is answered from its own documents first, unless the second stage puts first a
# paragraph of a document of its family (the secretariat's letter on the consortium it belongs to, the MOU concluded
# under it) with a sentence this much closer to the question (cosine) than any of theirs: the question's words ask
# about that document, the name only situates it.
KIN_GAP = 0.15


class Retriever:
    def __init__(self, index: Index, embedder, settings: Settings) -> None:  # type: ignore[no-untyped-def]
        self.index = index
        self.embedder = embedder
        self.settings = settings
        self._vectors: dict[str, list[float]] = {}  # query text -> its vector: both stages embed it once

    def query_vector(self, text: str) -> list[float]:
        vector = self._vectors.get(text)
        if vector is None:
            if len(self._vectors) > 256:
                self._vectors.clear()
            vector = self._vectors[text] = self.embedder.embed_query(text)
        return vector

    def instrument_groups(self, info: QueryInfo) -> list[list[str]]:
        return instrument_groups(self.index.documents, info)

    def named_documents(self, info: QueryInfo) -> list[str]:
        return [d for group in self.instrument_groups(info) for d in group]

    def family(self, hit: Hit) -> tuple[Hit | None, list[Hit]]:
        """The provision that introduces a list ("The functions of the Secretariat shall be:") and its items,
        for a paragraph that is either; (None, []) when it belongs to no list. A sub-paragraph's lead-in is
        the chain of texts above it, so a paragraph's items are those whose lead-in is its own chain."""
        doc = self.index.documents[hit.doc_id]
        paras = doc.paragraphs
        chain = lambda p: " ".join(f"{p.lead_in} {p.text}".split())  # noqa: E731
        def items_of(q: Paragraph) -> list[Paragraph]:
            after = paras[q.position + 1:q.position + 80]  # a list's items follow within this window
            own = chain(q)
            # ... and end where another paragraph opens a list with the same words: CBD Art. 8 and Art. 10 both read
            # "Each Contracting Party shall, as far as possible and as appropriate:", and Art. 10's items are its own.
            # (Ending at the first paragraph outside the chain instead cut lists that a flush sentence interrupts,
            # "Nothing in sub-paragraphs d) and e) ...", or whose item opens a sub-list of its own: 13 expected
            # provisions lost on the read briefing sets.)
            run = takewhile(lambda p: chain(p) != own, after)
            found = [p for p in run if " ".join(p.lead_in.split()) == own]
            if found or not q.lead_in.strip():
                return found
            # an item's own list whose items carry only its words as their lead-in, not the chain above it
            # (CITES Art. I(b) '"Specimen" means:' and its (i)-(iii)): the items right after it
            text = " ".join(q.text.split())
            return list(takewhile(lambda p: " ".join(p.lead_in.split()) == text, after))
        parent = paras[hit.position]
        items = items_of(parent)  # a sub-paragraph that introduces its own list ("(g) Establish ...:") is its parent
        if not items and hit.lead_in.strip() and not opens_list(hit.text):  # its own list, unmarked
            lead = " ".join(hit.lead_in.split())
            parent = next((p for p in reversed(paras[max(0, hit.position - 80):hit.position]) if chain(p) == lead),
                          parent)
            items = items_of(parent)
        if not items:
            return None, []
        return (paragraph_hit(doc, parent.position, hit.score),
                [paragraph_hit(doc, p.position, hit.score) for p in items])

    def second_stage(self, info: QueryInfo, hits: list[Hit], kind: str
                     ) -> tuple[list[Hit], dict[ParagraphKey, list[float]]]:
        """Rerank the first stage's candidates (retrieval/rerank.py), the paragraph writing out an acronym the
        question uses or printing a name few others print first (spelled.py), those addressed to the body the
        question asks about (addressed.py), then the note a listing row marks (annotations.py), and the species' own
        row before another taxon's (listings.py); returns them and each one's sentence similarities to the question
        (in `sentences.sentence_spans` order, for the answer's choice of clause)."""
        sims = self.similarities(info, hits)
        ranked = spelled_first(rerank(hits, self.signals(info, kind), sims), info.spelled)
        # a name the corpus prints in a paragraph or two ("the order Pinnipedia") is found where it is printed
        ranked = spelled_first(ranked, rare_names(info.text, self.index.documents, info.taxa))
        ranked = addressed_first(ranked, info.text)  # "What does it ask of the BLG?"
        ranked, added = annotation_first(ranked, info.text, info.taxa, self.index.documents)
        if added:
            sims.update(self.similarities(info, added))
        # (whatever moved it: a country's name few rows print, "Brazil", is no taxon asked about)
        return own_row_first(ranked, info.taxa, info.text), sims

    def exceptions_first(self, info: QueryInfo, hits: list[Hit], sims: dict[ParagraphKey, list[float]],
                         polar: bool) -> list[Hit]:
        """A yes/no question about a rule's reach ("Does it cover medicines?") is answered by the rule's exception
        (retrieval/exceptions.py) when one speaks to the question as closely as the rule does: it leads, the rule
        follows. `sims` gains the exceptions' sentence similarities."""
        if not polar or not hits or hits[0].exact or is_exception(hits[0].text):
            return hits  # (a rule that is itself the exception, "This Convention shall not apply to warships", answers)
        top = hits[0]
        doc = self.index.documents.get(top.doc_id)
        found = exceptions_to(doc, doc.paragraphs[top.position]) if doc is not None else []
        if not found:
            return hits
        candidates = [paragraph_hit(doc, p.position, top.score) for p in found]
        sims.update({k: v for k, v in self.similarities(info, candidates).items() if k not in sims})
        best = lambda h: max(sims.get((h.doc_id, h.position), []), default=0.0)  # noqa: E731
        winner = max(candidates, key=best)
        if best(winner) < best(top) + EXCEPTION_MARGIN:
            return hits
        # an item of an exception's list leads with the exception it completes ("shall be excepted – (a) fisheries")
        winner = next((c for c in candidates if winner.lead_in and c.text == winner.lead_in), winner)
        return [winner] + [h for h in hits if (h.doc_id, h.position) != (winner.doc_id, winner.position)]

    def signals(self, info: QueryInfo, kind: str) -> Signals:
        # a comparison names its instruments only to say which texts to compare ("Which is quicker to get out of,
        # the migratory species convention or the biodiversity convention?"): their names are not what it asks, the
        # glossary's wording of it is ("denounce", "withdrawal")
        asked = without_instruments(info.lexical, self.index.documents) if kind == "comparison" else ""
        return signals_for(info.text, kind, self.named_documents(info), info.taxa, asked)

    def similarities(self, info: QueryInfo, hits: list[Hit]) -> dict[ParagraphKey, list[float]]:
        """Each hit's dense relevance (its best chunk) and its sentences' similarities to the question, from
        the vectors stored at ingest: nothing but the question is embedded."""
        if not hits:
            return {}
        import numpy as np

        q = np.asarray(self.query_vector(info.expanded), dtype=np.float32)
        keys = [(h.doc_id, h.position) for h in hits]
        chunk_ids, sentence_ids = self.index.vector_ids(keys)
        chunk_vectors = self.index.vectors.vectors_for(keys, chunk_ids)
        sentence_vectors = self.index.sentences.vectors_for(keys, sentence_ids)
        sims: dict[ParagraphKey, list[float]] = {}
        for hit, key in zip(hits, keys):
            parts = chunk_vectors.get(key)
            if parts:
                hit.dense = max(hit.dense, float(np.max(np.asarray([v for _, v in parts], dtype=np.float32) @ q)))
            sentences = sentence_vectors.get(key)
            if sentences:
                sims[key] = [float(x) for x in np.asarray([v for _, v in sentences], dtype=np.float32) @ q]
        return sims

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
            if info.taxa:  # the rows listing the species it names, whatever else it says (taxa.py)
                allowed = [d.doc_id for d in self.index.documents.values() if filters.allows(d)]
                rankings.append(rows_naming(self.index.documents, info.taxa, allowed))
                weights.append(1.0)
        recitals = asks_recitals(query)  # a question about the preamble: its recitals lifted and added (reasons.py)
        fused = prefer_named(rrf(rankings, self.settings.rrf_k, weights), self.index.documents, info.doc_ids,
                             info.conventions, self.settings.rrf_k, recitals)
        exact = self.lookup(query, filters, info)
        if recitals:  # an article the preamble is asked to recall is what it recalls, not the answer
            exact = [h for h in exact if h.kind == "preamble"]
        ranked = keep_leaders(ranking(fused), [r[0] for r in rankings if r])
        hits: list[Hit] = []
        seen = set()
        top = exact_score(fused, self.settings.rrf_k)
        for hit in _asked_first(exact, fused, query, without_instruments(query, self.index.documents)):
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
        return hits + self._clause_candidates(query, info, filters, {(h.doc_id, h.position) for h in hits}, recitals)

    def _clause_candidates(self, query: str, info: QueryInfo, filters: Filters, seen: set[ParagraphKey],
                           recitals: bool) -> list[Hit]:
        """The paragraphs of the named instruments that are the clause a question asks about, when it is one looked
        for in the whole document (clauses.py) and the searches missed them: the one-sentence "open for accession by
        regional economic integration organizations" shares no word with "Could the European Union become a Party?".
        Likewise their recitals, on a question about the preamble ("How do the opening recitals describe the
        relationship between people and nature?" against "the interdependence of man and his environment")."""
        clause = asked_clause(query)
        if (clause is None or not clause.whole_document) and not recitals:
            return []
        docs = self.index.documents
        named = set(info.doc_ids) | {d for d, doc in docs.items() if doc.conventions and doc.conventions[0] in
                                     info.conventions and doc.doc_type in TREATY_TYPES}
        return [paragraph_hit(docs[d], p.position, 0.0) for d in sorted(named) if filters.allows(docs[d])
                for p in docs[d].paragraphs
                if (d, p.position) not in seen and (recitals and p.kind == "preamble" or clause is not None
                                                    and clause.whole_document and clause.stated_in(p.lead_in, p.text))]

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
                          slots: int, mode: str | None = None,
                          sentence_sims: dict[ParagraphKey, list[float]] | None = None) -> list[Hit]:
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
            ordered = [h for h in hits if h.doc_id in own_ids] + [h for h in hits if h.doc_id not in own_ids]
            if hits and hits[0] is not ordered[0] and self._kindred(hits[0], own_ids) and \
                    hits[0].closest(sentence_sims) - max(h.closest(sentence_sims) for h in hits
                                                         if h.doc_id in own_ids) >= KIN_GAP:
                return [hits[0]] + [h for h in ordered if h is not hits[0]]
            return ordered
        if len(groups) < 2:
            return hits
        leaders: list[Hit] = []
        for doc_ids, group_filter in groups:
            substantive = [h for h in hits if h.doc_id in doc_ids and _substantive(h, info.taxa)]
            own = substantive or ([h for h in self.search(query, k=8, filters=group_filter, info=info, mode=mode)
                                   if _substantive(h, info.taxa)] if doc_ids else [])
            if own and all((own[0].doc_id, own[0].position) != (h.doc_id, h.position) for h in leaders):
                leaders.append(own[0])
        # each instrument covered, in the second stage's order (its rules included: a question on leaving a convention
        # and its protocol is led by the convention's clause that takes its Parties out of the protocols too), then
        # a paragraph found by a search of its instrument alone, by score
        order = {(h.doc_id, h.position): i for i, h in enumerate(hits)}
        leaders = sorted(leaders[:slots], key=lambda h: (order.get((h.doc_id, h.position), len(hits)), -h.score))
        keys = {(h.doc_id, h.position) for h in leaders}
        rest = [h for h in hits if (h.doc_id, h.position) not in keys]
        return leaders + rest

    def _kindred(self, hit: Hit, own_ids: set[str]) -> bool:
        """`hit` is of a document of the named instrument's own family: one of its own (its secretariat's letter) or
        of an instrument concluded under it (an MOU under CMS), not one that only mentions it."""
        docs = self.index.documents
        codes = {docs[d].conventions[0] for d in own_ids if docs[d].conventions}
        own = docs[hit.doc_id].conventions[:1]
        instrument = catalogue().by_code(own[0]) if own else None
        return bool(own) and (own[0] in codes or (instrument is not None and instrument.parent in codes))

    def definitions(self, query: str, filters: Filters, info: QueryInfo) -> list[Hit]:
        """"How does the CBD define in-situ conservation?" -> the paragraph reading '"In-situ conservation" means'."""
        if asks_definitions(query) and (clauses := definitions_clauses(self.index.documents, filters, info)):
            return clauses  # "Where does the CBD set out its definitions?": the clause that opens them
        term = defined_term(query)
        if term:
            return defining_paragraphs(term, self.index.documents, filters, info)
        for candidate in candidate_terms(query):
            found = defining_paragraphs(candidate, self.index.documents, filters, info)
            if found:
                return found
        return described(query, self.index.documents, filters, info)  # "What is UN-Oceans?": what the texts say it is

    def lookup(self, query: str, filters: Filters | None = None, info: QueryInfo | None = None) -> list[Hit]:
        """Paragraphs named by an explicit reference ("Article III of CITES", "B12 of the JWP", "Res 11.10 op 29");
        with none, the defining paragraph of a definition question."""
        filters = filters or Filters()
        info = info or analyse(query, self.index.documents, self.index.vocabulary)
        wanted = explicit_refs(query)
        if not wanted:
            # (where a species is listed asks no definition, though the term the conversation defined is carried:
            # "Is the White-headed Duck in that annex?" after how AEWA defines waterbirds)
            listing = bool(info.taxa) and ASKS_LISTING.search(query) is not None
            return annexed(query, self.index.documents, filters, info) or \
                ([] if listing else self.definitions(query, filters, info))
        found = referenced(query, wanted, self.index.documents, self.index.document_text, filters, info)
        if not found:  # a number naming the document, not a paragraph: "the World Coastal Forum ... Resolution 11.10"
            return described(query, self.index.documents, filters, info)
        # the paragraph a document is named after ("CMS Strategic Plan, Target 9") named in a question about
        # something else ("Is there any action plan cited under Target 9 that ...?") names the document
        asks_more = len(_content(without_instruments(query, self.index.documents))) >= _NAMING_CONTENT_WORDS
        docs = self.index.documents
        return [h for h in found if not (asks_more and named_after(docs[h.doc_id].citation_name, h.ref))]

    def missing_reference(self, query: str, info: QueryInfo) -> str | None:
        """What to say when the question names a locator its instrument does not have ("Article XXX of CITES"),
        asks how it defines a term its text never uses, or asks a numbered part of an agreement the index only
        mentions ("Target 12 of the Samarkand Strategic Plan")."""
        docs = self.index.documents
        return missing_reference(query, docs, info) or undefined_term(query, docs, info) or \
            unheld_part(query, known_instruments(docs.values()))

    # ----- the two stores -----------------------------------------------------------------------------------
    def _dense(self, query: str, filters: Filters) -> dict[ParagraphKey, float]:
        doc_ids = None  # no filter: the store searches everything (its fastest path)
        if filters != Filters():
            doc_ids = [d.doc_id for d in self.index.documents.values() if filters.allows(d)]
            if not doc_ids:
                return {}
        vector = self.query_vector(query)
        results = self.index.vectors.query(vector, self.settings.candidates, doc_ids)
        return best_per_paragraph(results, floor=-1.0)

    def _bm25(self, query: str, filters: Filters) -> dict[ParagraphKey, float]:
        allowed = {d.doc_id for d in self.index.documents.values() if filters.allows(d)}
        return best_per_paragraph(self.index.lexical.query(query, allowed), floor=0.0,
                                  limit=self.settings.candidates)


# words that only frame an explicit reference ("What does Article VI ... say about ...")
_FRAMING_WORDS = frozenset({"article", "paragraph", "para", "annex", "appendix", "say"})
_LOCATOR = re.compile(r"^(?:[ivxlc]+|\d+|[a-z])$")
_CONTENT_WORDS = 3  # a reference asked with at least this many other words asks about one of its paragraphs
# ... and one that is also the name of its document ("Target 9") with this many asks about something in the document
_NAMING_CONTENT_WORDS = _CONTENT_WORDS + 2


def _substantive(hit: Hit, taxa: list[str]) -> bool:
    """A paragraph that can speak for its instrument: six words at least, or a table's record, which says in two
    ("Appendix I: Pangasianodon gigas") where a species is listed, or one naming the species asked ("Dugongs (Dugong
    dugon)." of the shared species a work programme lists)."""
    return len(hit.text.split()) >= 6 or hit.kind == "table" or names_taxon(hit.text, taxa)


def _content(text: str) -> set[str]:
    """The words of a question beyond its references and the words that frame them."""
    return {t for t in terms(text) - _FRAMING_WORDS if not _LOCATOR.match(t)}


def _asked_first(exact: list[Hit], fused: dict[ParagraphKey, float], query: str, unnamed: str) -> list[Hit]:
    """A whole article named with a question about it ("What does Article VI say Range States must tell the
    Conference ahead of its meetings?") is answered by its paragraph on that, not by its first one: the
    article's paragraphs in the order the searches rank them. Named alone ("What does Article VI say?"), or
    as one paragraph with its items ("Art. VII(3)"), in the article's own order."""
    content = _content(unnamed)
    wanted = explicit_refs(query)
    whole = len(wanted) == 1 and len(wanted[0]) == 1  # "Article VIII", not "Art. VII(3)" nor a definition
    if len(exact) < 2 or not whole or len(content) < _CONTENT_WORDS:
        return exact
    order = {id(h): n for n, h in enumerate(exact)}
    return sorted(exact, key=lambda h: (-fused.get((h.doc_id, h.position), 0.0), order[id(h)]))
