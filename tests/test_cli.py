"""The command line as a whole: help without a terminal, quiet closed pipes, user text
that cannot hijack a terminal."""

from __future__ import annotations

import subprocess

from helpers import HW, finish, spawn_hw


def test_version_and_help(hw):
    assert hw("--version").out.startswith("hw ")
    helped = hw()
    assert helped.code == 0
    assert "start" in helped.out and "log" in helped.out
    assert hw("start", "--help").code == 0


def test_arguments_are_named_by_their_metavar_alone(hw):
    """As Click writes them: ID required, [DEST] optional, PATH... several; no Python
    type after the name."""
    firsts = {
        ("show", "--help"): "Usage: hw show [OPTIONS] ID",
        ("backup", "--help"): "Usage: hw backup [OPTIONS] [DEST]",
        ("templates", "validate", "--help"): "Usage: hw templates validate [OPTIONS] PATH...",
        ("caseload", "--help"): "Usage: hw caseload [OPTIONS] FILE|DIR...",
    }
    for args, first in firsts.items():
        shown = hw(*args)
        assert shown.code == 0 and shown.out.splitlines()[0] == first
        assert "<str>" not in shown.out and "<list[str]>" not in shown.out
        assert "{" not in shown.out.splitlines()[0]


def test_a_closed_pipe_ends_quietly(hw):
    for n in range(30):
        hw("start", "gratitude", "--answer", f"things=entry {n}")
    proc = subprocess.run(
        f"'{HW}' log -n 0 --json | head -c 10", shell=True, capture_output=True, text=True
    )
    assert "Traceback" not in proc.stderr
    assert "Error" not in proc.stderr


def test_user_text_cannot_send_control_codes_or_markup_to_the_terminal(hw):
    nasty = "[bold red]shout[/] \x1b[2J\x1b]0;pwned\x07 end"
    made = hw(
        "start",
        "gratitude",
        "--answers-json",
        "-",
        "--json",
        input='{"things": ["' + nasty.replace("\x1b", "\\u001b").replace("\x07", "\\u0007") + '"]}',
    )
    assert made.code == 0, made.err
    assert made.json()["answers"]["things"] == [nasty]  # the journal keeps it exactly
    child = spawn_hw("show", str(made.json()["id"]))
    child.expect("end")
    screen = child.before
    assert "[bold red]shout[/]" in screen  # markup shown as typed
    assert "\x1b[2J" not in screen and "\x1b]0;" not in screen
    assert "␛" in screen
    finish(child)


def test_no_color_means_no_escape_codes(hw):
    hw("start", "gratitude", "--answer", "things=tea")
    child = spawn_hw("log", env={"NO_COLOR": "1"})
    child.expect("Gratitude")
    child.expect("tea")
    assert "\x1b[" not in child.before + child.after
    finish(child)


def test_hw_alone_in_a_terminal_greets_without_showing_entry_text(hw):
    hw("start", "gratitude", "--answer", "things=a private thought")
    child = spawn_hw()
    child.expect("Last entry")
    child.expect(r"Next:")
    output = child.before
    assert finish(child) == 0
    assert "private thought" not in output


def test_a_group_without_its_subcommand_shows_its_help(hw):
    shown = hw("templates")
    assert shown.code == 0
    assert "list" in shown.out and "validate" in shown.out
    assert shown.err == ""


def test_a_usage_error_names_the_command_to_ask_for_help(hw):
    result = hw("templates", "show")
    assert result.code == 2
    assert result.out == ""
    assert result.err.splitlines() == [
        "Error: Missing argument 'ID'.",
        "See what it takes with: hw templates show --help",
    ]


def test_journal_is_a_global_option_before_or_after_the_command(hw, tmp_path, journal_path):
    other = tmp_path / "other.db"
    assert hw("start", "gratitude", "--answer", "things=x", "--journal", str(other)).code == 0
    assert hw("--journal", str(other), "start", "gratitude", "--answer", "things=y").code == 0
    after = hw("log", "--json", f"--journal={other}")
    assert after.code == 0
    assert len(after.json()) == 2
    assert len(hw("week", "--journal", str(other), "--json").json()["entries"]) == 2
    assert not journal_path.exists()
