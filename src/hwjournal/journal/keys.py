"""Where the key of an encrypted journal comes from, in the spec's order:

1. an unlocked session (`hw unlock`), which holds the data key itself: no prompt,
   no key derivation, so a shell prompt's `hw due` stays quick;
2. `HW_PASSPHRASE_COMMAND`, a command whose stdout is the passphrase (`pass show hw`);
3. the system keyring, when the person turned it on (`hw config set keyring true`);
   any keyring failure falls back to what comes next, never crashes;
4. a prompt, when stdin and stdout are both terminals (getpass reads /dev/tty even
   when stdin is a pipe, so the terminals are checked first);

else the journal is locked: Locked, at once, and nothing asked.

Each source's key is tried on the journal (`opens`) before it is taken. Whether the
keyring is on, and who can be asked, come from the caller's Unlocker
(journal.database): this module neither reads the settings nor talks to a terminal.
"""

from __future__ import annotations

import os

from hwjournal import messages
from hwjournal.errors import HwError, JournalError, UsageError
from hwjournal.journal import sessions
from hwjournal.journal.database import Unlocker

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

COMMAND_VAR = "HW_PASSPHRASE_COMMAND"
KEYRING_SERVICE = "hwjournal"
TRIES = 3
MIN_PASSPHRASE = 8


class Locked(JournalError):
    """The journal is encrypted and no key was at hand."""

    def __init__(self) -> None:
        super().__init__(messages.LOCKED, messages.LOCKED_HINT)


def data_key(
    journal_path: str,
    opens: Callable[[bytes], bool],
    unlock: Unlocker | None = None,
    session: bool = True,
) -> tuple[bytes, str]:
    """The data key that opens the journal, and where it came from ("session",
    "command", "keyring", "prompt"). None: a session or the command, no prompt."""
    unlock = unlock or Unlocker()
    if session:
        key = sessions.read(journal_path)
        if key is not None:
            if opens(key):
                return key, "session"
            sessions.forget(journal_path)  # another journal's key, or a stale one
    if not unlock.ask:
        raise Locked()
    if os.environ.get(COMMAND_VAR):
        key = key_from_passphrase(journal_path, passphrase_from_command())
        return _fitting(journal_path, key, opens), "command"
    keyring = unlock.keyring_enabled()
    if keyring:
        key = keyring_get(journal_path, unlock)
        if key is not None and opens(key):
            return key, "keyring"
    if not unlock.can_prompt():
        raise Locked()
    key = passphrase_key(journal_path, opens, unlock)
    if keyring:
        keyring_set(journal_path, key, unlock)
    return key, "prompt"


def key_from_passphrase(journal_path: str, passphrase: str) -> bytes:
    from hwjournal.journal import keyfile

    return keyfile.unwrap(keyfile.read(journal_path), passphrase, keyfile.key_path(journal_path))


def _fitting(journal_path: str, key: bytes, opens: Callable[[bytes], bool]) -> bytes:
    """The key the key file held, if it opens this journal (a key file copied from
    another journal holds another key)."""
    if opens(key):
        return key
    from hwjournal.journal import keyfile

    raise JournalError(
        messages.KEY_FILE_OTHER.format(path=keyfile.key_path(journal_path)),
        messages.KEY_FILE_RECOVER,
    )


def passphrase_key(journal_path: str, opens: Callable[[bytes], bool], unlock: Unlocker) -> bytes:
    """The data key from the passphrase asked in a terminal (three tries)."""
    return _fitting(journal_path, _prompted_key(journal_path, unlock), opens)


def _prompted_key(journal_path: str, unlock: Unlocker) -> bytes:
    """Ask for the passphrase, three tries, before anything is read of the key file
    but its presence."""
    from hwjournal.journal import keyfile

    document = keyfile.read(journal_path)  # a missing key file: say so before asking
    for attempt in range(TRIES):
        passphrase = unlock.ask_hidden(messages.PASSPHRASE_PROMPT)
        try:
            return keyfile.unwrap(document, passphrase, keyfile.key_path(journal_path))
        except keyfile.WrongPassphrase:
            if attempt == TRIES - 1:
                raise
            unlock.tell(messages.WRONG_PASSPHRASE_AGAIN)
    raise AssertionError("unreachable")


