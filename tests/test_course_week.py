"""The week screen and the exports judge a score's status from the course's baseline,
as `hw trends` does, say which baseline they used, and show each scale of a measure
with its own status. Worked out by hand from a journal built with `hw start`:

- PHQ-9 20 on 2 Mar 2026, 16 on 8 Sep, 8 on 3 Oct; GAD-7 9 on 9 Sep, 7 on 2 Oct.
- Week 40 (28 Sep to 4 Oct) without care_start: the PHQ-9's baseline is its first
  score in the six months up to 4 Oct, 16 on 8 Sep; with care_start 1 Mar it is 20
  on 2 Mar. Either way 8 is a reliable improvement (6 or more), a recovery (from a
  case at 10 or more to below it), a reliable recovery and a response (at most half).
- With care_start 1 Mar the pair (the PHQ-9 from 20 to 8, the GAD-7 from 9 to 7, no
  reliable change) is a reliable improvement, a recovery and a reliable recovery.
- The WHO-5 (higher is better, caseness 50 or below): 40 on 10 Sep, 60 on 1 Oct, a
  recovery: from at or below 50 to above it.
- "Two scales", a measure of two scales and no total, each with reliable change 3:
  A 9 and B 2 on 1 Sep, A 3 and B 8 on 1 Oct. Scale A fell by 6: reliable
  improvement; scale B rose by 6: reliable deterioration.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from helpers import flat, hw_in, item_flags, make_entry, phq9
from html_reading import element_text, find_all, parse

WEEK = "2026-W40"
TWO_SCALES = """\
id = "two-scales"
title = "Two scales"
modality = "measure"

[[steps]]
id = "a"
type = "scale"
min = 0
max = 10
prompt = "How much of the first?"
required = true

[[steps]]
id = "b"
type = "scale"
min = 0
max = 10
prompt = "How much of the second?"
required = true

[scoring]

[[scoring.scales]]
id = "first"
label = "Scale A"
steps = ["a"]
bands = [{max = 4, label = "low"}, {max = 10, label = "high"}]
reliable_change = 3

