"""The one exit point: every `hw` run goes through main(), which turns the
project's exceptions into a short message on stderr and the spec's exit codes."""

import os
import sys

from hwjournal.context import Context
from hwjournal.errors import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_USAGE, HwError, Interrupted

# Set by the Typer root callback; the commands read the global options from it.
state = Context()

# Modules that add commands to the full command line, in --help order.
COMMAND_MODULES = (
    "start",
    "log",
    "templates",
    "assign",
    "due",
    "skip",
    "config",
    "week",
    "export",
    "importing",
    "backup",
    "check",
)

HELP = """A calm, local-only journal for therapy homework.

Everything stays on this computer. Start with: hw start values-compass"""


def build_app():
    import importlib
    from typing import Annotated

    import typer

    from hwjournal import __version__
    from hwjournal.options import GLOBAL_JOURNAL

    app = typer.Typer(
        name="hw",
        help=HELP,
        add_completion=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    def show_version(value: bool) -> None:
        if value:
            print(f"hw {__version__}")
            raise typer.Exit(0)

    @app.callback(invoke_without_command=True)
    def root(
        ctx: typer.Context,
        journal: Annotated[
            str | None,
            typer.Option(*GLOBAL_JOURNAL.flags, help=GLOBAL_JOURNAL.help, metavar="PATH"),
        ] = None,
        version: Annotated[
            bool,
            typer.Option(
                "--version", callback=show_version, is_eager=True, help="Print hw's version."
            ),
        ] = False,
    ) -> None:
        state.journal_flag = journal
        if ctx.invoked_subcommand is None:
            from hwjournal.context import stdin_is_terminal, stdout_is_terminal

            if stdin_is_terminal() and stdout_is_terminal():
                from hwjournal.commands.today import run_today

                raise typer.Exit(run_today(state))
            print(ctx.get_help())
            raise typer.Exit(0)

    for name in COMMAND_MODULES:
        importlib.import_module(f"hwjournal.commands.{name}").register(app)
    return app


def _run_full(argv: list[str]) -> int:
    app = build_app()
    try:
        result = app(args=argv, prog_name="hw", standalone_mode=False)
    except Exception as exc:
        # Typer's own usage errors (unknown option, missing argument, bad number)
        if hasattr(exc, "format_message") and hasattr(exc, "exit_code"):
            return _usage_problem(exc, argv)
        if type(exc).__name__ == "Abort":
            return EXIT_INTERRUPTED
        raise
    finally:
        state.close()  # the journals this run opened, as the fast path does
    return result if isinstance(result, int) else 0


def _usage_problem(exc: Exception, argv: list[str]) -> int:
    """A command line Typer could not take: say so in two lines, or show the help
    of a group given no subcommand (`hw templates`)."""
    context = getattr(exc, "ctx", None)
    if type(exc).__name__ == "NoArgsIsHelpError" and context is not None:
        sys.stdout.write(context.get_help() + "\n")
        return 0
    path = context.command_path if context is not None else "hw"
    _tell(f"Error: {exc.format_message()}")
    _tell(f"See what it takes with: {path} --help")
    return exc.exit_code or EXIT_USAGE


def hoist_global_options(argv: list[str]) -> list[str]:
    """`--journal PATH` is global: people write it after the command too
    (`hw log --journal j.db`). Move it to the front, where both paths read it."""
    front: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--":
            rest += argv[index:]
            break
        if arg == "--journal" and index + 1 < len(argv):
            front += argv[index : index + 2]
            index += 2
            continue
        if arg.startswith("--journal="):
            front.append(arg)
        else:
            rest.append(arg)
        index += 1
    return front + rest


def main(argv: list[str] | None = None) -> int:
    as_program = argv is None
    argv = hoist_global_options(sys.argv[1:] if argv is None else list(argv))
    try:
        from hwjournal import fast

        code = fast.try_run(argv)
        quick = code is not None
        if code is None:
            code = _run_full(argv)
        sys.stdout.flush()
        if quick and as_program:
            _end_now(code)
        return code
    except Interrupted as exc:
        if exc.message:
            _tell(exc.message)
        return EXIT_INTERRUPTED
    except HwError as exc:
        _tell(exc.message)
        if exc.hint:
            _tell(exc.hint)
        if os.environ.get("HW_DEBUG") == "1":
            raise
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_pipe()
        return 0
    except Exception as exc:  # the last line of defence: no traceback for the person
        if os.environ.get("HW_DEBUG") == "1":
            raise
        from hwjournal import messages

        _tell(messages.UNEXPECTED.format(problem=exc))
        _tell(messages.UNEXPECTED_HINT)
        return EXIT_FAILED


def _end_now(code: int) -> None:
    """End a fast-path run (`hw due` in a shell prompt) as soon as its work is done.

    Its journal is closed and its output flushed; what is left is the interpreter
    tearing down every module, which costs as much as the query itself. Under a
    tracer or profiler (coverage, cProfile), which write their results at exit,
    the run ends the ordinary way."""
    if sys.gettrace() is not None or sys.getprofile() is not None:
        return
    sys.stderr.flush()
    os._exit(code)


def _tell(line: str) -> None:
    """A message on stderr. What the person typed may be quoted in it (a date, an id);
    its control characters are shown as symbols, never sent to the terminal."""
    from hwjournal.display import clean

    sys.stderr.write(clean(line) + "\n")


def _quiet_pipe() -> None:
    """The reader went away (`hw log | head`): stop without a word."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
