"""Reaching the journal file: connecting to it, telling an hw journal from any other
file, and turning the disk's failures into calm messages.

`connect` is the one place a journal file is connected to (the journal itself,
`hw check`, backups). It reads the file's first 16 bytes: a plain SQLite file starts
"SQLite format 3\\0"; anything else that is shaped like database pages is an
encrypted journal, connected to with SQLCipher and a key (journal.cipher). Plain
journals never load the encryption libraries.

Every connection also holds a shared lock on the journal's folder until it is
closed, so that `hw encrypt` and `hw decrypt`, which replace the file, can tell
that no other hw has it open (see lock_exclusive).
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
# SQLCipher's exceptions are not subclasses of sqlite3's; they join it (add_db_errors)
# when an encrypted journal is first opened.
DB_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error,)

# The first 16 bytes of every plain SQLite file.
PLAIN_HEADER = b"SQLite format 3\x00"


def connect(path: str, ask: bool = True) -> sqlite3.Connection:
    """A connection to the file at `path` in autocommit mode (transactions are
    explicit), waiting up to BUSY_TIMEOUT_S for a parallel writer.

    An encrypted journal is opened with its key from journal.keys (an unlocked
    session, HW_PASSPHRASE_COMMAND, the keyring, or a prompt; with ask=False the
    unlocked session only). Locked, it raises keys.Locked, a JournalError."""
    lock = hold_shared(path)
    try:
        if is_encrypted(path):
            from hwjournal.journal import cipher

            db = cipher.open_journal(path, ask=ask)
        else:
            db = sqlite3.connect(
                path,
                timeout=BUSY_TIMEOUT_S,
                isolation_level=None,
                check_same_thread=False,
                factory=Connection,
            )
            db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    except BaseException:
        release(lock)
        raise
    db.folder_lock = lock
    return db


class Connection(sqlite3.Connection):
    """A connection that lets go of its folder lock when it closes."""

    folder_lock: str | None = None

    def close(self) -> None:
        super().close()
        release(self.folder_lock)
        self.folder_lock = None


def is_encrypted(path: str) -> bool:
    """Whether the file at `path` is an encrypted journal: not plain SQLite, yet whole
    database pages (an encrypted file starts with random bytes, never the header).
    A text file or an empty one is not; opening it says what it is."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
            size = os.fstat(fh.fileno()).st_size
    except OSError:
        return False
    # SQLCipher starts a file with its random salt: sixteen zero bytes (a sparse or
    # zeroed file) are no journal at all
    return len(head) == 16 and head not in (PLAIN_HEADER, bytes(16)) and size % 512 == 0


def add_db_errors(*errors: type[Exception]) -> None:
    """Make DB_ERRORS catch these too (SQLCipher's, once it is loaded).

    `except DB_ERRORS` reads the name in the module that imported it, which holds
    the tuple as it was then; so the new tuple replaces the old one in every hw
    module that holds it."""
    global DB_ERRORS
    import sys

    old = DB_ERRORS
    new = old + tuple(error for error in errors if error not in old)
    for name, module in list(sys.modules.items()):
        if (name == "hwjournal" or name.startswith("hwjournal.")) and getattr(
            module, "DB_ERRORS", None
        ) is old:
            module.DB_ERRORS = new
    DB_ERRORS = new


# ------------------------------------------------------------ the folder lock
# flock on the journal's folder (not the file, which encrypt and decrypt replace, and
# which SQLite locks with fcntl: on macOS the two kinds meet). One open descriptor per
# folder per process, counted, so every connection of this process shares it.

_HELD: dict[str, list[int]] = {}  # folder -> [descriptor, connections holding it]


def _folder(path: str) -> str:
    return os.path.dirname(os.path.abspath(path))


def hold_shared(path: str) -> str | None:
    """Take the shared lock on the journal's folder (waiting while a conversion runs);
    the folder, to release later. None where locks are not available (Windows)."""
    folder = _folder(path)
    held = _HELD.get(folder)
    if held is not None:
        held[1] += 1
        return folder
    try:
        import fcntl
    except ImportError:
        return None
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
    except OSError:
        os.close(fd)
        return None
    _HELD[folder] = [fd, 1]
    return folder


def release(folder: str | None) -> None:
    held = _HELD.get(folder) if folder is not None else None
    if held is None:
        return
    held[1] -= 1
    if held[1] <= 0:
        del _HELD[folder]
        os.close(held[0])  # closing it lets the lock go


def lock_exclusive(path: str) -> str | None:
    """The journal's folder for this process alone, without waiting: a JournalError
    when another hw has the journal open. Released with release()."""
    folder = hold_shared(path)
    if folder is None:
        return None
    import fcntl

    fd = _HELD[folder][0]
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        # a failed conversion may have dropped the shared lock this process held
        fcntl.flock(fd, fcntl.LOCK_SH)
        release(folder)
        raise JournalError(
            messages.JOURNAL_IN_USE.format(path=path), messages.JOURNAL_IN_USE_HINT
        ) from None
    return folder


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
