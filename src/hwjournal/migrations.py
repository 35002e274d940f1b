"""The journal's schema, as an ordered list of small steps on PRAGMA user_version.

Each migration runs once, inside the transaction that bumps user_version, so a
journal is always at a whole version. Append new steps; never edit old ones.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable

APPLICATION_ID = 0x68776A6C  # "hwjl": marks a SQLite file as an hw journal

# The text full-text search sees: every answer, plus half-typed draft text.
FTS_BODY = (
    "(SELECT group_concat(value, char(10)) FROM json_each({row}.answers))"
    " || char(10) || coalesce(json_extract({row}.pending, '$.text'), '')"
)


def _script(db: sqlite3.Connection, sql: str) -> None:
    """Run several statements inside the caller's transaction (executescript would
    commit it first)."""
    from sqlite3 import complete_statement  # not loaded for an encrypted journal's reads

    statement = ""
    for line in sql.splitlines(keepends=True):
        statement += line
        if complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL in a migration: {statement!r}")


def _v1_entries(db: sqlite3.Connection) -> None:
    _script(
        db,
        f"""
        CREATE TABLE entries (
            id               INTEGER PRIMARY KEY,
            uid              TEXT NOT NULL UNIQUE,
            template         TEXT NOT NULL,
            template_version INTEGER NOT NULL DEFAULT 1,
            title            TEXT NOT NULL,
            date             TEXT NOT NULL,            -- YYYY-MM-DD the entry is for
            created_at       TEXT NOT NULL,            -- ISO 8601 with offset
            updated_at       TEXT NOT NULL,
            status           TEXT NOT NULL CHECK (status IN ('draft', 'complete')),
            private          INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
            tags             TEXT NOT NULL DEFAULT '[]',  -- JSON array
            mood             INTEGER CHECK (mood BETWEEN 1 AND 5),
            assignment_id    INTEGER,
            answers          TEXT NOT NULL DEFAULT '{{}}', -- JSON object, in step order
            steps            TEXT NOT NULL DEFAULT '[]',  -- snapshot of the steps it was made with
            score            TEXT,                        -- JSON {{"total", "band"}}
            alerts           TEXT,                        -- JSON array of step ids
            pending          TEXT                         -- drafts: JSON {{"next", "step", "text"}}
        );
        CREATE INDEX entries_by_status_date ON entries (status, date, id);
        CREATE INDEX entries_by_template ON entries (template, status, date);

        CREATE VIRTUAL TABLE entries_fts
            USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
        CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
            INSERT INTO entries_fts (rowid, body) VALUES (new.id, {FTS_BODY.format(row="new")});
        END;
        CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
            DELETE FROM entries_fts WHERE rowid = old.id;
        END;
        CREATE TRIGGER entries_fts_update AFTER UPDATE OF answers, pending ON entries BEGIN
            DELETE FROM entries_fts WHERE rowid = old.id;
            INSERT INTO entries_fts (rowid, body) VALUES (new.id, {FTS_BODY.format(row="new")});
        END;
        """,
    )


def _v2_assignments(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        CREATE TABLE assignments (
            id         INTEGER PRIMARY KEY,
            uid        TEXT NOT NULL UNIQUE,
            template   TEXT NOT NULL,
            schedule   TEXT NOT NULL CHECK (schedule IN ('daily', 'weekly', 'days', 'once')),
            days       TEXT NOT NULL DEFAULT '[]',   -- JSON array of mon..sun, for 'days'
            start      TEXT NOT NULL,                -- YYYY-MM-DD
            until      TEXT,                         -- YYYY-MM-DD, inclusive; NULL: until ended
            ended      TEXT,                         -- YYYY-MM-DD from which nothing is due
            note       TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE INDEX assignments_by_template ON assignments (template, start);

        CREATE TABLE skips (
            id            INTEGER PRIMARY KEY,
            uid           TEXT NOT NULL UNIQUE,
            assignment_id INTEGER NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
            date          TEXT NOT NULL,             -- the occasion's day
            barrier       TEXT NOT NULL,
            reason        TEXT NOT NULL DEFAULT '',
            created_at    TEXT NOT NULL
        );
        CREATE INDEX skips_by_assignment_date ON skips (assignment_id, date);
        CREATE INDEX skips_by_date ON skips (date);
        CREATE INDEX entries_by_assignment ON entries (assignment_id, date);
        """,
    )


def _v3_assignment_titles(db: sqlite3.Connection) -> None:
    # The template's title when it was assigned, so `hw due` names the homework
    # without parsing template files, and still can after a template is removed.
    db.execute("ALTER TABLE assignments ADD COLUMN title TEXT NOT NULL DEFAULT ''")


def _v4_unlinked_entries(db: sqlite3.Connection) -> None:
    # Complete entries that no assignment claimed (made before one was set, or
    # imported) still count toward homework; this small partial index finds them by
    # template and date without walking the entries that were linked.
    db.execute(
        "CREATE INDEX entries_unlinked ON entries (template, date) "
        "WHERE assignment_id IS NULL AND status = 'complete'"
    )


def _v5_trend_indexes(db: sqlite3.Connection) -> None:
    # `hw trends` reads a day's entries and mood, and the screening scores, over years:
    # these two small covering indexes answer it from the index alone, so ten years
    # cost a few milliseconds instead of reading every entry's row (answers and all).
    db.execute("CREATE INDEX entries_mood ON entries (date, mood) WHERE status = 'complete'")
    db.execute(
        "CREATE INDEX entries_scored ON entries (date, template, score) "
        "WHERE status = 'complete' AND score IS NOT NULL"
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1_entries,
    _v2_assignments,
    _v3_assignment_titles,
    _v4_unlinked_entries,
    _v5_trend_indexes,
]
LATEST = len(MIGRATIONS)


def migrate(db: sqlite3.Connection) -> int:
    """Bring the journal to LATEST. Each step commits with its version number.
    Returns the version the journal had before."""
    db.execute("BEGIN IMMEDIATE")
    try:
        before = db.execute("PRAGMA user_version").fetchone()[0]
        for version in range(before + 1, LATEST + 1):
            MIGRATIONS[version - 1](db)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {LATEST}")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:  # a disk error may have rolled it back already
            db.execute("ROLLBACK")
        raise
    return before
