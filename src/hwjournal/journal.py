"""The journal: one SQLite file the person owns.

Plain tables a curious person can read with `sqlite3`: answers and tags are JSON
text, an FTS5 table kept in step by triggers serves search. WAL so readers never
wait for a writer, a busy timeout so parallel writers queue instead of failing,
secure_delete so a deleted entry leaves no bytes behind.
"""

from __future__ import annotations

import json
import os
import sqlite3

from hwjournal import migrations, paths
from hwjournal.dates import now_iso
from hwjournal.errors import JournalError, NotFoundError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

BUSY_TIMEOUT_S = 30.0
ENTRY_COLUMNS = (
    "id, uid, template, template_version, title, date, created_at, updated_at, status, "
    "private, tags, mood, assignment_id, answers, steps, score, alerts, pending"
)


# The fields of an entry, in the order Entry() takes them.
_ENTRY_FIELDS = (
    "id",
    "uid",
    "template",
    "title",
    "date",
    "created_at",
    "status",
    "template_version",
    "updated_at",
    "private",
    "tags",
    "mood",
    "assignment_id",
    "answers",
    "steps",
    "score",
    "alerts",
    "pending",
)


class Entry:
    """One journal entry. A plain class rather than a dataclass, because every
    `hw log` and `hw due` loads this module and dataclasses costs more to import
    than the query takes; it compares and prints like the dataclass it was."""

    def __init__(
        self,
        id: int | None,
        uid: str,
        template: str,
        title: str,
        date: str,
        created_at: str,
        status: str = "complete",
        template_version: int = 1,
        updated_at: str = "",
        private: bool = False,
        tags: list[str] | None = None,
        mood: int | None = None,
        assignment_id: int | None = None,
        answers: dict[str, Any] | None = None,
        steps: list[dict[str, Any]] | None = None,
        score: dict[str, Any] | None = None,
        alerts: list[str] | None = None,
        pending: dict[str, Any] | None = None,
    ) -> None:
        self.id = id
        self.uid = uid
        self.template = template
        self.title = title
        self.date = date
        self.created_at = created_at
        self.status = status
        self.template_version = template_version
        self.updated_at = updated_at
        self.private = private
        self.tags = [] if tags is None else tags
        self.mood = mood
        self.assignment_id = assignment_id
        self.answers = {} if answers is None else answers
        self.steps = [] if steps is None else steps
        self.score = score
        self.alerts = alerts
        self.pending = pending

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in _ENTRY_FIELDS)

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass it was

    def __repr__(self) -> str:
        fields = ", ".join(f"{f}={getattr(self, f)!r}" for f in _ENTRY_FIELDS)
        return f"Entry({fields})"

    def to_json(self, with_steps: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "uid": self.uid,
            "template": self.template,
            "template_version": self.template_version,
            "title": self.title,
            "date": self.date,
            "created_at": self.created_at,
            "status": self.status,
            "private": self.private,
            "tags": self.tags,
            "mood": self.mood,
            "assignment_id": self.assignment_id,
            "answers": self.answers,
        }
        if self.score is not None:
            data["score"] = self.score
        if self.alerts:
            data["alerts"] = self.alerts
        if with_steps:
            data["steps"] = self.steps
        return data

    @property
    def backfilled(self) -> bool:
        """Made on a later day than the day it is for."""
        return self.created_at[:10] > self.date

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> Entry:
        (
            id_,
            uid,
            template,
            version,
            title,
            date,
            created_at,
            updated_at,
            status,
            private,
            tags,
            mood,
            assignment_id,
            answers,
            steps,
            score,
            alerts,
            pending,
        ) = row
        return cls(
            id=id_,
            uid=uid,
            template=template,
            template_version=version,
            title=title,
            date=date,
            created_at=created_at,
            updated_at=updated_at,
            status=status,
            private=bool(private),
            tags=json.loads(tags),
            mood=mood,
            assignment_id=assignment_id,
            answers=json.loads(answers),
            steps=json.loads(steps),
            score=json.loads(score) if score else None,
            alerts=json.loads(alerts) if alerts else None,
            pending=json.loads(pending) if pending else None,
        )


