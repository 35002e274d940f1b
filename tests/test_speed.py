"""Fast by design, checked without timing anything: the commands people put in shell
prompts and cron never load Typer or Rich, and the queries behind the reading
commands go through an index instead of reading every entry. (bench/run.py does
the timing; see README.)"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import HW, REPO, make_entry
from hwjournal import journal as journal_mod
from hwjournal import spec
from hwjournal.cli import main

sys.path.insert(0, str(REPO / "bench"))
import fallback_load
import generate

END = "2026-11-25"  # its week and the week before lie in the generator's recent block
LAST_WEEK = "2026-W47"

# The program the installed `hw` script is, run in-process so its modules can be listed.
PROBE = """
import os, runpy, sys

def report(code):
    heavy = {"rich", "typer", "click", "jinja2", "markupsafe"}
    loaded = sorted({m.split(".")[0] for m in sys.modules} & heavy)
    sys.stderr.write("\\nEXIT %s LOADED %s\\n" % (code, ",".join(loaded) or "-"))
    sys.stderr.flush()

end_now = os._exit

def report_then_end(code):  # a fast-path run ends with os._exit: report first
    report(code)
    end_now(code)

os._exit = report_then_end
sys.argv = [sys.argv[1], *sys.argv[2:]]
try:
    runpy.run_path(sys.argv[0], run_name="__main__")
except SystemExit as stop:
    report(stop.code)
