"""Encrypted journals at a real terminal: the passphrase is asked (three tries) only
when stdin and stdout are both terminals; hw encrypt shows the recovery key and
waits; hw passphrase changes the key file only."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import (
    HW,
    PASSPHRASE,
    PLAIN_HEADER,
    RECOVERY,
    WITH_PASSPHRASE,
    checkin,
    command_for,
    encrypt_quickly,
    finish,
    run_hw,
    spawn_hw,
)

NEW = "a brand new passphrase"


pytestmark = pytest.mark.usefixtures("no_runtime")


def test_a_terminal_is_asked_for_the_passphrase(journal_path):
    checkin("asked for")
    encrypt_quickly(journal_path)
    child = spawn_hw("log", env={"HW_PAGER": "cat", "PAGER": "cat"})
    child.expect("Passphrase for your journal:")
    child.sendline(PASSPHRASE)
    child.expect("asked for")
    assert finish(child) == 0


def test_three_wrong_tries_and_it_stops(journal_path):
    checkin("first")
    encrypt_quickly(journal_path)
    child = spawn_hw("due")
    for _ in range(2):
        child.expect("Passphrase for your journal:")
        child.sendline("not it at all")
        child.expect("Try again")
    child.expect("Passphrase for your journal:")
    child.sendline("still not it")
    child.expect("That passphrase does not open this journal")
    assert finish(child) == 1
    assert "cipher" not in child.before.lower()  # no library log lines


def test_stdout_not_a_terminal_is_locked_without_asking(journal_path):
    checkin("first")
    encrypt_quickly(journal_path)
    import pexpect

    child = pexpect.spawn(
        "bash",
        ["-c", f"'{HW}' due | cat; echo status=${{PIPESTATUS[0]}}"],
        env=dict(os.environ),
        encoding="utf-8",
        timeout=60,
    )
    child.expect("The journal is locked: run hw unlock")
    child.expect("status=1")
    assert "Passphrase" not in child.before


def test_encrypt_in_a_terminal_asks_twice_and_shows_the_recovery_key(journal_path):
    checkin("first")
    child = spawn_hw("encrypt", timeout=60)
    child.expect("New passphrase:")
    child.sendline(PASSPHRASE)
    child.expect("The same again")
    child.sendline("something else entirely")
    child.expect("did not match")
    child.expect("New passphrase:")
    child.sendline(PASSPHRASE)
    child.expect("The same again")
    child.sendline(PASSPHRASE)
    child.expect("recovery key")
    child.expect(r"([0-9A-Z]{4}-){13}[0-9A-Z]{4}")
    recovery = child.match.group(0)
    assert RECOVERY.match(recovery)
    child.expect("Press Enter once it is written down")
    assert journal_path.read_bytes().startswith(PLAIN_HEADER)  # not before Enter
    child.sendline("")
    child.expect("Your journal is encrypted")
    assert finish(child) == 0
    assert not journal_path.read_bytes().startswith(PLAIN_HEADER)
    assert run_hw("due", env=WITH_PASSPHRASE).code == 0


def test_changing_the_passphrase_rewrites_only_the_key_file(journal_path, tmp_path):
    checkin("kept as it was")
    recovery = encrypt_quickly(journal_path)
    journal_before = journal_path.read_bytes()
    key_before = Path(str(journal_path) + ".key").read_bytes()
    child = spawn_hw("passphrase", timeout=60)
    child.expect("Passphrase for your journal:")
    child.sendline(PASSPHRASE)
    child.expect("New passphrase:")
    child.sendline(NEW)
    child.expect("The same again")
    child.sendline(NEW)
    child.expect("Passphrase changed")
    assert finish(child) == 0
    assert journal_path.read_bytes() == journal_before
    assert Path(str(journal_path) + ".key").read_bytes() != key_before
    assert run_hw("due", env=WITH_PASSPHRASE).code == 1
    assert run_hw("due", env=command_for(NEW)).code == 0
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    unlocked = run_hw(
        "unlock", "--recovery-key", input=recovery + "\n",
        env={"XDG_RUNTIME_DIR": str(runtime), **command_for("third passphrase")},
    )  # fmt: skip
    assert unlocked.code == 0, unlocked.err  # the recovery key still opens it


def test_passphrase_needs_a_terminal(journal_path):
    checkin("first")
    encrypt_quickly(journal_path)
    done = run_hw("passphrase", env=WITH_PASSPHRASE)
    assert done.code == 1
    assert "terminal" in done.err


def test_a_prompted_key_is_kept_in_the_keyring_when_turned_on(journal_path, tmp_path):
    from test_encryption_safety import keyring_env

    checkin("first")
    encrypt_quickly(journal_path)
    assert run_hw("config", "set", "keyring", "true").code == 0
    env = keyring_env(tmp_path)
    child = spawn_hw("due", env=env)
    child.expect("Passphrase for your journal:")
    child.sendline(PASSPHRASE)
    assert finish(child) == 0
    assert run_hw("due", env=env).code == 0  # no terminal, no command: the keyring
