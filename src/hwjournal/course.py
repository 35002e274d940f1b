"""Measures over a course of care: each scored template's scores in a range, one
item for its total and one a scale, with the baseline its status is judged from,
and NHS Talking Therapies' paired recovery (the PHQ-9 with an anxiety measure).

Without `care_start`, a measure's baseline is its first score in the range; with
it, the first score on or after that day, even before the range (and with no
score since, it has no status). Plain data for `hw trends` (trends.py) and its
screens; the SQL is journal/scores.py.
"""

from __future__ import annotations

from hwjournal import measures
from hwjournal.errors import HwError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as dt
    from typing import Any

    from hwjournal.journal import Journal


class Score:
    __slots__ = ("band", "date", "entry_id", "total")

    def __init__(self, date: str, total: float, band: str | None, entry_id: int) -> None:
        self.date = date
        self.total = total
        self.band = band
        self.entry_id = entry_id

    def __repr__(self) -> str:
        return f"Score({self.date!r}, {self.total!r}, {self.band!r}, {self.entry_id!r})"

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "total": self.total,
            "band": self.band,
            "entry_id": self.entry_id,
        }


class Measure:
    """One scored template's scores in the range (one scale of it, or its total),
    oldest first, and what the change from the baseline to the last means by its
    thresholds. The baseline is the first score in the range, or, in a course of
    care (`care_start`), the first score on or after its start, wherever that is."""

    def __init__(
        self,
        template: str,
        title: str,
        scores: list[Score],
        thresholds: measures.Thresholds,
        bands: list[tuple[float, str]],
        top: float | None,
        *,
        scale: str | None = None,
        label: str | None = None,
        low: float = 0,
    ) -> None:
        self.template = template
        self.title = title
        self.scores = scores
        self.thresholds = thresholds
        self.bands = bands  # (max, label), rising
        self.top = top  # the highest score possible, when the template says
        self.low = low  # the lowest
        self.scale = scale  # the scale's id; None for the total
        self.label = label  # the scale's label
        self.pairs_with: str | None = None  # the template its recovery is judged with
        self.in_course = False  # the baseline is the course of care's (care_start)
        self.course_baseline: Score | None = None

    @property
    def name(self) -> str:
        """The title, and the scale's label for one scale of a measure."""
        return f"{self.title}: {self.label}" if self.label else self.title

    @property
    def baseline(self) -> Score | None:
        if self.in_course:
            return self.course_baseline
        return self.scores[0] if self.scores else None

    @property
    def latest(self) -> Score | None:
        return self.scores[-1] if self.scores else None

    def _pair(self) -> tuple[Score, Score] | None:
        """Baseline and latest when they are two scores, the baseline first."""
        return ordered(self.baseline, self.latest)

    @property
    def change(self) -> float | None:
        pair = self._pair()
        return measures.change(pair[0].total, pair[1].total) if pair else None

    @property
    def status(self) -> list[str]:
        pair = self._pair()
        return measures.status(pair[0].total, pair[1].total, self.thresholds) if pair else []

    def to_json(self) -> dict[str, Any]:
        first = self.baseline
        return {
            "template": self.template,
            "title": self.title,
            "scale": self.scale,
            "label": self.label,
            "scores": [s.to_json() for s in self.scores],
            "baseline": first.total if first else None,
            "baseline_date": first.date if first else None,
            "latest": self.latest.total if self.latest else None,
            "change": self.change,
            "status": self.status,
            "thresholds": self.thresholds.to_json(),
        }


def scored(
    journal: Journal,
    since: dt.date,
    until: dt.date,
    only: str | None,
    template_dirs: list[str] | None,
) -> list[Measure]:
    """Each scored template with scores in the range (and `only`, when asked for,
    even without any), by template id: its total, then each of its scales."""
    from hwjournal.journal import scores as stored

    by_template: dict[str, list[tuple[str, int, dict[str, Any]]]] = {}
    if only is not None:
        by_template[only] = []
    for template, day, entry_id, score in stored.between(
        journal, since.isoformat(), until.isoformat(), only
    ):
        by_template.setdefault(template, []).append((day, entry_id, score))
    found = []
    for template, rows in sorted(by_template.items()):
        found += describe(journal, template, rows, template_dirs)
    return found


def _scores_of(rows: list[tuple[str, int, dict[str, Any]]], scale: str | None) -> list[Score]:
    found = []
    for day, entry_id, score in rows:
        value, band = measures.part(score, scale)
        if value is not None:
            found.append(Score(day, value, band, entry_id))
    return found


