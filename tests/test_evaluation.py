"""Evaluation: metric functions on hand-made inputs with known answers, dataset errors, reports, one real run."""

from __future__ import annotations

import json
import math
from argparse import Namespace
from pathlib import Path

import pytest

from mea_assistant.errors import MeaError
from mea_assistant.evaluation import run_cli
from mea_assistant.evaluation.compare import changed_outcomes, metric_deltas
from mea_assistant.evaluation.dataset import Expected, Question, load_dataset
from mea_assistant.evaluation.gate import check_thresholds, load_thresholds
from mea_assistant.evaluation.metrics import (abstention_scores, aggregate, citation_counts, content_terms,
                                              first_relevant_rank, mention_groups, metrics_table, percentile, ranking,
                                              ref_checks, retrieval_scores, score)
from mea_assistant.evaluation.report import ReportData, render_html, render_markdown, summary_table
from mea_assistant.evaluation.run import evaluate
from mea_assistant.types import Answer

ROOT = Path(__file__).resolve().parent.parent
EXPORT = Expected("cites", "III 2", "shall require the prior grant")
SIX_MONTHS = Expected("cites", "VI 2", "within a period of six months")


def para(doc: str, text: str, ref: str = "") -> dict:
    return {"doc_id": doc, "ref": ref, "text": text, "display": f"{doc}, {ref}", "score": 0.5}


def cite(doc: str, text: str, quote: str, ref: str = "") -> dict:
    return {**para(doc, text, ref), "marker": 1, "quote": quote}


NOISE = para("cms", "Encourages Parties to cooperate.")
HIT = para("cites", "The export … shall require the **prior** grant and presentation of an export permit.",
           "Art. III(2)")


# ----- retrieval metrics --------------------------------------------------------------------------------------

def test_rank_hit_and_mrr_use_the_normalised_quote_and_the_document():
    assert first_relevant_rank([NOISE, NOISE, HIT], [EXPORT]) == 3  # emphasis removed, case folded
    assert first_relevant_rank([para("cms", HIT["text"])], [EXPORT]) is None  # same words, other document
    curly = para("cites", "… may only be used for export within a period of six\nmonths from …")
    assert first_relevant_rank([curly], [SIX_MONTHS]) == 1  # line break = one space
    third, missed = retrieval_scores([NOISE, NOISE, HIT], [EXPORT]), retrieval_scores([NOISE], [EXPORT])
    assert (third["hit@1"], third["hit@3"], third["hit@5"], missed["hit@10"]) == (0.0, 1.0, 1.0, 0.0)
    assert third["mrr"] == pytest.approx(1 / 3) and missed["mrr"] == 0.0


def ndcg_at(retrieved: list[dict], expected: list[Expected]) -> float:
    return retrieval_scores(retrieved, expected)["ndcg@10"]


def test_ndcg_credits_each_expected_item_once():
    six = para("cites", "within a period of six months")
    # relevant at ranks 1 and 3 out of two expected: (1 + 1/log2 4) / (1 + 1/log2 3)
    assert ndcg_at([HIT, NOISE, six], [EXPORT, SIX_MONTHS]) == pytest.approx(1.5 / (1 + 1 / math.log2(3)))
    assert ndcg_at([HIT, HIT, NOISE], [EXPORT]) == pytest.approx(1.0)  # a duplicate gains nothing more
    assert ndcg_at([NOISE, HIT], [EXPORT]) == pytest.approx(1 / math.log2(3))
    assert ndcg_at([NOISE], [EXPORT]) == 0.0


