"""The benchmark can be trusted: bench/generate.py writes a journal hw accepts, whose
answers fit their steps, and bench/run.py prints its table (with n/a for a command
hw lacks, and a jrnl column when jrnl is there). No timing is checked here."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import HW, REPO, run_hw
from hwjournal import answers
from hwjournal.journal import Entry
from hwjournal.templates import catalog

BENCH = REPO / "bench"
END = dt.date(2026, 11, 25)

ENTRY_KEYS = set(Entry(None, "", "", "", "", "").to_json(with_steps=True)) | {
    "updated_at",
    "assignment_uid",
}
ASSIGNMENT_KEYS = {
    "id", "uid", "template", "schedule", "days", "start", "until", "ended", "note",
    "created_at", "active",
}  # fmt: skip
SKIP_KEYS = {
    "uid", "assignment_id", "assignment_uid", "template", "date", "barrier", "reason",
    "created_at",
}  # fmt: skip


def generate(tmp_path: Path, n: int, *extra: str) -> dict:
    out = tmp_path / f"journal-{n}.json"
    proc = subprocess.run(
        [
            *(sys.executable, str(BENCH / "generate.py"), "-n", str(n), "-o", str(out)),
            *("--end", END.isoformat(), *extra),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return generate(tmp_path_factory.mktemp("gen"), 600)


def test_the_file_is_hw_json_with_every_record_in_its_shape(corpus):
    assert corpus["format"] == "hwjournal" and corpus["version"] == 1
    assert [e["id"] for e in corpus["entries"]] == list(range(1, 601))
    assert all(set(e) - {"score", "alerts"} == ENTRY_KEYS for e in corpus["entries"])
    assert any("score" in e for e in corpus["entries"])
    assert all(set(a) == ASSIGNMENT_KEYS for a in corpus["assignments"])
    assert all(set(s) == SKIP_KEYS for s in corpus["skips"])
    assert corpus["assignments"] and corpus["skips"]


def test_answers_fit_their_steps_and_scores_match_the_template(corpus):
    templates = catalog().templates
    used = set()
    for entry in corpus["entries"]:
        template = templates[entry["template"]]
        used.add(template.id)
        assert entry["steps"] == [s.snapshot() for s in template.steps]
        assert entry["title"] == template.title
        for step_id, value in entry["answers"].items():
            assert template.step(step_id).from_json(value) == value
        missing = answers.missing_required(template, entry["answers"])
        assert missing == []
        assert list(entry["answers"]) == [s.id for s in template.steps if s.id in entry["answers"]]
        if template.score_steps:
            assert entry.get("score") == answers.score(template, entry["answers"])
        assert entry.get("alerts") == (answers.alerts(template.steps, entry["answers"]) or None)
        assert entry["mood"] is None or 1 <= entry["mood"] <= 5
    assert len(used) >= 15  # a mix of the built-ins, not one template over and over


def test_long_answers_run_to_several_lines_of_about_eighty_words(corpus):
    long_ids = {
        (t.id, s.id) for t in catalog().templates.values() for s in t.steps if s.type == "long"
    }
    texts = [
        value
        for e in corpus["entries"]
        for step_id, value in e["answers"].items()
        if (e["template"], step_id) in long_ids
    ]
    assert len(texts) > 100
    words = sorted(len(t.split()) for t in texts)
    assert 60 <= words[len(words) // 2] <= 100
    assert sum("\n" in t for t in texts) > len(texts) * 0.9


def test_dates_spread_over_thirty_years_up_to_the_last_day(corpus):
    dates = [e["date"] for e in corpus["entries"]]
    assert dates == sorted(dates)
    assert dates[-1] <= END.isoformat()
    assert dates[0] < (END - dt.timedelta(days=365 * 25)).isoformat()
    assert any(e["tags"] for e in corpus["entries"]) and any(
        e["private"] for e in corpus["entries"]
    )


def test_links_between_entries_skips_and_assignments_hold(corpus):
    by_id = {a["id"]: a for a in corpus["assignments"]}
    linked = [e for e in corpus["entries"] if e["assignment_id"] is not None]
    assert linked
    for entry in linked:
        assignment = by_id[entry["assignment_id"]]
        assert entry["assignment_uid"] == assignment["uid"]
        assert entry["template"] == assignment["template"]
        assert assignment["start"] <= entry["date"]
    for skip in corpus["skips"]:
        assert by_id[skip["assignment_id"]]["uid"] == skip["assignment_uid"]
        assert skip["barrier"] in ("time", "forgot", "overwhelmed", "unclear", "avoidance", "other")
    assert sorted(a["template"] for a in corpus["assignments"] if a["active"]) == [
        "mood-checkin",
        "reframe-log",
        "values-compass",
    ]


def test_the_recent_weeks_are_the_same_at_every_size(tmp_path, corpus):
    bigger = generate(tmp_path, 900)

    def recent(data: dict) -> list[tuple[str, str, str]]:
        start = (END - dt.timedelta(days=55)).isoformat()
        return [(e["uid"], e["date"], json.dumps(e["answers"])) for e in data["entries"]
                if e["date"] >= start]  # fmt: skip

    assert recent(corpus) == recent(bigger)
    assert len(recent(corpus)) >= 100


def test_the_generated_journal_imports_into_hw(tmp_path):
    data_path = tmp_path / "small.json"
    subprocess.run(
        [sys.executable, str(BENCH / "generate.py"), "-n", "150", "-o", str(data_path)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    result = run_hw("import", str(data_path), "--format", "hw-json")
    assert result.code == 0, result.err
    listed = run_hw("log", "-n", "0", "--json").json()
    assert len(listed) == 150
    assert {e["uid"] for e in listed} == {
        e["uid"] for e in json.loads(data_path.read_text())["entries"]
    }


def test_a_journal_kept_daily_has_entries_every_day_and_a_full_last_week(tmp_path):
    """--daily (the heavy journal): every day from the first to the last has entries,
    about as many each, so the streak runs back to the first day and the last whole
    week holds seven days' worth."""
    data = generate(tmp_path, 3300, "--daily", "--years", "1")
    per_day: dict[str, int] = {}
    for entry in data["entries"]:
        per_day[entry["date"]] = per_day.get(entry["date"], 0) + 1
    first = END - dt.timedelta(days=round(365.25) - 1)
    every_day = [(first + dt.timedelta(days=i)).isoformat() for i in range(round(365.25))]
    assert sorted(per_day) == every_day
    assert {per_day[day] for day in every_day} <= {9, 10}  # 3,300 over 365 days
    monday = END - dt.timedelta(days=END.weekday() + 7)
    last_week = [(monday + dt.timedelta(days=i)).isoformat() for i in range(7)]
    assert sum(per_day[day] for day in last_week) == 63


