"""hw skip: by assignment id or by exercise, with what got in the way — asked
plainly at a terminal, taken from --barrier in scripts, 'other' when neither —
and bad input refused with nothing written."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pexpect
import pytest

from helpers import finish, journal_bytes, spawn_hw
from hwjournal import plans
from hwjournal.journal import Journal

MON, TUE, WED = "2026-11-23", "2026-11-24", "2026-11-25"


@pytest.fixture
def planned(journal_path):
    journal = Journal.open(str(journal_path))
    start = dt.date.fromisoformat(MON)
    plans.add_assignment(journal, "reframe-log", "Cognitive reframe log", "daily", [], start, None)
    plans.add_assignment(journal, "values-compass", "Values compass", "weekly", [], start, None)
    journal.close()
    return journal_path


def skips(path) -> list[tuple]:
    return (
        sqlite3.connect(path)
        .execute("SELECT assignment_id, date, barrier, reason FROM skips ORDER BY id")
        .fetchall()
    )


def due_templates(hw, day: str) -> list[str]:
    return [i["template"] for i in hw("due", "--json", "--date", day).json()]


def test_skip_by_id_with_a_barrier_and_reason(hw, planned):
    done = hw("skip", "1", "--date", TUE, "--barrier", "time", "--reason", "long shift", "--json")
    assert done.code == 0, done.err
    assert done.json() == {
        "assignment_id": 1,
        "template": "reframe-log",
        "date": TUE,
        "barrier": "time",
        "reason": "long shift",
    }
    assert "no time" in done.err
    assert skips(planned) == [(1, TUE, "time", "long shift")]
    assert due_templates(hw, TUE) == ["values-compass"]
    assert due_templates(hw, WED) == ["reframe-log", "values-compass"]


def test_skip_by_template_name(hw, planned):
    done = hw("skip", "values-compass", "--date", TUE, "--barrier", "unclear")
    assert done.code == 0, done.err
    assert done.out == ""
    assert "I wasn't sure how" in done.err
    assert skips(planned) == [(2, TUE, "unclear", "")]
    assert due_templates(hw, "2026-11-29") == ["reframe-log"]  # the whole week is set aside


def test_without_a_terminal_or_barrier_the_skip_is_something_else(hw, planned):
    done = hw("skip", "reframe-log", "--date", TUE)
    assert done.code == 0, done.err
    assert "something else" in done.err
    assert skips(planned) == [(1, TUE, "other", "")]


def test_barrier_words_are_accepted_too(hw, planned):
    assert hw("skip", "1", "--date", TUE, "--barrier", "it slipped my mind").code == 0
    assert skips(planned)[0][2] == "forgot"


def test_skipping_again_updates_the_same_occasion(hw, planned):
    hw("skip", "1", "--date", TUE, "--barrier", "time")
    again = hw("skip", "1", "--date", TUE, "--barrier", "avoidance", "--reason", "honestly")
    assert again.code == 0 and "Updated" in again.err
    assert skips(planned) == [(1, TUE, "avoidance", "honestly")]


def test_an_entry_after_a_skip_turns_it_into_done(hw, planned):
    hw("skip", "1", "--date", TUE, "--barrier", "forgot")
    made = hw("start", "reframe-log", "--date", TUE, "-a", "thought=x", "-a", "reframe=y")
    assert made.code == 0, made.err
    journal = Journal.open(str(planned))
    day = dt.date.fromisoformat(TUE)
    (figure,) = [f for f in plans.week_figures(journal, day, day, "monday", today=day) if f.id == 1]
    assert (figure.due, figure.done, figure.skipped) == (1, 1, 0)
    assert plans.skips_between(journal, day, day) == []


def test_a_done_day_has_nothing_to_skip(hw, planned):
    hw("start", "reframe-log", "--date", TUE, "-a", "thought=x", "-a", "reframe=y")
    before = journal_bytes(planned)
    refused = hw("skip", "reframe-log", "--date", TUE, "--barrier", "time")
    assert refused.code == 2
    assert "already done" in refused.err
    assert journal_bytes(planned) == before


BAD_SKIP = [
    (["7"], "There is no assignment 7"),
    (["refram-log"], "Did you mean 'reframe-log'?"),
    (["gratitude"], "Nothing of gratitude is due on"),
    (["1", "--barrier", "lazy"], "not one of the barriers"),
    (["1", "--date", "2026-11-01"], "Nothing of assignment 1 is due on 2026-11-01"),
    (["1", "--date", "someday"], "not a date"),
]


@pytest.mark.parametrize(("args", "says"), BAD_SKIP)
def test_bad_skip_input_exits_2_and_writes_nothing(hw, planned, args, says):
    before = journal_bytes(planned)
    refused = hw("skip", *args)
    assert refused.code == 2, refused.err
    assert says in refused.err
    assert refused.out == ""
    assert journal_bytes(planned) == before


def test_skipping_an_ended_assignment_is_refused(hw, planned):
    assert hw("assignments", "end", "1").code == 0
    before = journal_bytes(planned)
    refused = hw("skip", "1", "--barrier", "time")
    assert refused.code == 2 and "Nothing of assignment 1 is due" in refused.err
    assert journal_bytes(planned) == before


# ---------------------------------------------------------------- at a terminal


def test_at_a_terminal_skip_asks_what_got_in_the_way(planned):
    child = spawn_hw("skip", "reframe-log", "--date", TUE)
    child.expect("What got in the way")
    child.expect("no wrong answer")
    for words in plans.BARRIERS.values():
        child.expect_exact(words)
    child.expect("›")
    child.sendline("9")
    child.expect("choose a number from 1 to 6")
    child.expect("›")
    child.sendline("3")
    child.expect("Anything you want to add")
    child.expect("›")
    child.sendline("the day ran away")
    child.expect("it felt like too much")
    assert finish(child) == 0
    assert skips(planned) == [(1, TUE, "overwhelmed", "the day ran away")]


def test_at_a_terminal_enter_means_something_else(planned):
    child = spawn_hw("skip", "1", "--date", TUE)
    child.expect("›")
    child.sendline("")
    child.expect("Anything you want to add")
    child.sendline("")
    assert finish(child) == 0
    assert skips(planned) == [(1, TUE, "other", "")]


def test_ctrl_c_at_the_question_records_nothing(planned):
    before = journal_bytes(planned)
    child = spawn_hw("skip", "1", "--date", TUE)
    child.expect("›")
    child.sendintr()
    child.expect("Nothing was recorded")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert journal_bytes(planned) == before


def test_a_barrier_given_is_not_asked(planned):
    child = spawn_hw("skip", "1", "--date", TUE, "--barrier", "forgot")
    assert child.expect(["What got in the way", "Noted"]) == 1
    child.expect("it slipped my mind")
    assert finish(child) == 0
    assert skips(planned) == [(1, TUE, "forgot", "")]
