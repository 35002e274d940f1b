"""The folder lock: every connection to a journal holds a shared lock on the
journal's folder until it is closed, so that `hw encrypt` and `hw decrypt`, which
replace the file, can tell that no other hw has it open (lock_exclusive)."""

from __future__ import annotations

import os

from hwjournal import messages
from hwjournal.errors import JournalError

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
