"""An entry's or an assignment's id as a person types it: the one reading of an id
for every command that takes one (show, delete, resume, skip, assignments end).

An id is a whole number in SQLite's integer range. Anything else (words, a sign,
digits from other scripts, a number past 2**63 - 1) names no row: the command says
there is no such entry or assignment, as for any id that does not exist. This module
loads on the fast path (`hw show`): it imports nothing.
"""

from __future__ import annotations

LARGEST = 2**63 - 1  # SQLite's largest integer


def row_id(text: str | int) -> int | None:
    """The row id `text` names, or None when it cannot name one."""
    if isinstance(text, int) and not isinstance(text, bool):
        return text if 0 < text <= LARGEST else None
    if not isinstance(text, str):
        return None
    digits = text.strip()
    if not (digits.isascii() and digits.isdigit()) or len(digits) > len(str(LARGEST)):
        return None
    number = int(digits)
    return number if 0 < number <= LARGEST else None


def looks_like_id(text: str) -> bool:
    """Written as an id (digits only), whether or not it fits: `hw skip 12` means
    assignment 12, never a template called 12."""
    digits = text.strip()
    return bool(digits) and digits.isascii() and digits.isdigit()


# A template's, a step's and a scale's id, checked without `re` (whose import would
# cost every week, export and start a fifth of its floor): tests/test_without_re.py
# holds each equal to its pattern (anchored at both ends: no trailing newline either).
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_LOWER_MARKS = _LOWER | {"_", "-"}


def is_template_id(text: object) -> bool:
    """r"[a-z0-9]+(?:-[a-z0-9]+)*", whole: lowercase words joined by single dashes."""
    return isinstance(text, str) and all(
        part and _LOWER.issuperset(part) for part in text.split("-")
    )


def is_step_id(text: object) -> bool:
    """r"[a-z0-9][a-z0-9_-]*", whole: a step's or a scale's id."""
    return isinstance(text, str) and text[:1] in _LOWER and _LOWER_MARKS.issuperset(text)
