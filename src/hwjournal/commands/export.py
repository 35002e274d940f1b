"""hw export: a week (or any span) for the therapist, as Markdown, hw-json or CSV,
to stdout or atomically to a private file."""

from __future__ import annotations

import sys

from hwjournal import export as registry
from hwjournal import messages
from hwjournal.context import Context, say
from hwjournal.dates import parse_date, parse_week, today
from hwjournal.errors import NotFoundError, UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs `hw export` milliseconds
    from typing import Any


def span(
    ctx: Context,
    week: str | None,
    since: str | None,
    until: str | None,
    week_start: str | None = None,
    last_day: Any = None,
) -> tuple[Any, Any, str | None]:
    """(start, end, ISO week label or None) of what to export; this week by default.
    `week_start` instead of the config's; `last_day`: what --until and the default
    week fall back to instead of today (a client's file: its last day)."""
    if week is not None and (since is not None or until is not None):
        raise UsageError(messages.EXPORT_RANGE_BOTH, "For example: hw export --week last")
    if since is not None or until is not None:
        if since is None:
            raise UsageError(messages.EXPORT_UNTIL_ALONE, "For example: --since 2026-11-01")
        start = parse_date(since)
        end = parse_date(until) if until is not None else last_day or today()
        if start > end:
            raise UsageError(
                messages.EXPORT_RANGE_ORDER.format(since=start, until=end),
                "Swap the two dates.",
            )
        return start, end, None
    if week is None and last_day is not None:
        week = last_day.isoformat()
    found = parse_week(week if week is not None else "this", week_start or ctx.config.week_start)
    return found.start, found.end, found.label


def check_template(ctx: Context, journal: Any, template: str) -> None:
    """An id that is neither a template nor in the journal is most likely a typo."""
    from hwjournal import templates

    try:
        templates.find(template, ctx.config.template_dirs)
    except NotFoundError:
        if not journal.holds_template(template):
            raise


def _format(name: str | None, output: str | None) -> str:
    if name is None:
        from_path = registry.format_for_path(output) if output and output != "-" else None
        return from_path or registry.DEFAULT
    if name not in registry.FORMATS:
        raise UsageError(
            messages.EXPORT_FORMAT.format(name=name),
            messages.EXPORT_FORMAT_HINT.format(names=", ".join(registry.names())),
        )
    return name


def run_export(
    ctx: Context,
    *,
    week: str | None,
    since: str | None,
    until: str | None,
    format: str | None,
    output: str | None,
    force: bool,
    include_private: bool,
    template: str | None,
    from_file: str | None,
) -> int:
    from hwjournal.export import data as export_data

    fmt = _format(format, output)
    if from_file is not None:  # a client's file, read in memory: no journal is opened
        from hwjournal.commands.export_from import build_from_file

        data = build_from_file(ctx, from_file, fmt, week, since, until, template, include_private)
        encrypted = False
    else:
        start, end, label = span(ctx, week, since, until)
        journal = ctx.open_journal()
        if template:
            check_template(ctx, journal, template)
        data = export_data.build(
            journal,
            start,
            end,
            week_start=ctx.config.week_start,
            today=today(),
            label=label,
            template=template,
            include_private=include_private,
            template_dirs=ctx.config.template_dirs,
            name=ctx.config.name,
        )
        encrypted = journal.encrypted
    text = registry.exporter(fmt).render(data)
    if output and output != "-":
        from hwjournal.atomic import write_private

        write_private(output, text, force=force)
        say(messages.EXPORT_WROTE.format(path=output))
        if encrypted:  # exports are plain by design: they are for the therapist
            say(messages.EXPORT_PLAIN_NOTE)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
    if data.week.withheld:
        entries = "entry" if data.week.withheld == 1 else "entries"
        say(messages.EXPORT_WITHHELD.format(count=data.week.withheld, entries=entries))
        say(messages.EXPORT_WITHHELD_HINT)
    return 0
