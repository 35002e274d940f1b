"""hw config show | set: settings read and written the way a person expects: one
line changed, comments kept, bad keys and values refused with the file untouched."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

DEFAULTS = {
    "name": "",
    "week_start": "monday",
    "template_dirs": [],
    "backup_keep": 7,
    "mood_checkin": True,
    "editor": False,
    "crisis_contact": "",
    "keyring": False,
    "country": "",
    "care_start": "",
    "language": "",
    # not settings but what follows from them: no country set and none in the locale
    "country_in_use": None,
    "country_from": "none",
}


def test_show_gives_the_defaults_and_creates_nothing(hw, hw_home):
    shown = hw("config", "show", "--json")
    assert shown.code == 0
    assert shown.json() == DEFAULTS
    screen = hw("config", "show")
    assert screen.code == 0
    for key in DEFAULTS:
        if not key.startswith("country_"):
            assert key in screen.out
    assert "Country for where to turn: none" in " ".join(screen.out.split())
    assert "monday or sunday" in screen.out  # what each setting can be
    assert not hw_home.exists()


def test_set_creates_a_private_file_in_a_private_folder(hw, tmp_path):
    config = tmp_path / "new" / "folder" / "config.toml"
    env = {"HW_CONFIG": str(config)}
    done = hw("config", "set", "week_start", "sunday", env=env)
    assert done.code == 0, done.err
    assert done.out == ""
    assert "week_start" in done.err and "sunday" in done.err
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    assert stat.S_IMODE(config.parent.stat().st_mode) == 0o700
    assert hw("config", "show", "--json", env=env).json()["week_start"] == "sunday"


def test_hw_config_takes_precedence_over_hw_home(hw, hw_home, tmp_path):
    config = tmp_path / "elsewhere.toml"
    assert hw("config", "set", "name", "Sam", env={"HW_CONFIG": str(config)}).code == 0
    assert 'name = "Sam"' in config.read_text()
    assert not (hw_home / "config.toml").exists()
    assert hw("config", "show", "--json").json()["name"] == ""


@pytest.mark.parametrize(
    ("key", "value", "stored"),
    [
        ("name", "Sam Rivers", "Sam Rivers"),
        ("week_start", "Sunday", "sunday"),
        ("template_dirs", "~/a, /tmp/b,", ["~/a", "/tmp/b"]),
        ("template_dirs", "", []),
        ("backup_keep", "0", 0),
        ("backup_keep", "30", 30),
        ("mood_checkin", "off", False),
        ("editor", "yes", True),
        ("crisis_contact", "Samaritans 116 123", "Samaritans 116 123"),
    ],
)
def test_set_then_show_round_trips(hw, key, value, stored):
    done = hw("config", "set", key, value)
    assert done.code == 0, done.err
    assert hw("config", "show", "--json").json() == {**DEFAULTS, key: stored}


ORIGINAL = """\
# Sam's settings
name = "Sam"   # how my therapist knows me

