"""Time `hw caseload` on a therapist's folder: N clients, each a year of hw export.

Each client is a journal as bench/generate.py writes one (the built-in exercises with
answers that fit them, long answers of about eighty words, moods, tags, private
entries, PHQ-9 and GAD-7 scores with their alerts, assignments with what was done and
skipped), one year long, written as `hw export --format json` writes it: with `name`,
`week_start`, the `range` it covers and when it was made. Then `hw caseload FOLDER`
runs as whole processes, the screen (to a file) and `--json`, alongside
`python -c pass`, the floor no Python program goes below: warm-up runs first, then
the median, fastest and slowest of the rest, and each run's CPU time.

    .venv/bin/python bench/caseload.py                        # 200 clients, a year each
    .venv/bin/python bench/caseload.py --per-day 2 --runs 9   # twice as busy a year
    .venv/bin/python bench/caseload.py --clients 20 --quick

Standard library plus hwjournal only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import generate  # noqa: E402

from hwjournal.templates import catalog  # noqa: E402

TARGET_SECONDS = 2.0  # the issue's: 200 clients of a year each, read within 2 seconds


def write_client(path: str, number: int, end: dt.date, per_day: float, templates: dict) -> int:
    """One client's year, as their `hw export --format json` would write it."""
    days = 365
    plan = generate.Plan(round(days * per_day), end, number, templates, years=1)
    header = {
        "format": "hwjournal",
        "version": 1,
        "exported_at": f"{end.isoformat()}T21:00:00+00:00",
        "hw_version": "bench",
        "name": f"Client {number:03d}",
        "week_start": "sunday" if number % 5 == 0 else "monday",
        "range": {"start": (end - dt.timedelta(days=days - 1)).isoformat(), "end": end.isoformat()},
        "private_withheld": 0,
    }
    with open(path, "w", encoding="utf-8") as out:
        out.write(json.dumps(header, ensure_ascii=False)[:-1] + ', "entries": [\n')
        count = 0
        for data in generate.entries(plan):
            out.write((",\n" if count else "") + json.dumps(data, ensure_ascii=False))
            count += 1
        out.write('\n], "assignments": ' + json.dumps(plan.assignments, ensure_ascii=False))
        out.write(', "skips": ' + json.dumps(plan.skips, ensure_ascii=False) + "}\n")
    return count


def run_once(argv: list[str], env: dict[str, str], out: str) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, exit code) of one whole process."""
    start = time.perf_counter()
    with open(out, "wb") as sink:
        process = subprocess.Popen(argv, stdout=sink, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--per-day", type=float, default=1.0, help="entries a day, on average")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--end", default="2026-11-29", help="the last day of every file")
    parser.add_argument("--hw", default=shutil.which("hw", path=os.path.dirname(sys.executable)))
    parser.add_argument("--keep", help="write the clients' files here and keep them")
    parser.add_argument("--quick", action="store_true", help="2 runs, 1 warm-up")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.warmup = 2, 1
    folder = args.keep or tempfile.mkdtemp(prefix="hw-caseload-")
    os.makedirs(folder, exist_ok=True)
    home = tempfile.mkdtemp(prefix="hw-caseload-home-")
    try:
        templates = catalog().templates
        end = dt.date.fromisoformat(args.end)
        entries = 0
        for number in range(1, args.clients + 1):
            path = os.path.join(folder, f"client-{number:03d}.json")
            if not os.path.exists(path):
                entries += write_client(path, number, end, args.per_day, templates)
        size = sum(os.path.getsize(os.path.join(folder, n)) for n in os.listdir(folder))
        sys.stderr.write(f"{args.clients} clients in {folder}: {size / 1e6:.0f} MB\n")
        env = {**os.environ, "HW_HOME": os.path.join(home, "hw"), "COLUMNS": "80"}
        jobs = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "hw caseload --json": [args.hw, "caseload", folder, "--json"],
            "hw caseload (screen)": [args.hw, "caseload", folder, "--no-pager"],
        }
        times: dict[str, list[tuple[float, float]]] = {key: [] for key in jobs}
        for round_number in range(args.warmup + args.runs):
            for key, job in jobs.items():  # round-robin: a busy moment falls on all alike
                wall, cpu, code = run_once(job, env, os.path.join(home, "out"))
                if code != 0:
                    sys.stderr.write(f"{key} exited {code}\n")
                    return 1
                if round_number >= args.warmup:
                    times[key].append((wall, cpu))
        print(f"{args.clients} clients, a year each ({args.per_day:g} entries a day), "
              f"{size / 1e6:.0f} MB; {args.runs} runs after {args.warmup} warm-up\n")  # fmt: skip
        print("| command | median s | fastest s | slowest s | median CPU s |")
        print("| --- | --- | --- | --- | --- |")
        for key, found in times.items():
            walls = [w for w, _ in found]
            cpus = [c for _, c in found]
            print(f"| {key} | {statistics.median(walls):.2f} | {min(walls):.2f} | "
                  f"{max(walls):.2f} | {statistics.median(cpus):.2f} |")  # fmt: skip
        median = statistics.median(w for w, _ in times["hw caseload --json"])
        met = "met" if median <= TARGET_SECONDS else "NOT met"
        print(f"\nTarget: {args.clients} clients within {TARGET_SECONDS:g} s: {met}")
        return 0
    finally:
        shutil.rmtree(home, ignore_errors=True)
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
