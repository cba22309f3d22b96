"""The fast backend: the same model exported to ONNX, run by ONNX Runtime, tokenized by the `tokenizers` library.

Neither import pulls in PyTorch, so a cold `mea-assistant ask` loads in well under a second what took seconds on
sentence-transformers. The recipe is sentence-transformers' own for this model, reproduced step by step so the
vectors agree with it (cosine >= 0.9999, checked when the model is exported and by the tests):
- tokenize with the model's tokenizer.json, truncated at the model's max_seq_length (256 for MiniLM: the
  tokenizer.json's own 128-token truncation and fixed padding are what sentence-transformers overrides);
- run the encoder; average the token vectors over the attention mask (mean pooling); scale to unit length.
Texts are sorted by token count and batched by a token budget, so a batch pads to lengths close to its own: a
corpus mixes one-line sentences with 200-token paragraphs, and padding everything to the longest wastes most of
the work.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from .base import ModelRecipe

MAX_BATCH_TOKENS = 1024  # padded tokens per run: e.g. 4 texts of 256 tokens, or 32 of 32


def _batches(order: list[int], lengths: list[int], max_rows: int) -> list[list[int]]:
    """Consecutive runs of `order` (sorted by length) holding at most MAX_BATCH_TOKENS padded tokens and
    `max_rows` texts: long texts go a few at a time, one-line sentences many at a time.

    A small budget matters when a caller hands over texts in no particular order a few dozen at a time (ingest
    does, by content hash): sorted within the call, each small batch still pads to a length near its own.
    Measured on 1,500 corpus texts in ingest's order, 64 per call: 70 CPU-s with batches of 32 rows, 41 with
    this budget (46 with 2,048, 52 with 4,096); sorted all at once, 30-32 s whatever the batching."""
    batches: list[list[int]] = []
    current: list[int] = []
    for i in order:
        if current and (len(current) >= max_rows or (len(current) + 1) * lengths[i] > MAX_BATCH_TOKENS):
            batches.append(current)
            current = []
        current.append(i)
    if current:
        batches.append(current)
    return batches


def _threads() -> int:
    """All cores, at most 4: ONNX Runtime's default spins one thread per core and keeps them busy-waiting."""
    return max(1, min(4, os.cpu_count() or 1))


class OnnxEmbedder:
    """Texts -> unit vectors through an ONNX file made from the packaged weights (see export.py)."""

    def __init__(self, recipe: ModelRecipe, onnx_file: Path, variant: str) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.name = f"onnx-{variant}"
        self.texts_embedded = 0
        self._count_lock = threading.Lock()
        tokenizer = Tokenizer.from_file(str(recipe.path / "tokenizer.json"))
        tokenizer.no_padding()  # each batch is padded here, to its own longest text
        tokenizer.enable_truncation(max_length=recipe.max_tokens)
        self._tokenizer = tokenizer
        options = ort.SessionOptions()
        options.intra_op_num_threads = _threads()
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # warnings about unused initializers are not the user's business
        self._session = ort.InferenceSession(str(onnx_file), options, providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self._session.get_inputs()}

    def embed(self, texts: Sequence[str], batch_size: int = 32, show_progress: bool = False) -> list[list[float]]:
        if not texts:
            return []
        encodings = self._tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        out = np.empty((len(texts), 0), dtype=np.float32)
        for part in _batches(order, [len(e.ids) for e in encodings], batch_size):
            vectors = self._run([encodings[i].ids for i in part])
            if out.shape[1] == 0:
                out = np.empty((len(texts), vectors.shape[1]), dtype=np.float32)
            out[part] = vectors
        with self._count_lock:
            self.texts_embedded += len(texts)
        return out.tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed([text])[0]

    def _run(self, token_ids: list[list[int]]) -> np.ndarray[Any, np.dtype[np.float32]]:
        """One padded batch -> its unit vectors (ONNX Runtime's `run` is safe to call from several threads)."""
        width = max(len(ids) for ids in token_ids)
        ids = np.zeros((len(token_ids), width), dtype=np.int64)  # pad id 0 ([PAD]); masked out below anyway
        mask = np.zeros((len(token_ids), width), dtype=np.int64)
        for row, seq in enumerate(token_ids):
            ids[row, :len(seq)] = seq
            mask[row, :len(seq)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
