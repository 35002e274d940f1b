"""The built-in templates read ahead of time (scripts/compile_templates.py): the data
held for each shipped file is what tomllib reads from it, a file edited since is
parsed as before, and reading a built-in template loads no TOML parser."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from helpers import REPO, hw_imports
from hwjournal import jsontext, template_files, templates_compiled

SHIPPED = sorted((REPO / "templates").rglob("*.toml"))


def test_every_shipped_file_is_held_as_tomllib_reads_it():
    """Fails until scripts/compile_templates.py is run after a template changes."""
    assert len(SHIPPED) > 50
    for path in SHIPPED:
        text = path.read_text(encoding="utf-8")
        held = templates_compiled.DATA.get(text)
        assert held is not None, f"{path.name} changed: run scripts/compile_templates.py"
        assert jsontext.loads(held) == tomllib.loads(text), path.name
    assert len(templates_compiled.DATA) == len(SHIPPED), "a file held that is not shipped"


def test_the_script_agrees_that_it_is_up_to_date():
    check = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "compile_templates.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout


def test_a_file_edited_since_is_parsed_as_it_is_now(tmp_path: Path):
    text = (REPO / "templates" / "gratitude.toml").read_text(encoding="utf-8")
    mine = tmp_path / "gratitude.toml"
    mine.write_text(text.replace('title = "Gratitude"', 'title = "Mine"'), encoding="utf-8")
    data, _ = template_files.read(str(mine))
    assert data["title"] == "Mine"
    data, _ = template_files.read(str(REPO / "templates" / "gratitude.toml"))
    assert data["title"] == "Gratitude"


def test_starting_a_built_in_exercise_loads_no_toml_parser(hw_home: Path):
    start = ("start", "gratitude", "--no-input", "--answer", "things=tea", "--date", "2026-06-01")
    proc, imported = hw_imports(*start)
    assert proc.code == 0, proc.err
    assert "hwjournal.templates_compiled" in imported
    assert "tomllib" not in imported
