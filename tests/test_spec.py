"""One command table, two parsers: the fast path (fast.parse) and the Typer command
line (typer_app) are both built from spec.py, and must hand run_* the same values for
the same command line. Command lines are generated over every command and option."""

from __future__ import annotations

import inspect

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hwjournal import fast, spec
from hwjournal.context import Context
from hwjournal.typer_app import build_app

EVERY = [*spec.COMMANDS, *(g for g in spec.GROUPS.values() if g.run is not None)]


def words(command: spec.Command | spec.Group) -> list[str]:
    return list(getattr(command, "path", (command.name,)))


def typer_values(command: spec.Command | spec.Group, args: list[str]) -> dict | None:
    """What the Typer command line hands run_* for `hw WORDS ARGS`, or None when it
    refuses the line."""
    seen: list[tuple[object, dict]] = []

    def record(cmd: object, ctx: Context, values: dict) -> int:
        seen.append((cmd, values))
        return 0

    app = build_app(Context(), invoke=record)
    try:
        app(args=[*words(command), *args], prog_name="hw", standalone_mode=False)
    except Exception as exc:
        if hasattr(exc, "exit_code") and hasattr(exc, "format_message"):
            return None  # a usage error
        raise
    assert len(seen) == 1 and seen[0][0] is command
    return seen[0][1]


# a value as a person might type it: words, digits, text that starts with '-' or '='
TEXT = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12),
    st.sampled_from(["-x", "--json", "a=b", "-5", "2026-11-30", " spaced ", "=", "--"]),
).filter(lambda t: "\x00" not in t)
POSITIONAL = st.text(st.characters(codec="ascii", categories=("L", "N")), min_size=1, max_size=8)


@st.composite
def command_lines(draw: st.DrawFn, command: spec.Command | spec.Group) -> list[str]:
    """A well-formed command line for this command: some of its options, in any order,
    with values of the right kind, in either --flag VALUE or --flag=VALUE form."""
    parts: list[list[str]] = []
    for opt in (
        draw(st.lists(st.sampled_from(command.options), max_size=8)) if command.options else []
    ):
        flag = draw(st.sampled_from(opt.flags))
        if opt.kind == "flag":
            parts.append([flag])
            continue
        if opt.kind == "int":
            value = str(draw(st.integers(-(10**12), 10**12)))
        elif opt.choices:
            value = draw(st.sampled_from(opt.choices))
        else:
            value = draw(TEXT)
        joined = flag.startswith("--") and draw(st.booleans())
        parts.append([f"{flag}={value}"] if joined else [flag, value])
    args = []
    for arg in getattr(command, "args", ()):
        if arg.many:
            args += draw(st.lists(POSITIONAL, min_size=1, max_size=3))
        elif arg.required or draw(st.booleans()):
            args.append(draw(POSITIONAL))
    # positionals may stand between the options
    for value in args:
        parts.insert(draw(st.integers(0, len(parts))), [value])
    return [word for part in parts for word in part]


@pytest.mark.parametrize("command", EVERY, ids=lambda c: " ".join(words(c)))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_both_parsers_hand_run_the_same_values(command, data):
    line = data.draw(command_lines(command))
    quick = fast.parse(command, line) if isinstance(command, spec.Command) else None
    full = typer_values(command, line)
    assert full is not None, f"Typer refused a well-formed line: {line}"
    if isinstance(command, spec.Command):
        assert quick == full, line


@pytest.mark.parametrize("command", spec.COMMANDS, ids=lambda c: c.name)
def test_a_bare_command_gets_every_default_from_the_spec(command):
    required = [a for a in command.args if a.required]
    line = ["x"] * len(required) if not any(a.many for a in required) else ["x"]
    quick = fast.parse(command, line)
    assert quick == typer_values(command, line)
    for opt in command.options:
        assert quick[opt.dest] == (False if opt.kind == "flag" else opt.default)


def test_the_command_a_line_starts_with_is_found_in_one_or_two_words():
    assert spec.fast_command(["templates", "show", "phq-9"]) == (
        spec.BY_NAME["templates show"],
        2,
    )
    assert spec.fast_command(["assignments", "end", "3"]) == (spec.BY_NAME["assignments end"], 2)
    assert spec.fast_command(["assignments", "--all"]) == (spec.GROUPS["assignments"], 1)
    assert spec.fast_command(["start", "templates"]) == (spec.BY_NAME["start"], 1)
    for line in (["templates"], ["config"], ["templates", "nosuch"], ["nosuch"], []):
        assert spec.fast_command(line) is None, line


def test_the_fast_path_leaves_what_it_does_not_know_to_typer():
    log = spec.BY_NAME["log"]
    for line in (["--help"], ["-n"], ["-n", "many"], ["--drafts=yes"], ["--nope"], ["extra"]):
        assert fast.parse(log, line) is None, line
    assert fast.parse(spec.BY_NAME["export"], ["--format", "pdf"]) is None


@pytest.mark.parametrize("command", EVERY, ids=lambda c: " ".join(words(c)))
def test_run_takes_exactly_what_the_spec_declares(command):
    """run_* is the only signature a command has: its parameters are the spec's, with
    no defaults of their own to drift from the spec's."""
    module_name, function_name = command.run.split(":")
    module = __import__(f"hwjournal.commands.{module_name}", fromlist=[function_name])
    parameters = inspect.signature(getattr(module, function_name)).parameters
    declared = [o.dest for o in command.options] + [a.dest for a in getattr(command, "args", ())]
    assert next(iter(parameters)) == "ctx"
    assert sorted(list(parameters)[1:]) == sorted(declared)
    assert all(p.default is inspect.Parameter.empty for p in parameters.values())


def test_global_options_are_read_wherever_they_stand():
    assert fast.split_globals(["--journal", "j.db", "log"]) == ({"journal": "j.db"}, ["log"])
    assert fast.split_globals(["log", "--journal=j.db", "-n", "2"]) == (
        {"journal": "j.db"},
        ["log", "-n", "2"],
    )
    # after --, everything is the command's own
    assert fast.split_globals(["start", "x", "--", "--journal", "j"]) == (
        {},
        ["start", "x", "--", "--journal", "j"],
    )
