"""What every export format draws from: the span's WeekData (private entries
already left out unless asked for) plus who, when and with which hw, and the
assignments and skips as stored, for the hw-json round trip.

The words and groupings the Markdown and HTML reports share live here too (the
title, the facts under it, the alerts, how entries are grouped by day and by log),
so both say the same things; each format only escapes and lays them out."""

from __future__ import annotations

import datetime as dt

from hwjournal import messages
from hwjournal.journal import Entry, Journal
from hwjournal.numerals import number
from hwjournal.render.words import (
    entry_meta,
    full_day,  # noqa: F401 (the exports call it shared.full_day)
    long_day,  # noqa: F401
    short_date,  # noqa: F401
    span_text,
    step_label,
    tags_phrase,
)
from hwjournal.steps import answer_text, is_scale_answer
from hwjournal.week import ScoreLine, WeekData

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing and dataclasses cost `hw export` more than its queries
    from typing import Any

# A measure's chart (and, with `hw trends`, its status) looks back this far from
# the span's last day.


class MeasureScore:
    __slots__ = ("band", "date", "in_span", "total")

    def __init__(self, date: str, total: float, band: str | None, in_span: bool) -> None:
        self.date = date
        self.total = total
        self.band = band
        self.in_span = in_span  # one of the span's own scores, marked on the chart


class Measure:
    """A scored template (PHQ-9, GAD-7) with a score in the span, or one scale of it:
    its scores in the six months up to the span's last day, and its bands as the
    template has them now."""

    def __init__(
        self,
        template: str,
        title: str,
        since: dt.date,
        until: dt.date,
        scale: str | None = None,
    ) -> None:
        self.template = template
        self.title = title  # with the scale's label, for one scale
        self.scale = scale  # the scale's id; None for the total
        self.since = since
        self.until = until
        self.scores: list[MeasureScore] = []  # oldest first
        self.bands: list[tuple[float, str]] = []  # (max, label), ascending
        self.low: float = 0  # the lowest score the template can give
        self.high: float | None = None  # the highest; None when the template is gone
        self.higher_is_better = False  # a rise is an improvement (WHO-5): tints turn round
        # "reliable improvement since 15 (moderately severe) on 2 Sep": the measure's
        # status against its baseline (progress.py), empty when there is none
        self.status_text = ""


class ExportData:
    """Everything an exporter draws, gathered once."""

    def __init__(
        self,
        week: WeekData,
        made_at: str,
        hw_version: str,
        name: str = "",
        template: str | None = None,
        include_private: bool = False,
        week_start: str = "monday",
    ) -> None:
        self.week = week
        self.made_at = made_at
        self.hw_version = hw_version
        self.name = name
        self.week_start = week_start  # the journal's, kept in hw-json for whoever reads it
        self.template = template
        self.include_private = include_private
        self.assignments: list[dict[str, Any]] = []  # hw-json rows
        self.skips: list[dict[str, Any]] = []  # hw-json rows
        self.assignment_uids: dict[int, str] = {}
        self.measures: list[Measure] = []

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
    from hwjournal import plans

    skips = [
        skip
        for skip in plans.stored_skips(journal, data.start, data.end)
        if template is None or skip["template"] == template
    ]
    wanted = {e.assignment_id for e in data.entries if e.assignment_id is not None}
    wanted |= {s["assignment_id"] for s in skips}
    assignments = [
        assignment.to_record(today)
        for assignment in plans.assignments_touching(journal, data.start, data.end, wanted)
        if template is None or assignment.template == template
    ]
    return assignments, skips


def cadence_text(schedule: str, days: list[str]) -> str:
    if schedule == "days":
        from hwjournal.plans import WEEKDAYS
        from hwjournal.render.words import day_names

        names = dict(zip(WEEKDAYS, day_names(), strict=True))
        return ", ".join(names.get(day, day) for day in days)
    return messages.CADENCE_WORDS.get(schedule, schedule)


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
    care_start: dt.date | None = None,
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
        care_start=care_start,
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
        week_start=week_start,
    )
    export.assignments, export.skips = assignments, skips
    for row in assignments:
        export.assignment_uids[row["id"]] = row["uid"]
    export.measures = measures(journal, data, template_dirs, include_private)
    return export


