"""Answers for a whole template, whatever their steps' types: given by flag or as
JSON, which required ones are missing, their order, the score and the alerts.
How one answer is read and checked belongs to its step's type (steps/)."""

from __future__ import annotations

from hwjournal import messages
from hwjournal.errors import UsageError
from hwjournal.i18n import gettext
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


def merged(template: Template, answers: dict[str, Any], more: dict[str, Any]) -> dict[str, Any]:
    """`answers` with `more` added: a multi or list step answered in both keeps both
    (combine); any other step takes the later answer."""
    result = dict(answers)
    for step_id, value in more.items():
        if step_id in result:
            value = combine(template.step(step_id), result[step_id], value)
        result[step_id] = value
    return result


ANSWERS_LIMIT = 16 << 20  # bytes: answers to one exercise, a book's worth of writing


def read_json_answers(template: Template, source: str) -> dict[str, Any]:
    """The answers in a JSON file (or stdin, "-"), each checked by its step."""
    import json

    from hwjournal import sources

    kind = gettext("answers file")
    try:
        if source == "-":
            text = sources.read_stdin_text(ANSWERS_LIMIT, kind)
        else:
            text = sources.read_text(source, ANSWERS_LIMIT, kind, messages.FILE_PIPE_HINT)
    except OSError as exc:  # the disk failing half-way through
        from hwjournal.problems import os_said

        raise UsageError(
            messages.FILE_CANNOT_READ.format(path=source, problem=os_said(exc))
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        from hwjournal.problems import said

        raise UsageError(
            messages.ANSWERS_JSON_BAD.format(source=source, problem=said(exc)),
            messages.ANSWERS_JSON_HINT,
        ) from None
    return parse_json_answers(template, data, source)


def given(template: Template, pairs: list[str] | None, answers_json: str | None) -> dict[str, Any]:
    """The answers given up front: from a JSON file, then by --answer."""
    from_json = read_json_answers(template, answers_json) if answers_json else {}
    return merged(template, from_json, parse_assignments(template, pairs or []))


def checked_mood(value: int | None) -> int | None:
    return None if value is None else mood(str(value))


def checked_tags(tags: list[str] | None) -> list[str]:
    """The tags given, each once; UsageError for one that is not a single word."""
    from hwjournal.journal.entry import usable_tag

    clean: list[str] = []
    for tag in tags or []:
        tag = tag.strip()
        if not usable_tag(tag):
            raise UsageError(messages.TAG_UNUSABLE.format(tag=tag), messages.TAG_HINT)
        if tag not in clean:
            clean.append(tag)
    return clean
