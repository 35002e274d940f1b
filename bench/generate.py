"""Write a realistic hw-json journal of N entries, for the benchmark (bench/run.py).

The journal a person keeps for decades: the built-in templates with answers that
fit their steps, long answers of about eighty words over several lines, tags,
moods, private entries, assignments with what was done and what was skipped, and
dates spread over 30 years up to today.

The last eight weeks are the same at every size (the present does not get busier
because the past is long): three active assignments and a couple of entries a
day. So `hw week last`, `hw export --week last` and `hw due` ask the same
question of a 1,000-entry and a 100,000-entry journal, and any difference in
their cost comes from the journal's size alone.

With --daily the journal is the other extreme: kept every single day for all the
years, the entries spread evenly (100,000 over 30 years is about nine a day, the
recent weeks too, so the last week holds about 63). Every day has an entry, so the
streak runs back to the first day: the heaviest week and the longest streak a
journal of that size can have.

    python bench/generate.py -n 100000 -o bench/out/journal-100000.json
    python bench/generate.py -n 1000 -o j.json --jrnl j.txt   # also in jrnl's format
    python bench/generate.py -n 100000 --daily -o heavy.json  # nine a day, every day

Standard library plus hwjournal only. The same seed gives the same file on the
same day.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import heapq
import json
import random
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from hwjournal import answers as answers_mod
from hwjournal.journal import Entry
from hwjournal.templates import Step, Template, catalog

YEARS = 30
RECENT_DAYS = 56  # eight weeks, identical at every size
RECENT_PER_DAY = 3
SEARCH_WORD = "lighthouse"  # planted in about 1 entry in 100, for `hw log --search`
SEARCH_RATE = 0.01
OPTIONAL_ANSWERED = 0.6
LONG_WORDS = 80

_WORDS = """
the a and to of in it was i my me that for on with at but not so is felt
feel today this about then just like when all be had have were what more
after before because still again little much very really some time day
night morning evening week work home walk sleep tired rest body breath chest
shoulders stomach heart head hands tea coffee rain sun window kitchen table
train bus office meeting email deadline friend mother father sister brother
partner child dog cat garden park river street phone message call dinner
lunch breakfast book music song quiet noise talk listen wrote read thought
thinking worried anxious calm sad angry ashamed relieved grateful hopeful
lonely safe scared proud gentle kind harsh critic voice part young old
small big softer heavier lighter slowly quickly remember noticed wanted
needed tried could would should maybe perhaps almost never always sometimes
often later soon now again together alone enough space room door bed shower
tears smile laugh hug warm cold tight loose open closed stuck moving help
therapist session homework exercise practice notice breathe pause name
question answer choice value step plan goal habit routine weekend holiday
birthday memory dream letter mirror compass ritual release welcome care
"""
WORDS = _WORDS.split()

_TAGS = "work family sleep health friends weekend therapy exercise partner kids study money "
TAGS = (_TAGS + "travel anxiety rest").split()

BARRIERS = ("time", "forgot", "overwhelmed", "unclear", "avoidance", "other")

# The three assignments active now, identical at every size: (template, schedule, days).
ACTIVE = (
    ("mood-checkin", "daily", []),
    ("reframe-log", "days", ["mon", "wed", "fri"]),
    ("values-compass", "weekly", []),
)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


# ---------------------------------------------------------------- words


class Writer:
    """Text that reads like a journal: everyday words in a Zipf-like mix."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(WORDS))]
        total = 0.0
        self.cum: list[float] = []
        for w in weights:
            total += w
            self.cum.append(total)

    def words(self, count: int) -> list[str]:
        return self.rng.choices(WORDS, cum_weights=self.cum, k=count)

    def sentence(self, low: int = 4, high: int = 12) -> str:
        words = self.words(self.rng.randint(low, high))
        return " ".join(words).capitalize() + "."

    def line(self, low: int = 4, high: int = 12) -> str:
        return self.sentence(low, high)

    def long(self, plant: bool = False) -> str:
        """About eighty words in two to four lines, sometimes with a blank line."""
        total = max(30, min(140, int(self.rng.gauss(LONG_WORDS, 18))))
        words = self.words(total)
        if plant:
            words[self.rng.randrange(len(words))] = SEARCH_WORD
        cuts = sorted(self.rng.sample(range(8, total - 4), self.rng.randint(1, 3)))
        lines, start = [], 0
        for cut in [*cuts, total]:
            chunk = words[start:cut]
            if chunk:
                lines.append(" ".join(chunk).capitalize() + ".")
            start = cut
        separator = "\n\n" if self.rng.random() < 0.4 else "\n"
        return separator.join(lines)


