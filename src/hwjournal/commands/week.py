"""hw week [WEEK]: the week at a glance, or its figures as JSON."""

from hwjournal.config import care_start_of
from hwjournal.context import Context, print_json
from hwjournal.dates import parse_week, today


def run_week(ctx: Context, *, week: str | None, json: bool) -> int:
    from hwjournal import week as week_mod

    week_start = ctx.config.week_start
    span = parse_week(week if week is not None else "this", week_start)
    journal = ctx.open_journal()
    data = week_mod.for_week(
        journal,
        span,
        week_start,
        today(),
        ctx.config.template_dirs,
        care_start=care_start_of(ctx.config),
    )
    if json:
        print_json(data.to_json())
        return 0
    from hwjournal import display
    from hwjournal.render.week import week_view

    display.show(ctx, week_view(data, display.console().width), page=True)
    return 0
