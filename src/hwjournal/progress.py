"""A screening score in the week screen or an export, against its measure's first
score in the six months up to the week's last day: the same status words as `hw
trends`. "reliable improvement since 15 (moderately severe) on 2 Sep"."""

from __future__ import annotations

from hwjournal import measures, messages
from hwjournal.errors import HwError
from hwjournal.trends import DEFAULT_MONTHS, Score, months_before

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as dt
    from typing import Any

    from hwjournal.journal import Journal


class Progress:
    """A score in a week against its measure's first score of the six months before."""

    __slots__ = ("baseline", "words")

    def __init__(self, baseline: Score, words: list[str]) -> None:
        self.baseline = baseline
        self.words = words

    @property
    def deteriorated(self) -> bool:
        return measures.RELIABLE_DETERIORATION in self.words

    def phrase(self, when: Any = str) -> str:
        """reliable improvement since 15 (moderately severe) on 2 Sep; `when` words
        the baseline's date."""
        first = self.baseline
        band = f" ({first.band})" if first.band else ""
        text = messages.PROGRESS.format(
            words=", ".join(measures.said(self.words)),
            total=f"{first.total:g}",
            band=band,
            date=when(first.date),
        )
        return text + (messages.PROGRESS_WORSE if self.deteriorated else "")


def add_progress(
    journal: Journal,
    lines: list[Any],
    end: dt.date,
    private: bool,
    template_dirs: list[str] | None,
) -> None:
    """Give each week.ScoreLine a `progress`: its status against the measure's first
    score in the six months up to `end` (private ones only when `private`). A score
    that is itself that first one gets none."""
    since = months_before(end, DEFAULT_MONTHS).isoformat()
    found: dict[str, tuple[Score | None, measures.Thresholds]] = {}
    for line in lines:
        template = line.entry.template
        if template not in found:
            found[template] = (
                _first_score(journal, template, since, end.isoformat(), private),
                _thresholds(template, template_dirs),
            )
        baseline, thresholds = found[template]
        if baseline is None or baseline.entry_id == line.entry.id or not thresholds.any:
            continue
        words = measures.status(baseline.total, line.total, thresholds)
        if words:
            line.progress = Progress(baseline, words)


def pair_lines(
    journal: Journal, lines: list[Any], end: dt.date, private: bool, template_dirs: list[str] | None
) -> list[str]:
    """One sentence for each pair of measures judged together (`pairs_with`, the GAD-7
    with the PHQ-9) when both are scored in the span: NHS Talking Therapies' paired
    status, from each one's first score in the six months up to `end` to its latest."""
    from hwjournal import templates

    since = months_before(end, DEFAULT_MONTHS).isoformat()
    latest = {line.entry.template: line for line in lines}  # in date order: the last wins
    found = []
    for template_id, line in latest.items():
        try:
            scoring = templates.find(template_id, template_dirs).scoring
        except HwError:
            continue
        other = scoring.pairs_with if scoring else None
        if other is None or other not in latest:
            continue
        first = [
            _first_score(journal, t, since, end.isoformat(), private) for t in (other, template_id)
        ]
        if None in first:
            continue
        words = measures.paired_status(
            (first[0].total, first[1].total),
            (latest[other].total, line.total),
            (_thresholds(other, template_dirs), _thresholds(template_id, template_dirs)),
        )
        found.append(
            messages.TRENDS_PAIR.format(
                first=latest[other].entry.title, second=line.entry.title, words=", ".join(words)
            )
        )
    return found


def _first_score(
    journal: Journal, template: str, since: str, until: str, private: bool
) -> Score | None:
    from hwjournal.journal import aggregates

    for day, entry_id, total, band in aggregates.template_scores(
        journal, template, since, until, private
    ):
        if isinstance(total, (int, float)):
            return Score(day, total, band, entry_id)
    return None


def _thresholds(template_id: str, template_dirs: list[str] | None) -> measures.Thresholds:
    from hwjournal import templates

    try:
        return measures.of_template(templates.find(template_id, template_dirs))
    except HwError:
        return measures.Thresholds()