# ---------------------------------------------------------------- answers


def answer_for(step: Step, writer: Writer, plant: bool) -> Any:
    """A value this step accepts, as hw would store it."""
    rng = writer.rng
    kind = step.type
    if kind == "text":
        text = writer.line()
        return text[:-1] + f" {SEARCH_WORD}." if plant else text
    if kind == "long":
        return writer.long(plant)
    if kind == "scale":
        low, high = int(step.min), int(step.max)
        if step.alert_at is not None and rng.random() < 0.97:
            high = max(low, min(high, int(step.alert_at) - 1))
        return rng.randint(low, high)
    if kind == "number":
        low = int(step.min) if step.min is not None else 0
        high = int(step.max) if step.max is not None else 100
        if step.alert_at is not None:
            high = max(low, min(high, int(step.alert_at) - 1))
        return rng.randint(low, high)
    if kind == "choice":
        return rng.choice(step.options)
    if kind == "multi":
        picked = set(
            rng.sample(range(len(step.options)), rng.randint(1, min(3, len(step.options))))
        )
        return [o for i, o in enumerate(step.options) if i in picked]
    if kind == "list":
        return [" ".join(writer.words(rng.randint(2, 5))) for _ in range(rng.randint(1, 5))]
    if kind == "yesno":
        # a yes that alerts (the DBT card's self-harm question) is as rare as an alerting scale
        return rng.random() < (0.03 if step.alert_at is not None else 0.5)
    if kind == "timer":
        return rng.randint(30, int((step.minutes or 5) * 60))
    return None


def answers_for(template: Template, writer: Writer, plant: bool) -> dict[str, Any]:
    rng = writer.rng
    steps = [s for s in template.steps if s.answerable]
    answered = [s for s in steps if s.required or rng.random() < OPTIONAL_ANSWERED]
    textual = [s for s in answered if s.type in ("text", "long")]
    planted = rng.choice(textual).id if plant and textual else None
    given = {s.id: answer_for(s, writer, s.id == planted) for s in answered}
    return answers_mod.in_step_order(template.steps, given)


# ---------------------------------------------------------------- the plan


class Skeleton:
    """One entry before its text is written: when, which template, which assignment."""

    __slots__ = ("assignment", "created_at", "date", "seed", "template", "uid")

    def __init__(
        self, date: dt.date, template: str, rng: random.Random, offset: str, today: dt.date
    ) -> None:
        self.date = date
        self.template = template
        self.uid = f"{rng.getrandbits(128):032x}"
        self.seed = rng.getrandbits(64)
        later = rng.random() < 0.03  # now and then written up a day or two later
        made = min(today, date + dt.timedelta(days=rng.randint(1, 2) if later else 0))
        seconds = rng.randint(7 * 3600, 23 * 3600)
        self.created_at = (
            f"{made.isoformat()}T{seconds // 3600:02d}:{seconds // 60 % 60:02d}:"
            f"{seconds % 60:02d}{offset}"
        )
        self.assignment: dict[str, Any] | None = None


def _offset() -> str:
    raw = dt.datetime.now().astimezone().strftime("%z") or "+0000"
    return f"{raw[:3]}:{raw[3:]}"


def _occasions(assignment: dict[str, Any], last_day: dt.date) -> Iterator[dt.date]:
    """The days an assignment asks for something (one per week for weekly, one in all
    for once), up to its end."""
    start = dt.date.fromisoformat(assignment["start"])
    end = min(
        dt.date.fromisoformat(assignment["until"]) if assignment["until"] else last_day,
        (dt.date.fromisoformat(assignment["ended"]) - dt.timedelta(days=1))
        if assignment["ended"]
        else last_day,
        last_day,
    )
    schedule = assignment["schedule"]
    day = start
    while day <= end:
        if schedule == "daily" or (
            schedule == "days" and WEEKDAYS[day.weekday()] in assignment["days"]
        ):
            yield day
        elif schedule in ("weekly", "once") and (day == start or day.weekday() == 0):
            yield day
            if schedule == "once":
                return
        day += dt.timedelta(days=1)


