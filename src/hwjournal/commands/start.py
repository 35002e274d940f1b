"""hw start TEMPLATE and hw resume [ID]: read the options, run a Session, say how it ended."""

import contextlib

from hwjournal import answers, messages, templates
from hwjournal.context import Context, print_json, say, stdin_is_terminal, stdout_is_terminal
from hwjournal.dates import parse_date, today
from hwjournal.render import safety as screen
from hwjournal.session import DraftKept, Session, require_all, template_now


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
        template_id, ctx.config.template_dirs, on_problem=say, language=ctx.language
    )
    if template.original:  # a published instrument kept as published, said once
        say(messages.INSTRUMENT_ORIGINAL)
    given = answers.given(template, answer, answers_json)
    day = (parse_date(date) if date is not None else today()).isoformat()
    tags, mood = answers.checked_tags(tag), answers.checked_mood(mood)
    interactive = stdin_is_terminal() and not no_input and answers_json != "-"
    if not interactive:
        require_all(template.id, template.steps, given)  # before a journal is made
    journal = ctx.open_journal(write=True)
    private = private or (template.private and not shared)
    session = Session.begin(journal, template, day, tags, private, given)
    return _run(ctx, session, mood, json, interactive)


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
    entry = Session.draft(journal, entry_id)
    mood = answers.checked_mood(mood)
    template = template_now(entry, ctx.config.template_dirs, ctx.language)
    session = Session.resume(journal, entry, template, answer or [])
    return _run(ctx, session, mood, json, stdin_is_terminal() and not no_input)


def _run(ctx: Context, session: Session, mood: int | None, as_json: bool, interactive: bool) -> int:
    asker = None
    if interactive:
        from hwjournal.terminal import TerminalAsker

        asker = TerminalAsker.for_session(session, ctx.config, ctx.plain)
    alerts = screen.alerter_for(session, ctx.config, ctx.plain)
    try:
        entry = session.run(asker, mood, ctx.config.mood_checkin, alerts)
    except DraftKept as stopped:
        with contextlib.suppress(OSError):  # the terminal may be gone
            say("\n" + stopped.said)
        raise
    if as_json:  # for a script, on stdout; at a terminal the message is enough
        print_json(entry.to_json())
    elif not stdout_is_terminal():
        print(entry.id, flush=True)
    say((messages.SAVED_PRIVATE if entry.private else messages.SAVED).format(id=entry.id))
    if entry.alerts:
        screen.show_last_line(ctx.config)
    return 0
