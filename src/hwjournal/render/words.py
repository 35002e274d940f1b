"""Words for dates, days, moods, scores and steps: what the screens and the exports
say alike. No Rich here, so an export (and a plain screen) loads none of it."""

from __future__ import annotations

import datetime as dt

from hwjournal import display, measures, messages
from hwjournal.numerals import number
from hwjournal.steps import type_of

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs the fast path (hw export) milliseconds
    from typing import Any

    from hwjournal.journal import Entry
    from hwjournal.week import ScoreLine


def day_names(long: bool = False) -> list[str]:
    """Monday first, in the run's language: Mon ... Sun, or Monday ... Sunday."""
    return (messages.DAYS_LONG if long else messages.DAYS_SHORT).split()


def month_name(month: int, short: bool = False) -> str:
    """January (or Jan) for 1, in the run's language: never strftime, which speaks the
    machine's locale, not the person's."""
    return (messages.MONTHS_SHORT if short else messages.MONTHS_LONG).split()[month - 1]


def moods() -> dict[int, str]:
    """The five mood words, 1 (very low) to 5 (very good)."""
    return dict(enumerate(messages.MOOD_WORDS.split("|"), start=1))


def mood_phrase(mood: int) -> tuple[str, str]:
    """The mood for the eye and in words: ("mood 4/5 (good)", "mood 4 of 5, good")."""
    word = moods()[mood]
    words = display.scale_words(mood, 1, 5, word)
    return messages.MOOD_PICTURE.format(mood=mood, word=word), messages.MOOD_SPOKEN.format(
        words=words
    )


def short_day(day: dt.date) -> str:
    """Mon 3."""
    return messages.DATE_WEEKDAY_DAY.format(weekday=day_names()[day.weekday()], day=day.day)


def long_day(day: dt.date) -> str:
    """Monday 3 November."""
    return messages.DATE_WEEKDAY_DAY_MONTH.format(
        weekday=day_names(long=True)[day.weekday()], day=day.day, month=month_name(day.month)
    )


def full_day(day: dt.date) -> str:
    """Monday 16 November 2026."""
    return messages.DATE_WEEKDAY_FULL.format(
        weekday=day_names(long=True)[day.weekday()],
        day=day.day,
        month=month_name(day.month),
        year=day.year,
    )


def full_date(day: dt.date) -> str:
    """3 November 2026."""
    return messages.DATE_FULL.format(day=day.day, month=month_name(day.month), year=day.year)


def short_date(day: dt.date) -> str:
    """16 Nov 2026."""
    return messages.DATE_DAY_MONTH_SHORT_YEAR.format(
        day=day.day, month_short=month_name(day.month, short=True), year=day.year
    )


def span_text(start: dt.date, end: dt.date) -> str:
    """23–29 November 2026, 30 November – 6 December 2026, 28 December 2026 – 3 January 2027."""
    if start.year != end.year:
        return messages.DATE_SPAN_YEARS.format(
            first=start.day,
            first_month=month_name(start.month),
            first_year=start.year,
            last=end.day,
            last_month=month_name(end.month),
            last_year=end.year,
        )
    if start.month != end.month:
        return messages.DATE_SPAN_MONTHS.format(
            first=start.day,
            first_month=month_name(start.month),
            last=end.day,
            last_month=month_name(end.month),
            year=end.year,
        )
    return messages.DATE_SPAN_DAYS.format(
        first=start.day, last=end.day, month=month_name(end.month), year=end.year
    )


def mood_number(mood: float) -> str:
    """A mood or a mean of moods: 4, 3.5 (one decimal), as the language writes it."""
    return number(mood) if mood == int(mood) else number(mood, 1)


def step_label(step: dict[str, Any]) -> str:
    """What an answer is shown under when read back (hw show, the week, the exports):
    the step's short heading where it has one (the safety plan's "Warning signs"),
    else its prompt, else its id."""
    return str(step.get("heading") or step.get("prompt") or step.get("id", ""))


