"""Over time (`hw trends`): the screening measures, mood and homework across
months, as plain data for the screen (render/trends.py) and for `--json`.

Cost grows with the range asked, never with the journal: the days and the scores
are grouped by SQLite from two small covering indexes (migration 5), and the
homework comes from plans' occasions, each assignment's read ahead in one go.
Private entries count in every figure; nothing of their text is read.

The week screen and the exports say the same status for their screening scores
(progress.py).
"""

from __future__ import annotations

import datetime as dt

from hwjournal import course, messages, plans
from hwjournal.config import care_start_of
from hwjournal.course import Measure, Score, describe, scored

# where they were first
__all__ = ["Measure", "Score", "care_start_of", "describe", "months_before", "scored"]
from hwjournal.dates import months_before, parse_date, week_of
from hwjournal.errors import UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from hwjournal.journal import Journal

DEFAULT_MONTHS = 6
ONE_DAY = dt.timedelta(days=1)

# The two covering indexes of migration 5, named so the planner cannot pick a
# wider one that would read every entry's row.
# ---------------------------------------------------------------- the range


MAX_MONTHS = 1200  # a hundred years: every date hw keeps fits in it


def parse_months(text: str) -> int:
    value = text.strip()
    if not value.isdecimal() or not 1 <= int(value) <= MAX_MONTHS:
        raise UsageError(messages.TRENDS_MONTHS_BAD.format(text=text))
    return int(value)


def asked_range(
    since: str | None, months: str | None, until: str | None, today: dt.date
) -> tuple[dt.date | None, dt.date]:
    """The first and last day asked for; a first day of None means the default (the
    last six months, or from the first entry if that is later: see default_start)."""
    if since is not None and months is not None:
        raise UsageError(messages.TRENDS_SINCE_AND_MONTHS)
    end = parse_date(until) if until is not None else today
    if since is not None:
        start = parse_date(since)
        if start > end:
            raise UsageError(messages.TRENDS_RANGE_ORDER.format(since=start, until=end))
        return start, end
    if months is not None:
        return months_before(end, parse_months(months)), end
    return None, end


def default_start(end: dt.date, first_entry: dt.date | None) -> dt.date:
    start = months_before(end, DEFAULT_MONTHS)
    if first_entry is not None and start < first_entry <= end:
        return first_entry
    return start


def first_entry_day(journal: Journal) -> dt.date | None:
    from hwjournal.journal import aggregates

    day = aggregates.first_day(journal)
    try:
        return dt.date.fromisoformat(day) if day else None
    except ValueError:
        return None


# ---------------------------------------------------------------- the data


class Homework:
    """One week's occasions, counting only its days inside the range."""

    __slots__ = ("done", "due", "open", "skipped")

    def __init__(self) -> None:
        self.due = self.done = self.skipped = self.open = 0

    @property
    def not_recorded(self) -> int:
        return max(0, self.due - self.done - self.skipped - self.open)

    def add(self, outcome: str) -> None:
        """One more occasion due, settled as plans.outcome_of says."""
        self.due += 1
        if outcome == "done":
            self.done += 1
        elif outcome == "skipped":
            self.skipped += 1
        elif outcome == "open":
            self.open += 1

    def to_json(self, week: str) -> dict[str, Any]:
        return {
            "week": week,
            "due": self.due,
            "done": self.done,
            "skipped": self.skipped,
            "not_recorded": self.not_recorded,
        }


