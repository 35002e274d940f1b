"""What is due on a day: each live assignment's occasion holding the day, settled;
the open ones are due, the rest counted as done or skipped."""

from __future__ import annotations

import datetime as dt

from hwjournal.journal import Journal
from hwjournal.plans.assignments import live_on
from hwjournal.plans.ledger import Ledger
from hwjournal.plans.occasions import occasion_on
from hwjournal.plans.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Due(Record):
    _fields = ("assignment_id", "template", "title", "date", "note", "schedule", "days", "last")

    def __init__(
        self,
        assignment_id: int,
        template: str,
        title: str,
        date: str,
        note: str,
        schedule: str = "daily",
        days: tuple[str, ...] = (),
        last: str | None = None,  # the occasion's last live day (weekly, once); None: no end
    ) -> None:
        self.assignment_id = assignment_id
        self.template = template
        self.title = title
        self.date = date
        self.note = note
        self.schedule = schedule
        self.days = days
        self.last = last

    def to_json(self) -> dict[str, Any]:
        """The spec's `hw due --json` item."""
        return {
            "assignment_id": self.assignment_id,
            "template": self.template,
            "title": self.title,
            "date": self.date,
            "note": self.note,
        }


class DayPlan(Record):
    """Everything with an occasion on one day: still due, done, or skipped."""

    _fields = ("day", "due", "done", "skipped")

    def __init__(self, day: dt.date, due: list[Due], done: int, skipped: int) -> None:
        self.day = day
        self.due = due
        self.done = done
        self.skipped = skipped


def day_plan(journal: Journal, day: dt.date, week_start: str) -> DayPlan:
    ledger = Ledger(journal)
    plan = DayPlan(day, [], 0, 0)
    for a in live_on(journal, day):
        occasion = occasion_on(a, day, week_start)
        if occasion is None:
            continue
        ledger.settle(occasion)
        if occasion.done_on:
            plan.done += 1
        elif occasion.skip:
            plan.skipped += 1
        else:
            last = occasion.live_last
            plan.due.append(
                Due(
                    assignment_id=a.id,
                    template=a.template,
                    title=a.title,
                    date=day.isoformat(),
                    note=a.note,
                    schedule=a.schedule,
                    days=tuple(a.days),
                    last=last.isoformat() if last else None,
                )
            )
    return plan


def due_on(journal: Journal, day: dt.date, week_start: str) -> list[Due]:
    """What is due on `day` and not yet done or skipped: never more than that day's work."""
    return day_plan(journal, day, week_start).due
