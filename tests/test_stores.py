"""The store adapters against the real libraries: a Chroma collection and a BM25 index on disk in tmp_path."""

from __future__ import annotations

import math

import pytest

from mea_assistant.errors import StoreError
from mea_assistant.stores import ScoredChunk
from mea_assistant.stores.bm25 import BM25Store
from mea_assistant.stores.chroma import ChromaStore
from mea_assistant.stores.hits import best_per_paragraph
from mea_assistant.types import Chunk

DOC_META = {"cites": {"doc_type": "convention"}, "cms": {"doc_type": "convention"}, "res": {"doc_type": "resolution"}}


def chunk(doc_id: str, position: int, text: str, part: int = 0) -> Chunk:
    return Chunk(chunk_id=f"{doc_id}::{position}::{part}", doc_id=doc_id, ref=f"para. {position + 1}",
                 position=position, part=part, embed_text=text, text=text)


def unit(*xs: float) -> list[float]:
    norm = math.sqrt(sum(x * x for x in xs))
    return [x / norm for x in xs]


# Hand-made 4-d vectors: each chunk points mostly along its own axis, so the nearest chunk is known.
VECTOR_CHUNKS = [
    (chunk("cites", 0, "export permit"), unit(1, 0.1, 0, 0)),
    (chunk("cites", 1, "import permit"), unit(0.1, 1, 0, 0)),
    (chunk("cms", 0, "Range States"), unit(0, 0, 1, 0.1)),
    (chunk("res", 0, "synergies"), unit(0.9, 0, 0, 0.4)),
]


@pytest.fixture
def chroma(tmp_path):  # type: ignore[no-untyped-def]
    store = ChromaStore.create(tmp_path / "chroma", "paragraphs")
    store.add([c for c, _ in VECTOR_CHUNKS], [v for _, v in VECTOR_CHUNKS], DOC_META)
    yield store
    store.close()


def test_chroma_scores_are_cosine_similarities_of_our_vectors(chroma) -> None:  # type: ignore[no-untyped-def]
    query = unit(1, 0, 0, 0)
    results = chroma.query(query, k=4)
    assert chroma.count() == 4
    assert [r.chunk_id for r in results[:2]] == ["cites::0::0", "res::0::0"]
    for r in results:
        vector = dict((c.chunk_id, v) for c, v in VECTOR_CHUNKS)[r.chunk_id]
        assert r.score == pytest.approx(sum(a * b for a, b in zip(query, vector)), abs=1e-5)
    assert results == sorted(results, key=lambda r: -r.score)


def test_chroma_filters_by_document(chroma) -> None:  # type: ignore[no-untyped-def]
    results = chroma.query(unit(1, 0, 0, 0), k=4, doc_ids=["cms", "res"])
    assert {r.doc_id for r in results} == {"cms", "res"}
    assert results[0].chunk_id == "res::0::0"
    assert chroma.query(unit(1, 0, 0, 0), k=4, doc_ids=[]) == []


def test_chroma_returns_the_stored_vectors_of_paragraphs(chroma) -> None:  # type: ignore[no-untyped-def]
    extra = chunk("cites", 0, "export permit, second window", part=1)
    chroma.add([extra], [unit(1, 0, 1, 0)], DOC_META)
    got = chroma.vectors_for([("cites", 0), ("cms", 0), ("nowhere", 3)])
    assert set(got) == {("cites", 0), ("cms", 0)}  # a paragraph with no vectors is simply absent
    assert [part for part, _ in got[("cites", 0)]] == [0, 1]  # every window, in part order
    assert got[("cites", 0)][1][1] == pytest.approx(unit(1, 0, 1, 0), abs=1e-6)
    assert got[("cms", 0)][0][1] == pytest.approx(unit(0, 0, 1, 0.1), abs=1e-6)
    assert chroma.vectors_for([]) == {}
    # the store asks for every pair of these documents and positions: ("cites", 0) is one, and is not wanted
    assert set(chroma.vectors_for([("cites", 1), ("cms", 0)])) == {("cites", 1), ("cms", 0)}


