"""Calm on every terminal: messages wrapped at word boundaries, the new id said in the
message rather than printed bare above it, labelled scale steps listed like choices,
and the global options --plain and --no-pager."""

from __future__ import annotations

import re

import pexpect
import pytest

from helpers import finish, interrupt, run_hw, spawn_hw
from hwjournal import fast, spec, steps
from hwjournal.context import Context, wrap


def session(*args: str, columns: int = 80, env: dict[str, str] | None = None) -> str:
    """Everything hw showed at a pty this wide, with its line ends as a reader sees them."""
    child = spawn_hw(*args, env=env, dimensions=(40, columns))
    child.expect(pexpect.EOF)
    shown = child.before.replace("\r\n", "\n")
    assert finish(child) == 0, shown
    return shown


# ---------------------------------------------------------------- wrapping


def test_wrap_breaks_at_spaces_and_keeps_the_indent():
    message = (
        "Knowing what got in the way is useful; it is something to bring to your next session."
    )
    assert wrap(message, 40).split("\n") == [
        "Knowing what got in the way is useful;",
        "it is something to bring to your next",
        "session.",
    ]
    assert wrap("  note: " + "word " * 12, 30).split("\n")[1].startswith("  word")
    assert wrap("- a list item that goes on", 12).split("\n") == [
        "- a list",
        "  item that",
        "  goes on",
    ]


def test_wrap_leaves_short_lines_and_long_words_whole():
    assert wrap("short\nlines stay", 10) == "short\nlines stay"
    path = "/a/very/long/path/that/does/not/fit/anywhere.toml"
    assert wrap(f"Wrote {path} for you.", 20).split("\n") == ["Wrote", path, "for you."]
    # no break at a hyphen: the commands in messages stay whole
    assert wrap("Start with: hw start values-compass", 30).split("\n") == [
        "Start with: hw start",
        "values-compass",
    ]


def test_a_message_at_a_terminal_is_wrapped_at_word_boundaries(hw):
    hw("assign", "gratitude")
    shown = session("skip", "gratitude", "--barrier", "time")
    assert "something to bring to your next\nsession." in shown
    assert all(len(line) <= 80 for line in shown.splitlines())


def test_an_error_at_a_terminal_is_wrapped_too():
    shown = spawn_hw("show", "12345678", dimensions=(40, 30))
    shown.expect(pexpect.EOF)
    lines = shown.before.replace("\r\n", "\n").splitlines()
    assert finish(shown) == 2
    assert lines and all(len(line) <= 30 for line in lines)
    assert "See your entries with: hw log" in " ".join(lines)


def test_without_a_terminal_a_message_is_one_line(hw):
    hw("assign", "gratitude")
    skipped = hw("skip", "gratitude", env={"COLUMNS": "40"})
    assert any(line.endswith("to your next session.") for line in skipped.err.splitlines())


# ---------------------------------------------------------------- the new id


def test_at_a_terminal_start_says_the_id_without_printing_it_bare():
    shown = session("start", "gratitude", "--answer", "things=tea", "--no-input")
    assert "Saved as entry 1." in shown
    assert "1" not in [line.strip() for line in shown.splitlines()]


def test_at_a_terminal_assign_says_the_id_without_printing_it_bare():
    shown = session("assign", "gratitude")
    assert "It is assignment 1." in shown
    assert "1" not in [line.strip() for line in shown.splitlines()]


def test_at_a_terminal_resume_says_the_id_without_printing_it_bare(hw):
    draft = spawn_hw("start", "gratitude")
    draft.expect("›")
    draft.sendline("tea")
    draft.expect("›")
    draft.sendline("")
    draft.expect("›")
    draft.sendcontrol("c")
    draft.expect("kept as draft 1")
    assert finish(draft) == 130
    shown = session("resume", "1", "--no-input")
    assert "Saved as entry 1." in shown
    assert "1" not in [line.strip() for line in shown.splitlines()]


def test_at_a_terminal_json_still_goes_to_stdout():
    shown = session("start", "gratitude", "--answer", "things=tea", "--no-input", "--json")
    assert '"id": 1' in shown


def test_without_a_terminal_the_bare_id_is_the_result(hw):
    made = hw("start", "gratitude", "--answer", "things=tea")
    assert made.out == "1\n" and "Saved as entry 1." in made.err
    assert hw("assign", "gratitude").out == "1\n"


# ---------------------------------------------------------------- labelled scales


def test_a_scale_lists_its_labels_like_a_choice_lists_its_options():
    scale = steps.Step(
        "q", "scale", "How often?", min=0, max=3, labels={0: "Not at all", 3: "Nearly every day"}
    )
    assert scale.kind.listed(scale) == [("0", "Not at all"), ("3", "Nearly every day")]
    assert scale.kind.hint(scale) == "A number from 0 to 3, or its words."
    plain = steps.Step("q", "scale", "How strong?", min=0, max=10)
    assert plain.kind.listed(plain) == [] and plain.kind.hint(plain) == "A number from 0 to 10."
    choice = steps.Step("c", "choice", "Pick", options=["Red", "Blue"])
    assert choice.kind.listed(choice) == [("1", "Red"), ("2", "Blue")]


