"""`hw trends` on screen: pictures before numbers. Each measure's scores in their
bands with what the change means; mood as a calendar of days (weeks as columns)
with the weekly averages under it; homework done per week, and what got in the
way. The pictures come from render/charts.py; their shapes read without colour."""

from __future__ import annotations

import datetime as dt

from hwjournal import measures, messages, numerals
from hwjournal.render import charts
from hwjournal.render.trends_text import (
    baseline_sentence,
    change_sentence,
    long_date,
    pair_sentences,
    score_words,
    status_sentences,
)
from hwjournal.render.words import day_names, month_name, mood_number, moods, span_text
from hwjournal.trends import Measure, TrendsData

__all__ = ["change_sentence", "long_date", "score_words", "status_sentences"]

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs the fast path (hw export) milliseconds
    from typing import Any

# Room left of the week columns: "  Mon   " in the calendar, "  100%┤ " in a chart.
GUTTER = 8
CHART_ROWS = 4
HOMEWORK_SHAPES = (("done", "█", "green"), ("skipped", "▒", "yellow"), ("open", "┊", "cyan"))
NOT_RECORDED_SHAPE = ("░", "hw.label")
BAR = "■"


def trends_view(data: TrendsData, width: int = 80) -> Any:
    from rich.console import Group
    from rich.text import Text

    weeks = len(data.weeks)
    title = Text(messages.SECTION_OVER_TIME, style="hw.title")
    span = span_text(data.since, data.until) if data.since != data.until else long_date(data.since)
    title.append("  " + span, style="hw.label")
    title.append(" · " + messages.WEEKS.of(weeks), style="hw.label")
    parts: list[Any] = [title]
    if not data.entries and not data.measures and not data.homework_total().due:
        parts += [Text(""), _plain(messages.TRENDS_EMPTY, indent=0)]
        return Group(*parts)
    days_with = sum(1 for count, _, _ in data.days.values() if count)
    parts.append(
        Text(
            messages.TRENDS_ENTRIES.format(
                entries=messages.ENTRIES.of(data.entries),
                days=numerals.number(days_with),
                all=numerals.number(data.day_count),
            ),
            style="hw.label",
        )
    )
    if data.measures:
        parts += [Text(""), *measures_section(data, width)]
    parts += [Text(""), *mood_section(data, width)]
    parts += [Text(""), *homework_section(data, width)]
    return Group(*parts)


class _Pieces:
    """One line of (text, style) pieces, drawn as Rich segments: each style looked up
    once and runs of one style joined. A picture has thousands of cells, and a Text
    for them costs more than the queries behind it."""

    def __init__(self, pieces: list[tuple[str, str]], indent: int) -> None:
        self.pieces = pieces
        self.indent = indent

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.segment import Segment

        runs: list[list[Any]] = [[" " * self.indent, ""]] if self.indent else []
        for text, style in self.pieces:
            if runs and runs[-1][1] == style:
                runs[-1][0] += text
            else:
                runs.append([text, style])
        while runs and not runs[-1][0].rstrip():
            runs.pop()
        if runs:
            runs[-1][0] = runs[-1][0].rstrip()
        for text, style in runs:
            yield Segment(text, _style(console, style))
        yield Segment.line()


def _style(console: Any, name: str) -> Any:
    """A style by name, looked up once per console (a screen has thousands of cells)."""
    if not name:
        return None
    known = console.__dict__.setdefault("_hw_styles", {})
    if name not in known:
        known[name] = console.get_style(name)
    return known[name]


def _line(pieces: list[tuple[str, str]], indent: int = 0) -> Any:
    return _Pieces(pieces, indent)


class _Sentence:
    """Text wrapped to the screen with its indent kept on every line (Rich would wrap
    back to the margin), and no spaces padded after it."""

    def __init__(self, text: str, style: str, indent: int) -> None:
        self.text = text
        self.style = style
        self.indent = indent

    def __rich_console__(self, console: Any, options: Any) -> Any:
        import textwrap

        from rich.text import Text

        room = max(20, options.max_width - self.indent)
        for line in textwrap.wrap(self.text, room) or [""]:
            yield Text(" " * self.indent + line, style=self.style or "")


def _plain(text: str, style: str = "", indent: int = 2) -> Any:
    from rich.text import Text

    return _Sentence(text, style, indent) if text else Text("")


def _section(title: str) -> Any:
    from rich.text import Text

    return Text(title, style="hw.title")


# ---------------------------------------------------------------- measures


