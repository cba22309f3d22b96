"""The curated evaluation set stays true to the corpus: every expected quote is verbatim in exactly one parsed
paragraph of its document, and every expected ref names that paragraph."""

from __future__ import annotations

import json
from pathlib import Path

from mea_assistant.parsing.cleaning import normalise_for_match
from mea_assistant.refs import ref_matches

DATASET = Path(__file__).resolve().parent.parent / "evals" / "questions.jsonl"


def test_expected_quotes_and_refs_match_the_parsed_corpus(corpus_docs):
    problems = []
    for line in DATASET.read_text(encoding="utf-8").splitlines():
        question = json.loads(line)
        for item in question.get("expected", []):
            doc = corpus_docs.get(item["doc"])
            if doc is None:
                problems.append(f"{question['id']}: unknown document {item['doc']}")
                continue
            quote = normalise_for_match(item["quote"])
            found = [p for p in doc.paragraphs if quote in normalise_for_match(p.text)]
            if len(found) != 1:
                problems.append(f"{question['id']}: quote {item['quote']!r} is in {len(found)} paragraphs")
            elif not ref_matches(item.get("ref"), found[0].ref):
                problems.append(f"{question['id']}: ref {item['ref']!r} does not match {found[0].ref!r}")
    assert not problems, "\n".join(problems)


def test_the_set_covers_every_document_and_question_kind(corpus_docs):
    questions = [json.loads(line) for line in DATASET.read_text(encoding="utf-8").splitlines()]
    assert len(questions) >= 100
    covered = {item["doc"] for q in questions for item in q.get("expected", [])}
    assert covered == set(corpus_docs)
    assert sum(1 for q in questions if q.get("history")) >= 15
    assert sum(1 for q in questions if q.get("answerable") is False) >= 15
    assert sum(1 for q in questions if len(q.get("expected", [])) >= 2) >= 15
    assert sum(1 for q in questions if q.get("type") == "delegate") >= 10
