"""The standard measures: PHQ-9 and GAD-7 with their published items, answers and
bands, scored the way clinicians read them; the DBT diary card and the seven-column
thought record as the issue describes them."""

from __future__ import annotations

import tomllib

import pytest

from helpers import REPO

ANSWERS = {0: "Not at all", 1: "Several days", 2: "More than half the days", 3: "Nearly every day"}
NOTICE = (
    "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
    "with an educational grant from Pfizer Inc. No permission required to reproduce, "
    "translate, display or distribute."
)
PHQ9_ITEMS = [
    "Little interest or pleasure in doing things",
    "Feeling down, depressed, or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
    "Feeling bad about yourself — or that you are a failure or have let yourself or your "
    "family down",
    "Trouble concentrating on things, such as reading the newspaper or watching television",
    "Moving or speaking so slowly that other people could have noticed? Or the opposite — "
    "being so fidgety or restless that you have been moving around a lot more than usual",
    "Thoughts that you would be better off dead or of hurting yourself in some way",
]
GAD7_ITEMS = [
    "Feeling nervous, anxious, or on edge",
    "Not being able to stop or control worrying",
    "Worrying too much about different things",
    "Trouble relaxing",
    "Being so restless that it is hard to sit still",
    "Becoming easily annoyed or irritable",
    "Feeling afraid, as if something awful might happen",
]
PHQ9_BANDS = [
    {"max": 4, "label": "minimal"},
    {"max": 9, "label": "mild"},
    {"max": 14, "label": "moderate"},
    {"max": 19, "label": "moderately severe"},
    {"max": 27, "label": "severe"},
]
GAD7_BANDS = [
    {"max": 4, "label": "minimal"},
    {"max": 9, "label": "mild"},
    {"max": 14, "label": "moderate"},
    {"max": 21, "label": "severe"},
]


def load(template_id: str) -> dict:
    with open(REPO / "templates" / f"{template_id}.toml", "rb") as fh:
        return tomllib.load(fh)


def scale_steps(data: dict) -> list[dict]:
    return [s for s in data["steps"] if s["type"] == "scale"]


@pytest.mark.parametrize(
    ("template_id", "items", "bands"),
    [("phq-9", PHQ9_ITEMS, PHQ9_BANDS), ("gad-7", GAD7_ITEMS, GAD7_BANDS)],
)
def test_published_items_in_order_with_their_answers_bands_and_notice(template_id, items, bands):
    data = load(template_id)
    scored = scale_steps(data)
    assert [s["prompt"] for s in scored] == items
    assert [s["id"] for s in scored] == [f"q{i}" for i in range(1, len(items) + 1)]
    for step in scored:
        assert (step["min"], step["max"]) == (0, 3)
        assert {int(k): v for k, v in step["labels"].items()} == ANSWERS
        assert step["required"] is True
    assert data["scoring"]["steps"] == [s["id"] for s in scored]
    assert data["scoring"]["bands"] == bands
    assert bands[-1]["max"] == 3 * len(items)
    assert data["notice"] == NOTICE
    assert "Over the last 2 weeks" in data["steps"][0]["prompt"]
    assert "never a diagnosis" in data["why"]


def test_only_phq9_item_9_alerts_and_at_the_lowest_answer():
    data = load("phq-9")
    alerting = {s["id"]: s["alert_at"] for s in data["steps"] if "alert_at" in s}
    assert alerting == {"q9": 1}
    assert data["alert"].strip()
    assert "alert_at" not in str(load("gad-7")["steps"])


SKILLS_USE_CODES = 8  # Linehan's diary card codes skills use 0 to 7, one code a day


