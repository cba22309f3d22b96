"""The two embedding backends: the same vectors on corpus texts, no PyTorch on the question path, the backend
recorded in the manifest, and one clear line for a model the ONNX backend cannot reproduce."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from conftest import ROOT
from mea_assistant.chunking import chunk_document, sentence_chunks
from mea_assistant.embedding import get_embedder, resolve
from mea_assistant.embedding.base import read_recipe
from mea_assistant.errors import MeaError
from mea_assistant.index import read_manifest
from mea_assistant.settings import Settings

HEAVY = ("torch", "sentence_transformers", "transformers", "llama_index.core")  # seconds each on a cold start


@pytest.mark.slow
def test_onnx_and_torch_give_the_same_vectors_on_corpus_texts(corpus_docs):
    settings = Settings()
    texts = [c.embed_text for d in corpus_docs.values() for c in chunk_document(d, 200, 40)]
    texts += [c.embed_text for d in corpus_docs.values() for c in sentence_chunks(d)]
    sample = random.Random(14).sample(sorted(set(texts)), 300)
    sample.append(" ".join(sample[:12]))  # longer than the model's 256 tokens: both must truncate alike
    onnx = get_embedder(settings.embed_model, "onnx")
    torch = get_embedder(settings.embed_model, "torch")
    a, b = np.array(onnx.embed(sample)), np.array(torch.embed(sample))
    assert a.shape == b.shape == (len(sample), 384)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-4)
    cosines = (a * b).sum(axis=1)
    assert cosines.min() >= 0.999, f"lowest cosine {cosines.min():.5f} on {sample[int(cosines.argmin())][:80]!r}"
    # one text alone (a question) and inside a batch of longer ones: padding must not change its vector
    alone = np.array(onnx.embed_query(sample[0]))
    assert float(alone @ a[0]) >= 0.9999


@pytest.mark.slow
def test_question_path_never_imports_pytorch(built_settings):
    """`ask`, `search` and the app's start (index opened, model warm, UI built) load ONNX Runtime, not torch, and
    the stores answer without llama-index (it only writes)."""
    script = f"""
import sys
from mea_assistant.cli import main
assert main(["search", "export permit validity", "--index", {str(built_settings.index_dir)!r}, "--k", "3"]) == 0
assert main(["ask", "How long is a CITES export permit valid?", "--index", {str(built_settings.index_dir)!r}]) == 0
from mea_assistant.assistant import Assistant
from mea_assistant.settings import Settings
from mea_assistant import ui
assistant = Assistant(Settings.from_env(index_dir={str(built_settings.index_dir)!r}))
assistant.warm_up()
ui.build_app(assistant)
print("LOADED", sorted(m for m in {HEAVY!r} if m in sys.modules), "onnxruntime" in sys.modules)
"""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEA_")}
    env["PYTHONPATH"] = str(ROOT / "src")
    done = subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "LOADED [] True" in done.stdout, done.stdout[-500:]
    assert "six months" in done.stdout.lower()  # the answer was printed


@pytest.mark.slow
def test_manifest_records_the_backend_that_embedded_the_index(built_settings):
    manifest = read_manifest(built_settings.index_dir)
    assert manifest is not None
    expected = get_embedder(built_settings.embed_model, "auto", bulk=True).name
    assert manifest["embedded_by"] == [expected]
    assert expected.split("-")[0] == resolve("auto", bulk=True)


def test_a_model_the_onnx_backend_cannot_reproduce_is_refused_in_one_line(tmp_path: Path):
    model = Path(Settings().embed_model)
    copy = tmp_path / "model"
    shutil.copytree(model, copy, ignore=shutil.ignore_patterns("*.safetensors", "*.bin"))
    (copy / "1_Pooling" / "config.json").write_text(json.dumps(
        {"word_embedding_dimension": 384, "pooling_mode_cls_token": True, "pooling_mode_mean_tokens": False}))
    (copy / "model.safetensors").symlink_to(model / "model.safetensors")
    assert "1_Pooling/config.json" in read_recipe(str(copy)).onnx_ready
    with pytest.raises(MeaError, match=r"1_Pooling/config.json is not plain mean pooling.*MEA_EMBED_BACKEND=torch"):
        get_embedder(str(copy), "onnx")
    assert not read_recipe(str(model)).onnx_ready  # the packaged model is reproducible


def test_unknown_backend_is_one_line_from_the_cli():
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEA_")}
    env.update(PYTHONPATH=str(ROOT / "src"), MEA_EMBED_BACKEND="gpu")
    done = subprocess.run([sys.executable, "-m", "mea_assistant.cli", "ask", "anything"], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip() == "error: MEA_EMBED_BACKEND='gpu': use one of auto, onnx, torch"