def measures(
    journal: Journal,
    week: WeekData,
    template_dirs: list[str] | None,
    include_private: bool,
) -> list[Measure]:
    """Each measure scored in the span (its total, then each of its scales), in the
    order of its first score there, with its scores since six months before the
    span's last day (private ones only when the export includes private entries)."""
    from hwjournal import i18n, overlays
    from hwjournal.journal import scores
    from hwjournal.measures import part
    from hwjournal.trends import DEFAULT_MONTHS, months_before

    since = months_before(week.end, DEFAULT_MONTHS)
    found: dict[tuple[str, str | None], Measure] = {}
    read: dict[str, list[tuple[str, str, int, dict[str, Any]]]] = {}  # the scores alone
    scorings: dict[str, Any] = {}  # each template's (steps by id, scoring), read once
    for line in week.scores:
        template_id = line.entry.template
        key = (template_id, line.scale)
        if key in found:
            if line.progress is not None:  # the latest score's status stands for it
                found[key].status_text = line.progress.phrase()
            continue
        title = overlays.title(template_id, i18n.language, template_dirs)  # as in hw trends
        name = line.name if not title else title if line.scale is None else f"{title}: {line.label}"
        measure = Measure(template_id, name, since, week.end, line.scale)
        if line.progress is not None:
            measure.status_text = line.progress.phrase()
        if template_id not in read:  # the scores alone: not each entry's answers and steps
            span = (since.isoformat(), week.end.isoformat())
            read[template_id] = list(scores.between(journal, *span, template_id, include_private))
        start = week.start.isoformat()
        for _template, day, _id, score in read[template_id]:
            value, band = part(score, line.scale)
            if value is None:
                continue
            measure.scores.append(MeasureScore(day, value, band, day >= start))
        if template_id not in scorings:
            scorings[template_id] = _scoring_of(template_id, template_dirs)
        _scale_of(measure, scorings[template_id])
        found[key] = measure
    return list(found.values())


def _scoring_of(template_id: str, template_dirs: list[str] | None) -> Any:
    """(steps by id, scoring) of the template as it is now; None when it is gone."""
    from hwjournal import templates
    from hwjournal.errors import HwError

    try:
        template = templates.find(template_id, template_dirs)
    except HwError:
        return None
    return {s.id: s for s in template.steps}, template.scoring


def _scale_of(measure: Measure, found: Any) -> None:
    """The bands and the score range from the template as it is now, if it still is."""
    steps, scoring = found or ({}, None)
    scale = scoring.scale(measure.scale) if scoring else None
    if scale is None:
        return
    measure.bands = [(band.max, band.label) for band in scale.bands]
    measure.low, measure.high = scale.extent(steps)
    measure.higher_is_better = scale.higher_is_better


def baseline_text(week: WeekData) -> str:
    """Which baseline the scores' statuses are judged from; empty when none has one."""
    if not (any(line.progress for line in week.scores) or week.pairs):
        return ""
    from hwjournal.progress import baseline_sentence

    return baseline_sentence(week.care_start, week.end)


# ---------------------------------------------------------------- what the reports say


def report_title(week: WeekData) -> str:
    if week.label:
        year, number = week.label.split("-W")
        return messages.EXPORT_TITLE_WEEK.format(number=int(number), year=year)
    return messages.EXPORT_TITLE_SPAN.format(start=week.start.isoformat(), end=week.end.isoformat())


def facts(data: ExportData) -> list[tuple[str, str]]:
    """What heads the report, as (label, text): who, which days, made when, only what."""
    week = data.week
    found = []
    if data.name.strip():
        found.append((messages.EXPORT_FROM, data.name))
    span = span_text(week.start, week.end)
    found.append((messages.EXPORT_DATES, span + (f" ({week.label})" if week.label else "")))
    made = data.made_at[:16].replace("T", " ")
    found.append(
        (messages.EXPORT_MADE, messages.EXPORT_MADE_WITH.format(made=made, version=data.hw_version))
    )
    if data.template:
        found.append((messages.EXPORT_ONLY, week.title_of(data.template)))
    return found


