"""The few facts of a client's hw export that `hw caseload` shows, read fast.

A caseload is a folder of exports, a year or more of each of dozens of clients:
building every entry with its answers and its steps, as `hw export --from` does
through the full importer, would cost seconds. Most of a file is what caseload never
shows: the answers, and the prompts each entry keeps. So SQLite's JSON functions, in
C, walk the document, and only each entry's date, template, privacy, link, score and
alerts reach Python, where they are checked as `hw import` checks them (a quick look
first; the importer's own checks, which name what is wrong, for anything unusual).
The assignments and skips, which are few, go through the importer's checks whole.
A file SQLite cannot read as JSON is read again by Python's parser, which says where
it breaks.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
from typing import Any

from hwjournal import messages
from hwjournal.importing.checking import HW_FORMAT, ImportProblem, Record
from hwjournal.importing.hwjson import _score, check_version, parse_hw_json, side_records
from hwjournal.journal import Entry

# Each top-level member, but not the value of the entries, the bulk of the file.
# SQLite gives a value as SQL: an object or array as JSON text, true and false as 1, 0.
_TOP = "SELECT key, type, CASE WHEN key = 'entries' THEN NULL ELSE value END FROM json_each(?)"
_AS_JSON = ("object", "array")
# What caseload needs of each entry, as one JSON array in this order.
FIELDS = (
    "uid",
    "template",
    "title",
    "date",
    "status",
    "private",
    "assignment_uid",
    "assignment_id",
    "score",
    "alerts",
)
_ENTRIES = (
    "SELECT type, json_extract(value, "
    + ", ".join(f"'$.{name}'" for name in FIELDS)
    + ") FROM json_each(?, '$.entries')"
)
_FIRST, _LAST = "1900-01-01", "2199-12-31"  # dates.FIRST_DAY and LAST_DAY, as text


class Light:
    """An entry as caseload knows it: when, which exercise, private or not, its score
    and the ids of the steps that alerted. Never an answer."""

    __slots__ = ("alerts", "date", "private", "score", "template", "title")

    def __init__(self, data: dict[str, Any]) -> None:
        self.template: str = data["template"]
        self.title: str = data["title"] or ""
        self.date: str = data["date"]
        self.private = bool(data["private"])
        self.score: dict[str, Any] | None = data["score"]
        self.alerts: list[str] = data["alerts"] or []


class Summary:
    """A file's header (every top-level key but the entries), its assignments and
    skips checked as `hw import` checks them, and its entries, light."""

    def __init__(self, header: dict[str, Any]) -> None:
        self.header = header
        self.entries: list[Light] = []
        self.assignments: list[Any] = []
        self.skips: list[Any] = []
        self.file_ids: dict[int, str] = {}  # the file's assignment ids, to their uids
        self._assigned: list[tuple[int, dict[str, Any]]] = []  # entries of assigned exercises

    def counted(self, low: str, high: str) -> tuple[list[Entry], list[str | None]]:
        """The entries of assigned exercises dated low..high, bare (no answers, no
        steps: an occasion is settled by template, date and link alone), for the
        homework figures; and beside each, the uid of the assignment it counted toward."""
        entries, links = [], []
        for number, data in self._assigned:
            if low <= data["date"] <= high:
                entry, link = _counted(Record(f"entry {number}", data), self.file_ids)
                entries.append(entry)
                links.append(link)
        return entries, links


def summarise(text: str, source: str) -> Summary:
    """The facts of an hw export's text; ImportProblem for a file that is not one."""
    if not text.lstrip().startswith("{"):
        raise ImportProblem(source, messages.IMPORT_NOT_HW_JSON)
    db = sqlite3.connect(":memory:")
    try:
        return _summarise(db, text, source)
    except sqlite3.Error:
        # not JSON that SQLite reads: Python's parser says where it breaks (or finds
        # it is JSON after all, and the full importer judges it)
        from hwjournal.importing import read_json

        parse_hw_json(read_json(text, source), source)
        raise ImportProblem(source, messages.IMPORT_NOT_HW_JSON) from None
    finally:
        db.close()


def _summarise(db: sqlite3.Connection, text: str, source: str) -> Summary:
    header: dict[str, Any] = {}
    entries_type = "null"
    for key, kind, value in db.execute(_TOP, (text,)):
        if key == "entries":
            entries_type = kind
        elif kind in _AS_JSON:
            header[key] = json.loads(value)
        else:
            header[key] = bool(value) if kind in ("true", "false") else value
    if header.get("format") != HW_FORMAT:
        raise ImportProblem(source, messages.IMPORT_NOT_HW_JSON)
    check_version(header, source)
    if entries_type not in ("null", "array"):
        raise ImportProblem(source, "'entries' should be a list")
    summary = Summary(header)
    summary.assignments, summary.skips, summary.file_ids = side_records(header, source)
    assigned = {a.template for a in summary.assignments}
    rows = db.execute(_ENTRIES, (text,)) if entries_type == "array" else ()
    for number, (kind, fields) in enumerate(rows, 1):
        if kind != "object":
            raise ImportProblem(f"entry {number}", "should be a JSON object")
        data = dict(zip(FIELDS, json.loads(fields), strict=True))
        if not _plainly_good(data):
            _check(Record(f"entry {number}", data))
        summary.entries.append(Light(data))
        if data["template"] in assigned:
            summary._assigned.append((number, data))
    return summary


def _counted(record: Record, file_ids: dict[int, str]) -> tuple[Entry, str | None]:
    """An entry bare, for the homework figures: the occasion it settles is told by its
    template, date and link alone. Its link: the assignment's uid, or its id in the file."""
    data = record.data
    link = record.optional_text("assignment_uid")
    file_id = data["assignment_id"]
    if link is None and type(file_id) is int:
        link = file_ids.get(file_id)
    entry = Entry(
        id=None,
        uid=record.uid(),
        template=data["template"],
        title=data["title"] or "",
        date=data["date"],
        created_at=data["date"],
        private=bool(data["private"]),
    )
    return entry, link


def _plainly_good(data: dict[str, Any]) -> bool:
    """Whether an entry's fields are as hw writes them, told quickly."""
    template, title, date = data["template"], data["title"], data["date"]
    score, alerts = data["score"], data["alerts"]
    return (
        type(template) is str
        and template.strip() != ""
        and (title is None or type(title) is str)
        and type(date) is str
        and len(date) == 10
        and _FIRST <= date <= _LAST
        and _is_date(date)
        and data["status"] in (None, "complete")
        and (data["private"] is None or type(data["private"]) is bool)
        and (score is None or _plain_score(score))
        and (alerts is None or (type(alerts) is list and all(type(a) is str for a in alerts)))
    )


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _plain_score(score: Any) -> bool:
    return (
        type(score) is dict
        and type(score.get("total")) in (int, float)
        and math.isfinite(score["total"])
        and (score.get("band") is None or type(score["band"]) is str)
    )


def _check(record: Record) -> None:
    """The importer's checks of the fields caseload reads: each raises what is wrong."""
    record.text("template", empty=False)
    record.text("title", "")
    record.date("date")
    status = record.text("status", "complete")
    if status != "complete":
        raise record.fail(f"'status' is {status!r}; only complete entries are read")
    record.boolean("private", False)
    _score(record)
    record.texts("alerts")
