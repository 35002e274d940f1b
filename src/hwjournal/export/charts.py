"""The HTML report's pictures as plain geometry: numbers and words that
report.html.jinja draws as inline SVG, each with its text alternative (`title`).

No markup here: every word that reaches the page (a band label, an exercise's
title) goes through the template's escaping like any other text.
"""

from __future__ import annotations

import datetime as dt
import itertools

from hwjournal import messages
from hwjournal.export.data import Measure
from hwjournal.measures import band_said
from hwjournal.numerals import number
from hwjournal.render import words
from hwjournal.week import WeekData

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs `hw export --format html` milliseconds
    from typing import Any

# Band tints, lightest for the lowest band: pale enough to print without wasting
# ink, and never the only way a band is told (each is labelled, and the title says).
BAND_TINTS = ("#e9f3ea", "#f4f2dc", "#fbe9cf", "#f8dccb", "#f3cfcf", "#ecc6d6")

# The mood chart shares its columns with the days table under it: a gutter for
# the scale's words, then one column a day.
MOOD_GUTTER = 100
MOOD_COLUMN = 100  # a day's column in a week
MOOD_HEIGHT = 104
MOOD_TOP, MOOD_BOTTOM = 16, 92

MEASURE_WIDTH, MEASURE_HEIGHT = 640, 160
MEASURE_LEFT, MEASURE_RIGHT = 30, 486  # the plot; band labels sit to its right
MEASURE_TOP, MEASURE_BOTTOM = 20, 136

# What fits right of a measure's plot; a longer band label is cut there (the
# chart's title and the scores table say it whole).
BAND_LABEL_MAX = 20

BAR_WIDTH, BAR_HEIGHT = 210, 14
BAR_BOXES = 31  # up to this many occasions are drawn one box each


def _round(value: float) -> float:
    return round(value, 1)


def _day_month_year(day: dt.date) -> str:
    return words.full_date(day)


