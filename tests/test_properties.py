"""Bad and strange input, systematically: generated text of every kind (control
characters, NUL, emoji, right-to-left scripts, 1 MB answers) goes in through
`start`, `import` and comes back out through `show`, `log` and every `export`
format exactly as it went in; malformed dates, weeks, ids, JSON and TOML are
refused with exit 2 (or 1 for a template that does not validate), a plain
message and no traceback, and the journal is left byte for byte as it was.

Most properties run hw through its one exit point in this process (the same
code and streams as the installed command, without its start-up time), so the
generated examples stay many while the suite stays fast; a smaller batch goes
through the installed `hw` to cover real argv and pipes."""

from __future__ import annotations

import csv
import functools
import gc
import io
import json
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, assume, example, given, settings
from hypothesis import strategies as st

from helpers import Result, hw_here, run_hw, snapshot

SETTINGS = settings(
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target],
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
MODEST = settings(SETTINGS, max_examples=30)  # for the properties that run hw many times
FEW = settings(SETTINGS, max_examples=20)

# Text of every kind: any code point but lone surrogates (which UTF-8 cannot hold),
# with the awkward ones made likely.
AWKWARD = [
    "\x00",
    "\x1b[31mred\x1b[0m",
    "\r\n",
    "\r",
    "\t",
    "\u202e",  # right-to-left override
    "\u2028",
    "\ufeff",
    "שלום עולם",
    "مرحبا بالعالم",
    "👩‍👩‍👧 🏳️‍🌈",
    "e\u0301",
    "[bold]not markup[/bold]",
    "# not a heading",
    "| not | a | table |",
    "<!-- not a comment -->",
    "<script>alert(1)</script>",
    "=1+2",
    "@SUM(A1)",
    "-",
    "'",
    '"',
    "\\",
    ",",
    "²",
    "١٢",
    "\x7f\x85",
]
CHARS = st.characters(exclude_categories=("Cs",))
PIECES = st.one_of(st.text(CHARS, min_size=1, max_size=40), st.sampled_from(AWKWARD))
ANY_TEXT = st.lists(PIECES, min_size=1, max_size=6).map("".join)
# An answer a person actually gave: something besides blanks (blank means "no answer").
ANSWER = ANY_TEXT.filter(lambda t: t.strip())
ONE_LINE = ANSWER.filter(lambda t: "\n" not in t.strip("\r\n"))
NO_NUL = ANSWER.filter(lambda t: "\x00" not in t)  # argv cannot carry a NUL byte
# A tag: one word of any script, no blanks and no control characters (hw refuses a NUL
# in any value on its command line: test_a_tag_with_a_nul_is_refused says so).
TAG = st.text(
    st.characters(exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1, max_size=12
)

PROPS = """
id = "props"
title = "Round trip"
why = "Whatever goes in comes back out."

[[steps]]
id = "line"
type = "text"
prompt = "A line"

[[steps]]
id = "story"
type = "long"
prompt = "A story"

[[steps]]
id = "items"
type = "list"
prompt = "Some items"

[[steps]]
id = "picks"
type = "multi"
prompt = "Pick any"
options = ["Walk", "Read"]
other = true

[[steps]]
id = "pick"
type = "choice"
prompt = "Pick one"
options = ["Red", "Green"]
other = true

[[steps]]
id = "count"
type = "number"
prompt = "How many"

[[steps]]
id = "level"
type = "scale"
prompt = "How strong"
min = 0
max = 10

[[steps]]
id = "ok"
type = "yesno"
prompt = "Did it help"
"""
COLUMNS = """
id = "cols"
title = "Three columns"
layout = "columns"

[[steps]]
id = "line"
type = "text"
prompt = "Situation"

[[steps]]
id = "story"
type = "long"
prompt = "Thought"
"""

ORDER = ["line", "story", "items", "picks", "pick", "count", "level", "ok"]
checked: dict[str, int] = {}  # property -> generated values its examples checked


def tallied(name: str) -> Callable[[Callable[..., int]], Callable[..., None]]:
    """Count what a property checks: the test returns how many generated values one
    example checked. A failing example fails its own test, once; the tally only
    reports (printed with -s) how much each property covered."""

    def wrap(test: Callable[..., int]) -> Callable[..., None]:
        @functools.wraps(test)
        def run(*args: Any, **kwargs: Any) -> None:
            checked[name] = checked.get(name, 0) + test(*args, **kwargs)

        return run

    return wrap


def teardown_module() -> None:
    for name in sorted(checked):
        print(f"{name}: {checked[name]:,} generated values checked")


@pytest.fixture
def props(hw_home: Path) -> Path:
    folder = hw_home / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "props.toml").write_text(PROPS)
    (folder / "cols.toml").write_text(COLUMNS)
    return hw_home


