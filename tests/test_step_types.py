"""One step-type table: a type is one object that reads its TOML keys, reads and
checks an answer from a prompt, a flag, JSON or an import, and shows it. A
throwaway type registered here goes through the whole of hw without hw knowing
it beforehand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helpers import SAMPLED_TYPES, hw_here
from hwjournal import answers, runner, steps, templates
from hwjournal.errors import TemplateError
from hwjournal.steps import AnswerError, Key, Step, StepType


class Slider(StepType):
    """A made-up type for these tests: a number from min to max, on notches."""

    name, word = "slider", "a slider"
    keys = {  # noqa: RUF012 (a test's throwaway type)
        "min": Key((int, float)),
        "max": Key((int, float)),
        "notch": Key(int, 1),
    }

    def validate(self, data: dict[str, Any], fail: Any) -> dict[str, Any]:
        for key in ("min", "max"):
            if key not in data:
                fail(f"a slider needs '{key}'", key)
        if data.get("notch", 1) < 1:
            fail("notch should be 1 or more", "notch")
        return super().validate(data, fail)

    def hint(self, step: Step) -> str:
        return f"Slide from {step.min:g} to {step.max:g}, in steps of {step.notch}."

    def parse(self, step: Step, text: str) -> Any:
        try:
            value = int(text.strip())
        except ValueError:
            raise AnswerError(step, "a slider takes a whole number.") from None
        return self._checked(step, value)

    def from_json(self, step: Step, value: Any) -> Any:
        if isinstance(value, str):
            return self.parse(step, value)
        problem = self.check(step, value)
        if problem:
            raise AnswerError(step, problem)
        return value

    def check(self, step: Step, value: Any) -> str | None:
        if not steps.is_whole(value):
            return "should be a whole number."
        if not step.min <= value <= step.max or (value - step.min) % step.notch:
            return f"{value} is not a notch of the slider."
        return None

    def _checked(self, step: Step, value: int) -> int:
        problem = self.check(step, value)
        if problem:
            raise AnswerError(step, problem)
        return value

    def display(self, step: Step, value: Any) -> str:
        return f"slid to {value} of {step.max:g}"


SLIDER_TEMPLATE = """\
id = "slide-test"
title = "Slide test"
why = "To show a new step type needs no other change."

[[steps]]
id = "level"
type = "slider"
prompt = "How far along are you?"
min = 0
max = 100
notch = 10
required = true

[[steps]]
id = "reflection"
type = "long"
prompt = "What stood out?"
reflection = true
"""


@pytest.fixture
def slider():
    before_types, before_keys = dict(steps.STEP_TYPES), dict(steps.SETTINGS)
    step_type = steps.register(Slider())
    try:
        yield step_type
    finally:
        steps.unregister("slider")
        assert (dict(steps.STEP_TYPES), dict(steps.SETTINGS)) == (before_types, before_keys)


@pytest.fixture
def slider_file(slider, hw_home: Path) -> Path:
    folder = hw_home / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "slide-test.toml"
    path.write_text(SLIDER_TEMPLATE)
    return path


def test_a_registered_type_loads_from_a_template_file(slider, slider_file):
    template = templates.load_file(str(slider_file))
    level = template.step("level")
    assert level.kind is slider
    assert (level.min, level.max, level.notch, level.required) == (0, 100, 10, True)
    assert level.snapshot()["notch"] == 10
    assert Step.from_snapshot(level.snapshot()) == level
    assert template.step("reflection").notch == 1  # every step has every key, at its default


@pytest.mark.parametrize(
    ("change", "key", "line", "says"),
    [
        (("notch = 10", "notch = 0"), "notch", 11, "1 or more"),
        (("notch = 10", 'notch = "ten"'), "notch", 11, "should be a whole number"),
        (("min = 0\n", ""), "min", None, "a slider needs 'min'"),
        (('type = "long"', 'type = "long"\nnotch = 2'), "notch", 17, "does not apply"),
    ],
)
def test_a_registered_type_checks_its_keys_with_file_key_and_line(
    slider, tmp_path, change, key, line, says
):
    path = tmp_path / "slide-test.toml"
    path.write_text(SLIDER_TEMPLATE.replace(*change))
    with pytest.raises(TemplateError) as caught:
        templates.load_file(str(path))
    assert caught.value.key.endswith(key)
    assert says in caught.value.message
    if line:
        assert caught.value.line == line


def test_without_its_registration_the_type_is_unknown(tmp_path):
    path = tmp_path / "slide-test.toml"
    path.write_text(SLIDER_TEMPLATE.replace("notch = 10\n", ""))
    with pytest.raises(TemplateError) as caught:
        templates.load_file(str(path))
    assert "unknown step type 'slider'" in caught.value.message


def test_a_registered_type_reads_flags_and_json_alike(slider, slider_file):
    template = templates.load_file(str(slider_file))
    assert answers.parse_assignments(template, ["level=40"]) == {"level": 40}
    assert answers.parse_json_answers(template, {"level": 40}, "x") == {"level": 40}
    assert answers.parse_json_answers(template, {"level": "70"}, "x") == {"level": 70}
    for given in (["level=45"], ["level=far"]):
        with pytest.raises(AnswerError):
            answers.parse_assignments(template, given)
    for value in (45, True, [40]):
        with pytest.raises(AnswerError):
            answers.parse_json_answers(template, {"level": value}, "x")


class ScriptedAsker:
    """An Asker that types the given lines and notes each problem it is told."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.problems: list[str | None] = []

    def ask(self, step, number, total, problem, earlier):
        self.problems.append(problem)
        return self.lines.pop(0)

    def show(self, step):
        raise AssertionError("nothing to show")

    def timer(self, step, number, total):
        raise AssertionError("no timer here")

    def ask_mood(self, problem):
        return None


