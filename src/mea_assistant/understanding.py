"""The question as the pipeline reads it, decided once: the words typed, the standalone query a follow-up
becomes, the instruments and references it names, the kind of answer it wants, and the filters in force."""

from __future__ import annotations

from dataclasses import dataclass

from .answer_types import sought
from .queries import QueryInfo
from .types import Filters


@dataclass(frozen=True)
class Query:
    text: str  # as typed (cleaned)
    standalone: str  # what is searched: the question, or a follow-up with its carried context
    info: QueryInfo  # instruments named, acronyms expanded, the BM25 wording
    kind: str  # answer type: figure, yes_no, obligation, who, list, definition, comparison, explain
    polar: bool  # a yes/no question by its form
    filters: Filters
    dropped: int = 0  # earlier history turns left unread (hygiene.bound_request)
    history: tuple[dict[str, str], ...] = ()  # the turns read, cleaned and bounded (hygiene.bound_request)
    own: QueryInfo | None = None  # the question's own words read alone: what a follow-up names itself

    @property
    def sought(self) -> str:
        """The kind of paragraph the second stage ranks first (answer_types.sought); `kind` shapes the lead."""
        return sought(self.text, self.kind)
