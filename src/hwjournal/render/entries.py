"""Entries on screen: the log table and one entry read back with its prompts."""

from __future__ import annotations

from hwjournal import display
from hwjournal.journal import Entry
from hwjournal.steps import answer_text

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs the fast path (hw export) milliseconds
    from typing import Any

MOODS = {1: "very low", 2: "low", 3: "so-so", 4: "good", 5: "very good"}


def mood_phrase(mood: int) -> tuple[str, str]:
    """The mood for the eye and in words: ("mood 4/5 (good)", "mood 4 of 5, good")."""
    words = display.scale_words(mood, 1, 5, MOODS[mood])
    return f"mood {mood}/5 ({MOODS[mood]})", f"mood {words}"


def entry_heading(entry: Entry, meta: list[str | tuple[str, str]] | None = None) -> Any:
    """The entry's title and id, and the meta given on the same line: for the eye
    "Gratitude  #12  mood 4/5 (good) · private", in words "Gratitude, entry 12: mood 4
    of 5, good, private"."""
    from hwjournal.render.look import Either, joined

    picture = display.text(entry.title, "hw.title")
    picture.append(f"  #{entry.id}", style="hw.id")
    words = display.text(f"{entry.title}, entry {entry.id}")
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
    if step.get("type") == "scale" and isinstance(value, int) and not isinstance(value, bool):
        from hwjournal.render.look import measure

        label = (step.get("labels") or {}).get(str(value))
        return measure(value, step.get("min", 0), step.get("max", 10), label, bar_width)
    return display.text(answer_text(step, value))


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

    from hwjournal.render.look import Listing, measure

    rows = []
    for entry in entries:
        title = display.text(entry.title)
        if entry.status == "draft":
            title.append(" (draft)", style="hw.warn")
        if entry.private:
            title.append(" (private)", style="hw.label")
        title.truncate(34, overflow="ellipsis")
        mood = measure(entry.mood, 1, 5, MOODS[entry.mood], 5, figures=False) if entry.mood else ""
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
    labels = ["entry {}", "{}", "{}", "mood {}"]
    if room:
        table.add_column("", width=room)
        labels.append("first answer: {}")
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
        meta.append("draft — go on with: hw resume " + str(entry.id))
    if entry.private:
        meta.append("private")
    if entry.tags:
        meta.append("tags: " + ", ".join(entry.tags))
    if entry.mood:
        meta.append(mood_phrase(entry.mood))
    if entry.backfilled:
        meta.append(f"written {entry.created_at[:10]}")
    parts.append(joined(meta, "hw.label"))
    if entry.score:
        from hwjournal.measures import scale_texts

        if entry.score.get("total") is not None:
            parts.append(
                Text(
                    f"Screening score {entry.score['total']}"
                    + (f" ({entry.score['band']})" if entry.score.get("band") else "")
                    + " — something to talk over with your therapist, not a diagnosis.",
                    style="hw.note",
                )
            )
        for line in scale_texts(entry.score, entry.template):
            parts.append(Padding(display.text(line, "hw.note"), (0, 0, 0, 2)))
    for step in entry.steps:
        if step.get("id") not in entry.answers:
            continue
        parts.append(Text(""))
        parts.append(display.text(step.get("prompt", step["id"]), "hw.label"))
        parts.append(Padding(answer_view(step, entry.answers[step["id"]]), (0, 0, 0, 2)))
    pending = entry.pending or {}
    if pending.get("text"):
        parts.append(Text(""))
        parts.append(Text("Half-written when you stopped:", style="hw.label"))
        parts.append(Padding(display.text(pending["text"]), (0, 0, 0, 2)))
    return Group(*parts)
