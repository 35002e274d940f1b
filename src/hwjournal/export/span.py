"""What an export covers: its days (a week, a span, or the last week of a client's
file) and the template it is limited to. Shared by hw export and hw export --from."""

from __future__ import annotations

from hwjournal import messages
from hwjournal.dates import parse_date, parse_week, today
from hwjournal.errors import NotFoundError, UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs `hw export` milliseconds
    from typing import Any

    from hwjournal.context import Context


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
        raise UsageError(messages.EXPORT_RANGE_BOTH, messages.EXPORT_RANGE_BOTH_HINT)
    if since is not None or until is not None:
        if since is None:
            raise UsageError(messages.EXPORT_UNTIL_ALONE, messages.EXPORT_UNTIL_ALONE_HINT)
        start = parse_date(since)
        end = parse_date(until) if until is not None else last_day or today()
        if start > end:
            raise UsageError(
                messages.EXPORT_RANGE_ORDER.format(since=start, until=end),
                messages.EXPORT_RANGE_ORDER_HINT,
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
