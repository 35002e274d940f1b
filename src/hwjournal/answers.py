"""Answers: turn what a person typed (or a script passed) into the value a step
keeps, and say plainly what is wrong when it does not fit."""

from __future__ import annotations

import re
from typing import Any

from hwjournal.errors import UsageError
from hwjournal.templates import Step, Template

YES = {"y", "yes", "true", "1"}
NO = {"n", "no", "false", "0"}
_DURATION = re.compile(r"^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s(?:ec)?)?$")


class AnswerError(UsageError):
    """An answer that does not fit its step. The runner asks again; a script gets exit 2."""

    def __init__(self, step: Step, problem: str) -> None:
        super().__init__(f"{step.id}: {problem}")
        self.step = step
        self.problem = problem


def _number(text: str) -> int | float | None:
    try:
        value = float(text.strip())
    except ValueError:
        return None
    if value != value or value in (float("inf"), float("-inf")):
        return None
    return int(value) if value.is_integer() else value


def _range(step: Step) -> str:
    low = f"{step.min:g}" if step.min is not None else ""
    high = f"{step.max:g}" if step.max is not None else ""
    return f"{low} to {high}"


def _pick_option(step: Step, text: str) -> str:
    value = text.strip()
    if value.isdecimal():
        number = int(value)
        if 1 <= number <= len(step.options):
            return step.options[number - 1]
        raise AnswerError(step, f"there is no option {number}; pick 1 to {len(step.options)}.")
    for option in step.options:
        if option.lower() == value.lower():
            return option
    if step.other and value:
        return value
    choices = "; ".join(f"{i}. {o}" for i, o in enumerate(step.options, 1))
    raise AnswerError(step, f"'{value}' is not one of the options ({choices}).")


def parse(step: Step, text: str) -> Any:
    """The value for one typed answer. Empty text is the caller's business."""
    kind = step.type
    if kind in ("text", "long"):
        if kind == "text" and ("\n" in text.strip("\r\n")):
            raise AnswerError(step, "this step takes one line.")
        return text
    if kind == "number":
        value = _number(text)
        if value is None:
            raise AnswerError(step, f"'{text.strip()}' is not a number.")
        if (step.min is not None and value < step.min) or (
            step.max is not None and value > step.max
        ):
            raise AnswerError(step, f"{value:g} is outside {_range(step)}.")
        return value
    if kind == "scale":
        value = _number(text)
        if value is None:
            for number, label in step.labels.items():
                if label.lower() == text.strip().lower():
                    return number
        if not isinstance(value, int):
            raise AnswerError(step, f"answer with a whole number from {_range(step)}.")
        if not step.min <= value <= step.max:
            raise AnswerError(step, f"{value} is outside {_range(step)}.")
        return value
    if kind == "choice":
        return _pick_option(step, text)
    if kind == "multi":
        picked: list[str] = []
        for part in text.split(","):
            if part.strip():
                option = _pick_option(step, part)
                if option not in picked:
                    picked.append(option)
        if not picked:
            raise AnswerError(step, "pick at least one option, by number or name.")
        return picked
    if kind == "list":
        items = [line.strip() for line in text.splitlines() if line.strip()]
        return items
    if kind == "yesno":
        word = text.strip().lower()
        if word in YES:
            return True
        if word in NO:
            return False
        raise AnswerError(step, "answer y or n.")
    if kind == "timer":
        value = text.strip().lower()
        if value.isdecimal():
            return int(value)
        match = _DURATION.match(value)
        if value and match and any(match.groups()):
            hours, minutes, seconds = (int(g or 0) for g in match.groups())
            return hours * 3600 + minutes * 60 + seconds
        raise AnswerError(step, "give the time spent in seconds (like 300) or as 5m, 1m30s.")
    raise AnswerError(step, "this step shows information and takes no answer.")


def coerce(step: Step, value: Any) -> Any:
    """A value from JSON (--answers-json, import): native types are checked as they are,
    strings go through parse()."""
    if isinstance(value, str):
        return parse(step, value)
    kind = step.type
    if kind in ("multi", "list"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise AnswerError(step, "should be a list of texts.")
        if kind == "multi":
            return parse(step, ",".join(value)) if value else []
        return [v for v in value]
    if kind == "yesno" and isinstance(value, bool):
        return value
    if (
        kind in ("number", "scale", "timer")
        and isinstance(value, int | float)
        and not isinstance(value, bool)
    ):
        return parse(step, repr(value))
    raise AnswerError(step, f"{value!r} does not fit a {kind} step.")


def combine(step: Step, earlier: Any, value: Any) -> Any:
    """A repeated --answer for a multi or list step adds a value; for others, the last wins."""
    if step.type in ("multi", "list") and isinstance(earlier, list):
        return earlier + [v for v in value if step.type == "list" or v not in earlier]
    return value


def parse_assignments(template: Template, pairs: list[str]) -> dict[str, Any]:
    """--answer ID=VALUE pairs, checked against the template, in the order given."""
    answers: dict[str, Any] = {}
    for pair in pairs:
        if "=" not in pair:
            raise UsageError(
                f"'{pair}' is not ID=VALUE.",
                "Write answers like --answer thought='I always get it wrong'.",
            )
        step_id, text = pair.split("=", 1)
        step = template.step(step_id.strip())
        if not step.answerable:
            raise AnswerError(step, "this step shows information and takes no answer.")
        value = ([text] if text.strip() else []) if step.type == "list" else parse(step, text)
        if step.id in answers:
            value = combine(step, answers[step.id], value)
        answers[step.id] = value
    return answers


def parse_json_answers(template: Template, data: Any, source: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise UsageError(f"{source}: answers should be a JSON object of step id to answer.")
    answers: dict[str, Any] = {}
    for step_id, value in data.items():
        step = template.step(str(step_id))
        if not step.answerable:
            raise AnswerError(step, "this step shows information and takes no answer.")
        answers[step.id] = coerce(step, value)
    return answers


def is_empty(value: Any) -> bool:
    return (
        value is None
        or value == ""
        or value == []
        or (isinstance(value, str) and not value.strip())
    )


def missing_required(template: Template, answers: dict[str, Any]) -> list[Step]:
    return [s for s in template.answerable_steps if s.required and is_empty(answers.get(s.id))]


def in_step_order(template_steps: list[Step], answers: dict[str, Any]) -> dict[str, Any]:
    return {
        s.id: answers[s.id]
        for s in template_steps
        if s.id in answers and not is_empty(answers[s.id])
    }


def score(template: Template, answers: dict[str, Any]) -> dict[str, Any] | None:
    """The sum of the scored steps and its published band, when every scored step is answered."""
    if not template.score_steps:
        return None
    if any(not isinstance(answers.get(s), int) for s in template.score_steps):
        return None
    total = sum(answers[s] for s in template.score_steps)
    band = next((b.label for b in template.bands if total <= b.max), None)
    return {"total": total, "band": band}


def alerts(steps: list[Step], answers: dict[str, Any]) -> list[str]:
    found = []
    for step in steps:
        value = answers.get(step.id)
        if (
            step.alert_at is not None
            and isinstance(value, int | float)
            and not isinstance(value, bool)
            and value >= step.alert_at
        ):
            found.append(step.id)
    return found


def mood(text: str) -> int:
    value = text.strip()
    if value.isdecimal() and 1 <= int(value) <= 5:
        return int(value)
    raise UsageError(
        f"'{text}' is not a mood from 1 to 5.", "1 is very low, 3 is so-so, 5 is very good."
    )
