"""Question -> ranked paragraphs. `Retriever` composes fusion (rrf, keep_leaders), explicit references
(lookup) and definitions; a second-stage ranker would sit here too."""

from __future__ import annotations

from ..types import Filters
from .fusion import keep_leaders, rrf
from .retriever import MODES, Retriever

__all__ = ["MODES", "Filters", "Retriever", "keep_leaders", "rrf"]
