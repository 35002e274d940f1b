"""What a scored step (a scale or a choice) takes beyond its type's keys: `values`
(its points, one per possible answer), `reverse`, and `alert_at` and `urgent_at`,
which compare the answer's points (measures.points), not the answer itself."""

from __future__ import annotations

from hwjournal import measures, messages
from hwjournal.steps.base import Key, Step, is_number

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from hwjournal.steps.base import Fail

POINTS_KEYS = {
    "values": Key(list, list),
    "reverse": Key(bool, False),
    "alert_at": Key((int, float)),
    "urgent_at": Key((int, float)),
}


def check_points(data: dict[str, Any], fail: Fail, count: int, what: str) -> None:
    """`values`, one number per possible answer; `urgent_at` at or above `alert_at`."""
    values = data.get("values")
    if values is not None:
        if not all(is_number(v) for v in values):
            fail(messages.STEP_VALUES_NUMBERS, "values")
        if len(values) != count:
            fail(
                messages.STEP_VALUES_LENGTH.format(count=count, what=what, given=len(values)),
                "values",
            )
    if "urgent_at" in data and not ("alert_at" in data and data["urgent_at"] >= data["alert_at"]):
        fail(messages.STEP_URGENT_NEEDS_ALERT, "urgent_at")


def reaches(step: Step, value: Any, level: Any) -> bool:
    """The answer's points are at or above `level` (a scale's points are its number
    unless it has values or is reversed)."""
    got = measures.points(step, value)
    return is_number(level) and got is not None and got >= level
