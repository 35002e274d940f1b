"""What a change in a screening score means, by the template's own thresholds.

A scored template's `[scoring]` table may add, beside its steps and bands:
`reliable_change` (points: a change at least this large is beyond measurement
noise), `caseness` (the score from which a person counts as a clinical case),
`remission_below`, `response_drop` (a fraction of the baseline),
`higher_is_better` (for measures whose scores rise as things improve) and
`sources` (where each number comes from). This module checks those keys when a
template loads and turns a baseline and a latest score into the spec's status
words. Pure: no journal, no terminal; loaded by `hw trends --json`, so it imports
nothing heavy.
"""

from __future__ import annotations

import math

from hwjournal import messages

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# The thresholds, in the order `hw trends --json` lists them.
THRESHOLDS = ("reliable_change", "caseness", "remission_below", "response_drop")
# Every key `[scoring]` takes, with its type as templates.TYPE_NAMES knows them.
SCORING_KEYS: dict[str, Any] = {
    "steps": list,
    "bands": list,
    "reliable_change": (int, float),
    "caseness": (int, float),
    "remission_below": (int, float),
    "response_drop": (int, float),
    "higher_is_better": bool,
    "sources": dict,
}

# The status words, exactly as the spec has them, in the order they are listed.
RELIABLE_IMPROVEMENT = "reliable improvement"
RELIABLE_DETERIORATION = "reliable deterioration"
NO_RELIABLE_CHANGE = "no reliable change"
RECOVERY = "recovery"
RELIABLE_RECOVERY = "reliable recovery"
RESPONSE = "response"
REMISSION = "remission"
WORDS = (
    RELIABLE_IMPROVEMENT,
    RELIABLE_DETERIORATION,
    NO_RELIABLE_CHANGE,
    RECOVERY,
    RELIABLE_RECOVERY,
    RESPONSE,
    REMISSION,
)

# Scores are whole numbers and thresholds short decimals (0.3, 7.5): a product like
# 10 × (1 − 0.3) may land a hair off its true value, and an exact edge must count.
_EPSILON = 1e-9


class Thresholds:
    """A template's thresholds; a missing one is None, and its words are never given."""

    __slots__ = (
        "caseness",
        "higher_is_better",
        "reliable_change",
        "remission_below",
        "response_drop",
        "sources",
    )

    def __init__(
        self,
        reliable_change: float | None = None,
        caseness: float | None = None,
        remission_below: float | None = None,
        response_drop: float | None = None,
        higher_is_better: bool = False,
        sources: dict[str, str] | None = None,
    ) -> None:
        self.reliable_change = reliable_change
        self.caseness = caseness
        self.remission_below = remission_below
        self.response_drop = response_drop
        self.higher_is_better = higher_is_better
        self.sources = dict(sources or {})

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"Thresholds({fields})"

    def to_json(self) -> dict[str, float | None]:
        return {name: getattr(self, name) for name in THRESHOLDS}

    @property
    def any(self) -> bool:
        return any(getattr(self, name) is not None for name in THRESHOLDS)


def from_scoring(scoring: dict[str, Any] | None) -> Thresholds:
    """The thresholds of a `[scoring]` table that has been checked (check_scoring)."""
    scoring = scoring or {}
    return Thresholds(
        *(scoring.get(name) for name in THRESHOLDS),
        higher_is_better=bool(scoring.get("higher_is_better", False)),
        sources=scoring.get("sources"),
    )


def of_template(template: Any) -> Thresholds:
    """A loaded template's thresholds (none for a template without `[scoring]`)."""
    return from_scoring(getattr(template, "raw", {}).get("scoring"))


def check_scoring(chk: Any, scoring: dict[str, Any]) -> None:
    """Refuse a `[scoring]` table with an unknown key, a value of the wrong type, or a
    threshold that is not a number hw can use. `chk` is the template checker
    (templates._Checker): its errors name the file, the key and the line."""
    chk.typed(scoring, SCORING_KEYS, "scoring.", "scoring")
    for name in THRESHOLDS:
        value = scoring.get(name)
        if value is None:
            continue
        if not math.isfinite(value):
            chk.fail(messages.SCORING_NUMBER, f"scoring.{name}", "scoring")
        if name == "reliable_change" and value <= 0:
            chk.fail(messages.SCORING_POINTS, f"scoring.{name}", "scoring")
        if name == "response_drop" and not 0 < value <= 1:
            chk.fail(messages.SCORING_FRACTION, f"scoring.{name}", "scoring")
    for key, source in scoring.get("sources", {}).items():
        if key not in THRESHOLDS:
            chk.fail(
                messages.SCORING_SOURCE_UNKNOWN.format(key=key, thresholds=", ".join(THRESHOLDS)),
                "scoring.sources",
                "scoring",
            )
        if not isinstance(source, str) or not source.strip():
            chk.fail(messages.SCORING_SOURCE_TEXT, "scoring.sources", "scoring")


def change(baseline: float | None, latest: float | None) -> float | None:
    """latest − baseline; None unless there are two scores."""
    if baseline is None or latest is None:
        return None
    return latest - baseline


def status(baseline: float, latest: float, thresholds: Thresholds) -> list[str]:
    """Every status word that applies to a change from baseline to latest, in the
    spec's order. Lower scores are better unless the template says higher_is_better,
    which turns every comparison around."""
    t = thresholds
    # `gain` is how far things got better: positive is an improvement either way.
    sign = 1 if t.higher_is_better else -1
    gain = (latest - baseline) * sign
    words = []
    reliable = False
    if t.reliable_change is not None:
        if gain >= t.reliable_change - _EPSILON:
            words.append(RELIABLE_IMPROVEMENT)
            reliable = True
        elif -gain >= t.reliable_change - _EPSILON:
            words.append(RELIABLE_DETERIORATION)
        else:
            words.append(NO_RELIABLE_CHANGE)
    if t.caseness is not None:
        # a case: at or above caseness (at or below it when higher is better)
        was_case = (baseline - t.caseness) * sign <= _EPSILON
        is_case = (latest - t.caseness) * sign <= _EPSILON
        if was_case and not is_case:
            words.append(RECOVERY)
            if reliable:
                words.append(RELIABLE_RECOVERY)
    # a drop of at least response_drop × baseline (a rise, when higher is better); a
    # score that did not move at all is no response, even from a baseline of 0
    if (
        t.response_drop is not None
        and gain > 0
        and gain >= abs(baseline) * t.response_drop - _EPSILON
    ):
        words.append(RESPONSE)
    if t.remission_below is not None and (latest - t.remission_below) * sign > _EPSILON:
        words.append(REMISSION)
    return words


def deteriorated(words: list[str]) -> bool:
    return RELIABLE_DETERIORATION in words
