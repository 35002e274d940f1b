"""hw import: Daylio, jrnl and hw's own JSON come in whole, twice adds nothing
twice, and a file with any bad record is refused whole with where and why."""

from __future__ import annotations

import copy
import json
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest

import helpers
from helpers import Result, run_hw, snapshot

DATA = Path(__file__).resolve().parent / "data"
# Daylio's older eight-column CSV (UTF-8 with a BOM, newest row first): 12- and
# 24-hour times, activities joined by " | ", a quoted note holding a comma, a row
# with only a note title.
DAYLIO = DATA / "daylio-8col.csv"
# What `jrnl --export json` writes: a tag in a body, a two-line body, a starred
# entry with an empty body.
JRNL = DATA / "jrnl-export.json"
BOM = "\ufeff"


def hw_here(*args: str, input: str = "") -> Result:
    """helpers.hw_here, closing the journal after each call as a process would."""
    return helpers.hw_here(*args, input=input, settle=True)


def rows(journal: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    db = sqlite3.connect(journal)
    try:
        return db.execute(sql, params).fetchall()
    finally:
        db.close()


def entries() -> list[dict[str, Any]]:
    """Every complete entry, oldest first."""
    return list(reversed(run_hw("log", "-n", "0", "--json").json()))


def gratitude(text: str = "the sun") -> str:
    result = run_hw("start", "gratitude", "--answer", f"things={text}", "--mood", "4", "--no-input")
    assert result.code == 0, result.err
    return result.out.strip()


MOOD_STEPS = [
    {
        "id": "mood",
        "type": "scale",
        "prompt": "How are you feeling today?",
        "required": True,
        "min": 1,
        "max": 5,
        "labels": {"1": "awful", "2": "bad", "3": "meh", "4": "good", "5": "rad"},
    },
    {"id": "note", "type": "long", "prompt": "Anything to note?", "reflection": True},
]
PHQ_STEPS = [
    {"id": "q1", "type": "scale", "prompt": "Little interest", "min": 0, "max": 3},
    {"id": "q9", "type": "scale", "prompt": "Thoughts", "min": 0, "max": 3, "alert_at": 1},
]


def hw_entry(n: int, **changes: Any) -> dict[str, Any]:
    entry = {
        "id": n,
        "uid": f"entry-{n:04d}-uid",
        "template": "mood-checkin",
        "template_version": 1,
        "title": "Mood check-in",
        "date": f"2026-11-{n:02d}",
        "created_at": f"2026-11-{n:02d}T20:15:03+01:00",
        "updated_at": f"2026-11-{n:02d}T20:16:00+01:00",
        "status": "complete",
        "private": False,
        "tags": ["work"],
        "mood": 3,
        "assignment_id": None,
        "assignment_uid": None,
        "answers": {"mood": 3, "note": f"note number {n}"},
        "steps": MOOD_STEPS,
    }
    entry.update(changes)
    return entry


def hw_document(entry_list: list[dict[str, Any]] | None = None, **extra: Any) -> dict[str, Any]:
    document = {
        "format": "hwjournal",
        "version": 1,
        "exported_at": "2026-11-30T09:00:00+01:00",
        "hw_version": "0.1.0",
        "range": {"start": "2026-11-01", "end": "2026-11-30"},
        "entries": entry_list if entry_list is not None else [hw_entry(1), hw_entry(2)],
        "assignments": [],
        "skips": [],
    }
    document.update(extra)
    return document


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


# ---------------------------------------------------------------- daylio


def test_daylio_sample_becomes_mood_checkins_with_the_builtin_steps(journal_path):
    result = run_hw("import", str(DAYLIO))
    assert result.code == 0, result.err
    assert "Imported 3 entries" in result.out
    got = entries()
    assert [e["date"] for e in got] == ["2024-10-18", "2024-10-19", "2024-10-20"]
    assert [e["mood"] for e in got] == [5, 1, 4]  # rad, awful, good
    assert [e["answers"]["mood"] for e in got] == [5, 1, 4]
    assert [e["created_at"] for e in got] == [
        "2024-10-18T13:05:00+00:00",
        "2024-10-19T06:15:00+00:00",  # 6:15 am
        "2024-10-20T20:40:00+00:00",  # 8:40 pm
    ]
    assert got[0]["answers"]["activities"] == ["walk", "tv / games"]
    assert got[1]["answers"]["activities"] == ["bad sleep"]
    assert got[2]["answers"]["activities"] == ["family", "cooking"]
    assert got[0]["answers"]["note"] == "Finished the library book on a bench by the canal."
    assert got[1]["answers"]["note"] == "Awake since four"  # only a note title
    assert got[2]["answers"]["note"] == "Made soup with Dad, and he told the harbour story again."
    assert {e["template"] for e in got} == {"mood-checkin"}
    assert {e["status"] for e in got} == {"complete"}
    template = run_hw("templates", "show", "mood-checkin", "--json").json()
    for (steps,) in rows(journal_path, "SELECT steps FROM entries"):
        assert json.loads(steps) == template["steps"]


def test_importing_the_same_daylio_file_twice_adds_nothing_twice(journal_path):
    assert run_hw("import", str(DAYLIO)).code == 0
    uids = rows(journal_path, "SELECT uid FROM entries ORDER BY id")
    again = run_hw("import", str(DAYLIO), "--json")
    assert again.code == 0, again.err
    assert again.json() == {
        "format": "daylio",
        "source": str(DAYLIO),
        "added": {"entries": 0, "assignments": 0, "skips": 0},
        "already_present": {"entries": 3, "assignments": 0, "skips": 0},
    }
    assert rows(journal_path, "SELECT uid FROM entries ORDER BY id") == uids


def test_daylio_uids_depend_on_time_and_text_not_on_the_clock_style(tmp_path, journal_path):
    header = "full_date,date,weekday,time,mood,activities,note_title,note\n"
    twelve = tmp_path / "12h.csv"
    twelve.write_text(BOM + header + "2025-01-05,5 Jan,Sunday,9:30 pm,good,,,same words\n")
    twenty_four = tmp_path / "24h.csv"
    twenty_four.write_text(BOM + header + "2025-01-05,5 Jan,Sunday,21:30,good,,,same words\n")
    other_text = tmp_path / "other.csv"
    other_text.write_text(BOM + header + "2025-01-05,5 Jan,Sunday,21:30,good,,,other words\n")
    assert run_hw("import", str(twelve)).code == 0
    assert run_hw("import", str(twenty_four), "--json").json()["added"]["entries"] == 0
    assert run_hw("import", str(other_text), "--json").json()["added"]["entries"] == 1


def test_daylio_newer_export_with_scales_custom_moods_and_multiline_notes(tmp_path):
    csv_text = (
        BOM
        + "full_date,date,weekday,time,mood,activities,scales,note_title,note\n"
        + '2025-04-01,1 April,Tuesday,12:30 am,Super Good,reading,"sleep: 4",Title,"line one\n'
        + 'line two, with a comma\n\nafter a blank line"\n'
        + "2025-04-02,2 April,Wednesday,12:15 PM,rad,,,,\n"
        + "2025-04-03,3 April,Thursday,00:00,so-so,work | rest | ,,,\n"
    )
    path = tmp_path / "daylio.csv"
    path.write_text(csv_text, encoding="utf-8")
    refused = run_hw("import", str(path))
    assert refused.code == 2
    assert "line 2" in refused.err and "Super Good" in refused.err and "--mood-map" in refused.err
    result = run_hw("import", str(path), "--mood-map", "super good=5, So-So=3")
    assert result.code == 0, result.err
    got = entries()
    assert [e["mood"] for e in got] == [5, 5, 3]
    assert got[0]["created_at"].startswith("2025-04-01T00:30:00")
    assert got[1]["created_at"].startswith("2025-04-02T12:15:00")
    assert got[0]["answers"]["note"] == (
        "Title\nline one\nline two, with a comma\n\nafter a blank line"
    )
    assert got[0]["answers"]["activities"] == ["reading"]
    assert "activities" not in got[1]["answers"] and "note" not in got[1]["answers"]
    assert got[2]["answers"]["activities"] == ["work", "rest"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2025-02-30,x,x,10:00,good,,,", "'full_date'"),
        ("2025-02-03,x,x,25:00,good,,,", "not a time"),
        ("2025-02-03,x,x,13:00 pm,good,,,", "not a time"),
        ("2025-02-03,x,x,10:00,ecstatic,,,", "ecstatic"),
        ("2025-02-03,x,x,10:00,good,,", "fields"),
        ("yesterday,x,x,10:00,good,,,", "'full_date'"),
    ],
)
def test_a_bad_daylio_row_refuses_the_file_naming_its_line(tmp_path, journal_path, line, expected):
    gratitude()
    before = snapshot(journal_path)
    path = tmp_path / "bad.csv"
    path.write_text(
        BOM
        + "full_date,date,weekday,time,mood,activities,note_title,note\n"
        + '2025-02-01,x,x,10:00,good,,,"a note\nover two lines"\n'
        + "2025-02-02,x,x,10:00,good,,,fine\n"
        + line
        + "\n"
    )
    result = hw_here("import", str(path))
    assert result.code == 2
    assert result.out == ""
    assert "line 5" in result.err  # the multi-line note counts as two lines
    assert expected in result.err
    assert "Nothing was imported" in result.err
    assert "Traceback" not in result.err
    assert snapshot(journal_path) == before


