"""The few facts of a client's hw export that `hw caseload` shows, read fast.

A caseload is a folder of exports, a year or more of each of dozens of clients:
building every entry with its answers and its steps, as `hw export --from` does
through the full importer, would cost seconds. So the file is parsed once, by Python's
JSON parser (in C, and quicker than walking it with SQLite's JSON functions and
handing each entry over again), and only each entry's date, template, privacy,
link, score and alerts are looked at, checked as `hw import` checks them (a quick
look first; the importer's own checks, which name what is wrong, for anything
unusual). The assignments and skips, which are few, go through the importer's
checks whole. A file that is not JSON is named with the line where it breaks.

Most of an export's text is its entries' `steps`, the prompts each entry was made
with, the same few lists over and over; caseload reads none of them. Each distinct
list is decoded and parsed once, and every copy of it becomes `null` before the
file is decoded and parsed (`_without_steps`, on the file's bytes): most of the
work, gone. This changes nothing else: the pattern `"steps": [` starts with a quote
and has another after `steps`, so in any file it is the key of the value that
follows, or the file is broken before it (and fails to parse either way); a value
is replaced only by `null`, and only where its bytes are those of a list already
decoded and parsed whole, so the file decodes and parses exactly when it did, into
the same document but for those lists. A file that fails either is read again
whole, to say where it breaks.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

from hwjournal import messages, sources
from hwjournal.importing import read_json
from hwjournal.importing.checking import HW_FORMAT, ImportProblem, Record
from hwjournal.importing.hwjson import _score, check_version, side_records
from hwjournal.journal import Entry

_FIRST, _LAST = "1900-01-01", "2199-12-31"  # dates.FIRST_DAY and LAST_DAY, as text
_STEPS = b'"steps": ['  # as hw writes an entry's steps (json.dumps' separators)
_DISTINCT = 32  # lists of steps remembered; a file with more keeps the rest as it is
_HEAD = 48  # bytes that tell most lists apart (their first step's id), to look them up
# Bytes decoded to find where a list of steps ends: first a few (a list is about two
# thousand), then more, up to a longest.
_FIRST_LOOK, _LONGEST = 1 << 12, 1 << 21
_DECODER = json.JSONDecoder()


class Light:
    """An entry as caseload knows it: when, which exercise, private or not, its score
    and the ids of the steps that alerted. Never an answer."""

    __slots__ = ("alerts", "date", "private", "score", "template", "title")

    def __init__(self, data: dict[str, Any]) -> None:
        get = data.get
        self.template: str = data["template"]
        self.title: str = get("title") or ""
        self.date: str = data["date"]
        self.private = bool(get("private"))
        self.score: dict[str, Any] | None = get("score")
        self.alerts: list[str] = get("alerts") or []


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


def summarise(raw: bytes, source: str) -> Summary:
    """The facts of an hw export's bytes; ImportProblem for a file that is not one,
    FileProblem for one that is not UTF-8 text."""
    try:
        text = _without_steps(raw).decode("utf-8-sig")
    except UnicodeDecodeError:
        text = sources.decode(raw, source)  # says which line is not UTF-8
    if not text.lstrip().startswith("{"):
        raise ImportProblem(source, messages.IMPORT_NOT_HW_JSON)
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        document = read_json(sources.decode(raw, source), source)  # where it breaks
    if document.get("format") != HW_FORMAT:
        raise ImportProblem(source, messages.IMPORT_NOT_HW_JSON)
    check_version(document, source)
    entries = document.pop("entries", None)
    if entries is None:
        entries = []
    elif type(entries) is not list:
        raise ImportProblem(source, messages.RECORD_ENTRIES_LIST)
    summary = Summary(document)  # the header: every top-level key but the entries
    summary.assignments, summary.skips, summary.file_ids = side_records(document, source)
    assigned = {a.template for a in summary.assignments}
    lights = summary.entries
    for number, data in enumerate(entries, 1):
        if type(data) is not dict:
            raise ImportProblem(f"entry {number}", messages.RECORD_NOT_OBJECT)
        if not _plainly_good(data):
            _check(Record(f"entry {number}", data))
        lights.append(Light(data))
        if data["template"] in assigned:
            summary._assigned.append((number, data))
    return summary


def _without_steps(raw: bytes) -> bytes:
    """The bytes with every entry's list of steps as `null` (see the module's notes)."""
    at = raw.find(_STEPS)
    if at == -1:
        return raw
    known: dict[bytes, list[bytes]] = {}  # the lists found, by their first bytes
    distinct = 0
    pieces = []
    copied = 0
    while at != -1:
        value = at + len(_STEPS) - 1  # the list's "["
        head = raw[value : value + _HEAD]
        for steps in known.get(head, ()):
            if raw.startswith(steps, value):
                break
        else:
            found = None if distinct == _DISTINCT else _steps_at(raw, value)
            if found is None:
                break  # the rest stays as it is
            steps = found
            known.setdefault(head, []).append(steps)
            distinct += 1
        pieces += (raw[copied:value], b"null")
        copied = value + len(steps)
        at = raw.find(_STEPS, copied)
    pieces.append(raw[copied:])
    return b"".join(pieces)


def _steps_at(raw: bytes, value: int) -> bytes | None:
    """The bytes of the JSON list that starts at `value`, decoded and parsed whole;
    None where they are not UTF-8, not JSON, or longer than _LONGEST."""
    size = _FIRST_LOOK
    while True:
        window = raw[value : value + size]
        try:
            text = window.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(window) - 3:
                return None  # not UTF-8: decoding the whole file will say where
            text = window[: exc.start].decode("utf-8")  # a character cut at the end
        try:
            end = _DECODER.raw_decode(text, 0)[1]
        except (ValueError, RecursionError):
            if value + size >= len(raw) or size >= _LONGEST:
                return None
            size *= 8  # the list goes on past the window
            continue
        return text[:end].encode("utf-8")


def _counted(record: Record, file_ids: dict[int, str]) -> tuple[Entry, str | None]:
    """An entry bare, for the homework figures: the occasion it settles is told by its
    template, date and link alone. Its link: the assignment's uid, or its id in the file."""
    data = record.data
    link = record.optional_text("assignment_uid")
    file_id = data.get("assignment_id")
    if link is None and type(file_id) is int:
        link = file_ids.get(file_id)
    entry = Entry(
        id=None,
        uid=record.uid(),
        template=data["template"],
        title=data.get("title") or "",
        date=data["date"],
        created_at=data["date"],
        private=bool(data.get("private")),
    )
    return entry, link


def _plainly_good(data: dict[str, Any]) -> bool:
    """Whether an entry's fields are as hw writes them, told quickly."""
    get = data.get
    template, title, date = get("template"), get("title"), get("date")
    score, alerts, private = get("score"), get("alerts"), get("private")
    return (
        type(template) is str
        and template.strip() != ""
        and (title is None or type(title) is str)
        and type(date) is str
        and len(date) == 10
        and _FIRST <= date <= _LAST
        and _is_date(date)
        and get("status") in (None, "complete")
        and (private is None or type(private) is bool)
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
        raise record.fail(messages.RECORD_STATUS_READ.format(value=repr(status)))
    record.boolean("private", False)
    _score(record)
    record.texts("alerts")
