"""Every place that shows a score shows each scale of a multi-scale measure (hw show,
the week, the Markdown and HTML exports), and the report's band tints run the other
way for a measure whose scores rise as things improve (the WHO-5)."""

from __future__ import annotations

import re

import pytest

from helpers import run_hw
from hwjournal.export.charts import BAND_TINTS

ENV = {"TZ": "UTC", "NO_COLOR": "1", "COLUMNS": "100"}
CLUSTERS = [
    "Cluster B, intrusions: 10",
    "Cluster C, avoidance: 6",
    "Cluster D, thoughts and mood: 7",
    "Cluster E, arousal and reactivity: 12",
]


def hw(*args: str):
    result = run_hw(*args, env=ENV)
    assert result.code == 0, result.err
    return result


@pytest.fixture
def scored(hw_home):
    values = [2] * 5 + [3] * 2 + [1] * 7 + [2] * 6
    answers = [x for i, v in enumerate(values, 1) for x in ("-a", f"q{i}={v}")]
    hw("start", "pcl-5", "--date", "2026-11-03", "--no-input", *answers)
    for day, value in (("2026-10-06", 1), ("2026-11-04", 4)):
        answers = [x for i in range(1, 6) for x in ("-a", f"q{i}={value}")]
        hw("start", "who-5", "--date", day, "--no-input", *answers)
    return hw_home


def test_show_and_week_list_each_scale(scored):
    shown = hw("show", "1").out
    assert "Screening score 35 (at or above the cut-off)" in shown
    week = hw("week", "2026-11-03").out
    for text in CLUSTERS:
        assert text in shown
        assert text in week


def test_markdown_and_html_list_each_scale(scored):
    markdown = hw("export", "--week", "2026-11-03").out
    html = hw("export", "--week", "2026-11-03", "--format", "html").out
    for text in CLUSTERS:
        assert f"- {text}" in markdown
        assert f'<li dir="auto">{text}</li>' in html


def test_the_reports_tints_run_the_other_way_for_higher_is_better(scored):
    html = hw("export", "--week", "2026-11-03", "--format", "html").out
    charts = re.findall(r"<svg.*?</svg>", html, re.S)
    who = next(c for c in charts if "higher wellbeing" in c)
    pcl = next(c for c in charts if "at or above the cut-off" in c)
    # bands are drawn lowest first: the WHO-5's lowest (worst) is the darkest of three
    assert re.findall(r'fill="(#[0-9a-f]{6})"', who)[:3] == [
        BAND_TINTS[2],
        BAND_TINTS[1],
        BAND_TINTS[0],
    ]
    assert re.findall(r'fill="(#[0-9a-f]{6})"', pcl)[:2] == [BAND_TINTS[0], BAND_TINTS[1]]
    assert ">0–28<" in who and ">51–100<" in who  # its range from the engine, × 4


def test_templates_show_lists_scales_bands_thresholds_and_sources(hw_home):
    shown = " ".join(hw("--no-pager", "templates", "show", "pcl-5").out.split())
    assert "Total (questions 1–20); bands: below the cut-off up to 32" in shown
    assert "caseness: 33" in shown
    assert "Source (caseness): National Center for PTSD" in shown
    assert "Cluster E, arousal and reactivity (questions 15–20); no bands." in shown
    gad = " ".join(hw("--no-pager", "templates", "show", "gad-7").out.split())
    assert "reliable change: 4 points; caseness: 8." in gad
    assert "Judged together with phq-9 for recovery" in gad


def test_templates_show_json_is_the_whole_scoring_table(hw_home):
    import tomllib

    from helpers import REPO

    for template_id in ("pcl-5", "who-5", "gad-7", "audit"):
        with open(REPO / "templates" / f"{template_id}.toml", "rb") as fh:
            written = tomllib.load(fh)["scoring"]
        shown = hw("templates", "show", template_id, "--json").json()["scoring"]
        assert shown == written
