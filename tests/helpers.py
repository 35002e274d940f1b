"""What many test files need, defined once: hw run the way a script runs it (installed,
no terminal), in this process (for generated examples), or at a real pseudo-terminal;
entries and answers made for a test; screens read back as words. Fixtures live in
conftest.py; everything here is a plain function or constant, imported by name."""

from __future__ import annotations

import datetime as dt
import gc
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

HW = shutil.which("hw", path=os.path.dirname(sys.executable)) or shutil.which("hw")
REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
# The environment most screen tests read hw in: one time zone, 80 columns.
ENV = {"TZ": "UTC", "COLUMNS": "80"}


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


# ---------------------------------------------------------------- running hw


# The `hw` script as a current pip (26 on) or uv writes it, for `python -X importtime
# -c LAUNCHER ARGS`: nothing imported before hw's own (an older pip's imports `re`).
LAUNCHER = "import sys; from hwjournal.cli import main; sys.exit(main())"


def hw_imports(*args: str, env: dict[str, str] | None = None) -> tuple[Result, set[str]]:
    """Run hw (as LAUNCHER) with Python's own record of every module it imports (-X
    importtime, which nothing the check loads can hide from); its result (stderr
    without the record) and the modules. `env` replaces the environment when given."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", LAUNCHER, *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=env,
        timeout=60,
    )
    record = [line for line in proc.stderr.splitlines() if line.startswith("import time:")]
    imported = {line.rsplit("|", 1)[1].strip() for line in record}
    said = "".join(
        line + "\n" for line in proc.stderr.splitlines() if not line.startswith("import time:")
    )
    assert "hwjournal.cli" in imported, "the record lists nothing: the check proves nothing"
    return Result(proc.returncode, proc.stdout, said), imported


def run_hw(
    *args: str, input: str | None = None, env: dict[str, str] | None = None, timeout: float = 60
) -> Result:
    """Run the installed hw as a script would: no terminal, stdin a pipe. The timeout
    is there only to end a hang."""
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


def hw_in(home: Path, *args: str, **env: str) -> Result:
    """The installed hw with its home at `home` (and ENV); it must succeed."""
    result = run_hw(*args, env={**ENV, "HW_HOME": str(home), **env})
    assert result.code == 0, (args, result.err)
    return result


def hw_here(
    *args: str, input: str = "", settle: bool = False, env: dict[str, str] | None = None
) -> Result:
    """hw through its one exit point in this process: the same code and streams as the
    installed command (text over bytes, as a terminal or pipe gives), without its
    start-up time, so generated examples can be many. `settle` closes any journal
    connection at once, as the end of a process would; `env` is added to the
    environment for the call."""
    from hwjournal import cli

    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    stdin = io.TextIOWrapper(io.BytesIO(input.encode("utf-8")), encoding="utf-8", newline="")
    with (
        mock.patch.dict(os.environ, env or {}),
        mock.patch.object(sys, "stdout", out),
        mock.patch.object(sys, "stderr", err),
        mock.patch.object(sys, "stdin", stdin),
    ):
        code = cli.main(list(args))
    if settle:
        gc.collect()
    out.flush()
    err.flush()
    # a file name that is not UTF-8 is written back as its bytes (cli._file_names_as_bytes)
    return Result(
        code,
        out.buffer.getvalue().decode(errors="surrogateescape"),
        err.buffer.getvalue().decode(errors="surrogateescape"),
    )


def spawn_hw(
    *args: str,
    env: dict[str, str] | None = None,
    timeout: float = 60,
    dimensions: tuple[int, int] = (40, 100),
):
    """Run the installed hw at a real pseudo-terminal (rows, columns), as a person would.
    The timeout is how long one expect waits: generous, so that only a hang reaches it,
    however busy the machine."""
    import pexpect

    full_env = dict(os.environ)
    full_env.update(env or {})
    return pexpect.spawn(
        HW, list(args), env=full_env, encoding="utf-8", timeout=timeout, dimensions=dimensions
    )


def interrupt(child, reaction: str, tries: int = 3) -> None:
    """Ctrl-C as a person presses it, and again if the first was lost, until hw shows
    `reaction`. Python's readline misses a SIGINT that lands after it printed its prompt
    but before it waits for a key (the signal is noted, then nothing checks it until the
    next key); a person in that instant just presses Ctrl-C again."""
    import pexpect

    for attempt in range(tries):
        child.sendcontrol("c")
        last = attempt == tries - 1
        if child.expect([reaction, pexpect.TIMEOUT], timeout=60 if last else 5) == 0:
            return
    raise AssertionError(f"{reaction!r} never came after {tries} presses of Ctrl-C")


def finish(child) -> int:
    """Wait for the child to end; its exit status."""
    import pexpect

    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


# ---------------------------------------------------------------- files on disk


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


# ---------------------------------------------------------------- screens as words


def flat(text: str | Sequence[str]) -> str:
    """Screen text (or its lines) as one line of words: panel borders, carriage
    returns and line breaks taken out, runs of spaces made one."""
    if not isinstance(text, str):
        text = " ".join(text)
    for char in "│╭╮╰╯─\r":
        text = text.replace(char, " ")
    return " ".join(text.split())


# ---------------------------------------------------------------- answers


def phq9_items(q9: int = 0, **others: int) -> list[int]:
    """The nine PHQ-9 answers: item 9 as given, the others 0 unless named (q1=2)."""
    return [others.get(f"q{number}", 0) for number in range(1, 9)] + [q9]


def phq9_of_total(total: int) -> list[int]:
    """Nine PHQ-9 answers that add up to `total` (0 to 24), item 9 always 0."""
    values = [min(3, max(0, total - 3 * i)) for i in range(9)]
    assert sum(values) == total and values[8] == 0, total
    return values


def item_flags(values: Sequence[int], flag: str = "--answer") -> list[str]:
    """--answer q1=… q2=… flags for a questionnaire's items, in order."""
    return [part for i, v in enumerate(values, 1) for part in (flag, f"q{i}={v}")]


