"""hw trends: measures, mood and homework over months, checked against figures worked
out by hand from a journal built the way a person builds one (`hw start --answer
... --date ...`, `hw assign`, `hw skip`).

The filled range is Monday 7 September to Sunday 4 October 2026 (ISO weeks 37 to
40). By hand:

- PHQ-9: 20 on 1 Sep (before the range), 16 on 8 Sep, 12 on 22 Sep (private), 8 on
  3 Oct. In the range: baseline 16, latest 8, change -8: a reliable improvement
  (6 or more), recovery (16 is a case, 8 is not) and so reliable recovery, and
  response (8 is exactly half of 16); no remission (8 is not below 5).
- GAD-7: one score, 9 on 15 Sep: no status, no change.
- Complete entries by week: 6, 4, 2, 2 (a draft on 10 Sep does not count). Moods:
  2 and 4 on 7 Sep, 5 on 9 Sep, 1 on 16 Sep (private), 3 on 4 Oct; by week 3.67,
  1.0, none, 3.0.
- Reframe log on Mon, Wed and Fri from 7 to 27 Sep: W37 3 due, 2 done, 1 skipped;
  W38 3, 2, 1; W39 3, 1, 1 and 1 not recorded; W40 nothing due. Skipped for "no
  time" twice and "it slipped my mind" once.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import helpers
from helpers import phq9
from hwjournal import trends
from hwjournal.errors import UsageError

SINCE, UNTIL = "2026-09-07", "2026-10-04"
RANGE = ("--since", SINCE, "--until", UNTIL)
SECRET = "zebra lantern"  # the private entry's words: never shown by hw trends
ENV = {"TZ": "UTC", "COLUMNS": "80", "NO_COLOR": "1"}


def hw_in(home: Path, *args: str, **env: str):
    """helpers.hw_in with NO_COLOR: the chart's shapes, not its colours, carry meaning."""
    return helpers.hw_in(home, *args, **{"NO_COLOR": "1", **env})


def gad7(home: Path, day: str, total: int) -> None:
    values = [min(3, max(0, total - 3 * i)) for i in range(7)]
    answers = [x for i, v in enumerate(values, 1) for x in ("-a", f"q{i}={v}")]
    hw_in(home, "start", "gad-7", "--date", day, "--no-input", *answers)


def gratitude(home: Path, day: str, mood: int | None = None, *extra: str) -> None:
    mood_flag = ("--mood", str(mood)) if mood else ()
    hw_in(
        home, "start", "gratitude", "--date", day, "--no-input", "-a", "things=tea",
        *mood_flag, *extra,
    )  # fmt: skip


def reframe(home: Path, day: str) -> None:
    hw_in(
        home, "start", "reframe-log", "--date", day, "--no-input", "-a", "thought=I fail",
        "-a", "intensity_before=7", "-a", "reframe=Not always", "-a", "intensity_after=4",
    )  # fmt: skip


def draft(home: Path, day: str) -> None:
    helpers.add_entry(home, day, status="draft", mood=1, answers={"things": ["draft"]})


@pytest.fixture(scope="module")
def filled(build_once) -> Path:
    return build_once("trends", fill_months)


def fill_months(home: Path) -> None:
    hw_in(
        home, "assign", "reframe-log", "--days", "mon,wed,fri", "--start", SINCE,
        "--until", "2026-09-27",
    )  # fmt: skip
    phq9(home, "2026-09-01", 20)
    gratitude(home, "2026-09-07", 2)
    gratitude(home, "2026-09-07", 4)
    reframe(home, "2026-09-07")
    phq9(home, "2026-09-08", 16)
    gratitude(home, "2026-09-09", 5)
    hw_in(home, "skip", "reframe-log", "--date", "2026-09-09", "--barrier", "time")
    draft(home, "2026-09-10")
    reframe(home, "2026-09-11")
    reframe(home, "2026-09-14")
    gad7(home, "2026-09-15", 9)
    reframe(home, "2026-09-16")
    hw_in(
        home, "start", "gratitude", "--date", "2026-09-16", "--no-input", "--mood", "1",
        "--private", "-a", f"things={SECRET}",
    )  # fmt: skip
    hw_in(home, "skip", "reframe-log", "--date", "2026-09-18", "--barrier", "forgot")
    phq9(home, "2026-09-22", 12, "--private")
    reframe(home, "2026-09-23")
    hw_in(home, "skip", "reframe-log", "--date", "2026-09-25", "--barrier", "time")
    phq9(home, "2026-10-03", 8)
    gratitude(home, "2026-10-04", 3)


