"""The instruments added for a course of care (PCL-5, PHQ-15, WHO-5, AUDIT): each
scored against examples worked by hand from its publisher's scoring instructions
(quoted beside each), never against hw's own output; their items word for word;
and an alert on a choice step through the same path as the PHQ-9's item 9."""

from __future__ import annotations

import json
import tomllib

import pytest

from helpers import REPO, run_hw

ENV = {"TZ": "UTC", "NO_COLOR": "1"}


def start(template: str, answers: dict, *extra: str) -> dict:
    flags = [x for step, value in answers.items() for x in ("-a", f"{step}={value}")]
    result = run_hw(
        "start", template, "--date", "2026-11-03", "--no-input", "--json", *flags, *extra, env=ENV
    )
    assert result.code == 0, result.err
    return result.json()


def load(template_id: str) -> dict:
    with open(REPO / "templates" / f"{template_id}.toml", "rb") as fh:
        return tomllib.load(fh)


# ---------------------------------------------------------------- WHO-5


# "The raw score is calculated by totalling the figures of the five answers. The raw
# score ranges from 0 to 25 ... the raw score is multiplied by 4" (Psychiatric Centre
# North Zealand); 50 or below is poor wellbeing, 28 or below likely depression (Topp
# and colleagues 2015).
@pytest.mark.parametrize(
    ("answers", "total", "band"),
    [
        ((3, 3, 2, 4, 2), 56, "higher wellbeing"),  # 14 × 4
        ((3, 2, 2, 3, 2), 48, "low wellbeing"),  # 12 × 4
        ((1, 1, 1, 1, 1), 20, "very low wellbeing"),  # 5 × 4
        ((5, 5, 5, 5, 5), 100, "higher wellbeing"),
        ((0, 0, 0, 0, 0), 0, "very low wellbeing"),
    ],
)
def test_who5_scores_as_its_publisher_says(answers, total, band):
    entry = start("who-5", {f"q{i}": a for i, a in enumerate(answers, 1)})
    assert entry["score"] == {"total": total, "band": band}


def test_who5_reads_the_right_way_round_in_trends():
    start("who-5", {f"q{i}": 2 for i in range(1, 6)}, "--date", "2026-09-01")  # 40
    start("who-5", {f"q{i}": 4 for i in range(1, 6)}, "--date", "2026-10-01")  # 80
    report = run_hw("trends", "--since", "2026-08-01", "--until", "2026-10-31", "--json", env=ENV)
    who = next(m for m in report.json()["measures"] if m["template"] == "who-5")
    assert (who["baseline"], who["latest"], who["change"]) == (40, 80, 40)
    # a rise out of low wellbeing (50 or below) is a recovery when higher is better
    assert who["status"] == ["recovery"]


# ---------------------------------------------------------------- AUDIT

# WHO 2001, Box 4: questions 1-8 score 0-4 in answer order; 9 and 10 score 0, 2, 4.
# Zones I 0-7, II 8-15, III 16-19, IV 20-40; 8 or more indicates hazardous use.
AUDIT_LOW = {
    "q1": "2 to 4 times a month",  # 2
    "q2": "3 or 4",  # 1
    "q3": "Monthly",  # 2
    **{f"q{i}": "Never" for i in range(4, 9)},  # 0
    "q9": "Yes, but not in the last year",  # 2
    "q10": "No",  # 0
}


def test_audit_scores_its_answers_by_the_who_manual():
    assert start("audit", AUDIT_LOW)["score"] == {"total": 7, "band": "zone I"}
    more = {**AUDIT_LOW, "q10": "Yes, during the last year", "q7": "Monthly"}  # + 4 + 2
    assert start("audit", more)["score"] == {"total": 13, "band": "zone II"}
    most = {
        "q1": "4 or more times a week",
        "q2": "10 or more",
        **{f"q{i}": "Daily or almost daily" for i in range(3, 9)},
        "q9": "Yes, during the last year",
        "q10": "Yes, during the last year",
    }
    assert start("audit", most)["score"] == {"total": 40, "band": "zone IV"}


def test_audit_answers_can_be_given_by_their_number():
    numbered = {f"q{i}": 1 for i in range(1, 11)}  # the first answer of each: 0 points
    assert start("audit", numbered)["score"] == {"total": 0, "band": "zone I"}


# ---------------------------------------------------------------- PHQ-15


# Kroenke and colleagues 2002: each symptom 0, 1 or 2; 5, 10 and 15 are the cut-offs
# for low, medium and high severity. The item for women only is left out for men.
def test_phq15_scores_with_and_without_the_item_for_women_only():
    little = {f"q{i}": 1 for i in range(1, 16) if i != 4}
    assert start("phq-15", little)["score"] == {"total": 14, "band": "medium"}
    assert start("phq-15", {**little, "q4": 2})["score"] == {"total": 16, "band": "high"}
    few = {f"q{i}": 0 for i in range(1, 16) if i != 4} | {"q1": 2, "q5": 2}
    assert start("phq-15", few)["score"] == {"total": 4, "band": "minimal"}


