"""One journal entry, and the one list of its fields from which its table columns,
its stored rows and its JSON all follow (and the homework tables' columns).

A plain class rather than a dataclass: every `hw log` and `hw due` loads this
module, and dataclasses costs more to import than the query takes.
"""

from __future__ import annotations

import os

from hwjournal import jsontext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


# The homework tables' columns, beside the entries': plans reads and writes them, the
# bulk writer of an import writes them.
ASSIGNMENT_FIELDS = (
    "id",
    "uid",
    "template",
    "title",
    "schedule",
    "days",
    "start",
    "until",
    "ended",
    "note",
    "created_at",
)


def usable_tag(tag: str) -> bool:
    """A tag is one word: something, and no space in it."""
    return bool(tag) and not any(c.isspace() for c in tag)


# How a field is kept in its column.
PLAIN = 0  # as it is
FLAG = 1  # a bool as 0 or 1
JSON = 2  # JSON text, always
JSON_OR_NULL = 3  # JSON text, or NULL for None
JSON_IF_ANY = 4  # JSON text, or NULL for None and for an empty value

# Where a field shows in Entry.to_json().
SHOWN = 0  # always
SHOWN_IF_SET = 1  # when not None
SHOWN_IF_ANY = 2  # when not empty
SHOWN_WITH_STEPS = 3  # only with_steps=True
HIDDEN = 4  # never

# The entry's fields, in the order of its JSON (and of its columns in a query):
# (name, how its column holds it, where its JSON shows it). Entry.__init__ takes
# them by name; tests/test_journal.py checks the two, and the table, agree.
FIELDS: tuple[tuple[str, int, int], ...] = (
    ("id", PLAIN, SHOWN),
    ("uid", PLAIN, SHOWN),
    ("template", PLAIN, SHOWN),
    ("template_version", PLAIN, SHOWN),
    ("title", PLAIN, SHOWN),
    ("date", PLAIN, SHOWN),  # YYYY-MM-DD the entry is for
    ("created_at", PLAIN, SHOWN),
    ("updated_at", PLAIN, HIDDEN),  # hw-json adds it itself
    ("status", PLAIN, SHOWN),
    ("private", FLAG, SHOWN),
    ("tags", JSON, SHOWN),
    ("mood", PLAIN, SHOWN),
    ("assignment_id", PLAIN, SHOWN),
    ("answers", JSON, SHOWN),
    ("score", JSON_OR_NULL, SHOWN_IF_SET),
    ("alerts", JSON_IF_ANY, SHOWN_IF_ANY),
    ("steps", JSON, SHOWN_WITH_STEPS),
    ("pending", JSON_IF_ANY, HIDDEN),  # a draft's place and half-typed text
)
NAMES: tuple[str, ...] = tuple(name for name, _, _ in FIELDS)
# Every column, as a query selects them for Entry.from_row.
COLUMNS = ", ".join(NAMES)
# The columns an insert writes (SQLite gives the id), in Entry.to_row's order.
STORED: tuple[str, ...] = NAMES[1:]


def _dump(value: Any) -> str:
    return jsontext.dumps(value)


def _dump_or_null(value: Any) -> str | None:
    return None if value is None else _dump(value)


def _dump_if_any(value: Any) -> str | None:
    return _dump(value) if value else None


def _load_if_any(text: str | None) -> Any:
    return jsontext.loads(text) if text else None


# (name, encoder or None) per stored column, and (name, decoder or None) per
# selected column: looked up once here, not per field per row.
_ENCODE = {PLAIN: None, FLAG: int, JSON: _dump, JSON_OR_NULL: _dump_or_null}
_ENCODE[JSON_IF_ANY] = _dump_if_any
_DECODE = {PLAIN: None, FLAG: bool, JSON: jsontext.loads, JSON_OR_NULL: _load_if_any}
_DECODE[JSON_IF_ANY] = _load_if_any
_ENCODERS = tuple((name, _ENCODE[kind]) for name, kind, _ in FIELDS[1:])
_ENCODERS_BUT_STEPS = tuple((name, None if name == "steps" else code) for name, code in _ENCODERS)
_DECODERS = tuple((name, _DECODE[kind]) for name, kind, _ in FIELDS)
_SHOWN = tuple((name, shown) for name, _, shown in FIELDS if shown != HIDDEN)


class Entry:
    """One journal entry; it compares and prints like the dataclass it was."""

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
        return all(getattr(self, name) == getattr(other, name) for name in NAMES)

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass it was

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in NAMES)
        return f"Entry({fields})"

    def to_json(self, with_steps: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for name, shown in _SHOWN:
            value = getattr(self, name)
            if (
                shown == SHOWN
                or (shown == SHOWN_IF_SET and value is not None)
                or (shown == SHOWN_IF_ANY and value)
                or (shown == SHOWN_WITH_STEPS and with_steps)
            ):
                data[name] = value
        return data

    def to_row(self, steps_json: str | None = None) -> tuple[Any, ...]:
        """The values of the STORED columns, as the table keeps them. An entry never
        stored before takes its created_at as updated_at. `steps_json`: the steps
        already encoded (an import shares a few snapshots among many entries)."""
        encoders = _ENCODERS if steps_json is None else _ENCODERS_BUT_STEPS
        row = [
            getattr(self, name) if encode is None else encode(getattr(self, name))
            for name, encode in encoders
        ]
        if not self.updated_at:
            row[_UPDATED_AT] = self.created_at
        if steps_json is not None:
            row[_STEPS] = steps_json
        return tuple(row)

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> Entry:
        """The entry from a row of `SELECT {COLUMNS}`."""
        entry = cls.__new__(cls)
        for (name, decode), value in zip(_DECODERS, row, strict=True):
            setattr(entry, name, value if decode is None else decode(value))
        return entry

    @property
    def backfilled(self) -> bool:
        """Made on a later day than the day it is for."""
        return self.created_at[:10] > self.date


_UPDATED_AT = STORED.index("updated_at")
_STEPS = STORED.index("steps")


def steps_json(steps: list[dict[str, Any]]) -> str:
    """A steps snapshot as Entry.to_row would store it."""
    return _dump(steps)


def new_uid() -> str:
    """A random version-4 UUID as 32 hex digits, what uuid.uuid4().hex gives, without
    importing uuid (which loads platform and more) on the way to saving an entry."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    return raw.hex()
