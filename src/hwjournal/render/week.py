"""The week on screen: a seven-day strip with entries and mood, the streak, the
homework figures, what got in the way, screening scores, and every entry in the
view that fits its template (a log table for `layout = "columns"`)."""

from __future__ import annotations

import datetime as dt

from hwjournal import display, messages
from hwjournal.journal import Entry
from hwjournal.numerals import number
from hwjournal.render.entries import answer_view, entry_heading
from hwjournal.render.words import (
    change_phrase,
    day_month,
    long_day,
    meta_parts,
    mood_number,
    moods,
    score_phrase,
    short_day,
    span_text,
    step_label,
)
from hwjournal.week import ScoreLine, WeekData

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs the fast path (hw export) milliseconds
    from typing import Any

SPARKS = "▁▂▃▄▅▆▇█"
# The seven days side by side need this many columns; narrower, they stand one a line.
STRIP_ACROSS = 72
# Narrowest the homework's exercise titles get, however narrow the terminal.
HOMEWORK_TITLE_MIN = 14


def spark(mood: float) -> str:
    index = round((mood - 1) / 4 * (len(SPARKS) - 1))
    return SPARKS[max(0, min(len(SPARKS) - 1, index))]


# ---------------------------------------------------------------- the screen


def week_view(data: WeekData, width: int = 80) -> Any:
    from rich.console import Group
    from rich.text import Text

    parts: list[Any] = [_title(data), Text(""), _strip(data, width)]
    mood_and_streak = _mood_and_streak(data)
    if mood_and_streak:
        parts += [Text(""), *mood_and_streak]
    if not data.entries and not data.assignments and not data.skips:
        parts.append(Text(""))
        past = data.end < data.today
        parts.append(Text(messages.WEEK_EMPTY_PAST if past else messages.WEEK_EMPTY))
        return Group(*parts)
    if data.assignments:
        parts += [Text(""), *_homework(data)]
    if data.skips:
        parts += [Text(""), *_in_the_way(data)]
    if data.scores:
        parts += [Text(""), *_scores(data)]
    if data.entries:
        parts += [Text(""), *_entries(data, width)]
    return Group(*parts)


def _title(data: WeekData) -> Any:
    from rich.text import Text

    title = Text()
    if data.label:
        year, number = data.label.split("-W")
        title.append(messages.WEEK_TITLE.format(number=int(number), year=year), style="hw.title")
        title.append("  ")
    title.append(span_text(data.start, data.end), style="hw.label")
    return title


def _strip(data: WeekData, width: int) -> Any:
    """The seven days: dots for entries, a spark and the mood. Side by side where they
    fit, one a line on a narrow terminal; in words, one line a day."""
    from rich.console import Group
    from rich.text import Text

    from hwjournal.render.look import Either

    days = [_day(data, day) for day in data.days()]
    picture = _strip_across(days) if width >= STRIP_ACROSS else _strip_down(days)
    return Either(picture, Group(*(Text(words) for *_, words in days)))


def _day(data: WeekData, day: dt.date) -> tuple[Any, Any, Any, str]:
    """One day of the strip: its heading, entries and mood cells, and all of it in words."""
    from rich.text import Text

    key = day.isoformat()
    heading = Text(short_day(day))
    if day == data.today:
        heading.stylize("hw.note")
        heading.append(" ·", style="hw.note")
    elif day > data.today:
        heading.stylize("hw.label")
    count = data.by_day[key]
    if count == 0:
        entries = Text("·", style="hw.label")
    elif count <= 4:
        entries = Text("●" * count, style="hw.ok")
    else:
        entries = Text(f"●×{count}", style="hw.ok")
    mood = data.mood_by_day[key]
    if count:
        words = [messages.ENTRIES.of(count)]
    else:  # a day not yet come is not an empty one
        words = [messages.DAY_TO_COME if day > data.today else messages.DAY_NO_ENTRIES]
    if mood is None:
        shown = Text("·", style="hw.label")
    else:
        shown = Text(spark(mood), style="hw.bar")
        shown.append(" " + mood_number(mood))
        said = display.scale_words(round(mood, 1), 1, 5, _mood_word(mood))
        words.append(messages.DAY_MOOD.format(words=said))
    today = messages.DAY_TODAY_MARK if day == data.today else ""
    return heading, entries, shown, f"{long_day(day)}{today}: {', '.join(words)}"


