"""Shell completion: the installed hw, run the way bash, zsh and fish run it (Typer's
completion environment variables), offers commands, template ids and assignment ids."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from helpers import run_hw


def bash(words: str) -> list[str]:
    """What bash would offer for the last word of `words` (a trailing space: a new word)."""
    parts = words.split(" ")
    result = run_hw(
        env={
            "_HW_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(parts) - 1),
        }
    )
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    return result.out.split()


def zsh(words: str) -> str:
    result = run_hw(env={"_HW_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": words})
    assert result.code == 0, result.err
    return result.out


def test_commands_complete():
    assert "templates" in bash("hw te")
    assert {"list", "show", "new", "validate"} <= set(bash("hw templates "))
    assert {"show", "set"} <= set(bash("hw config "))


def test_hw_start_completes_template_ids():
    assert bash("hw start val") == ["values-compass"]
    offered = bash("hw start g")
    assert {"gad-7", "gratitude", "grounding", "good-habits"} <= set(offered)
    assert all(word.startswith("g") for word in offered)
    assert bash("hw start nothing-like-this") == []


def test_templates_show_and_new_from_complete_template_ids():
    assert bash("hw templates show gad") == ["gad-7"]
    assert "thought-record" in bash("hw templates new mine --from th")


def test_zsh_shows_each_template_with_its_title():
    out = zsh("hw start values")
    assert "values-compass" in out
    assert "Values compass" in out or "values compass" in out.lower()


def test_the_persons_own_templates_complete_too(hw_home, tmp_path):
    folder = hw_home / "templates"
    folder.mkdir(parents=True)
    (folder / "my-check.toml").write_text(
        'id = "my-check"\ntitle = "Mine"\n[[steps]]\nid = "a"\ntype = "text"\nprompt = "p"\n'
    )
    elsewhere = tmp_path / "shared"
    elsewhere.mkdir()
    (elsewhere / "my-other.toml").write_text(
        'id = "my-other"\ntitle = "Other"\n[[steps]]\nid = "a"\ntype = "text"\nprompt = "p"\n'
    )
    (hw_home / "config.toml").write_text(f'template_dirs = ["{elsewhere}"]\n')
    assert bash("hw start my-") == ["my-check", "my-other"]


def test_a_broken_config_completes_nothing_and_quietly(hw_home):
    hw_home.mkdir(parents=True)
    (hw_home / "config.toml").write_text("this is = = not toml\n")
    assert bash("hw start val") == []


def test_config_set_completes_setting_names():
    assert bash("hw config set week") == ["week_start"]


# ------------------------------------------------------------ assignment ids


def make_journal_with_assignments(journal: Path) -> Path:
    made = run_hw("start", "gratitude", "--answer", "things=tea")
    assert made.code == 0, made.err
    db = sqlite3.connect(journal)
    rows = [
        # id, template, until, ended
        (1, "gratitude", None, None),
        (2, "phq-9", "2000-01-07", None),  # ran out long ago
        (3, "grounding", None, "2000-01-03"),  # ended
        (4, "values-compass", "2999-12-31", None),
        (12, "mood-checkin", None, "2999-01-01"),  # ends in the future: still active
    ]
    for aid, template, until, ended in rows:
        db.execute(
            "INSERT INTO assignments (id, uid, template, schedule, start, until, ended,"
            " created_at) VALUES (?, ?, ?, 'daily', '2000-01-01', ?, ?, '2000-01-01T00:00:00')",
            (aid, f"uid-{aid}", template, until, ended),
        )
    db.commit()
    db.close()
    return journal


def test_assignment_ids_are_the_active_ones_with_their_template(journal_path):
    from hwjournal import completion

    make_journal_with_assignments(journal_path)
    assert completion.assignment_ids("") == [
        ("1", "gratitude"),
        ("4", "values-compass"),
        ("12", "mood-checkin"),
    ]
    assert completion.assignment_ids("1") == [("1", "gratitude"), ("12", "mood-checkin")]


def test_assignment_ids_follow_the_journal_flag_on_the_command_line(journal_path, tmp_path):
    from hwjournal import completion

    journal = make_journal_with_assignments(journal_path)
    moved = tmp_path / "elsewhere.db"
    journal.rename(moved)
    assert completion.assignment_ids("") == []
    offered = completion.assignment_ids("", ["--journal", str(moved), "skip"])
    assert [value for value, _ in offered] == ["1", "4", "12"]


def test_assignment_ids_never_create_a_journal(journal_path, monkeypatch, tmp_path):
    from hwjournal import completion

    assert completion.assignment_ids("") == []
    assert not journal_path.exists()
    assert not journal_path.parent.exists()
    not_a_journal = tmp_path / "x.db"
    not_a_journal.write_text("hello")
    monkeypatch.setenv("HW_JOURNAL", str(not_a_journal))
    assert completion.assignment_ids("") == []
    assert not_a_journal.read_text() == "hello"


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_hw_can_print_its_completion_script(shell):
    shown = run_hw("--show-completion", shell)
    assert shown.code == 0, shown.err
    assert "_HW_COMPLETE" in shown.out
