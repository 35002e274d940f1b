"""Privacy review: every file hw writes is its owner's alone (whatever the umask),
`hw delete` leaves no byte of an entry in the journal, its WAL or its search
index, and no command opens a network socket."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest

from helpers import HW, hw_here, make_entry, run_hw

# Import samples kept with the tests (see tests/test_import.py for what they hold).
DATA = Path(__file__).resolve().parent / "data"


def hw_open_umask(*args: str, input: str = "") -> subprocess.CompletedProcess:
    """hw run under umask 000: anything private is private because hw made it so."""
    return subprocess.run(
        [HW, *args],
        input=input,
        capture_output=True,
        text=True,
        env=dict(os.environ),
        preexec_fn=lambda: os.umask(0),
        timeout=60,
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_every_file_hw_writes_is_readable_by_its_owner_only(tmp_path, hw_home, journal_path):
    # A reader keeps the journal open all along, so its WAL and shared-memory files stay.
    steps = [
        ("start", "gratitude", "--answer", "things=the sea"),
        ("import", str(DATA / "daylio-8col.csv")),
        ("import", str(DATA / "jrnl-export.json")),
        ("backup",),
        ("backup", str(tmp_path / "named-copy.db")),
        ("export", "-o", str(tmp_path / "week.md")),
        ("export", "--format", "json", "-o", str(tmp_path / "week.json")),
        ("export", "--format", "csv", "-o", str(tmp_path / "week.csv")),
        ("config", "set", "name", "Sam"),
    ]
    first = hw_open_umask(*steps[0])
    assert first.returncode == 0, first.stderr
    reader = sqlite3.connect(journal_path)
    reader.execute("SELECT count(*) FROM entries").fetchone()
    try:
        for args in steps[1:]:
            result = hw_open_umask(*args)
            assert result.returncode == 0, (args, result.stderr)
        written = [p for p in hw_home.rglob("*") if p.is_file()]
        written += [tmp_path / n for n in ("named-copy.db", "week.md", "week.json", "week.csv")]
        names = {p.name for p in written}
        assert {"journal.db", "journal.db-wal", "journal.db-shm"} <= names
        assert any(n.startswith("journal-") and n.endswith(".db") for n in names)
        for path in written:
            assert mode(path) & 0o077 == 0, f"{path} is {mode(path):o}"
        assert mode(hw_home) == 0o700
    finally:
        reader.close()


def test_a_journal_in_a_new_folder_gets_a_private_folder(tmp_path):
    journal = tmp_path / "deep" / "er" / "journal.db"
    result = hw_open_umask("--journal", str(journal), "start", "gratitude", "-a", "things=x")
    assert result.returncode == 0, result.stderr
    assert mode(journal) == 0o600
    assert mode(journal.parent) == 0o700


WORD = "Quxzorblat"
ACCENTED = "Ünïcødéwörd"  # the search index keeps it folded: "unicødeword"


def every_byte(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def traces(folder: Path) -> list[str]:
    """Which forms of the two secret words are anywhere in the folder's files."""
    data = every_byte(folder).lower()
    forms = {WORD.lower(), ACCENTED.lower(), "unicødewörd", "unicodeword", "unicødeword"}
    return sorted(f for f in forms if f.encode() in data or f.encode("utf-16-le") in data)


def draft_then_complete(journal_path: Path) -> int:
    """An entry written the way an interactive run writes it: saved as a draft after
    each answer (each save a new version of the row), then made complete."""
    from hwjournal.journal import Journal

    journal = Journal.open(str(journal_path))
    entry = make_entry(
        "2026-11-25",
        status="draft",
        answers={},
        steps=[
            {"id": "things", "type": "list", "prompt": "?"},
            {"id": "closer", "type": "text", "prompt": "?"},
        ],
    )
    things: list[str] = []
    for n in range(4):
        things.append(f"{WORD} {ACCENTED} thing {n} " + "private words " * 50)
        entry.answers = {"things": list(things)}
        entry.pending = {"next": 0, "step": "closer", "text": f"half typed {WORD}"}
        journal.save(entry)
    entry.status, entry.pending = "complete", None
    entry.answers["closer"] = f"closer {WORD.upper()}"
    journal.save(entry)
    journal.close()
    return entry.id


