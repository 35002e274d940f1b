"""hw trends: measures, mood and homework over months, as a screen or as JSON."""

from hwjournal.context import Context, print_json
from hwjournal.dates import today


def run_trends(
    ctx: Context,
    *,
    since: str | None,
    months: str | None,
    until: str | None,
    measure: str | None,
    json: bool,
) -> int:
    from hwjournal import trends

    day = today()
    start, end = trends.asked_range(since, months, until, day)  # bad input: nothing opened
    journal = ctx.open_journal()
    dirs = ctx.config.template_dirs
    if measure is not None:
        trends.check_measure(journal, measure, dirs)
    if start is None:
        start = trends.default_start(end, trends.first_entry_day(journal))
    data = trends.gather(
        journal,
        start,
        end,
        week_start=ctx.config.week_start,
        today=day,
        measure=measure,
        template_dirs=dirs,
        care_start=trends.care_start_of(ctx.config),
    )
    if json:
        print_json(data.to_json())
        return 0
    from hwjournal import display

    if ctx.plain:
        from hwjournal.render.trends_words import trends_words

        display.show(ctx, trends_words(data), page=True)
        return 0
    from hwjournal.render.trends import trends_view

    display.show(ctx, trends_view(data, display.console().width), page=True)
    return 0
