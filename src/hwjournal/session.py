"""One run of a template: the entry is built up answer by answer, saved as a
draft each time an answer is accepted, and turned complete in one write at the end.
A crash between answers loses at most the step being typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hwjournal import answers as answers_mod
from hwjournal import messages
from hwjournal.dates import now_iso
from hwjournal.errors import UsageError
from hwjournal.journal import Entry, Journal, new_uid
from hwjournal.runner import Progress
from hwjournal.templates import Step, Template


def steps_of(entry: Entry) -> list[Step]:
    return [Step.from_snapshot(s) for s in entry.steps]


def new_entry(template: Template, day: str, tags: list[str], private: bool) -> Entry:
    now = now_iso()
    return Entry(
        id=None,
        uid=new_uid(),
        template=template.id,
        title=template.title,
        date=day,
        created_at=now,
        updated_at=now,
        status="draft",
        template_version=template.version,
        private=private,
        tags=tags,
        steps=[s.snapshot() for s in template.steps],
    )


def scoring_template(entry: Entry, template: Template | None) -> Template | None:
    """The template whose scoring applies: the live one if it still matches the snapshot."""
    if template is not None and template.id == entry.template and template.scoring:
        return template
    return None


def fill(entry: Entry, answers: dict[str, Any], template: Template | None) -> Entry:
    """Put answers (in step order), score and alerts on the entry."""
    steps = steps_of(entry)
    entry.answers = answers_mod.in_step_order(steps, answers)
    scorer = scoring_template(entry, template)
    entry.score = answers_mod.score(scorer, entry.answers) if scorer else None
    entry.alerts = answers_mod.alerts(steps, entry.answers) or None
    return entry


def merged(template: Template, answers: dict[str, Any], more: dict[str, Any]) -> dict[str, Any]:
    """`answers` with `more` added: a multi or list step answered in both keeps both
    (answers.combine); any other step takes the later answer."""
    result = dict(answers)
    for step_id, value in more.items():
        if step_id in result:
            value = answers_mod.combine(template.step(step_id), result[step_id], value)
        result[step_id] = value
    return result


def require_all(title: str, steps: list[Step], answers: dict[str, Any]) -> None:
    """UsageError naming the required steps still unanswered, if any."""
    missing = [
        s for s in steps if s.answerable and s.required and answers_mod.is_empty(answers.get(s.id))
    ]
    if missing:
        raise UsageError(
            messages.MISSING_ANSWERS.format(template=title, steps=", ".join(s.id for s in missing)),
            messages.MISSING_HINT,
        )


class Session:
    """Keeps the draft in step with the runner's progress."""

    def __init__(
        self,
        journal: Journal,
        entry: Entry,
        template: Template | None,
        progress: Progress,
        on_alert: Callable[[Step], None],
    ) -> None:
        self.journal = journal
        self.entry = entry
        self.template = template
        self.progress = progress
        self.on_alert = on_alert

    def accept(self, step: Step, value: Any) -> None:
        fill(self.entry, self.progress.answers, self.template)
        self.entry.status = "draft"
        self.entry.pending = {"next": self.progress.next_index}
        self.journal.save(self.entry)
        if value is not None and step.id in (self.entry.alerts or []):
            self.on_alert(step)

    def keep_draft(self, step_id: str | None, partial: str | None) -> Entry | None:
        """Ctrl-C or a lost terminal: keep what there is, with the half-typed text."""
        has_text = bool(partial and partial.strip())
        if self.entry.id is None and not self.progress.answers and not has_text:
            return None
        fill(self.entry, self.progress.answers, self.template)
        self.entry.status = "draft"
        self.entry.pending = {"next": self.progress.next_index}
        if has_text and step_id:
            self.entry.pending.update(step=step_id, text=partial)
        return self.journal.save(self.entry)

    def complete(self, mood: int | None) -> Entry:
        """Save the entry complete, every answer given so far on it. Its mood: the one
        given, else the one it has, else its own mood step's answer (the check-in)."""
        fill(self.entry, self.progress.answers, self.template)
        self.entry.status = "complete"
        self.entry.pending = None
        if mood is not None:
            self.entry.mood = mood
        elif self.entry.mood is None:
            self.entry.mood = mood_from_answers(steps_of(self.entry), self.entry.answers)
        return self.journal.save(self.entry)


def mood_from_answers(template_steps: list[Step], answers: dict[str, Any]) -> int | None:
    """A template with its own 1-5 `mood` step (the mood check-in) sets the entry's mood."""
    for step in template_steps:
        if step.id == "mood" and step.type == "scale" and step.min == 1 and step.max == 5:
            value = answers.get("mood")
            return value if isinstance(value, int) else None
    return None