def test_a_csv_that_is_not_from_daylio_is_refused(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("full_date,mood\n2025-01-01,good\n")
    result = run_hw("import", str(path), "--format", "daylio")
    assert result.code == 2
    assert "'time'" in result.err


# ---------------------------------------------------------------- jrnl


def test_jrnl_sample_becomes_journal_entries_with_title_body_and_tags():
    result = run_hw("import", str(JRNL))
    assert result.code == 0, result.err
    got = entries()
    assert [e["date"] for e in got] == ["2024-06-03", "2024-06-04", "2024-06-05"]
    assert [e["created_at"] for e in got] == [
        "2024-06-03T08:20:00+00:00",
        "2024-06-04T17:55:00+00:00",
        "2024-06-05T21:45:00+00:00",
    ]
    assert {e["template"] for e in got} == {"journal"}
    assert got[0]["answers"] == {
        "text": "Grounding practice.\nNamed five blue things on the tram. @grounding"
    }
    assert got[1]["answers"]["text"] == (
        "Drafted the hard email twice.\n"
        "Waited an hour and sent the kinder version.\n"
        "Lighter by lunch."
    )
    assert got[2]["answers"] == {"text": "Quiet evening"}
    assert [e["tags"] for e in got] == [["grounding"], [], ["starred"]]
    assert [e["mood"] for e in got] == [None, None, None]
    shown = run_hw("show", str(got[1]["id"]))
    assert shown.code == 0
    assert "the kinder version" in shown.out
    assert run_hw("import", str(JRNL), "--json").json()["added"]["entries"] == 0
    assert run_hw("log", "--tag", "grounding", "--json").json()[0]["date"] == "2024-06-03"


def test_jrnl_entries_are_searchable_after_import():
    assert run_hw("import", str(JRNL)).code == 0
    found = run_hw("log", "--search", "kinder", "--json").json()
    assert [e["date"] for e in found] == ["2024-06-04"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"date": "10/02/2025"}, "'date'"),
        ({"time": "7pm"}, "'time'"),
        ({"title": 5}, "'title'"),
        ({"tags": "homework"}, "'tags'"),
        ({"starred": "yes"}, "'starred'"),
    ],
)
def test_a_bad_jrnl_entry_refuses_the_file_naming_the_entry(
    tmp_path, journal_path, change, expected
):
    gratitude()
    before = snapshot(journal_path)
    data = json.loads(JRNL.read_text())
    data["entries"][2].update(change)
    result = hw_here("import", str(write_json(tmp_path / "j.json", data)), "--format", "jrnl-json")
    assert result.code == 2
    assert "entry 3" in result.err and expected in result.err
    assert snapshot(journal_path) == before


