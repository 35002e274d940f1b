"""`hw trends` costs the range asked, never the journal: its queries go through the
two covering indexes of migration 5 (checked in their query plans), and its JSON
loads neither Typer nor Rich. bench/run.py does the timing."""

from __future__ import annotations

import sqlite3

from hwjournal import migrations
from hwjournal.journal import Journal

TREND_INDEXES = {"entries_mood", "entries_scored"}


def indexes(db: sqlite3.Connection) -> set[str]:
    return {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_a_new_journal_has_the_trend_indexes(journal_path):
    Journal.open(str(journal_path)).close()
    with sqlite3.connect(journal_path) as db:
        assert indexes(db) >= TREND_INDEXES


def test_a_journal_from_before_them_gets_them_with_its_entries_kept(journal_path):
    journal_path.parent.mkdir(parents=True)
    db = sqlite3.connect(journal_path, isolation_level=None)
    db.execute("BEGIN")
    for step in migrations.MIGRATIONS[:4]:
        step(db)
    db.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
    db.execute("PRAGMA user_version = 4")
    db.execute(
        "INSERT INTO entries (uid, template, title, date, created_at, updated_at, status, mood,"
        " score) VALUES ('u1', 'phq-9', 'PHQ-9', '2026-11-02', 'x', 'x', 'complete', 3,"
        ' \'{"total": 12, "band": "moderate"}\')'
    )
    db.execute("COMMIT")
    db.close()
    Journal.open(str(journal_path)).close()
    with sqlite3.connect(journal_path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
        assert indexes(db) >= TREND_INDEXES
        found = db.execute(
            "SELECT date, mood FROM entries INDEXED BY entries_mood WHERE status = 'complete' "
            "AND date BETWEEN '2026-11-01' AND '2026-11-30'"
        ).fetchall()
        assert found == [("2026-11-02", 3)]
