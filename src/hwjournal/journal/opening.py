"""Reaching the journal file: connecting to it, telling an hw journal from any other
file, and turning the disk's failures into calm messages.

`connect` is the one place a journal file is connected to (the journal itself,
`hw check`, backups), so an encrypted journal needs a change here only: it will
read the file's first 16 bytes (a plain SQLite file starts "SQLite format 3\\0")
and connect with SQLCipher and a key when they are anything else.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat

from hwjournal import messages, migrations, paths
from hwjournal.errors import JournalError

# How long a writer waits for another to finish before giving up.
BUSY_TIMEOUT_S = 30.0

# What a database call can raise. Catch this tuple, never sqlite3.Error alone:
# SQLCipher's exceptions are not subclasses of sqlite3's, and will join it here.
DB_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error,)


def connect(path: str) -> sqlite3.Connection:
    """A connection to the file at `path` in autocommit mode (transactions are
    explicit), waiting up to BUSY_TIMEOUT_S for a parallel writer."""
    db = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )
    db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    return db


def stamp(db: sqlite3.Connection) -> tuple[int, int, int]:
    """(schema version, application id, number of schema objects) of the file.

    One statement, so one snapshot: read one by one, a journal that another process
    creates in between looks like a foreign file (no id, yet tables)."""
    return db.execute(
        "SELECT (SELECT user_version FROM pragma_user_version), "
        "(SELECT application_id FROM pragma_application_id), "
        "(SELECT count(*) FROM sqlite_master)"
    ).fetchone()


def is_hw(app_id: int) -> bool:
    """Marked as an hw journal (every migrated journal is)."""
    return app_id == migrations.APPLICATION_ID


def may_become_journal(version: int, app_id: int, objects: int) -> bool:
    """An hw journal, or an empty database hw may make one of."""
    return is_hw(app_id) or (version == 0 and objects == 0)


def is_newer(version: int) -> bool:
    """Written by an hw that knows a later schema than this one."""
    return version > migrations.LATEST


def is_unreadable(exc: Exception) -> bool:
    """The file is not a database at all, or its pages are damaged."""
    return "not a database" in str(exc) or "malformed" in str(exc)


def not_a_journal(path: str) -> JournalError:
    return JournalError(
        messages.NOT_A_JOURNAL.format(path=path) + " " + messages.JOURNAL_UNTOUCHED,
        messages.NOT_A_JOURNAL_HINT,
    )


def newer_journal(version: int) -> JournalError:
    newer = messages.JOURNAL_NEWER.format(version=version, latest=migrations.LATEST)
    return JournalError(
        newer + " " + messages.JOURNAL_UNTOUCHED, messages.JOURNAL_UPGRADE.format(verb="open")
    )


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


def check_path(path: str) -> None:
    """Refuse, before anything connects to it, a path that cannot be a journal file: a
    folder, a device (/dev/null), a FIFO or a socket, or a name with a NUL in it. A
    path with nothing there yet is fine: a journal may be made there."""
    if "\x00" in path:
        raise JournalError(messages.JOURNAL_PATH_NUL, messages.NOT_A_JOURNAL_HINT)
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return
    except OSError as exc:
        raise JournalError(
            messages.JOURNAL_CANNOT_OPEN.format(path=path, problem=exc.strerror or exc)
        ) from None
    if stat.S_ISDIR(mode):
        raise JournalError(
            messages.JOURNAL_IS_FOLDER.format(path=path), messages.JOURNAL_IS_FOLDER_HINT
        )
    if not stat.S_ISREG(mode):
        raise JournalError(
            messages.JOURNAL_NOT_A_FILE.format(path=path), messages.NOT_A_JOURNAL_HINT
        )
    if not os.access(path, os.R_OK):  # SQLite would only say "unable to open"
        raise JournalError(
            messages.JOURNAL_CANNOT_OPEN.format(path=path, problem=os.strerror(errno.EACCES))
        )


def create_private_file(path: str) -> None:
    """An empty journal file readable by its owner only, in a private folder."""
    try:
        paths.make_private_dir(os.path.dirname(os.path.abspath(path)))
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    except OSError as exc:
        raise JournalError(
            messages.JOURNAL_CANNOT_CREATE.format(path=path, problem=exc.strerror),
            messages.JOURNAL_CANNOT_CREATE_HINT,
        ) from None
    os.close(fd)
    os.chmod(path, 0o600)