def measures_section(data: TrendsData, width: int) -> list[Any]:
    parts: list[Any] = [
        _section(messages.SECTION_MEASURES),
        _plain(baseline_sentence(data), "hw.label"),
    ]
    parts.append(_plain(""))
    labels = [len(lane.label) for m in data.measures if m.scores for lane in lanes_of(m)]
    for number, measure in enumerate(data.measures):
        if number:
            parts.append(_plain(""))
        parts += measure_block(measure, data, width, max(labels, default=0))
    for sentence in pair_sentences(data):
        parts += [_plain(""), _plain(sentence)]
    parts += [_plain(""), _plain(messages.SCREENING_NOTE, "hw.help")]
    return parts


def lanes_of(measure: Measure) -> list[charts.Lane]:
    totals = [s.total for s in measure.scores]
    return charts.lanes_for(measure.bands, totals, measure.top, measure.thresholds.higher_is_better)


def measure_block(
    measure: Measure, data: TrendsData, width: int, label_width: int = 0
) -> list[Any]:
    """One measure: its scores in their bands, then what the change means. Charts
    share `label_width` so that their time axes line up."""
    parts: list[Any] = [_plain(measure.name, "hw.title")]
    if not measure.scores:
        return [*parts, _plain(messages.TRENDS_NO_SCORES, "hw.label")]
    lanes = lanes_of(measure)
    label_width = max(label_width, *(len(lane.label) for lane in lanes))
    days = (data.until - data.since).days + 1
    room = max(10, min(days, width - 2 - label_width - 3))
    points = [(dt.date.fromisoformat(s.date), s.total) for s in measure.scores]
    for row in charts.band_chart(points, lanes, data.since, data.until, room, label_width):
        parts.append(_line(row, 2))
    if len({charts.column_of(day, data.since, days, room) for day, _ in points}) < len(points):
        per = max(1, round(days / room))
        parts.append(_plain(messages.TRENDS_DOTS_AVERAGED.of(per), "hw.label"))
    parts.append(_plain(change_sentence(measure)))
    worse = measures.RELIABLE_DETERIORATION in measure.status  # said first, and marked
    for number, sentence in enumerate(status_sentences(measure)):
        parts.append(_plain(sentence, "hw.warn" if worse and number == 0 else ""))
    return parts


# ---------------------------------------------------------------- weeks as columns


