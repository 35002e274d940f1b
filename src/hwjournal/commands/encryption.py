"""hw encrypt, unlock, lock, passphrase, decrypt: an encrypted journal, opt-in.

The work is the core's: journal.keyfile (the key file and the recovery key),
journal.keys (where a key comes from), journal.sessions (unlocked sessions) and
journal.convert (the crash-safe conversions). Here it is put in order and said.
"""

from __future__ import annotations

import contextlib
import os
import sys

from hwjournal import messages
from hwjournal.context import Context, say
from hwjournal.errors import HwError, Interrupted, UsageError
from hwjournal.i18n import gettext
from hwjournal.journal import database, opening
from hwjournal.streams import said_yes

TYPE_CHECKING = False
if TYPE_CHECKING:
    from hwjournal.journal.database import Unlocker


def _encrypted_journal(path: str, verb: str) -> None:
    """Refuse unless the journal exists and is encrypted; load SQLCipher (or say how
    to install it) before anything is asked."""
    if not os.path.isfile(path):
        raise HwError(messages.NO_JOURNAL_YET.format(path=path))
    if not opening.is_encrypted(path):
        raise HwError(
            messages.NOT_ENCRYPTED.format(path=path, verb=gettext(verb)),
            messages.NOT_ENCRYPTED_HINT,
        )
    from hwjournal.journal import cipher

    cipher.library()


def _refuse_if_in_use(path: str) -> None:
    """Say now, before anything is asked, if another hw has the journal open. (The
    lock is let go while the person types, so that hw elsewhere does not wait.)"""
    database.release(database.lock_exclusive(path))


def _wait_for_enter(prompt: str) -> None:
    say(prompt, end="")
    if not sys.stdin.readline():
        raise Interrupted(messages.INTERRUPTED)


def run_encrypt(ctx: Context) -> int:
    from hwjournal.journal import cipher, convert, keyfile, keys

    path = ctx.journal_path
    cipher.library()
    if not os.path.isfile(path):
        from hwjournal.journal import Journal

        say(messages.ENCRYPT_NO_JOURNAL.format(path=path))
        Journal.open(path, create=True).close()
    elif opening.is_encrypted(path):
        raise HwError(messages.ALREADY_ENCRYPTED.format(path=path), messages.ALREADY_ENCRYPTED_HINT)
    _refuse_if_in_use(path)
    unlock = ctx.unlocker()
    passphrase = keys.new_passphrase(unlock)
    data_key = keyfile.new_data_key()
    document = keyfile.wrap(data_key, passphrase)
    recovery = keyfile.recovery_key(data_key)
    in_terminal = unlock.can_prompt()
    if in_terminal:
        say(messages.RECOVERY_KEY_SHOW)
        say("\n    " + recovery + "\n")
        _wait_for_enter(messages.RECOVERY_KEY_READY)
    lock = database.lock_exclusive(path)
    try:
        # The key file first: whichever journal a crash leaves, it can be opened
        # (a plain one ignores a key file beside it).
        keyfile.write(path, document)
        try:
            convert.encrypt(path, data_key)
        except BaseException:
            if not opening.is_encrypted(path):
                _remove_quietly(keyfile.key_path(path))
            raise
    finally:
        database.release(lock)
    if not in_terminal:
        sys.stdout.write(recovery + "\n")
        sys.stdout.flush()
    say(messages.ENCRYPTED_DONE)
    from hwjournal.journal import backup

    older = backup.automatic_backups(path)
    if older:
        say(messages.ENCRYPTED_OLD_BACKUPS.format(paths=", ".join(older)))
    say(messages.ENCRYPTED_OLD_BLOCKS)
    return 0


