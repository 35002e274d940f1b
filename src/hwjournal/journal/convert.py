"""Turning a plain journal into an encrypted one and back, crash-safe: the new
journal is written beside the old one as a partial file, checked, made durable and
renamed over it, so at every instant the journal's name holds either the old
journal or the new one, whole.

SQLCipher's `sqlcipher_export()` copies every table, index, trigger and the search
index into an attached database with another key (or none). It copies neither the
schema version nor the application id, and leaves the copy in DELETE journal
mode: all three are set here. The caller holds the folder lock exclusively
(database.lock_exclusive), so no other hw has the journal open while it is replaced.
"""

from __future__ import annotations

import os

from hwjournal import atomic, messages
from hwjournal.errors import JournalError
from hwjournal.journal import cipher, opening

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_TABLES = ("entries", "assignments", "skips")
_CHUNK = 1024 * 1024


def encrypt(path: str, key: bytes) -> None:
    """Replace the plain journal at `path` by an encrypted copy keyed with `key`, then
    overwrite the plain file's bytes (the old inode, no longer the journal)."""
    _convert(path, source_key=None, target_key=key)


def decrypt(path: str, key: bytes) -> None:
    """Replace the encrypted journal at `path` by a plain copy."""
    _convert(path, source_key=key, target_key=None)


def _convert(path: str, source_key: bytes | None, target_key: bytes | None) -> None:
    cipher.remove_stale_partials(path)
    partial = cipher.partial_path(path)
    try:
        stamp, counts = _export(path, partial, source_key, target_key)
        _check_copy(partial, target_key, stamp, counts)
        atomic.sync_file(partial)
        old = os.open(path, os.O_RDWR) if source_key is None else None
        try:
            _clear_sidecars(path)
            os.replace(partial, path)
            atomic.sync_folder(os.path.dirname(os.path.abspath(path)))
            if old is not None:
                _overwrite(old)
        finally:
            if old is not None:
                os.close(old)
    except BaseException:
        atomic.remove_database(partial)
        raise


def _export(
    path: str, partial: str, source_key: bytes | None, target_key: bytes | None
) -> tuple[tuple[int, int], dict[str, int]]:
    """Write the copy; the source's (schema version, application id) and row counts."""
    source = cipher.connect(path, source_key)
    try:
        version, app_id, _ = opening.stamp(source)
        if not opening.is_hw(app_id):
            raise opening.not_a_journal(path)
        if opening.is_newer(version):
            raise opening.newer_journal(version)
        counts = _counts(source)
        # Everything into the main file, so the WAL holds nothing the copy lacks
        # and can be removed with the old journal.
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        target = cipher.raw_key(target_key) if target_key is not None else ""
        source.execute("ATTACH DATABASE ? AS target KEY ?", (partial, target))
        try:
            source.execute("SELECT sqlcipher_export('target')").fetchall()
            source.execute(f"PRAGMA target.user_version = {int(version)}")
            source.execute(f"PRAGMA target.application_id = {int(app_id)}")
        finally:
            source.execute("DETACH DATABASE target")
    finally:
        source.close()
    return (version, app_id), counts


def _check_copy(
    partial: str, key: bytes | None, stamp: tuple[int, int], counts: dict[str, int]
) -> None:
    """The copy opens with its key, is whole, and holds what the journal held; then it
    is put in WAL mode like every journal."""
    copy = cipher.connect(partial, key)
    try:
        copy.execute("PRAGMA journal_mode = WAL").fetchall()
        version, app_id, _ = opening.stamp(copy)
        whole = [row[0] for row in copy.execute("PRAGMA integrity_check")] == ["ok"]
        if not whole or (version, app_id) != stamp or _counts(copy) != counts:
            raise JournalError(messages.CONVERT_CHECK_FAILED, messages.JOURNAL_UNTOUCHED)
    finally:
        copy.close()


def _counts(db: Any) -> dict[str, int]:
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return {
        t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in _TABLES if t in tables
    }


def _clear_sidecars(path: str) -> None:
    """The old journal's WAL and shared-memory files, emptied by the checkpoint and
    closed by the export: a leftover WAL would be read as the new file's."""
    for suffix in ("-wal", "-shm"):
        sidecar = path + suffix
        try:
            size = os.path.getsize(sidecar)
        except OSError:
            continue
        if suffix == "-wal" and size > 0:
            raise JournalError(
                messages.JOURNAL_IN_USE.format(path=path), messages.JOURNAL_IN_USE_HINT
            )
        os.remove(sidecar)


def _overwrite(fd: int) -> None:
    """Zeros over every byte of the old plain file. (On an SSD or a copy-on-write
    file system the old blocks may survive anyway: the message says so.)"""
    size = os.fstat(fd).st_size
    zeros = bytes(_CHUNK)
    os.lseek(fd, 0, os.SEEK_SET)
    written = 0
    while written < size:
        written += os.write(fd, zeros[: min(_CHUNK, size - written)])
    os.fsync(fd)
