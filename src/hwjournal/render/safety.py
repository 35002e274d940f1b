"""Safety on screen: an alert in the middle of an exercise, and `hw sos`."""

from __future__ import annotations

import sys

from hwjournal import display, messages
from hwjournal.journal import Entry
from hwjournal.safety import Alert

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs the fast path (hw export) milliseconds
    from typing import Any


def show_run_alert(session: Any, crisis_contact: str, plain: bool) -> None:
    """An answer in a run (session.Session) reached its step's alert level: show what
    was noticed and where to turn, at once (safety.py sets the order). A terminal
    already gone cannot show it; the answer is saved, the exit code unchanged."""
    import contextlib

    from hwjournal import safety

    template_alert = session.template.alert if session.template else ""
    plan = safety.latest_plan(session.journal)
    told = safety.alert(template_alert, crisis_contact, plan, session.entry.private)
    with contextlib.suppress(OSError):
        show_alert(told, plain=plain)


def show_alert(alert: Alert, stream: Any = None, plain: bool = False) -> None:
    """An answer reached its step's alert level: tell the person at once, on stderr
    (so `--json` output stays whole). In a terminal it stands out in a frame; for a
    screen reader (plain) and without a terminal, it is its lines of text."""
    stream = stream or sys.stderr
    if plain or not stream.isatty():
        from hwjournal.streams import terminal_width, wrap

        width = terminal_width(stream)
        text = "\n".join(alert.lines(spaced=width is not None))
        stream.write((wrap(text, width) if width else text) + "\n")
        stream.flush()
        return
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    parts: list[Any] = [display.text(alert.noticed), Text("")]
    parts.append(Text(messages.SAFETY_WHERE_NOW, style="hw.title"))
    parts += [_item(line) for line in alert.turn_to]
    parts.append(Text(""))
    parts += [display.text(line) for line in alert.after]
    out = display.console(stderr=True)
    panel = Panel(Group(*parts), border_style="hw.alert", title=messages.ALERT_TITLE)
    out.print(panel, "")


def _item(line: str) -> Any:
    """One place to turn, as a list item whose wrapped lines stay indented."""
    from rich.table import Table

    row = Table.grid(padding=(0, 1))
    row.add_column(width=1)
    row.add_column()
    row.add_row("-", display.text(line))
    return row


def sos_screen(turn_to: list[str], plan: Entry | None, plan_problem: str | None) -> Any:
    """Where to turn now first, then the person's own safety plan, then one next step."""
    from rich.console import Group
    from rich.text import Text

    from hwjournal.render.entries import entry_view

    parts: list[Any] = [Text(messages.SOS_HEADING, style="hw.title")]
    parts += [_item(line) for line in turn_to]
    parts.append(Text(""))
    if plan is not None:
        parts.append(Text(messages.SOS_PLAN_HEADING.format(date=plan.date), style="hw.title"))
        parts.append(entry_view(plan))
        parts.append(Text(""))
    elif plan_problem:
        parts.append(display.text(plan_problem, "hw.label"))
        parts.append(Text(""))
    parts.append(Text(messages.SOS_NEXT, style="hw.note"))
    return Group(*parts)
