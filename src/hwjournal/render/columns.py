"""A template with `layout = "columns"` (the reframe log) in the week: its entries
as a table, one column a step and one row an entry; in words, one line an entry."""

from __future__ import annotations

import datetime as dt

from hwjournal import messages
from hwjournal.journal import Entry
from hwjournal.render.entries import answer_view
from hwjournal.render.words import day_month, log_steps, long_day, short_day, step_heading

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs the fast path (hw export) milliseconds
    from typing import Any

# Narrowest useful column in a log table; the steps are split over several
# tables when the screen cannot fit them all at this width.
LOG_COLUMN_MIN = 16


def log_tables(entries: list[Entry], width: int) -> list[Any]:
    """The log as a table, one column a step and one row an entry. When the steps
    do not fit the screen they go on in a second table under the first. In words,
    one line an entry, every step after its heading."""
    from rich.console import Group

    from hwjournal.render.look import Either, Listing

    steps = log_steps(entries)
    rows = [[_log_day(entry), *(_log_cell(entry, step) for step in steps)] for entry in entries]
    per_table = max(1, (width - 10) // (LOG_COLUMN_MIN + 3))
    tables: list[Any] = []
    for first in range(0, len(steps), per_table):
        chunk = range(first, min(first + per_table, len(steps)))
        table = _log_table([steps[i] for i in chunk])
        for row in rows:
            table.add_row(row[0], *(row[i + 1] for i in chunk))
        tables.append(table)
    whole = _log_table(steps)
    for row in rows:
        whole.add_row(*row)
    labels = ["{}", *(step_heading(step) + ": {}" for step in steps)]
    return [Either(Group(*tables), Listing(whole, labels))]


def _log_table(steps: list[dict[str, Any]]) -> Any:
    from rich import box
    from rich.table import Table

    table = Table(
        box=box.ROUNDED, show_lines=True, header_style="hw.label", expand=True, pad_edge=True
    )
    table.add_column("day", no_wrap=True, style="hw.label")
    for step in steps:
        table.add_column(step_heading(step), overflow="fold", ratio=1)
    return table


def _log_day(entry: Entry) -> Any:
    """The day of an entry in the log, with private and when it was written: stacked
    in the narrow column for the eye, on one line in words."""
    from rich.text import Text

    from hwjournal.render.look import Either

    picture = Text(short_day(dt.date.fromisoformat(entry.date)))
    words = [long_day(dt.date.fromisoformat(entry.date))]
    if entry.private:
        picture.append("\nprivate", style="hw.label")
        words.append("private")
    if entry.backfilled:
        written = day_month(entry.created_at[:10])
        picture.append("\nwritten\n" + written, style="hw.label")
        words.append(f"written {written}")
    return Either(picture, ", ".join(words))


def _log_cell(entry: Entry, step: dict[str, Any]) -> Any:
    from rich.text import Text

    value = entry.answers.get(step["id"])
    if value is None:
        return Text("")
    cell = answer_view(step, value, bar_width=5)
    if step["id"] in (entry.alerts or []):
        cell.append(" " + messages.ATTENTION_MARK, style="hw.alert")
    return cell
