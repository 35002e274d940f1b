"""Entries on screen: the log table and one entry read back with its prompts."""

from __future__ import annotations

from typing import Any

from hwjournal import display
from hwjournal.journal import Entry
from hwjournal.steps import answer_text

MOODS = {1: "very low", 2: "low", 3: "so-so", 4: "good", 5: "very good"}


def preview(entry: Entry, width: int = 48) -> str:
    """The first answer, on one line, cut to fit."""
    for value in entry.answers.values():
        if isinstance(value, list):
            value = ", ".join(value)
        if isinstance(value, str) and value.strip():
            line = " ".join(value.split())
            return line if len(line) <= width else line[: width - 1] + "…"
    return ""


def log_table(entries: list[Entry], width: int = 80) -> Any:
    """One line an entry. Rich squeezes no-wrap columns to nothing when a row is too
    wide, so the widths are worked out here: id, date and exercise always show whole
    (long titles cut to fit), and the preview takes what is left of the line."""
    from rich.table import Table

    rows = []
    for entry in entries:
        title = display.text(entry.title)
        if entry.status == "draft":
            title.append(" (draft)", style="hw.warn")
        if entry.private:
            title.append(" (private)", style="hw.label")
        title.truncate(34, overflow="ellipsis")
        mood = display.bar(entry.mood, 1, 5, 5) if entry.mood else ""
        rows.append((str(entry.id), entry.date, title, mood, entry))
    id_width = max(2, *(len(r[0]) for r in rows))
    title_width = max(len("exercise"), *(len(r[2]) for r in rows))
    room = width - (id_width + 10 + title_width + 5 + 4 * 2)  # four gaps of two spaces
    if room < 12:  # a narrow terminal: no preview, and titles cut to fit
        title_width = max(8, width - (id_width + 10 + 5 + 3 * 2))
        room = 0
    table = Table(
        box=None, pad_edge=False, header_style="hw.label", show_edge=False, padding=(0, 1)
    )
    table.add_column("id", style="hw.id", justify="right", width=id_width)
    table.add_column("date", width=10)
    table.add_column("exercise", width=title_width, no_wrap=True, overflow="ellipsis")
    table.add_column("mood", width=5)
    if room:
        table.add_column("", width=room)
    for entry_id, date, title, mood, entry in rows:
        cells = [entry_id, date, title, mood]
        if room:
            cells.append(display.text(preview(entry, room), "hw.label"))
        table.add_row(*cells)
    return table


def entry_view(entry: Entry) -> Any:
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    parts: list[Any] = []
    head = display.text(entry.title, "hw.title")
    head.append(f"  #{entry.id}", style="hw.id")
    parts.append(head)
    meta = [entry.date]
    if entry.status == "draft":
        meta.append("draft — go on with: hw resume " + str(entry.id))
    if entry.private:
        meta.append("private")
    if entry.tags:
        meta.append("tags: " + ", ".join(entry.tags))
    if entry.mood:
        meta.append(f"mood {entry.mood}/5 ({MOODS[entry.mood]})")
    if entry.backfilled:
        meta.append(f"written {entry.created_at[:10]}")
    parts.append(display.text(" · ".join(meta), "hw.label"))
    if entry.score:
        parts.append(
            Text(
                f"Screening score {entry.score['total']}"
                + (f" ({entry.score['band']})" if entry.score.get("band") else "")
                + " — something to talk over with your therapist, not a diagnosis.",
                style="hw.note",
            )
        )
    for step in entry.steps:
        if step.get("id") not in entry.answers:
            continue
        value = entry.answers[step["id"]]
        parts.append(Text(""))
        parts.append(display.text(step.get("prompt", step["id"]), "hw.label"))
        if step.get("type") == "scale" and isinstance(value, int):
            line = Text(
                display.bar(value, step.get("min", 0), step.get("max", 10)) + " ", style="hw.bar"
            )
            line.append(str(value))
            label = (step.get("labels") or {}).get(str(value))
            if label:
                line.append(f"  {display.clean(label)}", style="hw.label")
            parts.append(Padding(line, (0, 0, 0, 2)))
        else:
            parts.append(Padding(display.text(answer_text(step, value)), (0, 0, 0, 2)))
    pending = entry.pending or {}
    if pending.get("text"):
        parts.append(Text(""))
        parts.append(Text("Half-written when you stopped:", style="hw.label"))
        parts.append(Padding(display.text(pending["text"]), (0, 0, 0, 2)))
    return Group(*parts)
