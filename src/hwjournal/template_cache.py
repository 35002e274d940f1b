"""Built-in templates as parsed before, so that a run needs no TOML parser for them.

Loading tomllib (with typing, which it needs) costs more than everything else `hw
export` or `hw week` does with the PHQ-9 and GAD-7 templates whose bands they show. A
built-in template's parsed TOML is kept as JSON, one small file per template, in the
user's cache folder (`$XDG_CACHE_HOME/hwjournal`, `~/.cache/hwjournal`; under HW_HOME
only where XDG_CACHE_HOME is set; private to the user, like everything hw writes),
beside the template's whole text. It is used only when
that text is the file's text now, character for character: a template edited since is
parsed again, never read stale. What is read from it goes through the same checks as
a template file (templates.from_data), so it can hold nothing a template file could
not; and anyone who could write there could as well put a template in the user's
templates folder, which comes before the built-in ones anyway. Only the templates
that come with hw are kept: a person's own may hold personal words, which stay where
the person put them.

Any problem with the cache (missing, unreadable, not the user's own, another file's)
is no error: the template is parsed, and the cache written again when it can be.
"""

from __future__ import annotations

import json
import os

from hwjournal import paths

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

FORMAT = "hwjournal-template-cache 1"


def _file(template_path: str) -> str | None:
    """The cache file of a template file, named after its real path (FNV-1a, as
    journal/sessions.py names its files: hashlib costs more than it saves here); None
    where there is no cache folder (paths.cache_dir)."""
    folder = paths.cache_dir()
    if folder is None:
        return None
    number = 0xCBF29CE484222325
    for byte in os.path.realpath(template_path).encode("utf-8", "surrogateescape"):
        number = ((number ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return os.path.join(folder, "templates", f"{number:016x}.json")


def _private(st: os.stat_result) -> bool:
    getuid = getattr(os, "getuid", None)  # not on Windows
    return getuid is None or (st.st_uid == getuid() and st.st_mode & 0o077 == 0)


def _builtin(template_path: str) -> bool:
    folder = os.path.dirname(os.path.realpath(template_path))
    return folder == os.path.realpath(paths.builtin_templates_dir())


def read(template_path: str, text: str) -> dict[str, Any] | None:
    """The parsed built-in template kept for this file, if parsed from this very text."""
    cache = _file(template_path) if _builtin(template_path) else None
    if cache is None:
        return None
    try:
        fd = os.open(cache, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as fh:
            if not _private(os.fstat(fh.fileno())):
                return None
            kept = json.loads(fh.read())
    except (OSError, ValueError):
        return None
    if (
        not isinstance(kept, dict)
        or kept.get("format") != FORMAT
        or kept.get("path") != os.path.realpath(template_path)
        or kept.get("text") != text
        or not isinstance(kept.get("data"), dict)
    ):
        return None
    return kept["data"]


def _private_folder(folder: str) -> bool:
    """The folder and hw's cache folder above it, made private to the user if they are
    not there yet (never the folders above those: ~/.cache is the user's to make)."""
    above = os.path.dirname(folder)
    for path in (above, folder):
        if not os.path.isdir(path):
            os.mkdir(path, 0o700)  # FileNotFoundError where the cache home is not there
            os.chmod(path, 0o700)
    return _private(os.stat(above)) and _private(os.stat(folder))


def write(template_path: str, text: str, data: dict[str, Any]) -> None:
    """Keep the parsed template for next time, if JSON holds it exactly (a TOML date
    would not be); quietly nothing when the cache cannot be written."""
    cache = _file(template_path) if _builtin(template_path) else None
    if cache is None:
        return
    temporary = f"{cache}.{os.getpid()}.tmp"
    try:
        if json.loads(json.dumps(data)) != data:
            return
        if not _private_folder(os.path.dirname(cache)):
            return
        kept = {"format": FORMAT, "path": os.path.realpath(template_path), "text": text}
        fd = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({**kept, "data": data}, fh, ensure_ascii=False)
        os.replace(temporary, cache)
    except (OSError, ValueError, TypeError):
        import contextlib  # only here: contextlib costs the prompt's commands

        with contextlib.suppress(OSError):
            os.remove(temporary)
