"""Proof under faults: many writers at once, writers killed at random moments,
Ctrl-C at every step at a real terminal, and a disk that fills up. In every
case the journal passes integrity_check, every write that reported success is
there, and no half-written entry exists."""

from __future__ import annotations

import json
import os
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from helpers import HW, finish, run_hw, spawn_hw

SEED = int(os.environ.get("HW_FAULT_SEED", "20261125"))


# ---------------------------------------------------------------- what "whole" means


def assert_whole(journal: Path) -> list[tuple[Any, ...]]:
    """integrity_check passes, every row's JSON reads, every complete entry has every
    answer its own steps call required; and `hw check` agrees. Returns the rows."""
    db = sqlite3.connect(journal)
    try:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = db.execute("SELECT id, uid, status, answers, steps, tags FROM entries").fetchall()
        indexed = db.execute("SELECT count(*) FROM entries_fts").fetchone()[0]
    finally:
        db.close()
    assert indexed == len(rows)
    for _id, _uid, status, answers, steps, tags in rows:
        answers, steps, tags = json.loads(answers), json.loads(steps), json.loads(tags)
        assert isinstance(answers, dict) and isinstance(steps, list) and isinstance(tags, list)
        if status == "complete":
            for step in steps:
                if step.get("required") and step["type"] != "info":
                    assert step["id"] in answers, (status, step["id"], answers)
    check = run_hw("--journal", str(journal), "check", "--json")
    assert check.code == 0, check.out
    return rows


def answers_by_uid(journal: Path) -> dict[str, dict[str, Any]]:
    db = sqlite3.connect(journal)
    try:
        return {
            uid: json.loads(answers)
            for uid, answers in db.execute("SELECT uid, answers FROM entries")
        }
    finally:
        db.close()


def hw_process(*args: str, piped: bool = False, **kwargs: Any) -> subprocess.Popen:
    return subprocess.Popen(
        [HW, *args],
        stdin=subprocess.PIPE if piped else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
        **kwargs,
    )


# ---------------------------------------------------------------- many writers


def test_forty_parallel_writers_by_flag_and_by_json_lose_nothing(journal_path):
    texts = {n: f"writer {n} wrote: " + "é✓ שלום 😊 " * 40 + f"marker{n}x" for n in range(40)}
    procs = []
    for n, text in texts.items():
        if n % 2:
            procs.append(hw_process("start", "gratitude", "--answer", f"things={text}", "--json"))
        else:
            procs.append(
                hw_process("start", "gratitude", "--answers-json", "-", "--json", piped=True)
            )
    for n, proc in enumerate(procs):
        if proc.stdin:
            proc.stdin.write(json.dumps({"things": [texts[n]], "closer": f"closer {n}"}))
            proc.stdin.close()
    results = [(proc.wait(timeout=120), proc.stdout.read(), proc.stderr.read()) for proc in procs]
    for code, _out, err in results:
        assert code == 0, err
    ids = sorted(json.loads(out)["id"] for _, out, _ in results)
    assert ids == list(range(1, 41))
    stored = {e["answers"]["things"][0] for e in run_hw("log", "-n", "0", "--json").json()}
    assert stored == set(texts.values())
    for n in (0, 17, 39):
        found = run_hw("log", "--search", f"marker{n}x", "--json").json()
        assert [e["answers"]["things"][0] for e in found] == [texts[n]]
    assert_whole(journal_path)


# ---------------------------------------------------------------- killed writers


def test_hw_start_killed_at_random_moments_loses_no_reported_write(journal_path):
    rng = random.Random(SEED)
    assert run_hw("start", "gratitude", "--answer", "things=before it all").code == 0
    reported: dict[str, str] = {}  # entry id -> its text, for every run that printed an id
    killed = 0
    for wave in range(3):
        procs = []
        for n in range(10):
            text = f"wave {wave} writer {n}"
            procs.append((text, hw_process("start", "gratitude", "--answer", f"things={text}")))
        for text, proc in procs:
            time.sleep(rng.uniform(0.0, 0.06))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                killed += 1
            proc.wait(timeout=60)
            out = proc.stdout.read().strip()
            if out:
                reported[out] = text
    stored = {
        str(e["id"]): e["answers"]["things"][0] for e in run_hw("log", "-n", "0", "--json").json()
    }
    for entry_id, text in reported.items():
        assert stored.get(entry_id) == text
    assert killed > 0, "no writer was killed; the test proved nothing"
    print(f"30 hw start runs: {killed} killed, {len(reported)} reported success, all kept")
    assert_whole(journal_path)


