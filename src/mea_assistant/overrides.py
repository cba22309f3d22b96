"""Per-corpus overrides: `documents.toml` beside the documents, for what a text does not say about itself.

    [document.sharks-mou-2010]          # the file name without its extension
    name = "Sharks MOU"                 # the short name citations use
    convention = ["Sharks MOU", "CMS"]  # a code or a list of codes, as --convention filters on
    type = "mou"
    date = "12 February 2010"
    status = "in force"
    source_url = "https://..."
    language = "en"

Every field is optional; `mea-assistant docs` shows each value with where it came from. A bad file is one
error line naming the file, the document and the key.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .datafiles import parse_toml
from .errors import MeaError
from .language import LANGUAGES

FILE_NAME = "documents.toml"
FIELDS = {"name": str, "convention": (str, list), "type": str, "date": str, "status": str, "source_url": str,
          "language": str}
TYPES = ("resolution", "decision", "convention", "protocol", "agreement", "mou", "strategic-plan", "action-plan",
         "work-programme", "correspondence", "document")


def read_overrides(corpus_dir: Path) -> dict[str, dict[str, Any]]:
    """doc_id -> checked override fields, from `<corpus>/documents.toml` ({} when there is none)."""
    path = Path(corpus_dir) / FILE_NAME
    if not path.is_file():
        return {}
    where = str(path)
    try:
        data = parse_toml(path.read_text(encoding="utf-8"), where)
    except UnicodeDecodeError:
        raise MeaError(f"{where}: not UTF-8 text; re-save it as UTF-8") from None
    table = data.get("document", {})
    if not isinstance(table, dict) or set(data) - {"document"}:
        raise MeaError(f"{where}: write one [document.<file name>] table per document, nothing else")
    out: dict[str, dict[str, Any]] = {}
    for doc_id, fields in table.items():
        label = f"{where}: [document.{doc_id}]"
        if not isinstance(fields, dict):
            raise MeaError(f"{label}: must be a table of keys")
        for key, value in fields.items():
            if key not in FIELDS:
                raise MeaError(f"{label}: unknown key '{key}'; use {', '.join(FIELDS)}")
            kind = FIELDS[key]
            if not isinstance(value, kind) or (isinstance(value, list) and not all(isinstance(v, str) for v in value)):
                raise MeaError(f"{label}: '{key}' must be {'a string or a list of strings' if key == 'convention' else 'a string'}")
        if "type" in fields and fields["type"] not in TYPES:
            raise MeaError(f"{label}: type '{fields['type']}': use one of {', '.join(TYPES)}")
        if "language" in fields and fields["language"] not in LANGUAGES:
            raise MeaError(f"{label}: language '{fields['language']}': use one of {', '.join(LANGUAGES)}")
        out[str(doc_id)] = fields
    return out


def override_for(path: Path) -> dict[str, Any]:
    """The override entry of the document in `path` (its file stem), {} when none."""
    return read_overrides(Path(path).parent).get(Path(path).stem, {})


def override_digest(path: Path) -> str:
    """What the override of this document says, as text: part of its content hash for incremental ingest."""
    entry = override_for(path)
    return json.dumps(entry, sort_keys=True) if entry else ""
