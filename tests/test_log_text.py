"""hw log's table drawn without Rich where Rich would draw it without colour (a pipe,
a file) is the very text Rich draws there: the same columns, cuts, padding and
bars, at every width. Where only Rich can draw it the same, Rich draws it."""

from __future__ import annotations

import io
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hwjournal import display
from hwjournal.context import Context
from hwjournal.journal import Entry
from hwjournal.render import log_text
from hwjournal.render.entries import log_table

# Text as people mostly type it: letters with and without accents, digits, punctuation
# (markup's brackets and backslash too), spaces, line breaks in answers.
EVERYDAY = st.text(
    alphabet=st.sampled_from(
        "abcdefghij XYZ0123456789.,;:!?'\"-_()[]/\\&<>áéíóúñüçÁÑ¿¡ßøåæ€£·–—…‘’“”■□αβγабвệ→"
    ),
    max_size=60,
)
# And anything else: wide scripts and emoji, combining marks, zero-width spaces, tabs,
# line breaks, escape and other control characters.
ANYTHING = st.text(
    alphabet=st.sampled_from(
        "abc XYZ019.,;[]\\áéñ…\u0301\u200b\t\n\r\x1b\x07\u00a0\u00ad\u2028日本語한국어😀🌧️"
    ),
    max_size=60,
)


def entry(number: int, title: str, first: str, mood: int | None, draft: bool, private: bool):
    return Entry(
        id=number,
        uid=f"{number:032x}",
        template="gratitude",
        title=title,
        date="2026-11-03",
        created_at="2026-11-03T09:00:00+00:00",
        status="draft" if draft else "complete",
        private=private,
        mood=mood,
        answers={"things": first} if first else {},
    )


def entries(text: st.SearchStrategy[str]) -> st.SearchStrategy[list[Entry]]:
    return st.lists(
        st.builds(
            entry,
            number=st.integers(min_value=1, max_value=10**7),
            title=text.filter(str.strip),
            first=text,
            mood=st.none() | st.integers(min_value=1, max_value=5),
            draft=st.booleans(),
            private=st.booleans(),
        ),
        min_size=1,
        max_size=12,
    )


def drawn_by_rich(entries: list[Entry], width: int, monkeypatch: pytest.MonkeyPatch) -> str:
    """What `hw log` printed before this drawer existed: Rich, on a stdout that is not
    a terminal, at this width."""
    out = io.StringIO()
    with monkeypatch.context() as patched:
        patched.setenv("COLUMNS", str(width))
        patched.setattr(sys, "stdout", out)
        display.show(Context(), log_table(entries, display.console().width), page=True)
    return out.getvalue()


SLOW = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SLOW
@given(entries=entries(EVERYDAY), width=st.integers(min_value=37, max_value=200))
def test_everyday_text_is_drawn_here_as_rich_draws_it(entries, width, monkeypatch):
    text = log_text.draw(entries, width)
    assert text is not None
    assert text == drawn_by_rich(entries, width, monkeypatch)


@SLOW
@given(entries=entries(ANYTHING), width=st.integers(min_value=1, max_value=200))
def test_any_text_is_drawn_as_rich_draws_it_or_left_to_rich(entries, width, monkeypatch):
    text = log_text.draw(entries, width)
    if text is not None:
        assert text == drawn_by_rich(entries, width, monkeypatch)


SPANISH = [
    entry(12, "Registro de pensamientos: qué pasó", "Caminé junto al río, " * 6, 4, False, False),
    entry(11, "Gratitud", "el café de la mañana", None, True, True),
    entry(10, "Mood check-in", "", 1, False, True),
    entry(9, "A very long exercise title that goes on and on", "short", 5, True, False),
    entry(100000, "Exposure practice", "Felt it in my chest\nthen it eased", 3, False, False),
]  # fmt: skip


@pytest.mark.parametrize("width", [40, 60, 80, 81, 120, 200])
def test_everyday_entries_are_drawn_without_rich_exactly_as_rich_draws_them(width, monkeypatch):
    text = log_text.draw(SPANISH, width)
    assert text is not None, "ordinary text, accents and all, is drawn here"
    assert text == drawn_by_rich(SPANISH, width, monkeypatch)
    assert all(len(line) == width for line in text.splitlines())


def test_every_character_drawn_here_is_one_column_for_rich_too():
    from rich.cells import cell_len

    for code in range(0x20, 0x3000):
        char = chr(code)
        if log_text.measured_alike(char):
            assert cell_len(f"a{char}b") == 3, hex(code)


def test_text_only_rich_can_measure_is_left_to_rich():
    wide = entry(1, "日記", "", None, False, False)
    combining = entry(2, "Cafe\u0301", "", None, False, False)
    escape = entry(3, "Gratitude", "tea\x1b[31m", None, False, False)
    for one in (wide, combining, escape):
        assert log_text.draw([one], 80) is None


@pytest.mark.parametrize(
    "env, terminal",
    [
        ({}, False),
        ({"FORCE_COLOR": "1"}, False),
        ({"FORCE_COLOR": ""}, False),
        ({"TTY_COMPATIBLE": "1"}, False),
        ({}, True),
    ],
)
def test_rich_draws_wherever_it_would_style_the_table(env, terminal, monkeypatch):
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("COLUMNS", "97")

    class Stream(io.StringIO):
        def isatty(self) -> bool:
            return terminal

    monkeypatch.setattr(sys, "stdout", Stream())
    width = log_text.unstyled_width()
    assert width == (97 if not env and not terminal else None)


@pytest.mark.parametrize("columns", ["40", "80", "132"])
def test_hw_log_through_a_pipe_prints_what_rich_printed(hw, columns):
    hw("start", "reframe-log", "--answer", "thought=" + "una idea muy larga " * 8,
       "--answer", "reframe=más amable", "--date", "2026-11-02", "--mood", "2")  # fmt: skip
    hw("start", "gratitude", "--answer", "things=té al sol", "--date", "2026-11-03", "--private")
    for wide in (False, True):
        if wide:  # text only Rich measures: Rich draws it, through the pipe too
            hw("start", "gratitude", "--answer", "things=日本のお茶", "--date", "2026-11-04")
        # FORCE_COLOR set but empty: Rich draws, without colour (so the text is comparable)
        by_rich = hw("log", "-n", "0", env={"COLUMNS": columns, "FORCE_COLOR": ""})
        drawn = hw("log", "-n", "0", env={"COLUMNS": columns})
        assert by_rich.code == drawn.code == 0
        assert "\x1b" not in by_rich.out and "Gratitude" in by_rich.out
        assert drawn.out == by_rich.out
        assert len(by_rich.out.splitlines()) == (4 if wide else 3)
