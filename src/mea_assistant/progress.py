"""How an ingest reports what it is doing: a few stage lines, and a progress bar of the chunks written.

The bar (tqdm: chunks done, rate, time left) is drawn only on a terminal; piped into a log or run in a test,
an ingest prints its stage lines and nothing else, so logs are not filled with carriage returns.
"""

from __future__ import annotations

import sys
from typing import Any, Callable, Protocol, TextIO


class Bar(Protocol):
    def update(self, n: int) -> None: ...

    def close(self) -> None: ...


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


class Progress:
    """Stage lines go to `say`; `bar()` draws on `stream` only when `bars` is on."""

    def __init__(self, say: Callable[[str], None] | None = None, bars: bool = False,
                 stream: TextIO | None = None) -> None:
        self._say = say or (lambda _msg: None)
        self.bars = bars
        self.stream = stream or sys.stderr

    @classmethod
    def for_terminal(cls, stream: TextIO | None = None) -> "Progress":
        """Lines on `stream` (stderr), and bars when it is a terminal."""
        stream = stream or sys.stderr
        return cls(lambda msg: print(msg, file=stream, flush=True), bars=stream.isatty(), stream=stream)

    def say(self, message: str) -> None:
        self._say(message)

    def bar(self, total: int, desc: str, unit: str = "chunks") -> Bar:
        if not self.bars or total <= 0:
            return _NoBar()
        from tqdm import tqdm

        bar: Any = tqdm(total=total, desc=desc, unit=f" {unit}", file=self.stream, disable=False, leave=True,
                        dynamic_ncols=True, smoothing=0.1, mininterval=0.5,
                        bar_format="{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt}{unit} "
                                   "[{elapsed}<{remaining}, {rate_fmt}]")
        return bar


def as_progress(progress: "Progress | Callable[[str], None] | None") -> Progress:
    """Callers may pass a Progress, a plain function for the stage lines (`print`), or nothing."""
    if isinstance(progress, Progress):
        return progress
    return Progress(progress)
