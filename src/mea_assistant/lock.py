"""One writer per index folder: `index/ingest.lock`, held by the ingest writing there.

The file names its holder (pid, host, start time) so a second ingest can say who it is waiting for. Holding
is an advisory `flock` on the file, which the system releases when the holder exits however it exits, so a
lock left behind by a killed ingest is recognised as stale (the file is there, nobody holds it) and taken
over, never waited on. Readers never take the lock: they keep serving the build CURRENT names until an
ingest switches it atomically.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .errors import IndexBusy

LOCK_NAME = "ingest.lock"
POLL_S = 0.5


@dataclass(frozen=True)
class Holder:
    pid: int
    host: str
    started: str

    def describe(self) -> str:
        where = "" if self.host == socket.gethostname() else f" on {self.host}"
        return f"pid {self.pid}{where}, started {self.started}"


def _read_holder(path: Path) -> Holder | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Holder(int(data["pid"]), str(data["host"]), str(data["started"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _is_held(path: Path) -> bool:
    """True when some process holds the lock on `path` right now."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def holder(index_dir: Path) -> Holder | None:
    """Who is ingesting into `index_dir` now, or None (no lock file, or a stale one)."""
    path = index_dir / LOCK_NAME
    if not path.exists() or not _is_held(path):
        return None
    return _read_holder(path) or Holder(0, "?", "?")


class IngestLock:
    """`with IngestLock(index_dir, wait_s, say):` — waits up to `wait_s` seconds for another ingest, then
    raises IndexBusy naming it. `stale` is the holder of a lock found abandoned and taken over."""

    def __init__(self, index_dir: Path, wait_s: float, say: Callable[[str], None] = lambda _m: None) -> None:
        self.path = index_dir / LOCK_NAME
        self.wait_s = wait_s
        self.say = say
        self.stale: Holder | None = None
        self._fd: int | None = None

    def __enter__(self) -> "IngestLock":
        deadline = time.monotonic() + self.wait_s
        announced = False
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                other = _read_holder(self.path)
                who = f"another ingest ({other.describe()})" if other else "another ingest"
                if time.monotonic() >= deadline:
                    raise IndexBusy(f"{who} is writing to {self.path.parent}; run this again when it has finished "
                                    f"(or set MEA_INGEST_WAIT to wait longer than {self.wait_s:g} s)") from None
                if not announced:
                    self.say(f"waiting up to {self.wait_s:g} s for {who} to finish")
                    announced = True
                time.sleep(POLL_S)
                continue
            try:
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if not same:  # the holder removed the file as we took it: lock the new one instead
                os.close(fd)
                continue
            self.stale = _read_holder(self.path)
            me = {"pid": os.getpid(), "host": socket.gethostname(), "started": time.strftime("%Y-%m-%d %H:%M:%S")}
            os.ftruncate(fd, 0)
            os.pwrite(fd, json.dumps(me).encode(), 0)
            os.fsync(fd)
            self._fd = fd
            if self.stale is not None:
                self.say(f"took over a stale ingest lock left by {self.stale.describe()} (no longer running)")
            return self

    def __exit__(self, *_exc: object) -> None:
        if self._fd is None:
            return
        try:
            self.path.unlink(missing_ok=True)  # removed while still held, so no one locks a file about to vanish
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
