"""hw backup: a whole, private copy of the journal, even while another hw writes;
the automatic dated copies are kept to backup_keep."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

from helpers import run_hw, snapshot

DATED = re.compile(r"^journal-\d{8}-\d{6}(-\d+)?\.db$")


def add_entries(count: int, word: str = "entry") -> None:
    for n in range(count):
        result = run_hw("start", "gratitude", "--answer", f"things={word} {n}", "--no-input")
        assert result.code == 0, result.err


def mode(path: Path | str) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def texts_in(path: Path | str) -> list[str]:
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [
            row[0]
            for row in db.execute(
                "SELECT json_extract(answers, '$.things[0]') FROM entries ORDER BY id"
            )
        ]
    finally:
        db.close()


def test_a_dated_private_copy_next_to_the_journal(journal_path):
    add_entries(3)
    result = run_hw("backup")
    assert result.code == 0, result.err
    copy = Path(result.out.strip())
    assert copy.parent == journal_path.parent
    assert DATED.match(copy.name)
    assert mode(copy) == 0o600
    assert texts_in(copy) == ["entry 0", "entry 1", "entry 2"]
    assert "3 entries" in result.err and "readable by you only" in result.err
    db = sqlite3.connect(copy)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    db.close()
    assert not [p for p in journal_path.parent.iterdir() if p.name.endswith(".partial")]


def test_a_copy_to_a_named_file_or_folder(tmp_path, journal_path):
    add_entries(1)
    target = tmp_path / "safe" / "mine.db"
    target.parent.mkdir()
    result = run_hw("backup", str(target), "--json")
    assert result.code == 0, result.err
    report = result.json()
    assert report["path"] == str(target)
    assert report["entries"] == 1 and report["bytes"] == target.stat().st_size
    assert mode(target) == 0o600
    folder = tmp_path / "usb"
    folder.mkdir()
    in_folder = Path(run_hw("backup", str(folder)).out.strip())
    assert in_folder.parent == folder and DATED.match(in_folder.name)
    assert texts_in(in_folder) == ["entry 0"]


def test_an_existing_file_is_never_overwritten(tmp_path, journal_path):
    add_entries(1)
    target = tmp_path / "taken.db"
    target.write_text("precious")
    result = run_hw("backup", str(target))
    assert result.code == 2
    assert "already exists" in result.err
    assert result.out == ""
    assert target.read_text() == "precious"
    over_itself = run_hw("backup", str(journal_path))
    assert over_itself.code == 2


def test_a_folder_that_does_not_exist_is_a_usage_error(tmp_path, journal_path):
    add_entries(1)
    result = run_hw("backup", str(tmp_path / "no" / "such" / "copy.db"))
    assert result.code == 2
    assert "does not exist" in result.err


def test_no_journal_yet_means_nothing_to_back_up(journal_path):
    result = run_hw("backup")
    assert result.code == 1
    assert "nothing to back up" in result.err
    assert result.out == ""
    assert not journal_path.parent.exists() or not list(journal_path.parent.iterdir())


def test_a_file_that_is_not_a_journal_is_left_alone(tmp_path):
    other = tmp_path / "notes.db"
    other.write_text("these are not journal pages\n" * 100)
    before = other.read_bytes()
    result = run_hw("--journal", str(other), "backup")
    assert result.code == 1
    assert "not an hw journal" in result.err
    assert "Traceback" not in result.err
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "hwhome") == ["notes.db"]


def test_backup_keep_prunes_only_the_oldest_automatic_copies(hw_home, journal_path):
    add_entries(1)
    (hw_home / "config.toml").write_text("backup_keep = 3\n")
    for stamp in ("20200101-000000", "20210101-000000", "20220101-000000", "20230101-000000"):
        (hw_home / f"journal-{stamp}.db").write_text("old copy")
    (hw_home / "journal-notes.db").write_text("not a dated copy")
    result = run_hw("backup")
    assert result.code == 0, result.err
    kept = sorted(p.name for p in hw_home.iterdir() if DATED.match(p.name))
    assert kept[:2] == ["journal-20220101-000000.db", "journal-20230101-000000.db"]
    assert len(kept) == 3 and Path(result.out.strip()).name == kept[2]
    assert (hw_home / "journal-notes.db").read_text() == "not a dated copy"
    assert "Removed 2 older automatic copies" in result.err


def test_backup_keep_zero_keeps_every_copy_and_named_folders_are_never_pruned(
    tmp_path, hw_home, journal_path
):
    add_entries(1)
    (hw_home / "config.toml").write_text("backup_keep = 0\n")
    for _ in range(3):
        assert run_hw("backup").code == 0
    assert len([p for p in hw_home.iterdir() if DATED.match(p.name)]) == 3
    (hw_home / "config.toml").write_text("backup_keep = 1\n")
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    for _ in range(3):
        assert run_hw("backup", str(folder)).code == 0
    assert len(list(folder.iterdir())) == 3
    assert run_hw("backup").code == 0
    assert len([p for p in hw_home.iterdir() if DATED.match(p.name)]) == 1


def test_copies_made_in_the_same_second_get_their_own_names(hw_home, journal_path):
    add_entries(1)
    made = {run_hw("backup").out.strip() for _ in range(3)}
    assert len(made) == 3
    assert all(texts_in(path) == ["entry 0"] for path in made)


WRITER = """
import os, sys
from hwjournal.journal import Journal, Entry, new_uid
journal = Journal.open(sys.argv[1])
n = 0
while not os.path.exists(sys.argv[2]):
    entry = Entry(id=None, uid=new_uid(), template="gratitude", title="Gratitude",
                  date="2026-11-25", created_at="2026-11-25T10:00:00+00:00",
                  answers={"things": ["writer %d" % n]})
    journal.add(entry)
    print(n, flush=True)
    n += 1
