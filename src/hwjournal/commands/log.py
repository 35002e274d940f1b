"""hw log, hw show ID, hw delete ID: read entries back, or remove one for good."""

from hwjournal import messages
from hwjournal.context import Context, print_json, say, stdin_is_terminal
from hwjournal.dates import parse_date
from hwjournal.errors import UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; `hw log` runs in shell prompts
    from typing import Any


def run_log(
    ctx: Context,
    n: int = 20,
    since: str | None = None,
    until: str | None = None,
    template: str | None = None,
    tag: str | None = None,
    search: str | None = None,
    drafts: bool = False,
    json: bool = False,
) -> int:
    if n < 0:
        raise UsageError(f"-n {n} is not a count.", "Use a number of entries, or 0 for all.")
    since_day = parse_date(since).isoformat() if since else None
    until_day = parse_date(until).isoformat() if until else None
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
        filtered = any((since, until, template, tag, search))
        say(messages.LOG_EMPTY_FILTERED if filtered else messages.LOG_EMPTY)
        return 0
    from hwjournal import display
    from hwjournal.render.entries import log_table

    out = display.console()
    out.print(log_table(entries, out.width))
    return 0


def run_show(ctx: Context, entry_id: str, json: bool = False) -> int:
    entry = ctx.open_journal().get(entry_id)
    if json:
        print_json(entry.to_json())
        return 0
    from hwjournal import display
    from hwjournal.render.entries import entry_view

    display.console().print(entry_view(entry))
    return 0


def run_delete(ctx: Context, entry_id: str, yes: bool = False, json: bool = False) -> int:
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
        import sys

        sys.stderr.write(prompt)
        sys.stderr.flush()
        reply = sys.stdin.readline().strip().lower()
        if reply not in ("y", "yes"):
            say(messages.KEPT)
            return 0
    journal.delete(entry.id)
    if json:
        print_json({"deleted": entry.id, "uid": entry.uid})
    say(messages.DELETED.format(id=entry.id))
    say(messages.DELETE_BACKUPS)
    return 0


def register(app: "Any") -> None:
    from typing import Annotated

    import typer

    from hwjournal.options import LOG, SHOW

    opt = {o.dest: o for o in LOG.options}

    def o(name: str) -> "Any":
        return typer.Option(*opt[name].flags, help=opt[name].help)

    @app.command("log")
    def log(
        n: Annotated[int, o("n")] = 20,
        since: Annotated[str | None, o("since")] = None,
        until: Annotated[str | None, o("until")] = None,
        template: Annotated[str | None, o("template")] = None,
        tag: Annotated[str | None, o("tag")] = None,
        search: Annotated[str | None, o("search")] = None,
        drafts: Annotated[bool, o("drafts")] = False,
        json: Annotated[bool, o("json")] = False,
    ) -> None:
        """Your entries, newest first."""
        from hwjournal.cli import state

        raise typer.Exit(run_log(state, n, since, until, template, tag, search, drafts, json))

    json_help = SHOW.options[0].help

    @app.command("show")
    def show(
        entry_id: Annotated[str, typer.Argument(metavar="ID", help="The entry's id.")],
        json: Annotated[bool, typer.Option("--json", help=json_help)] = False,
    ) -> None:
        """One entry, read back with the prompts it answered."""
        from hwjournal.cli import state

        raise typer.Exit(run_show(state, entry_id, json))

    @app.command("delete")
    def delete(
        entry_id: Annotated[str, typer.Argument(metavar="ID", help="The entry's id.")],
        yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask first.")] = False,
        json: Annotated[bool, typer.Option("--json", help=json_help)] = False,
    ) -> None:
        """Remove an entry for good, leaving no trace of its text in the journal."""
        from hwjournal.cli import state

        raise typer.Exit(run_delete(state, entry_id, yes, json))
