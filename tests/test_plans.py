"""The completion core (the plans package) on its own: occasions for each schedule across
a week and across their start and end, entries counting toward assignments,
skips, ending, and the figures the week and the export show.

The week used throughout: Monday 2026-11-23 to Sunday 2026-11-29 (ISO 2026-W48).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import helpers
from hwjournal import plans
from hwjournal.dates import now_iso
from hwjournal.errors import UsageError
from hwjournal.journal import Entry, Journal, new_uid

D = dt.date.fromisoformat
MON, TUE, WED, THU, FRI, SAT, SUN = (D("2026-11-23") + dt.timedelta(days=i) for i in range(7))
NEXT_MON = SUN + dt.timedelta(days=1)


def week(day: dt.date) -> list[dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return [monday + dt.timedelta(days=i) for i in range(7)]


@pytest.fixture
def journal(tmp_path: Path):
    j = Journal.open(str(tmp_path / "journal.db"))
    yield j
    j.close()


def assign(
    j: Journal,
    schedule: str = "daily",
    start: dt.date = MON,
    until: dt.date | None = None,
    days: tuple[str, ...] = (),
    template: str = "reframe-log",
) -> plans.Assignment:
    return plans.add_assignment(
        j, template, template.title(), schedule, list(days), start, until, "a note"
    )


def entry(
    j: Journal,
    day: dt.date,
    template: str = "reframe-log",
    status: str = "complete",
    private: bool = False,
    link: bool = True,
) -> Entry:
    """An entry as hw start makes it: linked to the assignment live on its date."""
    return helpers.add_entry(
        j, day, template, title=template, status=status, private=private, link=link,
        created_at=now_iso(), answers={"thought": "x"},
    )  # fmt: skip


def due_days(j: Journal, days: list[dt.date], week_start: str = "monday") -> list[dt.date]:
    return [d for d in days if plans.due_on(j, d, week_start)]


def figure(j: Journal, start: dt.date, end: dt.date, today: dt.date, **kw) -> plans.Adherence:
    found = plans.week_figures(j, start, end, kw.pop("week_start", "monday"), today=today)
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- schedules


def test_daily_is_due_each_day_from_its_start_to_its_end(journal):
    assign(journal, "daily", start=WED, until=FRI)
    assert due_days(journal, week(MON)) == [WED, THU, FRI]
    f = figure(journal, MON, SUN, today=SUN)
    assert (f.due, f.done, f.skipped) == (3, 0, 0)


def test_days_schedule_is_due_only_on_its_days(journal):
    assign(journal, "days", start=MON, days=("mon", "wed", "fri"))
    assert due_days(journal, week(MON)) == [MON, WED, FRI]
    assert due_days(journal, week(NEXT_MON)) == [
        NEXT_MON,
        NEXT_MON + dt.timedelta(days=2),
        NEXT_MON + dt.timedelta(days=4),
    ]
    f = figure(journal, MON, SUN, today=SUN)
    assert f.due == 3 and f.days == ["mon", "wed", "fri"]


def test_days_schedule_starting_midweek_skips_the_days_before_it(journal):
    assign(journal, "days", start=THU, days=("mon", "wed", "fri"))
    assert due_days(journal, week(MON)) == [FRI]


def test_weekly_is_due_each_day_of_its_week_until_done(journal):
    assign(journal, "weekly", start=WED)
    assert due_days(journal, week(MON)) == [WED, THU, FRI, SAT, SUN]
    entry(journal, THU)
    assert due_days(journal, week(MON)) == []  # the week's one occasion is done
    assert due_days(journal, week(NEXT_MON)) == week(NEXT_MON)  # a new week, a new occasion
    f = figure(journal, MON, SUN, today=SUN)
    assert (f.due, f.done) == (1, 1)


def test_weekly_last_week_is_cut_at_its_end(journal):
    assign(journal, "weekly", start=MON, until=NEXT_MON + dt.timedelta(days=1))
    assert due_days(journal, week(NEXT_MON)) == [NEXT_MON, NEXT_MON + dt.timedelta(days=1)]
    due = plans.due_on(journal, NEXT_MON, "monday")[0]
    assert due.last == (NEXT_MON + dt.timedelta(days=1)).isoformat()


def test_weekly_follows_sunday_weeks(journal):
    assign(journal, "weekly", start=MON - dt.timedelta(days=1))  # Sunday 22nd
    entry(journal, SUN)  # Sunday 29th
    # Monday weeks: Sunday the 29th closes Mon 23 - Sun 29, so Mon..Sat is settled too.
    assert due_days(journal, week(MON), "monday") == []
    # Sunday weeks: the 29th opens Sun 29 - Sat 5, so Mon 23..Sat 28 is still due.
    assert due_days(journal, week(MON), "sunday") == [MON, TUE, WED, THU, FRI, SAT]


def test_once_is_due_every_day_of_its_span_until_done(journal):
    until = plans.span_end(MON, plans.parse_span("2w"))
    assert until == SUN + dt.timedelta(days=7)
    assign(journal, "once", start=MON, until=until)
    assert due_days(journal, week(MON)) == week(MON)
    entry(journal, NEXT_MON + dt.timedelta(days=2))
    assert due_days(journal, week(MON) + week(NEXT_MON)) == []
    assert plans.due_on(journal, until + dt.timedelta(days=1), "monday") == []


def test_once_counts_in_the_week_it_was_done(journal):
    assign(journal, "once", start=MON, until=SUN + dt.timedelta(days=7))
    entry(journal, NEXT_MON + dt.timedelta(days=2))
    later = SUN + dt.timedelta(days=30)
    first = figure(journal, MON, SUN, today=later)
    second = figure(journal, NEXT_MON, NEXT_MON + dt.timedelta(days=6), today=later)
    assert (first.due, first.done) == (0, 0)
    assert (second.due, second.done) == (1, 1)


def test_once_left_undone_counts_as_due_in_its_last_week(journal):
    assign(journal, "once", start=MON, until=SUN + dt.timedelta(days=7))
    later = SUN + dt.timedelta(days=30)
    second = figure(journal, NEXT_MON, NEXT_MON + dt.timedelta(days=6), today=later)
    assert (second.due, second.done, second.not_recorded) == (1, 0, 1)
    assert figure(journal, MON, SUN, today=later).due == 0


def test_an_open_once_counts_today_and_reads_open(journal):
    assign(journal, "once", start=MON)
    f = figure(journal, MON, SUN, today=WED)
    assert (f.due, f.done, f.open, f.not_recorded) == (1, 0, 1, 0)


def test_for_seven_days_from_a_monday_ends_on_the_sunday():
    assert plans.span_end(MON, plans.parse_span("7d")) == SUN
    assert plans.span_end(MON, plans.parse_span("1w")) == SUN
    assert plans.parse_span("2 weeks") == 14


def test_days_not_yet_come_are_not_due_in_figures(journal):
    assign(journal, "daily", start=MON)
    f = figure(journal, MON, SUN, today=WED)
    assert (f.due, f.open, f.not_recorded) == (3, 1, 2)  # Mon, Tue not recorded; Wed open


# ---------------------------------------------------------------- entries count


def test_an_entry_links_to_the_active_assignment_for_its_date(journal):
    a = assign(journal, "daily", start=TUE, until=THU)
    assert plans.assignment_for(journal, "reframe-log", TUE.isoformat()) == a.id
    assert plans.assignment_for(journal, "reframe-log", MON.isoformat()) is None
    assert plans.assignment_for(journal, "reframe-log", FRI.isoformat()) is None
    assert plans.assignment_for(journal, "gratitude", TUE.isoformat()) is None


def test_an_entry_on_an_unscheduled_day_does_not_count(journal):
    assign(journal, "days", start=MON, days=("mon", "wed"))
    assert plans.assignment_for(journal, "reframe-log", TUE.isoformat()) is None
    entry(journal, TUE)
    f = figure(journal, MON, SUN, today=SUN)
    assert (f.due, f.done) == (2, 0)


def test_at_most_one_entry_counts_per_occasion(journal):
    assign(journal, "daily", start=MON, until=TUE)
    entry(journal, MON)
    entry(journal, MON)
    f = figure(journal, MON, SUN, today=SUN)
    assert (f.due, f.done) == (2, 1)
    assert f.percent == 50


def test_drafts_never_count_and_private_entries_do(journal):
    assign(journal, "daily", start=MON, until=TUE)
    entry(journal, MON, status="draft")
    assert due_days(journal, [MON]) == [MON]
    entry(journal, TUE, private=True)
    assert due_days(journal, [TUE]) == []
    assert figure(journal, MON, SUN, today=SUN).done == 1


def test_an_entry_made_before_the_assignment_still_counts(journal):
    entry(journal, WED)  # unlinked: nothing was assigned yet
    assign(journal, "daily", start=MON)
    assert due_days(journal, [WED]) == []
    assert figure(journal, WED, WED, today=WED).done == 1


def test_an_unlinked_entry_counts_toward_the_newest_assignment_only(journal):
    old = assign(journal, "weekly", start=MON)
    new = assign(journal, "daily", start=WED)
    entry(journal, THU, link=False)
    figures = {f.id: f for f in plans.week_figures(journal, MON, SUN, "monday", today=SUN)}
    assert figures[new.id].done == 1
    assert figures[old.id].done == 0


def test_unlinked_entries_around_a_newer_assignment_go_to_the_older_one(journal):
    older = assign(journal, "once", start=MON)
    newer = assign(journal, "daily", start=WED, until=THU)
    entry(journal, THU, link=False)  # the newer one's day
    assert plans.due_on(journal, FRI, "monday")[0].assignment_id == older.id
    entry(journal, FRI, link=False)  # after the newer one ended: the older one's again
    figures = {f.id: f for f in plans.week_figures(journal, MON, SUN, "monday", today=SUN)}
    assert (figures[older.id].due, figures[older.id].done) == (1, 1)
    assert (figures[newer.id].due, figures[newer.id].done) == (2, 1)


def test_another_templates_entry_does_not_count(journal):
    assign(journal, "daily", start=MON)
    entry(journal, MON, template="gratitude")
    assert due_days(journal, [MON]) == [MON]


# ---------------------------------------------------------------- skips


def test_a_skip_is_no_longer_due_and_counts_as_skipped(journal):
    a = assign(journal, "daily", start=MON, until=WED)
    record, replaced = plans.record_skip(journal, a, TUE, "time", "long shift", "monday")
    assert not replaced
    assert record.to_json() == {
        "assignment_id": a.id,
        "template": "reframe-log",
        "date": TUE.isoformat(),
        "barrier": "time",
        "reason": "long shift",
    }
    assert due_days(journal, [MON, TUE, WED]) == [MON, WED]
    f = figure(journal, MON, SUN, today=SUN)
    assert (f.due, f.done, f.skipped) == (3, 0, 1)
    assert [s.to_json() for s in plans.skips_between(journal, MON, SUN)] == [record.to_json()]
    assert plans.skips_between(journal, WED, SUN) == []


def test_an_entry_after_a_skip_turns_it_into_done(journal):
    a = assign(journal, "daily", start=MON, until=WED)
    plans.record_skip(journal, a, TUE, "forgot", "", "monday")
    entry(journal, TUE)
    f = figure(journal, MON, SUN, today=SUN)
    assert (f.due, f.done, f.skipped) == (3, 1, 0)
    assert plans.skips_between(journal, MON, SUN) == []


def test_a_weekly_skip_sets_the_whole_week_aside(journal):
    a = assign(journal, "weekly", start=MON)
    plans.record_skip(journal, a, WED, "overwhelmed", "", "monday")
    assert due_days(journal, week(MON)) == []
    assert due_days(journal, [NEXT_MON]) == [NEXT_MON]


def test_a_second_skip_of_the_same_occasion_replaces_the_first(journal):
    a = assign(journal, "daily", start=MON)
    plans.record_skip(journal, a, TUE, "time", "", "monday")
    record, replaced = plans.record_skip(journal, a, TUE, "avoidance", "honestly", "monday")
    assert replaced and record.barrier == "avoidance"
    rows = journal.db.execute("SELECT barrier, reason FROM skips").fetchall()
    assert rows == [("avoidance", "honestly")]


def test_nothing_to_skip_on_an_unscheduled_or_done_day(journal):
    a = assign(journal, "days", start=MON, days=("mon",))
    with pytest.raises(UsageError, match="due on"):
        plans.record_skip(journal, a, TUE, "time", "", "monday")
    entry(journal, MON)
    with pytest.raises(UsageError, match="already done"):
        plans.record_skip(journal, a, MON, "time", "", "monday")
    assert journal.db.execute("SELECT count(*) FROM skips").fetchone()[0] == 0


def test_barriers_read_as_people_say_them():
    assert plans.BARRIERS == {
        "time": "no time",
        "forgot": "it slipped my mind",
        "overwhelmed": "it felt like too much",
        "unclear": "I wasn't sure how",
        "avoidance": "part of me didn't want to",
        "other": "something else",
    }
    assert plans.barrier_code("No time") == "time"
    with pytest.raises(UsageError):
        plans.barrier_code("lazy")


# ---------------------------------------------------------------- ending


def test_ending_stops_what_is_due_and_keeps_what_was_counted(journal):
    a = assign(journal, "daily", start=MON)
    entry(journal, MON)
    plans.record_skip(journal, a, TUE, "time", "", "monday")
    entry(journal, THU)
    ended = plans.end_assignment(journal, a, today=THU)
    assert ended.ended == THU.isoformat()
    assert due_days(journal, [THU, FRI, SAT, SUN, NEXT_MON]) == []
    assert due_days(journal, [WED]) == [WED]  # before the ending, it can still be made up
    assert plans.assignment_for(journal, "reframe-log", FRI.isoformat()) is None
    f = figure(journal, MON, SUN, today=SUN)
    # Mon done, Tue skipped, Wed not recorded; Thu (the ending day) was done, so it counts
    assert (f.due, f.done, f.skipped, f.not_recorded) == (4, 2, 1, 1)
    assert ended.to_json(today=THU)["active"] is False
    assert plans.list_assignments(journal, include_ended=False, today=THU) == []
    assert [x.id for x in plans.list_assignments(journal, include_ended=True, today=THU)] == [a.id]


def test_an_ended_assignment_is_left_out_of_later_weeks(journal):
    a = assign(journal, "daily", start=MON)
    plans.end_assignment(journal, a, today=WED)
    later = NEXT_MON + dt.timedelta(days=6)
    assert plans.week_figures(journal, NEXT_MON, later, "monday", today=later) == []


# ---------------------------------------------------------------- shapes


def test_adherence_json_and_percent():
    f = plans.Adherence(3, "reframe-log", "Reframe", "daily", [], due=4, done=3, skipped=1)
    assert f.to_json() == {"id": 3, "template": "reframe-log", "due": 4, "done": 3, "skipped": 1}
    assert f.percent == 75
    assert plans.Adherence(3, "x", "X", "once", [], 0, 0, 0).percent is None


def test_due_and_assignment_json_have_the_specs_keys(journal):
    a = assign(journal, "days", start=MON, until=SUN, days=("tue",))
    (due,) = plans.due_on(journal, TUE, "monday")
    assert due.to_json() == {
        "assignment_id": a.id,
        "template": "reframe-log",
        "title": "Reframe-Log",
        "date": TUE.isoformat(),
        "note": "a note",
    }
    assert a.to_json(today=MON) == {
        "id": a.id,
        "template": "reframe-log",
        "schedule": "days",
        "days": ["tue"],
        "start": MON.isoformat(),
        "until": SUN.isoformat(),
        "note": "a note",
        "active": True,
    }
    assert a.to_json(today=NEXT_MON)["active"] is False


def test_week_figures_lists_only_assignments_active_in_the_span(journal):
    assign(journal, "daily", start=NEXT_MON)  # begins after the span
    before = assign(
        journal, "daily", start=MON - dt.timedelta(days=14), until=MON - dt.timedelta(1)
    )
    inside = assign(journal, "daily", start=FRI)
    found = plans.week_figures(journal, MON, SUN, "monday", today=SUN)
    assert [f.id for f in found] == [inside.id]
    assert before.id not in [f.id for f in found]


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize("text", ["mon,funday", "", "  ", "mo", "monday;tue"])
def test_bad_day_names_are_refused(text):
    with pytest.raises(UsageError):
        plans.parse_days(text)


def test_day_names_in_any_case_and_order():
    assert plans.parse_days("FRI, monday wed,wed") == ["mon", "wed", "fri"]


@pytest.mark.parametrize("text", ["7", "7x", "0d", "-3d", "1.5w", "week", "99999w"])
def test_bad_durations_are_refused(text):
    with pytest.raises(UsageError):
        plans.parse_span(text)


# ---------------------------------------------------------------- cost


def _plans_of_statements(journal: Journal, run) -> list[str]:
    seen: list[str] = []
    journal.db.set_trace_callback(seen.append)
    try:
        run()
    finally:
        journal.db.set_trace_callback(None)
    details = []
    for sql in seen:
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        for row in journal.db.execute("EXPLAIN QUERY PLAN " + sql):
            details.append(row[-1])
    return details


def test_due_and_figures_never_scan_the_entries(journal):
    """`hw due` must cost the same at 100,000 entries as at 10: every query on
    entries and skips goes through an index."""
    for schedule in plans.SCHEDULES:
        assign(journal, schedule, start=MON, days=("mon", "wed") if schedule == "days" else ())
    entry(journal, MON)
    entry(journal, TUE, link=False)
    plans.record_skip(journal, plans.get_assignment(journal, 1), WED, "time", "", "monday")
    details = _plans_of_statements(
        journal,
        lambda: (
            plans.due_on(journal, THU, "monday"),
            plans.week_figures(journal, MON, SUN, "monday", today=SUN),
            plans.skips_between(journal, MON, SUN),
            plans.assignment_for(journal, "reframe-log", THU.isoformat()),
        ),
    )
    assert details, "no queries were traced"
    scans = [d for d in details if d.startswith("SCAN") and ("entries" in d or "skips" in d)]
    assert scans == []


def _history(journal: Journal, count: int) -> None:
    """`count` complete entries in the three years before the week, a third of them
    linked to nothing, inserted in one go."""
    ids = {a.template: a.id for a in plans.list_assignments(journal, include_ended=True)}
    # (the newest assignment of each template is the one its entries link to)
    templates = ["reframe-log", "gratitude", "values-compass", "mood-checkin"]
    rows = []
    for i in range(count):
        day = (MON - dt.timedelta(days=1 + i % 1100)).isoformat()
        template = templates[i % len(templates)]
        linked = None if i % 3 == 0 else ids.get(template)
        rows.append((new_uid(), template, template, day, now_iso(), now_iso(), linked))
    with journal.transaction() as db:
        db.executemany(
            "INSERT INTO entries (uid, template, title, date, created_at, updated_at, status, "
            "assignment_id) VALUES (?, ?, ?, ?, ?, ?, 'complete', ?)",
            rows,
        )


def _vm_steps(journal: Journal, run) -> int:
    """SQLite virtual machine steps taken by `run`: the work its queries did."""
    steps = 0

    def tick() -> int:
        nonlocal steps
        steps += 100
        return 0

    journal.db.set_progress_handler(tick, 100)
    try:
        run()
    finally:
        journal.db.set_progress_handler(None, 100)
    return steps


def _planned_week(path: Path, history: int) -> Journal:
    journal = Journal.open(str(path))
    long_ago = MON - dt.timedelta(days=1100)
    # an older once assignment of the same exercise, never done: the daily one,
    # newer, claims the unlinked history, which must not be walked to find that out
    assign(journal, "once", start=long_ago - dt.timedelta(days=1))
    assign(journal, "daily", start=long_ago)
    assign(journal, "days", start=long_ago, days=("mon", "wed", "fri"), template="gratitude")
    assign(journal, "weekly", start=long_ago, template="values-compass")
    assign(journal, "once", start=long_ago, template="letter-never-sent")
    _history(journal, history)
    entry(journal, MON)
    entry(journal, WED, template="gratitude", link=False)
    return journal


def test_due_costs_the_same_with_a_long_history(tmp_path):
    """`hw due` must cost the same at 100,000 entries as at 10: the work of its
    queries follows the day asked about, not the size of the journal."""
    small = _planned_week(tmp_path / "small.db", 10)
    large = _planned_week(tmp_path / "large.db", 30_000)

    def work(j: Journal):
        return lambda: (
            plans.due_on(j, THU, "monday"),
            plans.week_figures(j, MON, SUN, "monday", today=SUN),
            plans.skips_between(j, MON, SUN),
        )

    assert plans.due_on(small, THU, "monday") == plans.due_on(large, THU, "monday")
    small_steps, large_steps = _vm_steps(small, work(small)), _vm_steps(large, work(large))
    assert large_steps <= small_steps * 1.2 + 1000, (small_steps, large_steps)


def test_skip_by_template_means_the_assignment_still_open_that_day(journal):
    weekly = assign(journal, "weekly", start=MON)
    daily = assign(journal, "daily", start=MON)
    entry(journal, TUE)  # counts toward the newest live one: the daily
    meant = plans.assignment_to_skip(journal, "reframe-log", TUE, "monday")
    assert meant.id == weekly.id
    assert plans.assignment_to_skip(journal, "reframe-log", WED, "monday").id == daily.id
    assert plans.assignment_to_skip(journal, str(weekly.id), WED, "monday").id == weekly.id


def test_skip_of_a_template_never_assigned_asks_about_it_first(journal):
    assign(journal, "daily", start=MON, until=TUE)
    heard: list[str] = []
    with pytest.raises(UsageError, match="Nothing of gratitude is due"):
        plans.assignment_to_skip(journal, "gratitude", TUE, "monday", unknown=heard.append)
    assert heard == ["gratitude"]
    with pytest.raises(UsageError, match="Nothing of reframe-log is due"):
        plans.assignment_to_skip(journal, "reframe-log", WED, "monday", unknown=heard.append)
    assert heard == ["gratitude"]  # it had an assignment: a known template
