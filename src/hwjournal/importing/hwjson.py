"""hw-json: what `hw export --format json` writes. Entries, assignments and skips
keep their uid, so importing a file twice adds nothing twice."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hwjournal import messages
from hwjournal.i18n import gettext
from hwjournal.importing.checking import (
    BARRIERS,
    HW_FORMAT,
    HW_VERSION,
    SCHEDULES,
    SNAPSHOTS_KEPT,
    WEEKDAYS,
    AssignmentRecord,
    Batch,
    ImportProblem,
    Record,
    SkipRecord,
    is_int,
    is_number,
    show,
)
from hwjournal.importing.jsonstream import JsonStream
from hwjournal.journal import Entry, usable_tag
from hwjournal.steps import Step, snapshot_problem

# An entry's steps as the file has them, and the same as Steps by id. Most entries
# of an export share a handful of snapshots: each is checked and read once.
Snapshot = tuple[list[dict[str, Any]], dict[str, Step]]


def parse_hw_json(data: Any, source: str) -> Batch:
    if not isinstance(data, dict) or data.get("format") != HW_FORMAT:
        raise ImportProblem(source, messages.IMPORT_NOT_HW_JSON)
    check_version(data, source)
    batch = Batch("hw-json")
    entries = _list(data, "entries", source)
    batch.assignments, batch.skips, file_ids = side_records(data, source)
    snapshots: list[Snapshot] = []
    for number, raw in enumerate(entries, 1):
        entry, link, file_id = _hw_entry_link(_record("entry {number}", number, raw), snapshots)
        batch.entries.append(entry)
        batch.links.append(file_ids.get(file_id) if file_id is not None else link)
    return batch


def check_version(data: dict[str, Any], source: str) -> None:
    version = data.get("version")
    if not is_int(version) or version < 1:
        raise ImportProblem(source, messages.HWJSON_VERSION)
    if version > HW_VERSION:
        raise ImportProblem(source, messages.IMPORT_NEWER.format(version=version))


def _list(data: dict[str, Any], key: str, source: str) -> list[Any]:
    value = data.get(key, [])
    if value is None:
        value = []
    if not isinstance(value, list):
        raise ImportProblem(source, messages.HWJSON_LIST.format(key=key))
    return value


def side_records(
    data: dict[str, Any], source: str
) -> tuple[list[AssignmentRecord], list[SkipRecord], dict[int, str]]:
    """The file's assignments and skips, checked, and its assignment ids to their uids."""
    assignments_raw = _list(data, "assignments", source)
    skips_raw = _list(data, "skips", source)
    file_ids: dict[int, str] = {}
    assignments = []
    for number, raw in enumerate(assignments_raw, 1):
        record = _record("assignment {number}", number, raw)
        assignment = _hw_assignment(record)
        file_id = record.data.get("id")
        if is_int(file_id):
            file_ids[file_id] = assignment.uid
        assignments.append(assignment)
    skips = [
        _hw_skip(_record("skip {number}", number, raw), file_ids)
        for number, raw in enumerate(skips_raw, 1)
    ]
    return assignments, skips, file_ids


def _hw_entry_link(
    record: Record, snapshots: list[Snapshot]
) -> tuple[Entry, str | None, int | None]:
    """The checked entry, and the assignment it counted toward: its uid, or else the
    assignment's id in the file (only known once the file's assignments are read)."""
    entry = _hw_entry(record, snapshots)
    link = record.optional_text("assignment_uid")
    file_id = record.data.get("assignment_id")
    if link is None and is_int(file_id):
        return entry, None, file_id
    return entry, link, None


class HwJsonStream:
    """An hw-json file read as it streams: the keys before "entries" first, then the
    entries one at a time, checked, then whatever follows them (an export puts its
    assignments and skips after its entries)."""

    def __init__(self, stream: JsonStream, source: str) -> None:
        self.stream = stream
        self.source = source
        self.header: dict[str, Any] = {}
        self.snapshots: list[Snapshot] = []
        self.count = 0

    def read_header(self) -> bool:
        """Read up to the entries list. True when that list is next and the file says
        it is an hw export, so the entries can stream; False when the caller should
        read the document whole instead (everything read is still kept)."""
        stream = self.stream
        stream.take("{", "Expecting value")
        if stream.peek() == "}":
            return False
        while True:
            key = self._key()
            if key == "entries" and stream.peek() == "[":
                if self.header.get("format") != HW_FORMAT:
                    return False
                stream.take("[", "Expecting value")
                if "version" in self.header:
                    check_version(self.header, self.source)
                return True
            self.header[key] = stream.value()
            if stream.take(",}", "Expecting ',' delimiter") == "}":
                return False

    def _key(self) -> str:
        stream = self.stream
        if stream.peek() != '"':
            raise stream.problem("Expecting property name enclosed in double quotes", stream.pos)
        key = stream.value()
        stream.take(":", "Expecting ':' delimiter")
        return key

    def entries(self) -> Iterator[tuple[Entry, str | None, int | None]]:
        """Each entry checked, with its link (see _hw_entry_link); then the rest of the
        document is read, so finish() can be called."""
        stream = self.stream
        stream.release()
        if stream.peek() == "]":
            stream.take("]", "Expecting value")
        else:
            while True:
                raw = stream.value()
                self.count += 1
                yield _hw_entry_link(_record("entry {number}", self.count, raw), self.snapshots)
                if stream.take(",]", "Expecting ',' delimiter") == "]":
                    break
        if stream.take(",}", "Expecting ',' delimiter") == ",":
            while True:
                key = self._key()
                self.header[key] = stream.value()
                if stream.take(",}", "Expecting ',' delimiter") == "}":
                    break
        stream.at_end()

    def finish(self) -> tuple[list[AssignmentRecord], list[SkipRecord], dict[int, str]]:
        """After entries(): the version (if it came late), assignments and skips."""
        check_version(self.header, self.source)
        return side_records(self.header, self.source)


