"""Reading other files into records the journal can take: hw's own JSON export,
Daylio's CSV export and jrnl's JSON export.

Pure: text in, checked records out. Nothing here opens the journal, so a file
is read and checked whole before a single row is written, and a bad record
refuses the whole file with where it is and what is wrong with it.

Formats
- hw-json: what `hw export --format json` writes. Entries, assignments and skips
  keep their uid, so importing a file twice adds nothing twice.
- daylio: Daylio's CSV export (UTF-8 with a BOM; `full_date, date, weekday, time,
  mood, activities, [scales,] note_title, note`) into `mood-checkin` entries,
  with the built-in template's steps as their snapshot.
- jrnl-json: what `jrnl --export json` writes. jrnl has no exercises, so each
  entry becomes a `journal` entry with one long step, `text`: the title, and the
  body on the lines after it. Tags are kept without their `@`; a starred entry
  gets the tag `starred`.
Entries from Daylio and jrnl get a uid derived from the format, their time and
their text, so importing the same export again adds nothing twice.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

from hwjournal import messages
from hwjournal.errors import UsageError
from hwjournal.journal import Entry
from hwjournal.templates import STEP_TYPES, Template

FORMATS = ("hw-json", "daylio", "jrnl-json")
HW_FORMAT = "hwjournal"
HW_VERSION = 1

SCHEDULES = ("daily", "weekly", "days", "once")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
BARRIERS = ("time", "forgot", "overwhelmed", "unclear", "avoidance", "other")

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


# ---------------------------------------------------------------- entry points


def parse_mood_map(text: str | None) -> dict[str, int]:
    """--mood-map "custom=4,other=2": Daylio mood names (any case) to 1..5."""
    mapping: dict[str, int] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        name, eq, value = part.partition("=")
        name = name.strip().lower()
        value = value.strip()
        if not eq or not name or not (value.isdecimal() and 1 <= int(value) <= 5):
            raise UsageError(
                messages.IMPORT_MOOD_MAP_BAD.format(part=part.strip()),
                messages.IMPORT_MOOD_MAP_HINT,
            )
        mapping[name] = int(value)
    return mapping


def decode(raw: bytes, source: str) -> str:
    """File bytes as text: UTF-8, with or without a byte order mark."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ImportProblem(
            f"{source}, line {line}", "this is not UTF-8 text (save or export it as UTF-8)"
        ) from None


def load(
    text: str,
    source: str,
    fmt: str | None = None,
    mood_map: dict[str, int] | None = None,
    mood_template: Template | None = None,
) -> Batch:
    """Parse and check a whole file. `fmt` None means: tell from the content."""
    if fmt is not None and fmt not in FORMATS:
        raise UsageError(
            messages.IMPORT_FORMAT_UNKNOWN.format(format=fmt),
            messages.IMPORT_FORMAT_HINT,
        )
    data: Any = None
    if fmt in (None, "hw-json", "jrnl-json") and (fmt is not None or _looks_like_json(text)):
        data = _json(text, source)
    if fmt is None:
        fmt = detect(text, data, source)
    if fmt == "hw-json":
        return parse_hw_json(data, source)
    if fmt == "jrnl-json":
        return parse_jrnl_json(data, source)
    if mood_template is None:
        raise ValueError("the daylio format needs the mood-checkin template")
    return parse_daylio(text, source, mood_template, mood_map or {})


def detect(text: str, data: Any, source: str) -> str:
    """The format of a file, from what it holds."""
    if isinstance(data, dict):
        if data.get("format") == HW_FORMAT:
            return "hw-json"
        entries = data.get("entries")
        if isinstance(entries, list) and all(
            isinstance(e, dict) and ("body" in e or "title" in e) for e in entries
        ):
            return "jrnl-json"
    elif data is None:
        first = text.lstrip().split("\n", 1)[0].lower()
        if "full_date" in first and "mood" in first:
            return "daylio"
    raise UsageError(
        messages.IMPORT_FORMAT_UNCLEAR.format(source=source), messages.IMPORT_FORMAT_HINT
    )


def _looks_like_json(text: str) -> bool:
    return text.lstrip()[:1] in ("{", "[")


