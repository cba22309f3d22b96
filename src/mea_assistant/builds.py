"""The index folder on disk: builds, the CURRENT pointer, manifests and the parsed documents.

```
index/
  CURRENT              the name of the live build (one line), switched by an atomic rename
  ingest.lock          held by the one ingest writing here (see lock.py)
  cache/vectors.sqlite3  vectors by the hash of the text embedded (see vectorcache.py)
  builds/<id>/         manifest.json, documents.json, chroma/ (two collections), bm25/
```
Everything read here is checked: a pointer that holds garbage or leads outside `builds/`, or a manifest or
document list cut short, is reported as `IndexDamaged` in one line that says to re-ingest, never a traceback.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any, Iterable

from .errors import IndexDamaged, IndexMissing
from .types import Document

MANIFEST_VERSION = 2  # 2: corpus identity and sentence count recorded; version 1 manifests are still read
COLLECTION = "paragraphs"  # the vector store's collection in `<build>/chroma`
SENTENCES = "sentences"  # one vector per sentence of each paragraph, for the second-stage ranker
BUILD_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$")
REBUILD = "run `mea-assistant ingest` to rebuild it"


def damaged(index_dir: Path, what: str) -> IndexDamaged:
    return IndexDamaged(f"the index in {index_dir} is damaged: {what}; {REBUILD}", what)


def builds_dir(index_dir: Path) -> Path:
    return index_dir / "builds"


def pointer_problem(index_dir: Path) -> str | None:
    """What is wrong with CURRENT, in words, or None when it names a build inside `builds/` that exists."""
    pointer = index_dir / "CURRENT"
    try:
        raw = pointer.read_bytes()
    except FileNotFoundError:
        return "CURRENT is missing"
    except OSError as exc:
        return f"CURRENT cannot be read ({exc.strerror})"
    name = raw.decode("utf-8", "replace").strip()
    if not name:
        return "CURRENT is empty"
    if "/" in name or "\\" in name or name.startswith("."):
        return f"CURRENT points outside the index folder ({name[:60]!r})"
    if not BUILD_NAME.match(name):
        return f"CURRENT holds {name[:40]!r}, which is not the name of a build"
    build = builds_dir(index_dir) / name
    try:
        inside = build.resolve().parent == builds_dir(index_dir).resolve()
    except OSError:
        inside = False
    if not inside:
        return f"CURRENT points outside the index folder (builds/{name} is a link elsewhere)"
    if not build.is_dir():
        return f"CURRENT names build {name}, which does not exist"
    return None


def has_index(index_dir: Path) -> bool:
    """Something that was an index is here (a pointer or a build), whether or not it is healthy."""
    builds = builds_dir(index_dir)
    return (index_dir / "CURRENT").exists() or (builds.is_dir() and any(builds.iterdir()))


def live_build(index_dir: Path) -> Path:
    """The build CURRENT names; IndexMissing when there is no index, IndexDamaged when the pointer is bad."""
    if not has_index(index_dir):
        raise IndexMissing(f"no index in {index_dir}; run `mea-assistant ingest` first")
    problem = pointer_problem(index_dir)
    if problem:
        raise damaged(index_dir, problem)
    return builds_dir(index_dir) / (index_dir / "CURRENT").read_text(encoding="utf-8").strip()


def current_build(index_dir: Path) -> Path | None:
    """The live build when CURRENT is sound and the build has its manifest; None otherwise."""
    if not has_index(index_dir) or pointer_problem(index_dir):
        return None
    build = live_build(index_dir)
    return build if (build / "manifest.json").is_file() else None


def _read_json(path: Path, index_dir: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise damaged(index_dir, f"{path.name} is missing") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise damaged(index_dir, f"{path.name} is truncated or unreadable ({str(exc)[:80]})") from exc


def load_manifest(build: Path, index_dir: Path) -> dict[str, Any]:
    manifest = _read_json(build / "manifest.json", index_dir)
    if not isinstance(manifest, dict) or not isinstance(manifest.get("settings"), dict) \
            or not isinstance(manifest.get("chunks"), int):
        raise damaged(index_dir, "manifest.json lacks its settings or counts")
    return manifest


def read_manifest(index_dir: Path) -> dict[str, Any] | None:
    """The live build's manifest, or None when there is no sound one (callers that must explain use `live_build`)."""
    build = current_build(index_dir)
    if build is None:
        return None
    try:
        return load_manifest(build, index_dir)
    except IndexDamaged:
        return None


def doc_to_json(doc: Document) -> dict[str, Any]:
    return doc.to_json()


def doc_from_json(data: dict[str, Any]) -> Document:
    return Document.from_json(data)


def load_documents(build: Path, index_dir: Path) -> dict[str, Document]:
    data = _read_json(build / "documents.json", index_dir)
    try:
        return {d["doc_id"]: doc_from_json(d) for d in data}
    except (TypeError, KeyError) as exc:
        raise damaged(index_dir, f"documents.json has a malformed entry ({exc})") from exc


def write_json(path: Path, data: Any, indent: int | None = None) -> None:
    """Written beside, flushed to disk, then renamed over: a reader sees the old file or the whole new one."""
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=indent)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def switch(index_dir: Path, build_id: str) -> None:
    """Make `build_id` the live build: one atomic rename of the pointer, made durable before returning."""
    tmp = index_dir / f"CURRENT.{build_id}.tmp"
    with tmp.open("w", encoding="utf-8") as f:
        f.write(build_id)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, index_dir / "CURRENT")  # atomic on POSIX
    fd = os.open(index_dir, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_builds(index_dir: Path, keep: Iterable[str]) -> list[str]:
    """Remove every build but `keep` (the live one and the one before it, which running readers may still
    have open), and stray pointer files of interrupted switches. Only ever called under the ingest lock."""
    keep = set(keep)
    removed = []
    builds = builds_dir(index_dir)
    for old in sorted(builds.iterdir()) if builds.is_dir() else []:
        if old.name not in keep:
            shutil.rmtree(old, ignore_errors=True)
            removed.append(old.name)
    for stray in index_dir.glob("CURRENT.*.tmp"):
        stray.unlink(missing_ok=True)
    return removed


def remove_unfinished(index_dir: Path) -> list[str]:
    """Builds an interrupted ingest left without a manifest (written last). Only under the ingest lock."""
    builds = builds_dir(index_dir)
    unfinished = [b for b in builds.iterdir() if not (b / "manifest.json").is_file()] if builds.is_dir() else []
    for build in unfinished:
        shutil.rmtree(build, ignore_errors=True)
    return sorted(b.name for b in unfinished)
