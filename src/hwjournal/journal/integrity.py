"""The journal's health, as `hw check` reports it: is the file whole, readable,
current and private? Every problem comes with what to do about it.

It only reads: an older journal is reported (hw brings it up to date on its next
write), never migrated here.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass, field
from typing import Any

from hwjournal import messages, migrations
from hwjournal.journal import opening
from hwjournal.journal.database import db_errors
from hwjournal.numerals import number

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from hwjournal.journal.database import Unlocker

# Complete entries missing an answer that their own steps snapshot calls required.
MISSING_REQUIRED = """
WITH readable AS MATERIALIZED (
    SELECT id, steps, answers FROM entries
    WHERE status = 'complete' AND json_valid(steps) AND json_valid(answers)
)
SELECT DISTINCT readable.id FROM readable, json_each(readable.steps) AS step
WHERE json_extract(step.value, '$.required') = 1
  AND json_extract(step.value, '$.type') != 'info'
  AND json_type(readable.answers, '$."' || json_extract(step.value, '$.id') || '"') IS NULL
ORDER BY readable.id
"""
BROKEN_JSON = """
SELECT id FROM entries
WHERE NOT (json_valid(answers) AND json_valid(tags) AND json_valid(steps)
           AND (score IS NULL OR json_valid(score))
           AND (alerts IS NULL OR json_valid(alerts))
           AND (pending IS NULL OR json_valid(pending)))
