"""hw caseload: one row a client from the hw exports clients sent, in the spec's order
(alerts, then reliable deterioration, then by name), with the spec's JSON, never a
client's words, plain for screen readers, through the pager, and every file hw cannot
read named and passed over.

The clients, worked out by hand (files end on Sunday 22 November 2026, ISO week 47):
- carl: a PHQ-9 of 9 on 20 Nov with item 9 at 1 (an alert); a private PHQ-9 of 20 with
  its own alert on 21 Nov (private: neither its score nor its alert shows).
- Ana Lima (her file says so): PHQ-9 8 on 5 Oct, 16 on 16 Nov: +8, a reliable
  deterioration (6 or more); no recovery (8 was no case). A daily reframe log from
  Monday 16 Nov: done 16, 17 and 18 Nov (the 18th private: it still counts), a skip
  on the 19th: 3 of 7 done.
- bea: an older file, without name or week_start: named by its stem; gratitude only.
- Dan: weeks start on Sunday; his file ends on Saturday 21 Nov, so his last week is
  Sunday 15 to Saturday 21 Nov; a daily mood check-in from 15 Nov, done on 15 and 16.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pexpect
import pytest

from helpers import finish, run_hw, spawn_hw

ENV = {"TZ": "UTC", "COLUMNS": "80", "NO_COLOR": "1"}
SECRET = "lighthouse keeper"  # a client's words: never on a caseload
PHQ_STEPS = [
    {"id": f"q{i}", "type": "scale", "prompt": f"Item {i}", "min": 0, "max": 3} for i in range(1, 9)
] + [{"id": "q9", "type": "scale", "prompt": "Item 9", "min": 0, "max": 3, "alert_at": 1}]
TEXT_STEPS = [{"id": "thought", "type": "text", "prompt": "What was the thought?"}]
KEYS = ["file", "name", "start", "end", "last_entry", "homework", "measures", "alerts"]


def entry(n: int, template: str, day: str, **extra: Any) -> dict[str, Any]:
    found = {
        "id": n, "uid": f"{template}-{day}-{n}", "template": template,
        "title": {"phq-9": "PHQ-9 mood questionnaire"}.get(template, template.title()),
        "date": day, "created_at": f"{day}T20:00:00+00:00", "status": "complete",
        "private": False, "tags": [], "mood": 3, "assignment_id": None,
        "assignment_uid": None, "answers": {"thought": SECRET}, "steps": TEXT_STEPS,
    }  # fmt: skip
    found.update(extra)
    return found


def phq(n: int, day: str, total: int, q9: int = 0, **extra: Any) -> dict[str, Any]:
    values = [min(3, max(0, total - q9 - 3 * i)) for i in range(8)] + [q9]
    assert sum(values) == total
    band = "mild" if total < 10 else "moderate" if total < 15 else "moderately severe"
    return entry(
        n, "phq-9", day, answers={f"q{i}": v for i, v in enumerate(values, 1)},
        steps=PHQ_STEPS, score={"total": total, "band": band},
        alerts=["q9"] if q9 else None, **extra,
    )  # fmt: skip


def document(entries: list, end: str = "2026-11-22", **extra: Any) -> dict[str, Any]:
    found = {
        "format": "hwjournal", "version": 1, "exported_at": f"{end}T21:00:00+00:00",
        "hw_version": "0.1.0", "name": None, "week_start": "monday",
        "range": {"start": "2026-10-01", "end": end}, "private_withheld": 0,
        "entries": entries, "assignments": [], "skips": [],
    }  # fmt: skip
    found.update(extra)
    return found


def assignment(uid: str, template: str, start: str) -> dict[str, Any]:
    return {
        "id": 1, "uid": uid, "template": template, "title": template, "schedule": "daily",
        "days": [], "start": start, "until": None, "ended": None, "note": "",
        "created_at": f"{start}T08:00:00+00:00", "active": True,
    }  # fmt: skip


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


@pytest.fixture
def clients(tmp_path: Path) -> Path:
    folder = tmp_path / "clients"
    folder.mkdir()
    write(folder / "carl.json", document([
        phq(1, "2026-11-20", 9, q9=1),
        phq(2, "2026-11-21", 20, q9=2, private=True),
    ]))  # fmt: skip
    linked = {"assignment_uid": "ana-reframe"}
    ana = [
        phq(1, "2026-10-05", 8),
        entry(2, "reframe-log", "2026-11-16", **linked),
        phq(3, "2026-11-16", 16),
        entry(4, "reframe-log", "2026-11-17", **linked),
        entry(5, "reframe-log", "2026-11-18", private=True, **linked),
    ]
    skip = {
        "uid": "ana-skip", "assignment_id": 1, "assignment_uid": "ana-reframe",
        "template": "reframe-log", "date": "2026-11-19", "barrier": "time",
        "reason": SECRET, "created_at": "2026-11-19T21:00:00+00:00",
    }  # fmt: skip
    write(folder / "ana.json", document(
        ana, name="Ana Lima",
        assignments=[assignment("ana-reframe", "reframe-log", "2026-11-16")], skips=[skip],
    ))  # fmt: skip
    old = document([entry(1, "gratitude", "2026-11-02")])
    del old["name"], old["week_start"]
    write(folder / "bea.json", old)
    dan = [
        entry(1, "mood-checkin", "2026-11-15", assignment_uid="dan-mood"),
        entry(2, "mood-checkin", "2026-11-16", assignment_uid="dan-mood"),
    ]
    write(folder / "dan.json", document(
        dan, end="2026-11-21", name="Dan", week_start="sunday",
        assignments=[assignment("dan-mood", "mood-checkin", "2026-11-15")],
    ))  # fmt: skip
    (folder / "notes.txt").write_text("not an export, and not *.json: never looked at")
    return folder


def caseload(*args: str, **env: str):
    return run_hw("caseload", *args, env={**ENV, **env})


def test_json_rows_in_the_spec_order_with_the_spec_keys(clients: Path) -> None:
    result = caseload(str(clients), "--json")
    assert result.code == 0, result.err
    rows = result.json()
    assert [r["name"] for r in rows] == ["carl", "Ana Lima", "bea", "Dan"]
    assert all(list(r) == KEYS for r in rows)
    carl, ana, bea, dan = rows
    assert carl["file"] == str(clients / "carl.json")
    assert carl["alerts"] == [{"date": "2026-11-20", "template": "phq-9", "step": "q9"}]
    assert carl["measures"] == [
        {"template": "phq-9", "date": "2026-11-20", "total": 9, "band": "mild", "status": []}
    ]  # one score, and the private one left out: no status
    assert ana["measures"] == [
        {
            "template": "phq-9", "date": "2026-11-16", "total": 16,
            "band": "moderately severe", "status": ["reliable deterioration"],
        }
    ]  # fmt: skip
    assert ana["alerts"] == []
    assert ana["homework"] == {"done": 3, "due": 7}
    assert (ana["start"], ana["end"], ana["last_entry"]) == (
        "2026-10-01",
        "2026-11-22",
        "2026-11-17",
    )
    assert bea["homework"] == {"done": 0, "due": 0} and bea["measures"] == []
    assert dan["homework"] == {"done": 2, "due": 7}  # Sunday 15 to Saturday 21 November


def test_files_and_folders_mix_and_order_by_name_without_alerts(clients: Path) -> None:
    result = caseload(str(clients / "dan.json"), str(clients / "bea.json"), "--json")
    assert result.code == 0, result.err
    assert [r["name"] for r in result.json()] == ["bea", "Dan"]


def test_the_screen_shows_every_client_and_never_their_words(clients: Path) -> None:
    result = caseload(str(clients), "--no-pager", COLUMNS="160")
    assert result.code == 0, result.err
    out = result.out
    assert out.index("carl") < out.index("Ana Lima") < out.index("bea") < out.index("Dan")
    assert "4 clients, 1 with an alert, 1 with a reliable deterioration" in out
    assert "reliable deterioration" in out and "PHQ-9 16 moderately severe" in out
    assert "3 of 7" in out and "none set" in out
    for shown in (out, caseload(str(clients), "--json").out, caseload(str(clients), "--plain").out):
        assert SECRET not in shown


def test_plain_is_one_labelled_line_a_client_without_box_characters(clients: Path) -> None:
    result = caseload(str(clients), "--plain")
    assert result.code == 0, result.err
    assert not [c for c in result.out if 0x2500 <= ord(c) <= 0x25FF or 0x2800 <= ord(c) <= 0x28FF]
    text = " ".join(result.out.split())
    # a day of another year than this one is said with its year
    last = "17 Nov" if dt.date.today().year == 2026 else "17 Nov 2026"
    assert (
        f"Ana Lima, 1 October – 22 November 2026, last entry {last}: last week's homework "
        "3 of 7 done; PHQ-9 16 moderately severe, reliable deterioration; no alerts"
    ) in text
    assert "; 1 alert: PHQ-9, q9 on 20 Nov" in text


def test_a_tall_caseload_opens_in_the_pager(clients: Path, tmp_path: Path) -> None:
    for n in range(12):
        write(clients / f"extra-{n:02d}.json", document([entry(1, "gratitude", "2026-11-02")]))
    paged = tmp_path / "paged.txt"
    child = spawn_hw("caseload", str(clients), env={"HW_PAGER": f"cat > {paged}"},
                     dimensions=(24, 80))  # fmt: skip
    child.expect(pexpect.EOF)
    assert finish(child) == 0, child.before
    assert "Ana Lima" in paged.read_text() and "extra-11" in paged.read_text()


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda p: p.write_text("date,mood\n2026-11-02,3\n"), "this is not an hw export"),
        (
            lambda p: p.write_text('{"format": "hwjournal", "version": 1, "entries": [{"uid'),
            "this is not valid JSON",
        ),
        (
            lambda p: write(p, {"format": "hwjournal", "version": 9, "entries": []}),
            "written by a newer hw",
        ),
        (
            lambda p: write(p, document([entry(1, "gratitude", "2026-13-02")])),
            "entry 1: 'date' is \"2026-13-02\", not a date",
        ),
        (
            lambda p: write(p, document([entry(1, "gratitude", "2026-11-02", status="draft")])),
            "entry 1: 'status' is 'draft'",
        ),
        (lambda p: write(p, document([], week_start="tuesday")), "use monday or sunday"),
        (lambda p: p.write_bytes(b'{"format": "hwjournal", "name": "\xff"}'), "not UTF-8"),
        (
            lambda p: os.truncate(p, (64 << 20) + 1) if p.touch() is None else None,
            "more than any client's hw export could be",
        ),
        (lambda p: os.mkfifo(p), "a pipe (FIFO), not a regular file"),
        (lambda p: p.symlink_to("/dev/null"), "a device, not a regular file"),
        (lambda p: write(p, [1, 2, 3]), "this is not an hw export"),
        (
            lambda p: p.write_text(
                '{"format": "hwjournal", "version": 1, "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
            ),
            "nested too deeply",
        ),
    ],
    ids=[
        "csv",
        "truncated",
        "newer",
        "bad date",
        "draft",
        "week start",
        "not utf-8",
        "huge",
        "fifo",
        "device",
        "a list",
        "deep",
    ],
)
def test_a_file_hw_cannot_read_is_named_and_passed_over(clients: Path, make, said: str) -> None:
    bad = clients / "zz-bad.json"
    make(bad)
    result = caseload(str(clients), "--json")
    assert result.code == 0, result.err
    assert [r["name"] for r in result.json()] == ["carl", "Ana Lima", "bea", "Dan"]
    assert f"Passed over {bad}" in result.err and said in result.err
    assert "Traceback" not in result.err and len(result.err.strip().splitlines()) == 1


def test_when_no_file_can_be_read_it_exits_2_with_stdout_empty(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.json", {"format": "other"})
    empty = tmp_path / "empty"
    empty.mkdir()
    result = caseload(str(bad), str(empty), str(tmp_path / "missing.json"))
    assert result.code == 2 and result.out == ""
    assert f"Passed over {bad}" in result.err
    assert f"Passed over {empty}: it holds no .json file" in result.err
    assert "No such file or directory" in result.err
    assert "No client's file could be read" in result.err
    assert "Traceback" not in result.err


def test_an_export_made_by_hw_reads_back_with_its_name_and_week_start(tmp_path: Path) -> None:
    client = tmp_path / "client"
    env = {**ENV, "HW_HOME": str(client)}
    for args in (
        ("config", "set", "name", "Erin Example"),
        ("config", "set", "week_start", "sunday"),
        ("start", "phq-9", "--date", "2026-11-18", "--no-input",
         *(x for i in range(1, 10) for x in ("-a", f"q{i}={1 if i in (1, 9) else 0}"))),
    ):  # fmt: skip
        assert run_hw(*args, env=env).code == 0
    made = tmp_path / "erin-file.json"
    result = run_hw("export", "--format", "json", "--week", "2026-11-18", "-o", str(made), env=env)
    assert result.code == 0, result.err
    document_ = json.loads(made.read_text())
    assert (document_["name"], document_["week_start"]) == ("Erin Example", "sunday")
    assert document_["range"] == {"start": "2026-11-15", "end": "2026-11-21"}
    rows = caseload(str(made), "--json").json()
    assert rows[0]["name"] == "Erin Example"
    assert rows[0]["alerts"] == [{"date": "2026-11-18", "template": "phq-9", "step": "q9"}]
    assert rows[0]["measures"][0]["total"] == 2


def test_file_names_complete_to_folders_and_json_files(clients: Path) -> None:
    from test_completion import bash

    (clients / "older").mkdir()
    prefix = f"{clients}/"
    offered = bash(f"hw caseload {prefix}")
    assert set(offered) == {prefix + n for n in ("ana.json", "bea.json", "carl.json",
                                                "dan.json", "older/")}  # fmt: skip
    assert bash(f"hw export --from {prefix}b") == [prefix + "bea.json"]
