"""Setting an occasion aside: whether a day's occasion can be skipped, recording
the skip (a second one corrects the first), and the skips in a span of days."""

from __future__ import annotations

import datetime as dt

from hwjournal import messages
from hwjournal.dates import now_iso
from hwjournal.errors import UsageError
from hwjournal.ids import looks_like_id
from hwjournal.journal import Journal, new_uid
from hwjournal.plans.assignments import COLUMNS as ASSIGNMENT_COLUMNS
from hwjournal.plans.assignments import Assignment, assignments_of, get_assignment
from hwjournal.plans.ledger import Ledger
from hwjournal.plans.occasions import Occasion, occasion_on
from hwjournal.plans.schedule import as_day
from hwjournal.plans.skips import BARRIERS, SkipRecord, barrier_code
from hwjournal.plans.skips import COLUMNS as SKIP_COLUMNS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any


def assignment_to_skip(
    journal: Journal,
    target: str,
    day: dt.date,
    week_start: str,
    unknown: Callable[[str], object] | None = None,
) -> Assignment:
    """The assignment `hw skip TARGET` means: by id, or the one for this template
    live on that day (the one still open, when there are several; else the newest).
    `unknown` hears of a template id no assignment ever had, so it can say whether
    that is a template at all before hearing that nothing of it is due."""
    text = target.strip()
    if looks_like_id(text):
        return get_assignment(journal, text)  # skippable() says so when nothing is due
    every = assignments_of(journal, text)
    live = [a for a in every if a.live_on(day)]
    if not live:
        if not every and unknown is not None:
            unknown(text)
        raise UsageError(
            messages.SKIP_NOT_LIVE.format(what=text, date=day),
            messages.SKIP_NOT_LIVE_HINT.format(date=day),
        )
    ledger = Ledger(journal)
    still_open = []
    for assignment in live:
        occasion = occasion_on(assignment, day, week_start)
        if occasion is not None and not ledger.settle(occasion).settled:
            still_open.append(assignment)
    return max(still_open or live, key=lambda a: (a.start, a.id))


def skippable(journal: Journal, assignment: Assignment, day: dt.date, week_start: str) -> Occasion:
    """The settled occasion holding `day`, or UsageError when there is nothing to
    set aside that day: the day is not scheduled (or ended), or it is already done."""
    occasion = occasion_on(assignment, day, week_start)
    if occasion is None or not assignment.live_on(day):
        raise UsageError(
            messages.SKIP_NOT_LIVE.format(
                what=messages.SKIP_WHAT_ASSIGNMENT.format(id=assignment.id), date=day
            ),
            messages.SKIP_NOT_LIVE_HINT.format(date=day),
        )
    Ledger(journal).settle(occasion)
    if occasion.done_on is not None:
        span = messages.SKIP_SPANS.get(assignment.schedule, messages.SKIP_SPANS["daily"])
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


_STORED_SKIP = (
    "uid",
    "assignment_id",
    "assignment_uid",
    "template",
    "date",
    "barrier",
    "reason",
    "created_at",
)


def stored_skips(journal: Journal, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """The skips inside start..end as hw-json keeps them, with their assignment's uid
    and template, oldest first."""
    rows = journal.db.execute(
        "SELECT s.uid, s.assignment_id, a.uid, a.template, s.date, s.barrier, s.reason, "
        "s.created_at FROM skips s JOIN assignments a ON a.id = s.assignment_id "
        "WHERE s.date BETWEEN ? AND ? ORDER BY s.date, s.id",
        (start.isoformat(), end.isoformat()),
    )
    return [dict(zip(_STORED_SKIP, row, strict=True)) for row in rows]


def skips_between(
    journal: Journal, start: dt.date, end: dt.date, week_start: str = "monday"
) -> list[SkipRecord]:
    """Skips dated start..end, oldest first. A skip whose occasion was done after
    all (an entry made after the skip) is left out: it counts as done. Pass the
    config's week_start so weekly occasions are the weeks the person sees."""
    rows = journal.db.execute(
        f"SELECT {SKIP_COLUMNS}, {', '.join('a.' + c for c in ASSIGNMENT_COLUMNS.split(', '))} "
        "FROM skips s JOIN assignments a ON a.id = s.assignment_id "
        "WHERE s.date BETWEEN ? AND ? ORDER BY s.date, s.id",
        (start.isoformat(), end.isoformat()),
    ).fetchall()
    ledger = Ledger(journal)
    found = []
    for row in rows:
        record = SkipRecord(*row[:7])
        assignment = Assignment.from_row(row[7:])
        try:
            occasion = occasion_on(assignment, as_day(record.date), week_start)
        except ValueError:
            occasion = None
        if occasion is not None and ledger.done_on(occasion) is not None:
            continue
        found.append(record)
    return found
