"""Entries on screen: the log table and one entry read back with its prompts."""

from __future__ import annotations

from hwjournal import display, measures, messages
from hwjournal.journal import Entry
from hwjournal.numerals import number
from hwjournal.render.log_text import (
    DATE_WIDTH,
    MOOD_WIDTH,
    TITLE_MAX,
    headers,
    preview,
    widths,
)
from hwjournal.render.words import mood_phrase, moods, step_label
from hwjournal.steps import answer_text, is_scale_answer

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs the fast path (hw export) milliseconds
    from typing import Any


def entry_heading(entry: Entry, meta: list[str | tuple[str, str]] | None = None) -> Any:
    """The entry's title and id, and the meta given on the same line: for the eye
    "Gratitude  #12  mood 4/5 (good) · private", in words "Gratitude, entry 12: mood 4
    of 5, good, private"."""
    from hwjournal.render.look import Either, joined

    picture = display.text(entry.title, "hw.title")
    picture.append(f"  #{entry.id}", style="hw.id")
    words = display.text(messages.ENTRY_WORDS.format(title=entry.title, id=entry.id))
    if meta:
        shown = joined(meta, "hw.label")
        picture.append("  ")
        picture.append_text(shown.picture)
        words.append(": ")
        words.append_text(shown.words)
    return Either(picture, words)


def answer_view(step: dict[str, Any], value: Any, bar_width: int = 10) -> Any:
    """One answer: a scale as a bar and its number (its label beside a full bar), in
    words on a plain screen; anything else as its text."""
    if is_scale_answer(step, value):
        from hwjournal.render.look import measure

        label = (step.get("labels") or {}).get(str(value))
        return measure(value, step.get("min", 0), step.get("max", 10), label, bar_width)
    return display.text(answer_text(step, value))


def log_table(entries: list[Entry], width: int = 80) -> Any:
    """One line an entry. Rich squeezes no-wrap columns to nothing when a row is too
    wide, so the widths are worked out here: id, date and exercise always show whole
    (long titles cut to fit), and the preview takes what is left of the line."""
    from rich.table import Table

    from hwjournal.render.look import Listing, measure

    rows = []
    for entry in entries:
        title = display.text(entry.title)
        if entry.status == "draft":
            title.append(" (draft)", style="hw.warn")
        if entry.private:
            title.append(" (private)", style="hw.label")
        title.truncate(TITLE_MAX, overflow="ellipsis")
        mood = (
            measure(entry.mood, 1, 5, moods()[entry.mood], MOOD_WIDTH, figures=False)
            if entry.mood
            else ""
        )
        rows.append((str(entry.id), entry.date, title, mood, entry))
    id_width, title_width, room = widths([r[0] for r in rows], [len(r[2]) for r in rows], width)
    table = Table(
        box=None, pad_edge=False, header_style="hw.label", show_edge=False, padding=(0, 1)
    )
    HEADERS = headers()
    table.add_column(HEADERS[0], style="hw.id", justify="right", width=id_width)
    table.add_column(HEADERS[1], width=DATE_WIDTH)
    table.add_column(HEADERS[2], width=title_width, no_wrap=True, overflow="ellipsis")
    table.add_column(HEADERS[3], width=MOOD_WIDTH)
    labels = [messages.ENTRY_ROW, "{}", "{}", messages.ENTRY_ROW_MOOD]
    if room:
        table.add_column(HEADERS[4], width=room)
        labels.append(messages.ENTRY_ROW_FIRST)
    for entry_id, date, title, mood, entry in rows:
        cells = [entry_id, date, title, mood]
        if room:
            cells.append(display.text(preview(entry, room), "hw.label"))
        table.add_row(*cells)
    return Listing(table, labels)


def entry_view(entry: Entry) -> Any:
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    from hwjournal.render.look import joined

    parts: list[Any] = [entry_heading(entry)]
    meta: list[str | tuple[str, str]] = [entry.date]
    if entry.status == "draft":
        meta.append(messages.ENTRY_DRAFT.format(id=entry.id))
    if entry.private:
        meta.append(messages.META_PRIVATE)
    if entry.tags:
        meta.append(messages.ENTRY_TAGS + ", ".join(entry.tags))
    if entry.mood:
        meta.append(mood_phrase(entry.mood))
    if entry.backfilled:
        meta.append(messages.META_WRITTEN.format(date=entry.created_at[:10]))
    parts.append(joined(meta, "hw.label"))
    if entry.score:
        from hwjournal.render.words import scale_texts

        if entry.score.get("total") is not None:
            parts.append(
                Text(
                    messages.ENTRY_SCORE.format(total=number(entry.score["total"]))
                    + (
                        f" ({measures.band_said(entry.score['band'])})"
                        if entry.score.get("band")
                        else ""
                    )
                    + messages.ENTRY_SCORE_NOTE,
                    style="hw.note",
                )
            )
        for line in scale_texts(entry.score, entry.template):
            parts.append(Padding(display.text(line, "hw.note"), (0, 0, 0, 2)))
    for step in entry.steps:
        if step.get("id") not in entry.answers:
            continue
        parts.append(Text(""))
        parts.append(display.text(step_label(step), "hw.label"))
        parts.append(Padding(answer_view(step, entry.answers[step["id"]]), (0, 0, 0, 2)))
    pending = entry.pending or {}
    if pending.get("text"):
        parts.append(Text(""))
        parts.append(Text(messages.ENTRY_PENDING, style="hw.label"))
        parts.append(Padding(display.text(pending["text"]), (0, 0, 0, 2)))
    return Group(*parts)
