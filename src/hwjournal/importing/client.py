"""A client's hw export, read by their therapist (`hw export --from`, `hw caseload`):
never imported, and nothing written anywhere.

`load` reads a file whole into a journal in memory (journal.memory), through the same
checks and bulk writer as `hw import`, so the week, the measures and every export
format draw from it exactly as they draw from a journal on disk. `hw caseload` needs
only a few facts of each of many files: importing.summary reads those.

The file says who it is from (`name`, the client's own setting; null when they set
none) and how their weeks run (`week_start`). An export from before those keys is
named by its file's stem, and its weeks start on Monday.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from hwjournal import messages, sources
from hwjournal.importing.checking import ImportProblem, check_date, show
from hwjournal.importing.jsonstream import HELD_LIMIT
from hwjournal.journal import Journal

WEEK_STARTS = ("monday", "sunday")  # config.WEEK_STARTS; the config module is not needed


class ClientFile:
    """Who a file is from, how their weeks run, the days it covers (None when it says
    none and holds no entry) and the day it was made (None when it does not say)."""

    __slots__ = ("end", "made_at", "made_with", "name", "path", "start", "week_start", "withheld")

    def __init__(
        self,
        path: str,
        name: str | None,
        week_start: str,
        start: dt.date | None,
        end: dt.date | None,
        made_at: str | None,
    ) -> None:
        self.path = path
        self.name = name  # as the file states it; None when it states none
        self.week_start = week_start
        self.start = start
        self.end = end
        self.made_at = made_at  # when the client made it (exported_at), if it says
        self.withheld = 0  # private entries the client's export left out of the file
        self.made_with: str | None = None  # the client's hw version (hw_version)

    @property
    def label(self) -> str:
        """The name to show: the client's own, else the file's stem (ana-lima.json)."""
        return self.name or os.path.splitext(os.path.basename(self.path))[0]

    def today(self, today: dt.date) -> dt.date:
        """The day the file's figures are counted up to: the day it was made, when that
        is earlier than today (what was still to come then is not "not recorded")."""
        return min(today, self.made_on) if self.made_on else today

    @property
    def made_on(self) -> dt.date | None:
        return dt.datetime.fromisoformat(self.made_at).date() if self.made_at else None


def read_text(path: str) -> str:
    """A client's file, whole: a regular file no larger than any export could be."""
    return sources.read_text(path, HELD_LIMIT, messages.CLIENT_FILE_KIND)


def read_bytes(path: str) -> bytes:
    """A client's file as read_text reads it, not yet decoded (sources.decode)."""
    return sources.read_bytes(path, HELD_LIMIT, messages.CLIENT_FILE_KIND)


def client_of(path: str, header: dict[str, Any], dates: list[str]) -> ClientFile:
    """The file's own facts, checked. `dates`: its entries' dates, for a file that does
    not say which days it covers."""
    name = header.get("name")
    if name is not None and not isinstance(name, str):
        raise ImportProblem(path, messages.CLIENT_NAME_TEXT)
    week_start = header.get("week_start")
    if week_start is None:
        week_start = "monday"
    if week_start not in WEEK_STARTS:
        raise ImportProblem(path, messages.CLIENT_WEEK_START.format(value=show(week_start)))
    start, end = _range(path, header.get("range"), dates)
    client = ClientFile(
        path, (name or "").strip() or None, week_start, start, end, _made_at(header)
    )
    made_with = header.get("hw_version")
    client.made_with = made_with if isinstance(made_with, str) and made_with.strip() else None
    withheld = header.get("private_withheld")
    if isinstance(withheld, int) and not isinstance(withheld, bool) and withheld > 0:
        client.withheld = withheld
    return client


def _range(path: str, span: Any, dates: list[str]) -> tuple[dt.date | None, dt.date | None]:
    if span is None:
        if not dates:
            return None, None
        return dt.date.fromisoformat(min(dates)), dt.date.fromisoformat(max(dates))
    if not isinstance(span, dict):
        raise ImportProblem(path, messages.CLIENT_RANGE_FORM)
    start = dt.date.fromisoformat(check_date(span.get("start"), path, "range.start"))
    end = dt.date.fromisoformat(check_date(span.get("end"), path, "range.end"))
    if start > end:
        raise ImportProblem(path, messages.CLIENT_RANGE_BACKWARDS)
    return start, end


def _made_at(header: dict[str, Any]) -> str | None:
    made = header.get("exported_at")
    if not isinstance(made, str):
        return None
    try:
        dt.datetime.fromisoformat(made)
    except ValueError:
        return None  # it only says when; a file is not refused for it
    return made


def load(path: str, template_dirs: list[str] | None) -> tuple[ClientFile, Journal]:
    """The client's file in a journal in memory, every record checked by the importer."""
    from hwjournal.importing import read_json, writer
    from hwjournal.importing.checking import ImportProblem
    from hwjournal.importing.hwjson import parse_hw_json
    from hwjournal.journal.memory import in_memory

    try:
        data = read_json(read_text(path), path)
        batch = parse_hw_json(data, path)
        client = client_of(path, data, [entry.date for entry in batch.entries])
        journal = in_memory(path)
        titles = writer.assignment_titles(batch, template_dirs or [])
        writer.write_batch(journal, batch, titles=titles)
    except ImportProblem as exc:  # not an import: say what to do about a client's file
        exc.hint = messages.CLIENT_FILE_BAD_HINT
        raise
    return client, journal
