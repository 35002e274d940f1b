"""Every test gets its own HW_HOME, so no test touches a real journal, and
helpers to run the installed `hw` the way a person or a script would."""

from __future__ import annotations

import gc
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

HW = shutil.which("hw", path=os.path.dirname(sys.executable)) or shutil.which("hw")
REPO = Path(__file__).resolve().parent.parent


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


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
    # no country from the locale unless a test gives one (hw sos and alerts read it)
    for var in ("LC_ALL", "LC_MESSAGES"):
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


def run_hw(
    *args: str, input: str | None = None, env: dict[str, str] | None = None, timeout: float = 60
) -> Result:
    """Run the installed hw as a script would: no terminal, stdin a pipe."""
    assert HW, "the hw command is not installed in this environment"
    full_env = dict(os.environ)
    full_env.update(env or {})
    proc = subprocess.run(
        [HW, *args],
        input=input if input is not None else "",
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def hw():
    return run_hw


def journal_bytes(path: Path) -> bytes:
    """Everything on disk that belongs to the journal: the file, its WAL and SHM."""
    data = b""
    for suffix in ("", "-wal", "-shm", "-journal"):
        p = Path(str(path) + suffix)
        if p.exists():
            data += p.read_bytes()
    return data


def snapshot(path: Path) -> dict[str, bytes]:
    return (
        {str(p): p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")) if p.is_file()}
        if path.parent.exists()
        else {}
    )


DATA = Path(__file__).resolve().parent / "data"


def spawn_hw(
    *args: str,
    env: dict[str, str] | None = None,
    timeout: float = 15,
    dimensions: tuple[int, int] = (40, 100),
):
    """Run the installed hw at a real pseudo-terminal (rows, columns), as a person would."""
    import pexpect

    full_env = dict(os.environ)
    full_env.update(env or {})
    child = pexpect.spawn(
        HW, list(args), env=full_env, encoding="utf-8", timeout=timeout, dimensions=dimensions
    )
    return child


def finish(child) -> int:
    """Wait for the child to end; its exit status."""
    import pexpect

    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


@pytest.fixture
def every_type(hw_home: Path) -> Path:
    """The every-type test template installed as a user template."""
    folder = hw_home / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "every-type.toml"
    target.write_text((DATA / "every-type.toml").read_text())
    return target


def hw_here(*args: str, input: str = "", settle: bool = False) -> Result:
    """hw through its one exit point in this process: the same code and streams as the
    installed command (text over bytes, as a terminal or pipe gives), without its
    start-up time, so generated examples can be many."""
    from hwjournal import cli

    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    stdin = io.TextIOWrapper(io.BytesIO(input.encode("utf-8")), encoding="utf-8", newline="")
    with (
        mock.patch.object(sys, "stdout", out),
        mock.patch.object(sys, "stderr", err),
        mock.patch.object(sys, "stdin", stdin),
    ):
        code = cli.main(list(args))
    if settle:  # close any journal connection now, as the end of a process would
        gc.collect()
    out.flush()
    err.flush()
    # a file name that is not UTF-8 is written back as its bytes (cli._file_names_as_bytes)
    return Result(
        code,
        out.buffer.getvalue().decode(errors="surrogateescape"),
        err.buffer.getvalue().decode(errors="surrogateescape"),
    )
