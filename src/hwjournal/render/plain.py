"""The console for screen readers and braille displays (render/look.py says what it
draws); its own module so that display.console can make one without look.py."""

from __future__ import annotations

from rich.console import Console


class PlainConsole(Console):
    """A console that draws every screen in words and numbers (see render/look.py)."""