class Plan:
    """Assignments, skips and entry skeletons, in the order hw would have made them."""

    def __init__(
        self,
        n: int,
        end: dt.date,
        seed: int,
        templates: dict[str, Template],
        years: int,
        daily: bool = False,
    ) -> None:
        self.n = n
        self.end = end
        self.templates = templates
        total_days = round(years * 365.25)
        self.start = end - dt.timedelta(days=total_days - 1)
        # kept daily: every day gets an entry, and the recent weeks are as full as the past
        self.daily = daily
        per_day = max(1, round(n / total_days)) if daily else RECENT_PER_DAY
        self.offset = _offset()
        self.assignments: list[dict[str, Any]] = []
        self.skips: list[dict[str, Any]] = []
        self.skeletons: list[Skeleton] = []
        self.by_cadence: dict[str, list[str]] = {}
        for template in templates.values():
            self.by_cadence.setdefault(template.cadence or "daily", []).append(template.id)
        recent_budget = min(n // 2, per_day * RECENT_DAYS)
        # The present first, from its own random stream, so it is the same at every size.
        self._recent(random.Random(f"recent:{seed}"), recent_budget)
        self._past(random.Random(f"past:{seed}:{n}"), n - len(self.skeletons))
        self.skeletons.sort(key=lambda s: (s.date, s.created_at[11:], s.uid))
        self._number_assignments()

    def _number_assignments(self) -> None:
        """Ids in the order the assignments were made, as a journal would have them."""
        self.assignments.sort(key=lambda a: (a["start"], a["uid"]))
        new_ids = {}
        for number, assignment in enumerate(self.assignments, 1):
            new_ids[assignment["id"]] = number
            assignment["id"] = number
        for skip in self.skips:
            skip["assignment_id"] = new_ids[skip["assignment_id"]]
        self.skips.sort(key=lambda s: (s["date"], s["uid"]))

    # --- helpers

    def _random_template(self, rng: random.Random) -> str:
        cadence = rng.choices(("daily", "weekly", "once"), weights=(6, 3, 1))[0]
        return rng.choice(self.by_cadence.get(cadence) or list(self.templates))

    def _assign(
        self,
        rng: random.Random,
        template: str,
        schedule: str,
        days: list[str],
        start: dt.date,
        until: dt.date | None,
        ended: dt.date | None,
        writer: Writer,
    ) -> dict[str, Any]:
        assignment = {
            "id": len(self.assignments) + 1,
            "uid": f"{rng.getrandbits(128):032x}",
            "template": template,
            "schedule": schedule,
            "days": days,
            "start": start.isoformat(),
            "until": until.isoformat() if until else None,
            "ended": ended.isoformat() if ended else None,
            "note": writer.sentence(3, 9) if rng.random() < 0.7 else "",
            "created_at": f"{start.isoformat()}T09:30:00{self.offset}",
            "active": ended is None and (until is None or until >= self.end),
        }
        self.assignments.append(assignment)
        return assignment

    def _skip(self, rng: random.Random, assignment: dict[str, Any], day: dt.date) -> None:
        writer = Writer(rng)
        self.skips.append(
            {
                "uid": f"{rng.getrandbits(128):032x}",
                "assignment_id": assignment["id"],
                "assignment_uid": assignment["uid"],
                "template": assignment["template"],
                "date": day.isoformat(),
                "barrier": rng.choice(BARRIERS),
                "reason": writer.sentence(3, 10) if rng.random() < 0.6 else "",
                "created_at": f"{day.isoformat()}T21:00:00{self.offset}",
            }
        )

    def _occasion_entries(
        self, rng: random.Random, assignment: dict[str, Any], budget: int, done: float
    ) -> int:
        made = 0
        for day in _occasions(assignment, self.end):
            if made >= budget:
                break
            if day == self.end:  # today's homework is still to do, so `hw due` lists it
                continue
            roll = rng.random()
            if roll < done:
                skeleton = Skeleton(day, assignment["template"], rng, self.offset, self.end)
                skeleton.assignment = assignment
                self.skeletons.append(skeleton)
                made += 1
            elif roll < done + 0.1:
                self._skip(rng, assignment, day)
        return made

    # --- the eight recent weeks

    def _recent(self, rng: random.Random, budget: int) -> None:
        if budget <= 0:
            return
        first = self.end - dt.timedelta(days=RECENT_DAYS - 1)
        writer = Writer(rng)
        used = 0
        for template, schedule, days in ACTIVE:
            if template not in self.templates:
                continue
            assignment = self._assign(rng, template, schedule, days, first, None, None, writer)
            used += self._occasion_entries(rng, assignment, (budget - used) // 2, done=0.8)
        self._scatter(rng, first, RECENT_DAYS, RECENT_DAYS, budget - used)
        self._link_unlinked(self.skeletons)

    # --- thirty years before that

    def _past(self, rng: random.Random, budget: int) -> None:
        if budget <= 0:
            return
        last = self.end - dt.timedelta(days=RECENT_DAYS)
        span_days = (last - self.start).days
        writer = Writer(rng)
        count = max(2, min(400, self.n // 250))
        past: list[Skeleton] = []
        occasion_budget = budget // 3
        for _ in range(count):
            template = self._random_template(rng)
            cadence = self.templates[template].cadence or "daily"
            start = self.start + dt.timedelta(days=rng.randrange(max(1, span_days - 60)))
            if cadence == "once":
                schedule, days = "once", []
            elif cadence == "weekly":
                schedule, days = "weekly", []
            elif rng.random() < 0.5:
                schedule, days = "daily", []
            else:
                schedule = "days"
                days = [WEEKDAYS[i] for i in sorted(rng.sample(range(7), 3))]
            until = start + dt.timedelta(days=rng.randint(14, 42) - 1)
            ended = (
                start + dt.timedelta(days=rng.randint(7, (until - start).days))
                if rng.random() < 0.15
                else None
            )
            assignment = self._assign(rng, template, schedule, days, start, until, ended, writer)
            before = len(self.skeletons)
            made = self._occasion_entries(rng, assignment, occasion_budget, done=0.7)
            occasion_budget -= made
            past.extend(self.skeletons[before:])
        # kept daily, the past runs right up to the recent weeks (span_days + 1 days)
        past += self._scatter(rng, self.start, span_days, span_days + 1, budget - len(past))
        self._link_unlinked(past)

    def _scatter(
        self, rng: random.Random, first: dt.date, span: int, cover: int, count: int
    ) -> list[Skeleton]:
        """`count` entries on random days of the `span` days from `first`. Kept daily,
        each goes to the emptiest of the `cover` days from `first` instead (the earliest
        of equals), so every day has some and all are about as full."""
        emptiest: list[tuple[int, int]] = []  # (entries that day, days after first)
        if self.daily:
            last = first + dt.timedelta(days=cover - 1)
            have = collections.Counter(s.date for s in self.skeletons if first <= s.date <= last)
            emptiest = [(have[first + dt.timedelta(days=i)], i) for i in range(cover)]
            heapq.heapify(emptiest)
        made = []
        for _ in range(count):
            if self.daily:
                full, offset = heapq.heappop(emptiest)
                heapq.heappush(emptiest, (full + 1, offset))
                day = first + dt.timedelta(days=offset)
            else:
                day = first + dt.timedelta(days=rng.randrange(span))
            skeleton = Skeleton(day, self._random_template(rng), rng, self.offset, self.end)
            self.skeletons.append(skeleton)
            made.append(skeleton)
        return made

    def _link_unlinked(self, skeletons: list[Skeleton]) -> None:
        """An entry for a template with an assignment active on its date counts toward it."""
        active: dict[tuple[str, dt.date], dict[str, Any]] = {}
        for assignment in self.assignments:
            start = dt.date.fromisoformat(assignment["start"])
            stop = min(
                dt.date.fromisoformat(assignment["until"]) if assignment["until"] else self.end,
                self.end,
            )
            if assignment["ended"]:
                stop = min(stop, dt.date.fromisoformat(assignment["ended"]) - dt.timedelta(days=1))
            day = start
            while day <= stop:
                active.setdefault((assignment["template"], day), assignment)
                day += dt.timedelta(days=1)
        for skeleton in skeletons:
            if skeleton.assignment is None:
                skeleton.assignment = active.get((skeleton.template, skeleton.date))


# ---------------------------------------------------------------- entries


def build_entry(skeleton: Skeleton, entry_id: int, template: Template) -> dict[str, Any]:
    """The entry as hw-json holds it: Entry.to_json(with_steps=True) plus updated_at and
    assignment_uid."""
    rng = random.Random(skeleton.seed)
    writer = Writer(rng)
    answers = answers_for(template, writer, plant=rng.random() < SEARCH_RATE)
    mood_step = template.has_mood_step()
    if mood_step:
        mood = answers.get("mood")
    else:
        mood = rng.choices((None, 1, 2, 3, 4, 5), weights=(40, 4, 10, 22, 18, 6))[0]
    tags = sorted(set(rng.sample(TAGS, rng.choices((0, 1, 2, 3), weights=(35, 40, 18, 7))[0])))
    assignment = skeleton.assignment
    entry = Entry(
        id=entry_id,
        uid=skeleton.uid,
        template=template.id,
        title=template.title,
        date=skeleton.date.isoformat(),
        created_at=skeleton.created_at,
        updated_at=skeleton.created_at,
        status="complete",
        template_version=template.version,
        private=rng.random() < 0.05,
        tags=tags,
        mood=mood,
        assignment_id=assignment["id"] if assignment else None,
        answers=answers,
        steps=steps_snapshot(template),
        score=answers_mod.score(template, answers) if template.scoring else None,
        alerts=answers_mod.alerts(template.steps, answers) or None,
    )
    data = entry.to_json(with_steps=True)
    data["updated_at"] = entry.updated_at
    data["assignment_uid"] = assignment["uid"] if assignment else None
    return data


_SNAPSHOTS: dict[str, list[dict[str, Any]]] = {}


def steps_snapshot(template: Template) -> list[dict[str, Any]]:
    if template.id not in _SNAPSHOTS:
        _SNAPSHOTS[template.id] = [s.snapshot() for s in template.steps]
    return _SNAPSHOTS[template.id]


def entries(plan: Plan) -> Iterator[dict[str, Any]]:
    for number, skeleton in enumerate(plan.skeletons, 1):
        yield build_entry(skeleton, number, plan.templates[skeleton.template])


# ---------------------------------------------------------------- writing


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def write_hw_json(plan: Plan, out: TextIO, jrnl: TextIO | None = None) -> int:
    """Stream the journal out entry by entry, so a 100,000-entry file never sits in memory."""
    out.write('{"format": "hwjournal", "version": 1, "entries": [\n')
    count = 0
    for data in entries(plan):
        if count:
            out.write(",\n")
        out.write(_dump(data))
        if jrnl is not None:
            jrnl.write(jrnl_text(data))
        count += 1
    out.write('\n], "assignments": [\n')
    out.write(",\n".join(_dump(a) for a in plan.assignments))
    out.write('\n], "skips": [\n')
    out.write(",\n".join(_dump(s) for s in plan.skips))
    out.write("\n]}\n")
    return count


def jrnl_text(data: dict[str, Any]) -> str:
    """One entry in jrnl's plain-text format: `[YYYY-MM-DD HH:MM] Title.` then the body."""
    stamp = data["created_at"][:16].replace("T", " ")
    stamp = f"{data['date']}{stamp[10:]}"
    lines = [f"[{stamp}] {data['title']}."]
    for step_id, value in data["answers"].items():
        if isinstance(value, list):
            value = "; ".join(value)
        lines.append(f"{step_id}: {value}")
    if data["tags"]:
        lines.append(" ".join(f"@{t}" for t in data["tags"]))
    return "\n".join(lines) + "\n\n"


def generate(
    n: int,
    out_path: str,
    seed: int = 1,
    end: dt.date | None = None,
    years: int = YEARS,
    jrnl_path: str | None = None,
    daily: bool = False,
) -> dict[str, Any]:
    """Write the journal; returns what it holds (counts, the busiest recent week)."""
    templates = catalog().templates
    plan = Plan(n, end or dt.date.today(), seed, templates, years, daily)
    with open(out_path, "w", encoding="utf-8") as out:
        if jrnl_path:
            with open(jrnl_path, "w", encoding="utf-8") as jrnl:
                count = write_hw_json(plan, out, jrnl)
        else:
            count = write_hw_json(plan, out)
    return {
        "entries": count,
        "assignments": len(plan.assignments),
        "skips": len(plan.skips),
        "first": plan.skeletons[0].date.isoformat() if plan.skeletons else None,
        "last": plan.skeletons[-1].date.isoformat() if plan.skeletons else None,
        "search_word": SEARCH_WORD,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--entries", type=int, default=100_000, help="how many entries")
    parser.add_argument("-o", "--output", required=True, help="the hw-json file to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--end", help="the last day (YYYY-MM-DD, default today)")
    parser.add_argument("--years", type=int, default=YEARS, help="how far back it goes")
    parser.add_argument("--jrnl", metavar="FILE", help="also write it in jrnl's text format")
    parser.add_argument(
        "--daily", action="store_true", help="kept every day: entries spread evenly, none missed"
    )
    args = parser.parse_args(argv)
    if args.entries < 1:
        parser.error("-n needs at least 1 entry")
    end = dt.date.fromisoformat(args.end) if args.end else None
    summary = generate(
        args.entries, args.output, args.seed, end, args.years, args.jrnl, daily=args.daily
    )
    sys.stderr.write(
        f"Wrote {summary['entries']} entries, {summary['assignments']} assignments and "
        f"{summary['skips']} skips ({summary['first']} to {summary['last']}) to {args.output}\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
