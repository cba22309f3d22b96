"""`mea-assistant brief TOPIC [--out note.md|note.docx] [--json]`: the note printed, written or as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import MeaError
from ..note_export import note_docx, note_markdown
from . import build_note

if TYPE_CHECKING:
    from ..assistant import Assistant


def run_cli(assistant: "Assistant", args: argparse.Namespace) -> int:
    """Markdown on stdout by default; `--json` prints the note object; `--out` writes a .md or .docx file."""
    out: Path | None = getattr(args, "out", None)
    suffix = out.suffix.lower() if out else ""
    if out is not None and suffix not in (".md", ".docx"):
        raise MeaError(f"--out {out}: unknown format '{out.suffix or '(no suffix)'}'; "
                       "write a .md (Markdown) or .docx (Word) file")
    note = build_note(assistant, args.topic, conventions=getattr(args, "convention", None) or (),
                      doc_types=getattr(args, "doc_type", None) or ())
    if getattr(args, "json", False):
        sys.stdout.write(json.dumps(note.to_json(), ensure_ascii=False) + "\n")
    elif out is None:
        sys.stdout.write(note_markdown(note))
    if out is None:
        return 0
    try:
        if suffix == ".md":
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(note_markdown(note), encoding="utf-8")
        else:
            note_docx(note, out)
    except OSError as exc:
        raise MeaError(f"{out}: cannot write the note ({exc.strerror or exc})") from exc
    print(f"wrote {out} ({len(note.references)} references)", file=sys.stderr if args.json else sys.stdout)
    return 0
