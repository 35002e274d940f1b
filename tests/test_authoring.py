"""hw templates new: a template file of the person's own, written in their template
folder, opened in their editor at a terminal, checked when the editor closes, and
never deleted; plus how user templates sit over the built-ins."""

from __future__ import annotations

import os
import stat
import sys
import tomllib
from pathlib import Path

import pytest

from helpers import finish, run_hw, spawn_hw

STEP_TYPES = ("text", "long", "scale", "choice", "multi", "list", "number", "yesno", "timer")


def user_file(hw_home: Path, template_id: str) -> Path:
    return hw_home / "templates" / f"{template_id}.toml"


def test_a_blank_template_is_commented_valid_and_ready_to_start(hw, hw_home):
    made = hw("templates", "new", "my-check-in")
    assert made.code == 0, made.err
    path = user_file(hw_home, "my-check-in")
    assert made.out == f"{path}\n"
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    text = path.read_text()
    header = text.split("\nid = ", 1)[0]
    assert header.startswith("# ")
    assert all(line.startswith("#") or not line for line in header.splitlines())
    for kind in (*STEP_TYPES, "info", "[[steps]]", "alert_at", "[scoring]"):
        assert kind in header
    data = tomllib.loads(text)
    assert data["id"] == "my-check-in"
    assert data["steps"][-1]["reflection"] is True
    checked = hw("templates", "validate", str(path))
    assert checked.code == 0
    assert "note:" not in checked.err  # it has a why and ends with a reflection
    started = hw("start", "my-check-in", "--answer", "moment=a walk", "--json")
    assert started.code == 0, started.err
    assert started.json()["answers"] == {"moment": "a walk"}


def test_from_a_built_in_copies_it_under_the_new_id(hw, hw_home):
    made = hw("templates", "new", "my-phq", "--from", "phq-9")
    assert made.code == 0, made.err
    path = user_file(hw_home, "my-phq")
    text = path.read_text()
    assert text.startswith("# ")
    assert "[steps.labels]" not in text  # labels stay inline, on their step
    mine = hw("templates", "show", "my-phq", "--json").json()
    original = hw("templates", "show", "phq-9", "--json").json()
    assert mine["id"] == "my-phq"
    assert mine["builtin"] is False and mine["overrides_builtin"] is False
    for key in ("title", "why", "notice", "source", "scoring", "steps"):
        assert mine[key] == original[key], key
    flags = [f"q{n}={2}" for n in range(1, 10)]
    started = hw("start", "my-phq", *[x for f in flags for x in ("--answer", f)], "--json")
    assert started.json()["score"] == {"total": 18, "band": "moderately severe"}


def test_from_a_template_of_ones_own(hw, hw_home):
    assert hw("templates", "new", "first").code == 0
    path = user_file(hw_home, "first")
    path.write_text(path.read_text().replace('title = "First"', 'title = "My first"'))
    assert hw("templates", "new", "second", "--from", "first").code == 0
    second = hw("templates", "show", "second", "--json").json()
    assert second["title"] == "My first"
    assert second["id"] == "second"


def test_from_an_unknown_template_is_refused_with_a_suggestion(hw, hw_home):
    refused = hw("templates", "new", "mine", "--from", "gratitud")
    assert refused.code == 2
    assert "gratitude" in refused.err
    assert refused.out == ""
    assert not user_file(hw_home, "mine").exists()


def test_a_built_ins_id_makes_an_override_that_wins(hw, hw_home):
    made = hw("templates", "new", "gratitude", "--from", "gratitude")
    assert made.code == 0
    assert "built-in" in made.err
    path = user_file(hw_home, "gratitude")
    path.write_text(path.read_text().replace('title = "Gratitude"', 'title = "Thankful"'))
    listed = {t["id"]: t for t in hw("templates", "list", "--json").json()}
    assert listed["gratitude"]["title"] == "Thankful"
    assert listed["gratitude"]["overrides_builtin"] is True
    assert listed["grounding"]["builtin"] is True
    started = hw("start", "gratitude", "--answer", "things=rain", "--json")
    assert started.json()["title"] == "Thankful"


def test_list_marks_ones_own_templates_and_overrides(hw, hw_home):
    assert hw("templates", "new", "gratitude", "--from", "gratitude").code == 0
    assert hw("templates", "new", "zz-mine").code == 0
    screen = hw("templates", "list", env={"COLUMNS": "200"})
    assert screen.code == 0
    lines = {line.split()[0]: " ".join(line.split()) for line in screen.out.splitlines() if line}
    assert "(yours, over the built-in)" in lines["gratitude"]
    assert "(yours)" in lines["zz-mine"]
    assert "yours" not in lines["grounding"]


def test_a_broken_user_template_is_reported_and_the_rest_still_load(hw, hw_home):
    assert hw("templates", "new", "good-one").code == 0
    broken = user_file(hw_home, "broken-one")
    broken.write_text(
        'id = "broken-one"\ntitle = "B"\n[[steps]]\nid = "a"\ntype = "texty"\nprompt = "p"\n'
    )
    listed = hw("templates", "list", "--json")
    assert listed.code == 0
    ids = {t["id"] for t in listed.json()}
    assert "good-one" in ids and "values-compass" in ids and "broken-one" not in ids
    assert "broken-one.toml" in listed.err and "line 5" in listed.err
    assert hw("start", "good-one", "--answer", "moment=x").code == 0


