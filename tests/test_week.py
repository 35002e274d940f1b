"""hw week: the week at a glance on screen and as JSON, the way a person or a
script sees it.

The filled week is 2026-W47 (Monday 16 to Sunday 22 November 2026), built once
through `hw start`, `hw assign` and `hw skip` and copied into each test's home.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import helpers
from helpers import ENV, hw_in, phq9, run_hw
from hwjournal.dates import now_iso
from hwjournal.journal import Journal, new_uid

DAYS = [dt.date(2026, 11, 16) + dt.timedelta(days=i) for i in range(7)]
MON, TUE, WED, THU, FRI, SAT, SUN = (d.isoformat() for d in DAYS)
WEEK_KEYS = ["week", "start", "end", "entries", "by_day", "assignments", "skips", "mood", "streak"]


def reframe(home: Path, day: str, thought: str, mood: str, *extra: str) -> None:
    hw_in(
        home, "start", "reframe-log", "--date", day, "--no-input", "--mood", mood,
        "-a", f"thought={thought}", "-a", "intensity_before=7", "-a", "reframe=A fairer view",
        "-a", "intensity_after=4", *extra,
    )  # fmt: skip


def add_entry(home: Path, day: str, status: str = "complete", thing: str = "x") -> None:
    """A gratitude entry written straight to the journal (quicker than hw start
    where only its date matters)."""
    helpers.add_entry(
        home, day, status=status, mood=1 if status == "draft" else 3, answers={"things": [thing]},
        steps=[{"id": "things", "type": "list", "prompt": "Three things"}],
    )  # fmt: skip


def add_draft(home: Path, day: str) -> None:
    add_entry(home, day, "draft", "draft only")


@pytest.fixture(scope="module")
def filled(build_once) -> Path:
    return build_once("filled-week", fill_week)


def fill_week(home: Path) -> None:
    hw_in(home, "assign", "reframe-log", "--daily", "--start", MON, "--until", SUN)
    phq9(home, "2026-11-09", [2, 2, 2, 2, 1, 1, 1, 1, 0])  # W46: 12
    reframe(home, MON, "I always get it wrong", "3")
    hw_in(
        home, "start", "mood-checkin", "--date", MON, "--no-input", "-a", "mood=4",
        "-a", "activities=work", "-a", "note=A long day",
    )  # fmt: skip
    hw_in(home, "skip", "reframe-log", "--date", TUE, "--barrier", "time", "--reason", "Late shift")
    add_draft(home, TUE)
    reframe(home, WED, "Nobody wants me there", "2", "-a", "response=Chest tight.\nStayed home.")
    hw_in(
        home, "start", "gratitude", "--date", THU, "--no-input", "-a", "things=Tea", "--mood", "4"
    )
    hw_in(home, "start", "mood-checkin", "--date", FRI, "--no-input", "-a", "mood=2")
    reframe(home, SAT, "I should be over it", "3")
    phq9(home, SAT, [1, 1, 1, 1, 1, 1, 1, 1, 1])  # 9, mild; q9 at its alert level
    phq9(home, SUN, [0, 0, 0, 1, 0, 0, 0, 0, 0], "--private", "--mood", "5")


@pytest.fixture
def week_home(filled: Path, hw_home: Path) -> Path:
    hw_home.mkdir(parents=True, exist_ok=True)
    for path in filled.glob("journal.db*"):
        shutil.copy(path, hw_home / path.name)
    return hw_home


def week_json(*args: str, **env: str) -> dict:
    result = run_hw("week", *args, "--json", env={**ENV, **env})
    assert result.code == 0, result.err
    return result.json()


# ---------------------------------------------------------------- --json


def test_json_has_exactly_the_spec_keys(week_home: Path) -> None:
    data = week_json("2026-W47")
    assert list(data) == WEEK_KEYS
    assert (data["week"], data["start"], data["end"]) == ("2026-W47", MON, SUN)
    assert set(data["mood"]) == {"average", "by_day"}
    for item in data["assignments"]:
        assert list(item) == ["id", "template", "due", "done", "skipped"]
    for item in data["skips"]:
        assert list(item) == ["assignment_id", "template", "date", "barrier", "reason"]


def test_json_counts_the_filled_week_and_drafts_count_nowhere(week_home: Path) -> None:
    data = week_json("2026-W47")
    assert data["by_day"] == {MON: 2, TUE: 0, WED: 1, THU: 1, FRI: 1, SAT: 2, SUN: 1}
    assert all(e["status"] == "complete" for e in data["entries"])
    assert [e["date"] for e in data["entries"]] == sorted(e["date"] for e in data["entries"])
    assert "draft only" not in str(data["entries"])
    # the draft's mood 1 on Tuesday counts nowhere; Monday is (3 + 4) / 2
    assert data["mood"]["by_day"] == {
        MON: 3.5, TUE: None, WED: 2, THU: 4, FRI: 2, SAT: 3, SUN: 5,
    }  # fmt: skip
    assert data["mood"]["average"] == round((3 + 4 + 2 + 4 + 2 + 3 + 5) / 7, 2)
    # Sunday back to Wednesday; the draft does not fill Tuesday
    assert data["streak"] == 5


def test_json_homework_and_skips(week_home: Path) -> None:
    data = week_json("2026-W47")
    (reframe_log,) = data["assignments"]
    assert reframe_log["template"] == "reframe-log"
    assert (reframe_log["due"], reframe_log["done"], reframe_log["skipped"]) == (7, 3, 1)
    assert data["skips"] == [
        {
            "assignment_id": reframe_log["id"], "template": "reframe-log", "date": TUE,
            "barrier": "time", "reason": "Late shift",
        }
    ]  # fmt: skip


def test_the_week_can_be_named_as_last_this_or_a_date(week_home: Path) -> None:
    assert week_json(THU)["week"] == "2026-W47"
    today = dt.date.today()
    this = week_json("this")
    assert this["start"] <= today.isoformat() <= this["end"]
    assert week_json() == this
    last = week_json("last")
    assert last["end"] == (dt.date.fromisoformat(this["start"]) - dt.timedelta(days=1)).isoformat()


def test_an_empty_week_is_all_zeros_and_nulls() -> None:
    data = week_json("2026-W10")
    assert data["entries"] == [] and data["assignments"] == [] and data["skips"] == []
    assert list(data["by_day"].values()) == [0] * 7
    assert data["mood"] == {"average": None, "by_day": dict.fromkeys(data["by_day"])}
    assert data["streak"] == 0


def test_a_bad_week_is_refused_with_nothing_on_stdout() -> None:
    result = run_hw("week", "2026-W60", "--json")
    assert result.code == 2 and result.out == ""
    assert "week" in result.err and "Traceback" not in result.err
    assert run_hw("week", "someday").code == 2


# ---------------------------------------------------------------- boundaries


@pytest.mark.parametrize(
    ("week", "week_start", "start", "end"),
    [
        ("2026-W49", "monday", "2026-11-30", "2026-12-06"),
        ("2026-W53", "monday", "2026-12-28", "2027-01-03"),
        ("2027-W01", "monday", "2027-01-04", "2027-01-10"),
        ("2026-W53", "sunday", "2026-12-27", "2027-01-02"),
        ("2027-W01", "sunday", "2027-01-03", "2027-01-09"),
    ],
)
def test_weeks_across_month_and_year_boundaries(
    hw_home: Path, week: str, week_start: str, start: str, end: str
) -> None:
    hw_home.mkdir(parents=True, exist_ok=True)
    (hw_home / "config.toml").write_text(f'week_start = "{week_start}"\n')
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    inside = [first, last]
    outside = [first - dt.timedelta(days=1), last + dt.timedelta(days=1)]
    for day in inside + outside:
        add_entry(hw_home, day.isoformat())
    data = week_json(week)
    assert (data["week"], data["start"], data["end"]) == (week, start, end)
    assert list(data["by_day"]) == [(first + dt.timedelta(days=i)).isoformat() for i in range(7)]
    assert sorted(e["date"] for e in data["entries"]) == [start, end]
    assert data["by_day"][start] == 1 and data["by_day"][end] == 1
    # the same week named by a date inside it
    assert week_json(last.isoformat())["start"] == start
    screen = run_hw("week", week, env=ENV).out
    assert week[:4] in screen and "Week" in screen


def test_the_streak_ends_yesterday_while_today_is_still_open(hw_home: Path) -> None:
    hw_home.mkdir(parents=True, exist_ok=True)
    today = dt.date.today()
    for back in (1, 2, 3):
        add_entry(hw_home, (today - dt.timedelta(days=back)).isoformat())
    assert week_json("this")["streak"] == 3
    hw_in(hw_home, "start", "gratitude", "--no-input", "-a", "things=today too")
    assert week_json("this")["streak"] == 4
    # a week in the past: the streak ends on its last day
    week = week_json((today - dt.timedelta(days=14)).isoformat())
    assert week["streak"] == 0


# ---------------------------------------------------------------- the screen


def lines_of(text: str) -> list[str]:
    return text.rstrip("\n").split("\n")


@pytest.mark.parametrize("columns", ["50", "80", "120"])
def test_the_screen_fits_the_terminal_width(week_home: Path, columns: str) -> None:
    result = run_hw("week", "2026-W47", env={**ENV, "COLUMNS": columns})
    assert result.code == 0 and result.err == ""
    assert max(len(line) for line in lines_of(result.out)) <= int(columns)


def test_a_narrow_screen_keeps_each_day_and_each_exercise_whole(week_home: Path) -> None:
    out = run_hw("week", "2026-W47", env={**ENV, "COLUMNS": "50"}).out
    # the days stand one a line instead of being cut to "Mo…"
    assert re.search(r"^Mon 16\s+●●\s+\S+ 3\.5\s*$", out, re.MULTILINE)
    assert "…" not in out
    homework = out[out.index("Homework") : out.index("What got in the way")]
    assert "Cognitive reframe" in homework  # a title is never squeezed away


def test_the_screen_shows_the_week(week_home: Path) -> None:
    out = run_hw("week", "2026-W47", env=ENV).out
    assert "Week 47 of 2026" in out and "16–22 November 2026" in out
    strip = next(line for line in lines_of(out) if line.startswith(" ") and "Mon 16" in line)
    assert re.search(r"Mon 16\s+Tue 17\s+Wed 18\s+Thu 19\s+Fri 20\s+Sat 21\s+Sun 22", strip)
    entries_row = next(line for line in lines_of(out) if line.startswith("entries"))
    assert entries_row.split()[1:] == ["●●", "·", "●", "●", "●", "●●", "●"]
    mood_row = next(line for line in lines_of(out) if line.startswith("mood "))
    assert "3.5" in mood_row and "·" in mood_row
    assert "5 days in a row" in out
    # homework, what got in the way, in people's words
    assert "3 of 7 done" in out and "1 skipped" in out
    assert "no time: Late shift" in out
    assert re.search(r"\bnot recorded\b", out)
    for verdict in ("missed", "failed", "Missed", "Failed"):
        assert verdict not in out


def test_columns_templates_are_a_table_others_prompt_and_answer(week_home: Path) -> None:
    out = run_hw("week", "2026-W47", env=ENV).out
    log = out[out.index("Cognitive reframe log\n") :]
    assert "╭" in log and "│ Thought" in log and "Intensity before" in log
    assert "│ I always get it" in log and "│ Nobody wants me" in log
    # the multi-line answer stays on its lines inside its cell
    assert re.search(r"│ Chest tight\.\s+│", log) and re.search(r"│ Stayed home\.\s+│", log)
    plain = out[: out.index("Cognitive reframe log\n")]
    assert "How are you feeling today?" in plain  # the prompt, as a label
    assert re.search(r"■+□* 4  good", plain)  # a scale answer as a small bar


def test_scores_show_band_and_trend_as_screening_not_diagnosis(week_home: Path) -> None:
    out = run_hw("week", "2026-W47", env=ENV).out
    assert "Screening scores" in out
    assert re.search(r"PHQ-9 mood questionnaire\s+9 \(mild\)\s+3 lower than on 9 Nov \(12\)", out)
    assert "never a diagnosis" in out
    assert "(one to talk over with your therapist)" in out


def test_private_entries_are_on_the_persons_own_screen(week_home: Path) -> None:
    out = run_hw("week", "2026-W47", env=ENV).out
    sunday = out[out.index("Sunday 22 November") :]
    assert "private" in sunday.split("\n")[1]


def test_a_streak_of_one_is_not_shown(hw_home: Path) -> None:
    hw_home.mkdir(parents=True, exist_ok=True)
    add_entry(hw_home, FRI)
    assert week_json("2026-W47")["streak"] == 0  # Sunday had nothing
    add_entry(hw_home, SUN)
    assert week_json("2026-W47")["streak"] == 1
    assert "in a row" not in run_hw("week", "2026-W47", env=ENV).out
    add_entry(hw_home, SAT)
    assert "3 days in a row" in run_hw("week", "2026-W47", env=ENV).out


def test_an_empty_week_says_so_kindly(journal_path: Path) -> None:
    result = run_hw("week", "2026-W10", env=ENV)
    assert result.code == 0
    assert "Nothing was recorded in this week." in result.out
    assert "in a row" not in result.out
    this = run_hw("week", env=ENV)
    assert "Nothing recorded this week yet." in this.out
    assert not journal_path.exists()  # and reading made no journal


def test_user_text_is_shown_as_typed_never_as_markup(hw_home: Path) -> None:
    hw_in(hw_home, "start", "gratitude", "--date", MON, "--no-input",
          "-a", "things=[bold red]loud[/] \x1b[2J gone", "--tag", "[i]tag")  # fmt: skip
    result = run_hw("week", "2026-W47", env={**ENV, "TERM": "xterm"})
    assert "[bold red]loud[/]" in result.out
    assert "\x1b" not in result.out and "␛[2J" in result.out
    assert "tags: [i]tag" in result.out


def test_no_color_means_no_escape_codes(week_home: Path) -> None:
    result = run_hw("week", "2026-W47", env={**ENV, "NO_COLOR": "1"})
    assert "\x1b" not in result.out


# ---------------------------------------------------------------- cost


def bulk_journal(
    path: Path, days: list[dt.date], per_day: int = 1, status: str = "complete"
) -> Journal:
    journal = Journal.open(str(path))
    add_rows(journal, days, per_day, status)
    return journal


def add_rows(journal: Journal, days: list[dt.date], per_day: int = 1, status: str = "complete"):
    rows = [
        (new_uid(), "gratitude", "Gratitude", day.isoformat(), now_iso(), now_iso(), status)
        for day in days
        for _ in range(per_day)
    ]
    with journal.transaction() as db:
        db.executemany(
            "INSERT INTO entries (uid, template, title, date, created_at, updated_at, status) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def test_a_long_streak_is_walked_back_in_full(tmp_path: Path) -> None:
    from hwjournal import week

    today = dt.date(2026, 11, 25)
    run = [today - dt.timedelta(days=i) for i in range(1, 201)]  # 200 days up to yesterday
    older = [today - dt.timedelta(days=300 + i) for i in range(400)]
    journal = bulk_journal(tmp_path / "j.db", run + older, per_day=2)
    assert week.streak(journal, today + dt.timedelta(days=3), today) == 200
    assert week.streak(journal, today - dt.timedelta(days=10), today) == 191
    assert week.streak(journal, today - dt.timedelta(days=250), today) == 0


def test_a_thirty_year_streak_is_one_query(tmp_path: Path) -> None:
    """Kept every day for 30 years: the streak is one statement however long it is
    (two while today is still open), and a gap anywhere ends it there."""
    from hwjournal import week

    today = dt.date(2026, 11, 25)
    every_day = [today - dt.timedelta(days=i) for i in range(round(30 * 365.25))]
    journal = bulk_journal(tmp_path / "j.db", every_day, per_day=3)
    statements: list[str] = []
    journal.db.set_trace_callback(statements.append)
    assert week.streak(journal, today, today) == len(every_day) == 10958
    assert len(statements) == 1
    tomorrow = today + dt.timedelta(days=1)  # nothing yet on the new day: from yesterday
    assert week.streak(journal, tomorrow + dt.timedelta(days=5), tomorrow) == 10958
    assert len(statements) == 3
    journal.db.set_trace_callback(None)
    assert week.streak(journal, today - dt.timedelta(days=3650), today) == 10958 - 3650
    # a draft on a day that has nothing else does not carry the streak over it
    gap = today - dt.timedelta(days=4000)
    with journal.transaction() as db:
        db.execute("DELETE FROM entries WHERE date = ?", (gap.isoformat(),))
    add_rows(journal, [gap], status="draft")
    assert week.streak(journal, today, today) == 4000
    assert week.streak(journal, gap, today) == 0
    assert week.streak(journal, gap - dt.timedelta(days=1), today) == 10958 - 4001


DAY_KINDS = st.sampled_from(["", "complete", "draft", "complete draft"])


@settings(max_examples=60, deadline=None)
@given(days=st.lists(DAY_KINDS, max_size=40), end=st.integers(-3, 45), today=st.integers(0, 42))
@example(days=["complete", "draft", "complete"], end=2, today=9)  # a draft is no entry
@example(days=["complete", "complete draft", "complete"], end=2, today=9)
@example(days=["complete", "complete", ""], end=9, today=2)  # today still open
@example(days=["complete", "complete", "draft"], end=9, today=2)
@example(days=["complete", "complete", "complete"], end=1, today=2)  # the week ended
def test_the_streak_is_the_days_in_a_row_the_spec_names(
    tmp_path_factory: pytest.TempPathFactory, days: list[str], end: int, today: int
) -> None:
    """Any pattern of complete entries and drafts (day n of `days` is n days after
    the base), any week end and any today: the streak is what the spec's words
    say, counted here day by day."""
    from hwjournal import week

    base = dt.date(2026, 1, 1)
    journal = Journal.open(str(tmp_path_factory.mktemp("streak") / "j.db"))
    for offset, kinds in enumerate(days):
        for status in kinds.split():
            add_rows(journal, [base + dt.timedelta(days=offset)], status=status)
    complete = {base + dt.timedelta(days=o) for o, kinds in enumerate(days) if "complete" in kinds}
    end_day, today_day = base + dt.timedelta(days=end), base + dt.timedelta(days=today)
    # the spec: ending on the earlier of the week's last day and today; when that is
    # today and today has no entry yet, ending yesterday
    day = min(end_day, today_day)
    if day == today_day and day not in complete:
        day -= dt.timedelta(days=1)
    expected = 0
    while day in complete:
        expected += 1
        day -= dt.timedelta(days=1)
    assert week.streak(journal, end_day, today_day) == expected
    journal.close()


def test_the_streak_and_layouts_are_worked_out_only_when_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The exports never show the streak and `hw week --json` never needs a layout,
    so gathering a week runs neither; each is worked out once, when first read."""
    from hwjournal import week

    days = [dt.date(2026, 11, 22) - dt.timedelta(days=i) for i in range(30)]
    journal = bulk_journal(tmp_path / "j.db", days)
    asked: list[set[str]] = []
    monkeypatch.setattr(week, "template_layouts", lambda ids, dirs: asked.append(ids) or {})
    statements: list[str] = []
    journal.db.set_trace_callback(statements.append)
    data = week.gather(journal, DAYS[0], DAYS[-1], "monday", dt.date(2026, 11, 25))
    assert not any("WITH RECURSIVE" in s for s in statements) and asked == []
    assert data.streak == data.streak == 30
    assert sum("WITH RECURSIVE" in s for s in statements) == 1
    assert data.layouts == data.layouts == {}
    assert asked == [{"gratitude"}]


