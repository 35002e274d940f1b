"""The fast path: every command line hw fully understands runs here without
importing Typer, and without Rich unless it draws a screen. That matters most for
what people put in shell prompts, status bars and cron (`hw due`, `hw log`, `hw show`,
non-interactive `hw start`, `hw --version`), but every command gains the same
tenth of a second.

It parses with the same command table as the Typer commands (spec.py) and calls
the same run_* functions. Anything it does not fully understand (help, an unknown
or malformed option, a group alone) is left to the full command line, which
explains the problem properly. The global options are read here, once, for both paths.
"""

from __future__ import annotations

from hwjournal import spec

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; the fast path has none to spare
    from typing import Any

    from hwjournal.context import Context


def split_globals(argv: list[str]) -> tuple[dict[str, Any], list[str]]:
    """The global options (`--journal PATH`, `--plain`, `--no-pager`), wherever they stand
    before a `--`, and the command line without them: people write `hw log --plain` too.
    A flag is True when given; an option with a value maps to its text."""
    found: dict[str, Any] = {}
    by_flag = {flag: opt for opt in spec.GLOBALS for flag in opt.flags}
    rest: list[str] = []
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--":
            rest += argv[index:]
            break
        name, eq, value = arg.partition("=")
        opt = by_flag.get(name)
        if opt is not None and opt.kind == "flag":
            if eq:  # --plain=yes: left for the full command line to refuse
                rest.append(arg)
            else:
                found[opt.dest] = True
        elif opt is not None and (eq or index + 1 < len(argv)):
            if not eq:
                index += 1
                value = argv[index]
            found[opt.dest] = value
        else:
            rest.append(arg)
        index += 1
    return found, rest


def parse(command: spec.Command | spec.Group, args: list[str]) -> dict[str, Any] | None:
    """Every option and argument as the run_* function takes them (the spec's default
    where one is absent), or None to leave the command line to Typer."""
    by_flag = {flag: opt for opt in command.options for flag in opt.flags}
    values: dict[str, Any] = {opt.dest: opt.default for opt in command.options}
    for opt in command.options:
        if opt.kind == "flag":
            values[opt.dest] = False
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
                    try:  # as click's int type reads it
                        values[opt.dest] = int(value)
                    except ValueError:
                        return None
                elif opt.choices and value not in opt.choices:
                    return None
                elif opt.kind == "many":
                    values[opt.dest] = (values[opt.dest] or []) + [value]
                else:
                    values[opt.dest] = value
        else:
            positionals.append(arg)
        index += 1
    return _take_positionals(command, positionals, values)


def _take_positionals(
    command: spec.Command | spec.Group, positionals: list[str], values: dict[str, Any]
) -> dict[str, Any] | None:
    args = getattr(command, "args", ())  # a group that runs alone takes none
    required = [arg for arg in args if arg.required]
    if len(positionals) < len(required):
        return None
    for arg in args:
        if arg.many:
            values[arg.dest] = positionals
            positionals = []
        elif positionals:
            values[arg.dest] = positionals.pop(0)
        else:
            values[arg.dest] = None
    return None if positionals else values


def _negative_number(arg: str) -> bool:
    return arg[1:].isdigit()


def print_version() -> None:
    from hwjournal import __version__

    print(f"hw {__version__}")


def try_run(argv: list[str], ctx: Context) -> int | None:
    """Run a command line (its global options taken off) on the fast path; None when
    the full command line should take it."""
    if argv == ["--version"]:
        print_version()
        return 0
    if argv and argv[0] in ("--install-completion", "--show-completion"):
        from hwjournal import shell_setup  # in hw's words, for the shell named

        return shell_setup.run(argv)
    if not argv:  # `hw` alone: today's greeting at a terminal, else the help (Typer)
        from hwjournal.streams import stdin_is_terminal, stdout_is_terminal

        if not (stdin_is_terminal() and stdout_is_terminal()):
            return None
        from hwjournal.commands.today import run_today

        return run_today(ctx)
    found = spec.fast_command(argv)
    if found is None:
        return None
    command, words = found
    values = parse(command, argv[words:])
    if values is None:
        return None
    return run_command(command, ctx, values)


def run_command(command: spec.Command | spec.Group, ctx: Context, values: dict[str, Any]) -> int:
    """Call the command's run_* function with the values parsed for it."""
    check_values(command, values)
    module_name, function_name = command.run.split(":")
    # __import__ rather than importlib.import_module: importlib loads warnings on top
    module = __import__(f"hwjournal.commands.{module_name}", fromlist=[function_name])
    return getattr(module, function_name)(ctx, **values)


def check_values(command: spec.Command | spec.Group, values: dict[str, Any]) -> None:
    """Refuse what no run_* function can use, whichever parser read the line: a NUL
    (no text or file name holds one), text that is not UTF-8 (bytes a terminal in
    another encoding sends; a path may be such bytes, as file names can), or a number
    past SQLite's integer range."""
    for slot in (*command.options, *getattr(command, "args", ())):
        value = values.get(slot.dest)
        for item in value if isinstance(value, list) else (value,):
            if isinstance(item, str):
                if not item.isascii() or "\x00" in item:
                    _check_text(slot, item)
            elif type(item) is int and not -_LARGEST <= item <= _LARGEST:
                _refuse("ARG_TOO_LARGE", slot, item)


_LARGEST = 2**63 - 1  # SQLite's largest integer


def _check_text(slot: spec.Opt | spec.Arg, text: str) -> None:
    if "\x00" in text:
        _refuse("ARG_NUL", slot, text)
    if slot.metavar in spec.PATH_METAVARS:
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        _refuse("ARG_NOT_UTF8", slot, text)


def _refuse(name: str, slot: spec.Opt | spec.Arg, value: object) -> None:
    from hwjournal import messages
    from hwjournal.errors import UsageError

    flags = getattr(slot, "flags", None)
    label = next((f for f in flags if f.startswith("--")), flags[0]) if flags else slot.metavar
    raise UsageError(
        getattr(messages, name).format(name=label, value=value), getattr(messages, name + "_HINT")
    )
