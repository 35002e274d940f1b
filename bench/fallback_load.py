"""FALLBACK ONLY: load a generate.py journal straight into SQLite, for when `hw import`
is not available (it is being built at the same time as this benchmark).

bench/run.py uses `hw import FILE --format hw-json` whenever that works, and labels
its table when it had to load the journal this way instead. This loader is not
`hw import`: it trusts its input (the files generate.py writes, one record a line),
does no matching by uid and no validation, and only fills a new, empty journal.
It writes through hwjournal.journal.Journal, in one transaction.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from typing import Any

from hwjournal.journal import Entry, Journal
from hwjournal.journal.entry import STORED
from hwjournal.templates import catalog

ASSIGNMENT_COLUMNS = ("id", "uid", "template", "schedule", "days", "start", "until", "ended")
ASSIGNMENT_COLUMNS += ("note", "created_at")
SKIP_COLUMNS = ("uid", "assignment_id", "date", "barrier", "reason", "created_at")


def _records(path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(section, record) for each line of a generate.py file, without reading it whole."""
    section = ""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            for name in ("entries", "assignments", "skips"):
                if line.endswith(f'"{name}": ['):
                    section = name
                    break
            else:
                record = line.rstrip(",")
                if record.startswith("{"):
                    yield section, json.loads(record)


def _entry(data: dict[str, Any]) -> Entry:
    return Entry(
        id=None,
        uid=data["uid"],
        template=data["template"],
        title=data["title"],
        date=data["date"],
        created_at=data["created_at"],
        updated_at=data.get("updated_at") or data["created_at"],
        status=data["status"],
        template_version=data["template_version"],
        private=data["private"],
        tags=data["tags"],
        mood=data["mood"],
        assignment_id=data["assignment_id"],
        answers=data["answers"],
        steps=data.get("steps", []),
        score=data.get("score"),
        alerts=data.get("alerts"),
    )


def load(source: str, journal_path: str) -> dict[str, int]:
    """Fill a new journal at journal_path from a generate.py file. Ids are kept as they
    are in the file (the journal starts empty)."""
    if os.path.exists(journal_path):
        raise SystemExit(f"{journal_path} exists; the fallback loader only fills a new journal")
    journal = Journal.open(journal_path, create=True)
    counts = {"entries": 0, "assignments": 0, "skips": 0}
    entry_sql = assignment_sql = skip_sql = ""
    columns: tuple[str, ...] = ()
    try:
        with journal.transaction() as db, journal.search_index_deferred():
            for section, data in _records(source):
                if section == "entries":
                    entry_sql = entry_sql or _insert("entries", STORED)
                    db.execute(entry_sql, _entry(data).to_row())
                elif section == "assignments":
                    if not assignment_sql:
                        columns = _assignment_columns(db)
                        assignment_sql = _insert("assignments", columns)
                    row = dict(data, days=json.dumps(data["days"]))
                    row.setdefault("title", _title(row["template"]))
                    db.execute(assignment_sql, [row[c] for c in columns])
                elif section == "skips":
                    skip_sql = skip_sql or _insert("skips", SKIP_COLUMNS)
                    db.execute(skip_sql, [data[c] for c in SKIP_COLUMNS])
                else:
                    continue
                counts[section] += 1
    finally:
        journal.close()
    return counts


def _assignment_columns(db: Any) -> tuple[str, ...]:
    """The file's assignment keys, plus the template's title where the schema keeps it."""
    have = {row[1] for row in db.execute("PRAGMA table_info(assignments)")}
    return ASSIGNMENT_COLUMNS + (("title",) if "title" in have else ())


_TITLES: dict[str, str] = {}


def _title(template_id: str) -> str:
    if not _TITLES:
        _TITLES.update({t.id: t.title for t in catalog().templates.values()})
    return _TITLES.get(template_id, template_id)


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python bench/fallback_load.py JOURNAL.json NEW_JOURNAL.db")
    print(load(sys.argv[1], sys.argv[2]))
