"""What every step has, what every step type is, and the one registry of types.

A step type (kinds.py) is one object that knows its TOML keys, how to read an
answer (typed at a prompt, given by flag, passed as JSON, or imported), how a
terminal asks it and how its answer reads as text. Everything else looks the
type up here instead of testing `step.type == ...`.

Loaded on the fast path (`hw start --answer`), so: no typing, no dataclasses.
"""

from __future__ import annotations

import math

from hwjournal import messages
from hwjournal.errors import UsageError
from hwjournal.i18n import gettext  # the words of a step type, in the run's language
from hwjournal.ids import is_step_id
from hwjournal.numerals import number

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; the fast path has none to spare
    from collections.abc import Callable
    from typing import Any, ClassVar, NoReturn

    # fail(problem, key): refuse the step being read, naming the key at fault
    Fail = Callable[[str, str], NoReturn]

BULLET = "• "  # before each item of a list answer, one a line

# What a TOML value may be, and how to say so when it is something else.
KIND_NAMES = {
    str: "text",
    int: "a whole number",
    bool: "true or false",
    list: "a list",
    dict: "a table",
    (int, float): "a number",
}


def kind_ok(value: Any, kind: Any) -> bool:
    if (kind is int or kind == (int, float)) and isinstance(value, bool):
        return False
    return isinstance(value, kind)


def is_whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_scale_answer(step: dict[str, Any], value: Any) -> bool:
    """An answer drawn on its step's scale (a bar, "7 on 0–10"): a whole number
    given to a scale step. Anything else reads as its text."""
    return step.get("type") == "scale" and is_whole(value)


def is_mood_step(step: Step) -> bool:
    """The template's own 1–5 `mood` scale (the mood check-in): its answer is the
    entry's mood, so the mood is not asked again."""
    return step.id == "mood" and step.type == "scale" and step.min == 1 and step.max == 5


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


class AnswerError(UsageError):
    """An answer that does not fit its step. The runner asks again; a script gets exit 2."""

    def __init__(self, step: Step, problem: str) -> None:
        super().__init__(f"{step.id}: {problem}")
        self.step = step
        self.problem = problem


class Key:
    """A TOML key a step type takes beyond the common ones: its kind (as KIND_NAMES
    has them), its value when left out, and, for a kind a plain type check cannot
    explain, what to say instead of "should be ..." (the name of a sentence in
    messages.py, read when said, so it is in the run's language)."""

    __slots__ = ("default", "kind", "wrong")

    def __init__(self, kind: Any, default: Any = None, wrong: str | None = None) -> None:
        self.kind = kind
        self.default = default
        self.wrong = wrong

    def empty(self) -> Any:
        """The default, fresh (a list or dict default is made anew each time)."""
        return self.default() if callable(self.default) else self.default

    def problem(self, value: Any) -> str | None:
        if kind_ok(value, self.kind):
            return None
        if self.wrong:
            return str(getattr(messages, self.wrong))
        return messages.STEP_KEY_KIND.format(kind=gettext(KIND_NAMES[self.kind]))


# Every step has these; `id`, `type` and `prompt` are required.
COMMON_KEYS = {
    "id": Key(str),
    "type": Key(str),
    "prompt": Key(str),
    "help": Key(str, ""),
    "required": Key(bool, False),
    "reflection": Key(bool, False),
    # a few words naming the step where space is short (hw sos, hw show, the week)
    "heading": Key(str, ""),
    # what an alerting answer to this step says, instead of the template's `alert`
    "alert": Key(str, ""),
}

# name -> StepType, in the order the template format lists them
STEP_TYPES: dict[str, StepType] = {}
# every type-specific key of the registered types, in the order a snapshot writes them
SETTINGS: dict[str, Key] = {}


def register(step_type: StepType) -> StepType:
    """Make a step type known: templates may use it, entries keep it, screens show it."""
    STEP_TYPES[step_type.name] = step_type
    for name, key in step_type.keys.items():
        SETTINGS.setdefault(name, key)
    return step_type


def unregister(name: str) -> None:
    """Forget a step type, and any key that only it took."""
    step_type = STEP_TYPES.pop(name)
    still_used = {k for t in STEP_TYPES.values() for k in t.keys}
    for key in step_type.keys:
        if key not in still_used:
            SETTINGS.pop(key, None)


def type_of(name: str) -> StepType:
    """The registered type, or a stand-in that shows answers plainly and takes none
    (a snapshot from a newer hw may name a type this one does not know)."""
    return STEP_TYPES.get(name) or UNKNOWN