else:
    report(0)
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small generated journal (entries over 30 years, assignments, skips) in hw-json."""
    path = tmp_path_factory.mktemp("corpus") / "journal.json"
    generate.generate(400, str(path), seed=7, end=generate.dt.date.fromisoformat(END))
    return path


@pytest.fixture
def loaded(corpus: Path, journal_path: Path) -> Path:
    journal_path.parent.mkdir(parents=True, exist_ok=True)
    fallback_load.load(str(corpus), str(journal_path))
    return journal_path


def probe(*args: str) -> tuple[int, str, set[str]]:
    """Run the installed hw with these arguments; (exit code, stdout and stderr, top-level
    packages among rich/typer/click/jinja2/markupsafe that it loaded)."""
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, HW, *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    found = re.search(r"EXIT (\S+) LOADED (\S+)\s*$", proc.stderr)
    assert found, proc.stderr
    loaded = set() if found.group(2) == "-" else set(found.group(2).split(","))
    code = int(found.group(1))
    return code, proc.stdout if code == 0 else proc.stdout + proc.stderr, loaded


# ---------------------------------------------------------------- no Typer, no Rich


def test_version_loads_neither_typer_nor_rich():
    code, out, loaded = probe("--version")
    assert code == 0 and out.startswith("hw ")
    assert loaded == set()


@pytest.mark.parametrize(
    "args",
    [
        ["log", "-n", "10", "--json"],
        ["due", "--json"],
        ["week", LAST_WEEK, "--json"],
        ["export", "--week", LAST_WEEK],
    ],
    ids=["log", "due", "week", "export"],
)
def test_reading_for_scripts_loads_neither_typer_nor_rich(loaded, args):
    code, out, packages = probe(*args)
    assert code == 0, out
    assert out.strip(), "the command printed nothing, so the check proves nothing"
    if "--json" in args:
        json.loads(out)
    assert packages == set()


@pytest.mark.parametrize(
    "args",
    [
        ["templates", "list", "--json"],
        ["templates", "show", "phq-9", "--json"],
        ["config", "show", "--json"],
        ["assignments", "--all", "--json"],
        ["templates", "validate", "--json", str(REPO / "templates" / "gad-7.toml")],
    ],
    ids=["templates-list", "templates-show", "config-show", "assignments", "validate"],
)
def test_every_command_a_script_runs_skips_typer(loaded, args):
    """Not only the shell-prompt commands: any command line the fast path understands
    (a group's subcommand, a group that runs alone) runs without Typer or Click."""
    code, out, packages = probe(*args)
    assert code == 0, out
    assert out.strip(), "the command printed nothing, so the check proves nothing"
    assert not packages & {"typer", "click"}, packages


@pytest.mark.parametrize(
    ("args", "shown"),
    [(["templates"], "Usage: hw templates"), (["log", "--help"], "Usage: hw log")],
)
def test_help_and_a_group_alone_still_come_from_typer(args, shown):
    code, out, packages = probe(*args)
    assert code == 0 and shown in out
    assert "typer" in packages


def test_no_export_loads_a_template_engine(loaded, tmp_path):
    # -o matches the file's extension against every exporter, the HTML one included
    for args in (["--week", LAST_WEEK], ["-o", str(tmp_path / "week.txt"), "--week", LAST_WEEK]):
        code, out, packages = probe("export", *args)
        assert code == 0, out
        assert packages == set(), args
    # the report's template runs as compiled ahead of time (export/report_compiled.py)
    code, out, packages = probe("export", "--format", "html", "--week", LAST_WEEK)
    assert code == 0 and out.startswith("<!DOCTYPE html>")
    assert packages == set()


def test_start_without_a_terminal_loads_neither_typer_nor_rich(journal_path):
    code, out, loaded = probe(
        "start", "gratitude", "--answer", "things=tea in the sun", "--no-input", "--json"
    )
    assert code == 0
    assert json.loads(out)["answers"] == {"things": ["tea in the sun"]}
    assert loaded == set()
    with sqlite3.connect(journal_path) as db:
        assert db.execute("SELECT count(*) FROM entries").fetchone()[0] == 1


def test_a_screen_still_gets_rich_so_the_probe_can_tell(loaded):
    # The same probe sees Rich when a command draws with it: the checks above are real.
    code, _out, packages = probe("show", "1")
    assert code == 0
    assert "rich" in packages
    code, _out, packages = probe("--plain", "log", "-n", "3")  # the table in words
    assert code == 0
    assert "rich" in packages


def test_the_log_table_through_a_pipe_loads_neither_typer_nor_rich(loaded):
    code, out, packages = probe("log", "-n", "10")
    assert code == 0
    assert out.splitlines()[0].split() == ["id", "date", "exercise", "mood"]
    assert len(out.splitlines()) == 11
    assert packages == set()


def test_a_quick_run_ends_with_its_output_whole_and_its_journal_closed(loaded, hw):
    # A fast-path run skips the interpreter's teardown: nothing may be lost to that.
    everything = hw("log", "-n", "0", "--json")
    assert everything.code == 0
    assert len(everything.json()) == 400
    assert hw("due", "--json", "--date", END).code == 0
    assert hw("start", "gratitude", "--answer", "things=a walk", "--no-input").code == 0
    assert sorted(p.name for p in loaded.parent.iterdir()) == ["journal.db"]
    assert len(hw("log", "-n", "0", "--json").json()) == 401


def test_a_run_of_hw_collects_cycles_less_often_and_a_caller_keeps_its_own(journal_path):
    """As a program, hw raises the collector's first threshold (its start-up made
    fifteen collections); a process that calls main() (these tests) keeps its own."""
    import gc

    probe_threshold = PROBE.replace("import os,", "import gc, os,").replace(
        "    report(code)\n    end_now",
        "    report(code)\n    print(gc.get_threshold(), flush=True)\n    end_now",
    )
    assert "get_threshold" in probe_threshold
    shown = subprocess.run(
        [sys.executable, "-c", probe_threshold, HW, "due", "--json", "--date", END],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60,
    )  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip().splitlines()[-1] == "(20000, 10, 10)"
    before = gc.get_threshold()
    assert main(["due", "--json", "--date", END]) == 0
    assert gc.get_threshold() == before != (20000, 10, 10)


# ---------------------------------------------------------------- indexes, no full scans


def statements(monkeypatch: pytest.MonkeyPatch, args: list[str]) -> list[str]:
    """Every SQL statement the command runs against the journal, parameters filled in."""
    seen: list[str] = []
    opened = journal_mod.Journal.open.__func__

    def open_traced(cls, path, create=True, **options):
        journal = opened(cls, path, create, **options)
        journal.db.set_trace_callback(seen.append)
        return journal

    monkeypatch.setattr(journal_mod.Journal, "open", classmethod(open_traced))
    assert main(args) == 0
    return seen


def full_scans_of_entries(db: sqlite3.Connection, sql: str) -> list[str]:
    """The lines of the query plan that read the entries table (or one of its indexes)
    from end to end, instead of searching it."""
    names = {"entries"} | set(re.findall(r"\bentries\s+(?:AS\s+)?(\w+)", sql, re.IGNORECASE))
    names -= {"WHERE", "INDEXED", "ORDER", "GROUP", "LIMIT", "JOIN", "ON", "USING", "SET"}
    plan = [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql)]
    return [line for line in plan if re.match(r"SCAN (\w+)", line) and line.split()[1] in names]


