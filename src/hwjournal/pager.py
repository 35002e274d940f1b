"""A screen taller than the terminal opens in a pager, the way git does it: $HW_PAGER,
else $PAGER, else `less -R`, run through the shell, with LESS=FRX when LESS is unset
(quit at once if it fits after all, keep colours, leave the screen on the terminal).
An empty pager or `cat` means none. Only display.show calls this, and only when stdout
is a terminal."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys

DEFAULT = "less -R"
# what a POSIX shell exits with when it cannot find the command
NOT_FOUND = 127


def command() -> str | None:
    """The pager to run, or None for none."""
    for name in ("HW_PAGER", "PAGER"):
        if name in os.environ:
            chosen = os.environ[name].strip()
            break
    else:
        chosen = DEFAULT
    return None if chosen in ("", "cat") else chosen


def too_tall(screen: str, height: int) -> bool:
    """Whether the screen would scroll its top away: it needs its lines and one more
    for the shell's prompt after it."""
    return screen.count("\n") >= height


def show(screen: str, height: int) -> None:
    """The screen (text with its escape codes) in the pager when it is too tall for the
    terminal, else straight to stdout."""
    pager = command()
    if pager is None or not too_tall(screen, height):
        _write(screen)
        return
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")  # lv, like less, keeps the colours
    sys.stdout.flush()
    try:
        process = subprocess.Popen(pager, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        _write(screen)
        return
    # Ctrl-C while paging belongs to the pager (less stops a search with it)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        assert process.stdin is not None
        try:
            process.stdin.write(screen.encode(sys.stdout.encoding or "utf-8", "replace"))
        except BrokenPipeError:
            pass  # the person quit before the end: that is fine
        finally:
            with contextlib.suppress(OSError):
                process.stdin.close()
        code = process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    if code == NOT_FOUND:  # the shell has said it could not run it; show the screen anyway
        _write(screen)


def _write(screen: str) -> None:
    sys.stdout.write(screen)
    sys.stdout.flush()
