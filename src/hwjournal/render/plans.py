"""Homework plans in words and on screen: what is due, the assignments, and the
today greeting. The plain-word helpers import nothing heavy (`hw due` prints
plain lines through them without loading Rich); the screens import Rich inside."""

from __future__ import annotations

import datetime as dt

from hwjournal import display, messages
from hwjournal.numerals import number
from hwjournal.plans import WEEKDAYS, Adherence, Assignment, DayPlan, Due

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def rhythm(schedule: str, days: list[str] | tuple[str, ...]) -> str:
    """The schedule as a person says it."""
    if schedule == "daily":
        return messages.RHYTHM_DAILY
    if schedule == "weekly":
        return messages.RHYTHM_WEEKLY
    if schedule == "once":
        return messages.RHYTHM_ONCE
    from hwjournal.render.words import day_names

    names = dict(zip(WEEKDAYS, day_names(), strict=True))
    return messages.RHYTHM_ON_DAYS.format(days=", ".join(names.get(d, d) for d in days))


def day_words(value: str | dt.date, today: dt.date) -> str:
    """A date as a person says it: today, yesterday, Tuesday, or 2026-11-03."""
    day = dt.date.fromisoformat(value) if isinstance(value, str) else value
    delta = (today - day).days
    if delta == 0:
        return messages.DAY_TODAY
    if delta == 1:
        return messages.DAY_YESTERDAY
    if delta == -1:
        return messages.DAY_TOMORROW
    if 1 < delta < 7:
        return messages.DAYS_AGO.of(delta)
    if -7 < delta < -1:
        from hwjournal.render.words import day_names

        return day_names(long=True)[day.weekday()]
    return day.isoformat()


def span_words(assignment: Assignment, today: dt.date) -> str:
    start, until, ended = assignment.start, assignment.until, assignment.ended
    if ended and (until is None or ended <= until):
        return messages.SPAN_ENDED.format(start=start, ended=ended)
    if until:
        return messages.SPAN_TO.format(start=start, until=until)
    said = messages.SPAN_FROM_OPEN if assignment.first_day <= today else messages.SPAN_STARTING_OPEN
    return said.format(start=start)


def due_hint(due: Due, today: dt.date) -> str:
    """For weekly and once homework: how long it stays open."""
    if due.schedule == "weekly":
        if due.last is None:
            return messages.DUE_ONCE_THIS_WEEK
        return messages.DUE_ONCE_THIS_WEEK_UNTIL.format(day=day_words(due.last, today))
    if due.schedule == "once":
        if due.last is None:
            return messages.DUE_ONCE_WHENEVER
        return messages.DUE_ONCE_BY.format(day=day_words(due.last, today))
    return ""


def _one_line(text: str) -> str:
    return " ".join(display.clean(text).split())


def due_lines(dues: list[Due], today: dt.date) -> list[str]:
    """What is due, one plain line each, for pipes, cron mail and notifications."""
    lines = []
    for due in dues:
        line = f"{_one_line(due.title)}: hw start {due.template}"
        hint = due_hint(due, today)
        if hint:
            line += f" ({hint})"
        if due.note.strip():
            line += f" — {_one_line(due.note)}"
        lines.append(line)
    return lines


def nothing_due(plan: DayPlan, today: dt.date) -> str:
    """Something kind when nothing is left for the day."""
    if plan.day == today:
        return messages.DUE_ALL_DONE if plan.done or plan.skipped else messages.DUE_NOTHING
    day = plan.day.isoformat()
    if plan.done or plan.skipped:
        return messages.DUE_ALL_DONE_ON.format(date=day)
    return messages.DUE_NOTHING_ON.format(date=day)


# ---------------------------------------------------------------- screens


