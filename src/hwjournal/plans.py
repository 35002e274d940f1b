"""Homework plans: assignments, the occasions they are counted in, what is due on a
day, skips with what got in the way, and the completion figures.

Pure: no terminal, no Rich, no config. Every query goes through an index and a
span of dates (or a LIMIT), so the cost follows the days asked about and the
handful of assignments, never the size of the journal: `hw due` costs the same
with 100,000 entries as with 10.

How occasions are counted (the spec's rules, in one place):
- daily and --days: one occasion per scheduled day; weekly: one per week (the
  config's week_start), due any day of that week; once: one for the whole span.
- An occasion is done when a complete entry (private ones too, drafts never)
  counts toward it: an entry linked to the assignment by `hw start`, or an
  unlinked one (made before the assignment, or imported) of the same template on
  a day the assignment was live, when no newer assignment of that template was
  live that day. At most one entry counts; done outweighs a skip, so an entry
  made after a skip turns the skip into done.
- Ending an assignment on day E: nothing of it is due from E on; occasions
  already done or skipped stay counted.
- In figures for a span, an occasion is counted on the day it was settled: the
  day of its entry, or of its skip, or, left open, its last live day (or today
  while it is still open). Occasions that have not begun by today are not due yet.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from hwjournal import messages
from hwjournal.dates import now_iso, week_of
from hwjournal.dates import today as current_day
from hwjournal.errors import NotFoundError, UsageError
from hwjournal.journal import Journal, new_uid

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SCHEDULES = ("daily", "weekly", "days", "once")

# What got in the way, as people say it. Never a verdict.
BARRIERS: dict[str, str] = {
    "time": "no time",
    "forgot": "it slipped my mind",
    "overwhelmed": "it felt like too much",
    "unclear": "I wasn't sure how",
    "avoidance": "part of me didn't want to",
    "other": "something else",
}
# Without a terminal to ask, and no --barrier, a skip is recorded as this.
DEFAULT_BARRIER = "other"

_ASSIGNMENT_COLUMNS = (
    "id, uid, template, title, schedule, days, start, until, ended, note, created_at"
)
_FAR = "9999-12-31"
_ONE = dt.timedelta(days=1)
# Longest --for accepted: ten years is already more than any homework plan.
MAX_SPAN_DAYS = 3660


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


class _Record:
    """Compares and prints by its `_fields`, like a dataclass. The classes here are
    plain classes because `hw due` loads this module on every shell prompt, and
    importing dataclasses costs more than answering the question."""

    _fields: tuple[str, ...] = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in self._fields)

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        fields = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._fields)
        return f"{self.__class__.__name__}({fields})"


# ---------------------------------------------------------------- assignments


class Assignment(_Record):
    _fields = (
        "id",
        "uid",
        "template",
        "title",
        "schedule",
        "days",
        "start",
        "until",
        "ended",
        "note",
        "created_at",
    )

    def __init__(
        self,
        id: int,
        uid: str,
        template: str,
        title: str,
        schedule: str,  # daily | weekly | days | once
        days: list[str],  # mon..sun, for "days"
        start: str,  # YYYY-MM-DD
        until: str | None,  # YYYY-MM-DD, included; None: until ended
        ended: str | None,  # YYYY-MM-DD from which nothing is due
        note: str,
        created_at: str,
    ) -> None:
        self.id = id
        self.uid = uid
        self.template = template
        self.title = title
        self.schedule = schedule
        self.days = days
        self.start = start
        self.until = until
        self.ended = ended
        self.note = note
        self.created_at = created_at

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> Assignment:
        id_, uid, template, title, schedule, days, start, until, ended, note, created = row
        try:
            day_list = [d for d in json.loads(days or "[]") if d in WEEKDAYS]
        except (TypeError, ValueError):
            day_list = []
        return cls(
            id=id_,
            uid=uid,
            template=template,
            title=title or template,
            schedule=schedule,
            days=day_list,
            start=start,
            until=until,
            ended=ended,
            note=note or "",
            created_at=created,
        )

    @property
    def first_day(self) -> dt.date:
        return _day(self.start)

    @property
    def until_day(self) -> dt.date | None:
        return _day(self.until) if self.until else None

    @property
    def ended_day(self) -> dt.date | None:
        return _day(self.ended) if self.ended else None

    @property
    def last_live_day(self) -> dt.date | None:
        """The last day anything of it can be due; None while it runs with no end."""
        ends = [d for d in (self.until_day, self.ended_day and self.ended_day - _ONE) if d]
        return min(ends) if ends else None

    def scheduled(self, day: dt.date) -> bool:
        """Whether `day` belongs to one of its occasions (ending aside)."""
        if day < self.first_day:
            return False
        until = self.until_day
        if until is not None and day > until:
            return False
        return self.schedule != "days" or WEEKDAYS[day.weekday()] in self.days

    def live_on(self, day: dt.date) -> bool:
        """Scheduled that day and not ended by then: the day can count toward it."""
        ended = self.ended_day
        return self.scheduled(day) and (ended is None or day < ended)

    def finished(self, today: dt.date) -> bool:
        ended, until = self.ended_day, self.until_day
        return (ended is not None and ended <= today) or (until is not None and until < today)

    def to_json(self, today: dt.date | None = None) -> dict[str, Any]:
        """The spec's `hw assignments --json` item."""
        return {
            "id": self.id,
            "template": self.template,
            "schedule": self.schedule,
            "days": list(self.days),
            "start": self.start,
            "until": self.until,
            "note": self.note,
            "active": not self.finished(today or current_day()),
        }


