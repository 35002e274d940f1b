"""Occasions: the units homework is counted in. Pure day arithmetic over an
assignment; whether an occasion was done or skipped is filled in by ledger.py.

- daily and --days: one occasion per scheduled day; weekly: one per week (the
  config's week_start), due any day of that week; once: one for the whole span.
- Ending an assignment on day E: nothing of it is due from E on; occasions
  already done or skipped stay counted.
- In figures for a span, an occasion is counted on the day it was settled (its
  `anchor`): the day of its entry, or of its skip, or, left open, its last live
  day (or today while it is still open). Occasions that have not begun by today
  are not due yet.
"""

from __future__ import annotations

import datetime as dt

from hwjournal.dates import week_of
from hwjournal.plans.assignments import Assignment
from hwjournal.plans.record import Record
from hwjournal.plans.schedule import FAR, ONE_DAY, as_day, live_until

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from hwjournal.plans.skips import SkipRecord


class Occasion(Record):
    _fields = ("assignment", "first", "last", "done_on", "skip")

    def __init__(
        self,
        assignment: Assignment,
        first: dt.date,
        last: dt.date | None,  # None: a once occasion with no end
        done_on: dt.date | None = None,
        skip: SkipRecord | None = None,
    ) -> None:
        self.assignment = assignment
        self.first = first
        self.last = last
        self.done_on = done_on
        self.skip = skip

    @property
    def live_last(self) -> dt.date | None:
        """Its last day that can still be due, ending taken into account."""
        return live_until(self.last, self.assignment.ended_day)

    @property
    def has_live_day(self) -> bool:
        ended = self.assignment.ended_day
        return ended is None or self.first < ended

    @property
    def settled(self) -> bool:
        return self.done_on is not None or self.skip is not None

    def iso_span(self) -> tuple[str, str]:
        """First and last day as stored dates, for a BETWEEN (no end: far ahead)."""
        return self.first.isoformat(), self.last.isoformat() if self.last else FAR

    def anchor(self, today: dt.date) -> dt.date | None:
        """The day the occasion is counted on (see the module docstring), or None
        when it does not count (ended before it began, or not begun)."""
        if self.done_on is not None:
            return self.done_on
        if self.skip is not None:
            return as_day(self.skip.date)
        if not self.has_live_day or self.first > today:
            return None
        last = self.live_last
        return today if last is None or last >= today else last


def occasion_on(assignment: Assignment, day: dt.date, week_start: str) -> Occasion | None:
    """The occasion that `day` belongs to, or None when the day is not scheduled."""
    a = assignment
    if not a.scheduled(day):
        return None
    if a.schedule in ("daily", "days"):
        return Occasion(a, day, day)
    until = a.until_day
    if a.schedule == "weekly":
        week = week_of(day, week_start)
        last = week.end if until is None else min(week.end, until)
        return Occasion(a, max(week.start, a.first_day), last)
    return Occasion(a, a.first_day, until)


def occasions_between(
    assignment: Assignment, start: dt.date, end: dt.date, week_start: str
) -> Iterator[Occasion]:
    """Occasions with a day in start..end, oldest first (ending aside)."""
    a = assignment
    day = max(start, a.first_day)
    last = end if a.until_day is None else min(end, a.until_day)
    while day <= last:
        occasion = occasion_on(a, day, week_start)
        if occasion is None:
            day += ONE_DAY
            continue
        yield occasion
        if occasion.last is None:
            return
        day = occasion.last + ONE_DAY
