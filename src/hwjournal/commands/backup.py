"""hw backup [DEST]: a whole, private copy of the journal, safe while hw writes."""

import os
import sys
from typing import Any

from hwjournal import backup, messages
from hwjournal.context import Context, print_json, say


def _entries(count: int) -> str:
    return f"{count:,} {'entry' if count == 1 else 'entries'}"


def run_backup(ctx: Context, dest: str | None = None, json: bool = False) -> int:
    journal_path = ctx.journal_path
    if not os.path.isfile(journal_path):
        from hwjournal.errors import HwError

        raise HwError(
            messages.BACKUP_NO_JOURNAL.format(path=journal_path), messages.BACKUP_NO_JOURNAL_HINT
        )
    path, automatic = backup.target(journal_path, dest)
    result = backup.copy(journal_path, path)
    keep = ctx.config.backup_keep
    if automatic:
        result.removed = backup.prune(journal_path, keep)
    if json:
        print_json(
            {
                "path": result.path,
                "bytes": result.size,
                "entries": result.entries,
                "removed": result.removed,
            }
        )
    else:
        sys.stdout.write(result.path + "\n")
        sys.stdout.flush()
    say(messages.BACKUP_DONE.format(entries=_entries(result.entries), path=result.path))
    if result.removed:
        count = len(result.removed)
        say(
            messages.BACKUP_PRUNED.format(
                count=count, backups="copy" if count == 1 else "copies", keep=keep
            )
        )
    return 0


def register(app: Any) -> None:
    from typing import Annotated

    import typer

    @app.command("backup")
    def backup_(
        dest: Annotated[
            str | None,
            typer.Argument(
                metavar="[DEST]",
                help="A new file, or a folder for a dated copy (default: next to the journal).",
            ),
        ] = None,
        json: Annotated[
            bool, typer.Option("--json", help="Print JSON for scripts instead of a screen.")
        ] = False,
    ) -> None:
        """Copy the journal, whole and private, even while hw is writing to it."""
        from hwjournal.cli import state

        raise typer.Exit(run_backup(state, dest, json))
