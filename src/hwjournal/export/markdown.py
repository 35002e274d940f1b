"""Markdown for a therapist to read before the session: what needs attention
first, then screening scores, homework, what got in the way, the days at a
glance, and every entry with its own prompts.

All user text goes through `escape_line`, `paragraphs` or `cell`, so nothing a
person types can become Markdown structure: no heading, list, quote, table row,
link, image, emphasis, code, raw HTML, autolink, thematic break or setext line.
The only raw HTML written is <br> for a line break inside a table cell.
"""

from __future__ import annotations

import datetime as dt
import re

from hwjournal import messages, numerals
from hwjournal.display import clean
from hwjournal.export import data as shared
from hwjournal.export.data import ExportData, cadence_text, full_day, scale_text
from hwjournal.journal import Entry
from hwjournal.measures import band_said
from hwjournal.numerals import number
from hwjournal.render.words import change_phrase, long_day, step_label
from hwjournal.steps import answer_text, is_scale_answer

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs `hw export` milliseconds
    from typing import Any

NAME = "markdown"
EXTENSION = "md"

# Always escaped: inline syntax (code, emphasis, links), table cells, headings.
# `<`, `>` and `&` become character references: no HTML, autolink, quote or entity.
_ESCAPES = {**{c: "\\" + c for c in "\\`*_[]|#"}, "&": "&amp;", "<": "&lt;", ">": "&gt;"}
_SPECIAL = re.compile(r"[\\`*_\[\]|#&<>]")
# Special only where a line starts: lists, setext underlines, fences, breaks; and the
# `.` or `)` after the digits of an ordered list item.
_LINE_START = re.compile(r"[-+=~]|\d{1,9}[.)]")
_NEWLINES = re.compile(r"\r\n?")


def _normal(text: Any) -> str:
    """Line breaks as \\n; control characters as their visible symbols, as on screen."""
    return clean(_NEWLINES.sub("\n", "" if text is None else str(text)))


def _escaped(match: re.Match[str]) -> str:
    return _ESCAPES[match[0]]


def escape_line(text: str) -> str:
    """One line of user text, safe anywhere in a Markdown line.

    The whole line goes through one compiled expression in C; only its start
    (indentation, a list marker) is looked at on its own."""
    body = text.lstrip()
    # leading blanks as character references: they never count as indentation
    # and are never trimmed away
    lead = "".join([f"&#{ord(c)};" for c in text[: len(text) - len(body)]])
    start = _LINE_START.match(body)
    if start:
        cut = start.end() - 1
        lead += body[:cut] + "\\" + body[cut]
        body = body[cut + 1 :]
    return lead + _SPECIAL.sub(_escaped, body)


def inline(text: Any) -> str:
    """User text on one line (a heading, a label): line breaks become spaces."""
    return escape_line(" ".join(_normal(text).split("\n")).strip())


def paragraphs(text: Any, indent: str = "") -> str:
    """User text as paragraphs: blank lines part them, other line breaks are kept
    as hard breaks (a backslash at the end of the line)."""
    blocks: list[list[str]] = [[]]
    for line in _normal(text).split("\n"):
        if line.strip():
            blocks[-1].append(escape_line(line.rstrip()))
        elif blocks[-1]:
            blocks.append([])
    rendered = [("\\\n" + indent).join(block) for block in blocks if block]
    return ("\n\n" + indent).join(rendered)


def cell(text: Any) -> str:
    """User text inside a table cell: a | stays in the cell, line breaks are <br>."""
    lines = [
        escape_line(line.rstrip()) if line.strip() else "" for line in _normal(text).split("\n")
    ]
    return "<br>".join(lines).strip() or " "


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def table(headers: list[str], rows: list[list[str]]) -> list[str]:
    """Headers and cells must already be escaped."""
    lines = [_row(headers), _row(["---"] * len(headers))]
    lines += [_row(r) for r in rows]
    return lines


# ---------------------------------------------------------------- answers


def answer_block(step: dict[str, Any], value: Any) -> str:
    if isinstance(value, list):
        return "\n".join("- " + paragraphs(item, "  ") for item in value) or "- "
    if is_scale_answer(step, value):
        return inline(scale_text(step, value))
    return paragraphs(answer_text(step, value))


def answer_cell(step: dict[str, Any], value: Any) -> str:
    if isinstance(value, list):
        return "<br>".join(cell("• " + str(item)) for item in value)
    if is_scale_answer(step, value):
        return cell(scale_text(step, value))
    return cell(answer_text(step, value))


def _label(step: dict[str, Any]) -> str:
    text = inline(step_label(step)) or inline(step.get("id", ""))
    return f"**{text}**"


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _meta(entry: Entry) -> str:
    return inline(shared.meta_text(entry))


# ---------------------------------------------------------------- sections


def _header(data: ExportData) -> list[str]:
    lines = ["# " + shared.report_title(data.week), ""]
    lines += [f"- {label}: {inline(text)}" for label, text in shared.facts(data)]
    withheld = shared.withheld_text(data.week)
    if withheld:
        lines += ["", withheld]
    return lines


def _attention(data: ExportData) -> list[str]:
    items = [
        f"- {inline(full_day(_date(alert.entry.date)))}, {inline(alert.entry.title)}: "
        + messages.MD_ALERT.format(prompt=inline(alert.prompt), answer=inline(alert.answer))
        + messages.MD_ALERT_LEVEL
        for alert in shared.alerts(data.week)
    ]
    if not items:
        return []
    return [messages.MD_FOR_ATTENTION, "", *items]