def test_library_scores_equal_the_definitions_worked_by_hand():
    """ir-measures (trec_eval) on the mapped ranking gives today's definitions: the first paragraph matching any
    expected item sets hit@k and MRR; nDCG gains 1 per paragraph that finds a new item, each item once."""
    permit = Expected("cites", "III 2 a", "presentation of an export permit")
    six_again = Expected("cites", "VI 2 a", "within a period of six months")  # a second item with the same quote
    expected = [EXPORT, permit, SIX_MONTHS, six_again]
    both = HIT  # holds the quotes of EXPORT and of permit
    permit_only = para("cites", "No export permit: the presentation of an export permit is required.")
    six = para("cites", "An export permit shall be valid for use within a period of six months.")
    retrieved = [NOISE, both, permit_only, NOISE, six, six, NOISE]
    # rank 2 finds EXPORT and permit, rank 5 finds both six-month items; ranks 3 and 6 find nothing new
    assert ranking(retrieved, expected) == ["n1", "e0", "n3", "n4", "e2", "n6", "n7"]
    scores = retrieval_scores(retrieved, expected)
    assert [scores[f"hit@{k}"] for k in range(1, 11)] == [0.0] + [1.0] * 9
    assert scores["mrr"] == pytest.approx(1 / 2)
    dcg = 1 / math.log2(3) + 1 / math.log2(6)
    ideal = 1 + 1 / math.log2(3) + 1 / math.log2(4) + 1 / math.log2(5)  # min(#expected, 10) = 4 relevant first
    assert scores["ndcg@10"] == pytest.approx(dcg / ideal)
    assert first_relevant_rank(retrieved, expected) == 2
    # only the top 10 count, and an empty or irrelevant list scores nothing
    late = retrieval_scores([NOISE] * 10 + [HIT], [EXPORT])
    assert (late["hit@10"], late["mrr"], late["ndcg@10"]) == (0.0, 0.0, 0.0)
    assert set(retrieval_scores([], [EXPORT]).values()) == {0.0}
    at_ten = retrieval_scores([NOISE] * 9 + [HIT], [EXPORT])
    assert (at_ten["hit@9"], at_ten["hit@10"], at_ten["mrr"]) == (0.0, 1.0, pytest.approx(0.1))
    assert at_ten["ndcg@10"] == pytest.approx(1 / math.log2(11))


def test_ref_accuracy_follows_the_ref_rule_and_skips_null_refs():
    item = Expected("cites", "III 4 b", "the words")
    assert ref_checks([para("cites", "the words", "Art. III(4)(b)")], [item]) == (1, 1)
    assert ref_checks([para("cites", "the words", "Art. III(4)")], [item]) == (0, 1)
    assert ref_checks([para("res", "the words", "para. 14")], [Expected("res", "1", "the words")]) == (0, 1)
    assert ref_checks([para("cites", "the words", "anything")], [Expected("cites", None, "the words")]) == (0, 0)
    assert ref_checks([NOISE], [item]) == (0, 0)  # only matched paragraphs are checked


# ----- answer metrics -----------------------------------------------------------------------------------------

def test_citation_precision_needs_a_verbatim_quote_and_a_relevant_paragraph():
    terms = content_terms("How long is an export permit valid?")
    assert terms == {"long", "export", "permit", "valid"}
    expected_one = cite("cites", HIT["text"], "shall require the **prior** grant")
    overlapping = cite("other", "An export permit shall be valid for six months.", "An export permit")
    not_verbatim = cite("cites", HIT["text"], "shall require the prior grant")  # text has **prior**
    unrelated = cite("cms", "Encourages Parties to cooperate.", "Encourages Parties")
    assert citation_counts([expected_one, overlapping, not_verbatim, unrelated], [EXPORT], terms) == (2, 4)
    assert citation_counts([], [EXPORT], terms) == (0, 0)


def test_must_mention_groups_are_case_insensitive_alternatives():
    answer = "An **Export Permit** is needed; it is valid for 6 months."
    assert mention_groups(answer, [["export permit"], ["six months", "6 months"], ["import permit"]]) == [True, True,
                                                                                                         False]
    assert mention_groups(answer, []) == []


def test_abstention_precision_recall_and_false_abstentions():
    abstained = [True, True, False, False, True]
    answerable = [False, True, False, True, True]
    scores = abstention_scores(abstained, answerable)
    assert scores["abstention_precision"] == pytest.approx(1 / 3)
    assert scores["abstention_recall"] == pytest.approx(1 / 2)
    assert scores["false_abstention_rate"] == pytest.approx(2 / 3)
    assert abstention_scores([False], [True])["abstention_precision"] is None  # nothing abstained: undefined


def test_percentile_interpolates():
    assert percentile([1, 2], 50) == 1.5 and percentile([5], 95) == 5 and percentile([], 50) is None
    assert percentile(list(range(1, 101)), 95) == pytest.approx(95.05)


def _result(abstained=False, retrieved=(), citations=(), answer="", latency=100.0) -> dict:
    return {"answer": answer, "abstained": abstained, "retrieved": list(retrieved), "citations": list(citations),
            "latency_ms": latency}


