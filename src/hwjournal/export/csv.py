"""CSV for spreadsheets: one row an entry, one column an answer id. A text cell
that starts with =, +, - or @ gets a leading ' so no spreadsheet runs it."""

from __future__ import annotations

import csv as _csv
import io
from typing import Any

from hwjournal.export.data import ExportData
from hwjournal.journal import Entry

NAME = "csv"
EXTENSION = "csv"
BASE_COLUMNS = ("id", "uid", "date", "template", "title", "mood", "tags", "private")
FORMULA_STARTS = ("=", "+", "-", "@")


def answer_columns(entries: list[Entry]) -> list[str]:
    """Every answer id, in the order steps are first seen."""
    seen: dict[str, None] = {}
    for entry in entries:
        ordered = [s.get("id") for s in entry.steps if s.get("id") in entry.answers]
        ordered += [a for a in entry.answers if a not in ordered]
        for step_id in ordered:
            seen.setdefault(step_id, None)
    return list(seen)


def header_for(step_id: str) -> str:
    """An answer column whose id is also a base column (mood) is told apart."""
    return f"answer:{step_id}" if step_id in BASE_COLUMNS else step_id


def cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    return value


def render(data: ExportData) -> str:
    entries = data.week.entries
    answers = answer_columns(entries)
    out = io.StringIO()
    writer = _csv.writer(out, lineterminator="\r\n")
    writer.writerow([*BASE_COLUMNS, *(header_for(a) for a in answers)])
    for entry in entries:
        row = [
            entry.id,
            entry.uid,
            entry.date,
            cell(entry.template),
            cell(entry.title),
            "" if entry.mood is None else entry.mood,
            cell(", ".join(entry.tags)),
            cell(entry.private),
        ]
        row += [cell(entry.answers.get(a)) for a in answers]
        writer.writerow(row)
    return out.getvalue()
