"""The paths that could hang hw or fill its memory: a FIFO no one writes to, an endless
device (/dev/zero), a file of several gigabytes, and stdin that never ends. Through
the installed hw, each with a time limit and a memory limit, since a device that never
ends or a file read whole is exactly what this is about; and bytes that are not UTF-8
in its arguments, as a terminal in another encoding sends them.

The paths are every option and argument of the spec whose value is a file (FILE,
PATH, DEST) and the global --journal; sweeping.py says what counts as calm. The paths
that cannot hang (folders, links, unreadable or wrong files) are test_sweep.py's."""

from __future__ import annotations

import itertools
import os
import resource
import shutil
import stat
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from unittest import mock

import pytest

from helpers import HW, hw_here, journal_bytes
from hwjournal import spec
from sweeping import (
    CLIENT,
    INVALID_UTF8,
    JRNL,
    RISKY_KINDS,
    VALID,
    calm_problems,
    journal_must_fail,
    line_with,
    make_path,
    path_must_fail,
    path_slots,
    words_problems,
)

TIME_LIMIT = 15  # seconds; every case ends in well under one
MEMORY_LIMIT = 500 << 20  # bytes of address space for the hw process
NUMBERS = itertools.count()


def limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(args: list[str | bytes], home: Path, stdin: object = subprocess.DEVNULL):
    env = dict(os.environ, HW_HOME=str(home))
    try:
        proc = subprocess.run(
            [HW, *args],
            stdin=stdin,
            capture_output=True,
            env=env,
            cwd=home.parent,
            timeout=TIME_LIMIT,
            preexec_fn=limited,
        )
    except subprocess.TimeoutExpired:
        return None
    return (
        proc.returncode,
        proc.stdout.decode(errors="replace"),
        proc.stderr.decode(errors="replace"),
    )


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("seed")
    with mock.patch.dict("os.environ", {"HW_HOME": str(home), "TZ": "UTC"}):
        assert hw_here("start", "mood-checkin", "--no-input", "-a", "mood=3").code == 0
        assert hw_here("assign", "mood-checkin", "--start", "2026-01-05").code == 0
    return home / "journal.db"


def case_home(tmp_path: Path, name: str, seeded: Path) -> Path:
    """A home of its own for one case (cases run side by side)."""
    home = tmp_path / f"{name}-{next(NUMBERS)}" / "home"
    home.mkdir(parents=True, mode=0o700)
    shutil.copy(seeded, home / "journal.db")
    (home.parent / "mine.toml").write_text(VALID["files"])
    (home.parent / "jrnl.json").write_text(JRNL)
    (home.parent / "client.json").write_text(CLIENT)
    return home


Case = tuple[str, list, bool, Path, str, "spec.Opt | spec.Arg | None"]


def sweep(cases: list[Case]) -> list[str]:
    """Run (label, args, must fail, home, kind of path, slot or None for the journal)
    side by side; what went wrong with each."""

    def one(case: Case) -> list[str]:
        label, args, must_fail, home, kind, slot = case
        journal = home / "journal.db"
        before = journal_bytes(journal)
        result = run(args, home)
        if result is None:
            return [f"{label}: still running after {TIME_LIMIT}s"]
        code, out, err = result
        problems = calm_problems(code, err, must_fail, out)
        problems += words_problems(code, err + out, kind, slot)
        if code != 0 and journal_bytes(journal) != before:
            problems.append("the journal changed")
        return (
            [f"{label}: {', '.join(problems)} (exit {code}: {err.strip()!r})"] if problems else []
        )

    with ThreadPoolExecutor(max_workers=3) as pool:
        return [line for found in pool.map(one, cases) for line in found]


def fill(line: list[str], home: Path) -> list[str]:
    files = {
        "{template}": str(home.parent / "mine.toml"),
        "{import}": str(home.parent / "jrnl.json"),
        "{client}": str(home.parent / "client.json"),
    }
    return [files.get(word, word) for word in line]


@pytest.mark.parametrize(
    ("command", "slot"), path_slots(), ids=[f"{c.name} {s.dest}" for c, s in path_slots()]
)
def test_a_path_that_could_hang_gets_a_plain_answer_at_once(command, slot, seeded, tmp_path):
    formats = [[]]
    if command.name == "import":  # each format reads in its own way
        formats += [["--format", f] for f in ("hw-json", "daylio", "jrnl-json")]
    cases = []
    for kind, extra in itertools.product(RISKY_KINDS, formats):
        home = case_home(tmp_path, kind, seeded)
        path = make_path(kind, home.parent, VALID.get(slot.dest, JRNL))
        args = fill(line_with(command, slot, str(path)), home)
        args[len(command.path) : len(command.path)] = extra  # before any `--`
        must_fail = path_must_fail(slot, kind, path)
        cases.append((f"{kind}: {' '.join(args)}", args, must_fail, home, kind, slot))
    found = sweep(cases)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("name", ["log", "start", "check", "backup", "sos"])
