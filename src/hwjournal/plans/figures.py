"""Completion figures: for each assignment active in a span of days, how many of
its occasions were due, done, skipped, and still open. (Named figures, not
completion: hwjournal.completion is shell completion.)"""

from __future__ import annotations

import datetime as dt

from hwjournal.dates import today as current_day
from hwjournal.journal import Journal
from hwjournal.plans.assignments import Assignment, running_between
from hwjournal.plans.ledger import Ledger
from hwjournal.plans.occasions import Occasion, occasions_between
from hwjournal.plans.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any


class Adherence(Record):
    """One assignment's occasions in a span: whole numbers of due, done, skipped."""

    _fields = ("id", "template", "title", "schedule", "days", "due", "done", "skipped", "open")

    def __init__(
        self,
        id: int,
        template: str,
        title: str,
        schedule: str,
        days: list[str],
        due: int,
        done: int,
        skipped: int,
        open: int = 0,
    ) -> None:
        self.id = id
        self.template = template
        self.title = title
        self.schedule = schedule
        self.days = days
        self.due = due
        self.done = done
        self.skipped = skipped
        # Of `due`, the occasions still open today (neither done nor skipped, not
        # over yet); the rest of due - done - skipped reads "not recorded".
        self.open = open

    @property
    def percent(self) -> int | None:
        if self.due == 0:
            return None
        return round(self.done / self.due * 100)

    @property
    def not_recorded(self) -> int:
        return max(0, self.due - self.done - self.skipped - self.open)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "template": self.template,
            "due": self.due,
            "done": self.done,
            "skipped": self.skipped,
        }


def week_figures(
    journal: Journal,
    start: dt.date,
    end: dt.date,
    week_start: str,
    *,
    today: dt.date | None = None,
) -> list[Adherence]:
    """Done, due and skipped occasions of each assignment active in start..end
    (both included). Private entries count as done; drafts never do."""
    today = today or current_day()
    figures = []
    for a, active, counted in counted_occasions(journal, start, end, week_start, today):
        figure = Adherence(a.id, a.template, a.title, a.schedule, list(a.days), 0, 0, 0)
        for occasion, _anchor in counted:
            figure.due += 1
            outcome = outcome_of(occasion, today)
            if outcome == "done":
                figure.done += 1
            elif outcome == "skipped":
                figure.skipped += 1
            elif outcome == "open":
                figure.open += 1
        if active or figure.due:
            figures.append(figure)
    return figures


def counted_occasions(
    journal: Journal, start: dt.date, end: dt.date, week_start: str, today: dt.date
) -> Iterator[tuple[Assignment, bool, list[tuple[Occasion, dt.date]]]]:
    """Each assignment running in start..end, whether any of its occasions there has
    a live day, and its occasions that count as due in the span, settled, each with
    the day it is counted on (its anchor). Shared by the week's figures and the
    by-week figures of `hw trends`, which buckets the anchors by week."""
    ledger = Ledger(journal)
    for a in running_between(journal, start, end):
        active = False
        counted = []
        occasions = list(occasions_between(a, start, end, week_start))
        ends = [o.last for o in occasions if o.last is not None]
        if len(occasions) > 1 and ends:
            ledger.read_ahead(a, occasions[0].first.isoformat(), max(ends).isoformat())
        for occasion in occasions:
            active = active or occasion.has_live_day
            ledger.settle(occasion)
            anchor = occasion.anchor(today)
            if anchor is None or not start <= anchor <= end or anchor > today:
                continue
            counted.append((occasion, anchor))
        yield a, active, counted


def outcome_of(occasion: Occasion, today: dt.date) -> str:
    """A counted occasion as done, skipped, open (still open today) or not_recorded."""
    if occasion.done_on:
        return "done"
    if occasion.skip:
        return "skipped"
    if occasion.live_last is None or occasion.live_last >= today:
        return "open"
    return "not_recorded"
