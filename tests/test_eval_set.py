"""The evaluation sets stay true to the corpus and to their split: every expected quote is verbatim in exactly one
parsed paragraph of its document, every expected ref names that paragraph, and dev and test are the seeded split
of evals/split.py with no question shared between them."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from mea_assistant.evaluation.dataset import TYPES, load_dataset
from mea_assistant.parsing import is_document_file, parse_file
from mea_assistant.parsing.cleaning import normalise_for_match
from mea_assistant.refs import ref_matches

EVALS = Path(__file__).resolve().parent.parent / "evals"
SETS = sorted(p for p in EVALS.glob("*.jsonl") if not p.name.startswith("briefing-"))  # briefing sets: test_briefing.py
PARTS = {"dev": EVALS / "dev.jsonl", "test": EVALS / "test.jsonl"}
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# evals/unseen*.jsonl ask about these
UNSEEN = [FIXTURES / "unseen", FIXTURES / "unseen2", FIXTURES / "unseen3", FIXTURES / "unseen4", FIXTURES / "unseen5",
          FIXTURES / "unseen6", FIXTURES / "unseen7", FIXTURES / "unseen8", FIXTURES / "unseen9",
          FIXTURES / "unseen10", FIXTURES / "unseen11",
          FIXTURES / "unseen12", FIXTURES / "unseen13", FIXTURES / "unseen14", FIXTURES / "unseen15",
          FIXTURES / "unseen16", FIXTURES / "unseen17", FIXTURES / "unseen18",
          FIXTURES / "unseen19", FIXTURES / "unseen20", FIXTURES / "unseen21", FIXTURES / "unseen22",
          FIXTURES / "unseen23", FIXTURES / "unseen24",
          FIXTURES / "unseen25", FIXTURES / "unseen26", FIXTURES / "unseen27",
          FIXTURES / "unseen28", FIXTURES / "unseen29", FIXTURES / "unseen30",
          FIXTURES / "unseen31", FIXTURES / "unseen32", FIXTURES / "unseen33",
          FIXTURES / "unseen34", FIXTURES / "unseen35", FIXTURES / "unseen36",
          FIXTURES / "unseen37", FIXTURES / "unseen38",
          FIXTURES / "unseen39", FIXTURES / "unseen40", FIXTURES / "unseen41", FIXTURES / "unseen42",
          FIXTURES / "unseen43", FIXTURES / "unseen44", FIXTURES / "unseen45",
          FIXTURES / "unseen46", FIXTURES / "unseen47",
          FIXTURES / "unseen48", FIXTURES / "unseen49",
          FIXTURES / "unseen50", FIXTURES / "unseen51", FIXTURES / "unseen52", FIXTURES / "unseen53",
          FIXTURES / "unseen54", FIXTURES / "unseen55", FIXTURES / "unseen56",
          FIXTURES / "unseen57", FIXTURES / "unseen58", FIXTURES / "unseen59", FIXTURES / "unseen60"]
# Expected refs kept as the treaty numbers them where the parser numbers the paragraph otherwise today (parser misses,
# see tests/fixtures/unseen5/README.md and tests/test_unseen_fifth.py, unseen6 and tests/test_unseen_sixth.py):
# tolerated here, and reported once fixed.
KNOWN_REF_MISSES = {("unseen-5.jsonl", "y27", "Regulation B-2 1"),
                    # set 49 as found: the offshore memorandum's paragraphs open with a quotation mark and are read
                    # unnumbered; Annex I's and the securities memorandum's lettered parts are not read as such
                    # (ay02's "2" matches "No. I ¶2" since the note is a part: its second paragraph, by count)
                    ("unseen-49.jsonl", "ay01", "1"),
                    # set 53 as found: the traffic arteries declaration's Annex II numbers its chapters I-VI under
                    # Part A and their paragraphs 1, 2, ... again; the parser cites them by Part A alone
                    ("unseen-53.jsonl", "bc17", "Annex II A III a 1"), ("unseen-53.jsonl", "bc19", "Annex II A IV 4"),
                    # set 58 as found (blind, 61f57d8): the China treaty's notes and the patent procedures' points
                    # are not read at the depth the set writes them (the OPCW agreement's sections are since v66)
                    ("unseen-58.jsonl", "bh01", "Notes 1"), ("unseen-58.jsonl", "bh08", "5 b"),
                    ("unseen-58.jsonl", "bh12", "5 a"),
                    # set 60 as found (blind, 49a9f3d): the CFE notes' sections "###I." ... "###VI." are read as
                    # items of the first note, their bullets as its sub-items ("Nr. I(IV)(b)")
                    ("unseen-60.jsonl", "bj22", "IV"), ("unseen-60.jsonl", "bj25", "II"),
                    ("unseen-60.jsonl", "bj26", "II"),
                    # set 56: the interpretation standards the Codex letter attaches, numbered 1-11 again, are not
                    # read as a part of their own (the exchanges' numbered notes are since parser v62)
                    ("unseen-56.jsonl", "bf04", "Standards 9"),
                    ("unseen-49.jsonl", "ay04", "No. I 4"), ("unseen-49.jsonl", "ay05", "No. I 8"),
                    ("unseen-49.jsonl", "ay06", "No. I 17"), ("unseen-49.jsonl", "ay09", "Annex I 4 A 5"),
                    ("unseen-49.jsonl", "ay09", "Annex I 4 A"), ("unseen-49.jsonl", "ay09", "Annex I 4 B"),
                    ("unseen-49.jsonl", "ay09", "Annex I 4 C"), ("unseen-49.jsonl", "ay13", "No. I 7"),
                    ("unseen-49.jsonl", "ay15", "A"), ("unseen-49.jsonl", "ay16", "A"), ("unseen-49.jsonl", "ay16", "C"),
                    ("unseen-42.jsonl", "ar22", "1"),
                    # the quote is the second, unnumbered paragraph of Article 27 ("Art. 27 ¶2"); the set cites the article
                    ("unseen-46.jsonl", "av13", "27"),
                    # the Final Protocol's statements read as notes of their own ("No. 19"): tests/test_unseen_fortyseventh.py
                    ("unseen-47.jsonl", "aw27", "Final Protocol 2 A"), ("unseen-47.jsonl", "aw27", "Final Protocol 19"),
                    ("unseen-6.jsonl", "z13", "7.3"),  # the closing sentence of Montreal Art. 7(3), read as Art. 7 ¶5
                    # a row of the LBS Protocol's Annex III Part C table, cited by the Part as the set writes it
                    ("unseen-10.jsonl", "t23", "Annex III C"),
                    # the unnumbered proviso under the Fishing Nets Convention's Annex II table, cited by the Annex
                    ("unseen-11.jsonl", "s08", "Annex II"),
                    # two of CARPHA's 22 unnumbered definitions in its Article 1, cited by the article as the set
                    # writes them (the parser numbers them "Art. 1 ¶18", "Art. 1 ¶21")
                    ("unseen-14.jsonl", "n22", "1"), ("unseen-14.jsonl", "n23", "1"),
                    # an item of the Cinematographic Co-production Convention's Appendix I list (the parser numbers
                    # it "App. I ¶3"), cited by the appendix as the set writes it; the same question's other quote,
                    # the appendix's first paragraph, matches (so the quote names which of the two is the miss)
                    ("unseen-24.jsonl", "e26", "Appendix I", "a detailed script"),
                    # the closing words of the Aircraft Rights Convention's Art. IV(1) ("... give rise, under the law
                    # ..."), printed on the line of its last item (b), read as part of the item
                    ("unseen-29.jsonl", "ae26", "IV 1"),
                    # the Oviedo Convention's Art. 29 in two unnumbered paragraphs, cited by the article as the set
                    # writes it (the quote is in Art. 29 ¶2)
                    ("unseen-32.jsonl", "ah12", "29", "the government of a Party, after having informed the other Parties"),
                    # the Paris Reparation Agreement's Part I, Article 1 A: a category line with no letter of its own
                    # (the parser numbers it "Part I, Art. 1 ¶2"), and its Article 8 A printed "A.A share" with no
                    # space after the letter (read as "Part I, Art. 8 ¶2")
                    ("unseen-39.jsonl", "ao08", "I 1 A"), ("unseen-39.jsonl", "ao09", "I 8 A")}
KINDS = {"figure", "yes_no", "obligation", "who", "list", "definition", "comparison", "explain"}


def _questions(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _split_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("evals_split", EVALS / "split.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_split_parts_are_there():
    assert set(PARTS.values()) <= set(SETS), "evals/dev.jsonl and evals/test.jsonl must both exist"


@pytest.fixture(scope="module")
def known_docs(corpus_docs):
    """The shipped corpus and the treaties outside it that evals/unseen*.jsonl ask about."""
    unseen = {p.stem: parse_file(p) for folder in UNSEEN for p in sorted(folder.iterdir()) if is_document_file(p)
              and not p.stem.lower().startswith("readme")}
    return {**corpus_docs, **unseen}


@pytest.mark.parametrize("path", SETS, ids=[p.name for p in SETS])
def test_expected_quotes_and_refs_match_the_parsed_corpus(known_docs, path):
    problems = []
    for question in _questions(path):
        for item in question.get("expected", []):
            doc = known_docs.get(item["doc"])
            if doc is None:
                problems.append(f"{question['id']}: unknown document {item['doc']}")
                continue
            quote = normalise_for_match(item["quote"])
            found = [p for p in doc.paragraphs if quote in normalise_for_match(p.text)]
            known_miss = (path.name, question["id"], item.get("ref")) in KNOWN_REF_MISSES \
                or (path.name, question["id"], item.get("ref"), item["quote"]) in KNOWN_REF_MISSES
            if len(found) != 1:
                problems.append(f"{question['id']}: quote {item['quote']!r} is in {len(found)} paragraphs")
            elif ref_matches(item.get("ref"), found[0].ref) == known_miss:
                verdict = "now matches (drop it from KNOWN_REF_MISSES)" if known_miss else "does not match"
                problems.append(f"{question['id']}: ref {item['ref']!r} {verdict} {found[0].ref!r}")
    assert not problems, f"{path.name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", SETS, ids=[p.name for p in SETS])
def test_every_set_loads_and_kinds_are_known(path):
    assert load_dataset(path)  # the loader accepts every line, including the extra `kind` field
    unknown = [(q["id"], q["kind"]) for q in _questions(path) if "kind" in q and q["kind"] not in KINDS]
    assert not unknown


def test_no_question_is_in_both_parts():
    dev, test = (_questions(PARTS[name]) for name in ("dev", "test"))
    assert not {q["id"] for q in dev} & {q["id"] for q in test}
    text = lambda q: " ".join(q["question"].split()).casefold()  # noqa: E731
    assert not {text(q) for q in dev} & {text(q) for q in test}


def test_the_parts_are_exactly_the_seeded_split():
    split = _split_module()
    dev, test = split.split(split.read([PARTS["dev"], PARTS["test"]]))
    assert PARTS["dev"].read_text(encoding="utf-8") == split.render(dev), "dev.jsonl was edited by hand; run split.py"
    assert PARTS["test"].read_text(encoding="utf-8") == split.render(test), "test.jsonl was edited by hand"


def test_the_parts_cover_every_document_and_question_kind(corpus_docs):
    both = []
    for name, path in PARTS.items():
        questions = _questions(path)
        both += questions
        types = {q.get("type") for q in questions}
        assert types == set(TYPES), f"{name} lacks types {set(TYPES) - types}"
        kinds = {q["kind"] for q in questions if "kind" in q}
        assert kinds == KINDS, f"{name} lacks kinds {KINDS - kinds}"
        assert sum(1 for q in questions if "kind" in q) >= 25
    assert len(both) >= 250
    covered = {item["doc"] for q in both for item in q.get("expected", [])}
    assert covered == set(corpus_docs)
    assert sum(1 for q in both if q.get("history")) >= 30
    assert sum(1 for q in both if q.get("answerable") is False) >= 25
    assert sum(1 for q in both if q.get("kind") == "comparison") >= 8
    assert sum(1 for q in both if len(q.get("expected", [])) >= 2) >= 15
    assert sum(1 for q in both if q.get("type") == "delegate") >= 100
