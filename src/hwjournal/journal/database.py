"""What every connection to a journal shares, plain or encrypted: how long a writer
waits, which exceptions are the database's, and the disk's failures in plain words.

SQLCipher's exceptions are not subclasses of sqlite3's. They join the database's
errors when an encrypted journal is first opened (add_db_errors), and everything
asks one function, so no module holds a copy that could go stale:

    except db_errors() as exc:      # the tuple as it is now
    if is_db_error(exc): ...
"""

from __future__ import annotations

import sqlite3

from hwjournal import messages
from hwjournal.errors import JournalError

# How long a writer waits for another to finish before giving up.
BUSY_TIMEOUT_S = 30.0

_ERRORS: list[tuple[type[Exception], ...]] = [(sqlite3.Error,)]


def db_errors() -> tuple[type[Exception], ...]:
    """What a database call can raise, for an `except` clause (evaluated when an
    exception reaches it, so SQLCipher's errors count once they are loaded)."""
    return _ERRORS[0]


def is_db_error(exc: BaseException) -> bool:
    """Whether `exc` came from the database (SQLite's or SQLCipher's)."""
    return isinstance(exc, _ERRORS[0])


def add_db_errors(*errors: type[Exception]) -> None:
    """Count these as the database's errors too (SQLCipher's, once it is loaded)."""
    old = _ERRORS[0]
    _ERRORS[0] = old + tuple(error for error in errors if error not in old)


def is_unreadable(exc: Exception) -> bool:
    """The file is not a database at all, or its pages are damaged."""
    return "not a database" in str(exc) or "malformed" in str(exc)


def storage_error(path: str, exc: Exception) -> JournalError | None:
    """A calm JournalError for a disk that is full, failing or locked; None for
    anything else (a bug, which the exit point reports as unexpected)."""
    code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
    text = str(exc).lower()
    if code == sqlite3.SQLITE_FULL or "disk is full" in text:
        return JournalError(messages.DISK_FULL.format(path=path), messages.DISK_FULL_HINT)
    if code in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN) or (
        "disk i/o error" in text or "readonly database" in text
    ):
        return JournalError(messages.DISK_IO.format(path=path, problem=exc), messages.DISK_IO_HINT)
    if code == sqlite3.SQLITE_BUSY or "database is locked" in text:
        return JournalError(messages.JOURNAL_BUSY.format(path=path), messages.JOURNAL_BUSY_HINT)
    return None