def test_an_existing_file_is_refused_without_force(hw, hw_home):
    assert hw("templates", "new", "mine").code == 0
    path = user_file(hw_home, "mine")
    path.write_text(path.read_text() + "# my own notes\n")
    before = path.read_bytes()
    refused = hw("templates", "new", "mine", "--from", "gratitude")
    assert refused.code == 2
    assert refused.out == ""
    assert "--force" in refused.err
    assert path.read_bytes() == before
    replaced = hw("templates", "new", "mine", "--from", "gratitude", "--force")
    assert replaced.code == 0
    assert tomllib.loads(path.read_text())["steps"][0]["id"] == "things"


@pytest.mark.parametrize("bad", ["Mine", "my_check", "-x", "x--y", "x-", "../escape", "a b", "é"])
def test_a_bad_id_is_refused(hw, hw_home, bad):
    refused = hw("templates", "new", "--", bad)
    assert refused.code == 2
    assert refused.out == ""
    assert "lowercase letters" in refused.err
    assert not (hw_home / "templates").exists()


def test_validate_names_file_key_and_line_and_notes_what_is_missing(hw, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'id = "bad"\ntitle = "Bad"\n\n[[steps]]\nid = "a"\ntype = "texty"\nprompt = "p"\n'
    )
    plain = tmp_path / "plain.toml"
    plain.write_text(
        'id = "plain"\ntitle = "Plain"\n[[steps]]\nid = "a"\ntype = "text"\nprompt = "p"\n'
    )
    checked = hw("templates", "validate", str(bad), str(plain))
    assert checked.code == 1
    assert checked.out == ""
    line = next(line for line in checked.err.splitlines() if "bad.toml" in line)
    assert "line 6" in line and "steps[0].type" in line and "texty" in line
    assert "text, long, scale" in line  # what would do instead
    notes = [line for line in checked.err.splitlines() if "note:" in line]
    assert any("why" in n for n in notes) and any("reflection" in n for n in notes)


def test_no_editor_is_opened_without_a_terminal(hw, hw_home, tmp_path):
    marker = tmp_path / "editor-ran"
    editor = fake_editor(tmp_path, f"open({str(marker)!r}, 'w').close()")
    made = hw("templates", "new", "mine", env={"EDITOR": editor})
    assert made.code == 0
    assert not marker.exists()
    assert "hw templates validate" in made.err


# ------------------------------------------------------------ at a terminal


def fake_editor(tmp_path: Path, body: str) -> str:
    """An $EDITOR: a script that gets the file's path as its last argument."""
    script = tmp_path / "editor.py"
    script.write_text(
        f"#!{sys.executable}\nimport sys\npath = sys.argv[-1]\ntext = open(path).read()\n{body}\n"
    )
    script.chmod(0o755)
    return str(script)


def test_the_editor_opens_at_a_terminal_and_the_edit_is_checked(hw_home, tmp_path):
    editor = fake_editor(
        tmp_path,
        "open(path, 'w').write(text.replace('title = \"Walk log\"', 'title = \"Evening walk\"'))",
    )
    child = spawn_hw("templates", "new", "walk-log", env={"EDITOR": editor})
    child.expect("walk-log is ready")
    assert finish(child) == 0
    text = user_file(hw_home, "walk-log").read_text()
    assert 'title = "Evening walk"' in text
    assert text.startswith("# ")


def test_visual_is_used_when_editor_is_not_set(hw_home, tmp_path):
    editor = fake_editor(tmp_path, "open(path, 'a').write('# seen by VISUAL\\n')")
    child = spawn_hw("templates", "new", "walk-log", env={"VISUAL": editor})
    child.expect("walk-log is ready")
    assert finish(child) == 0
    assert "# seen by VISUAL" in user_file(hw_home, "walk-log").read_text()


BREAK_THEN_FIX = """
import os
count = COUNT
n = int(open(count).read()) if os.path.exists(count) else 0
open(count, 'w').write(str(n + 1))
if n == 0:
    open(path, 'w').write(text.replace('type = "long"', 'type = "essay"'))
else:
    open(path, 'w').write(text.replace('type = "essay"', 'type = "long"'))
"""


def test_a_broken_edit_is_explained_and_the_editor_offered_again(hw_home, tmp_path):
    editor = fake_editor(tmp_path, BREAK_THEN_FIX.replace("COUNT", repr(str(tmp_path / "edits"))))
    child = spawn_hw("templates", "new", "walk-log", env={"EDITOR": editor})
    child.expect("essay")
    child.expect(r"Open it again to fix that\? \[Y/n\]")
    child.sendline("")
    child.expect("walk-log is ready")
    assert finish(child) == 0
    assert (tmp_path / "edits").read_text() == "2"
    assert tomllib.loads(user_file(hw_home, "walk-log").read_text())["steps"][-1]["type"] == "long"


def test_declining_to_fix_keeps_the_file_as_it_is(hw_home, tmp_path):
    editor = fake_editor(
        tmp_path, "open(path, 'w').write(text.replace('type = \"long\"', 'type = \"essay\"'))"
    )
    child = spawn_hw("templates", "new", "walk-log", env={"EDITOR": editor})
    child.expect("unknown step type 'essay'")
    child.expect(r"\[Y/n\]")
    child.sendline("n")
    child.expect("kept")
    assert finish(child) == 1
    path = user_file(hw_home, "walk-log")
    assert 'type = "essay"' in path.read_text()
    assert run_hw("templates", "validate", str(path)).code == 1


def test_an_editor_that_cannot_start_leaves_the_file(hw_home):
    child = spawn_hw("templates", "new", "walk-log", env={"EDITOR": "/nonexistent/editor"})
    child.expect("Could not open your editor")
    assert finish(child) == 1
    assert user_file(hw_home, "walk-log").exists()
    assert os.access(user_file(hw_home, "walk-log"), os.R_OK)