class TrendsData:
    def __init__(
        self,
        since: dt.date,
        until: dt.date,
        today: dt.date,
        week_start: str,
        care_start: dt.date | None = None,
    ) -> None:
        self.since = since
        self.care_start = care_start  # the course of care's first day, when set
        self.until = until
        self.today = today
        self.week_start = week_start
        self.measures: list[Measure] = []
        self.pairs: list[course.Pair] = []  # paired recovery, in a course of care
        # day -> (complete entries, entries with a mood, sum of those moods)
        self.days: dict[str, tuple[int, int, float]] = {}
        self.weeks = weeks_between(since, until, week_start)
        self.homework = [Homework() for _ in self.weeks]
        self.barriers: dict[str, int] = {}  # code -> count, most often first

    @property
    def day_count(self) -> int:
        return (self.until - self.since).days + 1

    def dates(self) -> list[dt.date]:
        return [self.since + ONE_DAY * i for i in range(self.day_count)]

    def homework_total(self) -> Homework:
        """Every week's homework figures added up."""
        total = Homework()
        for week in self.homework:
            total.due += week.due
            total.done += week.done
            total.skipped += week.skipped
            total.open += week.open
        return total

    @property
    def entries(self) -> int:
        return sum(count for count, _, _ in self.days.values())

    def mood_by_day(self) -> dict[str, float | None]:
        found = {}
        for day in self.dates():
            key = day.isoformat()
            _, rated, total = self.days.get(key, (0, 0, 0.0))
            found[key] = _average(total, rated)
        return found

    def mood_by_week(self) -> list[dict[str, Any]]:
        sums = [[0, 0, 0.0] for _ in self.weeks]
        first = self.weeks[0].start if self.weeks else self.since
        for key, (count, rated, total) in self.days.items():
            index = (dt.date.fromisoformat(key) - first).days // 7
            sums[index][0] += count
            sums[index][1] += rated
            sums[index][2] += total
        return [
            {"week": week.label, "average": _average(total, rated), "entries": count}
            for week, (count, rated, total) in zip(self.weeks, sums, strict=True)
        ]

    def to_json(self) -> dict[str, Any]:
        return {
            "since": self.since.isoformat(),
            "until": self.until.isoformat(),
            "care_start": self.care_start.isoformat() if self.care_start else None,
            "baseline_from": "care_start" if self.care_start else "range",
            "measures": [m.to_json() for m in self.measures],
            "mood": {"by_day": self.mood_by_day(), "by_week": self.mood_by_week()},
            "homework": {
                "by_week": [
                    h.to_json(w.label) for w, h in zip(self.weeks, self.homework, strict=True)
                ],
                "barriers": dict(self.barriers),
            },
            **({"pairs": [p.to_json() for p in self.pairs]} if self.pairs else {}),
        }


def _average(total: float, count: int) -> float | None:
    return round(total / count, 2) if count else None


def weeks_between(since: dt.date, until: dt.date, week_start: str) -> list[Any]:
    """Every week (dates.Week) that overlaps since..until, oldest first."""
    weeks = []
    day = week_of(since, week_start).start
    while day <= until:
        weeks.append(week_of(day, week_start))
        day += ONE_DAY * 7
    return weeks


# ---------------------------------------------------------------- gathering


def gather(
    journal: Journal,
    since: dt.date,
    until: dt.date,
    *,
    week_start: str,
    today: dt.date,
    measure: str | None = None,
    template_dirs: list[str] | None = None,
    care_start: dt.date | None = None,
) -> TrendsData:
    from hwjournal.journal import aggregates

    data = TrendsData(since, until, today, week_start, care_start)
    span = (since.isoformat(), until.isoformat())
    for day, count, rated, total in aggregates.day_counts(journal, *span):
        data.days[day] = (count, rated, total)
    data.measures = scored(journal, since, until, measure, template_dirs)
    if care_start is not None:
        course.set_baselines(journal, data.measures, care_start)
    data.pairs = course.pairs(data.measures)
    first = data.weeks[0].start
    counts: dict[str, int] = {}
    for _assignment, _active, counted in plans.counted_occasions(
        journal, since, until, week_start, today
    ):
        for occasion, anchor in counted:
            outcome = plans.outcome_of(occasion, today)
            data.homework[(anchor - first).days // 7].add(outcome)
            if outcome == "skipped":  # so the barriers add up to the skipped figures
                counts[occasion.skip.barrier] = counts.get(occasion.skip.barrier, 0) + 1
    order = list(plans.BARRIERS)
    ranked = sorted(
        counts.items(),
        key=lambda item: (-item[1], order.index(item[0]) if item[0] in order else len(order)),
    )
    data.barriers = dict(ranked)
    return data


def check_measure(journal: Journal, measure: str, template_dirs: list[str] | None) -> None:
    """`--measure` names a scored template (or one whose scores the journal holds)."""
    from hwjournal import templates
    from hwjournal.errors import NotFoundError

    try:
        template = templates.find(measure, template_dirs)
    except NotFoundError:
        from hwjournal.journal import aggregates

        if aggregates.holds_scores(journal, measure):
            return
        raise UsageError(messages.TRENDS_MEASURE_UNKNOWN.format(id=measure)) from None
    if template.scoring is None:
        raise UsageError(messages.TRENDS_MEASURE_UNSCORED.format(id=measure, title=template.title))
