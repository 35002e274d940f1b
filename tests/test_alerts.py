"""The alert path: an answer at or above its step's alert_at is met at once, on
stderr, with the crisis contact from the config; it says hw tells no one and where
to turn; it fires for drafts too and never changes the exit code or the JSON."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

import pexpect
import pytest

from helpers import REPO, finish, flat, item_flags, phq9_items, spawn_hw

CONTACT = "Dr Lee, 555-0100"
PHQ9_ALERT = "thoughts of being better off dead"
NO_ONE = "hw tells no one and watches nothing"
WHERE_TO_TURN = "local emergency services"


def set_contact() -> None:
    home = Path(os.environ["HW_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(f'crisis_contact = "{CONTACT}"\n')


def phq9_flags(q9: int, **others: int) -> list[str]:
    return item_flags(phq9_items(q9, **others))


def answer_phq9_up_to_item_9(child: pexpect.spawn, q9: str) -> None:
    for _ in range(8):
        child.expect("›")
        child.sendline("0")
    child.expect("better off dead")
    child.expect("›")
    child.sendline(q9)


def test_at_a_terminal_the_alert_comes_with_the_crisis_contact_before_the_next_prompt(hw):
    set_contact()
    child = spawn_hw("start", "phq-9")
    answer_phq9_up_to_item_9(child, "1")
    child.expect("how difficult have these problems")
    shown = flat(child.before)
    assert PHQ9_ALERT in shown
    assert CONTACT in shown
    assert NO_ONE in shown and WHERE_TO_TURN in shown
    assert shown.index(PHQ9_ALERT) < shown.index(CONTACT)
    child.expect("›")
    child.sendline("")  # difficulty is optional
    child.expect("anything you'd like your therapist to know")
    child.sendeof()
    child.expect("How are you feeling")
    child.sendline("")
    assert finish(child) == 0
    entry = hw("log", "--json").json()[0]
    assert entry["alerts"] == ["q9"]
    assert entry["answers"]["q9"] == 1


def test_no_alert_below_the_level(hw):
    set_contact()
    child = spawn_hw("start", "phq-9")
    answer_phq9_up_to_item_9(child, "0")
    child.expect("how difficult have these problems")
    assert NO_ONE not in flat(child.before)
    assert CONTACT not in flat(child.before)
    child.sendintr()
    assert finish(child) == 130


def test_ctrl_c_after_the_alerting_answer_keeps_it_in_the_draft(hw):
    set_contact()
    child = spawn_hw("start", "phq-9")
    answer_phq9_up_to_item_9(child, "2")
    child.expect(CONTACT)
    child.expect("how difficult have these problems")
    child.expect("›")
    child.sendintr()
    child.expect("hw resume")
    assert finish(child) == 130
    drafts = hw("log", "--drafts", "--json").json()
    assert len(drafts) == 1
    draft = drafts[0]
    assert draft["status"] == "draft"
    assert draft["answers"]["q9"] == 2
    assert draft["alerts"] == ["q9"]


def test_an_alerting_answer_given_by_flag_at_a_terminal_alerts_before_the_first_prompt(hw):
    set_contact()
    child = spawn_hw("start", "phq-9", "--answer", "q9=3")
    child.expect("Little interest or pleasure")
    shown = flat(child.before)
    assert PHQ9_ALERT in shown and CONTACT in shown and NO_ONE in shown
    child.sendintr()
    assert finish(child) == 130
    draft = hw("log", "--drafts", "--json").json()[0]
    assert draft["answers"] == {"q9": 3}
    assert draft["alerts"] == ["q9"]


def test_without_a_terminal_stderr_has_the_alert_and_stdout_stays_json(hw):
    set_contact()
    made = hw("start", "phq-9", *phq9_flags(1), "--json")
    assert made.code == 0
    entry = json.loads(made.out)
    assert entry["alerts"] == ["q9"]
    assert entry["score"] == {"total": 1, "band": "minimal"}
    err = flat(made.err)
    assert PHQ9_ALERT in err and CONTACT in err and NO_ONE in err and WHERE_TO_TURN in err
    assert err.count(NO_ONE) == 1  # said once, not repeated by the template's own text
    assert PHQ9_ALERT not in made.out and CONTACT not in made.out


def test_plain_output_is_still_just_the_id_and_exit_0(hw):
    made = hw("start", "phq-9", *phq9_flags(3))
    assert made.code == 0
    assert made.out.strip().isdigit()
    assert NO_ONE in flat(made.err)
    assert "crisis contact" not in made.err.lower()  # none configured: no empty line for it


def test_no_alert_when_item_9_is_0(hw):
    set_contact()
    made = hw("start", "phq-9", *phq9_flags(0, q1=3, q2=3), "--json")
    assert made.code == 0
    assert "alerts" not in made.json() or not made.json()["alerts"]
    assert NO_ONE not in made.err and CONTACT not in made.err


def test_resume_with_an_alerting_answer_alerts_too(hw):
    set_contact()
    child = spawn_hw("start", "phq-9")
    child.expect("›")
    child.sendline("0")
    child.expect("Feeling down")
    child.expect("›")
    child.sendintr()
    assert finish(child) == 130
    draft_id = hw("log", "--drafts", "--json").json()[0]["id"]
    flags = phq9_flags(2)[2:]  # q1 is in the draft already
    done = hw("resume", str(draft_id), *flags, "--json")
    assert done.code == 0, done.err
    assert done.json()["alerts"] == ["q9"]
    assert CONTACT in flat(done.err) and NO_ONE in flat(done.err)


DBT_REQUIRED = {"urge_suicide": "0", "urge_self_harm": "0", "self_harm": "n", "skills_use": "1"}
DBT_ALERT = "If you have a safety plan, this is the time to use it"


def dbt_card(hw, **answers: str):
    given = {**DBT_REQUIRED, **answers}
    flags = [arg for key, value in given.items() for arg in ("--answer", f"{key}={value}")]
    return hw("start", "dbt-diary-card", *flags, "--json")


def test_a_dbt_card_below_every_alert_level_alerts_nothing(hw):
    set_contact()
    quiet = dbt_card(hw, urge_suicide="2", urge_self_harm="3")
    assert quiet.code == 0, quiet.err
    assert "alerts" not in quiet.json()
    assert NO_ONE not in quiet.err and DBT_ALERT not in flat(quiet.err)


@pytest.mark.parametrize(
    ("answers", "alerting"),
    [
        ({"urge_suicide": "3"}, ["urge_suicide"]),
        ({"urge_self_harm": "4"}, ["urge_self_harm"]),
        ({"self_harm": "y"}, ["self_harm"]),
        ({"urge_suicide": "5", "self_harm": "yes"}, ["urge_suicide", "self_harm"]),
    ],
)
def test_each_dbt_alert_fires_without_a_terminal_on_stderr_with_exit_0(hw, answers, alerting):
    set_contact()
    made = dbt_card(hw, **answers)
    assert made.code == 0, made.err
    assert made.json()["alerts"] == alerting  # stdout stays the entry's JSON
    err = flat(made.err)
    assert DBT_ALERT in err and CONTACT in err and NO_ONE in err
    assert err.count(NO_ONE) == 1  # one alert however many answers reached it
    assert DBT_ALERT not in made.out


def test_the_dbt_alert_gives_care_advice_for_an_injury():
    with open(REPO / "templates" / "dbt-diary-card.toml", "rb") as fh:
        alert = tomllib.load(fh)["alert"]
    assert "medical help" in alert and "let someone you trust know" in alert


# ---------------------------------------------------------------- yesno: alert_at = true

URGE_ALERT = "You said the urge is strong right now"
YESNO_TEMPLATE = f"""\
id = "urge-check"
title = "Urge check"
why = "For tests."
alert = "{URGE_ALERT}, and that matters."