WRITER = """
import sys
from hwjournal.journal import Entry, Journal, new_uid
from hwjournal.dates import now_iso
journal = Journal.open(sys.argv[1])
n = 0
while True:
    entry = Entry(id=None, uid=new_uid(), template="gratitude", title="Gratitude",
                  date="2026-11-25", created_at=now_iso(), status="complete",
                  answers={"things": ["entry %d " % n + "x" * (n % 3000)]},
                  steps=[{"id": "things", "type": "list", "prompt": "?", "required": True}])
    journal.add(entry)
    print(entry.uid, n, flush=True)
    n += 1
"""


def test_a_writer_killed_mid_stream_keeps_every_committed_entry(journal_path):
    rng = random.Random(SEED + 1)
    run_hw("start", "gratitude", "--answer", "things=seed")
    committed: dict[str, int] = {}
    for _round in range(5):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(journal_path)],
            stdout=subprocess.PIPE,
            text=True,
        )
        time.sleep(rng.uniform(0.15, 0.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        for line in proc.stdout.read().splitlines():
            parts = line.split()
            if len(parts) == 2:  # a line cut short by the kill reports nothing
                committed[parts[0]] = int(parts[1])
    stored = answers_by_uid(journal_path)
    print(f"5 writers killed mid-stream: {len(committed)} reported commits, all kept")
    assert len(committed) > 20
    for uid, n in committed.items():
        assert stored[uid] == {"things": [f"entry {n} " + "x" * (n % 3000)]}
    assert_whole(journal_path)


def hw_json(count: int, tag: str) -> dict[str, Any]:
    steps = [{"id": "things", "type": "list", "prompt": "?", "required": True}]
    return {
        "format": "hwjournal",
        "version": 1,
        "entries": [
            {
                "uid": f"{tag}-{n}",
                "template": "gratitude",
                "title": "Gratitude",
                "date": "2026-11-20",
                "created_at": "2026-11-20T10:00:00+00:00",
                "answers": {"things": [f"imported {n} " + "words " * 30]},
                "steps": steps,
            }
            for n in range(count)
        ],
    }


def holds_write_lock(journal: Path, proc: subprocess.Popen, timeout: float = 30) -> bool:
    """Wait until `proc` is inside its write transaction (another connection cannot
    take the write lock), or has ended. True when caught writing."""
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        probe = sqlite3.connect(journal, timeout=0, isolation_level=None)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
        except sqlite3.OperationalError:
            return proc.poll() is None
        finally:
            probe.close()
        time.sleep(0.002)
    return False


def test_an_import_killed_at_random_moments_is_all_or_nothing(tmp_path):
    rng = random.Random(SEED + 2)
    source = tmp_path / "big.json"
    source.write_text(json.dumps(hw_json(4000, "big")))
    killed_writing = 0
    for attempt in range(4):
        journal = tmp_path / f"journal-{attempt}.db"
        assert (
            run_hw("--journal", str(journal), "start", "gratitude", "-a", "things=mine").code == 0
        )
        proc = hw_process("--journal", str(journal), "import", str(source))
        if attempt == 0:
            time.sleep(rng.uniform(0.05, 0.2))  # while it still reads and checks the file
        elif holds_write_lock(journal, proc):
            time.sleep(rng.uniform(0.0, 0.05))  # somewhere inside its one transaction
            killed_writing += proc.poll() is None
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        rows = assert_whole(journal)
        imported = len(rows) - 1
        assert imported in (0, 4000), imported
        again = run_hw("--journal", str(journal), "import", str(source), "--json")
        assert again.code == 0, again.err
        assert again.json()["added"]["entries"] == 4000 - imported
        assert len(assert_whole(journal)) == 4001
    assert killed_writing, "no import was killed inside its transaction; the test proved nothing"
    print(f"4 imports killed, {killed_writing} inside their write transaction: all or nothing")


# ---------------------------------------------------------------- Ctrl-C at every step

STEPS_TOML = """
id = "every-stop"
title = "Stop anywhere"
summary = "A step of each kind that takes typing."
why = "Ctrl-C at any of them keeps a draft."
minutes = 1

[[steps]]
id = "story"
type = "long"
prompt = "Write a little"
required = true

[[steps]]
id = "line"
type = "text"
prompt = "One line"
required = true

[[steps]]
id = "intro"
type = "info"
prompt = "Just so you know."

[[steps]]
id = "level"
type = "scale"
prompt = "How strong"
min = 0
max = 10

[[steps]]
id = "pick"
type = "choice"
prompt = "Pick one"
options = ["Red", "Green"]

[[steps]]
id = "picks"
type = "multi"
prompt = "Pick any"
options = ["Walk", "Read"]
other = true

[[steps]]
id = "items"
type = "list"
prompt = "List things"
required = true

[[steps]]
id = "ok"
type = "yesno"
prompt = "Did it help"

[[steps]]
id = "count"
type = "number"
prompt = "How many"
reflection = true
"""

# (step id, prompt, what is typed, the answer it makes, how to finish it without a terminal)
TYPED = [
    ("story", "Write a little", ["first line", "", "third line"], "first line\n\nthird line"),
    ("line", "One line", ["a single line"], "a single line"),
    ("level", "How strong", ["7"], 7),
    ("pick", "Pick one", ["2"], "Green"),
    ("picks", "Pick any", ["1, swim"], ["Walk", "swim"]),
    ("items", "List things", ["one", "two", ""], ["one", "two"]),
    ("ok", "Did it help", ["y"], True),
    ("count", "How many", ["3.5"], 3.5),
]
RESUME_ARGS = {
    "story": "story=resumed story",
    "line": "line=resumed line",
    "level": "level=2",
    "pick": "pick=Red",
    "picks": "picks=Read",
    "items": "items=resumed item",
    "ok": "ok=n",
    "count": "count=1",
}


def type_answer(child: Any, step_id: str, lines: list[str]) -> None:
    for line in lines:
        child.sendline(line)
    if step_id == "story":
        child.sendeof()


@pytest.fixture
def every_stop(hw_home: Path) -> None:
    hw_home.mkdir(mode=0o700, exist_ok=True)  # as private as hw would make it
    folder = hw_home / "templates"
    folder.mkdir(exist_ok=True)
    (folder / "every-stop.toml").write_text(STEPS_TOML)


@pytest.mark.parametrize("stop_at", range(len(TYPED) + 1))
def test_ctrl_c_at_every_step_keeps_exactly_the_answers_so_far(every_stop, stop_at):
    child = spawn_hw("start", "every-stop")
    for step_id, prompt, lines, _answer in TYPED[:stop_at]:
        child.expect(prompt)
        child.expect("›|Ctrl-D on an empty line|empty line when")
        type_answer(child, step_id, lines)
    partial = None
    if stop_at < len(TYPED):
        step_id, prompt, _lines, _answer = TYPED[stop_at]
        child.expect(prompt)
        if step_id in ("story", "items"):  # lines already given are kept as half-typed text
            child.expect("Ctrl-D on an empty line|empty line when")
            partial = f"half of {step_id}"
            child.sendline(partial)
        else:
            child.expect("›")
    else:
        child.expect("How are you feeling")
    time.sleep(0.4)  # let hw read what was typed: the terminal drops unread input on Ctrl-C
    child.sendintr()
    child.expect(r"kept as draft (\d+)")
    draft_id = child.match.group(1)
    child.expect(f"hw resume {draft_id}")
    assert finish(child) == 130

    draft = run_hw("show", draft_id, "--json").json()
    assert draft["status"] == "draft"
    given = {step_id: answer for step_id, _p, _l, answer in TYPED[:stop_at]}
    assert draft["answers"] == given
    db = sqlite3.connect(Path(os.environ["HW_HOME"]) / "journal.db")
    (pending,) = db.execute("SELECT pending FROM entries WHERE id = ?", (draft_id,)).fetchone()
    db.close()
    assert (json.loads(pending).get("text") if pending else None) == partial
    assert run_hw("log", "--json").json() == []  # a draft is not an entry yet

    rest = [f"--answer={RESUME_ARGS[s]}" for s, _p, _l, _a in TYPED[stop_at:]]
    resumed = run_hw("resume", draft_id, *rest, "--mood", "3", "--json")
    assert resumed.code == 0, resumed.err
    done = resumed.json()
    assert done["status"] == "complete" and done["mood"] == 3
    assert {k: done["answers"][k] for k in given} == given
    assert set(done["answers"]) == {s for s, _p, _l, _a in TYPED}


def test_an_interactive_run_killed_keeps_every_answer_it_had_accepted(every_stop):
    """SIGKILL gives no chance to save anything: what is there is what was saved the
    moment each answer was accepted. An answer is accepted before the next prompt shows,
    so once the next prompt is on screen, the draft must hold every answer before it."""
    rng = random.Random(SEED + 3)
    journal = Path(os.environ["HW_HOME"]) / "journal.db"
    for run in range(3):
        answered = rng.randint(1, len(TYPED) - 1)
        child = spawn_hw("start", "every-stop")
        for step_id, prompt, lines, _answer in TYPED[:answered]:
            child.expect(prompt)
            child.expect("›|Ctrl-D on an empty line|empty line when")
            type_answer(child, step_id, lines)
        child.expect(TYPED[answered][1])  # the next prompt: everything before is saved
        child.kill(signal.SIGKILL)
        child.close(force=True)
        drafts = {
            entry_id: json.loads(answers)
            for entry_id, answers in sqlite3.connect(journal).execute(
                "SELECT id, answers FROM entries WHERE status = 'draft' ORDER BY id"
            )
        }
        assert len(drafts) == run + 1
        given = {step_id: answer for step_id, _p, _l, answer in TYPED[:answered]}
        assert drafts[max(drafts)] == given
    assert_whole(journal)


# ---------------------------------------------------------------- a full disk


def limited(size: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return apply


def run_limited(size: int, *args: str, input: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [HW, *args],
        input=input,
        capture_output=True,
        text=True,
        env=dict(os.environ),
        preexec_fn=limited(size),
        timeout=60,
    )


def assert_calm_failure(proc: subprocess.CompletedProcess) -> None:
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    assert "did not expect" not in proc.stderr
    assert "Nothing was changed" in proc.stderr or "untouched" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) <= 2


def three_entries(journal_path: Path) -> list[dict[str, Any]]:
    for n in range(3):
        assert run_hw("start", "gratitude", "--answer", f"things=kept {n}").code == 0
    return run_hw("log", "-n", "0", "--json").json()


@pytest.mark.parametrize("limit", [0, 1000, 50_000, 400_000])
def test_a_full_disk_while_importing_loses_nothing(tmp_path, journal_path, limit):
    before = three_entries(journal_path)
    source = tmp_path / "big.json"
    source.write_text(json.dumps(hw_json(3000, "disk")))
    proc = run_limited(limit, "import", str(source))
    assert_calm_failure(proc)
    assert "could not be written" in proc.stderr
    assert run_hw("log", "-n", "0", "--json").json() == before
    assert_whole(journal_path)
    assert run_hw("import", str(source)).code == 0  # with room again, it goes in
    assert len(assert_whole(journal_path)) == 3003


@pytest.mark.parametrize("limit", [0, 500, 5000])
def test_a_full_disk_while_starting_loses_nothing(journal_path, limit):
    before = three_entries(journal_path)
    proc = run_limited(limit, "start", "gratitude", "--answer", "things=" + "long " * 2000)
    assert_calm_failure(proc)
    assert run_hw("log", "-n", "0", "--json").json() == before
    assert_whole(journal_path)


def test_a_full_disk_before_the_first_entry_is_calm_too(journal_path):
    for limit in (0, 4096, 40_000):
        proc = run_limited(limit, "start", "gratitude", "--answer", "things=first")
        assert_calm_failure(proc)
    assert run_hw("start", "gratitude", "--answer", "things=first").code == 0
    assert_whole(journal_path)


def test_a_full_disk_while_backing_up_leaves_no_partial_copy(journal_path):
    three_entries(journal_path)
    for limit in (8192, 40_000):
        proc = run_limited(limit, "backup")
        assert proc.returncode == 1
        assert "backup could not be written" in proc.stderr
        assert "Traceback" not in proc.stderr
        left = {p.name for p in journal_path.parent.iterdir()}
        assert left <= {"journal.db", "journal.db-wal", "journal.db-shm"}  # no copy, no part
    assert_whole(journal_path)
