"""A printable report: the Markdown export's content, in its order, as one
self-contained HTML file with pictures, for a therapist to read on screen or on
paper (a browser's "Print to PDF" makes the PDF).

Safe by construction: report.html.jinja is rendered with autoescaping on, so
everything printed into it is text, never markup; the finalize hook shows
control characters as their visible symbols, as on screen. It is compiled ahead
of time by Jinja2 into report_compiled.py (scripts/compile_report.py), which runs
without Jinja2 (report_runtime.py); a template changed since is compiled here. The page runs no
script and loads nothing (its Content-Security-Policy says so to the browser
too): the CSS is inline, the pictures inline SVG, the fonts the system's.
"""

from __future__ import annotations

import datetime as dt
import os

from hwjournal import messages
from hwjournal.export import data as shared
from hwjournal.export.data import ExportData
from hwjournal.journal import Entry
from hwjournal.measures import band_said
from hwjournal.numerals import number, percent

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs `hw export` milliseconds
    from typing import Any

NAME = "html"
EXTENSION = "html"
EXTENSIONS = ("html", "htm")

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


TEMPLATE = "report.html.jinja"
# How the template is compiled, here and by scripts/compile_report.py alike.
JINJA_OPTIONS = {
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
}


def render(data: ExportData) -> str:
    """The report. It runs the template as compiled ahead of time (report_compiled.py,
    which needs no Jinja2 to run) while that was compiled from the template as it is
    now; else, a template changed since, it compiles the template with Jinja2 here."""
    variables = template_variables(data)
    from hwjournal.export import report_compiled, report_runtime

    if resource(TEMPLATE) == report_compiled.SOURCE:
        variables["css"] = report_runtime.Markup(resource("report.css"))  # ours, not user text
        return report_runtime.render(report_compiled, _shown, variables)
    return render_with_jinja(variables)


def template_variables(data: ExportData) -> dict[str, Any]:
    """What the template is given: the report, the page's policy, and its own words in
    the run's language (messages.py, as `words`), with that language for <html lang>."""
    from hwjournal import i18n

    return {"report": report(data), "csp": CSP, "words": messages, "lang": i18n.language}


def render_with_jinja(variables: dict[str, Any]) -> str:
    """The report rendered by Jinja2 from the template's source (compiled this run)."""
    import markupsafe

    template = jinja_environment().from_string(resource(TEMPLATE))
    css = markupsafe.Markup(resource("report.css"))  # ours, not user text
    return template.render(**variables, css=css)


def jinja_environment() -> Any:
    """The Jinja2 environment the template is compiled in: autoescaping, StrictUndefined,
    and every value printed through _shown. Jinja2 is imported only here."""
    import jinja2

    return jinja2.Environment(**JINJA_OPTIONS, finalize=_shown, undefined=jinja2.StrictUndefined)


def resource(name: str) -> str:
    """A file of this package (the template, the CSS), read beside this module:
    importlib.resources would load zipfile and tempfile first."""
    try:
        with open(os.path.join(os.path.dirname(__file__), name), encoding="utf-8") as fh:
            return fh.read()
    except OSError:  # a package in a zip file
        from importlib.resources import files

        return files("hwjournal.export").joinpath(name).read_text(encoding="utf-8")


