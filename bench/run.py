"""Time `hw` the way people run it: as whole processes, from a shell prompt or cron.

For each journal size it writes a realistic journal (bench/generate.py), imports it
with `hw import`, then times every command several times (warm-up runs first, then
the median, fastest and slowest of the rest) next to `python -c pass`, the floor no
Python program can go below. Peak memory is each process's own (os.wait4). It
prints a Markdown table, then says which targets are met.

    .venv/bin/python bench/run.py                 # 1,000, 10,000, 100,000 and heavy
    .venv/bin/python bench/run.py --quick         # a small journal, a few runs
    .venv/bin/python bench/run.py --sizes 10000 --runs 20
    .venv/bin/python bench/run.py --sizes 100000,heavy

`heavy` is 100,000 entries kept every day for 30 years (about nine a day, the last
week too): the longest streak and the fullest week a journal of that size can have.

Commands that hw does not have (yet) show as n/a. Where `jrnl` is on PATH, the same
journal is also written in jrnl's text format and the equivalent jrnl commands are
timed alongside. Standard library plus hwjournal only.

Where hw has its encryption extra, a copy of each journal is encrypted (`hw encrypt`,
timed once), unlocked (`hw unlock`, in a private runtime folder of the bench's own),
and `hw due` and `hw log` are timed on it in the same rounds as the plain ones:
the rows marked "encrypted". `--no-encrypted` leaves them out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import fallback_load  # noqa: E402
import generate  # noqa: E402

DEFAULT_SIZES = "1000,10000,100000,heavy"
QUICK_SIZE = 300
HEAVY = "heavy"
HEAVY_ENTRIES = 100_000
MB = 1024 * 1024

# Targets, at the largest size measured (100,000 entries by default).
PROMPT_COMMANDS = ("due", "log")  # within 2.5x the floor
PROMPT_LIMIT = 2.5
ENCRYPTED_COMMANDS = ("due-encrypted", "log-encrypted")  # unlocked: within 3x the floor
ENCRYPTED_LIMIT = 3.0
PASSPHRASE = "bench passphrase, not a secret"
OTHER_LIMIT = 8.0
# Ten years of trends read ten years of days, scores and homework: within 15× the floor.
LIMITS = {"trends_years": 15.0}
TREND_DAYS = 3652  # ten years back from the week W
IMPORT_LIMIT_S = 15.0
MEMORY_LIMIT_MB = 60.0
SIZE_FREE = ("due", "log", "week", "export")  # cost should not grow with the journal
# Measured against the floor of its own size (sizes run minutes apart, and the machine
# may be busier for one of them): at most 15% more of the floor at the largest size.
SIZE_FREE_SLACK = 1.15
# On the heavy journal (nine entries a day, a 30-year streak) the week's own commands
# stay within 5x the floor: neither the fuller week nor the streak may cost much.
HEAVY_COMMANDS = ("week", "export")
HEAVY_LIMIT = 5.0


class Size:
    """One journal to time: how many entries, and whether it was kept every day."""

    def __init__(self, entries: int, daily: bool = False) -> None:
        self.entries = entries
        self.daily = daily

    @classmethod
    def parse(cls, text: str) -> Size:
        """A whole number of entries (1000, 100_000), or `heavy`."""
        text = text.strip().lower()
        if text == HEAVY:
            return cls(HEAVY_ENTRIES, daily=True)
        return cls(int(text.replace("_", "")))

    @property
    def key(self) -> str:
        return HEAVY if self.daily else str(self.entries)

    @property
    def label(self) -> str:
        return f"{self.entries:,} daily" if self.daily else f"{self.entries:,}"

    def order(self) -> tuple[bool, int]:
        return (self.daily, self.entries)


class Command:
    """One row of the table: hw's arguments and, where jrnl has one, jrnl's."""

    def __init__(
        self, key: str, label: str, hw: list[str] | None, jrnl: list[str] | None, kind: str
    ) -> None:
        self.key = key
        self.label = label
        self.hw = hw
        self.jrnl = jrnl
        self.kind = kind  # floor | read | encrypted | write | import | encrypt


def last_monday(end: str) -> dt.date:
    """The Monday of the last whole week before `end`: inside the generator's recent
    block, so the week holds the same entries at every size."""
    day = dt.date.fromisoformat(end)
    return day - dt.timedelta(days=day.weekday() + 7)


def commands(week: dt.date, corpus: str) -> list[Command]:
    """What is timed. `week` is the Monday of a week inside the generator's recent
    block, which is the same at every size."""
    label = "{}-W{:02d}".format(*week.isocalendar()[:2])
    sunday = (week + dt.timedelta(days=6)).isoformat()
    monday = week.isoformat()
    years_ago = (week - dt.timedelta(days=TREND_DAYS)).isoformat()
    word = generate.SEARCH_WORD
    return [
        Command("floor", "python -c pass", None, None, "floor"),
        Command("version", "hw --version", ["--version"], ["--version"], "read"),
        Command("due", "hw due --json", ["due", "--json"], None, "read"),
        Command(
            "log", "hw log -n 10 --json", ["log", "-n", "10", "--json"],
            ["-n", "10", "--format", "json"], "read",
        ),
        Command(
            "search", f"hw log --search {word} -n 10", ["log", "--search", word, "-n", "10"],
            ["-contains", word, "-n", "10"], "read",
        ),
        Command(
            "week", f"hw week {label} --json", ["week", label, "--json"],
            ["-from", monday, "-to", sunday, "--format", "json"], "read",
        ),
        Command(
            "export", f"hw export --week {label}", ["export", "--week", label],
            ["-from", monday, "-to", sunday, "--format", "markdown"], "read",
        ),
        Command("trends", "hw trends", ["trends"], None, "read"),
        Command(
            "trends_years", f"hw trends --since {years_ago}", ["trends", "--since", years_ago],
            None, "read",
        ),
        Command(
            "start", "hw start reframe-log --no-input",
            [
                "start", "reframe-log", "--answer", "thought=I will never catch up",
                "--answer", "reframe=I am catching up one thing at a time",
                "--tag", "bench", "--no-input",
            ],
            ["Bench entry: I will never catch up. I am catching up one thing at a time."],
            "write",
        ),
        Command(
            "import", "hw import FILE --format hw-json",
            ["import", corpus, "--format", "hw-json"], None, "import",
        ),
        Command("encrypt", "hw encrypt (once)", ["encrypt"], None, "encrypt"),
        Command(
            "due-encrypted", "hw due --json (encrypted, unlocked)", ["due", "--json"], None,
            "encrypted",
        ),
        Command(
            "log-encrypted", "hw log -n 10 --json (encrypted, unlocked)",
            ["log", "-n", "10", "--json"], None, "encrypted",
        ),
    ]  # fmt: skip


# ---------------------------------------------------------------- running


# The timer runs in its own small Python process. A process's peak memory
# (ru_maxrss) starts from the memory of the process that spawned it, so spawning
# from this script (tens of MB once it has written a journal) would overstate
# every command; the launcher is about as small as `python -c pass`.
LAUNCHER = r"""
import os, sys, time
actions = [
    (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
    (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
    (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
]
unit = 1024 * 1024 if sys.platform == "darwin" else 1024
for line in sys.stdin.buffer:
    fields = [f.decode("ascii").encode("latin-1").decode("unicode_escape")
              for f in line.rstrip(b"\n").split(b" ")]
    count = int(fields[0])
    argv, pairs = fields[1:count + 1], fields[count + 1:]
    env = dict(pair.split("=", 1) for pair in pairs)
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, env, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    sys.stdout.write(f"{elapsed!r} {usage.ru_maxrss / unit!r} {code}\n")
    sys.stdout.flush()
"""


def _escape(text: str) -> str:
    return text.encode("unicode_escape").decode("ascii").replace(" ", "\\x20")


class Launcher:
    """Runs commands with stdin, stdout and stderr on /dev/null (no terminal, as in
    cron) and reports (seconds, peak memory in MB, exit code) for each."""

    def __init__(self, python: str) -> None:
        self.proc = subprocess.Popen(
            [python, "-S", "-I", "-c", LAUNCHER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, argv: list[str], env: dict[str, str]) -> tuple[float, float, int]:
        fields = [str(len(argv)), *argv, *(f"{k}={v}" for k, v in env.items())]
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(" ".join(_escape(f) for f in fields) + "\n")
        self.proc.stdin.flush()
        reply = self.proc.stdout.readline().split()
        if len(reply) != 3:
            raise RuntimeError(f"the timing launcher stopped while running {argv}")
        return float(reply[0]), float(reply[1]), int(reply[2])

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait()


def check(argv: list[str], env: dict[str, str]) -> tuple[str, str]:
    """Run once, looking at the output: ("ok", ""), ("n/a", why) for a command hw does
    not have, or ("failed", why)."""
    proc = subprocess.run(
        argv, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=900
    )
    if proc.returncode == 0:
        return "ok", ""
    err = proc.stderr.strip().splitlines()
    first = err[0] if err else f"exit {proc.returncode}"
    if "no such command" in proc.stderr.lower():
        return "n/a", first
    return "failed", f"exit {proc.returncode}: {first}"


class Timing:
    def __init__(self) -> None:
        self.times: list[float] = []
        self.peaks: list[float] = []
        self.status = "ok"
        self.note = ""

    def add(self, seconds: float, peak: float, code: int) -> None:
        if code != 0:
            self.status, self.note = "failed", f"exit {code} during timing"
        self.times.append(seconds * 1000)
        self.peaks.append(peak)

    @property
    def ok(self) -> bool:
        return self.status == "ok" and bool(self.times)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"status": self.status, "note": self.note}
        if self.ok:
            data.update(
                median_ms=round(self.median, 2),
                min_ms=round(min(self.times), 2),
                max_ms=round(max(self.times), 2),
                peak_mb=round(max(self.peaks), 1),
                runs=len(self.times),
            )
        return data


def clean_env(home: str) -> dict[str, str]:
    """The environment hw runs in: its own HW_HOME, and Python allowed to keep its
    bytecode cache, as an installed program has (PYTHONDONTWRITEBYTECODE would make
    every run compile hw's modules from source)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HW_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["HW_HOME"] = home
    return env


def time_rounds(
    launcher: Launcher, jobs: list[tuple[str, list[str], dict[str, str]]], warmup: int, runs: int
) -> dict[str, Timing]:
    """Round-robin: every job once per round, so a busy moment on the machine falls on
    all of them alike instead of on one command."""
    timings = {key: Timing() for key, _, _ in jobs}
    for round_number in range(warmup + runs):
        for key, argv, env in jobs:
            seconds, peak, code = launcher.run(argv, env)
            if round_number >= warmup:
                timings[key].add(seconds, peak, code)
    return timings


# ---------------------------------------------------------------- one size


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.hw = args.hw
        self.python = args.python
        self.jrnl = None if args.no_jrnl else (args.jrnl or shutil.which("jrnl"))
        self.work = tempfile.mkdtemp(prefix="hw-bench-")
        self.launcher = Launcher(sys.executable)
        self.results: dict[str, dict[str, dict[str, Any]]] = {}
        self.sizes: dict[str, Size] = {}
        self.notes: list[str] = []
        self.load = [load_average()]

    def say(self, message: str) -> None:
        sys.stderr.write(message + "\n")
        sys.stderr.flush()

    def corpus(self, size: Size) -> tuple[str, str | None]:
        """The hw-json file (and jrnl text file) for this size, made once and kept."""
        os.makedirs(self.args.corpus_dir, exist_ok=True)
        stem = os.path.join(
            self.args.corpus_dir, f"journal-{size.key}-seed{self.args.seed}-{self.args.end}"
        )
        path, text = stem + ".json", (stem + ".txt" if self.jrnl else None)
        if not os.path.exists(path) or (text and not os.path.exists(text)):
            self.say(f"Writing a {size.label}-entry journal to {path} ...")
            end = dt.date.fromisoformat(self.args.end)
            generate.generate(
                size.entries, path + ".part", self.args.seed, end, jrnl_path=text,
                daily=size.daily,
            )  # fmt: skip
            os.replace(path + ".part", path)
        return path, text

    def run_size(self, size: Size) -> None:
        self.sizes[size.key] = size
        corpus, text = self.corpus(size)
        home = os.path.join(self.work, f"home-{size.key}")
        os.makedirs(home)
        env = clean_env(home)
        table = {c.key: c for c in commands(last_monday(self.args.end), corpus)}
        results: dict[str, Timing] = {}

        results["import"] = self.time_import(size, table["import"], corpus, home)
        encrypted_env = None
        if not self.args.no_encrypted:
            results["encrypt"], encrypted_env = self.encrypted_copy(size, home)

        reads = [c for c in table.values() if c.kind in ("floor", "read", "encrypted")]
        jobs = []
        for command in reads:
            argv = (
                [self.python, "-c", "pass"] if command.kind == "floor" else [self.hw, *command.hw]
            )
            job_env = encrypted_env if command.kind == "encrypted" else env
            if command.kind == "encrypted" and job_env is None:
                continue
            if command.kind != "floor":
                status, why = check(argv, job_env)
                if status != "ok":
                    results[command.key] = self.unavailable(status, why)
                    continue
            jobs.append((command.key, argv, job_env))
        self.say(f"Timing {len(jobs)} commands at {size.label} entries ...")
        results.update(time_rounds(self.launcher, jobs, self.args.warmup, self.args.runs))
        if encrypted_env is not None:
            subprocess.run([self.hw, "lock"], env=encrypted_env, capture_output=True)

        start = table["start"]
        argv = [self.hw, *start.hw]
        status, why = check(argv, env)
        if status == "ok":
            results["start"] = time_rounds(
                self.launcher, [("start", argv, env)], self.args.warmup, self.args.runs
            )["start"]
        else:
            results["start"] = self.unavailable(status, why)

        jrnl_results = self.time_jrnl(size, text, table) if self.jrnl and text else {}
        self.results[size.key] = {
            key: {
                "hw": timing.as_json(),
                "jrnl": jrnl_results[key].as_json() if key in jrnl_results else None,
            }
            for key, timing in results.items()
        }

    def encrypted_copy(self, size: Size, home: str) -> tuple[Timing, dict[str, str] | None]:
        """A copy of the journal, encrypted with `hw encrypt` (timed once) and unlocked;
        the environment that reads it, or None when hw cannot encrypt here."""
        enc_home = os.path.join(self.work, f"encrypted-{size.key}")
        runtime = os.path.join(self.work, f"runtime-{size.key}")
        os.makedirs(enc_home)
        os.makedirs(runtime, mode=0o700)
        for suffix in ("", "-wal", "-shm"):
            source = os.path.join(home, "journal.db" + suffix)
            if os.path.exists(source):
                shutil.copy2(source, os.path.join(enc_home, "journal.db" + suffix))
        env = dict(clean_env(enc_home), XDG_RUNTIME_DIR=runtime)
        with_passphrase = dict(env, HW_PASSPHRASE_COMMAND=f"echo '{PASSPHRASE}'")
        timing = Timing()
        status, why = check([self.hw, "encrypt", "--help"], env)
        if status != "ok":
            timing.status, timing.note = status, why
            return timing, None
        self.say(f"Encrypting a copy of the {size.label}-entry journal ...")
        timing.add(*self.launcher.run([self.hw, "encrypt"], with_passphrase))
        if timing.ok:
            status, why = check([self.hw, "unlock", "--for", "1h"], with_passphrase)
            if status != "ok":
                timing.status, timing.note = status, why
        if not timing.ok:
            self.notes.append(
                f"{size.label} entries: no encrypted rows ({timing.note or 'hw encrypt failed'}; "
                "is the encryption extra installed?)."
            )
            return timing, None
        return timing, env

    def unavailable(self, status: str, why: str) -> Timing:
        timing = Timing()
        timing.status, timing.note = status, why
        return timing

    def time_import(self, size: Size, command: Command, corpus: str, home: str) -> Timing:
        """Import into a new journal each run; the last one is the journal the reads use.
        Without a working `hw import`, the bench's fallback loader fills it instead."""
        timing = Timing()
        runs = self.args.import_runs
        total = 1 + runs  # the first run is the warm-up
        for number in range(total):
            run_home = os.path.join(self.work, f"import-{size.key}-{number}")
            os.makedirs(run_home)
            env = clean_env(run_home)
            argv = [self.hw, *command.hw]
            if number == 0:
                self.say(f"Importing {size.label} entries with hw import ...")
                status, why = check(argv, env)
                if status != "ok":
                    timing.status, timing.note = status, why
                    break
            else:
                timing.add(*self.launcher.run(argv, env))
            if number < total - 1:
                shutil.rmtree(run_home)
        journal = os.path.join(home, "journal.db")
        if timing.ok:
            for suffix in ("", "-wal", "-shm"):
                source = os.path.join(run_home, "journal.db" + suffix)
                if os.path.exists(source):
                    os.replace(source, journal + suffix)
            shutil.rmtree(run_home)
        else:
            shutil.rmtree(run_home, ignore_errors=True)
            self.say(f"hw import is not available ({timing.note}); using the fallback loader.")
            fallback_load.load(corpus, journal)
            self.notes.append(
                f"{size.label} entries: the journal was loaded by bench/fallback_load.py, "
                f"not by hw import ({timing.status}: {timing.note})."
            )
        return timing

    def time_jrnl(self, size: Size, text: str, table: dict[str, Command]) -> dict[str, Timing]:
        folder = os.path.join(self.work, f"jrnl-{size.key}")
        os.makedirs(folder)
        journal = os.path.join(folder, "journal.txt")
        shutil.copyfile(text, journal)
        config = os.path.join(folder, "jrnl.yaml")
        with open(config, "w", encoding="utf-8") as fh:
            fh.write(JRNL_CONFIG.format(journal=journal))
        env = dict(os.environ, HOME=folder, XDG_CONFIG_HOME=folder, XDG_DATA_HOME=folder)
        jobs, results = [], {}
        for command in table.values():
            if command.jrnl is None:
                continue
            argv = [self.jrnl, "--config-file", config, *command.jrnl]
            status, why = check(argv, env)
            if status != "ok":
                results[command.key] = self.unavailable(status, why)
                continue
            jobs.append((command.key, argv, env))
        self.say(f"Timing {len(jobs)} jrnl commands at {size.label} entries ...")
        reads = [job for job in jobs if table[job[0]].kind != "write"]
        writes = [job for job in jobs if table[job[0]].kind == "write"]
        results.update(time_rounds(self.launcher, reads, self.args.warmup, self.args.runs))
        results.update(time_rounds(self.launcher, writes, self.args.warmup, self.args.runs))
        return results


JRNL_CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.1
"""


# ---------------------------------------------------------------- reporting


def ms(value: float) -> str:
    return f"{value:,.1f}" if value < 10_000 else f"{value:,.0f}"


def versus(hw: float, jrnl: float) -> str:
    """hw : jrnl as people say it: 1 : 40 when hw is forty times quicker."""
    if hw <= jrnl:
        return f"1 : {jrnl / hw:,.1f}"
    return f"{hw / jrnl:,.1f} : 1"


Results = dict[str, dict[str, dict[str, Any]]]  # size key -> command key -> {"hw", "jrnl"}


def table(results: Results, sizes: dict[str, Size], labels: dict[str, str]) -> str:
    with_jrnl = any(row.get("jrnl") for rows in results.values() for row in rows.values())
    header = ["entries", "command", "median ms", "min–max ms", "× floor", "peak MB"]
    if with_jrnl:
        header += ["jrnl median ms", "hw : jrnl"]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for size, rows in results.items():
        floor = rows.get("floor", {}).get("hw", {})
        for key, label in labels.items():
            row = rows.get(key)
            if row is None:
                continue
            hw = row["hw"]
            cells = [sizes[size].label, f"`{label}`"]
            if hw["status"] != "ok":
                cells += [hw["status"], "", "", ""]
            else:
                ratio = (
                    f"{hw['median_ms'] / floor['median_ms']:.2f}"
                    if floor.get("status") == "ok"
                    else ""
                )
                cells += [
                    ms(hw["median_ms"]),
                    f"{ms(hw['min_ms'])}–{ms(hw['max_ms'])}",
                    ratio,
                    f"{hw['peak_mb']:.1f}",
                ]
            if with_jrnl:
                jrnl = row.get("jrnl")
                if key == "floor":
                    cells += ["", ""]
                elif not jrnl or jrnl["status"] != "ok":
                    cells += ["n/a", ""]
                else:
                    both = hw["status"] == "ok"
                    cells += [
                        ms(jrnl["median_ms"]),
                        versus(hw["median_ms"], jrnl["median_ms"]) if both else "",
                    ]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def verdicts(results: Results, sizes: dict[str, Size]) -> list[str]:
    """Each target, met or not, and by how much, at the largest size (of the journals
    with a few entries a day), then the heavy journal's own target."""
    measured = [sizes[key] for key in results]
    plain = [s for s in measured if not s.daily] or measured
    largest = max(plain, key=Size.order)
    size = largest.label
    rows = {key: row["hw"] for key, row in results[largest.key].items()}
    floor = rows["floor"]["median_ms"]
    out = [f"Targets at {size} entries (floor {ms(floor)} ms):"]

    def line(ok: bool | None, text: str) -> None:
        mark = "n/a" if ok is None else ("met" if ok else "NOT met")
        out.append(f"- {mark}: {text}")

    for key, row in rows.items():
        if key in ("floor", "import", "encrypt"):
            continue
        limit = LIMITS.get(
            key,
            PROMPT_LIMIT
            if key in PROMPT_COMMANDS
            else ENCRYPTED_LIMIT
            if key in ENCRYPTED_COMMANDS
            else OTHER_LIMIT,
        )
        if row["status"] != "ok":
            line(None, f"{key} within {limit}× the floor ({row['status']})")
            continue
        ratio = row["median_ms"] / floor
        line(
            ratio <= limit,
            f"{key} within {limit}× the floor: {ratio:.2f}× ({ms(row['median_ms'])} ms, "
            f"limit {ms(limit * floor)} ms)",
        )
    imported = rows.get("import", {})
    if imported.get("status") == "ok":
        seconds = imported["median_ms"] / 1000
        line(seconds < IMPORT_LIMIT_S, f"import under {IMPORT_LIMIT_S:.0f} s: {seconds:.1f} s")
    else:
        line(None, f"import under {IMPORT_LIMIT_S:.0f} s ({imported.get('status', 'not run')})")
    # hw encrypt's scrypt takes 128 MiB on purpose (that is what makes guessing slow)
    peaks = {k: r["peak_mb"] for k, r in rows.items() if r.get("status") == "ok" and k != "encrypt"}
    if peaks:
        worst = max(peaks, key=peaks.get)
        line(
            peaks[worst] <= MEMORY_LIMIT_MB,
            f"every command under {MEMORY_LIMIT_MB:.0f} MB: the most is {worst} at "
            f"{peaks[worst]:.1f} MB",
        )
    smallest = min(plain, key=Size.order)
    if smallest is not largest:
        small_rows = results[smallest.key]
        small_floor = small_rows.get("floor", {}).get("hw", {})
        for key in SIZE_FREE:
            small = small_rows.get(key, {}).get("hw", {})
            large = rows.get(key, {})
            if small.get("status") != "ok" or large.get("status") != "ok":
                line(None, f"{key} does not grow with the journal (not measured)")
                continue
            before = small["median_ms"] / small_floor["median_ms"]
            after = large["median_ms"] / floor
            line(
                after <= before * SIZE_FREE_SLACK,
                f"{key} does not grow with the journal: {before:.2f}× the floor at "
                f"{smallest.label} entries, {after:.2f}× at {size} "
                f"({ms(small['median_ms'])} ms, {ms(large['median_ms'])} ms)",
            )
    for heavy in measured:
        if heavy.daily:
            out += heavy_verdicts(results[heavy.key], heavy)
    return out


def heavy_verdicts(rows: dict[str, dict[str, Any]], size: Size) -> list[str]:
    """The week's commands on a journal kept every day: a full week, a long streak."""
    floor = rows.get("floor", {}).get("hw", {})
    head = (
        f"Targets at {size.label} entries (every day for years; floor {ms(floor['median_ms'])} ms):"
    )
    out = ["", head]
    for key in HEAVY_COMMANDS:
        row = rows.get(key, {}).get("hw", {})
        if row.get("status") != "ok":
            out.append(f"- n/a: {key} within {HEAVY_LIMIT}× the floor ({row.get('status')})")
            continue
        ratio = row["median_ms"] / floor["median_ms"]
        mark = "met" if ratio <= HEAVY_LIMIT else "NOT met"
        out.append(
            f"- {mark}: {key} within {HEAVY_LIMIT}× the floor: {ratio:.2f}× "
            f"({ms(row['median_ms'])} ms, limit {ms(HEAVY_LIMIT * floor['median_ms'])} ms)"
        )
    return out


def load_average() -> str:
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "?"


def machine(python: str) -> str:
    probe = (
        "import sys, sqlite3, platform; "
        "print(sys.version.split()[0], sqlite3.sqlite_version, platform.platform())"
    )
    found = subprocess.run([python, "-c", probe], capture_output=True, text=True).stdout.split()
    version, sqlite, system = [*found, "?", "?", "?"][:3]
    return (
        f"Machine: {os.cpu_count()} CPUs (nproc), Python {version}, SQLite {sqlite}, {system}, "
        f"{platform.machine()}; {dt.date.today().isoformat()}."
    )


# ---------------------------------------------------------------- command line


def interpreter_of(script: str) -> str:
    """The Python the hw script runs with, so the floor is measured with the same one."""
    try:
        with open(script, "rb") as fh:
            first = fh.readline().decode("utf-8", "replace").strip()
    except OSError:
        return sys.executable
    found = first[2:]
    if (
        first.startswith("#!")
        and os.path.basename(found).startswith("python")
        and os.path.exists(found)
    ):
        return found
    return sys.executable


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default=DEFAULT_SIZES,
        help=f"journal sizes, comma-separated; heavy is {HEAVY_ENTRIES:,} entries kept "
        f"every day (default {DEFAULT_SIZES})",
    )
    parser.add_argument(
        "--quick", action="store_true", help=f"one {QUICK_SIZE}-entry journal, few runs"
    )
    parser.add_argument("--runs", type=int, help="timed runs per command (default 15; quick 3)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs first (default 1)")
    parser.add_argument(
        "--import-runs",
        type=int,
        help="timed imports per size, after one warm-up (default 3; quick 1)",
    )
    parser.add_argument("--hw", help="the hw command (default: next to this Python, or on PATH)")
    parser.add_argument("--python", help="the Python for the floor (default: the one hw runs with)")
    parser.add_argument("--jrnl", help="the jrnl command to compare with (default: on PATH)")
    parser.add_argument("--no-jrnl", action="store_true", help="do not time jrnl")
    parser.add_argument(
        "--no-encrypted", action="store_true", help="leave out the encrypted journal's rows"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--end", default=dt.date.today().isoformat(), help="the journal's last day")
    parser.add_argument(
        "--corpus-dir",
        default=os.path.join(HERE, "out"),
        help="where generated journals are kept between runs (default bench/out)",
    )
    parser.add_argument("--markdown", metavar="FILE", help="also write the report here")
    parser.add_argument("--json", metavar="FILE", help="also write the raw numbers here")
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    args = parser.parse_args(argv)  # fmt: skip
    if args.quick:
        args.sizes = str(QUICK_SIZE) if args.sizes == parser.get_default("sizes") else args.sizes
    args.runs = args.runs if args.runs is not None else (3 if args.quick else 15)
    args.import_runs = (
        args.import_runs if args.import_runs is not None else (1 if args.quick else 3)
    )
    try:
        found = {size.key: size for size in map(Size.parse, filter(None, args.sizes.split(",")))}
    except ValueError:
        parser.error(f"--sizes takes whole numbers or heavy, like 1000,heavy (not {args.sizes!r})")
    args.size_list = sorted(found.values(), key=Size.order)
    smallest = min((s.entries for s in args.size_list), default=0)
    if smallest < 1 or args.runs < 1 or args.import_runs < 1:
        parser.error("sizes, --runs and --import-runs need to be 1 or more")
    args.hw = (
        args.hw or shutil.which("hw", path=os.path.dirname(sys.executable)) or shutil.which("hw")
    )
    if not args.hw:
        parser.error("cannot find the hw command; install the project or pass --hw PATH")
    args.hw = os.path.abspath(args.hw)
    args.python = os.path.abspath(args.python or interpreter_of(args.hw))
    if args.jrnl:
        args.jrnl = shutil.which(args.jrnl) or args.jrnl
    return args


def script_note(script: str) -> str | None:
    """What the installed hw script loads before hw itself: pip before 26 writes one
    that imports re (about half a `python -c pass` on its own); uv and newer pip do not."""
    try:
        with open(script, encoding="utf-8", errors="replace") as fh:
            text = fh.read(4096)
    except OSError:
        return None
    if "\nimport re\n" in text:
        # the script's folder is one machine's: the report says which kind it is
        return (
            "The hw script measured was written by an installer that imports re before "
            "hw starts (pip before 26 does; uv and newer pip do not): that import is part "
            "of every hw row."
        )
    return None


def report(bench: Bench) -> str:
    monday = last_monday(bench.args.end)
    labels = {c.key: c.label for c in commands(monday, "FILE")}
    week = "{}-W{:02d}".format(*monday.isocalendar()[:2])
    parts = [
        machine(bench.python),
        f"Runs: {bench.args.warmup} warm-up + {bench.args.runs} timed per command "
        f"(import: 1 + {bench.args.import_runs}); W = {week}; "
        f"WORD = {generate.SEARCH_WORD}; load average {' → '.join(bench.load)} "
        "(other work on the machine slows the floor and hw alike, not always equally).",
        "",
        table(bench.results, bench.sizes, labels),
        "",
        *verdicts(bench.results, bench.sizes),
    ]
    notes = list(bench.notes)
    script = script_note(bench.hw)
    if script:
        notes.append(script)
    if notes:
        parts += ["", "Notes:", *(f"- {note}" for note in notes)]
    return "\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    bench = Bench(args)
    try:
        for size in args.size_list:
            bench.run_size(size)
    finally:
        bench.load.append(load_average())
        bench.launcher.close()
        if args.keep:
            bench.say(f"Kept the working folder: {bench.work}")
        else:
            shutil.rmtree(bench.work, ignore_errors=True)
    text = report(bench)
    sys.stdout.write(text)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as fh:
            fh.write(text)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(bench.results, fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
