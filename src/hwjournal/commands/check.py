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

    ok = Either(Text("✓", style="hw.ok"), messages.CHECK_OK_WORD)
    problem = Either(Text("✗", style="hw.warn"), messages.CHECK_PROBLEM_WORD)
    journal = messages.CHECK_JOURNAL
    schema, holds = messages.CHECK_SCHEMA, messages.CHECK_HOLDS
    width = max(len(journal), len(schema), len(holds)) + 2
    lines: list[Any] = [
        Text.assemble(
            (journal, "hw.label"), " " * (width - len(journal)), display.text(report.path)
        )
    ]
    if report.schema_version is not None:
        current = messages.CHECK_CURRENT if report.current else messages.CHECK_SCHEMA_OLDER
        gap = " " * (width - len(schema))
        lines.append(
            Text.assemble((schema, "hw.label"), f"{gap}{report.schema_version} ({current})")
        )
    if report.counts:
        c = report.counts
        held = [
            messages.ENTRIES.of(c["entries"]),
            messages.DRAFTS.of(c["drafts"]),
            messages.ASSIGNMENTS.of(c["assignments"]),
            messages.SKIPS.of(c["skips"]),
        ]
        lines.append(_marked(Text(holds.ljust(width - 1), style="hw.label"), joined(held)))
    lines += [display.text(note, "hw.note") for note in report.notes]
    passed = [
        (report.encrypted, messages.CHECK_ENCRYPTED),
        (report.integrity == ["ok"], messages.CHECK_WHOLE),
        (report.counts and not report.foreign_keys, messages.CHECK_LINKED),
        (
            report.counts and not report.broken_entries and not report.incomplete_entries,
            messages.CHECK_COMPLETE,
        ),
        (report.counts and report.search_index == "ok", messages.CHECK_INDEX_OK),
        (report.permissions and all(p["ok"] for p in report.permissions), messages.CHECK_PRIVATE),
    ]
    lines += [_marked(ok, Text(what)) for shown, what in passed if shown]
    for found in report.problems:
        lines.append(_marked(problem, display.text(found["problem"])))
        lines.append(Text.assemble("  ", display.text(found["fix"], "hw.label")))
    if report.ok:
        lines.append(Text(messages.CHECK_OK))
    else:
        lines.append(Text(messages.CHECK_PROBLEMS.of(len(report.problems))))
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