def describe(
    journal: Journal,
    template_id: str,
    rows: list[tuple[str, int, dict[str, Any]]],
    template_dirs: list[str] | None,
) -> list[Measure]:
    """A measure as its template has it now (title, each scale, bands, thresholds),
    one item for its total and one a scale, each with scores in the range (all of
    them when it has none at all). A template that is gone (or broken) is shown by
    its entries' title and the parts its scores have, without thresholds."""
    from hwjournal import templates
    from hwjournal.journal import scores as stored

    try:
        template = templates.find(template_id, template_dirs)
    except HwError:
        title = stored.last_title(journal, template_id) or template_id
        parts = measures.parts_of([score for _, _, score in rows])
        bare = measures.Thresholds()
        return [
            Measure(template_id, title, _scores_of(rows, p), bare, [], None, scale=p, label=p)
            for p in parts
        ]
    from hwjournal import i18n, overlays

    # named in the run's language, as homework is (its overlay's title)
    title = overlays.title(template.id, i18n.language, template_dirs) or template.title
    scoring = template.scoring
    if scoring is None:
        return [Measure(template_id, title, [], measures.Thresholds(), [], None)]
    by_id = {s.id: s for s in template.steps}
    found = []
    for scale in scoring.every():
        low, top = scale.extent(by_id)
        found.append(
            Measure(
                template.id,
                title,
                _scores_of(rows, scale.id),
                scale.thresholds,
                [(b.max, b.label) for b in scale.bands],
                top,
                scale=scale.id,
                label=scale.label or None,
                low=low,
            )
        )
    if any(m.scores for m in found):
        found = [m for m in found if m.scores]
    for measure in found:
        measure.pairs_with = scoring.pairs_with
    return found


def ordered(first: Score | None, last: Score | None) -> tuple[Score, Score] | None:
    """A baseline and a later score, when they are two scores and the baseline does
    come first (a course of care may begin after the score judged)."""
    if first is None or last is None or first.entry_id == last.entry_id:
        return None
    if (last.date, last.entry_id) < (first.date, first.entry_id):
        return None
    return first, last


def judge(first: Score | None, last: Score | None, thresholds: measures.Thresholds) -> list[str]:
    """The status words of a change from a baseline to a later score ([] unless
    there are two, in that order)."""
    pair = ordered(first, last)
    return measures.status(pair[0].total, pair[1].total, thresholds) if pair else []


# ---------------------------------------------------------------- the course


def first_score(
    journal: Journal,
    template: str,
    scale: str | None,
    since: dt.date,
    until: dt.date | None = None,
    private: bool = True,
) -> Score | None:
    """A measure's first score (its total, or one scale) on or after `since`, up to
    `until` when given; private entries' only when `private`."""
    from hwjournal.journal import scores as stored

    last = until.isoformat() if until is not None else None
    first = stored.first_since(journal, template, since.isoformat(), scale, last, private)
    if first is None:
        return None
    day, entry_id, score = first
    value, band = measures.part(score, scale)
    return Score(day, value, band, entry_id) if value is not None else None


def baseline_window(
    end: dt.date, care_start: dt.date | None, months: int = 6
) -> tuple[dt.date, dt.date | None]:
    """Where a score shown on a day up to `end` (the week, an export) finds its
    baseline: from `care_start` on, wherever that is; without it, in the `months`
    months up to `end`."""
    if care_start is not None:
        return care_start, None
    from hwjournal.dates import months_before

    return months_before(end, months), end


def set_baselines(journal: Journal, found: list[Measure], care_start: dt.date) -> None:
    """Each measure's baseline: its first score on or after `care_start`."""
    for measure in found:
        measure.in_course = True
        measure.course_baseline = first_score(journal, measure.template, measure.scale, care_start)


class Pair:
    """Two measures judged together: the one that names the other in `pairs_with`,
    and that other (listed first, as "phq-9" with "gad-7")."""

    def __init__(self, first: Measure, second: Measure) -> None:
        self.first = first
        self.second = second

    @property
    def status(self) -> list[str]:
        a, b = self.first, self.second
        if not (a.baseline and a.latest and b.baseline and b.latest):
            return []
        return measures.paired_status(
            (a.baseline.total, b.baseline.total),
            (a.latest.total, b.latest.total),
            (a.thresholds, b.thresholds),
        )

    def to_json(self) -> dict[str, Any]:
        return {"measures": [self.first.template, self.second.template], "status": self.status}


def pairs(found: list[Measure]) -> list[Pair]:
    """Each pair (`pairs_with`) whose two measures both have a first and a latest score
    in the course, by their totals."""
    totals = {m.template: m for m in found if m.scale is None}
    made = []
    for measure in totals.values():
        other = totals.get(measure.pairs_with) if measure.pairs_with else None
        if other is None or other is measure:
            continue
        pair = Pair(other, measure)
        if pair.status:
            made.append(pair)
    return made
