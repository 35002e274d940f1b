"""Shared pieces for everything hw shows on screen: the consoles, a calm theme,
and making user text safe to print. Imported only by commands that draw."""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs the fast path milliseconds
    from typing import Any

    from rich.console import Console

    from hwjournal.context import Context

# Control characters (all but tab and newline) and the picture each is shown as: a
# table for str.translate, which needs no `re` (a shell prompt's hw skips its import).
_CONTROL = {
    code: chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7F else "\ufffd"
    for code in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))
}

THEME = {
    "hw.title": "bold",
    "hw.label": "dim",
    "hw.help": "dim italic",
    "hw.ok": "green",
    "hw.note": "cyan",
    "hw.warn": "yellow",
    "hw.alert": "bold yellow",
    "hw.id": "bold cyan",
    "hw.bar": "cyan",
}


def clean(text: Any) -> str:
    """User text as typed, minus control characters, which are shown as their
    visible symbol (ESC as ␛) instead of being sent to the terminal."""
    value = "" if text is None else str(text)
    return value.translate(_CONTROL)


def text(value: Any, style: str = "") -> Any:
    """A Rich Text of user text: never read as markup, controls made visible."""
    from rich.text import Text

    return Text(clean(value), style=style)


def console(stderr: bool = False, plain: bool = False) -> Console:
    """A console on stdout (or stderr). plain: the one for screen readers and braille
    displays (render/look.py), which draws words for pictures and never colours."""
    from rich.console import Console
    from rich.theme import Theme

    kind = Console
    if plain:
        from hwjournal.render.plain import PlainConsole

        kind = PlainConsole
    stream = sys.stderr if stderr else sys.stdout
    # NO_COLOR, and plain: no escape codes at all, not even bold or dim
    colourless = {"color_system": None} if plain or os.environ.get("NO_COLOR") else {}
    return kind(
        file=stream,
        theme=Theme(THEME),
        highlight=False,
        **colourless,
        emoji=False,
        soft_wrap=False,
    )


def show(ctx: Context, screen: Any, page: bool = False) -> None:
    """Draw a command's screen on stdout, in pictures or in words as the run chose
    (ctx.plain). page: a screen that may be long (a week, an entry); at a terminal,
    one taller than the terminal opens in the pager unless --no-pager."""
    from hwjournal.streams import stdout_is_terminal

    out = console(plain=ctx.plain)
    paged = page and ctx.pager and stdout_is_terminal()
    if not (paged or ctx.plain):
        out.print(screen)
        return
    with out.capture() as captured:
        out.print(screen)
    drawn = captured.get()
    if ctx.plain:  # the spaces that pad a table out to the width, read as nothing
        drawn = "\n".join(line.rstrip() for line in drawn.split("\n"))
    if paged:
        from hwjournal import pager

        pager.show(drawn, out.size.height)
    else:
        sys.stdout.write(drawn)


def scale_words(value: float, low: float, high: float, label: str | None = None) -> str:
    """A point on a scale in words: "7 of 10", "1 of 3, Several days", or
    "-2 on a scale from -5 to 5" when the scale does not start at 0 or 1."""
    from hwjournal import messages
    from hwjournal.numerals import number

    if low in (0, 1):
        words = messages.SCALE_OF.format(value=number(value), high=number(high))
    else:
        words = messages.SCALE_FROM_TO.format(
            value=number(value), low=number(low), high=number(high)
        )
    return f"{words}, {label}" if label else words


def bar(value: float, low: float, high: float, width: int = 10) -> str:
    """A small bar for a scale answer: ■■■■□□□□□□."""
    if high <= low:
        return ""
    filled = round((value - low) / (high - low) * width)
    filled = max(0, min(width, filled))
    return "■" * filled + "□" * (width - filled)
