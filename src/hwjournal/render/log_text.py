"""hw log's table where Rich would draw it without colour or style (stdout a pipe or
a file: `hw log | grep`, cron), drawn here as the same text without loading Rich,
which costs more than the query. Rich still draws it at a terminal, for a screen
reader (--plain), when colour is forced, and for any text Rich measures otherwise
than one column a character (wide or combining characters, a tab, a line break):
there `draw` says None and the caller falls back to render.entries.log_table.

The layout (which columns, how wide) is worked out once, here, for both drawers.
tests/test_log_text.py checks, over generated entries, that the text is what Rich
draws, character for character.
"""

from __future__ import annotations

import os
import sys

from hwjournal.display import bar, clean

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs `hw log` milliseconds
    from hwjournal.journal import Entry


TITLE_MAX = 34  # a longer title is cut, with an ellipsis
DATE_WIDTH = 10
MOOD_WIDTH = 5
GAP = 2  # between two columns
MIN_PREVIEW = 12  # narrower than this, no preview column
ELLIPSIS = "…"


def headers() -> tuple[str, ...]:
    """The column headings, in the run's language; the last column (a first answer)
    has none."""
    from hwjournal import messages

    return (*messages.LOG_HEADERS.split("|"), "")


# Characters Rich counts as one column each (Latin, Greek, Cyrillic, Vietnamese,
# punctuation, currency, arrows, box drawing and shapes; tests/test_log_text.py asks
# Rich about every one): text made only of these is as long on screen as in Python.
# Inclusive ranges of code points, checked without `re` (its import would cost this
# table a fifth of its time).
_SINGLE = (
    (0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x2FF), (0x370, 0x482), (0x48A, 0x52F),
    (0x1E00, 0x1EFF), (0x2010, 0x2027), (0x2030, 0x205E), (0x20A0, 0x20C0),
    (0x2100, 0x214F), (0x2190, 0x21FF), (0x2500, 0x25FC),
)  # fmt: skip
# Environment variables with which Rich styles output that is not a terminal.
_FORCING = ("FORCE_COLOR", "TTY_COMPATIBLE")


def measured_alike(text: str) -> bool:
    """Whether every character of the text is one column, for Rich as for Python."""
    for char in text:
        code = ord(char)
        if not (0x20 <= code <= 0x7E or any(low <= code <= high for low, high in _SINGLE)):
            return False
    return True


def _iso_date(text: str) -> bool:
    """Whether the text is ten characters of digits and dashes, as a stored date."""
    return len(text) == 10 and all(c in "0123456789-" for c in text)


def preview(entry: Entry, width: int = 48) -> str:
    """The first answer, on one line, cut to fit."""
    for value in entry.answers.values():
        if isinstance(value, list):
            value = ", ".join(value)
        if isinstance(value, str) and value.strip():
            line = " ".join(value.split())
            return line if len(line) <= width else line[: width - 1] + ELLIPSIS
    return ""


def widths(ids: list[str], title_lengths: list[int], width: int) -> tuple[int, int, int]:
    """(id, exercise, preview) column widths for a table `width` columns wide: id,
    date and exercise always whole (titles already cut to TITLE_MAX), the preview
    taking what is left of the line, or 0 (no preview) on a narrow terminal."""
    id_width = max(2, *(len(i) for i in ids))
    title_width = max(len(headers()[2]), *title_lengths)
    room = width - (id_width + DATE_WIDTH + title_width + MOOD_WIDTH + 4 * GAP)
    if room < MIN_PREVIEW:  # a narrow terminal: no preview, and titles cut to fit
        title_width = max(8, width - (id_width + DATE_WIDTH + MOOD_WIDTH + 3 * GAP))
        room = 0
    return id_width, title_width, room


def unstyled_width() -> int | None:
    """The width Rich would draw stdout at, when it would draw it without colour or
    style (not a terminal, nothing forcing colour, not Windows's legacy console);
    None when it would style it, or when only Rich can tell."""
    if sys.platform == "win32" or any(name in os.environ for name in _FORCING):
        return None
    try:
        if sys.stdout.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        return int(columns)
    for fd in (0, 1, 2):  # as Rich asks: the first standard stream that is a terminal
        try:
            return os.get_terminal_size(fd).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


def draw(entries: list[Entry], width: int) -> str | None:
    """The table as Rich draws it without styles at this width, or None where Rich
    must draw it (text it measures differently, or a width too narrow to fit)."""
    rows = []
    for entry in entries:
        title = clean(entry.title)
        if entry.status == "draft":
            title += " (draft)"
        if entry.private:
            title += " (private)"
        if not measured_alike(title) or not _iso_date(entry.date):
            return None
        title = _cut(title, TITLE_MAX)
        mood = bar(entry.mood, 1, 5, MOOD_WIDTH) if entry.mood else ""
        rows.append([str(entry.id), entry.date, title, mood, entry])
    id_width, title_width, room = widths([r[0] for r in rows], [len(r[2]) for r in rows], width)
    cells = [id_width, DATE_WIDTH, title_width, MOOD_WIDTH] + ([room] if room else [])
    if sum(cells) + GAP * (len(cells) - 1) != width:
        return None  # Rich would squeeze the columns its own way
    lines = [_line(list(headers()[: len(cells)]), cells)]
    for row in rows:
        row[2] = _cut(row[2], title_width)  # the exercise column of a narrow terminal
        if room:
            row[4] = clean(preview(row[4], room))
            if not measured_alike(row[4]):
                return None
        lines.append(_line(row[: len(cells)], cells))
    return "\n".join(lines) + "\n"


def _cut(text: str, size: int) -> str:
    """Text at most `size` columns, cut with an ellipsis as Rich cuts it."""
    return text if len(text) <= size else text[: size - 1] + ELLIPSIS


def _line(texts: list[str], cells: list[int]) -> str:
    """One line: the id right-aligned, the rest left-aligned, each padded to its column."""
    padded = [texts[0].rjust(cells[0])]
    padded += [text.ljust(size) for text, size in zip(texts[1:], cells[1:], strict=True)]
    return (" " * GAP).join(padded)