def _strip_across(days: list[tuple[Any, Any, Any, str]]) -> Any:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, header_style="")
    table.add_column("", style="hw.label", no_wrap=True)
    for heading, *_ in days:
        table.add_column(heading, no_wrap=True, justify="left")
    table.add_row(Text(messages.ROW_ENTRIES, style="hw.label"), *(d[1] for d in days))
    table.add_row(Text(messages.ROW_MOOD, style="hw.label"), *(d[2] for d in days))
    return table


def _strip_down(days: list[tuple[Any, Any, Any, str]]) -> Any:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, header_style="hw.label")
    for name in ("", messages.ROW_ENTRIES, messages.ROW_MOOD):
        table.add_column(name, no_wrap=True)
    for heading, entries, mood, _ in days:
        table.add_row(heading, entries, mood)
    return table


def _mood_word(mood: float) -> str:
    return moods()[max(1, min(5, round(mood)))]


def _mood_and_streak(data: WeekData) -> list[Any]:
    from rich.text import Text

    from hwjournal.render.look import Either

    lines: list[Any] = []
    average = data.mood_average
    if average is not None:
        line = Text(messages.WEEK_MOOD_LABEL, style="hw.label")
        line.append("".join(spark(m) if m else " " for m in data.mood_by_day.values()), "hw.bar")
        figure = messages.WEEK_MOOD_AVERAGE.format(
            average=mood_number(average), word=_mood_word(average)
        )
        line.append("  " + figure)
        lines.append(Either(line, messages.WEEK_MOOD_LABEL + figure))
    if data.streak >= 2:
        lines.append(Text(messages.STREAK.of(data.streak), style="hw.ok"))
    return lines


def _indent(renderable: Any, columns: int) -> Any:
    from rich.padding import Padding

    return Padding(renderable, (0, 0, 0, columns), expand=False)


def _section(title: str) -> Any:
    from rich.text import Text

    return Text(title, style="hw.title")


def _homework(data: WeekData) -> list[Any]:
    from rich.table import Table
    from rich.text import Text

    from hwjournal.render.look import Either, Listing

    table = Table(box=None, pad_edge=False, show_header=False, show_edge=False)
    # On a narrow terminal the figures wrap rather than squeeze the titles away.
    table.add_column("exercise", overflow="fold", min_width=HOMEWORK_TITLE_MIN)
    table.add_column("bar", no_wrap=True, style="hw.bar")
    table.add_column("figures")
    for item in data.assignments:
        title = display.text(getattr(item, "title", "") or item.template)
        if item.due == 0:
            table.add_row(title, "", Text(messages.NOTHING_DUE, style="hw.label"))
            continue
        figures = [messages.FIGURE_DONE.of(item.done, due=number(item.due))]
        if item.skipped:
            figures.append(messages.FIGURE_SKIPPED.format(skipped=number(item.skipped)))
        if item.not_recorded:
            figures.append(f"{number(item.not_recorded)} {messages.NOT_RECORDED}")
        if item.open:
            figures.append(f"{number(item.open)} {messages.STILL_OPEN}")
        picture = Text(figures[0])
        for figure in figures[1:]:
            picture.append(f" · {figure}", style="hw.label")
        shown = Either(picture, ", ".join(figures))
        table.add_row(title, display.bar(item.done, 0, item.due, 10), shown)
    return [_section(messages.SECTION_HOMEWORK), Listing(table, ("{}", None, "{}"))]


def _in_the_way(data: WeekData) -> list[Any]:
    from rich.table import Table

    from hwjournal.render.look import Listing

    table = Table(box=None, pad_edge=False, show_header=False, show_edge=False)
    table.add_column("day", no_wrap=True, style="hw.label")
    table.add_column("what", ratio=1, overflow="fold")
    for skip in data.skips:
        line = display.text(data.title_of(skip.template))
        line.append(" — ")
        line.append(display.text(data.barrier_words(skip.barrier), "hw.note"))
        if skip.reason:
            line.append(": ")
            line.append(display.text(skip.reason))
        table.add_row(short_day(dt.date.fromisoformat(skip.date)), line)
    return [_section(messages.SECTION_BARRIERS), _indent(Listing(table, ("{}", "{}")), 2)]


