"""Alerts graded and not repeated: the full block once an entry, each step in its own
words, the urgent line where an answer is urgent, and a last line that names hw sos
and the first crisis line; at a pty and without a terminal."""

from __future__ import annotations

import os
from pathlib import Path

import pexpect

from helpers import finish, flat, item_flags, phq9_items, spawn_hw

GB = {"LANG": "en_GB.UTF-8"}
WHERE = "Where to turn now"
STILL = "The help above still stands: hw sos shows it at any time."
URGENT = "Please tell someone today: a crisis line, your crisis contact or your therapist."
LAST = "Where to turn, any time: hw sos, or Samaritans on 116 123."
SUICIDE_WORDS = "You noted thoughts or urges to end your life today"
SELF_HARM_URGE_WORDS = "You noted a strong urge to hurt yourself today"
SELF_HARM_WORDS = "You noted that you hurt yourself today"
WOUND_CARE = "look after the injury"
# the DBT card's other steps, given by flag so that only the alerting ones are asked
DBT_REST = ["--answer", "skills_use=1", "--answer", "reflection=ok", "--mood", "3"]


def set_contact() -> None:
    home = Path(os.environ["HW_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text('crisis_contact = "Sam 555 0100"\n')


def phq9(q9: int) -> list[str]:
    return item_flags(phq9_items(q9))


def test_dbt_card_at_a_pty_shows_the_block_once_and_each_step_in_its_own_words(hw):
    set_contact()
    child = spawn_hw("start", "dbt-diary-card", "--date", "2026-11-03", *DBT_REST, env=GB)
    seen = ""
    for answer in ("4", "5"):
        child.expect("›")
        seen += child.before
        child.sendline(answer)
    child.expect("Did you harm yourself today")
    before_self_harm = flat(seen + child.before)
    child.expect("›")
    child.sendline("y")
    out = ""
    while child.expect(["›", pexpect.EOF]) == 0:  # the optional rows: Enter skips each
        out += child.before
        child.sendline("")
    out += child.before
    assert finish(child) == 0
    whole = before_self_harm + " " + flat(out)
    assert whole.count(WHERE) == 1
    assert SUICIDE_WORDS in whole and SELF_HARM_URGE_WORDS in whole and SELF_HARM_WORDS in whole
    assert whole.count(STILL) == 2
    assert WOUND_CARE not in before_self_harm  # no wound care after an urge alone
    assert WOUND_CARE in flat(out)
    assert whole.count(URGENT) == 1  # the suicidal urge at 4 is urgent, in the block
    assert "Then let your therapist know" not in whole
    assert flat(out).endswith(LAST)


def test_dbt_card_without_a_terminal_gives_one_block_for_every_alerting_step(hw):
    set_contact()
    flags = ["--answer", "urge_suicide=3", "--answer", "urge_self_harm=4"]
    made = hw("start", "dbt-diary-card", *flags, "--answer", "self_harm=yes", *DBT_REST, env=GB)
    assert made.code == 0, made.err
    err = flat(made.err)
    assert err.count(WHERE) == 1 and STILL not in err
    words = [SUICIDE_WORDS, SELF_HARM_URGE_WORDS, SELF_HARM_WORDS, WHERE]
    positions = [err.index(w) for w in words]
    assert positions == sorted(positions)  # each step's text once, in step order, then help
    assert all(err.count(w) == 1 for w in words)
    assert URGENT not in err and "Then let your therapist know" in err  # 3 is not urgent
    assert made.err.strip().splitlines()[-1] == LAST
    assert made.out.strip().isdigit()


def test_a_dbt_urge_alone_brings_no_wound_care(hw):
    urges = ["--answer", "urge_suicide=5", "--answer", "urge_self_harm=5"]
    made = hw("start", "dbt-diary-card", *urges, "--answer", "self_harm=no", *DBT_REST)
    assert made.code == 0
    err = flat(made.err)
    assert SUICIDE_WORDS in err and WOUND_CARE not in err and URGENT in err


def test_phq9_item_9_at_3_asks_to_tell_someone_today_and_at_1_does_not(hw):
    urgent = hw("start", "phq-9", *phq9(3), env=GB)
    assert urgent.code == 0
    assert URGENT in flat(urgent.err) and "Then let your therapist know" not in flat(urgent.err)
    calm = hw("start", "phq-9", *phq9(1), env=GB)
    assert URGENT not in flat(calm.err) and "Then let your therapist know" in flat(calm.err)
    assert calm.err.strip().splitlines()[-1] == LAST


def test_phq9_item_9_at_3_at_a_pty_asks_to_tell_someone_today(hw):
    set_contact()
    child = spawn_hw("start", "phq-9", *phq9(0)[:-2], env=GB)
    child.expect("better off dead")
    child.expect("›")
    child.sendline("3")
    child.expect("how difficult")
    shown = flat(child.before)
    assert URGENT in shown and shown.count(WHERE) == 1
    child.close(force=True)


def test_without_a_country_the_last_line_names_the_directory(hw):
    made = hw("start", "phq-9", *phq9(1))
    assert made.err.strip().splitlines()[-1] == (
        "Where to turn, any time: hw sos, or findahelpline.com for a free crisis line."
    )


LEVELS = """\
id = "two-levels"
title = "Two levels"
why = "For tests."
alert = "Something you said matters."

[[steps]]
id = "a"
type = "scale"
min = 0
max = 3
prompt = "First?"
alert_at = 1

[[steps]]
id = "b"
type = "scale"
min = 0
max = 3
prompt = "Second?"
alert_at = 1
urgent_at = 2

[[steps]]
id = "reflection"
type = "long"
prompt = "Anything else?"
reflection = true
"""


def test_a_later_urgent_answer_adds_the_urgent_line_once(hw, hw_home):
    set_contact()
    (hw_home / "templates").mkdir(parents=True)
    (hw_home / "templates" / "two-levels.toml").write_text(LEVELS)
    child = spawn_hw("start", "two-levels", "--answer", "reflection=ok", "--mood", "3")
    child.expect("›")
    child.sendline("1")
    child.expect("Second")
    first = flat(child.before)
    assert WHERE in first and URGENT not in first
    child.expect("›")
    child.sendline("2")
    rest = flat(child.read())
    assert finish(child) == 0
    assert WHERE not in rest and STILL in rest and rest.count(URGENT) == 1
    assert "Something you said matters" not in rest  # the template's text is not repeated


def test_validate_refuses_urgent_below_alert_and_an_orphan_alert_text(hw, tmp_path):
    bad = LEVELS.replace("urgent_at = 2", "urgent_at = 0")
    (tmp_path / "bad.toml").write_text(bad)
    refused = hw("templates", "validate", str(tmp_path / "bad.toml"))
    assert refused.code == 1 and "urgent_at" in refused.out + refused.err
    orphan = LEVELS.replace("alert_at = 1\nurgent_at = 2", 'alert = "Hm."')
    (tmp_path / "orphan.toml").write_text(orphan)
    refused = hw("templates", "validate", str(tmp_path / "orphan.toml"))
    assert refused.code == 1 and "alert_at" in refused.out + refused.err
    (tmp_path / "good.toml").write_text(LEVELS)
    assert hw("templates", "validate", str(tmp_path / "good.toml")).code == 0


# ---------------------------------------------------------------- sharing, offered once


def test_a_private_entry_that_alerted_is_offered_for_sharing_at_a_terminal(hw):
    set_contact()
    rest = ["--answer", "difficulty=Somewhat difficult", "--answer", "reflection=ok"]
    child = spawn_hw("start", "phq-9", *phq9(1), *rest, "--mood", "3", "--private")
    child.expect(r"Would you like them to\? \[y/N\]")
    child.sendline("y")
    child.read()
    assert finish(child) == 0
    assert hw("show", "1", "--json").json()["private"] is False
    child = spawn_hw("start", "phq-9", *phq9(1), *rest, "--mood", "3", "--private")
    child.expect(r"\[y/N\]")
    child.sendline("")
    child.read()
    assert finish(child) == 0
    assert hw("show", "2", "--json").json()["private"] is True


def test_the_offer_is_never_made_without_a_terminal(hw):
    made = hw("start", "phq-9", *phq9(1), "--private", "--json")
    assert made.code == 0 and "Would you like" not in made.err
    assert made.json()["private"] is True


LETTER = ["--answer", "recipient=M", "--answer", "letter=words", "--answer", "revealed=some"]
FELT = ["--answer", "charge_before=6", "--answer", "charge_after=4"]


def test_reading_the_letter_with_the_therapist_offers_to_share_it(hw):
    set_contact()
    child = spawn_hw(
        "start", "letter-never-sent", *LETTER, *FELT, "--answer", "keep=Read it with my therapist",
        "--answer", "released=a bit", "--mood", "3",
    )  # fmt: skip
    child.expect(r"Would you like them to\? \[y/N\]")
    child.sendline("yes")
    child.read()
    assert finish(child) == 0
    assert hw("show", "1", "--json").json()["private"] is False
    kept = hw("start", "letter-never-sent", *LETTER, "--answer", "keep=Keep it here")
    assert kept.code == 0 and "Would you like" not in kept.err


def test_a_feeling_of_10_after_the_letter_suggests_grounding_and_is_no_alert(hw):
    made = hw("start", "letter-never-sent", *LETTER, "--answer", "charge_after=10", "--json")
    assert made.code == 0
    assert "hw start grounding" in flat(made.err) and WHERE not in made.err
    assert "alerts" not in made.json()
    calmer = hw("start", "letter-never-sent", *LETTER, "--answer", "charge_after=9")
    assert "hw start grounding" not in flat(calmer.err)


# ---------------------------------------------------------------- the safety plan


def test_a_new_plan_is_shared_and_starts_from_the_last_one(hw):
    first = hw(
        "start", "safety-plan", "-a", "warning_signs=lying awake", "-a", "warning_signs=no texts",
        "-a", "coping=music", "-a", "professionals=Dr Lee 020 7946 0000", "--json",
    )  # fmt: skip
    assert first.code == 0 and first.json()["private"] is False
    child = spawn_hw("start", "safety-plan", "--answer", "reflection=ok", "--mood", "3")
    child.expect("When things are calmer|Press Enter|This plan is for hard moments")
    child.sendline("")  # the introduction waits for Enter
    child.expect("From your last plan: lying awake")
    child.expect("›")
    child.sendline("")  # Enter keeps them
    child.expect("From your last plan: music")
    child.expect("›")
    child.sendline("a cold shower")
    child.expect("›")
    child.sendline("")
    for _ in range(5):  # people and places, people, professionals, surroundings, reasons
        child.expect("›")
        child.sendline("")
    child.read()
    assert finish(child) == 0
    newest = hw("show", "2", "--json").json()
    assert newest["answers"]["warning_signs"] == ["lying awake", "no texts"]
    assert newest["answers"]["coping"] == ["a cold shower"]
    assert newest["answers"]["professionals"] == ["Dr Lee 020 7946 0000"]
    assert newest["private"] is False