def withheld_text(week: WeekData) -> str:
    """The sentence that says how many private entries were withheld; empty if none."""
    if not week.withheld:
        return ""
    return messages.EXPORT_WITHHELD.of(week.withheld)


def scale_text(step: dict[str, Any], value: int) -> str:
    """7 on 0–10 (worst ever)."""
    low, high = step.get("min", 0), step.get("max", 10)
    label = (step.get("labels") or {}).get(str(value))
    text = messages.EXPORT_SCALE_ON.format(value=number(value), low=number(low), high=number(high))
    return f"{text} ({label})" if label else text


class Alert:
    """An answer at or above its step's alert level, in an entry the export shows."""

    def __init__(self, entry: Entry, step: dict[str, Any], answer: str) -> None:
        self.entry = entry
        self.step = step
        self.answer = answer  # the answer in words

    @property
    def prompt(self) -> str:
        return step_label(self.step)


def alerts(week: WeekData) -> list[Alert]:
    """Every alert in the span, oldest first; a private entry's alert is told to the
    person only, never in an export."""
    found = []
    for entry in week.entries:
        if entry.private:
            continue
        for step in entry.steps:
            if step.get("id") not in (entry.alerts or []):
                continue
            value = entry.answers.get(step["id"])
            scale = is_scale_answer(step, value)
            answer = scale_text(step, value) if scale else answer_text(step, value)
            found.append(Alert(entry, step, answer))
    return found


def marked(entry: Entry, step_id: str) -> bool:
    """Whether the export marks this answer for attention (never a private entry's)."""
    return not entry.private and step_id in (entry.alerts or [])


def earlier_text(line: ScoreLine) -> str:
    """The measure's scores before this one: "12 on 2026-11-09; 15 on 2026-11-02"."""
    said = messages.EXPORT_EARLIER_ON
    return "; ".join(said.format(total=number(e.total), date=e.date) for e in line.earlier) or (
        messages.EXPORT_NONE_RECORDED
    )


def meta_text(entry: Entry) -> str:
    """Mood, tags, private and back-filled, the export's way."""
    later = messages.EXPORT_FILLED_LATER.format(date=entry.created_at[:10])
    return " · ".join(entry_meta(entry, backfilled=later))


def log_notes(entry: Entry) -> list[str]:
    """What a log row says under its date: mood, private, filled in later. (Its
    tags go on a line of their own: log_tags.)"""
    notes = []
    if entry.mood:
        notes.append(messages.EXPORT_MOOD.format(mood=entry.mood))
    if entry.private:
        notes.append(messages.META_PRIVATE)
    if entry.backfilled:
        notes.append(messages.EXPORT_FILLED_IN.format(date=entry.created_at[:10]))
    return notes


def log_tags(entry: Entry) -> str:
    """A log row's tags under its notes, in the words of the entry's meta line."""
    return tags_phrase(entry.tags) if entry.tags else ""


def columns_templates(week: WeekData) -> set[str]:
    return {t for t, layout in week.layouts.items() if layout == "columns"}


def entries_by_day(week: WeekData) -> list[tuple[dt.date, list[Entry]]]:
    """The entries shown one by one (every template but a `columns` one), by day;
    days without any are left out."""
    columns = columns_templates(week)
    plain = [e for e in week.entries if e.template not in columns]
    days = []
    for day in week.days():
        todays = [e for e in plain if e.date == day.isoformat()]
        if todays:
            days.append((day, todays))
    return days


def logs(week: WeekData) -> list[list[Entry]]:
    """Each `columns` template's entries (the reframe log, the thought record), one
    list a template, by template id."""
    found = []
    for template_id in sorted(columns_templates(week)):
        logged = [e for e in week.entries if e.template == template_id]
        if logged:
            found.append(logged)
    return found
