"""The step types that take a yes or a no, a duration, or nothing at all: yesno,
timer and info (registered with the others in kinds.py)."""

from __future__ import annotations

from hwjournal import messages
from hwjournal.i18n import gettext  # the words of a step type, in the run's language
from hwjournal.numerals import number
from hwjournal.steps.base import AnswerError, Key, Step, StepType, is_whole

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar

    from hwjournal.steps.base import Fail

YES = {"y", "yes", "true", "1"}
NO = {"n", "no", "false", "0"}
# a duration typed as "1h 20m 5s" (compiled when one is typed: re costs every start)
_DURATION = r"^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s(?:ec)?)?$"


class YesNo(StepType):
    name, word = "yesno", "yes or no"
    needed = "NEEDED_YESNO"  # a name in messages.py, read when said (in the run's language)
    keys: ClassVar[dict[str, Key]] = {
        "alert_at": Key(bool, None, wrong="STEP_YESNO_ALERT"),
        "urgent_at": Key(bool, None, wrong="STEP_YESNO_ALERT"),
    }

    def validate(self, data: dict[str, Any], fail: Fail) -> dict[str, Any]:
        for key in ("alert_at", "urgent_at"):
            if data.get(key) is False:
                fail(messages.STEP_YESNO_ALERT, key)
        return super().validate(data, fail)

    def hint(self, step: Step) -> str:
        return messages.HOW_YESNO

    def parse(self, step: Step, text: str) -> Any:
        from hwjournal.streams import said_yes

        word = text.strip().lower()
        if word in YES or said_yes(word):
            return True
        if word in NO:
            return False
        raise AnswerError(step, messages.ANSWER_YES_OR_NO)

    def check(self, step: Step, value: Any) -> str | None:
        return None if isinstance(value, bool) else messages.ANSWER_SHOULD_BE_BOOL

    def alerts(self, step: Step, value: Any) -> bool:
        return step.alert_at is True and value is True

    def urgent(self, step: Step, value: Any) -> bool:
        return getattr(step, "urgent_at", None) is True and value is True


class Timer(StepType):
    name, word, asked_as = "timer", "a timer", "timer"
    keys: ClassVar[dict[str, Key]] = {"minutes": Key((int, float))}

    def validate(self, data: dict[str, Any], fail: Fail) -> dict[str, Any]:
        minutes = data.get("minutes")
        if minutes is None or minutes <= 0:
            fail(messages.STEP_TIMER_MINUTES, "minutes")
        return super().validate(data, fail)

    def describe(self, step: Step) -> str:
        return messages.STEP_TIMER.format(word=gettext(self.word), minutes=number(step.minutes))

    def parse(self, step: Step, text: str) -> Any:
        value = text.strip().lower()
        if value.isdecimal():
            return int(value)
        import re

        match = re.match(_DURATION, value)
        if value and match and any(match.groups()):
            hours, minutes, seconds = (int(g or 0) for g in match.groups())
            return hours * 3600 + minutes * 60 + seconds
        raise AnswerError(step, messages.ANSWER_DURATION)

    def check(self, step: Step, value: Any) -> str | None:
        return None if is_whole(value) and value >= 0 else messages.ANSWER_SHOULD_BE_SECONDS

    def display(self, step: Step, value: Any) -> str:
        if not is_whole(value):
            return super().display(step, value)
        return f"{value // 60} min {value % 60:02d} s"


class Info(StepType):
    name, word, asked_as = "info", "read", "info"
    keys: ClassVar[dict[str, Key]] = {"pause": Key(bool, False)}
    answerable = False
