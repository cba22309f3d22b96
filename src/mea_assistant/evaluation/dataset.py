"""Evaluation sets (shared/eval-format.md): load and validate the JSONL, and the rule for when a paragraph
matches an expected item.

The matching rule lives here, with the set it serves, so that the metrics, the reports and the dataset check
all read one definition: metrics import this module, never the reverse.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

from ..errors import MeaError
from ..parsing.cleaning import normalise_for_match

TYPES = ("single", "multi", "followup", "delegate", "exact-ref", "out-of-corpus")  # known types, in report order
KINDS = ("figure", "yes_no", "obligation", "who", "list", "definition", "comparison", "explain")  # answer types


@dataclass(frozen=True)
class Expected:
    """A paragraph that answers a question: document id, loose locator (or None) and a verbatim quote."""

    doc: str
    ref: str | None
    quote: str


@dataclass
class Question:
    id: str
    question: str
    history: list[dict[str, str]] = field(default_factory=list)
    expected: list[Expected] = field(default_factory=list)
    must_mention: list[list[str]] = field(default_factory=list)
    answerable: bool = True
    type: str = "single"
    line: int = 0
    kind: str | None = None  # optional: the answer type the question asks for (eval-format.md `answer_type`)


# ----- matching ----------------------------------------------------------------------------------------------

@lru_cache(maxsize=20000)
def normalised(text: str) -> str:
    """The matching normalisation of eval-format.md, cached: every retrieved paragraph is compared with every
    expected quote of its question, and the same paragraphs come back question after question."""
    return normalise_for_match(text)


def contains(text: str, quote: str) -> bool:
    return normalised(quote) in normalised(text)


def matched_items(paragraph: dict[str, Any], expected: Sequence[Expected]) -> list[int]:
    """Indices of the expected items a retrieved or cited paragraph matches (eval-format.md: same document,
    and the paragraph's text contains the quote after normalisation)."""
    doc_id, text = paragraph.get("doc_id", ""), paragraph.get("text", "")
    return [i for i, item in enumerate(expected) if doc_id == item.doc and contains(text, item.quote)]


def locate(item: Expected, doc_paragraphs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (ref, text) paragraphs of a document that an expected item matches."""
    return [(ref, text) for ref, text in doc_paragraphs if contains(text, item.quote)]


# ----- loading and validation --------------------------------------------------------------------------------

def _derive_type(history: list, expected: list, answerable: bool) -> str:
    if history:
        return "followup"
    if not answerable:
        return "out-of-corpus"
    return "multi" if len(expected) >= 2 else "single"


def _parse_question(obj: Any, line: int) -> Question:
    """One dataset line -> Question; raises ValueError("field 'x': reason") for the caller to locate."""
    if not isinstance(obj, dict):
        raise ValueError("the line must be a JSON object")
    text = obj.get("question")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("field 'question' must be a string" if isinstance(text, (list, dict, int, float)) else
                         "field 'question' is missing or empty")
    qid = obj.get("id", f"line-{line}")
    if not isinstance(qid, (str, int)) or isinstance(qid, bool) or not str(qid).strip():
        raise ValueError("field 'id' must be a non-empty string")
    history = obj.get("history") or []
    if not isinstance(history, list):
        raise ValueError("field 'history' must be a list of {\"role\", \"content\"} turns")
    for i, turn in enumerate(history):
        if not (isinstance(turn, dict) and turn.get("role") in ("user", "assistant")
                and isinstance(turn.get("content"), str)):
            raise ValueError(f"field 'history[{i}]' must be {{\"role\": \"user\"|\"assistant\", \"content\": str}}")
    raw_expected = obj.get("expected") or []
    if not isinstance(raw_expected, list):
        raise ValueError("field 'expected' must be a list of {\"doc\", \"ref\", \"quote\"} objects")
    expected = []
    for i, item in enumerate(raw_expected):
        if not isinstance(item, dict):
            raise ValueError(f"field 'expected[{i}]' must be an object with doc, ref and quote")
        for key in ("doc", "quote"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise ValueError(f"field 'expected[{i}].{key}' is missing or not a non-empty string")
        ref = item.get("ref")
        if ref is not None and (not isinstance(ref, (str, int, float)) or isinstance(ref, bool)):
            raise ValueError(f"field 'expected[{i}].ref' must be a string or null")
        expected.append(Expected(item["doc"].strip(), str(ref) if ref not in (None, "") else None, item["quote"]))
    groups = obj.get("must_mention") or []
    if not (isinstance(groups, list) and all(isinstance(g, list) and g and all(isinstance(a, str) and a.strip()
                                                                                 for a in g) for g in groups)):
        raise ValueError("field 'must_mention' must be a list of groups, each a non-empty list of strings, "
                         "e.g. [[\"export permit\"], [\"six months\", \"6 months\"]]")
    answerable = obj.get("answerable", bool(expected))
    if not isinstance(answerable, bool):
        raise ValueError("field 'answerable' must be true or false")
    qtype = obj.get("type") or _derive_type(history, expected, answerable)
    if not isinstance(qtype, str) or not qtype.strip():
        raise ValueError(f"field 'type' must be a string such as {', '.join(TYPES)}, or left out")
    kind = obj.get("kind")
    if kind is not None and kind not in KINDS:
        raise ValueError(f"field 'kind' is {kind!r}; use one of {', '.join(KINDS)} or leave it out")
    return Question(str(qid).strip(), text.strip(), history, expected, groups, answerable, qtype.strip(), line,
                    kind)


def parse_dataset(lines: Iterable[str], where: str) -> list[Question]:
    """Validate every line before anything runs; all problems are reported together, each with line and field."""
    questions: list[Question] = []
    problems: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            problems.append((number, f"invalid JSON ({exc.msg} at column {exc.colno})"))
            continue
        try:
            q = _parse_question(obj, number)
        except ValueError as exc:
            problems.append((number, str(exc)))
            continue
        if q.id in seen:
            problems.append((number, f"field 'id' {q.id!r} duplicates line {seen[q.id]}"))
            continue
        seen[q.id] = number
        questions.append(q)
    if problems:
        line, message = problems[0]
        rest = [str(n) for n, _ in problems[1:]]
        more = f" (and {len(rest)} more problems, on line {', '.join(rest[:8])}{', ...' if len(rest) > 8 else ''})" \
            if rest else ""
        raise MeaError(f"{where}:{line}: {message}{more}")
    if not questions:
        raise MeaError(f"{where}: no questions in the file")
    return questions


def load_dataset(path: Path) -> list[Question]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise MeaError(f"{path}: cannot read the evaluation set ({exc})") from exc
    return parse_dataset(text.splitlines(), str(path))


def dataset_warnings(questions: Sequence[Question], paragraphs: dict[str, list[tuple[str, str]]]) -> list[str]:
    """Expected items that no indexed paragraph can ever match (unknown document, quote not verbatim)."""
    out = []
    for q in questions:
        for i, item in enumerate(q.expected):
            if item.doc not in paragraphs:
                out.append(f"line {q.line} ({q.id}) expected[{i}]: no document {item.doc!r} in the index")
            elif not locate(item, paragraphs[item.doc]):
                out.append(f"line {q.line} ({q.id}) expected[{i}]: quote {item.quote[:60]!r} is in no paragraph "
                           f"of {item.doc}")
    return out
