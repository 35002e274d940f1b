"""hw due: what is due on a day and not yet done or set aside — as JSON, as a
count, as plain lines for pipes, and as a screen at a real terminal. Quick
enough for a shell prompt: the fast path, and no Rich unless it draws."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest

from helpers import finish, spawn_hw
from hwjournal import fast, plans, spec
from hwjournal.journal import Journal

TODAY = dt.date.today()
MON = "2026-11-23"


@pytest.fixture
def planned(journal_path):
    """Four assignments over the week of Monday 2026-11-23, made directly."""
    journal = Journal.open(str(journal_path))
    start = dt.date.fromisoformat(MON)
    sunday = start + dt.timedelta(days=6)
    plans.add_assignment(
        journal, "reframe-log", "Cognitive reframe log", "daily", [], start, sunday
    )
    plans.add_assignment(
        journal, "values-compass", "Values compass", "weekly", [], start, None, "after work"
    )
    plans.add_assignment(journal, "gratitude", "Gratitude", "days", ["mon", "thu"], start, None)
    plans.add_assignment(
        journal, "letter-never-sent", "A letter never sent", "once", [], start, sunday
    )
    journal.close()
    return journal_path


def due(hw, *args: str) -> list[dict]:
    shown = hw("due", "--json", *args)
    assert shown.code == 0, shown.err
    return shown.json()


def test_due_json_lists_the_days_work_with_the_specs_keys(hw, planned):
    items = due(hw, "--date", MON)
    assert items[0] == {
        "assignment_id": 1,
        "template": "reframe-log",
        "title": "Cognitive reframe log",
        "date": MON,
        "note": "",
    }
    assert [i["template"] for i in items] == [
        "reframe-log",
        "values-compass",
        "gratitude",
        "letter-never-sent",
    ]
    assert items[1]["note"] == "after work"


def test_due_follows_each_schedule_through_the_week(hw, planned):
    tuesday = [i["template"] for i in due(hw, "--date", "2026-11-24")]
    assert tuesday == ["reframe-log", "values-compass", "letter-never-sent"]  # no gratitude
    thursday = [i["template"] for i in due(hw, "--date", "2026-11-26")]
    assert "gratitude" in thursday
    next_monday = [i["template"] for i in due(hw, "--date", "2026-11-30")]
    assert next_monday == ["values-compass", "gratitude"]  # daily and once have ended


def test_an_entry_made_with_start_counts_toward_its_assignment(hw, planned):
    made = hw(
        "start", "gratitude", "--date", MON, "--answer", "things=rain", "--mood", "3", "--json"
    )
    assert made.code == 0, made.err
    assert made.json()["assignment_id"] == 3
    assert "gratitude" not in [i["template"] for i in due(hw, "--date", MON)]
    # the weekly one is settled for its whole week by one entry, on any day of it
    hw("start", "values-compass", "--date", "2026-11-27", "--answer", "start_with=1", "--mood", "3")
    assert "values-compass" not in [i["template"] for i in due(hw, "--date", MON)]
    assert "values-compass" in [i["template"] for i in due(hw, "--date", "2026-11-30")]


def test_count_prints_only_the_number(hw, planned):
    shown = hw("due", "--count", "--date", MON)
    assert (shown.code, shown.out) == (0, "4\n")
    assert hw("due", "--count", "--json", "--date", "2026-11-24").out == "3\n"


def test_without_a_terminal_due_prints_plain_lines(hw, planned):
    shown = hw("due", "--date", "2026-11-24")
    assert shown.code == 0
    lines = shown.out.splitlines()
    assert lines[0] == "Cognitive reframe log: hw start reframe-log"
    assert lines[1].startswith("Values compass: hw start values-compass (once this week")
    assert lines[1].endswith("— after work")
    assert "\x1b[" not in shown.out


def test_nothing_due_is_said_kindly_and_succeeds(hw, planned, journal_path):
    empty = hw("due", "--date", "2026-11-01")
    assert empty.code == 0
    assert empty.out == ""
    assert "Nothing is due on 2026-11-01" in empty.err
    assert hw("due", "--json", "--date", "2026-11-01").json() == []
    assert hw("due", "--count", "--date", "2026-11-01").out == "0\n"


def test_when_everything_is_done_it_says_so(hw, journal_path):
    journal = Journal.open(str(journal_path))
    plans.add_assignment(journal, "gratitude", "Gratitude", "daily", [], TODAY, None)
    journal.close()
    made = hw("start", "gratitude", "--answer", "things=tea", "--mood", "4")
    assert made.code == 0, made.err
    shown = hw("due")
    assert shown.out == ""
    assert "Everything due today is taken care of" in shown.err


def test_due_without_a_journal_creates_nothing(hw, journal_path):
    shown = hw("due")
    assert shown.code == 0 and "Nothing is due today" in shown.err
    assert not journal_path.exists()


def test_a_bad_date_exits_2(hw, planned):
    shown = hw("due", "--date", "someday")
    assert shown.code == 2 and shown.out == ""
    assert "not a date" in shown.err


def test_due_takes_the_fast_path_with_options_shared_with_the_full_command_line():
    found = spec.fast_command(["due", "--json"])
    assert found is not None
    due, words = found
    assert words == 1 and due.run == "due:run_due"
    assert fast.parse(due, ["--date", "today", "--json", "--count"]) == {
        "date": "today",
        "json": True,
        "count": True,
    }


PROBE = """
import sys
from hwjournal.cli import main
code = main(sys.argv[1:])
heavy = sorted(m for m in ("rich", "typer", "click", "platformdirs") if m in sys.modules)
sys.stderr.write("LOADED:" + ",".join(heavy) + "\\n")
"""


@pytest.mark.parametrize("args", [["--json"], ["--count"], []])
def test_due_never_loads_rich_or_typer_for_scripts(planned, args):
    """Shell prompts and cron: --json, --count, or stdout not a terminal."""
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, "due", "--date", MON, *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=30,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip()
    assert "LOADED:\n" in proc.stderr


def test_due_at_a_terminal_draws_the_screen(planned):
    child = spawn_hw("due", "--date", "2026-11-24")
    child.expect("Due on")
    child.expect("Cognitive reframe log")
    child.expect("hw start reframe-log")
    child.expect("once this week")
    child.expect("after work")
    assert finish(child) == 0