"""


def test_backups_taken_while_another_hw_writes_are_whole(tmp_path, journal_path):
    add_entries(1, "first")
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(journal_path), str(stop)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout.readline().strip() == "0"  # the writer is under way
        copies = []
        for _ in range(4):
            result = run_hw("backup")
            assert result.code == 0, result.err
            copies.append(result.out.strip())
        assert writer.poll() is None  # it was writing all along
    finally:
        stop.touch()
        writer.wait(timeout=60)
    assert writer.returncode == 0
    written = len(writer.stdout.read().split()) + 1
    counts = []
    for copy in copies:
        found = texts_in(copy)  # integrity_check passes on each copy
        assert found[0] == "first 0"
        assert found[1:] == [f"writer {n}" for n in range(len(found) - 1)]  # a clean prefix
        counts.append(len(found))
    assert counts == sorted(counts)
    assert counts[0] > 1 and counts[-1] < 1 + written  # taken in the middle of the writing


def test_a_backup_never_holds_a_write_that_was_not_committed(journal_path):
    add_entries(1, "committed")
    other = sqlite3.connect(journal_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute(
        "INSERT INTO entries (uid, template, title, date, created_at, updated_at, status, answers)"
        " VALUES ('u', 'gratitude', 'Gratitude', '2026-11-25', 'x', 'x', 'complete',"
        ' \'{"things": ["uncommitted"]}\')'
    )
    # a writer holding its lock does not block a backup: were it blocked, it would wait
    # out its busy timeout and fail (and only a hang reaches run_hw's timeout)
    result = run_hw("backup")
    other.execute("ROLLBACK")
    other.close()
    assert result.code == 0, result.err
    assert texts_in(result.out.strip()) == ["committed 0"]


def test_backup_leaves_the_journal_itself_unchanged(journal_path):
    add_entries(2)
    before = snapshot(journal_path)
    assert run_hw("backup").code == 0
    assert snapshot(journal_path) == before


def test_a_half_made_copy_from_a_killed_backup_is_cleared_away(journal_path):
    add_entries(1)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = journal_path.parent / f".journal-20260101-000000.db.{dead.pid}.partial"
    stale.write_bytes(b"half a copy of private words")
    living = journal_path.parent / f".journal-20260101-000000.db.{os.getpid()}.partial"
    living.write_bytes(b"a copy still being made")
    assert run_hw("backup").code == 0
    assert not stale.exists()
    assert living.exists()  # another backup is still at work on it