def _scores(data: ExportData) -> list[str]:
    if not data.week.scores:
        return []
    rows = []
    for line in data.week.scores:
        earlier = shared.earlier_text(line)
        rows.append(
            [
                line.entry.date,
                inline(line.name),
                str(line.total),
                inline(band_said(line.band)),
                inline(change_phrase(line, str)),
                inline(earlier),
                inline(line.progress.phrase() if line.progress else "—"),
            ]
        )
    # the last: the status against the measure's baseline (progress.py)
    headers = messages.MD_SCORES_HEADERS.split("|")
    after = [inline(sentence) for sentence in data.week.pairs]
    baseline = shared.baseline_text(data.week)
    if baseline:
        after.append(baseline)
    return [
        messages.MD_SCORES,
        "",
        messages.SCREENING_NOTE,
        "",
        *table(headers, rows),
        *(["", *after] if after else []),
    ]


def _homework(data: ExportData) -> list[str]:
    if not data.week.assignments:
        return []
    any_open = any(item.open for item in data.week.assignments)
    rows = []
    for item in data.week.assignments:
        percent = item.percent
        row = [
            inline(item.title or item.template),
            inline(cadence_text(item.schedule, list(item.days or []))),
            number(item.due),
            number(item.done),
            number(item.skipped),
            number(item.not_recorded),
        ]
        if any_open:
            row.append(number(item.open))
        row.append("—" if percent is None else numerals.percent(percent))
        rows.append(row)
    headers = messages.MD_HOMEWORK_HEADERS.split("|")
    headers += [messages.MD_STILL_OPEN] if any_open else []
    headers.append(messages.MD_DONE_SHARE)
    return [messages.MD_HOMEWORK, "", *table(headers, rows)]


def _in_the_way(data: ExportData) -> list[str]:
    if not data.week.skips:
        return []
    items = []
    for skip in data.week.skips:
        text = (
            f"- {inline(full_day(_date(skip.date)))}, {inline(data.week.title_of(skip.template))}"
            f": {inline(data.week.barrier_words(skip.barrier))}."
        )
        if skip.reason and str(skip.reason).strip():
            text += messages.MD_IN_THEIR_WORDS + paragraphs(skip.reason, "  ")
        items.append(text)
    return [messages.MD_BARRIERS, "", *items]


def _glance(data: ExportData) -> list[str]:
    week = data.week
    counts, moods = week.by_day, week.mood_by_day
    rows = []
    for day in week.days():
        key = day.isoformat()
        mood = moods[key]
        rows.append(
            [
                f"{long_day(day)}",
                str(counts[key]),
                "—" if mood is None else number(mood),
            ]
        )
    lines = [messages.MD_DAYS, "", *table(messages.MD_DAYS_HEADERS.split("|"), rows)]
    if week.mood_average is not None:
        lines += ["", messages.MD_AVERAGE_MOOD.format(average=number(week.mood_average))]
    return lines


def _entry(entry: Entry) -> list[str]:
    from hwjournal.render.words import scale_texts

    lines = [f"#### {inline(entry.title)}", ""]
    meta = _meta(entry)
    if meta:
        lines += [f"*{meta}*", ""]
    if entry.score and entry.score.get("total") is not None:
        band = f" ({inline(band_said(entry.score['band']))})" if entry.score.get("band") else ""
        lines += [messages.MD_SCORE.format(total=number(entry.score["total"]), band=band), ""]
    scales = scale_texts(entry.score, entry.template)
    if scales:
        lines += [*(f"- {inline(text)}" for text in scales), ""]
    for step in entry.steps:
        if step.get("id") not in entry.answers:
            continue
        label = _label(step)
        if shared.marked(entry, step["id"]):
            label += messages.MD_MARKED
        lines += [label, "", answer_block(step, entry.answers[step["id"]]), ""]
    return lines


def _entries(data: ExportData) -> list[str]:
    lines: list[str] = []
    days = shared.entries_by_day(data.week)
    if days:
        lines += [messages.MD_ENTRIES, ""]
        for day, todays in days:
            lines += [f"### {full_day(day)}", ""]
            for entry in todays:
                lines += _entry(entry)
    for logged in shared.logs(data.week):
        lines += _log(logged)
    return lines


def _log(entries: list[Entry]) -> list[str]:
    """A columns template (the reframe log, the thought record) as one table:
    a row an entry, a column a step, in the template's own order."""
    from hwjournal.render.words import log_steps

    steps = log_steps(entries)
    headers = [messages.MD_DATE] + [inline(step_label(s)) for s in steps]
    rows = []
    for entry in entries:
        when = shared.short_date(_date(entry.date))
        notes = shared.log_notes(entry)
        if notes:
            when += "<br>" + cell(", ".join(notes))
        tags = shared.log_tags(entry)
        if tags:
            when += "<br>" + cell(tags)
        row = [when]
        for step in steps:
            value = entry.answers.get(step["id"])
            text = " " if value is None else answer_cell(step, value)
            if value is not None and shared.marked(entry, step["id"]):
                text += " (marked for attention)"
            row.append(text)
        rows.append(row)
    return [f"## {inline(entries[0].title)}", "", *table(headers, rows), ""]


def render(data: ExportData) -> str:
    sections = [
        _header(data),
        _attention(data),
        _scores(data),
        _homework(data),
        _in_the_way(data),
        _glance(data),
    ]
    if data.week.entries:
        sections.append(_entries(data))
    else:
        sections.append([messages.EXPORT_NOTHING])
    text = "\n\n".join("\n".join(s).strip("\n") for s in sections if s)
    return text + "\n"