class FreshJournal:
    """A journal of its own for one generated example."""

    def __enter__(self) -> str:
        # in memory where the system offers it: thousands of small journals, each
        # commit synced to disk, would make the suite slow for nothing
        memory = (
            "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
        )
        self.folder = tempfile.mkdtemp(prefix="hwprop-", dir=memory)
        return os.path.join(self.folder, "journal.db")

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def started(journal: str, *args: str, input: str = "") -> dict[str, Any]:
    result = hw_here("--journal", journal, "start", *args, "--json", input=input)
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    return json.loads(result.out)


def shown(journal: str, entry_id: int) -> dict[str, Any]:
    result = hw_here("--journal", journal, "show", str(entry_id), "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


# ---------------------------------------------------------------- start -> show


def option_like(text: str) -> bool:
    """What a multi or choice step reads as an option number or an option name."""
    value = text.strip()
    return value.isdecimal() or value.lower() in ("walk", "read", "red", "green")


OTHER = ANSWER.filter(lambda t: "," not in t and t == t.strip() and not option_like(t))
NUMBER = st.one_of(
    st.integers(-(2**53), 2**53), st.floats(allow_nan=False, allow_infinity=False, width=64)
)
ANSWERS_JSON = st.fixed_dictionaries(
    {
        "line": ONE_LINE,
        "story": ANSWER,
        "items": st.lists(ANY_TEXT, min_size=1, max_size=4),
        "picks": st.lists(OTHER, min_size=1, max_size=3, unique_by=str.lower),
        "pick": OTHER,
        "count": NUMBER,
        "level": st.integers(0, 10),
        "ok": st.booleans(),
    }
)


@SETTINGS
@given(answers=ANSWERS_JSON)
@example(
    answers={
        "line": "\x00\x1b[2J\u202eevil",
        "story": "line one\n\n\nline four\r\nend\x00",
        "items": ["", " ", "\x00"],
        "picks": ["🙂", "ש"],
        "pick": "² squared",
        "count": 1e-300,
        "level": 10,
        "ok": False,
    }
)
@tallied("answers given as JSON on stdin")
def test_answers_json_from_stdin_come_back_exactly(props, answers):
    with FreshJournal() as journal:
        entry = started(journal, "props", "--answers-json", "-", input=json.dumps(answers))
        assert entry["answers"] == answers
        assert shown(journal, entry["id"])["answers"] == answers
        assert list(entry["answers"]) == ORDER  # step order, whatever order they came in
    return len(answers)


@SETTINGS
@given(
    line=ONE_LINE.filter(lambda t: "\x00" not in t),
    story=NO_NUL,
    items=st.lists(NO_NUL, min_size=1, max_size=3),
)
@tallied("answers given by --answer")
def test_answers_given_by_flag_come_back_exactly(props, line, story, items):
    with FreshJournal() as journal:
        args = ["props", "--answer", f"line={line}", "--answer", f"story={story}"]
        for item in items:
            args += ["--answer", f"items={item}"]
        entry = started(journal, *args)
        expected = {"line": line, "story": story, "items": items}
        assert entry["answers"] == expected
        assert shown(journal, entry["id"])["answers"] == expected
    return 2 + len(items)


@FEW
@given(story=NO_NUL, tag=st.from_regex(r"[^\s\x00]{1,20}", fullmatch=True))
@tallied("answers through the installed hw (argv and stdin)")
def test_the_installed_hw_keeps_argv_and_pipes_exact(props, story, tag):
    result = run_hw("start", "props", "--answer", f"story={story}", "--tag", tag, "--json")
    assert result.code == 0, result.err
    entry = result.json()
    assert entry["answers"] == {"story": story}
    assert entry["tags"] == [tag]
    piped = run_hw(
        "start", "props", "--answers-json", "-", "--json", input=json.dumps({"story": story})
    )
    assert piped.json()["answers"] == {"story": story}
    return 2


@pytest.mark.parametrize("how", ["flag", "json-file", "json-stdin"])
def test_a_one_megabyte_answer_round_trips(props, tmp_path, how):
    big = ("Ein Satz, שורה, 😊 " * 60_000)[:1_000_000] + "\nend"
    with FreshJournal() as journal:
        if how == "flag":
            entry = started(journal, "props", "--answer", f"story={big}")
        elif how == "json-file":
            path = tmp_path / "answers.json"
            path.write_text(json.dumps({"story": big}), encoding="utf-8")
            entry = started(journal, "props", "--answers-json", str(path))
        else:
            entry = started(
                journal, "props", "--answers-json", "-", input=json.dumps({"story": big})
            )
        assert shown(journal, entry["id"])["answers"]["story"] == big
        found = hw_here("--journal", journal, "log", "--search", "Satz", "--json")
        assert [e["id"] for e in json.loads(found.out)] == [entry["id"]]


def test_a_megabyte_answer_through_the_installed_hw(props, tmp_path):
    big = "x" * 999_999 + "\u05d0"
    result = run_hw(
        "start", "props", "--answers-json", "-", "--json", input=json.dumps({"story": big})
    )
    assert result.code == 0, result.err
    assert run_hw("show", str(result.json()["id"]), "--json").json()["answers"]["story"] == big
    # argv holds at most 128 KiB per argument on Linux; just under that goes by flag
    flagged = "y" * 130_000
    by_flag = run_hw("start", "props", "--answer", f"story={flagged}", "--json")
    assert by_flag.json()["answers"]["story"] == flagged


@SETTINGS
@given(text=ANY_TEXT)
@tallied("free text given to choice, multi, scale, number and yes/no steps")
def test_any_answer_to_an_option_step_is_taken_or_refused_never_a_crash(props, text):
    with FreshJournal() as journal:
        for step in ("pick", "picks", "level", "count", "ok"):
            result = hw_here("--journal", journal, "start", "props", "--answer", f"{step}={text}")
            assert result.code in (0, 2), result.err
            assert "did not expect" not in result.err
    return 5


# ---------------------------------------------------------------- export


def as_read(text: str) -> str:
    """User text as the Markdown shows it: \r and \r\n are line breaks, control
    characters their visible symbols, runs of whitespace one space."""
    from hwjournal.display import clean

    return " ".join(clean(re.sub(r"\r\n?", "\n", text)).split())


def markdown_text(markdown: str) -> str:
    """What a reader sees of a Markdown document: its text, whitespace normalised."""
    from markdown_it import MarkdownIt

    parts = []
    for token in MarkdownIt("commonmark").parse(markdown):
        for child in token.children or []:
            if child.type in ("softbreak", "hardbreak") or (
                child.type == "html_inline" and child.content == "<br>"
            ):
                parts.append(" ")
            elif child.type in ("text", "code_inline", "html_inline"):
                parts.append(child.content)
        parts.append(" ")
    return " ".join("".join(parts).split())


def structure(markdown: str) -> list[str]:
    """The Markdown's shape without what user text may rightly add: paragraphs (a blank
    line in an answer), line breaks, and the <br> that is a line break in a table cell."""
    from markdown_it import MarkdownIt

    shape = []
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type != "inline" and not token.type.startswith("paragraph"):
            shape.append(token.type)
        shape += [
            child.type
            for child in token.children or []
            if child.type not in ("text", "softbreak", "hardbreak")
            and not (child.type == "html_inline" and child.content == "<br>")
        ]
    return shape


def exported(journal: str, fmt: str) -> str:
    result = hw_here("--journal", journal, "export", "--format", fmt, "--include-private")
    assert result.code == 0, result.err
    return result.out


def test_a_tag_with_a_nul_is_refused_and_changes_nothing(props):
    with FreshJournal() as journal:
        result = hw_here("--journal", journal, "start", "props", "--tag", "a\x00b", "--no-input")
        assert result.code == 2
        assert "NUL" in result.err and "Traceback" not in result.err
        assert not os.path.exists(journal)


@SETTINGS
@given(answers=ANSWERS_JSON, tag=TAG)
@tallied("answers through export (json, csv, markdown)")
def test_every_export_format_gives_back_what_went_in(props, answers, tag):

    with FreshJournal() as journal:
        entry = started(
            journal, "props", "--answers-json", "-", "--tag", tag, input=json.dumps(answers)
        )

        document = json.loads(exported(journal, "json"))
        (item,) = document["entries"]
        assert item["answers"] == answers
        assert item["tags"] == [tag]

        table = list(csv.reader(io.StringIO(exported(journal, "csv"), newline="")))
        row = dict(zip(table[0], table[1], strict=True))
        guard = ("=", "+", "-", "@")
        for key in ("line", "story", "pick"):
            value = answers[key]
            assert row[key] == ("'" + value if value.startswith(guard) else value)
        joined = "; ".join(answers["items"])
        assert row["items"] == ("'" + joined if joined.startswith(guard) else joined)
        assert row["id"] == str(entry["id"])

        markdown = exported(journal, "markdown")
        seen = markdown_text(markdown)
        for key in ("line", "story"):
            assert as_read(answers[key]) in seen
    with FreshJournal() as plain_journal:
        plain = dict(
            answers,
            line="x",
            story="x",
            items=["x" if as_read(item) else "" for item in answers["items"]],
            picks=[f"x{n}" for n in range(len(answers["picks"]))],
            pick="x",
        )
        started(
            plain_journal, "props", "--answers-json", "-", "--tag", "x", input=json.dumps(plain)
        )
        plain_shape = structure(exported(plain_journal, "markdown"))
    assert structure(markdown) == plain_shape, (markdown, plain_shape)
    return len(answers)


@MODEST
@given(line=ONE_LINE, story=ANSWER)
@tallied("answers in Markdown table cells")
def test_table_cells_hold_any_text_without_breaking_the_table(props, line, story):

    with FreshJournal() as journal:
        started(
            journal, "cols", "--answers-json", "-", input=json.dumps({"line": line, "story": story})
        )
        markdown = exported(journal, "markdown")
    with FreshJournal() as plain_journal:
        started(plain_journal, "cols", "--answers-json", "-", input='{"line": "x", "story": "x"}')
        assert structure(markdown) == structure(exported(plain_journal, "markdown"))
    seen = markdown_text(markdown)
    assert as_read(line) in seen
    assert as_read(story) in seen
    return 2


# ---------------------------------------------------------------- import


def hw_json(entries: list[dict[str, Any]]) -> str:
    return json.dumps({"format": "hwjournal", "version": 1, "entries": entries})


STEPS = [
    {"id": "line", "type": "text", "prompt": "A line"},
    {"id": "story", "type": "long", "prompt": "A story"},
    {"id": "items", "type": "list", "prompt": "Items"},
]


@MODEST
@given(
    title=ANY_TEXT,
    line=ANY_TEXT,
    story=ANY_TEXT,
    items=st.lists(ANY_TEXT, max_size=4),
    tags=st.lists(TAG, max_size=3),
    uid=ANY_TEXT.filter(lambda t: t.strip() and len(t) <= 200),
)
@tallied("texts through hw-json import")
def test_hw_json_imports_exactly_what_it_holds(title, line, story, items, tags, uid):
    entry = {
        "uid": uid,
        "template": "props",
        "title": title,
        "date": "2026-11-20",
        "created_at": "2026-11-20T10:00:00+01:00",
        "tags": tags,
        "answers": {"line": line, "story": story, "items": items},
        "steps": STEPS,
    }
    with FreshJournal() as journal:
        result = hw_here("--journal", journal, "import", "-", "--json", input=hw_json([entry]))
        assert result.code == 0, result.err
        got = shown(journal, 1)
        assert (got["uid"], got["title"], got["tags"]) == (uid, title, tags)
        assert got["answers"] == entry["answers"]
        again = hw_here("--journal", journal, "import", "-", "--json", input=hw_json([entry]))
        assert json.loads(again.out)["added"]["entries"] == 0
    return 4 + len(items) + len(tags)


@MODEST
@given(answers=ANSWERS_JSON)
@tallied("answers through export then import")
def test_export_then_import_into_a_new_journal_is_the_same_journal(props, answers):
    with FreshJournal() as first, FreshJournal() as second:
        entry = started(
            first, "props", "--answers-json", "-", "--private", input=json.dumps(answers)
        )
        document = exported(first, "json")
        assert hw_here("--journal", second, "import", "-", input=document).code == 0
        assert shown(second, 1) == dict(shown(first, entry["id"]), id=1)
    return len(answers)


ACTIVITY = ANY_TEXT.filter(lambda t: "|" not in t and t == t.strip() and t)


@MODEST
@given(
    title=ANY_TEXT,
    note=ANY_TEXT,
    activities=st.lists(ACTIVITY, max_size=4),
    mood=st.sampled_from(["rad", "good", "meh", "bad", "awful"]),
)
@tallied("texts through Daylio import")
def test_daylio_notes_and_activities_import_exactly(title, note, activities, mood):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"]
    )
    writer.writerow(
        ["2025-03-09", "9 March", "Sunday", "10:05 pm", mood, " | ".join(activities), title, note]
    )
    with FreshJournal() as journal:
        result = hw_here(
            "--journal",
            journal,
            "import",
            "-",
            "--format",
            "daylio",
            input="\ufeff" + out.getvalue(),
        )
        assert result.code == 0, result.err
        got = shown(journal, 1)
        expected_note = "\n".join(p for p in (title, note) if p.strip())
        assert got["answers"].get("note", "") == expected_note
        assert got["answers"].get("activities", []) == activities
        assert got["mood"] == {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}[mood]
    return 2 + len(activities)


