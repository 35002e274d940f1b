"""Issue 27: a caseload of many files is read on every core (hwjournal.forked), and
reads exactly as it does on one: the same rows in the same order, the same files
passed over in the order named. A copy of the process that dies is not trusted:
its share is read again, and nothing is lost."""

from __future__ import annotations

import datetime as dt
import os
import signal
from pathlib import Path

import pytest

from hwjournal import caseload, forked
from test_caseload import clients, write  # noqa: F401  (clients: the fixture)

TODAY = dt.date(2026, 11, 23)


def square(n: int) -> int:
    return n * n


def test_shares_come_back_in_the_order_given():
    items = list(range(23))
    assert forked.map_forked(square, items, 3) == [n * n for n in items]
    assert forked.map_forked(square, [], 3) == []
    assert forked.map_forked(square, [5], 3) == [25]


def test_a_copy_that_dies_has_its_share_done_again_here():
    parent = os.getpid()

    def fragile(n: int) -> tuple[int, int]:
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return n, n * n

    assert forked.map_forked(fragile, list(range(10)), 2) == [(n, n * n) for n in range(10)]


def test_a_copy_that_raises_has_its_share_done_again_here_where_it_raises():
    parent = os.getpid()

    def failing(n: int) -> int:
        if n == 3:
            raise ValueError(f"item {n} in {'a copy' if os.getpid() != parent else 'here'}")
        return n

    with pytest.raises(ValueError, match="item 3 in here"):
        forked.map_forked(failing, list(range(8)), 2)


def test_many_items_many_cores_but_never_under_hw_debug(monkeypatch):
    monkeypatch.delenv("HW_DEBUG", raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert forked.workers_for(3) == 1  # too few to be worth a copy
    assert forked.workers_for(200) == 2  # as many as the cores
    monkeypatch.setenv("HW_DEBUG", "1")
    assert forked.workers_for(200) == 1


def read(paths: list[str], workers: int, monkeypatch) -> tuple[list[dict], list[tuple]]:
    monkeypatch.setattr(forked, "workers_for", lambda count, least_each=8: workers)
    problems: list[tuple[str, str]] = []
    rows = caseload.read_all(paths, TODAY, None, lambda *problem: problems.append(problem))
    return [row.to_json() for row in rows], problems


def test_a_caseload_on_two_cores_reads_as_on_one(clients: Path, tmp_path: Path, monkeypatch):  # noqa: F811
    (clients / "zz-bad.json").write_text('{"format": "hwjournal", "version": 1, "entries": [{')
    write(clients / "aa-list.json", [1, 2, 3])
    empty = tmp_path / "empty"
    empty.mkdir()
    paths = [str(clients / "zz-bad.json"), str(empty), str(clients), str(tmp_path / "gone.json")]
    one = read(paths, 1, monkeypatch)
    two = read(paths, 2, monkeypatch)
    assert two == one
    rows, problems = two
    assert [row["name"] for row in rows] == ["carl", "Ana Lima", "bea", "Dan"]
    assert rows[1]["homework"] == {"done": 3, "due": 7}
    assert [path for path, _ in problems] == [
        str(clients / "zz-bad.json"), str(empty), str(clients / "aa-list.json"),
        str(clients / "zz-bad.json"), str(tmp_path / "gone.json"),
    ]  # fmt: skip


def test_the_homework_journal_keeps_no_search_index_and_the_others_do():
    from hwjournal.journal.memory import in_memory

    def names(search: bool) -> set[str]:
        journal = in_memory("client.json", search=search)
        try:
            return {row[0] for row in journal.db.execute("SELECT name FROM sqlite_master")}
        finally:
            journal.close()

    index = {"entries_fts", "entries_fts_insert", "entries_fts_delete", "entries_fts_update"}
    assert index <= names(True) and not index & names(False)
    assert {"entries", "assignments", "skips"} <= names(False)
