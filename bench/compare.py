"""Two installs of hw side by side, on the same journals, in the same rounds: before
and after a change, each against `python -c pass` run by its own interpreter.

    .venv/bin/python bench/compare.py --before ../base/.venv/bin/hw --after .venv/bin/hw
    .venv/bin/python bench/compare.py --before A/hw --after B/hw --runs 21 --only log-table

A round runs every row once for each side, A then B, each next to its own floor, so a
busy moment on the machine (it is shared) falls on both alike; the table gives the
medians of wall time and of CPU time (user + system, from os.wait4), each as a
multiple of the floor measured in the same rounds, and the change between the two.
stdout is a pipe that is read to its end (as `hw log | less`), stdin and stderr
/dev/null.

The journals (bench/generate.py: 100,000 entries over 30 years, and `heavy`, kept
nine times a day) are imported once with the `before` hw, into --work, and reused;
a copy of the first is encrypted and unlocked (a private runtime folder of the
bench's own) for the encrypted rows. The import row times each side's `hw import`
of the 100,000-entry file into a new journal, against `json.load` of the same file.
Standard library plus hwjournal (for generate.py) only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import generate  # noqa: E402
from run import PASSPHRASE, TREND_DAYS, clean_env, interpreter_of, last_monday  # noqa: E402

ENTRIES = 100_000


def rows(week: dt.date) -> list[tuple[str, str, list[str]]]:
    """(key, journal, hw arguments) of every row: the issue's rows and the new ones."""
    label = "{}-W{:02d}".format(*week.isocalendar()[:2])
    years_ago = (week - dt.timedelta(days=TREND_DAYS)).isoformat()
    word = generate.SEARCH_WORD
    return [
        ("version", "plain", ["--version"]),
        ("due", "plain", ["due", "--json"]),
        ("log", "plain", ["log", "-n", "10", "--json"]),
        ("log-table", "plain", ["log", "-n", "10"]),
        ("sos", "plain", ["sos", "--json"]),
        ("search", "plain", ["log", "--search", word, "-n", "10"]),
        ("week", "plain", ["week", label, "--json"]),
        ("export", "plain", ["export", "--week", label]),
        ("trends", "plain", ["trends", "--json"]),
        ("trends-years", "plain", ["trends", "--since", years_ago, "--json"]),
        ("week-heavy", "heavy", ["week", label, "--json"]),
        ("export-heavy", "heavy", ["export", "--week", label]),
        ("html-heavy", "heavy", ["export", "--format", "html", "--week", label]),
        ("due-encrypted", "encrypted", ["due", "--json"]),
        ("log-encrypted", "encrypted", ["log", "-n", "10", "--json"]),
        # the fast path in Spanish (`language = "es"` in the settings), and in English with
        # a settings file too (`language = "en"`), so the difference is the language's
        ("version-en", "english", ["--version"]),
        ("due-en", "english", ["due", "--json"]),
        ("log-en", "english", ["log", "-n", "10", "--json"]),
        ("log-table-en", "english", ["log", "-n", "10"]),
        ("sos-en", "english", ["sos", "--json"]),
        ("version-es", "spanish", ["--version"]),
        ("due-es", "spanish", ["due", "--json"]),
        ("log-es", "spanish", ["log", "-n", "10", "--json"]),
        ("log-table-es", "spanish", ["log", "-n", "10"]),
        ("sos-es", "spanish", ["sos", "--json"]),
    ]