def step_heading(step: dict[str, Any]) -> str:
    """A short column heading from the step id: intensity_before -> Intensity before."""
    words = str(step.get("id", "")).replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def score_phrase(line: ScoreLine) -> str:
    """12 (moderate)."""
    band = f" ({measures.band_said(line.band)})" if line.band else ""
    return f"{line.total}{band}"


def day_month(text: str) -> str:
    """2026-11-11 -> 11 Nov."""
    day = dt.date.fromisoformat(text)
    return messages.DATE_DAY_MONTH.format(day=day.day, month_short=month_name(day.month, True))


def change_phrase(line: ScoreLine, when: Any = day_month) -> str:
    """How this score sits against the one before it, in neutral words."""
    if not line.earlier:
        return messages.CHANGE_FIRST
    before = line.earlier[0]
    change = line.change or 0
    if change == 0:
        return messages.CHANGE_SAME.format(date=when(before.date), total=number(before.total))
    said = messages.CHANGE_HIGHER if change > 0 else messages.CHANGE_LOWER
    return said.format(
        amount=number(abs(change)), date=when(before.date), total=number(before.total)
    )


def tags_phrase(tags: list[str]) -> str:
    """tags: work, sleep."""
    return messages.META_TAGS.format(tags=", ".join(tags))


def meta_parts(entry: Entry, backfilled: str | None = None) -> list[str | tuple[str, str]]:
    """Mood, tags, private and back-filled; the mood as (picture, words), as
    look.joined takes it. `backfilled` words it the export's way instead of the screen's."""
    meta: list[str | tuple[str, str]] = []
    if entry.mood:
        meta.append(mood_phrase(entry.mood))
    if entry.tags:
        meta.append(tags_phrase(entry.tags))
    if entry.private:
        meta.append(messages.META_PRIVATE)
    if entry.backfilled:
        meta.append(
            backfilled or messages.META_WRITTEN.format(date=day_month(entry.created_at[:10]))
        )
    return meta


def entry_meta(entry: Entry, backfilled: str | None = None) -> list[str]:
    """The same as text to read (the export's): "mood 3/5 (so-so)"."""
    return [part if isinstance(part, str) else part[0] for part in meta_parts(entry, backfilled)]


def log_steps(entries: list[Entry]) -> list[dict[str, Any]]:
    """Steps answered in any of the entries, in the template's own order. Entries made
    with different versions of it are merged: a step only a later version has goes
    after the step it follows there, so a renamed column stays beside its old name."""
    seen: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    for entry in entries:
        after = -1  # where the last step of this entry already placed stands
        for step in entry.steps:
            if not type_of(step.get("type", "")).answerable:
                continue
            if step.get("id") in seen:
                after = order.index(step["id"])
            elif any(step.get("id") in e.answers for e in entries):
                seen[step["id"]] = step
                after += 1
                order.insert(after, step["id"])
    return [seen[step_id] for step_id in order]


def scale_texts(score: dict[str, Any] | None, template_id: str) -> list[str]:
    """Each scale of an entry's score in words, "Cluster B, intrusions: 10 (band)",
    labelled as the template has them now (by id when it is gone)."""
    scales = (score or {}).get("scales")
    if not isinstance(scales, dict) or not scales:
        return []
    labels = scale_labels(template_id)
    found = []
    for scale_id in scales:
        value, band = measures.part(score, scale_id)
        if value is None:
            continue
        text = f"{labels.get(scale_id) or scale_id}: {number(value)}"
        found.append(text + (f" ({band})" if band else ""))
    return found


def scale_labels(template_id: str) -> dict[str, str]:
    """The labels of a template's scales by id; none when it cannot be found."""
    from hwjournal import templates
    from hwjournal.errors import HwError

    try:
        scoring = templates.find(template_id).scoring
    except HwError:
        return {}
    return {s.id: s.label for s in scoring.scales} if scoring else {}
