"""The settings file read without a TOML parser: whatever quicktoml reads, tomllib
reads the same; whatever tomllib refuses, quicktoml leaves to it; and the file hw
itself writes never needs tomllib."""

from __future__ import annotations

import tomllib

import pytest
import tomli_w
from hypothesis import example, given, settings
from hypothesis import strategies as st

from helpers import hw_here, hw_imports
from hwjournal import config, quicktoml

KEY = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_-019", min_size=1, max_size=8)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
VALUE = st.one_of(TEXT, st.integers(), st.booleans(), st.lists(TEXT, max_size=3))
PIECES = st.sampled_from(
    [" ", "\t", "=", '"', "'", "#", "[", "]", ",", "\\", "\n", "\r\n", "\r", "true",
     "false", "0", "07", "+1", "-0", "1_0", "x", "a.b", "ñ", '"""', "'''", "\x00", "\x7f"]
)  # fmt: skip


def same_as_tomllib(text: str) -> None:
    quick = quicktoml.loads(text)
    try:
        parsed = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assert quick is None, repr(text)
        return
    if quick is not None:
        assert quick == parsed, repr(text)
        assert [type(v) for v in quick.values()] == [type(v) for v in parsed.values()]


@settings(max_examples=200)
@given(st.dictionaries(KEY, VALUE, max_size=5))
def test_what_tomli_w_writes_is_read_the_same_and_mostly_without_tomllib(data):
    text = tomli_w.dumps(data)
    same_as_tomllib(text)
    plain = all(
        not isinstance(v, str) or ("\\" not in tomli_w.dumps({"k": v})) for v in data.values()
    ) and not any(isinstance(v, list) and v for v in data.values())
    if plain:
        assert quicktoml.loads(text) == data


@settings(max_examples=500)
@given(st.lists(st.one_of(PIECES, KEY, TEXT), max_size=14).map("".join))
@example('a = "x" # "y"\nb = [ "1" , \'2\' , ]\n')
@example('a = """x"""\n')
@example("a = 1\na = 2\n")
@example('a = ""\n')
@example("a = [\n]\n")
@example("a = true#c\n")
@example("a = 0 \t # c\n")
def test_any_text_is_read_as_tomllib_reads_it_or_left_to_it(text):
    same_as_tomllib(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'language = "es"\nweek_start = "sunday"  # mine\n',
            {"language": "es", "week_start": "sunday"},
        ),
        ("backup_keep = 3\nmood_checkin = false\r\n", {"backup_keep": 3, "mood_checkin": False}),
        ("template_dirs = ['C:\\mine', \"/x y\"]\n", {"template_dirs": ["C:\\mine", "/x y"]}),
        ("# only a comment\n\n", {}),
        ('name = "Sam \\"the\\" man"\n', None),  # an escape: tomllib's to read
        ("[section]\nname = 1\n", None),
        ("care_start = 2026-01-05\n", None),  # a TOML date
    ],
)
def test_plain_settings_and_what_is_left_to_tomllib(text, expected):
    assert quicktoml.loads(text) == expected
    same_as_tomllib(text)


def test_every_setting_hw_writes_is_read_without_tomllib(hw_home):
    for key, value in [
        ("name", "Ana María"),
        ("week_start", "sunday"),
        ("backup_keep", "3"),
        ("mood_checkin", "false"),
        ("country", "MX"),
        ("language", "es"),
        ("care_start", "2026-01-05"),
        ("crisis_contact", "Alex 555 0101"),
    ]:
        assert hw_here("config", "set", key, value).code == 0
    path = hw_home / "config.toml"
    text = path.read_text(encoding="utf-8")
    assert quicktoml.loads(text) == tomllib.loads(text)
    assert config.load(str(path)).name == "Ana María"


def test_hw_due_with_a_settings_file_does_not_load_tomllib(hw_home):
    assert hw_here("config", "set", "week_start", "sunday").code == 0
    assert hw_here("config", "set", "language", "es").code == 0
    proc, imported = hw_imports("due", "--json", "--date", "2026-06-01")
    assert proc.code == 0, proc.err
    assert "hwjournal.config" in imported and "hwjournal.quicktoml" in imported
    assert "tomllib" not in imported


def test_a_settings_file_tomllib_refuses_is_still_refused_with_its_words(hw_home):
    hw_home.mkdir(parents=True, exist_ok=True)
    (hw_home / "config.toml").write_text('name = "Sam"\nname = "Al"\n', encoding="utf-8")
    result = hw_here("due", "--json", "--date", "2026-06-01")
    assert result.code == 2
    assert "config.toml is not valid TOML: Cannot overwrite a value (at line 2" in result.err
