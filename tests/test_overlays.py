"""Templates in Spanish (overlays.py): every built-in template has a complete Spanish
overlay; a run in Spanish asks the Spanish prompts and its entry keeps them; scoring,
alerts and drafts compare structure, never text; a bad overlay is refused with its
file and line."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

import pytest

from helpers import REPO, finish, hw_here, item_flags, phq9_items, spawn_hw

ES = {"LANG": "es_ES.UTF-8"}  # the locale alone chooses Spanish
BUILTIN = REPO / "templates"
OVERLAYS = BUILTIN / "es"


def builtin_ids() -> set[str]:
    return {p.stem for p in BUILTIN.glob("*.toml")}


def test_every_builtin_template_has_a_spanish_overlay_and_no_more():
    assert {p.stem for p in OVERLAYS.glob("*.toml")} == builtin_ids()


def test_every_shipped_overlay_validates():
    files = sorted(str(p) for p in OVERLAYS.glob("*.toml"))
    result = hw_here("templates", "validate", "--json", *files)
    assert result.code == 0, result.out + result.err
    checked = json.loads(result.out)
    assert [r["ok"] for r in checked] == [True] * len(files)
    assert {r["id"] for r in checked} == builtin_ids()
    assert {r["language"] for r in checked} == {"es"}


def test_every_overlay_keeps_its_template_s_structure():
    """Loaded in Spanish, each template has the same steps, types, options counts
    and scoring as in English, and every text that is hw's own is Spanish."""
    from hwjournal import templates
    from hwjournal.session import shape

    for template_id in sorted(builtin_ids()):
        english = templates.find(template_id)
        spanish = templates.find(template_id, language="es")
        assert spanish.language == "es", template_id
        assert shape(spanish.steps) == shape(english.steps), template_id
        assert spanish.raw.get("scoring") == english.raw.get("scoring"), template_id
        assert spanish.title != english.title, template_id
        assert spanish.why != english.why, template_id
        if not spanish.original:
            changed = [
                s.id
                for s, e in zip(spanish.steps, english.steps, strict=True)
                if s.prompt == e.prompt
            ]
            assert changed == [], (template_id, changed)


def test_offer_share_follows_its_option_into_spanish():
    from hwjournal import templates

    step = templates.find("letter-never-sent", language="es").step("keep")
    assert step.offer_share == ["Leerla con mi terapeuta"]
    assert step.offer_share[0] in step.options


def test_english_runs_never_read_an_overlay():
    from hwjournal import templates

    assert templates.find("values-compass", language="en").title == "Values compass"
    assert templates.find("values-compass").language == ""


# ---------------------------------------------------------------- a Spanish run


def test_a_spanish_run_at_a_terminal_asks_in_spanish_and_the_entry_keeps_it():
    child = spawn_hw("start", "values-compass", "--date", "2026-11-03", env=ES)
    child.expect("Brújula de valores")
    child.expect("Imagina una brújula")  # shown, not asked
    child.expect("Conexión: ¿cómo quieres ser con las personas de tu vida\\?")
    child.expect("›")
    child.sendline("presente")
    child.expect("›")
    child.sendline("")
    child.expect("Una acción pequeña para la conexión esta semana")
    child.expect("›")
    child.sendline("llamar a mi hermana")
    for _ in range(6):  # growth, joy and contribution: values (left empty) and action
        child.expect("›")
        child.sendline("")
    child.expect("¿Con qué dirección te gustaría empezar\\?")
    child.expect("Crecimiento")
    child.expect("›")
    child.sendline("2")
    for _ in range(3):  # what may show up, making room, the reflection: free writing
        child.expect("Ctrl-D en una línea vacía")
        child.sendeof()
    child.expect("›")  # the day's mood, asked at the end
    child.sendline("4")
    assert finish(child) == 0

    shown = hw_here("show", "1", "--json")
    entry = json.loads(shown.out)
    assert entry["title"] == "Brújula de valores"
    assert entry["date"] == "2026-11-03"
    assert entry["answers"]["connection_values"] == ["presente"]
    assert entry["answers"]["start_with"] == "Crecimiento"
    exported = hw_here("export", "--format", "json", "--week", "2026-11-03")
    steps = {s["id"]: s for s in json.loads(exported.out)["entries"][0]["steps"]}
    assert steps["connection_values"]["prompt"].startswith("Conexión: ¿cómo quieres ser")
    assert steps["start_with"]["options"] == ["Conexión", "Crecimiento", "Alegría", "Contribución"]


