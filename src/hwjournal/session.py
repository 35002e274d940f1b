"""One run of a template, `hw start` and `hw resume` alike, from the answers given
up front to the saved entry or the kept draft: the entry is built up answer by
answer, saved as a draft each time an answer is accepted, and turned complete in one
write at the end. A crash between answers loses at most the step being typed.

    session = Session.begin(journal, template, day, tags, private, given)
    session = Session.resume(journal, draft, template, pairs)
    entry = session.run(asker or None, mood, ask_mood, alerts)   # or DraftKept

No terminal here: the Asker (runner.py) is the person's side, and `alerts` (a
safety.Alerter) shows an alert wherever the caller shows things.
"""

from __future__ import annotations

from hwjournal import answers as answers_mod
from hwjournal import messages
from hwjournal.answers import merged
from hwjournal.dates import now_iso
from hwjournal.errors import Interrupted, UsageError
from hwjournal.journal import Entry, Journal, new_uid
from hwjournal.runner import Asker, Progress
from hwjournal.steps import is_mood_step
from hwjournal.templates import Step, Template

TYPE_CHECKING = False
if TYPE_CHECKING:  # `hw start` loads this module: typing (and its re) costs it milliseconds
    from typing import Any, Protocol
else:  # at run time Alerts is a plain class: it only says what an alerter does
    Protocol = object

__all__ = ["DraftKept", "Session", "merged"]


def steps_of(entry: Entry) -> list[Step]:
    return [Step.from_snapshot(s) for s in entry.steps]


def template_now(
    entry: Entry, template_dirs: list[str] | None, language: str = ""
) -> Template | None:
    """The entry's template as it is now, in the run's language; None when it is
    gone (the entry's own steps are enough to go on with)."""
    from hwjournal import templates

    try:
        return templates.find(entry.template, template_dirs, language=language)
    except UsageError:
        return None


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


def shape(steps: list[Step]) -> list[tuple[Any, ...]]:
    """What scoring and alerts read of steps, and no text: ids, types, option counts,
    points, ranges and levels. An entry's snapshot and its template in another
    language have the same shape."""
    return [
        (s.id, s.type, len(s.options), s.values, s.reverse, s.min, s.max, s.alert_at)
        for s in steps
        if s.answerable
    ]


def scoring_template(entry: Entry, template: Template | None) -> Template | None:
    """The template whose scoring applies: the live one if it still matches the
    snapshot. Where the shapes match, its scoring reads the entry's own steps (a
    choice answer is the option's text in the language the entry was written in)."""
    if template is None or template.id != entry.template or not template.scoring:
        return None
    steps = steps_of(entry)
    if shape(steps) == shape(template.steps):
        return Template(id=template.id, title=entry.title, steps=steps, scoring=template.scoring)
    return template


def fill(entry: Entry, answers: dict[str, Any], template: Template | None) -> Entry:
    """Put answers (in step order), score and alerts on the entry."""
    steps = steps_of(entry)
    entry.answers = answers_mod.in_step_order(steps, answers)
    scorer = scoring_template(entry, template)
    entry.score = answers_mod.score(scorer, entry.answers) if scorer else None
    entry.alerts = answers_mod.alerts(steps, entry.answers) or None
    return entry


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


class DraftKept(Interrupted):
    """The run stopped before its end (Ctrl-C, a closed terminal, SIGTERM): what was
    answered is kept as the draft `entry`, or there was nothing to keep (None)."""

    def __init__(self, entry: Entry | None) -> None:
        super().__init__("")
        self.entry = entry

    @property
    def said(self) -> str:
        """What to tell the person: the draft's id, to go on with, or nothing kept."""
        if self.entry is None:
            return messages.NOTHING_TO_KEEP
        return messages.DRAFT_KEPT.format(id=self.entry.id)


