"""The streams a run writes to and reads from: whether each is a terminal, how wide
it is, and messages for the person on stderr, wrapped to fit. A leaf: it imports
only os and sys, so anything may use it."""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def print_json(data: Any) -> None:
    from hwjournal import jsontext

    sys.stdout.write(jsontext.dumps(data, indent=2) + "\n")
    sys.stdout.flush()


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


def said_yes(reply: str) -> bool:
    """Whether a reply to a [y/N] question is a yes, in English or the run's language
    (messages.YES_WORDS: a Spanish run takes "sí" as well as "y")."""
    from hwjournal import messages

    return reply.strip().lower() in messages.YES_WORDS.split()


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