[[steps]]
id = "urge"
type = "yesno"
prompt = "Is the urge strong right now?"
alert_at = true

[[steps]]
id = "reflection"
type = "long"
prompt = "What helps?"
reflection = true
"""


def urge_template(text: str = YESNO_TEMPLATE) -> Path:
    folder = Path(os.environ["HW_HOME"]) / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "urge-check.toml"
    path.write_text(text)
    return path


def test_a_yes_alerts_on_a_yesno_step_with_alert_at_true(hw):
    set_contact()
    urge_template()
    made = hw("start", "urge-check", "--answer", "urge=yes", "--json")
    assert made.code == 0, made.err
    assert made.json()["alerts"] == ["urge"]
    err = flat(made.err)
    assert URGE_ALERT in err and CONTACT in err and NO_ONE in err


def test_a_no_does_not_alert(hw):
    set_contact()
    urge_template()
    made = hw("start", "urge-check", "--answer", "urge=no", "--json")
    assert made.code == 0, made.err
    assert made.json()["answers"] == {"urge": False}
    assert not made.json().get("alerts")
    assert URGE_ALERT not in made.err and NO_ONE not in made.err


def test_a_yes_at_a_terminal_alerts_at_once_and_stays_in_the_draft(hw):
    set_contact()
    urge_template()
    child = spawn_hw("start", "urge-check")
    child.expect("urge strong")
    child.expect("›")
    child.sendline("y")
    child.expect("What helps")
    shown = flat(child.before)
    assert URGE_ALERT in shown and CONTACT in shown
    child.sendintr()
    assert finish(child) == 130
    draft = hw("log", "--drafts", "--json").json()[0]
    assert draft["answers"] == {"urge": True}
    assert draft["alerts"] == ["urge"]


def test_alert_at_on_a_yesno_step_can_only_be_true(hw):
    path = urge_template()
    for setting in ("alert_at = false", "alert_at = 1", 'alert_at = "yes"'):
        path.write_text(YESNO_TEMPLATE.replace("alert_at = true", setting))
        checked = hw("templates", "validate", str(path), "--json")
        assert checked.code == 1, setting
        result = checked.json()[0]
        assert (result["key"], result["line"]) == ("steps[0].alert_at", 10), setting
        assert "can only be true" in result["error"], setting
    path.write_text(YESNO_TEMPLATE.replace('type = "yesno"', 'type = "scale"\nmin = 0\nmax = 3'))
    assert "should be a number" in hw("templates", "validate", str(path)).err