def test_dbt_diary_card_urges_actions_emotions_and_skills():
    data = load("dbt-diary-card")
    steps = {s["id"]: s for s in data["steps"]}
    assert data["layout"] == "columns"
    urges = [s for s in data["steps"] if s["id"].startswith("urge_") and s["type"] == "scale"]
    assert len(urges) >= 4
    assert all((s["min"], s["max"]) == (0, 5) for s in urges)
    assert "end your life" in steps["urge_suicide"]["prompt"]
    assert "hurt yourself" in steps["urge_self_harm"]["prompt"]
    assert steps["self_harm"]["type"] == "yesno"
    assert steps["self_harm"]["prompt"] == "Did you harm yourself today?"
    alerting = {s["id"]: s["alert_at"] for s in data["steps"] if "alert_at" in s}
    assert alerting == {"urge_suicide": 3, "urge_self_harm": 4, "self_harm": True}
    assert all(steps[i].get("required") is True for i in alerting)
    assert steps["used_substances"]["type"] == "yesno"
    assert "safety plan" in data["alert"]
    emotions = ["sadness", "fear", "anger", "shame", "joy"]
    assert all((steps[e]["min"], steps[e]["max"]) == (0, 5) for e in emotions)
    skills = steps["skills_use"]
    assert skills["type"] == "choice" and len(skills["options"]) == SKILLS_USE_CODES
    assert skills["options"][0].startswith("Didn't think of them")
    assert skills["options"][-1].endswith("and they helped")
    assert data["steps"][-1]["reflection"] is True


def test_thought_record_has_the_seven_columns_in_order():
    data = load("thought-record")
    ids = [s["id"] for s in data["steps"]]
    columns = [
        "situation",
        "moods",
        "automatic_thoughts",
        "evidence_for",
        "evidence_against",
        "balanced_thought",
        "moods_rerated",
    ]
    assert [i for i in ids if i in columns] == columns
    assert data["layout"] == "columns"
    assert "scoring" not in data
    assert data["steps"][-1]["reflection"] is True


def answers_for(total: int, items: int) -> list[str]:
    """--answer flags that add up to `total`, filling items from the first (so the last,
    PHQ-9's ninth, stays at 0 while the total allows)."""
    values = [0] * items
    left = total
    for index in range(items):
        values[index] = min(3, left)
        left -= values[index]
    assert left == 0
    flags = []
    for number, value in enumerate(values, 1):
        flags += ["--answer", f"q{number}={value}"]
    return flags


PHQ9_EDGES = [
    (0, "minimal"),
    (4, "minimal"),
    (5, "mild"),
    (9, "mild"),
    (10, "moderate"),
    (14, "moderate"),
    (15, "moderately severe"),
    (19, "moderately severe"),
    (20, "severe"),
    (27, "severe"),
]
GAD7_EDGES = [
    (0, "minimal"),
    (4, "minimal"),
    (5, "mild"),
    (9, "mild"),
    (10, "moderate"),
    (14, "moderate"),
    (15, "severe"),
    (21, "severe"),
]


@pytest.mark.parametrize(("total", "band"), PHQ9_EDGES)
def test_phq9_score_and_band_at_each_edge(hw, total, band):
    made = hw("start", "phq-9", *answers_for(total, 9), "--json")
    assert made.code == 0, made.err
    assert made.json()["score"] == {"total": total, "band": band}
    shown = hw("show", str(made.json()["id"]), "--json").json()
    assert shown["score"] == {"total": total, "band": band}


@pytest.mark.parametrize(("total", "band"), GAD7_EDGES)
def test_gad7_score_and_band_at_each_edge(hw, total, band):
    made = hw("start", "gad-7", *answers_for(total, 7), "--json")
    assert made.code == 0, made.err
    assert made.json()["score"] == {"total": total, "band": band}


def test_answers_can_be_given_by_their_published_words(hw):
    flags = []
    for number in range(1, 10):
        flags += ["--answer", f"q{number}={ANSWERS[2] if number < 9 else ANSWERS[0]}"]
    made = hw("start", "phq-9", *flags, "--json")
    assert made.code == 0, made.err
    assert made.json()["score"] == {"total": 16, "band": "moderately severe"}


def test_an_answer_outside_0_to_3_is_refused_and_nothing_is_saved(hw, journal_path):
    flags = answers_for(0, 7)
    flags[flags.index("q1=0")] = "q1=4"
    refused = hw("start", "gad-7", *flags, "--json")
    assert refused.code == 2
    assert refused.out == ""
    assert "0 to 3" in refused.err
    assert not journal_path.exists()


def test_unscored_templates_have_no_score(hw):
    made = hw("start", "gratitude", "--answer", "things=the sun", "--json")
    assert made.code == 0, made.err
    assert "score" not in made.json() or made.json()["score"] is None


def test_show_presents_the_score_as_screening_with_the_notice(hw):
    shown = hw("templates", "show", "phq-9")
    assert shown.code == 0
    text = " ".join(shown.out.split())
    assert "screening score" in text and "never a diagnosis" in text
    assert "No permission required" in text
