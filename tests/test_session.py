"""The Session owns a run of hw start or hw resume, from the answers given up front
to the saved entry or the kept draft, through nothing but the Asker protocol: an
asker that only has what the protocol declares can drive a whole run."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path
from typing import Any

import pytest

from hwjournal import runner, session, templates
from hwjournal.journal import Journal
from hwjournal.session import DraftKept, Session

SRC = Path(session.__file__).parent


def declared() -> set[str]:
    """What the Asker protocol says an asker has: its attributes and methods."""
    names = set(runner.Asker.__annotations__)
    names |= {n for n, v in vars(runner.Asker).items() if inspect.isfunction(v)}
    return names


def used_on_asker(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "asker"
    }


@pytest.mark.parametrize("module", ["session.py", "runner.py"])
def test_the_asker_protocol_declares_all_a_run_uses(module):
    assert used_on_asker(SRC / module) <= declared()
    assert {"greet", "current", "partial"} <= used_on_asker(SRC / "session.py")


class Scripted:
    """An asker with exactly the protocol's members, answering from a list."""

    def __init__(self, replies: list[Any]) -> None:
        self.replies = replies
        self.current: str | None = None
        self.partial: str | None = None
        self.greeted = False

    def greet(self) -> None:
        self.greeted = True

    def ask(self, step: Any, number: int, total: int, problem: Any, earlier: Any) -> str | None:
        self.current = step.id
        reply = self.replies.pop(0)
        if isinstance(reply, BaseException):
            self.partial = "half a thought"
            raise reply
        return reply

    def show(self, step: Any) -> None:
        pass

    def timer(self, step: Any, number: int, total: int) -> int | None:
        return None

    def ask_mood(self, problem: str | None) -> str | None:
        return self.replies.pop(0)

    def offer_sharing(self) -> bool:
        return self.replies.pop(0)


class Heard:
    """The alerts of a run, as safety.Alerter would hear them."""

    def __init__(self) -> None:
        self.given: list[dict[str, Any]] = []
        self.answers: list[tuple[str, Any]] = []

    def entry(self, steps: list[Any], answers: dict[str, Any]) -> None:
        self.given.append(dict(answers))

    def answer(self, step: Any, value: Any) -> None:
        self.answers.append((step.id, value))


def test_scripted_asker_has_only_what_the_protocol_declares():
    members = {n for n in vars(Scripted) if not n.startswith("_")} | {"current", "partial"}
    assert members - {"replies", "greeted"} == declared()


@pytest.fixture
def journal(tmp_path):
    opened = Journal.open(str(tmp_path / "journal.db"))
    yield opened
    opened.close()


def test_a_run_goes_from_the_first_step_to_the_saved_entry(journal):
    template = templates.find("gratitude")
    heard = Heard()
    run = Session.begin(journal, template, "2026-11-03", ["evening"], False, {})
    asker = Scripted(["tea", "", "", "", "", "4"])
    entry = run.run(asker, None, True, heard)
    assert asker.greeted and asker.current is None and asker.replies == []  # no share offer
    assert entry.status == "complete" and entry.mood == 4 and entry.tags == ["evening"]
    assert entry.answers["things"] == ["tea"]
    assert journal.get(str(entry.id)).answers == entry.answers
    assert heard.given == [{}] and heard.answers == [("things", ["tea"])]


@pytest.mark.parametrize("shared", [True, False])
def test_a_private_entry_that_alerted_is_offered_for_sharing_once(journal, shared):
    template = templates.find("phq-9")
    run = Session.begin(journal, template, "2026-11-03", [], True, {})
    asker = Scripted(["0"] * 8 + ["2", "", "", shared])  # item 9: more than half the days
    entry = run.run(asker, 3, False, Heard())
    assert asker.replies == [] and entry.alerts == ["q9"]
    assert entry.private is not shared
    assert journal.get(str(entry.id)).private is not shared


def test_a_stop_keeps_the_draft_with_its_half_typed_text_and_resumes_there(journal):
    template = templates.find("gratitude")
    run = Session.begin(journal, template, "2026-11-03", [], False, {})
    with pytest.raises(DraftKept) as stopped:
        run.run(Scripted(["tea", KeyboardInterrupt()]), None)
    draft = stopped.value.entry
    assert draft is not None and draft.status == "draft"
    assert stopped.value.said == f"Your answers so far are kept as draft {draft.id}. " + (
        f"Go on any time with: hw resume {draft.id}"
    )
    assert draft.pending == {"next": 1, "step": "closer", "text": "half a thought"}

    again = Session.resume(journal, Session.draft(journal, None), template, [])
    assert again.progress.next_index == 1
    assert again.progress.earlier_text == {"closer": "half a thought"}
    entry = again.run(None, 3)
    assert entry.id == draft.id and entry.status == "complete" and entry.mood == 3


def test_a_stop_before_any_answer_keeps_nothing(journal):
    template = templates.find("gratitude")
    run = Session.begin(journal, template, "2026-11-03", [], False, {})
    asker = Scripted([KeyboardInterrupt()])
    asker.ask = lambda *args: (_ for _ in ()).throw(KeyboardInterrupt())  # before any text
    with pytest.raises(DraftKept) as stopped:
        run.run(asker, None)
    assert stopped.value.entry is None
    assert stopped.value.said == "Stopped before any answer; nothing was saved."
    assert journal.newest_draft() is None
