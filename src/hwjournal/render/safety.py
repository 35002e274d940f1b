"""Safety on screen: an alert in the middle of an exercise, and `hw sos`."""

from __future__ import annotations

import sys

from hwjournal import display, messages
from hwjournal.journal import Entry
from hwjournal.safety import Alert, Turn, whole_numbers

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs the fast path (hw export) milliseconds
    from typing import Any


# holds a phone number's spaces while lines are wrapped (a private-use character: no
# text a person gives reaches the wrapping with one), then is a plain space again
GLUE = "\ue000"


class Items:
    """Places to turn, one list item each. Wrapped here rather than by Rich, which
    breaks lines at any Unicode space, the non-breaking one included: textwrap breaks
    only at plain spaces, so a number glued while wrapping stays whole."""

    def __init__(self, turns: list[Turn]) -> None:
        self.turns = turns

    def __rich_console__(self, console: Any, options: Any) -> Any:
        import textwrap

        from rich.text import Text

        width = max(options.max_width, 20)
        for turn in self.turns:
            text = "- " + whole_numbers(display.clean(turn.text), GLUE)
            for line in textwrap.wrap(
                text,
                width,
                subsequent_indent="  ",
                break_long_words=False,
                break_on_hyphens=False,
            ):
                yield Text(line.replace(GLUE, " "), no_wrap=True, overflow="ignore")


def show_alert(alert: Alert, stream: Any = None, plain: bool = False) -> None:
    """An answer reached its step's alert level: tell the person at once, on stderr
    (so `--json` output stays whole). In a terminal it stands out in a frame; for a
    screen reader (plain) and without a terminal, it is its lines of text."""
    stream = stream or sys.stderr
    if plain or not stream.isatty():
        _write_lines(alert.lines(spaced=_width(stream) is not None), stream)
        return
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    parts: list[Any] = []
    for text in alert.noticed:
        parts += [*([Text("")] if parts else []), display.text(text)]
    parts += [Text(""), Text(messages.SAFETY_WHERE_NOW, style="hw.title"), Items(alert.turn_to)]
    parts.append(Text(""))
    parts += [display.text(line) for line in alert.after]
    out = display.console(stderr=True)
    panel = Panel(Group(*parts), border_style="hw.alert", title=messages.ALERT_TITLE)
    out.print(panel, "")


def show_lines(lines: list[str], stream: Any = None, spaced: bool = True) -> None:
    """A few plain lines (a later alert in the same entry, a notice, the last line after
    an entry that alerted); at a terminal, spaced: set apart by empty lines."""
    stream = stream or sys.stderr
    _write_lines(["", *lines, ""] if spaced and _width(stream) else lines, stream)


def _width(stream: Any) -> int | None:
    from hwjournal.streams import terminal_width

    return terminal_width(stream)


def _write_lines(lines: list[str], stream: Any) -> None:
    from hwjournal.streams import wrap

    width = _width(stream)
    text = "\n".join(whole_numbers(line, GLUE) for line in lines)
    text = wrap(text, width) if width else text
    stream.write(text.replace(GLUE, " ") + "\n")
    stream.flush()


def plan_lines(plan: Entry, headings: dict[str, str]) -> list[tuple[str, str]]:
    """The plan, one (heading, items) a step: its list steps other than the people
    and professionals, which where to turn lists."""
    from hwjournal import safety

    rows = []
    for step in plan.steps:
        if step.get("id") in (safety.PLAN_PEOPLE, safety.PLAN_PROFESSIONALS):
            continue
        value = plan.answers.get(step.get("id", ""))
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value:
            continue
        heading = step.get("heading") or headings.get(step.get("id", "")) or step.get("prompt", "")
        rows.append((heading, "; ".join(str(v) for v in value)))
    return rows


def sos_screen(
    turn_to: list[Turn],
    plan: Entry | None,
    plan_problem: str | None,
    headings: dict[str, str] | None = None,
) -> Any:
    """The person's own plan first, compact, then one next step, then where to turn
    now, last, so that it is what stays on screen."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    parts: list[Any] = []
    if plan is not None:
        parts.append(Text(messages.SOS_PLAN_HEADING.format(date=plan.date), style="hw.title"))
        for heading, items in plan_lines(plan, headings or {}):
            row = Table.grid()
            row.add_column()
            label = (display.clean(heading) + ": ", "hw.label")
            row.add_row(Text.assemble(label, display.clean(items)))
            parts.append(row)
        parts.append(Text(""))
    elif plan_problem:
        parts.append(display.text(plan_problem, "hw.label"))
        parts.append(Text(""))
    parts.append(Text(messages.SOS_NEXT, style="hw.note"))
    parts.append(Text(""))
    parts.append(Text(messages.SAFETY_WHERE_NOW, style="hw.title"))
    parts.append(Items(turn_to))
    return Group(*parts)


def alerter_for(session: Any, config: Any, plain: bool) -> Any:
    """The alerts of a run (session.Session) as safety.Alerter orders them, shown on
    stderr: the full block once, later ones short. Where to turn is looked up only
    when an alert comes; a terminal already gone cannot show it, and the answer is
    saved and the exit code unchanged all the same."""
    import contextlib

    from hwjournal import crisis, safety

    def turn_to() -> list[Turn]:
        country, _ = crisis.person_country(config.country)
        plan = safety.latest_plan(session.journal)
        return safety.where_to_turn(config.crisis_contact, plan, country)

    def quietly(show: Any) -> Any:
        def shown(what: Any) -> None:
            with contextlib.suppress(OSError):
                show(what)

        return shown

    return safety.Alerter(
        session.template.alert if session.template else "",
        turn_to,
        session.entry.private,
        quietly(lambda told: show_alert(told, plain=plain)),
        quietly(show_lines),
    )


def show_last_line(config: Any) -> None:
    """After an entry that alerted, its last line: hw sos and the first crisis line."""
    import contextlib

    from hwjournal import crisis, safety

    country, _ = crisis.person_country(config.country)
    with contextlib.suppress(OSError):
        show_lines([safety.first_line(country)], spaced=False)