def run_unlock(ctx: Context, *, for_: str | None, recovery_key: bool) -> int:
    from hwjournal.journal import cipher, keyfile, keys, sessions

    path = ctx.journal_path
    seconds = sessions.parse_duration(for_ or sessions.DEFAULT_FOR)
    _encrypted_journal(path, "unlock")
    if sessions.folder() is None:
        raise HwError(messages.UNLOCK_NO_RUNTIME, messages.UNLOCK_NO_RUNTIME_HINT)
    unlock = ctx.unlocker()
    if recovery_key:
        key = keyfile.data_key_from_recovery(_read_recovery_key(unlock))
        if not cipher.opens(path, key):
            raise HwError(messages.RECOVERY_KEY_WRONG)
        keyfile.write(path, keyfile.wrap(key, keys.new_passphrase(unlock)))
        say(messages.NEW_PASSPHRASE_SET)
    else:
        try:
            key = cipher.find_key(path, unlock, session=False)
        except keys.Locked:  # "run hw unlock" is no help here
            raise HwError(
                messages.UNLOCK_NEEDS_PASSPHRASE, messages.PASSPHRASE_NEEDS_TERMINAL_HINT
            ) from None
    ends = sessions.write(path, key, seconds)
    say(messages.UNLOCKED.format(until=_clock(ends)))
    return 0


def _read_recovery_key(unlock: Unlocker) -> str:
    if unlock.can_prompt():
        return unlock.ask_hidden(messages.RECOVERY_KEY_PROMPT)
    line = sys.stdin.readline()
    if not line.strip():
        raise UsageError(messages.RECOVERY_KEY_NEEDS_INPUT, messages.RECOVERY_KEY_HINT)
    return line


def _clock(epoch: float) -> str:
    import time

    ends = time.localtime(epoch)
    same_day = time.strftime("%Y-%m-%d", ends) == time.strftime("%Y-%m-%d")
    return time.strftime("%H:%M" if same_day else "%Y-%m-%d %H:%M", ends)


def run_lock(ctx: Context) -> int:
    from hwjournal.journal import keys, sessions

    path = ctx.journal_path
    forgot = sessions.forget(path)
    keys.keyring_forget(path, ctx.unlocker())
    say(messages.LOCKED_NOW if forgot else messages.WAS_NOT_UNLOCKED)
    return 0


def run_passphrase(ctx: Context) -> int:
    from hwjournal.journal import cipher, keyfile, keys

    path = ctx.journal_path
    _encrypted_journal(path, "change")
    unlock = ctx.unlocker()
    if not unlock.can_prompt():
        raise HwError(messages.PASSPHRASE_NEEDS_TERMINAL, messages.PASSPHRASE_NEEDS_TERMINAL_HINT)
    # The current passphrase, asked even when unlocked: whoever is at the keyboard
    # now proves they know it.
    key = cipher.find_key_by_passphrase(path, unlock)
    keyfile.write(path, keyfile.wrap(key, keys.new_passphrase(unlock)))
    say(messages.PASSPHRASE_CHANGED)
    return 0


def run_decrypt(ctx: Context, *, yes: bool) -> int:
    from hwjournal.journal import cipher, convert, keyfile, keys, sessions

    path = ctx.journal_path
    _encrypted_journal(path, "decrypt")
    _refuse_if_in_use(path)
    unlock = ctx.unlocker()
    if not yes:
        if not unlock.can_prompt():
            raise UsageError(messages.DECRYPT_NEEDS_YES, messages.DECRYPT_NEEDS_YES_HINT)
        say(messages.DECRYPT_ASK, end="")  # wrapped at words, its trailing space kept
        if not said_yes(sys.stdin.readline()):
            say(messages.DECRYPT_KEPT)
            return 0
    key = cipher.find_key(path, unlock)
    lock = database.lock_exclusive(path)
    try:
        convert.decrypt(path, key)
        _remove_quietly(keyfile.key_path(path))
    finally:
        database.release(lock)
    sessions.forget(path)
    keys.keyring_forget(path, unlock)
    say(messages.DECRYPTED_DONE)
    say(messages.DECRYPTED_BACKUPS)
    return 0


def _remove_quietly(path: str) -> None:
    with contextlib.suppress(OSError):
        os.remove(path)
