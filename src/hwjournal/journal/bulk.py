"""Many records written in one transaction: what an import needs from the journal.

    with journal.bulk_writer() as writer:
        known = writer.present([entry.uid for entry in entries])
        writer.add_entries(entry for entry in entries if entry.uid not in known)

Everything inside the block is one transaction: an exception anywhere rolls it
all back. Entries added inside are indexed for search in one pass when the block
ends (see Journal.search_index_deferred), and a steps snapshot shared by many
entries is encoded once. What to write, and what counts as already there, is
the importer's business (importing.writer); this module only stores it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from contextlib import ExitStack
from typing import Any

from hwjournal.journal.entry import ASSIGNMENT_FIELDS, STORED, Entry, steps_json

TYPE_CHECKING = False
if TYPE_CHECKING:
    from hwjournal.journal.store import Journal

# SQLite's smallest limit on the parameters of one statement is 999.
_PARAMETERS = 900
_SNAPSHOTS_ENCODED = 64  # steps snapshots whose JSON text is kept for reuse

_INSERT_ENTRY = (
    f"INSERT INTO entries ({', '.join(STORED)}) VALUES ({', '.join('?' for _ in STORED)})"
)
ASSIGNMENT_COLUMNS = ASSIGNMENT_FIELDS[1:]  # all but the id, which the journal gives
_INSERT_ASSIGNMENT = (
    f"INSERT INTO assignments ({', '.join(ASSIGNMENT_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in ASSIGNMENT_COLUMNS)})"
)
SKIP_COLUMNS = ("uid", "assignment_id", "date", "barrier", "reason", "created_at")
_INSERT_SKIP = (
    f"INSERT INTO skips ({', '.join(SKIP_COLUMNS)}) VALUES ({', '.join('?' for _ in SKIP_COLUMNS)})"
)
# Links from entries to assignments that are not known yet when the entries are
# written (an export lists its assignments after its entries): kept here, outside
# memory, until link_entries() makes them in one UPDATE.
_LINKS_TABLE = (
    "CREATE TEMP TABLE IF NOT EXISTS bulk_links "
    "(entry_uid TEXT PRIMARY KEY, assignment_uid TEXT, file_id INTEGER)"
)
_LINK_ENTRIES = """
    UPDATE entries SET assignment_id = (
        SELECT a.id FROM temp.bulk_links l JOIN assignments a ON a.uid = l.assignment_uid
        WHERE l.entry_uid = entries.uid)
    WHERE uid IN (SELECT entry_uid FROM temp.bulk_links)
"""


class BulkWriter:
    """Write many entries, assignments and skips in one transaction. Get one from
    Journal.bulk_writer() and use it as a context manager."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self._db = journal.db
        self._stack: ExitStack | None = None
        self._encoded: dict[int, tuple[list[dict[str, Any]], str]] = {}
        self._links = False

    def __enter__(self) -> BulkWriter:
        with ExitStack() as stack:
            stack.enter_context(self.journal.transaction())
            stack.enter_context(self.journal.search_index_deferred())
            self._stack = stack.pop_all()
        return self

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> bool:
        stack, self._stack = self._stack, None
        return bool(stack and stack.__exit__(exc_type, exc, tb))

    # ------------------------------------------------------------ entries

    def present(self, uids: Sequence[str]) -> set[str]:
        """Which of these entry uids the journal already holds (written in this
        transaction included)."""
        found: set[str] = set()
        for start in range(0, len(uids), _PARAMETERS):
            part = uids[start : start + _PARAMETERS]
            marks = ", ".join("?" for _ in part)
            rows = self._db.execute(f"SELECT uid FROM entries WHERE uid IN ({marks})", part)
            found.update(uid for (uid,) in rows)
        return found

    def add_entries(self, entries: Iterable[Entry]) -> int:
        """Insert these entries as they are (their ids are left None, for speed);
        returns how many. Each uid must be new."""
        rows = [entry.to_row(self._steps_json(entry.steps)) for entry in entries]
        self._db.executemany(_INSERT_ENTRY, rows)
        return len(rows)

    def _steps_json(self, steps: list[dict[str, Any]]) -> str:
        """Entries of an import share a handful of snapshots: each is encoded once
        (the cache holds the snapshot itself, so its id is never reused by another
        list while it is cached)."""
        hit = self._encoded.get(id(steps))
        if hit is not None and hit[0] is steps:
            return hit[1]
        text = steps_json(steps)
        if len(self._encoded) < _SNAPSHOTS_ENCODED:
            self._encoded[id(steps)] = (steps, text)
        return text

    def link_later(self, links: Iterable[tuple[str, str | None, int | None]]) -> None:
        """Remember which assignment entries added here count toward, as (entry uid,
        the assignment's uid, or else its id in the imported file); link_entries()
        makes the links once the assignments are written."""
        if not self._links:
            self._db.execute(_LINKS_TABLE)
            self._db.execute("DELETE FROM temp.bulk_links")
            self._links = True
        self._db.executemany("INSERT INTO temp.bulk_links VALUES (?, ?, ?)", links)

    def link_entries(self, file_ids: dict[int, str]) -> None:
        """Point the remembered entries at their assignments, by uid; `file_ids`
        turns the imported file's assignment ids into uids."""
        if not self._links:
            return
        self._db.executemany(
            "UPDATE temp.bulk_links SET assignment_uid = ? "
            "WHERE assignment_uid IS NULL AND file_id = ?",
            [(uid, file_id) for file_id, uid in file_ids.items()],
        )
        self._db.execute(_LINK_ENTRIES)
        self._db.execute("DROP TABLE temp.bulk_links")
        self._links = False

    # ------------------------------------------------------------ plans

    def assignment_ids(self) -> dict[str, int]:
        """Every assignment's id, by uid."""
        return dict(self._db.execute("SELECT uid, id FROM assignments"))

    def add_assignment(
        self,
        uid: str,
        template: str,
        title: str,
        schedule: str,
        days: list[str],
        start: str,
        until: str | None,
        ended: str | None,
        note: str,
        created_at: str,
    ) -> int:
        """Insert one assignment as it is; returns its id."""
        values = (uid, template, title, schedule, json.dumps(days), start, until, ended, note)
        cursor = self._db.execute(_INSERT_ASSIGNMENT, (*values, created_at))
        return cursor.lastrowid

    def skip_uids(self) -> set[str]:
        return {uid for (uid,) in self._db.execute("SELECT uid FROM skips")}

    def add_skips(self, rows: Iterable[tuple[str, int, str, str, str, str]]) -> None:
        """Insert skips, each as a tuple of SKIP_COLUMNS' values."""
        self._db.executemany(_INSERT_SKIP, rows)
