"""Vectors by the hash of the exact text embedded, in one SQLite file beside the builds.

Embedding is what an ingest spends its time on, so every batch of vectors is committed here as soon as it is
computed: an ingest killed midway resumes from what it had embedded, and a damaged build is rebuilt without
embedding anything again. The file is only a cache: when it is damaged or holds another model's vectors it is
started afresh, and after a successful ingest it keeps only the vectors of the live build.
"""

from __future__ import annotations

import hashlib
import sqlite3
from array import array
from pathlib import Path
from typing import Iterable, Sequence

_LOOKUP = 500  # keys per SELECT, below SQLite's limit on bound variables


def text_key(text: str) -> str:
    """The cache key of an embedded text (the same hash as index format 3's vectors.json)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


class VectorCache:
    """{text hash: vector} for one embedding model; writes are durable when `put_many` returns."""

    def __init__(self, path: Path, model: str) -> None:
        self.path = path
        self.reset_reason = ""
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = self._open(model)
        except sqlite3.DatabaseError as exc:  # not a database, or cut short: start again
            self.reset_reason = f"the vector cache was unreadable ({exc}) and was started afresh"
            path.unlink(missing_ok=True)
            self._db = self._open(model)

    def _open(self, model: str) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL)")
        row = db.execute("SELECT value FROM meta WHERE key = 'model'").fetchone()
        if row is not None and row[0] != model:
            db.execute("DELETE FROM vectors")
            self.reset_reason = f"the vector cache held vectors of {row[0]} and was emptied"
        db.execute("INSERT OR REPLACE INTO meta VALUES ('model', ?)", (model,))
        db.execute("SELECT count(*) FROM vectors").fetchone()  # a damaged table fails here, not mid-ingest
        db.commit()
        return db

    def get_many(self, keys: Iterable[str]) -> dict[str, list[float]]:
        wanted = list(dict.fromkeys(keys))
        out: dict[str, list[float]] = {}
        for start in range(0, len(wanted), _LOOKUP):
            part = wanted[start:start + _LOOKUP]
            marks = ",".join("?" * len(part))
            for key, blob in self._db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", part):
                out[key] = array("f", blob).tolist()
        return out

    def present(self, keys: Iterable[str]) -> set[str]:
        """Which of `keys` have a vector, without reading the vectors."""
        wanted = list(dict.fromkeys(keys))
        out: set[str] = set()
        for start in range(0, len(wanted), _LOOKUP):
            part = wanted[start:start + _LOOKUP]
            marks = ",".join("?" * len(part))
            out.update(k for (k,) in self._db.execute(f"SELECT key FROM vectors WHERE key IN ({marks})", part))
        return out

    def put_many(self, items: Iterable[tuple[str, Sequence[float]]]) -> None:
        """Stored as float32, which is what the model computes, so a vector reads back exactly."""
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                                 ((key, array("f", vector).tobytes()) for key, vector in items))

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM vectors").fetchone()[0])

    def keep_only(self, keys: Iterable[str]) -> int:
        """Drop every vector not in `keys` (those of the live build); returns how many were dropped."""
        with self._db:
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS live (key TEXT PRIMARY KEY)")
            self._db.execute("DELETE FROM live")
            self._db.executemany("INSERT OR IGNORE INTO live VALUES (?)", ((k,) for k in keys))
            dropped = self._db.execute("DELETE FROM vectors WHERE key NOT IN (SELECT key FROM live)").rowcount
            self._db.execute("DELETE FROM live")
        return int(dropped)

    def close(self) -> None:
        self._db.close()
