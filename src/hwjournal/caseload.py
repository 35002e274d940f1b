"""`hw caseload`: a therapist's clients at a glance, one row a client, from the hw
exports they chose to send. Read-only: nothing is imported, opened on disk or written.

For each file: who it is from and the days it covers, the last entry's date, the
homework of its last week (done of due, counted by plans exactly as `hw week` counts
it, in a journal in memory holding only the bare entries of the assigned exercises),
each measure's latest score with its status against the file's first score of it
(measures.status, the engine `hw trends` uses), and its alerts. Never an answer: a
client's words stay in `hw export --from`.

Private entries (in a file only when the client exported with --include-private)
count in the homework, as in every export, and nowhere else: their scores and alerts
stay out, as an export leaves them out unless asked.

Clients with an alert come first, then any with a reliable deterioration, then by name.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from typing import Any

from hwjournal import measures
from hwjournal.errors import HwError
from hwjournal.importing.client import ClientFile, client_of, read_bytes
from hwjournal.importing.summary import Summary, summarise


class MeasureRow:
    """A measure's latest score in the file, and its status against the first."""

    __slots__ = ("band", "count", "date", "first", "status", "template", "title", "total")

    def __init__(self, template: str, title: str) -> None:
        self.template = template
        self.title = title
        self.date = ""
        self.total: float = 0
        self.band: str | None = None
        self.first: float = 0  # the file's first score of it, the baseline
        self.count = 0  # its scores in the file
        self.status: list[str] = []

    @property
    def deteriorated(self) -> bool:
        return measures.deteriorated(self.status)

    def to_json(self) -> dict[str, Any]:
        return {
            "template": self.template,
            "date": self.date,
            "total": self.total,
            "band": self.band,
            "status": list(self.status),
        }


class AlertRow:
    """An answer at its step's alert level: when, in which exercise, at which step."""

    __slots__ = ("date", "step", "template", "title")

    def __init__(self, date: str, template: str, title: str, step: str) -> None:
        self.date = date
        self.template = template
        self.title = title
        self.step = step

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date, "template": self.template, "step": self.step}


class Client:
    """One row of the caseload."""

    def __init__(self, file: ClientFile) -> None:
        self.file = file
        self.last_entry: str | None = None
        self.done = 0
        self.due = 0
        self.week: tuple[dt.date, dt.date] | None = None  # the file's last week, as counted
        self.measures: list[MeasureRow] = []
        self.alerts: list[AlertRow] = []

    @property
    def name(self) -> str:
        return self.file.label

    @property
    def deteriorated(self) -> bool:
        return any(m.deteriorated for m in self.measures)

    def order(self) -> tuple[bool, bool, str, str]:
        return (not self.alerts, not self.deteriorated, self.name.casefold(), self.file.path)

    def to_json(self) -> dict[str, Any]:
        file = self.file
        return {
            "file": file.path,
            "name": self.name,
            "start": file.start.isoformat() if file.start else None,
            "end": file.end.isoformat() if file.end else None,
            "last_entry": self.last_entry,
            "homework": {"done": self.done, "due": self.due},
            "measures": [m.to_json() for m in self.measures],
            "alerts": [a.to_json() for a in self.alerts],
        }


class Thresholds:
    """Each measure's thresholds, from its template as it is now, looked up once a run."""

    def __init__(self, template_dirs: list[str] | None) -> None:
        self.template_dirs = template_dirs
        self._found: dict[str, measures.Thresholds] = {}

    def of(self, template_id: str) -> measures.Thresholds:
        if template_id not in self._found:
            from hwjournal import templates

            try:
                found = measures.of_template(templates.find(template_id, self.template_dirs))
            except HwError:
                found = measures.Thresholds()  # a template the therapist does not have
            self._found[template_id] = found
        return self._found[template_id]


# ---------------------------------------------------------------- reading


def client_files(paths: list[str], on_problem: Callable[[str, str], None]) -> Iterator[str]:
    """The files named, and every *.json in a folder named, in name order. A name that
    is neither is told to on_problem(path, problem)."""
    from hwjournal import messages

    for path in paths:
        if os.path.isdir(path):
            try:
                names = sorted(os.listdir(path))
            except OSError as exc:
                from hwjournal.problems import os_said

                on_problem(path, os_said(exc))
                continue
            found = [n for n in names if n.lower().endswith(".json")]
            if not found:
                on_problem(path, messages.CASELOAD_EMPTY_FOLDER)
            for name in found:
                yield os.path.join(path, name)
        else:
            yield path