def spawn(argv: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """(wall ms, CPU ms, exit code) of one run, its stdout a pipe read to the end."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    assert proc.stdout is not None
    while proc.stdout.read(1 << 16):
        pass
    _, status, usage = os.wait4(proc.pid, 0)
    wall = (time.perf_counter() - start) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    return wall, (usage.ru_utime + usage.ru_stime) * 1000, proc.returncode


class Side:
    def __init__(self, name: str, hw: str) -> None:
        self.name = name
        self.hw = os.path.abspath(hw)
        self.python = interpreter_of(self.hw)
        self.times: dict[str, list[tuple[float, float]]] = {}

    def run(self, key: str, argv: list[str], env: dict[str, str]) -> None:
        wall, cpu, code = spawn(argv, env)
        if code != 0:
            raise SystemExit(f"{self.name}: {' '.join(argv)} exited {code}")
        self.times.setdefault(key, []).append((wall, cpu))

    def median(self, key: str, which: int) -> float:
        return statistics.median(t[which] for t in self.times[key])


def say(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def prepare(args: argparse.Namespace, before: Side) -> tuple[dict[str, dict[str, str]], str]:
    """The journals' environments (plain, heavy, encrypted, and the plain one with a
    settings file that says English or Spanish), made once in --work."""
    os.makedirs(args.work, exist_ok=True)
    end = dt.date.fromisoformat(args.end)
    envs: dict[str, dict[str, str]] = {}
    corpus = ""
    for name, daily in (("plain", False), ("heavy", True)):
        source = os.path.join(args.work, f"{name}-{args.end}.json")
        if not os.path.exists(source):
            say(f"Writing the {name} journal ({ENTRIES:,} entries) ...")
            generate.generate(ENTRIES, source + ".part", 1, end, daily=daily)
            os.replace(source + ".part", source)
        corpus = corpus or source
        home = os.path.join(args.work, f"{name}-{args.end}")
        envs[name] = clean_env(home)
        if not os.path.exists(os.path.join(home, "journal.db")):
            say(f"Importing the {name} journal ...")
            os.makedirs(home)
            subprocess.run(
                [before.hw, "import", source, "--format", "hw-json"], env=envs[name], check=True,
                stdout=subprocess.DEVNULL,
            )  # fmt: skip
    for name, code in (("english", "en"), ("spanish", "es")):
        settings = os.path.join(args.work, f"{name}.toml")
        with open(settings, "w", encoding="utf-8") as file:
            file.write(f'language = "{code}"\n')
        envs[name] = dict(envs["plain"], HW_CONFIG=settings)
    home = os.path.join(args.work, f"encrypted-{args.end}")
    runtime = os.path.join(args.work, "runtime")
    os.makedirs(runtime, mode=0o700, exist_ok=True)
    envs["encrypted"] = dict(clean_env(home), XDG_RUNTIME_DIR=runtime)
    asked = dict(envs["encrypted"], HW_PASSPHRASE_COMMAND=f"echo '{PASSPHRASE}'")
    if not os.path.exists(os.path.join(home, "journal.db")):
        say("Encrypting a copy of the plain journal ...")
        os.makedirs(home)
        shutil.copy2(os.path.join(args.work, f"plain-{args.end}", "journal.db"), home)
        subprocess.run([before.hw, "encrypt"], env=asked, check=True, capture_output=True)
    subprocess.run([before.hw, "unlock", "--for", "2h"], env=asked, check=True, capture_output=True)
    return envs, corpus


def time_import(args: argparse.Namespace, sides: list[Side], corpus: str) -> None:
    """Each side's `hw import` into a new journal, and json.load of the file, in turns."""
    loader = [sides[0].python, "-c", f"import json; json.load(open({corpus!r}))"]
    for number in range(args.import_runs):
        say(f"Import round {number + 1} of {args.import_runs} ...")
        for side in sides:
            home = os.path.join(args.work, f"import-{side.name}")
            shutil.rmtree(home, ignore_errors=True)
            os.makedirs(home)
            side.run("import", [side.hw, "import", corpus, "--format", "hw-json"], clean_env(home))
            shutil.rmtree(home)
            side.run("json-load", loader, clean_env(home))


def table(sides: list[Side], keys: list[str], floor_key: str) -> list[str]:
    before = sides[0]
    head = "| row | before ms | × floor | after ms | × floor | CPU before × | CPU after × |"
    lines = [head, "|---|---|---|---|---|---|---|"]
    for key in keys:
        if key not in before.times:
            continue
        cells = [key]
        for side in sides:
            floor = side.median(floor_key, 0)
            cells += [f"{side.median(key, 0):,.1f}", f"{side.median(key, 0) / floor:.2f}"]
        for side in sides:
            cells.append(f"{side.median(key, 1) / side.median(floor_key, 1):.2f}")
        lines.append("| " + " | ".join(cells) + " |")
    floors = ", ".join(
        f"{s.name} {s.median(floor_key, 0):.1f} ms wall, {s.median(floor_key, 1):.1f} ms CPU"
        for s in sides
    )
    lines.append(f"\nFloor ({floor_key}, medians): {floors}.")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", required=True, help="the hw script of the first install")
    parser.add_argument("--after", required=True, help="the hw script of the second install")
    parser.add_argument("--runs", type=int, default=15, help="rounds (default 15)")
    parser.add_argument("--import-runs", type=int, default=0, help="import rounds (default 0)")
    parser.add_argument("--only", help="these rows only, comma-separated")
    parser.add_argument("--work", default=os.path.join(HERE, "out", "compare"))
    parser.add_argument("--end", default=dt.date.today().isoformat(), help="the journals' last day")
    args = parser.parse_args(argv)
    sides = [Side("before", args.before), Side("after", args.after)]
    envs, corpus = prepare(args, sides[0])
    only = set(args.only.split(",")) if args.only else None
    chosen = [r for r in rows(last_monday(args.end)) if only is None or r[0] in only]
    say(f"Timing {len(chosen)} rows, {args.runs} rounds ...")
    for _ in range(1 + args.runs):  # the first round warms the caches and is dropped
        for key, journal, hw_args in chosen:
            for side in sides:
                side.run("floor", [side.python, "-c", "pass"], envs["plain"])
                side.run(key, [side.hw, *hw_args], envs[journal])
    for side in sides:
        for values in side.times.values():
            del values[0]
    if args.import_runs:
        time_import(args, sides, corpus)
    keys = [key for key, _, _ in chosen]
    load = os.getloadavg()[0]
    print(f"{args.runs} rounds, A B A B; load average {load:.1f} at the end.\n")
    print("\n".join(table(sides, keys, "floor")))
    if args.import_runs:
        print("\n" + "\n".join(table(sides, ["import"], "json-load")))
    subprocess.run([sides[0].hw, "lock"], env=envs["encrypted"], capture_output=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
