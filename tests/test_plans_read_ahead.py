"""Reading an assignment's days ahead (Ledger.read_ahead, used when many occasions
of one assignment are settled: a week's figures, `hw trends` over months) settles
every occasion exactly as settling it on its own does: the same day done, the same
skip. Checked over a generated journal of 30 years with overlapping assignments,
linked and unlinked entries, skips and endings, and on the hand-made cases where an
unlinked entry belongs to a newer assignment."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

import helpers
from helpers import REPO
from hwjournal import plans
from hwjournal.journal import Journal
from hwjournal.plans.ledger import Ledger

sys.path.insert(0, str(REPO / "bench"))
import fallback_load
import generate

END = dt.date(2026, 11, 25)


def generate_journal(folder: Path) -> None:
    corpus = folder / "journal.json"
    generate.generate(5000, str(corpus), seed=11, end=END)
    fallback_load.load(str(corpus), str(folder / "journal.db"))


@pytest.fixture(scope="module")
def generated(build_once) -> Journal:
    folder = build_once("read-ahead", generate_journal)
    journal = Journal.open(str(folder / "journal.db"))
    yield journal
    journal.close()


def settled(ledger: Ledger, occasions: list[plans.Occasion]) -> list[tuple]:
    found = []
    for occasion in occasions:
        ledger.settle(occasion)
        found.append((occasion.first, occasion.done_on, occasion.skip and occasion.skip.uid))
    return found


def test_read_ahead_settles_every_occasion_as_one_by_one_does(generated):
    assignments = plans.list_assignments(generated, include_ended=True)
    assert len(assignments) > 10
    compared = done = skipped = 0
    for a in assignments:
        last = min(a.until_day or END, END)
        occasions = list(plans.occasions_between(a, a.first_day, last, "monday"))
        if not occasions:
            continue
        one_by_one = settled(Ledger(generated), occasions)
        ledger = Ledger(generated)
        ledger.read_ahead(a, occasions[0].first.isoformat(), last.isoformat())
        assert settled(ledger, occasions) == one_by_one, a
        compared += len(occasions)
        done += sum(1 for _, day, _ in one_by_one if day)
        skipped += sum(1 for _, _, skip in one_by_one if skip)
    assert compared > 200 and done and skipped  # the comparison saw every kind


def test_a_window_that_does_not_cover_an_occasion_falls_back_to_asking(generated):
    a = next(
        a for a in plans.list_assignments(generated, include_ended=True) if a.schedule == "daily"
    )
    occasions = list(plans.occasions_between(a, a.first_day, a.until_day or END, "monday"))
    one_by_one = settled(Ledger(generated), occasions)
    ledger = Ledger(generated)
    middle = occasions[len(occasions) // 2].first.isoformat()
    ledger.read_ahead(a, middle, middle)  # covers one day only
    assert settled(ledger, occasions) == one_by_one


def add(j: Journal, day: dt.date, template: str = "reframe-log") -> None:
    helpers.add_entry(j, day, template, title="Reframe", answers={"thought": "x"})


def test_unlinked_entries_go_to_the_newest_assignment_read_ahead_or_not(tmp_path: Path):
    j = Journal.open(str(tmp_path / "journal.db"))
    monday = dt.date(2026, 11, 2)
    older = plans.add_assignment(
        j, "reframe-log", "Reframe", "daily", [], monday, monday + dt.timedelta(days=20)
    )
    newer = plans.add_assignment(
        j,
        "reframe-log",
        "Reframe",
        "daily",
        [],
        monday + dt.timedelta(days=7),
        monday + dt.timedelta(days=13),
    )
    for offset in (1, 8, 15):  # unlinked: one before the newer, one in it, one after it
        add(j, monday + dt.timedelta(days=offset))
    for a in (older, newer):
        occasions = list(
            plans.occasions_between(a, monday, monday + dt.timedelta(days=20), "monday")
        )
        one_by_one = settled(Ledger(j), occasions)
        ledger = Ledger(j)
        ledger.read_ahead(a, occasions[0].first.isoformat(), occasions[-1].first.isoformat())
        assert settled(ledger, occasions) == one_by_one
        days = [day for _, day, _ in one_by_one if day]
        expected = [1, 15] if a is older else [8]
        assert days == [monday + dt.timedelta(days=d) for d in expected]
    j.close()


def test_week_figures_and_trends_buckets_agree(generated):
    # the same occasions, counted per week by week_figures and through counted_occasions
    start, end = END - dt.timedelta(days=55), END
    monday = start - dt.timedelta(days=start.weekday())
    while monday <= end:
        sunday = monday + dt.timedelta(days=6)
        figures = plans.week_figures(generated, monday, sunday, "monday", today=END)
        totals = [0, 0, 0, 0]
        for _a, _active, counted in plans.counted_occasions(
            generated, monday, sunday, "monday", END
        ):
            for occasion, _anchor in counted:
                outcome = plans.outcome_of(occasion, END)
                totals[0] += 1
                totals[1] += outcome == "done"
                totals[2] += outcome == "skipped"
                totals[3] += outcome == "open"
        assert totals == [
            sum(f.due for f in figures),
            sum(f.done for f in figures),
            sum(f.skipped for f in figures),
            sum(f.open for f in figures),
        ]
        monday += dt.timedelta(days=7)
