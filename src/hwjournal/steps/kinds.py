"""The ten step types of the template format, one class each, registered in
base.STEP_TYPES in the order the format lists them (yes/no, timer and info live in
simple.py)."""

from __future__ import annotations

from hwjournal import messages
from hwjournal.i18n import gettext  # the words of a step type, in the run's language
from hwjournal.numerals import number, typed
from hwjournal.steps.base import (
    KIND_NAMES,
    AnswerError,
    Key,
    Step,
    StepType,
    is_number,
    is_whole,
    kind_ok,
    register,
)
from hwjournal.steps.points import POINTS_KEYS, check_points, reaches
from hwjournal.steps.simple import Info, Timer, YesNo

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar

    from hwjournal.steps.base import Fail


def _number(text: str) -> int | float | None:
    """A number typed as text; whole numbers come back as int."""
    try:
        value = float(typed(text.strip()))
    except ValueError:
        return None
    if not is_number(value):
        return None
    return int(value) if value.is_integer() else value


def _whole_if_whole(value: Any) -> Any:
    """5.0 from JSON keeps as 5, as it would have been typed."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _range(step: Step) -> str:
    low = number(step.min) if step.min is not None else ""
    high = number(step.max) if step.max is not None else ""
    return messages.STEP_RANGE.format(low=low, high=high)


def _outside(step: Step, value: int | float) -> str | None:
    if (step.min is not None and value < step.min) or (step.max is not None and value > step.max):
        return messages.ANSWER_OUTSIDE.format(value=number(value), range=_range(step))
    return None


def _texts(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


class _Textual(StepType):
    needed = "NEEDED_WORDS"  # a name in messages.py, read when said (in the run's language)

    def parse(self, step: Step, text: str) -> Any:
        return text

    def check(self, step: Step, value: Any) -> str | None:
        return None if isinstance(value, str) else messages.ANSWER_SHOULD_BE_TEXT


class Text(_Textual):
    name, word = "text", "a line"

    def parse(self, step: Step, text: str) -> Any:
        if "\n" in text.strip("\r\n"):
            raise AnswerError(step, messages.ANSWER_ONE_LINE)
        return text


class Long(_Textual):
    name, word, asked_as = "long", "free writing", "long"

    def hint(self, step: Step) -> str:
        return messages.HOW_LONG if step.required else messages.HOW_LONG_OPTIONAL


class Items(StepType):
    name, word, asked_as = "list", "a list", "lines"
    needed = "NEEDED_ITEMS"  # a name in messages.py, read when said (in the run's language)

    def hint(self, step: Step) -> str:
        return messages.HOW_LIST

    def parse(self, step: Step, text: str) -> Any:
        return [line.strip() for line in text.splitlines() if line.strip()]

    def from_flag(self, step: Step, text: str) -> Any:
        # each --answer is one item, whatever it holds
        return [text] if text.strip() else []

    def from_json(self, step: Step, value: Any) -> Any:
        if isinstance(value, str):
            return self.parse(step, value)
        problem = self.check(step, value)
        if problem:
            raise AnswerError(step, problem)
        return list(value)

    def check(self, step: Step, value: Any) -> str | None:
        return None if _texts(value) else messages.ANSWER_SHOULD_BE_TEXTS

    def add(self, step: Step, earlier: Any, value: Any) -> Any:
        return earlier + value if isinstance(earlier, list) else value


class _Numeric(StepType):
    """Scale and number: a number in an optional range, alerting at `alert_at` or above."""

    def validate(self, data: dict[str, Any], fail: Fail) -> dict[str, Any]:
        if "min" in data and "max" in data and data["min"] >= data["max"]:
            fail(messages.STEP_MIN_MAX, "max")
        return super().validate(data, fail)

    def from_json(self, step: Step, value: Any) -> Any:
        return super().from_json(step, _whole_if_whole(value))

    def alerts(self, step: Step, value: Any) -> bool:
        return is_number(step.alert_at) and is_number(value) and value >= step.alert_at

    def notices(self, step: Step, value: Any) -> bool:
        return is_number(step.notice_at) and is_number(value) and value >= step.notice_at


class Scale(_Numeric):
    name, word = "scale", "a scale"
    needed = "NEEDED_SCALE"  # a name in messages.py, read when said (in the run's language)
    keys: ClassVar[dict[str, Key]] = {
        "min": Key((int, float)),
        "max": Key((int, float)),
        "labels": Key(dict, dict),
        **POINTS_KEYS,
        # a gentle word after an answer at or above notice_at (not an alert: nothing
        # is recorded and no one to turn to is named), e.g. a grounding suggestion
        "notice_at": Key((int, float)),
        "notice": Key(str, ""),
    }

    def validate(self, data: dict[str, Any], fail: Fail) -> dict[str, Any]:
        for key in ("min", "max"):
            if key not in data:
                fail(messages.STEP_SCALE_NEEDS.format(key=key), key)
            if not kind_ok(data[key], int):
                fail(messages.STEP_KEY_KIND.format(kind=gettext(KIND_NAMES[int])), key)
        settings = super().validate(data, fail)
        check_points(data, fail, data["max"] - data["min"] + 1, "point from min to max")
        labels: dict[int, str] = {}
        for raw_key, label in data.get("labels", {}).items():
            try:
                number = int(raw_key)
            except ValueError:
                fail(messages.STEP_LABEL_KEY.format(key=raw_key), "labels")
            if not isinstance(label, str):
                fail(messages.STEP_LABEL_TEXT, "labels")
            if not data["min"] <= number <= data["max"]:
                fail(
                    messages.STEP_LABEL_OUTSIDE.format(
                        number=number, low=data["min"], high=data["max"]
                    ),
                    "labels",
                )
            labels[number] = label
        settings["labels"] = labels
        return settings

    def alerts(self, step: Step, value: Any) -> bool:
        return reaches(step, value, step.alert_at)

    def urgent(self, step: Step, value: Any) -> bool:
        return reaches(step, value, step.urgent_at)

    def describe(self, step: Step) -> str:
        return f"{gettext(self.word)} {number(step.min)}–{number(step.max)}"

    def hint(self, step: Step) -> str:
        how = messages.HOW_SCALE_LABELS if step.labels else messages.HOW_SCALE
        return how.format(low=number(step.min), high=number(step.max))

    def listed(self, step: Step) -> list[tuple[str, str]]:
        return [(str(number), label) for number, label in sorted(step.labels.items())]

    def parse(self, step: Step, text: str) -> Any:
        value = _number(text)
        if value is None:
            for number, label in step.labels.items():
                if label.lower() == text.strip().lower():
                    return number
        if not is_whole(value):
            raise AnswerError(step, messages.ANSWER_WHOLE_IN.format(range=_range(step)))
        problem = _outside(step, value)
        if problem:
            raise AnswerError(step, problem)
        return value

    def check(self, step: Step, value: Any) -> str | None:
        if not is_whole(value):
            return messages.ANSWER_SHOULD_BE_WHOLE
        return _outside(step, value)

    def display(self, step: Step, value: Any) -> str:
        if not is_whole(value):
            return super().display(step, value)
        low = step.min if step.min is not None else 0
        high = step.max if step.max is not None else 10
        label = step.labels.get(value)
        text = messages.EXPORT_SCALE_ON.format(
            value=number(value), low=number(low), high=number(high)
        )
        return f"{text} ({label})" if label else text


class Number(_Numeric):
    name, word = "number", "a number"
    needed = "NEEDED_NUMBER"  # a name in messages.py, read when said (in the run's language)
    keys: ClassVar[dict[str, Key]] = {
        "min": Key((int, float)),
        "max": Key((int, float)),
        "alert_at": Key((int, float)),
        "urgent_at": Key((int, float)),
    }

    def hint(self, step: Step) -> str:
        return messages.HOW_NUMBER

    def parse(self, step: Step, text: str) -> Any:
        value = _number(text)
        if value is None:
            raise AnswerError(step, messages.ANSWER_NOT_A_NUMBER.format(text=text.strip()))
        problem = _outside(step, value)
        if problem:
            raise AnswerError(step, problem)
        return value

    def check(self, step: Step, value: Any) -> str | None:
        if not is_number(value):
            return messages.ANSWER_SHOULD_BE_NUMBER
        return _outside(step, value)


class Choice(StepType):
    name, word = "choice", "pick one"
    needed = "NEEDED_CHOICE"  # a name in messages.py, read when said (in the run's language)
    keys: ClassVar[dict[str, Key]] = {
        "options": Key(list, list),
        "other": Key(bool, False),
        # options that mean "my therapist should see this": choosing one offers to
        # share a private entry, as an alert in a private entry does
        "offer_share": Key(list, list),
        **POINTS_KEYS,
    }

    def validate(self, data: dict[str, Any], fail: Fail) -> dict[str, Any]:
        options = data.get("options")
        if not options:
            fail(messages.STEP_OPTIONS_NEEDED.format(type=self.name), "options")
        if not all(isinstance(o, str) and o.strip() for o in options):
            fail(messages.STEP_OPTIONS_TEXT, "options")
        if len({o.strip().lower() for o in options}) != len(options):
            fail(messages.STEP_OPTIONS_SAME, "options")
        if any(o.strip().isdigit() for o in options):
            fail(messages.STEP_OPTIONS_NUMBER, "options")
        if any(o not in options for o in data.get("offer_share", [])):
            fail(messages.STEP_OFFER_SHARE, "offer_share")
        settings = super().validate(data, fail)
        settings["options"] = list(options)
        if self.name == "choice":
            check_points(data, fail, len(options), "option")
            if data.get("other") and ("values" in data or "alert_at" in data):
                fail(messages.STEP_VALUES_OTHER, "other")
        return settings

    def alerts(self, step: Step, value: Any) -> bool:
        return reaches(step, value, step.alert_at)

    def urgent(self, step: Step, value: Any) -> bool:
        return reaches(step, value, step.urgent_at)

    def hint(self, step: Step) -> str:
        return messages.HOW_CHOICE + (messages.HOW_CHOICE_OTHER if step.other else "")

    def listed(self, step: Step) -> list[tuple[str, str]]:
        return [(str(number), option) for number, option in enumerate(step.options, 1)]

    def parse(self, step: Step, text: str) -> Any:
        value = text.strip()
        if value.isdecimal():
            number = int(value)
            if 1 <= number <= len(step.options):
                return step.options[number - 1]
            raise AnswerError(
                step, messages.ANSWER_NO_OPTION.format(number=number, count=len(step.options))
            )
        for option in step.options:
            if option.lower() == value.lower():
                return option
        if step.other and value:
            return value
        choices = "; ".join(f"{i}. {o}" for i, o in enumerate(step.options, 1))
        raise AnswerError(step, messages.ANSWER_NOT_AN_OPTION.format(value=value, choices=choices))

    def check(self, step: Step, value: Any) -> str | None:
        return None if isinstance(value, str) else messages.ANSWER_SHOULD_BE_TEXT


class Multi(Choice):
    name, word = "multi", "pick any"
    needed = "NEEDED_MULTI"  # a name in messages.py, read when said (in the run's language)
    keys: ClassVar[dict[str, Key]] = {"options": Key(list, list), "other": Key(bool, False)}

    def alerts(self, step: Step, value: Any) -> bool:
        return False

    def urgent(self, step: Step, value: Any) -> bool:
        return False

    def validate(self, data: dict[str, Any], fail: Fail) -> dict[str, Any]:
        settings = super().validate(data, fail)
        if any("," in o for o in settings["options"]):
            fail(messages.STEP_OPTIONS_COMMA, "options")
        return settings

    def hint(self, step: Step) -> str:
        return messages.HOW_MULTI + (messages.HOW_MULTI_OTHER if step.other else "")

    def parse(self, step: Step, text: str) -> Any:
        picked = self._pick(step, text.split(","))
        if not picked:
            raise AnswerError(step, messages.ANSWER_PICK_ONE)
        return picked

    def from_json(self, step: Step, value: Any) -> Any:
        if isinstance(value, str):
            return self.parse(step, value)
        problem = self.check(step, value)
        if problem:
            raise AnswerError(step, problem)
        return self._pick(step, value)

    def _pick(self, step: Step, parts: list[str]) -> list[str]:
        picked: list[str] = []
        for part in parts:
            if part.strip():
                option = super().parse(step, part)
                if option not in picked:
                    picked.append(option)
        return picked

    def check(self, step: Step, value: Any) -> str | None:
        return None if _texts(value) else messages.ANSWER_SHOULD_BE_TEXTS

    def add(self, step: Step, earlier: Any, value: Any) -> Any:
        if not isinstance(earlier, list):
            return value
        return earlier + [v for v in value if v not in earlier]


for _type in (Text, Long, Scale, Choice, Multi, Items, Number, YesNo, Timer, Info):
    register(_type())
