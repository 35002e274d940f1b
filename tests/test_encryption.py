"""Encrypted journals, through the installed hw as a script would use it: encrypt,
unlock and lock, the key sources and their order, wrong keys and key files, backups,
check and decrypt. (Terminals: test_encryption_terminal.py; crashes, locks and
plaintext on disk: test_encryption_safety.py.)"""

from __future__ import annotations

import os
import re
import stat
import time
from pathlib import Path

import pytest

from helpers import (
    PLAIN_HEADER,
    RECOVERY,
    WITH_PASSPHRASE,
    checkin,
    command_for,
    encrypt_quickly,
    run_hw,
    snapshot,
)
from hwjournal.journal import keyfile

OTHER = "a different passphrase"
pytestmark = pytest.mark.usefixtures("no_runtime")


def encrypt(journal_path: Path) -> str:
    """Encrypt the journal (made if missing) with PASSPHRASE; its recovery key."""
    done = run_hw("encrypt", env=WITH_PASSPHRASE)
    assert done.code == 0, done.err
    assert RECOVERY.match(done.out.strip()), done.out
    return done.out.strip()


@pytest.fixture
def encrypted(journal_path: Path) -> Path:
    checkin("first zebra")
    checkin("second zebra")
    encrypt_quickly(journal_path)
    return journal_path


def notes(result) -> list[str]:
    return [entry["answers"].get("note") for entry in result.json()]


# ------------------------------------------------------------ encrypting


