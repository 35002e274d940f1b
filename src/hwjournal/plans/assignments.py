"""Assignments: the `Assignment` record with its day arithmetic, and reading and
writing the `assignments` table. Every read goes through an index or touches the
handful of assignments, never the entries."""

from __future__ import annotations

import datetime as dt

from hwjournal import jsontext, messages
from hwjournal.dates import now_iso
from hwjournal.dates import today as current_day
from hwjournal.errors import NotFoundError
from hwjournal.ids import row_id
from hwjournal.journal import Journal, new_uid
from hwjournal.journal.entry import ASSIGNMENT_FIELDS
from hwjournal.plans.record import Record
from hwjournal.plans.schedule import WEEKDAYS, as_day, check_plan, live_until

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

COLUMNS = ", ".join(ASSIGNMENT_FIELDS)
# what a new assignment is given (the journal gives the id; it ends when ended)
_NEW = [f for f in ASSIGNMENT_FIELDS if f not in ("id", "ended")]
_INSERT = f"INSERT INTO assignments ({', '.join(_NEW)}) VALUES ({', '.join('?' for _ in _NEW)})"


class Assignment(Record):
    _fields = ASSIGNMENT_FIELDS

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
            day_list = [d for d in jsontext.loads(days or "[]") if d in WEEKDAYS]
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
        return as_day(self.start)

    @property
    def until_day(self) -> dt.date | None:
        return as_day(self.until) if self.until else None

    @property
    def ended_day(self) -> dt.date | None:
        return as_day(self.ended) if self.ended else None

    @property
    def last_live_day(self) -> dt.date | None:
        """The last day anything of it can be due; None while it runs with no end."""
        return live_until(self.until_day, self.ended_day)

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

    def to_record(self, today: dt.date) -> dict[str, Any]:
        """The assignment as hw-json keeps it: every stored field, and whether it is
        active as `hw assignments` says (not finished)."""
        return {**{f: getattr(self, f) for f in self._fields}, "active": not self.finished(today)}

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


def _select(journal: Journal, where: str, params: tuple[Any, ...] = ()) -> list[Assignment]:
    rows = journal.db.execute(f"SELECT {COLUMNS} FROM assignments {where}", params)
    return [Assignment.from_row(row) for row in rows]


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
    import json  # as hw has always stored the days: ["mon", "thu"]

    check_plan(schedule, days, start, until)
    created = now_iso()
    uid = new_uid()
    with journal.transaction() as db:
        cursor = db.execute(
            _INSERT,
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
    number = row_id(assignment_id)
    found = _select(journal, "WHERE id = ?", (number,)) if number is not None else []
    if not found:
        raise NotFoundError(
            messages.ASSIGNMENT_UNKNOWN.format(id=assignment_id), messages.ASSIGNMENT_UNKNOWN_HINT
        )
    return found[0]


def list_assignments(
    journal: Journal, include_ended: bool, today: dt.date | None = None
) -> list[Assignment]:
    """Assignments still running (or not begun yet); with include_ended, all of them."""
    today = today or current_day()
    found = _select(journal, "ORDER BY id")
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
    return _select(journal, "WHERE template = ? ORDER BY start, id", (template,))


def live_on(journal: Journal, day: dt.date) -> list[Assignment]:
    """Assignments with something that can be due on `day`, oldest first."""
    text = day.isoformat()
    found = _select(
        journal,
        "WHERE start <= ? AND (until IS NULL OR until >= ?) AND (ended IS NULL OR ended > ?) "
        "ORDER BY id",
        (text, text, text),
    )
    return [a for a in found if a.live_on(day)]


def running_between(journal: Journal, start: dt.date, end: dt.date) -> list[Assignment]:
    """Assignments whose start..until meets start..end, ended or not, oldest first."""
    return _select(
        journal,
        "WHERE start <= ? AND (until IS NULL OR until >= ?) ORDER BY id",
        (end.isoformat(), start.isoformat()),
    )


def touching(journal: Journal, start: dt.date, end: dt.date, ids: set[int]) -> list[Assignment]:
    """Assignments whose start..until meets start..end, and those with these ids."""
    marks = ",".join("?" * len(ids))
    return _select(
        journal,
        "WHERE (start <= ? AND (until IS NULL OR until >= ?))"
        + (f" OR id IN ({marks})" if ids else "")
        + " ORDER BY id",
        (end.isoformat(), start.isoformat(), *sorted(ids)),
    )


def owner(candidates: list[Assignment], day: dt.date) -> Assignment | None:
    """Of one template's assignments, the one an entry on `day` counts toward: the
    newest live that day."""
    live = [a for a in candidates if a.live_on(day)]
    return max(live, key=lambda a: (a.start, a.id)) if live else None


def assignment_for(journal: Journal, template_id: str, date_str: str) -> int | None:
    """The active assignment an entry of this template on this date counts toward."""
    try:
        day = as_day(date_str)
    except ValueError:
        return None
    found = owner(assignments_of(journal, template_id), day)
    return found.id if found else None
