"""`hw templates new NEW --from ID` in the run's language (issue 25): a copy made in
Spanish holds the Spanish texts (the overlay merged into the template: the same ids,
types and number of options, the points and ranges of the template), validates and
runs; in English it is the template as written. A published instrument keeps its items
and notice as its publisher has them: the PHQ-9 its US-Spanish version, the GAD-7
(whose overlay is `original = true`) its English items."""

from __future__ import annotations

import json

import pytest

from helpers import REPO, answer_flags, hw_here

ES = {"LANGUAGE": "es"}
BUILTIN_IDS = sorted(p.stem for p in (REPO / "templates").glob("*.toml"))


def structure(template) -> list[tuple]:
    return [
        (s.id, s.type, len(s.options), s.min, s.max, sorted(s.labels), s.required)
        for s in template.steps
    ]


@pytest.mark.parametrize("template_id", BUILTIN_IDS)
def test_a_copy_made_in_spanish_holds_the_spanish_texts_and_validates(hw_home, template_id):
    from hwjournal import templates

    made = hw_here("templates", "new", "copia", "--from", template_id, env=ES)
    assert made.code == 0, made.err
    path = hw_home / "templates" / "copia.toml"
    copy = templates.load_file(str(path))  # what `hw templates validate` checks
    english = templates.find(template_id)
    spanish = templates.find(template_id, language="es")
    assert structure(copy) == structure(english)
    assert copy.raw.get("scoring") == english.raw.get("scoring")
    assert (copy.title, copy.summary, copy.why, copy.notice) == (
        spanish.title,
        spanish.summary,
        spanish.why,
        spanish.notice,
    )
    for mine, theirs in zip(copy.steps, spanish.steps, strict=True):
        assert (mine.prompt, mine.help, mine.options, mine.labels) == (
            theirs.prompt,
            theirs.help,
            theirs.options,
            theirs.labels,
        )
    assert hw_here("templates", "validate", str(path), env=ES).code == 0


def test_a_copy_made_in_english_is_the_template_as_written(hw_home):
    assert hw_here("templates", "new", "copia", "--from", "values-compass").code == 0
    text = (hw_home / "templates" / "copia.toml").read_text()
    assert 'title = "Values compass"' in text and "Brújula" not in text


def test_a_spanish_copy_runs_and_its_entry_reads_in_spanish(hw_home):
    from hwjournal import templates

    assert hw_here("templates", "new", "copia", "--from", "values-compass", env=ES).code == 0
    copy = templates.load_file(str(hw_home / "templates" / "copia.toml"))
    ran = hw_here(
        "start", "copia", "--date", "2026-11-03", "--no-input", "--json", *answer_flags(copy)
    )
    assert ran.code == 0, ran.err
    entry = json.loads(ran.out)
    assert entry["title"] == "Brújula de valores"
    assert entry["answers"]["start_with"] == copy.step("start_with").options[-1]


def test_instruments_keep_their_published_texts_in_a_spanish_copy(hw_home):
    from hwjournal import templates

    folder = hw_home / "templates"
    assert hw_here("templates", "new", "phq", "--from", "phq-9", env=ES).code == 0
    assert hw_here("templates", "new", "gad", "--from", "gad-7", env=ES).code == 0
    phq = templates.load_file(str(folder / "phq.toml"))
    gad = templates.load_file(str(folder / "gad.toml"))
    # the publisher's Spanish for the USA, word for word, with its notice
    assert phq.step("q1").prompt == "Poco interés o placer en hacer cosas"
    assert phq.notice.startswith("Elaborado por los doctores Robert L. Spitzer")
    assert phq.step("q9").alert_at == 1
    # no Spanish GAD-7 of the publisher's could be used: items and notice as published
    assert gad.step("q1").prompt == "Feeling nervous, anxious, or on edge"
    assert gad.notice.startswith("Developed by Drs. Robert L. Spitzer")
    assert gad.title == templates.find("gad-7", language="es").title
