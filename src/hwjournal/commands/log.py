"""hw log, hw show ID, hw delete ID: read entries back, or remove one for good."""

import sys

from hwjournal import messages
from hwjournal.context import Context, print_json, say, stdin_is_terminal
from hwjournal.dates import parse_date
from hwjournal.errors import UsageError
from hwjournal.streams import said_yes

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; `hw log` runs in shell prompts
    from hwjournal.journal import Entry


def run_log(
    ctx: Context,
    *,
    n: int,
    since: str | None,
    until: str | None,
    template: str | None,
    tag: str | None,
    search: str | None,
    drafts: bool,
    json: bool,
) -> int:
    if n < 0:
        raise UsageError(messages.LOG_BAD_COUNT.format(n=n), messages.LOG_BAD_COUNT_HINT)
    since_day = parse_date(since).isoformat() if since is not None else None
    until_day = parse_date(until).isoformat() if until is not None else None
    journal = ctx.open_journal()
    entries = journal.find(
        limit=n or None,
        since=since_day,
        until=until_day,
        template=template,
        tag=tag,
        search=search,
        drafts=drafts,
    )
    if json:
        print_json([e.to_json() for e in entries])
        return 0
    if not entries:
        filtered = any(v is not None for v in (since, until, template, tag, search))
        say(messages.LOG_EMPTY_FILTERED if filtered else messages.LOG_EMPTY)
        return 0
    if not ctx.plain and _drawn_without_rich(entries):
        return 0
    from hwjournal import display
    from hwjournal.render.entries import log_table

    display.show(ctx, log_table(entries, display.console().width), page=True)
    return 0


def _drawn_without_rich(entries: "list[Entry]") -> bool:
    """Where Rich would draw the table without colour (a pipe, a file), the same text
    drawn without it: Rich costs more than the query. False where only Rich can."""
    from hwjournal.render import log_text

    width = log_text.unstyled_width()
    text = log_text.draw(entries, width) if width is not None else None
    if text is None:
        return False
    sys.stdout.write(text)
    return True


def run_show(ctx: Context, *, entry_id: str, json: bool) -> int:
    entry = ctx.open_journal().get(entry_id)
    if json:
        print_json(entry.to_json())
        return 0
    from hwjournal import display
    from hwjournal.render.entries import entry_view

    display.show(ctx, entry_view(entry), page=True)
    return 0


def run_delete(ctx: Context, *, entry_id: str, yes: bool, json: bool) -> int:
    journal = ctx.open_journal()
    entry = journal.get(entry_id)
    if not yes:
        if not stdin_is_terminal():
            raise UsageError(
                messages.DELETE_NEEDS_YES, messages.DELETE_NEEDS_YES_HINT.format(id=entry.id)
            )
        from hwjournal import display

        prompt = messages.DELETE_ASK.format(
            id=entry.id, title=display.clean(entry.title), date=entry.date
        )
        say(prompt, end="")
        if not said_yes(sys.stdin.readline()):
            say(messages.KEPT)
            return 0
    journal.delete(entry.id)
    if json:
        print_json({"deleted": entry.id, "uid": entry.uid})
    say(messages.DELETED.format(id=entry.id))
    say(messages.DELETE_BACKUPS)
    return 0
