"""The shell-prompt commands load neither `json` nor `re` (nor `enum`, which `re`
brings): together a fifth of a `hw due --json`'s instructions. What they used those
modules for is done here without them, and each replacement is held equal to the
module it replaces, on any input."""

from __future__ import annotations

import json
import math
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from helpers import add_entry, hw_here, hw_imports
from hwjournal import dates, display, ids, jsontext, safety, template_files
from hwjournal.export import html
from hwjournal.render import log_text

# ------------------------------------------------------------------ jsontext

KEYS = st.one_of(st.text(), st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False))
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text())
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(KEYS, inner, max_size=4),
    ),
    max_leaves=20,
)


@settings(max_examples=300)
@given(VALUES)
@example({"a\u2028b": ['\x00\x1f\x7f"\\\n\t\b\f\r', "ñ 日本 😀"], 1: 1.5, None: -0.0})
@example({"nan": math.nan, "inf": math.inf, "-inf": -math.inf, "big": 10**30})
@example([[], {}, [[]], {"": {}}])
def test_dumps_writes_what_json_writes(value):
    assert jsontext.dumps(value, indent=2) == json.dumps(value, ensure_ascii=False, indent=2)
    compact = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    assert jsontext.dumps(value) == compact


def test_dumps_of_a_nesting_deeper_than_its_frames_is_jsons():
    deep: list = []
    for _ in range(700):  # an imported entry may keep any nesting in its steps
        deep = [deep]
    assert jsontext.dumps({"a": deep}) == json.dumps({"a": deep}, separators=(",", ":"))
    circle: list = []
    circle.append(circle)
    with pytest.raises(ValueError, match="Circular reference"):
        jsontext.dumps(circle)


def test_dumps_hands_a_type_it_does_not_know_to_json():
    with pytest.raises(TypeError, match="not JSON serializable"):
        jsontext.dumps({"when": object()})


@settings(max_examples=300)
@given(VALUES, st.sampled_from(["", " ", "\n", " \t\r\n "]))
def test_loads_reads_what_json_reads(value, space):
    for text in (json.dumps(value), json.dumps(value, ensure_ascii=False, indent=2)):
        text = space + text + space
        expected, got = json.loads(text), jsontext.loads(text)
        # NaN is never equal to itself: compare the texts they write back
        assert json.dumps(got) == json.dumps(expected)
        assert type(got) is type(expected)


@pytest.mark.parametrize(
    "text",
    ["", " ", "{", '{"a": 1} x', "[1,]", "nul", '"\x01"', "01", '{"a" 1}', "[1] [2]"],
)
def test_loads_fails_as_json_fails(text):
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    with pytest.raises(json.JSONDecodeError) as got:
        jsontext.loads(text)
    assert str(got.value) == str(expected.value)


def test_loads_of_not_a_string_is_jsons_answer():
    assert jsontext.loads(b'{"a": [1]}') == {"a": [1]}
    with pytest.raises(TypeError):
        jsontext.loads(None)


# ------------------------------------------- the other places that used `re`

PHONE = re.compile(r"\+?\(?\d[\d .()\-]*\d")
PHONE_TEXT = st.text(alphabet=st.sampled_from("+(). -0123456789a \u0663\u00b2x"), max_size=30)


@settings(max_examples=500)
@given(st.one_of(PHONE_TEXT, st.text(max_size=30)))
@example("Call +1 (800) 273-8255 or 988.")
@example("+(5")
@example("5 people, 2 numbers: 024 and 112")
def test_phone_numbers_are_found_where_the_pattern_finds_them(text):
    assert list(safety._numbers(text)) == [m.span() for m in PHONE.finditer(text)]
    glued = PHONE.sub(lambda m: m.group(0).replace(" ", safety.NBSP), text)
    assert safety.whole_numbers(text) == glued


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(char: str) -> str:
    code = ord(char)
    return chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7F else "\ufffd"


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(max_codepoint=0xFF)))
@example("\x1b[31mred\x1b[0m\tand\nnext\x7f\x85")
def test_control_characters_are_pictured_as_the_pattern_pictured_them(text):
    assert display.clean(text) == CONTROL.sub(lambda m: _picture(m.group()), text)


SINGLE = re.compile(
    "[^\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0482\u048a-\u052f\u1e00-\u1eff"
    "\u2010-\u2027\u2030-\u205e\u20a0-\u20c0\u2100-\u214f\u2190-\u21ff\u2500-\u25fc]"
)


def test_one_column_characters_are_the_ones_the_pattern_named():
    for code in range(0x2700):
        char = chr(code)
        assert log_text.measured_alike(char) == (SINGLE.search(char) is None), hex(code)
    assert log_text.measured_alike("Ña 日") is False
    assert log_text.measured_alike("") is True