def test_an_entry_reads_back_in_the_language_it_was_written_in():
    english = hw_here("start", "gratitude", "--date", "2026-11-03", "--answer", "things=tea")
    spanish = hw_here("start", "gratitude", "--date", "2026-11-04", "--answer", "things=té", env=ES)
    assert english.code == spanish.code == 0
    english_in_spanish = hw_here("show", "1", env={**ES, "HW_PLAIN": "1"})
    assert "What are one to three things you're grateful for today?" in english_in_spanish.out
    assert "agradeces" not in english_in_spanish.out
    spanish_in_english = hw_here("show", "2", env={"HW_PLAIN": "1"})
    assert "¿Qué cosas agradeces hoy? De una a tres" in spanish_in_english.out
    assert "grateful" not in spanish_in_english.out


# ---------------------------------------------------------------- scoring and alerts


@pytest.mark.parametrize("q9", [0, 1, 3])
def test_a_spanish_phq9_scores_and_alerts_exactly_as_the_english_one(q9):
    items = phq9_items(q9, q1=2, q2=3, q5=1)
    flags = ["start", "phq-9", "--date", "2026-11-03", "--no-input", "--json", *item_flags(items)]
    english = hw_here(*flags, "--answer", "difficulty=Very difficult")
    spanish = hw_here(*flags, "--answer", "difficulty=Muy difícil", env=ES)
    assert english.code == spanish.code == 0
    en, es = json.loads(english.out), json.loads(spanish.out)
    assert es["score"] == en["score"] and en["score"]["total"] == 6 + q9
    assert es.get("alerts") == en.get("alerts") == (["q9"] if q9 else None)
    assert es["answers"] == {**en["answers"], "difficulty": "Muy difícil"}
    assert es["title"] == "Cuestionario PHQ-9 sobre el ánimo"
    if q9:  # the alert is told on stderr in both, its own words in each language
        assert "better off dead" in english.err
        assert "sería mejor morir" in spanish.err


def test_a_spanish_phq9_at_a_terminal_shows_the_publisher_s_spanish_and_alerts():
    child = spawn_hw("start", "phq-9", "--date", "2026-11-03", env=ES)
    child.expect("Intro para\\s+saltarlo")  # first offered a crisis contact to keep: none
    child.sendline("")
    child.expect("¿qué tan seguido ha tenido molestias")
    child.expect("Poco interés o placer en hacer cosas")
    child.expect("Ningún día")
    for _ in range(8):
        child.expect("›")
        child.sendline("0")
    child.expect("Pensamientos de que estaría mejor muerto\\(a\\) o de lastimarse")
    child.expect("›")
    child.sendline("Varios días")  # an answer by its Spanish label
    child.expect("sería mejor morir")
    child.expect("qué tanta dificultad le han dado estos problemas")
    child.expect("›")
    child.sendline("1")
    child.expect("Ctrl-D en una línea vacía")
    child.sendeof()
    child.expect("›")
    child.sendline("3")
    assert finish(child) == 0
    entry = json.loads(hw_here("show", "1", "--json").out)
    assert entry["answers"]["q9"] == 1 and entry["alerts"] == ["q9"]
    assert entry["score"] == {"total": 1, "band": "minimal"}
    assert entry["answers"]["difficulty"] == "No ha sido difícil"


