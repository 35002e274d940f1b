"""Unlocked sessions: `hw unlock` keeps the data key of one journal in
`$XDG_RUNTIME_DIR/hwjournal/` (memory-backed on most systems, the user's own, emptied
when the machine restarts), so that opening the journal needs no passphrase and no
key derivation until `hw lock` or the time runs out.

One small 0600 file per journal, named after the journal's real path, holding the
path, when the session ends, and the key. Reading it costs an open and a read: this
is the shell prompt's path, so nothing here imports more than os and time. A
detached watcher (`python -m hwjournal.journal.sessions`) removes the file when the
time runs out, so the key is gone then even if hw never runs again.
"""

from __future__ import annotations

import os
import time

from hwjournal import messages
from hwjournal.errors import JournalError

_HEADER = "hwjournal-session 1"


DEFAULT_FOR = "8h"
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
LONGEST_S = 7 * 86400


def parse_duration(text: str) -> float:
    """Seconds in `30m`, `8h`, `2d` (or `45s`): one week at most. UsageError if not."""
    from hwjournal.errors import UsageError

    cleaned = text.strip().lower()
    number, unit = cleaned[:-1].strip(), cleaned[-1:]
    if unit not in _UNITS or not number.isdecimal() or int(number) == 0:
        raise UsageError(messages.UNLOCK_FOR_BAD.format(text=text), messages.UNLOCK_FOR_HINT)
    seconds = int(number) * _UNITS[unit]
    if seconds > LONGEST_S:
        raise UsageError(messages.UNLOCK_FOR_BAD.format(text=text), messages.UNLOCK_FOR_HINT)
    return float(seconds)


def folder() -> str | None:
    """`$XDG_RUNTIME_DIR/hwjournal`, or None without XDG_RUNTIME_DIR."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "").strip()
    return os.path.join(runtime, "hwjournal") if runtime else None


def _name(journal_path: str) -> str:
    """A file name for the journal's real path (FNV-1a: hashlib would cost more than
    the whole query on this path). The path is inside the file too: a clash is found."""
    number = 0xCBF29CE484222325
    for byte in os.path.realpath(journal_path).encode("utf-8", "surrogateescape"):
        number = ((number ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{number:016x}.session"


def session_file(journal_path: str) -> str | None:
    where = folder()
    return os.path.join(where, _name(journal_path)) if where else None


def _private(st: os.stat_result, kind_mask: int) -> bool:
    getuid = getattr(os, "getuid", None)  # not on Windows, where modes mean little
    return (getuid is None or st.st_uid == getuid()) and st.st_mode & kind_mask == 0


def read(journal_path: str) -> bytes | None:
    """The data key of an unlocked session of this journal, or None. An ended session
    is removed here; a file that is not the user's own and private is not trusted."""
    path = session_file(journal_path)
    if path is None:
        return None
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        if not (_private(os.fstat(fd), 0o077) and _private(os.stat(os.path.dirname(path)), 0o077)):
            return None
        text = os.read(fd, 4096).decode("utf-8", "replace")
    except OSError:
        return None
    finally:
        os.close(fd)
    lines = text.split("\n")
    if len(lines) < 4 or lines[0] != _HEADER or lines[2] != os.path.realpath(journal_path):
        return None
    try:
        ends = float(lines[1])
        key = bytes.fromhex(lines[3])
    except ValueError:
        return None
    if time.time() >= ends:
        forget(journal_path)
        return None
    return key


def write(journal_path: str, data_key: bytes, seconds: float) -> float:
    """Keep the data key for `seconds`; when the session ends (epoch seconds). Exit 1
    without XDG_RUNTIME_DIR: there is nowhere safe to keep it."""
    where = folder()
    if where is None:
        raise JournalError(messages.UNLOCK_NO_RUNTIME, messages.UNLOCK_NO_RUNTIME_HINT)
    try:
        os.makedirs(where, mode=0o700, exist_ok=True)
        if not _private(os.stat(where), 0o077):
            os.chmod(where, 0o700)
        if not _private(os.stat(where), 0o077):
            raise OSError(messages.SESSION_NOT_PRIVATE)
    except OSError as exc:
        from hwjournal.problems import os_said

        raise JournalError(
            messages.UNLOCK_CANNOT_KEEP.format(path=where, problem=os_said(exc))
        ) from None
    ends = time.time() + seconds
    path = os.path.join(where, _name(journal_path))
    text = f"{_HEADER}\n{ends:.3f}\n{os.path.realpath(journal_path)}\n{data_key.hex()}\n"
    temporary = f"{path}.{os.getpid()}.tmp"
    fd = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        os.write(fd, text.encode("utf-8"))
    finally:
        os.close(fd)
    os.replace(temporary, path)
    _start_watcher(path, ends)
    return ends


def forget(journal_path: str) -> bool:
    """End this journal's session; whether there was one."""
    path = session_file(journal_path)
    return path is not None and forget_file(path)


def forget_file(path: str) -> bool:
    try:
        os.remove(path)
    except OSError:
        return False
    return True


def memory_folder() -> str | None:
    """A folder of the user's in memory-backed storage (tmpfs), for a file that must
    leave no trace on a disk: `$XDG_RUNTIME_DIR`, else /dev/shm. None where none can
    be found (this is checked on Linux, through the mount table)."""
    candidates = [os.environ.get("XDG_RUNTIME_DIR", "").strip(), "/dev/shm"]
    for candidate in candidates:
        if candidate and os.path.isdir(candidate) and _in_memory(candidate):
            return candidate
    return None


def _in_memory(path: str) -> bool:
    try:
        with open("/proc/self/mountinfo", encoding="utf-8") as fh:
            mounts = fh.read().splitlines()
    except OSError:
        return False
    real = os.path.realpath(path)
    best, kind = "", ""
    for line in mounts:
        fields = line.split()
        if "-" not in fields:
            continue
        point = fields[4].replace("\\040", " ")
        inside = real == point or real.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[fields.index("-") + 1]
    return kind in ("tmpfs", "ramfs")


def _start_watcher(path: str, ends: float) -> None:
    """A detached process that removes the session file when its time is up (it never
    holds the key: it knows the file's name, its identity and the time)."""
    import subprocess
    import sys

    st = os.stat(path)
    try:
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "hwjournal.journal.sessions",
                path,
                f"{ends:.3f}",
                str(st.st_ino),
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
        )
    except OSError:
        return  # each hw run still removes an ended session before using it


def watch(path: str, ends: float, inode: int, poll_s: float = 2.0) -> None:
    """Remove the session file at `ends`, unless it is gone or replaced before."""
    while True:
        try:
            if os.stat(path).st_ino != inode:
                return  # a new unlock replaced it; its own watcher takes over
        except OSError:
            return  # hw lock removed it
        left = ends - time.time()
        if left <= 0:
            forget_file(path)
            return
        time.sleep(min(left, poll_s))


if __name__ == "__main__":
    import sys

    watch(sys.argv[1], float(sys.argv[2]), int(sys.argv[3]))
