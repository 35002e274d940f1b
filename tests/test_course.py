"""A course of care: `care_start` sets each measure's baseline, and the PHQ-9 and
GAD-7 are judged together as NHS Talking Therapies judges recovery. Worked out by
hand from journals built with `hw start --answer ... --date ...`:

- PHQ-9 20 on 2 Mar 2026, 16 on 8 Sep, 8 on 3 Oct; GAD-7 9 on 9 Sep, 7 on 2 Oct.
- Shown 7 Sep to 4 Oct with care_start 1 Mar: the PHQ-9's baseline is 20 (before
  the range), change -12: reliable improvement (6 or more), recovery (20 a case, 8
  not), reliable recovery, response (8 is under half of 20). The GAD-7's is 9,
  change -2: no reliable change (4 needed), recovery (9 is a case at 8 or more, 7
  is not).
- The pair: the PHQ-9 improved reliably and neither deteriorated, so reliable
  improvement; one was a case at the start and both are below caseness now, so
  recovery; both, so reliable recovery.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_hw

ENV = {"TZ": "UTC", "COLUMNS": "80", "NO_COLOR": "1"}
RANGE = ("--since", "2026-09-07", "--until", "2026-10-04")


def hw_in(home: Path, *args: str):
    result = run_hw(*args, env={**ENV, "HW_HOME": str(home)})
    assert result.code == 0, result.err
    return result


def scored(home: Path, template: str, items: int, day: str, total: int) -> None:
    values = [min(3, max(0, total - 3 * i)) for i in range(items)]
    assert sum(values) == total and (items != 9 or values[8] == 0)
    answers = [x for i, v in enumerate(values, 1) for x in ("-a", f"q{i}={v}")]
    hw_in(home, "start", template, "--date", day, "--no-input", *answers)


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("course")
    for day, total in (("2026-03-02", 20), ("2026-09-08", 16), ("2026-10-03", 8)):
        scored(home, "phq-9", 9, day, total)
    for day, total in (("2026-09-09", 9), ("2026-10-02", 7)):
        scored(home, "gad-7", 7, day, total)
    return home


def measure(report: dict, template: str) -> dict:
    return next(m for m in report["measures"] if m["template"] == template)


def test_without_care_start_the_baseline_is_the_first_score_in_the_range(course):
    report = hw_in(course, "trends", *RANGE, "--json").json()
    assert (report["care_start"], report["baseline_from"]) == (None, "range")
    phq = measure(report, "phq-9")
    assert (phq["baseline"], phq["baseline_date"], phq["change"]) == (16, "2026-09-08", -8)


def test_care_start_takes_the_first_score_since_even_before_the_range(course, tmp_path):
    config = tmp_path / "config.toml"
    run = {"HW_CONFIG": str(config)}
    assert run_hw("config", "set", "care_start", "2026-03-01", env={**ENV, **run}).code == 0
    report = run_hw("trends", *RANGE, "--json", env={**ENV, "HW_HOME": str(course), **run}).json()
    assert (report["care_start"], report["baseline_from"]) == ("2026-03-01", "care_start")
    phq = measure(report, "phq-9")
    assert [s["total"] for s in phq["scores"]] == [16, 8]  # the range's own scores
    assert (phq["baseline"], phq["baseline_date"], phq["latest"], phq["change"]) == (
        20, "2026-03-02", 8, -12,
    )  # fmt: skip
    assert phq["status"] == ["reliable improvement", "recovery", "reliable recovery", "response"]
    gad = measure(report, "gad-7")
    assert (gad["baseline"], gad["change"], gad["status"]) == (
        9,
        -2,
        ["no reliable change", "recovery"],
    )
    assert report["pairs"] == [
        {
            "measures": ["phq-9", "gad-7"],
            "status": ["reliable improvement", "recovery", "reliable recovery"],
        }
    ]
    screen = run_hw("trends", *RANGE, env={**ENV, "HW_HOME": str(course), **run}).out
    assert "since this course of care began, on 1 March 2026" in " ".join(screen.split())
    assert "PHQ-9 mood questionnaire and GAD-7 anxiety questionnaire together" in " ".join(
        screen.split()
    )


def test_a_course_begun_after_the_last_score_gives_no_status(course, tmp_path):
    run = {"HW_CONFIG": str(tmp_path / "config.toml")}
    assert run_hw("config", "set", "care_start", "2026-10-04", env={**ENV, **run}).code == 0
    report = run_hw("trends", *RANGE, "--json", env={**ENV, "HW_HOME": str(course), **run}).json()
    phq = measure(report, "phq-9")
    assert (phq["baseline"], phq["change"], phq["status"]) == (None, None, [])
    assert "pairs" not in report


def test_a_reliable_deterioration_of_either_is_the_pairs(tmp_path):
    home = tmp_path / "home"
    scored(home, "phq-9", 9, "2026-09-08", 12)
    scored(home, "phq-9", 9, "2026-10-01", 5)  # -7: reliable improvement, below caseness
    scored(home, "gad-7", 7, "2026-09-08", 5)
    scored(home, "gad-7", 7, "2026-10-01", 10)  # +5: reliable deterioration, now a case
    report = hw_in(home, "trends", *RANGE, "--json").json()
    assert report["pairs"] == [
        {"measures": ["phq-9", "gad-7"], "status": ["reliable deterioration"]}
    ]


@pytest.mark.parametrize("value", ["someday", "2026-13-01", "1800-01-01"])
def test_a_bad_care_start_is_refused(tmp_path, value):
    run = {"HW_CONFIG": str(tmp_path / "config.toml")}
    result = run_hw("config", "set", "care_start", value, env={**ENV, **run})
    assert result.code == 2
    assert "care_start" in result.err and "YYYY-MM-DD" in result.err
    assert not (tmp_path / "config.toml").exists()


def test_the_week_and_its_exports_add_one_line_for_the_pair(course):
    # the week of 28 Sep - 4 Oct 2026 holds the PHQ-9's 8 and the GAD-7's 7; the first
    # scores of the six months before are 16 (8 Sep) and 9 (9 Sep): see the top
    line = (
        "PHQ-9 mood questionnaire and GAD-7 anxiety questionnaire together (paired "
        "recovery): reliable improvement, recovery, reliable recovery."
    )
    week = hw_in(course, "week", "2026-10-01").out
    assert line in " ".join(week.split())
    markdown = hw_in(course, "export", "--week", "2026-10-01").out
    assert line in " ".join(markdown.split())
    html = hw_in(course, "export", "--week", "2026-10-01", "--format", "html").out
    assert f'<p class="pair">{line}</p>' in html