def test_a_registered_type_is_asked_again_until_its_answer_fits(slider, slider_file):
    template = templates.load_file(str(slider_file))
    asker = ScriptedAsker(["45", "40", "done"])
    progress = runner.run(template.steps, runner.Progress(), asker, lambda step, value: None)
    assert progress.answers == {"level": 40, "reflection": "done"}
    assert asker.problems == [None, "45 is not a notch of the slider.", None]


def test_a_registered_type_goes_through_hw_and_reads_back(slider, slider_file, tmp_path):
    shown = hw_here("templates", "show", "slide-test")
    assert shown.code == 0, shown.err
    assert "a slider" in shown.out
    made = hw_here("start", "slide-test", "--answer", "level=40", "--answer", "reflection=ok")
    assert made.code == 0, made.err
    entry_id = made.out.strip()
    assert hw_here("show", entry_id, "--json").json()["answers"]["level"] == 40
    assert "slid to 40 of 100" in hw_here("show", entry_id).out
    assert "slid to 40 of 100" in hw_here("export").out
    refused = hw_here("start", "slide-test", "--answer", "level=45")
    assert refused.code == 2
    assert "45 is not a notch" in refused.err
    # an export of it imports again, its answers checked by the same type
    exported = json.loads(hw_here("export", "--format", "json").out)
    other = tmp_path / "other.db"
    imported = hw_here("--journal", str(other), "import", "-", input=json.dumps(exported))
    assert imported.code == 0, imported.err
    exported["entries"][0]["uid"] = "another-uid"
    exported["entries"][0]["answers"]["level"] = 45
    refused = hw_here("--journal", str(other), "import", "-", input=json.dumps(exported))
    assert refused.code == 2
    assert "45 is not a notch" in refused.err


def test_a_kept_step_of_a_registered_type_is_checked_by_its_keys(slider):
    good = {"id": "level", "type": "slider", "prompt": "p", "min": 0, "max": 100, "notch": 10}
    assert steps.snapshot_problem(good) is None
    assert steps.snapshot_problem({**good, "notch": "ten"}) == (
        "notch",
        "should be a whole number",
    )


# ---------------------------------------------------------------- the built-in table


def test_the_built_in_types_are_the_ten_the_format_names():
    assert list(steps.STEP_TYPES) == [
        "text",
        "long",
        "scale",
        "choice",
        "multi",
        "list",
        "number",
        "yesno",
        "timer",
        "info",
    ]
    for name, step_type in steps.STEP_TYPES.items():
        assert step_type.name == name and step_type.word
        assert step_type.asked_as in ("line", "lines", "long", "timer", "info")


def test_the_tests_sample_answer_knows_every_answerable_type():
    """helpers.sample_answer is the one table of example answers the tests use: a type
    added to steps/ without a sample there fails here, not in some far-off test."""
    answerable = {name for name, kind in steps.STEP_TYPES.items() if kind.asked_as != "info"}
    assert answerable == SAMPLED_TYPES


def test_an_answer_reads_the_same_from_a_flag_json_and_an_import(every_type):
    """Each type's kept value passes its own import check, and reads back the same
    through JSON."""
    template = templates.load_file(str(every_type))
    kept = {
        "line": "one line",
        "story": "two\nlines",
        "level": 7,
        "pick": "Green",
        "picks": ["Walk", "my own"],
        "items": ["a", "b"],
        "count": 2.5,
        "ok": True,
        "breathe": 95,
    }
    for step_id, value in kept.items():
        step = template.step(step_id)
        assert step.problem(value) is None, step_id
        assert step.from_json(value) == value, step_id
    typed = {"level": "7", "pick": "2", "picks": "1, my own", "count": "2.5", "ok": "y"}
    for step_id, text in typed.items():
        assert template.step(step_id).parse(text) == kept[step_id], step_id
        assert template.step(step_id).from_flag(text) == kept[step_id], step_id
    assert template.step("breathe").parse("1m35s") == 95
    wrong = {"line": 3, "level": 11, "pick": 2, "picks": "Walk", "count": "2", "ok": "y"}
    for step_id, value in wrong.items():
        assert template.step(step_id).problem(value), step_id
    assert template.step("intro").problem("anything")


def test_an_answer_reads_as_text_by_its_type_even_from_an_odd_snapshot():
    scale = {"id": "level", "type": "scale", "prompt": "p", "min": 0, "max": 3}
    assert steps.answer_text({**scale, "labels": {"2": "often"}}, 2) == "2 on 0–3 (often)"
    assert steps.answer_text({"type": "timer"}, 95) == "1 min 35 s"  # no id, no prompt
    assert steps.answer_text({"type": "from-a-newer-hw"}, ["a", "b"]) == "• a\n• b"
    assert steps.answer_text({"type": "yesno", "help": None}, False) == "no"