def phq9(home: Path, day: str, values: Sequence[int] | int, *extra: str) -> Result:
    """A PHQ-9 entry on `day`, from its nine answers or a total."""
    items = phq9_of_total(values) if isinstance(values, int) else values
    return hw_in(home, "start", "phq-9", "--date", day, "--no-input", *item_flags(items), *extra)


def sample_answer(step: Any, low: bool = False) -> Any:
    """A valid answer for any built-in step type, as the entry JSON keeps it: the
    highest (or with `low`, the lowest, so no alert fires) of a scale. One table for
    every test; tests/test_step_types.py checks it covers every registered type."""
    kind = step.type
    makers = {
        "text": lambda: f"a line for {step.id}",
        "long": lambda: f"first line for {step.id}\n\nand a second paragraph",
        "scale": lambda: int(step.min if low else step.max),
        "number": lambda: step.min if step.min is not None else 2.5,
        "choice": lambda: step.options[-1],
        "multi": lambda: step.options[:2],
        "list": lambda: [f"first {step.id}", f"second {step.id}"],
        "yesno": lambda: False,
        "timer": lambda: 90,
    }
    return makers[kind]()


SAMPLED_TYPES = {"text", "long", "scale", "number", "choice", "multi", "list", "yesno", "timer"}


def answer_flags(template: Any) -> list[str]:
    """--answer flags for every step of a template, as a script would type them: no
    scale at a level that alerts."""
    flags: list[str] = []
    for step in template.answerable_steps:
        value = sample_answer(step, low=True)
        if isinstance(value, bool):
            texts = ["y" if value else "n"]
        elif isinstance(value, list):
            texts = [str(v) for v in value]
        elif isinstance(value, float) and value.is_integer():
            texts = [str(int(value))]
        else:
            texts = [str(value)]
        flags += [part for text in texts for part in ("--answer", f"{step.id}={text}")]
    return flags