def _layout(data: TrendsData, width: int) -> tuple[int, list[range]]:
    """(characters per week, the weeks in blocks that fit the width)."""
    room = max(8, width - GUTTER - 1)
    count = len(data.weeks)
    column = 2 if count * 2 <= room else 1
    return column, charts.chunks(count, room // column)


def _month_header(data: TrendsData, block: range, column: int, width: int) -> Any:
    """Month names over the weeks they begin in; the year where one begins (and with
    the first week's month)."""
    marks = []
    for position, index in enumerate(block):
        start = max(data.weeks[index].start, data.since)
        last = min(data.weeks[index].end, data.until)
        begins = start.day == 1 or last.month != start.month  # a month begins this week
        if position == 0:  # the title says the first year; a later block says its own
            shown = last if begins else start
            month = month_name(shown.month, short=True)
            if block.start:
                marks.append((0, f"{month} {shown.year}"))
            elif begins or start.day <= 20:  # late in a month, the next name comes soon
                marks.append((0, month))
        elif begins:
            label = str(last.year) if last.month == 1 else month_name(last.month, short=True)
            marks.append((position * column, label))
    room = max(len(block) * column, width - GUTTER - 1)  # a last name may run past the weeks
    return _plain(" " * GUTTER + charts.axis_labels(marks, room), "hw.label", 0)


def _chart_rows(rows: list[list[tuple[str, str]]], labels: list[str], column: int) -> list[Any]:
    return [
        _line([(f"{label:>{GUTTER - 2}}┤ ", "hw.label"), *charts.spaced(row, column)])
        for label, row in zip(labels, rows, strict=True)
    ]


def _axis(label: str, count: int, column: int) -> Any:
    return _plain(f"{label:>{GUTTER - 2}}└" + "─" * (count * column + 1), "hw.label", 0)


def calendar_grid(data: TrendsData) -> list[list[tuple[str, str]]]:
    """The calendar's cells: a row for each day of the week, a column for each week;
    blank outside the range, a dot for a day with no entry."""
    weeks = len(data.weeks)
    grid = [[(charts.NO_ENTRY, "hw.label")] * weeks for _ in range(7)]
    first = data.weeks[0].start
    for offset in range((data.since - first).days):
        grid[offset][0] = (" ", "")
    for offset in range((data.until - first).days % 7 + 1, 7):
        grid[offset][weeks - 1] = (" ", "")
    for key, figures in data.days.items():
        place = (dt.date.fromisoformat(key) - first).days
        grid[place % 7][place // 7] = charts.mood_cell(*figures)
    return grid


def mood_section(data: TrendsData, width: int) -> list[Any]:
    parts: list[Any] = [_section(messages.SECTION_MOOD)]
    column, blocks = _layout(data, width)
    names = day_names()
    if data.week_start == "sunday":
        names = names[6:] + names[:6]
    weekly = data.mood_by_week()
    grid = calendar_grid(data)
    for number, block in enumerate(blocks):
        if number:
            parts.append(_plain(""))
        parts.append(_month_header(data, block, column, width))
        for offset, name in enumerate(names):
            cells = grid[offset][block.start : block.stop]
            parts.append(
                _line([(f"  {name:<{GUTTER - 2}}", "hw.label"), *charts.spaced(cells, column)])
            )
        averages = [weekly[i]["average"] for i in block]
        rows = charts.column_bars(averages, 1, 5, CHART_ROWS, "hw.bar")
        parts += _chart_rows(rows, ["5", "4", "3", "2"], column)
        parts.append(_axis("1", len(block), column))
    legend = "  ".join(f"{charts.MOOD_BLOCKS[m]} {moods()[m]}" for m in range(1, 6))
    parts.append(_plain(f"{legend}  {messages.TRENDS_MOOD_LEGEND}", "hw.label"))
    parts.append(_plain(messages.TRENDS_WEEKLY_NOTE, "hw.label"))
    rated = sum(r for _, r, _ in data.days.values())
    if rated:
        average = sum(t for _, _, t in data.days.values()) / rated
        word = moods()[max(1, min(5, round(average)))]
        parts.append(
            _plain(
                messages.TRENDS_MOOD_AVERAGE.format(
                    average=mood_number(round(average, 1)),
                    word=word,
                    count=messages.ENTRIES.of(rated),
                )
            )
        )
    else:
        parts.append(_plain(messages.TRENDS_NO_MOOD, "hw.label"))
    return parts


def homework_section(data: TrendsData, width: int) -> list[Any]:
    parts: list[Any] = [_section(messages.SECTION_HOMEWORK)]
    total = data.homework_total()
    if not total.due:
        return [*parts, _plain(messages.TRENDS_NO_HOMEWORK, "hw.label")]
    column, blocks = _layout(data, width)
    for number, block in enumerate(blocks):
        if number:
            parts.append(_plain(""))
        parts.append(_month_header(data, block, column, width))
        stacks = []
        for index in block:
            week = data.homework[index]
            stack = [(getattr(week, name), shape, style) for name, shape, style in HOMEWORK_SHAPES]
            stack.insert(2, (week.not_recorded, *NOT_RECORDED_SHAPE))
            stacks.append(stack)
        rows = charts.stacked_bars(stacks, CHART_ROWS)
        parts += _chart_rows(rows, [numerals.percent(100), "", "", ""], column)
        parts.append(_axis(numerals.percent(0), len(block), column))
    parts.append(_plain(messages.TRENDS_HOMEWORK_LEGEND, "hw.label"))
    figures = [
        messages.TRENDS_HOMEWORK_TOTAL.of(
            total.done,
            weeks=messages.WEEKS.of(len(data.weeks)),
            due=numerals.number(total.due),
            percent=numerals.percent(total.done / total.due * 100),
        )
    ]
    if total.skipped:
        figures.append(messages.FIGURE_SKIPPED.format(skipped=numerals.number(total.skipped)))
    if total.not_recorded:
        figures.append(f"{numerals.number(total.not_recorded)} {messages.NOT_RECORDED}")
    if total.open:
        figures.append(f"{numerals.number(total.open)} {messages.STILL_OPEN}")
    parts.append(_plain(" · ".join(figures) + "."))
    parts += barriers_block(data)
    return parts


def barriers_block(data: TrendsData) -> list[Any]:
    from hwjournal import plans

    if not data.barriers:
        return []
    parts: list[Any] = [_plain(""), _section(messages.TRENDS_BARRIERS)]
    words = {code: plans.BARRIERS.get(code, code) for code in data.barriers}
    wide = max(len(w) for w in words.values())
    most = max(data.barriers.values())
    for code, count in data.barriers.items():
        bar = BAR * max(1, round(count / most * 12))
        parts.append(
            _line([(f"{words[code]:<{wide}}  ", ""), (bar, "hw.bar"), (f" {count}", "")], 2)
        )
    return parts
