"""Check a question or briefing set before it is used: each expected quote is verbatim in the paragraph its
(doc, ref) names and in no other paragraph of that document, so a scorer matching quotes cannot credit a
neighbour. What helpers writing an unread set run on their own file (they never run `ask` or `eval`).

    python evals/check_quotes.py evals/unread/blind-19.jsonl [--index DIR]   # prints each problem, then 'problems: N'

Reads the built index's documents (paragraphs as parsed); exit 1 when a problem is found.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from mea_assistant.evaluation.dataset import contains
from mea_assistant.index import Index
from mea_assistant.settings import Settings


def problems(items: list[dict], paragraphs: dict[str, list[tuple[str, str]]]) -> list[str]:
    """The set's problems, one line each: unknown document or ref, a quote not verbatim, a quote not unique."""
    found = []
    for item in items:
        for expected in item.get("expected") or []:
            doc, ref, quote = expected.get("doc"), expected.get("ref"), expected.get("quote", "")
            if doc not in paragraphs:
                found.append(f"{item['id']}: unknown document {doc!r}")
                continue
            texts = [text for r, text in paragraphs[doc] if r == ref]
            if not texts:
                found.append(f"{item['id']}: {doc} has no paragraph {ref!r}")
            elif not quote.strip() or not contains(texts[0], quote):  # matched as the scorer matches
                found.append(f"{item['id']}: the quote is not verbatim in {doc} {ref}: {quote[:80]!r}")
            others = [r for r, text in paragraphs[doc] if r != ref and quote.strip() and contains(text, quote)]
            if others:
                found.append(f"{item['id']}: the quote is also in {doc} {', '.join(others[:3])}: lengthen it")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--index", type=Path, help="index folder (default: MEA_INDEX_DIR or index/)")
    args = parser.parse_args(argv)
    index = Index(Settings.from_env(index_dir=args.index))
    paragraphs = {doc_id: [(p.ref, p.text) for p in doc.paragraphs] for doc_id, doc in index.documents.items()}
    items = [json.loads(line) for line in args.dataset.read_text(encoding="utf-8").splitlines() if line.strip()]
    found = problems(items, paragraphs)
    print("\n".join([*found, f"problems: {len(found)}"]))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
