"""The corpus folder: which entries are documents, and a reason for every one that is not.

Only regular files directly in the folder are read. Everything else is named with why it was left out (a
sub-folder, a link that loops or leads nowhere, a named pipe, which would block a reader forever, a file
whose name is not valid UTF-8), so "nothing was indexed" never comes without its reasons.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import MeaError
from .overrides import FILE_NAME as OVERRIDES_FILE, override_digest
from .parsing import SUPPORTED_SUFFIXES

_SPECIAL = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
            (stat.S_ISBLK, "a device"))


@dataclass
class Scan:
    files: list[Path] = field(default_factory=list)  # regular files of a supported type, in name order
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (name as shown, reason)


def shown_name(path: Path) -> str:
    """A file name that can always be printed: undecodable bytes become U+FFFD."""
    return os.fsencode(path.name).decode("utf-8", "replace")


def _why_not(path: Path) -> str | None:
    """None for a document file, else the reason it is left out."""
    name = path.name
    if shown_name(path) != name:
        return "the file name is not valid UTF-8; rename it"
    if name.startswith((".", "~$")):
        return "a hidden or temporary file"
    try:
        info = path.stat()  # follows links
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link that loops back on itself"
        if path.is_symlink():
            return f"a broken symbolic link (to {os.readlink(path)})"
        return f"cannot be read ({exc.strerror})"
    if stat.S_ISDIR(info.st_mode):
        return "a folder: documents in sub-folders are not read; move them up into the corpus folder"
    for test, what in _SPECIAL:
        if test(info.st_mode):
            return f"{what}, not a regular file"
    if path.stem.lower().startswith("readme"):
        return "a README describes the corpus; it is not a document"
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return f"unsupported file type '{path.suffix or 'none'}'; use one of {', '.join(SUPPORTED_SUFFIXES)}"
    return None


def scan(folder: Path) -> Scan:
    """The documents of `folder` and the reason for every other entry; MeaError when it cannot be listed."""
    if not folder.is_dir():
        raise MeaError(f"corpus folder {folder} does not exist; pass --corpus DIR or set MEA_CORPUS_DIR")
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        raise MeaError(f"corpus folder {folder} cannot be listed ({exc.strerror}); check its permissions") from exc
    out = Scan()
    for path in entries:
        if path.name == OVERRIDES_FILE:  # the corpus's own metadata, read with each document
            continue
        reason = _why_not(path)
        if reason is None:
            out.files.append(path)
        else:
            out.skipped.append((shown_name(path), reason))
    return out


def file_digest(path: Path) -> str:
    """SHA-256 of the file's bytes (read in blocks: a large file is never held whole for this) and of its entry
    in the corpus's documents.toml, so editing an override re-reads the file."""
    with path.open("rb") as f:
        digest = hashlib.file_digest(f, "sha256")
    digest.update(override_digest(path).encode())
    return digest.hexdigest()


def identity(folder: Path) -> dict[str, Any]:
    """What the manifest records of the corpus an index was built from: its absolute location."""
    return {"path": str(folder.resolve())}


def same_corpus(recorded: dict[str, Any] | None, folder: Path) -> bool:
    """True when `folder` is the corpus recorded in a manifest (an index from before the record: assumed so)."""
    if not recorded or "path" not in recorded:
        return True
    return recorded["path"] == identity(folder)["path"]
