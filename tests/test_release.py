"""A release people can install: one version, a changelog that names it, and a
journal made by hw 0.1.0 that opens in this one with nothing lost.

The wheel itself, installed alone in a fresh virtual environment, is checked by
scripts/check_wheel.py (CI runs it after the tests)."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import tomllib
from pathlib import Path

import hwjournal
from helpers import DATA, REPO
from hwjournal import migrations

# Made by hw 0.1.0 itself (commit be017c2): scripts/demo.py of that version under
# faketime 2026-11-25, then a tagged reframe log (14), a private tagged gratitude
# entry (15) and a thought record left as a draft with Ctrl-C (13). Schema version 4.
OLD_JOURNAL = DATA / "journal-0.1.0.db"
OLD_TABLES = ("entries", "assignments", "skips")


def rows(path: Path) -> dict[str, list[dict]]:
    """Every row of the tables 0.1.0 had, in the columns 0.1.0 had."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        old = sqlite3.connect(f"file:{OLD_JOURNAL}?mode=ro&immutable=1", uri=True)
        found = {}
        for table in OLD_TABLES:
            cols = [r[1] for r in old.execute(f"PRAGMA table_info({table})")]
            query = f"SELECT {', '.join(cols)} FROM {table} ORDER BY id"
            found[table] = [dict(zip(cols, row, strict=True)) for row in db.execute(query)]
        old.close()
        return found
    finally:
        db.close()


def test_the_version_is_written_once_and_the_changelog_names_it(hw):
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["hatch"]["version"]["path"] == "src/hwjournal/__init__.py"
    assert hwjournal.__version__ == "0.2.0"
    assert hw("--version").out.strip() == f"hw {hwjournal.__version__}"
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", changelog, re.M)
    assert released[:2] == [hwjournal.__version__, "0.1.0"]
    assert "## [Unreleased]" in changelog


def test_a_0_1_0_journal_opens_with_nothing_lost(hw, journal_path):
    journal_path.parent.mkdir(mode=0o700, parents=True)
    shutil.copyfile(OLD_JOURNAL, journal_path)
    journal_path.chmod(0o600)
    before = rows(journal_path)
    assert sqlite3.connect(OLD_JOURNAL).execute("PRAGMA user_version").fetchone()[0] == 4
    assert [len(before[t]) for t in OLD_TABLES] == [15, 3, 2]

    listed = hw("log", "--json", "--drafts", "-n", "0")
    assert listed.code == 0, listed.err
    by_id = {e["id"]: e for e in listed.json()}
    assert sorted(by_id) == list(range(1, 16))
    for row in before["entries"]:
        entry = by_id[row["id"]]
        assert entry["answers"] == json.loads(row["answers"]), row["id"]
        assert entry["tags"] == json.loads(row["tags"])
        for field in ("uid", "template", "title", "date", "created_at", "status", "mood"):
            assert entry[field] == row[field]
    assert by_id[14]["tags"] == ["work", "meetings"]
    assert by_id[13]["status"] == "draft"
    assert by_id[13]["answers"] == {"situation": "Waiting for the test results"}

    # the search index, the plans and the checks all carry on from the old file
    found = hw("log", "--json", "--search", "laugh")
    assert [e["id"] for e in found.json()] == [14]
    assignments = hw("assignments", "--json", "--all")
    assert sorted(a["template"] for a in assignments.json()) == [
        "mood-checkin",
        "phq-9",
        "reframe-log",
    ]
    check = hw("check", "--json")
    assert check.code == 0, check.out + check.err
    assert check.json()["schema_version"] == migrations.LATEST

    assert rows(journal_path) == before
    db = sqlite3.connect(journal_path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    db.close()
