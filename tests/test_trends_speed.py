"""`hw trends` costs the range asked, never the journal: its queries go through the
two covering indexes of migration 5 (checked in their query plans), and its JSON
loads neither Typer nor Rich. bench/run.py does the timing."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest

from hwjournal import migrations
from hwjournal.journal import Journal
from test_speed import (  # noqa: F401  (corpus and loaded: the fixtures)
    END,
    corpus,
    full_scans_of_entries,
    loaded,
    probe,
    statements,
)

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


# ---------------------------------------------------------------- the queries


TRENDS_READS = {
    "six months": ["trends", "--until", END, "--json"],
    "thirty years": ["trends", "--since", "1996-01-01", "--until", END, "--json"],
    "one measure": ["trends", "--since", "2016-01-01", "--until", END, "--measure", "phq-9"],
    "the screen": ["trends", "--until", END],
}


@pytest.mark.parametrize("name", sorted(TRENDS_READS))
def test_trends_searches_indexes_and_never_scans_the_entries(loaded, monkeypatch, capsys, name):  # noqa: F811
    seen = statements(monkeypatch, TRENDS_READS[name])
    capsys.readouterr()
    on_entries = [
        sql
        for sql in seen
        if re.match(r"\s*(SELECT|WITH)\b", sql, re.IGNORECASE) and re.search(r"\bentries\b", sql)
    ]
    assert on_entries
    with sqlite3.connect(loaded) as db:
        scans = {sql: found for sql in on_entries if (found := full_scans_of_entries(db, sql))}
        plans = " / ".join(
            row[3] for sql in on_entries for row in db.execute("EXPLAIN QUERY PLAN " + sql)
        )
    assert scans == {}
    # the days and the scores come from the covering indexes of migration 5
    assert "USING INDEX entries_mood" in plans or "USING COVERING INDEX entries_mood" in plans
    assert "entries_scored" in plans


def test_the_days_and_scores_queries_read_nothing_but_their_index(loaded):  # noqa: F811
    from hwjournal.journal import aggregates, scores

    with sqlite3.connect(loaded) as db:
        # the first score of a course of care reads the same index from its day on
        # (private scores left out or not)
        for private in ("", " AND private = 0"):
            first = scores._FIRST_SINCE.format(private=private)
            query = "EXPLAIN QUERY PLAN " + first
            plan = [row[3] for row in db.execute(query, ("a", "b", "c", "$.total"))]
            assert "entries_scored" in plan[0] and "(date>? AND date<?)" in plan[0], plan
            # ids are sorted only within one day (the index is in date order): LIMIT 1
            # stops at the first day that holds a score
            assert all("RIGHT PART OF ORDER BY" in step for step in plan[1:]), plan
        for sql in (aggregates._DAYS_SQL, scores._BETWEEN):
            plan = [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql, ("a", "b"))]
            assert len(plan) == 1 and "(date>? AND date<?)" in plan[0], plan
            # the rows are never visited: every column comes from the index's cursor
            program = db.execute("EXPLAIN " + sql, ("a", "b")).fetchall()
            tables = {
                p1 for _, op, p1, _, _, p4, *_ in program if op == "OpenRead" and p4[:2] != "k("
            }
            reads = [p1 for _, op, p1, *_ in program if op == "Column"]
            assert reads and not set(reads) & tables, sql


def test_trends_json_loads_neither_typer_nor_rich(loaded):  # noqa: F811
    code, out, packages = probe("trends", "--until", END, "--json")
    assert code == 0, out
    assert json.loads(out)["mood"]["by_week"]
    assert packages == set()


def test_the_trends_screen_gets_rich_but_not_typer(loaded):  # noqa: F811
    code, out, packages = probe("trends", "--until", END)
    assert code == 0, out
    assert packages == {"rich"}
