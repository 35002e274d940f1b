"""Figures over many entries, for the week, trends and progress: each one indexed
query, its rows handed back plain (those modules make their objects of them).

Every statement reads complete entries only; `private=False` leaves private ones out.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from hwjournal.journal.entry import Entry
    from hwjournal.journal.store import Journal

# Days in a row with a complete entry, ending on :last: an index lookup per day of
# the streak, whatever its length.
STREAK_SQL = """
WITH RECURSIVE run(day) AS (
    SELECT julianday(:last)
    WHERE EXISTS (SELECT 1 FROM entries WHERE status = 'complete' AND date = :last)
    UNION ALL
    SELECT day - 1 FROM run
    WHERE EXISTS (
        SELECT 1 FROM entries WHERE status = 'complete' AND date = date(run.day - 1)
    )
)
SELECT count(*) FROM run
"""
_DAYS_SQL = (
    "SELECT date, count(*), count(mood), total(mood) FROM entries INDEXED BY entries_mood "
    "WHERE status = 'complete' AND date BETWEEN ? AND ? GROUP BY date"
)


def _private(private: bool) -> str:
    return "" if private else " AND private = 0"


def days_in_a_row(journal: Journal, last: str) -> int:
    """How many days, ending on `last`, each hold a complete entry."""
    (days,) = journal.db.execute(STREAK_SQL, {"last": last}).fetchone()
    return days


def first_day(journal: Journal) -> str | None:
    """The day of the earliest complete entry, as stored."""
    row = journal.db.execute("SELECT min(date) FROM entries WHERE status = 'complete'").fetchone()
    return row[0] if row else None


def day_counts(journal: Journal, since: str, until: str) -> Iterable[tuple[str, int, int, float]]:
    """(day, entries, entries with a mood, sum of their moods) for each day with an entry."""
    return journal.db.execute(_DAYS_SQL, (since, until))


def template_scores(
    journal: Journal, template: str, since: str, until: str, private: bool
) -> Iterable[tuple[str, int, Any, str | None]]:
    """(day, entry id, total, band) of the template's scored entries, oldest first."""
    return journal.db.execute(
        "SELECT date, id, json_extract(score, '$.total'), json_extract(score, '$.band') "
        "FROM entries WHERE template = ? AND status = 'complete' AND date BETWEEN ? AND ? "
        "AND score IS NOT NULL" + _private(private) + " ORDER BY date, id",
        (template, since, until),
    )


def scored_before(
    journal: Journal, template: str, before: str, limit: int, private: bool
) -> list[Entry]:
    """The template's last `limit` scored entries before the day `before`, newest first."""
    from hwjournal.journal.entry import COLUMNS, Entry

    rows = journal.db.execute(
        f"SELECT {COLUMNS} FROM entries WHERE template = ? AND status = 'complete' "
        "AND date < ? AND score IS NOT NULL" + _private(private) + " "
        "ORDER BY date DESC, id DESC LIMIT ?",
        (template, before, limit),
    )
    return [Entry.from_row(row) for row in rows]


def holds_scores(journal: Journal, template: str) -> bool:
    """Whether any complete entry of the template has a score (through the small
    index of scored entries)."""
    row = journal.db.execute(
        "SELECT 1 FROM entries INDEXED BY entries_scored WHERE status = 'complete' "
        "AND score IS NOT NULL AND template = ? LIMIT 1",
        (template,),
    ).fetchone()
    return row is not None
