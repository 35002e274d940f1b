"""Issue 22, round two of exercises faithful to their technique: parts drawing and
the ritual of release close like the other intense exercises, grounding grounds
before it asks anything, the reframe log names its columns for what they hold,
exposure follows inhibitory learning, the activity schedule behavioural activation;
an entry made before each change still reads back with its own prompts; and the
nudge for a required answer says what fits the step's type."""

from __future__ import annotations

import html
import json
import re
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from helpers import DATA, REPO, answer_flags, finish, flat, run_hw, spawn_hw
from hwjournal import templates
from hwjournal.render.words import step_heading

# each template this round changed, and the version its entries had before
EARLIER = DATA / "earlier-templates"
CHANGED = {
    "parts-drawing": 1,
    "ritual-of-release": 1,
    "grounding": 1,
    "reframe-log": 2,
    "exposure-practice": 1,
    "fear-ladder": 1,
    "activity-schedule": 1,
}
OLD_DAY, NEW_DAY = "2026-11-03", "2026-11-04"  # a Tuesday and a Wednesday of one week
WIDE = {"COLUMNS": "400"}  # one prompt a line, so a prompt reads whole


def load(template_id: str) -> dict[str, Any]:
    with open(REPO / "templates" / f"{template_id}.toml", "rb") as fh:
        return tomllib.load(fh)


def steps_of(template_id: str) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in load(template_id)["steps"]}


def ids_of(template_id: str) -> list[str]:
    return [s["id"] for s in load(template_id)["steps"]]


def markdown_flat(text: str) -> str:
    """What a reader of the Markdown sees, parsed by a real Markdown parser."""
    rendered = MarkdownIt("commonmark").enable("table").render(text)
    return flat(html.unescape(re.sub(r"<[^>]+>", " ", rendered)))


# ---------------------------------------------------------------- old entries read back


@pytest.mark.parametrize("template_id", sorted(CHANGED))
def test_an_entry_made_before_the_change_reads_back_with_its_own_prompts(
    hw_home: Path, template_id: str
):
    earlier_file = EARLIER / f"{template_id}.toml"
    earlier = templates.load_file(str(earlier_file))
    current = templates.load_file(str(REPO / "templates" / f"{template_id}.toml"))
    assert earlier.version == CHANGED[template_id] < current.version

    # made while the earlier version was the one installed
    folder = hw_home / "templates"
    folder.mkdir(parents=True)
    shutil.copy(earlier_file, folder / earlier_file.name)
    old = run_hw("start", template_id, "--date", OLD_DAY, *answer_flags(earlier), "--json")
    assert old.code == 0, old.err
    (folder / earlier_file.name).unlink()
    new = run_hw("start", template_id, "--date", NEW_DAY, *answer_flags(current), "--json")
    assert new.code == 0, new.err
    assert old.json()["template_version"] == earlier.version
    assert new.json()["template_version"] == current.version

    old_prompts = [flat(s.prompt) for s in earlier.answerable_steps]
    new_only = [
        flat(s.prompt) for s in current.answerable_steps if flat(s.prompt) not in old_prompts
    ]
    was = [s.snapshot() for s in earlier.steps]
    assert was != [s.snapshot() for s in current.steps]  # the template did change

    shown = flat(run_hw("show", str(old.json()["id"]), env=WIDE).out)
    assert all(p in shown for p in old_prompts), template_id
    assert not any(p in shown for p in new_only), template_id

    week = run_hw("week", OLD_DAY, env=WIDE)
    assert week.code == 0, week.err
    if current.layout == "columns":  # a column an answered step, named by the step
        headings = [step_heading({"id": s.id}) for s in earlier.answerable_steps]
        assert all(h in week.out for h in headings)
    else:
        assert all(p in flat(week.out) for p in old_prompts)

    exported = run_hw("export", "--week", OLD_DAY, "--format", "json", "--include-private")
    by_id = {e["id"]: e for e in exported.json()["entries"]}
    assert by_id[old.json()["id"]]["steps"] == was  # prompts, help and options as they were
    markdown = markdown_flat(run_hw("export", "--week", OLD_DAY).out)
    assert all(p in markdown for p in old_prompts), template_id


