"""Encrypted journals hold up: conversions killed at any moment leave the old journal
or the new one, whole; they refuse while another hw has the journal open; no
plaintext reaches a file; plain journals never load the encryption libraries; a
missing extra or keyring is said plainly; a locked journal raises a JournalError."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import (
    DATA,
    HW,
    PASSPHRASE,
    PLAIN_HEADER,
    REPO,
    WITH_PASSPHRASE,
    checkin,
    encrypt_quickly,
    finish,
    run_hw,
    snapshot,
    spawn_hw,
)

sys.path.insert(0, str(REPO / "bench"))
import fallback_load
import generate

pytestmark = pytest.mark.usefixtures("no_runtime")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "journal.json"
    generate.generate(1500, str(path), seed=3, end=generate.dt.date(2026, 11, 25))
    return path


def plain_count(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return db.execute("SELECT count(*) FROM entries").fetchone()[0]
    finally:
        db.close()


def encrypted_count(path: Path) -> int:
    from hwjournal.journal import cipher, keys

    key = keys.key_from_passphrase(str(path), PASSPHRASE)
    db = cipher.connect(str(path), key)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return db.execute("SELECT count(*) FROM entries").fetchone()[0]
    finally:
        db.close()


def whole_count(path: Path) -> tuple[str, int]:
    """Which journal is there, and how many entries it holds (checked whole)."""
    if path.read_bytes()[:16] == PLAIN_HEADER:
        return "plain", plain_count(path)
    return "encrypted", encrypted_count(path)


def kill_at(args: list[str], env: dict[str, str], delay: float) -> int | None:
    proc = subprocess.Popen(
        [HW, *args],
        env={**os.environ, **env},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        return proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return None


def timed(args: list[str], env: dict[str, str]) -> float:
    started = time.monotonic()
    assert kill_at(args, env, 120) == 0
    return time.monotonic() - started


# ------------------------------------------------------------ crashes


def test_encrypt_killed_at_any_moment_leaves_one_whole_journal(corpus, journal_path, tmp_path):
    journal_path.parent.mkdir(parents=True)
    pristine = tmp_path / "pristine.db"
    fallback_load.load(str(corpus), str(pristine))
    count = plain_count(pristine)
    journal_path.write_bytes(pristine.read_bytes())
    whole = timed(["encrypt"], WITH_PASSPHRASE)
    assert whole_count(journal_path) == ("encrypted", count)
    rng = random.Random(13)
    delays = [whole * f for f in (0.2, 0.6, 0.9, 1.0)]
    delays += [rng.uniform(0.5, 1.05) * whole for _ in range(2)]
    # a busy machine may run slower than the timed run: later kills reach further,
    # until one lands after the rename (the last lets it finish)
    late = [whole * f for f in (1.2, 1.5, 2.0, 3.0, 6.0)]
    seen = set()
    for delay in delays + late:
        if delay > whole * 1.05 and "encrypted" in seen:
            break
        for name in os.listdir(journal_path.parent):
            os.remove(journal_path.parent / name)
        journal_path.write_bytes(pristine.read_bytes())
        os.chmod(journal_path, 0o600)
        kill_at(["encrypt"], WITH_PASSPHRASE, delay)
        kind, found = whole_count(journal_path)
        assert found == count, (delay, kind)
        seen.add(kind)
        if kind == "plain":  # and it can be encrypted after all
            assert run_hw("encrypt", env=WITH_PASSPHRASE).code == 0
            assert whole_count(journal_path) == ("encrypted", count)
        assert not [p for p in journal_path.parent.iterdir() if ".partial" in p.name]
    assert seen == {"plain", "encrypted"}


def test_decrypt_killed_at_any_moment_leaves_one_whole_journal_and_no_plaintext_behind(
    corpus, journal_path, tmp_path
):
    journal_path.parent.mkdir(parents=True)
    fallback_load.load(str(corpus), str(journal_path))
    count = plain_count(journal_path)
    encrypt_quickly(journal_path)
    pristine = {p.name: p.read_bytes() for p in journal_path.parent.iterdir()}
    whole = timed(["decrypt", "--yes"], WITH_PASSPHRASE)
    assert whole_count(journal_path) == ("plain", count)
    rng = random.Random(29)
    delays = [whole * f for f in (0.3, 0.6, 0.8, 0.9, 1.0)] + [
        rng.uniform(0.4, 1.05) * whole for _ in range(5)
    ]
    # a busy machine may run slower than the timed run: later kills reach further,
    # until one lands after the rename (the last lets it finish)
    late = [whole * f for f in (1.2, 1.5, 2.0, 3.0, 6.0)]
    seen = set()
    for delay in delays + late:
        if delay > whole * 1.05 and "plain" in seen:  # decrypt has finished: plain
            break
        for name in os.listdir(journal_path.parent):
            os.remove(journal_path.parent / name)
        for name, data in pristine.items():
            (journal_path.parent / name).write_bytes(data)
            os.chmod(journal_path.parent / name, 0o600)
        kill_at(["decrypt", "--yes"], WITH_PASSPHRASE, delay)
        kind, found = whole_count(journal_path)
        assert found == count, (delay, kind)
        seen.add(kind)
        if kind == "encrypted":
            # the next opening removes a half-made plain copy
            assert run_hw("due", env=WITH_PASSPHRASE).code == 0
        assert not [p for p in journal_path.parent.iterdir() if ".partial" in p.name]
    assert seen == {"plain", "encrypted"}


# ------------------------------------------------------------ another hw has it open

HOLD = """
import sys
from hwjournal.journal import Journal
journal = Journal.open(sys.argv[1])
print("open", flush=True)
sys.stdin.readline()
journal.close()
"""


@pytest.mark.parametrize("encrypted_first", [False, True])
def test_encrypt_and_decrypt_refuse_while_another_hw_has_the_journal_open(
    journal_path, encrypted_first
):
    checkin("held open")
    if encrypted_first:
        encrypt_quickly(journal_path)
    env = {**os.environ, **WITH_PASSPHRASE}
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(journal_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        before = snapshot(journal_path)
        args = ("decrypt", "--yes") if encrypted_first else ("encrypt",)
        refused = run_hw(*args, env=WITH_PASSPHRASE)
        assert refused.code == 1
        assert "Another hw has the journal" in refused.err
        assert refused.out == ""
        assert snapshot(journal_path) == before
    finally:
        holder.communicate("\n", timeout=30)
    args = ("decrypt", "--yes") if encrypted_first else ("encrypt",)
    assert run_hw(*args, env=WITH_PASSPHRASE).code == 0


def test_a_reader_waits_for_a_conversion_and_then_reads_the_new_journal(journal_path):
    """Every opening takes the folder lock first, so one that comes during a conversion
    opens the journal as it is afterwards."""
    from hwjournal.journal import database

    checkin("before")
    encrypt_quickly(journal_path)
    lock = database.lock_exclusive(str(journal_path))
    try:
        reader = subprocess.Popen(
            [HW, "log", "--json"],
            env={**os.environ, **WITH_PASSPHRASE},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(1.0)
        assert reader.poll() is None  # waiting for the lock
    finally:
        database.release(lock)
    out, err = reader.communicate(timeout=60)
    assert reader.returncode == 0, err
    assert "before" in out


# ------------------------------------------------------------ no plaintext on disk


def files_holding(marker: bytes, *folders: Path) -> list[str]:
    found = []
    for folder in folders:
        for root, _, names in os.walk(folder):
            for name in names:
                path = Path(root) / name
                try:
                    if marker in path.read_bytes():
                        found.append(str(path))
                except OSError:
                    continue
    return found


def test_no_plaintext_of_an_encrypted_journal_reaches_any_file(
    journal_path, runtime, tmp_path, every_type
):
    marker = f"quokka{os.getpid()}x{random.randrange(10**9)}"
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {"TMPDIR": str(temp)}
    checkin("setup")
    encrypt_quickly(journal_path)
    assert run_hw("unlock", env=WITH_PASSPHRASE).code == 0
    shm_before = set(os.listdir("/dev/shm")) if os.path.isdir("/dev/shm") else set()

    long_text = "\n".join(f"line {i} of a long answer with {marker}" for i in range(200))
    started = run_hw(
        "start", "every-type", "--answer", f"line={marker} first", "--answer",
        f"story={long_text}", "--no-input", env=env,
    )  # fmt: skip
    assert started.code == 0, started.err

    # a draft, killed half-way
    child = spawn_hw("start", "every-type", env=env)
    child.expect("Press Enter when you are ready")
    child.sendline("")
    child.expect("›")
    child.sendline(f"{marker} draft")
    child.expect("Ctrl-D")  # the next step is asked: the first answer is saved
    child.kill(signal.SIGKILL)
    child.close(force=True)
    drafts = run_hw("log", "--drafts", "--json", env=env).json()
    assert any(marker in d["answers"].get("line", "") for d in drafts)

    assert marker in run_hw("log", "--search", marker, "--json", env=env).out

    source = tmp_path / "incoming.json"
    exported = run_hw("export", "--format", "json", env=env)
    source.write_text(exported.out.replace("setup", f"{marker} imported"))
    other = tmp_path / "other-home"
    imported = run_hw("import", str(source), env={**env, "HW_HOME": str(other)})
    assert imported.code == 0, imported.err
    os.remove(source)  # the person's own file; hw's copies are what is checked
    shutil.rmtree(other)

    copies = tmp_path / "copies"
    copies.mkdir()
    assert run_hw("backup", str(copies), env=env).code == 0

    first = run_hw("log", "--json", env=env).json()[0]["id"]
    assert run_hw("delete", str(first), "--yes", env=env).code == 0

    # $EDITOR: the file lives in memory-backed storage, and is gone afterwards
    journal_path.parent.joinpath("config.toml").write_text("editor = true\nmood_checkin = false\n")
    editor = tmp_path / "fake-editor"
    seen = tmp_path / "seen"
    editor.write_text(
        f'#!/bin/sh\necho "$1" >> \'{seen}\'\nprintf \'%s\\n\' "$HW_TEST_MARKER" >> "$1"\n'
    )
    editor.chmod(0o755)
    child = spawn_hw(
        "start", "self-compassion-letter", "--answer", "situation=a hard day",
        env={**env, "EDITOR": str(editor), "HW_TEST_MARKER": f"{marker} edited"},
    )  # fmt: skip
    while True:
        index = child.expect(
            ["Opening your editor", "›", "Press Enter when you are ready", r"Saved as entry"]
        )
        if index == 3:
            break
        if index in (1, 2):
            child.sendline("")
    assert finish(child) == 0
    edited = [Path(line) for line in seen.read_text().splitlines()]
    assert edited
    from hwjournal.journal import sessions

    for path in edited:
        assert sessions._in_memory(str(path)), path
        assert not path.exists() and not path.parent.exists()
    letters = run_hw("log", "--template", "self-compassion-letter", "--json", env=env).json()
    assert marker in letters[0]["answers"]["letter"]

    assert run_hw("lock").code == 0
    needle = marker.encode()
    assert files_holding(needle, tmp_path) == []
    if os.path.isdir("/dev/shm"):
        new = [Path("/dev/shm") / n for n in set(os.listdir("/dev/shm")) - shm_before]
        assert [str(p) for p in new if p.is_file() and needle in p.read_bytes()] == []


def test_an_encrypted_journal_edits_nowhere_without_memory_backed_storage(journal_path):
    from hwjournal.journal import Journal, sessions

    checkin("plain")
    plain = Journal.open(str(journal_path))
    assert plain.editor_folder() == ""
    plain.close()
    encrypt_quickly(journal_path)
    os.environ["HW_PASSPHRASE_COMMAND"] = WITH_PASSPHRASE["HW_PASSPHRASE_COMMAND"]
    try:
        journal = Journal.open(str(journal_path))
    finally:
        del os.environ["HW_PASSPHRASE_COMMAND"]
    try:
        folder = journal.editor_folder()
        assert folder is None or sessions._in_memory(folder)
        original = sessions._in_memory
        sessions._in_memory = lambda path: False
        try:
            assert journal.editor_folder() is None
        finally:
            sessions._in_memory = original
    finally:
        journal.close()


# ------------------------------------------------------------ what gets loaded

PROBE = """
import os, runpy, sys
WATCH = ("sqlcipher3", "cryptography", "hashlib", "_hashlib", "keyring", "getpass", "subprocess")

