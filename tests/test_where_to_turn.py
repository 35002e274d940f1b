"""Where to turn, in its fixed order, each item one line and every phone number whole at
any width; `hw sos` on one screen, the plan first and where to turn last."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from helpers import finish, item_flags, phq9_items, spawn_hw

GB = {"LANG": "en_GB.UTF-8"}
CONTACT = "Sam 07700 900123"
NUMBERS = ("116 123", "07700 900123", "555 0101", "020 7946 0000", "13 11 14")
SEVEN_STEPS = {
    "warning_signs": ("I stop answering messages", "lying awake"),
    "coping": ("a cold shower", "music"),
    "people_places": ("Jo's kitchen", "the library"),
    "people_help": ("Alex 555 0101", "Mum 555 0102"),
    "professionals": ("Dr Lee 020 7946 0000", "Samaritans 116 123"),
    "safer_surroundings": ("meds with Jo", "no stockpile"),
    "reasons": ("my dog", "my sister"),
}


def write_config(text: str) -> None:
    home = Path(os.environ["HW_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(text)


def make_plan(hw) -> int:
    flags = [f for step, items in SEVEN_STEPS.items() for i in items for f in ("-a", f"{step}={i}")]
    made = hw("start", "safety-plan", "--date", "2026-11-03", *flags, "--json")
    assert made.code == 0, made.err
    return made.json()["id"]


def test_sos_json_lists_where_to_turn_in_the_fixed_order(hw):
    write_config(f'crisis_contact = "{CONTACT}"\n')
    make_plan(hw)
    data = hw("sos", "--json", env=GB).json()
    assert data["country"] == "GB"
    kinds = [item["kind"] for item in data["where_to_turn"]]
    assert kinds == [
        "emergency",
        "crisis_line",
        "crisis_contact",
        "plan_person",
        "plan_professional",
        "therapist",
    ]
    phones = [item["phone"] for item in data["where_to_turn"]]
    assert phones == ["999", "116 123", "07700 900123", "555 0101", "020 7946 0000", None]
    assert "Samaritans: call 116 123, free, day or night." in data["where_to_turn"][1]["text"]
    assert data["emergency"] == data["where_to_turn"][0]["text"]
    assert data["next_step"].startswith("One small next step: hw start grounding")
    assert data["plan"]["private"] is False and data["crisis_contact"] == CONTACT


def test_without_a_country_the_common_numbers_and_a_directory_of_lines(hw):
    data = hw("sos", "--json").json()
    assert data["country"] is None and data["plan"] is None
    emergency, line, make_plan_item, therapist = data["where_to_turn"]
    for number in ("911", "999", "112", "000"):
        assert number in emergency["text"]
    assert emergency["phone"] is None
    assert line["kind"] == "crisis_line" and "findahelpline.com" in line["text"]
    assert make_plan_item["kind"] == "make_plan" and therapist["kind"] == "therapist"


def test_a_country_with_only_an_emergency_number_says_so_plainly(hw):
    data = hw("sos", "--json", env={"LANG": "ja_JP.UTF-8"}).json()
    assert data["country"] == "JP"
    assert "call 119 now" in data["where_to_turn"][0]["text"]
    assert "findahelpline.com" in data["where_to_turn"][1]["text"]


def screen_lines(out: str) -> list[str]:
    """The screen's lines as read: no styles, no carriage returns."""
    out = re.sub(r"\x1b\[[0-9;]*m", "", out).replace("\r", "").replace("\u00a0", " ")
    return [line.rstrip() for line in out.split("\n")]


def test_sos_for_a_seven_step_plan_fits_24_lines_at_80_columns_and_ends_with_where_to_turn(hw):
    write_config(f'crisis_contact = "{CONTACT}"\n')
    make_plan(hw)
    child = spawn_hw("sos", env=GB, dimensions=(24, 80))
    out = child.read()
    assert finish(child) == 0
    lines = screen_lines(out)
    while lines and not lines[-1]:
        lines.pop()
    assert len(lines) <= 24, "\n".join(lines)
    text = "\n".join(lines)
    assert "Warning signs: I stop answering messages; lying awake" in text
    assert "One line a step" not in text and "One a line" not in text  # headings, not prompts
    order = ["Your safety plan", "Reasons for living", "hw start grounding", "Where to turn now"]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    assert "therapist" in lines[-1] or "therapist" in lines[-2]


