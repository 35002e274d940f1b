"""Writing a file the person asked for without ever leaving half of it behind:
the text goes to a private temp file in the same folder, then takes the name in
one step. Without `force` an existing file is never replaced, even by a file
that appears while we write."""

from __future__ import annotations

import contextlib
import os
import tempfile

from hwjournal import messages
from hwjournal.errors import HwError, UsageError


def write_private(path: str, text: str, force: bool = False) -> None:
    """Write `text` (UTF-8) to `path` with mode 0600, atomically."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise UsageError(messages.EXPORT_NO_FOLDER.format(path=path), messages.CREATE_FOLDER_FIRST)
    if os.path.isdir(path):
        raise UsageError(
            messages.EXPORT_CANNOT_WRITE.format(path=path, problem=messages.IT_IS_A_FOLDER),
            messages.GIVE_A_FILE_NAME,
        )
    if os.path.exists(path) and not os.path.isfile(path):
        # even with force: a device (/dev/null, /dev/stdout) is no file to replace
        raise UsageError(
            messages.EXPORT_CANNOT_WRITE.format(path=path, problem=messages.NOT_A_REGULAR_FILE),
            messages.EXPORT_NOT_A_FILE_HINT,
        )
    if not force and os.path.lexists(path):
        raise _exists(path)
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=".hw-", suffix=".tmp")
    except OSError as exc:
        from hwjournal.problems import os_said

        raise HwError(
            messages.EXPORT_CANNOT_WRITE.format(path=path, problem=os_said(exc))
        ) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(temp, 0o600)
        if force:
            os.replace(temp, path)
        else:
            _link_new(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError) and not isinstance(exc, FileExistsError):
            from hwjournal.problems import os_said

            problem = os_said(exc)
            raise HwError(messages.EXPORT_CANNOT_WRITE.format(path=path, problem=problem)) from None
        raise
    sync_folder(folder)


def _link_new(temp: str, path: str) -> None:
    """Give the temp file its name only if nothing has that name yet."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise _exists(path) from None
    except OSError:
        # a file system without hard links: check, then rename
        if os.path.lexists(path):
            raise _exists(path) from None
        os.replace(temp, path)
        return
    os.unlink(temp)


def _exists(path: str) -> UsageError:
    return UsageError(messages.EXPORT_EXISTS.format(path=path), messages.EXPORT_EXISTS_HINT)


def sync_folder(folder: str) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def sync_file(path: str) -> None:
    """Push a finished file's bytes to the disk before it takes its final name."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_database(path: str) -> None:
    """A half-made SQLite copy (a backup, a conversion) and its journal files, gone."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            os.remove(path + suffix)


def process_alive(pid: int) -> bool:
    """Whether the process that left a half-made file behind is still at work."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True