def report(code):
    loaded = sorted(m for m in WATCH if m in sys.modules)
    sys.stderr.write("\\nEXIT %s LOADED %s\\n" % (code, ",".join(loaded) or "-"))
    sys.stderr.flush()

end_now = os._exit
def report_then_end(code):
    report(code)
    end_now(code)
os._exit = report_then_end
sys.argv = [sys.argv[1], *sys.argv[2:]]
try:
    runpy.run_path(sys.argv[0], run_name="__main__")
except SystemExit as stop:
    report(stop.code)
else:
    report(0)
"""


def loaded_by(*args: str, env: dict[str, str] | None = None) -> tuple[int, set[str]]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, HW, *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
        timeout=60,
    )
    line = [ln for ln in proc.stderr.splitlines() if ln.startswith("EXIT ")][-1]
    _, code, _, names = line.split()
    return int(code), set() if names == "-" else set(names.split(","))


def test_plain_journals_never_load_the_encryption_libraries(journal_path):
    checkin("plain")
    for args in (("due", "--json"), ("log", "-n", "10", "--json"), ("week", "--json")):
        code, loaded = loaded_by(*args)
        assert code == 0
        assert not loaded & {"sqlcipher3", "cryptography", "hashlib", "_hashlib", "keyring"}


def test_an_unlocked_journal_opens_without_key_derivation(journal_path, runtime):
    checkin("first")
    encrypt_quickly(journal_path)
    assert run_hw("unlock", env=WITH_PASSPHRASE).code == 0
    for args in (("due", "--json"), ("log", "-n", "10", "--json")):
        code, loaded = loaded_by(*args)
        assert code == 0
        assert "sqlcipher3" in loaded
        assert not loaded & {"cryptography", "hashlib", "_hashlib", "keyring", "getpass"}


# ------------------------------------------------------------ a plain install

NO_EXTRA = {"PYTHONPATH": str(DATA / "no_encryption")}


def test_without_the_extra_plain_journals_work_and_encryption_says_how_to_install(
    journal_path,
):
    checkin("plain", NO_EXTRA)
    assert run_hw("log", "--json", env=NO_EXTRA).code == 0
    before = snapshot(journal_path)
    for args in (("encrypt",), ("unlock",), ("decrypt", "--yes")):
        done = run_hw(*args, env={**NO_EXTRA, **WITH_PASSPHRASE})
        assert done.code == 1, args
        assert "Traceback" not in done.err
    done = run_hw("encrypt", env={**NO_EXTRA, **WITH_PASSPHRASE})
    assert "pip install 'hwjournal[encryption]'" in done.err
    assert snapshot(journal_path) == before


def test_without_the_extra_an_encrypted_journal_says_how_to_install(journal_path):
    checkin("secret")
    encrypt_quickly(journal_path)
    done = run_hw("due", env={**NO_EXTRA, **WITH_PASSPHRASE})
    assert done.code == 1 and done.out == ""
    assert "pip install 'hwjournal[encryption]'" in done.err


# ------------------------------------------------------------ the keyring

FAKE = str(DATA / "fake_keyring")


def keyring_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {"PYTHONPATH": FAKE, "FAKE_KEYRING_FILE": str(tmp_path / "keyring.json"), **extra}


def test_the_keyring_opens_the_journal_when_turned_on(journal_path, tmp_path):
    checkin("in the keyring")
    encrypt_quickly(journal_path)
    env = keyring_env(tmp_path)
    assert run_hw("due", env=env).code == 1  # off by default: locked
    assert run_hw("config", "set", "keyring", "true").code == 0
    assert run_hw("due", env=env).code == 1  # nothing kept in it yet
    from hwjournal.journal import keys

    key = keys.key_from_passphrase(str(journal_path), PASSPHRASE)
    name = f"hwjournal/{os.path.realpath(journal_path)}"
    (tmp_path / "keyring.json").write_text(f'{{"{name}": "{key.hex()}"}}')
    opened = run_hw("log", "--json", env=env)
    assert opened.code == 0, opened.err
    assert "in the keyring" in opened.out
    assert run_hw("lock", env=env).code == 0
    assert (tmp_path / "keyring.json").read_text() == "{}"
    assert run_hw("due", env=env).code == 1


@pytest.mark.parametrize("broken", ["backend fails", "not installed"])
def test_a_failing_keyring_falls_back_and_never_crashes(journal_path, tmp_path, broken):
    checkin("first")
    encrypt_quickly(journal_path)
    assert run_hw("config", "set", "keyring", "true").code == 0
    env = keyring_env(tmp_path, FAKE_KEYRING_FAIL="1") if broken == "backend fails" else {}
    locked = run_hw("due", env=env)
    assert locked.code == 1
    assert locked.err.startswith("The journal is locked")
    assert "Traceback" not in locked.err
    opened = run_hw("due", env={**env, **WITH_PASSPHRASE})  # the next source still works
    assert opened.code == 0, opened.err
    assert run_hw("lock", env=env).code == 0


# ------------------------------------------------------------ in-process contracts


def test_a_locked_journal_raises_a_journal_error_with_the_one_line(journal_path):
    """What hw sos relies on: it shows its advice when the journal is locked."""
    from hwjournal.errors import JournalError
    from hwjournal.journal import Journal
    from hwjournal.journal.database import SESSION_ONLY

    checkin("first")
    encrypt_quickly(journal_path)
    with pytest.raises(JournalError) as caught:
        Journal.open(str(journal_path), create=False)
    assert caught.value.message == "The journal is locked: run hw unlock"
    with pytest.raises(JournalError):
        Journal.open(str(journal_path), create=False, unlock=SESSION_ONLY)


def test_sqlcipher_errors_are_database_errors_once_it_is_loaded(journal_path):
    from hwjournal.journal import cipher, database

    sqlcipher = cipher.library()
    assert database.is_db_error(sqlcipher.OperationalError("file is not a database"))
    assert database.is_db_error(sqlite3.OperationalError("disk I/O error"))
    assert not database.is_db_error(OSError("not the database's"))
    try:
        raise sqlcipher.DatabaseError("file is not a database")
    except database.db_errors() as exc:  # an except clause sees the errors as they are now
        assert database.is_unreadable(exc)


def test_completion_offers_nothing_from_a_locked_journal_and_never_asks(journal_path, runtime):
    from hwjournal import completion

    checkin("first")
    assert run_hw("assign", "reframe-log").code == 0
    encrypt_quickly(journal_path)
    os.environ["HW_PASSPHRASE_COMMAND"] = "echo asked >&2; exit 1"
    try:
        assert completion.assignment_ids("") == []
        assert run_hw("unlock", env=WITH_PASSPHRASE).code == 0
        assert completion.assignment_ids("") == [("1", "reframe-log")]
    finally:
        del os.environ["HW_PASSPHRASE_COMMAND"]