def parse_days(text: str) -> list[str]:
    """`mon,wed,fri` (or full names, any case, commas or spaces) in week order."""
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


_FULL = dict(
    zip(
        WEEKDAYS,
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        strict=True,
    )
)
_SPAN = re.compile(r"^(\d{1,5})\s*(d|days?|w|weeks?)$")


def parse_span(text: str) -> int:
    """`--for 7d|2w` as a number of days (at least one)."""
    match = _SPAN.match(text.strip().lower())
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


def add_assignment(
    journal: Journal,
    template: str,
    title: str,
    schedule: str,
    days: list[str],
    start: dt.date,
    until: dt.date | None,
    note: str = "",
) -> Assignment:
    check_plan(schedule, days, start, until)
    created = now_iso()
    uid = new_uid()
    with journal.transaction() as db:
        cursor = db.execute(
            "INSERT INTO assignments (uid, template, title, schedule, days, start, until, "
            "note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                uid,
                template,
                title,
                schedule,
                json.dumps(days if schedule == "days" else []),
                start.isoformat(),
                until.isoformat() if until else None,
                note,
                created,
            ),
        )
    return get_assignment(journal, cursor.lastrowid)


def get_assignment(journal: Journal, assignment_id: int | str) -> Assignment:
    try:
        number = int(str(assignment_id).strip())
    except ValueError:
        number = None
    row = None
    if number is not None:
        row = journal.db.execute(
            f"SELECT {_ASSIGNMENT_COLUMNS} FROM assignments WHERE id = ?", (number,)
        ).fetchone()
    if row is None:
        raise NotFoundError(
            messages.ASSIGNMENT_UNKNOWN.format(id=assignment_id), messages.ASSIGNMENT_UNKNOWN_HINT
        )
    return Assignment.from_row(row)


def list_assignments(
    journal: Journal, include_ended: bool, today: dt.date | None = None
) -> list[Assignment]:
    """Assignments still running (or not begun yet); with include_ended, all of them."""
    today = today or current_day()
    rows = journal.db.execute(f"SELECT {_ASSIGNMENT_COLUMNS} FROM assignments ORDER BY id")
    found = [Assignment.from_row(row) for row in rows]
    return found if include_ended else [a for a in found if not a.finished(today)]


