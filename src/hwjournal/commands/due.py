"""hw due: what is due today (or on --date) and not yet done or set aside.

Runs on the fast path for shell prompts, status bars and cron: with --json or
--count, or when stdout is not a terminal, it prints plain text and never loads
Rich; only a terminal gets the drawn screen."""

import sys

from hwjournal import plans
from hwjournal.context import Context, print_json, say, stdout_is_terminal
from hwjournal.dates import parse_date, today


def run_due(ctx: Context, *, date: str | None, json: bool, count: bool) -> int:
    now = today()
    day = parse_date(date, now) if date is not None else now
    journal = ctx.open_journal()
    plan = plans.day_plan(journal, day, ctx.config.week_start)
    if count:
        # a bare number: valid JSON too, so --count --json needs no special case
        sys.stdout.write(f"{len(plan.due)}\n")
        return 0
    if ctx.language != "en" and plan.due:
        from hwjournal.overlays import retitle

        retitle(plan.due, ctx.language, ctx.config.template_dirs)
    if json:
        print_json([due.to_json() for due in plan.due])
        return 0
    from hwjournal.render import plans as render

    if not plan.due:
        say(render.nothing_due(plan, now))
        return 0
    if not stdout_is_terminal():
        sys.stdout.write("".join(line + "\n" for line in render.due_lines(plan.due, now)))
        return 0
    from hwjournal import display

    display.show(ctx, render.due_screen(plan, now))
    return 0
