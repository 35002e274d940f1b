"""The shape of the house, kept: thin commands with no SQL, sentences in messages.py,
no module grown past what a newcomer can read, no global state reached for."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "hwjournal"
MODULES = sorted(SRC.rglob("*.py"))
# tables rather than logic: every sentence, and every command's options
TABLES = {"messages.py", "spec.py"}
COMMANDS = sorted((SRC / "commands").glob("*.py"))


# written by a compiler, read by none (scripts/compile_report.py)
GENERATED = {"report_compiled.py"}


@pytest.mark.parametrize(
    "path",
    [m for m in MODULES if m.name not in TABLES | GENERATED],
    ids=lambda p: str(p.relative_to(SRC)),
)
def test_no_module_is_longer_than_a_newcomer_can_read(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 420


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: p.name)
def test_commands_hold_no_sql_and_reach_for_no_global_state(path):
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"\.execute(many)?\(|\.db\b", text)
    assert "from hwjournal.cli import" not in text


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_what_hw_says_to_a_person_lives_in_messages(path):
    """A message built inline (an f-string handed to an error or to stderr) would drift
    from the tone of the rest; messages.py holds them all."""
    text = path.read_text(encoding="utf-8")
    inline = re.findall(
        r"(?:UsageError|NotFoundError|JournalError|say|_tell)\(\s*f?\"[A-Za-z']", text
    )
    assert inline == []
