"""Completion figures: for each assignment active in a span of days, how many of
its occasions were due, done, skipped, and still open. (Named figures, not
completion: hwjournal.completion is shell completion.)"""

from __future__ import annotations

import datetime as dt

from hwjournal.dates import today as current_day
from hwjournal.journal import Journal
from hwjournal.plans.assignments import running_between
from hwjournal.plans.ledger import Ledger
from hwjournal.plans.occasions import occasions_between
from hwjournal.plans.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
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
    ledger = Ledger(journal)
    figures = []
    for a in running_between(journal, start, end):
        figure = Adherence(a.id, a.template, a.title, a.schedule, list(a.days), 0, 0, 0)
        active = False
        for occasion in occasions_between(a, start, end, week_start):
            active = active or occasion.has_live_day
            ledger.settle(occasion)
            anchor = occasion.anchor(today)
            if anchor is None or not start <= anchor <= end or anchor > today:
                continue
            figure.due += 1
            if occasion.done_on:
                figure.done += 1
            elif occasion.skip:
                figure.skipped += 1
            elif occasion.live_last is None or occasion.live_last >= today:
                figure.open += 1
        if active or figure.due:
            figures.append(figure)
    return figures
