"""The package's own data files (`mea_assistant/data/*.toml`): read through `importlib.resources`, so they load
the same from a source checkout, an editable install or an installed wheel, and checked entry by entry, so a
user who extends one gets one line naming the file, the entry and the key to fix."""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from importlib import resources
from typing import Any

from .errors import MeaError


def _resource(name: str):  # type: ignore[no-untyped-def]
    return resources.files("mea_assistant").joinpath("data").joinpath(name)


def _missing(resource) -> MeaError:  # type: ignore[no-untyped-def]
    return MeaError(f"{resource}: data file missing from the installed package; reinstall mea-assistant")


def read_toml(name: str) -> tuple[dict[str, Any], str]:
    """(parsed content, where it was read from) of `data/<name>`."""
    resource = _resource(name)
    try:
        text = resource.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        raise _missing(resource) from None
    return parse_toml(text, str(resource)), str(resource)


def digest(name: str, ignored: frozenset[str] = frozenset()) -> str:
    """A short fingerprint of `data/<name>`: an index records the instruments file it was named and tagged with,
    so that extending the file is followed by a rebuild rather than ignored for documents already indexed. Keys in
    `ignored` are left out (a question alias or a note on a name's source changes no indexed document)."""
    if ignored:
        data, _ = read_toml(name)
        text = json.dumps(_without(data, ignored), sort_keys=True, default=str)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    resource = _resource(name)
    try:
        return hashlib.sha256(resource.read_bytes()).hexdigest()[:12]
    except (FileNotFoundError, NotADirectoryError):
        raise _missing(resource) from None


def _without(value: Any, ignored: frozenset[str]) -> Any:
    if isinstance(value, dict):
        return {k: _without(v, ignored) for k, v in value.items() if k not in ignored}
    if isinstance(value, list):
        return [_without(v, ignored) for v in value]
    return value


def parse_toml(text: str, where: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise MeaError(f"{where}: not valid TOML ({exc})") from None


def entries(data: dict[str, Any], table: str, where: str, required: dict[str, type],
            optional: dict[str, type]) -> list[dict[str, Any]]:
    """The `[[table]]` entries of a data file, each with its required keys and no unknown ones.

    Errors name the entry by number and by its first required key ("entry 7 (Basel)")."""
    rows = data.get(table, [])
    if not isinstance(rows, list):
        raise MeaError(f"{where}: '{table}' must be an array of tables, written [[{table}]]")
    known = {**required, **optional}
    for i, row in enumerate(rows, 1):
        label = f"{where}: [[{table}]] entry {i}"
        if not isinstance(row, dict):
            raise MeaError(f"{label}: must be a table of keys")
        first = next(iter(required))
        if isinstance(row.get(first), str):
            label += f" ({row[first]})"
        for key in required:
            if key not in row:
                raise MeaError(f"{label}: the key '{key}' is missing")
        for key, value in row.items():
            if key not in known:
                raise MeaError(f"{label}: unknown key '{key}'; use {', '.join(known)}")
            kind = known[key]
            if not isinstance(value, kind) or (kind is list and not all(isinstance(v, str) for v in value)):
                expected = "a list of strings" if kind is list else {str: "a string", bool: "true or false"}[kind]
                raise MeaError(f"{label}: '{key}' must be {expected}")
    return rows


def compiled(pattern: str, label: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise MeaError(f"{label}: the regular expression {pattern!r} is invalid ({exc})") from None
