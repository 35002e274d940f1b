"""The full command line: a Typer app built from spec.py, so `--help`, usage errors
and shell completion come from the same table as the fast path.

Each command becomes a small function whose signature is made from its spec (Typer
reads parameters from a function's signature), and which calls the command's run_*
function with the Context it was given. Nothing here is a second definition of an
option: types, defaults, help and metavars all come from spec.py.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Any

import typer

from hwjournal import cli_words, i18n, spec
from hwjournal.context import Context
from hwjournal.fast import run_command

_ = i18n.gettext  # spec.py's help texts, in the run's language when the help is drawn

HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}

# run one command: (the command's spec, the run's context, its values) -> exit code
Invoke = Callable[[Any, Context, dict[str, Any]], int]


def build_app(ctx: Context, invoke: Invoke = run_command) -> typer.Typer:
    """The whole `hw` command line for one run, its commands bound to ctx, its help
    in the run's language (the help texts of spec.py are msgids of the catalog)."""
    cli_words.install()
    app = _typer(spec.HELP, no_args_is_help=False)

    app.callback(invoke_without_command=True)(_root(ctx))

    groups: dict[str, typer.Typer] = {}
    for name, group in spec.GROUPS.items():
        sub = _typer(group.help, no_args_is_help=group.run is None, metavar=group.metavar)
        if group.run is not None:
            sub.callback(invoke_without_command=True)(
                _function(group, ctx, invoke, typer_context=True)
            )
        groups[name] = sub
    for command in spec.COMMANDS:
        *group_name, name = command.path
        target = app
        if group_name:
            target = groups[group_name[0]]
            if not target.registered_commands:  # the group's place in `hw --help`
                app.add_typer(target, name=group_name[0])
        settings = {"ignore_unknown_options": True} if command.dash_values else {}
        target.command(
            name, help=_(command.help), context_settings=settings, cls=cli_words.Command
        )(_function(command, ctx, invoke))
    return app


def _root(ctx: Context) -> Callable[..., None]:
    """`hw` alone: today's greeting at a terminal, else the help. The global options
    were read before Typer ran (fast.split_globals, into ctx); they are declared here,
    from spec.GLOBALS, so that `hw --help` lists them."""

    def root(typer_ctx: typer.Context, **_globals: Any) -> None:
        if typer_ctx.invoked_subcommand is None:
            from hwjournal.streams import stdin_is_terminal, stdout_is_terminal

            if stdin_is_terminal() and stdout_is_terminal():
                from hwjournal.commands.today import run_today

                raise typer.Exit(run_today(ctx))
            print(typer_ctx.get_help())
            raise typer.Exit(0)

    version = spec.GLOBAL_VERSION
    parameters = [
        _parameter("typer_ctx", typer.Context, inspect.Parameter.empty),
        *(_parameter(opt.dest, *_option_type(opt)) for opt in spec.GLOBALS),
        _parameter(
            version.dest,
            Annotated[bool, _option(version, callback=_show_version, is_eager=True)],
            False,
        ),
    ]
    return _signed(root, parameters, _(spec.HELP))


def values_from_typer(command: spec.Command | spec.Group, raw: dict[str, Any]) -> dict[str, Any]:
    """Typer's values as run_* takes them, exactly as fast.parse gives them: a choice
    as its text, an empty repeated option as None."""
    values = {}
    for opt in command.options:
        value = raw[opt.dest]
        if isinstance(value, Enum):
            value = value.value
        elif opt.kind == "many":
            value = list(value) if value else None
        values[opt.dest] = value
    for arg in getattr(command, "args", ()):
        value = raw[arg.dest]
        values[arg.dest] = list(value) if arg.many and value is not None else value
    return values


def _typer(help: str, no_args_is_help: bool, metavar: str | None = None) -> typer.Typer:
    return typer.Typer(
        cls=cli_words.Group,
        help=_(help),
        no_args_is_help=no_args_is_help,
        subcommand_metavar=metavar,
        add_completion=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings=HELP_OPTIONS,
    )


def _function(
    command: spec.Command | spec.Group, ctx: Context, invoke: Invoke, typer_context: bool = False
) -> Callable[..., None]:
    """A function Typer can read a command from: its signature is the spec's."""
    parameters = []
    if typer_context:
        parameters.append(_parameter("typer_ctx", typer.Context, inspect.Parameter.empty))
    for arg in getattr(command, "args", ()):
        parameters.append(_argument(arg))
    for opt in command.options:
        parameters.append(_parameter(opt.dest, *_option_type(opt)))

    def run(typer_ctx: typer.Context | None = None, **raw: Any) -> None:
        if typer_ctx is not None and typer_ctx.invoked_subcommand is not None:
            return  # `hw assignments end ID`: the subcommand does the work
        raise typer.Exit(invoke(command, ctx, values_from_typer(command, raw)))

    return _signed(run, parameters, _(command.help))


def _signed(
    function: Callable[..., None], parameters: list[inspect.Parameter], help: str
) -> Callable[..., None]:
    """The function with the signature Typer reads its options and arguments from."""
    function.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    function.__annotations__ = {p.name: p.annotation for p in parameters}
    function.__doc__ = help
    return function


def _parameter(name: str, annotation: Any, default: Any) -> inspect.Parameter:
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default
    )


def _argument(arg: spec.Arg) -> inspect.Parameter:
    kind: Any = list[str] if arg.many else str if arg.required else str | None
    info = typer.Argument(
        metavar=arg.metavar, help=_(arg.help), autocompletion=_completer(arg.complete)
    )
    default = inspect.Parameter.empty if arg.required else None
    return _parameter(arg.dest, Annotated[kind, info], default)


def _option_type(opt: spec.Opt) -> tuple[Any, Any]:
    """(annotation, default) of an option."""
    if opt.kind == "flag":
        return Annotated[bool, _option(opt)], False
    if opt.kind == "int":
        return Annotated[int | None, _option(opt)], opt.default
    if opt.kind == "many":
        return Annotated[list[str] | None, _option(opt)], None
    if opt.choices:
        choices = Enum(opt.dest.title(), {c: c for c in opt.choices}, type=str)  # type: ignore[misc]
        return Annotated[choices | None, _option(opt)], opt.default
    return Annotated[str | None, _option(opt)], opt.default


def _option(opt: spec.Opt, **extra: Any) -> Any:
    return typer.Option(
        *opt.flags,
        help=_help(opt.help),
        metavar=opt.metavar,
        autocompletion=_completer(opt.complete),
        **extra,
    )


def _help(text: str) -> str:
    """Help in the run's language; its wording may come from the core (the barriers as
    people say them)."""
    text = _(text)
    if "{barriers}" not in text:
        return text
    from hwjournal import plans

    return text.format(barriers=plans.barrier_choices())


def _completer(name: str | None) -> Callable[..., Any] | None:
    if name is None:
        return None
    from hwjournal import completion

    return completion.COMPLETERS[name]


def _show_version(value: bool) -> None:
    if value:
        from hwjournal.fast import print_version

        print_version()
        raise typer.Exit(0)
