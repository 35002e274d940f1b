"""hw export --from FILE: a client's hw export rendered for their therapist, in any
format, by the same exporters as a journal's week. The file is read into a journal in
memory; no journal on disk is opened and nothing is written but `-o`'s file."""

from __future__ import annotations

from typing import Any

from hwjournal import messages
from hwjournal.context import Context, say
from hwjournal.dates import today
from hwjournal.errors import UsageError


def build_from_file(
    ctx: Context,
    path: str,
    fmt: str,
    week: str | None,
    since: str | None,
    until: str | None,
    template: str | None,
    include_private: bool,
) -> Any:
    """The ExportData of the days asked (the file's last week by default), only the
    part the file covers; exit 2 when none of it is."""
    from hwjournal.export import data as export_data
    from hwjournal.export.span import check_template, span
    from hwjournal.importing import client as client_file

    dirs = ctx.config.template_dirs
    client, journal = client_file.load(path, dirs)
    if client.start is None or client.end is None:
        raise UsageError(
            messages.EXPORT_FROM_EMPTY.format(path=path), messages.EXPORT_FROM_EMPTY_HINT
        )
    start, end, label = span(ctx, week, since, until, client.week_start, client.end)
    if end < client.start or start > client.end:
        raise UsageError(
            messages.EXPORT_FROM_OUTSIDE.format(
                path=path, first=client.start, last=client.end, start=start, end=end
            ),
            messages.EXPORT_FROM_OUTSIDE_HINT,
        )
    if start < client.start or end > client.end:
        start, end = max(start, client.start), min(end, client.end)
        say(
            messages.EXPORT_FROM_PART.format(
                path=path, first=client.start, last=client.end, start=start, end=end
            )
        )
    if template:
        check_template(ctx, journal, template)
    data = export_data.build(
        journal,
        start,
        end,
        week_start=client.week_start,
        today=client.today(today()),
        label=label,
        template=template,
        include_private=include_private,
        template_dirs=dirs,
        # hw-json keeps what the file said (null stays null); the others name the client
        name=(client.name or "") if fmt == "json" else client.label,
    )
    if client.made_at:  # when, and with which hw, the client made it
        data.made_at, data.hw_version = client.made_at, client.made_with or data.hw_version
    if client.withheld:  # left out of the file: counted where the days are known
        if (start, end) == (client.start, client.end):
            data.week.withheld += client.withheld
        else:
            say(
                messages.EXPORT_FROM_WITHHELD.of(
                    client.withheld, first=client.start, last=client.end
                )
            )
    return data
