"""hw check: is the journal whole, readable, current and private? The checks are
journal.integrity's; here the report is shown."""

import sys
from typing import Any

from hwjournal import messages
from hwjournal.context import Context, print_json
from hwjournal.journal.integrity import Report, inspect


def _screen(report: Report) -> Any:
    from rich.console import Group
    from rich.text import Text

    from hwjournal import display
    from hwjournal.render.look import Either, joined

    ok = Either(Text("✓", style="hw.ok"), "ok:")
    problem = Either(Text("✗", style="hw.warn"), "problem:")
    lines: list[Any] = [Text.assemble(("Journal", "hw.label"), "  ", display.text(report.path))]
    if report.schema_version is not None:
        current = "current" if report.current else "older"
        lines.append(
            Text.assemble(("Schema", "hw.label"), f"   {report.schema_version} ({current})")
        )
    if report.counts:
        c = report.counts
        held = [f"{c['entries']:,} entries", f"{c['drafts']:,} drafts"]
        held += [f"{c['assignments']:,} assignments", f"{c['skips']:,} skips"]
        lines.append(_marked(Text("Holds   ", style="hw.label"), joined(held)))
    lines += [display.text(note, "hw.note") for note in report.notes]
    passed = [
        (report.encrypted, messages.CHECK_ENCRYPTED),
        (report.integrity == ["ok"], "the file is whole (integrity check)"),
        (
            report.counts and not report.foreign_keys,
            "every skip and entry points at what it should",
        ),
        (
            report.counts and not report.broken_entries and not report.incomplete_entries,
            "every entry reads back complete",
        ),
        (report.counts and report.search_index == "ok", "the search index is in step"),
        (
            report.permissions and all(p["ok"] for p in report.permissions),
            "readable by you only",
        ),
    ]
    lines += [_marked(ok, Text(what)) for shown, what in passed if shown]
    for found in report.problems:
        lines.append(_marked(problem, display.text(found["problem"])))
        lines.append(Text.assemble("  ", display.text(found["fix"], "hw.label")))
    if report.ok:
        lines.append(Text(messages.CHECK_OK))
    else:
        count = len(report.problems)
        problems = "problem" if count == 1 else "problems"
        lines.append(Text(messages.CHECK_PROBLEMS.format(count=count, problems=problems)))
    return Group(*lines)


def _marked(mark: Any, rest: Any) -> Any:
    """A mark (✓, or in words "ok:") and what it marks, on one line."""
    from rich.table import Table

    line = Table.grid(padding=(0, 1))
    line.add_row(mark, rest)
    return line


def run_check(ctx: Context, *, json: bool) -> int:
    from hwjournal.journal.backup import automatic_backups

    path = ctx.journal_path
    report = inspect(path, ctx.unlocker(), automatic_backups(path))
    if json:
        print_json(report.to_json())
    elif not report.exists:
        sys.stdout.write(messages.CHECK_NO_JOURNAL.format(path=report.path) + "\n")
    else:
        from hwjournal import display

        display.show(ctx, _screen(report))
    return 0 if report.ok else 1
