"""The DBT card, the safety plan and the letter never sent changed version: an entry
made with the old version still reads back with the prompts it was made with."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from helpers import DATA, REPO

OLD = DATA / "old_templates"  # each file as it was at its old version, from git history


def version(path: Path) -> int:
    with open(path, "rb") as fh:
        return tomllib.load(fh)["version"]


@pytest.mark.parametrize(
    ("template_id", "old", "new"),
    [("dbt-diary-card", 2, 3), ("safety-plan", 1, 2), ("letter-never-sent", 2, 3)],
)
def test_the_version_went_up(template_id, old, new):
    assert version(OLD / f"{template_id}.toml") == old
    assert version(REPO / "templates" / f"{template_id}.toml") == new


@pytest.mark.parametrize(
    ("template_id", "answers", "old_prompt", "new_prompt"),
    [
        (
            "dbt-diary-card",
            {"urge_suicide": "0", "urge_self_harm": "0", "self_harm": "no", "skills_use": "1",
             "used_substances": "yes"},
            "Did you use alcohol or drugs today, or take medicine other than as prescribed?",
            "Urge to quit therapy",
        ),
        (
            "safety-plan",
            {"warning_signs": "lying awake", "professionals": "Dr Lee"},
            "Warning signs: what tells you a crisis might be starting? One a line.",
            None,
        ),
        (
            "letter-never-sent",
            {"recipient": "M", "letter": "words", "revealed": "some", "charge_after": "10"},
            "How strongly do you feel about it now?",
            None,
        ),
    ],
)  # fmt: skip
def test_an_entry_made_with_the_old_version_reads_back_with_its_own_prompts(
    hw, hw_home, template_id, answers, old_prompt, new_prompt
):
    folder = hw_home / "templates"
    folder.mkdir(parents=True)
    (folder / f"{template_id}.toml").write_text((OLD / f"{template_id}.toml").read_text())
    flags = [f for key, value in answers.items() for f in ("--answer", f"{key}={value}")]
    made = hw("start", template_id, *flags, "--date", "2026-11-03", "--json")
    assert made.code == 0, made.err
    entry_id = made.json()["id"]
    (folder / f"{template_id}.toml").unlink()  # the built-in, newer version is back

    shown = hw("show", str(entry_id), "--json").json()
    assert shown["template_version"] == version(OLD / f"{template_id}.toml")
    screen = " ".join(hw("show", str(entry_id)).out.split())
    assert old_prompt in screen
    if new_prompt:
        assert new_prompt not in screen
    exported = hw("export", "--format", "json", "--week", "2026-11-03", "--include-private")
    steps = {s["id"]: s for s in exported.json()["entries"][0]["steps"]}
    assert not any("heading" in s or "notice_at" in s or "urgent_at" in s for s in steps.values())
    # the old letter had no notice: nothing was said at a 10, and nothing alerts later
    assert "alerts" not in shown


def test_the_old_safety_plan_stays_private_as_it_was_made(hw, hw_home):
    folder = hw_home / "templates"
    folder.mkdir(parents=True)
    (folder / "safety-plan.toml").write_text((OLD / "safety-plan.toml").read_text())
    made = hw("start", "safety-plan", "--answer", "professionals=Dr Lee", "--json")
    assert made.json()["private"] is True
    (folder / "safety-plan.toml").unlink()
    assert hw("show", str(made.json()["id"]), "--json").json()["private"] is True
    newer = hw("start", "safety-plan", "--answer", "professionals=Dr Lee", "--json")
    assert newer.json()["private"] is False
