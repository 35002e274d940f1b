"""Answers for a whole template, whatever their steps' types: given by flag or as
JSON, which required ones are missing, their order, the score and the alerts.
How one answer is read and checked belongs to its step's type (steps/)."""

from __future__ import annotations

from hwjournal import messages
from hwjournal.errors import UsageError
from hwjournal.steps import AnswerError, Step
from hwjournal.templates import Template

TYPE_CHECKING = False
if TYPE_CHECKING:  # `hw start` loads this module: typing costs it milliseconds
    from typing import Any

__all__ = ["AnswerError"]  # the error an answer that does not fit raises, kept here too


def combine(step: Step, earlier: Any, value: Any) -> Any:
    """A repeated --answer for a multi or list step adds a value; for others, the last wins."""
    return step.add(earlier, value)


def _answerable(template: Template, step_id: str) -> Step:
    step = template.step(step_id)
    if not step.answerable:
        raise AnswerError(step, messages.ANSWER_NONE_TAKEN)
    return step


def parse_assignments(template: Template, pairs: list[str]) -> dict[str, Any]:
    """--answer ID=VALUE pairs, checked against the template, in the order given."""
    answers: dict[str, Any] = {}
    for pair in pairs:
        if "=" not in pair:
            raise UsageError(
                messages.ANSWER_NOT_PAIR.format(pair=pair), messages.ANSWER_NOT_PAIR_HINT
            )
        step_id, text = pair.split("=", 1)
        step = _answerable(template, step_id.strip())
        value = step.from_flag(text)
        if step.id in answers:
            value = combine(step, answers[step.id], value)
        answers[step.id] = value
    return answers


def parse_json_answers(template: Template, data: Any, source: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise UsageError(messages.ANSWERS_JSON_NOT_OBJECT.format(source=source))
    answers: dict[str, Any] = {}
    for step_id, value in data.items():
        step = _answerable(template, str(step_id))
        answers[step.id] = step.from_json(value)
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
    """The score as the template's `[scoring]` says (measures.Scoring): its total and
    band, and each scale's, once every scored step is answered."""
    if template.scoring is None:
        return None
    return template.scoring.score(template.steps, answers)


def alerts(steps: list[Step], answers: dict[str, Any]) -> list[str]:
    """The steps whose answer reaches their alert level, each as its type counts it."""
    return [s.id for s in steps if s.id in answers and s.alerts(answers[s.id])]


def mood(text: str) -> int:
    value = text.strip()
    if value.isdecimal() and 1 <= int(value) <= 5:
        return int(value)
    raise UsageError(messages.MOOD_BAD.format(text=text), messages.MOOD_BAD_HINT)
