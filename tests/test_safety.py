"""Safety first: `hw sos` at once and whatever the state of things, alerts that put
emergency help first and the person's own plan next, private-by-default exercises,
and one offer to set a crisis contact."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from helpers import finish, flat, item_flags, phq9_items, spawn_hw

EMERGENCY = "local emergency services"
NO_ONE = "hw tells no one and watches nothing"
PRIVATE_NOTE = "your therapist will not see this answer"


def write_config(text: str) -> None:
    home = Path(os.environ["HW_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(text)


def make_plan(hw, helper: str = "Alex 555-0101", line: str = "Crisis line 116 123") -> int:
    made = hw(
        "start",
        "safety-plan",
        "--answer",
        "warning_signs=I stop answering messages",
        "--answer",
        f"people_help={helper}",
        "--answer",
        f"professionals={line}",
        "--answer",
        "reasons=my dog",
        "--json",
    )
    assert made.code == 0, made.err
    return made.json()["id"]


def phq9(q9: int) -> list[str]:
    return item_flags(phq9_items(q9))


# ---------------------------------------------------------------- hw sos


def test_sos_with_no_journal_still_gives_the_emergency_advice(hw, journal_path):
    shown = hw("sos")
    assert shown.code == 0
    out = flat(shown.out)
    assert EMERGENCY in out and "hw start grounding" in out
    assert "hw start safety-plan" in out
    assert not journal_path.exists()  # it only reads
    data = hw("sos", "--json").json()
    assert data["plan"] is None and data["crisis_contact"] is None
    assert EMERGENCY in data["emergency"]


def test_sos_shows_the_newest_plan_private_included_and_the_contact(hw):
    write_config('crisis_contact = "Sam 555-0100"\n')
    make_plan(hw, helper="Old friend 555-0000")
    newest = make_plan(hw)
    data = hw("sos", "--json").json()
    assert data["plan"]["id"] == newest and data["plan"]["private"] is True
    assert data["crisis_contact"] == "Sam 555-0100"
    shown = hw("sos")
    assert shown.code == 0
    out = flat(shown.out)
    assert out.index(EMERGENCY) < out.index("Sam 555-0100") < out.index("Alex 555-0101")
    assert "Old friend" not in out and "my dog" in out


def test_sos_asks_nothing_and_survives_a_broken_config_and_a_broken_journal(hw, journal_path):
    write_config("this is = not [toml\n")
    journal_path.write_bytes(b"not a journal at all" * 100)
    shown = hw("sos")
    assert shown.code == 0 and EMERGENCY in flat(shown.out)
    assert "could not be read" in flat(shown.out)
    assert journal_path.read_bytes() == b"not a journal at all" * 100


def test_sos_never_upgrades_an_older_journal(hw, journal_path):
    assert hw("start", "gratitude", "--answer", "things=tea").code == 0
    db = sqlite3.connect(journal_path)
    db.execute("PRAGMA user_version = 3")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    before = journal_path.read_bytes()
    shown = hw("sos")
    assert shown.code == 0 and EMERGENCY in flat(shown.out)
    assert journal_path.read_bytes() == before
    db = sqlite3.connect(journal_path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 3
    db.close()


def test_sos_at_a_terminal_needs_no_keypress(hw):
    child = spawn_hw("sos")
    child.expect("hw start grounding")
    assert finish(child) == 0


# ---------------------------------------------------------------- alerts


def test_an_alert_puts_emergency_help_first_then_contact_then_plan_then_therapist(hw):
    write_config('crisis_contact = "Sam 555-0100"\n')
    make_plan(hw)
    made = hw("start", "phq-9", *phq9(2), "--json")
    assert made.code == 0 and made.json()["alerts"] == ["q9"]
    err = flat(made.err)
    order = [EMERGENCY, "Sam 555-0100", "Alex 555-0101", "Crisis line 116 123", "therapist", NO_ONE]
    positions = [err.index(part) for part in order]
    assert positions == sorted(positions), err
    assert PRIVATE_NOTE not in err


def test_without_a_plan_the_alert_suggests_making_one(hw):
    made = hw("start", "phq-9", *phq9(1))
    assert made.code == 0
    assert "hw start safety-plan" in flat(made.err)
    assert "crisis contact" not in made.err.lower()


def test_a_private_entry_alert_says_the_therapist_will_not_see_it(hw):
    made = hw("start", "phq-9", *phq9(3), "--private")
    assert made.code == 0 and PRIVATE_NOTE in flat(made.err)


def test_a_yes_that_alerts_does_so_for_the_dbt_card(hw):
    made = hw(
        "start",
        "dbt-diary-card",
        "--answer",
        "urge_suicide=0",
        "--answer",
        "urge_self_harm=0",
        "--answer",
        "self_harm=yes",
        "--answer",
        "skills_use=1",
        "--json",
    )
    assert made.code == 0, made.err
    assert made.json()["alerts"] == ["self_harm"]
    assert EMERGENCY in flat(made.err)


# ---------------------------------------------------------------- private by default


def test_private_by_default_exercises_are_withheld_unless_shared(hw):
    kept = make_plan(hw)
    letter = hw(
        "start",
        "letter-never-sent",
        "--answer",
        "recipient=you",
        "--answer",
        "letter=words",
        "--answer",
        "revealed=a lot",
    )
    assert letter.code == 0, letter.err
    shared = hw(
        "start",
        "letter-never-sent",
        "--answer",
        "recipient=them",
        "--answer",
        "letter=shared words",
        "--answer",
        "revealed=enough",
        "--shared",
        "--json",
    )
    assert shared.json()["private"] is False
    both = hw("start", "safety-plan", "--answer", "professionals=x", "--shared", "--private")
    assert both.code == 0
    entries = {e["id"]: e for e in hw("log", "-n", "0", "--json").json()}
    assert entries[kept]["private"] is True
    assert sum(e["private"] for e in entries.values()) == 3
    exported = hw("export")
    assert "shared words" in exported.out and "my dog" not in exported.out
    assert "my dog" in hw("export", "--include-private").out


# ---------------------------------------------------------------- the crisis contact, once


def test_the_first_alerting_exercise_at_a_terminal_offers_a_crisis_contact_once(hw, hw_home):
    child = spawn_hw("start", "phq-9")
    child.expect("person or a crisis line")
    child.expect("›")
    child.sendline("Sam 555-0100")
    child.expect("Saved")
    child.expect("›")  # the first item
    child.sendcontrol("c")
    finish(child)
    assert 'crisis_contact = "Sam 555-0100"' in (hw_home / "config.toml").read_text()

    again = spawn_hw("start", "phq-9")
    again.expect("›")
    assert "crisis line" not in again.before
    again.sendcontrol("c")
    finish(again)


def test_skipping_the_offer_is_remembered(hw, hw_home):
    child = spawn_hw("start", "dbt-diary-card")
    child.expect("person or a crisis line")
    child.expect("›")
    child.sendline("")
    child.expect("›")
    child.sendcontrol("c")
    finish(child)
    assert 'crisis_contact = ""' in (hw_home / "config.toml").read_text()
    again = spawn_hw("start", "phq-9")
    again.expect("›")
    assert "crisis line" not in again.before
    again.sendcontrol("c")
    finish(again)


def test_an_exercise_that_cannot_alert_does_not_ask(hw, hw_home):
    child = spawn_hw("start", "gratitude")
    child.expect("›")
    assert "crisis line" not in child.before
    child.sendcontrol("c")
    finish(child)
    assert not (hw_home / "config.toml").exists()
