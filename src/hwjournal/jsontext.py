"""JSON text, written and read exactly as the standard library's `json` does, without
importing it. A leaf: it imports nothing but `_json` (json's own C accelerator).

Why: `import json` loads `re`, which loads `enum`, and compiles json's patterns, on
every run: about a fifth of the instructions of a `hw due --json` that prints three
assignments (bench/README.md). The commands people put in shell prompts read and
write a few small documents, so they use these; the result is the same text and the
same values, byte for byte (tests/test_jsontext.py holds them equal to `json`).

Anything these cannot do themselves (another interpreter without `_json`, a value of
a type hw never writes, a malformed document whose error message must be json's)
goes to `json` itself, so the answer is never different, only sometimes slower.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

try:
    from _json import encode_basestring as _quote
    from _json import make_scanner as _make_scanner
except ImportError:  # pragma: no cover - an interpreter without json's accelerator
    _quote = _make_scanner = None  # type: ignore[assignment]

_WHITESPACE = " \t\n\r"  # json.decoder.WHITESPACE


class _Fallback(Exception):
    """A value only `json` itself can write."""


def dumps(value: Any, indent: int | None = None) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=indent)`, and with indent=None
    the compact form `separators=(",", ":")`."""
    if _quote is None:
        return _json_dumps(value, indent)
    parts: list[str] = []
    try:
        _write(value, parts, indent, "")
    except _Fallback:
        return _json_dumps(value, indent)
    return "".join(parts)


def _json_dumps(value: Any, indent: int | None) -> str:
    import json

    if indent is None:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(value, ensure_ascii=False, indent=indent)


def _write(value: Any, parts: list[str], indent: int | None, margin: str) -> None:
    if isinstance(value, str):
        parts.append(_quote(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        parts.append(int.__repr__(value))
    elif isinstance(value, float):
        parts.append(_float(value))
    elif isinstance(value, (list, tuple)):
        _write_items(value, parts, indent, margin, "[", "]")
    elif isinstance(value, dict):
        _write_items(value, parts, indent, margin, "{", "}")
    else:
        raise _Fallback


def _write_items(
    value: Any, parts: list[str], indent: int | None, margin: str, opening: str, closing: str
) -> None:
    if not value:
        parts.append(opening + closing)
        return
    inner = margin + " " * indent if indent is not None else ""
    between = ",\n" + inner if indent is not None else ","
    parts.append(opening + ("\n" + inner if indent is not None else ""))
    first = True
    if opening == "{":
        for key, item in value.items():
            if not first:
                parts.append(between)
            first = False
            parts.append(_quote(_key(key)) + (": " if indent is not None else ":"))
            _write(item, parts, indent, inner)
    else:
        for item in value:
            if not first:
                parts.append(between)
            first = False
            _write(item, parts, indent, inner)
    parts.append(("\n" + margin if indent is not None else "") + closing)


def _key(key: Any) -> str:
    """A dict key as json writes it (a str as it is; numbers, booleans, None spelled)."""
    if isinstance(key, str):
        return key
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, int):
        return int.__repr__(key)
    if isinstance(key, float):
        return _float(key)
    raise _Fallback


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == -float("inf"):
        return "-Infinity"
    return float.__repr__(value)


class _Context:
    """What json.decoder.JSONDecoder gives its scanner, with json.loads's defaults."""

    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = {
        "-Infinity": float("-inf"),
        "Infinity": float("inf"),
        "NaN": float("nan"),
    }.__getitem__


_scan = _make_scanner(_Context()) if _make_scanner is not None else None


def loads(text: str) -> Any:
    """`json.loads(text)` for a str: the same value, or json's own error."""
    if _scan is None or not isinstance(text, str):
        return _json_loads(text)
    start = len(text) - len(text.lstrip(_WHITESPACE))
    try:
        value, end = _scan(text, start)
    except (StopIteration, ValueError):
        return _json_loads(text)  # raises json's JSONDecodeError, with its message
    if end != len(text) and text[end:].strip(_WHITESPACE):
        return _json_loads(text)
    return value


def _json_loads(text: Any) -> Any:
    import json

    return json.loads(text)
