"""Reading other files into records the journal can take: hw's own JSON export,
Daylio's CSV export and jrnl's JSON export.

Nothing here opens the journal: records come out checked, and a bad record
refuses the whole file with where it is and what is wrong with it. Daylio and
jrnl files are small and read whole (`load`); an hw export can hold 100,000
entries, so `hwjson.HwJsonStream` reads it a piece at a time (`jsonstream`) and
hands its entries out one by one for the writer to put in its one transaction.
One module per format (hwjson, daylio, jrnl); the checks they share live in
`checking`.

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

import json
from typing import Any

from hwjournal import messages
from hwjournal.errors import UsageError
from hwjournal.i18n import gettext
from hwjournal.importing.checking import (
    DAYLIO_TEMPLATE,
    FORMATS,
    HW_FORMAT,
    AssignmentRecord,
    Batch,
    ImportProblem,
    SkipRecord,
    check_date,
    derived_uid,
    parse_time,
)
from hwjournal.importing.daylio import parse_daylio
from hwjournal.importing.hwjson import parse_hw_json
from hwjournal.importing.jrnl import parse_jrnl_json
from hwjournal.templates import Template

__all__ = [
    "DAYLIO_TEMPLATE",
    "FORMATS",
    "AssignmentRecord",
    "Batch",
    "ImportProblem",
    "SkipRecord",
    "check_date",
    "decode",
    "derived_uid",
    "detect",
    "load",
    "parse_daylio",
    "parse_hw_json",
    "parse_jrnl_json",
    "parse_mood_map",
    "parse_time",
    "read_json",
]

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
        where = gettext("{source}, line {line}").format(source=source, line=line)
        raise ImportProblem(where, messages.IMPORT_NOT_UTF8) from None


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
        data = read_json(text, source)
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


def read_json(text: str, source: str) -> Any:
    """The JSON document a file holds; ImportProblem, with the line, for one it does not."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        from hwjournal.problems import said

        raise ImportProblem(
            gettext("{source}, line {line}, column {column}").format(
                source=source, line=exc.lineno, column=exc.colno
            ),
            messages.IMPORT_NOT_JSON.format(problem=said(exc.msg)),
        ) from None
    except RecursionError:
        raise ImportProblem(source, messages.IMPORT_TOO_DEEP) from None