# ---------------------------------------------------------------- hw-json


def test_hw_json_entries_keep_everything_and_get_fresh_ids(tmp_path, journal_path):
    gratitude()  # the journal already has entry 1, so imported ids differ from the file's
    scored = hw_entry(
        5,
        uid="scored-uid",
        template="phq-9",
        title="PHQ-9",
        template_version=2,
        private=True,
        tags=["evening", "hard-day"],
        mood=1,
        answers={"q1": 2, "q9": 1},
        steps=PHQ_STEPS,
        score={"total": 3, "band": "minimal"},
        alerts=["q9"],
    )
    document = hw_document([hw_entry(1), scored])
    result = run_hw("import", str(write_json(tmp_path / "hw.json", document)), "--json")
    assert result.code == 0, result.err
    assert result.json()["added"]["entries"] == 2
    stored = {
        uid: (id_, json.loads(steps), created, updated)
        for uid, id_, steps, created, updated in rows(
            journal_path, "SELECT uid, id, steps, created_at, updated_at FROM entries"
        )
    }
    assert stored["entry-0001-uid"][0] == 2
    assert stored["scored-uid"][0] == 3
    assert stored["scored-uid"][1] == PHQ_STEPS
    assert stored["scored-uid"][2:] == ("2026-11-05T20:15:03+01:00", "2026-11-05T20:16:00+01:00")
    shown = run_hw("show", "3", "--json").json()
    expected = {
        k: v for k, v in scored.items() if k not in ("steps", "updated_at", "assignment_uid")
    }
    expected["id"] = 3
    assert shown == expected