@pytest.fixture(scope="module")
def report(filled: Path) -> dict:
    return hw_in(filled, "trends", *RANGE, "--json").json()


# ---------------------------------------------------------------- measures


def test_the_json_has_the_specs_keys_and_types(report):
    keys = ["since", "until", "care_start", "baseline_from", "measures", "mood", "homework"]
    assert list(report) in (keys, [*keys, "pairs"])
    assert (report["since"], report["until"]) == (SINCE, UNTIL)
    assert (report["care_start"], report["baseline_from"]) == (None, "range")
    for measure in report["measures"]:
        assert list(measure) == [
            "template", "title", "scale", "label", "scores", "baseline", "baseline_date",
            "latest", "change", "status", "thresholds",
        ]  # fmt: skip
        assert list(measure["thresholds"]) == [
            "reliable_change", "caseness", "remission_below", "response_drop",
        ]  # fmt: skip
        for score in measure["scores"]:
            assert list(score) == ["date", "total", "band", "entry_id"]
            assert isinstance(score["total"], int) and isinstance(score["entry_id"], int)
        assert all(isinstance(word, str) and word == word.lower() for word in measure["status"])
    assert list(report["mood"]) == ["by_day", "by_week"]
    assert list(report["homework"]) == ["by_week", "barriers"]
    for week in report["mood"]["by_week"]:
        assert list(week) == ["week", "average", "entries"]
    for week in report["homework"]["by_week"]:
        assert list(week) == ["week", "due", "done", "skipped", "not_recorded"]


def test_phq9_from_its_first_score_in_the_range_to_its_latest(report):
    phq = next(m for m in report["measures"] if m["template"] == "phq-9")
    assert phq["title"] == "PHQ-9 mood questionnaire"
    assert [(s["date"], s["total"], s["band"]) for s in phq["scores"]] == [
        ("2026-09-08", 16, "moderately severe"),
        ("2026-09-22", 12, "moderate"),  # private: counted, as every figure counts it
        ("2026-10-03", 8, "mild"),
    ]
    assert (phq["baseline"], phq["latest"], phq["change"]) == (16, 8, -8)
    assert phq["status"] == ["reliable improvement", "recovery", "reliable recovery", "response"]
    assert phq["thresholds"] == {
        "reliable_change": 6,
        "caseness": 10,
        "remission_below": 5,
        "response_drop": 0.5,
    }


def test_one_score_has_no_change_and_no_status(report):
    gad = next(m for m in report["measures"] if m["template"] == "gad-7")
    assert [s["total"] for s in gad["scores"]] == [9]
    assert (gad["baseline"], gad["latest"], gad["change"], gad["status"]) == (9, 9, None, [])


def test_only_the_measure_asked_for(filled):
    only = hw_in(filled, "trends", *RANGE, "--measure", "gad-7", "--json").json()
    assert [m["template"] for m in only["measures"]] == ["gad-7"]
    early = hw_in(
        filled, "trends", "--since", "2026-09-01", "--until", "2026-09-07", "--measure", "gad-7",
        "--json",
    ).json()  # fmt: skip
    assert early["measures"] == [
        {
            "template": "gad-7",
            "title": "GAD-7 anxiety questionnaire",
            "scale": None,
            "label": None,
            "scores": [],
            "baseline": None,
            "baseline_date": None,
            "latest": None,
            "change": None,
            "status": [],
            "thresholds": {
                "reliable_change": 4,
                "caseness": 8,
                "remission_below": None,
                "response_drop": None,
            },
        }
    ]