# ---------------------------------------------------------------- PCL-5


# National Center for PTSD: total 0-80, the sum of the 20 items; cluster scores sum
# items 1-5 (B), 6-7 (C), 8-14 (D), 15-20 (E); a cut-off between 31 and 33.
def test_pcl5_scores_its_total_and_each_cluster():
    values = [2] * 5 + [3] * 2 + [1] * 7 + [2] * 6
    entry = start("pcl-5", {f"q{i}": v for i, v in enumerate(values, 1)})
    assert entry["score"] == {
        "total": 35,
        "band": "at or above the cut-off",
        "scales": {
            "b": {"score": 10, "band": None},
            "c": {"score": 6, "band": None},
            "d": {"score": 7, "band": None},
            "e": {"score": 12, "band": None},
        },
    }
    low = start("pcl-5", {f"q{i}": 1 for i in range(1, 21)})
    assert (low["score"]["total"], low["score"]["band"]) == (20, "below the cut-off")


def test_pcl5_trends_gives_one_item_a_scale():
    for day, value in (("2026-09-01", 3), ("2026-10-01", 1)):
        start("pcl-5", {f"q{i}": value for i in range(1, 21)}, "--date", day)
    report = run_hw("trends", "--since", "2026-08-01", "--until", "2026-10-31", "--json", env=ENV)
    items = [m for m in report.json()["measures"] if m["template"] == "pcl-5"]
    assert [(m["scale"], m["baseline"], m["latest"]) for m in items] == [
        (None, 60, 20), ("b", 15, 5), ("c", 6, 2), ("d", 21, 7), ("e", 18, 6),
    ]  # fmt: skip
    assert items[0]["status"] == ["recovery"]  # 60 at or above 33, 20 below


# ---------------------------------------------------------------- the items


PCL5_FIRST_AND_LAST = (
    "Repeated, disturbing, and unwanted memories of the stressful experience?",
    "Trouble falling or staying asleep?",
)


@pytest.mark.parametrize(
    ("template_id", "count", "first", "last", "notice"),
    [
        ("pcl-5", 20, *PCL5_FIRST_AND_LAST, "National Center for PTSD"),
        ("phq-15", 15, "Stomach pain", "Trouble sleeping", "No permission required"),
        (
            "who-5",
            5,
            "I have felt cheerful and in good spirits",
            "My daily life has been filled with things that interest me",
            "DK-3400 Hillerød",
        ),
        (
            "audit",
            10,
            "How often do you have a drink containing alcohol?",
            "Has a relative or friend or a doctor or another health worker been concerned "
            "about your drinking or suggested you cut down?",
            "not for sale or for use in conjunction with commercial purposes",
        ),
    ],
)
def test_each_instrument_has_its_items_in_order_and_its_notice(
    template_id, count, first, last, notice
):
    data = load(template_id)
    items = [s for s in data["steps"] if s["id"].startswith("q")]
    assert len(items) == count and [s["id"] for s in items] == [
        f"q{i}" for i in range(1, count + 1)
    ]
    assert (items[0]["prompt"], items[-1]["prompt"]) == (first, last)
    assert notice in data["notice"]
    assert data["modality"] == "measure"
    assert data["scoring"]["steps"] == [s["id"] for s in items]
    for key in ("bands", "caseness", "reliable_change"):  # each figure with its source
        if key in data["scoring"]:
            assert data["scoring"]["sources"][key].strip()


# ---------------------------------------------------------------- alerts on choices


def test_a_choice_alerts_on_its_points_through_the_safety_path(hw_home):
    folder = hw_home / "templates"
    folder.mkdir(parents=True)
    (folder / "my-check.toml").write_text(
        """
id = "my-check"
title = "My check"
alert = "Thank you for saying so."

[[steps]]
id = "harm"
type = "choice"
prompt = "Thoughts of harming yourself?"
options = ["Yes, quite often", "Sometimes", "Hardly ever", "Never"]
values = [3, 2, 1, 0]
alert_at = 1
urgent_at = 3
required = true

[scoring]
steps = ["harm"]
"""
    )
    never = run_hw("start", "my-check", "-a", "harm=Never", "--no-input", "--json", env=ENV)
    assert never.code == 0 and "Thank you for saying so." not in never.err
    assert "alerts" not in never.json()
    hardly = run_hw("start", "my-check", "-a", "harm=3", "--no-input", "--json", env=ENV)
    assert hardly.code == 0 and "Thank you for saying so." in hardly.err
    assert hardly.json()["alerts"] == ["harm"]
    assert json.loads(hardly.out)["score"] == {"total": 1, "band": None}
