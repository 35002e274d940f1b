"""hw skip ASSIGNMENT_ID|TEMPLATE: set a day's homework aside, with what got in
the way. Resistance is feedback, not failure: the question is asked plainly and
any answer is fine.

Without a terminal and without --barrier nothing can be asked, so the skip is
recorded as "other" (something else), with --reason if given: a cron job or a
script that skips never fails for want of an answer."""

import sys
from typing import Any

from hwjournal import messages, plans, templates
from hwjournal.context import Context, print_json, say, stdin_is_terminal
from hwjournal.dates import parse_date, today, week_of
from hwjournal.errors import Interrupted, UsageError


def _ask(title: str, when: str, plain: bool) -> tuple[str, str]:
    """What got in the way, then an optional note: asked on the terminal."""
    from hwjournal import display
    from hwjournal.terminal import ARROW, read_line

    out = display.console(stderr=True, plain=plain)
    codes = list(plans.BARRIERS)

    out.print()
    out.print(display.text(messages.SKIP_HEADING.format(title=title, when=when), "hw.label"))
    out.print(f"[hw.title]{messages.SKIP_ASK}[/]")
    out.print(display.text(messages.SKIP_ASK_WHY, "hw.help"))
    for number, code in enumerate(codes, 1):
        out.print(f"  [hw.id]{number}[/]  {plans.BARRIERS[code]}")
    out.print(display.text(messages.SKIP_ASK_HOW, "hw.label"))
    try:
        while True:
            line = read_line(ARROW)
            if line is None:
                raise KeyboardInterrupt
            answer = line.strip()
            if not answer:
                barrier = plans.DEFAULT_BARRIER
                break
            if answer.isdecimal() and 1 <= int(answer) <= len(codes):
                barrier = codes[int(answer) - 1]
                break
            try:
                barrier = plans.barrier_code(answer)
                break
            except UsageError:
                out.print(
                    f"[hw.warn]{messages.SKIP_BAD_CHOICE.format(count=len(codes))}[/]",
                )
        out.print(display.text(messages.SKIP_NOTE_ASK, "hw.label"))
        note = read_line(ARROW)
    except KeyboardInterrupt:
        raise Interrupted("\n" + messages.SKIP_CANCELLED) from None
    return barrier, (note or "").strip()


def _when(assignment: plans.Assignment, day: Any, now: Any, week_start: str) -> str:
    """Which occasion was set aside, in words: for today, for this week, ..."""
    from hwjournal.render.plans import day_words

    if assignment.schedule == "once":
        return ""
    if assignment.schedule == "weekly":
        week = week_of(day, week_start)
        if week == week_of(now, week_start):
            return messages.SKIP_FOR_THIS_WEEK
        return messages.SKIP_FOR_WEEK_OF.format(start=week.start)
    return messages.SKIP_FOR_DAY.format(day=day_words(day, now))


def run_skip(
    ctx: Context,
    *,
    target: str,
    date: str | None,
    barrier: str | None,
    reason: str | None,
    json: bool,
) -> int:
    now = today()
    day = parse_date(date, now) if date is not None else now
    code = plans.barrier_code(barrier) if barrier is not None else None
    week_start = ctx.config.week_start
    journal = ctx.open_journal()
    assignment = plans.assignment_to_skip(
        journal,
        target,
        day,
        week_start,
        # a template no assignment ever had: unknown is exit 2 with did-you-mean
        unknown=lambda template_id: templates.find(template_id, ctx.config.template_dirs),
    )
    from hwjournal.overlays import retitle

    retitle([assignment], ctx.language, ctx.config.template_dirs)  # said in the run's language
    plans.skippable(journal, assignment, day, week_start)  # before asking anything
    from hwjournal import display

    title = display.clean(assignment.title)
    if code is None:
        if stdin_is_terminal():
            code, asked = _ask(title, _when(assignment, day, now, week_start), ctx.plain)
            reason = reason if reason is not None else asked
        else:
            code = plans.DEFAULT_BARRIER
    record, replaced = plans.record_skip(
        journal, assignment, day, code, (reason or "").strip(), week_start
    )
    if json:
        print_json(record.to_json())
    words = plans.BARRIERS[record.barrier]
    template = messages.SKIP_UPDATED if replaced else messages.SKIP_RECORDED
    say(template.format(title=title, when=_when(assignment, day, now, week_start), words=words))
    say(messages.SKIP_THANKS)
    sys.stdout.flush()
    return 0
