"""The fast path: the commands people put in shell prompts, status bars and cron
(`hw due`, `hw log`, `hw show`, non-interactive `hw start`, `hw --version`) run
here without importing Typer, and without Rich unless they draw a screen.

It reads the same option definitions as the Typer commands (options.py) and
calls the same run_* functions. Anything it does not fully understand (help,
an unknown or malformed option) is left to the full command line, which
explains the problem properly.
"""

from __future__ import annotations

from hwjournal import options
from hwjournal.options import Command

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; the fast path has none to spare
    from typing import Any

# command name -> (module, function, option spec)
FAST: dict[str, tuple[str, str, Command]] = {
    "log": ("hwjournal.commands.log", "run_log", options.LOG),
    "show": ("hwjournal.commands.log", "run_show", options.SHOW),
    "start": ("hwjournal.commands.start", "run_start", options.START),
    "due": ("hwjournal.commands.due", "run_due", options.DUE),
    "week": ("hwjournal.commands.week", "run_week", options.WEEK),
    "export": ("hwjournal.commands.export", "run_export", options.EXPORT),
}


def parse(spec: Command, args: list[str]) -> dict[str, Any] | None:
    """Options and arguments as the run_* function takes them, or None to fall back."""
    by_flag = {flag: opt for opt in spec.options for flag in opt.flags}
    values: dict[str, Any] = {}
    positionals: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            positionals += args[index + 1 :]
            break
        if arg.startswith("-") and arg != "-" and not _negative_number(arg):
            name, eq, value = arg.partition("=")
            opt = by_flag.get(name)
            if opt is None:
                return None
            if opt.kind == "flag":
                if eq:
                    return None
                values[opt.dest] = True
            else:
                if not eq:
                    index += 1
                    if index >= len(args):
                        return None
                    value = args[index]
                if opt.kind == "int":
                    try:
                        values[opt.dest] = int(value)
                    except ValueError:
                        return None
                elif opt.choices and value not in opt.choices:
                    return None
                elif opt.kind == "many":
                    values.setdefault(opt.dest, []).append(value)
                else:
                    values[opt.dest] = value
        else:
            positionals.append(arg)
        index += 1
    wanted = spec.positionals + spec.optional_positionals
    if not len(spec.positionals) <= len(positionals) <= len(wanted):
        return None
    values.update(zip(wanted, positionals, strict=False))
    return values


def _negative_number(arg: str) -> bool:
    return arg[1:].isdigit()


def _split_global(argv: list[str]) -> tuple[str | None, list[str]] | None:
    journal = None
    args = list(argv)
    while args and args[0].startswith("--journal"):
        name, eq, value = args[0].partition("=")
        if name != "--journal":
            return None
        if eq:
            journal, args = value, args[1:]
        elif len(args) >= 2:
            journal, args = args[1], args[2:]
        else:
            return None
    return journal, args


def try_run(argv: list[str]) -> int | None:
    """Run argv on the fast path; None when the full command line should take it."""
    split = _split_global(argv)
    if split is None:
        return None
    journal, args = split
    if args == ["--version"]:
        from hwjournal import __version__

        print(f"hw {__version__}")
        return 0
    if not args or args[0] not in FAST:
        return None
    module_name, function_name, spec = FAST[args[0]]
    values = parse(spec, args[1:])
    if values is None:
        return None
    from hwjournal.context import Context

    # __import__ rather than importlib.import_module: importlib loads warnings on top
    module = __import__(module_name, fromlist=[function_name])
    function = getattr(module, function_name)
    ctx = Context(journal_flag=journal)
    try:
        return function(ctx, **values)
    finally:
        ctx.close()
