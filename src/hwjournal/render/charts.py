"""Small pictures in text for `hw trends`: scores in their bands over time, a
calendar of days, column charts and a time axis.

Pure: each returns rows of (text, style) pieces that the screen turns into Rich
Text. The shapes carry the meaning (a dot's lane, a block's height, a shade), so
the pictures read the same without colour (NO_COLOR); colour only adds to them.
"""

from __future__ import annotations

import datetime as dt

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

Piece = tuple[str, str]
Row = list[Piece]

EIGHTHS = " ▁▂▃▄▅▆▇█"
DOT = "●"
LATEST = "◉"
NO_ENTRY = "·"
NO_MOOD = "○"
# A mood of 1 to 5 as a block of rising height, and a colour from low to high.
MOOD_BLOCKS = {1: "▁", 2: "▂", 3: "▄", 4: "▆", 5: "█"}
MOOD_STYLES = {1: "blue", 2: "cyan", 3: "yellow4", 4: "green3", 5: "green"}
# Bands from the best to the worst: calm to warm.
BAND_STYLES = ("green", "yellow4", "orange3", "dark_orange3", "red3")


def column_of(day: dt.date, since: dt.date, days: int, width: int) -> int:
    """The column (0..width-1) of a day in a range of `days` days drawn `width` wide."""
    if days <= 1 or width <= 1:
        return 0
    return round((day - since).days / (days - 1) * (width - 1))


def axis_labels(marks: list[tuple[int, str]], width: int) -> str:
    """Labels placed at their columns, each left out where it would touch the one before."""
    line = [" "] * width
    free = 0
    for column, label in marks:
        if column < free or column + len(label) > width:
            continue
        line[column : column + len(label)] = label
        free = column + len(label) + 1
    return "".join(line).rstrip()


def month_marks(since: dt.date, until: dt.date, column: Any) -> list[tuple[int, str]]:
    """(column, label) where each month begins in since..until (and at the first
    day): its short name, or the year where a year begins; over more than two years,
    only the years. The title says the years the range starts and ends in."""
    from hwjournal.render.words import month_name

    years_only = (until - since).days >= 730  # month names would crowd each other out
    marks = []
    if since.day <= 20 and not years_only:  # late in a month, the next name comes soon
        marks.append((column(since), month_name(since.month, short=True)))
    year, month = since.year + (since.month == 12), since.month % 12 + 1
    while (first := dt.date(year, month, 1)) <= until:
        if month == 1:
            marks.append((column(first), str(year)))
        elif not years_only:
            marks.append((column(first), month_name(month, short=True)))
        year, month = year + (month == 12), month % 12 + 1
    return marks


# ---------------------------------------------------------------- scores in bands


class Lane:
    """One band of a measure as a row of the chart: scores from low to high."""

    __slots__ = ("high", "label", "low", "style")

    def __init__(self, low: float, high: float, label: str, style: str) -> None:
        self.low = low
        self.high = high
        self.label = label
        self.style = style


def _number(value: float) -> str:
    from hwjournal.numerals import number

    return number(value)


def lanes_for(
    bands: list[tuple[float, str]],
    totals: list[float],
    top: float | None,
    higher_is_better: bool,
) -> list[Lane]:
    """The chart's rows, lowest first: the template's bands, or (without bands) four
    even steps from 0 to the highest score possible (or seen)."""
    floor = min([0.0, *totals])
    lanes = []
    if bands:
        from hwjournal.measures import band_said

        low = floor
        for high, label in bands:
            said = band_said(label)
            lanes.append(Lane(low, high, f"{said} {_number(low)}–{_number(high)}", ""))
            low = high + 1 if float(high).is_integer() else high
    else:
        high = max([top or 0.0, *totals, floor + 4])
        step = (high - floor) / 4
        edges = [floor + step * i for i in range(5)]
        for i in range(4):
            low, up = round(edges[i]) + (i > 0), round(edges[i + 1])
            lanes.append(Lane(low, up, f"{low}–{up}", ""))
    order = list(BAND_STYLES)
    if higher_is_better:
        order.reverse()
    for index, lane in enumerate(lanes):
        at = 0 if len(lanes) == 1 else round(index * (len(order) - 1) / (len(lanes) - 1))
        lane.style = order[at]
    return lanes


def column_means(
    points: list[tuple[dt.date, float]], since: dt.date, until: dt.date, width: int
) -> dict[int, float]:
    """The average of the scores that fall in each column: over months a column holds
    a few days, over years a few weeks, and the dots show the course, not the noise."""
    days = (until - since).days + 1
    sums: dict[int, list[float]] = {}
    for day, total in points:
        found = sums.setdefault(column_of(day, since, days, width), [0.0, 0])
        found[0] += total
        found[1] += 1
    return {column: total / count for column, (total, count) in sums.items()}