def test_a_choice_scored_by_its_points_scores_the_same_from_a_spanish_snapshot(tmp_path):
    """A scored choice keeps its answer as the option's text: a Spanish entry's text
    is found in its own (Spanish) steps, and scores its points from the live scoring."""
    from hwjournal import templates
    from hwjournal.session import fill, new_entry

    english = templates.find("audit")
    folder = tmp_path / "mine"
    (folder / "es").mkdir(parents=True)
    text = (BUILTIN / "audit.toml").read_text()
    (folder / "audit.toml").write_text(text)
    data = tomllib.loads(text)
    lines = ['id = "audit"', 'title = "AUDIT"']
    for step in data["steps"]:
        if step["type"] == "choice":
            options = ", ".join(f'"op {i} {step["id"]}"' for i in range(len(step["options"])))
            lines += ["[[steps]]", f'id = "{step["id"]}"', 'type = "choice"']
            lines += [f"options = [{options}]"]
    (folder / "es" / "audit.toml").write_text("\n".join(lines) + "\n")
    spanish = templates.find("audit", [str(folder)], language="es")
    picks = {s.id: len(s.options) - 1 for s in english.answerable_steps if s.type == "choice"}
    entry = new_entry(spanish, "2026-11-03", [], False)
    fill(entry, {k: spanish.step(k).options[i] for k, i in picks.items()}, english)
    same = new_entry(english, "2026-11-03", [], False)
    fill(same, {k: english.step(k).options[i] for k, i in picks.items()}, english)
    assert entry.score == same.score and same.score["total"] == 40


def test_a_spanish_draft_resumes_in_spanish_in_an_english_run():
    child = spawn_hw("start", "phq-9", "--date", "2026-11-03", env=ES)
    child.expect("Intro para\\s+saltarlo")
    child.sendline("")
    child.expect("¿qué tan seguido")
    child.expect("Poco interés")
    child.expect("›")
    child.sendline("2")
    child.expect("Se ha sentido decaído")
    child.expect("›")
    child.sendintr()
    assert finish(child) == 130
    more = item_flags(phq9_items(0))[2:]  # q2 to q9, 0 each
    resumed = hw_here("resume", "--no-input", "--json", *more, "--answer", "q9=2")
    assert resumed.code == 0, resumed.err
    entry = json.loads(resumed.out)
    assert entry["title"] == "Cuestionario PHQ-9 sobre el ánimo"
    assert entry["score"]["total"] == 4 and entry["alerts"] == ["q9"]


# ---------------------------------------------------------------- refused overlays


def overlay_with(tmp_path: Path, text: str, template: str = "gratitude") -> Path:
    folder = tmp_path / "mine" / "es"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{template}.toml"
    path.write_text(text)
    return path


GOOD = (OVERLAYS / "gratitude.toml").read_text()


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ('type = "text"\nprompt = "Elige una.', 'type = "long"\nprompt = "Elige una.', "'text'"),
        ('id = "closer"', 'id = "cerca"', "no step 'cerca'"),
        ('help = "Con una basta.', 'hint = "Con una basta.', "no key 'hint'"),
        ('prompt = "Elige una.', 'heading = "Bien"\nprompt = "Elige una.', "no 'heading'"),
    ],
)
def test_a_bad_overlay_is_refused_with_its_file_and_line(tmp_path, old, new, said):
    assert old in GOOD
    text = GOOD.replace(old, new)
    path = overlay_with(tmp_path, text)
    result = hw_here("templates", "validate", str(path))
    assert result.code == 1, result.err
    assert str(path) in result.err and said in result.err
    changed = next(
        i
        for i, (a, b) in enumerate(zip(text.splitlines(), GOOD.splitlines(), strict=False))
        if a != b
    )
    assert f"line {changed + 1}," in result.err


def test_an_overlay_missing_a_text_is_refused_naming_it(tmp_path):
    text = "\n".join(x for x in GOOD.splitlines() if not x.startswith("summary ="))
    result = hw_here("templates", "validate", "--json", str(overlay_with(tmp_path, text)))
    assert result.code == 1
    [problem] = json.loads(result.out)
    assert problem["key"] == "summary" and "'summary'" in problem["error"]


def test_an_overlay_missing_a_step_or_an_option_is_refused(tmp_path):
    without_step = GOOD[: GOOD.index('[[steps]]\nid = "reflection"')]
    result = hw_here("templates", "validate", str(overlay_with(tmp_path, without_step)))
    assert result.code == 1 and "'reflection' is not translated" in result.err
    fewer = (OVERLAYS / "mood-checkin.toml").read_text().replace('"dormí bien", ', "")
    path = overlay_with(tmp_path, fewer, "mood-checkin")
    result = hw_here("templates", "validate", "--json", str(path))
    assert result.code == 1
    [problem] = json.loads(result.out)
    assert problem["key"] == "steps[1].options" and "12 options" in problem["error"]
    assert problem["line"] == (
        fewer.splitlines().index(next(x for x in fewer.splitlines() if x.startswith("options"))) + 1
    )


