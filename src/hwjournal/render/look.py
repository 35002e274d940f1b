"""One screen, two drawers. A renderer describes its screen once, as Rich renderables;
where the eye and a screen reader need different things (a bar or a sparkline beside
its number, a table, a dot between phrases) it puts in a piece from here, which draws
its picture on an ordinary console and its words on a plain one (display.console with
plain=True, chosen once per run from the Context).

Plain output is for screen readers and braille displays: words and numbers only, no
box drawing, block or geometric characters (U+2500-U+25FF) or braille (U+2800-U+28FF),
and a table as one labelled line a row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from hwjournal import display
from hwjournal.numerals import number
from hwjournal.render.plain import PlainConsole
from hwjournal.steps.base import BULLET

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs the fast path (hw export) milliseconds
    from typing import Any

# between the columns of a table read as one line
CELL_SEPARATOR = "; "


def is_plain(console: Console) -> bool:
    return isinstance(console, PlainConsole)


class Either:
    """Something on screen described twice: its picture for the eye and its words for a
    screen reader. A plain console draws the words; any other, the picture."""

    def __init__(self, picture: Any, words: Any) -> None:
        self.picture = picture
        # words as text, never markup: they may quote what the person typed
        self.words = Text(display.clean(words)) if isinstance(words, str) else words

    def append(self, text: str, style: str = "") -> Either:
        """The same words added to both (each a Text), like Text.append."""
        self.picture.append(text, style=style)
        self.words.append(text)
        return self

    def chosen(self, console: Console) -> Any:
        return self.words if is_plain(console) else self.picture

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.chosen(console)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.chosen(console))


class Hanging:
    """A line of text whose run-on lines hang `hang` columns further in, so a heading
    that wraps is still read as one ("mon 30  PHQ-9  16 (moderately severe)  same as on
    16 Nov" with "16 Nov (16)" under its words, not under its date)."""

    def __init__(self, text: Text, hang: int) -> None:
        self.text = text
        self.hang = hang

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        lines = self.text.wrap(console, width)
        if len(lines) < 2 or width <= self.hang + 10:
            yield from lines
            return
        first = lines[0]
        rest = self.text[len(first.plain) :]
        rest = rest[len(rest.plain) - len(rest.plain.lstrip(" ")) :]
        first.rstrip()
        yield first
        for line in rest.wrap(console, width - self.hang):
            line.rstrip()
            yield Text(" " * self.hang) + line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)


def measure(
    value: float,
    low: float,
    high: float,
    label: str | None = None,
    bar_width: int = 10,
    figures: bool = True,
) -> Either:
    """A scale answer: for the eye a bar, then (with figures) the number and, beside a
    full-width bar, its label; in words "3 of 5, so-so"."""
    picture = Text(display.bar(value, low, high, bar_width), style="hw.bar")
    if figures:
        picture.append(f" {number(value)}", style="")
        if label and bar_width >= 10:
            picture.append(f"  {display.clean(label)}", style="hw.label")
    return Either(picture, display.scale_words(value, low, high, label))


def joined(parts: Sequence[str | tuple[str, str]], style: str = "") -> Either:
    """Phrases side by side: a dot between them for the eye, commas for the ear. A part
    may be a pair (picture, words) where the two differ ("mood 3/5" and "mood 3 of 5")."""
    pictures = [part if isinstance(part, str) else part[0] for part in parts]
    words = [part if isinstance(part, str) else part[1] for part in parts]
    return Either(display.text(" · ".join(pictures), style), ", ".join(words))


class Listing:
    """A table: drawn as it is for the eye, and for a screen reader as one line a row,
    named by its first cell, each other cell after its column's label. `labels` has
    one entry a column: a format with {} for the cell ("mood {}", or "{}" for the cell
    alone), or None to leave the column out of the words (a bar, whose figure is in
    another column)."""

    def __init__(self, table: Table, labels: Sequence[str | None]) -> None:
        if len(labels) != len(table.columns):
            raise ValueError("a Listing needs one label for each column")
        self.table = table
        self.labels = list(labels)

    def rows(self) -> Iterable[list[Any]]:
        columns = [list(column.cells) for column in self.table.columns]
        for index in range(self.table.row_count):
            yield [cells[index] for cells in columns]

    def line(self, row: list[Any], console: Console) -> Text:
        """The row's first cell names it; the others follow: "entry 12: 2026-11-29;
        Mood check-in; mood 4 of 5, good"."""
        parts = []
        for label, cell in zip(self.labels, row, strict=True):
            words = words_of(cell, console)
            if label is not None and words:
                parts.append(label.format(words))
        if len(parts) < 2:
            return Text("".join(parts))
        return Text(f"{parts[0]}: {CELL_SEPARATOR.join(parts[1:])}")

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not is_plain(console):
            yield self.table
            return
        for row in self.rows():
            yield self.line(row, console)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        if not is_plain(console):
            return Measurement.get(console, options, self.table)
        return Measurement(1, options.max_width)


def words_of(cell: Any, console: Console) -> str:
    """A table cell as one line of words: a list's items joined by commas, the lines
    of a text by spaces."""
    if isinstance(cell, Either):
        cell = cell.chosen(console)
    if isinstance(cell, str):
        cell = Text.from_markup(cell)  # a table reads a plain string cell as markup
    if isinstance(cell, Text):
        text = cell.plain
    else:
        options = console.options.update(width=10_000)
        lines = console.render_lines(cell, options, pad=False)
        text = "\n".join("".join(segment.text for segment in line) for line in lines)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and all(line.startswith(BULLET) for line in lines):
        return ", ".join(line[len(BULLET) :] for line in lines)
    return " ".join(lines)
