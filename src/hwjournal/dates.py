"""Dates and weeks as people type them: 2026-11-25, today, yesterday,
3 days ago; weeks as 2026-W48, this, last, or any date inside the week."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from hwjournal.errors import UsageError

_DAYS_AGO = re.compile(r"^(\d{1,5})\s+days?\s+ago$")
_ISO_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)

DATE_HINT = "Use YYYY-MM-DD, today, yesterday or 'N days ago'."
WEEK_HINT = "Use YYYY-Www (like 2026-W48), this, last, or a date inside the week."


def today() -> dt.date:
    return dt.date.today()


def parse_date(text: str, base: dt.date | None = None) -> dt.date:
    base = base or today()
    value = text.strip().lower()
    if value == "today":
        return base
    if value == "yesterday":
        return base - dt.timedelta(days=1)
    match = _DAYS_AGO.match(value)
    if match:
        return base - dt.timedelta(days=int(match.group(1)))
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise UsageError(f"'{text}' is not a date hw understands.", DATE_HINT)


@dataclass(frozen=True)
class Week:
    label: str  # ISO week of the Monday, e.g. 2026-W48
    start: dt.date
    end: dt.date

    def days(self) -> list[dt.date]:
        return [self.start + dt.timedelta(days=i) for i in range(7)]


def week_of(day: dt.date, week_start: str = "monday") -> Week:
    """The week holding `day`. With Sunday weeks, the week is labelled by the
    ISO week of the Monday that follows its Sunday."""
    if week_start == "sunday":
        start = day - dt.timedelta(days=(day.weekday() + 1) % 7)
        monday = start + dt.timedelta(days=1)
    else:
        start = day - dt.timedelta(days=day.weekday())
        monday = start
    year, number, _ = monday.isocalendar()
    return Week(f"{year}-W{number:02d}", start, start + dt.timedelta(days=6))


def parse_week(text: str, week_start: str = "monday", base: dt.date | None = None) -> Week:
    base = base or today()
    value = text.strip().lower()
    if value in ("this", "this week", "current"):
        return week_of(base, week_start)
    if value in ("last", "last week", "previous"):
        return week_of(base - dt.timedelta(days=7), week_start)
    match = _ISO_WEEK.match(value)
    if match:
        year, number = int(match.group(1)), int(match.group(2))
        try:
            monday = dt.date.fromisocalendar(year, number, 1)
        except ValueError:
            raise UsageError(f"{year} has no week {number}.", WEEK_HINT) from None
        if week_start == "sunday":
            return week_of(monday - dt.timedelta(days=1), week_start)
        return week_of(monday, week_start)
    try:
        return week_of(parse_date(value, base), week_start)
    except UsageError:
        raise UsageError(f"'{text}' is not a week hw understands.", WEEK_HINT) from None


def now_iso() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")
