"""SQLCipher: connecting to an encrypted journal with its raw data key.

The whole file is encrypted, pages, search index, plans and WAL alike. The key is
given raw (`PRAGMA key = "x'…'"`), so opening costs a fraction of a millisecond,
never a key derivation: that happened once, at `hw unlock`. Loaded only for an
encrypted journal (the `encryption` extra); a plain journal never imports it.
"""

from __future__ import annotations

import os

from hwjournal import messages
from hwjournal.errors import JournalError
from hwjournal.journal import database

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import ModuleType
    from typing import Any

    from hwjournal.journal.database import Unlocker

_library: list[Any] = []  # [sqlcipher3.dbapi2, its Connection class with a folder lock]
_known: dict[str, bytes] = {}  # real path -> the data key that opened it, this run


def library() -> ModuleType:
    """sqlcipher3.dbapi2, ready: its log silenced and its errors among the database's."""
    if _library:
        return _library[0]
    try:
        sqlcipher = _load()
    except ImportError:
        raise JournalError(messages.ENCRYPTION_MISSING, messages.ENCRYPTION_INSTALL) from None
    # Process-wide, and it must come before the first key: a wrong key would
    # otherwise print SQLCipher's log lines on the terminal.
    quiet = sqlcipher.connect(":memory:")
    quiet.execute("PRAGMA cipher_log_level = NONE").fetchall()
    quiet.close()
    database.add_db_errors(sqlcipher.Error)

    class Connection(sqlcipher.Connection):  # type: ignore[name-defined,misc]
        """Lets go of its folder lock when it closes, like opening.Connection."""

        folder_lock: str | None = None

        def close(self) -> None:
            super().close()
            database.release(self.folder_lock)
            self.folder_lock = None

    _library.extend([sqlcipher, Connection])
    return sqlcipher


def _load() -> ModuleType:
    """Import sqlcipher3.dbapi2 with its C library's functions bound as they are first
    called (RTLD_LAZY) rather than all of them as it loads (Python's RTLD_NOW): the
    library holds SQLCipher and OpenSSL whole, thousands of functions of which a
    `hw due` calls a few, and binding them all cost a shell prompt's hw about two
    milliseconds. Nothing is less protected: the library is not linked to have its
    function table made read-only after binding (no BIND_NOW), so that table stays
    writable either way, and every symbol it needs is its own or libc's."""
    import sys

    lazy, now = getattr(os, "RTLD_LAZY", 0), getattr(os, "RTLD_NOW", 0)
    if not (lazy and hasattr(sys, "setdlopenflags")):  # Windows: no dlopen
        import sqlcipher3.dbapi2 as sqlcipher

        return sqlcipher
    flags = sys.getdlopenflags()
    sys.setdlopenflags((flags & ~now) | lazy)
    try:
        import sqlcipher3.dbapi2 as sqlcipher
    finally:
        sys.setdlopenflags(flags)
    return sqlcipher


def raw_key(key: bytes) -> str:
    return f"x'{key.hex()}'"


def connect(path: str, key: bytes | None) -> Any:
    """A connection to `path` keyed with `key` (None: a plain file, for converting),
    in autocommit mode, waiting for parallel writers like a plain one. A wrong key
    raises DatabaseError ("file is not a database") at the first statement."""
    sqlcipher = library()
    db = sqlcipher.connect(
        path,
        timeout=database.BUSY_TIMEOUT_S,
        isolation_level=None,
        check_same_thread=False,
        factory=_library[1],
    )
    try:
        if key is not None:
            db.execute(f'PRAGMA key = "{raw_key(key)}"')
        # Sorts and temporary tables stay in memory: never plaintext in a temp file.
        db.execute("PRAGMA temp_store = MEMORY")
        db.execute(f"PRAGMA busy_timeout = {int(database.BUSY_TIMEOUT_S * 1000)}")
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        db.close()
        raise
    return db


def opens(path: str, key: bytes) -> bool:
    """Whether `key` opens the journal at `path` (a wrong one changes nothing)."""
    try:
        connect(path, key).close()
    except database.db_errors() as exc:
        if database.is_unreadable(exc):
            return False
        raise
    return True


def open_journal(path: str, unlock: Unlocker | None = None) -> Any:
    """Connect to the encrypted journal at `path` with its key (journal.keys)."""
    from hwjournal.journal import keys

    library()
    remove_stale_partials(path)
    opened: list[Any] = []

    def attempt(candidate: bytes) -> bool:
        try:
            opened.append(connect(path, candidate))
        except database.db_errors() as exc:
            if database.is_unreadable(exc):
                return False
            raise
        return True

    key, _ = keys.data_key(path, attempt, unlock)
    _known[os.path.realpath(path)] = key
    return opened[-1]


def known_key(path: str) -> bytes | None:
    """The data key this run opened the journal at `path` with (for its backups)."""
    return _known.get(os.path.realpath(path))


def remember(path: str, key: bytes) -> None:
    _known[os.path.realpath(path)] = key


def partial_path(path: str) -> str:
    """Where a conversion writes the new journal before it takes the journal's name."""
    folder, name = os.path.split(os.path.abspath(path))
    return os.path.join(folder, f".{name}.{os.getpid()}.partial")


def remove_stale_partials(path: str) -> list[str]:
    """A `hw decrypt` killed half-way leaves its partial file (plaintext) beside the
    journal, which is still the encrypted one: it goes as soon as the journal is
    next opened, or converted. A partial whose process still runs is left alone."""
    folder, name = os.path.split(os.path.abspath(path))
    prefix = f".{name}."
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for found in names:
        if not found.startswith(prefix) or ".partial" not in found:
            continue
        pid = found[len(prefix) :].split(".", 1)[0]
        if not pid.isdigit() or _alive(int(pid)):
            continue
        try:
            os.remove(os.path.join(folder, found))
            removed.append(found)
        except OSError:
            pass
    return removed


def find_key(path: str, unlock: Unlocker, session: bool = True) -> bytes:
    """The data key of the encrypted journal at `path`, from wherever journal.keys
    finds it (session=False: not from an unlocked session: `hw unlock` asks anew)."""
    from hwjournal.journal import keys

    library()
    key, _ = keys.data_key(path, lambda candidate: opens(path, candidate), unlock, session)
    return key


def find_key_by_passphrase(path: str, unlock: Unlocker) -> bytes:
    """The data key, from the passphrase asked in the terminal (and no other source)."""
    from hwjournal.journal import keys

    library()
    return keys.passphrase_key(path, lambda candidate: opens(path, candidate), unlock)


def _alive(pid: int) -> bool:
    from hwjournal.atomic import process_alive  # atomic loads tempfile: only when asked

    return process_alive(pid)
