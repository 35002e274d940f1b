"""A journal that lives in memory only, for reading a file someone else made (a
client's hw export, read by their therapist) with the same queries, aggregates and
renderers as a journal on disk.

Nothing of it is ever on disk: no file, no WAL, no folder lock, no temporary file
(SQLite keeps an in-memory database's rollback journal in memory too). It is filled
through the journal's own bulk writer and gone when it is closed.
"""

from __future__ import annotations

import sqlite3

from hwjournal import migrations
from hwjournal.journal.store import Journal

# The empty, migrated database as bytes: a caseload opens one journal a client, and
# copying this image in costs a tenth of running the migrations again.
_IMAGE: list[bytes] = []


def in_memory(label: str) -> Journal:
    """A new, empty journal in memory. `label` says where its records come from (a
    file's name): it stands where a journal's path would in a message."""
    db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    if _IMAGE:
        db.deserialize(_IMAGE[0])
    else:
        migrations.migrate(db)
        _IMAGE.append(db.serialize())
    db.execute("PRAGMA foreign_keys = ON")
    return Journal(db, label)
