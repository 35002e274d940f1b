"""Shell completion for ids: template ids and assignment ids. Called by Typer's
completion machinery (`autocompletion=` on an Argument or Option), so each function
must be quick, must never create a file and must never fail loudly: a broken config
or journal simply completes nothing.

Each returns (value, help) pairs: bash shows the values, zsh, fish and PowerShell
show the help beside them.
"""

from __future__ import annotations

import os


def template_ids(incomplete: str) -> list[tuple[str, str]]:
    """Every template id (built-in and the person's own) starting with `incomplete`,
    each with its title in the person's language."""
    from hwjournal import config, templates
    from hwjournal.language import resolve

    try:
        settings = config.load()
        found = templates.catalog(settings.template_dirs, resolve(settings.language)).templates
    except Exception:  # a completion must never print a traceback
        return []
    return [(tid, t.title) for tid, t in found.items() if tid.startswith(incomplete)]


def _journal_flag(args: list[str] | None) -> str | None:
    """The global --journal PATH, when it is on the command line being completed."""
    from hwjournal.fast import split_globals

    return split_globals(list(args or []))[0].get("journal")


def assignment_ids(incomplete: str, args: list[str] | None = None) -> list[tuple[str, str]]:
    """Ids of the assignments still active today, each with its template as help.

    Reads the journal without creating it: with no journal, or an encrypted one that is
    not unlocked, there is nothing to offer.
    """
    from hwjournal.context import Context
    from hwjournal.dates import today

    try:
        ctx = Context(journal_flag=_journal_flag(args))
        if not os.path.isfile(ctx.journal_path):
            return []
        from hwjournal.journal import Journal
        from hwjournal.journal.database import SESSION_ONLY

        # never a prompt or a passphrase command: a locked journal offers nothing
        journal = Journal.open(ctx.journal_path, create=False, unlock=SESSION_ONLY)
        try:
            from hwjournal import plans

            rows = [
                (a.id, a.template)
                for a in plans.list_assignments(journal, include_ended=False, today=today())
            ]
        finally:
            journal.close()
    except Exception:  # a completion must never print a traceback
        return []
    return [(str(aid), template) for aid, template in rows if str(aid).startswith(incomplete)]


def skip_targets(incomplete: str, args: list[str] | None = None) -> list[tuple[str, str]]:
    """What `hw skip` takes: assignment ids still active, then exercise ids."""
    return assignment_ids(incomplete, args) + template_ids(incomplete)


def config_keys(incomplete: str) -> list[tuple[str, str]]:
    """The settings `hw config set` knows, each with what it can be."""
    from hwjournal import config

    return [(k, allowed) for k, (_, allowed) in config.KEYS.items() if k.startswith(incomplete)]


def client_files(incomplete: str) -> list[tuple[str, str]]:
    """Folders, and the .json files a client's hw export is, whose path starts with
    `incomplete` (fish asks hw for files too; bash and zsh fall back to their own)."""
    folder, slash, start = incomplete.rpartition("/")
    where = os.path.expanduser(folder or slash) or "."
    prefix = folder + slash
    try:
        names = sorted(os.listdir(where))
    except OSError:
        return []
    found = []
    for name in names:
        if not name.startswith(start) or (name.startswith(".") and not start.startswith(".")):
            continue
        path = os.path.join(where, name)
        if os.path.isdir(path):
            found.append((prefix + name + "/", "folder"))
        elif name.lower().endswith(".json"):
            found.append((prefix + name, "hw export"))
    return found


# the names spec.py gives an argument's or option's `complete`
COMPLETERS = {
    "templates": template_ids,
    "assignments": assignment_ids,
    "skip_targets": skip_targets,
    "config_keys": config_keys,
    "client_files": client_files,
}