@MODEST
@given(
    title=ANY_TEXT,
    body=ANY_TEXT,
    tags=st.lists(TAG.filter(lambda t: "@" not in t).map("@".__add__), max_size=3),
)
@tallied("texts through jrnl import")
def test_jrnl_title_body_and_tags_import_exactly(title, body, tags):
    data = {
        "entries": [
            {
                "title": title,
                "body": body,
                "date": "2025-02-10",
                "time": "19:00",
                "tags": tags,
                "starred": False,
            }
        ]
    }
    with FreshJournal() as journal:
        result = hw_here("--journal", journal, "import", "-", input=json.dumps(data))
        assert result.code == 0, result.err
        got = shown(journal, 1)
        text = "\n".join(p for p in (title, body) if p.strip())
        assert got["answers"] == ({"text": text} if text else {})
        assert got["tags"] == list(dict.fromkeys(t[1:] for t in tags))
    return 2 + len(tags)


# ---------------------------------------------------------------- refused, and nothing changes


@pytest.fixture
def settled(hw_home: Path, props: Path) -> Path:
    """A journal with one entry, written by another process and closed."""
    assert run_hw("start", "props", "--answer", "story=already here").code == 0
    return hw_home / "journal.db"


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def refused_calmly(result: Result, typed: str = "") -> None:
    """Exit 2, nothing on stdout, a message of a line or two (plus any lines of what
    was typed, quoted), and no control character of it sent to the terminal."""
    assert result.code == 2, (result.code, result.err)
    assert result.out == ""
    assert "Traceback" not in result.err
    assert "did not expect" not in result.err
    assert 0 < len(result.err.strip().split("\n")) <= 3 + typed.count("\n")
    assert not CONTROL.search(result.err), result.err


