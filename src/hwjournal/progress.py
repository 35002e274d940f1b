"""A screening score in the week screen or an export, against its measure's baseline:
the same status words as `hw trends`, for its total and for each of its scales.
"reliable improvement since 15 (moderately severe) on 2 Sep".

The baseline is found as `hw trends` finds it (course.py): with `care_start` set, the
measure's first score on or after that day; without it, its first score in the six
months up to the span's last day."""

from __future__ import annotations

from hwjournal import course, measures, messages
from hwjournal.course import Score
from hwjournal.errors import HwError
from hwjournal.numerals import number

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as dt
    from typing import Any

    from hwjournal.journal import Journal

# A measure's part: (template id, scale id or None for its total).
Part = tuple[str, "str | None"]


class Progress:
    """A score in a span against its measure's baseline."""

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
        band = f" ({measures.band_said(first.band)})" if first.band else ""
        text = messages.PROGRESS.format(
            words=", ".join(measures.said(self.words)),
            total=number(first.total),
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
    care_start: dt.date | None = None,
) -> dict[Part, tuple[Score | None, measures.Thresholds]]:
    """Give each week.ScoreLine its scale's label and a `progress`: its status against
    its part's baseline (private scores only when `private`). A score that is itself
    the baseline, or came before it, gets none. Returns each part's baseline and
    thresholds, for the pairs."""
    since, until = course.baseline_window(end, care_start)
    scorings: dict[str, Any] = {}
    found: dict[Part, tuple[Score | None, measures.Thresholds]] = {}
    for line in lines:
        template = line.entry.template
        if template not in scorings:
            scorings[template] = _scoring(template, template_dirs)
        scale = scorings[template].scale(line.scale) if scorings[template] else None
        if scale is not None and line.scale is not None and scale.label:
            line.label = scale.label
        key = (template, line.scale)
        if key not in found:
            baseline = course.first_score(journal, template, line.scale, since, until, private)
            found[key] = (baseline, scale.thresholds if scale else measures.Thresholds())
        baseline, thresholds = found[key]
        if baseline is None or not thresholds.any:
            continue
        latest = Score(line.entry.date, line.total, line.band, line.entry.id)
        words = course.judge(baseline, latest, thresholds)
        if words:
            line.progress = Progress(baseline, words)
    return found


def pair_lines(
    lines: list[Any],
    baselines: dict[Part, tuple[Score | None, measures.Thresholds]],
    template_dirs: list[str] | None,
) -> list[str]:
    """One sentence for each pair of measures judged together (`pairs_with`, the GAD-7
    with the PHQ-9) when both are scored in the span: NHS Talking Therapies' paired
    status, from each one's baseline (as add_progress found it) to its latest."""
    latest = {line.entry.template: line for line in lines if line.scale is None}  # last wins
    found = []
    for template_id, line in latest.items():
        scoring = _scoring(template_id, template_dirs)
        other = scoring.pairs_with if scoring else None
        if other is None or other not in latest:
            continue
        (first, first_t), (second, second_t) = (
            baselines.get((t, None), (None, measures.Thresholds())) for t in (other, template_id)
        )
        now = [latest[other], line]
        if first is None or second is None:
            continue
        scores = [Score(n.entry.date, n.total, n.band, n.entry.id) for n in now]
        if not (course.ordered(first, scores[0]) and course.ordered(second, scores[1])):
            continue
        words = measures.paired_status(
            (first.total, second.total), (now[0].total, now[1].total), (first_t, second_t)
        )
        found.append(
            messages.TRENDS_PAIR.format(
                first=latest[other].entry.title,
                second=line.entry.title,
                words=", ".join(measures.said(words)),
            )
        )
    return found


def baseline_sentence(care_start: dt.date | None, end: dt.date) -> str:
    """Which baseline a span's statuses are judged from, in words."""
    from hwjournal.render.words import full_date

    day = care_start or end
    words = full_date(day)
    if care_start is None:
        return messages.WEEK_BASELINE_RANGE.format(date=words)
    return messages.WEEK_BASELINE_CARE.format(date=words)


def _scoring(template_id: str, template_dirs: list[str] | None) -> Any:
    """The template's scoring as it is now; None when it is gone, broken or unscored."""
    from hwjournal import templates

    try:
        return templates.find(template_id, template_dirs).scoring
    except HwError:
        return None
