"""`hw` alone, in a terminal: today at a glance — what is due, when the last
entry was made and with which exercise, the streak, and the one command to run
next. It never shows what an entry says: screens get seen."""

from __future__ import annotations

import datetime as dt

from hwjournal import plans
from hwjournal.context import Context
from hwjournal.dates import today as current_day
from hwjournal.journal import Entry

FIRST_EXERCISE = "values-compass"


def next_command(plan: plans.DayPlan, last: Entry | None, draft: Entry | None) -> str:
    """The one thing to run next: the day's homework first (going on with its draft
    if there is one), then any unfinished entry, then a first exercise or a look back."""
    if plan.due:
        template = plan.due[0].template
        if draft is not None and draft.template == template:
            return f"hw resume {draft.id}"
        return f"hw start {template}"
    if draft is not None:
        return f"hw resume {draft.id}"
    if last is None:
        return f"hw start {FIRST_EXERCISE}"
    return "hw week"


def run_today(ctx: Context, today: dt.date | None = None) -> int:
    from hwjournal import display
    from hwjournal.render.plans import today_screen
    from hwjournal.week import streak

    now = today or current_day()
    journal = ctx.open_journal()
    plan = plans.day_plan(journal, now, ctx.config.week_start)
    if ctx.language != "en" and plan.due:
        from hwjournal.overlays import retitle

        retitle(plan.due, ctx.language, ctx.config.template_dirs)
    has_assignments = bool(plans.list_assignments(journal, include_ended=False, today=now))
    last = journal.last_entry()
    draft = journal.newest_draft()
    days = streak(journal, now, now) if last is not None else 0
    screen = today_screen(
        plan, has_assignments, last, days, draft, next_command(plan, last, draft), now
    )
    display.show(ctx, screen)
    return 0
