"""The prompt runner: walks a person through a template's steps.

It knows nothing of terminals. It talks to the person through an Asker, so the
same flow runs at a real terminal (terminal.TerminalAsker), from a script, or in
tests. Each accepted answer is handed to `on_accept` at once, which is how a
draft is saved the moment an answer is given.
"""

from __future__ import annotations

from hwjournal import answers as answers_mod
from hwjournal import messages
from hwjournal.errors import UsageError
from hwjournal.steps import AnswerError, Step

TYPE_CHECKING = False
if TYPE_CHECKING:  # `hw start` loads this module: typing costs it milliseconds
    from collections.abc import Callable
    from typing import Any, Protocol
else:  # at run time Asker is a plain class: it only says what an asker does
    Protocol = object


class Asker(Protocol):
    """How a run talks to the person (terminal.TerminalAsker at a terminal): the
    runner asks through it, and the session greets, and reads where a stop left off.

    current: the id of the step being asked, None between steps; partial: the text
    half-typed for it when the run stopped (kept with the draft)."""

    current: str | None
    partial: str | None

    def greet(self) -> None:
        """The exercise's title and what to expect, before the first step."""

    def ask(
        self, step: Step, number: int, total: int, problem: str | None, earlier: str | None
    ) -> str | None:
        """What the person gave for one step, as text (None or empty: nothing). The
        step's type says how to take it (`step.kind.asked_as`: line, lines, long)."""

    def show(self, step: Step) -> None:
        """A step asked as "info": show its text (and wait for Enter when it pauses)."""

    def timer(self, step: Step, number: int, total: int) -> int | None:
        """A step asked as "timer": run it; seconds spent, or None when skipped."""

    def ask_mood(self, problem: str | None) -> str | None:
        """The closing mood check-in, as text (None or empty: skipped)."""

    def offer_sharing(self) -> bool:
        """Once, after a private entry that alerted or asks for the therapist is saved:
        whether the person wants their therapist to see it (No unless they say yes)."""


class Progress:
    """Where a run stands: the answers so far, the index of the next step, and text
    half-typed for a step before a stop (put back on the line when it is asked)."""

    def __init__(
        self,
        answers: dict[str, Any] | None = None,
        next_index: int = 0,
        earlier_text: dict[str, str] | None = None,
        offered: dict[str, Any] | None = None,
    ) -> None:
        self.answers = answers if answers is not None else {}
        self.next_index = next_index
        self.earlier_text = earlier_text if earlier_text is not None else {}
        # answers offered from before (a new safety plan: the last plan's items),
        # taken when the person just presses Enter
        self.offered = offered if offered is not None else {}


def run(
    steps: list[Step],
    progress: Progress,
    asker: Asker,
    on_accept: Callable[[Step, Any], None],
) -> Progress:
    answerable = [s for s in steps if s.answerable]
    total = len(answerable)
    for index in range(progress.next_index, len(steps)):
        step = steps[index]
        if step.id in progress.answers:
            progress.next_index = index + 1
            continue
        if not step.answerable:
            asker.show(step)
            progress.next_index = index + 1
            continue
        number = answerable.index(step) + 1
        value = _ask_one(step, number, total, progress, asker)
        progress.next_index = index + 1
        if value is not None:
            progress.answers[step.id] = value
        progress.earlier_text.pop(step.id, None)
        on_accept(step, value)
    return progress


def _ask_one(step: Step, number: int, total: int, progress: Progress, asker: Asker) -> Any:
    if step.kind.asked_as == "timer":  # timed, not typed: its value needs no reading
        return asker.timer(step, number, total)
    problem: str | None = None
    earlier = progress.earlier_text.get(step.id)
    while True:
        raw = asker.ask(step, number, total, problem, earlier)
        if (raw is None or not raw.strip()) and step.id in progress.offered:
            return progress.offered[step.id]
        if raw is None or not raw.strip():
            if step.required:
                problem = getattr(messages, step.kind.needed)
                continue
            return None
        try:
            value = step.parse(raw)
        except AnswerError as exc:
            problem = exc.problem
            continue
        if answers_mod.is_empty(value):
            if step.required:
                problem = getattr(messages, step.kind.needed)
                continue
            return None
        return value


def ask_mood(asker: Asker) -> int | None:
    problem = None
    while True:
        raw = asker.ask_mood(problem)
        if raw is None or not raw.strip():
            return None
        try:
            return answers_mod.mood(raw)
        except UsageError as exc:
            problem = exc.message