def test_aggregate_overall_and_by_type():
    q1 = Question("a", "What does export require?", expected=[EXPORT], must_mention=[["export permit"]])
    q2 = Question("b", "How long is a permit valid?", expected=[SIX_MONTHS], must_mention=[["six months"]],
                  type="followup")
    q3 = Question("c", "What did COP15 decide?", answerable=False, type="out-of-corpus")
    outcomes = [
        score(q1, _result(retrieved=[NOISE, HIT], citations=[cite("cites", HIT["text"], "export permit", "Art. III(2)")],
                          answer="An export permit [1]")),
        score(q2, _result(abstained=True, retrieved=[NOISE], latency=300.0)),
        score(q3, _result(abstained=True, latency=200.0)),
    ]
    m = aggregate(outcomes, k=5)
    assert (m["hit@1"], m["hit@3"], m["mrr"]) == (0.0, 0.5, 0.25)
    assert (m["citation_hit"], m["citation_precision"], m["key_term_recall"]) == (0.5, 1.0, 0.5)
    assert (m["abstention_precision"], m["abstention_recall"], m["false_abstention_rate"]) == (0.5, 1.0, 0.5)
    assert (m["latency_p50_ms"], m["n_questions"], m["n_answerable"]) == (200.0, 3, 2)
    assert m["paragraph_ref_accuracy"] == 1.0  # the retrieved "Art. III(2)" satisfies the expected "III 2"
    assert m["ref_accuracy"] == 1.0  # and so does the citation's ref, in the expected document
    table = metrics_table(outcomes, k=7)
    assert list(table["by_type"]) == ["single", "followup", "out-of-corpus"] and "hit@7" in table["overall"]
    assert table["by_type"]["out-of-corpus"]["hit@5"] is None


def test_an_exception_in_ask_is_recorded_and_the_run_goes_on(capsys):
    class Flaky:  # the pipeline is real elsewhere; here only the failure path matters
        def ask(self, question, history=(), mode=None):
            if "boom" in question:
                raise ValueError("bad filter")
            return Answer(question, question, "No.", abstained=True, latency_ms=5.0)

    questions = [Question("a", "boom?", expected=[EXPORT]), Question("b", "fine?", answerable=False)]
    results, metrics = evaluate(Flaky(), questions)
    assert results[0]["error"] == "ValueError: bad filter" and results[1]["abstained"] is True
    assert metrics["overall"]["n_errors"] == 1 and metrics["overall"]["hit@10"] == 0.0
    assert metrics["overall"]["latency_p95_ms"] == 5.0  # the failed call does not count as a latency
    assert "error: a: ValueError: bad filter" in capsys.readouterr().err


# ----- dataset validation -------------------------------------------------------------------------------------

GOOD = {"id": "q1", "question": "What?", "expected": [{"doc": "d", "ref": "1", "quote": "words"}]}


def _write(tmp_path: Path, *lines: object) -> Path:
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n")
    return path


@pytest.mark.parametrize("line, words", [
    ('{"id": "q2", "question": ', ["bad.jsonl:2", "invalid JSON"]),
    ({"id": "q2", "expected": []}, ["bad.jsonl:2", "'question'"]),
    ({"id": "q1", "question": "Again?"}, ["bad.jsonl:2", "'id'", "duplicates line 1"]),
    ({"id": "q2", "question": "x", "expected": [{"doc": "d", "ref": "1"}]}, ["bad.jsonl:2", "'expected[0].quote'"]),
    ({"id": "q2", "question": "x", "must_mention": ["export permit"]}, ["bad.jsonl:2", "'must_mention'"]),
    ({"id": "q2", "question": "x", "type": 7}, ["bad.jsonl:2", "'type'", "out-of-corpus"]),
    ({"id": "q2", "question": "x", "history": [{"role": "bot", "content": "hi"}]}, ["bad.jsonl:2", "'history[0]'"]),
    ({"id": "q2", "question": "x", "answerable": "yes"}, ["bad.jsonl:2", "'answerable'"]),
    ('["just", "a", "list"]', ["bad.jsonl:2", "JSON object"]),
])
def test_bad_lines_name_file_line_and_field(tmp_path, line, words):
    with pytest.raises(MeaError) as err:
        load_dataset(_write(tmp_path, GOOD, line))
    assert all(w in str(err.value) for w in words), str(err.value)


def test_every_problem_is_found_before_anything_runs(tmp_path):
    with pytest.raises(MeaError, match=r"bad.jsonl:2: .*and 2 more problems, on line 3, 5"):
        load_dataset(_write(tmp_path, GOOD, "{", {"id": "x"}, "", "nope"))
    with pytest.raises(MeaError, match="cannot read"):
        load_dataset(tmp_path / "missing.jsonl")


