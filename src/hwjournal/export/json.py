"""hw-json: the whole span as `hw import` reads it back (entries with their step
snapshots, assignments and skips, each with its uid)."""

from __future__ import annotations

import json as _json
from typing import Any

from hwjournal.export.data import ExportData

NAME = "json"
EXTENSION = "json"
FORMAT = "hwjournal"
VERSION = 1


def document(data: ExportData) -> dict[str, Any]:
    entries = []
    for entry in data.week.entries:
        item = entry.to_json(with_steps=True)
        item["updated_at"] = entry.updated_at
        item["assignment_uid"] = (
            data.assignment_uids.get(entry.assignment_id)
            if entry.assignment_id is not None
            else None
        )
        entries.append(item)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": data.made_at,
        "hw_version": data.hw_version,
        # who, as the Markdown header names them (null when the config has no name),
        # and how their weeks run, so that a therapist's hw reads the file as they would
        "name": data.name if data.name.strip() else None,
        "week_start": data.week_start,
        "range": {"start": data.start.isoformat(), "end": data.end.isoformat()},
        "private_withheld": data.week.withheld,
        "entries": entries,
        "assignments": data.assignments,
        "skips": data.skips,
    }


def render(data: ExportData) -> str:
    return _json.dumps(document(data), ensure_ascii=False, indent=2) + "\n"
