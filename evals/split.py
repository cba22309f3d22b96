"""Split the evaluation questions into a dev part (tune on it) and a test part (report and gate on it, never tune).

Why a script: the split must be reproducible and must not be hand-picked. Each batch of questions (by id range)
is split on its own, so adding a new batch never moves an existing question from one part to the other. Within a
batch, questions are stratified by (type, kind) -- type as evaluation._derive_type computes it when the field is
absent -- and each stratum is shuffled with a seeded generator; its first half (rounded with a carry across
strata, so the batch as a whole is halved) goes to dev. Questions with the same text stay together, so no
question text is in both parts. Lines are copied unchanged.

    python evals/split.py                                  # re-split evals/dev.jsonl + evals/test.jsonl in place
    python evals/split.py evals/dev.jsonl evals/test.jsonl new.jsonl   # add a new batch (extend BATCHES first)
    python evals/split.py --check                          # exit 1 unless the files are exactly the split

Standard library only.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

SEED = 1729
DEV_SHARE = 0.5
# (name, first id number, last id number or None): a new batch of questions gets a new entry, never an old range.
BATCHES: tuple[tuple[str, int, int | None], ...] = (("curated", 1, 176), ("everyday", 177, 301), ("batch-3", 302, 401),
                                                   ("batch-4", 402, 501), ("batch-5", 502, None))
HERE = Path(__file__).resolve().parent
DEV, TEST = HERE / "dev.jsonl", HERE / "test.jsonl"


@dataclass(frozen=True)
class Line:
    """One question as read: the raw line (written back unchanged) and what the split needs from it."""

    raw: str
    id: str
    number: int
    text: str
    stratum: tuple[str, str]


def derive_type(obj: dict) -> str:
    """The type as mea_assistant.evaluation._derive_type gives it when the line has no `type` field."""
    expected = obj.get("expected") or []
    if obj.get("history"):
        return "followup"
    if not obj.get("answerable", bool(expected)):
        return "out-of-corpus"
    return "multi" if len(expected) >= 2 else "single"


def read(paths: list[Path]) -> list[Line]:
    lines, seen = [], {}
    for path in paths:
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip():
                continue
            obj = json.loads(raw)
            qid = str(obj["id"])
            match = re.fullmatch(r"q(\d+)", qid)
            if not match:
                raise SystemExit(f"{path}:{n}: id {qid!r} is not of the form q123; split.py assigns parts by id")
            if qid in seen:
                raise SystemExit(f"{path}:{n}: id {qid!r} is already in {seen[qid]}")
            seen[qid] = f"{path}:{n}"
            text = re.sub(r"\s+", " ", obj["question"]).strip().casefold()
            stratum = (obj.get("type") or derive_type(obj), obj.get("kind") or "")
            lines.append(Line(raw, qid, int(match.group(1)), text, stratum))
    return lines


def batch_of(line: Line) -> str:
    for name, first, last in BATCHES:
        if line.number >= first and (last is None or line.number <= last):
            return name
    raise SystemExit(f"{line.id}: no batch covers this id; add one to BATCHES in evals/split.py")


def split(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """(dev, test), each in id order. Deterministic: depends only on the questions, SEED and BATCHES."""
    drawn: set[str] = set()
    for name, _, _ in BATCHES:
        batch = [line for line in lines if batch_of(line) == name]
        carry = 0.0
        for stratum in sorted({line.stratum for line in batch}):
            units: dict[str, list[Line]] = {}
            for line in sorted((x for x in batch if x.stratum == stratum), key=lambda x: x.number):
                units.setdefault(line.text, []).append(line)
            order = list(units.values())
            random.Random(f"{SEED}:{name}:{stratum[0]}:{stratum[1]}").shuffle(order)
            target = len(order) * DEV_SHARE + carry
            take = int(target + 0.5)
            carry = target - take
            drawn |= {line.id for unit in order[:take] for line in unit}
    # A text repeated in another stratum or batch follows its first occurrence, so it never straddles the parts
    # and a later batch cannot move an earlier question.
    ordered = sorted(lines, key=lambda x: x.number)
    first: dict[str, Line] = {}
    for line in ordered:
        first.setdefault(line.text, line)
    dev = [x for x in ordered if first[x.text].id in drawn]
    return dev, [x for x in ordered if first[x.text].id not in drawn]


def render(lines: list[Line]) -> str:
    return "".join(line.raw + "\n" for line in lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", type=Path, help="question files (default: evals/dev.jsonl evals/test.jsonl)")
    parser.add_argument("--check", action="store_true", help="only verify the files are exactly the split")
    args = parser.parse_args(argv)
    dev, test = split(read(args.sources or [DEV, TEST]))
    if args.check:
        same = all(path.exists() and path.read_text(encoding="utf-8") == render(part)
                   for path, part in ((DEV, dev), (TEST, test)))
        print("dev/test are the seeded split" if same else "dev/test differ from the seeded split; run evals/split.py")
        return 0 if same else 1
    DEV.write_text(render(dev), encoding="utf-8")
    TEST.write_text(render(test), encoding="utf-8")
    print(f"seed {SEED}: dev {len(dev)} questions, test {len(test)} questions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