def end_assignment(journal: Journal, assignment: Assignment, today: dt.date) -> Assignment:
    """Nothing of it is due from today on; what was done and skipped stays counted."""
    with journal.transaction() as db:
        db.execute(
            "UPDATE assignments SET ended = ? WHERE id = ? AND ended IS NULL",
            (today.isoformat(), assignment.id),
        )
    return get_assignment(journal, assignment.id)


def assignments_of(journal: Journal, template: str) -> list[Assignment]:
    rows = journal.db.execute(
        f"SELECT {_ASSIGNMENT_COLUMNS} FROM assignments WHERE template = ? ORDER BY start, id",
        (template,),
    )
    return [Assignment.from_row(row) for row in rows]


def live_on(journal: Journal, day: dt.date) -> list[Assignment]:
    """Assignments with something that can be due on `day`, oldest first."""
    text = day.isoformat()
    rows = journal.db.execute(
        f"SELECT {_ASSIGNMENT_COLUMNS} FROM assignments WHERE start <= ? "
        "AND (until IS NULL OR until >= ?) AND (ended IS NULL OR ended > ?) ORDER BY id",
        (text, text, text),
    )
    return [a for a in map(Assignment.from_row, rows) if a.live_on(day)]


def _owner(candidates: list[Assignment], day: dt.date) -> Assignment | None:
    """Of one template's assignments, the one an entry on `day` counts toward: the
    newest live that day."""
    live = [a for a in candidates if a.live_on(day)]
    return max(live, key=lambda a: (a.start, a.id)) if live else None


def assignment_for(journal: Journal, template_id: str, date_str: str) -> int | None:
    """The active assignment an entry of this template on this date counts toward."""
    try:
        day = _day(date_str)
    except ValueError:
        return None
    owner = _owner(assignments_of(journal, template_id), day)
    return owner.id if owner else None


# ---------------------------------------------------------------- skips


class SkipRecord(_Record):
    _fields = ("assignment_id", "template", "date", "barrier", "reason", "uid", "created_at")

    def __init__(
        self,
        assignment_id: int,
        template: str,
        date: str,
        barrier: str,
        reason: str,
        uid: str,
        created_at: str,
    ) -> None:
        self.assignment_id = assignment_id
        self.template = template
        self.date = date
        self.barrier = barrier
        self.reason = reason
        self.uid = uid
        self.created_at = created_at

    @property
    def words(self) -> str:
        """The barrier as people say it."""
        return BARRIERS.get(self.barrier, self.barrier)

    def to_json(self) -> dict[str, Any]:
        return {
            "assignment_id": self.assignment_id,
            "template": self.template,
            "date": self.date,
            "barrier": self.barrier,
            "reason": self.reason,
        }


_SKIP_COLUMNS = "s.assignment_id, a.template, s.date, s.barrier, s.reason, s.uid, s.created_at"


def barrier_code(text: str) -> str:
    """A barrier given as its code or as its words."""
    value = " ".join(text.strip().lower().split())
    for code, words in BARRIERS.items():
        if value in (code, words.lower()):
            return code
    choices = ", ".join(f"{code} ({words})" for code, words in BARRIERS.items())
    raise UsageError(
        messages.BARRIER_UNKNOWN.format(text=text), messages.BARRIER_HINT.format(choices=choices)
    )


# ---------------------------------------------------------------- occasions


class Occasion(_Record):
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
        ended = self.assignment.ended_day
        if ended is None:
            return self.last
        cut = ended - _ONE
        return cut if self.last is None else min(self.last, cut)

    @property
    def has_live_day(self) -> bool:
        ended = self.assignment.ended_day
        return ended is None or self.first < ended

    @property
    def settled(self) -> bool:
        return self.done_on is not None or self.skip is not None

    def anchor(self, today: dt.date) -> dt.date | None:
        """The day the occasion is counted on (see the module docstring), or None
        when it does not count (ended before it began, or not begun)."""
        if self.done_on is not None:
            return self.done_on
        if self.skip is not None:
            return _day(self.skip.date)
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
            day += _ONE
            continue
        yield occasion
        if occasion.last is None:
            return
        day = occasion.last + _ONE


