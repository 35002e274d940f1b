"""Journal: the entries in the file, read and written.

Plain tables a curious person can read with `sqlite3`: answers and tags are JSON
text, an FTS5 table kept in step by triggers serves search. WAL so readers never
wait for a writer, a busy timeout so parallel writers queue instead of failing,
secure_delete so a deleted entry leaves no bytes behind.
"""

from __future__ import annotations

import os
import sys

from hwjournal import messages, migrations
from hwjournal.dates import now_iso
from hwjournal.errors import JournalError, NotFoundError
from hwjournal.ids import row_id
from hwjournal.journal import opening
from hwjournal.journal.database import db_errors, is_db_error, is_unreadable, storage_error
from hwjournal.journal.entry import COLUMNS, STORED, Entry

TYPE_CHECKING = False
if TYPE_CHECKING:
    import sqlite3
    from typing import Any

    from hwjournal.journal.bulk import BulkWriter
    from hwjournal.journal.database import Unlocker

_INSERT = f"INSERT INTO entries ({', '.join(STORED)}) VALUES ({', '.join('?' for _ in STORED)})"
# Every stored column but the uid, which never changes.
_UPDATE = f"UPDATE entries SET {', '.join(f'{c} = ?' for c in STORED[1:])} WHERE id = ?"


def fts_query(text: str) -> str:
    """Words as FTS5 prefix terms, quoted so that no user text is read as query syntax."""
    words = [w for w in text.split() if w.strip()]
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


class Journal:
    def __init__(self, db: sqlite3.Connection, path: str) -> None:
        self.db = db
        self.path = path

    # ------------------------------------------------------------ opening

    @classmethod
    def open(
        cls,
        path: str,
        create: bool = True,
        upgrade: bool = True,
        unlock: Unlocker | None = None,
    ) -> Journal:
        """Open the journal at `path`. With create=False a missing journal reads as
        empty and no file is made (reads never create anything). With upgrade=False
        a journal from an older hw is refused rather than migrated (`hw sos` reads
        only, whatever state the journal is in). An encrypted journal takes its key as
        journal.keys says, from the sources `unlock` allows (None: an unlocked session
        or HW_PASSPHRASE_COMMAND, never a prompt), else keys.Locked."""
        opening.check_path(path)
        if not os.path.exists(path):
            if not create:
                return cls._empty(path)
            opening.create_private_file(path)
        try:
            db = opening.connect(path, unlock)
        except db_errors() as exc:
            raise JournalError(
                messages.JOURNAL_CANNOT_OPEN.format(path=path, problem=exc)
            ) from None
        journal = cls(db, path)
        try:
            journal._check_and_migrate(upgrade)
        except db_errors() as exc:
            db.close()
            raise storage_error(path, exc) or exc from None
        except JournalError:
            db.close()
            raise
        return journal

    @classmethod
    def _empty(cls, path: str) -> Journal:
        import sqlite3

        db = sqlite3.connect(":memory:", isolation_level=None)
        migrations.migrate(db)
        return cls(db, path)

    def _check_and_migrate(self, upgrade: bool = True) -> None:
        db = self.db
        try:
            version, app_id, objects = opening.stamp(db)
        except db_errors() as exc:
            if is_unreadable(exc):
                raise opening.not_a_journal(self.path) from None
            raise
        if not opening.may_become_journal(version, app_id, objects):
            raise opening.not_a_journal(self.path)
        if opening.is_newer(version):
            raise opening.newer_journal(version)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA secure_delete = ON")
        if version < migrations.LATEST:
            if not upgrade:
                raise JournalError(messages.JOURNAL_NOT_UPGRADED.format(path=self.path))
            if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                db.execute("PRAGMA journal_mode = WAL")
            migrations.migrate(db)

    def close(self) -> None:
        self.db.close()

    @property
    def encrypted(self) -> bool:
        # an encrypted journal's connection is SQLCipher's; sqlite3 may not be loaded
        plain = sys.modules.get("sqlite3")
        return plain is None or not isinstance(self.db, plain.Connection)

    def editor_folder(self) -> str | None:
        """Where a long answer may be written for $EDITOR: "" (the system's temporary
        folder) for a plain journal; for an encrypted one a memory-backed folder, or
        None: no editor, since its file would leave the text on a disk."""
        if not self.encrypted:
            return ""
        from hwjournal.journal import sessions

        return sessions.memory_folder()

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def transaction(self) -> _Transaction:
        """One write, all or nothing: `with journal.transaction() as db:`. BEGIN
        IMMEDIATE takes the write lock up front so parallel writers queue on the busy
        timeout instead of failing mid-way."""
        return _Transaction(self)

    def search_index_deferred(self) -> _DeferredSearchIndex:
        """For a bulk write inside transaction() (an import): the entries added inside
        are indexed for search in one pass at the end instead of one by one.

        FTS5 writes out its pending terms at every statement that fires the insert
        trigger, which makes a 100,000-entry import two to three times slower. New
        entries get ids above every existing one, so they are exactly the rows indexed
        at the end. Add entries inside; do not update them there. If the block fails,
        the transaction's rollback puts everything back, trigger included."""
        return _DeferredSearchIndex(self)

    def bulk_writer(self) -> BulkWriter:
        """Many records in one transaction (an import): `with journal.bulk_writer() as
        writer:`. See journal.bulk."""
        from hwjournal.journal.bulk import BulkWriter

        return BulkWriter(self)

    # ------------------------------------------------------------ entries

    def add(self, entry: Entry) -> Entry:
        row = entry.to_row()
        with self.transaction() as db:
            cursor = db.execute(_INSERT, row)
        entry.id = cursor.lastrowid
        entry.updated_at = row[STORED.index("updated_at")]
        return entry

    def update(self, entry: Entry) -> Entry:
        """Rewrite an entry (a draft as it grows, or as it becomes complete)."""
        entry.updated_at = now_iso()
        with self.transaction() as db:
            db.execute(_UPDATE, (*entry.to_row()[1:], entry.id))
        return entry

    def save(self, entry: Entry) -> Entry:
        return self.add(entry) if entry.id is None else self.update(entry)

    def get(self, entry_id: int | str) -> Entry:
        number = row_id(entry_id)
        row = None
        if number is not None:
            row = self.db.execute(
                f"SELECT {COLUMNS} FROM entries WHERE id = ?", (number,)
            ).fetchone()
        if row is None:
            raise NotFoundError(
                messages.ENTRY_UNKNOWN.format(id=entry_id), messages.ENTRY_UNKNOWN_HINT
            )
        return Entry.from_row(row)

    def newest_draft(self) -> Entry | None:
        row = self.db.execute(
            f"SELECT {COLUMNS} FROM entries WHERE status = 'draft' "
            "ORDER BY date DESC, id DESC LIMIT 1"
        ).fetchone()
        return Entry.from_row(row) if row else None

    def holds_template(self, template: str) -> bool:
        """Whether any entry, draft or complete, was made with this template."""
        found = self.db.execute(
            "SELECT 1 FROM entries WHERE template = ? LIMIT 1", (template,)
        ).fetchone()
        return found is not None

    def find(
        self,
        *,
        limit: int | None = 20,
        since: str | None = None,
        until: str | None = None,
        template: str | None = None,
        tag: str | None = None,
        search: str | None = None,
        drafts: bool = False,
        newest_first: bool = True,
    ) -> list[Entry]:
        where = ["status IN ('complete', 'draft')" if drafts else "status = 'complete'"]
        params: list[Any] = []
        if since:
            where.append("date >= ?")
            params.append(since)
        if until:
            where.append("date <= ?")
            params.append(until)
        if template:
            where.append("template = ?")
            params.append(template)
        if tag:
            where.append("EXISTS (SELECT 1 FROM json_each(entries.tags) WHERE value = ?)")
            params.append(tag)
        if search:
            query = fts_query(search)
            if query:
                where.append("id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)")
                params.append(query)
        order = "DESC" if newest_first else "ASC"
        sql = (
            f"SELECT {COLUMNS} FROM entries WHERE {' AND '.join(where)} "
            f"ORDER BY date {order}, id {order}"
        )
        if limit:
            sql += " LIMIT ?"
            params.append(limit)
        return [Entry.from_row(row) for row in self.db.execute(sql, params)]

    def last_entry(self) -> Entry | None:
        found = self.find(limit=1)
        return found[0] if found else None

    def delete(self, entry_id: int) -> Entry:
        """Gone for good: the row, its search index terms, and the WAL frames that held it."""
        entry = self.get(entry_id)
        with self.transaction() as db:
            db.execute("DELETE FROM entries WHERE id = ?", (entry.id,))
        # FTS5 keeps deleted terms in old segments until they merge: merge them all now,
        # so secure_delete zeroes the pages that held the text.
        with self.transaction() as db:
            db.execute("INSERT INTO entries_fts (entries_fts) VALUES ('optimize')")
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return entry


