"""Daylio's CSV export (UTF-8 with a BOM; `full_date, date, weekday, time, mood,
activities, [scales,] note_title, note`) into `mood-checkin` entries, with the
built-in template's steps as their snapshot."""

from __future__ import annotations

import csv
import io
from typing import Any

from hwjournal import messages
from hwjournal.errors import UsageError
from hwjournal.importing.checking import (
    DAYLIO_MOODS,
    DAYLIO_NEEDS,
    Batch,
    ImportProblem,
    check_date,
    derived_uid,
    join_note,
    local_timestamp,
    parse_time,
    show,
)
from hwjournal.journal import Entry
from hwjournal.templates import Template


def parse_daylio(text: str, source: str, template: Template, mood_map: dict[str, int]) -> Batch:
    moods = {**DAYLIO_MOODS, **mood_map}
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        raise ImportProblem(source, messages.DAYLIO_EMPTY) from None
    except csv.Error as exc:
        raise ImportProblem(
            f"{source}, line 1", messages.DAYLIO_NOT_CSV.format(problem=exc)
        ) from None
    missing = [name for name in DAYLIO_NEEDS if name not in header]
    if missing:
        raise ImportProblem(
            f"{source}, line 1",
            messages.DAYLIO_NO_COLUMN.format(columns=", ".join(f"'{m}'" for m in missing)),
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
                f"{source}, line {line}", messages.DAYLIO_NOT_CSV.format(problem=exc)
            ) from None
        where = f"{source}, line {line}"
        line = reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise ImportProblem(
                where, messages.DAYLIO_FIELDS.format(fields=len(row), header=len(header))
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
        raise ImportProblem(where, messages.DAYLIO_TIME.format(value=show(cell("time"))))
    mood_name = cell("mood").strip()
    mood = moods.get(mood_name.lower())
    if mood is None:
        raise ImportProblem(where, messages.IMPORT_MOOD_UNKNOWN.format(mood=mood_name))
    raw_activities = cell("activities")
    activities = [a.strip() for a in raw_activities.split("|") if a.strip()]
    note = join_note(cell("note_title"), cell("note"))
    answers: dict[str, Any] = {"mood": mood}
    if activities:
        answers["activities"] = activities
    if note:
        answers["note"] = note
    hour, minute, second = clock
    when = f"{day}T{hour:02d}:{minute:02d}:{second:02d}"
    created_at = local_timestamp(day, hour, minute, second)
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
