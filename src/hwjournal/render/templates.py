"""Templates on screen: the catalogue table and one template explained."""

from __future__ import annotations

from hwjournal import display, messages
from hwjournal.numerals import number, percent
from hwjournal.templates import Template

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs the fast path (hw export) milliseconds
    from typing import Any


def catalogue(templates: list[Template]) -> Any:
    from rich.table import Table

    from hwjournal.render.look import Listing

    table = Table(box=None, pad_edge=False, header_style="hw.label", show_edge=False)
    heads = messages.TEMPLATES_HEADERS.split("|")
    table.add_column(heads[0], style="hw.id", no_wrap=True)
    table.add_column(heads[1])
    table.add_column(heads[2], style="hw.label")
    table.add_column(heads[3], justify="right", style="hw.label")
    for t in templates:
        title = display.text(t.title)
        if t.overrides_builtin:
            title.append(messages.TEMPLATE_YOURS_OVER, style="hw.note")
        elif not t.builtin:
            title.append(messages.TEMPLATE_YOURS, style="hw.note")
        table.add_row(
            display.text(t.id),
            title,
            display.text(_tag(t.modality)),
            number(t.minutes) if t.minutes else "",
        )
    return Listing(table, ("{}", "{}", "{}", messages.TEMPLATE_ROW_MINUTES))


def _tag(word: str) -> str:
    """A modality or goal in the run's language (a proper name, CBT or IFS, as it is)."""
    return messages.TEMPLATE_TAG_WORDS.get(word, word)


def explain(t: Template) -> Any:
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    from hwjournal.render.look import joined

    parts: list[Any] = [display.text(t.title, "hw.title")]
    meta = [
        x
        for x in (
            _tag(t.modality),
            messages.TEMPLATE_ABOUT_MINUTES.format(minutes=number(t.minutes)) if t.minutes else "",
            messages.CADENCE_WORDS.get(t.cadence, t.cadence),
            ", ".join(_tag(goal) for goal in t.goals),
        )
        if x
    ]
    parts.append(joined(meta, "hw.label"))
    if t.summary:
        parts += [Text(""), display.text(t.summary)]
    if t.why:
        parts += [
            Text(""),
            Text(messages.TEMPLATE_WHY, style="hw.label"),
            Padding(display.text(t.why), (0, 0, 0, 2)),
        ]
    parts += [Text(""), Text(messages.TEMPLATE_STEPS, style="hw.label"), _steps(t)]
    if t.scoring is not None:
        parts += [Text(""), Text(messages.TEMPLATE_SCORING, style="hw.label")]
        for text, depth in scoring_lines(t):
            style = "hw.label" if depth > 1 else ""
            parts.append(Padding(display.text(text, style), (0, 0, 0, 2 * depth)))
    if t.source:
        parts += [
            Text(""),
            Text(messages.TEMPLATE_SOURCE, style="hw.label"),
            Padding(display.text(t.source), (0, 0, 0, 2)),
        ]
    if t.notice:
        parts += [Padding(display.text(t.notice, "hw.label"), (0, 0, 0, 2))]
    parts += [Text(""), Text(messages.TEMPLATE_START.format(id=t.id), style="hw.note")]
    return Group(*parts)


def scoring_lines(t: Template) -> list[tuple[str, int]]:
    """A measure's scoring in words, each line with its depth: the total and each scale
    with its questions, bands and thresholds, then where each figure comes from."""
    from hwjournal import messages

    scoring = t.scoring
    assert scoring is not None
    from hwjournal.measures import band_said  # a band in the run's language, as elsewhere

    numbers = {s.id: n for n, s in enumerate(t.answerable_steps, 1)}
    lines = [(messages.SCORING_INTRO, 1)]
    for scale in scoring.every():
        label = scale.label or messages.SCORING_TOTAL
        asked = _runs([numbers[i] for i in scale.steps if i in numbers])
        facts = [messages.SCORING_OF_STEPS.format(label=label, numbers=asked)]
        if scale.multiplier != 1:
            facts.append(messages.SCORING_TIMES.format(multiplier=number(scale.multiplier)))
        if scale.higher_is_better:
            facts.append(messages.SCORING_HIGHER)
        bands = ", ".join(
            messages.TEMPLATE_BAND_UP_TO.format(label=band_said(b.label), max=number(b.max))
            for b in scale.bands
        )
        facts.append(
            messages.SCORING_BANDS.format(bands=bands) if bands else messages.SCORING_NO_BANDS
        )
        thresholds = scale.thresholds
        for name, words in messages.SCORING_THRESHOLD.items():
            value = getattr(thresholds, name)
            if value is not None:
                facts.append(words.format(value=number(value), share=percent(value * 100, None)))
        lines.append(("; ".join(facts) + ".", 1))
        for what, text in thresholds.sources.items():
            lines.append(
                (
                    messages.SCORING_SOURCE.format(
                        what=messages.SCORING_THRESHOLD_NAMES.get(what, what.replace("_", " ")),
                        text=text,
                    ),
                    2,
                )
            )
    if scoring.pairs_with:
        lines.append((messages.SCORING_PAIRS.format(other=scoring.pairs_with), 1))
    return lines


def _runs(numbers: list[int]) -> str:
    """1–5, 8, 10–12: runs of question numbers."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else f"{r[0]}" for r in runs)


def _steps(t: Template) -> Any:
    """The steps, numbered where they take an answer; a long prompt wraps under its own
    text, not under the numbers."""
    from rich.table import Table

    steps = Table.grid(padding=(0, 1))
    steps.add_column(justify="right", style="hw.id", no_wrap=True, min_width=3)
    steps.add_column()
    number = 0
    for step in t.steps:
        label = ""
        if step.answerable:
            number += 1
            label = f"{number}."
        line = display.text(step.prompt)
        extra = step.kind.describe(step) or step.type
        if not step.required and step.answerable:
            extra += messages.TEMPLATE_OPTIONAL
        line.append(f"  ({extra})", style="hw.label")
        steps.add_row(label, line)
    return steps
