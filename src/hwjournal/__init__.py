"""hwjournal: a terminal-first, local-only journal for therapy homework."""

__version__ = "0.2.0"
