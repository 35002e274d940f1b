"""Where the milliseconds of one `hw` command go: Python's own import-time report
(`python -X importtime`), taken over several runs, as medians.

    .venv/bin/python bench/importtime.py -- log -n 10
    .venv/bin/python bench/importtime.py --runs 15 --top 25 -- export --week last --format html
    HW_HOME=/tmp/home .venv/bin/python bench/importtime.py --hw /other/venv/bin/hw -- due --json

It runs the installed `hw` script (as a shell would: stdin, stdout and stderr not a
terminal) under the interpreter that script names, with `-X importtime`, and prints:
the median wall time of the whole process and of `python -c pass` measured in the
same rounds; the median time spent importing, by package (hwjournal, rich, jinja2,
sqlcipher3, cryptography, the standard library…); and the modules that cost the
most on their own. What is left of the wall time after the imports is the
interpreter's start and the command's own work (the query, drawing, writing).

Standard library only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from run import interpreter_of  # noqa: E402

STDLIB = "stdlib"


def parse_report(text: str) -> list[tuple[str, int, int, int]]:
    """(module, self µs, cumulative µs, depth) for each line `-X importtime` wrote."""
    found = []
    for line in text.splitlines():
        if not line.startswith("import time:") or "[us]" in line:
            continue
        fields = line[len("import time:") :].split("|")
        if len(fields) != 3:
            continue
        name = fields[2].rstrip()
        depth = (len(name) - len(name.lstrip(" "))) // 2
        found.append((name.strip(), int(fields[0]), int(fields[1]), depth))
    return found


def package_of(module: str, stdlib: set[str]) -> str:
    top = module.split(".")[0]
    if top in stdlib or top.startswith("_"):
        return STDLIB
    return top


def stdlib_names() -> set[str]:
    names = set(sys.stdlib_module_names)
    return names | {"encodings", "site", "sitecustomize", "_distutils_hack"}


def one_run(python: str, hw: str, args: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run(
        [python, "-X", "importtime", hw, *args],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    return (time.perf_counter() - start) * 1000, proc.stderr


def floor_run(python: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([python, "-c", "pass"], env=env, stdin=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - start) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hw", help="the hw script (default: next to this Python)")
    parser.add_argument("--runs", type=int, default=9, help="runs (default 9)")
    parser.add_argument("--top", type=int, default=15, help="modules to list (default 15)")
    parser.add_argument("args", nargs="*", help="hw's arguments, after --")
    args = parser.parse_args(argv)
    hw = os.path.abspath(
        args.hw or shutil.which("hw", path=os.path.dirname(sys.executable)) or "hw"
    )
    python = interpreter_of(hw)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    stdlib = stdlib_names()
    walls, floors = [], []
    by_package: dict[str, list[int]] = {}
    by_module: dict[str, list[int]] = {}
    one_run(python, hw, args.args, env)  # warm-up: bytecode caches, the page cache
    for _ in range(args.runs):
        floors.append(floor_run(python, env))
        wall, report = one_run(python, hw, args.args, env)
        walls.append(wall)
        packages: dict[str, int] = {}
        for module, own, _total, _depth in parse_report(report):
            name = package_of(module, stdlib)
            packages[name] = packages.get(name, 0) + own
            by_module.setdefault(module, []).append(own)
        for name, own in packages.items():
            by_package.setdefault(name, []).append(own)
    runs = args.runs

    def median(values: list[int]) -> float:
        # a module a run did not import counts as 0 ms in that run
        return statistics.median(values + [0] * (runs - len(values))) / 1000

    wall, floor = statistics.median(walls), statistics.median(floors)
    imports = sum(median(v) for v in by_package.values())
    print(f"hw {' '.join(args.args)}  ({hw}, {runs} runs, medians)")
    print(f"  wall {wall:.1f} ms; python -c pass {floor:.1f} ms ({wall / floor:.2f}x)")
    print(f"  imports {imports:.1f} ms (under -X importtime, which adds a little)")
    for name, values in sorted(by_package.items(), key=lambda kv: -median(kv[1])):
        if median(values) >= 0.05:
            print(f"    {name:<16} {median(values):6.1f} ms  ({len(values)}/{runs} runs)")
    print(f"  costliest modules on their own (top {args.top}):")
    ranked = sorted(by_module.items(), key=lambda kv: -median(kv[1]))[: args.top]
    for name, values in ranked:
        print(f"    {name:<40} {median(values):6.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