NOT_A_DATE = ANY_TEXT.filter(lambda t: t.strip().lower() not in ("today", "yesterday"))


@MODEST
@given(text=NOT_A_DATE)
@example(text="2026-02-30")
@example(text="99999 days ago")
@example(text="2026-W99")
@example(text="--")
@example(text="-3 days ago")
@tallied("malformed dates, weeks and ids")
def test_malformed_dates_weeks_and_ids_are_refused_and_change_nothing(settled, text):
    from hwjournal.dates import parse_date, parse_week
    from hwjournal.errors import UsageError

    gc.collect()  # connections left by earlier examples close now, not mid-comparison
    before = snapshot(settled)
    try:
        parse_date(text)
        date_ok = True
    except UsageError:
        date_ok = False
    try:
        parse_week(text)
        week_ok = True
    except UsageError:
        week_ok = False
    runs = []  # option=value and `--` so that text starting with "-" stays a value
    if not date_ok:
        runs += [
            ("start", "props", "--answer", "story=x", f"--date={text}"),
            ("log", f"--since={text}"),
            ("export", f"--since={text}"),
        ]
    if not week_ok:
        runs += [("week", "--", text), ("export", f"--week={text}")]
    if not text.strip().isdecimal():
        runs += [("show", "--", text), ("delete", "--yes", "--", text), ("resume", "--", text)]
    assume(runs)
    for args in runs:
        refused_calmly(hw_here(*args), text)
    gc.collect()
    assert snapshot(settled) == before
    return len(runs)


