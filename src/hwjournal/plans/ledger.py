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
from bisect import bisect_left, bisect_right

from hwjournal.journal import Journal
from hwjournal.plans.assignments import Assignment, assignments_of, owner
from hwjournal.plans.occasions import Occasion
from hwjournal.plans.schedule import FAR, ONE_DAY, as_day
from hwjournal.plans.skips import COLUMNS as SKIP_COLUMNS
from hwjournal.plans.skips import SkipRecord

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

# The days with an unlinked complete entry of a template, through the small partial
# index made for exactly this.
_UNLINKED = (
    "SELECT DISTINCT date FROM entries INDEXED BY entries_unlinked "
    "WHERE template = ? AND assignment_id IS NULL "
    "AND status = 'complete' AND date BETWEEN ? AND ? ORDER BY date"
)


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
        if (
            other.start > high
            or (other.until is not None and other.until < low)
            or (other.ended is not None and other.ended <= low)
        ):
            continue  # it cannot meet low..high (told from the stored dates, unparsed)
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


class _ReadAhead:
    """One assignment's linked entry days, unlinked entry days of its template, and
    skips, between low and high (ISO dates, sorted), read in three queries."""

    __slots__ = ("claimants", "high", "linked", "low", "skips", "unlinked")

    def __init__(
        self,
        low: str,
        high: str,
        linked: list[str],
        unlinked: list[str],
        skips: list[tuple],
        claimants: list[Assignment],
    ) -> None:
        self.low = low
        self.high = high
        self.linked = linked
        self.unlinked = unlinked
        self.skips = skips  # rows of SKIP_COLUMNS, oldest id first
        # the newer assignments of the template that claim part of low..high
        self.claimants = claimants

    def covers(self, low: str, high: str) -> bool:
        return self.low <= low and high <= self.high

    def days(self, which: list[str], low: str, high: str) -> list[str]:
        return which[bisect_left(which, low) : bisect_right(which, high)]


class Ledger:
    """Settles occasions against the journal, remembering each template's
    assignments so that deciding which one an unlinked entry counts toward costs
    one small query per template.

    Settling one occasion costs two or three small queries. Settling many of one
    assignment (a daily one over months) reads them ahead instead: read_ahead()
    fetches the assignment's days once, and the occasions inside that window are
    settled from memory by the same rules."""

    def __init__(self, journal: Journal) -> None:
        self.db = journal.db
        self.journal = journal
        self._by_template: dict[str, list[Assignment]] = {}
        self._ahead: dict[int, _ReadAhead] = {}

    def _template_assignments(self, template: str) -> list[Assignment]:
        if template not in self._by_template:
            self._by_template[template] = assignments_of(self.journal, template)
        return self._by_template[template]

    def read_ahead(self, assignment: Assignment, low: str, high: str) -> None:
        """Read what settling this assignment's occasions within low..high needs."""
        a = assignment
        linked = self.db.execute(
            "SELECT DISTINCT date FROM entries WHERE assignment_id = ? AND date BETWEEN ? AND ? "
            "AND status = 'complete' ORDER BY date",
            (a.id, low, high),
        )
        unlinked = self.db.execute(_UNLINKED, (a.template, low, high))
        skips = self.db.execute(
            f"SELECT {SKIP_COLUMNS} FROM skips s JOIN assignments a ON a.id = s.assignment_id "
            "WHERE s.assignment_id = ? AND s.date BETWEEN ? AND ? ORDER BY s.id",
            (a.id, low, high),
        )
        candidates = self._template_assignments(a.template)
        claimants = [c for c in candidates if unclaimed_spans(a, [c], low, high) != [(low, high)]]
        self._ahead[a.id] = _ReadAhead(
            low,
            high,
            [d for (d,) in linked],
            [d for (d,) in unlinked],
            skips.fetchall(),
            claimants,
        )

    def _read(self, assignment: Assignment, low: str, high: str) -> _ReadAhead | None:
        ahead = self._ahead.get(assignment.id)
        return ahead if ahead is not None and ahead.covers(low, high) else None

    def _first_linked(self, a: Assignment, low: str, high: str) -> str | None:
        ahead = self._read(a, low, high)
        if ahead is not None:
            days = ahead.days(ahead.linked, low, high)
            return days[0] if days else None
        row = self.db.execute(
            "SELECT date FROM entries WHERE assignment_id = ? AND date BETWEEN ? AND ? "
            "AND status = 'complete' ORDER BY date LIMIT 1",
            (a.id, low, high),
        ).fetchone()
        return row[0] if row else None

    def _unlinked_days(self, a: Assignment, low: str, high: str) -> Iterable[str]:
        ahead = self._read(a, low, high)
        if ahead is not None:
            return ahead.days(ahead.unlinked, low, high)
        # read as needed: the first day that counts ends the search
        return (d for (d,) in self.db.execute(_UNLINKED, (a.template, low, high)))

    def done_on(self, occasion: Occasion) -> dt.date | None:
        a = occasion.assignment
        low, high = occasion.iso_span()
        linked = self._first_linked(a, low, high)
        candidates = self._template_assignments(a.template)
        ahead = self._read(a, low, high)
        cutting = ahead.claimants if ahead is not None else candidates
        for span_low, span_high in unclaimed_spans(a, cutting, low, linked or high):
            for text in self._unlinked_days(a, span_low, span_high):
                try:
                    day = as_day(text)
                except ValueError:
                    continue
                found = owner(candidates, day)
                if found is not None and found.id == a.id:
                    return day
        return as_day(linked) if linked else None

    def skip_of(self, occasion: Occasion) -> SkipRecord | None:
        low, high = occasion.iso_span()
        ahead = self._read(occasion.assignment, low, high)
        if ahead is not None:
            inside = [row for row in ahead.skips if low <= row[2] <= high]
            return SkipRecord(*inside[-1]) if inside else None
        row = self.db.execute(
            f"SELECT {SKIP_COLUMNS} FROM skips s JOIN assignments a ON a.id = s.assignment_id "
            "WHERE s.assignment_id = ? AND s.date BETWEEN ? AND ? ORDER BY s.id DESC LIMIT 1",
            (occasion.assignment.id, low, high),
        ).fetchone()
        return SkipRecord(*row) if row else None

    def settle(self, occasion: Occasion) -> Occasion:
        occasion.done_on = self.done_on(occasion)
        occasion.skip = None if occasion.done_on else self.skip_of(occasion)
        return occasion


def settle(journal: Journal, occasion: Occasion) -> Occasion:
    """Fill in whether the occasion was done (and when) or skipped."""
    return Ledger(journal).settle(occasion)
