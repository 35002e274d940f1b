"""`hw` alone at a terminal: what is due today, the last entry (which exercise
and when, never its text), the streak from two days on, and one command to run."""

from __future__ import annotations

import datetime as dt
import re

import pexpect

import helpers
from helpers import spawn_hw
from hwjournal import plans
from hwjournal.commands.today import next_command
from hwjournal.dates import now_iso
from hwjournal.journal import Entry, Journal

TODAY = dt.date.today()
SECRET = "my-private-words"


def add_entry(journal: Journal, day: dt.date, template: str, title: str, status="complete"):
    """An entry as hw start makes it, linked to its assignment, holding SECRET."""
    return helpers.add_entry(
        journal, day, template, title=title, status=status, created_at=now_iso(), link=True,
        answers={"note": SECRET, "things": [SECRET]},
    )  # fmt: skip


def screen(*args: str) -> str:
    """Everything hw drew at a real terminal, once it has finished."""
    child = spawn_hw(*args)
    child.expect(pexpect.EOF)
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", child.before).replace("\r\n", "\n")
    child.close()
    assert child.exitstatus == 0, text
    return text


def test_today_shows_due_last_entry_streak_and_next(journal_path):
    journal = Journal.open(str(journal_path))
    plans.add_assignment(journal, "gratitude", "Gratitude", "daily", [], TODAY, None)
    add_entry(journal, TODAY - dt.timedelta(days=1), "mood-checkin", "Mood check-in")
    add_entry(journal, TODAY, "mood-checkin", "Mood check-in")
    journal.close()
    shown = screen()
    assert "Due today" in shown
    assert "Gratitude" in shown
    assert "Last entry: Mood check-in, today." in shown
    assert "2 days in a row" in shown
    assert "Next: hw start gratitude" in shown
    assert SECRET not in shown  # screens get seen: never what an entry says


def test_first_run_suggests_a_first_exercise(journal_path):
    shown = screen()
    assert "No entries yet" in shown
    assert "Next: hw start values-compass" in shown
    assert "Due today" not in shown and "in a row" not in shown
    assert not journal_path.exists()


def test_a_streak_of_one_is_not_shown_and_done_homework_is_thanked(journal_path):
    journal = Journal.open(str(journal_path))
    plans.add_assignment(journal, "gratitude", "Gratitude", "daily", [], TODAY, None)
    add_entry(journal, TODAY - dt.timedelta(days=3), "gratitude", "Gratitude")
    add_entry(journal, TODAY, "gratitude", "Gratitude")
    journal.close()
    shown = screen()
    assert "in a row" not in shown
    assert "Everything due today is taken care of" in shown
    assert "Last entry: Gratitude, today." in shown
    assert "Next: hw week" in shown


def test_a_draft_of_the_due_exercise_is_what_to_run_next(journal_path):
    journal = Journal.open(str(journal_path))
    plans.add_assignment(journal, "gratitude", "Gratitude", "daily", [], TODAY, None)
    draft = add_entry(journal, TODAY, "gratitude", "Gratitude", status="draft")
    journal.close()
    shown = screen()
    assert f"Next: hw resume {draft.id}" in shown
    assert "Gratitude" in shown and "Due today" in shown  # a draft is not done


def test_without_a_terminal_hw_alone_prints_help(hw):
    shown = hw()
    assert shown.code == 0
    assert "Usage" in shown.out and "Due today" not in shown.out


def test_next_command_order():
    day = TODAY
    due = plans.Due(1, "reframe-log", "Reframe", day.isoformat(), "")
    with_due = plans.DayPlan(day, [due], 0, 0)
    nothing = plans.DayPlan(day, [], 0, 0)
    other_draft = Entry(7, "u", "gratitude", "Gratitude", day.isoformat(), "", status="draft")
    last = Entry(3, "v", "gratitude", "Gratitude", day.isoformat(), "")
    assert next_command(with_due, last, other_draft) == "hw start reframe-log"
    assert next_command(nothing, last, other_draft) == "hw resume 7"
    assert next_command(nothing, None, None) == "hw start values-compass"
    assert next_command(nothing, last, None) == "hw week"