@pytest.mark.parametrize("kept_open", [False, True])
def test_delete_leaves_no_trace_in_journal_wal_or_search_index(hw_home, journal_path, kept_open):
    for n in range(20):
        assert run_hw("start", "gratitude", "--answer", f"things=ordinary day {n}").code == 0
    secret = draft_then_complete(journal_path)
    flagged = run_hw("start", "gratitude", "--answer", f"things=also {WORD} by flag", "--json")
    assert flagged.code == 0
    assert traces(hw_home)  # the words are there before
    reader = sqlite3.connect(journal_path) if kept_open else None
    if reader:
        reader.execute("SELECT count(*) FROM entries").fetchone()  # holds the WAL open
    try:
        for entry_id in (secret, flagged.json()["id"]):
            result = run_hw("delete", str(entry_id), "--yes")
            assert result.code == 0, result.err
            assert "Backups made before now still hold it" in result.err
        assert traces(hw_home) == []
        assert run_hw("log", "--search", WORD, "--json").json() == []
        assert run_hw("log", "--search", "unicodeword", "--json").json() == []
        assert len(run_hw("log", "-n", "0", "--json").json()) == 20
    finally:
        if reader:
            reader.close()
    db = sqlite3.connect(journal_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()


def test_a_backup_made_before_delete_is_named_as_still_holding_it(hw_home):
    assert run_hw("start", "gratitude", "--answer", f"things={WORD}").code == 0
    copy = Path(run_hw("backup").out.strip())
    result = run_hw("delete", "1", "--yes")
    assert "Backups made before now still hold it" in result.err
    assert WORD.encode() in copy.read_bytes()  # which is why the message says so
    copy.unlink()
    assert traces(hw_home) == []


# ---------------------------------------------------------------- no network


def test_a_whole_session_opens_no_network_socket(tmp_path, monkeypatch):
    attempts: list[str] = []

    def refuse(name: str):
        def blocked(*args: object, **kwargs: object) -> None:
            attempts.append(name)
            raise AssertionError(f"hw tried to use the network: socket {name}")

        return blocked

    monkeypatch.setattr(socket.socket, "__init__", refuse("__init__"))
    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    answers = json.dumps({"things": ["rain on the window"], "closer": "a friend"})
    session = [
        ("--version",),
        ("--help",),
        ("templates", "list", "--json"),
        ("templates", "show", "phq-9", "--json"),
        ("templates", "validate", str(Path(__file__).parent / "data" / "every-type.toml")),
        ("config", "set", "crisis_contact", "my therapist"),
        ("config", "show", "--json"),
        ("assign", "gratitude", "--daily", "--json"),
        ("assign", "mood-checkin", "--days", "mon,tue,wed,thu,fri,sat,sun"),
        ("assignments", "--json"),
        ("due", "--json"),
        ("start", "gratitude", "--answer", "things=the sea", "--mood", "4"),
        ("start", "gratitude", "--answers-json", "-", "--tag", "home", "--json"),
        ("start", "phq-9", *(f"--answer=q{n}=1" for n in range(1, 10)), "--json"),
        ("skip", "mood-checkin", "--barrier", "time", "--reason", "long day"),
        ("log", "--json"),
        ("log", "--search", "rain"),
        ("show", "1"),
        ("show", "2", "--json"),
        ("week", "--json"),
        ("week",),
        ("export",),
        ("export", "--format", "json", "-o", str(tmp_path / "week.json")),
        ("export", "--format", "csv", "--include-private"),
        ("import", str(DATA / "daylio-8col.csv")),
        ("import", str(DATA / "jrnl-export.json"), "--json"),
        ("import", str(tmp_path / "week.json")),
        ("backup",),
        ("check", "--json"),
        ("delete", "1", "--yes"),
        ("assignments", "end", "1"),
    ]
    for args in session:
        result = hw_here(*args, input=answers if "--answers-json" in args else "", settle=True)
        assert result.code == 0, (args, result.err)
    assert attempts == []
    sock = None
    with pytest.raises(AssertionError, match="network"):  # the guard itself works
        sock = socket.socket()
    assert sock is None and attempts == ["__init__"]
