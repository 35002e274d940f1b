"""hw backup [DEST]: a whole, private copy of the journal, safe while hw writes."""

import os
import sys

from hwjournal import messages
from hwjournal.context import Context, print_json, say
from hwjournal.journal import backup, opening


def run_backup(ctx: Context, *, dest: str | None, json: bool) -> int:
    journal_path = ctx.journal_path
    opening.check_path(journal_path)  # /dev/null is not "no journal yet"
    if not os.path.isfile(journal_path):
        from hwjournal.errors import HwError

        raise HwError(
            messages.BACKUP_NO_JOURNAL.format(path=journal_path), messages.BACKUP_NO_JOURNAL_HINT
        )
    path, automatic = backup.target(journal_path, dest)
    result = backup.copy(journal_path, path, ctx.unlocker())
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
                "key_file": result.key_file,
            }
        )
    else:
        sys.stdout.write(result.path + "\n")
        sys.stdout.flush()
    say(messages.BACKUP_DONE.format(entries=messages.ENTRIES.of(result.entries), path=result.path))
    if result.key_file:
        say(messages.BACKUP_KEY_COPIED.format(path=result.key_file))
    if result.removed:
        say(messages.BACKUP_PRUNED.of(len(result.removed), keep=keep))
    return 0
