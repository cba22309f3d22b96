"""The reference backend: sentence-transformers on PyTorch. Importing it costs seconds, so only ingest (when it
is the faster one) and `MEA_EMBED_BACKEND=torch` load it; the ONNX backend is checked against it."""

from __future__ import annotations

import threading
from typing import Sequence

from .base import model_dir


class TorchEmbedder:
    """Wraps SentenceTransformer; counts calls so tests and the ingest summary can prove what was (re)embedded."""

    name = "torch"

    def __init__(self, model_path: str) -> None:
        path = model_dir(model_path)
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        self.texts_embedded = 0
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str], batch_size: int = 32, show_progress: bool = False) -> list[list[float]]:
        if not texts:
            return []
        with self._lock:  # the model is not safe to call from several threads at once
            vectors = self.model.encode(list(texts), batch_size=batch_size, normalize_embeddings=True,
                                        show_progress_bar=show_progress, convert_to_numpy=True)
            self.texts_embedded += len(texts)
        return vectors.tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed([text])[0]