TEMPLATE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
STEP_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
ID_TEXT = st.one_of(st.text(alphabet="ab09-_Z\n é", max_size=8), st.text(max_size=8))


@settings(max_examples=500)
@given(ID_TEXT)
@example("abc\n")  # the old patterns' $ let a trailing newline through; these do not
@example("a--b")
@example("-a")
def test_ids_are_checked_as_their_patterns_check_them_whole(text):
    assert ids.is_template_id(text) == bool(TEMPLATE_ID.fullmatch(text))
    assert ids.is_step_id(text) == bool(STEP_ID.fullmatch(text))


LAYOUT = re.compile(rb'^layout *= *"([a-z]*)" *$', re.MULTILINE)
LAYOUT_TEXT = st.lists(
    st.sampled_from([b"layout", b" ", b"=", b'"', b"columns", b"X", b"\n", b"\r", b"#", b"["]),
    max_size=16,
).map(b"".join)


@settings(max_examples=500)
@given(LAYOUT_TEXT)
@example(b'id = "x"\nlayout = "columns"\n[[steps]]\nlayout  =  ""  \n')
def test_layout_lines_are_found_where_the_pattern_finds_them(text):
    expected = [(m.start(), m.group(1)) for m in LAYOUT.finditer(text)]
    assert template_files.layout_lines(text) == expected


@settings(max_examples=300)
@given(st.text(alphabet="0123456789-wW \u0663x", max_size=10))
@example("2026-W49")
@example("2026w5")
@example("\u0662\u0660\u0662\u0666-W1")  # digits of another script: \d reads them too
def test_an_iso_week_is_read_as_the_pattern_reads_it(text):
    found = re.match(dates._ISO_WEEK, text, re.IGNORECASE)
    expected = (int(found.group(1)), int(found.group(2))) if found else None
    assert dates.iso_week(text) == expected


def _shown_as_before(value: str) -> str:
    value = re.sub(r"[\ud800-\udfff]", "\ufffd", re.sub(r"\r\n?", "\n", value))
    return display.clean(value)


@settings(max_examples=500)
@given(st.text(alphabet=st.characters(max_codepoint=0x2030), max_size=20))
@example("line one\r\nline two\rthree\n\x1b[0m")
@example("half \ud83d of a pair")
def test_the_reports_values_are_shown_as_the_patterns_showed_them(text):
    assert html._shown(text) == _shown_as_before(text)


# ---------------------------------------------------- and the modules stay out


@pytest.mark.parametrize(
    "args",
    [
        ["due", "--json", "--date", "2026-06-01"],
        ["log", "-n", "10", "--json"],
        ["log", "-n", "10"],
        ["sos", "--json"],
        ["week", "2026-W22", "--json"],
        ["export", "--week", "2026-W22", "--format", "html"],
        ["start", "gratitude", "--no-input", "--answer", "things=tea", "--date", "2026-06-01"],
    ],
    ids=["due", "log", "log-table", "sos", "week", "report", "start"],
)
def test_the_shell_prompt_commands_import_neither_json_nor_re(journal_path, args):
    """Python's own record of every module a run imports (-X importtime), so nothing
    the check itself loads can hide one; hw starts as a current pip's or uv's launcher
    (an older pip's imports `re` itself, before hw starts). The journal has a safety
    plan naming a phone number, an entry with answers and an assignment due, so each
    path is walked."""
    made = hw_here("assign", "gratitude", "--days", "mon,thu", "--start", "2026-05-04")
    assert made.code == 0, made.err
    add_entry(journal_path, "2026-05-30", "gratitude", answers={"things": ["the sea"]})
    letter = hw_here(
        "start", "letter-never-sent", "--date", "2026-05-31", "--answer",
        "letter=Dear you,\r\nthe sky", "--answer", "revealed=a lot", "--no-input", "--shared",
    )  # fmt: skip
    assert letter.code == 0, letter.err
    plan = hw_here(
        "start",
        "safety-plan",
        "--answer",
        "warning_signs=I stop answering messages",
        "--answer",
        "people_help=Alex 555 0101",
        "--answer",
        "professionals=Crisis line 116 123",
        "--answer",
        "reasons=my dog",
        settle=True,
    )
    assert plan.code == 0, plan.err
    proc, imported = hw_imports(*args)
    assert proc.code == 0, proc.err
    said = {"sos": "555", "export": "Dear you,\nthe sky"}.get(args[0], "ratitude")
    assert proc.out.strip().isdigit() if args[0] == "start" else said in proc.out
    assert not imported & {"json", "json.decoder", "re", "enum"}, sorted(imported)
