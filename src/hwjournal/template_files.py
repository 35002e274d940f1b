"""A template file as text, both ways: where a key sits in it (so a broken file is
named with its line) and the file written anew (`hw templates new`): a comment
header that explains the format, then the template as readable TOML."""

from __future__ import annotations

from hwjournal import messages, sources
from hwjournal.errors import TemplateError
from hwjournal.i18n import gettext  # a new template in the person's language

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# ---------------------------------------------------------------- reading: where things are


def line_of(text: str, key: str, table: str | None = None, index: int = 0) -> int | None:
    """Best-effort line number of `key` at top level, or inside the index-th `[[table]]`."""
    import re

    lines = text.splitlines()
    start = 0
    if table:
        header = re.compile(r"^\s*\[\[?\s*" + re.escape(table) + r"\s*\]\]?\s*(#.*)?$")
        seen = -1
        for number, line in enumerate(lines):
            if header.match(line):
                seen += 1
                if seen == index:
                    start = number
                    break
        else:
            return None
        if not key:
            return start + 1
        start += 1
    pattern = re.compile(r"^\s*" + re.escape(key) + r"\s*=")
    for number in range(start, len(lines)):
        if lines[number].lstrip().startswith("["):
            break
        if pattern.match(lines[number]):
            return number + 1
    return None


def opening_line(text: str, found: int | None) -> int | None:
    """The line to name for a TOML error. tomllib names where it noticed the problem;
    when that is the end of the file, or the file already stops parsing before that
    line, the problem is something left open (a string, a list): name the line it
    opens on, the first line after which the file stops parsing."""
    import tomllib

    lines = text.splitlines()

    def parses(count: int) -> bool:
        try:
            tomllib.loads("\n".join(lines[:count]))
        except tomllib.TOMLDecodeError:
            return False
        return True

    if found is not None and (found <= 1 or parses(found - 1)):
        return found
    for number in range(1, len(lines) + 1):
        if not parses(number):
            return number
    return found or len(lines) or None


def key_on(text: str, line: int | None) -> str | None:
    """The key written on a line (`why = ...`), to name it with a TOML error."""
    import re

    if line is None:
        return None
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    match = re.match(r"\s*([A-Za-z0-9_-]+)\s*(=|$)", lines[line - 1])
    return match.group(1) if match else None


# What the pattern rb'^layout *= *"([a-z]*)" *$' (a line of its own) finds in a
# template's bytes, found without `re`: tests/test_without_re.py holds the two equal.
_LETTERS = frozenset(b"abcdefghijklmnopqrstuvwxyz")


def layout_lines(text: bytes) -> list[tuple[int, bytes]]:
    """(where the line starts, the layout it names) for each `layout = "..."` line."""
    found, start = [], 0
    for line in text.split(b"\n"):
        rest = line[6:].lstrip(b" ") if line.startswith(b"layout") else b""
        value = rest[1:].lstrip(b" ") if rest[:1] == b"=" else b""
        end = value.find(b'"', 1)
        whole = value[:1] == b'"' and end > 0 and not value[end + 1 :].strip(b" ")
        if whole and _LETTERS.issuperset(value[1:end]):
            found.append((start, value[1:end]))
        start += len(line) + 1
    return found


