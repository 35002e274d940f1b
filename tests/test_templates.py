"""Templates: the loader checks every key and type and says where a file broke;
user templates layer over the built-ins."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from hwjournal import paths, templates
from hwjournal.errors import TemplateError

GOOD = """
id = "tiny"
title = "Tiny"
why = "For tests."

[[steps]]
id = "first"
type = "text"
prompt = "Say something"
required = true

[[steps]]
id = "reflection"
type = "long"
prompt = "What stood out?"
reflection = true
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text)
    return path


def test_built_in_templates_ship_with_the_package_and_all_validate():
    folder = paths.builtin_templates_dir()
    files = sorted(f for f in os.listdir(folder) if f.endswith(".toml"))
    assert len(files) >= 25
    for name in files:
        template = templates.load_file(os.path.join(folder, name))
        assert template.id == name[:-5], "a built-in's file is named after its id"
        assert template.why and template.modality and template.minutes and template.goals
        assert templates.warnings_for(template) == [], name
        assert template.answerable_steps[-1].reflection


def test_reframe_log_has_the_columns_distortions_and_two_intensity_ratings():
    t = templates.find("reframe-log")
    assert t.layout == "columns"
    distortions = t.step("distortions")
    assert distortions.type == "multi"
    for name in (
        "All-or-nothing thinking",
        "Catastrophizing",
        "Mind reading",
        "Should statements",
        "Labeling",
        "Personalization",
    ):
        assert any(o.startswith(f"{name} — ") for o in distortions.options), name
    assert t.step("intensity_before").type == t.step("intensity_after").type == "scale"


BROKEN = [
    (
        'id = "x"\ntitle = "X"\n[[steps]]\nid = "a"\ntype = "text"\nprompt = "p"\ncolour = 1\n',
        "colour",
        7,
    ),
    ('id = "x"\ntitle = "X"\n[[steps]]\nid = "a"\ntype = "essay"\nprompt = "p"\n', "type", 5),
    (
        'id = "x"\ntitle = "X"\n[[steps]]\nid = "a"\ntype = "scale"\nprompt = "p"\nmin = 0\n',
        "max",
        None,
    ),
    (
        'id = "x"\ntitle = "X"\n[[steps]]\nid = "a"\ntype = "choice"\nprompt = "p"\n',
        "options",
        None,
    ),
    ('id = "x"\ntitle = 5\n[[steps]]\nid = "a"\ntype = "text"\nprompt = "p"\n', "title", 2),
    ('id = "Bad Id"\ntitle = "X"\n[[steps]]\nid = "a"\ntype = "text"\nprompt = "p"\n', "id", 1),
    (
        'id = "x"\ntitle = "X"\ngoals = ["world-peace"]\n[[steps]]\nid = "a"\ntype = "text"\n'
        'prompt = "p"\n',
        "goals",
        3,
    ),
    (
        'id = "x"\ntitle = "X"\n[[steps]]\nid = "a"\ntype = "text"\nprompt = "p"\n'
        '[[steps]]\nid = "a"\ntype = "text"\nprompt = "q"\n',
        "id",
        8,
    ),
    (
        'id = "x"\ntitle = "X"\n[[steps]]\nid = "a"\ntype = "text"\nprompt = "p"\nalert_at = 3\n',
        "alert_at",
        7,
    ),
    ('id = "x"\ntitle = "X\n', None, 2),  # malformed TOML
]


@pytest.mark.parametrize(("text", "key", "line"), BROKEN)
def test_a_broken_template_is_refused_with_file_key_and_line(tmp_path, text, key, line):
    path = write(tmp_path, "x.toml", text)
    with pytest.raises(TemplateError) as caught:
        templates.load_file(str(path))
    error = caught.value
    assert str(path) in error.message
    if key:
        assert error.key and error.key.endswith(key)
    if line:
        assert error.line == line
        assert f"line {line}" in error.message


