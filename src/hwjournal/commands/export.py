"""hw export: a week (or any span) for the therapist, as Markdown, hw-json or CSV,
to stdout or atomically to a private file."""

from __future__ import annotations

import sys

from hwjournal import export as registry
from hwjournal import messages
from hwjournal.config import care_start_of
from hwjournal.context import Context, say
from hwjournal.dates import today
from hwjournal.errors import UsageError
from hwjournal.export.span import check_template, span

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs `hw export` milliseconds
    pass


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
            care_start=care_start_of(ctx.config),
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
        say(messages.EXPORT_WITHHELD.of(data.week.withheld))
        say(messages.EXPORT_WITHHELD_HINT)
    return 0