# ---------------------------------------------------------------- mood


def test_mood_by_day_holds_every_day_of_the_range(report):
    by_day = report["mood"]["by_day"]
    assert len(by_day) == 28 and min(by_day) == SINCE and max(by_day) == UNTIL
    assert list(by_day) == sorted(by_day)
    assert {day: mood for day, mood in by_day.items() if mood is not None} == {
        "2026-09-07": 3.0,
        "2026-09-09": 5.0,
        "2026-09-16": 1.0,  # private, counted
        "2026-10-04": 3.0,
    }  # the draft of 10 Sep (mood 1) does not count


def test_mood_by_week_counts_complete_entries_and_averages_those_with_a_mood(report):
    assert report["mood"]["by_week"] == [
        {"week": "2026-W37", "average": 3.67, "entries": 6},
        {"week": "2026-W38", "average": 1.0, "entries": 4},
        {"week": "2026-W39", "average": None, "entries": 2},
        {"week": "2026-W40", "average": 3.0, "entries": 2},
    ]


# ---------------------------------------------------------------- homework


def test_homework_by_week_and_what_got_in_the_way(report):
    assert report["homework"]["by_week"] == [
        {"week": "2026-W37", "due": 3, "done": 2, "skipped": 1, "not_recorded": 0},
        {"week": "2026-W38", "due": 3, "done": 2, "skipped": 1, "not_recorded": 0},
        {"week": "2026-W39", "due": 3, "done": 1, "skipped": 1, "not_recorded": 1},
        {"week": "2026-W40", "due": 0, "done": 0, "skipped": 0, "not_recorded": 0},
    ]
    assert report["homework"]["barriers"] == {"time": 2, "forgot": 1}
    assert list(report["homework"]["barriers"]) == ["time", "forgot"]  # most often first


def test_weeks_overlapping_the_range_count_only_its_days(filled):
    # Wednesday 9 to Tuesday 22 September: W37 from the Wednesday (9 skipped, 11 done),
    # W38 whole, W39 up to the Monday (21, not recorded)
    part = hw_in(filled, "trends", "--since", "2026-09-09", "--until", "2026-09-21", "--json")
    report = part.json()
    assert report["homework"]["by_week"] == [
        {"week": "2026-W37", "due": 2, "done": 1, "skipped": 1, "not_recorded": 0},
        {"week": "2026-W38", "due": 3, "done": 2, "skipped": 1, "not_recorded": 0},
        {"week": "2026-W39", "due": 1, "done": 0, "skipped": 0, "not_recorded": 1},
    ]
    assert [w["entries"] for w in report["mood"]["by_week"]] == [2, 4, 0]
    assert [s["date"] for s in report["measures"][0]["scores"]] == ["2026-09-15"]