def test_the_command_reports_a_bad_set_in_one_line_before_loading_anything(tmp_path, capsys):
    from mea_assistant.cli import main

    bad = _write(tmp_path, GOOD, {"id": "q2"})
    assert main(["eval", "--dataset", str(bad), "--index", str(tmp_path / "no-index")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {bad}:2: field 'question'") and "Traceback" not in err
    assert main(["eval", "--dataset", str(bad), "--k", "11", "--index", str(tmp_path / "no-index")]) == 2
    assert "--k 11" in capsys.readouterr().err


def test_types_are_derived_when_absent(tmp_path):
    lines = [GOOD, {"id": "q2", "question": "And then?", "history": [{"role": "user", "content": "x"}],
                    "expected": GOOD["expected"]},
             {"id": "q3", "question": "COP99?", "expected": []},
             {"id": "q4", "question": "Two?", "expected": GOOD["expected"] * 2},
             {"id": "q5", "question": "Typed?", "type": "delegate", "expected": GOOD["expected"]}]
    questions = load_dataset(_write(tmp_path, *lines))
    assert [q.type for q in questions] == ["single", "followup", "out-of-corpus", "multi", "delegate"]
    assert [q.answerable for q in questions] == [True, True, False, True, True]


@pytest.mark.parametrize("part", ["dev", "test"])
def test_the_curated_set_is_valid(part):
    questions = load_dataset(ROOT / "evals" / f"{part}.jsonl")
    assert len(questions) >= 100 and {q.type for q in questions} >= {"single", "followup", "out-of-corpus"}


# ----- thresholds, comparison, reports ------------------------------------------------------------------------

def test_thresholds_minimum_and_maximum(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text('[minimum]\n"hit@5" = 0.9\nmrr = 0.5\n[maximum]\nfalse_abstention_rate = 0.1\n')
    limits = load_thresholds(path)
    failures, skipped = check_thresholds({"hit@5": 0.85, "mrr": 0.7, "false_abstention_rate": 0.2}, limits, "t.toml")
    assert failures == ["FAIL hit@5 = 0.850 < 0.900 (t.toml)", "FAIL false_abstention_rate = 0.200 > 0.100 (t.toml)"]
    assert skipped == []
    assert check_thresholds({"hit@5": 0.95, "mrr": None, "false_abstention_rate": 0.0}, limits, "t.toml") == (
        [], ["SKIP mrr: nothing to measure in this set (minimum 0.500) (t.toml)"])
    path.write_text('[minimum]\n"hit5" = 0.9\n')
    with pytest.raises(MeaError, match="'hit5' is not a metric"):
        load_thresholds(path)


def test_shipped_thresholds_file_is_valid():
    limits = load_thresholds(ROOT / "evals" / "thresholds.toml")
    assert {"hit@5", "mrr", "citation_hit", "key_term_recall", "abstention_recall"} <= set(limits["minimum"])


def test_compare_reports_deltas_and_flipped_outcomes():
    q = Question("a", "What does export require?", expected=[EXPORT])
    now = [{"id": "a", **_result(retrieved=[HIT], citations=[cite("cites", HIT["text"], "export permit")])}]
    before = [{"id": "a", **_result(abstained=True, retrieved=[NOISE])}]
    assert changed_outcomes([q], now, before, 5) == [("a", ["hit@5 0→1", "citation_hit 0→1", "abstained 1→0"])]
    assert changed_outcomes([q], now, now, 5) == []
    assert metric_deltas({"mrr": 0.5, "n_questions": 3}, {"mrr": 0.25, "hit@5": 0.1}) == [
        ("mrr", 0.5, 0.25, 0.25), ("hit@5", None, 0.1, None)]


def test_reports_are_self_contained_and_list_failures():
    q = Question("a", "What does <export> require?", expected=[EXPORT], must_mention=[["import permit"]])
    results = [{"id": "a", "question": q.question, "rewritten_query": q.question,
                **_result(retrieved=[NOISE], answer="Nothing relevant")}]
    outcomes = [score(q, results[0])]
    metrics = {"dataset": "d.jsonl", "retriever": "hybrid", "k": 5, "primary_metric": "hit@5", "duration_s": 1.0,
               "created": "now", **metrics_table(outcomes, 5), "dataset_warnings": [], "thresholds": None}
    data = ReportData([q], results, outcomes, metrics, {"cites": [("Art. III(2)", HIT["text"])]})
    html, md = render_html(data), render_markdown(data)
    assert html.count("<svg") >= 3 and "<script" not in html and "&lt;export&gt;" in html
    assert "http" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    for text in (html, md):
        assert "no expected paragraph in the top 5" in text and "key terms missing: import permit" in text
        assert "Art. III(2)" in text  # the expected paragraph, looked up in the index
    assert "hit@5*" in summary_table(metrics)


# ----- one real run -------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_eval_command_end_to_end(assistant, tmp_path, capsys):
    lines = (ROOT / "evals" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    picked, seen = [], set()
    for line in lines:  # one question of each type, then fill up to six
        kind = json.loads(line).get("type")
        if kind not in seen:
            seen.add(kind)
            picked.append(line)
    picked += [line for line in lines if line not in picked][: 6 - len(picked)]
    dataset = tmp_path / "six.jsonl"
    dataset.write_text("\n".join(picked[:6]) + "\n", encoding="utf-8")
    limits = tmp_path / "t.toml"
    limits.write_text('[minimum]\n"hit@10" = 0.0\n')
    out = tmp_path / "out"
    args = Namespace(dataset=dataset, out=out, retriever="hybrid", k=5, compare=None, thresholds=limits)
    assert run_cli(assistant, args) == 0
    assert {p.name for p in out.iterdir()} >= {"results.jsonl", "metrics.json", "report.md", "report.html"}
    results = [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(results) == 6 and [r["id"] for r in results] == [json.loads(line)["id"] for line in picked[:6]]
    for r in results:
        assert len(r["retrieved"]) <= 10
        for c in r["citations"]:
            assert c["quote"] and c["quote"] in c["text"]
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert {"hit@1", "hit@3", "hit@5", "hit@10", "mrr", "ndcg@10", "ref_accuracy", "citation_hit",
            "citation_precision", "key_term_recall", "key_term_group_recall", "abstention_precision",
            "abstention_recall", "false_abstention_rate", "latency_p50_ms", "latency_p95_ms"} <= set(metrics["overall"])
    assert metrics["overall"]["n_questions"] == 6 and metrics["primary_metric"] == "hit@5"
    assert "auth" not in metrics["settings"]  # the run records its knobs, never a login
    assert "<svg" in (out / "report.html").read_text(encoding="utf-8")
    printed = capsys.readouterr().out
    assert "hit@5" in printed and "overall" in printed
    # comparing a run with itself: no deltas, no flipped outcomes; an impossible minimum fails with exit 1
    limits.write_text('[minimum]\n"hit@10" = 1.01\n')
    args = Namespace(dataset=dataset, out=tmp_path / "again", retriever="hybrid", k=5, compare=out, thresholds=limits)
    assert run_cli(assistant, args) == 1
    printed = capsys.readouterr().out
    assert "0 questions changed outcome" in printed and "FAIL hit@10 = " in printed


def test_a_type_of_its_own_is_kept_not_refused(tmp_path):
    """A held-out set may group its questions its own way: an unknown `type` is scored in its own column."""
    path = tmp_path / "own.jsonl"
    path.write_text(json.dumps({"id": "q1", "question": "x", "type": "treaty-law"}) + "\n")
    assert [q.type for q in load_dataset(path)] == ["treaty-law"]


def test_every_treaty_set_has_its_questions_and_its_texts() -> None:
    """`evals/treaty_sets.py` finds each set's questions and fixture folder, and pools by question, not by set: a set
    of 2 answerable questions weighs a tenth of one with 20."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("treaty_sets_script", Path(__file__).resolve().parent.parent
                                                  / "evals" / "treaty_sets.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    sets = script.all_sets()
    assert sets[0] == 1 and len(sets) >= 60 and sets == sorted(set(sets))
    for n in sets:
        dataset, fixtures = script.paths(n)
        assert dataset.exists() and any(f.suffix in script.DOCUMENT_SUFFIXES and f.name != "README.md"
                                        for f in fixtures.iterdir()), n
    rows = [{"n_questions": 22, "n_answerable": 20, "first_citation_right": 0.5, "citation_hit": 1.0, "hit@5": 1.0,
             "abstention_recall": 1.0, "false_abstention_rate": 0.0},
            {"n_questions": 2, "n_answerable": 2, "first_citation_right": 1.0, "citation_hit": 1.0, "hit@5": 1.0,
             "abstention_recall": None, "false_abstention_rate": 0.0}]
    total = script.pooled(rows)
    assert total["first_citation_right"] == round(12 / 22, 3) and total["out_of_corpus_abstained"] == 1.0