ORDER BY id
"""


@dataclass
class Report:
    path: str
    exists: bool = True
    schema_version: int | None = None
    integrity: list[str] = field(default_factory=list)
    foreign_keys: list[dict[str, Any]] = field(default_factory=list)
    broken_entries: list[int] = field(default_factory=list)
    incomplete_entries: list[int] = field(default_factory=list)
    search_index: str = "ok"
    counts: dict[str, int] = field(default_factory=dict)
    permissions: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    encrypted: bool = False
    problems: list[dict[str, str]] = field(default_factory=list)

    def problem(self, what: str, fix: str) -> None:
        self.problems.append({"problem": what, "fix": fix})

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def current(self) -> bool:
        return self.schema_version == migrations.LATEST

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "exists": self.exists,
            "ok": self.ok,
            "encrypted": self.encrypted,
            "schema_version": self.schema_version,
            "schema_latest": migrations.LATEST,
            "integrity": self.integrity,
            "foreign_keys": self.foreign_keys,
            "broken_entries": self.broken_entries,
            "incomplete_entries": self.incomplete_entries,
            "search_index": self.search_index,
            "counts": self.counts,
            "permissions": self.permissions,
            "notes": self.notes,
            "problems": self.problems,
        }


def inspect(path: str, unlock: Unlocker | None = None, backups: Iterable[str] = ()) -> Report:
    """Check the journal at `path`: its files' permissions (with its automatic
    `backups`), then the database, opened as `unlock` allows."""
    report = Report(path)
    opening.check_path(path)
    if not os.path.exists(path):
        report.exists = False
        return report
    report.encrypted = opening.is_encrypted(path)
    check_permissions(report, backups)
    restore = messages.CHECK_RESTORE.format(path=path)
    db = None
    try:
        # An encrypted journal needs its key: locked, this raises keys.Locked.
        db = opening.connect(path, unlock)
        if report.encrypted and not os.path.exists(path + ".key"):
            report.problem(
                messages.CHECK_NO_KEY_FILE.format(path=path + ".key"),
                messages.CHECK_NO_KEY_FILE_FIX,
            )
        check_database(report, db)
    except db_errors() as exc:
        if "not a database" in str(exc):
            report.problem(messages.CHECK_NOT_A_DATABASE.format(path=path, problem=exc), restore)
        elif "malformed" in str(exc):
            report.problem(messages.CHECK_MALFORMED.format(problem=exc), restore)
        else:
            report.problem(messages.CHECK_UNREADABLE.format(problem=exc), restore)
    finally:
        if db is not None:
            db.close()
    return report


def _mode_of(path: str) -> int | None:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return None


def check_permissions(report: Report, backups: Iterable[str] = ()) -> None:
    """The journal, its WAL files and its automatic backups are the owner's only,
    and so is their folder."""
    path = report.path
    folder = os.path.dirname(os.path.abspath(path))
    files = [path] + [path + s for s in ("-wal", "-shm", "-journal", ".key")]
    files += backups
    for name in files:
        mode = _mode_of(name)
        if mode is None:
            continue
        ok = mode & 0o077 == 0
        report.permissions.append({"path": name, "mode": f"{mode:04o}", "ok": ok})
        if not ok:
            report.problem(
                messages.CHECK_SHARED_FILE.format(path=name, mode=f"{mode:04o}"),
                messages.CHECK_SHARED_FILE_FIX.format(path=name),
            )
    mode = _mode_of(folder)
    if mode is not None:
        ok = mode & 0o077 == 0
        report.permissions.append({"path": folder, "mode": f"{mode:04o}", "ok": ok})
        if not ok:
            report.problem(
                messages.CHECK_SHARED_FOLDER.format(path=folder, mode=f"{mode:04o}"),
                messages.CHECK_SHARED_FOLDER_FIX.format(path=folder),
            )


def check_database(report: Report, db: sqlite3.Connection) -> None:
    path = report.path
    restore = messages.CHECK_RESTORE.format(path=path)
    version, app_id, _ = opening.stamp(db)
    report.schema_version = version
    if not opening.is_hw(app_id):
        report.problem(messages.NOT_A_JOURNAL.format(path=path), messages.CHECK_NOT_A_JOURNAL_FIX)
        return
    if opening.is_newer(version):
        report.problem(
            messages.JOURNAL_NEWER.format(version=version, latest=migrations.LATEST),
            messages.JOURNAL_UPGRADE.format(verb="check"),
        )
        return
    if version < migrations.LATEST:
        report.notes.append(messages.CHECK_OLDER.format(version=version, latest=migrations.LATEST))

    report.integrity = [row[0] for row in db.execute("PRAGMA integrity_check")]
    if report.integrity != ["ok"]:
        report.problem(messages.CHECK_DAMAGED.format(first=report.integrity[0]), restore)
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check"):
        report.foreign_keys.append({"table": table, "rowid": rowid, "parent": parent})
    if report.foreign_keys:
        first = report.foreign_keys[0]
        report.problem(
            messages.CHECK_DANGLING.of(
                len(report.foreign_keys), table=first["table"], rowid=first["rowid"]
            ),
            restore,
        )
    report.broken_entries = [row[0] for row in db.execute(BROKEN_JSON)]
    if report.broken_entries:
        report.problem(
            messages.CHECK_BROKEN.of(len(report.broken_entries), ids=_ids(report.broken_entries)),
            restore,
        )
    report.incomplete_entries = [row[0] for row in db.execute(MISSING_REQUIRED)]
    if report.incomplete_entries:
        report.problem(
            messages.CHECK_INCOMPLETE.of(
                len(report.incomplete_entries), ids=_ids(report.incomplete_entries)
            ),
            messages.CHECK_INCOMPLETE_FIX,
        )
    _check_search_index(report, db)
    report.counts = _counts(db)


def _counts(db: sqlite3.Connection) -> dict[str, int]:
    by_status = dict(db.execute("SELECT status, count(*) FROM entries GROUP BY status").fetchall())
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {
        "entries": by_status.get("complete", 0),
        "drafts": by_status.get("draft", 0),
        # an older journal may not have these tables yet
        "assignments": _count(db, "assignments") if "assignments" in tables else 0,
        "skips": _count(db, "skips") if "skips" in tables else 0,
    }


def _count(db: sqlite3.Connection, table: str) -> int:
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _check_search_index(report: Report, db: sqlite3.Connection) -> None:
    try:
        db.execute("INSERT INTO entries_fts (entries_fts) VALUES ('integrity-check')")
        rows = db.execute("SELECT count(*) FROM entries").fetchone()[0]
        indexed = db.execute("SELECT count(*) FROM entries_fts").fetchone()[0]
        if rows != indexed:
            report.search_index = messages.CHECK_INDEX_COUNTS.of(rows, indexed=number(indexed))
    except db_errors() as exc:
        report.search_index = str(exc)
    if report.search_index != "ok":
        report.problem(
            messages.CHECK_INDEX.format(state=report.search_index),
            messages.CHECK_INDEX_FIX + messages.CHECK_RESTORE.format(path=report.path),
        )


def _ids(ids: list[int]) -> str:
    shown = ", ".join(str(i) for i in ids[:10])
    return shown + (", …" if len(ids) > 10 else "")