def _fitted(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _number(value: float) -> str:
    return number(value)


# ---------------------------------------------------------------- mood


def mood_week(week: WeekData) -> dict[str, Any]:
    """Mood through the span, a point a day (the day's average), 1 at the bottom."""
    days = week.days()
    moods = week.mood_by_day
    # a week's days line up with the days table's columns; a longer span shares
    # the same width, and its points go unlabelled once they crowd
    width = MOOD_GUTTER + MOOD_COLUMN * 7
    column = (width - MOOD_GUTTER) / max(7, len(days))
    labelled = len(days) <= 14

    def y(mood: float) -> float:
        return _round(MOOD_BOTTOM - (mood - 1) / 4 * (MOOD_BOTTOM - MOOD_TOP))

    grid = [{"y": y(m), "label": f"{m} {words.moods()[m]}", "strong": m == 3} for m in (1, 3, 5)]
    points = []
    for index, day in enumerate(days):
        mood = moods[day.isoformat()]
        if mood is not None:
            x = _round(MOOD_GUTTER + column * index + column / 2)
            label = words.mood_number(mood) if labelled else ""
            points.append({"x": x, "y": y(mood), "label": label, "index": index})
    # a line joins two days only when both have a mood: a gap stays a gap
    lines = [
        {"x1": a["x"], "y1": a["y"], "x2": b["x"], "y2": b["y"]}
        for a, b in itertools.pairwise(points)
        if b["index"] == a["index"] + 1
    ]
    said = [
        (
            words.day_names(long=True)[day.weekday()]
            if len(days) <= 7
            else words.day_month(day.isoformat())
        )
        + " "
        + (
            messages.MOOD_NONE
            if moods[day.isoformat()] is None
            else words.mood_number(moods[day.isoformat()])
        )
        for day in days
    ]
    if points:
        title = messages.CHART_MOOD + ", ".join(said) + "."
        if week.mood_average is not None:
            average = words.mood_number(week.mood_average)
            title += messages.CHART_MOOD_AVERAGE.format(average=average)
    else:
        title = messages.CHART_NO_MOOD
    return {
        "width": width,
        "height": MOOD_HEIGHT,
        "gutter": MOOD_GUTTER,
        "grid": grid,
        "points": points,
        "radius": 5 if len(days) <= 31 else 2.5,
        "lines": lines,
        "empty": not points,
        "title": title,
    }


# ---------------------------------------------------------------- measures


def _nice_step(span: float) -> float:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if span / step <= 6:
            return step
    return 10 ** len(str(int(span)))


def measure_chart(measure: Measure, week: WeekData) -> dict[str, Any]:
    """The measure's scores over its months, its bands behind them, the span's own
    scores marked."""
    totals = [s.total for s in measure.scores]
    low = min([measure.low, *totals])
    high = max([measure.high or 0, *totals, *(m for m, _ in measure.bands), low + 1])
    days = max(1, (measure.until - measure.since).days)
    plot_w = MEASURE_RIGHT - MEASURE_LEFT
    plot_h = MEASURE_BOTTOM - MEASURE_TOP

    def x(date: dt.date) -> float:
        return _round(MEASURE_LEFT + (date - measure.since).days / days * plot_w)

    def y(value: float) -> float:
        value = max(low, min(high, value))
        return _round(MEASURE_BOTTOM - (value - low) / (high - low) * plot_h)

    whole = all(float(m).is_integer() for m, _ in measure.bands) and all(
        float(t).is_integer() for t in totals
    )
    bands = []
    floor = low
    ranges = _band_ranges(measure)

    def tint(index: int) -> int:
        """Lightest for the best band: the lowest, or the highest when higher is better."""
        return len(measure.bands) - 1 - index if measure.higher_is_better else index

    for index, (top, label) in enumerate(measure.bands):
        upper = min(high, top + 0.5 if whole else top)
        if upper <= floor:
            continue
        y_top, y_bottom = y(upper), y(floor)
        bands.append(
            {
                "y": y_top,
                "height": _round(y_bottom - y_top),
                "fill": BAND_TINTS[min(tint(index), len(BAND_TINTS) - 1)],
                "label": _fitted(band_said(label), BAND_LABEL_MAX),
                "range": ranges[index],
                "label_y": _round((y_top + y_bottom) / 2 + 3.5),
                "labelled": y_bottom - y_top >= 10,
            }
        )
        floor = upper
    step = _nice_step(high - low)
    first_tick = -(-low // step) * step
    ticks = []
    value = first_tick
    while value <= high:
        ticks.append({"y": y(value), "label": _number(value)})
        value += step
    months = []
    month = dt.date(measure.since.year, measure.since.month, 1)
    while month <= measure.until:
        if month >= measure.since:
            name = words.month_name(month.month, short=True)
            months.append({"x": x(month), "label": name if month.month != 1 else str(month.year)})
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    points = []
    for score in measure.scores:
        when = dt.date.fromisoformat(score.date)
        points.append(
            {
                "x": x(when),
                "y": y(score.total),
                "label": _number(score.total),
                "marked": score.in_span,
            }
        )
    span_x = x(max(week.start, measure.since))
    return {
        "width": MEASURE_WIDTH,
        "height": MEASURE_HEIGHT,
        "left": MEASURE_LEFT,
        "right": MEASURE_RIGHT,
        "top": MEASURE_TOP,
        "bottom": MEASURE_BOTTOM,
        "bands": bands,
        "ticks": ticks,
        "months": months,
        "points": points,
        "line": " ".join(f"{p['x']},{p['y']}" for p in points),
        "span": {
            "x": span_x,
            "width": max(2.0, _round(x(measure.until) - span_x)),
            "label": messages.CHART_THIS_WEEK if week.label else messages.CHART_THESE_DAYS,
        },
        "title": _measure_title(
            measure, messages.CHART_THIS_WEEK if week.label else messages.CHART_IN_THESE_DAYS
        ),
    }


def _band_ranges(measure: Measure) -> list[str]:
    """Each band's scores in words: 0–4, 5–9 (whole-number bands start one above the
    band below)."""
    ranges = []
    floor = measure.low
    for top, _label in measure.bands:
        ranges.append(f"{_number(floor)}–{_number(top)}")
        floor = top + 1 if float(top).is_integer() else top
    return ranges


def _measure_title(measure: Measure, span_words: str) -> str:
    since, until = _day_month_year(measure.since), _day_month_year(measure.until)
    said = []
    for score in measure.scores:
        band = f" ({band_said(score.band)})" if score.band else ""
        mark = f", {span_words}" if score.in_span else ""
        said.append(
            messages.CHART_SCORE_ON.format(
                score=_number(score.total), band=band, date=words.day_month(score.date), mark=mark
            )
        )
    text = messages.CHART_SCORES.format(title=measure.title, since=since, until=until)
    text += "; ".join(said) + "."
    if measure.bands:
        ranges = _band_ranges(measure)
        named = [f"{band_said(label)} {ranges[i]}" for i, (_top, label) in enumerate(measure.bands)]
        text += messages.CHART_BANDS + ", ".join(named) + "."
    return text


# ---------------------------------------------------------------- homework


def homework_bar(item: Any) -> dict[str, Any] | None:
    """An assignment's occasions in the span as a bar: done, skipped, not recorded,
    still open, in that order. None when nothing was due."""
    if item.due <= 0:
        return None
    kinds = (
        ["done"] * item.done
        + ["skipped"] * item.skipped
        + ["not-recorded"] * item.not_recorded
        + ["open"] * item.open
    )[: item.due]
    kinds += ["not-recorded"] * (item.due - len(kinds))
    boxes = []
    inner = BAR_WIDTH - 1  # half a pixel each side, so an outlined box is drawn whole
    if item.due <= BAR_BOXES:
        gap = 2 if item.due > 1 else 0
        size = (inner - gap * (item.due - 1)) / item.due
        for index, kind in enumerate(kinds):
            x = 0.5 + index * (size + gap)
            boxes.append({"x": _round(x), "width": _round(size), "kind": kind})
    else:  # too many for a box each: one run of each kind
        at = 0.5
        for kind in ("done", "skipped", "not-recorded", "open"):
            count = kinds.count(kind)
            if count:
                width = count / item.due * inner
                boxes.append({"x": _round(at), "width": _round(width), "kind": kind})
                at += width
    parts = [messages.FIGURE_DONE.of(item.done, due=number(item.due))]
    if item.skipped:
        parts.append(messages.FIGURE_SKIPPED.format(skipped=number(item.skipped)))
    if item.not_recorded:
        parts.append(messages.CHART_NOT_RECORDED.format(count=number(item.not_recorded)))
    if item.open:
        parts.append(messages.CHART_STILL_OPEN.format(count=number(item.open)))
    return {
        "width": BAR_WIDTH,
        "height": BAR_HEIGHT,
        "boxes": boxes,
        "title": f"{item.title or item.template}: " + ", ".join(parts) + ".",
    }


def when_label(day: dt.date) -> str:
    return words.day_month(day.isoformat())
