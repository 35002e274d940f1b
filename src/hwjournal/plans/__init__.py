"""Homework plans: assignments, the occasions they are counted in, what is due on
a day, skips with what got in the way, and the completion figures.

Pure: no terminal, no Rich, no config, no dataclasses (`hw due` loads this on
every shell prompt). Read it in this order, each module using only those above:

- schedule.py     weekdays, schedules, `--days`/`--for`, plan checks (no journal)
- record.py       `Record`, the plain-class base of the records below
- assignments.py  `Assignment` and the assignments table
- skips.py        `SkipRecord`, the barriers (what got in the way)
- occasions.py    `Occasion`: the units homework is counted in, per schedule
- ledger.py       settling an occasion against the journal: done, skipped, open
- due.py          what is due on a day (`hw due`, `hw today`)
- skipping.py     setting a day aside (`hw skip`): which assignment, whether it
                  can be, recording it; and the skips in a span
- figures.py      done, due and skipped per assignment over a span (`hw week`)

Callers use the names below as `plans.X`; the modules are the layout, not the API.
"""

from hwjournal.plans.assignments import (
    Assignment,
    add_assignment,
    assignment_for,
    assignments_of,
    end_assignment,
    get_assignment,
    list_assignments,
    live_on,
)
from hwjournal.plans.assignments import touching as assignments_touching
from hwjournal.plans.due import DayPlan, Due, day_plan, due_on
from hwjournal.plans.figures import Adherence, counted_occasions, outcome_of, week_figures
from hwjournal.plans.ledger import settle
from hwjournal.plans.occasions import Occasion, occasion_on, occasions_between
from hwjournal.plans.schedule import (
    MAX_SPAN_DAYS,
    SCHEDULES,
    WEEKDAYS,
    check_plan,
    parse_days,
    parse_span,
    span_end,
)
from hwjournal.plans.skipping import (
    assignment_to_skip,
    record_skip,
    skippable,
    skips_between,
    stored_skips,
)
from hwjournal.plans.skips import (
    BARRIERS,
    DEFAULT_BARRIER,
    SkipRecord,
    barrier_choices,
    barrier_code,
)

__all__ = [
    "BARRIERS",
    "DEFAULT_BARRIER",
    "MAX_SPAN_DAYS",
    "SCHEDULES",
    "WEEKDAYS",
    "Adherence",
    "Assignment",
    "DayPlan",
    "Due",
    "Occasion",
    "SkipRecord",
    "add_assignment",
    "assignment_for",
    "assignment_to_skip",
    "assignments_of",
    "assignments_touching",
    "barrier_choices",
    "barrier_code",
    "check_plan",
    "counted_occasions",
    "day_plan",
    "due_on",
    "end_assignment",
    "get_assignment",
    "list_assignments",
    "live_on",
    "occasion_on",
    "occasions_between",
    "outcome_of",
    "parse_days",
    "parse_span",
    "record_skip",
    "settle",
    "skippable",
    "skips_between",
    "span_end",
    "stored_skips",
    "week_figures",
]