def test_hw_json_remaps_assignments_and_skips_through_their_uids(tmp_path, journal_path):
    first = hw_document(
        [],
        assignments=[assignment(1, "older-assignment", "gratitude")],
    )
    assert run_hw("import", str(write_json(tmp_path / "a.json", first))).code == 0
    document = hw_document(
        [hw_entry(3, assignment_id=7, assignment_uid="mood-assignment")],
        assignments=[assignment(7, "mood-assignment", "mood-checkin")],
        skips=[
            {
                "uid": "skip-uid-1",
                "assignment_id": 7,
                "assignment_uid": "mood-assignment",
                "template": "mood-checkin",
                "date": "2026-11-04",
                "barrier": "overwhelmed",
                "reason": "a long day",
                "created_at": "2026-11-04T21:00:00+01:00",
            },
            {  # no assignment_uid: found through the file's assignment id
                "uid": "skip-uid-2",
                "assignment_id": 7,
                "template": "mood-checkin",
                "date": "2026-11-05",
                "barrier": "time",
                "reason": "",
                "created_at": "2026-11-05T21:00:00+01:00",
            },
        ],
    )
    path = write_json(tmp_path / "b.json", document)
    result = run_hw("import", str(path), "--json")
    assert result.code == 0, result.err
    assert result.json()["added"] == {"entries": 1, "assignments": 1, "skips": 2}
    (local_id,) = rows(journal_path, "SELECT id FROM assignments WHERE uid = 'mood-assignment'")[0]
    assert local_id == 2
    assert rows(journal_path, "SELECT assignment_id FROM entries") == [(2,)]
    assert rows(journal_path, "SELECT uid, assignment_id, barrier, reason FROM skips") == [
        ("skip-uid-1", 2, "overwhelmed", "a long day"),
        ("skip-uid-2", 2, "time", ""),
    ]
    assert rows(
        journal_path, "SELECT schedule, days, start, until, note FROM assignments WHERE id = 2"
    ) == [("days", '["mon", "wed"]', "2026-11-02", "2026-11-29", "with care")]
    again = run_hw("import", str(path), "--json").json()
    assert again["added"] == {"entries": 0, "assignments": 0, "skips": 0}
    assert again["already_present"] == {"entries": 1, "assignments": 1, "skips": 2}


