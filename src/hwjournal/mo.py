"""A compiled gettext catalog (`.mo`), read without the standard library's `gettext`.

`import gettext` brings `re`, `enum` and `locale`, and its reader decodes entry by
entry with `struct`: together about a run's worth of the floor for every command in
Spanish (bench/README.md). This reads the same file the same way, `gettext` and
`ngettext` answering as `gettext.GNUTranslations` does, and hands what it does not
read itself (a big-endian file, a charset other than UTF-8, a plural rule other than
"n != 1") to `gettext`. A damaged file raises OSError, as gettext's reader does.
A leaf: it imports nothing of hw's.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, BinaryIO

_MAGIC = 0x950412DE  # as written by a little-endian machine (Babel, msgfmt)


class Catalog:
    """One language's sentences: msgid -> msgstr, and a plural msgid -> its forms."""

    def __init__(
        self, texts: dict[str, str], forms: dict[str, list[str]], plural: Callable[[int], int]
    ) -> None:
        self._texts = texts
        self._forms = forms
        self.plural = plural

    def gettext(self, message: str) -> str:
        return self._texts.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        forms = self._forms.get(singular)
        index = self.plural(n) if forms else 0
        if forms and index < len(forms):
            return forms[index]
        return singular if n == 1 else plural


def read(file: BinaryIO) -> Any:
    """The catalog in an open `.mo` file: a Catalog, or gettext's own reader's where
    the file is one this does not read."""
    import sys

    data = file.read()
    if sys.byteorder != "little" or int.from_bytes(data[:4], "little") != _MAGIC:
        return _by_gettext(data)  # big-endian, or not a catalog: gettext says which
    version, count, originals, translations = (
        int.from_bytes(data[at : at + 4], "little") for at in (4, 8, 12, 16)
    )
    if version >> 16 not in (0, 1):
        raise OSError(0, "Bad version number", "catalog")
    size = len(data)
    if max(originals, translations) + 8 * count > size:
        raise OSError(0, "File is corrupt", "catalog")
    ids = memoryview(data)[originals : originals + 8 * count].cast("I")
    strs = memoryview(data)[translations : translations + 8 * count].cast("I")
    texts: dict[str, str] = {}
    forms: dict[str, list[str]] = {}
    header = ""
    for at in range(0, 2 * count, 2):
        length, start, tlength, tstart = ids[at], ids[at + 1], strs[at], strs[at + 1]
        if start + length >= size or tstart + tlength >= size:  # each ends in a NUL
            raise OSError(0, "File is corrupt", "catalog")
        key = data[start : start + length]
        text = data[tstart : tstart + tlength].decode()
        if not length:
            header = text
        if b"\x00" in key:  # a plural: its singular names it (the plural is not read)
            singular, _plural = key.split(b"\x00")  # two, or ValueError as gettext
            forms[singular.decode()] = text.split("\x00")
        else:
            texts[key.decode()] = text
    charset, rule = _header(header)
    if charset.lower() not in ("utf-8", "utf8") or (
        rule is not None and rule.replace(" ", "") not in _ONE_OTHER
    ):
        return _by_gettext(data)
    return Catalog(texts, forms, _one_other)


# English's plural rule (most European languages' too), as a Plural-Forms header writes it
# (a catalog without the header has it too: it is gettext's default)
_ONE_OTHER = ("n!=1", "(n!=1)")


def _header(header: str) -> tuple[str, str | None]:
    """(charset, plural rule) of a catalog's header, found as gettext finds them (and
    failing where it fails: a Plural-Forms or Content-Type line it cannot read)."""
    charset, rule = "", None
    for line in header.split("\n"):
        item = line.strip()
        if not item or ":" not in item:
            continue
        name, value = item.split(":", 1)
        name, value = name.strip().lower(), value.strip()
        if name == "content-type":
            charset = value.split("charset=")[1]
        elif name == "plural-forms":
            rule = value.split(";")[1].split("plural=")[1]
    return charset, rule


def _one_other(n: int) -> int:
    return int(n != 1)


def _by_gettext(data: bytes) -> Any:
    import gettext
    import io

    return gettext.GNUTranslations(io.BytesIO(data))