def due_table(dues: list[Due], today: dt.date) -> Any:
    """What is due, each with the command that starts it; in words, the plain lines
    `hw due` prints into a pipe."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from hwjournal.render.look import Either

    table = Table.grid(padding=(0, 3))
    table.add_column(no_wrap=False)
    table.add_column(no_wrap=True, style="hw.note")
    for due in dues:
        text = display.text(due.title, "hw.title")
        hint = due_hint(due, today)
        if hint:
            text.append(f"\n{hint}", style="hw.label")
        if due.note.strip():
            text.append("\n")
            text.append(display.text(_one_line(due.note), "hw.help"))
        item = Table.grid(padding=(0, 1))  # a wrapped line stays under its text
        item.add_row("•", text)
        table.add_row(item, f"hw start {due.template}")
    return Either(table, Group(*(Text(line) for line in due_lines(dues, today))))


def due_screen(plan: DayPlan, today: dt.date) -> Any:
    from rich.console import Group
    from rich.text import Text

    if plan.day == today:
        heading = messages.DUE_HEADING
    else:
        heading = messages.DUE_HEADING_ON.format(date=day_words(plan.day, today))
    return Group(Text(heading, style="hw.title"), due_table(plan.due, today))


def short_date(value: str | dt.date, today: dt.date) -> str:
    """1 Dec (with the year when it is not this year's)."""
    day = dt.date.fromisoformat(value) if isinstance(value, str) else value
    from hwjournal.render.words import day_month

    text = day_month(day.isoformat())
    return text if day.year == today.year else f"{text} {day.year}"


def when_words(assignment: Assignment, today: dt.date) -> str:
    """Its span in a few words: from and to, or that it ended."""
    a = assignment
    if a.ended and (a.until is None or a.ended <= a.until):
        return messages.WHEN_ENDED.format(date=short_date(a.ended, today))
    said = messages.WHEN_FROM if a.first_day <= today else messages.WHEN_STARTS
    begins = said.format(date=short_date(a.start, today))
    if a.until:
        return messages.WHEN_FROM_TO.format(begins=begins, date=short_date(a.until, today))
    return begins


def figure_words(figure: Adherence | None) -> str:
    """This week's occasions, the spec's way: 'not recorded', never 'missed'."""
    if figure is None or figure.due == 0:
        return ""
    parts = [messages.FIGURE_DONE.of(figure.done, due=number(figure.due))]
    if figure.skipped:
        parts.append(messages.FIGURE_SET_ASIDE.format(skipped=number(figure.skipped)))
    if figure.not_recorded:
        parts.append(f"{number(figure.not_recorded)} {messages.NOT_RECORDED}")
    if figure.open:
        parts.append(messages.FIGURE_OPEN_TODAY)
    return ", ".join(parts)


def assignments_table(
    assignments: list[Assignment], figures: dict[int, Adherence], today: dt.date
) -> Any:
    """Each assignment in two lines: its exercise over its note, beside its rhythm and
    span over this week's figures. (Five columns squeezed every cell into pieces at 80
    columns.) In words, one line each."""
    from rich.table import Table
    from rich.text import Text

    from hwjournal.render.look import Either, Listing

    table = Table.grid(padding=(0, 2))
    table.add_column(style="hw.id", justify="right", no_wrap=True)
    table.add_column(ratio=2)
    table.add_column(ratio=3)
    for a in assignments:
        left = display.text(a.title)
        said = display.text(a.title)
        if a.note.strip():
            left.append("\n")
            left.append(display.text(_one_line(a.note), "hw.help"))
            said.append(messages.ASSIGNMENT_NOTE)
            said.append(display.text(_one_line(a.note)))
        plan = [rhythm(a.schedule, a.days), when_words(a, today)]
        right = Text(" · ".join(plan))
        figures_now = figure_words(figures.get(a.id))
        if figures_now:
            plan.append(messages.ASSIGNMENTS_THIS_WEEK.format(figures=figures_now))
            right.append("\n" + plan[-1], style="hw.label")
        table.add_row(str(a.id), Either(left, said), Either(right, "; ".join(plan)))
    return Listing(table, (messages.ASSIGNMENT_ROW, "{}", "{}"))


def today_screen(
    plan: DayPlan,
    has_assignments: bool,
    last: Any,
    streak: int,
    draft: Any,
    next_command: str,
    today: dt.date,
) -> Any:
    """`hw` alone: today at a glance. Never what an entry says: screens get seen."""
    from rich.console import Group
    from rich.text import Text

    parts: list[Any] = [Text(messages.TODAY_HELLO, style="hw.label"), Text("")]
    if plan.due:
        parts += [Text(messages.DUE_HEADING, style="hw.title"), due_table(plan.due, today)]
        parts.append(Text(""))
    elif has_assignments:
        parts += [Text(nothing_due(plan, today), style="hw.ok"), Text("")]
    if last is None:
        parts.append(Text(messages.TODAY_NO_ENTRIES))
    else:
        when = day_words(last.date, today)
        line = Text()
        line.append_text(
            display.text(messages.TODAY_LAST.format(title=display.clean(last.title), when=when))
        )
        parts.append(line)
    if streak >= 2:
        parts.append(Text(messages.STREAK.of(streak), style="hw.ok"))
    if draft is not None:
        parts.append(
            display.text(
                messages.TODAY_DRAFT.format(title=display.clean(draft.title), id=draft.id),
                "hw.label",
            )
        )
    parts.append(Text(""))
    next_line = Text(messages.TODAY_NEXT + " ", style="hw.label")
    next_line.append(next_command, style="hw.note")
    parts.append(next_line)
    return Group(*parts)
