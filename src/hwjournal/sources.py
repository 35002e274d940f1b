"""Files a person names for hw to read: an import, an --answers-json file, a template.

Each is opened here, and refused at once, in plain words, unless it is a regular file
hw can read and no larger than a real one of its kind could be. A device (/dev/zero)
never ends, a FIFO with no writer blocks forever, and a multi-gigabyte file picked by
mistake would be read into memory whole: none of them is what the person meant.

The file is opened without blocking and only then looked at (fstat), so a name that
becomes a FIFO in between cannot hang hw either. Loaded by `hw start`: os and stat only.
"""

from __future__ import annotations

import os
import stat

from hwjournal import messages
from hwjournal.errors import UsageError
from hwjournal.i18n import gettext
from hwjournal.numerals import number

SMALL_FILE = 1 << 20  # bytes: a template or a settings file is a few kilobytes

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import BinaryIO


class FileProblem(UsageError):
    """A named file hw will not read; `problem` says why, in a few words."""

    def __init__(self, path: str, problem: str, hint: str | None = None) -> None:
        super().__init__(messages.FILE_CANNOT_READ.format(path=path, problem=problem), hint)
        self.path = path
        self.problem = problem


def open_file(
    path: str, limit: int | None = None, kind: str = "", hint: str | None = None
) -> BinaryIO:
    """The regular file at `path`, open for reading bytes. `limit`: the most bytes a
    real file of this `kind` ("template") could hold; FileProblem for anything else."""
    if "\x00" in path:
        raise FileProblem(path, messages.FILE_NUL, hint)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FileProblem(path, _missing(path), hint) from None
    except OSError as exc:
        from hwjournal.problems import os_said

        raise FileProblem(path, os_said(exc), hint) from None
    try:
        found = os.fstat(fd)
        mode, size = found.st_mode, found.st_size
        if not stat.S_ISREG(mode):
            raise FileProblem(path, _not_regular(mode), hint)
        if limit is not None and size > limit:
            raise FileProblem(
                path,
                messages.FILE_TOO_LARGE.format(size=size_words(size), kind=kind),
                messages.FILE_TOO_LARGE_HINT.format(limit=size_words(limit)),
            )
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_text(path: str, limit: int, kind: str, hint: str | None = None) -> str:
    """The whole of a small UTF-8 file (a byte order mark allowed), as text."""
    return decode(read_bytes(path, limit, kind, hint), path, hint)


def read_bytes(path: str, limit: int, kind: str, hint: str | None = None) -> bytes:
    """The whole of a small file, as it is (decode() makes it text)."""
    with open_file(path, limit, kind, hint) as fh:
        raw = fh.read(limit + 1)
    if len(raw) > limit:  # it grew after it was looked at
        raise FileProblem(
            path,
            messages.FILE_TOO_LARGE.format(
                size=gettext("over {size}").format(size=size_words(limit)), kind=kind
            ),
            messages.FILE_TOO_LARGE_HINT.format(limit=size_words(limit)),
        )
    return raw


def read_stdin_text(limit: int, kind: str, hint: str | None = None) -> str:
    """All of stdin (`-`), up to `limit` bytes, as text: `cat /dev/zero | hw ...` is
    refused once the limit is passed, not read until memory runs out."""
    import sys

    stream = getattr(sys.stdin, "buffer", None)
    raw = stream.read(limit + 1) if stream is not None else sys.stdin.read(limit + 1)
    if isinstance(raw, str):
        raw = raw.encode("utf-8", "surrogatepass")
    if len(raw) > limit:
        raise FileProblem(
            "stdin",
            messages.FILE_TOO_LARGE.format(
                size=gettext("over {size}").format(size=size_words(limit)), kind=kind
            ),
            messages.FILE_TOO_LARGE_HINT.format(limit=size_words(limit)),
        )
    return decode(raw, "stdin", hint)


def decode(raw: bytes, path: str, hint: str | None = None) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FileProblem(path, messages.FILE_NOT_UTF8.format(line=line), hint) from None


def _missing(path: str) -> str:
    if os.path.islink(path):
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return messages.FILE_DANGLING.format(target=target)
    return messages.FILE_MISSING


def _not_regular(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return messages.FILE_IS_FOLDER
    if stat.S_ISFIFO(mode):
        what = "a pipe (FIFO)"
    elif stat.S_ISSOCK(mode):
        what = "a socket"
    else:
        what = "a device"
    return messages.FILE_NOT_REGULAR.format(what=gettext(what))


def size_words(size: int) -> str:
    """1.5 GB, 64 MB, 900 bytes."""
    for unit, factor in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= factor:
            amount = size / factor
            return f"{number(amount, 0 if round(amount, 1).is_integer() else 1)} {unit}"
    return gettext("{size} bytes").format(size=number(size))


def _over(limit: int) -> str:
    """over 1 MB, in the run's language."""
    return gettext("over {size}").format(size=size_words(limit))
