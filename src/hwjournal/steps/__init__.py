"""Step types: what a step of each kind (text, scale, timer...) takes in a template
file, how its answer is read and checked, asked and shown. One registry,
STEP_TYPES; adding a type is one StepType subclass passed to register().

The core only: nothing here draws a screen (terminal.py and render/ do that,
asking each type how)."""

from hwjournal.steps import kinds  # registers the built-in types
from hwjournal.steps.base import (
    COMMON_KEYS,
    KIND_NAMES,
    SETTINGS,
    STEP_TYPES,
    AnswerError,
    Key,
    Step,
    StepType,
    answer_text,
    is_mood_step,
    is_number,
    is_scale_answer,
    is_whole,
    kind_ok,
    parse_step,
    register,
    type_of,
    unregister,
)
from hwjournal.steps.snapshots import snapshot_problem

__all__ = [
    "COMMON_KEYS",
    "KIND_NAMES",
    "SETTINGS",
    "STEP_TYPES",
    "AnswerError",
    "Key",
    "Step",
    "StepType",
    "answer_text",
    "is_mood_step",
    "is_number",
    "is_scale_answer",
    "is_whole",
    "kind_ok",
    "kinds",
    "parse_step",
    "register",
    "snapshot_problem",
    "type_of",
    "unregister",
]
