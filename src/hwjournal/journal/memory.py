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

# The empty, migrated database as bytes, with and without its search index: a
# caseload opens one journal a client, and copying this image in costs a tenth of
# running the migrations again.
_IMAGES: dict[bool, bytes] = {}
_SEARCH_INDEX = ("entries_fts_insert", "entries_fts_delete", "entries_fts_update")


def in_memory(label: str, search: bool = True) -> Journal:
    """A new, empty journal in memory. `label` says where its records come from (a
    file's name): it stands where a journal's path would in a message. search=False:
    without the search index and its triggers, for a journal that is only counted,
    never searched (a caseload's homework): writing it then changes no schema, which
    would make SQLite read the whole schema again."""
    db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    image = _IMAGES.get(search)
    if image is not None:
        db.deserialize(image)
    else:
        migrations.migrate(db)
        if not search:
            for trigger in _SEARCH_INDEX:
                db.execute(f"DROP TRIGGER {trigger}")
            db.execute("DROP TABLE entries_fts")
        _IMAGES[search] = db.serialize()
    db.execute("PRAGMA foreign_keys = ON")
    return Journal(db, label)
