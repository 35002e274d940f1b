"""Reaching the journal file: connecting to it, and telling an hw journal from any
other file (database.py says what the disk's failures mean).

`connect` is the one place a journal file is connected to (the journal itself,
`hw check`, backups). It reads the file's first 16 bytes: a plain SQLite file starts
"SQLite format 3\\0"; anything else that is shaped like database pages is an
encrypted journal, connected to with SQLCipher and a key (journal.cipher). Each
loads its own driver only: plain journals never load the encryption libraries, and
encrypted ones never load the standard library's sqlite3.

Every connection also holds a shared lock on the journal's folder until it is
closed, so that `hw encrypt` and `hw decrypt`, which replace the file, can tell
that no other hw has it open (database.py).
"""

from __future__ import annotations

import errno
import os
import stat

from hwjournal import messages, migrations, paths
from hwjournal.errors import JournalError
from hwjournal.journal.database import BUSY_TIMEOUT_S, hold_shared, release

TYPE_CHECKING = False
if TYPE_CHECKING:
    import sqlite3
    from typing import Any

    from hwjournal.journal.database import Unlocker

# The first 16 bytes of every plain SQLite file.
PLAIN_HEADER = b"SQLite format 3\x00"


def connect(path: str, unlock: Unlocker | None = None) -> sqlite3.Connection:
    """A connection to the file at `path` in autocommit mode (transactions are
    explicit), waiting up to BUSY_TIMEOUT_S for a parallel writer.

    An encrypted journal is opened with its key from journal.keys (an unlocked
    session, HW_PASSPHRASE_COMMAND, the keyring, or a prompt, as `unlock` allows;
    None: a session or the command, never a prompt). Locked, it raises keys.Locked,
    a JournalError."""
    lock = hold_shared(path)
    try:
        if is_encrypted(path):
            from hwjournal.journal import cipher

            db = cipher.open_journal(path, unlock)
        else:
            import sqlite3

            db = sqlite3.connect(
                path,
                timeout=BUSY_TIMEOUT_S,
                isolation_level=None,
                check_same_thread=False,
                factory=_plain_connection(),
            )
            db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    except BaseException:
        release(lock)
        raise
    db.folder_lock = lock
    return db


_PLAIN: list[Any] = []  # [the plain journal's Connection class], made at first use


def _plain_connection() -> type[sqlite3.Connection]:
    """sqlite3's Connection, letting go of its folder lock when it closes (made when
    a plain journal is first opened, so that nothing else needs sqlite3 loaded)."""
    if _PLAIN:
        return _PLAIN[0]
    import sqlite3

    class Connection(sqlite3.Connection):
        """A connection that lets go of its folder lock when it closes."""

        folder_lock: str | None = None

        def close(self) -> None:
            super().close()
            release(self.folder_lock)
            self.folder_lock = None

    _PLAIN.append(Connection)
    return Connection


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
        from hwjournal.problems import os_said

        raise JournalError(
            messages.JOURNAL_CANNOT_OPEN.format(path=path, problem=os_said(exc))
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
        from hwjournal.problems import os_said

        denied = PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        raise JournalError(messages.JOURNAL_CANNOT_OPEN.format(path=path, problem=os_said(denied)))


def create_private_file(path: str) -> None:
    """An empty journal file readable by its owner only, in a private folder."""
    try:
        paths.make_private_dir(os.path.dirname(os.path.abspath(path)))
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    except OSError as exc:
        from hwjournal.problems import os_said

        raise JournalError(
            messages.JOURNAL_CANNOT_CREATE.format(path=path, problem=os_said(exc)),
            messages.JOURNAL_CANNOT_CREATE_HINT,
        ) from None
    os.close(fd)
    os.chmod(path, 0o600)
