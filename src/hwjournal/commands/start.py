"""hw start TEMPLATE and hw resume [ID]: do an exercise, one step at a time."""

import contextlib
import json
import signal
import sys
from typing import Any

from hwjournal import answers as answers_mod
from hwjournal import messages, plans, templates
from hwjournal import session as session_mod
from hwjournal.context import Context, print_json, say, stdin_is_terminal, stdout_is_terminal
from hwjournal.dates import parse_date, today
from hwjournal.errors import Interrupted, UsageError
from hwjournal.journal import Entry, Journal
from hwjournal.runner import Progress
from hwjournal.session import (
    Session,
    merged,
    mood_from_answers,
    new_entry,
    require_all,
    steps_of,
)
from hwjournal.templates import Template

ANSWERS_LIMIT = 16 << 20  # bytes: answers to one exercise, a book's worth of writing


def _read_answers_json(template: Template, source: str) -> dict[str, Any]:
    from hwjournal import sources

    kind = "answers file"
    try:
        if source == "-":
            text = sources.read_stdin_text(ANSWERS_LIMIT, kind)
        else:
            text = sources.read_text(source, ANSWERS_LIMIT, kind, messages.FILE_PIPE_HINT)
    except OSError as exc:  # the disk failing half-way through
        raise UsageError(
            messages.FILE_CANNOT_READ.format(path=source, problem=exc.strerror or exc)
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(
            messages.ANSWERS_JSON_BAD.format(source=source, problem=exc),
            'Give an object like {"thought": "...", "intensity": 7}.',
        ) from None
    return answers_mod.parse_json_answers(template, data, source)


def _given_answers(
    template: Template, pairs: list[str] | None, answers_json: str | None
) -> dict[str, Any]:
    from_json = _read_answers_json(template, answers_json) if answers_json else {}
    return merged(template, from_json, answers_mod.parse_assignments(template, pairs or []))


def _check_mood(mood: int | None) -> int | None:
    if mood is None:
        return None
    return answers_mod.mood(str(mood))


def _check_tags(tags: list[str] | None) -> list[str]:
    clean: list[str] = []
    for tag in tags or []:
        tag = tag.strip()
        if not tag or any(c.isspace() for c in tag):
            raise UsageError(messages.TAG_UNUSABLE.format(tag=tag), messages.TAG_HINT)
        if tag not in clean:
            clean.append(tag)
    return clean


def _alerts(ctx: Context, journal: Journal, template: Template | None, private: bool) -> Any:
    """The entry's alerts, told at once on stderr as safety.Alerter orders them (the
    full block once, later ones short); a terminal already gone cannot show them, and
    the answer is saved and the exit code unchanged all the same."""
    from hwjournal import crisis, safety
    from hwjournal.render import safety as screen

    def turn_to() -> list[safety.Turn]:
        country, _ = crisis.person_country(ctx.config.country)
        plan = safety.latest_plan(journal)
        return safety.where_to_turn(ctx.config.crisis_contact, plan, country)

    def quietly(show: Any) -> Any:
        def shown(what: Any) -> None:
            with contextlib.suppress(OSError):
                show(what)

        return shown

    return safety.Alerter(
        template.alert if template else "",
        turn_to,
        private,
        quietly(lambda told: screen.show_alert(told, plain=ctx.plain)),
        quietly(screen.show_lines),
    )


def _after_saving(ctx: Context, journal: Journal, entry: Entry, at_terminal: bool) -> Entry:
    """At a terminal, a private entry that alerted (or asks for the therapist) is
    offered for sharing, once; then the entry is reported."""
    if at_terminal and session_mod.wants_sharing(entry):
        from hwjournal.terminal import read_line

        say("")
        say(messages.SHARE_WHY)
        try:
            answer = read_line(messages.SHARE_ASK) or ""
        except (EOFError, KeyboardInterrupt):
            answer = ""
        if answer.strip().lower() in ("y", "yes"):
            entry.private = False
            entry = journal.save(entry)
    return entry


def _last_line(ctx: Context, entry: Entry) -> None:
    """After an entry that alerted: hw sos and the first crisis line, last."""
    if entry.alerts:
        from hwjournal import crisis, safety
        from hwjournal.render.safety import show_lines

        country, _ = crisis.person_country(ctx.config.country)
        with contextlib.suppress(OSError):
            show_lines([safety.first_line(country)], spaced=False)


def _offer_crisis_contact(ctx: Context, template: Template) -> None:
    """The first time an exercise that can alert is started in a terminal with no
    crisis contact set, ask once (skippable) for a name or number to show."""
    config = ctx.config
    if config.crisis_contact or "crisis_contact" in config.given:
        return
    if not any(step.alert_at is not None for step in template.steps):
        return
    from hwjournal import config as config_mod
    from hwjournal.terminal import ARROW, read_line

    say("")
    say(messages.CRISIS_ASK)
    say(messages.CRISIS_ASK_WHO)
    try:
        contact = read_line(ARROW).strip()
    except EOFError:
        contact = ""
    # an empty answer is kept too, so that hw does not ask again
    config.crisis_contact = config_mod.set_value("crisis_contact", contact)
    config.given.append("crisis_contact")
    if contact:
        say(messages.CRISIS_SAVED)


def _report(entry: Entry, as_json: bool) -> None:
    """The entry for a script on stdout (its id, or JSON); for the person, a message
    that names the id. At a terminal the message is enough: no bare number above it."""
    if as_json:
        print_json(entry.to_json())
    elif not stdout_is_terminal():
        sys.stdout.write(f"{entry.id}\n")
        sys.stdout.flush()
    say((messages.SAVED_PRIVATE if entry.private else messages.SAVED).format(id=entry.id))


def _link_assignment(journal: Journal, entry: Entry) -> None:
    """Count the entry toward the active assignment for its template on its date."""
    entry.assignment_id = plans.assignment_for(journal, entry.template, entry.date)


def run_start(
    ctx: Context,
    *,
    template_id: str,
    answer: list[str] | None,
    answers_json: str | None,
    date: str | None,
    tag: list[str] | None,
    mood: int | None,
    private: bool,
    shared: bool,
    no_input: bool,
    json: bool,
) -> int:
    template = templates.find(
        template_id,
        ctx.config.template_dirs,
        on_problem=lambda exc: say(messages.SKIPPED_TEMPLATE.format(problem=exc.message)),
    )
    given = _given_answers(template, answer, answers_json)
    day = (parse_date(date) if date is not None else today()).isoformat()
    tags = _check_tags(tag)
    mood = _check_mood(mood)
    interactive = stdin_is_terminal() and not no_input and answers_json != "-"
    private = private or (template.private and not shared)
    entry = new_entry(template, day, tags, private)

    if not interactive:
        require_all(template.id, template.steps, given)  # before a journal is made
    journal = ctx.open_journal(write=True)
    _link_assignment(journal, entry)
    alerter = _alerts(ctx, journal, template, private)
    session = Session(journal, entry, template, Progress(answers=dict(given)), alerter.answer)
    if not interactive:
        alerter.entry(template.steps, given)
        _report(session.complete(mood), json)
        _last_line(ctx, session.entry)
        return 0
    _offer_crisis_contact(ctx, template)
    if template.id == "safety-plan":
        from hwjournal import safety

        session.progress.offered = safety.plan_offers(safety.latest_plan(journal))
    return _converse(
        ctx,
        journal,
        session,
        template,
        mood,
        json,
        resumed=False,
        alerter=alerter,
        given=given,
    )


def _converse(
    ctx: Context,
    journal: Journal,
    session: Session,
    template: Template | None,
    mood: int | None,
    as_json: bool,
    resumed: bool,
    alerter: Any,
    given: dict[str, Any] | None = None,
) -> int:
    """The interactive part, shared by start and resume. `given`: answers passed by
    flag, which are not asked and so alert here, before the first prompt."""
    from hwjournal import runner
    from hwjournal.terminal import TerminalAsker

    entry = session.entry
    shown = template or Template(id=entry.template, title=entry.title, steps=steps_of(entry))
    # An encrypted journal's answers are edited in memory-backed storage or not at all.
    editor_folder = journal.editor_folder() if ctx.config.editor else None
    if ctx.config.editor and editor_folder is None:
        say(messages.EDITOR_NOT_HERE)
    asker = TerminalAsker(
        shown,
        resumed=resumed,
        editor=editor_folder is not None,
        editor_folder=editor_folder,
        plain=ctx.plain,
    )
    asker.offers = session.progress.offered
    steps = steps_of(entry)

    def hang_up(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    previous = {sig: signal.signal(sig, hang_up) for sig in (signal.SIGHUP, signal.SIGTERM)}
    try:
        asker.greet()
        alerter.entry(steps, given or {})
        runner.run(steps, session.progress, asker, session.accept)
        asker.current = None
        if (
            mood is None
            and entry.mood is None
            and ctx.config.mood_checkin
            and mood_from_answers(steps, session.progress.answers) is None
        ):
            mood = runner.ask_mood(asker)
        require_all(entry.title, steps, session.progress.answers)
        entry = session.complete(mood)
    except KeyboardInterrupt:
        kept = session.keep_draft(asker.current, asker.partial)
        try:
            sys.stderr.write("\n")
            say(messages.DRAFT_KEPT.format(id=kept.id) if kept else messages.NOTHING_TO_KEEP)
        except OSError:
            pass
        raise Interrupted("") from None
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    entry = _after_saving(ctx, journal, entry, at_terminal=True)
    _report(entry, as_json)
    _last_line(ctx, entry)
    return 0


def run_resume(
    ctx: Context,
    *,
    entry_id: str | None,
    answer: list[str] | None,
    mood: int | None,
    no_input: bool,
    json: bool,
) -> int:
    journal = ctx.open_journal(write=True)
    if entry_id is None:
        entry = journal.newest_draft()
        if entry is None:
            raise UsageError(messages.NO_DRAFTS, "Start a new one with: hw start TEMPLATE")
    else:
        entry = journal.get(entry_id)
        if entry.status != "draft":
            raise UsageError(
                messages.NOT_A_DRAFT.format(id=entry.id), f"Read it with: hw show {entry.id}"
            )
    mood = _check_mood(mood)
    steps = steps_of(entry)
    try:
        template: Template | None = templates.find(entry.template, ctx.config.template_dirs)
    except UsageError:
        template = None  # the template is gone; the entry's own snapshot is enough
    snapshot = Template(id=entry.template, title=entry.title, steps=steps)
    given = answers_mod.parse_assignments(snapshot, answer or [])
    answers = merged(snapshot, entry.answers, given)
    pending = entry.pending or {}
    progress = Progress(answers=answers, next_index=int(pending.get("next", 0)))
    if pending.get("step") and pending.get("text"):
        progress.earlier_text[pending["step"]] = pending["text"]
    alerter = _alerts(ctx, journal, template, entry.private)

    session = Session(journal, entry, template, progress, alerter.answer)
    if not stdin_is_terminal() or no_input:
        require_all(entry.title, steps, answers)
        alerter.entry(steps, given)
        _report(session.complete(mood), json)
        _last_line(ctx, session.entry)
        return 0
    return _converse(
        ctx, journal, session, template, mood, json, resumed=True, alerter=alerter, given=given
    )
