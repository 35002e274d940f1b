"""The one exit point: every `hw` run goes through main(), which turns the
project's exceptions into a short message on stderr and the spec's exit codes."""

import os
import sys

from hwjournal import messages
from hwjournal.context import Context, say
from hwjournal.errors import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_USAGE, HwError, Interrupted


def _run_full(argv: list[str], ctx: Context) -> int:
    from hwjournal.typer_app import build_app

    app = build_app(ctx)
    try:
        result = app(args=argv, prog_name="hw", standalone_mode=False)
    except Exception as exc:
        # Typer's own usage errors (unknown option, missing argument, bad number)
        if hasattr(exc, "format_message") and hasattr(exc, "exit_code"):
            return _usage_problem(exc, argv)
        if type(exc).__name__ == "Abort":
            return EXIT_INTERRUPTED
        raise
    return result if isinstance(result, int) else 0


def _usage_problem(exc: Exception, argv: list[str]) -> int:
    """A command line Typer could not take: say so in two lines, or show the help
    of a group given no subcommand (`hw templates`)."""
    context = getattr(exc, "ctx", None)
    if type(exc).__name__ == "NoArgsIsHelpError" and context is not None:
        sys.stdout.write(context.get_help() + "\n")
        return 0
    from hwjournal.cli_words import usage_message

    path = context.command_path if context is not None else "hw"
    _tell(messages.USAGE_ERROR.format(problem=usage_message(exc)))
    _tell(messages.USAGE_SEE_HELP.format(path=path))
    return exc.exit_code or EXIT_USAGE


def main(argv: list[str] | None = None) -> int:
    as_program = argv is None
    if as_program:
        _collect_less()
    _file_names_as_bytes()
    from hwjournal import fast, i18n

    options, argv = fast.split_globals(sys.argv[1:] if argv is None else list(argv))
    ctx = Context.from_globals(options)
    i18n.install(ctx.language)  # every sentence from here on is in the person's language
    try:
        return _main(argv, ctx, as_program)
    finally:
        i18n.install("en")  # a caller in this process (a test) gets English back


def _collect_less() -> None:
    """A run of hw is short and makes few reference cycles, yet Python's collector,
    counting allocations, walked every young object about fifteen times while a
    `hw due` loaded its modules (5% of its instructions). Now it looks after every
    20,000 allocations instead of every 700: cycles are still collected, and a long
    run (an import, a walk at the terminal) keeps memory bounded all the same."""
    import gc

    gc.set_threshold(20_000, 10, 10)


def _main(argv: list[str], ctx: Context, as_program: bool) -> int:
    from hwjournal import fast

    try:
        try:
            code = fast.try_run(argv, ctx)
            quick = code is not None
            if code is None:
                code = _run_full(argv, ctx)
        finally:
            ctx.close()  # the journals this run opened
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


def _file_names_as_bytes() -> None:
    """A file name that is not UTF-8 reaches hw as text with stand-ins for its odd
    bytes (surrogateescape). Printed, it must not fail half-way: stdout gives the
    bytes back as they were, as `ls` would; stderr shows them escaped, as Python does."""
    for stream, errors in ((sys.stdout, "surrogateescape"), (sys.stderr, "backslashreplace")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=errors)


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
    """A message on stderr, wrapped like every other (context.say). What the person
    typed may be quoted in it (a date, an id); its control characters are shown as
    symbols, never sent to the terminal."""
    from hwjournal.display import clean

    say(clean(line))


def _quiet_pipe() -> None:
    """The reader went away (`hw log | head`): stop without a word."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
