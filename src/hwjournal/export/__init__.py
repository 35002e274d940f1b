"""Export formats in a small registry: each is a module with a NAME, a file
EXTENSION and render(data) -> str, so `--format` choices come from here and a
new format is one new module."""

from __future__ import annotations

import importlib
from types import ModuleType

# format name -> module (imported only when that format is used)
FORMATS: dict[str, str] = {
    "markdown": "hwjournal.export.markdown",
    "json": "hwjournal.export.json",
    "csv": "hwjournal.export.csv",
}
DEFAULT = "markdown"


def names() -> list[str]:
    return list(FORMATS)


def exporter(name: str) -> ModuleType:
    """The module for a format name (KeyError for an unknown one)."""
    return importlib.import_module(FORMATS[name])


def format_for_path(path: str) -> str | None:
    """The format whose file extension `path` has, if any (report.csv -> csv)."""
    lowered = path.lower()
    for name in FORMATS:
        if lowered.endswith("." + exporter(name).EXTENSION):
            return name
    return None