@SETTINGS
@given(text=ANY_TEXT)
@example(text='{"story": ')
@example(text="[1, 2]")
@example(text='{"story": "\\ud800"}')
@example(text='{"nope": 1}')
@example(text="NaN")
@tallied("malformed answers JSON")
def test_malformed_answers_json_is_refused_and_changes_nothing(settled, text):
    try:
        data = json.loads(text)
        assume(not (isinstance(data, dict) and set(data) <= {"story", "line"} and data))
    except (ValueError, RecursionError):
        pass
    before = snapshot(settled)
    refused_calmly(hw_here("start", "props", "--answers-json", "-", input=text, settle=True))
    assert snapshot(settled) == before
    return 1


DAYLIO_HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"


def entry_count(journal: Path) -> int:
    db = sqlite3.connect(journal)
    try:
        return db.execute("SELECT count(*) FROM entries").fetchone()[0]
    finally:
        db.close()


@SETTINGS
@given(text=ANY_TEXT, fmt=st.sampled_from([None, "hw-json", "daylio", "jrnl-json"]))
@example(text="{", fmt=None)
@example(text='{"format": "hwjournal", "version": 1, "entries": [{}]}', fmt=None)
@example(text="full_date,time,mood\n\x00,\x00,\x00\n", fmt=None)
@example(text='{"entries": []}', fmt=None)  # valid, and empty
@example(text=DAYLIO_HEADER + "2025-01-05,5 Jan,Sunday,9:30 pm,good,,,one row\n", fmt=None)
@tallied("malformed import files")
def test_malformed_import_files_are_refused_and_change_nothing(settled, text, fmt):
    had = entry_count(settled)
    before = snapshot(settled)
    args = ["import", "-", "--json"] + (["--format", fmt] if fmt else [])
    result = hw_here(*args, input=text, settle=True)
    if result.code == 0:  # arbitrary text can still be a valid file of some format
        added = json.loads(result.out)["added"]
        assert entry_count(settled) == had + added["entries"]
        again = hw_here(*args, input=text, settle=True)
        assert again.code == 0, again.err
        assert json.loads(again.out)["added"] == {"entries": 0, "assignments": 0, "skips": 0}
        assert entry_count(settled) == had + added["entries"]
    else:
        refused_calmly(result)
        assert snapshot(settled) == before
    return 1


