"""Copies of the journal that can be trusted: SQLite's online backup API reads one
consistent snapshot even while another `hw` writes, into a private temporary
file that is renamed into place only when whole.

Automatic copies sit next to the journal as `journal-YYYYMMDD-HHMMSS.db` (named
after the journal's own file name); the newest `backup_keep` of those are kept
(0 keeps all). A copy made to a file or folder the person names is never pruned.

A copy of an encrypted journal stays encrypted with the same key, and the journal's
key file is copied beside it (`DEST.key`), so the same passphrase opens it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass, field

from hwjournal import atomic, messages, migrations, paths
from hwjournal.errors import HwError, JournalError, UsageError
from hwjournal.journal import connect, db_errors, is_db_error

TYPE_CHECKING = False
if TYPE_CHECKING:
    from hwjournal.journal.database import Unlocker


@dataclass
class BackupResult:
    path: str
    size: int
    entries: int
    removed: list[str] = field(default_factory=list)
    key_file: str | None = None  # the key file copied beside an encrypted copy


def stem(journal_path: str) -> str:
    name = os.path.basename(journal_path)
    return name[:-3] if name.endswith(".db") else name


def automatic_pattern(journal_path: str) -> re.Pattern[str]:
    return re.compile(re.escape(stem(journal_path)) + r"-(\d{8}-\d{6})(?:-(\d+))?\.db$")


def automatic_backups(journal_path: str) -> list[str]:
    """The automatic copies next to the journal, oldest first."""
    folder = os.path.dirname(os.path.abspath(journal_path))
    pattern = automatic_pattern(journal_path)
    found = []
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    for name in names:
        match = pattern.match(name)
        if match:
            found.append((match.group(1), int(match.group(2) or 0), os.path.join(folder, name)))
    return [path for _, _, path in sorted(found)]


def _timestamped(folder: str, journal_path: str, now: dt.datetime) -> str:
    base = f"{stem(journal_path)}-{now.strftime('%Y%m%d-%H%M%S')}"
    candidate = os.path.join(folder, base + ".db")
    number = 1
    while os.path.exists(candidate):
        number += 1
        candidate = os.path.join(folder, f"{base}-{number}.db")
    return candidate


def target(journal_path: str, dest: str | None, now: dt.datetime | None = None) -> tuple[str, bool]:
    """Where the copy goes, and whether it is an automatic (prunable) one."""
    now = now or dt.datetime.now()
    if dest is None:
        folder = os.path.dirname(os.path.abspath(journal_path))
        return _timestamped(folder, journal_path, now), True
    dest = os.path.expanduser(dest)
    if os.path.isdir(dest) or dest.endswith(os.sep):
        if not os.path.isdir(dest):
            paths.make_private_dir(dest)
        return _timestamped(dest, journal_path, now), False
    if os.path.lexists(dest):  # a link too, even to nothing: it is not replaced
        raise UsageError(messages.BACKUP_EXISTS.format(path=dest), messages.BACKUP_EXISTS_HINT)
    folder = os.path.dirname(os.path.abspath(dest))
    if not os.path.isdir(folder):
        raise UsageError(messages.BACKUP_NO_FOLDER.format(path=dest), messages.CREATE_FOLDER_FIRST)
    if os.path.abspath(dest) == os.path.abspath(journal_path):
        raise UsageError(messages.BACKUP_EXISTS.format(path=dest), messages.BACKUP_EXISTS_HINT)
    return dest, False


def copy(journal_path: str, dest_path: str, unlock: Unlocker | None = None) -> BackupResult:
    """An online backup into dest_path, made private before a byte is written. An
    encrypted journal opens as `unlock` allows."""
    if not os.path.isfile(journal_path):
        raise HwError(
            messages.BACKUP_NO_JOURNAL.format(path=journal_path), messages.BACKUP_NO_JOURNAL_HINT
        )
    folder = os.path.dirname(os.path.abspath(dest_path))
    remove_stale_partials(folder)
    temporary = os.path.join(folder, f".{os.path.basename(dest_path)}.{os.getpid()}.partial")
    source = None
    copied = None
    try:
        fd = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        os.chmod(temporary, 0o600)
        source = connect(journal_path, unlock)
        if source.execute("PRAGMA application_id").fetchone()[0] != migrations.APPLICATION_ID:
            raise _not_a_journal(journal_path)
        if isinstance(source, sqlite3.Connection):
            copied = sqlite3.connect(temporary)
        else:  # encrypted: the copy is keyed the same (SQLCipher copies page by page)
            from hwjournal.journal import cipher

            copied = cipher.connect(temporary, cipher.known_key(journal_path))
        source.backup(copied)
        # A backup is one self-contained file: no WAL next to it.
        copied.execute("PRAGMA journal_mode = DELETE")
        entries = copied.execute("SELECT count(*) FROM entries WHERE status = 'complete'")
        count = entries.fetchone()[0]
        copied.close()
        copied = None
        atomic.sync_file(temporary)
        key_file = _copy_key_file(journal_path, dest_path) if copied_encrypted(source) else None
        os.replace(temporary, dest_path)
        atomic.sync_folder(folder)
    except JournalError:
        atomic.remove_database(temporary)
        raise
    except (*db_errors(), OSError) as exc:
        atomic.remove_database(temporary)
        from hwjournal.problems import os_said

        problem = os_said(exc)
        if is_db_error(exc) and "not a database" in str(exc):
            raise _not_a_journal(journal_path) from None
        raise HwError(
            messages.BACKUP_FAILED.format(path=dest_path, problem=problem),
            messages.BACKUP_FAILED_HINT,
        ) from None
    finally:
        if copied is not None:
            copied.close()
        if source is not None:
            source.close()
    return BackupResult(dest_path, os.path.getsize(dest_path), count, key_file=key_file)


def copied_encrypted(source: object) -> bool:
    return not isinstance(source, sqlite3.Connection)


def _copy_key_file(journal_path: str, dest_path: str) -> str | None:
    """The journal's key file beside the copy (before the copy takes its name, so
    a copy never stands without its key file). None when the journal has none."""
    try:
        with open(journal_path + ".key", encoding="utf-8") as fh:
            text = fh.read()
    except FileNotFoundError:
        return None
    atomic.write_private(dest_path + ".key", text, force=True)
    return dest_path + ".key"


def _not_a_journal(path: str) -> JournalError:
    return JournalError(
        messages.BACKUP_NOT_JOURNAL.format(path=path),
        messages.POINT_AT_A_JOURNAL,
    )


_PARTIAL = re.compile(r"^\..+\.(\d+)\.partial(?:-journal)?$")


def remove_stale_partials(folder: str) -> list[str]:
    """Half-made copies left by a backup that was killed (its process is gone): they hold
    journal text, so they do not stay behind."""
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        match = _PARTIAL.match(name)
        if not match or atomic.process_alive(int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            os.remove(os.path.join(folder, name))
            removed.append(name)
    return removed


def prune(journal_path: str, keep: int) -> list[str]:
    """Remove the oldest automatic copies beyond `keep` (0 keeps all)."""
    if keep <= 0:
        return []
    backups = automatic_backups(journal_path)
    removed = []
    for path in backups[: max(0, len(backups) - keep)]:
        try:
            os.remove(path)
            removed.append(path)
        except OSError:
            continue
        with contextlib.suppress(OSError):
            os.remove(path + ".key")
    return removed