# ---------------------------------------------------------------- entries


def make_entry(
    day: str | dt.date,
    template: str = "gratitude",
    *,
    title: str | None = None,
    status: str = "complete",
    answers: dict[str, Any] | None = None,
    created_at: str | None = None,
    **fields: Any,
):
    """An Entry as hw would keep it, not yet in a journal (fields: mood, private,
    steps, tags, id, uid, …)."""
    from hwjournal.journal import Entry, new_uid

    day = day.isoformat() if isinstance(day, dt.date) else day
    return Entry(
        id=fields.pop("id", None),
        uid=fields.pop("uid", None) or new_uid(),
        template=template,
        title=title or template.replace("-", " ").capitalize(),
        date=day,
        created_at=created_at or f"{day}T10:00:00+00:00",
        status=status,
        answers=answers if answers is not None else {"things": ["x"]},
        **fields,
    )


def add_entry(where: Any, day: str | dt.date, template: str = "gratitude", **kw: Any):
    """make_entry, written straight to a journal (quicker than hw start where only
    its fields matter). `where` is an open Journal, or a journal's path or a home
    folder (opened and closed here); with `link=True` the entry is linked to the
    assignment live on its date, as hw start links it."""
    from hwjournal import plans
    from hwjournal.journal import Journal

    link = kw.pop("link", False)
    entry = make_entry(day, template, **kw)
    if isinstance(where, Journal):
        journal, own = where, False
    else:
        path = Path(where)
        journal, own = Journal.open(str(path / "journal.db" if path.is_dir() else path)), True
    try:
        if link:
            entry.assignment_id = plans.assignment_for(journal, template, entry.date)
        return journal.add(entry)
    finally:
        if own:
            journal.close()


# ---------------------------------------------------------------- encrypted journals

PASSPHRASE = "correct horse battery"
PLAIN_HEADER = b"SQLite format 3\x00"
RECOVERY = re.compile(r"^([0-9A-Z]{4}-){13}[0-9A-Z]{4}$")


def command_for(passphrase: str) -> dict[str, str]:
    """The environment that gives hw `passphrase` through HW_PASSPHRASE_COMMAND."""
    return {"HW_PASSPHRASE_COMMAND": f"printf '%s\\n' '{passphrase}'"}


WITH_PASSPHRASE = command_for(PASSPHRASE)


def checkin(note: str, *envs: dict[str, str]) -> str:
    """A mood check-in through the installed hw, with `note`; its id."""
    env: dict[str, str] = {}
    for pairs in envs:
        env.update(pairs)
    done = run_hw(
        "start", "mood-checkin", "--answer", "mood=3", "--answer", f"note={note}", "--no-input",
        env=env,
    )  # fmt: skip
    assert done.code == 0, done.err
    return done.out.strip()


def encrypt_quickly(journal_path: Path, passphrase: str = PASSPHRASE) -> str:
    """What hw encrypt does, in-process, with a key file of low scrypt cost (a key file
    records its own cost) so that each opening by passphrase takes milliseconds; the
    recovery key."""
    from hwjournal.journal import Journal, convert, keyfile

    if not journal_path.exists():
        Journal.open(str(journal_path)).close()
    key = keyfile.new_data_key()
    keyfile.write(str(journal_path), keyfile.wrap(key, passphrase, n=2**12))
    convert.encrypt(str(journal_path), key)
    return keyfile.recovery_key(key)


# ---------------------------------------------------------------- languages


def spec_texts() -> set[str]:
    """Every help text spec.py declares: the app's, each group's, command's, option's
    and argument's."""
    from hwjournal import spec

    texts = {spec.HELP}
    slots = [*spec.GLOBALS, spec.GLOBAL_VERSION]
    for group in spec.GROUPS.values():
        texts.add(group.help)
        slots += group.options
    for command in spec.COMMANDS:
        texts.add(command.help)
        slots += [*command.options, *command.args]
    texts |= {slot.help for slot in slots if slot.help}
    return texts
