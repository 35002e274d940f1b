"""What every export format draws from: the span's WeekData (private entries
already left out unless asked for) plus who, when and with which hw, and the
assignments and skips as stored, for the hw-json round trip."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from hwjournal.journal import Journal
from hwjournal.week import WeekData


@dataclass
class ExportData:
    week: WeekData
    made_at: str
    hw_version: str
    name: str = ""
    template: str | None = None
    include_private: bool = False
    assignments: list[dict[str, Any]] = field(default_factory=list)  # hw-json rows
    skips: list[dict[str, Any]] = field(default_factory=list)  # hw-json rows
    assignment_uids: dict[int, str] = field(default_factory=dict)

    @property
    def start(self) -> dt.date:
        return self.week.start

    @property
    def end(self) -> dt.date:
        return self.week.end


def stored_plans(
    journal: Journal, data: WeekData, template: str | None, today: dt.date
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The assignments that touch the span (or that its entries and skips point
    to) and the skips inside it, with every field hw import needs."""
    start, end = data.start.isoformat(), data.end.isoformat()
    skip_rows = journal.db.execute(
        "SELECT s.uid, s.assignment_id, a.uid, a.template, s.date, s.barrier, s.reason, "
        "s.created_at FROM skips s JOIN assignments a ON a.id = s.assignment_id "
        "WHERE s.date BETWEEN ? AND ? ORDER BY s.date, s.id",
        (start, end),
    ).fetchall()
    skips = [
        {
            "uid": uid,
            "assignment_id": assignment_id,
            "assignment_uid": assignment_uid,
            "template": template_id,
            "date": date,
            "barrier": barrier,
            "reason": reason,
            "created_at": created_at,
        }
        for uid, assignment_id, assignment_uid, template_id, date, barrier, reason, created_at in (
            skip_rows
        )
        if template is None or template_id == template
    ]
    wanted = {e.assignment_id for e in data.entries if e.assignment_id is not None}
    wanted |= {s["assignment_id"] for s in skips}
    marks = ",".join("?" * len(wanted))
    rows = journal.db.execute(
        "SELECT id, uid, template, title, schedule, days, start, until, ended, note, created_at "
        "FROM assignments WHERE (start <= ? AND (until IS NULL OR until >= ?))"
        + (f" OR id IN ({marks})" if wanted else "")
        + " ORDER BY id",
        (end, start, *sorted(wanted)),
    ).fetchall()
    assignments = []
    for row in rows:
        id_, uid, template_id, title, schedule, days, a_start, until, ended, note, created_at = row
        if template is not None and template_id != template:
            continue
        # as `hw assignments` says it: not ended, and not past its last day
        day = today.isoformat()
        active = not ((ended is not None and ended <= day) or (until is not None and until < day))
        assignments.append(
            {
                "id": id_,
                "uid": uid,
                "template": template_id,
                "title": title,
                "schedule": schedule,
                "days": json.loads(days or "[]"),
                "start": a_start,
                "until": until,
                "ended": ended,
                "note": note,
                "created_at": created_at,
                "active": active,
            }
        )
    return assignments, skips


def cadence_text(schedule: str, days: list[str]) -> str:
    if schedule == "days":
        return ", ".join(days)
    return schedule


def build(
    journal: Journal,
    start: dt.date,
    end: dt.date,
    *,
    week_start: str,
    today: dt.date,
    label: str | None = None,
    template: str | None = None,
    include_private: bool = False,
    template_dirs: list[str] | None = None,
    name: str = "",
) -> ExportData:
    from hwjournal import __version__, week
    from hwjournal.dates import now_iso

    data = week.gather(
        journal,
        start,
        end,
        week_start,
        today,
        template=template,
        template_dirs=template_dirs,
        private=include_private,
    )
    data.label = label
    assignments, skips = stored_plans(journal, data, template, today)
    export = ExportData(
        week=data,
        made_at=now_iso(),
        hw_version=__version__,
        name=name,
        template=template,
        include_private=include_private,
        assignments=assignments,
        skips=skips,
    )
    for row in assignments:
        export.assignment_uids[row["id"]] = row["uid"]
    return export