def read(path: str) -> tuple[dict[str, Any], str]:
    """A template (or overlay) file's table and text; TemplateError naming the file,
    and the line where TOML gives it, when it cannot be read or parsed. A built-in
    file as shipped is not parsed: its data was read when hw was built
    (templates_compiled.py, by scripts/compile_templates.py)."""
    try:
        with sources.open_file(path, sources.SMALL_FILE, "template") as fh:
            raw = fh.read()
    except sources.FileProblem as exc:
        raise TemplateError(
            path, messages.TEMPLATE_UNREADABLE.format(problem=exc.problem)
        ) from None
    except OSError as exc:
        from hwjournal.problems import os_said

        problem = os_said(exc)
        raise TemplateError(path, messages.TEMPLATE_UNREADABLE.format(problem=problem)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise TemplateError(path, messages.TEMPLATE_NOT_UTF8) from None
    from hwjournal import jsontext, templates_compiled

    shipped = templates_compiled.DATA.get(text)  # a built-in file exactly as shipped
    if shipped is not None:
        return jsontext.loads(shipped), text
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        import re

        from hwjournal.problems import said

        match = re.search(r"line (\d+)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        line = opening_line(text, int(match.group(1)) if match else None)
        raise TemplateError(
            path,
            messages.TEMPLATE_NOT_TOML.format(problem=said(message)),
            key=key_on(text, line),
            line=line,
        ) from None
    return data, text


# ---------------------------------------------------------------- writing


def _title_from(template_id: str) -> str:
    return template_id.replace("-", " ").capitalize()


def skeleton(template_id: str) -> dict[str, Any]:
    """The smallest template worth starting from: it validates and ends with a reflection."""
    return {
        "id": template_id,
        "title": _title_from(template_id),
        "version": 1,
        "modality": "custom",
        "goals": ["self-awareness"],
        "summary": gettext("One line that says what this exercise asks."),
        "why": gettext("A sentence or two, in your own words, on what this exercise is for."),
        "cadence": "daily",
        "minutes": 10,
        "steps": [
            {
                "id": "moment",
                "type": "text",
                "prompt": gettext("What happened today that you want to look at?"),
                "help": gettext("A few words are enough."),
                "required": True,
            },
            {
                "id": "feeling",
                "type": "scale",
                "min": 0,
                "max": 10,
                "labels": {"0": gettext("calm"), "10": gettext("overwhelmed")},
                "prompt": gettext("How strong was the feeling?"),
            },
            {
                "id": "reflection",
                "type": "long",
                "prompt": gettext("What do you notice, looking back at it now?"),
                "reflection": True,
            },
        ],
    }


def copy_of(raw: dict[str, Any], new_id: str) -> dict[str, Any]:
    """Another template's file content (its `raw` table) under a new id (a new
    template starts at version 1)."""
    data = dict(raw)
    if new_id != raw.get("id"):
        data["version"] = 1
    data["id"] = new_id
    # id first, as people expect to read it
    return {"id": new_id, **{k: v for k, v in data.items() if k != "id"}}


def _value(value: Any) -> str:
    """One value as TOML, on one line."""
    import tomli_w

    return tomli_w.dumps({"v": value})[len("v = ") :].rstrip("\n")


def _literal(key: str, value: Any) -> str:
    import tomli_w

    if isinstance(value, list) and not any(isinstance(v, dict | list) for v in value):
        line = f"{key} = [{', '.join(_value(v) for v in value)}]"
        if len(line) <= 100:  # a short list reads best on one line, as people write it
            return line + "\n"
    return tomli_w.dumps({key: value}, multiline_strings=True)


def _inline_table(key: str, table: dict[str, Any]) -> str:
    """`key = { a = 1, b = "x" }`: tomli-w would write a [steps.labels] sub-table,
    where a key added below it by hand would silently land in the labels."""
    import tomli_w

    parts = [tomli_w.dumps({k: v}).strip() for k, v in table.items()]
    return f"{key} = {{ {', '.join(parts)} }}\n" if parts else f"{key} = {{}}\n"


def _body(data: dict[str, Any]) -> str:
    out: list[str] = []
    for key, value in data.items():
        if key not in ("scoring", "steps"):
            out.append(_literal(key, value))
    if "scoring" in data:
        out.append("\n[scoring]\n")
        for key, value in data["scoring"].items():  # sources: a table, kept inline
            out.append(
                _inline_table(key, value) if isinstance(value, dict) else _literal(key, value)
            )
    for step in data.get("steps", []):
        out.append("\n[[steps]]\n")
        for key, value in step.items():
            if isinstance(value, dict):
                out.append(_inline_table(key, value))
            else:
                out.append(_literal(key, value))
    return "".join(out)


def render(data: dict[str, Any], path: str, origin: str = "") -> str:
    """The file's text: the comment header, then the template as TOML."""
    import shlex
    import tomllib

    import tomli_w

    body = _body(data)
    try:
        same = tomllib.loads(body) == data
    except tomllib.TOMLDecodeError:
        same = False
    if not same:  # the readable layout did not round-trip: plain tomli-w always does
        body = tomli_w.dumps(data, multiline_strings=True)
    made_from = gettext(", made from {origin}").format(origin=origin) if origin else ""
    header = messages.TEMPLATE_FILE_HEADER
    return header.format(id=data["id"], origin=made_from, path=shlex.quote(path)) + body
