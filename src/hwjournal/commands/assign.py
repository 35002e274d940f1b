"""hw assign TEMPLATE, hw assignments, hw assignments end ID: set homework with a
rhythm, see what is set, and end what no longer fits."""

import sys

from hwjournal import messages, plans, templates
from hwjournal.context import Context, print_json, say, stdout_is_terminal
from hwjournal.dates import parse_date, today, week_of
from hwjournal.errors import UsageError
from hwjournal.overlays import retitle
from hwjournal.render.plans import rhythm, span_words


def _schedule(daily: bool, weekly: bool, days: str | None, once: bool) -> str:
    chosen = [
        name
        for name, given in (
            ("daily", daily),
            ("weekly", weekly),
            ("days", days is not None),
            ("once", once),
        )
        if given
    ]
    if len(chosen) > 1:
        raise UsageError(messages.ASSIGN_ONE_RHYTHM, messages.ASSIGN_ONE_RHYTHM_HINT)
    return chosen[0] if chosen else "daily"


def run_assign(
    ctx: Context,
    *,
    template_id: str,
    daily: bool,
    weekly: bool,
    days: str | None,
    once: bool,
    start: str | None,
    until: str | None,
    for_: str | None,
    note: str | None,
    json: bool,
) -> int:
    # Everything is checked before the journal is opened for writing: bad input
    # never changes (or creates) the journal.
    template = templates.find(
        template_id,
        ctx.config.template_dirs,
        on_problem=say,
    )
    schedule = _schedule(daily, weekly, days, once)
    day_list = plans.parse_days(days) if days is not None else []
    if until is not None and for_ is not None:
        raise UsageError(messages.ASSIGN_UNTIL_AND_FOR, messages.ASSIGN_UNTIL_AND_FOR_HINT)
    now = today()
    first = parse_date(start, now) if start is not None else now
    last = None
    if until is not None:
        last = parse_date(until, now)
    elif for_ is not None:
        last = plans.span_end(first, plans.parse_span(for_))
    plans.check_plan(schedule, day_list, first, last)

    journal = ctx.open_journal(write=True)
    # the journal keeps the template's own title; it is shown in the run's language
    assignment = plans.add_assignment(
        journal, template.id, template.title, schedule, day_list, first, last, (note or "").strip()
    )
    retitle([assignment], ctx.language, ctx.config.template_dirs)
    if json:
        print_json(assignment.to_json(now))
    elif not stdout_is_terminal():  # at a terminal the message names the id
        sys.stdout.write(f"{assignment.id}\n")
        sys.stdout.flush()
    from hwjournal import display

    say(
        messages.ASSIGNED.format(
            title=display.clean(assignment.title),
            rhythm=rhythm(assignment.schedule, assignment.days),
            span=span_words(assignment, now),
            id=assignment.id,
        )
    )
    others = [
        a
        for a in plans.assignments_of(journal, template.id)
        if a.id != assignment.id and not a.finished(now)
    ]
    if others:
        say(
            messages.ASSIGNED_ALSO.format(
                title=display.clean(assignment.title), other=others[-1].id
            )
        )
    say(messages.ASSIGNED_NEXT)
    return 0


def run_assignments(ctx: Context, *, all_: bool, json: bool) -> int:
    now = today()
    journal = ctx.open_journal()
    found = plans.list_assignments(journal, include_ended=all_, today=now)
    retitle(found, ctx.language, ctx.config.template_dirs)
    if json:
        print_json([a.to_json(now) for a in found])
        return 0
    if not found:
        say(messages.ASSIGNMENTS_EMPTY)
        if not all_ and plans.list_assignments(journal, include_ended=True, today=now):
            say(messages.ASSIGNMENTS_ENDED_HINT)
        return 0
    from hwjournal import display
    from hwjournal.render.plans import assignments_table

    week = week_of(now, ctx.config.week_start)
    figures = {
        f.id: f
        for f in plans.week_figures(journal, week.start, week.end, ctx.config.week_start, today=now)
    }
    display.show(ctx, assignments_table(found, figures, now))
    return 0


def run_assignment_end(ctx: Context, *, assignment_id: str, json: bool) -> int:
    now = today()
    journal = ctx.open_journal()
    assignment = plans.get_assignment(journal, assignment_id)
    retitle([assignment], ctx.language, ctx.config.template_dirs)
    from hwjournal import display

    title = display.clean(assignment.title)
    if assignment.ended_day is not None and assignment.ended_day <= now:
        message = messages.ASSIGNMENT_WAS_ENDED.format(
            id=assignment.id, title=title, date=assignment.ended
        )
    elif assignment.until_day is not None and assignment.until_day < now:
        message = messages.ASSIGNMENT_WAS_FINISHED.format(
            id=assignment.id, title=title, date=assignment.until
        )
    else:
        assignment = plans.end_assignment(journal, assignment, now)
        message = messages.ASSIGNMENT_ENDED.format(id=assignment.id, title=title)
    if json:
        print_json(assignment.to_json(now))
    say(message)
    return 0
