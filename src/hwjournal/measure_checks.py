"""Checking a template's `[scoring]` table when it loads (`hw templates validate`
says the same): every key known and of its kind, every step it names a scored
step of the template, thresholds hw can use, and bands that leave no possible
score without a band. The scoring itself is measures.py."""

from __future__ import annotations

import math

from hwjournal import measures, messages
from hwjournal.ids import is_step_id, is_template_id
from hwjournal.numerals import number

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# What the total and each scale take.
_SCALE_KEYS: dict[str, Any] = {
    "steps": list,
    "bands": list,
    "multiplier": (int, float),
    "reliable_change": (int, float),
    "caseness": (int, float),
    "remission_below": (int, float),
    "response_drop": (int, float),
    "higher_is_better": bool,
    "sources": dict,
}
SCORING_KEYS: dict[str, Any] = {**_SCALE_KEYS, "scales": list, "pairs_with": str}
SCALE_KEYS: dict[str, Any] = {"id": str, "label": str, **_SCALE_KEYS}
SCORED_TYPES = ("scale", "choice")
# A source may name a threshold or what else a template states: its bands, the
# multiplier, the scoring as a whole.
SOURCE_KEYS = (*measures.THRESHOLDS, "bands", "multiplier", "scoring")
# More possible scores than this and bands with a `min` are checked at their ends only.
_MOST_TOTALS = 20000


def check_scoring(chk: Any, scoring: dict[str, Any], steps: list[Any]) -> measures.Scoring:
    """The checked `[scoring]` table as data. `chk` is the template checker
    (templates._Checker): its errors name the file, the key and the line."""
    chk.typed(scoring, SCORING_KEYS, "scoring.", "scoring")
    by_id = {s.id: s for s in steps}
    if "steps" in scoring or not scoring.get("scales"):
        if not scoring.get("steps"):
            chk.fail(messages.SCORING_NO_STEPS, "scoring.steps", "scoring")
        _check_scale(chk, scoring, by_id, "scoring.", ("scoring", 0))
    elif "bands" in scoring or any(n in scoring for n in measures.THRESHOLDS):
        chk.fail(messages.SCORING_TOTAL_NEEDS_STEPS, "scoring.steps", "scoring")
    seen: set[str] = set()
    for index, scale in enumerate(scoring.get("scales", [])):
        where = ("scoring.scales", index)
        prefix = f"scoring.scales[{index}]."
        if not isinstance(scale, dict):
            chk.fail(messages.SCORING_SCALE_TABLE, prefix[:-1], *where)
        chk.typed(scale, SCALE_KEYS, prefix, *where)
        for key in ("id", "label", "steps"):
            if not scale.get(key):
                chk.fail(messages.SCORING_SCALE_NEEDS.format(key=key), prefix + key, *where)
        if not is_step_id(scale["id"]):
            chk.fail(messages.SCORING_SCALE_ID, prefix + "id", *where)
        if scale["id"] in seen:
            chk.fail(messages.SCORING_SCALE_TWICE.format(id=scale["id"]), prefix + "id", *where)
        seen.add(scale["id"])
        _check_scale(chk, scale, by_id, prefix, where)
    pairs_with = scoring.get("pairs_with")
    if pairs_with is not None and not is_template_id(pairs_with):
        chk.fail(messages.SCORING_PAIRS_WITH, "scoring.pairs_with", "scoring")
    return measures.Scoring.from_table(scoring)