def _scores(data: WeekData) -> list[Any]:
    from rich.text import Text

    from hwjournal.progress import baseline_sentence
    from hwjournal.render.look import Hanging

    parts: list[Any] = [_section(messages.SECTION_SCORES)]
    shown: set[int] = set()  # entries whose heading line is out
    for line in data.scores:
        if line.entry.id not in shown:  # the date and title, with the total where it has one
            shown.add(line.entry.id)
            day = short_day(dt.date.fromisoformat(line.entry.date)) + "  "
            text = Text(day, style="hw.label")
            text.append(display.text(line.entry.title))
            parts.append(_indent(Hanging(text, len(day)), 2))  # run-on words under the title
            if line.scale is None:
                text.append("  ")
                _score_words(text, line)
        if line.scale is not None:  # one scale: its label, score and band, under the title
            text = display.text(line.label + ": ")
            _score_words(text, line)
            parts.append(_indent(text, 4))
        indent = 4 if line.scale is None else 6
        if line.progress:  # the status against the measure's baseline
            style = "hw.warn" if line.progress.deteriorated else "hw.note"
            parts.append(_indent(Text(line.progress.phrase(day_month), style=style), indent))
        if line.scale is None and len(line.earlier) > 1:
            parts.append(_indent(_trail(line), 4))
    for sentence in data.pairs:
        parts.append(_indent(display.text(sentence), 2))
    if any(line.progress for line in data.scores) or data.pairs:
        sentence = baseline_sentence(data.care_start, data.end)
        parts.append(_indent(Text(sentence, style="hw.help"), 2))
    parts.append(_indent(Text(messages.SCREENING_NOTE, style="hw.help"), 2))
    return parts


def _score_words(text: Any, line: ScoreLine) -> None:
    """12 (moderate)  3 lower than on 2 Nov (15), added to a line."""
    text.append(score_phrase(line), style="hw.note")
    text.append("  ")
    text.append(change_phrase(line), style="hw.label")


def _trail(line: ScoreLine) -> Any:
    """The scores before this one, oldest first: arrows for the eye, "then" in words."""
    from rich.text import Text

    from hwjournal.render.look import Either

    totals = [str(e.total) for e in reversed(line.earlier)] + [str(line.total)]
    picture = Text(messages.SCORES_EARLIER.format(scores=" → ".join(totals)), style="hw.label")
    return Either(picture, messages.SCORES_EARLIER.format(scores=messages.SCORES_THEN.join(totals)))


# ---------------------------------------------------------------- entries


def _entries(data: WeekData, width: int) -> list[Any]:
    from rich.text import Text

    from hwjournal.render.columns import log_tables

    parts: list[Any] = []
    columns = {t for t, layout in data.layouts.items() if layout == "columns"}
    plain = [e for e in data.entries if e.template not in columns]
    if plain:
        parts.append(_section(messages.SECTION_ENTRIES))
        for day in data.days():
            todays = [e for e in plain if e.date == day.isoformat()]
            if not todays:
                continue
            parts.append(Text(""))
            parts.append(Text(long_day(day), style="hw.note"))
            for entry in todays:
                parts += entry_block(entry)
    for template_id in sorted(columns):
        logged = [e for e in data.entries if e.template == template_id]
        if not logged:
            continue
        if parts:
            parts.append(Text(""))
        parts.append(_section(logged[0].title))
        parts += log_tables(logged, width)
    return parts


def entry_block(entry: Entry) -> list[Any]:
    """One entry: its title, id and meta on a line, then each prompt as a dim label
    with the answer under it."""
    parts: list[Any] = [_indent(entry_heading(entry, meta_parts(entry)), 2)]
    for step in entry.steps:
        if step.get("id") not in entry.answers:
            continue
        label = display.text(step_label(step), "hw.label")
        if step["id"] in (entry.alerts or []):
            label.append("  " + messages.ATTENTION_MARK, style="hw.alert")
        parts.append(_indent(label, 4))
        parts.append(_indent(answer_view(step, entry.answers[step["id"]]), 6))
    return parts