def assignment(file_id: int, uid: str, template: str) -> dict[str, Any]:
    return {
        "id": file_id,
        "uid": uid,
        "template": template,
        "schedule": "days",
        "days": ["mon", "wed"],
        "start": "2026-11-02",
        "until": "2026-11-29",
        "ended": None,
        "note": "with care",
        "created_at": "2026-11-01T10:00:00+01:00",
        "active": True,
    }


def test_a_skip_whose_assignment_is_nowhere_refuses_the_file(tmp_path, journal_path):
    gratitude()
    before = snapshot(journal_path)
    document = hw_document(
        [hw_entry(1)],
        skips=[
            {
                "uid": "lonely-skip",
                "assignment_uid": "not-anywhere",
                "date": "2026-11-04",
                "barrier": "time",
                "reason": "",
                "created_at": "2026-11-04T21:00:00+01:00",
            }
        ],
    )
    result = run_hw("import", str(write_json(tmp_path / "x.json", document)))
    assert result.code == 2
    assert "skip 1" in result.err and "assignment" in result.err
    assert snapshot(journal_path) == before


BAD_ENTRIES = [
    ({"uid": ""}, "'uid'"),
    ({"uid": 12}, "'uid'"),
    ({"date": "2026-13-01"}, "'date'"),
    ({"date": None}, "'date'"),
    ({"created_at": "yesterday evening"}, "'created_at'"),
    ({"status": "draft"}, "only complete entries"),
    ({"private": "no"}, "'private'"),
    ({"tags": ["two words"]}, "not a single word"),
    ({"tags": [1]}, "'tags'"),
    ({"mood": 6}, "'mood'"),
    ({"mood": True}, "'mood'"),
    ({"answers": []}, "'answers'"),
    ({"answers": {"mood": 9}}, "outside 1 to 5"),
    ({"answers": {"mood": "3"}}, "whole number"),
    ({"answers": {"note": ["a"]}}, "should be text"),
    ({"answers": {"ghost": "boo"}}, "has no step"),
    ({"steps": None}, "'steps'"),
    ({"steps": [{"id": "x", "type": "telepathy", "prompt": "?"}]}, "unknown type"),
    ({"steps": [{"id": "x", "prompt": "?"}]}, "'type'"),
    ({"steps": [*MOOD_STEPS, MOOD_STEPS[0]]}, "repeats"),
    ({"score": {"total": "high"}}, "'score'"),
    ({"alerts": ["nowhere"]}, "'alerts'"),
    ({"template_version": 0}, "'template_version'"),
    ({"template": ""}, "'template'"),
]


@pytest.mark.parametrize(("change", "expected"), BAD_ENTRIES)
def test_a_bad_hw_json_entry_refuses_the_whole_file(tmp_path, journal_path, change, expected):
    gratitude()
    before = snapshot(journal_path)
    bad = hw_entry(3)
    bad.update(copy.deepcopy(change))
    document = hw_document([hw_entry(1), hw_entry(2), bad])
    result = hw_here("import", str(write_json(tmp_path / "bad.json", document)))
    assert result.code == 2, result.err
    assert result.out == ""
    assert "entry 3" in result.err
    assert expected in result.err
    assert "Traceback" not in result.err
    assert snapshot(journal_path) == before


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"format": "hwjournal", "version": 2, "entries": []}, "newer hw"),
        ({"format": "hwjournal", "version": "1", "entries": []}, "'version'"),
        ({"format": "hwjournal", "version": 1, "entries": {}}, "'entries'"),
        ({"format": "hwjournal", "version": 1, "entries": [3]}, "entry 1"),
        ({"format": "other", "version": 1, "entries": []}, "not an hw export"),
        (
            {"format": "hwjournal", "version": 1, "assignments": [{"uid": "a"}]},
            "assignment 1",
        ),
    ],
)
def test_a_bad_hw_json_document_is_refused(tmp_path, journal_path, document, expected):
    gratitude()
    before = snapshot(journal_path)
    result = hw_here("import", str(write_json(tmp_path / "d.json", document)), "-f", "hw-json")
    assert result.code == 2
    assert expected in result.err
    assert snapshot(journal_path) == before


