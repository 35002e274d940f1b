"""A step's short heading (the safety plan's "Warning signs") is what its answer is read
back under in hw show, the week and the exports, where the step has one; a step
without one keeps its prompt."""

from __future__ import annotations

from helpers import hw_in
from html_reading import parse, text_nodes

DAY = "2026-11-18"  # a Wednesday of 2026-W47
WEEK = "2026-W47"
PROMPT_WORDS = "what tells you a crisis might be starting"
GRATITUDE_PROMPT = "What are one to three things you're grateful for today?"


def test_show_the_week_and_the_exports_use_the_heading_not_the_prompt(hw_home):
    plan = hw_in(
        hw_home, "start", "safety-plan", "--date", DAY, "--no-input",
        "-a", "warning_signs=I stop answering messages", "-a", "people_help=My sister",
        "-a", "professionals=Dr. Lee, 555 0199",
    ).out.strip()  # fmt: skip
    hw_in(hw_home, "start", "gratitude", "--date", DAY, "--no-input", "-a", "things=Tea")
    html = hw_in(hw_home, "export", "--week", WEEK, "--format", "html").out
    screens = {
        "show": hw_in(hw_home, "show", plan).out,
        "week": hw_in(hw_home, "week", WEEK, COLUMNS="120").out,
        "markdown": hw_in(hw_home, "export", "--week", WEEK).out,
        "html": " ".join(text_nodes(parse(html))),
    }
    for name, screen in screens.items():
        words = " ".join(screen.split())
        assert "Warning signs" in words, name
        assert PROMPT_WORDS not in words, name
        assert "I stop answering messages" in words, name
        if name != "show":  # a step without a heading keeps its prompt
            assert GRATITUDE_PROMPT in words, name