def _check_scale(
    chk: Any, table: dict[str, Any], by_id: dict[str, Any], prefix: str, where: tuple[str, int]
) -> None:
    for step_id in table.get("steps", []):
        step = by_id.get(step_id) if isinstance(step_id, str) else None
        if step is None:
            chk.fail(messages.SCORING_NOT_A_STEP.format(id=step_id), prefix + "steps", *where)
        if step.type not in SCORED_TYPES or measures.point_table(step) is None:
            chk.fail(
                messages.SCORING_NOT_SCORED.format(id=step_id, type=step.type),
                prefix + "steps",
                *where,
            )
    if len(set(table.get("steps", []))) != len(table.get("steps", [])):
        chk.fail(messages.SCORING_STEP_TWICE, prefix + "steps", *where)
    multiplier = table.get("multiplier", 1)
    if not (math.isfinite(multiplier) and multiplier > 0):
        chk.fail(messages.SCORING_ABOVE_ZERO, prefix + "multiplier", *where)
    _check_thresholds(chk, table, prefix, where)
    _check_bands(chk, table, by_id, prefix, where)


def _check_thresholds(chk: Any, table: dict[str, Any], prefix: str, where: tuple[str, int]) -> None:
    for name in measures.THRESHOLDS:
        value = table.get(name)
        if value is None:
            continue
        if not math.isfinite(value):
            chk.fail(messages.SCORING_NUMBER, prefix + name, *where)
        if name == "reliable_change" and value <= 0:
            chk.fail(messages.SCORING_POINTS, prefix + name, *where)
        if name == "response_drop" and not 0 < value <= 1:
            chk.fail(
                messages.SCORING_FRACTION,
                prefix + name,
                *where,
            )
    for key, source in table.get("sources", {}).items():
        if key not in SOURCE_KEYS:
            chk.fail(
                messages.SCORING_SOURCE_UNKNOWN.format(key=key, thresholds=", ".join(SOURCE_KEYS)),
                prefix + "sources",
                *where,
            )
        if not isinstance(source, str) or not source.strip():
            chk.fail(messages.SCORING_SOURCE_TEXT, prefix + "sources", *where)


def _check_bands(
    chk: Any, table: dict[str, Any], by_id: dict[str, Any], prefix: str, where: tuple[str, int]
) -> None:
    bands = table.get("bands", [])
    last = None
    for band in bands:
        if not (
            isinstance(band, dict)
            and {"max", "label"} <= set(band) <= {"min", "max", "label"}
            and all(_number(band[k]) for k in band if k != "label")
            and isinstance(band["label"], str)
        ):
            chk.fail(messages.SCORING_BAND_FORM, prefix + "bands", *where)
        if "min" in band and band["min"] > band["max"]:
            chk.fail(
                messages.SCORING_BAND_MIN.format(label=band["label"]), prefix + "bands", *where
            )
        if last is not None and (band["max"] <= last or band.get("min", math.inf) <= last):
            chk.fail(messages.SCORING_BANDS_ORDER, prefix + "bands", *where)
        last = band["max"]
    if not bands:
        return
    scale = measures.Scale.from_table(table)
    missing = uncovered(scale, by_id)
    if missing is not None:
        chk.fail(
            messages.SCORING_BANDS_GAP.format(
                missing=number(missing), extent="–".join(number(n) for n in scale.extent(by_id))
            ),
            prefix + "bands",
            *where,
        )


def possible_scores(scale: measures.Scale, by_id: dict[str, Any]) -> list[float] | None:
    """Every score the scale can give, lowest first; None when there are too many to list."""
    totals: set[float] = {0}
    for step_id in scale.steps:
        table = set(measures.point_table(by_id[step_id]) or [0])
        if all(type(p) is int for p in table) and all(type(t) is int for t in totals):
            totals = {t + p for t in totals for p in table}  # exact: nothing to round
        else:
            totals = {round(t + p, 9) for t in totals for p in table}
        if len(totals) > _MOST_TOTALS:
            return None
    return sorted(measures.whole(t * scale.multiplier) for t in totals)


def uncovered(scale: measures.Scale, by_id: dict[str, Any]) -> float | None:
    """A possible score that no band holds, or None when every one has a band."""
    scores = possible_scores(scale, by_id)
    if scores is None:  # too many to list: its ends, and each band's edges
        scores = list(scale.extent(by_id))
    for score in scores:
        if measures.band_of(scale.bands, score) is None:
            return score
    return None


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