class Step:
    """One step of a template, or of an entry's snapshot of one. The common keys are
    attributes, and so is every key of the registered types (at its default when
    this step's type does not take it), so `step.options` is [] for a text step."""

    def __init__(
        self,
        id: str,
        type: str,
        prompt: str,
        help: str = "",
        required: bool = False,
        reflection: bool = False,
        heading: str = "",
        alert: str = "",
        **settings: Any,
    ) -> None:
        self.id = id
        self.type = type
        self.prompt = prompt
        self.help = help
        self.required = required
        self.reflection = reflection
        self.heading = heading
        self.alert = alert
        unknown = [name for name in settings if name not in SETTINGS]
        if unknown:
            raise TypeError(f"a step has no setting '{unknown[0]}'")
        for name, key in SETTINGS.items():
            setattr(self, name, settings[name] if name in settings else key.empty())

    @property
    def kind(self) -> StepType:
        return type_of(self.type)

    @property
    def answerable(self) -> bool:
        return self.kind.answerable

    # ------------------------------------------------------------ answers

    def parse(self, text: str) -> Any:
        """The value for text typed at a prompt. Empty text is the caller's business."""
        return self.kind.parse(self, text)

    def from_flag(self, text: str) -> Any:
        """The value for `--answer ID=TEXT`."""
        return self.kind.from_flag(self, text)

    def from_json(self, value: Any) -> Any:
        """The value for a JSON answer (`--answers-json`): text is read as typed."""
        return self.kind.from_json(self, value)

    def problem(self, value: Any) -> str | None:
        """What is wrong with a kept value (an import, say), or None."""
        return self.kind.check(self, value)

    def add(self, earlier: Any, value: Any) -> Any:
        """A second answer for this step by flag: added for lists, else the last wins."""
        return self.kind.add(self, earlier, value)

    def alerts(self, value: Any) -> bool:
        return self.kind.alerts(self, value)

    def notices(self, value: Any) -> bool:
        """Whether the answer reaches the step's `notice_at` (its `notice` is shown)."""
        return self.kind.notices(self, value)

    def urgent(self, value: Any) -> bool:
        """The answer reaches the step's `urgent_at` (its points, on a scored step)."""
        return self.kind.urgent(self, value)

    def display(self, value: Any) -> str:
        """The answer as plain text, the way a person reads it back."""
        return self.kind.display(self, value)

    # ------------------------------------------------------------ snapshots

    def snapshot(self) -> dict[str, Any]:
        """What an entry keeps of this step, so it reads the same after the template changes."""
        data: dict[str, Any] = {"id": self.id, "type": self.type, "prompt": self.prompt}
        for name in ("help", "required", "reflection", "heading", "alert"):
            value = getattr(self, name)
            if value != COMMON_KEYS[name].default:
                data[name] = value
        for name, key in SETTINGS.items():
            value = getattr(self, name)
            if value != key.empty():
                data[name] = value
        if "labels" in data:  # JSON object keys are text
            data["labels"] = {str(k): v for k, v in data["labels"].items()}
        return data

    @classmethod
    def from_snapshot(cls, data: dict[str, Any]) -> Step:
        known = {
            k: v for k, v in data.items() if (k in COMMON_KEYS or k in SETTINGS) and v is not None
        }
        if known.get("labels"):
            known["labels"] = {int(k): v for k, v in known["labels"].items()}
        for key in ("id", "type", "prompt"):  # a screen still shows an odd old snapshot
            known.setdefault(key, "")
        return cls(**known)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Step) and vars(self) == vars(other)

    __hash__ = None  # steps are compared, never kept in sets

    def __repr__(self) -> str:
        return f"Step({self.snapshot()!r})"