def test_malformed_json_names_line_and_column(tmp_path, journal_path):
    gratitude()
    before = snapshot(journal_path)
    path = tmp_path / "broken.json"
    path.write_text('{"format": "hwjournal",\n  "version": 1,\n  "entries": [,]\n}')
    result = run_hw("import", str(path))
    assert result.code == 2
    assert "line 3, column" in result.err and "not valid JSON" in result.err
    assert snapshot(journal_path) == before


def test_a_thousand_good_entries_and_one_bad_one_write_nothing(tmp_path, journal_path):
    gratitude()
    good = [hw_entry(1, uid=f"good-{n}") for n in range(1000)]
    bad = hw_entry(2, answers={"mood": 0})
    path = write_json(tmp_path / "x.json", hw_document([*good, bad]))
    result = run_hw("import", str(path))
    assert result.code == 2
    assert "entry 1001" in result.err
    assert rows(journal_path, "SELECT count(*) FROM entries") == [(1,)]


# ---------------------------------------------------------------- reading the file


def test_the_format_is_told_from_the_content_and_stdin_works(tmp_path):
    document = write_json(tmp_path / "export.txt", hw_document())
    assert run_hw("import", str(document), "--json").json()["format"] == "hw-json"
    piped = run_hw("import", "-", "--json", input=DAYLIO.read_text(encoding="utf-8"))
    assert piped.code == 0, piped.err
    assert piped.json()["format"] == "daylio"
    assert piped.json()["source"] == "stdin"
    assert run_hw("import", "-", "--json", input=JRNL.read_text()).json()["format"] == "jrnl-json"
    assert len(entries()) == 2 + 3 + 3


@pytest.mark.parametrize(
    ("content", "args", "expected", "code"),
    [
        ("just some words\n", (), "cannot tell", 2),
        ("", (), "cannot tell", 2),
        ('{"entries": 5}', (), "cannot tell", 2),
        ("x", ("--format", "evernote"), "not an import format", 2),
        ("x", ("--mood-map", "happy=9"), "--mood-map", 2),
    ],
)
def test_files_that_cannot_be_imported_are_refused_calmly(
    tmp_path, journal_path, content, args, expected, code
):
    path = tmp_path / "file"
    path.write_text(content)
    result = hw_here("import", str(path), *args)
    assert result.code == code
    assert expected in result.err
    assert "Traceback" not in result.err
    assert not journal_path.exists()


