"""What every command needs: where the journal is, the settings, and how to print
results (stdout) and messages (stderr). Nothing here imports Rich.

This module loads on every run, `hw due` in a shell prompt included, so it imports
only os and sys up front: the journal, the settings and json load when first used.
"""

from __future__ import annotations

import os
import sys

from hwjournal import paths

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from hwjournal.config import Config
    from hwjournal.journal import Journal


class Context:
    """The global options of one run, and the settings, read once when first asked for.

    plain: draw every screen in words and numbers, for screen readers and braille
    displays (`--plain`, or HW_PLAIN, or TERM=dumb); pager: a screen taller than the
    terminal may open in a pager (off with `--no-pager`)."""

    def __init__(
        self,
        journal_flag: str | None = None,
        _config: Config | None = None,
        plain: bool = False,
        pager: bool = True,
    ) -> None:
        self.journal_flag = journal_flag
        self._config = _config
        self.plain = plain or plain_from_environment()
        self.pager = pager
        self._journals: list[Journal] = []

    @classmethod
    def from_globals(cls, options: dict[str, Any]) -> Context:
        """The context for the global options fast.split_globals read."""
        return cls(
            journal_flag=options.get("journal"),
            plain=bool(options.get("plain")),
            pager=not options.get("no_pager"),
        )

    def __repr__(self) -> str:
        return (
            f"Context(journal_flag={self.journal_flag!r}, plain={self.plain!r}, "
            f"pager={self.pager!r})"
        )

    @property
    def journal_path(self) -> str:
        return paths.journal_path(self.journal_flag)

    @property
    def config(self) -> Config:
        if self._config is None:
            from hwjournal import config

            self._config = config.load()
            config.warn_unknown(self._config)
        return self._config

    def open_journal(self, write: bool = False, upgrade: bool = True, ask: bool = True) -> Journal:
        """upgrade=False: an older journal is refused rather than migrated. ask=False:
        an encrypted journal opens from an unlocked session only, never with a prompt
        or HW_PASSPHRASE_COMMAND (locked: keys.Locked, a JournalError)."""
        from hwjournal.journal import Journal

        journal = Journal.open(self.journal_path, create=write, upgrade=upgrade, ask=ask)
        self._journals.append(journal)
        return journal

    def close(self) -> None:
        """Close the journals this run opened, so their write-ahead log is folded back
        and removed now rather than whenever the interpreter gets to it."""
        while self._journals:
            self._journals.pop().close()


def print_json(data: Any) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


def plain_from_environment() -> bool:
    """HW_PLAIN set to anything but empty or 0, or a terminal that says it is dumb."""
    return os.environ.get("HW_PLAIN", "") not in ("", "0") or os.environ.get("TERM") == "dumb"


def say(message: str, end: str = "\n") -> None:
    """A message for the person, on stderr, so stdout stays the result. At a terminal
    it is wrapped at word boundaries to the terminal's width. end="": a question whose
    answer is typed after it (its trailing space kept)."""
    width = terminal_width(sys.stderr)
    if width:
        words = message.rstrip(" ")
        message = wrap(words, width) + message[len(words) :]
    sys.stderr.write(message + end)
    sys.stderr.flush()


def terminal_width(stream: Any) -> int | None:
    """The columns of the terminal the stream writes to (COLUMNS wins, as everywhere),
    or None when it is not a terminal: a script gets messages unwrapped."""
    try:
        if not stream.isatty():
            return None
        columns = os.environ.get("COLUMNS", "")
        if columns.isdigit() and int(columns) > 0:
            return int(columns)
        return os.get_terminal_size(stream.fileno()).columns or None
    except (AttributeError, ValueError, OSError):
        return None


def wrap(message: str, width: int) -> str:
    """Each line of the message broken at spaces to fit the width, its indent kept for
    the lines it continues on (a list item's, "- ...", hangs under its text). Words
    longer than the width (a path) stay whole."""
    if all(len(line) <= width for line in message.split("\n")):
        return message  # the usual case: nothing to import
    import textwrap

    lines = []
    for line in message.split("\n"):
        if len(line) <= width:
            lines.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip(" "))]
        if line.lstrip(" ").startswith(("- ", "• ")):
            indent += "  "
        lines += textwrap.wrap(
            line,
            width,
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
    return "\n".join(lines)


def stdin_is_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False
