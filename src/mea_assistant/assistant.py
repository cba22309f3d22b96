"""The one facade: CLI, chat UI, briefing notes and evaluation all call `Assistant`."""

from __future__ import annotations

import time
from typing import Callable, Sequence

from .abstention import asks_for_current_status, unsupported_terms
from .answering import compose, verify
from .conversation import rewrite
from .embedding import get_embedder
from .errors import InputError
from .index import Index, IngestReport, index_is_fresh, ingest
from .queries import analyse
from .retrieval import Retriever
from .settings import Settings
from .types import Answer, Filters, Hit


class Assistant:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self._index: Index | None = None
        self._retriever: Retriever | None = None

    # ----- index --------------------------------------------------------------------------------------------
    def ingest(self, progress: Callable[[str], None] | None = None) -> IngestReport:
        report = ingest(self.settings, lambda: get_embedder(self.settings.embed_model, self.settings.embed_backend,
                                                            bulk=True), progress)
        self._index, self._retriever = None, None
        return report

    def ensure_index(self, progress: Callable[[str], None] | None = None) -> IngestReport | None:
        """Build or update the index when it is missing or stale; None when it was already current."""
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

    def warm_up(self) -> None:
        """Load the model, Chroma and BM25 now, so the first question does not pay for it."""
        self.retriever.search("warm up", k=1)

    # ----- questions ----------------------------------------------------------------------------------------
    def search(self, query: str, k: int | None = None, conventions: Sequence[str] = (),
               doc_types: Sequence[str] = (), mode: str | None = None) -> list[Hit]:
        if not query.strip():
            raise InputError("the query is empty")
        return self.retriever.search(query, k=k, filters=Filters(tuple(conventions), tuple(doc_types)), mode=mode)

    def ask(self, question: str, history: Sequence[dict[str, str]] = (), conventions: Sequence[str] = (),
            doc_types: Sequence[str] = (), mode: str | None = None, k: int | None = None) -> Answer:
        started = time.perf_counter()
        question = (question or "").strip()
        if not question:
            raise InputError("the question is empty; type a question about the indexed agreements")
        if len(question) > self.settings.max_question_chars:
            raise InputError(f"the question has {len(question)} characters; the limit is "
                             f"{self.settings.max_question_chars} (MEA_MAX_QUESTION_CHARS): shorten it")
        named = analyse(question, self.index.documents, self.index.vocabulary)
        query = rewrite(question, history, names_instrument=bool(named.doc_ids or named.conventions))
        info = named if query == question else analyse(query, self.index.documents, self.index.vocabulary)
        filters = Filters(tuple(conventions), tuple(doc_types))
        hits = self.retriever.search(query, k=max(k or 10, 10), filters=filters, mode=mode, info=info)
        if not any(h.exact for h in hits):
            hits = self.retriever.cover_instruments(query, hits, filters, info, self.settings.max_citations, mode)
        self.retriever.ensure_dense(query, hits[: self.settings.max_citations + 1])
        answer = compose(question, query, hits, self.settings.max_citations,
                         abstain=self.should_abstain(question, query, hits))
        answer = verify(answer)
        answer.latency_ms = (time.perf_counter() - started) * 1000
        return answer

    def should_abstain(self, question: str, query: str, hits: list[Hit]) -> bool:
        """Abstain when the top paragraphs are not about the question (see abstention.py for the two signals)."""
        if not hits:
            return True
        if any(h.exact for h in hits):
            return False
        if asks_for_current_status(question):
            return True
        relevance = max(h.dense for h in hits[:3])
        if relevance < self.settings.abstain_threshold:
            return True
        return bool(unsupported_terms(question, hits[:5], self.index.document_text))
