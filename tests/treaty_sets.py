"""The checks every blind treaty set (tests/fixtures/unseen2, unseen3, ...) runs, in one place: each set's test
module keeps only what is particular to its treaties.

A set is a folder of treaty texts as their source publishes them, with `checks.toml`: a [[treaty]] table per
file (its doc id and English title) and hand-read [[check]]s (a ref as the source numbers it, and the words the
paragraph starts with), all written from the texts before the system was run on them."""

from __future__ import annotations

import re

import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from mea_assistant.evaluation.dataset import normalised
from mea_assistant.parsing import is_document_file, parse_file
from mea_assistant.refs import ref_matches
from mea_assistant.types import Document
from survival import lost_sentences

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass(frozen=True)
class TreatySet:
    folder: Path
    files: list[Path]
    checks: dict

    @property
    def check_ids(self) -> list[str]:
        return [f"{c['doc']}:{c['ref']}" for c in self.checks["check"]]

    def parse(self) -> dict[str, Document]:
        return {p.stem: parse_file(p) for p in self.files}


def load(name: str) -> TreatySet:
    folder = FIXTURES / name
    return TreatySet(folder, sorted(p for p in folder.iterdir() if is_document_file(p)),
                     tomllib.loads((folder / "checks.toml").read_text(encoding="utf-8")))


def assistant_fixture(name: str):  # type: ignore[no-untyped-def]
    """A module-scoped fixture named `assistant_uNN` for the set `unseenNN`: an assistant over a real index of the
    set's treaties (real model, real Chroma), built once per module. A test module binds it at module level:
    `assistant_u48 = treaty_sets.assistant_fixture("unseen48")`."""

    @pytest.fixture(scope="module", name="assistant_u" + name.removeprefix("unseen"))
    def built(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
        from mea_assistant.assistant import Assistant
        from mea_assistant.settings import Settings

        assistant = Assistant(Settings(corpus_dir=FIXTURES / name, index_dir=tmp_path_factory.mktemp(name)))
        assistant.ingest()
        return assistant
    return built


def paragraph_texts(docs: dict[str, Document]) -> dict[str, str]:
    """Each document's paragraphs as one lower-cased text, what the abstention check searches (the index's own
    `document_text` adds title and refs): a test of that check on parsed documents needs no built index."""
    return {d: "\n".join(p.text for p in doc.paragraphs).lower() for d, doc in docs.items()}


def named_after_themselves(docs: dict[str, Document], checks: dict, doc_type: str | None = None) -> None:
    """Each treaty is titled as itself in English (never the database's Dutch title line), never cut with
    "...", and no two share a name."""
    for treaty in checks["treaty"]:
        doc = docs[treaty["doc"]]
        assert doc.title.lower() == treaty["title"].lower(), doc.doc_id
        assert doc_type is None or doc.doc_type == doc_type, doc.doc_id
        assert "language" not in treaty or doc.language == treaty["language"], doc.doc_id
        assert not doc.citation_name.startswith(("Verdrag", "Overeenkomst")) and "..." not in doc.citation_name
        # a name that says what kind of text it is says the treaty's own kind first: a protocol is not named "London
        # Convention", though its title goes on to name the convention it belongs to ("Protocol to the ... Convention")
        said = re.findall(r"\b(Convention|Protocol|Agreement|Treaty|MOU)\b", doc.citation_name)
        kinds = {"convention": {"Convention", "Treaty"}, "protocol": {"Protocol"}, "agreement": {"Agreement"},
                 "mou": {"MOU"}}.get(doc.doc_type)
        assert not said or kinds is None or said[0] in kinds, (doc.doc_id, doc.citation_name)
    assert len({d.citation_name for d in docs.values()}) == len(docs)


def spot_check(docs: dict[str, Document], check: dict, known: dict[tuple[str, str], str]) -> None:
    """A paragraph with the hand-read ref starts with the hand-read words; a known miss is a strict xfail."""
    found = [p for p in docs[check["doc"]].paragraphs if ref_matches(check["ref"], p.ref)]
    holds = any(normalised(p.text).startswith(normalised(check["starts"])) for p in found)
    if (check["doc"], check["ref"]) in known:
        assert not holds, f"{check['doc']} {check['ref']} now holds: drop it from the module's KNOWN"
        pytest.xfail(known[(check["doc"], check["ref"])])
    assert holds, [(p.ref, p.text[:60]) for p in found]


def refs_unique_and_nothing_lost(docs: dict[str, Document], path: Path) -> None:
    doc = docs[path.stem]
    assert len({p.ref for p in doc.paragraphs}) == len(doc.paragraphs)
    assert not lost_sentences(path, doc)


def module_tests(name: str, known: dict[tuple[str, str], str], doc_type: str | None = None,  # type: ignore[no-untyped-def]
                 lost: dict[str, str] | None = None):
    """The set's parsed documents (a module fixture) and its three tests, for a test module to bind at module
    level: `SET, docs, test_a, test_b, test_c = module_tests("unseen3", KNOWN)`. `lost` names the files whose
    "no sentence lost" check is a strict xfail today, with the reason."""
    treaties = load(name)

    @pytest.fixture(scope="module")
    def docs() -> dict[str, Document]:
        return treaties.parse()

    def test_each_is_named_after_itself(docs):  # type: ignore[no-untyped-def]
        named_after_themselves(docs, treaties.checks, doc_type)

    @pytest.mark.parametrize("check", treaties.checks["check"], ids=treaties.check_ids)
    def test_hand_read_spot_checks(docs, check):  # type: ignore[no-untyped-def]
        spot_check(docs, check, known)

    lost = lost or {}
    paths = [pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=lost[p.name])) if p.name in lost else p
             for p in treaties.files]

    @pytest.mark.parametrize("path", paths, ids=[p.name for p in treaties.files])
    def test_refs_unique_and_no_sentence_lost(docs, path):  # type: ignore[no-untyped-def]
        refs_unique_and_nothing_lost(docs, path)

    return treaties, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, \
        test_refs_unique_and_no_sentence_lost


def kinds_test(kinds: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
    """For a set that mixes conventions, protocols and agreements (so the shared naming check runs without a doc
    type): each document is read as what its title calls it ("Kyoto Protocol to the ...", "International Tropical
    Timber Agreement, 2006"). Bind at module level: `test_each_is_read_as_its_title_says = kinds_test(KINDS)`."""
    @pytest.mark.parametrize(("doc_id", "doc_type"), kinds)
    def test_each_is_read_as_its_title_says(docs, doc_id, doc_type):  # type: ignore[no-untyped-def]
        assert docs[doc_id].doc_type == doc_type

    return test_each_is_read_as_its_title_says
