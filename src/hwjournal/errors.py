"""The project's own exceptions. The one exit point (cli.main) turns them into
a short message on stderr and the exit code the spec promises."""

from __future__ import annotations

from hwjournal.i18n import gettext

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class HwError(Exception):
    """Something went wrong that the person should hear about in plain words."""

    exit_code = EXIT_FAILED

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(HwError):
    """Bad usage or bad input: nothing was changed."""

    exit_code = EXIT_USAGE


class NotFoundError(UsageError):
    """An id (template, entry, assignment, step) that does not exist."""


class TemplateError(HwError):
    """A template file that breaks the format. Carries where it broke."""

    def __init__(self, path: str, message: str, key: str | None = None, line: int | None = None):
        where = path
        if line is not None:
            where += gettext(", line {line}").format(line=line)
        if key:
            where += gettext(", key '{key}'").format(key=key)
        super().__init__(f"{where}: {message}")
        self.path = path
        self.key = key
        self.line = line
        self.detail = message


class JournalError(HwError):
    """The journal file cannot be used (not a journal, from a newer version, disk full)."""


class Interrupted(HwError):
    """Ctrl-C or a lost terminal. The message says how to go on."""

    exit_code = EXIT_INTERRUPTED
