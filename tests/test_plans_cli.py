"""hw assign, hw assignments and hw assignments end, run as a script would:
what they print, what the journal holds after, and bad input refused with
exit 2 and the journal's bytes unchanged."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from helpers import journal_bytes
from hwjournal import plans
from hwjournal.journal import Journal

TODAY = dt.date.today()


@pytest.fixture
def existing(journal_path):
    """A journal on disk with one assignment, made directly (quicker than hw)."""
    journal = Journal.open(str(journal_path))
    plans.add_assignment(journal, "gratitude", "Gratitude", "daily", [], TODAY, None)
    journal.close()
    return journal_path


def assign(hw, *args: str) -> dict:
    made = hw("assign", *args, "--json")
    assert made.code == 0, made.err
    return made.json()


def test_assign_prints_the_id_and_says_what_was_set(hw):
    made = hw("assign", "reframe-log", "--start", "2026-11-23", "--for", "7d")
    assert made.code == 0, made.err
    assert made.out == "1\n"
    assert "Cognitive reframe log" in made.err
    assert "every day" in made.err and "2026-11-29" in made.err
    listed = hw("assignments", "--all", "--json").json()
    assert listed[0]["until"] == "2026-11-29"


def test_assign_json_has_the_specs_keys_with_daily_and_today_by_default(hw):
    data = assign(hw, "gratitude", "--note", "before bed")
    assert data == {
        "id": 1,
        "template": "gratitude",
        "schedule": "daily",
        "days": [],
        "start": TODAY.isoformat(),
        "until": None,
        "note": "before bed",
        "active": True,
    }


@pytest.mark.parametrize(
    ("flags", "schedule", "days"),
    [
        (["--weekly"], "weekly", []),
        (["--once", "--for", "2w"], "once", []),
        (["--days", "Fri, monday,wed"], "days", ["mon", "wed", "fri"]),
        (["--daily"], "daily", []),
    ],
)
def test_each_rhythm_is_stored(hw, flags, schedule, days):
    data = assign(hw, "values-compass", "--start", "2026-11-23", *flags)
    assert (data["schedule"], data["days"]) == (schedule, days)


def test_for_two_weeks_and_until_set_the_last_day(hw):
    assert assign(hw, "gratitude", "--start", "2026-11-23", "--for", "2w")["until"] == "2026-12-06"
    assert assign(hw, "gratitude", "--start", "2026-11-23", "--until", "2026-11-25")["until"] == (
        "2026-11-25"
    )


def test_a_second_assignment_of_the_same_exercise_mentions_the_first(hw):
    assign(hw, "gratitude")
    again = hw("assign", "gratitude", "--weekly")
    assert again.code == 0
    assert "hw assignments end 1" in again.err


def test_assignments_lists_what_is_running_and_all_lists_the_rest(hw):
    yesterday = (TODAY - dt.timedelta(days=1)).isoformat()
    assign(hw, "gratitude", "--start", "2026-01-05", "--until", "2026-01-11")
    assign(hw, "reframe-log", "--start", yesterday)
    running = hw("assignments", "--json").json()
    assert [a["template"] for a in running] == ["reframe-log"]
    every = hw("assignments", "--all", "--json").json()
    assert [(a["template"], a["active"]) for a in every] == [
        ("gratitude", False),
        ("reframe-log", True),
    ]
    screen = hw("assignments")
    assert screen.code == 0
    assert "Cognitive reframe log" in screen.out and "Gratitude" not in screen.out


def test_assignments_when_there_are_none_is_calm_and_succeeds(hw, journal_path):
    shown = hw("assignments")
    assert shown.code == 0 and shown.out == ""
    assert "Nothing is assigned" in shown.err
    assert hw("assignments", "--json").json() == []
    assert not journal_path.exists()  # reading never creates the journal


def test_ending_an_assignment(hw, journal_path):
    start = (TODAY - dt.timedelta(days=3)).isoformat()
    assign(hw, "reframe-log", "--start", start)
    ended = hw("assignments", "end", "1", "--json")
    assert ended.code == 0, ended.err
    assert ended.json()["active"] is False
    assert "nothing of it is due from today on" in ended.err
    assert hw("assignments", "--json").json() == []
    assert hw("due", "--json").json() == []
    stored = sqlite3.connect(journal_path).execute("SELECT ended FROM assignments").fetchone()
    assert stored == (TODAY.isoformat(),)
    again = hw("assignments", "end", "1")
    assert again.code == 0 and "already ended" in again.err


# ---------------------------------------------------------------- bad input


BAD_ASSIGN = [
    (["refram-log"], "Did you mean 'reframe-log'?"),
    (["reframe-log", "--days", "mon,funday"], "'funday' is not a day"),
    (["reframe-log", "--days", ""], "at least one day"),
    (["reframe-log", "--for", "7x"], "not a length of time"),
    (["reframe-log", "--for", "0d"], "at least one day"),
    (["reframe-log", "--for", "99999w"], "longer than hw can plan for"),
    (["reframe-log", "--for", "7d", "--until", "2026-12-01"], "either --until or --for"),
    (["reframe-log", "--weekly", "--once"], "Choose one rhythm"),
    (["reframe-log", "--start", "someday"], "not a date"),
    (["reframe-log", "--start", "2026-11-23", "--until", "2026-11-20"], "before it starts"),
    (
        ["reframe-log", "--days", "sat", "--start", "2026-11-23", "--for", "3d"],
        "None of sat falls",
    ),
]


@pytest.mark.parametrize(("args", "says"), BAD_ASSIGN)
def test_bad_assign_input_exits_2_and_writes_nothing(hw, existing, args, says):
    before = journal_bytes(existing)
    refused = hw("assign", *args)
    assert refused.code == 2, refused.err
    assert says in refused.err
    assert refused.out == ""
    assert "Traceback" not in refused.err
    assert journal_bytes(existing) == before


def test_bad_assign_input_creates_no_journal(hw, journal_path):
    refused = hw("assign", "refram-log")
    assert refused.code == 2
    assert not journal_path.exists()


@pytest.mark.parametrize("assignment_id", ["7", "abc"])
def test_ending_an_unknown_assignment_exits_2(hw, existing, assignment_id):
    before = journal_bytes(existing)
    refused = hw("assignments", "end", assignment_id)
    assert refused.code == 2
    assert f"There is no assignment {assignment_id}" in refused.err
    assert journal_bytes(existing) == before
