"""The journal: one SQLite file the person owns, and every SQL statement about its
entries.

- entry.py      `Entry` and the one list of its fields (columns, rows and JSON)
- opening.py    connecting to the file, telling a journal from other files
- database.py   what every connection shares: the busy timeout, `is_db_error`,
                disk failures in plain words, the folder lock that keeps a
                conversion from a journal in use, and `Unlocker`: the sources of a
                key the caller allows
- store.py      `Journal`: entries read, searched, written and deleted
- bulk.py       `BulkWriter`: many records in one transaction (an import)
- integrity.py  the checks `hw check` reports (read only)
- backup.py     `hw backup`'s online copies, and pruning the automatic ones
- aggregates.py figures over many entries: streaks, days, scores (week, trends)

Encrypted journals (loaded only for one; a plain journal never imports them):
- cipher.py     SQLCipher: connecting with the raw data key
- keys.py       where the key comes from: session, command, keyring, prompt
- sessions.py   unlocked sessions in $XDG_RUNTIME_DIR/hwjournal
- keyfile.py    the key file (the data key sealed by the passphrase), the recovery key
- convert.py    hw encrypt and hw decrypt's crash-safe conversions

Callers use the names below as `journal.X`; the others are imported
where they are needed, so `hw log` and `hw due` never load them.
"""

from hwjournal.journal.database import BUSY_TIMEOUT_S, db_errors, is_db_error, storage_error
from hwjournal.journal.entry import COLUMNS as ENTRY_COLUMNS
from hwjournal.journal.entry import Entry, new_uid, usable_tag
from hwjournal.journal.opening import connect
from hwjournal.journal.store import Journal, fts_query

__all__ = [
    "BUSY_TIMEOUT_S",
    "ENTRY_COLUMNS",
    "Entry",
    "Journal",
    "connect",
    "db_errors",
    "fts_query",
    "is_db_error",
    "new_uid",
    "storage_error",
    "usable_tag",
]
