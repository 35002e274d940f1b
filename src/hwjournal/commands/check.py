"""hw check: is the journal whole, readable, current and private?

It only reads: an older journal is reported (hw brings it up to date on its next
write), never migrated here. Every problem comes with what to do about it.
"""

import os
import sqlite3
import stat
import sys
from dataclasses import dataclass, field
from typing import Any

from hwjournal import backup, messages, migrations
from hwjournal.context import Context, print_json

BUSY_TIMEOUT_S = 30.0
RESTORE = (
    "Keep a copy of the file as it is (cp '{path}' '{path}.damaged'), then restore your "
    "newest backup, or recover what can be read with: sqlite3 '{path}' .recover"
)

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
    problems: list[dict[str, str]] = field(default_factory=list)

    def problem(self, what: str, fix: str) -> None:
        self.problems.append({"problem": what, "fix": fix})

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "exists": self.exists,
            "ok": self.ok,
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


def _mode_of(path: str) -> int | None:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return None


def check_permissions(report: Report) -> None:
    path = report.path
    folder = os.path.dirname(os.path.abspath(path))
    files = [path] + [path + s for s in ("-wal", "-shm", "-journal")]
    files += backup.automatic_backups(path)
    for name in files:
        mode = _mode_of(name)
        if mode is None:
            continue
        ok = mode & 0o077 == 0
        report.permissions.append({"path": name, "mode": f"{mode:04o}", "ok": ok})
        if not ok:
            report.problem(
                f"{name} can be read by other people on this computer (mode {mode:04o}).",
                f"Make it yours only: chmod 600 '{name}'",
            )
    mode = _mode_of(folder)
    if mode is not None:
        ok = mode & 0o077 == 0
        report.permissions.append({"path": folder, "mode": f"{mode:04o}", "ok": ok})
        if not ok:
            report.problem(
                f"The folder {folder} can be opened by other people (mode {mode:04o}).",
                f"Make it yours only: chmod 700 '{folder}'",
            )


def check_database(report: Report, db: sqlite3.Connection) -> None:
    path = report.path
    restore = RESTORE.format(path=path)
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    report.schema_version = version
    if app_id != migrations.APPLICATION_ID:
        report.problem(
            f"{path} is not an hw journal.", "Point --journal or HW_JOURNAL at your journal file."
        )
        return
    if version > migrations.LATEST:
        report.problem(
            f"This journal was written by a newer hw (schema {version}; this hw knows up to "
            f"{migrations.LATEST}).",
            "Upgrade hw to check it: pip install --upgrade hwjournal",
        )
        return
    if version < migrations.LATEST:
        report.notes.append(
            f"Schema {version}: hw brings it up to {migrations.LATEST} the next time it writes."
        )

    report.integrity = [row[0] for row in db.execute("PRAGMA integrity_check")]
    if report.integrity != ["ok"]:
        report.problem("SQLite finds the journal file damaged: " + report.integrity[0], restore)
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check"):
        report.foreign_keys.append({"table": table, "rowid": rowid, "parent": parent})
    if report.foreign_keys:
        report.problem(
            f"{len(report.foreign_keys)} records point at something that is not there "
            f"(first: {report.foreign_keys[0]['table']} {report.foreign_keys[0]['rowid']}).",
            restore,
        )
    report.broken_entries = [row[0] for row in db.execute(BROKEN_JSON)]
    if report.broken_entries:
        report.problem(
            f"{len(report.broken_entries)} entries cannot be read (ids: "
            f"{_ids(report.broken_entries)}).",
            restore,
        )
    report.incomplete_entries = [row[0] for row in db.execute(MISSING_REQUIRED)]
    if report.incomplete_entries:
        report.problem(
            f"{len(report.incomplete_entries)} complete entries lack a required answer (ids: "
            f"{_ids(report.incomplete_entries)}).",
            "Read them with hw show ID; nothing is lost by keeping them.",
        )
    _check_search_index(report, db)
    counts = dict(db.execute("SELECT status, count(*) FROM entries GROUP BY status").fetchall())
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    report.counts = {
        "entries": counts.get("complete", 0),
        "drafts": counts.get("draft", 0),
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
            report.search_index = f"{indexed} indexed for {rows} entries"
    except sqlite3.DatabaseError as exc:
        report.search_index = str(exc)
    if report.search_index != "ok":
        report.problem(
            f"The search index is out of step with the entries ({report.search_index}).",
            "Search may miss entries; your entries themselves are unaffected. "
            + RESTORE.format(path=report.path),
        )


def _ids(ids: list[int]) -> str:
    shown = ", ".join(str(i) for i in ids[:10])
    return shown + (", …" if len(ids) > 10 else "")


def inspect(path: str) -> Report:
    report = Report(path)
    if not os.path.exists(path):
        report.exists = False
        return report
    check_permissions(report)
    db = None
    try:
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        check_database(report, db)
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc):
            report.problem(
                f"{path} is not a journal file, or its start is damaged ({exc}).",
                RESTORE.format(path=path),
            )
        elif "malformed" in str(exc):
            report.problem(f"The journal file is damaged ({exc}).", RESTORE.format(path=path))
        else:
            report.problem(f"The journal could not be read: {exc}.", RESTORE.format(path=path))
    finally:
        if db is not None:
            db.close()
    return report


def _show(report: Report) -> None:
    from hwjournal import display

    out = display.console()
    out.print("[hw.label]Journal[/]  ", display.text(report.path), sep="")
    if report.schema_version is not None:
        current = "current" if report.schema_version == migrations.LATEST else "older"
        out.print(f"[hw.label]Schema[/]   {report.schema_version} ({current})")
    if report.counts:
        c = report.counts
        out.print(
            f"[hw.label]Holds[/]    {c['entries']:,} entries · {c['drafts']:,} drafts · "
            f"{c['assignments']:,} assignments · {c['skips']:,} skips"
        )
    for note in report.notes:
        out.print(display.text(note, "hw.note"))
    if report.integrity == ["ok"]:
        out.print("[hw.ok]✓[/] the file is whole (integrity check)")
    if report.counts and not report.foreign_keys:
        out.print("[hw.ok]✓[/] every skip and entry points at what it should")
    if report.counts and not report.broken_entries and not report.incomplete_entries:
        out.print("[hw.ok]✓[/] every entry reads back complete")
    if report.counts and report.search_index == "ok":
        out.print("[hw.ok]✓[/] the search index is in step")
    if report.permissions and all(p["ok"] for p in report.permissions):
        out.print("[hw.ok]✓[/] readable by you only")
    for found in report.problems:
        out.print("[hw.warn]✗[/] ", display.text(found["problem"]), sep="")
        out.print("  ", display.text(found["fix"], "hw.label"), sep="")
    if report.ok:
        out.print(messages.CHECK_OK)
    else:
        count = len(report.problems)
        out.print(
            messages.CHECK_PROBLEMS.format(
                count=count, problems="problem" if count == 1 else "problems"
            )
        )


def run_check(ctx: Context, *, json: bool) -> int:
    report = inspect(ctx.journal_path)
    if json:
        print_json(report.to_json())
    elif not report.exists:
        sys.stdout.write(messages.CHECK_NO_JOURNAL.format(path=report.path) + "\n")
    else:
        _show(report)
    return 0 if report.ok else 1
