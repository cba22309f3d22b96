"""The few errors the product raises on purpose; the CLI prints them as one line, never a traceback."""


class MeaError(Exception):
    """Base class for expected problems (bad input, missing index, mismatched settings)."""


class ParseError(MeaError):
    """A source file cannot be turned into paragraphs: empty, binary, undecodable or corrupt."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class IndexMissing(MeaError):
    """No index where one was expected."""


class IndexMismatch(MeaError):
    """The index was built with settings (model, chunking) other than the ones in force."""


class InputError(MeaError):
    """A request the user can fix (empty or too long question, unknown document, bad history file)."""


class StoreError(MeaError):
    """A store on disk cannot be opened or read (a damaged file, a missing collection)."""


class IndexDamaged(MeaError):
    """The live index is incomplete or damaged; `mea-assistant ingest` rebuilds it. `what` says which part."""

    def __init__(self, message: str, what: str = "") -> None:
        super().__init__(message)
        self.what = what or message


class IndexBusy(MeaError):
    """Another ingest holds the index's lock."""
