"""What a measure's change means, in sentences: shared by the trends screen
(render/trends.py) and its plain words (render/trends_words.py)."""

from __future__ import annotations

import datetime as dt

from hwjournal import measures, messages
from hwjournal.i18n import gettext
from hwjournal.numerals import number, percent
from hwjournal.render.words import day_month, full_date
from hwjournal.trends import Measure, TrendsData


def long_date(day: dt.date) -> str:
    return full_date(day)


def score_words(total: float, band: str | None) -> str:
    from hwjournal.measures import band_said

    return number(total) + (f" ({band_said(band)})" if band else "")


def baseline_sentence(data: TrendsData) -> str:
    """Which baseline the change is counted from: the course of care's, or the range's."""
    if data.care_start is None:
        return messages.TRENDS_BASELINE_RANGE
    return messages.TRENDS_BASELINE_CARE.format(date=long_date(data.care_start))


def pair_sentences(data: TrendsData) -> list[str]:
    """One line a pair of measures judged together (NHS Talking Therapies' recovery)."""
    titles = {m.template: m.title for m in data.measures}
    return [
        messages.TRENDS_PAIR.format(
            first=titles[pair.first.template],
            second=titles[pair.second.template],
            words=", ".join(measures.said(pair.status)),
        )
        for pair in data.pairs
    ]


def change_sentence(measure: Measure) -> str:
    first, last = measure.baseline, measure.latest
    assert last is not None
    if measure.change is None or first is None:
        if measure.in_course and (first is None or first.entry_id != last.entry_id):
            return messages.TRENDS_NO_COURSE_SCORE
        return messages.TRENDS_ONE_SCORE.format(
            score=score_words(last.total, last.band), date=day_month(last.date)
        )
    change = measure.change or 0
    how = (
        messages.TRENDS_HOW.format(
            change=number(abs(change)), way=gettext("higher" if change > 0 else "lower")
        )
        if change
        else gettext("the same")
    )
    return messages.TRENDS_FIRST_LATEST.format(
        first=score_words(first.total, first.band),
        first_date=day_month(first.date),
        latest=score_words(last.total, last.band),
        latest_date=day_month(last.date),
        how=how,
    )


def status_sentences(measure: Measure) -> list[str]:
    """What the status words mean, in plain words: the reliable change first, then
    the other words that apply."""
    t = measure.thresholds
    words = measure.status
    if measure.change is None:
        no_course = measure.in_course and measure.baseline is None
        return [] if no_course else [messages.TRENDS_NEXT_SHOWS]
    sentences = []
    points = number(t.reliable_change) if t.reliable_change is not None else ""
    if measures.RELIABLE_IMPROVEMENT in words:
        sentences.append(messages.TRENDS_IMPROVEMENT.format(points=points))
    elif measures.RELIABLE_DETERIORATION in words:
        way = gettext("fallen" if t.higher_is_better else "risen")
        sentences.append(messages.TRENDS_DETERIORATION.format(points=points, way=way))
    elif measures.NO_RELIABLE_CHANGE in words:
        sentences.append(messages.TRENDS_NO_RELIABLE_CHANGE.format(points=points))
    others = [_meaning(word, t) for word in words if word in _OTHER_WORDS]
    if others:
        sentences.append(messages.TRENDS_ALSO.format(words="; ".join(others)))
    return sentences


_OTHER_WORDS = (
    measures.RECOVERY,
    measures.RELIABLE_RECOVERY,
    measures.RESPONSE,
    measures.REMISSION,
)


def _meaning(word: str, t: measures.Thresholds) -> str:
    """A status word with what it means by the template's thresholds, turned around
    for a measure whose scores rise as things improve."""
    up = t.higher_is_better
    if word == measures.RECOVERY:
        words = (gettext("less"), gettext("above")) if up else (gettext("more"), gettext("below"))
        return messages.TRENDS_MEANS_RECOVERY.format(
            caseness=number(t.caseness), case=words[0], out=words[1]
        )
    if word == measures.RELIABLE_RECOVERY:
        return messages.TRENDS_MEANS_RELIABLE_RECOVERY
    if word == measures.RESPONSE:
        return messages.TRENDS_MEANS_RESPONSE.format(
            way=gettext("up" if up else "down"), share=percent((t.response_drop or 0) * 100, None)
        )
    return messages.TRENDS_MEANS_REMISSION.format(
        side=gettext("above" if up else "below"), value=number(t.remission_below)
    )