# ------------------------------------------------------------ a new passphrase


def new_passphrase(unlock: Unlocker) -> str:
    """A new passphrase: from HW_PASSPHRASE_COMMAND, or asked twice in a terminal."""
    if os.environ.get(COMMAND_VAR):
        passphrase = passphrase_from_command()
        if len(passphrase) < MIN_PASSPHRASE:
            raise UsageError(messages.PASSPHRASE_SHORT.format(count=MIN_PASSPHRASE))
        return passphrase
    if not unlock.can_prompt():
        raise HwError(messages.PASSPHRASE_NEEDS_TERMINAL, messages.PASSPHRASE_NEEDS_TERMINAL_HINT)
    for _ in range(TRIES):
        first = unlock.ask_hidden(messages.NEW_PASSPHRASE_PROMPT)
        if len(first) < MIN_PASSPHRASE:
            unlock.tell(messages.PASSPHRASE_SHORT.format(count=MIN_PASSPHRASE))
            continue
        if unlock.ask_hidden(messages.NEW_PASSPHRASE_AGAIN) == first:
            return first
        unlock.tell(messages.PASSPHRASES_DIFFER)
    raise HwError(messages.PASSPHRASE_NOT_SET)


def passphrase_from_command() -> str:
    """The first line HW_PASSPHRASE_COMMAND prints (as `pass show` prints it). Run by
    the shell, its stdin and stderr left to it, so a pinentry can still ask."""
    import subprocess

    command = os.environ[COMMAND_VAR]
    try:
        done = subprocess.run(command, shell=True, stdout=subprocess.PIPE, check=False)
    except OSError as exc:
        from hwjournal.problems import os_said

        raise JournalError(messages.COMMAND_FAILED.format(problem=os_said(exc))) from None
    if done.returncode != 0:
        raise JournalError(
            messages.COMMAND_FAILED.format(
                problem=messages.COMMAND_EXITED.format(code=done.returncode)
            ),
            messages.COMMAND_HINT,
        )
    text = done.stdout.decode("utf-8", "replace")
    passphrase = text.split("\n", 1)[0].rstrip("\r")
    if not passphrase:
        raise JournalError(
            messages.COMMAND_FAILED.format(problem=messages.COMMAND_PRINTED_NOTHING),
            messages.COMMAND_HINT,
        )
    return passphrase


# ------------------------------------------------------------ the keyring


def _keyring():  # type: ignore[no-untyped-def]
    import keyring

    return keyring


def keyring_get(journal_path: str, unlock: Unlocker) -> bytes | None:
    try:
        found = _keyring().get_password(KEYRING_SERVICE, os.path.realpath(journal_path))
        return bytes.fromhex(found) if found else None
    except Exception as exc:  # any keyring failure falls back, never crashes
        _keyring_failed(exc, unlock)
        return None


def keyring_set(journal_path: str, key: bytes, unlock: Unlocker) -> None:
    try:
        _keyring().set_password(KEYRING_SERVICE, os.path.realpath(journal_path), key.hex())
    except Exception as exc:
        _keyring_failed(exc, unlock)


def keyring_forget(journal_path: str, unlock: Unlocker) -> None:
    """Take the journal's key out of the keyring, when the person uses it."""
    if not unlock.keyring_enabled():
        return
    try:
        keyring = _keyring()
        if keyring.get_password(KEYRING_SERVICE, os.path.realpath(journal_path)) is not None:
            keyring.delete_password(KEYRING_SERVICE, os.path.realpath(journal_path))
    except Exception as exc:
        _keyring_failed(exc, unlock)


_warned: list[bool] = []


def _keyring_failed(exc: Exception, unlock: Unlocker) -> None:
    """Say once, in a terminal only, why the keyring was passed over."""
    if _warned or not unlock.can_prompt():
        return
    _warned.append(True)
    problem = messages.KEYRING_NOT_INSTALLED if isinstance(exc, ImportError) else exc
    unlock.tell(messages.KEYRING_UNAVAILABLE.format(problem=problem))