def _unclaimed_spans(
    assignment: Assignment, candidates: list[Assignment], low: str, high: str
) -> list[tuple[str, str]]:
    """Parts of low..high where no newer assignment of the same template claims
    unlinked entries (see _owner), so that looking for them never walks a newer
    assignment's history. Newer --days assignments claim only some weekdays; their
    spans are kept and the per-day check sorts them out."""
    spans = [(low, high)]
    key = (assignment.start, assignment.id)
    for other in candidates:
        if (other.start, other.id) <= key or other.schedule == "days":
            continue
        last = other.last_live_day
        if last is not None and last < other.first_day:
            continue  # ended before it began: it claims nothing
        cut_low = other.start
        cut_high = last.isoformat() if last else _FAR
        kept = []
        for span_low, span_high in spans:
            if cut_high < span_low or cut_low > span_high:
                kept.append((span_low, span_high))
                continue
            if span_low < cut_low:
                kept.append((span_low, (_day(cut_low) - _ONE).isoformat()))
            if cut_high < span_high:
                kept.append(((_day(cut_high) + _ONE).isoformat(), span_high))
        spans = kept
    return spans


class _Ledger:
    """Settles occasions against the journal, remembering each template's
    assignments so that deciding which one an unlinked entry counts toward costs
    one small query per template."""

    def __init__(self, journal: Journal) -> None:
        self.db = journal.db
        self.journal = journal
        self._by_template: dict[str, list[Assignment]] = {}

    def _template_assignments(self, template: str) -> list[Assignment]:
        if template not in self._by_template:
            self._by_template[template] = assignments_of(self.journal, template)
        return self._by_template[template]

    def done_on(self, occasion: Occasion) -> dt.date | None:
        a = occasion.assignment
        low = occasion.first.isoformat()
        high = occasion.last.isoformat() if occasion.last else _FAR
        row = self.db.execute(
            "SELECT date FROM entries WHERE assignment_id = ? AND date BETWEEN ? AND ? "
            "AND status = 'complete' ORDER BY date LIMIT 1",
            (a.id, low, high),
        ).fetchone()
        linked = row[0] if row else None
        candidates = self._template_assignments(a.template)
        for span_low, span_high in _unclaimed_spans(a, candidates, low, linked or high):
            unlinked = self.db.execute(
                "SELECT DISTINCT date FROM entries INDEXED BY entries_unlinked "
                "WHERE template = ? AND assignment_id IS NULL "
                "AND status = 'complete' AND date BETWEEN ? AND ? ORDER BY date",
                (a.template, span_low, span_high),
            )
            for (text,) in unlinked:
                try:
                    day = _day(text)
                except ValueError:
                    continue
                owner = _owner(candidates, day)
                if owner is not None and owner.id == a.id:
                    return day
        return _day(linked) if linked else None

    def skip_of(self, occasion: Occasion) -> SkipRecord | None:
        a = occasion.assignment
        row = self.db.execute(
            f"SELECT {_SKIP_COLUMNS} FROM skips s JOIN assignments a ON a.id = s.assignment_id "
            "WHERE s.assignment_id = ? AND s.date BETWEEN ? AND ? ORDER BY s.id DESC LIMIT 1",
            (
                a.id,
                occasion.first.isoformat(),
                occasion.last.isoformat() if occasion.last else _FAR,
            ),
        ).fetchone()
        return SkipRecord(*row) if row else None

    def settle(self, occasion: Occasion) -> Occasion:
        occasion.done_on = self.done_on(occasion)
        occasion.skip = None if occasion.done_on else self.skip_of(occasion)
        return occasion


def settle(journal: Journal, occasion: Occasion) -> Occasion:
    """Fill in whether the occasion was done (and when) or skipped."""
    return _Ledger(journal).settle(occasion)


# ---------------------------------------------------------------- due


class Due(_Record):
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


class DayPlan(_Record):
    """Everything with an occasion on one day: still due, done, or skipped."""

    _fields = ("day", "due", "done", "skipped")

    def __init__(self, day: dt.date, due: list[Due], done: int, skipped: int) -> None:
        self.day = day
        self.due = due
        self.done = done
        self.skipped = skipped