def lane_of(lanes: list[Lane], total: float) -> int:
    for index, lane in enumerate(lanes):
        if total <= lane.high:
            return index
    return len(lanes) - 1


def band_chart(
    points: list[tuple[dt.date, float]],
    lanes: list[Lane],
    since: dt.date,
    until: dt.date,
    width: int,
    label_width: int = 0,
) -> list[Row]:
    """Each score as a dot in its band's row (the highest band on top) at its day;
    the latest as ◉. Then the axis and the months under it."""
    days = (until - since).days + 1
    label_width = max(label_width, *(len(lane.label) for lane in lanes))
    grid = [[" "] * width for _ in lanes]
    by_column = column_means(points, since, until, width)
    last = max(by_column, default=None)
    for column, mean in by_column.items():
        mark = LATEST if column == last and len(points) > 1 else DOT
        grid[lane_of(lanes, mean)][column] = mark
    rows: list[Row] = []
    for index in reversed(range(len(lanes))):
        lane = lanes[index]
        rows.append(
            [
                (lane.label.rjust(label_width) + " │", "hw.label"),
                ("".join(grid[index]).rstrip(), lane.style),
            ]
        )
    rows.append([(" " * label_width + " └" + "─" * width, "hw.label")])
    marks = month_marks(since, until, lambda d: column_of(d, since, days, width))
    rows.append([(" " * (label_width + 2) + axis_labels(marks, width), "hw.label")])
    return rows


# ---------------------------------------------------------------- weeks as columns


def mood_cell(count: int, rated: int, total: float) -> Piece:
    """A day in the calendar: its average mood as a block, or no entry, or no mood."""
    if count == 0:
        return NO_ENTRY, "hw.label"
    if rated == 0:
        return NO_MOOD, "hw.label"
    level = max(1, min(5, round(total / rated)))
    return MOOD_BLOCKS[level], MOOD_STYLES[level]


def column_bars(
    values: list[float | None], low: float, high: float, height: int, style: str
) -> list[list[Piece]]:
    """A column per value, `height` rows tall, filled in eighths from low to high;
    None is a dot on the bottom row. Rows top first, one piece per column."""
    rows: list[list[Piece]] = [[] for _ in range(height)]
    for value in values:
        if value is None:
            for r in range(height):
                rows[r].append((NO_ENTRY if r == height - 1 else " ", "hw.label"))
            continue
        share = 0.0 if high <= low else (value - low) / (high - low)
        eighths = max(1, round(max(0.0, min(1.0, share)) * height * 8))
        for r in range(height):
            below = (height - 1 - r) * 8  # eighths under this row
            fill = max(0, min(8, eighths - below))
            rows[r].append((EIGHTHS[fill], style))
    return rows


def stacked_bars(parts: list[list[tuple[int, str, str]]], height: int) -> list[list[Piece]]:
    """A column per week, `height` rows for all of it: each part (count, shape, style)
    takes its share of the rows, bottom up, rounded so the rows add up, and at least
    one row when there is any of it. A week with nothing is a dot on the bottom row.
    Rows top first, one piece per column."""
    rows: list[list[Piece]] = [[] for _ in range(height)]
    for column in parts:
        whole = sum(count for count, _, _ in column)
        if whole == 0:
            for r in range(height):
                rows[r].append((NO_ENTRY if r == height - 1 else " ", "hw.label"))
            continue
        exact = [count * height / whole for count, _, _ in column]
        # every part there is gets a row (one missed day in eight still shows)
        cells = [
            max(1, int(x)) if count else 0 for x, (count, _, _) in zip(exact, column, strict=True)
        ]
        while sum(cells) > height:
            cells[cells.index(max(cells))] -= 1
        by_remainder = sorted(range(len(column)), key=lambda i: exact[i] - cells[i], reverse=True)
        for i in by_remainder[: height - sum(cells)]:
            cells[i] += 1
        stack: list[Piece] = []
        for (_, shape, style), n in zip(column, cells, strict=True):
            stack += [(shape, style)] * n
        for r in range(height):
            rows[r].append(stack[height - 1 - r])
    return rows


def spaced(pieces: list[Piece], column_width: int) -> list[Piece]:
    """Pieces one column each, padded to column_width characters."""
    pad = " " * (column_width - 1)
    return [(text + pad, style) for text, style in pieces]


def chunks(count: int, per_row: int) -> list[range]:
    """Weeks split into blocks that fit the screen's width, oldest first."""
    per_row = max(1, per_row)
    return [range(i, min(count, i + per_row)) for i in range(0, count, per_row)]
