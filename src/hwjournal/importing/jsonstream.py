"""Reading one big JSON document a piece at a time, so that an export of 100,000
entries never sits in memory whole: the text comes in chunks, and each value is
decoded with the json module's own decoder from a buffer that slides along.

Mistakes are reported like json.loads would, with the line and column in the
whole file; bytes that are not UTF-8 are reported with their line.
"""

from __future__ import annotations

import codecs
import json
from typing import IO, Any

from hwjournal import messages
from hwjournal.importing.checking import ImportProblem

CHUNK = 1 << 16  # characters read at a time
# The most text held at once: a whole Daylio or jrnl export, or an hw export not laid
# out for streaming, or one record of one that is. No real export comes near it; a
# device or a huge file picked by mistake is refused here instead of filling memory.
HELD_LIMIT = 64 << 20
_WHITESPACE = " \t\n\r"
_DECODER = json.JSONDecoder()
_NEAR_END = 8  # an error this close to the buffer's end may just need more text


class JsonStream:
    """The text of a binary file (UTF-8, with or without a BOM) and a position in it.
    Until `release()`, everything read is kept, so the caller can still fall back
    to reading the whole document at once (`text_so_far()`)."""

    def __init__(self, raw: IO[bytes], source: str) -> None:
        self.raw = raw
        self.source = source
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.keep = True
        self.byte_lines = 0  # newlines in the bytes decoded so far, for UTF-8 errors
        self.dropped_lines = 0  # newlines in the text dropped from the buffer's front
        self.dropped_column = 0  # characters of the current line dropped with it
        self.bytes_read = 0

    # ------------------------------------------------------------ reading

    def _more(self) -> bool:
        """Read the next chunk into the buffer; False at the end of the file."""
        if self.eof:
            return False
        raw, text = self._chunk()
        if not self.keep and self.pos > CHUNK:
            self._drop()
        self._hold(len(self.buf) + len(text))
        self.buf += text
        return bool(raw) or bool(text)

    def _chunk(self) -> tuple[bytes, str]:
        """The next piece of the file, as bytes and as the text they complete."""
        raw = self.raw.read(CHUNK)
        self.bytes_read += len(raw)
        try:
            text = self.decoder.decode(raw, final=not raw)
        except UnicodeDecodeError as exc:
            line = self.byte_lines + raw[: exc.start].count(b"\n") + 1
            raise ImportProblem(
                f"{self.source}, line {line}",
                messages.IMPORT_NOT_UTF8,
            ) from None
        self.byte_lines += raw.count(b"\n")
        if not raw:
            self.eof = True
        return raw, text

    def _hold(self, characters: int) -> None:
        if characters > HELD_LIMIT:
            from hwjournal.sources import size_words

            raise ImportProblem(
                self.source, messages.IMPORT_TOO_LARGE.format(limit=size_words(HELD_LIMIT))
            )

    def _drop(self) -> None:
        gone = self.buf[: self.pos]
        newlines = gone.count("\n")
        if newlines:
            self.dropped_lines += newlines
            self.dropped_column = len(gone) - gone.rfind("\n") - 1
        else:
            self.dropped_column += len(gone)
        self.buf = self.buf[self.pos :]
        self.pos = 0

    def release(self) -> None:
        """From here on, text already decoded may be forgotten."""
        self.keep = False

    def text_so_far(self) -> str:
        """Everything read yet, then the rest of the file (only before release())."""
        pieces = [self.buf]
        held = len(self.buf)
        while not self.eof:
            text = self._chunk()[1]
            held += len(text)
            self._hold(held)
            pieces.append(text)
        self.buf = "".join(pieces)
        return self.buf

    # ------------------------------------------------------------ tokens

    def peek(self) -> str:
        """The next character that is not whitespace ('' at the end), not consumed."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in _WHITESPACE:
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._more():
                return ""

    def take(self, allowed: str, expecting: str) -> str:
        """Consume one of the `allowed` characters, or fail like json.loads would."""
        char = self.peek()
        if not char or char not in allowed:
            raise self.problem(expecting, self.pos)
        self.pos += 1
        return char

    def value(self) -> Any:
        """Decode the next JSON value whole."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                maybe_cut = exc.pos >= len(self.buf) - _NEAR_END or exc.msg.startswith(
                    "Unterminated string"
                )
                if maybe_cut and self._more():
                    continue
                raise self.problem(exc.msg, exc.pos) from None
            except RecursionError:
                raise ImportProblem(self.source, messages.IMPORT_TOO_DEEP) from None
            if end >= len(self.buf) and self._more():
                continue  # a number or word at the very end may go on in the next chunk
            self.pos = end
            return value

    def at_end(self) -> None:
        """Nothing but whitespace may follow the document."""
        if self.peek():
            raise self.problem("Extra data", self.pos)

    def problem(self, message: str, pos: int) -> ImportProblem:
        before = self.buf[:pos]
        newlines = before.count("\n")
        line = self.dropped_lines + newlines + 1
        column = pos - before.rfind("\n") if newlines else self.dropped_column + pos + 1
        from hwjournal.i18n import gettext
        from hwjournal.problems import said

        return ImportProblem(
            gettext("{source}, line {line}, column {column}").format(
                source=self.source, line=line, column=column
            ),
            messages.IMPORT_NOT_JSON.format(problem=said(message)),
        )
