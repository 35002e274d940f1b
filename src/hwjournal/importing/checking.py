"""What every import format shares: the problem that refuses a file, the checked
records, and the checks of single values that name the record at fault."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

from hwjournal import dates, messages, plans
from hwjournal.errors import UsageError
from hwjournal.journal import Entry

FORMATS = ("hw-json", "daylio", "jrnl-json")
HW_FORMAT = "hwjournal"
HW_VERSION = 1

SCHEDULES = ("daily", "weekly", "days", "once")
# one list of day names and barrier codes for plans and imports, so they cannot drift
WEEKDAYS = plans.WEEKDAYS
BARRIERS = tuple(plans.BARRIERS)

DAYLIO_MOODS = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
DAYLIO_NEEDS = ("full_date", "time", "mood")
DAYLIO_TEMPLATE = "mood-checkin"

JRNL_TEMPLATE = "journal"
JRNL_TITLE = "Journal entry"
JRNL_STEPS = [{"id": "text", "type": "long", "prompt": "Journal entry (from jrnl)"}]

_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])?\.?\s*(m\.?)?$", re.IGNORECASE)
_UID_MAX = 200
SNAPSHOTS_KEPT = 64


class ImportProblem(UsageError):
    """A record that cannot be imported. The whole file is refused; nothing changes."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(
            messages.IMPORT_BAD_RECORD.format(where=where, problem=problem),
            messages.IMPORT_REFUSED_HINT,
        )
        self.where = where
        self.problem = problem


@dataclass
class AssignmentRecord:
    uid: str
    template: str
    schedule: str
    days: list[str]
    start: str
    until: str | None
    ended: str | None
    note: str
    created_at: str


@dataclass
class SkipRecord:
    uid: str
    assignment_uid: str
    date: str
    barrier: str
    reason: str
    created_at: str


@dataclass
class Batch:
    """Everything one file holds, checked. `links` runs alongside `entries`: the uid
    of the assignment each entry counted toward, if any."""

    format: str
    entries: list[Entry] = field(default_factory=list)
    links: list[str | None] = field(default_factory=list)
    assignments: list[AssignmentRecord] = field(default_factory=list)
    skips: list[SkipRecord] = field(default_factory=list)


class Record:
    """One record being checked; every complaint names it."""

    def __init__(self, where: str, data: Any) -> None:
        if not isinstance(data, dict):
            raise ImportProblem(where, messages.RECORD_NOT_OBJECT)
        self.where = where
        self.data = data

    def fail(self, problem: str) -> ImportProblem:
        return ImportProblem(self.where, problem)

    def text(self, key: str, default: str | None = None, *, empty: bool = True) -> str:
        value = self.data.get(key)
        if value is None:
            value = default
        if not isinstance(value, str):
            wrong = messages.RECORD_NOT_TEXT if key in self.data else messages.RECORD_MISSING
            raise self.fail(wrong.format(key=key))
        if not empty and not value.strip():
            raise self.fail(messages.RECORD_EMPTY.format(key=key))
        return value

    def uid(self) -> str:
        value = self.text("uid", empty=False)
        if len(value) > _UID_MAX:
            raise self.fail(messages.RECORD_UID_LONG.format(count=_UID_MAX))
        return value

    def optional_text(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(messages.RECORD_TEXT_OR_NULL.format(key=key))
        return value

    def date(self, key: str, *, optional: bool = False) -> str | None:
        value = self.data.get(key)
        if value is None and optional:
            return None
        return check_date(value, self.where, key)

    def timestamp(self, key: str, default: str | None = None) -> str:
        value = self.data.get(key, default)
        if value is None:
            value = default
        if not isinstance(value, str):
            raise self.fail(messages.RECORD_TIMESTAMP.format(key=key))
        try:
            dt.datetime.fromisoformat(value)
        except ValueError:
            raise self.fail(
                messages.RECORD_TIMESTAMP_BAD.format(key=key, value=show(value))
            ) from None
        return value

    def boolean(self, key: str, default: bool) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(messages.RECORD_BOOLEAN.format(key=key))
        return value

    def whole(self, key: str, default: int | None, low: int | None = None) -> int | None:
        value = self.data.get(key, default)
        if value is None:
            return default
        if not is_int(value) or (low is not None and value < low):
            if low is None:
                raise self.fail(messages.RECORD_WHOLE.format(key=key))
            raise self.fail(messages.RECORD_WHOLE_FROM.format(key=key, low=low))
        return value

    def texts(self, key: str) -> list[str]:
        value = self.data.get(key, [])
        if value is None:
            value = []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(messages.RECORD_TEXTS.format(key=key))
        return value


def check_date(value: Any, where: str, key: str) -> str:
    if isinstance(value, str) and len(value) == 10:
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            pass
        else:
            if not dates.in_range(day):
                raise ImportProblem(
                    where,
                    messages.IMPORT_DATE_OUTSIDE.format(
                        key=key, date=value, first=dates.FIRST_DAY, last=dates.LAST_DAY
                    ),
                )
            return value
    shown = "missing" if value is None else f"{show(value)}"
    raise ImportProblem(where, messages.IMPORT_NOT_A_DATE.format(key=key, shown=shown))


def show(value: Any) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 40 else shown[:39] + "…"


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def derived_uid(fmt: str, when: str, *texts: str) -> str:
    """The same record from the same tool always gets the same uid."""
    digest = hashlib.sha256("\x1f".join((fmt, when, *texts)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def local_timestamp(day: str, hour: int, minute: int, second: int = 0) -> str:
    moment = dt.datetime.fromisoformat(day).replace(hour=hour, minute=minute, second=second)
    return moment.astimezone().isoformat(timespec="seconds")


def parse_time(text: str) -> tuple[int, int, int] | None:
    """12- or 24-hour clock time: 23:10, 7:45 am, 10:05 PM, 07:30:15."""
    match = _TIME.match(text.strip())
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    second = int(match.group(3) or 0)
    half = (match.group(4) or "").lower()
    if half and not match.group(5):
        return None
    if minute > 59 or second > 59:
        return None
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    elif hour > 23:
        return None
    return hour, minute, second


def join_note(title: str, body: str) -> str:
    return "\n".join(part for part in (title, body) if part.strip())