def test_validate_command_exit_codes(hw, tmp_path):
    good = write(tmp_path, "tiny.toml", GOOD)
    bad = write(tmp_path, "bad.toml", 'id = "x"\ntitle = "X\n')
    ok = hw("templates", "validate", str(good))
    assert ok.code == 0
    assert "valid" in ok.err
    failed = hw("templates", "validate", str(good), str(bad))
    assert failed.code == 1
    assert str(bad) in failed.err and "line 2" in failed.err
    assert hw("templates", "validate", str(tmp_path / "nope.toml")).code == 2


def test_a_user_template_overrides_the_built_in_and_a_broken_one_is_skipped(hw, hw_home):
    folder = hw_home / "templates"
    write(
        folder,
        "gratitude.toml",
        GOOD.replace('"tiny"', '"gratitude"').replace('"Tiny"', '"My gratitude"'),
    )
    write(folder, "broken.toml", 'id = "broken"\ntitle = \n')
    listed = hw("templates", "list", "--json")
    assert listed.code == 0
    by_id = {t["id"]: t for t in listed.json()}
    assert by_id["gratitude"]["title"] == "My gratitude"
    assert by_id["gratitude"]["overrides_builtin"] is True
    assert "broken" not in by_id
    assert "values-compass" in by_id
    assert "broken.toml" in listed.err
    made = hw("start", "gratitude", "--answer", "first=hello", "--json")
    assert made.json()["title"] == "My gratitude"


def test_entries_keep_their_prompts_after_the_template_changes(hw, hw_home):
    folder = hw_home / "templates"
    path = write(folder, "tiny.toml", GOOD)
    made = hw("start", "tiny", "--answer", "first=hello", "--json").json()
    path.write_text(GOOD.replace("Say something", "A new prompt"))
    shown = hw("show", str(made["id"]))
    assert "Say something" in shown.out
    path.unlink()
    assert "Say something" in hw("show", str(made["id"])).out


def test_templates_list_filters_and_show(hw):
    cbt = hw("templates", "list", "--modality", "cbt", "--json").json()
    assert cbt and all(t["modality"] == "CBT" for t in cbt)
    goal = hw("templates", "list", "--goal", "self-efficacy", "--json").json()
    assert goal and all("self-efficacy" in t["goals"] for t in goal)
    assert hw("templates", "list", "--goal", "nope").code == 2
    shown = hw("templates", "show", "values-compass")
    assert shown.code == 0
    assert "Why it helps" in shown.out
    assert "hw start values-compass" in shown.out


def test_private_is_a_checked_top_level_key_and_off_by_default(tmp_path):
    assert templates.from_data(tomllib.loads(GOOD)).private is False
    mine = write(tmp_path, "tiny.toml", "private = true\n" + GOOD)
    assert templates.load_file(str(mine)).private is True
    bad = write(tmp_path, "bad.toml", 'private = "yes"\n' + GOOD)
    with pytest.raises(TemplateError) as caught:
        templates.load_file(str(bad))
    assert (caught.value.key, caught.value.line) == ("private", 1)
    assert "true or false" in caught.value.message


def test_show_json_is_the_whole_template_as_loaded(hw, hw_home):
    shown = hw("templates", "show", "phq-9", "--json")
    assert shown.code == 0
    phq9 = shown.json()
    assert "better off dead" in phq9["alert"]
    assert phq9["scoring"]["steps"] == [f"q{n}" for n in range(1, 10)]
    assert phq9["scoring"]["bands"][0] == {"max": 4, "label": "minimal"}
    assert phq9["private"] is False
    assert {s["id"]: s.get("alert_at") for s in phq9["steps"]}["q9"] == 1
    write(hw_home / "templates", "tiny.toml", 'private = true\nalert = "Take care."\n' + GOOD)
    tiny = hw("templates", "show", "tiny", "--json").json()
    assert (tiny["private"], tiny["alert"]) == (True, "Take care.")
    # every top-level key a template file may hold is carried, for every built-in
    for template in templates.catalog().templates.values():
        data = template.to_json()
        assert set(template.raw) <= set(data), template.id
        assert data["steps"] == [s.snapshot() for s in template.steps]