# weeks
week_start = "monday" # Mondays suit me
template_dirs = [
  "~/one",
  "~/two",
]
backup_keep = 7
"""


def write_config(hw_home: Path, text: str) -> Path:
    hw_home.mkdir(parents=True, exist_ok=True)
    path = hw_home / "config.toml"
    path.write_text(text)
    return path


def test_set_replaces_just_that_line_and_keeps_comments_and_order(hw, hw_home):
    path = write_config(hw_home, ORIGINAL)
    assert hw("config", "set", "week_start", "sunday").code == 0
    assert path.read_text() == ORIGINAL.replace(
        'week_start = "monday" # Mondays suit me', 'week_start = "sunday" # Mondays suit me'
    )
    assert hw("config", "set", "name", 'Sam "#1" R').code == 0
    assert 'name = "Sam \\"#1\\" R"   # how my therapist knows me' in path.read_text()


def test_a_list_over_several_lines_is_replaced_whole(hw, hw_home):
    path = write_config(hw_home, ORIGINAL)
    assert hw("config", "set", "template_dirs", "~/three").code == 0
    text = path.read_text()
    assert 'template_dirs = ["~/three"]\nbackup_keep = 7\n' in text
    assert "# Sam's settings" in text and "# weeks" in text
    assert hw("config", "show", "--json").json()["template_dirs"] == ["~/three"]


def test_a_new_setting_is_added_with_the_top_level_keys(hw, hw_home):
    text = ORIGINAL + "\n[notes]\nmine = 1\n"
    path = write_config(hw_home, text)
    assert hw("config", "set", "crisis_contact", "Dr Lee").code == 0
    new = path.read_text()
    assert new == text.replace("backup_keep = 7\n", 'backup_keep = 7\ncrisis_contact = "Dr Lee"\n')
    assert hw("config", "show", "--json").json()["crisis_contact"] == "Dr Lee"


@pytest.mark.parametrize(
    ("key", "value", "allowed"),
    [
        ("week_start", "tuesday", "monday or sunday"),
        ("backup_keep", "-1", "a whole number, 0 or more"),
        ("backup_keep", "many", "a whole number, 0 or more"),
        ("mood_checkin", "maybe", "true or false"),
        ("editor", "2", "true or false"),
        ("colour", "blue", "week_start"),
        ("Name", "Sam", "crisis_contact"),
    ],
)
def test_bad_keys_and_values_are_refused_with_what_is_allowed(hw, hw_home, key, value, allowed):
    path = write_config(hw_home, ORIGINAL)
    before = path.read_bytes()
    refused = hw("config", "set", key, value)
    assert refused.code == 2
    assert refused.out == ""
    assert allowed in refused.err
    assert "Traceback" not in refused.err
    assert path.read_bytes() == before


def test_a_bad_value_does_not_create_a_file(hw, hw_home):
    assert hw("config", "set", "week_start", "someday").code == 2
    assert not hw_home.exists()


def test_a_malformed_file_is_refused_untouched(hw, hw_home):
    path = write_config(hw_home, 'name = "Sam\n')
    before = path.read_bytes()
    refused = hw("config", "set", "week_start", "sunday")
    assert refused.code == 2
    assert str(path) in refused.err
    assert path.read_bytes() == before
    assert hw("config", "show").code == 2


def test_a_bad_value_already_in_the_file_can_be_fixed_with_set(hw, hw_home):
    path = write_config(hw_home, 'week_start = "tuesday"\n')
    shown = hw("config", "show")
    assert shown.code == 2
    assert "monday or sunday" in shown.err
    assert hw("config", "set", "week_start", "sunday").code == 0
    assert path.read_text() == 'week_start = "sunday"\n'
    assert hw("config", "show", "--json").json()["week_start"] == "sunday"


def test_unknown_keys_in_the_file_warn_and_are_kept(hw, hw_home):
    path = write_config(hw_home, 'colour = "blue"\nname = "Sam"\n')
    shown = hw("config", "show", "--json")
    assert shown.code == 0
    assert shown.json()["name"] == "Sam"
    assert "colour" in shown.err
    done = hw("config", "set", "name", "Al")
    assert done.code == 0
    assert "colour" in done.err
    assert path.read_text() == 'colour = "blue"\nname = "Al"\n'


def test_template_dirs_set_by_commas_are_where_templates_are_found(hw, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    (two / "from-two.toml").write_text(
        'id = "from-two"\ntitle = "From two"\n[[steps]]\nid = "a"\ntype = "text"\nprompt = "p"\n'
    )
    assert hw("config", "set", "template_dirs", f"{one},{two}").code == 0
    assert hw("config", "show", "--json").json()["template_dirs"] == [str(one), str(two)]
    listed = {t["id"] for t in hw("templates", "list", "--json").json()}
    assert "from-two" in listed


def test_settings_take_effect(hw):
    assert hw("config", "set", "crisis_contact", "Dr Lee 555-0100").code == 0
    flags = []
    for number in range(1, 10):
        flags += ["--answer", f"q{number}={1 if number == 9 else 0}"]
    made = hw("start", "phq-9", *flags)
    assert made.code == 0
    assert "Dr Lee 555-0100" in made.err


def test_a_misspelt_setting_is_pointed_out_by_every_command_that_reads_settings(hw, hw_home):
    hw_home.mkdir(parents=True, exist_ok=True)
    (hw_home / "config.toml").write_text('crisis_contcat = "555 0100"\n')
    answers = [f"--answer=q{n}=0" for n in range(1, 10)]
    made = hw("start", "phq-9", *answers)
    assert made.code == 0
    assert "'crisis_contcat'" in made.err
    assert "crisis_contact" in made.err.split("'crisis_contcat'")[1]
