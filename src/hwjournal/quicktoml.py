"""The settings file as hw writes it, read without a TOML parser. A leaf.

`tomllib` brings `typing` and `re` with it: about as much again as the rest of a
`hw due --json` (bench/README.md), for a file of a few `key = value` lines. This
reads that plain form: bare keys at the top level, each once, whose values are
strings without escapes, whole numbers, true or false, or a one-line list of such
strings, with comments and blank lines between. Anything else (a table, an escape,
a date, a number with an underscore, a mistake) gets None, and the caller reads the
file with tomllib, which takes it or says exactly what is wrong. What this reads,
tomllib reads the same (tests/test_quicktoml.py holds them equal).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_SPACE = " \t"


def loads(text: str) -> dict[str, Any] | None:
    """The settings in `text`, or None when only a TOML parser can tell."""
    found: dict[str, Any] = {}
    if "\r" in text.replace("\r\n", "\n"):  # a carriage return that ends no line
        return None
    for line in text.replace("\r\n", "\n").split("\n"):
        if "\x7f" in line or any(c < " " and c != "\t" for c in line):
            return None
        line = line.strip(_SPACE)
        if not line or line[0] == "#":
            continue
        name, eq, rest = line.partition("=")
        key = name.strip(_SPACE)
        if not eq or not key or not _BARE.issuperset(key) or key in found:
            return None
        value, rest = _value(rest.lstrip(_SPACE))
        rest = rest.lstrip(_SPACE)
        if value is None or (rest and rest[0] != "#"):
            return None
        found[key] = value
    return found


def _value(text: str) -> tuple[Any, str]:
    """(the value at the start of `text`, what follows it), or (None, "")."""
    if text[:1] == "[":
        items: list[str] = []
        rest = text[1:].lstrip(_SPACE)
        while rest[:1] != "]":
            item, rest = _string(rest)
            if item is None:
                return None, ""
            items.append(item)
            rest = rest.lstrip(_SPACE)
            if rest[:1] == ",":
                rest = rest[1:].lstrip(_SPACE)
            elif rest[:1] != "]":
                return None, ""
        return items, rest[1:]
    if text[:1] in ("'", '"'):
        return _string(text)
    word, _, rest = text.partition(" ")
    word, tab, after = word.partition("\t")
    rest = after + " " + rest if tab else rest
    if word in ("true", "false"):
        return word == "true", rest
    digits = word[1:] if word[:1] in "+-" else word
    if digits.isdigit() and digits.isascii() and (digits == "0" or digits[0] != "0"):
        return int(word), rest
    return None, ""


def _string(text: str) -> tuple[str | None, str]:
    """A one-line string without escapes at the start of `text`, and what follows."""
    quote = text[:1]
    if quote not in ("'", '"'):
        return None, ""
    end = text.find(quote, 1)
    inner = text[1:end]
    if end < 0 or (quote == '"' and "\\" in inner) or text[1 : end + 2] == quote * 2:
        return None, ""  # unclosed, an escape, or the start of a ''' or """ string
    return inner, text[end + 1 :]