def new_uid() -> str:
    """A random version-4 UUID as 32 hex digits, what uuid.uuid4().hex gives, without
    importing uuid (which loads platform and more) on the way to saving an entry."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    return raw.hex()


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _entry_params(entry: Entry) -> dict[str, Any]:
    return {
        "uid": entry.uid,
        "template": entry.template,
        "template_version": entry.template_version,
        "title": entry.title,
        "date": entry.date,
        "created_at": entry.created_at,
        "updated_at": entry.updated_at or entry.created_at,
        "status": entry.status,
        "private": int(entry.private),
        "tags": _dump(entry.tags),
        "mood": entry.mood,
        "assignment_id": entry.assignment_id,
        "answers": _dump(entry.answers),
        "steps": _dump(entry.steps),
        "score": _dump(entry.score) if entry.score is not None else None,
        "alerts": _dump(entry.alerts) if entry.alerts else None,
        "pending": _dump(entry.pending) if entry.pending else None,
    }


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
    def open(cls, path: str, create: bool = True) -> Journal:
        """Open the journal at `path`. With create=False a missing journal reads as
        empty and no file is made (reads never create anything)."""
        if not os.path.exists(path):
            if not create:
                return cls._empty(path)
            _create_private_file(path)
        elif os.path.isdir(path):
            raise JournalError(
                f"{path} is a folder, not a journal file.",
                "Point --journal or HW_JOURNAL at a file.",
            )
        try:
            db = sqlite3.connect(
                path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise JournalError(f"Cannot open the journal at {path}: {exc}.") from None
        journal = cls(db, path)
        try:
            journal._check_and_migrate()
        except sqlite3.Error as exc:
            db.close()
            raise storage_error(path, exc) or exc from None
        return journal

    @classmethod
    def _empty(cls, path: str) -> Journal:
        db = sqlite3.connect(":memory:", isolation_level=None)
        migrations.migrate(db)
        return cls(db, path)

    def _check_and_migrate(self) -> None:
        db = self.db
        try:
            db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            # One statement, so one snapshot: read one by one, a journal that another
            # process creates in between looks like a foreign file (no id, yet tables).
            version, app_id, tables = db.execute(
                "SELECT (SELECT user_version FROM pragma_user_version), "
                "(SELECT application_id FROM pragma_application_id), "
                "(SELECT count(*) FROM sqlite_master)"
            ).fetchone()
            if version == 0 and app_id != migrations.APPLICATION_ID and tables:
                raise _not_a_journal(self.path)
        except sqlite3.DatabaseError as exc:
            if "not a database" in str(exc) or "malformed" in str(exc):
                raise _not_a_journal(self.path) from None
            raise
        if version and app_id != migrations.APPLICATION_ID:
            raise _not_a_journal(self.path)
        if version > migrations.LATEST:
            db.close()
            raise JournalError(
                f"This journal was written by a newer hw (schema {version}; this hw knows "
                f"up to {migrations.LATEST}). It was left untouched.",
                "Upgrade hw to open it: pip install --upgrade hwjournal",
            )
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA secure_delete = ON")
        if version < migrations.LATEST:
            if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                db.execute("PRAGMA journal_mode = WAL")
            migrations.migrate(db)

    def close(self) -> None:
        self.db.close()

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

    # ------------------------------------------------------------ entries

    def add(self, entry: Entry) -> Entry:
        params = _entry_params(entry)
        columns = ", ".join(params)
        marks = ", ".join(f":{k}" for k in params)
        with self.transaction() as db:
            cursor = db.execute(f"INSERT INTO entries ({columns}) VALUES ({marks})", params)
        entry.id = cursor.lastrowid
        entry.updated_at = params["updated_at"]
        return entry

    def update(self, entry: Entry) -> Entry:
        """Rewrite an entry (a draft as it grows, or as it becomes complete)."""
        entry.updated_at = now_iso()
        params = _entry_params(entry)
        params["id"] = entry.id
        sets = ", ".join(f"{k} = :{k}" for k in params if k not in ("id", "uid"))
        with self.transaction() as db:
            db.execute(f"UPDATE entries SET {sets} WHERE id = :id", params)
        return entry

    def save(self, entry: Entry) -> Entry:
        return self.add(entry) if entry.id is None else self.update(entry)

    def get(self, entry_id: int | str) -> Entry:
        try:
            number = int(entry_id)
        except (TypeError, ValueError):
            number = None
        row = None
        if number is not None:
            row = self.db.execute(
                f"SELECT {ENTRY_COLUMNS} FROM entries WHERE id = ?", (number,)
            ).fetchone()
        if row is None:
            raise NotFoundError(f"There is no entry {entry_id}.", "See your entries with: hw log")
        return Entry.from_row(row)

    def newest_draft(self) -> Entry | None:
        row = self.db.execute(
            f"SELECT {ENTRY_COLUMNS} FROM entries WHERE status = 'draft' "
            "ORDER BY date DESC, id DESC LIMIT 1"
        ).fetchone()
        return Entry.from_row(row) if row else None

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
            f"SELECT {ENTRY_COLUMNS} FROM entries WHERE {' AND '.join(where)} "
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
        except sqlite3.Error as exc:
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
                if isinstance(exc, sqlite3.Error):
                    raise storage_error(self.journal.path, exc) or exc from None
                raise
        self._roll_back()
        if isinstance(exc, sqlite3.Error):
            raise storage_error(self.journal.path, exc) or exc from None
        return False  # the exception goes on as it was

    def _roll_back(self) -> None:
        # After a disk error SQLite may have rolled back already.
        db = self.journal.db
        if db.in_transaction:
            try:
                db.execute("ROLLBACK")
            except sqlite3.Error:
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
                body = migrations._FTS_BODY.format(row="entries")
                db.execute(
                    f"INSERT INTO entries_fts (rowid, body) SELECT id, {body} FROM entries "
                    "WHERE id > ?",
                    (self.before,),
                )
        finally:
            if db.in_transaction:
                db.execute(self.trigger)
        return False


def storage_error(path: str, exc: sqlite3.Error) -> JournalError | None:
    """A calm JournalError for a disk that is full, failing or locked; None for
    anything else (a bug, which the exit point reports as unexpected)."""
    from hwjournal import messages

    code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
    text = str(exc).lower()
    if code == sqlite3.SQLITE_FULL or "disk is full" in text:
        return JournalError(messages.DISK_FULL.format(path=path), messages.DISK_FULL_HINT)
    if code in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN) or (
        "disk i/o error" in text or "readonly database" in text
    ):
        return JournalError(messages.DISK_IO.format(path=path, problem=exc), messages.DISK_IO_HINT)
    if code == sqlite3.SQLITE_BUSY or "database is locked" in text:
        return JournalError(messages.JOURNAL_BUSY.format(path=path), messages.JOURNAL_BUSY_HINT)
    return None


def _not_a_journal(path: str) -> JournalError:
    return JournalError(
        f"{path} is not an hw journal. It was left untouched.",
        "Point --journal or HW_JOURNAL at a journal file, or at a new path.",
    )


def _create_private_file(path: str) -> None:
    try:
        paths.make_private_dir(os.path.dirname(os.path.abspath(path)))
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    except OSError as exc:
        raise JournalError(
            f"Cannot create the journal at {path}: {exc.strerror}.",
            "Point --journal or HW_JOURNAL at a folder you can write to.",
        ) from None
    os.close(fd)
    os.chmod(path, 0o600)