def test_the_week_module_loads_no_dataclasses() -> None:
    """`hw week --json` is on the fast path: importing dataclasses (inspect, ast,
    dis, ...) cost more than the week's queries."""
    code = "import sys, hwjournal.week; print(sorted({'dataclasses', 'typing'} & set(sys.modules)))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.strip() == "[]", proc.stderr


def test_layouts_are_read_from_the_file_templates_find_would_use(
    hw_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Built-in templates are read for their layout without the template machinery
    (nothing parsed); a file of the person's own over a built-in one still decides,
    through templates.find, and the folders looked in are the ones it looks in."""
    from hwjournal import paths, templates, week

    builtin = Path(paths.builtin_templates_dir())
    everyone = {p.stem for p in builtin.glob("*.toml")}
    parsed: list[str] = []
    load_file = templates.load_file
    monkeypatch.setattr(templates, "load_file", lambda path: parsed.append(path) or load_file(path))
    layouts = week.template_layouts(everyone, None)
    assert parsed == []
    assert layouts == {t: templates.find(t).layout for t in everyone}
    assert {t for t, layout in layouts.items() if layout} == {
        "dbt-diary-card",
        "reframe-log",
        "thought-record",
    }

    mine = hw_home / "templates"
    mine.mkdir(parents=True)
    text = (builtin / "gratitude.toml").read_text(encoding="utf-8")
    (mine / "gratitude.toml").write_text('layout = "columns"\n' + text, encoding="utf-8")
    extra = tmp_path / "more"
    extra.mkdir()
    text = (builtin / "reframe-log.toml").read_text(encoding="utf-8")
    (extra / "reframe-log.toml").write_text(text.replace('layout = "columns"\n', ""))
    text = (builtin / "grounding.toml").read_text(encoding="utf-8")
    (extra / "grounding.toml").write_text('"l\\u0061yout" = "columns"\n' + text, encoding="utf-8")
    ids = {"gratitude", "reframe-log", "grounding", "phq-9", "thought-record", "gone"}
    expected = {t: "" for t in ids} | {"gratitude": "columns", "thought-record": "columns"}
    expected["grounding"] = "columns"
    assert week.template_layouts(ids, [str(extra)]) == expected
    found = {t: templates.find(t, [str(extra)]).layout for t in ids - {"gone"}}
    assert found == {t: expected[t] for t in found}
    for extra_dirs in (None, [str(extra)], [str(extra), "~/t", str(extra)]):
        assert week.user_template_dirs(extra_dirs) == templates.user_dirs(extra_dirs)


def test_week_queries_search_an_index_and_never_scan_the_journal(tmp_path: Path) -> None:
    """The week's own queries (entries, streak, earlier scores) go through an
    index with a bounded range: their cost follows the week, not the journal."""
    from hwjournal import week
    from hwjournal.dates import parse_week

    days = [dt.date(2026, 11, 22) - dt.timedelta(days=i) for i in range(2500)]
    journal = bulk_journal(tmp_path / "j.db", days, per_day=4)
    journal.db.execute("ANALYZE")
    statements: list[str] = []
    journal.db.set_trace_callback(statements.append)
    span = parse_week("2026-W47")
    data = week.gather(journal, span.start, span.end, "monday", dt.date(2026, 11, 25))
    assert data.streak == 2500  # worked out here, when first asked for
    journal.db.set_trace_callback(None)
    ours = [s for s in statements if "FROM entries" in s]
    assert len(ours) >= 2
    assert any("WITH RECURSIVE" in s for s in ours)  # the streak's own query
    for sql in ours:
        plan = " / ".join(row[3] for row in journal.db.execute("EXPLAIN QUERY PLAN " + sql))
        assert "SEARCH entries USING" in plan, (sql, plan)
        assert "SCAN entries" not in plan, (sql, plan)
