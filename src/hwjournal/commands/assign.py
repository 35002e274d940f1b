"""hw assign TEMPLATE, hw assignments, hw assignments end ID: set homework with a
rhythm, see what is set, and end what no longer fits."""

import sys
from typing import Any

from hwjournal import messages, plans, templates
from hwjournal.context import Context, print_json, say
from hwjournal.dates import parse_date, today, week_of
from hwjournal.errors import UsageError
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
    template_id: str,
    daily: bool = False,
    weekly: bool = False,
    days: str | None = None,
    once: bool = False,
    start: str | None = None,
    until: str | None = None,
    for_: str | None = None,
    note: str | None = None,
    json: bool = False,
) -> int:
    # Everything is checked before the journal is opened for writing: bad input
    # never changes (or creates) the journal.
    template = templates.find(
        template_id, ctx.config.template_dirs, on_problem=lambda exc: say(f"Skipped {exc.message}")
    )
    schedule = _schedule(daily, weekly, days, once)
    day_list = plans.parse_days(days) if days is not None else []
    if until is not None and for_ is not None:
        raise UsageError(messages.ASSIGN_UNTIL_AND_FOR, messages.ASSIGN_UNTIL_AND_FOR_HINT)
    now = today()
    first = parse_date(start, now) if start else now
    last = None
    if until is not None:
        last = parse_date(until, now)
    elif for_ is not None:
        last = plans.span_end(first, plans.parse_span(for_))
    plans.check_plan(schedule, day_list, first, last)

    journal = ctx.open_journal(write=True)
    assignment = plans.add_assignment(
        journal, template.id, template.title, schedule, day_list, first, last, (note or "").strip()
    )
    if json:
        print_json(assignment.to_json(now))
    else:
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


def run_assignments(ctx: Context, all_: bool = False, json: bool = False) -> int:
    now = today()
    journal = ctx.open_journal()
    found = plans.list_assignments(journal, include_ended=all_, today=now)
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
    display.console().print(assignments_table(found, figures, now))
    return 0


def run_assignment_end(ctx: Context, assignment_id: str, json: bool = False) -> int:
    now = today()
    journal = ctx.open_journal()
    assignment = plans.get_assignment(journal, assignment_id)
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


def register(app: Any) -> None:
    from typing import Annotated

    import typer

    from hwjournal import completion
    from hwjournal.options import JSON

    json_option = typer.Option(*JSON.flags, help=JSON.help)

    @app.command("assign")
    def assign(
        template_id: Annotated[
            str,
            typer.Argument(
                metavar="TEMPLATE",
                help="The exercise to assign, e.g. reframe-log.",
                autocompletion=completion.template_ids,
            ),
        ],
        daily: Annotated[
            bool, typer.Option("--daily", help="Once every day (the default).")
        ] = False,
        weekly: Annotated[
            bool, typer.Option("--weekly", help="Once in each week, any day of it.")
        ] = False,
        days: Annotated[
            str | None,
            typer.Option("--days", metavar="DAYS", help="On these days, like mon,wed,fri."),
        ] = None,
        once: Annotated[
            bool, typer.Option("--once", help="Once, any day between the start and the end.")
        ] = False,
        start: Annotated[
            str | None,
            typer.Option("--start", metavar="DATE", help="The first day (default today)."),
        ] = None,
        until: Annotated[
            str | None,
            typer.Option("--until", metavar="DATE", help="The last day (included)."),
        ] = None,
        for_: Annotated[
            str | None,
            typer.Option(
                "--for",
                metavar="7d|2w",
                help="How long it runs: --for 7d from a Monday ends Sunday.",
            ),
        ] = None,
        note: Annotated[
            str | None,
            typer.Option("--note", metavar="TEXT", help="A note to go with it, shown when due."),
        ] = None,
        json: Annotated[bool, json_option] = False,
    ) -> None:
        """Set homework with a rhythm. With no end, it runs until ended."""
        from hwjournal.cli import state

        raise typer.Exit(
            run_assign(
                state, template_id, daily, weekly, days, once, start, until, for_, note, json
            )
        )

    group = typer.Typer(
        help="The homework that is set, and ending it.",
        subcommand_metavar="[end ID]",
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    @group.callback(invoke_without_command=True)
    def assignments(
        ctx: typer.Context,
        all_: Annotated[
            bool, typer.Option("--all", help="Finished and ended assignments too.")
        ] = False,
        json: Annotated[bool, json_option] = False,
    ) -> None:
        """The homework that is set. End one with: hw assignments end ID"""
        if ctx.invoked_subcommand is not None:
            return
        from hwjournal.cli import state

        raise typer.Exit(run_assignments(state, all_, json))

    id_argument = typer.Argument(
        metavar="ID",
        help="The assignment's id (see hw assignments).",
        autocompletion=completion.assignment_ids,
    )

    @group.command("end")
    def end(
        assignment_id: Annotated[str, id_argument],
        json: Annotated[bool, json_option] = False,
    ) -> None:
        """End an assignment: nothing of it is due from today on."""
        from hwjournal.cli import state

        raise typer.Exit(run_assignment_end(state, assignment_id, json))

    app.add_typer(group, name="assignments")