def read_client(path: str, today: dt.date, thresholds: Thresholds) -> Client:
    """One client's row; ImportProblem or FileProblem for a file hw cannot read."""
    summary = summarise(read_bytes(path), path)
    client = Client(client_of(path, summary.header, [e.date for e in summary.entries]))
    shown = [e for e in summary.entries if not e.private]
    client.last_entry = max((e.date for e in shown), default=None)
    _homework(client, summary, client.file.today(today))
    _measures(client, shown, thresholds)
    for entry in shown:
        for step in entry.alerts:
            client.alerts.append(AlertRow(entry.date, entry.template, entry.title, step))
    client.alerts.sort(key=lambda a: a.date)
    return client


def _homework(client: Client, summary: Summary, today: dt.date) -> None:
    """Done of due in the file's last week: the week holding its last day, only the
    part of it the file covers (the days before and after are not in it)."""
    file = client.file
    if file.end is None or not summary.assignments:
        return
    from hwjournal import plans
    from hwjournal.dates import parse_week
    from hwjournal.importing.checking import Batch
    from hwjournal.importing.writer import write_batch
    from hwjournal.journal.memory import in_memory

    week = parse_week(file.end.isoformat(), file.week_start)
    start, end = max(week.start, file.start or week.start), min(week.end, file.end)
    client.week = (start, end)
    # an occasion in the week is settled by an entry of that week, or, for a `once`
    # assignment, of any day since it started
    low = min([start.isoformat()] + [a.start for a in summary.assignments if a.schedule == "once"])
    entries, links = summary.counted(low, end.isoformat())
    batch = Batch("hw-json", entries, links, summary.assignments, summary.skips)
    journal = in_memory(file.path, search=False)
    try:
        titles = {a.template: a.template for a in summary.assignments}
        write_batch(journal, batch, titles=titles)
        for figure in plans.week_figures(journal, start, end, file.week_start, today=today):
            client.done += figure.done
            client.due += figure.due
    finally:
        journal.close()


def _measures(client: Client, shown: list[Any], thresholds: Thresholds) -> None:
    """Each scored exercise's latest score and its status against its first in the file."""
    found: dict[str, MeasureRow] = {}
    for entry in sorted(shown, key=lambda e: e.date):  # stable: the file's order in a day
        score = entry.score
        if not score or score.get("total") is None:
            continue
        row = found.get(entry.template)
        if row is None:
            row = found[entry.template] = MeasureRow(entry.template, entry.title)
        if not row.count:
            row.first = score["total"]
        row.count += 1
        row.date, row.total, row.band = entry.date, score["total"], score.get("band")
        row.title = entry.title or row.title
    for row in found.values():
        limits = thresholds.of(row.template)
        if row.count > 1 and limits.any:  # one score has no status, as in hw trends
            row.status = measures.status(row.first, row.total, limits)
    client.measures = sorted(found.values(), key=lambda m: m.template)


def read_all(
    paths: list[str],
    today: dt.date,
    template_dirs: list[str] | None,
    on_problem: Callable[[str, str], None],
) -> list[Client]:
    """Every readable client, in the caseload's order; each file that cannot be read is
    told to on_problem(path, what is wrong) and passed over, in the order named. Many
    files are read on every core (hwjournal.forked)."""
    from hwjournal import forked

    named: list[tuple[str, str | None]] = []  # each path, and what is wrong before reading
    for path in client_files(paths, lambda where, problem: named.append((where, problem))):
        named.append((path, None))
    files = [path for path, problem in named if problem is None]
    thresholds = Thresholds(template_dirs)

    def read_one(path: str) -> Client | str:
        try:
            return read_client(path, today, thresholds)
        except Exception as exc:  # one file's trouble never hides the other clients
            if os.environ.get("HW_DEBUG") == "1" and not isinstance(exc, HwError):
                raise
            return problem_of(exc, path)

    found = iter(forked.map_forked(read_one, files, forked.workers_for(len(files))))
    clients = []
    for path, problem in named:
        result = problem if problem is not None else next(found)
        if isinstance(result, str):
            on_problem(path, result)
        else:
            clients.append(result)
    clients.sort(key=Client.order)
    return clients


def problem_of(exc: Exception, path: str) -> str:
    """What is wrong with a file, in a few words (its name is said before them)."""
    from hwjournal import messages
    from hwjournal.importing.checking import ImportProblem
    from hwjournal.sources import FileProblem

    if isinstance(exc, FileProblem):
        return exc.problem
    if isinstance(exc, ImportProblem):
        where = exc.where.removeprefix(path).lstrip(", ")
        return f"{where}: {exc.problem}" if where else exc.problem
    if isinstance(exc, HwError):
        return exc.message.rstrip(".")
    if isinstance(exc, RecursionError):
        return messages.CASELOAD_TOO_DEEP
    return messages.CASELOAD_UNEXPECTED.format(problem=exc)
