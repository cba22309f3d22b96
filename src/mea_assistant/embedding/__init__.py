"""Texts -> unit vectors with the packaged MiniLM model, on either of two backends that give the same vectors.

- `onnx`: ONNX Runtime + the `tokenizers` library on an ONNX file exported from the packaged weights
  (export.py). No PyTorch import, so a cold `ask` or app start does not spend seconds loading it.
- `torch`: sentence-transformers, the reference the ONNX file is checked against.
- `auto` (the default, MEA_EMBED_BACKEND): `onnx` for questions; for bulk embedding (ingest) BULK_AUTO, the
  one measured faster on the project's 2-core machine (benchmarks/bench_ingest.py; figures in the README).

Vectors of the two agree to cosine >= 0.9999, so an index built by one is searched with the other; the
manifest records which one embedded it. Where vectors are stored is not this package's business: it returns
plain lists of floats.
"""

from __future__ import annotations

import logging
import os
from functools import lru_cache

from ..errors import MeaError
from .base import Embedder, read_recipe

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

BACKENDS = ("auto", "onnx", "torch")
BULK_AUTO = "onnx"  # ingest's backend under `auto`: fused ONNX measured faster than PyTorch here (README)
log = logging.getLogger(__name__)


def resolve(backend: str, bulk: bool = False) -> str:
    """`auto` -> the concrete backend for this use; `onnx` / `torch` as asked."""
    if backend not in BACKENDS:
        raise MeaError(f"unknown embedding backend {backend!r}; use one of {', '.join(BACKENDS)} (MEA_EMBED_BACKEND)")
    if backend == "auto":
        return BULK_AUTO if bulk else "onnx"
    return backend


def get_embedder(model_path: str, backend: str = "auto", bulk: bool = False) -> Embedder:
    """One model per process and backend: loading costs seconds (torch) or a fraction of one (onnx), embedding
    a query milliseconds.

    Under `auto`, a model the ONNX backend cannot reproduce (no tokenizer.json, pooling other than mean) or an
    export that fails falls back to PyTorch with a warning; asked for explicitly, `onnx` fails with one line.
    A bulk embedder also prepares the query path's ONNX file, so the first question after an ingest is fast.
    """
    concrete = resolve(backend, bulk)
    if concrete == "torch":
        embedder = _load(model_path, "torch")
        if bulk and backend == "auto":
            _prepare_onnx_quietly(model_path)
        return embedder
    try:
        return _load(model_path, "onnx")
    except MeaError as exc:
        if backend != "auto":
            raise
        log.warning("embedding with PyTorch: %s", exc)
        return _load(model_path, "torch")


@lru_cache(maxsize=4)
def _load(model_path: str, backend: str) -> Embedder:
    if backend == "torch":
        from .torch_backend import TorchEmbedder

        return TorchEmbedder(model_path)
    from .export import VARIANT, ensure_onnx
    from .onnx_backend import OnnxEmbedder

    recipe = read_recipe(model_path)
    reason = recipe.onnx_ready
    if reason:
        raise MeaError(f"the ONNX backend cannot reproduce this model: {reason}; set MEA_EMBED_BACKEND=torch")
    return OnnxEmbedder(recipe, ensure_onnx(recipe), VARIANT)


def _prepare_onnx_quietly(model_path: str) -> None:
    try:
        recipe = read_recipe(model_path)
        if not recipe.onnx_ready:
            from .export import ensure_onnx

            ensure_onnx(recipe)
    except MeaError as exc:
        log.warning("questions will be embedded with PyTorch: %s", exc)


__all__ = ["BACKENDS", "BULK_AUTO", "Embedder", "get_embedder", "resolve"]
