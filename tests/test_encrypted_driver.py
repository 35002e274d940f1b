"""Issue 26: each journal loads its own driver only. An unlocked encrypted journal's
`hw due` and `hw log` load SQLCipher's sqlcipher3 and never the standard library's
sqlite3 as well (loading both cost milliseconds on a shell prompt's path); a plain
journal still loads sqlite3 alone. And the database's errors and result codes read
the same whichever driver is loaded."""

from __future__ import annotations

import subprocess
import sys

import pytest

from helpers import HW, WITH_PASSPHRASE, checkin, encrypt_quickly, run_hw
from test_encryption_safety import PROBE

pytestmark = pytest.mark.usefixtures("no_runtime")

# The probe that lists what an installed `hw` run loaded, watching for sqlite3 too.
SQLITE_PROBE = PROBE.replace("WATCH = (", 'WATCH = ("sqlite3", ', 1)


def loaded(*args: str) -> set[str]:
    proc = subprocess.run(
        [sys.executable, "-c", SQLITE_PROBE, HW, *args],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60,
    )  # fmt: skip
    line = [ln for ln in proc.stderr.splitlines() if ln.startswith("EXIT ")][-1]
    _, code, _, names = line.split()
    assert code == "0", proc.stderr
    return set() if names == "-" else set(names.split(","))


def test_the_probe_watches_sqlite3():
    assert SQLITE_PROBE != PROBE


def test_an_unlocked_encrypted_journal_loads_sqlcipher_and_not_sqlite3(journal_path, runtime):
    checkin("before")
    encrypt_quickly(journal_path)
    assert run_hw("unlock", env=WITH_PASSPHRASE).code == 0
    for args in (("due", "--json"), ("log", "-n", "10", "--json")):
        found = loaded(*args)
        assert "sqlcipher3" in found and "sqlite3" not in found, (args, found)
    log = run_hw("log", "-n", "10", "--json")
    assert log.code == 0 and log.json()[0]["answers"]["note"] == "before"


def test_a_plain_journal_loads_sqlite3_and_not_sqlcipher(journal_path):
    checkin("plain")
    found = loaded("log", "-n", "10", "--json")
    assert "sqlite3" in found and "sqlcipher3" not in found


def test_sqlite_result_codes_are_sqlite3s_own():
    import sqlite3

    from hwjournal.journal import database

    for name in ("SQLITE_BUSY", "SQLITE_READONLY", "SQLITE_IOERR", "SQLITE_FULL"):
        assert getattr(database, name) == getattr(sqlite3, name)
    assert database.SQLITE_CANTOPEN == sqlite3.SQLITE_CANTOPEN


def test_sqlite3_errors_count_as_the_databases_once_it_is_loaded():
    code = (
        "from hwjournal.journal import database\n"
        "before = database.db_errors()\n"
        "import sqlite3\n"
        "after = database.db_errors()\n"
        "print(sqlite3.Error in before, sqlite3.Error in after,"
        " database.is_db_error(sqlite3.OperationalError('disk I/O error')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.split() == ["False", "True", "True"], done.stderr