def _hw_assignment(record: Record) -> AssignmentRecord:
    schedule = record.text("schedule", "daily")
    if schedule not in SCHEDULES:
        raise record.fail(
            messages.RECORD_SCHEDULE.format(value=show(schedule), schedules=", ".join(SCHEDULES))
        )
    days = record.texts("days")
    wrong = [d for d in days if d not in WEEKDAYS]
    if wrong:
        raise record.fail(
            messages.RECORD_DAYS.format(value=show(wrong[0]), days=", ".join(WEEKDAYS))
        )
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


def _hw_skip(record: Record, file_ids: dict[int, str]) -> SkipRecord:
    link = record.optional_text("assignment_uid")
    if link is None:
        file_id = record.data.get("assignment_id")
        link = file_ids.get(file_id) if is_int(file_id) else None
    if not link:
        raise record.fail(messages.RECORD_NO_ASSIGNMENT)
    barrier = record.text("barrier", "other")
    if barrier not in BARRIERS:
        raise record.fail(
            messages.RECORD_BARRIER.format(value=show(barrier), barriers=", ".join(BARRIERS))
        )
    return SkipRecord(
        uid=record.uid(),
        assignment_uid=link,
        date=record.date("date") or "",
        barrier=barrier,
        reason=record.text("reason", ""),
        created_at=record.timestamp("created_at"),
    )


def _hw_entry(record: Record, snapshots: list[Snapshot]) -> Entry:
    data = record.data
    status = record.text("status", "complete")
    if status != "complete":
        raise record.fail(messages.RECORD_NOT_COMPLETE.format(value=show(status)))
    steps, by_id = _known_snapshot(record.data.get("steps"), snapshots) or _snapshot(
        record, snapshots
    )
    answers = _answers(record, by_id)
    mood = data.get("mood")
    if mood is not None and not (is_int(mood) and 1 <= mood <= 5):
        raise record.fail(messages.RECORD_MOOD)
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


def _tags(record: Record) -> list[str]:
    tags = record.texts("tags")
    for tag in tags:
        if not usable_tag(tag):
            raise record.fail(messages.RECORD_TAG.format(tag=show(tag)))
    return tags


def _known_snapshot(steps: Any, snapshots: list[Snapshot]) -> Snapshot | None:
    """The same steps already checked for an earlier entry; sharing the object also
    lets the writer encode it once."""
    for known in snapshots:
        if known[0] == steps:
            return known
    return None


def _snapshot(record: Record, snapshots: list[Snapshot]) -> Snapshot:
    """The entry's steps, each checked by its type as a kept step (snapshot_problem)."""
    steps = record.data.get("steps")
    if not isinstance(steps, list):
        raise record.fail(messages.RECORD_STEPS)
    by_id: dict[str, Step] = {}
    for index, step in enumerate(steps):
        where = f"steps[{index}]"
        found = snapshot_problem(step)
        if found:
            key, problem = found
            raise record.fail(f"{where}.{key} {problem}" if key else f"{where} {problem}")
        if step["id"] in by_id:
            raise record.fail(messages.RECORD_STEP_TWICE.format(where=where, id=show(step["id"])))
        by_id[step["id"]] = Step.from_snapshot(step)
    snapshot = (steps, by_id)
    if len(snapshots) < SNAPSHOTS_KEPT:
        snapshots.append(snapshot)
    return snapshot


def _answers(record: Record, by_id: dict[str, Step]) -> dict[str, Any]:
    """The answers as the file has them, each checked by its step's type."""
    answers = record.data.get("answers", {})
    if not isinstance(answers, dict):
        raise record.fail(messages.RECORD_ANSWERS)
    for step_id, value in answers.items():
        step = by_id.get(step_id)
        if step is None:
            raise record.fail(messages.RECORD_ANSWER_NO_STEP.format(id=show(step_id)))
        problem = step.problem(value)
        if problem:
            raise record.fail(
                messages.RECORD_ANSWER_WRONG.format(id=show(step_id), problem=problem.rstrip("."))
            )
    return answers


def _score(record: Record) -> dict[str, Any] | None:
    """A score as hw writes it: a total and its band, scales by id, or both."""
    score = record.data.get("score")
    if score is None:
        return None

    def banded(part: Any, key: str) -> bool:
        return (
            isinstance(part, dict)
            and is_number(part.get(key))
            and (part.get("band") is None or isinstance(part.get("band"), str))
        )

    scales = score.get("scales") if isinstance(score, dict) else None
    if not (
        isinstance(score, dict)
        and set(score) <= {"total", "band", "scales"}
        and ("total" in score or scales)
        and ("total" not in score or banded(score, "total"))
        and (
            scales is None
            or (isinstance(scales, dict) and all(banded(s, "score") for s in scales.values()))
        )
    ):
        raise record.fail(messages.RECORD_SCORE)
    return score


def _alerts(record: Record, steps: list[dict[str, Any]]) -> list[str] | None:
    alerts = record.texts("alerts")
    ids = {s["id"] for s in steps}
    for step_id in alerts:
        if step_id not in ids:
            raise record.fail(messages.RECORD_ALERT_NO_STEP.format(id=show(step_id)))
    return alerts or None


def _record(label: str, number: int, raw: Any) -> Record:
    """A record named as the problems about it say it ("entry 3"), in the run's language:
    gettext("entry {number}"), gettext("assignment {number}"), gettext("skip {number}")."""
    return Record(gettext(label).format(number=number), raw)