[[scoring.scales]]
id = "second"
label = "Scale B"
steps = ["b"]
reliable_change = 3
"""


def _make(home: Path) -> None:
    for day, total in (("2026-03-02", 20), ("2026-09-08", 16), ("2026-10-03", 8)):
        phq9(home, day, total)
    for day, items in (
        ("2026-09-09", [3, 3, 3, 0, 0, 0, 0]),
        ("2026-10-02", [3, 3, 1, 0, 0, 0, 0]),
    ):
        hw_in(home, "start", "gad-7", "--date", day, "--no-input", *item_flags(items))
    for day, raw in (("2026-09-10", 2), ("2026-10-01", 3)):
        items = [part for i in range(1, 6) for part in ("-a", f"q{i}={raw}")]
        hw_in(home, "start", "who-5", "--date", day, "--no-input", *items)
    (home / "templates").mkdir()
    (home / "templates" / "two-scales.toml").write_text(TWO_SCALES)
    for day, a, b in (("2026-09-01", 9, 2), ("2026-10-01", 3, 8)):
        hw_in(
            home, "start", "two-scales", "--date", day, "--no-input", "-a", f"a={a}", "-a", f"b={b}"
        )


@pytest.fixture
def course(build_once) -> Path:
    return build_once("course-week", _make)


def with_care_start(home: Path, day: str) -> dict[str, str]:
    """The environment for hw with `care_start` set in its own config file."""
    config = home / "course-config.toml"
    config.write_text(f'care_start = "{day}"\n')
    return {"HW_CONFIG": str(config), "NO_COLOR": "1"}


def scores_section(screen: str) -> str:
    return flat(screen.split("Screening scores", 1)[1].split("Entries", 1)[0])


def test_without_care_start_the_week_counts_from_six_months_back_and_says_so(course):
    shown = scores_section(hw_in(course, "week", WEEK, NO_COLOR="1").out)
    assert (
        "8 (mild) 8 lower than on 8 Sep (16) reliable improvement, recovery, reliable "
        "recovery, response since 16 (moderately severe) on 8 Sep" in shown
    )
    assert (
        "Status is counted from each measure's first score in the six months up to "
        "4 October 2026." in shown
    )


def test_with_care_start_the_week_counts_from_the_course_and_says_so(course):
    shown = scores_section(hw_in(course, "week", WEEK, **with_care_start(course, "2026-03-01")).out)
    assert (
        "reliable improvement, recovery, reliable recovery, response since 20 (severe) on 2 Mar"
        in shown
    )
    assert "since 16" not in shown
    assert (
        "PHQ-9 mood questionnaire and GAD-7 anxiety questionnaire together (paired recovery): "
        "reliable improvement, recovery, reliable recovery." in shown
    )
    assert (
        "Status is counted from each measure's first score since this course of care "
        "began, on 1 March 2026." in shown
    )


def test_a_course_begun_after_the_week_gives_its_scores_no_status(course):
    shown = scores_section(hw_in(course, "week", WEEK, **with_care_start(course, "2026-10-05")).out)
    assert "8 (mild)" in shown and "Scale A: 3 (low)" in shown
    assert " since " not in shown and "Status is counted" not in shown
    assert "paired recovery" not in shown


def test_the_markdown_export_counts_from_the_course_and_says_so(course):
    text = hw_in(course, "export", "--week", WEEK, **with_care_start(course, "2026-03-01")).out
    section = text.split("## Screening scores", 1)[1].split("\n## ", 1)[0]
    phq = next(row for row in section.splitlines() if "| PHQ-9 mood questionnaire |" in row)
    cells = [cell.strip() for cell in phq.strip("|").split("|")]
    assert cells[0] == "2026-10-03" and cells[2] == "8"
    assert cells[-1] == (
        "reliable improvement, recovery, reliable recovery, response since 20 (severe) "
        "on 2026-03-02"
    )
    assert (
        "Status is counted from each measure's first score since this course of care "
        "began, on 1 March 2026." in section
    )


def test_the_html_report_counts_from_the_course_and_says_so(course):
    env = with_care_start(course, "2026-03-01")
    page = parse(hw_in(course, "export", "--week", WEEK, "--format", "html", **env).out)
    captions = [" ".join(element_text(el).split()) for el in find_all(page, "figcaption")]
    assert any(
        c.startswith("PHQ-9 mood questionnaire") and c.endswith("since 20 (severe) on 2026-03-02")
        for c in captions
    ), captions
    notes = [" ".join(element_text(p).split()) for p in find_all(page, "p")]
    assert (
        "Status is counted from each measure's first score since this course of care "
        "began, on 1 March 2026." in notes
    )


def test_each_scale_and_a_higher_is_better_measure_read_right_in_the_week(course):
    shown = scores_section(hw_in(course, "week", WEEK, NO_COLOR="1").out)
    # a measure with scales and no total still has its line, then one a scale
    assert (
        "Thu 1 Two scales "
        "Scale A: 3 (low) 6 lower than on 1 Sep (9) reliable improvement since 9 (high) on 1 Sep "
        "Scale B: 8 6 higher than on 1 Sep (2) reliable deterioration since 2 on 1 Sep: "
        "worth bringing to your next session" in shown
    )
    # a measure whose scores rise as things improve reads the right way round
    assert (
        "Thu 1 WHO-5 wellbeing index 60 (higher wellbeing) 20 higher than on 10 Sep (40) "
        "recovery since 40 (low wellbeing) on 10 Sep" in shown
    )


def test_each_scale_has_its_row_and_status_in_the_exports(course):
    text = hw_in(course, "export", "--week", WEEK).out
    rows = {
        cells[1]: cells
        for row in text.splitlines()
        if row.startswith("| 2026-")
        for cells in [[c.strip() for c in row.strip("|").split("|")]]
    }
    assert rows["Two scales: Scale A"][2:4] == ["3", "low"]
    assert rows["Two scales: Scale A"][-1] == "reliable improvement since 9 (high) on 2026-09-01"
    assert rows["Two scales: Scale B"][2:4] == ["8", ""]
    assert rows["Two scales: Scale B"][-1] == (
        "reliable deterioration since 2 on 2026-09-01: worth bringing to your next session"
    )
    page = parse(hw_in(course, "export", "--week", WEEK, "--format", "html").out)
    captions = [" ".join(element_text(el).split()) for el in find_all(page, "figcaption")]
    assert "Two scales: Scale A reliable improvement since 9 (high) on 2026-09-01" in captions
    titles = [element_text(el) for el in find_all(page, "title")]
    assert any(t.startswith("Two scales: Scale B, scores from") for t in titles), titles


def test_the_course_baseline_leaves_private_scores_out_when_asked(tmp_path):
    from hwjournal import course
    from hwjournal.journal import Journal

    journal = Journal.open(str(tmp_path / "journal.db"))
    try:
        for day, total, private in (("2026-03-02", 20, True), ("2026-03-09", 15, False)):
            score = {"total": total, "band": "severe" if total >= 20 else "moderately severe"}
            journal.add(make_entry(day, "phq-9", score=score, private=private))
        start = dt.date(2026, 3, 1)
        assert course.first_score(journal, "phq-9", None, start).total == 20
        assert course.first_score(journal, "phq-9", None, start, private=False).total == 15
        until = dt.date(2026, 3, 8)
        assert course.first_score(journal, "phq-9", None, start, until, private=False) is None
    finally:
        journal.close()
