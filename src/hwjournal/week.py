"""A week (or any span of days) gathered from the journal as plain data: entries
per day, mood, the streak, screening scores with their earlier values, and the
homework figures from plans. No Rich here: the screen (render/week.py) and the
exporters (export/) draw from the same WeekData.

Every query is bounded by the span's dates or a LIMIT, so the cost follows the
week, not the size of the journal. The streak follows its own length, one index
lookup a day, in one query. It and the templates' layouts are worked out when
first asked for: the exports never show the streak, and `hw week --json` never
needs a layout. Plain classes, not dataclasses: `hw week --json` is on the fast
path, and importing dataclasses (inspect, ast, dis...) cost more than its queries.
"""

from __future__ import annotations

import datetime as dt
import os

from hwjournal import paths, plans
from hwjournal.dates import Week
from hwjournal.journal import Entry, Journal

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# How many earlier screening scores a trend shows.
EARLIER_SCORES = 4


# The days in a row, back from :last, that hold a complete entry: one step a day,
# each an index lookup on (status, date) that stops at the first day without one.
# Days are julian day numbers so that a step is a subtraction; date() turns one
# back into the YYYY-MM-DD the entries hold.
class EarlierScore:
    __slots__ = ("band", "date", "total")

    def __init__(self, date: str, total: int, band: str | None) -> None:
        self.date = date
        self.total = total
        self.band = band

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, EarlierScore):
            return NotImplemented
        return (self.date, self.total, self.band) == (other.date, other.total, other.band)

    def __repr__(self) -> str:
        return f"EarlierScore({self.date!r}, {self.total!r}, {self.band!r})"


class ScoreLine:
    """One part of a scored entry (its total, or one scale of a measure that has
    scales) and the same part's scores before it."""

    def __init__(
        self,
        entry: Entry,
        earlier: list[EarlierScore] | None = None,
        scale: str | None = None,
    ) -> None:
        self.entry = entry
        self.earlier = earlier if earlier is not None else []
        self.scale = scale  # the scale's id; None for the total
        self.label = scale or ""  # the scale's label, as the template has it now
        self.progress: Any = None  # progress.Progress: against the measure's baseline

    @property
    def total(self) -> int:
        """This part's score (the total, or the scale's)."""
        from hwjournal.measures import part

        value = part(self.entry.score, self.scale)[0]
        return value if value is not None else 0

    @property
    def band(self) -> str | None:
        from hwjournal.measures import part

        return part(self.entry.score, self.scale)[1]

    @property
    def name(self) -> str:
        """The measure's title, and the scale's label for one of its scales."""
        title = self.entry.title
        return f"{title}: {self.label}" if self.scale is not None else title

    @property
    def change(self) -> int | None:
        """Up (+) or down (-) since the most recent earlier score."""
        return self.total - self.earlier[0].total if self.earlier else None