def render_sos_at(width: int, turns, plan) -> str:
    from rich.console import Console

    from hwjournal.render.safety import sos_screen

    out = io.StringIO()
    Console(file=out, width=width, color_system=None).print(sos_screen(turns, plan, None))
    return out.getvalue()


def test_no_phone_number_is_ever_split_at_any_width_from_40(hw):
    from hwjournal import crisis, safety
    from hwjournal.journal import Journal

    make_plan(hw)
    plan = safety.latest_plan(Journal.open(str(Path(os.environ["HW_HOME"]) / "journal.db")))
    for code in ("GB", "AU", "US", None):
        turns = safety.where_to_turn(CONTACT, plan, crisis.country(code))
        for width in range(40, 161):
            out = render_sos_at(width, turns, plan).replace(safety.NBSP, " ")
            for number in NUMBERS:
                if number in " ".join(out.split()):
                    assert any(number in line for line in out.splitlines()), (width, number)
            where = out[out.index("Where to turn now") :]
            items = [line for line in where.splitlines() if line.startswith("- ")]
            assert len(items) == len(turns)  # each item starts its own line


def test_a_plain_alert_keeps_numbers_whole_at_any_width(monkeypatch):
    from hwjournal import crisis, safety
    from hwjournal.render.safety import show_alert

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    turns = safety.where_to_turn(CONTACT, None, crisis.country("AU"))
    told = safety.alert(["Something was noticed."], turns, private=False)
    for width in range(40, 121):
        monkeypatch.setenv("COLUMNS", str(width))
        stream = Terminal()
        show_alert(told, stream=stream, plain=True)
        lines = stream.getvalue().replace(safety.NBSP, " ").splitlines()
        assert all(len(line) <= width for line in lines)
        for number in ("13 11 14", "07700 900123"):
            assert any(number in line for line in lines), (width, number)


def test_sos_with_a_plan_made_before_headings_uses_the_templates_headings(hw, hw_home):
    old = Path(__file__).parent / "data" / "old_templates" / "safety-plan.toml"
    (hw_home / "templates").mkdir(parents=True)
    (hw_home / "templates" / "safety-plan.toml").write_text(old.read_text())
    make_plan(hw)
    (hw_home / "templates" / "safety-plan.toml").unlink()
    out = hw("sos", env=GB).out
    assert "Warning signs: I stop answering messages; lying awake" in " ".join(out.split())
    assert "One a line" not in out


def test_an_unreadable_settings_file_is_said_in_one_line_and_sos_exits_0(hw, hw_home):
    hw_home.mkdir(parents=True, exist_ok=True)
    (hw_home / "config.toml").write_text("crisis_contact = [unclosed\n")
    shown = hw("sos", env=GB)
    assert shown.code == 0
    said = [line for line in shown.err.splitlines() if line.strip()]
    assert len(said) == 1 and "settings could not be read" in said[0]
    assert "Samaritans" in shown.out  # the country still comes from the locale
    data = hw("sos", "--json", env=GB)
    assert data.code == 0 and data.json()["crisis_contact"] is None


@pytest.mark.parametrize("width", [40, 57, 80])
def test_the_last_line_after_an_alert_keeps_the_number_whole(hw, width):
    child = spawn_hw(
        "start",
        "phq-9",
        *item_flags(phq9_items(1)),
        "--no-input",
        env={**GB, "COLUMNS": str(width)},
        dimensions=(40, width),
    )
    out = child.read().replace("\r", "")
    assert finish(child) == 0
    assert re.search(r"hw sos, or Samaritans on 116.123\.", out.replace("\n", " "))
    assert any("116\u00a0123" in line or "116 123" in line for line in out.splitlines())
