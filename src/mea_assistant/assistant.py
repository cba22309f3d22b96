"""The one facade: CLI, chat UI, briefing notes and evaluation all call `Assistant`."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import TYPE_CHECKING, Callable, Sequence

from .abstention import held_instruments, outside_vocabulary, title_kinds, unheld_and_unmentioned, unsupported_terms
from .acronyms import HEAD
from .answer_types import classify, is_polar
from .asked_refs import named_annex
from .asks import asks
from .composing import Request, compose, verify
from .conversation import rewrite
from .drilldown import catch_all_first, counterpart_first, further_first, named_item_first, near_first
from .embedding import get_embedder
from .force import TREATY_TYPES
from .errors import InputError
from .hygiene import bound_request, dropped_note
from .index import Index
from .queries import QueryInfo, analyse, expand_acronyms, glossed, instrument_spans
from .retrieval import Retriever
from .retrieval.clauses import is_asked_clause
from .retrieval.listings import own_row_first
from .retrieval.reasons import asks_recitals
from .retrieval.rerank import quotes_used
from .sentences import asked_part
from .settings import Settings
from .speakers import decided_documents, source_documents, speaker_documents
from .taxa import lists_taxon, named_species, rare_names, species_in
from .types import Answer, Filters, Hit, ParagraphKey
from .understanding import Query
from .unstated import asks_for_current_status, measure_unstated

if TYPE_CHECKING:
    from .ingest import IngestReport

CANDIDATES = 30  # first-stage paragraphs the second stage reorders
NAMED_EASE = 0.08  # abstention bar lowered by this when the best paragraph is of the instrument the question names
EVIDENCE = 5  # the top paragraphs whose documents must hold a question's specific terms (abstention signal 2)
COMPARE_EASE = 0.05  # lowered further for a comparison of two instruments the question names
CLEAR = 0.1  # relevance this far above the abstention bar is plainly on the question
ROW_DEPTH = 5  # how far down a named instrument's listing row of the species a question names is looked for


class Assistant:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self._index: Index | None = None
        self._retriever: Retriever | None = None

    # ----- index --------------------------------------------------------------------------------------------
    def ingest(self, progress: Callable[[str], None] | None = None) -> IngestReport:
        from .ingest import ingest

        report = ingest(self.settings, lambda: get_embedder(self.settings.embed_model, self.settings.embed_backend,
                                                            bulk=True), progress)
        self._index, self._retriever = None, None
        return report

    def ensure_index(self, progress: Callable[[str], None] | None = None) -> IngestReport | None:
        """Build or update the index when it is missing or stale; None when it was already current."""
        from .ingest import index_is_fresh

        if index_is_fresh(self.settings):
            return None
        return self.ingest(progress)

    @property
    def index(self) -> Index:
        if self._index is None:
            self._index = Index(self.settings)
        return self._index

    @property
    def retriever(self) -> Retriever:
        if self._retriever is None:
            self._retriever = Retriever(self.index, get_embedder(self.settings.embed_model, self.settings.embed_backend),
                                        self.settings)
        return self._retriever

    def load(self) -> None:
        """Open what a question needs, side by side where the work leaves the GIL: ONNX Runtime builds the
        model's session (native code) while chromadb is imported, and Chroma loads its segments (Rust) while
        BM25 loads. One after the other, the same steps took half a second longer on a cold `ask`."""
        import numpy  # noqa: F401 - imported once here: a first import of numpy in two threads at once can fail

        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="mea-model") as pool:
            model = pool.submit(get_embedder, self.settings.embed_model, self.settings.embed_backend)
            index = self.index
            index.vectors.prefetch()
            index.sentences.prefetch()
            index.lexical  # noqa: B018 - opens BM25
            model.result()
        self.retriever  # noqa: B018

    def warm_up(self) -> None:
        """Load the model, Chroma and BM25 now, and run one search, so the first question does not pay for it."""
        self.load()
        self.retriever.search("warm up", k=1)

    # ----- questions ----------------------------------------------------------------------------------------
    def search(self, query: str, k: int | None = None, conventions: Sequence[str] = (),
               doc_types: Sequence[str] = (), mode: str | None = None) -> list[Hit]:
        if not query.strip():
            raise InputError("the query is empty")
        return self.retriever.search(query, k=k, filters=Filters(tuple(conventions), tuple(doc_types)), mode=mode)

    def ask(self, question: str, history: Sequence[dict[str, str]] = (), conventions: Sequence[str] = (),
            doc_types: Sequence[str] = (), mode: str | None = None, k: int | None = None) -> Answer:
        """understand (once) -> retrieve (two stages) -> compose (lead first) -> verify; nothing calls back up."""
        started = time.perf_counter()
        query = self.understand(question, history, conventions, doc_types)
        hits = self.retriever.search(query.standalone, k=max(k or 0, CANDIDATES), filters=query.filters, mode=mode,
                                     info=query.info)
        hits, sentence_sims = self.retriever.second_stage(query.info, hits, query.sought)
        hits = self.retriever.exceptions_first(query.info, hits, sentence_sims, query.polar)
        followup = query.standalone != query.text
        further = None  # the paragraph the last answer did not quote, moved up for a follow-up
        if followup and not self._switches_instrument(query):  # what the last answer already quoted does not
            # answer the next question (unless the question turns to another instrument, which it did not quote)
            first, hits = hits[:1], further_first(hits, query.text, query.history)
            if query.polar:
                hits = named_item_first(hits, query.text)
            further = hits[0] if hits and hits[:1] != first else None
        if followup and not asks_recitals(query.text):  # a follow-up on the preamble asks for recitals, not neighbours
            own = replace(query.info, expanded=(query.own or query.info).expanded)  # the follow-up's own words
            named_here = self.retriever.named_documents(query.own or query.info)
            hits = near_first(hits, query.text, query.history, self.index.documents, named_here,
                              lambda near: self.retriever.similarities(own, near))
            hits = counterpart_first(hits, query.text, query.history, self.index.documents, named_here,
                                     lambda text, found: self.retriever.similarities(replace(own, expanded=text), found))
        # a follow-up on a species' row asks about it, not about the neighbouring row the follow-up's reordering lifted
        hits = own_row_first(hits, query.info.taxa, query.standalone)
        hits = catch_all_first(hits, query.text, lambda hit: self.retriever.family(hit)[1])
        if not any(h.exact for h in hits):
            hits = self.retriever.cover_instruments(query.standalone, hits, query.filters, query.info,
                                                    self.settings.max_citations, mode, sentence_sims)
        speaker = speaker_documents(query.text, self.index.documents)
        # "does Res. 11.10 say anything about ...", "... according to the CITES Secretariat's response": its own
        # paragraphs first
        source = speaker or source_documents(query.text, self.index.documents)
        if not source:  # "what has the CMS COP said about it?": the best paragraph of its resolutions leads
            hits, sentence_sims = self._decided_first(query, hits, sentence_sims, mode)
        if source:
            hits = [h for h in hits if h.doc_id in source] + [h for h in hits if h.doc_id not in source]
        note = None if any(h.exact for h in hits) else self.retriever.missing_reference(query.standalone, query.info)
        relevance = max(self.relevance(hits, sentence_sims), self._asked_relevance(query, hits))
        instruments = self.retriever.instrument_groups(query.info)
        # a follow-up naming an instrument by its code ("And for CITES?") asks about that instrument's documents
        named = query.info.doc_ids or ([d for group in instruments for d in group] if followup else [])
        # the treaty a named convention stands for ("quit CITES": the CITES Convention) earns the same lower bar
        treaties = [g[0] for g in instruments if self.index.documents[g[0]].doc_type in TREATY_TYPES]
        abstain = bool(note) or self.should_abstain(query.text, hits, relevance, named, query.info.taxa, treaties,
                                                    query.kind)
        single = not followup and query.kind != "comparison" and len(instruments) <= 1
        answers = self._answer_each_ask(query, hits, mode) if single and not (abstain or speaker) else []
        known = {(h.doc_id, h.position) for h in hits}
        hits = hits + [a for a in answers if (a.doc_id, a.position) not in known]
        # the listing row of the species asked about answers whether it is listed, however few of the question's
        # words it shares
        listing_first = bool(hits) and hits[0].kind == "table" and lists_taxon(hits[0], query.info.taxa)
        request = Request(question=query.text, query=query.standalone, kind=query.kind, polar=query.polar,
                          taxa=tuple(query.info.taxa), glossed=" ".join(glossed(query.standalone)),
                          instruments=instruments, sentence_scores=sentence_sims,
                          relevant=listing_first or relevance >= self.settings.abstain_threshold + CLEAR
                          - self._ease(hits, named, treaties),
                          mentions=bool(speaker),
                          asks=[(h.doc_id, h.position) for h in answers],
                          clause_first=bool(hits) and (is_asked_clause(hits[0], query.text) or hits[0] is further))
        answer = verify(compose(request, hits, abstain, family=self.retriever.family, note=note or ""))
        if query.dropped:
            answer.history_dropped, answer.note = query.dropped, dropped_note(query.dropped)
        answer.latency_ms = (time.perf_counter() - started) * 1000
        return answer

    def _ranked(self, text: str, info: QueryInfo, filters: Filters, kind: str, mode: str | None
                ) -> tuple[list[Hit], dict[ParagraphKey, list[float]]]:
        """Both stages of the search for one text on its own (an ask of a question, a question within some
        documents): the candidates, reranked, and their sentence similarities."""
        found = self.retriever.search(text, k=CANDIDATES, filters=filters, mode=mode, info=info)
        return self.retriever.second_stage(info, found, kind)

    def _decided_first(self, query: Query, hits: list[Hit], sims: dict[ParagraphKey, list[float]], mode: str | None
                       ) -> tuple[list[Hit], dict[ParagraphKey, list[float]]]:
        """A question on what a convention's meetings said ("Has the CMS side said anything about that in its own
        decisions?") is answered by its resolutions and decisions: their best paragraph, searched among them alone,
        leads when none of the first three is theirs."""
        decided = decided_documents(query.text, self.index.documents)
        if not decided or any(h.doc_id in decided for h in hits[:3]):
            return hits, sims
        found, more = self._ranked(query.standalone, replace(query.info, doc_ids=decided),
                                   query.filters.narrowed(doc_ids=tuple(decided)), query.sought, mode)
        if not found:
            return hits, sims
        key = (found[0].doc_id, found[0].position)
        return [found[0]] + [h for h in hits if (h.doc_id, h.position) != key], {**sims, **more}

    def _answer_each_ask(self, query: Query, hits: list[Hit], mode: str | None) -> list[Hit]:
        """The best paragraph for each ask of a question asked on its own that asks two things (asks.py), in the
        asks' order; each ask is searched in the instruments the whole question names, and its paragraph kept
        when it is of the instrument the answer leads with or of one the question names. None when a paragraph
        the question cites by its ref answers it."""
        if not hits or any(h.exact for h in hits):
            return []
        leading = {hits[0].doc_id, *query.info.doc_ids}
        best: list[Hit] = []
        for part in asks(query.standalone):
            own = analyse(part, self.index.documents, self.index.vocabulary)
            info = replace(own, conventions=own.conventions or query.info.conventions,
                           doc_ids=own.doc_ids or query.info.doc_ids)
            found, _ = self._ranked(part, info, query.filters, classify(part), mode)
            if found and all((found[0].doc_id, found[0].position) != (h.doc_id, h.position) for h in best):
                best.append(found[0])
        return [h for h in best if h.doc_id in leading] if len(best) >= 2 else []

    def understand(self, question: str, history: Sequence[dict[str, str]] = (), conventions: Sequence[str] = (),
                   doc_types: Sequence[str] = ()) -> Query:
        """The question read once: cleaned, made standalone from the history, its instruments and kind."""
        bounded = bound_request(question, history, self.settings)  # cleaned question, bounded history
        question, history = bounded.question, bounded.history
        docs, vocab = self.index.documents, self.index.vocabulary
        named = analyse(question, docs, vocab)
        standalone = rewrite(question, history, names_instrument=bool(named.doc_ids or named.conventions),
                             instrument_spans=lambda text: instrument_spans(text, docs),
                             species=lambda text: species_in(text, docs))
        earlier = " ".join(t.get("content", "") for t in history if t.get("role") == "user")[-2000:]
        info = named if standalone == question else analyse(standalone, docs, vocab, context=earlier)
        kind = classify(question, history, lambda: len(self.retriever.instrument_groups(named)))  # "both X and Y"
        return Query(text=question, standalone=standalone, info=info, kind=kind,
                     polar=is_polar(question), filters=Filters(tuple(conventions), tuple(doc_types)),
                     dropped=bounded.dropped, history=tuple(history), own=named)

    def _switches_instrument(self, query: Query) -> bool:
        """The turn names an instrument the turn before it did not ("Does the sharks memorandum use the same
        definition?" after one on the Bonn Convention): the last answer's words are no sign its paragraphs were told."""
        if query.own is None or not (query.own.doc_ids or query.own.conventions):
            return False
        users = [t.get("content", "") for t in query.history if t.get("role") == "user"]
        before = analyse(users[-1], self.index.documents, self.index.vocabulary) if users else None
        told = set(self.retriever.named_documents(before)) if before else set()
        return bool(set(self.retriever.named_documents(query.own)) - told)

    @property
    def _held(self) -> frozenset[str]:
        """The agreements the index holds (abstention signal 4); a set of codes, cheap to build per question."""
        return held_instruments(self.index.documents.values())

    @staticmethod
    def relevance(hits: list[Hit], sentence_sims: dict[tuple[str, int], list[float]]) -> float:
        """How close the best of the top three paragraphs is to the question: its best chunk or, when one
        sentence says it more plainly than the whole paragraph, that sentence (cosine similarity)."""
        return max((max([h.dense, *sentence_sims.get((h.doc_id, h.position), [])]) for h in hits[:3]), default=0.0)

    def _asked_relevance(self, query: Query, hits: list[Hit]) -> float:
        """How close the top paragraphs are to what a delegate's account goes on to ask ("... The minister wants to
        know whether we can opt out of that listing"): the account around it dilutes the whole question's vector."""
        asked = asked_part(query.text)
        if asked == query.text or query.standalone != query.text:
            return 0.0
        info = replace(query.info, expanded=expand_acronyms(asked, self.index.vocabulary))
        return self.relevance(hits, self.retriever.similarities(info, hits[:3]))

    @staticmethod
    def _ease(hits: list[Hit], named: Sequence[str], treaties: Sequence[str]) -> float:
        """How much lower the bar is when the best paragraph is of the instrument the question names."""
        return NAMED_EASE if hits and hits[0].doc_id in (*named, *treaties) else 0.0

    def _spoken(self, question: str) -> set[str]:
        """The words of the species' English names the question uses ("parrot"), which the texts print in Latin."""
        return {w for name, _ in named_species(question, self.index.documents) for w in name.split()}

    def should_abstain(self, question: str, hits: list[Hit], relevance: float, named: Sequence[str] = (),
                       taxa: Sequence[str] = (), treaties: Sequence[str] = (), kind: str = "") -> bool:
        """Abstain when the top paragraphs are not about the question (see abstention.py for the signals)."""
        if not hits:
            return True
        # a paragraph the question names is its answer; an annex it names as a whole holds what the question asks
        # about ("Which species were added to Annex 1 ... at MOS3 in 2018?"), so the other signals still read it
        if any(h.exact for h in hits) and not named_annex(question):
            return False
        if asks_for_current_status(question) or measure_unstated(question, hits):
            return True
        if unheld_and_unmentioned(question, hits, self._held, lambda doc_id: self.index.document_text(doc_id)[:HEAD],
                                  names_held=bool(named or treaties)):
            return True
        # A question about the instrument it names, answered first from that instrument, may word it its own way
        # ("who pays for running ICCAT" for "each Contracting Party shall contribute annually"): a lower bar.
        bar = self.settings.abstain_threshold - self._ease(hits, named, treaties)
        if kind == "comparison" and len({*named, *treaties}) >= 2:
            bar -= COMPARE_EASE  # one question on two instruments is close to neither one's paragraphs alone
        # A listing row that holds the Latin name of the species the question names in English ("the Dalmatian
        # pelican": "Pelecanus crispus") is about it, however far its few words are from the question's: when it leads
        # or is of the instrument the question names. Not one found below another subject's paragraphs ("noise
        # limits near whale and dolphin habitats" finds the Cetacea row second): the bar then holds.
        # Of the named instrument, a row a little further down counts too: its paragraphs on the rule the question
        # asks (a permit, hybrids) rank above the species' own row ("Japanese yew hybrids ... CITES paperwork").
        rows = [i for i, h in enumerate(hits[:ROW_DEPTH]) if lists_taxon(h, taxa)
                and (i < 3 or h.doc_id in {*named, *treaties})]
        if not rows and relevance < bar:
            # so is a paragraph printing a name few others do ("Why is the order Pinnipedia not in CMS Appendix I?")
            rare = rare_names(question, self.index.documents, taxa)
            rows = [i for i, h in enumerate(hits[:3]) if rare and lists_taxon(h, rare)]
        spoken = self._spoken(question)
        # Words no text uses ("sulphur dioxide ceilings", "seismic surveys near whales") name another subject, unless
        # a paragraph is plainly on it.
        outside = relevance < bar + CLEAR and outside_vocabulary(question, self.index.vocabulary, spoken,
                                                                 names_instrument=bool(named or treaties))
        if rows and (rows[0] == 0 or hits[rows[0]].doc_id in {*named, *treaties} or relevance >= bar):
            # a question on the species under the instrument it names asks in its own words ("coco de mer nuts,
            # polished shells ...: CITES rules"); one naming none that speaks of what no text does asks of another
            # subject ("seismic surveys near whales")
            unsupported = unsupported_terms(question, hits[:EVIDENCE], self.index.document_text, named)
            return (outside and not (named or treaties)) or \
                any(w.lower() not in spoken for term in unsupported for w in term.split())
        if hits[0].doc_id in (*named, *treaties) and quotes_used(hits[0], question):
            relevance = max(relevance, bar)  # the paragraph of the named instrument using the words it quotes
        if relevance < bar or outside:
            return True
        docs = self.index.documents
        kinds = title_kinds([docs[d].title for d in named if d in docs])
        # a comparison's second instrument, named in words no title matches ("the 1991 plant variety convention"),
        # may be found only below the first one's paragraphs: its words are looked for in every candidate's document
        evidence = hits if kind == "comparison" else hits[:EVIDENCE]
        return bool(unsupported_terms(question, evidence, self.index.document_text, named, kinds))