def _json(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportProblem(
            f"{source}, line {exc.lineno}, column {exc.colno}",
            f"this is not valid JSON ({exc.msg})",
        ) from None
    except RecursionError:
        raise ImportProblem(source, "the JSON is nested too deeply to read") from None


# ---------------------------------------------------------------- checking values


class _Record:
    """One record being checked; every complaint names it."""

    def __init__(self, where: str, data: Any) -> None:
        if not isinstance(data, dict):
            raise ImportProblem(where, "should be a JSON object")
        self.where = where
        self.data = data

    def fail(self, problem: str) -> ImportProblem:
        return ImportProblem(self.where, problem)

    def text(self, key: str, default: str | None = None, *, empty: bool = True) -> str:
        value = self.data.get(key)
        if value is None:
            value = default
        if not isinstance(value, str):
            raise self.fail(
                f"'{key}' should be text" if key in self.data else f"'{key}' is missing"
            )
        if not empty and not value.strip():
            raise self.fail(f"'{key}' should not be empty")
        return value

    def uid(self) -> str:
        value = self.text("uid", empty=False)
        if len(value) > _UID_MAX:
            raise self.fail(f"'uid' is longer than {_UID_MAX} characters")
        return value

    def optional_text(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(f"'{key}' should be text or null")
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
            raise self.fail(f"'{key}' should be a date and time like 2026-11-25T20:15:03+01:00")
        try:
            dt.datetime.fromisoformat(value)
        except ValueError:
            raise self.fail(
                f"'{key}' is {_show(value)}, not a date and time like 2026-11-25T20:15:03+01:00"
            ) from None
        return value

    def boolean(self, key: str, default: bool) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(f"'{key}' should be true or false")
        return value

    def whole(self, key: str, default: int | None, low: int | None = None) -> int | None:
        value = self.data.get(key, default)
        if value is None:
            return default
        if not _is_int(value) or (low is not None and value < low):
            above = f" of {low} or more" if low is not None else ""
            raise self.fail(f"'{key}' should be a whole number{above}")
        return value

    def texts(self, key: str) -> list[str]:
        value = self.data.get(key, [])
        if value is None:
            value = []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(f"'{key}' should be a list of texts")
        return value


def check_date(value: Any, where: str, key: str) -> str:
    if isinstance(value, str) and len(value) == 10:
        try:
            dt.date.fromisoformat(value)
            return value
        except ValueError:
            pass
    shown = "missing" if value is None else f"{_show(value)}"
    raise ImportProblem(where, f"'{key}' is {shown}, not a date like 2026-11-25")


def _show(value: Any) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 40 else shown[:39] + "…"


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


# ---------------------------------------------------------------- hw-json


def parse_hw_json(data: Any, source: str) -> Batch:
    if not isinstance(data, dict) or data.get("format") != HW_FORMAT:
        raise ImportProblem(source, messages.IMPORT_NOT_HW_JSON)
    version = data.get("version")
    if not _is_int(version) or version < 1:
        raise ImportProblem(source, "'version' should be a whole number, like 1")
    if version > HW_VERSION:
        raise ImportProblem(source, messages.IMPORT_NEWER.format(version=version))
    batch = Batch("hw-json")
    lists = {}
    for key in ("entries", "assignments", "skips"):
        value = data.get(key, [])
        if value is None:
            value = []
        if not isinstance(value, list):
            raise ImportProblem(source, f"'{key}' should be a list")
        lists[key] = value

    file_ids: dict[int, str] = {}
    for number, raw in enumerate(lists["assignments"], 1):
        record = _Record(f"assignment {number}", raw)
        assignment = _hw_assignment(record)
        file_id = record.data.get("id")
        if _is_int(file_id):
            file_ids[file_id] = assignment.uid
        batch.assignments.append(assignment)
    for number, raw in enumerate(lists["skips"], 1):
        batch.skips.append(_hw_skip(_Record(f"skip {number}", raw), file_ids))
    snapshots: list[list[dict[str, Any]]] = []
    for number, raw in enumerate(lists["entries"], 1):
        record = _Record(f"entry {number}", raw)
        batch.entries.append(_hw_entry(record, snapshots))
        link = record.optional_text("assignment_uid")
        if link is None and _is_int(raw.get("assignment_id")):
            link = file_ids.get(raw["assignment_id"])
        batch.links.append(link)
    return batch


def _hw_assignment(record: _Record) -> AssignmentRecord:
    schedule = record.text("schedule", "daily")
    if schedule not in SCHEDULES:
        raise record.fail(f"'schedule' is {_show(schedule)}; use one of: {', '.join(SCHEDULES)}")
    days = record.texts("days")
    wrong = [d for d in days if d not in WEEKDAYS]
    if wrong:
        raise record.fail(f"'days' holds {_show(wrong[0])}; days are {', '.join(WEEKDAYS)}")
    created_at = record.timestamp("created_at")
    return AssignmentRecord(
        uid=record.uid(),
        template=record.text("template", empty=False),
        schedule=schedule,
        days=days,
        start=record.date("start") or "",
        until=record.date("until", optional=True),
        ended=record.date("ended", optional=True),
        note=record.text("note", ""),
        created_at=created_at,
    )


def _hw_skip(record: _Record, file_ids: dict[int, str]) -> SkipRecord:
    link = record.optional_text("assignment_uid")
    if link is None:
        file_id = record.data.get("assignment_id")
        link = file_ids.get(file_id) if _is_int(file_id) else None
    if not link:
        raise record.fail("it does not say which assignment it belongs to ('assignment_uid')")
    barrier = record.text("barrier", "other")
    if barrier not in BARRIERS:
        raise record.fail(f"'barrier' is {_show(barrier)}; use one of: {', '.join(BARRIERS)}")
    return SkipRecord(
        uid=record.uid(),
        assignment_uid=link,
        date=record.date("date") or "",
        barrier=barrier,
        reason=record.text("reason", ""),
        created_at=record.timestamp("created_at"),
    )


def _hw_entry(record: _Record, snapshots: list[list[dict[str, Any]]]) -> Entry:
    data = record.data
    status = record.text("status", "complete")
    if status != "complete":
        raise record.fail(f"'status' is {_show(status)}; only complete entries are imported")
    steps = _known_snapshot(record.data.get("steps"), snapshots) or _snapshot(record, snapshots)
    answers = _answers(record, steps)
    mood = data.get("mood")
    if mood is not None and not (_is_int(mood) and 1 <= mood <= 5):
        raise record.fail("'mood' should be a whole number from 1 to 5, or null")
    created_at = record.timestamp("created_at")
    return Entry(
        id=None,
        uid=record.uid(),
        template=record.text("template", empty=False),
        title=record.text("title", ""),
        date=record.date("date") or "",
        created_at=created_at,
        updated_at=record.timestamp("updated_at", created_at),
        status="complete",
        template_version=record.whole("template_version", 1, low=1) or 1,
        private=record.boolean("private", False),
        tags=_tags(record),
        mood=mood,
        answers=answers,
        steps=steps,
        score=_score(record),
        alerts=_alerts(record, steps),
    )


def _tags(record: _Record) -> list[str]:
    tags = record.texts("tags")
    for tag in tags:
        if not tag.strip() or any(c.isspace() for c in tag):
            raise record.fail(f"the tag {_show(tag)} is not a single word")
    return tags


def _known_snapshot(
    steps: Any, snapshots: list[list[dict[str, Any]]]
) -> list[dict[str, Any]] | None:
    """The same steps already checked for an earlier entry: most entries of an export
    share a handful of snapshots, and sharing the object lets the writer encode it once."""
    for known in snapshots:
        if known == steps:
            return known
    return None


def _snapshot(record: _Record, snapshots: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    steps = record.data.get("steps")
    if not isinstance(steps, list):
        raise record.fail("'steps' (the prompts the entry was made with) should be a list")
    seen: set[str] = set()
    for index, step in enumerate(steps):
        where = f"steps[{index}]"
        if not isinstance(step, dict):
            raise record.fail(f"{where} should be an object")
        for key in ("id", "type", "prompt"):
            if not isinstance(step.get(key), str) or not step[key]:
                raise record.fail(f"{where} needs '{key}' as text")
        if step["type"] not in STEP_TYPES:
            raise record.fail(f"{where} has an unknown type {_show(step['type'])}")
        if step["id"] in seen:
            raise record.fail(f"{where} repeats the step id {_show(step['id'])}")
        seen.add(step["id"])
        for key in ("min", "max", "minutes", "alert_at"):
            if step.get(key) is not None and not _is_number(step[key]):
                raise record.fail(f"{where}.{key} should be a number")
        labels = step.get("labels")
        if labels is not None and not (
            isinstance(labels, dict)
            and all(_int_text(k) and isinstance(v, str) for k, v in labels.items())
        ):
            raise record.fail(f"{where}.labels should map whole numbers to texts")
        options = step.get("options")
        if options is not None and not (
            isinstance(options, list) and all(isinstance(o, str) for o in options)
        ):
            raise record.fail(f"{where}.options should be a list of texts")
        for key in ("help",):
            if step.get(key) is not None and not isinstance(step[key], str):
                raise record.fail(f"{where}.{key} should be text")
        for key in ("required", "reflection", "other", "pause"):
            if step.get(key) is not None and not isinstance(step[key], bool):
                raise record.fail(f"{where}.{key} should be true or false")
    if len(snapshots) < SNAPSHOTS_KEPT:
        snapshots.append(steps)
    return steps


def _int_text(key: str) -> bool:
    try:
        int(key)
    except ValueError:
        return False
    return True


def _answers(record: _Record, steps: list[dict[str, Any]]) -> dict[str, Any]:
    answers = record.data.get("answers", {})
    if not isinstance(answers, dict):
        raise record.fail("'answers' should be an object of step id to answer")
    by_id = {s["id"]: s for s in steps}
    for step_id, value in answers.items():
        step = by_id.get(step_id)
        if step is None:
            raise record.fail(f"the answer {_show(step_id)} has no step in 'steps'")
        problem = answer_problem(step, value)
        if problem:
            raise record.fail(f"the answer to {_show(step_id)} {problem}")
    return answers


def answer_problem(step: dict[str, Any], value: Any) -> str | None:
    """What is wrong with an answer for a step of the snapshot, or None."""
    kind = step["type"]
    if kind in ("text", "long", "choice"):
        return None if isinstance(value, str) else "should be text"
    if kind in ("multi", "list"):
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        return None if ok else "should be a list of texts"
    if kind == "yesno":
        return None if isinstance(value, bool) else "should be true or false"
    if kind == "number":
        return None if _is_number(value) else "should be a number"
    if kind == "timer":
        return None if _is_int(value) and value >= 0 else "should be whole seconds"
    if kind == "scale":
        if not _is_int(value):
            return "should be a whole number"
        low, high = step.get("min"), step.get("max")
        if (low is not None and value < low) or (high is not None and value > high):
            return f"is {value}, outside {low:g} to {high:g}"
        return None
    return "is for a step that takes no answer"


def _score(record: _Record) -> dict[str, Any] | None:
    score = record.data.get("score")
    if score is None:
        return None
    if not (
        isinstance(score, dict)
        and _is_number(score.get("total"))
        and (score.get("band") is None or isinstance(score.get("band"), str))
    ):
        raise record.fail('\'score\' should be {"total": number, "band": text or null}')
    return score


def _alerts(record: _Record, steps: list[dict[str, Any]]) -> list[str] | None:
    alerts = record.texts("alerts")
    ids = {s["id"] for s in steps}
    for step_id in alerts:
        if step_id not in ids:
            raise record.fail(f"'alerts' names {_show(step_id)}, which is not one of its steps")
    return alerts or None


# ---------------------------------------------------------------- other tools


def derived_uid(fmt: str, when: str, *texts: str) -> str:
    """The same record from the same tool always gets the same uid."""
    digest = hashlib.sha256("\x1f".join((fmt, when, *texts)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def _local_timestamp(day: str, hour: int, minute: int, second: int = 0) -> str:
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


def _join_note(title: str, body: str) -> str:
    return "\n".join(part for part in (title, body) if part.strip())


def parse_daylio(text: str, source: str, template: Template, mood_map: dict[str, int]) -> Batch:
    moods = {**DAYLIO_MOODS, **mood_map}
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        raise ImportProblem(source, "the file is empty") from None
    except csv.Error as exc:
        raise ImportProblem(f"{source}, line 1", f"cannot be read as CSV ({exc})") from None
    missing = [name for name in DAYLIO_NEEDS if name not in header]
    if missing:
        raise ImportProblem(
            f"{source}, line 1",
            "this is not a Daylio CSV export: the header has no "
            + ", ".join(f"'{m}'" for m in missing)
            + " column",
        )
    column = {name: index for index, name in enumerate(header)}
    steps = [s.snapshot() for s in template.steps]
    _check_daylio_template(template)
    batch = Batch("daylio")
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ImportProblem(
                f"{source}, line {line}", f"cannot be read as CSV ({exc})"
            ) from None
        where = f"{source}, line {line}"
        line = reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise ImportProblem(
                where, f"it has {len(row)} fields where the header has {len(header)}"
            )

        def cell(name: str, row: list[str] = row) -> str:
            return row[column[name]] if name in column else ""

        batch.entries.append(_daylio_entry(where, cell, moods, template, steps))
        batch.links.append(None)
    return batch


def _check_daylio_template(template: Template) -> None:
    ids = {s.id: s.type for s in template.steps}
    if ids.get("mood") != "scale" or "activities" not in ids or "note" not in ids:
        raise UsageError(messages.IMPORT_MOOD_TEMPLATE.format(template=template.id))


def _daylio_entry(
    where: str,
    cell: Any,
    moods: dict[str, int],
    template: Template,
    steps: list[dict[str, Any]],
) -> Entry:
    day = check_date(cell("full_date").strip(), where, "full_date")
    clock = parse_time(cell("time"))
    if clock is None:
        raise ImportProblem(
            where, f"the time {_show(cell('time'))} is not a time like 23:10 or 10:05 pm"
        )
    mood_name = cell("mood").strip()
    mood = moods.get(mood_name.lower())
    if mood is None:
        raise ImportProblem(where, messages.IMPORT_MOOD_UNKNOWN.format(mood=mood_name))
    raw_activities = cell("activities")
    activities = [a.strip() for a in raw_activities.split("|") if a.strip()]
    note = _join_note(cell("note_title"), cell("note"))
    answers: dict[str, Any] = {"mood": mood}
    if activities:
        answers["activities"] = activities
    if note:
        answers["note"] = note
    hour, minute, second = clock
    when = f"{day}T{hour:02d}:{minute:02d}:{second:02d}"
    created_at = _local_timestamp(day, hour, minute, second)
    return Entry(
        id=None,
        uid=derived_uid(
            "daylio", when, mood_name.lower(), raw_activities, cell("note_title"), cell("note")
        ),
        template=template.id,
        title=template.title,
        date=day,
        created_at=created_at,
        updated_at=created_at,
        status="complete",
        template_version=template.version,
        mood=mood,
        answers=answers,
        steps=steps,
    )


def parse_jrnl_json(data: Any, source: str) -> Batch:
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ImportProblem(source, 'this is not a jrnl JSON export (no "entries" list)')
    batch = Batch("jrnl-json")
    for number, raw in enumerate(data["entries"], 1):
        batch.entries.append(_jrnl_entry(_Record(f"entry {number}", raw)))
        batch.links.append(None)
    return batch


def _jrnl_entry(record: _Record) -> Entry:
    title = record.text("title", "")
    body = record.text("body", "")
    day = record.date("date") or ""
    raw_time = record.text("time", "00:00")
    clock = parse_time(raw_time)
    if clock is None:
        raise record.fail(f"'time' is {_show(raw_time)}, not a time like 19:00")
    starred = record.boolean("starred", False)
    tags: list[str] = []
    for tag in record.texts("tags"):
        word = "-".join(tag.lstrip("@").split())
        if word and word not in tags:
            tags.append(word)
    if starred and "starred" not in tags:
        tags.append("starred")
    text = _join_note(title, body)
    hour, minute, second = clock
    created_at = _local_timestamp(day, hour, minute, second)
    return Entry(
        id=None,
        uid=derived_uid("jrnl-json", f"{day}T{hour:02d}:{minute:02d}:{second:02d}", title, body),
        template=JRNL_TEMPLATE,
        title=JRNL_TITLE,
        date=day,
        created_at=created_at,
        updated_at=created_at,
        status="complete",
        tags=tags,
        answers={"text": text} if text else {},
        steps=[dict(s) for s in JRNL_STEPS],
    )