def test_the_reframe_log_week_keeps_old_column_names_beside_the_new(hw_home: Path):
    folder = hw_home / "templates"
    folder.mkdir(parents=True)
    shutil.copy(EARLIER / "reframe-log.toml", folder / "reframe-log.toml")
    made = run_hw(
        "start", "reframe-log", "--date", OLD_DAY, "-a", "thought=They hate me",
        "-a", "response=Chest tight", "-a", "reframe=I don't know that",
    )  # fmt: skip
    assert made.code == 0, made.err
    (folder / "reframe-log.toml").unlink()
    made = run_hw(
        "start", "reframe-log", "--date", NEW_DAY, "-a", "thought=I failed",
        "-a", "reaction=Hid in my room", "-a", "reframe=One slip in a good week",
    )  # fmt: skip
    assert made.code == 0, made.err

    week = run_hw("week", OLD_DAY, env={"COLUMNS": "200"})
    header = next(line for line in week.out.splitlines() if "Thought" in line)
    cells = [c.strip() for c in header.strip("│ ").split("│")]
    # the new column stands beside the one it renamed, not after everything else
    assert cells == ["day", "Thought", "Reaction", "Response", "Reframe"]
    rows = [line for line in week.out.splitlines() if "Chest tight" in line or "Hid in" in line]
    assert "Chest tight" in rows[0] and "Hid in my room" in rows[1]


# ---------------------------------------------------------------- each exercise


@pytest.mark.parametrize("template_id", ["parts-drawing", "ritual-of-release"])
def test_parts_drawing_and_the_ritual_close_like_the_other_intense_exercises(template_id):
    steps = load(template_id)["steps"]
    closing = steps[-1]
    assert closing["type"] == "info"
    assert "hw start grounding" in closing["prompt"] and "hw sos" in closing["prompt"]
    assert steps[-2].get("reflection") is True


def test_parts_drawing_stays_with_protectors_and_has_a_way_out():
    text = json.dumps(load("parts-drawing")["steps"])
    assert "protective parts" in text and "protective part to look at" in text
    assert "leave it for your next session" in text
    assert "If feelings get strong at any point, stop" in text
    assert "protect you from" in steps_of("parts-drawing")["protects"]["prompt"]


def test_the_ritual_offers_only_safe_ways_and_fire_only_outdoors_where_allowed():
    how = steps_of("ritual-of-release")["how"]
    assert how["options"] == [
        "Tear it up",
        "Let water take it",
        "Bury it",
        "Burn it outdoors, where it is safe and allowed",
    ]
    assert not how.get("other")  # no way of one's own that the help has not made safe
    text = json.dumps(load("ritual-of-release")).lower()
    assert "sink" not in text and "indoors" not in text and "over a" not in text
    assert "water beside you" in how["help"] and "put it out fully" in how["help"]


def test_grounding_grounds_first_and_asks_for_a_rating_only_after_and_optionally():
    steps = load("grounding")["steps"]
    assert steps[0]["type"] == "info"
    senses = ["see", "touch", "hear", "smell", "taste"]
    ids = [s["id"] for s in steps]
    assert ids[1:6] == senses
    assert "present_before" not in ids
    after = steps_of("grounding")["present_after"]
    assert ids.index("present_after") > ids.index("taste")
    assert after["type"] == "scale" and not after.get("required")


