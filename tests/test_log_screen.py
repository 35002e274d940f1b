"""hw log on screen: one line an entry at any width, the id and date always whole."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("columns", ["40", "60", "80", "120"])
def test_every_line_shows_the_id_and_the_whole_date(hw, columns):
    hw(
        "start",
        "reframe-log",
        "--answer",
        "thought=" + "a very long thought " * 10,
        "--answer",
        "reframe=kinder",
        "--date",
        "2026-11-02",
    )
    for n in range(11):
        hw(
            "start",
            "gratitude",
            "--answer",
            f"things=thing {n}",
            "--mood",
            "4",
            "--date",
            "2026-11-03",
        )
    shown = hw("log", "-n", "0", env={"COLUMNS": columns})
    assert shown.code == 0
    lines = shown.out.splitlines()
    assert len(lines) == 13  # the header and one line an entry
    assert all(len(line) <= int(columns) for line in lines)
    for line, entry_id in zip(lines[1:], range(12, 0, -1), strict=True):
        assert line.split()[0] == str(entry_id)
        assert "2026-11-0" in line
    if int(columns) >= 80:
        assert "a very long thought" in shown.out