def test_vectors_by_id_are_the_vectors_by_paragraph(chroma) -> None:  # type: ignore[no-untyped-def]
    keys = [("cites", 0), ("cms", 0), ("res", 0)]
    by_filter = chroma.vectors_for(keys)
    assert chroma.vectors_for(keys, {("cites", 0): ["cites::0::0"], ("cms", 0): ["cms::0::0"],
                                     ("res", 0): ["res::0::0"]}) == by_filter
    # an id list that misses a stored chunk, or a paragraph with none, falls back to the filter for it
    assert chroma.vectors_for(keys, {("cites", 0): ["cites::0::0", "cites::0::9"]}) == by_filter
    bm25 = BM25Store.build(LEXICAL_CHUNKS, DOC_META)
    assert bm25.chunk_ids()[("cites", 1)] == ["cites::1::0"]


def test_a_prefetched_store_answers_as_before(tmp_path, chroma) -> None:  # type: ignore[no-untyped-def]
    before = chroma.query(unit(0, 1, 0, 0), k=2)
    chroma.close()
    reopened = ChromaStore.open(tmp_path / "chroma", "paragraphs")
    reopened.prefetch()
    reopened.prefetch()  # a second hint while the first load runs changes nothing
    assert reopened.query(unit(0, 1, 0, 0), k=2) == before
    assert set(reopened.vectors_for([("cites", 1)])) == {("cites", 1)}
    reopened.close()
    closing = ChromaStore.open(tmp_path / "chroma", "paragraphs")
    closing.prefetch()
    closing.close()  # waits for the load it started rather than closing the client under it
    assert ChromaStore.open(tmp_path / "chroma", "paragraphs").count() == 4


def test_chroma_deletes_a_document(chroma) -> None:  # type: ignore[no-untyped-def]
    chroma.delete_document("cites")
    assert chroma.count() == 2
    assert all(r.doc_id != "cites" for r in chroma.query(unit(1, 0.1, 0, 0), k=4))


def test_chroma_reopens_what_was_written(tmp_path, chroma) -> None:  # type: ignore[no-untyped-def]
    before = chroma.query(unit(0, 1, 0, 0), k=2)  # the third and fourth tie at cosine 0, in no set order
    chroma.close()  # releases Chroma's system for the folder: the reopen reads from disk
    reopened = ChromaStore.open(tmp_path / "chroma", "paragraphs")
    assert reopened.count() == 4
    assert reopened.query(unit(0, 1, 0, 0), k=2) == before
    assert before[0] == ScoredChunk("cites::1::0", "cites", 1, pytest.approx(1 / math.sqrt(1.01), abs=1e-5))


def test_chroma_open_never_creates_a_collection(tmp_path, chroma) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StoreError, match="missing"):
        ChromaStore.open(tmp_path / "empty", "paragraphs")
    assert not (tmp_path / "empty").exists()
    with pytest.raises(StoreError, match="'sentences'.*cannot be read"):  # the folder exists, the collection not
        ChromaStore.open(tmp_path / "chroma", "sentences")


def test_a_damaged_store_is_one_store_error(tmp_path, chroma) -> None:  # type: ignore[no-untyped-def]
    chroma.close()
    (tmp_path / "chroma" / "chroma.sqlite3").write_bytes(b"not a database" * 100)
    for _ in range(2):  # the second open must fail the same way, not on a half-started system Chroma kept
        with pytest.raises(StoreError, match="file is not a database"):
            ChromaStore.open(tmp_path / "chroma", "paragraphs")
    bm25 = BM25Store.build(LEXICAL_CHUNKS, DOC_META)
    bm25.persist(tmp_path / "bm25")
    (tmp_path / "bm25" / "params.index.json").unlink()
    with pytest.raises(StoreError, match="BM25 index .* cannot be read"):
        BM25Store.open(tmp_path / "bm25")


def test_the_store_says_how_many_chunks_one_write_may_hold(chroma) -> None:  # type: ignore[no-untyped-def]
    assert 1000 < chroma.max_batch_size() < 1_000_000  # SQLite's bound on variables, as Chroma computes it