# ---------------------------------------------------------------- templates

VALID_TEMPLATE = """id = "mine"
title = "Mine"
version = 1
why = "For testing."

[[steps]]
id = "first"
type = "scale"
prompt = "How much?"
min = 0
max = 10

[[steps]]
id = "second"
type = "choice"
prompt = "Which?"
options = ["a", "b"]
reflection = true
"""

# (what is changed, the key named, the line named)
BROKEN_TEMPLATES = [
    ('id = "mine"', 'id = "Mine Template"', "id", 1),
    ('title = "Mine"', "title = 5", "title", 2),
    ("version = 1", "version = 0", "version", 3),
    ('why = "For testing."', 'why = "For testing."\ncolour = "blue"', "colour", 5),
    ('type = "scale"', 'type = "slider"', "steps[0].type", 8),
    ("min = 0", "min = 10", "steps[0].max", 11),
    ("max = 10", 'max = "ten"', "steps[0].max", 11),
    ('options = ["a", "b"]', "options = []", "steps[1].options", 17),
    ('options = ["a", "b"]', 'options = ["a", "A"]', "steps[1].options", 17),
    ('options = ["a", "b"]', 'options = ["1", "b"]', "steps[1].options", 17),
    ('id = "second"', 'id = "first"', "steps[1].id", 14),
    ('id = "second"', 'id = "Second Step"', "steps[1].id", 14),
    ('prompt = "Which?"', "", "steps[1].prompt", 13),  # the line of its [[steps]]
    ("reflection = true", 'reflection = "yes"', "steps[1].reflection", 18),
    ("max = 10", 'max = 10\nlabels = {11 = "too far"}', "steps[0].labels", 12),
    ("max = 10", 'max = 10\noptions = ["x"]', "steps[0].options", 12),
]
# (what is changed, the line named, the key named where the line has one)
BROKEN_TOML = [
    ('title = "Mine"', 'title = "Mine', 2, "title"),
    ('title = "Mine"', "title = ", 2, "title"),
    ("max = 10", "max = 10\nmax = 11", 12, "max"),
    ("[[steps]]", "[[steps]", 6, None),
    ('options = ["a", "b"]', 'options = ["a", "b"', 17, "options"),
    ('why = "For testing."', "why = 'unclosed", 4, "why"),
    ('why = "For testing."', 'why = """never closed', 4, "why"),
    ("version = 1", "version = 1x", 3, "version"),
    ("reflection = true", "reflection", 18, "reflection"),
]