def test_reframe_log_names_its_columns_and_credits_burns():
    data = load("reframe-log")
    steps = steps_of("reframe-log")
    assert data["layout"] == "columns"
    ids = ids_of("reframe-log")
    assert "response" not in ids  # the body and behaviour column is a reaction
    assert ids.index("thought") < ids.index("reaction") < ids.index("reframe")
    assert [step_heading({"id": i}) for i in ("thought", "reaction")] == ["Thought", "Reaction"]
    assert "balanced response" in steps["reframe"]["prompt"]
    assert "balanced response" in data["summary"] and "your response" not in data["summary"]
    assert "David D. Burns" in data["source"]
    assert "David Burns" in steps["distortions"]["help"]


HABITUATION = ("rise and fall", "habituat", "loosen its hold", "fear to drop", "until the fear")


@pytest.mark.parametrize("template_id", ["exposure-practice", "fear-ladder"])
def test_exposure_speaks_of_learning_not_of_waiting_for_fear_to_fall(template_id):
    data = load(template_id)
    text = json.dumps(data).lower()
    assert not [w for w in HABITUATION if w in text]
    assert "Craske" in data["source"]


def test_exposure_practice_rates_the_feared_outcome_before_and_after_and_asks_what_was_learnt():
    ids = ids_of("exposure-practice")
    steps = steps_of("exposure-practice")
    order = ["prediction", "likelihood_before", "do_it", "what_happened", "likelihood_after"]
    assert [i for i in ids if i in order] == order
    before, after = steps["likelihood_before"], steps["likelihood_after"]
    assert (before["min"], before["max"]) == (after["min"], after["max"]) == (0, 100)
    assert before["labels"] == after["labels"]
    assert all(steps[i].get("required") for i in order if i != "do_it")
    assert "compared with what you predicted" in steps["what_happened"]["prompt"]
    assert "learn" in steps["reflection"]["prompt"] and steps["reflection"]["reflection"]
    assert "distress_before" not in ids and "distress_after" not in ids


def test_fear_ladder_names_the_feared_outcome_before_the_rungs():
    ids = ids_of("fear-ladder")
    assert ids.index("fear") < ids.index("feared_outcome") < ids.index("rungs")
    assert "0 to 100" in steps_of("fear-ladder")["rungs"]["prompt"]


def test_activity_schedule_rates_mood_beside_mastery_and_pleasure_and_looks_at_avoidance():
    ids = ids_of("activity-schedule")
    steps = steps_of("activity-schedule")
    at = ids.index("mastery")
    assert ids[at : at + 3] == ["mastery", "pleasure", "activity_mood"]
    ranges = {(steps[i]["min"], steps[i]["max"]) for i in ids[at : at + 3]}
    assert ranges == {(0, 10)}
    assert "mood" in steps["done"]["prompt"] and "mood" in steps["done"]["help"]
    # what each activity is for
    assert ids.index("spotlight") < ids.index("value") < at
    assert "what it is for" in steps["plan_next"]["prompt"]
    # Martell's TRAP, then TRAC: trigger, response, avoidance pattern, alternative coping
    trap = ["trigger", "response", "avoidance_pattern", "alternative_coping"]
    assert ids[ids.index("trigger") : ids.index("trigger") + 4] == trap
    assert not any(steps[i].get("required") for i in trap)
    assert ids.index("alternative_coping") < ids.index("plan_next")


def test_grounding_at_a_terminal_starts_with_the_senses_not_a_rating():
    child = spawn_hw("start", "grounding", "--mood", "3", dimensions=(24, 80))
    child.expect("Take a slow breath")
    child.expect("Name five things you can see")
    assert "How present" not in child.before
    child.expect("›")
    child.sendline("the lamp")
    child.expect("›")
    child.sendline("")
    for _ in ("touch", "hear", "smell", "taste"):
        child.expect("›")
        child.sendline("")
    child.expect("How present do you feel now")
    child.expect("›")
    child.sendline("")  # optional: skipped
    child.expect("What helped you most")
    child.expect("›")
    child.sendline("")
    assert finish(child) == 0
    assert run_hw("show", "1", "--json").json()["answers"] == {"see": ["the lamp"]}
