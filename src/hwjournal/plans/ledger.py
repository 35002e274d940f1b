"""Settling occasions against the journal: was each one done (and on which day)
or skipped?

An occasion is done when a complete entry (private ones too, drafts never)
counts toward it: an entry linked to the assignment by `hw start`, or an
unlinked one (made before the assignment, or imported) of the same template on a
day the assignment was live, when no newer assignment of that template was live
that day. At most one entry counts; done outweighs a skip, so an entry made after
a skip turns the skip into done.

Every query goes through an index and the occasion's span of dates (or a LIMIT),
so the cost follows the days asked about, never the size of the journal.
"""

from __future__ import annotations

import datetime as dt

from hwjournal.journal import Journal
from hwjournal.plans.assignments import Assignment, assignments_of, owner
from hwjournal.plans.occasions import Occasion
from hwjournal.plans.schedule import FAR, ONE_DAY, as_day
from hwjournal.plans.skips import COLUMNS as SKIP_COLUMNS
from hwjournal.plans.skips import SkipRecord


def unclaimed_spans(
    assignment: Assignment, candidates: list[Assignment], low: str, high: str
) -> list[tuple[str, str]]:
    """Parts of low..high where no newer assignment of the same template claims
    unlinked entries (see assignments.owner), so that looking for them never walks
    a newer assignment's history. Newer --days assignments claim only some
    weekdays; their spans are kept and the per-day check sorts them out."""
    spans = [(low, high)]
    key = (assignment.start, assignment.id)
    for other in candidates:
        if (other.start, other.id) <= key or other.schedule == "days":
            continue
        last = other.last_live_day
        if last is not None and last < other.first_day:
            continue  # ended before it began: it claims nothing
        cut_low = other.start
        cut_high = last.isoformat() if last else FAR
        kept = []
        for span_low, span_high in spans:
            if cut_high < span_low or cut_low > span_high:
                kept.append((span_low, span_high))
                continue
            if span_low < cut_low:
                kept.append((span_low, (as_day(cut_low) - ONE_DAY).isoformat()))
            if cut_high < span_high:
                kept.append(((as_day(cut_high) + ONE_DAY).isoformat(), span_high))
        spans = kept
    return spans


class Ledger:
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
        low, high = occasion.iso_span()
        row = self.db.execute(
            "SELECT date FROM entries WHERE assignment_id = ? AND date BETWEEN ? AND ? "
            "AND status = 'complete' ORDER BY date LIMIT 1",
            (a.id, low, high),
        ).fetchone()
        linked = row[0] if row else None
        candidates = self._template_assignments(a.template)
        for span_low, span_high in unclaimed_spans(a, candidates, low, linked or high):
            unlinked = self.db.execute(
                "SELECT DISTINCT date FROM entries INDEXED BY entries_unlinked "
                "WHERE template = ? AND assignment_id IS NULL "
                "AND status = 'complete' AND date BETWEEN ? AND ? ORDER BY date",
                (a.template, span_low, span_high),
            )
            for (text,) in unlinked:
                try:
                    day = as_day(text)
                except ValueError:
                    continue
                found = owner(candidates, day)
                if found is not None and found.id == a.id:
                    return day
        return as_day(linked) if linked else None

    def skip_of(self, occasion: Occasion) -> SkipRecord | None:
        row = self.db.execute(
            f"SELECT {SKIP_COLUMNS} FROM skips s JOIN assignments a ON a.id = s.assignment_id "
            "WHERE s.assignment_id = ? AND s.date BETWEEN ? AND ? ORDER BY s.id DESC LIMIT 1",
            (occasion.assignment.id, *occasion.iso_span()),
        ).fetchone()
        return SkipRecord(*row) if row else None

    def settle(self, occasion: Occasion) -> Occasion:
        occasion.done_on = self.done_on(occasion)
        occasion.skip = None if occasion.done_on else self.skip_of(occasion)
        return occasion


def settle(journal: Journal, occasion: Occasion) -> Occasion:
    """Fill in whether the occasion was done (and when) or skipped."""
    return Ledger(journal).settle(occasion)
