"""Many independent items on every core: forked copies of this process each take a
share, and hand back what they found through a pipe (pickled; nothing touches a
disk). `hw caseload` reads a folder of clients' files this way.

Only where it pays: many items, more than one core, a system with fork (not
Windows), and not under HW_DEBUG=1 (where an unexpected error should surface as it
is, from one process). A copy that fails for any reason (killed, out of memory) is
not trusted: this process does its share again itself, so nothing is ever lost.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeVar

    Item = TypeVar("Item")
    Result = TypeVar("Result")

# Fewer items than this a copy, and a copy costs more than it saves.
LEAST_EACH = 8


def workers_for(count: int, least_each: int = LEAST_EACH) -> int:
    """How many processes `count` items are worth (this one included)."""
    if not hasattr(os, "fork") or os.environ.get("HW_DEBUG") == "1":
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(cores, count // least_each))


def map_forked(function: Callable[[Item], Result], items: list[Item], workers: int) -> list[Result]:
    """[function(item) for item in items], in that order, on `workers` processes.
    `function` should return, not raise: an exception in a copy makes this process
    do that copy's share again, where it raises as it would have."""
    if workers <= 1 or len(items) < 2:
        return [function(item) for item in items]
    import pickle

    shares = [items[number::workers] for number in range(workers)]  # interleaved: fair
    pending: dict[int, tuple[int, int]] = {}  # pid -> (the pipe's end to read, share)
    results: list[Any] = [None] * workers
    try:
        for number in range(1, workers):
            reading, writing = os.pipe()
            pid = os.fork()
            if pid == 0:  # the copy: its share, pickled down the pipe, and gone
                os.close(reading)
                _work_and_exit(function, shares[number], writing, pickle)
            os.close(writing)
            pending[pid] = (reading, number)
        results[0] = [function(item) for item in shares[0]]
        for pid in list(pending):
            reading, number = pending[pid]
            with os.fdopen(reading, "rb") as pipe:
                pending[pid] = (-1, number)  # closed by the with, whatever happens
                data = pipe.read()
            _, status = os.waitpid(pid, 0)
            del pending[pid]
            found = pickle.loads(data) if status == 0 and data else None
            if found is None or len(found) != len(shares[number]):
                found = [function(item) for item in shares[number]]  # the copy failed
            results[number] = found
    finally:
        for pid, (reading, _) in pending.items():  # interrupted: no copy outlives this one
            _stop(pid, reading)
    merged: list[Any] = [None] * len(items)
    for number, found in enumerate(results):
        merged[number::workers] = found
    return merged


def _work_and_exit(function: Callable[[Any], Any], share: list[Any], fd: int, pickle: Any) -> None:
    code = 1
    try:
        data = pickle.dumps([function(item) for item in share], pickle.HIGHEST_PROTOCOL)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        code = 0
    finally:
        # os._exit: no cleanup of the parent's that this copy inherited (its buffered
        # output, its atexit handlers) may run twice
        os._exit(code)


def _stop(pid: int, reading: int) -> None:
    import signal

    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:
        pass
    if reading >= 0:
        os.close(reading)
