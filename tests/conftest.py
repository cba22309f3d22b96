"""Shared fixtures: the shipped corpus, and one real index of it (real model, real Chroma) per test session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from mea_assistant.assistant import Assistant  # noqa: E402
from mea_assistant.parsing import is_document_file, parse_file  # noqa: E402
from mea_assistant.settings import Settings  # noqa: E402
from mea_assistant.types import Document  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SMALL = ["dugong-mou-mos3-spms.txt", "cms-capacity-building-target-9.txt", "cms-res-11-10-synergies-partnerships.txt"]


@pytest.fixture(autouse=True)
def _no_user_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's MEA_* variables must not leak into tests."""
    for name in list(os.environ):
        if name.startswith("MEA_"):
            monkeypatch.delenv(name)


@pytest.fixture(scope="session")
def corpus_docs() -> dict[str, Document]:
    return {p.stem: parse_file(p) for p in sorted(CORPUS.iterdir()) if is_document_file(p)}


@pytest.fixture(scope="session")
def built_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = Settings(corpus_dir=CORPUS, index_dir=tmp_path_factory.mktemp("index"))
    Assistant(settings).ingest()
    return settings


@pytest.fixture(scope="session")
def small_built(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A three-document index built once (real model, real Chroma); tests copy it rather than re-embed."""
    from mea_assistant.embedding import get_embedder
    from mea_assistant.ingest import ingest

    root = tmp_path_factory.mktemp("small")
    (root / "corpus").mkdir()
    for name in SMALL:
        shutil.copy(CORPUS / name, root / "corpus" / name)
    settings = Settings(corpus_dir=root / "corpus", index_dir=root / "index")
    ingest(settings, lambda: get_embedder(settings.embed_model))
    return settings


@pytest.fixture
def small_index(small_built: Settings, tmp_path: Path) -> Settings:
    """A copy of the small index (its vector cache included) over the same corpus folder, for one test to damage."""
    shutil.copytree(small_built.index_dir, tmp_path / "index")
    return Settings(corpus_dir=small_built.corpus_dir, index_dir=tmp_path / "index")


@pytest.fixture(scope="session")
def assistant(built_settings: Settings) -> Assistant:
    a = Assistant(built_settings)
    a.warm_up()
    return a


def para(doc: Document, ref: str):  # type: ignore[no-untyped-def]
    """The paragraph with this ref (a test fails loudly when the ref is missing)."""
    found = [p for p in doc.paragraphs if p.ref == ref]
    assert found, f"{doc.doc_id}: no paragraph {ref!r}; refs: {[p.ref for p in doc.paragraphs][:60]}"
    return found[0]


def containing(doc: Document, words: str) -> list:  # type: ignore[type-arg]
    from mea_assistant.parsing.cleaning import normalise_for_match

    needle = normalise_for_match(words)
    return [p for p in doc.paragraphs if needle in normalise_for_match(p.text)]
