"""`hw` alone, in a terminal: today at a glance and the one thing to run next.
It never shows what an entry says: screens get seen."""

from __future__ import annotations

from hwjournal.context import Context


def run_today(ctx: Context) -> int:
    from hwjournal import display

    out = display.console()
    journal = ctx.open_journal()
    last = journal.last_entry()
    out.print(
        "[hw.title]Hello.[/] [hw.label]This is your homework journal; it stays on this computer.[/]"
    )
    if last is None:
        out.print("No entries yet.")
        out.print("[hw.note]Next:[/] hw start values-compass")
        return 0
    out.print("Last entry: ", display.text(last.title), f" on {last.date}.", sep="")
    out.print("[hw.note]Next:[/] hw start TEMPLATE  [hw.label](see hw templates list)[/]")
    return 0
