"""The WHO-5's words as its publisher prints them: the instruction (both sentences,
the paper-only example left out), the five items and the six answers, word for word
(templates/who-5.toml's header names the transcriptions they were checked against)."""

from __future__ import annotations

INSTRUCTION = (
    "Please indicate for each of the five statements which is closest to how you have "
    "been feeling over the last two weeks. Notice that higher numbers mean better "
    "well-being."
)
ITEMS = [
    "I have felt cheerful and in good spirits",
    "I have felt calm and relaxed",
    "I have felt active and vigorous",
    "I woke up feeling fresh and rested",
    "My daily life has been filled with things that interest me",
]
ANSWERS = {
    5: "All of the time",
    4: "Most of the time",
    3: "More than half of the time",
    2: "Less than half of the time",
    1: "Some of the time",
    0: "At no time",
}


def test_the_who5_says_its_instruction_items_and_answers_as_published():
    from hwjournal import templates

    who5 = templates.find("who-5")
    intro = who5.step("intro").prompt
    assert intro.startswith(INSTRUCTION + " ")
    assert "tick" not in intro  # the form's example is about paper
    assert [who5.step(f"q{i}").prompt for i in range(1, 6)] == ITEMS
    for i in range(1, 6):
        assert who5.step(f"q{i}").labels == ANSWERS
