"""Dates and weeks as people type them: 2026-11-25, today, yesterday,
3 days ago; weeks as 2026-W48, this, last, or any date inside the week."""

from __future__ import annotations

import datetime as dt

from hwjournal import messages
from hwjournal.errors import UsageError
from hwjournal.i18n import gettext

# Dates are parsed on the fast path (`hw log --since`, `hw due --date`), so they are
# read without regular expressions; weeks, read less often, use one.
_ISO_WEEK = r"^(\d{4})-?W(\d{1,2})$"

DATE_HINT = "Use YYYY-MM-DD, today, yesterday or 'N days ago'."
WEEK_HINT = "Use YYYY-Www (like 2026-W48), this, last, or a date inside the week."

# The days hw takes, from a person or from a file: wide enough for any journal, and so
# far inside the calendar (years 1 to 9999) that a week or a ten-year plan around any
# of them never runs off its end, and a span of them is never too long to go through.
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2199, 12, 31)


def in_range(day: dt.date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY


def _in_range(day: dt.date) -> dt.date:
    if not in_range(day):
        raise UsageError(
            messages.DATE_OUTSIDE.format(date=day, first=FIRST_DAY, last=LAST_DAY),
            messages.DATE_OUTSIDE_HINT,
        )
    return day


def today() -> dt.date:
    return dt.date.today()


def parse_date(text: str, base: dt.date | None = None) -> dt.date:
    day = _read_date(text.strip().lower(), base or today())
    if day is None:
        raise UsageError(messages.DATE_NOT_UNDERSTOOD.format(text=text), gettext(DATE_HINT))
    return _in_range(day)


def _read_date(value: str, base: dt.date) -> dt.date | None:
    """The day `value` names, anywhere in the calendar; None when it names none."""
    if value == "today":
        return base
    if value == "yesterday":
        return base - dt.timedelta(days=1)
    days_ago = _days_ago(value)
    if days_ago is not None:
        return base - dt.timedelta(days=days_ago)
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def _days_ago(value: str) -> int | None:
    """N from 'N days ago' (or '1 day ago'), N up to five digits; None for anything else."""
    words = value.split()
    if (
        len(words) == 3
        and words[0].isdecimal()
        and len(words[0]) <= 5
        and words[1] in ("day", "days")
        and words[2] == "ago"
    ):
        return int(words[0])
    return None


class Week:
    """A week: its label (the ISO week of its Monday, e.g. 2026-W48), first and last day.
    Immutable and compared by value."""

    __slots__ = ("end", "label", "start")

    def __init__(self, label: str, start: dt.date, end: dt.date) -> None:
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Week cannot change ({name})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Week cannot change ({name})")

    def _key(self) -> tuple[str, dt.date, dt.date]:
        return (self.label, self.start, self.end)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Week):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Week(label={self.label!r}, start={self.start!r}, end={self.end!r})"

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


def iso_week(text: str) -> tuple[int, int] | None:
    """(year, week) of "2026-W49" or "2026w49" (any case), as the pattern _ISO_WEEK
    reads it (tests/test_without_re.py holds the two equal), without `re`."""
    year, mark, week = text.upper().partition("W")
    year = year[:-1] if year.endswith("-") else year
    if not mark or len(year) != 4 or not 1 <= len(week) <= 2:
        return None
    if not (year.isdecimal() and week.isdecimal()):
        return None
    return int(year), int(week)


def parse_week(text: str, week_start: str = "monday", base: dt.date | None = None) -> Week:
    base = base or today()
    value = text.strip().lower()
    if value in ("this", "this week", "current"):
        return week_of(base, week_start)
    if value in ("last", "last week", "previous"):
        return week_of(base - dt.timedelta(days=7), week_start)
    match = iso_week(value)
    if match:
        year, number = match
        try:
            monday = dt.date.fromisocalendar(year, number, 1)
        except ValueError:
            raise UsageError(
                messages.WEEK_NOT_IN_YEAR.format(year=year, number=number), gettext(WEEK_HINT)
            ) from None
        _in_range(monday)
        if week_start == "sunday":
            return week_of(monday - dt.timedelta(days=1), week_start)
        return week_of(monday, week_start)
    day = _read_date(value, base)
    if day is None:
        raise UsageError(messages.WEEK_NOT_UNDERSTOOD.format(text=text), gettext(WEEK_HINT))
    return week_of(_in_range(day), week_start)


def now_iso() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` months earlier (the month's last day where it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return dt.date(year, month, min(day.day, (following - dt.timedelta(days=1)).day))