def _shown(value: Any) -> Any:
    """Every value the template prints: text as typed, with line breaks as \\n and
    control characters as their visible symbols (ESC as ␛)."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        if value.isprintable():  # most: no line break, control or lone surrogate in it
            return value
        from hwjournal.display import clean

        value = value.replace("\r\n", "\n").replace("\r", "\n")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates (JSON can carry them)
            value = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in value)
        return clean(value)
    return value


def css_string(text: str) -> str:
    """Text as a CSS string literal that can hold nothing but itself: every
    character but an ASCII letter or digit as a six-digit hex escape (the space
    after one ends it, and is not part of the text)."""
    out = []
    for char in text:
        if char.isascii() and char.isalnum():
            out.append(char)
        else:
            out.append(f"\\{ord(char):06x} ")
    return '"' + "".join(out) + '"'


# ---------------------------------------------------------------- the report


def report(data: ExportData) -> dict[str, Any]:
    """Everything the template prints, as plain values in the order it prints them."""
    from hwjournal.export import charts
    from hwjournal.render.words import span_text

    week = data.week
    return {
        "title": shared.report_title(week),
        "page_note": css_string(
            messages.HTML_PAGE_NOTE.format(span=span_text(week.start, week.end))
        ),
        "facts": shared.facts(data),
        "withheld": shared.withheld_text(week),
        "attention": [
            {
                "day": shared.full_day(_date(alert.entry.date)),
                "title": alert.entry.title,
                "prompt": alert.prompt,
                "answer": alert.answer,
            }
            for alert in shared.alerts(week)
        ],
        "screening_note": messages.SCREENING_NOTE,
        "scores": _scores(data),
        "pairs": list(data.week.pairs),
        "baseline": shared.baseline_text(week),
        "measures": [
            {
                "title": measure.title,
                "status": measure.status_text,
                "chart": charts.measure_chart(measure, week),
            }
            for measure in data.measures
            if measure.scores
        ],
        "homework": _homework(data),
        "skips": [
            {
                "day": shared.full_day(_date(skip.date)),
                "title": week.title_of(skip.template),
                "barrier": week.barrier_words(skip.barrier),
                "reason": (skip.reason or "").strip(),
            }
            for skip in week.skips
        ],
        "glance": _glance(data),
        "days": [
            {"heading": shared.full_day(day), "entries": [_entry(e) for e in todays]}
            for day, todays in shared.entries_by_day(week)
        ],
        "logs": [_log(entries) for entries in shared.logs(week)],
        "nothing": "" if week.entries else messages.EXPORT_NOTHING,
    }


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _scores(data: ExportData) -> list[dict[str, Any]]:
    from hwjournal.render.words import change_phrase

    return [
        {
            "date": line.entry.date,
            "measure": line.name,
            "score": line.total,
            "band": band_said(line.band),
            "change": change_phrase(line, str),
            "earlier": shared.earlier_text(line),
        }
        for line in data.week.scores
    ]


def _homework(data: ExportData) -> dict[str, Any]:
    from hwjournal.export import charts

    items = data.week.assignments
    return {
        "any_open": any(item.open for item in items),
        "rows": [
            {
                "exercise": item.title or item.template,
                "cadence": shared.cadence_text(item.schedule, list(item.days or [])),
                "due": number(item.due),
                "done": number(item.done),
                "skipped": number(item.skipped),
                "not_recorded": number(item.not_recorded),
                "open": number(item.open),
                "percent": "—" if item.percent is None else percent(item.percent),
                "bar": charts.homework_bar(item),
            }
            for item in items
        ],
    }


def _glance(data: ExportData) -> dict[str, Any]:
    from hwjournal.export import charts
    from hwjournal.render.words import day_names, mood_number

    week = data.week
    counts, moods = week.by_day, week.mood_by_day
    days = []
    for day in week.days():
        mood = moods[day.isoformat()]
        days.append(
            {
                "name": day_names()[day.weekday()],
                "date": charts.when_label(day),
                "entries": counts[day.isoformat()],
                "mood": "—" if mood is None else mood_number(mood),
            }
        )
    average = week.mood_average
    return {
        "days": days,
        "average": ""
        if average is None
        else messages.HTML_AVERAGE_MOOD.format(average=number(average)),
        "chart": charts.mood_week(week),
    }


def _answer(step: dict[str, Any], value: Any) -> dict[str, Any]:
    from hwjournal.steps import answer_text, is_scale_answer

    if isinstance(value, list):
        return {"kind": "list", "items": [str(item) for item in value]}
    if is_scale_answer(step, value):
        low, high = step.get("min", 0), step.get("max", 10)
        share = 0.0 if high == low else max(0.0, min(1.0, (value - low) / (high - low)))
        return {"kind": "scale", "text": shared.scale_text(step, value), "share": share}
    return {"kind": "text", "text": answer_text(step, value)}


def _entry(entry: Entry) -> dict[str, Any]:
    from hwjournal.render.words import scale_texts, step_label

    score = None
    if entry.score and entry.score.get("total") is not None:
        score = {"total": number(entry.score["total"]), "band": band_said(entry.score.get("band"))}
    scales = scale_texts(entry.score, entry.template)
    return {
        "title": entry.title,
        "meta": shared.meta_text(entry),
        "score": score,
        "scales": scales,
        "answers": [
            {
                "prompt": step_label(step),
                "marked": shared.marked(entry, step["id"]),
                "answer": _answer(step, entry.answers[step["id"]]),
            }
            for step in entry.steps
            if step.get("id") in entry.answers
        ],
    }


def _log(entries: list[Entry]) -> dict[str, Any]:
    """A `columns` template as a table: a row an entry, a column a step."""
    from hwjournal.render.words import log_steps, step_label

    steps = log_steps(entries)
    rows = []
    for entry in entries:
        cells = []
        for step in steps:
            value = entry.answers.get(step["id"])
            cells.append(
                {
                    "prompt": step_label(step),
                    "answer": None if value is None else _answer(step, value),
                    "marked": value is not None and shared.marked(entry, step["id"]),
                }
            )
        rows.append(
            {
                "when": shared.short_date(_date(entry.date)),
                "notes": ", ".join(shared.log_notes(entry)),
                "tags": shared.log_tags(entry),
                "cells": cells,
            }
        )
    return {
        "title": entries[0].title,
        "prompts": [step_label(step) for step in steps],
        "rows": rows,
    }