def test_sunday_weeks_are_labelled_and_bounded_as_hw_week_has_them(filled, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('week_start = "sunday"\n')
    report = hw_in(filled, "trends", *RANGE, "--json", HW_CONFIG=str(config)).json()
    # Sunday 6 September starts the week labelled by the Monday after it (2026-W37)
    assert [w["week"] for w in report["mood"]["by_week"]] == [
        "2026-W37", "2026-W38", "2026-W39", "2026-W40", "2026-W41",
    ]  # fmt: skip
    assert [w["entries"] for w in report["mood"]["by_week"]] == [6, 4, 2, 1, 1]


def test_an_occasion_still_open_today_counts_in_due_only(hw_home):
    today = dt.date.today()
    home = hw_home
    hw_in(home, "assign", "reframe-log", "--daily", "--start", str(today - dt.timedelta(days=2)))
    reframe(home, str(today - dt.timedelta(days=1)))
    since = str(today - dt.timedelta(days=3))
    report = hw_in(home, "trends", "--since", since, "--json").json()
    weeks = report["homework"]["by_week"]
    totals = {key: sum(w[key] for w in weeks) for key in ("due", "done", "skipped", "not_recorded")}
    assert totals == {"due": 3, "done": 1, "skipped": 0, "not_recorded": 1}  # today: open


# ---------------------------------------------------------------- privacy


def test_private_entries_count_but_nothing_of_their_text_is_shown(filled):
    for args in ((*RANGE, "--json"), RANGE, (*RANGE, "--measure", "phq-9")):
        out = hw_in(filled, "trends", *args).out
        assert SECRET not in out and "zebra" not in out


# ---------------------------------------------------------------- the range


def test_the_default_range_is_six_months_or_since_the_first_entry(hw_home):
    today = dt.date.today()
    empty = hw_in(hw_home, "trends", "--json").json()
    assert (empty["since"], empty["until"]) == (
        trends.months_before(today, 6).isoformat(),
        today.isoformat(),
    )
    recent = today - dt.timedelta(days=10)
    gratitude(hw_home, str(recent), 3)
    report = hw_in(hw_home, "trends", "--json").json()
    assert report["since"] == recent.isoformat()
    assert len(report["mood"]["by_day"]) == 11
    gratitude(hw_home, str(today - dt.timedelta(days=400)), 3)
    assert hw_in(hw_home, "trends", "--json").json()["since"] == empty["since"]


def test_months_and_until_set_the_range(filled):
    report = hw_in(filled, "trends", "--months", "1", "--until", UNTIL, "--json").json()
    assert (report["since"], report["until"]) == ("2026-09-04", UNTIL)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2026-03-31", 1, "2026-02-28"),
        ("2028-03-31", 1, "2028-02-29"),
        ("2026-01-15", 2, "2025-11-15"),
        ("2026-11-30", 6, "2026-05-30"),
        ("2026-12-31", 12, "2025-12-31"),
        ("2026-08-31", 6, "2026-02-28"),
    ],
)
def test_months_before_keeps_the_day_or_the_months_last(day, months, expected):
    assert trends.months_before(dt.date.fromisoformat(day), months).isoformat() == expected


def test_the_asked_range_is_read_before_anything_opens():
    today = dt.date(2026, 11, 30)
    assert trends.asked_range(None, None, None, today) == (None, today)
    assert trends.asked_range("2026-11-01", None, None, today) == (dt.date(2026, 11, 1), today)
    assert trends.asked_range(None, "2", "2026-10-31", today) == (
        dt.date(2026, 8, 31),
        dt.date(2026, 10, 31),
    )
    with pytest.raises(UsageError):
        trends.asked_range("2026-11-02", None, "2026-11-01", today)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--since", "someday"), "not a date"),
        (("--until", "2026-13-01"), "not a date"),
        (("--since", "2026-10-05", "--until", "2026-10-01"), "comes after"),
        (("--months", "0"), "whole number of months"),
        (("--months", "-3"), "whole number of months"),
        (("--months", "six"), "whole number of months"),
        (("--months", "1.5"), "whole number of months"),
        (("--since", "2026-01-01", "--months", "3"), "not both"),
        (("--measure", "nope"), "no measure called 'nope'"),
        (("--measure", "gratitude"), "has no score"),
    ],
)
@pytest.mark.parametrize("json", [False, True])
def test_bad_input_is_refused_in_one_plain_sentence_and_nothing_changes(
    hw, journal_path, args, words, json
):
    refused = hw("trends", *args, *(["--json"] if json else []))
    assert refused.code == 2
    assert refused.out == ""
    assert words in refused.err.splitlines()[0]
    assert "Traceback" not in refused.err
    assert not journal_path.exists()


def test_no_entries_is_a_calm_screen_and_valid_json(hw, journal_path):
    screen = hw("trends", env={"NO_COLOR": "1"})
    assert screen.code == 0
    assert "Nothing is recorded between these dates yet" in screen.out
    report = hw("trends", "--json").json()
    assert report["measures"] == []
    assert set(report["mood"]["by_day"].values()) == {None}
    assert all(w["average"] is None and w["entries"] == 0 for w in report["mood"]["by_week"])
    assert all(w["due"] == 0 for w in report["homework"]["by_week"])
    assert report["homework"]["barriers"] == {}
    assert not journal_path.exists()


