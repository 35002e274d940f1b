"""The HTML report, compiled ahead of time (export/report_compiled.py) and run without
Jinja2 (export/report_runtime.py), writes exactly what Jinja2 writes from the
template itself: hostile text and all, character for character. A template changed
since it was compiled is never run stale."""

from __future__ import annotations

import datetime as dt
import functools
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import markupsafe
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import test_export
from helpers import REPO
from html_reading import hostile_texts, make_home
from hwjournal.context import Context
from hwjournal.dates import parse_week
from hwjournal.export import data as export_data
from hwjournal.export import html, report_compiled, report_runtime

filled = test_export.filled
week_home = test_export.week_home


@functools.cache
def jinja_template() -> Any:
    """The template compiled by Jinja2 from its source, once a test run."""
    return html.jinja_environment().from_string(html.resource(html.TEMPLATE))


def by_jinja(data: export_data.ExportData) -> str:
    """The report as Jinja2 renders it from the template's source (html.render_with_jinja,
    with the template compiled once)."""
    css = markupsafe.Markup(html.resource("report.css"))
    return jinja_template().render(**html.template_variables(data), css=css)


def week_data(home: Path, monkeypatch: pytest.MonkeyPatch, private: bool) -> export_data.ExportData:
    """What `hw export --week 2026-W47` draws from, read from the journal in `home`."""
    monkeypatch.setenv("HW_HOME", str(home))
    ctx = Context()
    span = parse_week("2026-W47", ctx.config.week_start)
    try:
        return export_data.build(
            ctx.open_journal(), span.start, span.end, week_start=ctx.config.week_start,
            today=dt.date(2026, 11, 30), label=span.label, include_private=private,
            template_dirs=ctx.config.template_dirs, name=ctx.config.name,
        )  # fmt: skip
    finally:
        ctx.close()


def test_the_compiled_report_is_the_template_as_shipped():
    assert html.resource(html.TEMPLATE) == report_compiled.SOURCE
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "compile_report.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("private", [False, True])
def test_a_full_week_is_written_as_jinja2_writes_it(week_home, monkeypatch, private):
    data = week_data(week_home, monkeypatch, private)
    assert data.measures and data.week.entries  # charts, scores, answers: the whole template
    written = html.render(data)
    assert written == by_jinja(data)
    assert ("Secret Person" in written) is private


def test_a_hostile_week_is_written_as_jinja2_writes_it(tmp_path, monkeypatch):
    home = make_home(tmp_path / "home", hostile_texts("http://127.0.0.1:9"))
    data = week_data(home, monkeypatch, private=False)
    assert data.week.entries and data.week.skips
    assert html.render(data) == by_jinja(data)


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from(list("<>&\"'/=!-[]{}%`\r\n\t;:ab ")),
                                  st.characters()), min_size=1, max_size=40)
       .filter(str.strip))  # fmt: skip
def test_any_text_is_written_as_jinja2_writes_it(text):
    from hwjournal.export.data import ExportData
    from hwjournal.journal import Entry
    from hwjournal.week import WeekData

    day = dt.date(2026, 11, 16)
    entry = Entry(
        1, "u", "t", text, day.isoformat(), "2026-11-16T10:00:00+00:00", mood=3, tags=[text],
        answers={"a": text, "b": [text, text], "c": 7},
        steps=[{"id": "a", "type": "long", "prompt": text},
               {"id": "b", "type": "list", "prompt": text},
               {"id": "c", "type": "scale", "prompt": text, "min": 0, "max": 10}],
    )  # fmt: skip
    week = WeekData(day, day + dt.timedelta(days=6), day, label="2026-W47", entries=[entry])
    data = ExportData(week, "2026-11-30T10:00:00+00:00", "0", name=text)
    assert html.render(data) == by_jinja(data)


@given(
    st.one_of(
        st.text(),
        st.integers(),
        st.floats(allow_nan=False),
        st.none(),
        st.booleans(),
        st.text().map(markupsafe.Markup),
    )
)
def test_escape_is_markupsafes(value):
    mine = report_runtime.escape(value)
    theirs = markupsafe.escape(value)
    assert str(mine) == str(theirs)
    assert hasattr(mine, "__html__")


def test_a_template_changed_since_it_was_compiled_is_compiled_anew(week_home, monkeypatch):
    data = week_data(week_home, monkeypatch, private=False)
    compiled = html.render(data)

    def stale(*args: object) -> str:
        raise AssertionError("the stale compiled template was run")

    monkeypatch.setattr(report_compiled, "SOURCE", "{{ report.title }} as it once was")
    monkeypatch.setattr(report_runtime, "render", stale)
    assert html.render(data) == compiled


def test_a_feature_the_runtime_lacks_fails_loudly_never_quietly():
    environment = html.jinja_environment()
    lacking = [
        "{{ report.title|upper }}",  # a filter not in the runtime
        "{% for x in report['items'] %}{{ loop.cycle(1, 2) }}{% endfor %}",  # loop.cycle
        "{{ range(3)|list }}",  # a global
    ]
    for source in lacking:
        code = environment.compile(source, raw=True, defer_init=True)
        code = code.replace(
            "from jinja2.runtime import", "from hwjournal.export.report_runtime import"
        )
        module = types.ModuleType("probe")
        exec(compile(code, "probe", "exec"), module.__dict__)
        with pytest.raises((report_runtime.TemplateRuntimeError, AttributeError)):
            report_runtime.render(module, html._shown, {"report": {"title": "t", "items": [1]}})
