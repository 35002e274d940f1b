"""What every connection to a journal shares, plain or encrypted: how long a writer
waits, which exceptions are the database's, the disk's failures in plain words, the
folder lock, and how an encrypted journal may find its key (Unlocker).

Only the driver a journal needs is loaded: the standard library's sqlite3 for a
plain journal, SQLCipher's sqlcipher3 for an encrypted one (loading both would cost
an encrypted journal's `hw due` milliseconds for nothing). Their exceptions are not
subclasses of one another: sqlite3's count as soon as anything has loaded sqlite3,
SQLCipher's once an encrypted journal is first opened (add_db_errors), and
everything asks one function, so no module holds a copy that could go stale:

    except db_errors() as exc:      # the tuple as it is now
    if is_db_error(exc): ...
"""

from __future__ import annotations

import os
import sys

from hwjournal import messages
from hwjournal.errors import JournalError

TYPE_CHECKING = False

# How long a writer waits for another to finish before giving up.
BUSY_TIMEOUT_S = 30.0

# SQLite's result codes (https://www.sqlite.org/rescode.html), which sqlite3 and
# sqlcipher3 both report as `sqlite_errorcode`: numbers here, so that reading them
# loads neither driver.
SQLITE_BUSY, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN = 5, 8, 10, 13, 14

_ERRORS: list[tuple[type[Exception], ...]] = [()]
_PLAIN_COUNTED: list[bool] = [False]  # whether sqlite3.Error is in _ERRORS yet


def db_errors() -> tuple[type[Exception], ...]:
    """What a database call can raise, for an `except` clause (evaluated when an
    exception reaches it, so each driver's errors count once it is loaded: a driver
    that was never loaded raised nothing)."""
    if not _PLAIN_COUNTED[0] and "sqlite3" in sys.modules:
        _PLAIN_COUNTED[0] = True
        add_db_errors(sys.modules["sqlite3"].Error)
    return _ERRORS[0]


def is_db_error(exc: BaseException) -> bool:
    """Whether `exc` came from the database (SQLite's or SQLCipher's)."""
    return isinstance(exc, db_errors())


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
    if code == SQLITE_FULL or "disk is full" in text:
        return JournalError(messages.DISK_FULL.format(path=path), messages.DISK_FULL_HINT)
    if code in (SQLITE_IOERR, SQLITE_READONLY, SQLITE_CANTOPEN) or (
        "disk i/o error" in text or "readonly database" in text
    ):
        return JournalError(messages.DISK_IO.format(path=path, problem=exc), messages.DISK_IO_HINT)
    if code == SQLITE_BUSY or "database is locked" in text:
        return JournalError(messages.JOURNAL_BUSY.format(path=path), messages.JOURNAL_BUSY_HINT)
    return None


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


# ------------------------------------------------------------ unlocking
# The journal never asks a person anything, prints, or reads the settings itself: the
# run's context builds an Unlocker from its settings (the keyring) and its terminal (a
# Prompter that asks for the passphrase), and journal.keys follows it.

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Protocol

    class Prompter(Protocol):
        """A person at a terminal, who can be asked for a passphrase."""

        def can_ask(self) -> bool:
            """Whether anyone can be asked (stdin and stdout both terminals)."""

        def ask_hidden(self, prompt: str) -> str:
            """A line typed without being shown (Interrupted at end of input)."""

        def tell(self, line: str) -> None:
            """A line for the person, on stderr."""


class Unlocker:
    """Where the key may come from beyond an unlocked session.

    ask=False: the unlocked session only (no command, keyring or prompt: `hw sos`,
    completion). keyring: asked only when the key is needed, whether the person
    turned the system keyring on. prompter: None, nobody to ask (locked instead)."""

    def __init__(
        self,
        ask: bool = True,
        keyring: Callable[[], bool] | None = None,
        prompter: Prompter | None = None,
    ) -> None:
        self.ask = ask
        self._keyring = keyring
        self.prompter = prompter

    def keyring_enabled(self) -> bool:
        return self._keyring is not None and bool(self._keyring())

    def can_prompt(self) -> bool:
        return self.prompter is not None and self.prompter.can_ask()

    def ask_hidden(self, prompt: str) -> str:
        assert self.prompter is not None, "ask only after can_prompt()"
        return self.prompter.ask_hidden(prompt)

    def tell(self, line: str) -> None:
        if self.prompter is not None:
            self.prompter.tell(line)

    def session_only(self) -> Unlocker:
        return Unlocker(ask=False, keyring=self._keyring, prompter=self.prompter)


# The unlocked session only: for readers that must never ask (hw sos, completion).
SESSION_ONLY = Unlocker(ask=False)