def test_loading_falls_back_to_english_for_a_missing_text_and_skips_a_misfit(tmp_path):
    from hwjournal import templates

    folder = tmp_path / "mine"
    (folder / "es").mkdir(parents=True)
    (folder / "gratitude.toml").write_text((BUILTIN / "gratitude.toml").read_text())
    partial = 'id = "gratitude"\ntitle = "Gratitud"\n[[steps]]\nid = "closer"\ntype = "text"\n'
    (folder / "es" / "gratitude.toml").write_text(partial + 'prompt = "Elige una."\n')
    loaded = templates.find("gratitude", [str(folder)], language="es")
    assert loaded.title == "Gratitud" and loaded.step("closer").prompt == "Elige una."
    assert loaded.step("someone").prompt.startswith("Is there someone")
    told: list[str] = []
    (folder / "es" / "gratitude.toml").write_text(partial.replace('"text"', '"long"'))
    loaded = templates.find("gratitude", [str(folder)], told.append, language="es")
    assert loaded.title == "Gratitude" and loaded.language == ""
    assert len(told) == 1 and "of type 'text'" in told[0]


def test_a_user_template_uses_its_own_overlay_not_the_builtin_one(tmp_path):
    from hwjournal import templates

    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "gratitude.toml").write_text((BUILTIN / "gratitude.toml").read_text())
    assert templates.find("gratitude", [str(folder)], language="es").title == "Gratitude"
    assert templates.find("gratitude", language="es").title == "Gratitud"


def test_an_instrument_kept_in_english_says_so_once_in_a_spanish_run():
    flags = item_flags([0] * 7)
    result = hw_here("start", "gad-7", "--date", "2026-11-03", "--no-input", *flags, env=ES)
    assert result.code == 0, result.err
    from hwjournal import messages

    # said in the run's language: "Este cuestionario se muestra en inglés, ..."
    assert result.err.count("Este cuestionario se muestra en inglés") == 1
    english = hw_here("start", "gad-7", "--date", "2026-11-03", "--no-input", *flags)
    assert messages.INSTRUMENT_ORIGINAL not in english.err
    assert "Este cuestionario" not in english.err


def test_due_titles_the_homework_in_the_run_s_language():
    assert hw_here("assign", "gratitude", "--daily", "--start", "2026-11-02").code == 0
    english = hw_here("due", "--date", "2026-11-03", "--json")
    spanish = hw_here("due", "--date", "2026-11-03", "--json", env=ES)
    assert [d["title"] for d in json.loads(english.out)] == ["Gratitude"]
    assert [d["title"] for d in json.loads(spanish.out)] == ["Gratitud"]


def test_overlays_ship_inside_the_package_folder_the_templates_come_from():
    from hwjournal import paths

    assert os.path.isfile(os.path.join(paths.builtin_templates_dir(), "es", "phq-9.toml"))


def test_the_quick_title_reading_agrees_with_the_toml_for_every_overlay(tmp_path):
    from hwjournal import overlays

    for path in OVERLAYS.glob("*.toml"):
        title = tomllib.loads(path.read_text())["title"]
        assert overlays.title(path.stem, "es") == title, path.name
    folder = tmp_path / "mine"
    (folder / "es").mkdir(parents=True)
    (folder / "gratitude.toml").write_text((BUILTIN / "gratitude.toml").read_text())
    (folder / "es" / "gratitude.toml").write_text('id = "gratitude"\ntitle = "Mi \\"gratitud\\""\n')
    assert overlays.title("gratitude", "es", [str(folder)]) == 'Mi "gratitud"'
    assert overlays.title("gratitude", "en", [str(folder)]) is None


def test_completion_describes_templates_in_the_person_s_language(monkeypatch):
    from hwjournal import completion

    assert completion.template_ids("grat") == [("gratitude", "Gratitude")]
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    assert completion.template_ids("grat") == [("gratitude", "Gratitud")]
