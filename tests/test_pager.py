"""A screen taller than the terminal opens in a pager, like git: $HW_PAGER, else $PAGER,
else `less -R`, through the shell, with LESS=FRX when LESS is unset; only when stdout
is a terminal and the screen is taller than it; --no-pager turns it off. Tested at a
real pseudo-terminal, with a pager that keeps what it was given."""

from __future__ import annotations

import os
from pathlib import Path

import pexpect
import pytest

from helpers import finish, run_hw, spawn_hw

ROWS, COLUMNS = 24, 80
TALL = ["templates", "show", "phq-9"]  # about 40 lines at 80 columns
SHORT = ["templates", "show", "mood-checkin"]  # about 20


@pytest.fixture
def pager(tmp_path: Path) -> dict[str, Path]:
    """A pager that writes what it is given to a file, and LESS as it saw it."""
    script = tmp_path / "record-pager"
    paged = tmp_path / "paged.txt"
    script.write_text(
        "#!/bin/sh\n"
        f'printf "%s|%s" "${{LESS-unset}}" "$*" > "{tmp_path}/pager-env.txt"\n'
        f'cat > "{paged}"\n'
    )
    script.chmod(0o755)
    return {"script": script, "paged": paged, "env": tmp_path / "pager-env.txt"}


def at_terminal(*args: str, env: dict[str, str], rows: int = ROWS) -> str:
    """Run hw at a pty of ROWS x COLUMNS; everything it showed there."""
    child = spawn_hw(*args, env=env, dimensions=(rows, COLUMNS))
    child.expect(pexpect.EOF)
    shown = child.before
    assert finish(child) == 0, shown
    return shown


@pytest.mark.parametrize(
    "variable", ["HW_PAGER", "PAGER"], ids=["HW_PAGER", "PAGER when HW_PAGER is unset"]
)
def test_a_tall_screen_opens_in_the_pager_with_less_set_to_frx(pager, variable):
    shown = at_terminal(*TALL, env={variable: f"{pager['script']} --given-flag"})
    paged = pager["paged"].read_text()
    assert "Little interest or pleasure in doing things" in paged
    assert "Start it with: hw start phq-9" in paged
    assert "Little interest" not in shown  # the screen went to the pager, not past it
    assert pager["env"].read_text() == "FRX|--given-flag"  # run through the shell


def test_hw_pager_comes_before_pager_and_less_is_left_as_the_person_set_it(pager, tmp_path):
    other = tmp_path / "other.txt"
    at_terminal(
        *TALL, env={"HW_PAGER": str(pager["script"]), "PAGER": f"cat > {other}", "LESS": "-S"}
    )
    assert pager["paged"].exists() and not other.exists()
    assert pager["env"].read_text() == "-S|"


@pytest.mark.parametrize(
    "command",
    [["week", "2026-W47"], ["log", "-n", "0"], ["show", "LAST"], TALL],
    ids=["week", "log", "show", "templates show"],
)
def test_each_long_screen_can_be_paged(pager, hw, command):
    for day in range(16, 23):
        hw(
            "start",
            "phq-9",
            "--date",
            f"2026-11-{day}",
            *(f"--answer=q{i}=1" for i in range(1, 10)),
        )
    if command == ["show", "LAST"]:
        command = ["show", str(hw("log", "-n", "1", "--json").json()[0]["id"])]
    at_terminal(*command, env={"HW_PAGER": str(pager["script"])}, rows=6)
    assert pager["paged"].read_text().strip()


def test_no_pager_prints_the_screen_whole(pager):
    env = {"HW_PAGER": str(pager["script"])}
    for args in (["--no-pager", *TALL], [*TALL, "--no-pager"]):
        shown = at_terminal(*args, env=env)
        assert not pager["paged"].exists()
        assert "Little interest or pleasure" in shown and "Start it with" in shown


def test_a_screen_that_fits_is_not_paged(pager):
    shown = at_terminal(*SHORT, env={"HW_PAGER": str(pager["script"])}, rows=40)
    assert not pager["paged"].exists()
    assert "Start it with: hw start mood-checkin" in shown


def test_a_screen_is_measured_at_the_width_in_use(pager):
    # the same screen fits 40 rows at 200 columns and not at 40 columns
    env = {"HW_PAGER": str(pager["script"])}
    child = spawn_hw(*TALL, env=env, dimensions=(45, 200))
    child.expect(pexpect.EOF)
    assert finish(child) == 0
    assert not pager["paged"].exists()
    child = spawn_hw(*TALL, env=env, dimensions=(45, 40))
    child.expect(pexpect.EOF)
    assert finish(child) == 0
    assert pager["paged"].exists()


def test_without_a_terminal_the_screen_goes_to_stdout(pager):
    result = run_hw(*TALL, env={"HW_PAGER": str(pager["script"]), "LINES": "5"})
    assert result.code == 0
    assert "Little interest or pleasure" in result.out
    assert not pager["paged"].exists()


@pytest.mark.parametrize("value", ["", "cat"])
def test_an_empty_pager_or_cat_means_none(value, pager):
    shown = at_terminal(*TALL, env={"HW_PAGER": value, "PAGER": str(pager["script"])})
    assert "Start it with: hw start phq-9" in shown
    assert not pager["paged"].exists()


def test_the_default_is_less_with_colours(tmp_path):
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "less").write_text(
        f'#!/bin/sh\nprintf "%s|%s" "$LESS" "$*" > "{tmp_path}/less.txt"\ncat > /dev/null\n'
    )
    (fake / "less").chmod(0o755)
    at_terminal(*TALL, env={"PATH": f"{fake}{os.pathsep}{os.environ['PATH']}"})
    assert (tmp_path / "less.txt").read_text() == "FRX|-R"


def test_a_pager_that_cannot_be_found_still_leaves_the_screen(tmp_path):
    shown = at_terminal(*TALL, env={"HW_PAGER": str(tmp_path / "no-such-pager")})
    assert "Start it with: hw start phq-9" in shown


def test_a_plain_screen_is_paged_in_plain_words(pager):
    at_terminal("--plain", *TALL, env={"HW_PAGER": str(pager["script"])}, rows=10)
    paged = pager["paged"].read_text()
    assert "Little interest or pleasure" in paged
    assert "\x1b" not in paged


def test_a_pager_that_quits_at_once_ends_quietly(tmp_path):
    # `true` reads nothing: a long screen meets a closed pipe, which is no error
    shown = at_terminal(*TALL, env={"HW_PAGER": "true"}, rows=5)
    assert "Traceback" not in shown and "Exception" not in shown
    assert "Little interest" not in shown
