"""Calm on every terminal: messages wrapped at word boundaries, the new id said in the
message rather than printed bare above it, labelled scale steps listed like choices,
and the global options --plain and --no-pager."""

from __future__ import annotations

import pytest

from hwjournal import fast, spec
from hwjournal.context import Context


# ---------------------------------------------------------------- global options


def test_plain_and_no_pager_are_read_wherever_they_stand():
    assert fast.split_globals(["--plain", "week", "--no-pager", "--journal", "j.db"]) == (
        {"plain": True, "no_pager": True, "journal": "j.db"},
        ["week"],
    )
    assert fast.split_globals(["log", "--plain", "-n", "2"]) == (
        {"plain": True},
        ["log", "-n", "2"],
    )
    # after --, and with a value it does not take, a flag is the command's own
    assert fast.split_globals(["start", "x", "--", "--plain"])[1] == ["start", "x", "--", "--plain"]
    assert fast.split_globals(["--plain=yes", "week"]) == ({}, ["--plain=yes", "week"])


def test_the_context_carries_the_global_options(monkeypatch):
    ctx = Context.from_globals({"plain": True, "no_pager": True, "journal": "j.db"})
    assert (ctx.plain, ctx.pager, ctx.journal_flag) == (True, False, "j.db")
    ctx = Context.from_globals({})
    assert (ctx.plain, ctx.pager) == (False, True)


@pytest.mark.parametrize(
    "env, plain",
    [
        ({"HW_PLAIN": "1"}, True),
        ({"HW_PLAIN": "true"}, True),
        ({"HW_PLAIN": "0"}, False),
        ({"HW_PLAIN": ""}, False),
        ({"TERM": "dumb"}, True),
        ({"TERM": "xterm-256color"}, False),
    ],
)
def test_plain_from_the_environment(monkeypatch, env, plain):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert Context().plain is plain


def test_help_lists_every_global_option(hw):
    helped = hw("--help").out
    for opt in spec.GLOBALS:
        assert opt.flags[0] in helped


def test_a_flag_global_given_a_value_is_refused_as_usage(hw):
    refused = hw("--plain=yes", "week")
    assert refused.code == 2
    assert "--plain" in refused.err
