"""Homework is shown in the run's language (issue 25): the journal keeps the template's
own title when homework is assigned, and every screen that names the homework
(`hw assign`, `hw assignments`, `hw assignments end`, `hw skip`, `hw week`, `hw due`, the
export) shows the overlay's title in a Spanish run and the kept one in English. So
homework set in Spanish reads right in English, and a journal that kept English titles
before overlays existed reads right in Spanish with nothing to migrate."""

from __future__ import annotations

import json
import sqlite3

from helpers import hw_here

ES = {"LANGUAGE": "es"}
EN_TITLE, ES_TITLE = "Values compass", "Brújula de valores"


def stored_titles(journal_path) -> list[str]:
    with sqlite3.connect(journal_path) as db:
        return [row[0] for row in db.execute("SELECT title FROM assignments ORDER BY id")]


def test_homework_set_in_spanish_keeps_the_template_s_own_title_and_says_it_in_spanish(
    journal_path,
):
    made = hw_here("assign", "values-compass", "--weekly", "--start", "2026-11-02", env=ES)
    assert made.code == 0, made.err
    assert ES_TITLE in made.err and EN_TITLE not in made.err
    assert stored_titles(journal_path) == [EN_TITLE]
    again = hw_here("assign", "values-compass", "--once", "--start", "2026-11-02", env=ES)
    # "Brújula de valores también tiene en marcha la tarea asignada 1..."
    assert again.err.count(ES_TITLE) == 2 and EN_TITLE not in again.err

    spanish = hw_here("assignments", env=ES)
    english = hw_here("assignments")
    assert spanish.out.count(ES_TITLE) == 2 and EN_TITLE not in spanish.out
    assert english.out.count(EN_TITLE) == 2 and ES_TITLE not in english.out


def test_the_week_the_skip_and_the_export_name_homework_in_the_run_s_language():
    assert hw_here("assign", "values-compass", "--daily", "--start", "2026-11-02").code == 0
    skipped = hw_here(
        "skip", "1", "--date", "2026-11-03", "--barrier", "time", "--reason", "x", env=ES
    )
    assert skipped.code == 0, skipped.err
    assert ES_TITLE in skipped.err and EN_TITLE not in skipped.err
    week = hw_here("week", "2026-W45", env=ES)
    # the homework table and "what got in the way"
    assert week.out.count(ES_TITLE) == 2 and EN_TITLE not in week.out
    assert EN_TITLE in hw_here("week", "2026-W45").out
    report = hw_here("export", "--week", "2026-W45", env=ES)
    assert report.out.count(ES_TITLE) == 2 and EN_TITLE not in report.out
    data = json.loads(hw_here("export", "--week", "2026-W45", "--format", "json", env=ES).out)
    assert [a["title"] for a in data["assignments"]] == [EN_TITLE]  # data: what is kept
    due = json.loads(hw_here("due", "--date", "2026-11-04", "--json", env=ES).out)
    assert [d["title"] for d in due] == [ES_TITLE]


def test_ending_homework_names_it_in_the_run_s_language():
    assert hw_here("assign", "gratitude", "--daily", "--start", "2026-11-02").code == 0
    ended = hw_here("assignments", "end", "1", env=ES)
    assert ended.code == 0, ended.err
    assert "Gratitud" in ended.err and "Gratitude" not in ended.err


def test_a_template_of_one_s_own_without_an_overlay_keeps_its_title(hw_home):
    folder = hw_home / "templates"
    folder.mkdir(parents=True)
    made = hw_here("templates", "new", "paseo", "--from", "gratitude", env=ES)
    assert made.code == 0, made.err
    text = (folder / "paseo.toml").read_text()
    (folder / "paseo.toml").write_text(text.replace('title = "Gratitud"', 'title = "Mi paseo"'))
    assert hw_here("assign", "paseo", "--daily", "--start", "2026-11-02").code == 0
    for env in (ES, {}):
        assert "Mi paseo" in hw_here("assignments", env=env).out


def test_trends_and_the_report_name_a_measure_in_the_run_s_language(tmp_path):
    from helpers import item_flags, phq9_items

    made = hw_here(
        "start", "phq-9", "--date", "2026-11-03", "--no-input", *item_flags(phq9_items())
    )
    assert made.code == 0, made.err  # an English entry: its own title is English
    args = ("--since", "2026-11-01", "--until", "2026-11-30")
    spanish = hw_here("trends", *args, env=ES)
    assert "Cuestionario PHQ-9 sobre el ánimo" in spanish.out
    assert "PHQ-9 mood questionnaire" not in spanish.out
    assert "PHQ-9 mood questionnaire" in hw_here("trends", *args).out
    report = tmp_path / "r.html"
    assert hw_here("export", *args, "--format", "html", "-o", str(report), env=ES).code == 0
    # the measure's chart; the entry itself keeps the title it was made with
    chart = 'class="measure-title" dir="auto">Cuestionario PHQ-9 sobre el ánimo</span>'
    assert chart in report.read_text()