def test_jrnl_text_holds_every_entry(tmp_path):
    text = tmp_path / "journal.txt"
    generate(tmp_path, 80, "--jrnl", str(text))
    heads = re.findall(r"^\[(\d{4}-\d\d-\d\d \d\d:\d\d)\] ", text.read_text(), re.MULTILINE)
    assert len(heads) == 80 and heads == sorted(heads)


# ---------------------------------------------------------------- run.py


def fake(path: Path, body: str) -> Path:
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_quick_run_prints_the_table_with_n_a_and_jrnl(tmp_path):
    """One quick run: a command hw lacks shows n/a, and a jrnl on PATH gets its column."""
    tools = tmp_path / "bin"
    tools.mkdir()
    fake(tools / "jrnl", 'sleep 0.01; [ "$3" = "--version" ] && echo "jrnl v4.1"; exit 0\n')
    # hw as installed, except that it has no `due` command
    hw = fake(
        tmp_path / "hw-without-due",
        'if [ "$1" = due ]; then echo "Error: No such command \'due\'." >&2; exit 2; fi\n'
        f'exec "{HW}" "$@"\n',
    )
    env = dict(os.environ, PATH=f"{tools}{os.pathsep}{os.environ['PATH']}")
    proc = subprocess.run(
        [
            *(sys.executable, str(BENCH / "run.py"), "--quick", "--runs", "1", "--sizes", "120"),
            *("--hw", str(hw), "--python", sys.executable, "--corpus-dir", str(tmp_path / "out")),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert (
        lines[0].startswith("Machine: ") and "CPUs (nproc)" in lines[0] and "Python 3." in lines[0]
    )
    header = next(line for line in lines if line.startswith("| entries"))
    columns = [c.strip() for c in header.strip("|").split("|")]
    assert columns == [
        "entries", "command", "median ms", "min–max ms", "× floor", "peak MB",
        "jrnl median ms", "hw : jrnl",
    ]  # fmt: skip
    rows = {
        cells[1].strip("`"): cells
        for line in lines
        if line.startswith("| 120 ")
        for cells in [[c.strip() for c in line.strip("|").split("|")]]
    }
    assert list(rows) == [
        "python -c pass", "hw --version", "hw due --json", "hw log -n 10 --json",
        "hw log --search lighthouse -n 10", f"hw week {week_label()} --json",
        f"hw export --week {week_label()}", "hw trends",
        f"hw trends --since {ten_years_ago()}", "hw start reframe-log --no-input",
        "hw import FILE --format hw-json", "hw encrypt (once)",
        "hw due --json (encrypted, unlocked)", "hw log -n 10 --json (encrypted, unlocked)",
    ]  # fmt: skip
    assert rows["python -c pass"][4] == "1.00"
    assert rows["hw due --json"][2] == "n/a"
    assert rows["hw due --json (encrypted, unlocked)"][2] == "n/a"
    for label, cells in rows.items():
        if label in ("hw due --json", "hw due --json (encrypted, unlocked)"):
            continue
        assert float(cells[2].replace(",", "")) > 0, label
        low, high = (float(x.replace(",", "")) for x in cells[3].split("–"))
        assert low <= float(cells[2].replace(",", "")) <= high
        assert float(cells[5]) > 5  # MB: at least a Python interpreter's worth
    assert re.fullmatch(r"(1 : [\d.,]+|[\d.,]+ : 1)", rows["hw log -n 10 --json"][7])
    assert rows["hw import FILE --format hw-json"][6] == "n/a"  # jrnl has no such command
    assert any(line.startswith("- NOT met") or line.startswith("- met") for line in lines)
    assert "- n/a: due within 2.5× the floor (n/a)" in lines


def ten_years_ago() -> str:
    """Ten years (3,652 days) before the Monday of week_label(), as the bench has it."""
    today = dt.date.today()
    monday = today - dt.timedelta(days=today.weekday() + 7)
    return (monday - dt.timedelta(days=3652)).isoformat()


def week_label() -> str:
    today = dt.date.today()
    monday = today - dt.timedelta(days=today.weekday() + 7)
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def test_the_heavy_size_is_timed_against_its_own_limit():
    """`--sizes 1000,heavy`: the heavy journal gets its own rows and its own target
    (week and export within 5x the floor); the other targets stay with the largest
    journal of a few entries a day."""
    sys.path.insert(0, str(BENCH))
    import run

    sizes = {s.key: s for s in map(run.Size.parse, ["1_000", "heavy"])}
    assert [(s.entries, s.daily, s.label) for s in sizes.values()] == [
        (1000, False, "1,000"),
        (100_000, True, "100,000 daily"),
    ]

    def row(ms: float) -> dict:
        hw = {"status": "ok", "median_ms": ms, "min_ms": ms, "max_ms": ms, "peak_mb": 12.0}
        return {"hw": hw, "jrnl": None}

    results = {
        "1000": {"floor": row(10.0), "week": row(40.0), "export": row(45.0)},
        "heavy": {"floor": row(10.0), "week": row(48.0), "export": row(52.0)},
    }
    lines = run.verdicts(results, sizes)
    assert lines[0].startswith("Targets at 1,000 entries")
    heavy = lines[lines.index(next(x for x in lines if "100,000 daily" in x)) :]
    assert heavy[1:] == [
        "- met: week within 5.0× the floor: 4.80× (48.0 ms, limit 50.0 ms)",
        "- NOT met: export within 5.0× the floor: 5.20× (52.0 ms, limit 50.0 ms)",
    ]
    table = run.table(results, sizes, {"floor": "python -c pass", "week": "hw week"})
    assert "| 100,000 daily | `hw week` | 48.0 |" in table
