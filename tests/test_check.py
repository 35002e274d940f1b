"""hw check: a healthy journal says so (exit 0); every kind of trouble is named
with what to do about it (exit 1); the check itself changes nothing."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import pytest

import helpers
from helpers import run_hw, snapshot


def add_entries(count: int) -> None:
    for n in range(count):
        result = run_hw("start", "gratitude", "--answer", f"things=thing {n}", "--no-input")
        assert result.code == 0, result.err


def add_draft(journal_path: Path) -> None:
    helpers.add_entry(
        journal_path, "2026-11-25", title="Gratitude", status="draft", answers={"things": ["half"]}
    )


def tamper(journal_path: Path, *statements: str) -> None:
    db = sqlite3.connect(journal_path, isolation_level=None)
    db.execute("PRAGMA foreign_keys = OFF")
    for sql in statements:
        db.execute(sql)
    db.close()


def check() -> tuple[int, dict, str]:
    result = run_hw("check", "--json")
    assert "Traceback" not in result.err
    return result.code, result.json(), result.err


def test_a_healthy_journal_reports_its_counts(journal_path):
    add_entries(3)
    add_draft(journal_path)
    code, report, _ = check()
    assert code == 0
    assert report["ok"] is True
    assert report["counts"] == {"entries": 3, "drafts": 1, "assignments": 0, "skips": 0}
    assert report["integrity"] == ["ok"]
    assert report["foreign_keys"] == [] and report["problems"] == []
    assert report["schema_version"] == report["schema_latest"]
    assert all(p["ok"] for p in report["permissions"])
    assert {p["path"] for p in report["permissions"]} >= {
        str(journal_path),
        str(journal_path.parent),
    }
    screen = run_hw("check")
    assert screen.code == 0
    assert "healthy" in screen.out and "3 entries" in screen.out
    assert re.search(r"\b1 draft\b(?!s)", screen.out)  # one draft, not "1 drafts"


def test_check_changes_nothing(journal_path):
    add_entries(2)
    before = snapshot(journal_path)
    assert run_hw("check").code == 0
    assert snapshot(journal_path) == before


def test_no_journal_yet_is_fine_and_creates_nothing(journal_path):
    result = run_hw("check")
    assert result.code == 0
    assert "nothing to check" in result.out
    assert not journal_path.exists()
    assert run_hw("check", "--json").json()["exists"] is False


@pytest.mark.parametrize(
    ("target", "chmod", "fix"),
    [("file", 0o644, "chmod 600"), ("folder", 0o755, "chmod 700")],
)
def test_files_others_can_read_are_a_problem_with_the_fix(journal_path, target, chmod, fix):
    add_entries(1)
    path = journal_path if target == "file" else journal_path.parent
    os.chmod(path, chmod)
    code, report, _ = check()
    assert code == 1
    assert report["ok"] is False
    assert any(fix in p["fix"] and str(path) in p["fix"] for p in report["problems"])
    screen = run_hw("check")
    assert screen.code == 1
    assert fix in screen.out and "1 problem found" in screen.out


def test_a_backup_others_can_read_is_a_problem_too(journal_path):
    add_entries(1)
    copy = run_hw("backup").out.strip()
    os.chmod(copy, 0o640)
    code, report, _ = check()
    assert code == 1
    assert copy in report["problems"][0]["problem"]


def test_a_damaged_file_is_reported_with_how_to_recover(journal_path):
    add_entries(30)
    db = sqlite3.connect(journal_path)
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    (root,) = db.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'entries_by_template'"
    ).fetchone()
    db.close()
    with open(journal_path, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\x0a" + b"\xff" * (page_size - 1))
    code, report, _ = check()
    assert code == 1
    assert any("damaged" in p["problem"] for p in report["problems"])
    assert any(".recover" in p["fix"] for p in report["problems"])
    screen = run_hw("check")
    assert screen.code == 1 and "damaged" in screen.out


def test_an_entry_with_broken_json_is_named(journal_path):
    add_entries(3)
    # answers cannot be broken this way (the search trigger reads them), steps and tags can
    tamper(
        journal_path,
        "UPDATE entries SET steps = '[{\"id\": ' WHERE id = 2",
        "UPDATE entries SET tags = 'work' WHERE id = 3",
    )
    code, report, _ = check()
    assert code == 1
    assert report["broken_entries"] == [2, 3]
    assert "ids: 2, 3" in report["problems"][0]["problem"]


def test_a_complete_entry_missing_a_required_answer_is_named(journal_path):
    add_entries(2)
    tamper(journal_path, "UPDATE entries SET answers = '{}' WHERE id = 1")
    code, report, _ = check()
    assert code == 1
    assert report["incomplete_entries"] == [1]


def test_a_skip_pointing_at_no_assignment_is_found(journal_path):
    add_entries(1)
    tamper(
        journal_path,
        "INSERT INTO skips (uid, assignment_id, date, barrier, created_at)"
        " VALUES ('s', 99, '2026-11-25', 'time', '2026-11-25T10:00:00+00:00')",
    )
    code, report, _ = check()
    assert code == 1
    assert report["foreign_keys"] == [{"table": "skips", "rowid": 1, "parent": "assignments"}]


def test_a_search_index_out_of_step_is_found(journal_path):
    add_entries(2)
    tamper(journal_path, "DELETE FROM entries_fts WHERE rowid = 1")
    code, report, _ = check()
    assert code == 1
    assert report["search_index"] != "ok"
    assert "search index" in report["problems"][0]["problem"]


def test_a_journal_from_a_newer_hw_is_reported_and_left_alone(journal_path):
    add_entries(1)
    tamper(journal_path, "PRAGMA user_version = 99")
    before = snapshot(journal_path)
    code, report, _ = check()
    assert code == 1
    assert "newer hw" in report["problems"][0]["problem"]
    assert "upgrade" in report["problems"][0]["fix"]
    assert snapshot(journal_path) == before


def test_an_older_journal_is_noted_not_migrated(journal_path):
    from hwjournal import migrations

    journal_path.parent.mkdir(mode=0o700)
    db = sqlite3.connect(journal_path, isolation_level=None)
    os.chmod(journal_path, 0o600)
    migrations.MIGRATIONS[0](db)
    db.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
    db.close()
    code, report, _ = check()
    assert code == 0, report["problems"]
    assert report["schema_version"] == 1
    assert "next time it writes" in report["notes"][0]
    db = sqlite3.connect(journal_path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    db.close()


def test_a_file_that_is_not_a_journal(tmp_path):
    other = tmp_path / "shopping.txt"
    other.write_text("milk, eggs\n" * 50)
    result = run_hw("--journal", str(other), "check", "--json")
    assert result.code == 1
    assert result.json()["problems"]
    assert other.read_text() == "milk, eggs\n" * 50
    other_db = tmp_path / "other.db"
    sqlite3.connect(other_db).execute("CREATE TABLE t (x)").connection.close()
    found = run_hw("--journal", str(other_db), "check", "--json").json()
    assert any("not an hw journal" in p["problem"] for p in found["problems"])
