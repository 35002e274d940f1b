"""What every command needs: where the journal is, the settings, and how to print
results (stdout) and messages (stderr). Nothing here imports Rich."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from typing import Any

from hwjournal import paths
from hwjournal.config import Config
from hwjournal.journal import Journal


@dataclass
class Context:
    journal_flag: str | None = None
    _config: Config | None = field(default=None, repr=False)

    @property
    def journal_path(self) -> str:
        return paths.journal_path(self.journal_flag)

    @property
    def config(self) -> Config:
        if self._config is None:
            from hwjournal import config

            self._config = config.load()
        return self._config

    def open_journal(self, write: bool = False) -> Journal:
        return Journal.open(self.journal_path, create=write)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


def say(message: str) -> None:
    """A message for the person, on stderr, so stdout stays the result."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def stdin_is_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False