def test_encrypt_converts_the_whole_file_and_prints_the_recovery_key(journal_path):
    checkin("first zebra")
    recovery = encrypt(journal_path)
    data = journal_path.read_bytes()
    assert not data.startswith(PLAIN_HEADER)
    assert b"zebra" not in data
    key_file = Path(str(journal_path) + ".key")
    assert stat.S_IMODE(journal_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert recovery.replace("-", "") not in key_file.read_text()
    listed = run_hw("log", "--json", env=WITH_PASSPHRASE)
    assert listed.code == 0, listed.err
    assert notes(listed) == ["first zebra"]
    assert not any(p.name.endswith(".partial") for p in journal_path.parent.iterdir())


def test_encrypt_says_older_backups_stay_plain_and_ssd_blocks_may_survive(journal_path):
    checkin("first")
    assert run_hw("backup").code == 0
    done = run_hw("encrypt", env=WITH_PASSPHRASE)
    assert done.code == 0
    assert "Backups made before now are still plain" in done.err
    assert "journal-" in done.err  # where they are
    assert "SSD" in done.err


def test_encrypt_makes_a_new_journal_when_there_is_none(journal_path):
    encrypt(journal_path)
    assert journal_path.exists() and not journal_path.read_bytes().startswith(PLAIN_HEADER)
    assert checkin("into the new one", WITH_PASSPHRASE)


def test_encrypt_twice_is_refused_and_changes_nothing(encrypted):
    before = snapshot(encrypted)
    again = run_hw("encrypt", env=WITH_PASSPHRASE)
    assert again.code == 1
    assert "already encrypted" in again.err
    assert again.out == ""
    assert snapshot(encrypted) == before


def test_encrypt_without_a_terminal_or_command_asks_nothing_and_changes_nothing(journal_path):
    checkin("first")
    before = snapshot(journal_path)
    done = run_hw("encrypt")
    assert done.code == 1
    assert "HW_PASSPHRASE_COMMAND" in done.err
    assert snapshot(journal_path) == before


def test_a_short_passphrase_is_refused(journal_path):
    checkin("first")
    done = run_hw("encrypt", env=command_for("short"))
    assert done.code == 2
    assert "at least 8 characters" in done.err
    assert journal_path.read_bytes().startswith(PLAIN_HEADER)


# ------------------------------------------------------------ locked


def test_locked_without_a_terminal_fails_at_once_with_empty_stdout(encrypted):
    for args in (("due",), ("due", "--json"), ("log", "-n", "10", "--json"), ("week",)):
        done = run_hw(*args)  # waiting for a passphrase would be a hang: run_hw's timeout
        assert done.code == 1, args
        assert done.out == ""
        assert done.err.splitlines()[0] == "The journal is locked: run hw unlock"
        assert "Traceback" not in done.err


def test_wrong_passphrase_exits_1_and_changes_nothing(encrypted):
    before = snapshot(encrypted)
    done = run_hw(
        "start", "mood-checkin", "--answer", "mood=2", "--no-input", env=command_for(OTHER)
    )
    assert done.code == 1
    assert done.out == ""
    assert done.err.strip() == "That passphrase does not open this journal"
    assert snapshot(encrypted) == before


def test_a_failing_passphrase_command_is_named(encrypted):
    done = run_hw("due", env={"HW_PASSPHRASE_COMMAND": "exit 3"})
    assert done.code == 1
    assert "HW_PASSPHRASE_COMMAND" in done.err and "3" in done.err


# ------------------------------------------------------------ key files


def test_a_truncated_key_file_is_named_and_nothing_changes(encrypted):
    key_file = Path(str(encrypted) + ".key")
    key_file.write_text(key_file.read_text()[:40])
    before = snapshot(encrypted)
    done = run_hw("log", env=WITH_PASSPHRASE)
    assert done.code == 1
    assert "is damaged" in done.err and "hw unlock --recovery-key" in done.err
    assert snapshot(encrypted) == before


def test_an_altered_key_file_does_not_open_and_nothing_changes(encrypted):
    key_file = Path(str(encrypted) + ".key")
    text = key_file.read_text()
    sealed = re.search(r'"sealed": "(.)', text)
    assert sealed
    flipped = "B" if sealed.group(1) != "B" else "C"
    key_file.write_text(text[: sealed.start(1)] + flipped + text[sealed.end(1) :])
    before = snapshot(encrypted)
    done = run_hw("log", env=WITH_PASSPHRASE)
    assert done.code == 1
    assert done.err.strip() == "That passphrase does not open this journal"
    assert snapshot(encrypted) == before


def test_a_weakened_key_file_does_not_open(encrypted):
    """The scrypt cost is sealed with the key: lowering it in the file fails."""
    key_file = Path(str(encrypted) + ".key")
    key_file.write_text(key_file.read_text().replace('"n": 4096', '"n": 1024'))
    done = run_hw("log", env=WITH_PASSPHRASE)
    assert done.code == 1
    assert "does not open" in done.err


def test_a_journal_without_its_key_file(encrypted):
    os.remove(str(encrypted) + ".key")
    before = snapshot(encrypted)
    done = run_hw("due", env=WITH_PASSPHRASE)
    assert done.code == 1
    assert "key file" in done.err and "missing" in done.err
    assert "hw unlock --recovery-key" in done.err
    assert snapshot(encrypted) == before


def test_the_key_file_of_another_journal(encrypted, tmp_path):
    other = tmp_path / "other" / "journal.db"
    encrypt_quickly(other)
    os.replace(str(other) + ".key", str(encrypted) + ".key")
    before = snapshot(encrypted)
    done = run_hw("due", env=WITH_PASSPHRASE)
    assert done.code == 1
    assert "belongs to another journal" in done.err
    assert snapshot(encrypted) == before


def test_a_text_file_is_still_not_a_journal(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("just some notes\n")
    done = run_hw("log", "--journal", str(path))
    assert done.code == 1
    assert "not an hw journal" in done.err


# ------------------------------------------------------------ unlocked sessions


def session_files(runtime: Path) -> list[Path]:
    folder = runtime / "hwjournal"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_unlock_keeps_the_key_in_the_runtime_folder_until_lock(encrypted, runtime):
    done = run_hw("unlock", "--for", "1h", env=WITH_PASSPHRASE)
    assert done.code == 0, done.err
    assert "Unlocked until" in done.err
    (session,) = session_files(runtime)
    assert stat.S_IMODE((runtime / "hwjournal").stat().st_mode) == 0o700
    assert stat.S_IMODE(session.stat().st_mode) == 0o600
    listed = run_hw("log", "--json")  # no command, no terminal: the session opens it
    assert listed.code == 0, listed.err
    assert notes(listed) == ["second zebra", "first zebra"]
    assert checkin("while unlocked")
    locked = run_hw("lock")
    assert locked.code == 0
    assert session_files(runtime) == []
    after = run_hw("due")
    assert after.code == 1 and after.err.startswith("The journal is locked")


def test_the_session_ends_when_its_time_runs_out_without_hw_running(encrypted, runtime):
    assert run_hw("unlock", "--for", "2s", env=WITH_PASSPHRASE).code == 0
    assert len(session_files(runtime)) == 1
    deadline = time.monotonic() + 120  # only a watcher that never ends reaches it
    while session_files(runtime) and time.monotonic() < deadline:
        time.sleep(0.25)
    assert session_files(runtime) == []  # the watcher removed it
    assert run_hw("due").code == 1


def test_an_ended_session_is_not_used_even_if_its_file_stays(encrypted, runtime):
    assert run_hw("unlock", "--for", "1h", env=WITH_PASSPHRASE).code == 0
    (session,) = session_files(runtime)
    lines = session.read_text().split("\n")
    lines[1] = f"{time.time() - 1:.3f}"
    session.write_text("\n".join(lines))
    done = run_hw("due")
    assert done.code == 1 and done.err.startswith("The journal is locked")
    assert session_files(runtime) == []


def test_unlock_without_a_runtime_folder_keeps_nothing(encrypted):
    done = run_hw("unlock", env=WITH_PASSPHRASE)
    assert done.code == 1
    assert "XDG_RUNTIME_DIR" in done.err


def test_unlock_with_a_wrong_passphrase_starts_no_session(encrypted, runtime):
    done = run_hw("unlock", env=command_for(OTHER))
    assert done.code == 1
    assert session_files(runtime) == []


def test_unlock_takes_only_sensible_lengths(encrypted, runtime):
    for bad in ("forever", "0h", "9d", "8"):
        done = run_hw("unlock", "--for", bad, env=WITH_PASSPHRASE)
        assert done.code == 2, bad
        assert "30m, 8h or 2d" in done.err
    assert session_files(runtime) == []


def test_encrypt_starts_no_session(journal_path, runtime):
    checkin("first")
    encrypt(journal_path)
    assert session_files(runtime) == []
    assert run_hw("due").code == 1


def test_a_session_of_another_journal_is_not_used(encrypted, runtime, tmp_path):
    other = tmp_path / "other" / "journal.db"
    encrypt_quickly(other)
    assert run_hw("unlock", "--journal", str(other), env=WITH_PASSPHRASE).code == 0
    (session,) = session_files(runtime)
    # the other journal's key under this journal's session name
    text = session.read_text().split("\n")
    text[2] = os.path.realpath(encrypted)
    from hwjournal.journal import sessions

    mine = Path(sessions.session_file(str(encrypted)))
    mine.write_text("\n".join(text))
    os.chmod(mine, 0o600)
    done = run_hw("due")
    assert done.code == 1 and done.err.startswith("The journal is locked")
    assert not mine.exists()  # a key that does not fit is forgotten


# ------------------------------------------------------------ recovery key


def test_the_recovery_key_opens_the_journal_and_sets_a_new_passphrase(journal_path, runtime):
    checkin("first zebra")
    recovery = encrypt_quickly(journal_path)
    journal_before = journal_path.read_bytes()
    done = run_hw("unlock", "--recovery-key", input=recovery.lower() + "\n", env=command_for(OTHER))
    assert done.code == 0, done.err
    assert journal_path.read_bytes() == journal_before  # only the key file changed
    assert run_hw("lock").code == 0
    assert run_hw("due", env=WITH_PASSPHRASE).code == 1  # the old passphrase is gone
    assert run_hw("due", env=command_for(OTHER)).code == 0


def test_the_recovery_key_works_without_the_key_file(journal_path, runtime):
    checkin("first zebra")
    recovery = encrypt_quickly(journal_path)
    os.remove(str(journal_path) + ".key")
    done = run_hw("unlock", "--recovery-key", input=recovery + "\n", env=command_for(OTHER))
    assert done.code == 0, done.err
    assert Path(str(journal_path) + ".key").exists()
    assert notes(run_hw("log", "--json")) == ["first zebra"]


def test_a_wrong_or_mistyped_recovery_key_changes_nothing(encrypted, runtime):
    before = snapshot(encrypted)
    other = keyfile.recovery_key(keyfile.new_data_key())
    wrong = run_hw("unlock", "--recovery-key", input=other + "\n", env=command_for(OTHER))
    assert wrong.code == 1
    assert "does not open this journal" in wrong.err
    typo = other[:-1] + ("0" if other[-1] != "0" else "1")
    mistyped = run_hw("unlock", "--recovery-key", input=typo + "\n", env=command_for(OTHER))
    assert mistyped.code == 1
    assert "mistyped" in mistyped.err
    assert snapshot(encrypted) == before
    assert session_files(runtime) == []


def test_recovery_keys_round_trip_and_catch_typos():
    key = keyfile.new_data_key()
    written = keyfile.recovery_key(key)
    assert RECOVERY.match(written)
    assert keyfile.data_key_from_recovery(written) == key
    assert keyfile.data_key_from_recovery(" " + written.lower().replace("-", " ")) == key
    confusable = written.replace("0", "O").replace("1", "l")
    assert keyfile.data_key_from_recovery(confusable) == key
    for position in range(0, len(written), 5):
        chars = list(written)
        chars[position] = "2" if chars[position] != "2" else "3"
        with pytest.raises(Exception, match="mistyped"):
            keyfile.data_key_from_recovery("".join(chars))


# ------------------------------------------------------------ every command


def test_every_command_works_the_same_when_unlocked(encrypted, runtime, tmp_path):
    assert run_hw("unlock", env=WITH_PASSPHRASE).code == 0
    assert run_hw("week", "--json").code == 0
    assert run_hw("due", "--json").json() == []
    found = run_hw("log", "--search", "second", "--json")
    assert notes(found) == ["second zebra"]
    assert run_hw("assign", "reframe-log", "--daily").code == 0
    assert len(run_hw("due", "--json").json()) == 1
    exported = tmp_path / "week.json"
    done = run_hw("export", "--format", "json", "-o", str(exported))
    assert done.code == 0
    assert "not encrypted" in done.err  # exports are plain by design, and -o says so
    again = tmp_path / "again"
    again.mkdir()
    imported = run_hw("import", str(exported), "--journal", str(again / "j.db"))
    assert imported.code == 0, imported.err
    first_id = run_hw("log", "--json").json()[-1]["id"]
    deleted = run_hw("delete", str(first_id), "--yes")
    assert deleted.code == 0
    assert notes(run_hw("log", "--json")) == ["second zebra"]


def test_check_says_encrypted(encrypted, runtime):
    assert run_hw("unlock", env=WITH_PASSPHRASE).code == 0
    screen = run_hw("check")
    assert screen.code == 0, screen.err
    assert "encrypted: yes" in screen.out
    report = run_hw("check", "--json").json()
    assert report["encrypted"] is True and report["ok"] is True
    assert any(p["path"].endswith(".key") for p in report["permissions"])
    os.remove(str(encrypted) + ".key")
    missing = run_hw("check", "--json")
    assert missing.code == 1
    assert "key file" in missing.json()["problems"][0]["problem"]


def test_check_of_a_plain_journal_says_not_encrypted(journal_path):
    checkin("plain")
    assert run_hw("check", "--json").json()["encrypted"] is False
    assert "encrypted" not in run_hw("check").out


def test_check_of_a_locked_journal_says_it_is_locked(encrypted):
    done = run_hw("check")
    assert done.code == 1 and done.out == ""
    assert done.err.startswith("The journal is locked")


def test_backups_stay_encrypted_with_the_key_file_beside_them(encrypted, tmp_path):
    dest = tmp_path / "copies" / "copy.db"
    dest.parent.mkdir()
    done = run_hw("backup", str(dest), "--json", env=WITH_PASSPHRASE)
    assert done.code == 0, done.err
    assert done.json()["key_file"] == str(dest) + ".key"
    assert not dest.read_bytes().startswith(PLAIN_HEADER)
    key_copy = Path(str(dest) + ".key")
    assert stat.S_IMODE(key_copy.stat().st_mode) == 0o600
    assert key_copy.read_bytes() == Path(str(encrypted) + ".key").read_bytes()
    restored = run_hw("log", "--json", "--journal", str(dest), env=WITH_PASSPHRASE)
    assert notes(restored) == ["second zebra", "first zebra"]


def test_pruned_automatic_backups_take_their_key_files_along(encrypted):
    encrypted.parent.joinpath("config.toml").write_text("backup_keep = 1\n")
    for _ in range(2):
        assert run_hw("backup", env=WITH_PASSPHRASE).code == 0
        time.sleep(1.1)  # copies are named by the second
    keys = sorted(encrypted.parent.glob("journal-*.db.key"))
    copies = sorted(encrypted.parent.glob("journal-*.db"))
    assert len(copies) == 1
    assert keys == [Path(str(copies[0]) + ".key")]


# ------------------------------------------------------------ decrypt


def test_decrypt_needs_a_yes_without_a_terminal(encrypted):
    before = snapshot(encrypted)
    done = run_hw("decrypt", env=WITH_PASSPHRASE)
    assert done.code == 2
    assert "--yes" in done.err
    assert snapshot(encrypted) == before


def test_decrypt_turns_it_back_into_a_plain_journal(encrypted, runtime):
    assert run_hw("unlock", env=WITH_PASSPHRASE).code == 0
    done = run_hw("decrypt", "--yes")  # the session's key is enough
    assert done.code == 0, done.err
    assert encrypted.read_bytes().startswith(PLAIN_HEADER)
    assert not Path(str(encrypted) + ".key").exists()
    assert session_files(runtime) == []
    assert notes(run_hw("log", "--json")) == ["second zebra", "first zebra"]
    report = run_hw("check", "--json").json()
    assert report["ok"] and report["encrypted"] is False and report["schema_version"]
    assert not any(".partial" in p.name for p in encrypted.parent.iterdir())


def test_commands_on_a_plain_journal_say_so(journal_path):
    checkin("plain")
    for args in (("unlock",), ("passphrase",), ("decrypt", "--yes")):
        done = run_hw(*args, env=WITH_PASSPHRASE)
        assert done.code == 1, args
        assert "not encrypted" in done.err
    assert run_hw("lock").code == 0  # nothing to forget is not a failure


def test_unlock_without_a_terminal_or_command_says_how(encrypted, runtime):
    done = run_hw("unlock")
    assert done.code == 1
    assert "hw unlock asks for the passphrase" in done.err
    assert session_files(runtime) == []


def test_sos_on_a_locked_journal_still_gives_the_advice_and_says_how_to_unlock(encrypted, hw_home):
    (hw_home / "config.toml").write_text('crisis_contact = "Sam 555-0100"\n')
    before = snapshot(encrypted)
    shown = run_hw("sos", env=WITH_PASSPHRASE)  # never asks, not even a command
    assert shown.code == 0
    out = " ".join(shown.out.split())
    assert "local emergency services" in out and "Sam 555-0100" in out
    assert "hw unlock" in out
    assert snapshot(encrypted) == before
    data = run_hw("sos", "--json").json()
    assert data["plan"] is None and data["crisis_contact"] == "Sam 555-0100"
