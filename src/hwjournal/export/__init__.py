"""Export formats in a small registry: each is a module with a NAME, a file
EXTENSION (and, optionally, EXTENSIONS: every one it answers to) and
render(data) -> str, so `--format` choices come from here and a new format is
one new module. An exporter imports what only it needs inside render():
matching a file's extension imports them all."""

from __future__ import annotations

import importlib
from types import ModuleType

# format name -> module (imported only when that format is used)
FORMATS: dict[str, str] = {
    "markdown": "hwjournal.export.markdown",
    "json": "hwjournal.export.json",
    "csv": "hwjournal.export.csv",
    "html": "hwjournal.export.html",
}
DEFAULT = "markdown"


def names() -> list[str]:
    return list(FORMATS)


def exporter(name: str) -> ModuleType:
    """The module for a format name (KeyError for an unknown one)."""
    return importlib.import_module(FORMATS[name])


def format_for_path(path: str) -> str | None:
    """The format whose file extension `path` has, if any (report.csv -> csv,
    report.htm -> html)."""
    lowered = path.lower()
    for name in FORMATS:
        module = exporter(name)
        for extension in getattr(module, "EXTENSIONS", (module.EXTENSION,)):
            if lowered.endswith("." + extension):
                return name
    return None