READS = {
    "log -n 10": ["log", "-n", "10", "--json"],
    "log --template": ["log", "--template", "gratitude", "-n", "10", "--json"],
    "log --search": ["log", "--search", generate.SEARCH_WORD, "-n", "10", "--json"],
    "log date range": ["log", "--since", "2026-11-16", "--until", "2026-11-22", "--json"],
    "week": ["week", LAST_WEEK, "--json"],
    "export": ["export", "--week", LAST_WEEK],
    "due": ["due", "--json", "--date", END],
    "show": ["show", "5", "--json"],
}


@pytest.mark.parametrize("name", sorted(READS))
def test_reading_queries_search_an_index_instead_of_scanning_every_entry(
    loaded, monkeypatch, capsys, name
):
    seen = statements(monkeypatch, READS[name])
    capsys.readouterr()
    on_entries = [
        sql
        for sql in seen
        if re.match(r"\s*(SELECT|WITH)\b", sql, re.IGNORECASE) and re.search(r"\bentries\b", sql)
    ]
    assert on_entries, f"hw {name} read no entries, so there was nothing to check"
    with sqlite3.connect(loaded) as db:
        scans = {sql: found for sql in on_entries if (found := full_scans_of_entries(db, sql))}
    assert scans == {}


def test_the_scan_check_itself_catches_a_full_scan(loaded):
    with sqlite3.connect(loaded) as db:
        assert full_scans_of_entries(db, "SELECT id FROM entries WHERE title = 'x'")
        assert full_scans_of_entries(db, "SELECT e.id FROM entries e WHERE e.mood = 3")
        assert not full_scans_of_entries(
            db, "SELECT id FROM entries WHERE status = 'complete' ORDER BY date DESC LIMIT 10"
        )


# ---------------------------------------------------------------- what the fast path needs


def test_export_formats_known_to_the_fast_path_are_the_exporters():
    from hwjournal import export

    assert tuple(export.names()) == spec.EXPORT_FORMATS


def test_an_export_format_the_fast_path_does_not_know_goes_to_the_full_command_line():
    from hwjournal import fast

    command = spec.BY_NAME["export"]
    assert fast.parse(command, ["--format", "csv"])["format"] == "csv"
    assert fast.parse(command, ["--format", "pdf"]) is None


def test_deferred_search_index_finds_what_the_trigger_would(journal_path):
    """The bulk path (an import) indexes new entries at the end, the same as one by one."""
    one_by_one = journal_mod.Journal.open(str(journal_path), create=True)
    bulk_path = journal_path.with_name("bulk.db")
    bulk = journal_mod.Journal.open(str(bulk_path), create=True)
    entries = [
        make_entry(
            f"2026-11-2{n}",
            answers={"things": [f"word{n} shared"], "closer": f"Closer {n}"},
            pending={"text": f"halfway{n}"} if n == 3 else None,
        )
        for n in range(1, 6)
    ]
    for entry in entries:
        one_by_one.add(entry)
    with bulk.bulk_writer() as writer:
        writer.add_entries(entries)
    for word in ("shared", "word3", "closer", "halfway3"):
        expected = [e.id for e in one_by_one.find(search=word)]
        assert [e.id for e in bulk.find(search=word)] == expected
        assert expected
    # the trigger is back: an entry added afterwards is found one by one again
    later = bulk.add(make_entry("2026-11-26", answers={"things": ["afterwards"]}))
    assert [e.id for e in bulk.find(search="afterwards")] == [later.id]
    one_by_one.close()
    bulk.close()
    os.remove(bulk_path)


def test_deferred_search_index_rolls_back_whole(journal_path):
    journal = journal_mod.Journal.open(str(journal_path), create=True)
    with pytest.raises(RuntimeError), journal.transaction() as db, journal.search_index_deferred():
        db.execute(
            "INSERT INTO entries (uid, template, title, date, created_at, updated_at, status) "
            "VALUES ('u1', 'gratitude', 'Gratitude', '2026-11-20', 'x', 'x', 'complete')"
        )
        raise RuntimeError("the import found a bad entry")
    triggers = journal.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name = 'entries_fts_insert'"
    ).fetchall()
    assert triggers == [("entries_fts_insert",)]
    assert journal.db.execute("SELECT count(*) FROM entries").fetchone()[0] == 0
    journal.close()


def test_new_uids_are_version_4_uuids():
    import uuid

    uids = {journal_mod.new_uid() for _ in range(200)}
    assert len(uids) == 200
    for uid in uids:
        parsed = uuid.UUID(uid)
        assert parsed.hex == uid and parsed.version == 4 and parsed.variant == uuid.RFC_4122
