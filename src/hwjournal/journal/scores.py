"""The screening scores a journal holds, read through the small covering index of
scored entries (migration 5: date, template, score), so that reading them costs
what the range asked holds, never the whole journal."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from hwjournal.journal.store import Journal

_BETWEEN = (
    "SELECT template, date, id, score FROM entries INDEXED BY entries_scored "
    "WHERE status = 'complete' AND score IS NOT NULL AND date BETWEEN ? AND ?"
)
# The first score of a template on or after a day (and up to another, when given)
# that has the part asked for (the total, or one scale): the index is in date order,
# so this reads from that day on only as far as the first match.
_FIRST_SINCE = (
    "SELECT date, id, score FROM entries INDEXED BY entries_scored "
    "WHERE status = 'complete' AND score IS NOT NULL AND date >= ? AND date <= ? "
    "AND template = ? AND json_extract(score, ?) IS NOT NULL{private} "
    "ORDER BY date, id LIMIT 1"
)
# Past any date an entry can hold: "no last day".
_NO_END = "9999-99-99"


def between(
    journal: Journal, since: str, until: str, only: str | None = None, private: bool = True
) -> Iterator[tuple[str, str, int, dict[str, Any]]]:
    """(template, date, entry id, score) for every complete scored entry in the
    range, oldest first (by date, then id); private entries' only when `private`."""
    from hwjournal import jsontext

    sql, params = _BETWEEN, [since, until]
    if only is not None:
        sql += " AND template = ?"
        params.append(only)
    if not private:
        sql += " AND private = 0"
    for template, day, entry_id, text in journal.db.execute(sql + " ORDER BY date, id", params):
        try:
            score = jsontext.loads(text)
        except (TypeError, ValueError):
            continue
        if isinstance(score, dict):
            yield template, day, entry_id, score


def first_since(
    journal: Journal,
    template: str,
    since: str,
    scale: str | None,
    until: str | None = None,
    private: bool = True,
) -> tuple[str, int, dict[str, Any]] | None:
    """(date, entry id, score) of the template's first score on or after `since` (and
    on or before `until`, when given) that has its total (scale None) or that scale;
    private entries' only when `private`."""
    from hwjournal import jsontext

    path = "$.total" if scale is None else f'$.scales."{scale}".score'
    sql = _FIRST_SINCE.format(private="" if private else " AND private = 0")
    row = journal.db.execute(sql, (since, until or _NO_END, template, path)).fetchone()
    if row is None:
        return None
    return row[0], row[1], jsontext.loads(row[2])


def last_title(journal: Journal, template: str) -> str | None:
    """The title the template's newest complete entry was made with."""
    row = journal.db.execute(
        "SELECT title FROM entries WHERE template = ? AND status = 'complete' "
        "ORDER BY date DESC LIMIT 1",
        (template,),
    ).fetchone()
    return row[0] if row else None
