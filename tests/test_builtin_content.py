"""What the built-in exercises hold: the safety plan and first-line homework, the
safety notes and closings of the intense exercises, fidelity to each method, and
entries that keep reading right after their template changes."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from helpers import REPO, answer_flags, run_hw
from hwjournal import templates
from hwjournal.render.words import moods

NEW = ["safety-plan", "activity-schedule", "fear-ladder", "exposure-practice"]
INTENSE = ["dream-dialogue", "mirror-talk", "all-parts-welcome", "parts-walk", "letter-never-sent"]
# who an alert's own text must not name: hw adds where to turn after it
NAMED_HELP = ("therapist", "emergency", "crisis line", "crisis contact", "999", "911", "112")


def load(template_id: str) -> dict[str, Any]:
    with open(REPO / "templates" / f"{template_id}.toml", "rb") as fh:
        return tomllib.load(fh)


def steps_of(template_id: str) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in load(template_id)["steps"]}


# ---------------------------------------------------------------- every exercise


@pytest.mark.parametrize("template_id", [*NEW, "dbt-diary-card"])
def test_a_new_or_reworked_template_validates_and_round_trips_into_a_fresh_journal(
    tmp_path, template_id
):
    path = REPO / "templates" / f"{template_id}.toml"
    checked = run_hw("templates", "validate", str(path))
    assert checked.code == 0, checked.err
    template = templates.load_file(str(path))
    flags = answer_flags(template)
    made = run_hw("start", template_id, *flags, "--mood", "4", "--json")
    assert made.code == 0, made.err
    created = made.json()
    assert len(created["answers"]) == len(template.answerable_steps)
    exported = run_hw("export", "--format", "json", "--include-private")
    assert exported.code == 0, exported.err

    other = tmp_path / "other.db"
    imported = run_hw("--journal", str(other), "import", "-", "--json", input=exported.out)
    assert imported.code == 0, imported.err
    assert imported.json()["added"]["entries"] == 1
    assert run_hw("--journal", str(other), "show", "1", "--json").json() == created
    again = run_hw("--journal", str(other), "export", "--format", "json", "--include-private")
    assert again.json()["entries"] == exported.json()["entries"]  # saved prompts too
    assert run_hw("--journal", str(other), "show", "1").out == run_hw("show", "1").out


def test_there_are_the_twenty_nine_built_ins_each_ending_in_reflection():
    found = templates.catalog().templates
    assert set(NEW) <= set(found)
    # the 25 exercises and measures, and the PCL-5, PHQ-15, WHO-5 and AUDIT
    assert len([t for t in found.values() if t.builtin]) == 29
    for template in found.values():
        assert template.answerable_steps[-1].reflection, template.id
        assert set(template.goals) <= set(templates.GOALS)


@pytest.mark.parametrize("template_id", ["phq-9", "dbt-diary-card"])
def test_an_alert_text_says_what_was_noticed_and_names_no_one_to_turn_to(template_id):
    alert = load(template_id)["alert"].lower()
    assert "thank you" in alert
    for word in NAMED_HELP:
        assert word not in alert, (template_id, word)


# ---------------------------------------------------------------- safety first


def test_safety_plan_follows_stanley_brown_and_is_shared_with_a_heading_a_step():
    data = load("safety-plan")
    assert data.get("private", False) is False  # client and clinician each keep a copy
    assert all(s.get("heading") for s in data["steps"] if s["type"] != "info")
    ids = [s["id"] for s in data["steps"] if s["type"] != "info"]
    assert ids == [
        "warning_signs",
        "coping",
        "people_places",
        "people_help",
        "professionals",
        "safer_surroundings",
        "reasons",
        "reflection",
    ]
    steps = steps_of("safety-plan")
    assert all(steps[i]["type"] == "list" for i in ids[:-1])
    assert steps["professionals"].get("required") is True  # a plan always has somewhere to turn
    assert steps["reflection"]["reflection"] is True


def test_a_private_exercise_says_so_in_its_template():
    assert load("letter-never-sent")["private"] is True
    letter = steps_of("letter-never-sent")["letter"]
    assert "don't need every detail" in letter["help"]


@pytest.mark.parametrize("template_id", INTENSE)
def test_an_intense_exercise_closes_with_grounding_and_sos(template_id):
    steps = load(template_id)["steps"]
    closing = steps[-1]
    assert closing["type"] == "info"
    assert "hw start grounding" in closing["prompt"] and "hw sos" in closing["prompt"]
    assert steps[-2]["reflection"] is True


def test_mirror_talk_is_short_lit_and_has_a_photo_instead():
    steps = steps_of("mirror-talk")
    assert steps["at_the_mirror"]["minutes"] == 1
    intro = steps["intro"]["prompt"]
    assert "light on" in intro and "look away" in intro and "photo" in intro


def test_dream_dialogue_asks_for_a_manageable_dream_and_leaves_nightmares_for_session():
    intro = load("dream-dialogue")["steps"][0]
    assert intro["type"] == "info"
    assert "nightmare" in intro["prompt"] and "session" in intro["prompt"]


@pytest.mark.parametrize("template_id", ["all-parts-welcome", "parts-walk"])
def test_parts_work_alone_is_with_protectors_and_leaves_hurt_parts_for_session(template_id):
    data = load(template_id)
    text = json.dumps(data["steps"])
    assert "protective part" in text
    assert "leave it for your next session" in text
    assert "If feelings get strong" in text  # a way out
    assert "carries hurt" not in text  # no longer offered as the part to work with


# ---------------------------------------------------------------- fidelity


def test_reframe_log_starts_with_an_optional_situation_and_glosses_each_trap():
    steps = load("reframe-log")["steps"]
    assert steps[0]["id"] == "situation" and not steps[0].get("required")
    options = steps_of("reframe-log")["distortions"]["options"]
    names = [o.split(" — ")[0] for o in options]
    assert "Emotional reasoning — I feel it so it must be true" in options
    assert "Overgeneralization" in names and "Catastrophizing" in names
    assert all(" — " in o and len(o.split(" — ")[1]) > 5 for o in options)


def test_a_distortion_is_picked_by_its_full_text_or_number():
    made = run_hw(
        "start",
        "reframe-log",
        "--answer",
        "thought=They will laugh at me",
        "--answer",
        "distortions=emotional reasoning — i feel it so it must be true",
        "--answer",
        "distortions=5",
        "--answer",
        "reframe=I don't know that",
        "--json",
    )
    assert made.code == 0, made.err
    assert made.json()["answers"]["distortions"] == [
        "Emotional reasoning — I feel it so it must be true",
        "Mind reading — I know they think badly of me",
    ]


def test_rebt_e_holds_the_new_belief_its_feeling_and_its_action():
    ids = [s["id"] for s in load("rebt-abcde")["steps"]]
    at = ids.index("effective")
    assert ids[at : at + 3] == ["effective", "effective_feeling", "effective_action"]


def test_values_compass_asks_for_qualities_of_action_and_willingness():
    steps = steps_of("values-compass")
    assert steps["joy_values"]["prompt"].startswith("Joy: how do you want to be when you")
    assert all(
        "how do you want to be" in steps[f"{d}_values"]["prompt"]
        for d in ("connection", "growth", "joy", "contribution")
    )
    ids = list(steps)
    assert ids.index("start_with") < ids.index("may_show_up") < ids.index("making_room")


def test_mood_checkin_uses_the_same_five_words_as_the_end_of_entry_check_in():
    mood = steps_of("mood-checkin")["mood"]
    assert {int(k): v for k, v in mood["labels"].items()} == moods()


def test_daylio_moods_still_map_rad_to_awful_onto_5_to_1(tmp_path):
    header = "full_date,date,weekday,time,mood,activities,note_title,note\n"
    rows = "".join(
        f"2025-03-0{day},{day} March,Monday,20:00,{word},,,\n"
        for day, word in enumerate(["rad", "good", "meh", "bad", "awful"], 1)
    )
    source = tmp_path / "daylio.csv"
    source.write_text("\ufeff" + header + rows, encoding="utf-8")
    assert run_hw("import", str(source)).code == 0
    got = sorted(run_hw("log", "-n", "0", "--json").json(), key=lambda e: e["date"])
    assert [e["mood"] for e in got] == [5, 4, 3, 2, 1]
    assert "very good" in run_hw("show", str(got[0]["id"])).out


def test_gratitude_asks_for_one_to_three_things_and_one_is_enough():
    things = steps_of("gratitude")["things"]
    assert "one to three" in things["prompt"]
    made = run_hw("start", "gratitude", "--answer", "things=tea", "--json")
    assert made.code == 0, made.err
    assert made.json()["answers"]["things"] == ["tea"]


def test_self_compassion_letter_warns_kindness_can_stir_old_pain():
    intro = load("self-compassion-letter")["steps"][0]
    assert intro["type"] == "info" and "old sadness or pain" in intro["prompt"]


def test_week_of_softness_states_no_contested_physiology_as_fact():
    why = load("week-of-softness")["why"].lower()
    assert "signal" not in why and "vagus" not in why and "nervous system" not in why


# ---------------------------------------------------------------- first-line homework


def scale_range(step: dict[str, Any]) -> tuple[int, int]:
    assert step["type"] == "scale"
    return step["min"], step["max"]


def test_activity_schedule_has_planned_and_done_with_mastery_and_pleasure():
    steps = steps_of("activity-schedule")
    assert steps["planned"]["type"] == steps["done"]["type"] == "list"
    assert scale_range(steps["mastery"]) == scale_range(steps["pleasure"]) == (0, 10)
    assert load("activity-schedule")["modality"] == "CBT"


def test_fear_ladder_rates_situations_0_to_100_and_names_safety_behaviours():
    steps = steps_of("fear-ladder")
    assert steps["rungs"]["type"] == "list" and "0 to 100" in steps["rungs"]["prompt"]
    assert steps["safety_behaviours"]["type"] == "list"


# ---------------------------------------------------------------- changed templates

V1 = """
id = "sleep-diary"
title = "Sleep diary"
version = 1
why = "For tests."

