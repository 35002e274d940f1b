"""Every test gets its own HW_HOME, so no test touches a real journal; the fixtures
that many test files share. Plain helpers (run_hw, spawn_hw, hw_in, entries, answers)
live in helpers.py."""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from helpers import DATA, run_hw


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto` (the default in pyproject): half as many workers again as there are
    cores the tests may use. Many tests wait on an hw they started (at a pty, through
    a pipe, in Chromium), and their core sits idle meanwhile: on two cores, three
    workers ran the suite in 2 min 37 s against 2 min 56 s for two."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, (cores or 1) * 3 // 2)


@pytest.fixture(autouse=True)
def hw_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "hwhome"
    monkeypatch.setenv("HW_HOME", str(home))
    for var in (
        *("HW_JOURNAL", "HW_CONFIG", "HW_DEBUG", "NO_COLOR", "EDITOR", "VISUAL"),
        *("HW_PLAIN", "HW_PAGER", "PAGER", "LESS", "COLUMNS", "LINES"),
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("TZ", "UTC")
    # no country or language from the locale unless a test gives one (hw sos and
    # alerts read the country; every sentence, the language)
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("TERM", "xterm")  # TERM=dumb would ask for plain screens
    yield home
    # an unlocked session's watcher (a detached process) ends once its file is gone:
    # none outlives the test that unlocked
    for session in tmp_path.rglob("hwjournal/*.session"):
        session.unlink(missing_ok=True)


@pytest.fixture
def journal_path(hw_home: Path) -> Path:
    return hw_home / "journal.db"


@pytest.fixture
def hw():
    return run_hw


@pytest.fixture
def no_runtime(monkeypatch: pytest.MonkeyPatch) -> None:
    """No unlocked session, passphrase command or keyring from the machine running the
    tests (encryption tests use it for every test: pytestmark)."""
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.delenv("HW_PASSPHRASE_COMMAND", raising=False)


@pytest.fixture
def runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private XDG_RUNTIME_DIR for unlocked sessions."""
    folder = tmp_path / "runtime"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    return folder


@pytest.fixture
def every_type(hw_home: Path) -> Path:
    """The every-type test template installed as a user template."""
    folder = hw_home / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "every-type.toml"
    target.write_text((DATA / "every-type.toml").read_text())
    return target


@pytest.fixture(scope="session")
def build_once(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """build_once(name, make) -> a fresh copy of a folder that make(folder) filled.

    An expensive setup (a journal made through dozens of hw commands) is made once per
    test run, whichever xdist worker first asks for it, under a lock the workers share;
    each caller gets its own copy, so no test sees another's changes."""
    base = tmp_path_factory.getbasetemp()
    # the workers of one xdist run share their base folder's parent; a run without
    # workers keeps its builds in its own base folder
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    builds = shared / "built-once"
    builds.mkdir(exist_ok=True)

    def build(name: str, make: Callable[[Path], object]) -> Path:
        done = builds / name
        with open(builds / f"{name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not done.exists():
                work = builds / f"{name}.building"
                shutil.rmtree(work, ignore_errors=True)
                work.mkdir(mode=0o700)  # as hw makes a home: its owner's only
                make(work)
                work.rename(done)
        copy = tmp_path_factory.mktemp(name) / "home"
        shutil.copytree(done, copy, symlinks=True)
        return copy

    return build
