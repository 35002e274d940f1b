"""The journal file: schema and migrations, refusing what is not ours, owner-only
permissions, and secure delete."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from helpers import journal_bytes
from hwjournal import migrations
from hwjournal.errors import JournalError
from hwjournal.journal import Entry, Journal, new_uid


def columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}


def names(db: sqlite3.Connection, kind: str) -> set[str]:
    return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))}


def test_a_fresh_journal_gets_the_whole_schema(journal_path):
    Journal.open(str(journal_path)).close()
    db = sqlite3.connect(journal_path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert db.execute("PRAGMA application_id").fetchone()[0] == migrations.APPLICATION_ID
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert {
        "id",
        "uid",
        "template",
        "template_version",
        "date",
        "created_at",
        "status",
        "private",
        "tags",
        "mood",
        "answers",
        "steps",
        "pending",
    } <= columns(db, "entries")
    assert {"entries", "entries_fts", "assignments", "skips"} <= names(db, "table")
    assert {
        "entries_by_status_date",
        "entries_by_template",
        "skips_by_assignment_date",
        "entries_by_assignment",
    } <= names(db, "index")
    assert {"entries_fts_insert", "entries_fts_delete", "entries_fts_update"} <= names(
        db, "trigger"
    )


def test_a_version_1_journal_upgrades_with_nothing_lost(journal_path, hw):
    journal_path.parent.mkdir(parents=True)
    db = sqlite3.connect(journal_path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("BEGIN")
    migrations.MIGRATIONS[0](db)
    db.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
    db.execute("COMMIT")
    db.execute(
        "INSERT INTO entries (uid, template, title, date, created_at, updated_at, status, "
        "answers, steps) VALUES ('u1', 'gratitude', 'Gratitude', '2025-01-02', "
        "'2025-01-02T10:00:00+00:00', '2025-01-02T10:00:00+00:00', 'complete', "
        '\'{"things": ["old words"]}\', \'[{"id": "things", "type": "list", '
        '"prompt": "Three things"}]\')'
    )
    db.close()

    shown = hw("show", "1", "--json")
    assert shown.code == 0, shown.err
    assert shown.json()["answers"] == {"things": ["old words"]}
    db = sqlite3.connect(journal_path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert "assignments" in names(db, "table")
    assert hw("log", "--search", "old", "--json").json()[0]["uid"] == "u1"


def test_a_journal_from_a_newer_hw_is_refused_untouched(journal_path, hw):
    hw("start", "gratitude", "--answer", "things=x")
    db = sqlite3.connect(journal_path)
    db.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    db.close()
    before = journal_path.read_bytes()
    result = hw("log")
    assert result.code == 1
    assert "newer hw" in result.err
    assert "Traceback" not in result.err
    assert journal_path.read_bytes() == before
    assert hw("start", "gratitude", "--answer", "things=y").code == 1
    assert journal_path.read_bytes() == before


@pytest.mark.parametrize("content", [b"dear diary, not a database\n" * 10, b""])
def test_a_file_that_is_not_a_journal_is_reported_never_replaced(tmp_path, hw, content):
    other = tmp_path / "notes.txt"
    other.write_bytes(content)
    if not content:  # an empty file is where a new journal may start
        assert hw("--journal", str(other), "log").code == 0
        return
    result = hw("--journal", str(other), "start", "gratitude", "--answer", "things=x")
    assert result.code == 1
    assert "not an hw journal" in result.err
    assert other.read_bytes() == content


def test_another_programs_database_is_not_taken_over(tmp_path, hw):
    other = tmp_path / "other.db"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE recipes (name TEXT)")
    db.commit()
    db.close()
    before = other.read_bytes()
    result = hw("--journal", str(other), "start", "gratitude", "--answer", "things=x")
    assert result.code == 1
    assert "not an hw journal" in result.err
    assert other.read_bytes() == before


def test_journal_and_folder_are_readable_by_the_owner_only(hw, hw_home, journal_path):
    os.umask(0o022)
    assert hw("start", "gratitude", "--answer", "things=x").code == 0
    assert stat.S_IMODE(hw_home.stat().st_mode) == 0o700
    for path in hw_home.glob("journal.db*"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_reading_never_creates_a_journal(hw, journal_path):
    assert hw("log", "--json").json() == []
    assert hw("log").code == 0
    assert not journal_path.exists()
    assert not journal_path.parent.exists()


def test_journal_location_precedence(tmp_path, hw, hw_home):
    flag, env = tmp_path / "flag.db", tmp_path / "env.db"
    hw("--journal", str(flag), "start", "gratitude", "--answer", "things=x")
    hw("start", "gratitude", "--answer", "things=y", env={"HW_JOURNAL": str(env)})
    hw(
        "--journal",
        str(flag),
        "start",
        "gratitude",
        "--answer",
        "things=z",
        env={"HW_JOURNAL": str(env)},
    )
    hw("start", "gratitude", "--answer", "things=home")
    assert len(hw("--journal", str(flag), "log", "--json").json()) == 2
    assert len(hw("log", "--json", env={"HW_JOURNAL": str(env)}).json()) == 1
    assert (hw_home / "journal.db").exists()


def test_default_locations_match_platformdirs(monkeypatch):
    import platformdirs

    from hwjournal import paths

    monkeypatch.delenv("HW_HOME")
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(var, raising=False)
    assert paths.user_data_dir() == platformdirs.user_data_dir("hwjournal")
    assert paths.user_config_dir() == platformdirs.user_config_dir("hwjournal")
    monkeypatch.setenv("XDG_DATA_HOME", "/tmp/xdg-data")
    assert paths.user_data_dir() == platformdirs.user_data_dir("hwjournal")
    assert paths.journal_path() == os.path.join(
        platformdirs.user_data_dir("hwjournal"), "journal.db"
    )


def test_deleted_text_is_in_no_journal_file(hw, journal_path):
    secret = "Zanzibarquokka"
    hw("start", "gratitude", "--answer", "things=ordinary words")
    made = hw(
        "start",
        "gratitude",
        "--answer",
        f"things={secret} and more",
        "--answer",
        f"reflection=I told {secret} everything",
    )
    assert made.code == 0, made.err
    for n in range(30):  # enough writes that the text sits in several WAL frames and pages
        hw("start", "gratitude", "--answer", f"things=filler {n}")
    assert secret.lower().encode() in journal_bytes(journal_path).lower()
    assert len(hw("log", "--search", secret, "--json").json()) == 1

    result = hw("delete", made.out.strip(), "--yes")
    assert result.code == 0
    assert "Backups made before now still hold it" in result.err
    data = journal_bytes(journal_path).lower()
    assert secret.lower().encode() not in data
    assert hw("log", "--search", secret, "--json").json() == []
    assert len(hw("log", "-n", "0", "--json").json()) == 31
    assert sqlite3.connect(journal_path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_newer_version_check_happens_before_anything_is_written(journal_path):
    Journal.open(str(journal_path)).close()
    db = sqlite3.connect(journal_path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    before = Path(journal_path).read_bytes()
    with pytest.raises(JournalError):
        Journal.open(str(journal_path))
    assert Path(journal_path).read_bytes() == before


def test_a_journal_path_that_cannot_be_made_is_explained(hw, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = hw(
        "--journal",
        str(blocker / "sub" / "journal.db"),
        "start",
        "gratitude",
        "--answer",
        "things=x",
    )
    assert result.code == 1
    assert result.out == ""
    assert "Cannot create the journal" in result.err
    assert "did not expect" not in result.err


# ---------------------------------------------------------------- one list of fields


def test_the_entry_fields_are_the_table_columns_and_the_constructor(journal_path):
    """The one list of entry fields, the entries table and Entry() must agree: a
    column added to one and not the others would be silently dropped."""
    import inspect

    from hwjournal.journal.entry import FIELDS

    names = [name for name, _, _ in FIELDS]
    Journal.open(str(journal_path)).close()
    db = sqlite3.connect(journal_path)
    table = [row[1] for row in db.execute("PRAGMA table_info(entries)")]
    assert sorted(names) == sorted(table)
    assert sorted(inspect.signature(Entry).parameters) == sorted(names)


def test_an_entry_reads_back_as_it_was_written(journal_path):
    """Every field goes through its column and back unchanged (JSON, flags, NULLs)."""
    journal = Journal.open(str(journal_path))
    full = Entry(
        None,
        new_uid(),
        "gratitude",
        "Gratitude",
        "2026-11-20",
        "2026-11-21T09:00:00+01:00",
        status="draft",
        template_version=3,
        private=True,
        tags=["work", "évening"],
        mood=4,
        answers={"things": ["tea", "a walk"], "closer": "ok"},
        steps=[{"id": "things", "type": "list", "prompt": "What?"}],
        score={"total": 5, "band": None},
        alerts=["things"],
        pending={"next": 1, "step": "closer", "text": "half"},
    )
    bare = Entry(None, new_uid(), "journal", "Journal", "2026-11-20", "2026-11-20T09:00:00+00:00")
    for entry in (full, bare):
        journal.add(entry)
        assert journal.get(entry.id) == entry
    assert bare.updated_at == bare.created_at  # never stored before: made when created
    assert full.to_json(with_steps=True) == journal.get(full.id).to_json(with_steps=True)
    assert list(bare.to_json()) == [
        "id",
        "uid",
        "template",
        "template_version",
        "title",
        "date",
        "created_at",
        "status",
        "private",
        "tags",
        "mood",
        "assignment_id",
        "answers",
    ]
    assert list(full.to_json(with_steps=True))[-3:] == ["score", "alerts", "steps"]
    journal.close()