@pytest.mark.parametrize(("old", "new", "key", "line"), BROKEN_TEMPLATES)
def test_a_template_that_breaks_a_rule_names_file_key_and_line(tmp_path, old, new, key, line):
    path = tmp_path / "mine.toml"
    assert old in VALID_TEMPLATE
    path.write_text(VALID_TEMPLATE.replace(old, new, 1))
    result = run_hw("templates", "validate", str(path), "--json")
    assert result.code == 1, result.out
    (report,) = result.json()
    assert report["ok"] is False and report["key"] == key and report["line"] == line
    screen = run_hw("templates", "validate", str(path))
    assert screen.code == 1
    assert str(path) in screen.err and f"line {line}" in screen.err and f"'{key}'" in screen.err
    assert "Traceback" not in screen.err


@pytest.mark.parametrize(("old", "new", "line", "key"), BROKEN_TOML)
def test_malformed_toml_names_file_line_and_key(tmp_path, old, new, line, key):
    path = tmp_path / "mine.toml"
    path.write_text(VALID_TEMPLATE.replace(old, new, 1))
    result = run_hw("templates", "validate", str(path))
    assert result.code == 1
    assert str(path) in result.err and f"line {line}" in result.err and "TOML" in result.err
    (report,) = run_hw("templates", "validate", str(path), "--json").json()
    assert (report["line"], report["key"]) == (line, key)


def test_the_valid_template_used_above_is_valid(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(VALID_TEMPLATE)
    assert run_hw("templates", "validate", str(path)).code == 0


@st.composite
def mangled_templates(draw: st.DrawFn) -> str:
    """The valid template with lines dropped, doubled, cut or replaced by garbage."""
    lines = VALID_TEMPLATE.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["drop", "double", "cut", "garbage", "value"]))
        if how == "drop":
            lines.pop(index)
        elif how == "double":
            lines.insert(index, lines[index])
        elif how == "cut":
            lines[index] = lines[index][: draw(st.integers(0, max(0, len(lines[index]) - 1)))]
        elif how == "garbage":
            lines[index] = draw(ANY_TEXT)
        elif "=" in lines[index]:
            key = lines[index].split("=", 1)[0]
            value = draw(st.sampled_from(['""', "[]", "{}", "-1", "true", "1.5", '"x"', "[1, 2]"]))
            lines[index] = f"{key}= {value}"
        if not lines:
            lines = [""]
    return "\n".join(lines)


@SETTINGS
@given(text=mangled_templates())
@tallied("mangled templates")
def test_any_mangled_template_is_judged_never_a_crash(tmp_path_factory, text):
    from hwjournal.errors import TemplateError
    from hwjournal.templates import load_file

    folder = tmp_path_factory.mktemp("mangled")
    path = folder / "mangled.toml"
    path.write_text(text, encoding="utf-8")
    result = hw_here("templates", "validate", str(path), "--json")
    assert result.code in (0, 1), result.err
    assert "did not expect" not in result.err
    (report,) = json.loads(result.out)
    if result.code == 1:
        assert report["ok"] is False and report["error"]
        try:
            load_file(str(path))
        except TemplateError as exc:
            assert exc.path == str(path)
            if "TOML" in exc.detail:
                assert exc.line is not None
    return 1
