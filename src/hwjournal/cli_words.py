"""The command line's own words in hw's language, for the full command line only.

Typer's words ("Options", "Commands", "No such command") go through a `_` it imports
from the standard gettext, which reads the environment: it is handed hw's own
(i18n.gettext) instead, so the `language` setting decides. Typer's copy of Click says
"Usage:", "Show this message and exit." and its usage errors in English only: the
command and group classes here draw them from messages.py, and `usage_message` says
an error Click raised again, in hw's words. In English nothing here changes a word.
"""

from __future__ import annotations

import re
from typing import Any

import typer.core
from typer._click import exceptions
from typer.core import TyperCommand, TyperGroup

from hwjournal import i18n, messages

_DID_YOU_MEAN = re.compile(r"\. Did you mean (?P<commands>.+)\?$")
_NOT_ONE_OF = re.compile(r"^(?:Value error, )?(?P<value>'.*') is not one of (?P<choices>.+)\.$")
_NOT_INTEGER = re.compile(r"^Input should be a valid integer")
_EXTRA = re.compile(r"^Got unexpected extra arguments? \((?P<args>.*)\)$")
_TAKES_NO_VALUE = re.compile(r"^Option (?P<name>'.*') does not take a value\.$")
_NEEDS_VALUE = re.compile(r"^Option (?P<name>'.*') requires an argument\.$")


def install() -> None:
    """Typer's gettext is hw's from now on (the language this run speaks)."""
    typer.core._ = i18n.gettext  # type: ignore[attr-defined]


class _Words:
    """What a command and a group say alike: the usage line and the help option."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = [_metavar(piece) for piece in self.collect_usage_pieces(ctx)]  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=messages.CLI_USAGE)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = messages.CLI_HELP_OPTION
        return option

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)  # type: ignore[misc]
        for param in params:  # Typer's own: --install-completion, --show-completion
            if isinstance(getattr(param, "help", None), str):
                param.help = i18n.gettext(param.help)
            if param.name in ("install_completion", "show_completion"):
                from hwjournal import shell_setup  # in hw's words, for the shell named

                install = param.name == "install_completion"
                param.callback = shell_setup.callback(install)
                param.help = (
                    messages.COMPLETION_INSTALL_HELP if install else messages.COMPLETION_SHOW_HELP
                )
            if param.param_type_name == "argument":
                # an argument is named by its metavar alone: "ID", not "ID <str>"
                param.display_type_rich = _no_type
        return params


def _no_type(ctx: Any = None) -> None:
    return None


def _metavar(piece: str) -> str:
    """A usage piece as Click writes it: "ID" for a required argument, "[ID]" for one
    that may be left out, "PATH..." for several (Typer 0.29 says "{ID}", "[[ID]]" and
    "{PATH...}...")."""
    if piece == "[OPTIONS]":
        return messages.CLI_OPTIONS_METAVAR
    if piece == "COMMAND [ARGS]...":
        return messages.CLI_COMMAND_METAVAR
    many = piece.endswith("...") and len(piece) > 3
    name = piece[:-3] if many else piece
    if (name[:1], name[-1:]) == ("{", "}") or (name[:2], name[-2:]) == ("[[", "]]"):
        name = name[1:-1]
    if many and not name.rstrip("]").endswith("..."):
        name += "..."
    return name


class Command(_Words, TyperCommand):
    """A command whose help is in hw's language."""


class Group(_Words, TyperGroup):
    """A group whose help, and whose "did you mean", are in hw's language."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except exceptions.UsageError as exc:
            found = _DID_YOU_MEAN.search(exc.message)
            if found is not None:
                problem = exc.message[: found.start()].rstrip(".")
                asked = messages.CLI_DID_YOU_MEAN.format(suggestions=found["commands"])
                exc.message = f"{problem}. {asked}"
            raise


def usage_message(exc: Any) -> str:
    """What was wrong with a command line Click refused, in hw's language."""
    if i18n.language == "en":
        return str(exc.format_message())
    if isinstance(exc, exceptions.NoSuchOption):
        problem = messages.CLI_NO_SUCH_OPTION.format(name=exc.option_name)
        if exc.possibilities:
            options = ", ".join(sorted(exc.possibilities))
            problem += " " + messages.CLI_POSSIBLE_OPTIONS.format(options=options)
        return problem
    if isinstance(exc, exceptions.MissingParameter) and exc.param is not None:
        name = exc.param.get_error_hint()
        if exc.param.param_type_name == "argument":
            return messages.CLI_MISSING_ARGUMENT.format(name=name)
        return messages.CLI_MISSING_OPTION.format(name=name)
    if isinstance(exc, exceptions.BadParameter) and exc.param is not None:
        name = exc.param.get_error_hint()
        return messages.CLI_INVALID_VALUE.format(hint=name, message=_value_problem(exc.message))
    return _said_again(str(exc.message))


def _value_problem(text: str) -> str:
    found = _NOT_ONE_OF.match(text)
    if found is not None:
        return messages.CLI_NOT_ONE_OF.format(value=found["value"], choices=found["choices"])
    if _NOT_INTEGER.match(text):
        return messages.CLI_NOT_A_NUMBER
    return text


def _said_again(text: str) -> str:
    for pattern, message in (
        (_EXTRA, messages.CLI_EXTRA_ARGUMENTS),
        (_TAKES_NO_VALUE, messages.CLI_TAKES_NO_VALUE),
        (_NEEDS_VALUE, messages.CLI_NEEDS_VALUE),
    ):
        found = pattern.match(text)
        if found is not None:
            return message.format(**found.groupdict())
    return text
