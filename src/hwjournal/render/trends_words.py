"""`hw trends` in words and numbers, for a screen reader or braille display
(--plain, HW_PLAIN, TERM=dumb): the same figures as the pictures of render/trends.py,
each week on one labelled line, and no block, box or braille character."""

from __future__ import annotations

from hwjournal import messages
from hwjournal.numerals import number, percent
from hwjournal.render.trends_text import (
    baseline_sentence,
    change_sentence,
    long_date,
    pair_sentences,
    score_words,
    status_sentences,
)
from hwjournal.render.words import day_month, mood_number, moods, span_text
from hwjournal.trends import TrendsData

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs the fast path (hw export) milliseconds
    from typing import Any


def trends_words(data: TrendsData) -> Any:
    from rich.console import Group
    from rich.text import Text

    span = span_text(data.since, data.until) if data.since != data.until else long_date(data.since)
    weeks = messages.WEEKS.of(len(data.weeks))
    lines = [messages.TRENDS_WORDS_TITLE.format(span=span, weeks=weeks)]
    if not data.entries and not data.measures and not data.homework_total().due:
        lines += ["", messages.TRENDS_EMPTY]
        return Group(*(Text(line) for line in lines))
    days_with = sum(1 for count, _, _ in data.days.values() if count)
    entries = messages.ENTRIES.of(data.entries)
    lines.append(
        messages.TRENDS_ENTRIES.format(
            entries=entries, days=number(days_with), all=number(data.day_count)
        )
    )
    if data.measures:
        lines += ["", messages.SECTION_MEASURES, baseline_sentence(data), *_measures(data)]
        lines += [*pair_sentences(data), messages.SCREENING_NOTE]
    lines += ["", messages.SECTION_MOOD, *_mood(data)]
    lines += ["", messages.SECTION_HOMEWORK, *_homework(data)]
    return Group(*(Text(line) for line in lines))


def _measures(data: TrendsData) -> list[str]:
    lines = []
    for measure in data.measures:
        lines.append(measure.name)
        if not measure.scores:
            lines.append("  " + messages.TRENDS_NO_SCORES)
            continue
        scores = "; ".join(
            messages.EXPORT_EARLIER_ON.format(
                total=score_words(s.total, s.band), date=day_month(s.date)
            )
            for s in measure.scores
        )
        lines.append("  " + messages.TRENDS_WORDS_SCORES.format(scores=scores))
        lines.append("  " + change_sentence(measure))
        lines += ["  " + sentence for sentence in status_sentences(measure)]
    return lines


def _mood(data: TrendsData) -> list[str]:
    lines = []
    for week, mood in zip(data.weeks, data.mood_by_week(), strict=True):
        when = messages.TRENDS_WORDS_WEEK.format(day=day_month(week.start.isoformat()))
        if not mood["entries"]:
            lines.append(f"  {when}: {messages.TRENDS_WORDS_NO_ENTRIES}")
        elif mood["average"] is None:
            count = messages.ENTRIES.of(mood["entries"])
            lines.append(f"  {when}: {count}, {messages.TRENDS_WORDS_NO_MOOD}")
        else:
            lines.append(
                f"  {when}: "
                + messages.TRENDS_WORDS_MOOD.format(
                    average=mood_number(round(mood["average"], 1)),
                    word=moods()[max(1, min(5, round(mood["average"])))],
                    count=messages.ENTRIES.of(mood["entries"]),
                )
            )
    return lines


def _homework(data: TrendsData) -> list[str]:
    from hwjournal import plans

    total = data.homework_total()
    if not total.due:
        return ["  " + messages.TRENDS_NO_HOMEWORK]
    lines = []
    for week, done in zip(data.weeks, data.homework, strict=True):
        if not done.due:
            continue
        when = messages.TRENDS_WORDS_WEEK.format(day=day_month(week.start.isoformat()))
        figures = [messages.FIGURE_DONE.of(done.done, due=number(done.due))]
        if done.skipped:
            figures.append(messages.FIGURE_SKIPPED.format(skipped=number(done.skipped)))
        if done.not_recorded:
            figures.append(f"{number(done.not_recorded)} {messages.NOT_RECORDED}")
        if done.open:
            figures.append(f"{number(done.open)} {messages.STILL_OPEN}")
        lines.append(f"  {when}: {', '.join(figures)}.")
    lines.append(
        "  "
        + messages.TRENDS_HOMEWORK_TOTAL.of(
            total.done,
            weeks=messages.WEEKS.of(len(data.weeks)),
            due=number(total.due),
            percent=percent(total.done / total.due * 100),
        )
        + "."
    )
    if data.barriers:
        lines += ["", messages.TRENDS_BARRIERS]
        for code, count in data.barriers.items():
            words = plans.BARRIERS.get(code, code)
            lines.append(f"  {words}: {messages.TIMES.of(count)}")
    return lines
