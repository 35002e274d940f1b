"""Check the release as a person would get it: build the sdist and the wheel, let
twine check both, install the wheel alone in a fresh virtual environment, and run
its hw far from this checkout.

    python scripts/check_wheel.py          # CI runs it after the tests

The installed hw must find its built-in templates, the HTML report's template and
stylesheet (every file of the package that is not Python), and open a journal made by
hw 0.1.0 with every row it held unchanged.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "src" / "hwjournal"
OLD_JOURNAL = REPO / "tests" / "data" / "journal-0.1.0.db"
OLD_TABLES = ("entries", "assignments", "skips")


def run(*args: str | Path, **kwargs) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([str(a) for a in args], capture_output=True, text=True, **kwargs)
    if proc.returncode != 0:
        command = " ".join(map(str, args))
        sys.exit(f"{command} failed ({proc.returncode}):\n{proc.stdout}{proc.stderr}")
    return proc


def check(ok: bool, what: str) -> None:
    if not ok:
        sys.exit(f"wheel check failed: {what}")


def build(dist: Path) -> Path:
    run(sys.executable, "-m", "build", "--outdir", dist, REPO)
    run(sys.executable, "-m", "twine", "check", "--strict", *sorted(dist.iterdir()))
    (wheel,) = dist.glob("*.whl")
    return wheel


def check_contents(wheel: Path) -> None:
    """Every file the package needs besides its Python: found through the package's
    own folders at run time, so a data file left out of the wheel fails here."""
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = {
        f"hwjournal/{p.relative_to(PACKAGE).as_posix()}"
        for p in PACKAGE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }
    wanted |= {f"hwjournal/builtin_templates/{p.name}" for p in (REPO / "templates").glob("*.toml")}
    check(wanted <= names, f"missing from the wheel: {sorted(wanted - names)}")


def rows(path: Path) -> dict[str, list[tuple]]:
    old = sqlite3.connect(f"file:{OLD_JOURNAL}?mode=ro&immutable=1", uri=True)
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    found = {}
    for table in OLD_TABLES:
        cols = ", ".join(r[1] for r in old.execute(f"PRAGMA table_info({table})"))
        found[table] = db.execute(f"SELECT {cols} FROM {table} ORDER BY id").fetchall()
    old.close()
    db.close()
    return found


def check_installed(venv: Path, work: Path) -> None:
    hw = venv / "bin" / "hw"
    home = work / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("HW_")}
    env.update(HW_HOME=str(home), TZ="UTC", NO_COLOR="1", COLUMNS="80")

    def hw_run(*args: str) -> subprocess.CompletedProcess[str]:
        return run(hw, *args, env=env, cwd=work, stdin=subprocess.DEVNULL)

    version = run(venv / "bin" / "python", "-c", "import hwjournal; print(hwjournal.__file__)")
    check(str(venv) in version.stdout, f"hwjournal imported from {version.stdout.strip()}")

    listed = json.loads(hw_run("templates", "list", "--json").stdout)
    builtin = {p.stem for p in (REPO / "templates").glob("*.toml")}
    check({t["id"] for t in listed} == builtin, "the built-in templates are not all found")

    hw_run("start", "mood-checkin", "--no-input", "--date", "2026-11-03", "-a", "mood=3")
    report = work / "report.html"
    hw_run("export", "--format", "html", "--week", "2026-11-03", "-o", str(report))
    html = report.read_text(encoding="utf-8")
    css = (PACKAGE / "export" / "report.css").read_text(encoding="utf-8")
    first_rule = next(line for line in css.splitlines() if "{" in line)
    check(first_rule in html and "Mood check-in" in html, "the HTML report lacks its template")

    journal = home / "journal.db"
    journal.unlink()
    for suffix in ("-wal", "-shm"):
        Path(f"{journal}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(OLD_JOURNAL, journal)
    journal.chmod(0o600)
    before = rows(journal)
    entries = json.loads(hw_run("log", "--json", "--drafts", "-n", "0").stdout)
    check(len(entries) == len(before["entries"]), "the 0.1.0 journal lost entries")
    check(rows(journal) == before, "the 0.1.0 journal's rows changed when it was opened")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="hw-wheel-") as tmp:
        work = Path(tmp)
        wheel = build(work / "dist")
        check_contents(wheel)
        venv = work / "venv"
        run(sys.executable, "-m", "venv", venv)
        run(venv / "bin" / "python", "-m", "pip", "install", "--quiet", wheel)
        check_installed(venv, work)
        print(f"{wheel.name}: built, checked by twine, installed alone and working")


if __name__ == "__main__":
    main()