def _hang_up(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


class Alerts(Protocol):
    """What a run tells of alerts (safety.Alerter): the answers given up front, all
    at once; then each answer as it is accepted."""

    def entry(self, steps: list[Step], answers: dict[str, Any]) -> None: ...

    def answer(self, step: Step, value: Any) -> None: ...


class _Silent:
    def entry(self, steps: list[Step], answers: dict[str, Any]) -> None:
        pass

    def answer(self, step: Step, value: Any) -> None:
        pass


class Session:
    """One run: keeps the draft in step with the runner's progress, and ends it.

    `given`: the answers given up front (by flag or JSON), never asked, which alert
    once, at the start; `template`: the template as it is now, or None when it is
    gone (the entry's own steps are enough)."""

    def __init__(
        self,
        journal: Journal,
        entry: Entry,
        template: Template | None,
        progress: Progress,
        alerts: Alerts | None = None,
        given: dict[str, Any] | None = None,
    ) -> None:
        self.journal = journal
        self.entry = entry
        self.template = template
        self.progress = progress
        self.alerts: Alerts = alerts or _Silent()
        self.given = given if given is not None else {}

    @classmethod
    def begin(
        cls,
        journal: Journal,
        template: Template,
        day: str,
        tags: list[str],
        private: bool,
        given: dict[str, Any],
    ) -> Session:
        """A new entry of `template` for `day`, counted toward the active assignment
        for its template on that day."""
        from hwjournal import plans

        entry = new_entry(template, day, tags, private)
        entry.assignment_id = plans.assignment_for(journal, entry.template, entry.date)
        return cls(journal, entry, template, Progress(answers=dict(given)), given=given)

    @classmethod
    def resume(
        cls,
        journal: Journal,
        entry: Entry,
        template: Template | None,
        pairs: list[str],
    ) -> Session:
        """Go on with a draft where it stopped, its half-typed text put back, with
        more answers given as STEP_ID=VALUE `pairs`."""
        snapshot = Template(id=entry.template, title=entry.title, steps=steps_of(entry))
        given = answers_mod.parse_assignments(snapshot, pairs)
        pending = entry.pending or {}
        progress = Progress(
            answers=merged(snapshot, entry.answers, given),
            next_index=int(pending.get("next", 0)),
        )
        if pending.get("step") and pending.get("text"):
            progress.earlier_text[pending["step"]] = pending["text"]
        return cls(journal, entry, template, progress, given=given)

    @staticmethod
    def draft(journal: Journal, entry_id: str | None) -> Entry:
        """The draft `hw resume` means: the one named, else the newest."""
        if entry_id is None:
            entry = journal.newest_draft()
            if entry is None:
                raise UsageError(messages.NO_DRAFTS, messages.NO_DRAFTS_HINT)
            return entry
        entry = journal.get(entry_id)
        if entry.status != "draft":
            raise UsageError(
                messages.NOT_A_DRAFT.format(id=entry.id),
                messages.NOT_A_DRAFT_HINT.format(id=entry.id),
            )
        return entry

    @property
    def shown_template(self) -> Template:
        """What the person is asked from: the template, or the entry's own steps."""
        entry = self.entry
        return self.template or Template(
            id=entry.template, title=entry.title, steps=steps_of(entry)
        )

    def run(
        self,
        asker: Asker | None,
        mood: int | None,
        ask_mood: bool = False,
        alerts: Alerts | None = None,
    ) -> Entry:
        """The run to its end: the saved entry, complete. Without an asker every
        required answer must have been given. With one, the steps not answered yet
        are asked, then the mood (when `ask_mood` and the entry has none); a hang-up
        or Ctrl-C keeps the draft and raises DraftKept. `alerts` hears of the answers
        given up front (all at once) and of each answer as it is accepted."""
        if alerts is not None:
            self.alerts = alerts
        steps = steps_of(self.entry)
        if asker is None:
            require_all(self.entry.title, steps, self.progress.answers)
            self.alerts.entry(steps, self.given)
            return self.complete(mood)
        import signal

        from hwjournal import runner

        previous = {sig: signal.signal(sig, _hang_up) for sig in (signal.SIGHUP, signal.SIGTERM)}
        try:
            asker.greet()
            self.alerts.entry(steps, self.given)
            runner.run(steps, self.progress, asker, self.accept)
            asker.current = None
            answers = self.progress.answers
            if (
                ask_mood
                and mood is None
                and self.entry.mood is None
                and mood_from_answers(steps, answers) is None
            ):
                mood = runner.ask_mood(asker)
            require_all(self.entry.title, steps, answers)
            entry = self.complete(mood)
        except KeyboardInterrupt:
            raise DraftKept(self.keep_draft(asker.current, asker.partial)) from None
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        if wants_sharing(entry) and asker.offer_sharing():  # asked once, at the end
            entry.private = False
            entry = self.journal.save(entry)
        return entry

    def accept(self, step: Step, value: Any) -> None:
        fill(self.entry, self.progress.answers, self.template)
        self.entry.status = "draft"
        self.entry.pending = {"next": self.progress.next_index}
        self.journal.save(self.entry)
        if value is not None:
            self.alerts.answer(step, value)

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


def wants_sharing(entry: Entry) -> bool:
    """A private entry whose answers ask for the therapist to see it: one that alerted,
    or one with an option chosen that offers sharing ("Read it with my therapist")."""
    if not entry.private:
        return False
    if entry.alerts:
        return True
    return any(
        entry.answers.get(step.id) in step.offer_share
        for step in steps_of(entry)
        if getattr(step, "offer_share", None)
    )


def mood_from_answers(template_steps: list[Step], answers: dict[str, Any]) -> int | None:
    """A template with its own 1-5 `mood` step (the mood check-in) sets the entry's mood."""
    for step in template_steps:
        if is_mood_step(step):
            value = answers.get("mood")
            return value if isinstance(value, int) else None
    return None