# ---------------------------------------------------------------- the week and the export


def test_the_week_screen_says_the_status_since_the_first_score_of_six_months(filled):
    # Week 40: the PHQ-9 of 3 Oct against 20 on 1 Sep, the first in the six months
    out = " ".join(hw_in(filled, "week", "2026-W40").out.split())
    assert (
        "reliable improvement, recovery, reliable recovery, response since 20 (severe) on 1 Sep"
        in out
    )


def test_the_export_leaves_private_scores_out_of_the_baseline_unless_asked(tmp_path):
    home = tmp_path / "home"
    phq9(home, "2026-09-01", 20, "--private")
    phq9(home, "2026-09-08", 14)
    phq9(home, "2026-09-22", 7)
    with_private = hw_in(home, "export", "--week", "2026-W39", "--include-private").out
    assert "since 20 (severe) on 2026-09-01" in with_private
    without = hw_in(home, "export", "--week", "2026-W39").out
    assert "reliable improvement, recovery, reliable recovery, response since 14" in without
    assert "since 20" not in without
    screen = " ".join(hw_in(home, "week", "2026-W39").out.split())  # the person's own counts it
    assert "since 20 (severe) on 1 Sep" in screen


def test_the_reports_chart_leaves_private_scores_out_unless_asked(tmp_path):
    home = tmp_path / "home"
    phq9(home, "2026-09-01", 24, "--private")
    phq9(home, "2026-09-22", 8)
    asked = hw_in(home, "export", "--format", "html", "--week", "2026-W39", "--include-private")
    assert "24 (severe) on 1 Sep; 8 (mild) on 22 Sep, this week" in asked.out
    plain = hw_in(home, "export", "--format", "html", "--week", "2026-W39").out
    assert "2026: 8 (mild) on 22 Sep, this week." in plain
    assert "24 (severe)" not in plain


def test_deterioration_is_said_plainly_with_the_next_session_in_mind(tmp_path):
    home = tmp_path / "home"
    phq9(home, "2026-09-01", 6)
    phq9(home, "2026-09-15", 13)
    report = hw_in(home, "trends", "--since", "2026-09-01", "--until", "2026-09-30", "--json")
    assert report.json()["measures"][0]["status"] == ["reliable deterioration"]
    screen = hw_in(home, "trends", "--since", "2026-09-01", "--until", "2026-09-30").out
    flat = " ".join(screen.split())
    assert "Reliable deterioration: scores have risen by 6 points or more" in flat
    assert "worth bringing to your next session" in flat
    week = " ".join(hw_in(home, "week", "2026-09-15").out.split())
    assert (
        "reliable deterioration since 6 (mild) on 1 Sep: worth bringing to your next session"
        in week
    )


def test_a_measure_whose_template_is_gone_is_still_shown_from_its_entries(tmp_path):
    home = tmp_path / "home"
    (home / "templates").mkdir(parents=True)
    mine = home / "templates" / "my-scale.toml"
    mine.write_text(
        'id = "my-scale"\ntitle = "My scale"\n\n[[steps]]\nid = "a"\ntype = "scale"\n'
        'min = 0\nmax = 10\nprompt = "How much?"\nrequired = true\n\n'
        '[scoring]\nsteps = ["a"]\nreliable_change = 3\n'
    )
    hw_in(home, "start", "my-scale", "--date", "2026-09-01", "-a", "a=7", "--no-input")
    hw_in(home, "start", "my-scale", "--date", "2026-09-08", "-a", "a=3", "--no-input")
    mine.unlink()
    args = ("trends", "--since", "2026-09-01", "--until", "2026-09-30", "--measure", "my-scale")
    report = hw_in(home, *args, "--json").json()
    measure = report["measures"][0]
    assert (measure["title"], measure["change"], measure["status"]) == ("My scale", -4, [])
    assert set(measure["thresholds"].values()) == {None}  # the thresholds went with it
    assert "First 7 on 1 Sep, latest 3 on 8 Sep: 4 lower." in hw_in(home, *args).out
