"""Every bad input gets a plain answer: each option and argument of every command in
the spec, given out-of-range and huge numbers, calendar edges, ids that do not exist
or do not fit, empty text, NUL and invalid UTF-8. Run in-process (hw_here), so the
cases can be many; sweeping.py says what is fed and what counts as calm.

The many cases read their command line with the spec's own parser (fast.parse) for
every command, not only the fast ones: building the Typer command line costs more
than most cases, and test_spec.py shows both parsers hand run_* the same values. The
base lines, and anything fast.parse leaves to Typer, still go the whole way.

Paths that are devices, FIFOs or huge files, and the limits on time and memory, are
test_sweep_files.py's, through the installed hw."""

from __future__ import annotations

import shutil
from pathlib import Path
from unittest import mock

import pytest

import sweeping
from helpers import REPO, hw_here, snapshot
from hwjournal import fast, spec
from sweeping import (
    CLIENT,
    JRNL,
    KINDS,
    NEVER_FAILS,
    SAFE_KINDS,
    VALID,
    calm_problems,
    every_slot,
    journal_must_fail,
    kind_of,
    line_with,
    make_path,
    path_must_fail,
    path_slots,
    unreadable_problems,
    words_problems,
)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A journal with entry 1 (complete), entry 2 (a draft) and assignment 1."""
    home = tmp_path_factory.mktemp("seed")
    journal = home / "journal.db"
    with mock.patch.dict("os.environ", {"HW_HOME": str(home), "TZ": "UTC"}):
        assert hw_here("start", "mood-checkin", "--no-input", "-a", "mood=3").code == 0
        assert hw_here("assign", "mood-checkin", "--start", "2026-01-05").code == 0
        from hwjournal import templates
        from hwjournal.journal import Journal
        from hwjournal.session import new_entry

        draft = new_entry(templates.find("mood-checkin"), "2026-01-06", [], False)
        db = Journal.open(str(journal))
        db.add(draft)
        db.close()
        assert hw_here("check").code == 0
    return journal


@pytest.fixture
def place(seeded: Path, journal_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Put a fresh copy of the seeded journal in this test's home; the files a base
    line names are made here too, and relative paths land here."""
    monkeypatch.chdir(tmp_path)
    template = tmp_path / "mine.toml"
    shutil.copy(REPO / "templates" / "mood-checkin.toml", template)
    jrnl = tmp_path / "jrnl.json"
    jrnl.write_text(JRNL)
    client = tmp_path / "client.json"
    client.write_text(CLIENT)

    def fresh() -> dict[str, str]:
        journal_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        for leftover in journal_path.parent.glob(journal_path.name + "*"):
            leftover.unlink()
        shutil.copy(seeded, journal_path)
        return {"{template}": str(template), "{import}": str(jrnl), "{client}": str(client)}

    return fresh


def run_line(line: list[str], files: dict[str, str]):
    line = [files.get(word, word) for word in line]
    return hw_here(*line)


def parse_any(argv: list[str], ctx: object) -> int | None:
    """fast.try_run for every command of the spec, one word or two."""
    for command in spec.COMMANDS:
        if tuple(argv[: len(command.path)]) == command.path:
            values = fast.parse(command, argv[len(command.path) :])
            return None if values is None else fast.run_command(command, ctx, values)
    return None


@pytest.fixture
def spec_parser():
    with mock.patch.object(fast, "try_run", parse_any):
        yield


def check_one(
    line: list[str],
    files: dict[str, str],
    journal: Path,
    must_fail: bool,
    kind: str = "",
    path: Path | None = None,
    slot: spec.Opt | spec.Arg | None = None,
) -> list[str]:
    before = snapshot(journal)
    try:
        result = run_line(line, files)
    except BaseException as exc:  # what escaped the exit point
        return [f"{line!r}: raised {exc!r}"]
    problems = calm_problems(result.code, result.err, must_fail, result.out)
    if path is not None:
        problems += unreadable_problems(kind, path, result.err + result.out)
        problems += words_problems(result.code, result.err + result.out, kind, slot)
    if result.code != 0 and snapshot(journal) != before:
        problems.append("the journal changed")
    if problems:
        return [f"{line!r}: {', '.join(problems)} (exit {result.code}: {result.err.strip()!r})"]
    return []


