"""The scoring engine: what a template's `[scoring]` table says, as data, and what a
change in a score means by its thresholds.

`[scoring]` has one total over `steps` (today's form) and may add
`[[scoring.scales]]`, each with `id`, `label` and `steps`. The total and each
scale take `bands` (ascending `{max, label}`, or `{min, max, label}`),
`multiplier`, `higher_is_better`, the thresholds (`reliable_change`, `caseness`,
`remission_below`, `response_drop`) and `sources` (where each comes from).
`[scoring]` also takes `pairs_with` (the template a paired recovery is judged with).

A scored step (a scale or a choice) scores points: `values` (one per option in
order, or per point from `min` to `max`), else a choice's position from 0 and a
scale's number; `reverse = true` reads its points the other way round. No
instrument has code of its own: this module scores them all.

Pure: no journal, no terminal; loaded by `hw start` and `hw trends --json`, so it
imports nothing heavy. Checking a `[scoring]` table is measure_checks.py.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# The thresholds, in the order `hw trends --json` lists them.
THRESHOLDS = ("reliable_change", "caseness", "remission_below", "response_drop")

# The status words, exactly as the spec has them, in the order they are listed: data
# (JSON keeps them so), said in the run's language by said()
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


# ---------------------------------------------------------------- points


def point_table(step: Any) -> list[float] | None:
    """The points of each possible answer of a scored step, in answer order (a scale
    from min to max, a choice in option order); None for a step that scores nothing."""
    if step.type == "scale" and step.min is not None and step.max is not None:
        table = list(step.values or range(int(step.min), int(step.max) + 1))
    elif step.type == "choice" and step.options:
        table = list(step.values or range(len(step.options)))
    else:
        return None
    return table[::-1] if step.reverse else table


def points(step: Any, answer: Any) -> float | None:
    """What one answer scores; None for no answer, or one outside the step's table."""
    table = point_table(step)
    if table is None or answer is None or isinstance(answer, bool):
        return None
    if step.type == "scale":
        if not isinstance(answer, int):
            return None
        index = answer - int(step.min)
    else:
        if answer not in step.options:
            return None
        index = step.options.index(answer)
    return table[index] if 0 <= index < len(table) else None


def whole(number: float) -> float:
    """A score as a whole number where it is one (12, not 12.0)."""
    return int(number) if float(number).is_integer() else round(number, 6)


# ---------------------------------------------------------------- scales


class Band:
    """A published band of a score: totals from `min` (or above the band below) up to
    `max` read as `label`."""

    __slots__ = ("label", "max", "min")

    def __init__(self, max: float, label: str, min: float | None = None) -> None:
        self.max = max
        self.label = label
        self.min = min

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {} if self.min is None else {"min": self.min}
        return {**data, "max": self.max, "label": self.label}


def band_of(bands: list[Band], score: float) -> str | None:
    """The band a score falls in (bands ascending); None in a gap or past the last."""
    for band in bands:
        if score <= band.max + _EPSILON:
            return band.label if band.min is None or score >= band.min - _EPSILON else None
    return None


class Thresholds:
    """A scale's thresholds; a missing one is None, and its words are never given."""

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


def from_scoring(table: dict[str, Any] | None) -> Thresholds:
    """The thresholds of a checked `[scoring]` table, or of one of its scales."""
    table = table or {}
    return Thresholds(
        *(table.get(name) for name in THRESHOLDS),
        higher_is_better=bool(table.get("higher_is_better", False)),
        sources=table.get("sources"),
    )


class Scale:
    """A total (id None) or one named scale: the steps it sums, its multiplier, its
    bands and its thresholds."""

    def __init__(
        self,
        id: str | None,
        label: str,
        steps: list[str],
        bands: list[Band],
        multiplier: float = 1,
        thresholds: Thresholds | None = None,
    ) -> None:
        self.id = id
        self.label = label
        self.steps = steps
        self.bands = bands
        self.multiplier = multiplier
        self.thresholds = thresholds or Thresholds()

    @property
    def higher_is_better(self) -> bool:
        return self.thresholds.higher_is_better

    def score(self, by_id: dict[str, Any], answers: dict[str, Any]) -> float | None:
        """The scale's score, or None unless every required step of it is answered (an
        optional step left empty scores 0: the PHQ-15's item for women only)."""
        total = 0.0
        for step_id in self.steps:
            step = by_id[step_id]
            got = points(step, answers.get(step_id))
            if got is None:
                if step.required or answers.get(step_id) is not None:
                    return None
                got = 0
            total += got
        return whole(total * self.multiplier)

    def extent(self, by_id: dict[str, Any]) -> tuple[float, float]:
        """The lowest and the highest score possible."""
        tables = [point_table(by_id[s]) or [0] for s in self.steps]
        low = sum(min(t) for t in tables) * self.multiplier
        high = sum(max(t) for t in tables) * self.multiplier
        return whole(min(low, high)), whole(max(low, high))

    @classmethod
    def from_table(cls, table: dict[str, Any], id: str | None = None) -> Scale:
        bands = [Band(b["max"], b["label"], b.get("min")) for b in table.get("bands", [])]
        return cls(
            id,
            table.get("label", ""),
            list(table.get("steps", [])),
            bands,
            table.get("multiplier", 1),
            from_scoring(table),
        )


