"""hw check: is the journal whole, readable, current and private? The checks are
journal.integrity's; here the report is shown."""

import sys

from hwjournal import messages
from hwjournal.context import Context, print_json
from hwjournal.journal.integrity import Report, inspect


def _show(report: Report) -> None:
    from hwjournal import display

    out = display.console()
    out.print("[hw.label]Journal[/]  ", display.text(report.path), sep="")
    if report.schema_version is not None:
        current = "current" if report.current else "older"
        out.print(f"[hw.label]Schema[/]   {report.schema_version} ({current})")
    if report.counts:
        c = report.counts
        out.print(
            f"[hw.label]Holds[/]    {c['entries']:,} entries · {c['drafts']:,} drafts · "
            f"{c['assignments']:,} assignments · {c['skips']:,} skips"
        )
    for note in report.notes:
        out.print(display.text(note, "hw.note"))
    if report.encrypted:
        out.print(f"[hw.ok]✓[/] {messages.CHECK_ENCRYPTED}")
    if report.integrity == ["ok"]:
        out.print("[hw.ok]✓[/] the file is whole (integrity check)")
    if report.counts and not report.foreign_keys:
        out.print("[hw.ok]✓[/] every skip and entry points at what it should")
    if report.counts and not report.broken_entries and not report.incomplete_entries:
        out.print("[hw.ok]✓[/] every entry reads back complete")
    if report.counts and report.search_index == "ok":
        out.print("[hw.ok]✓[/] the search index is in step")
    if report.permissions and all(p["ok"] for p in report.permissions):
        out.print("[hw.ok]✓[/] readable by you only")
    for found in report.problems:
        out.print("[hw.warn]✗[/] ", display.text(found["problem"]), sep="")
        out.print("  ", display.text(found["fix"], "hw.label"), sep="")
    if report.ok:
        out.print(messages.CHECK_OK)
    else:
        count = len(report.problems)
        out.print(
            messages.CHECK_PROBLEMS.format(
                count=count, problems="problem" if count == 1 else "problems"
            )
        )


def run_check(ctx: Context, *, json: bool) -> int:
    report = inspect(ctx.journal_path)
    if json:
        print_json(report.to_json())
    elif not report.exists:
        sys.stdout.write(messages.CHECK_NO_JOURNAL.format(path=report.path) + "\n")
    else:
        _show(report)
    return 0 if report.ok else 1
