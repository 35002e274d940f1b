"""`hw --install-completion [SHELL]` and `hw --show-completion [SHELL]`, in hw's words.

Typer adds both options and, when one is given, says what it did in English only
("bash completion installed in ...") and ignores a shell named after it: `hw
--show-completion zsh` printed the script of the shell hw was started from. Here the
shell named is the one used (else the one shellingham detects), the script and the
files are Typer's own (typer._completion_shared writes them), and every sentence comes
from messages.py. The fast path sends a command line that starts with either option
here; cli_words.py hands Typer's two options these callbacks for any other order.

What stays Typer's: the lines a broken `_HW_COMPLETE` value prints (only a shell
script calls hw that way), and PowerShell's own errors while its profile is found.
"""

from __future__ import annotations

import sys

from hwjournal import messages
from hwjournal.errors import UsageError

INSTALL, SHOW = "--install-completion", "--show-completion"
FLAGS = (INSTALL, SHOW)
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
PROG = "hw"
COMPLETE_VAR = "_HW_COMPLETE"


def run(argv: list[str]) -> int | None:
    """A command line that is one of the two options, with a shell or none; None for
    any other (the full command line takes it)."""
    if not argv or argv[0] not in FLAGS or len(argv) > 2:
        return None
    shell = argv[1] if len(argv) == 2 else None
    if shell is not None and shell.startswith("-"):
        return None  # `--show-completion --help`: Typer's
    return install(shell) if argv[0] == INSTALL else show(shell)


def _shell(named: str | None, flag: str) -> str:
    """The shell named, else the one hw was started from; UsageError when it is none
    that completion can be set up for."""
    shells = ", ".join(SHELLS[:4])
    if named is None:
        from typer._completion_shared import _get_shell_name

        named = _get_shell_name()
        if named is None:
            raise UsageError(
                messages.COMPLETION_NO_SHELL,
                messages.COMPLETION_NAME_SHELL.format(flag=flag, shells=shells),
            )
    if named.lower() not in SHELLS:
        raise UsageError(
            messages.COMPLETION_SHELL_UNKNOWN.format(shell=named, shells=shells),
            messages.COMPLETION_NAME_SHELL.format(flag=flag, shells=shells),
        )
    return named.lower()


def show(named: str | None = None) -> int:
    """The completion script for the shell, on stdout, to be put where it reads it."""
    from typer._completion_shared import get_completion_script

    shell = _shell(named, SHOW)
    script = get_completion_script(prog_name=PROG, complete_var=COMPLETE_VAR, shell=shell)
    sys.stdout.write(script + "\n")
    return 0


def install(named: str | None = None) -> int:
    """Write the script where the shell reads it (Typer's places: ~/.bashrc and
    ~/.bash_completions, ~/.zshrc and ~/.zfunc, fish's completions folder, the
    PowerShell profile), and say where, and that a new terminal will have it."""
    from typer._completion_shared import install as typer_install

    from hwjournal.context import say

    shell = _shell(named, INSTALL)
    shell, path = typer_install(shell=shell, prog_name=PROG, complete_var=COMPLETE_VAR)
    say(messages.COMPLETION_INSTALLED.format(shell=shell, path=path))
    say(messages.COMPLETION_NEW_TERMINAL)
    return 0


def callback(installs: bool) -> object:
    """A Click callback for Typer's --install-completion (`installs`) or
    --show-completion, doing what `run` does for the shell hw was started from."""

    def called(ctx: object, param: object, value: object) -> object:
        if not value or getattr(ctx, "resilient_parsing", False):
            return value
        import typer

        raise typer.Exit(install() if installs else show())

    return called
