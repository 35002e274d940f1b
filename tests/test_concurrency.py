"""Forty people-or-scripts writing at once: nobody's entry is lost."""

from __future__ import annotations

import os
import sqlite3
import subprocess

from helpers import HW, run_hw


def test_forty_parallel_starts_lose_nothing(journal_path):
    procs = [
        subprocess.Popen(
            [HW, "start", "gratitude", "--answer", f"things=writer {n}", "--json"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=dict(os.environ),
        )
        for n in range(40)
    ]
    results = [(p.wait(timeout=120), p.stdout.read(), p.stderr.read()) for p in procs]
    for code, _out, err in results:
        assert code == 0, err
    ids = sorted(int(__import__("json").loads(out)["id"]) for _, out, _ in results)
    assert ids == list(range(1, 41))
    entries = run_hw("log", "-n", "0", "--json").json()
    assert sorted(e["answers"]["things"][0] for e in entries) == sorted(
        f"writer {n}" for n in range(40)
    )
    db = sqlite3.connect(journal_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT count(*) FROM entries_fts").fetchone()[0] == 40