NEEDS_A_SECRET = {"encrypt", "unlock", "passphrase", "decrypt"}


@pytest.mark.parametrize("command", sweeping.EVERY, ids=lambda c: c.name)
def test_every_base_line_runs(command, place, journal_path):
    """The sweep changes one slot of a line that works: a bad value, not a bad base,
    is what makes a case fail."""
    files = place()
    result = run_line(line_with(command, None), files)
    if command.name in NEEDS_A_SECRET:
        # these cannot run without a passphrase from a terminal or a command (their
        # real runs are in test_encryption*): here they must refuse plainly
        assert result.code == 1 and result.err.strip(), (command.name, result.err)
        assert "did not expect" not in result.err and "Traceback" not in result.err
        return
    assert result.code == 0, (line_with(command, None), result.err)


@pytest.mark.parametrize(
    ("command", "slot"),
    every_slot(),
    ids=[f"{c.name} {s.dest}" for c, s in every_slot()],
)
def test_every_bad_value_gets_a_plain_answer(command, slot, place, journal_path, spec_parser):
    found: list[str] = []
    for value, must_fail in KINDS[kind_of(slot)]:
        files = place()
        found += check_one(line_with(command, slot, value), files, journal_path, must_fail)
    assert not found, "\n".join(found)


# the global --journal: NUL, text that is not UTF-8, nowhere
@pytest.mark.parametrize("name", ["log", "start", "check", "backup", "sos", "week"])
def test_a_bad_journal_path_gets_a_plain_answer(name, place, journal_path):
    command = spec.BY_NAME[name]
    found: list[str] = []
    for value, must_fail in KINDS["path"]:
        files = place()
        line = ["--journal", value, *line_with(command, None)]
        found += check_one(line, files, journal_path, must_fail and name not in NEVER_FAILS)
    assert not found, "\n".join(found)


# ---------------------------------------------------------------- paths that cannot hang
# (FIFOs, endless devices and huge files: test_sweep_files.py, with time and memory limits)


@pytest.mark.parametrize(
    ("command", "slot"), path_slots(), ids=[f"{c.name} {s.dest}" for c, s in path_slots()]
)
def test_every_path_picked_by_mistake_gets_a_plain_answer(
    command, slot, place, journal_path, tmp_path, spec_parser
):
    found: list[str] = []
    for kind in SAFE_KINDS:
        files = place()
        folder = tmp_path / kind
        folder.mkdir()
        path = make_path(kind, folder, VALID.get(slot.dest, JRNL))
        line = line_with(command, slot, str(path))
        must_fail = path_must_fail(slot, kind, path)
        found += check_one(line, files, journal_path, must_fail, kind, path, slot)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("name", ["log", "start", "check", "backup", "import", "sos"])
def test_every_journal_path_picked_by_mistake_gets_a_plain_answer(
    name, place, journal_path, tmp_path, seeded
):
    command = spec.BY_NAME[name]
    found: list[str] = []
    for kind in SAFE_KINDS:
        files = place()
        folder = tmp_path / kind
        folder.mkdir()
        path = make_path(kind, folder, "")
        if kind == "unreadable":  # a real journal, that only its permission keeps shut
            path.chmod(0o600)
            shutil.copy(seeded, path)
            path.chmod(0)
        line = ["--journal", str(path), *line_with(command, None)]
        must_fail = journal_must_fail(name, kind, path)
        found += check_one(line, files, journal_path, must_fail, kind, path, None)
    assert not found, "\n".join(found)