class StepType:
    """The behaviour every type shares; kinds.py has one subclass a type.

    name      the `type = "..."` of a template step
    word      how `hw templates show` names it ("a scale")
    keys      the TOML keys it takes beyond the common ones
    asked_as  how a terminal asks it: "line" (one line), "lines" (one item a
              line), "long" (free writing, or $EDITOR), "timer", "info" (shown,
              not asked); the terminal Asker has a way for each
    answerable  False for a step that only shows its prompt
    needed    the name in messages.py of what the runner says when a required
              step is left empty: what would do for this type ("a few words")
    """

    name = ""
    word = ""
    keys: ClassVar[dict[str, Key]] = {}
    asked_as = "line"
    answerable = True
    needed = "NEEDED"  # a name in messages.py, read when said (in the run's language)

    # ------------------------------------------------------------ templates

    def validate(self, data: dict[str, Any], fail: Fail) -> dict[str, Any]:
        """This type's keys of a [[steps]] table, checked beyond their kinds (which are
        checked already); the settings the Step keeps."""
        return {name: data[name] for name in self.keys if name in data}

    def describe(self, step: Step) -> str:
        """A few words for `hw templates show`: "a scale 0–10"."""
        return gettext(self.word)

    def hint(self, step: Step) -> str:
        """The line under the prompt that says how to answer."""
        return ""

    def listed(self, step: Step) -> list[tuple[str, str]]:
        """What a terminal lists under the prompt, one a line: (what to type, what it
        means), like "1  Several days". Empty when there is nothing to pick from."""
        return []

    # ------------------------------------------------------------ answers

    def parse(self, step: Step, text: str) -> Any:
        raise AnswerError(step, messages.ANSWER_NONE_TAKEN)

    def from_flag(self, step: Step, text: str) -> Any:
        return self.parse(step, text)

    def from_json(self, step: Step, value: Any) -> Any:
        if isinstance(value, str):
            return self.parse(step, value)
        problem = self.check(step, value)
        if problem:
            raise AnswerError(step, problem)
        return value

    def check(self, step: Step, value: Any) -> str | None:
        return messages.ANSWER_NONE_TAKEN

    def add(self, step: Step, earlier: Any, value: Any) -> Any:
        return value

    def alerts(self, step: Step, value: Any) -> bool:
        return False

    def urgent(self, step: Step, value: Any) -> bool:
        return False

    def notices(self, step: Step, value: Any) -> bool:
        return False

    def display(self, step: Step, value: Any) -> str:
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, list):
            return "\n".join(BULLET + str(v) for v in value)
        if isinstance(value, float):
            return number(value)
        return str(value)


UNKNOWN = StepType()


def answer_text(step: dict[str, Any], value: Any) -> str:
    """An answer as plain text, for a step as an entry keeps it (its snapshot)."""
    return Step.from_snapshot(step).display(value)


# ---------------------------------------------------------------- reading steps


def parse_step(data: Any, fail: Fail) -> Step:
    """One [[steps]] table of a template file, checked: every key known and of its
    kind, the keys its type takes and no others, and the type's own rules."""
    if not isinstance(data, dict):
        fail(messages.STEP_NOT_TABLE, "")
    allowed = {**COMMON_KEYS, **SETTINGS}
    for key, value in data.items():
        if key not in allowed:
            fail(messages.STEP_KEY_UNKNOWN.format(key=key, allowed=", ".join(allowed)), key)
        if key in COMMON_KEYS:
            problem = COMMON_KEYS[key].problem(value)
            if problem:
                fail(problem, key)
    for key in ("id", "type", "prompt"):
        if key not in data:
            fail(messages.STEP_KEY_MISSING.format(key=key), key)
    if not is_step_id(data["id"]):
        fail(messages.STEP_BAD_ID, "id")
    name = data["type"]
    if name not in STEP_TYPES:
        fail(messages.STEP_TYPE_UNKNOWN.format(type=name, types=", ".join(STEP_TYPES)), "type")
    step_type = STEP_TYPES[name]
    for key, value in data.items():
        if key in COMMON_KEYS:
            continue
        if key not in step_type.keys:
            fail(messages.STEP_KEY_NOT_HERE.format(key=key, type=name), key)
        problem = step_type.keys[key].problem(value)
        if problem:
            fail(problem, key)
    if not step_type.answerable and data.get("required"):
        fail(messages.STEP_INFO_REQUIRED, "required")
    _check_levels(data, fail)
    settings = step_type.validate(data, fail)
    common = {k: data[k] for k in COMMON_KEYS if k in data}
    return Step(**common, **settings)


def _check_levels(data: dict[str, Any], fail: Fail) -> None:
    """`alert` and `urgent_at` only beside an `alert_at`, and urgent no lower than it;
    `notice_at` only with the `notice` it shows."""
    level = data.get("alert_at")
    if "alert" in data and level is None:
        fail(messages.STEP_NEEDS_ALERT_AT.format(key="alert"), "alert")
    if "urgent_at" in data:
        urgent = data["urgent_at"]
        if level is None:
            fail(messages.STEP_NEEDS_ALERT_AT.format(key="urgent_at"), "urgent_at")
        if not isinstance(urgent, bool) and not isinstance(level, bool) and urgent < level:
            fail(messages.STEP_URGENT_BELOW.format(urgent=urgent, level=level), "urgent_at")
    if ("notice_at" in data) != ("notice" in data):
        fail(messages.STEP_NOTICE_PAIR, "notice_at" if "notice" in data else "notice")
