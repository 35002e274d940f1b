"""An entry's kept steps, checked as an import finds them: looser than a template
file (a snapshot may come from another version of hw), strict where the answers and
screens rely on it."""

from __future__ import annotations

from hwjournal import messages
from hwjournal.steps.base import COMMON_KEYS, SETTINGS, STEP_TYPES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def snapshot_problem(data: Any) -> tuple[str, str] | None:
    """What is wrong with one step of an entry's snapshot (an import): the key at
    fault ("" for the step itself) and the problem; None when it can be kept.

    Looser than a template file: a snapshot records what an entry was made with,
    perhaps by another version of hw, so unknown keys are ignored and only what
    the answers and screens rely on is checked."""
    if not isinstance(data, dict):
        return "", messages.SNAPSHOT_NOT_OBJECT
    for key in ("id", "type", "prompt"):
        if not isinstance(data.get(key), str) or not data[key]:
            return "", messages.SNAPSHOT_NEEDS.format(key=key)
    step_type = STEP_TYPES.get(data["type"])
    if step_type is None:
        return "", messages.SNAPSHOT_TYPE_UNKNOWN.format(type=data["type"])
    labels = data.get("labels")
    if labels is not None and not (
        isinstance(labels, dict)
        and all(_whole_text(k) and isinstance(v, str) for k, v in labels.items())
    ):
        return "labels", messages.SNAPSHOT_LABELS
    options = data.get("options")
    if options is not None and not (
        isinstance(options, list) and all(isinstance(o, str) for o in options)
    ):
        return "options", messages.SNAPSHOT_OPTIONS
    for name, value in data.items():
        key = step_type.keys.get(name) or COMMON_KEYS.get(name) or SETTINGS.get(name)
        if key is None or value is None or name in ("id", "type", "prompt"):
            continue
        problem = key.problem(value)
        if problem:
            return name, problem
    return None


def _whole_text(key: str) -> bool:
    try:
        int(key)
    except ValueError:
        return False
    return True