[[steps]]
id = "hours"
type = "number"
prompt = "How many hours did you sleep?"
required = true

[[steps]]
id = "dreams"
type = "yesno"
prompt = "Do you remember a dream?"

[[steps]]
id = "reflection"
type = "text"
prompt = "What stood out about last night?"
reflection = true
"""

V2 = """
id = "sleep-diary"
title = "Sleep diary"
version = 2
why = "For tests."

[[steps]]
id = "hours"
type = "number"
prompt = "About how long did you sleep, in hours?"
required = true

[[steps]]
id = "rested"
type = "scale"
min = 0
max = 10
prompt = "How rested do you feel?"

[[steps]]
id = "reflection"
type = "text"
prompt = "What would you like to try tonight?"
reflection = true
"""


def test_an_entry_made_with_an_older_version_still_reads_by_its_saved_prompts(hw_home: Path):
    folder = hw_home / "templates"
    folder.mkdir(parents=True)
    path = folder / "sleep-diary.toml"
    path.write_text(V1)
    old = run_hw(
        "start",
        "sleep-diary",
        "--answer",
        "hours=6",
        "--answer",
        "dreams=y",
        "--answer",
        "reflection=woke at four",
        "--json",
    ).json()
    assert old["template_version"] == 1

    path.write_text(V2)
    new = run_hw("start", "sleep-diary", "--answer", "hours=7", "--json").json()
    assert new["template_version"] == 2
    shown = run_hw("show", str(old["id"]))
    assert shown.code == 0, shown.err
    for prompt in ("How many hours did you sleep?", "Do you remember a dream?"):
        assert prompt in shown.out  # the prompts it was made with, a removed step's too
    assert "What stood out about last night?" in shown.out and "woke at four" in shown.out
    assert "About how long" not in shown.out and "How rested" not in shown.out
    again = run_hw("show", str(old["id"]), "--json").json()
    assert again["answers"] == {"hours": 6, "dreams": True, "reflection": "woke at four"}
    assert again["template_version"] == 1
    assert "About how long did you sleep" in run_hw("show", str(new["id"])).out