LEXICAL_CHUNKS = [
    chunk("cites", 0, "The export of any specimen of a species included in Appendix I shall require the prior "
                      "grant and presentation of an export permit."),
    chunk("cites", 1, "The import of any specimen of a species included in Appendix I shall require the prior "
                      "grant and presentation of an import permit and either an export permit or a re-export "
                      "certificate."),
    chunk("cms", 0, "Range States of a migratory species listed in Appendix I shall prohibit the taking of "
                    "animals belonging to such species."),
    chunk("res", 0, "Requests the Secretariat to strengthen synergies with other biodiversity-related conventions."),
    chunk("res", 1, "Invites Parties to share experience on export permits issued for migratory species."),
]


def test_bm25_ranks_by_shared_terms_and_filters_by_document(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = BM25Store.build(LEXICAL_CHUNKS, DOC_META)
    assert store.count() == len(LEXICAL_CHUNKS)
    assert store.query("import permit")[0].chunk_id == "cites::1::0"  # the only chunk with "import"
    results = store.query("export permit")
    assert {r.chunk_id for r in results} == {"cites::0::0", "cites::1::0", "res::1::0"}  # stemmed: "permits"
    assert all(r.score > 0 for r in results)  # chunks sharing no term are left out
    assert results == sorted(results, key=lambda r: -r.score)
    filtered = store.query("export permit", doc_ids={"res"})
    assert [r.chunk_id for r in filtered] == ["res::1::0"]
    assert filtered[0].score == next(r.score for r in results if r.chunk_id == "res::1::0")
    assert store.query("export permit", doc_ids=set()) == []
    assert store.query("wetlands") == []


def test_bm25_reopens_with_the_same_scores(tmp_path) -> None:  # type: ignore[no-untyped-def]
    built = BM25Store.build(LEXICAL_CHUNKS, DOC_META)
    built.persist(tmp_path / "bm25")
    reopened = BM25Store.open(tmp_path / "bm25")
    assert reopened.count() == len(LEXICAL_CHUNKS)
    for query in ("export permit", "migratory species Appendix I", "synergies conventions"):
        assert reopened.query(query) == built.query(query)
    without = BM25Store.build([c for c in LEXICAL_CHUNKS if c.doc_id != "cites"], DOC_META)
    assert {r.doc_id for r in without.query("export permit")} == {"res"}


def test_a_question_reads_bm25_without_importing_scipy(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """In a fresh process, as a cold `ask` does: the saved index is read and scored the same without scipy,
    and scipy.sparse stays importable afterwards."""
    import json as json_
    import subprocess
    import sys

    store = BM25Store.build(LEXICAL_CHUNKS, DOC_META)
    store.persist(tmp_path / "bm25")
    expected = [[r.chunk_id, round(r.score, 5)] for r in store.query("export permit")]
    code = ("import json, sys\n"
            "from mea_assistant.stores.bm25 import BM25Store\n"
            f"store = BM25Store.open(__import__('pathlib').Path({str(tmp_path / 'bm25')!r}))\n"
            "got = [[r.chunk_id, round(r.score, 5)] for r in store.query('export permit')]\n"
            "before = 'scipy.sparse' in sys.modules\n"
            "import scipy.sparse\n"
            "print(json.dumps([got, before]))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    got, scipy_before = json_.loads(done.stdout.strip().splitlines()[-1])
    assert got == expected and scipy_before is False


def test_a_paragraph_scores_as_its_best_chunk() -> None:
    results = [ScoredChunk("a::0::1", "a", 0, 0.5), ScoredChunk("b::3::0", "b", 3, 0.7),
               ScoredChunk("a::0::0", "a", 0, 0.9), ScoredChunk("c::1::0", "c", 1, 0.2)]
    assert best_per_paragraph(results, floor=-1.0) == {("a", 0): 0.9, ("b", 3): 0.7, ("c", 1): 0.2}
    assert list(best_per_paragraph(results, floor=0.0, limit=2)) == [("a", 0), ("b", 3)]
