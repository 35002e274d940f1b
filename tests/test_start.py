"""hw start without a terminal: answers from flags and JSON, every built-in
template round-tripped, and every kind of bad input refused with nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import sample_answer, snapshot
from hwjournal import templates

BUILTINS = sorted(templates.catalog().templates)


def test_there_are_the_built_in_templates_the_spec_names():
    named = {
        "parts-walk",
        "reframe-log",
        "dream-dialogue",
        "letter-never-sent",
        "ritual-of-release",
        "mirror-talk",
        "week-of-softness",
        "values-compass",
        "all-parts-welcome",
        "parts-drawing",
        "rebt-abcde",
        "self-compassion-letter",
        "commitment-obstacles-strategies",
        "good-habits",
        "mood-checkin",
        "gratitude",
        "grounding",
        "phq-9",
        "gad-7",
        "dbt-diary-card",
        "thought-record",
        "safety-plan",
        "activity-schedule",
        "fear-ladder",
        "exposure-practice",
    }
    assert named <= set(BUILTINS)


@pytest.mark.parametrize("template_id", BUILTINS)
def test_every_built_in_answered_from_json_reads_back_equal(hw, tmp_path, template_id):
    template = templates.find(template_id)
    answers = {s.id: sample_answer(s) for s in template.answerable_steps}
    source = tmp_path / "answers.json"
    source.write_text(json.dumps(answers))
    made = hw(
        "start",
        template_id,
        "--answers-json",
        str(source),
        "--json",
        "--mood",
        "3",
        "--date",
        "2026-11-20",
        "--tag",
        "homework",
    )
    assert made.code == 0, made.err
    created = made.json()
    shown = hw("show", str(created["id"]), "--json").json()
    assert shown == created
    assert shown["answers"] == answers
    assert list(shown["answers"]) == [s.id for s in template.answerable_steps]
    assert shown["date"] == "2026-11-20"
    assert shown["template_version"] == template.version
    assert shown["status"] == "complete"
    assert shown["tags"] == ["homework"]
    if template.score_steps:
        # every answer is its step's highest (a choice's last option): by the template's
        # own scoring, each scores its top point, and the sum is multiplied as it says
        def top(step):
            if step.values:
                return step.values[-1]
            return step.max if step.type == "scale" else len(step.options) - 1

        multiplier = template.raw["scoring"].get("multiplier", 1)
        total = sum(top(template.step(s)) for s in template.score_steps) * multiplier
        assert shown["score"]["total"] == total
        assert shown["score"]["band"] == template.bands[-1].label
    assert "alerts" in shown if any(s.alert_at is not None for s in template.steps) else True


def test_answer_flags_are_typed_and_repeat_for_multi_and_list(hw):
    made = hw(
        "start",
        "reframe-log",
        "--json",
        "--answer",
        "thought=I always get it wrong",
        "--answer",
        "intensity_before=8",
        "--answer",
        "distortions=Overgeneralization — this always happens to me",
        "--answer",
        "distortions=1",
        "--answer",
        "reframe=Sometimes I get it right",
    )
    assert made.code == 0, made.err
    entry = made.json()
    assert entry["answers"] == {
        "thought": "I always get it wrong",
        "intensity_before": 8,
        "distortions": [
            "Overgeneralization — this always happens to me",
            "All-or-nothing thinking — if it isn't perfect it's a failure",
        ],
        "reframe": "Sometimes I get it right",
    }
    assert made.err.strip().startswith("Saved as entry")


def test_plain_output_is_the_new_id_and_messages_go_to_stderr(hw):
    made = hw("start", "gratitude", "--answer", "things=tea", "--private")
    assert made.code == 0
    assert made.out == "1\n"
    assert "private" in made.err
    assert hw("show", "1", "--json").json()["private"] is True


def test_answers_from_stdin_dash(hw):
    made = hw(
        "start",
        "gratitude",
        "--answers-json",
        "-",
        "--json",
        input=json.dumps({"things": ["rain", "a call"]}),
    )
    assert made.code == 0, made.err
    assert made.json()["answers"]["things"] == ["rain", "a call"]


def test_dates_people_type(hw):
    for text in ("today", "yesterday", "3 days ago", "2026-01-31"):
        made = hw("start", "gratitude", "--answer", "things=x", "--date", text, "--json")
        assert made.code == 0, (text, made.err)


def test_missing_answers_name_every_missing_step(hw, journal_path):
    result = hw("start", "reframe-log", "--answer", "emotion=sad")
    assert result.code == 2
    assert result.out == ""
    assert "thought" in result.err and "reframe" in result.err
    assert "Traceback" not in result.err
    assert not journal_path.exists()


# ---------------------------------------------------------------- bad input


BAD_INPUT = [
    (["start", "value-compass"], "Did you mean 'values-compass'"),
    (["start", "gratitude", "--answer", "nosuchstep=1"], "no step called 'nosuchstep'"),
    (
        [
            "start",
            "reframe-log",
            "--answer",
            "thought=x",
            "--answer",
            "reframe=y",
            "--answer",
            "intensity_before=11",
        ],
        "outside 0 to 10",
    ),
    (
        [
            "start",
            "reframe-log",
            "--answer",
            "thought=x",
            "--answer",
            "reframe=y",
            "--answer",
            "intensity_before=high",
        ],
        "whole number",
    ),
    (["start", "gratitude", "--answer", "things=x", "--date", "31/12/2026"], "not a date"),
    (["start", "gratitude", "--answer", "things=x", "--date", "2026-02-30"], "not a date"),
    (["start", "gratitude", "--answer", "things=x", "--mood", "6"], "1 to 5"),
    (["start", "gratitude", "--answer", "things"], "ID=VALUE"),
    (["start", "gratitude", "--answers-json", "missing-file.json"], "Cannot read"),
    (["show", "999"], "no entry 999"),
    (["show", "abc"], "no entry abc"),
    (["delete", "999", "--yes"], "no entry 999"),
    (["resume", "999"], "no entry 999"),
    (["log", "--since", "someday"], "not a date"),
    (["log", "-n", "-1"], "not a count"),
    (["templates", "show", "nope"], "no template called 'nope'"),
    (["start"], "Missing argument"),
    (["log", "--no-such-flag"], "No such option"),
]


@pytest.mark.parametrize(("args", "says"), BAD_INPUT, ids=[" ".join(a) for a, _ in BAD_INPUT])
def test_bad_input_exits_2_with_a_message_and_leaves_the_journal_alone(
    hw, journal_path, args, says
):
    hw("start", "gratitude", "--answer", "things=the first entry")
    before = snapshot(journal_path)
    result = hw(*args)
    assert result.code == 2, result
    assert result.out == ""
    assert says.lower() in result.err.lower()
    assert "Traceback" not in result.err
    assert 1 <= len(result.err.strip().splitlines()) <= 2
    assert snapshot(journal_path) == before


def test_malformed_answers_json_is_refused(hw, tmp_path, journal_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"things": ["unclosed"')
    result = hw("start", "gratitude", "--answers-json", str(bad))
    assert result.code == 2
    assert "not valid JSON" in result.err
    wrong_shape = tmp_path / "list.json"
    wrong_shape.write_text('["a list"]')
    result = hw("start", "gratitude", "--answers-json", str(wrong_shape))
    assert result.code == 2
    assert "JSON object" in result.err
    assert not journal_path.exists()


def test_delete_without_yes_and_without_a_terminal_is_refused(hw, journal_path):
    hw("start", "gratitude", "--answer", "things=keep me")
    before = snapshot(journal_path)
    result = hw("delete", "1")
    assert result.code == 2
    assert "--yes" in result.err
    assert snapshot(journal_path) == before


def test_resume_without_a_terminal_takes_answers(hw, tmp_path):
    # make a draft the way an interrupted run leaves one
    from hwjournal.journal import Journal
    from hwjournal.session import new_entry

    hw("start", "gratitude", "--answer", "things=first")  # creates the journal
    journal = Journal.open(str(Path(tmp_path) / "hwhome" / "journal.db"))
    entry = new_entry(templates.find("reframe-log"), "2026-11-24", [], False)
    entry.answers = {"thought": "nobody likes me"}
    entry.pending = {"next": 1}
    journal.add(entry)
    journal.close()

    missing = hw("resume", str(entry.id))
    assert missing.code == 2
    assert "reframe" in missing.err
    done = hw("resume", "--answer", "reframe=some people do", "--json")
    assert done.code == 0, done.err
    assert done.json()["status"] == "complete"
    assert done.json()["answers"] == {"thought": "nobody likes me", "reframe": "some people do"}
    again = hw("resume", str(entry.id))
    assert again.code == 2
    assert "already complete" in again.err


def test_debug_mode_shows_the_traceback(hw):
    result = hw("show", "999", env={"HW_DEBUG": "1"})
    assert result.code != 0
    assert "Traceback" in result.err