def test_phq9_at_a_terminal_lists_each_answer_on_its_own_line(hw):
    hw("config", "set", "crisis_contact", "Sam")
    child = spawn_hw("start", "phq-9", dimensions=(40, 80), env={"NO_COLOR": "1"})
    child.expect("Little interest")
    child.expect("›")
    listed = "\n".join(line.rstrip() for line in child.before.split("\r\n"))
    child.sendline("several days")  # its words are taken too
    child.expect("Feeling down")
    interrupt(child, "kept as draft")
    assert finish(child) == 130
    assert "  0  Not at all\n  1  Several days\n  2  More than half the days\n" in listed
    assert "(0 Not at all" not in listed
    assert run_hw("show", "1", "--json").json()["answers"] == {"q1": 1}


def test_a_long_option_wraps_under_its_own_words(hw_home):
    (hw_home / "templates").mkdir(parents=True)
    (hw_home / "templates" / "long-choice.toml").write_text(
        'id = "long-choice"\ntitle = "Long choice"\nversion = 1\nmodality = "test"\n'
        'goals = ["skills"]\nsummary = "s"\nwhy = "w"\ncadence = "daily"\n\n'
        '[[steps]]\nid = "pick"\ntype = "choice"\nprompt = "Pick one"\nrequired = true\n'
        'options = ["Short", "A much longer option that cannot fit on one narrow line"]\n'
    )
    child = spawn_hw("start", "long-choice", dimensions=(40, 40), env={"NO_COLOR": "1"})
    child.expect("›")
    lines = [line.rstrip() for line in child.before.split("\r\n")]
    child.sendcontrol("c")
    finish(child)
    first = next(i for i, line in enumerate(lines) if line.startswith("  2  A much"))
    assert lines[first + 1].startswith("     ") and lines[first + 1].strip()


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


# ---------------------------------------------------------------- screens that fit


def test_assignments_at_80_columns_keep_each_phrase_whole(hw):
    hw(
        "assign",
        "reframe-log",
        "--start",
        "2026-11-23",
        "--until",
        "2026-12-06",
        "--note",
        "Evenings",
    )
    hw("assign", "mood-checkin", "--days", "mon,wed,fri,sun", "--start", "2026-11-23")
    shown = hw("assignments", "--all", env={"COLUMNS": "80"}).out
    lines = [line.rstrip() for line in shown.splitlines()]
    assert all(len(line) <= 80 for line in lines)
    # a day of another year than this one is said with its year
    span = re.compile(r"from 23 Nov( 2026)? to 6 Dec( 2026)?")
    assert any("Cognitive reframe log" in line and span.search(line) for line in lines)
    assert any("on Mon, Wed, Fri, Sun" in line for line in lines)
    assert sum("this week:" in line for line in lines) <= 2


def test_a_long_step_prompt_wraps_under_its_own_text(hw):
    shown = hw("templates", "show", "phq-9", env={"COLUMNS": "80"}).out.splitlines()
    first = next(i for i, line in enumerate(shown) if line.startswith(" 6. Feeling bad"))
    assert shown[first + 1].startswith("    or your family down")


def test_a_due_note_wraps_under_its_own_text():
    run_hw("assign", "gratitude", "--note", "three small things, after dinner, on the balcony")
    shown = session("due", columns=50, env={"NO_COLOR": "1"})
    note = next(line for line in shown.splitlines() if "three small things" in line)
    rest = shown.splitlines()[shown.splitlines().index(note) + 1]
    assert note.startswith("  three") and rest.startswith("  ") and rest.strip()


def test_a_refused_answer_and_try_again_wrap_as_one_line(monkeypatch):
    """The problem and 'Try again:' were printed in two parts, each wrapped alone, so
    at some widths the second was cut mid-word where the first ended."""
    import io

    from rich.console import Console

    from hwjournal import messages, terminal
    from hwjournal.templates import find

    template = find("reframe-log")
    step = next(s for s in template.steps if s.kind.asked_as not in ("long", "lines"))
    asker = terminal.TerminalAsker(template)
    problem = "This one matters for the exercise; a few words are enough, whatever they are."
    for width in range(30, 81):
        out = io.StringIO()
        asker.out = Console(file=out, width=width, color_system=None, force_terminal=False)
        monkeypatch.setattr(terminal, "read_line", lambda *a, **k: "x")
        asker.ask(step, 1, 3, problem, None)
        said = out.getvalue()
        lines = [line.rstrip() for line in said.splitlines()]
        assert " ".join(lines).split() == f"{problem} {messages.TRY_AGAIN}".split(), (
            width,
            said,
        )
