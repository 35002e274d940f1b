"""jrnl-json: what `jrnl --export json` writes. jrnl has no exercises, so each entry
becomes a `journal` entry with one long step, `text`: the title, and the body on
the lines after it. Tags are kept without their `@`; a starred entry gets the
tag `starred`."""

from __future__ import annotations

from typing import Any

from hwjournal import messages
from hwjournal.importing.checking import (
    JRNL_STEPS,
    JRNL_TEMPLATE,
    JRNL_TITLE,
    Batch,
    ImportProblem,
    Record,
    derived_uid,
    join_note,
    local_timestamp,
    parse_time,
    show,
)
from hwjournal.journal import Entry


def parse_jrnl_json(data: Any, source: str) -> Batch:
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ImportProblem(source, messages.JRNL_NOT_EXPORT)
    batch = Batch("jrnl-json")
    for number, raw in enumerate(data["entries"], 1):
        batch.entries.append(_jrnl_entry(Record(f"entry {number}", raw)))
        batch.links.append(None)
    return batch


def _jrnl_entry(record: Record) -> Entry:
    title = record.text("title", "")
    body = record.text("body", "")
    day = record.date("date") or ""
    raw_time = record.text("time", "00:00")
    clock = parse_time(raw_time)
    if clock is None:
        raise record.fail(messages.RECORD_TIME.format(value=show(raw_time)))
    starred = record.boolean("starred", False)
    tags: list[str] = []
    for tag in record.texts("tags"):
        word = "-".join(tag.lstrip("@").split())
        if word and word not in tags:
            tags.append(word)
    if starred and "starred" not in tags:
        tags.append("starred")
    text = join_note(title, body)
    hour, minute, second = clock
    created_at = local_timestamp(day, hour, minute, second)
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
