"""What the scripts that write a generated module share: write it when it changed, or
with --check say whether it is out of date (exit 1), for tests and CI."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable


def main(target: str, compiled: Callable[[], str], script: str, argv: list[str] | None) -> int:
    """Write `compiled()` to `target` when it differs; --check: exit 1 if it does."""
    parser = argparse.ArgumentParser(description=f"Write {os.path.basename(target)}.")
    parser.add_argument("--check", action="store_true", help="exit 1 if out of date")
    args = parser.parse_args(argv)
    text = compiled()
    try:
        with open(target, encoding="utf-8") as fh:
            current = fh.read()
    except FileNotFoundError:
        current = ""
    if args.check:
        if current != text:
            print(f"{os.path.normpath(target)} is out of date: run scripts/{script}")
            return 1
        return 0
    if current != text:
        with open(target, "w", encoding="utf-8") as fh:
            fh.write(text)
        print(f"wrote {os.path.normpath(target)}")
    return 0
