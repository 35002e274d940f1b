"""hw trends on screen, at 80 and 120 columns: its key lines for the journal of
test_trends.py, the same words and shapes with colour or without, and the small
pictures it is drawn from (render/charts.py) on their own."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from helpers import flat
from hwjournal.render import charts
from test_trends import RANGE, SECRET, filled, hw_in  # noqa: F401  (filled: the fixture)

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def screen(home, columns: int, **env: str) -> list[str]:
    out = hw_in(home, "trends", *RANGE, COLUMNS=str(columns), **env).out
    return [line.rstrip() for line in out.splitlines()]


@pytest.mark.parametrize("columns", [80, 120])
def test_the_screen_in_its_key_lines(filled, columns):  # noqa: F811
    lines = screen(filled, columns)
    assert all(len(line) <= columns for line in lines), max(lines, key=len)
    assert lines[0] == "Over time  7 September – 4 October 2026 · 4 weeks"
    assert lines[1] == "14 entries on 11 of these 28 days."
    text = flat(lines)
    for expected in (
        "First 16 (moderately severe) on 8 Sep, latest 8 (mild) on 3 Oct: 8 lower.",
        "Reliable improvement: a change of 6 points or more is beyond the ordinary ups and "
        "downs of the questionnaire.",
        "Also: recovery (from 10 or more to below 10); reliable recovery (recovery, with a "
        "reliable improvement); response (down by 50% or more).",
        "One score so far: 9 (mild) on 15 Sep. The next one will show a direction.",
        "A screening score to talk over with your therapist, never a diagnosis.",
        "Over 4 weeks: 5 of 9 done (56%) · 3 skipped · 1 not recorded.",
        "▁ very low ▂ low ▄ so-so ▆ good █ very good · no entry ○ no mood given",
        "█ done ▒ skipped ░ not recorded ┊ still open · nothing due",
    ):
        assert expected in text
    for section in ("Measures", "Mood", "Homework", "What got in the way, most often first"):
        assert section in lines
    assert SECRET not in text


def test_each_score_sits_in_its_bands_row_and_the_latest_is_marked(filled):  # noqa: F811
    lines = screen(filled, 80)
    phq = lines.index("  PHQ-9 mood questionnaire")
    rows = {line.split("│")[0].strip(): line.split("│")[1] for line in lines[phq + 1 : phq + 6]}
    assert list(rows) == [
        "severe 20–27", "moderately severe 15–19", "moderate 10–14", "mild 5–9", "minimal 0–4",
    ]  # fmt: skip
    assert rows["moderately severe 15–19"].count("●") == 1  # 16 on 8 Sep
    assert rows["moderate 10–14"].count("●") == 1  # 12 on 22 Sep, private: counted
    assert rows["mild 5–9"].strip() == "◉"  # 8 on 3 Oct, the latest
    assert not rows["severe 20–27"].strip()  # 20 on 1 Sep is before the range
    # time runs left to right
    assert rows["moderately severe 15–19"].index("●") < rows["mild 5–9"].index("◉")


def test_the_calendar_has_weeks_as_columns_and_a_shape_for_each_mood(filled):  # noqa: F811
    lines = screen(filled, 80)
    weekday = re.compile(r"  (Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b")
    days = {line[2:5]: line[8:] for line in lines if weekday.match(line)}
    assert days["Mon"] == "▄ ○ · ·"  # 7 Sep: moods 2 and 4; 14 Sep: an entry without a mood
    assert days["Wed"] == "█ ▁ ○ ·"  # 9 Sep: 5; 16 Sep: 1 (private); 23 Sep: no mood
    assert days["Thu"] == "· · · ·"  # 10 Sep holds only a draft


def test_colour_adds_to_the_shapes_and_takes_nothing_away(filled):  # noqa: F811
    plain = screen(filled, 80)
    coloured = screen(filled, 80, NO_COLOR="", FORCE_COLOR="1")
    assert any(ANSI.search(line) for line in coloured)
    assert [ANSI.sub("", line).rstrip() for line in coloured] == plain
    assert not any(ANSI.search(line) for line in plain)


# ---------------------------------------------------------------- the pictures


def test_lanes_follow_the_templates_bands_with_calm_to_warm_colours():
    bands = [
        (4, "minimal"),
        (9, "mild"),
        (14, "moderate"),
        (19, "moderately severe"),
        (27, "severe"),
    ]
    lanes = charts.lanes_for(bands, [3, 12], 27, higher_is_better=False)
    assert [lane.label for lane in lanes] == [
        "minimal 0–4", "mild 5–9", "moderate 10–14", "moderately severe 15–19", "severe 20–27",
    ]  # fmt: skip
    assert lanes[0].style == charts.BAND_STYLES[0] and lanes[-1].style == charts.BAND_STYLES[-1]
    turned = charts.lanes_for(bands, [3], 27, higher_is_better=True)
    assert turned[0].style == charts.BAND_STYLES[-1]  # low scores are the worry there
    assert [charts.lane_of(lanes, total) for total in (0, 4, 5, 14, 15, 27, 30)] == [
        0, 0, 1, 2, 3, 4, 4,
    ]  # fmt: skip


def test_without_bands_four_even_lanes_up_to_the_highest_score_possible():
    lanes = charts.lanes_for([], [3, 7], 20, higher_is_better=False)
    assert [lane.label for lane in lanes] == ["0–5", "6–10", "11–15", "16–20"]
    assert [(lane.low, lane.high) for lane in lanes] == [(0, 5), (6, 10), (11, 15), (16, 20)]


def test_scores_sharing_a_column_show_as_their_average():
    since = dt.date(2026, 1, 1)
    points = [(since, 4.0), (since + dt.timedelta(days=1), 8.0), (dt.date(2026, 12, 31), 2.0)]
    means = charts.column_means(points, since, dt.date(2026, 12, 31), 10)
    assert means == {0: 6.0, 9: 2.0}


def test_column_bars_fill_in_eighths_and_mark_a_week_without_any():
    rows = charts.column_bars([1.0, 3.0, 5.0, None], 1, 5, 4, "s")
    cells = ["".join(text for text, _ in row) for row in rows]
    assert cells == [
        "  █ ",
        "  █ ",
        " ██ ",
        "▁██·",  # the lowest value still shows a sliver; None is a dot
    ]


def test_stacked_bars_share_out_their_rows_and_add_up():
    rows = charts.stacked_bars(
        [
            [(2, "D", ""), (1, "S", ""), (1, "N", "")],
            [(0, "D", ""), (0, "S", "")],
            [(7, "D", ""), (1, "N", "")],
        ],
        4,
    )
    columns = ["".join(rows[r][c][0] for r in range(4)) for c in range(3)]
    assert columns == ["NSDD", "   ·", "NDDD"]  # top first


def test_axis_labels_never_touch_and_long_ranges_show_years_only():
    assert charts.axis_labels([(0, "Jan"), (2, "Feb"), (8, "Mar")], 12) == "Jan     Mar"
    since, until = dt.date(2020, 3, 1), dt.date(2026, 3, 1)
    labels = [label for _, label in charts.month_marks(since, until, lambda d: 0)]
    assert labels == [str(year) for year in range(2021, 2027)]
    short = charts.month_marks(dt.date(2026, 5, 30), dt.date(2026, 8, 2), lambda d: d.month)
    assert [label for _, label in short] == ["Jun", "Jul", "Aug"]  # 30 May: too late to name


def test_month_names_stand_over_the_week_each_month_begins_in(filled):  # noqa: F811
    lines = screen(filled, 80)
    assert lines[lines.index("Mood") + 1] == " " * 8 + "Sep   Oct"  # 1 Oct: the fourth week


def test_a_range_starting_late_in_a_month_names_the_next_one_first():
    import io

    from rich.console import Console
    from rich.theme import Theme

    from hwjournal.display import THEME
    from hwjournal.render.trends import trends_view
    from hwjournal.trends import TrendsData

    data = TrendsData(dt.date(2026, 7, 30), dt.date(2026, 9, 6), dt.date(2026, 11, 30), "monday")
    data.days = {"2026-07-30": (1, 1, 3.0)}
    out = io.StringIO()
    Console(file=out, width=80, color_system=None, theme=Theme(THEME)).print(trends_view(data, 80))
    lines = [line.rstrip() for line in out.getvalue().splitlines()]
    # 1 Aug falls in the first week (27 Jul to 2 Aug), 1 Sep in the sixth
    assert lines[lines.index("Mood") + 1] == " " * 8 + "Aug" + " " * 7 + "Sep"