def test_bytes_that_are_not_utf8_are_refused_with_their_line(tmp_path, journal_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes(
        b"full_date,date,weekday,time,mood,activities,note_title,note\n"
        b"2025-01-01,x,x,10:00,good,,,caf\xe9\n"
    )
    result = run_hw("import", str(path))
    assert result.code == 2
    assert "line 2" in result.err and "UTF-8" in result.err
    assert not journal_path.exists()


def test_a_missing_file_or_a_folder_is_a_usage_error(tmp_path):
    missing = run_hw("import", str(tmp_path / "nope.csv"))
    assert missing.code == 2 and "No such file" in missing.err
    folder = run_hw("import", str(tmp_path))
    assert folder.code == 2 and "folder" in folder.err


# ---------------------------------------------------------------- big files


def synthetic_document(count: int) -> dict[str, Any]:
    items = []
    for n in range(count):
        day = f"2020-{(n % 12) + 1:02d}-{(n % 28) + 1:02d}"
        items.append(
            hw_entry(
                1,
                uid=uuid.UUID(int=n + 1).hex,
                date=day,
                created_at=f"{day}T08:00:00+00:00",
                updated_at=f"{day}T08:00:00+00:00",
                answers={"mood": n % 5 + 1, "note": f"synthetic note {n} about the sea"},
                mood=n % 5 + 1,
            )
        )
    return hw_document(items)


def test_thousands_of_entries_import_in_one_run_and_stay_searchable(tmp_path, journal_path):
    # (how fast: bench/, which imports 100,000)
    path = write_json(tmp_path / "big.json", synthetic_document(5_000))
    result = run_hw("import", str(path), "--json")
    assert result.code == 0, result.err
    assert result.json()["added"]["entries"] == 5_000
    assert result.err == ""  # no progress bar without a terminal
    db = sqlite3.connect(journal_path)
    assert db.execute("SELECT count(*) FROM entries_fts").fetchone()[0] == 5_000
    hits = db.execute(
        "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH '\"4999\"'"
    ).fetchone()
    assert hits == (1,)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_progress_bar_shows_on_a_terminal_only(tmp_path):
    from helpers import finish, spawn_hw

    path = write_json(tmp_path / "big.json", synthetic_document(6_000))
    child = spawn_hw("import", str(path))
    child.expect("Importing")
    child.expect("Imported 6,000 entries")
    assert finish(child) == 0


def test_imported_assignments_carry_their_template_title(tmp_path, journal_path):
    document = hw_document([], assignments=[assignment(3, "a-uid", "values-compass")])
    assert run_hw("import", str(write_json(tmp_path / "a.json", document))).code == 0
    db = sqlite3.connect(journal_path)
    columns = {row[1] for row in db.execute("PRAGMA table_info(assignments)")}
    (template,) = db.execute("SELECT template FROM assignments").fetchone()
    assert template == "values-compass"
    if "title" in columns:
        assert db.execute("SELECT title FROM assignments").fetchone()[0] == "Values compass"


def test_an_export_with_homework_imports_whole_into_a_new_journal(tmp_path, journal_path):
    assigned = run_hw("assign", "gratitude", "--daily", "--note", "small things")
    assert assigned.code == 0, assigned.err
    assert run_hw("assign", "mood-checkin", "--weekly").code == 0
    first = run_hw("start", "gratitude", "--answer", "things=tea", "--tag", "home", "--json").json()
    assert first["assignment_id"] == 1
    skipped = run_hw("skip", "mood-checkin", "--barrier", "overwhelmed", "--reason", "too much")
    assert skipped.code == 0, skipped.err
    exported = run_hw("export", "--format", "json", "--include-private")
    assert exported.code == 0, exported.err

    other = tmp_path / "other.db"
    assert run_hw("--journal", str(other), "assign", "grounding").code == 0  # ids will differ
    result = run_hw("--journal", str(other), "import", "-", "--json", input=exported.out)
    assert result.code == 0, result.err
    assert result.json()["added"] == {"entries": 1, "assignments": 2, "skips": 1}

    def plans(path: Path) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[Any]]:
        assignments = rows(
            path, "SELECT uid, template, schedule, start, until, note FROM assignments ORDER BY uid"
        )
        skips = rows(
            path,
            "SELECT s.uid, a.uid, s.date, s.barrier, s.reason FROM skips s "
            "JOIN assignments a ON a.id = s.assignment_id",
        )
        linked = rows(
            path,
            "SELECT e.uid, a.uid FROM entries e JOIN assignments a ON a.id = e.assignment_id",
        )
        return assignments, skips, linked

    mine, theirs = plans(journal_path), plans(other)
    assert mine[1] == theirs[1] and mine[2] == theirs[2]
    assert set(mine[0]) <= set(theirs[0])
    assert rows(other, "SELECT id FROM assignments WHERE template = 'gratitude'") == [(2,)]
    imported = run_hw("--journal", str(other), "show", "1", "--json").json()
    assert imported == dict(first, assignment_id=2)
    due = run_hw("--journal", str(other), "due", "--json").json()
    assert "gratitude" not in {d["template"] for d in due}  # today's entry counts there too
