"""A heading that runs on hangs under its words, not under its date: the week's score
lines at a narrow terminal."""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from helpers import hw_here
from hwjournal.render.look import Hanging


def drawn(renderable, width: int) -> list[str]:
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    console.print(renderable)
    return [line.rstrip() for line in console.export_text().splitlines()]


def test_run_on_lines_hang_under_the_words_and_a_short_line_is_untouched():
    text = Text("Mon 30  PHQ-9 mood questionnaire  16 (moderately severe)  the same")
    assert drawn(Hanging(text, 8), 40) == [
        "Mon 30  PHQ-9 mood questionnaire  16",
        "        (moderately severe)  the same",
    ]
    assert drawn(Hanging(Text("Tue 1  GAD-7  7 (mild)"), 7), 40) == ["Tue 1  GAD-7  7 (mild)"]


def test_a_terminal_too_narrow_to_hang_wraps_as_before():
    text = Text("Mon 30  PHQ-9 mood questionnaire")
    assert drawn(Hanging(text, 8), 16) == drawn(text, 16)


def test_the_weeks_score_line_runs_on_under_its_title(hw_home):
    items = [f"--answer=q{n}=2" for n in range(1, 9)] + ["--answer=q9=0", "--answer=difficulty=1"]
    for day in ("2026-11-16", "2026-11-30"):
        assert hw_here("start", "phq-9", "--date", day, "--no-input", *items).code == 0
    week = hw_here("week", "2026-W49", env={"COLUMNS": "60"})
    assert week.code == 0, week.err
    lines = [line.rstrip() for line in week.out.splitlines()]
    heading = next(i for i, line in enumerate(lines) if line.startswith("  Mon 30  PHQ-9"))
    assert lines[heading + 1] == "          the same as on 16 Nov (16)"