class WeekData:
    def __init__(
        self,
        start: dt.date,
        end: dt.date,
        today: dt.date,
        label: str | None = None,
        entries: list[Entry] | None = None,
        *,
        journal: Journal | None = None,
        template_dirs: list[str] | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.today = today
        self.label = label  # the ISO week, e.g. 2026-W48; None for a free range
        self.entries: list[Entry] = entries or []  # complete only, oldest first
        self.assignments: list[Any] = []  # plans.Adherence
        self.skips: list[Any] = []  # plans.SkipRecord
        self.scores: list[ScoreLine] = []
        self.pairs: list[str] = []  # one sentence a pair of measures judged together
        self.care_start: dt.date | None = None  # the course of care's first day, when set
        self.withheld = 0  # private entries left out (exports without --include-private)
        self.barriers: dict[str, str] = {}  # barrier code -> words
        # Where the streak and the layouts come from until first asked for; then
        # they are kept. Setting `streak` or `layouts` gives them outright.
        self.journal = journal
        self.template_dirs = template_dirs
        self._streak: int | None = None
        self._layouts: dict[str, str] | None = None

    @property
    def streak(self) -> int:
        """Days in a row with a complete entry up to the span's end (see `streak`)."""
        if self._streak is None:
            self._streak = streak(self.journal, self.end, self.today) if self.journal else 0
        return self._streak

    @streak.setter
    def streak(self, days: int) -> None:
        self._streak = days

    @property
    def layouts(self) -> dict[str, str]:
        """Template id -> "columns" or "", for the templates of the shown entries."""
        if self._layouts is None:
            ids = {e.template for e in self.entries}
            self._layouts = template_layouts(ids, self.template_dirs)
        return self._layouts

    @layouts.setter
    def layouts(self, layouts: dict[str, str]) -> None:
        self._layouts = layouts

    def days(self) -> list[dt.date]:
        count = (self.end - self.start).days + 1
        return [self.start + dt.timedelta(days=i) for i in range(count)]

    @property
    def by_day(self) -> dict[str, int]:
        counts = {day.isoformat(): 0 for day in self.days()}
        for entry in self.entries:
            if entry.date in counts:
                counts[entry.date] += 1
        return counts

    def entries_on(self, day: dt.date) -> list[Entry]:
        key = day.isoformat()
        return [e for e in self.entries if e.date == key]

    @property
    def mood_by_day(self) -> dict[str, float | None]:
        moods: dict[str, list[int]] = {day.isoformat(): [] for day in self.days()}
        for entry in self.entries:
            if entry.mood is not None and entry.date in moods:
                moods[entry.date].append(entry.mood)
        return {day: _mean(values) for day, values in moods.items()}

    @property
    def mood_average(self) -> float | None:
        return _mean([e.mood for e in self.entries if e.mood is not None])

    def barrier_words(self, code: str) -> str:
        return self.barriers.get(code, code)

    def title_of(self, template_id: str) -> str:
        for adherence in self.assignments:
            if adherence.template == template_id and getattr(adherence, "title", ""):
                return adherence.title
        for entry in self.entries:
            if entry.template == template_id:
                return entry.title
        return template_id

    def to_json(self) -> dict[str, Any]:
        """The spec's `hw week --json` document, with exactly its keys."""
        return {
            "week": self.label,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "entries": [e.to_json() for e in self.entries],
            "by_day": self.by_day,
            "assignments": [a.to_json() for a in self.assignments],
            "skips": [s.to_json() for s in self.skips],
            "mood": {"average": self.mood_average, "by_day": self.mood_by_day},
            "streak": self.streak,
        }


def _mean(values: list[int]) -> float | None:
    if not values:
        return None
    return round(sum(values) / len(values), 2)


# ---------------------------------------------------------------- building


def for_week(
    journal: Journal,
    week: Week,
    week_start: str,
    today: dt.date,
    template_dirs: list[str] | None = None,
    care_start: dt.date | None = None,
) -> WeekData:
    data = gather(
        journal,
        week.start,
        week.end,
        week_start,
        today,
        template_dirs=template_dirs,
        care_start=care_start,
    )
    data.label = week.label
    return data


def gather(
    journal: Journal,
    start: dt.date,
    end: dt.date,
    week_start: str,
    today: dt.date,
    *,
    template: str | None = None,
    template_dirs: list[str] | None = None,
    private: bool = True,
    care_start: dt.date | None = None,
) -> WeekData:
    """Everything about the days start..end (both included). `template` keeps one
    template's entries, homework and skips. With private=False private entries are
    left out and counted in `withheld`; the homework figures still count them. A
    score's status is judged from its measure's first score since `care_start` when
    set, else from its first in the six months up to `end`."""
    entries = journal.find(
        since=start.isoformat(),
        until=end.isoformat(),
        template=template,
        limit=None,
        newest_first=False,
    )
    shown = entries if private else [e for e in entries if not e.private]
    data = WeekData(start, end, today, entries=shown, journal=journal, template_dirs=template_dirs)
    data.withheld = len(entries) - len(shown)
    data.assignments = plans.week_figures(journal, start, end, week_start)
    from hwjournal.overlays import retitle

    retitle(data.assignments, extra_dirs=template_dirs)  # titled in the run's language
    data.skips = plans.skips_between(journal, start, end, week_start)
    data.barriers = dict(plans.BARRIERS)
    if template:
        data.assignments = [a for a in data.assignments if a.template == template]
        data.skips = [s for s in data.skips if s.template == template]
    data.care_start = care_start
    data.scores = score_lines(journal, shown, start, private)
    if data.scores:
        from hwjournal import progress

        baselines = progress.add_progress(
            journal, data.scores, end, private, template_dirs, care_start
        )
        data.pairs = progress.pair_lines(data.scores, baselines, template_dirs)
    return data


def streak(journal: Journal, end: dt.date, today: dt.date) -> int:
    """Days in a row with at least one complete entry, ending on the earlier of `end`
    and today; when that is today and today has nothing yet, ending yesterday.

    One query (two while today is still open), whatever the streak's length: it
    costs an index lookup per day of the streak, not a query per stretch of it."""
    last = min(end, today)
    days = _days_in_a_row(journal, last)
    if days == 0 and last == today:
        days = _days_in_a_row(journal, today - dt.timedelta(days=1))  # today is still open
    return days


def _days_in_a_row(journal: Journal, last: dt.date) -> int:
    from hwjournal.journal import aggregates

    return aggregates.days_in_a_row(journal, last.isoformat())


def score_lines(
    journal: Journal, entries: list[Entry], start: dt.date, private: bool = True
) -> list[ScoreLine]:
    """Each scored entry's total and then each of its scales, with that part's last few
    scores before the span (private ones only when `private`)."""
    from hwjournal.measures import part, parts_of

    before: dict[str, list[Entry]] = {}
    lines = []
    for entry in entries:
        if not isinstance(entry.score, dict):
            continue
        for scale in parts_of([entry.score]):
            if part(entry.score, scale)[0] is None:
                continue
            if entry.template not in before:
                before[entry.template] = _scored_before(journal, entry.template, start, private)
            lines.append(ScoreLine(entry, _earlier(before[entry.template], scale), scale))
    # a second score in the same span compares with the one before it
    for index, line in enumerate(lines):
        same = [
            other
            for other in lines[:index]
            if (other.entry.template, other.scale) == (line.entry.template, line.scale)
        ]
        if same:
            prior = same[-1]
            line.earlier = [
                EarlierScore(prior.entry.date, prior.total, prior.band),
                *line.earlier,
            ][:EARLIER_SCORES]
    return lines


def _scored_before(journal: Journal, template: str, start: dt.date, private: bool) -> list[Entry]:
    from hwjournal.journal import aggregates

    return aggregates.scored_before(journal, template, start.isoformat(), EARLIER_SCORES, private)


def _earlier(entries: list[Entry], scale: str | None) -> list[EarlierScore]:
    """One part's scores in the entries (newest first), where they have it."""
    from hwjournal.measures import part

    found = []
    for entry in entries:
        value, band = part(entry.score, scale)
        if value is not None:
            found.append(EarlierScore(entry.date, value, band))
    return found


def template_layouts(template_ids: set[str], extra_dirs: list[str] | None) -> dict[str, str]:
    """How each template wants its entries shown. A template that is gone (or
    broken) is shown plainly from the entry's own snapshot."""
    layouts = {}
    for template_id in sorted(template_ids):
        layout = _builtin_layout(template_id, extra_dirs)
        if layout is None:
            layout = _found_layout(template_id, extra_dirs)
        layouts[template_id] = layout
    return layouts


def _found_layout(template_id: str, extra_dirs: list[str] | None) -> str:
    from hwjournal import templates
    from hwjournal.errors import HwError

    try:
        return templates.find(template_id, extra_dirs).layout
    except HwError:
        return ""


# A built-in template's layout line, as the shipped files write it: a top-level key
# (before the first table), a plain string. tests/test_week.py checks that this reads
# every built-in template as templates.find does.
_PLAIN_ID = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


def _builtin_layout(template_id: str, extra_dirs: list[str] | None) -> str | None:
    """The layout of a built-in template that no file of the person's own stands
    in for, read from its one layout line; None when that cannot be told so simply
    (then templates.find says). A busy week holds a score of templates, and
    importing the template machinery to parse them cost more than the export's
    own work."""
    if not template_id or not _PLAIN_ID.issuperset(template_id):
        return None
    name = f"{template_id}.toml"
    if any(os.path.exists(os.path.join(folder, name)) for folder in user_template_dirs(extra_dirs)):
        return None  # the person's own file comes first
    try:
        with open(os.path.join(paths.builtin_templates_dir(), name), "rb") as fh:
            text = fh.read()
    except OSError:
        return None
    from hwjournal.template_files import layout_lines

    lines = layout_lines(text)
    if text.count(b"layout") != len(lines) or b"\\u" in text or b"\\U" in text:
        return None  # "layout" said some other way, or an escape that might spell it
    if not lines:
        return ""
    first_table = text.find(b"\n[")
    if len(lines) > 1 or (first_table != -1 and lines[0][0] > first_table):
        return None
    return lines[0][1].decode("ascii")


def user_template_dirs(extra_dirs: list[str] | None) -> list[str]:
    """Where templates.find looks before the built-in templates (templates.user_dirs,
    without importing the template machinery; tests/test_week.py keeps them equal)."""
    dirs = [paths.user_templates_dir()]
    for folder in extra_dirs or []:
        folder = os.path.expanduser(folder)
        if folder not in dirs:
            dirs.append(folder)
    return dirs
