"""Opening what `hw import` reads: the file a person named, or stdin for `-`.

The file must be a regular file (sources.open_file says why not, at once); a Daylio
or jrnl export, which is read whole, must also be no larger than any real one could
be. An hw export streams, so only each of its records is held to that size
(jsonstream.HELD_LIMIT); stdin, whose size is not known up front, is held to it as
it is read.
"""

from __future__ import annotations

import io
import sys
from typing import IO

from hwjournal import messages, sources
from hwjournal.i18n import gettext
from hwjournal.importing.jsonstream import HELD_LIMIT

READ_WHOLE = ("daylio", "jrnl-json")  # formats read whole, never streamed


def open_source(file: str, format: str | None = None) -> IO[bytes]:
    """The bytes to import, to be read a piece at a time."""
    if file == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is not None:
            return stream
        return io.BytesIO(sys.stdin.read().encode("utf-8", "surrogatepass"))
    limit = HELD_LIMIT if format in READ_WHOLE else None
    return sources.open_file(file, limit, gettext("Daylio or jrnl export"), messages.FILE_PIPE_HINT)