# The two context managers are classes rather than @contextmanager generators:
# contextlib would be one more import for every `hw log` and `hw due`.


class _Transaction:
    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    def __enter__(self) -> sqlite3.Connection:
        db = self.journal.db
        try:
            db.execute("BEGIN IMMEDIATE")
        except db_errors() as exc:
            raise storage_error(self.journal.path, exc) or exc from None
        return db

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> bool:
        db = self.journal.db
        if exc is None:
            try:
                db.execute("COMMIT")
                return False
            except BaseException as failed:
                exc = failed
                self._roll_back()
                if is_db_error(exc):
                    raise storage_error(self.journal.path, exc) or exc from None
                raise
        self._roll_back()
        if is_db_error(exc):
            raise storage_error(self.journal.path, exc) or exc from None
        return False  # the exception goes on as it was

    def _roll_back(self) -> None:
        # After a disk error SQLite may have rolled back already.
        db = self.journal.db
        if db.in_transaction:
            try:
                db.execute("ROLLBACK")
            except db_errors():
                return  # it had gone already; the caller reports the first problem


class _DeferredSearchIndex:
    def __init__(self, journal: Journal) -> None:
        self.db = journal.db
        self.trigger: str | None = None
        self.before = 0

    def __enter__(self) -> None:
        db = self.db
        if not db.in_transaction:
            raise RuntimeError("search_index_deferred() belongs inside transaction()")
        found = db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'entries_fts_insert'"
        ).fetchone()
        if found is None:  # already deferred by an outer block
            return
        self.trigger = found[0]
        self.before = db.execute("SELECT coalesce(max(id), 0) FROM entries").fetchone()[0]
        db.execute("DROP TRIGGER entries_fts_insert")

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> bool:
        if self.trigger is None:
            return False
        db = self.db
        try:
            if exc is None:
                body = migrations.FTS_BODY.format(row="entries")
                db.execute(
                    f"INSERT INTO entries_fts (rowid, body) SELECT id, {body} FROM entries "
                    "WHERE id > ?",
                    (self.before,),
                )
        finally:
            if db.in_transaction:
                db.execute(self.trigger)
        return False
