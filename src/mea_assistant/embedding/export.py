"""The ONNX file of the packaged model: made here from its own weights, once, and cached; never downloaded.

Making it needs PyTorch (torch.onnx.export) and the `onnx` package (ONNX Runtime's transformer optimizer), both
dependencies, so it works offline wherever `make install` did. It happens on first use, in whichever process
first needs it (normally the first ingest, which has the torch model loaded anyway; see `get_embedder`), and
takes ~10 s. The file lands in the user's cache folder, keyed by the weights file's size and modification
time, so reinstalling or changing the model makes a new one. Steps:
1. export the encoder (eager attention, the pattern ONNX Runtime's optimizer recognises) with dynamic batch
   and sequence axes;
2. fuse it with ONNX Runtime's transformer optimizer (one Attention node per layer, SkipLayerNorm, BiasGelu,
   EmbedLayerNorm): measured ~1.4x the speed of the plain export on this machine (see the README);
3. check the result against sentence-transformers on probe texts (cosine >= CHECK_COSINE), and only then
   move it into the cache (a rename, so a crash or a concurrent process never leaves half a file).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from ..errors import MeaError
from .base import ModelRecipe

EXPORT_VERSION = 1  # bump when the steps below change what is written
VARIANT = "fused-fp32"
CHECK_COSINE = 0.9999
# Texts of the kinds the index holds: a question, a heading, a numbered paragraph, and one longer than the
# model's 256-token limit (so truncation is checked too).
PROBES = (
    "How long is a CITES export permit valid?",
    "Article III. Regulation of Trade in Specimens of Species included in Appendix I",
    "31. Requests the Secretariat to strengthen synergies with the Ramsar Convention on Wetlands, including "
    "joint work plans, capacity-building for national focal points and harmonised reporting.",
    " ".join(["The Parties shall take measures to conserve migratory species and their habitats."] * 40),
)


def cache_root() -> Path:
    """$XDG_CACHE_HOME/mea-assistant (~/.cache/mea-assistant), or the temp folder where that is not writable."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "mea-assistant"
    try:
        base.mkdir(parents=True, exist_ok=True)
        if os.access(base, os.W_OK):
            return base
    except OSError:
        pass
    return Path(tempfile.gettempdir()) / "mea-assistant-cache"


def cached_path(recipe: ModelRecipe) -> Path:
    """Where the ONNX file of this model's weights lives (it may not exist yet)."""
    assert recipe.weights is not None
    stat = recipe.weights.stat()
    key = hashlib.sha1(f"{EXPORT_VERSION}|{VARIANT}|{recipe.weights.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
                       .encode()).hexdigest()[:16]
    name = f"{recipe.path.parent.name}-{recipe.path.name}" if recipe.path.name == "model" else recipe.path.name
    return cache_root() / "onnx" / f"{name}-{key}" / "model.onnx"


def ensure_onnx(recipe: ModelRecipe) -> Path:
    """The cached ONNX file, exported now if it is missing. MeaError (one line) when that cannot be done."""
    target = cached_path(recipe)
    if target.is_file():
        return target
    target.parent.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".export-", dir=target.parent.parent))
    try:
        print(f"preparing the ONNX embedding model (once; cached in {target.parent})", file=sys.stderr, flush=True)
        started = time.perf_counter()
        fused = _export(recipe, work)
        cosine = _check(recipe, fused)
        (work / "export.json").write_text(json.dumps({
            "variant": VARIANT, "export_version": EXPORT_VERSION, "weights": str(recipe.weights),
            "min_cosine_vs_sentence_transformers": round(cosine, 6), "seconds": round(time.perf_counter() - started, 1),
            "made_at": time.strftime("%Y-%m-%dT%H:%M:%S")}, indent=1))
        fused.rename(work / "model.onnx")
        for leftover in work.glob("*.onnx*"):
            if leftover.name != "model.onnx":
                leftover.unlink()
        work.chmod(0o755)  # mkdtemp makes it private; the cache is readable like any other
        try:
            os.rename(work, target.parent)  # atomic; fails if another process got there first, which is fine
        except OSError:
            if not target.is_file():
                raise
    except MeaError:
        raise
    except (ImportError, OSError, RuntimeError, ValueError) as exc:
        raise MeaError(f"cannot prepare the ONNX embedding model in {target.parent} ({type(exc).__name__}: "
                       f"{str(exc)[:200]}); set MEA_EMBED_BACKEND=torch to embed with PyTorch instead") from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def _export(recipe: ModelRecipe, work: Path) -> Path:
    """Steps 1 and 2: the plain export, then the fused graph (or the plain one if nothing could be fused)."""
    import torch
    from transformers import AutoConfig, AutoModel

    config = AutoConfig.from_pretrained(str(recipe.path), local_files_only=True)
    model = AutoModel.from_pretrained(str(recipe.path), local_files_only=True, attn_implementation="eager").eval()

    class Encoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
            return self.model(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    names = ["input_ids", "attention_mask", "token_type_ids"]
    dummy = tuple(torch.ones(2, 16, dtype=torch.long) if n != "token_type_ids" else torch.zeros(2, 16, dtype=torch.long)
                  for n in names)
    plain = work / "plain.onnx"
    import warnings

    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # tracer warnings about Python booleans in the attention-mask code
        torch.onnx.export(Encoder(), dummy, str(plain), input_names=names, output_names=["last_hidden_state"],
                          dynamic_axes={n: {0: "batch", 1: "sequence"} for n in names + ["last_hidden_state"]},
                          opset_version=17, dynamo=False)
    if getattr(config, "model_type", "") != "bert":
        return plain  # the optimizer's fusions are written per architecture; the plain graph is still exact
    from onnxruntime.transformers.optimizer import optimize_model

    optimized = optimize_model(str(plain), model_type="bert", num_heads=int(config.num_attention_heads),
                               hidden_size=int(config.hidden_size), opt_level=0)
    fused = work / "fused.onnx"
    optimized.save_model_to_file(str(fused))
    return fused


def _check(recipe: ModelRecipe, onnx_file: Path) -> float:
    """Step 3: the lowest cosine between this file's vectors and sentence-transformers' on the probe texts."""
    import numpy as np

    from .onnx_backend import OnnxEmbedder
    from .torch_backend import TorchEmbedder

    ours = np.array(OnnxEmbedder(recipe, onnx_file, VARIANT).embed(list(PROBES)))
    reference = np.array(TorchEmbedder(str(recipe.path)).embed(list(PROBES)))
    cosine = float((ours * reference).sum(axis=1).min())
    if cosine < CHECK_COSINE:
        raise MeaError(f"the ONNX export of {recipe.path} disagrees with sentence-transformers (cosine {cosine:.5f} "
                       f"< {CHECK_COSINE}); set MEA_EMBED_BACKEND=torch")
    return cosine
