"""The nudge for a required step left empty says what would do for the step's type:
a few words for text, a number for a scale, y or n for a yes-or-no question. The
sentences live in messages.py; each step type names its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import finish, run_hw, spawn_hw
from hwjournal import messages, runner
from hwjournal.steps import STEP_TYPES, Step


class Scripted:
    """An Asker that answers from a list and remembers each problem it was shown."""

    def __init__(self, answers: list[str]) -> None:
        self.answers = answers
        self.problems: list[str | None] = []

    def ask(self, step, number, total, problem, earlier):
        self.problems.append(problem)
        return self.answers.pop(0)


GOOD = {
    "text": "a line",
    "long": "some words",
    "scale": "3",
    "choice": "1",
    "multi": "1",
    "list": "one",
    "number": "2",
    "yesno": "n",
}
SETTINGS = {"scale": {"min": 0, "max": 10}, "choice": {"options": ["A", "B"]}}
SETTINGS["multi"] = SETTINGS["choice"]


@pytest.mark.parametrize("kind", sorted(GOOD))
def test_a_required_step_left_empty_is_nudged_with_what_fits_its_type(kind):
    assert {k for k, t in STEP_TYPES.items() if t.asked_as not in ("timer", "info")} == set(GOOD)
    step = Step(id="x", type=kind, prompt="?", required=True, **SETTINGS.get(kind, {}))
    asker = Scripted(["", "   ", GOOD[kind]])
    done = runner.run([step], runner.Progress(), asker, lambda s, v: None)
    assert "x" in done.answers
    assert asker.problems == [
        None,
        getattr(messages, step.kind.needed),
        getattr(messages, step.kind.needed),
    ]
    words_fit = "a few words" in getattr(messages, step.kind.needed)
    assert words_fit == (kind in ("text", "long"))
    assert getattr(messages, step.kind.needed).startswith("This one matters for the exercise")


def test_each_type_has_its_own_nudge_from_messages():
    nudges = {getattr(messages, t.needed) for k, t in STEP_TYPES.items() if k in GOOD}
    assert len(nudges) == len(GOOD) - 1  # text and long share theirs
    sentences = {v for k, v in vars(messages).items() if k.startswith("NEEDED")}
    assert nudges <= sentences


def test_at_a_terminal_a_scale_and_a_yes_or_no_are_nudged_as_such(hw_home: Path):
    folder = hw_home / "templates"
    folder.mkdir(parents=True)
    (folder / "nudges.toml").write_text(
        """
id = "nudges"
title = "Nudges"
version = 1
why = "For tests."

[[steps]]
id = "level"
type = "scale"
min = 0
max = 10
prompt = "How strong is it?"
required = true

[[steps]]
id = "went"
type = "yesno"
prompt = "Did you go?"
required = true

[[steps]]
id = "reflection"
type = "text"
prompt = "Anything else?"
reflection = true
"""
    )
    child = spawn_hw("start", "nudges", "--mood", "3", dimensions=(24, 80))
    child.expect("How strong is it")
    child.expect("›")
    child.sendline("")
    child.expect("the nearest number will do")
    assert "a few words" not in child.before
    child.sendline("4")
    child.expect("Did you go")
    child.expect("›")
    child.sendline("")
    child.expect("y or n is all it needs")
    child.sendline("y")
    child.expect("Anything else")
    child.expect("›")
    child.sendline("")
    assert finish(child) == 0
    got = run_hw("show", "1", "--json").json()["answers"]
    assert got == {"level": 4, "went": True}