def day_plan(journal: Journal, day: dt.date, week_start: str) -> DayPlan:
    ledger = _Ledger(journal)
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


def skippable(journal: Journal, assignment: Assignment, day: dt.date, week_start: str) -> Occasion:
    """The settled occasion holding `day`, or UsageError when there is nothing to
    set aside that day: the day is not scheduled (or ended), or it is already done."""
    occasion = occasion_on(assignment, day, week_start)
    if occasion is None or not assignment.live_on(day):
        raise UsageError(
            messages.SKIP_NOT_LIVE.format(what=f"assignment {assignment.id}", date=day),
            messages.SKIP_NOT_LIVE_HINT.format(date=day),
        )
    _Ledger(journal).settle(occasion)
    if occasion.done_on is not None:
        span = {"weekly": "that week", "once": "this assignment"}.get(
            assignment.schedule, "that day"
        )
        raise UsageError(
            messages.SKIP_ALREADY_DONE.format(
                title=assignment.title, span=span, date=occasion.done_on
            )
        )
    return occasion


def record_skip(
    journal: Journal,
    assignment: Assignment,
    day: dt.date,
    barrier: str,
    reason: str,
    week_start: str,
) -> tuple[SkipRecord, bool]:
    """Record a skip for the occasion holding `day`. A second skip of the same
    occasion replaces the first's barrier and reason (the person is correcting it).
    Returns the skip and whether it replaced one."""
    if barrier not in BARRIERS:
        barrier_code(barrier)
    with journal.transaction() as db:
        # settled inside the write lock, so a parallel entry or skip cannot slip between
        occasion = skippable(journal, assignment, day, week_start)
        if occasion.skip is not None:
            db.execute(
                "UPDATE skips SET barrier = ?, reason = ?, date = ? WHERE uid = ?",
                (barrier, reason, day.isoformat(), occasion.skip.uid),
            )
            uid, created = occasion.skip.uid, occasion.skip.created_at
        else:
            uid, created = new_uid(), now_iso()
            db.execute(
                "INSERT INTO skips (uid, assignment_id, date, barrier, reason, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (uid, assignment.id, day.isoformat(), barrier, reason, created),
            )
    record = SkipRecord(
        assignment.id, assignment.template, day.isoformat(), barrier, reason, uid, created
    )
    return record, occasion.skip is not None


def skips_between(
    journal: Journal, start: dt.date, end: dt.date, week_start: str = "monday"
) -> list[SkipRecord]:
    """Skips dated start..end, oldest first. A skip whose occasion was done after
    all (an entry made after the skip) is left out: it counts as done. Pass the
    config's week_start so weekly occasions are the weeks the person sees."""
    rows = journal.db.execute(
        f"SELECT {_SKIP_COLUMNS}, {', '.join('a.' + c for c in _ASSIGNMENT_COLUMNS.split(', '))} "
        "FROM skips s JOIN assignments a ON a.id = s.assignment_id "
        "WHERE s.date BETWEEN ? AND ? ORDER BY s.date, s.id",
        (start.isoformat(), end.isoformat()),
    ).fetchall()
    ledger = _Ledger(journal)
    found = []
    for row in rows:
        record = SkipRecord(*row[:7])
        assignment = Assignment.from_row(row[7:])
        try:
            occasion = occasion_on(assignment, _day(record.date), week_start)
        except ValueError:
            occasion = None
        if occasion is not None and ledger.done_on(occasion) is not None:
            continue
        found.append(record)
    return found


# ---------------------------------------------------------------- figures


class Adherence(_Record):
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
    rows = journal.db.execute(
        f"SELECT {_ASSIGNMENT_COLUMNS} FROM assignments WHERE start <= ? "
        "AND (until IS NULL OR until >= ?) ORDER BY id",
        (end.isoformat(), start.isoformat()),
    )
    ledger = _Ledger(journal)
    figures = []
    for a in map(Assignment.from_row, rows):
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