def test_a_journal_path_that_could_hang_gets_a_plain_answer_at_once(name, seeded, tmp_path):
    cases = []
    for kind in RISKY_KINDS:
        home = case_home(tmp_path, kind, seeded)
        path = make_path(kind, home.parent, "")
        args = ["--journal", str(path), *fill(line_with(spec.BY_NAME[name], None), home)]
        must_fail = journal_must_fail(name, kind, path)
        cases.append((f"{kind}: {' '.join(args)}", args, must_fail, home, kind, None))
    found = sweep(cases)
    assert not found, "\n".join(found)


def test_importing_dev_zero_is_refused_at_once(tmp_path, seeded):
    """The issue's own example, word for word (reading /dev/zero writes nothing)."""
    home = case_home(tmp_path, "zero", seeded)
    result = run(["import", "/dev/zero", "--format", "daylio"], home)
    assert result is not None, "hw import /dev/zero did not end"
    assert result[0] == 2 and "/dev/zero" in result[2] and "device" in result[2], result


def test_endless_or_wrong_stdin_gets_a_plain_answer(seeded, tmp_path):
    """`-` reads stdin: a device there is read no further than a real file could be."""
    found = []
    for args in (
        ["import", "-"],
        ["import", "-", "--format", "daylio"],
        ["import", "-", "--format", "jrnl-json"],
        ["start", "mood-checkin", "--answers-json", "-"],
    ):
        for source in ("/dev/zero", "/dev/urandom"):
            home = case_home(tmp_path, f"{len(found)}-{args[0]}-{source[5:]}", seeded)
            before = journal_bytes(home / "journal.db")
            with open(source, "rb") as stdin:
                result = run(args, home, stdin=stdin)
            if result is None:
                found.append(f"{args} < {source}: still running after {TIME_LIMIT}s")
                continue
            problems = calm_problems(result[0], result[2], True)
            if journal_bytes(home / "journal.db") != before:
                problems.append("the journal changed")
            if problems:
                found.append(f"{args} < {source}: {', '.join(problems)} ({result[2].strip()!r})")
    assert not found, "\n".join(found)


def test_text_that_is_not_utf8_is_refused_and_file_names_that_are_not_are_used(seeded, tmp_path):
    """A terminal in another encoding sends bytes that are not UTF-8: as text they are
    refused with a sentence; as a file's name they are that file's name."""
    home = case_home(tmp_path, "bytes", seeded)
    odd = os.fsencode(INVALID_UTF8)
    for args in (
        [b"log", b"--search", odd],
        [b"show", odd],
        [b"start", b"mood-checkin", b"--no-input", b"-a", b"mood=3", b"--tag", odd],
        [b"start", b"mood-checkin", b"--no-input", b"-a", b"activities=" + odd, b"-a", b"mood=3"],
        [b"assign", b"mood-checkin", b"--note", odd],
        [b"skip", b"mood-checkin", b"--reason", odd],
        [b"config", b"set", b"crisis_contact", odd],
    ):
        before = journal_bytes(home / "journal.db")
        result = run(args, home)
        assert result is not None
        code, _out, err = result
        assert code == 2 and "not UTF-8" in err, (args, code, err)
        assert journal_bytes(home / "journal.db") == before
    named = home.parent / os.fsdecode(b"caf\xe9.json")
    named.write_text(JRNL)
    export = home.parent / os.fsdecode(b"r\xe9sum\xe9.md")
    for args in (
        [b"import", os.fsencode(named)],
        [b"export", b"-o", os.fsencode(export)],
        [b"--journal", os.fsencode(home.parent / os.fsdecode(b"j\xe9.db")), b"log"],
    ):
        result = run(args, home)
        assert result is not None and result[0] == 0, (args, result)
    assert export.exists() and stat.S_IMODE(export.stat().st_mode) == 0o600


@pytest.mark.parametrize("kind", ["fifo", "dev-null"])
def test_force_never_replaces_a_device_or_a_pipe(kind, seeded, tmp_path):
    """--force replaces a file, not /dev/null (as root, that would be the system's)."""
    home = case_home(tmp_path, kind, seeded)
    path = make_path(kind, home.parent, "")
    result = run(["export", "--force", "-o", str(path)], home)
    assert result is not None and result[0] == 2, result
    assert "not a regular file" in result[2], result
    assert not path.is_file() and (path.is_fifo() or path.is_symlink())