class Scoring:
    """A template's `[scoring]`: its total (when it has one), its scales, and the
    template its recovery pairs with."""

    def __init__(
        self, total: Scale | None, scales: list[Scale], pairs_with: str | None = None
    ) -> None:
        self.total = total
        self.scales = scales
        self.pairs_with = pairs_with

    @classmethod
    def from_table(cls, table: dict[str, Any]) -> Scoring:
        total = Scale.from_table(table) if table.get("steps") else None
        scales = [Scale.from_table(s, s["id"]) for s in table.get("scales", [])]
        return cls(total, scales, table.get("pairs_with"))

    def every(self) -> list[Scale]:
        """The total first, then each scale, in the template's order."""
        return ([self.total] if self.total else []) + self.scales

    def scale(self, scale_id: str | None) -> Scale | None:
        return next((s for s in self.every() if s.id == scale_id), None)

    def score(self, steps: list[Any], answers: dict[str, Any]) -> dict[str, Any] | None:
        """The entry's `score`: `total` and `band` where there is a total, `scales` where
        there are scales; None until the total (or, without one, every scale) is whole."""
        by_id = {s.id: s for s in steps}
        result: dict[str, Any] = {}
        if self.total is not None:
            total = self.total.score(by_id, answers)
            if total is None:
                return None
            result = {"total": total, "band": band_of(self.total.bands, total)}
        if self.scales:
            scales = {}
            for scale in self.scales:
                got = scale.score(by_id, answers)
                if got is None:
                    return None
                scales[scale.id] = {"score": got, "band": band_of(scale.bands, got)}
            result["scales"] = scales
        return result


def part(score: dict[str, Any] | None, scale: str | None) -> tuple[float | None, str | None]:
    """(score, band) of an entry's `score` for its total (scale None) or one scale."""
    if not isinstance(score, dict):
        return None, None
    if scale is not None:
        score = (score.get("scales") or {}).get(scale)
        if not isinstance(score, dict):
            return None, None
        value = score.get("score")
    else:
        value = score.get("total")
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None, None
    band = score.get("band")
    return value, band if isinstance(band, str) else None


def parts_of(scores: list[dict[str, Any]]) -> list[str | None]:
    """The parts a list of entries' scores have: None for a total, then scale ids."""
    found: list[str | None] = []
    for score in scores:
        if score.get("total") is not None and None not in found:
            found.insert(0, None)
        for scale in score.get("scales") or {}:
            if scale not in found:
                found.append(scale)
    return found


def of_template(template: Any) -> Thresholds:
    """A loaded template's total's thresholds (none without `[scoring]`)."""
    scoring = getattr(template, "scoring", None)
    if scoring is None or scoring.total is None:
        return Thresholds()
    return scoring.total.thresholds


# ---------------------------------------------------------------- change


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
    if t.caseness is not None and is_case(baseline, t) and not is_case(latest, t):
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


def is_case(score: float, t: Thresholds) -> bool:
    """At or above caseness (at or below it when higher is better)."""
    sign = 1 if t.higher_is_better else -1
    return t.caseness is not None and (score - t.caseness) * sign <= _EPSILON


def paired_status(
    first: tuple[float, float], latest: tuple[float, float], thresholds: tuple[Thresholds, ...]
) -> list[str]:
    """NHS Talking Therapies' paired recovery, on two measures' first and latest scores:
    reliable improvement when at least one improved reliably and neither deteriorated
    reliably; reliable deterioration when either did; else no reliable change; then
    recovery when at least one was a case at the start and both are below caseness
    now; reliable recovery when both."""
    each = [status(a, b, t) for a, b, t in zip(first, latest, thresholds, strict=True)]
    if any(RELIABLE_DETERIORATION in w for w in each):
        words = [RELIABLE_DETERIORATION]
    elif any(RELIABLE_IMPROVEMENT in w for w in each):
        words = [RELIABLE_IMPROVEMENT]
    else:
        words = [NO_RELIABLE_CHANGE]
    if all(t.caseness is not None for t in thresholds):
        was = any(is_case(a, t) for a, t in zip(first, thresholds, strict=True))
        now = any(is_case(b, t) for b, t in zip(latest, thresholds, strict=True))
        if was and not now:
            words.append(RECOVERY)
            if words[0] == RELIABLE_IMPROVEMENT:
                words.append(RELIABLE_RECOVERY)
    return words


def deteriorated(words: list[str]) -> bool:
    return RELIABLE_DETERIORATION in words


def band_said(label: str | None) -> str:
    """A band in the run's language (messages.BAND_WORDS); stored, and in JSON, as the
    template names it."""
    from hwjournal import messages

    return messages.BAND_WORDS.get(label, label) if label else ""


def said(words: list[str]) -> list[str]:
    """Status words in the run's language (messages.STATUS_WORDS)."""
    from hwjournal import messages

    return [messages.STATUS_WORDS.get(word, word) for word in words]
