"""The words and pure arithmetic of a plan: weekdays, schedules, `--days` and
`--for` as people type them, and the checks that refuse a plan with nothing due.
No journal here."""

from __future__ import annotations

import datetime as dt

from hwjournal import messages
from hwjournal.errors import UsageError

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SCHEDULES = ("daily", "weekly", "days", "once")
# Longest --for accepted: ten years is already more than any homework plan.
MAX_SPAN_DAYS = 3660

# The upper bound of an open span in the journal's ISO-date columns.
FAR = "9999-12-31"
ONE_DAY = dt.timedelta(days=1)

_FULL = dict(
    zip(
        WEEKDAYS,
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        strict=True,
    )
)
# `--for` as typed (parsed only when typed: `re` costs a shell prompt's hw its import).
_SPAN = r"^(\d{1,5})\s*(d|days?|w|weeks?)$"


def as_day(text: str) -> dt.date:
    """A stored YYYY-MM-DD as a date (ValueError when it is not one)."""
    return dt.date.fromisoformat(text)


def live_until(last: dt.date | None, ended: dt.date | None) -> dt.date | None:
    """The last day still live of something running to `last` (None: no end) when
    its assignment was ended on `ended`: nothing is due from the ending day on."""
    if ended is None:
        return last
    cut = ended - ONE_DAY
    return cut if last is None else min(last, cut)


def parse_days(text: str) -> list[str]:
    """`mon,wed,fri` (or full names, any case, commas or spaces) in week order."""
    import re

    chosen: set[str] = set()
    words = [w for w in re.split(r"[,\s]+", text.strip().lower()) if w]
    if not words:
        raise UsageError(messages.DAYS_NONE, messages.DAYS_HINT)
    for word in words:
        match = next(
            (d for d in WEEKDAYS if word == d or (len(word) >= 3 and _FULL[d].startswith(word))),
            None,
        )
        if match is None:
            raise UsageError(messages.DAY_UNKNOWN.format(word=word), messages.DAYS_HINT)
        chosen.add(match)
    return [d for d in WEEKDAYS if d in chosen]


def parse_span(text: str) -> int:
    """`--for 7d|2w` as a number of days (at least one)."""
    import re

    match = re.match(_SPAN, text.strip().lower())
    if not match:
        raise UsageError(messages.SPAN_UNKNOWN.format(text=text), messages.SPAN_HINT)
    count = int(match.group(1)) * (7 if match.group(2).startswith("w") else 1)
    if count < 1:
        raise UsageError(messages.SPAN_ZERO.format(text=text), messages.SPAN_HINT)
    if count > MAX_SPAN_DAYS:
        raise UsageError(messages.SPAN_TOO_LONG.format(text=text), messages.SPAN_HINT)
    return count


def span_end(start: dt.date, days: int) -> dt.date:
    """`--for 7d` from a Monday ends on the Sunday: start + days - 1."""
    return start + dt.timedelta(days=days - 1)


def check_plan(schedule: str, days: list[str], start: dt.date, until: dt.date | None) -> None:
    """Refuse a plan that could never have anything due."""
    if schedule not in SCHEDULES:
        raise ValueError(f"unknown schedule {schedule!r}")
    if schedule == "days" and not days:
        raise UsageError(messages.DAYS_NONE, messages.DAYS_HINT)
    if until is not None and until < start:
        raise UsageError(
            messages.ASSIGN_ENDS_FIRST.format(until=until, start=start),
            messages.ASSIGN_ENDS_FIRST_HINT,
        )
    if schedule == "days" and until is not None and (until - start).days < 6:
        span = {
            WEEKDAYS[(start + dt.timedelta(days=i)).weekday()]
            for i in range((until - start).days + 1)
        }
        if not span & set(days):
            raise UsageError(
                messages.ASSIGN_NO_DAY.format(days=", ".join(days), start=start, until=until),
                messages.ASSIGN_NO_DAY_HINT,
            )
