"""hw config show | set: the person's settings in config.toml.

`set` changes one line and leaves the rest of the file as the person wrote it
(comments, order, blank lines): the key's own line is replaced when it is a plain
`key = value`, else the setting is added at the end of the top-level keys. Only
when that cannot be done faithfully is the file rewritten whole with tomli-w.
"""

import os
import re
from typing import Any

from hwjournal import atomic, messages, paths
from hwjournal import config as config_mod
from hwjournal.context import Context, print_json, say
from hwjournal.errors import UsageError

# how `hw config set` takes these, where that differs from how the file holds them
ALLOWED_SHOWN = {"template_dirs": "folders, separated by commas"}

HEADER = "# hw settings. Change them with: hw config set KEY VALUE (see: hw config show)\n"


def _warn_unknown(config: config_mod.Config) -> None:
    config_mod.warn_unknown(config)


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(value) if value else "(none)"
    if value == "":
        return "(not set)"
    return str(value)


def run_show(ctx: Context, *, json: bool) -> int:
    config = config_mod.load()
    _warn_unknown(config)
    settings = config.as_dict()
    if json:
        print_json(settings)
        return 0
    from rich.table import Table
    from rich.text import Text

    from hwjournal import display

    table = Table(box=None, pad_edge=False, show_header=False, show_edge=False)
    table.add_column("key", style="hw.id", no_wrap=True)
    table.add_column("value")
    table.add_column("allowed", style="hw.label")
    for key, value in settings.items():
        default, allowed = config_mod.KEYS[key]
        allowed = ALLOWED_SHOWN.get(key, allowed)
        shown = display.text(_shown(value), "" if value != default else "hw.label")
        table.add_row(key, shown, allowed)
    out = display.console()
    out.print(table)
    exists = os.path.exists(config.path)
    where = messages.CONFIG_FROM if exists else messages.CONFIG_DEFAULTS
    out.print(Text(""))
    out.print(display.text(where.format(path=config.path), "hw.label"))
    return 0


# ------------------------------------------------------------------ writing


def _value_line(key: str, value: Any) -> str:
    """`key = value` on one line, as tomli-w writes each value."""
    import tomli_w

    def one(v: Any) -> str:
        return tomli_w.dumps({"v": v})[len("v = ") :].rstrip("\n")

    if isinstance(value, list):
        return f"{key} = [{', '.join(one(v) for v in value)}]"
    return f"{key} = {one(value)}"


def _parses_as(text: str) -> dict[str, Any] | None:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None


def _comment_of(line: str, key: str) -> str:
    """The trailing `# comment` of a one-line `key = value`, with its spacing, or ''."""
    whole = _parses_as(line)
    for match in re.finditer("#", line):
        head = line[: match.start()]
        if _parses_as(head) == whole:
            return line[len(head.rstrip()) :]
    return ""


def _top_level_end(lines: list[str]) -> int:
    """Index of the first [table] header: top-level keys must stay above it."""
    for index, line in enumerate(lines):
        if line.lstrip().startswith("["):
            return index
    return len(lines)


def edited_text(text: str, key: str, value: Any) -> str | None:
    """The file with just this setting changed, or None when that cannot be done
    without disturbing the rest."""
    lines = text.splitlines()
    end = _top_level_end(lines)
    pattern = re.compile(r"^\s*" + re.escape(key) + r"\s*=")
    new_line = _value_line(key, value)
    for index in range(end):
        if not pattern.match(lines[index]):
            continue
        # the value may run over several lines (a list written one item a line)
        for stop in range(index + 1, end + 1):
            chunk = "\n".join(lines[index:stop])
            parsed = _parses_as(chunk)
            if parsed is not None and list(parsed) == [key]:
                comment = _comment_of(chunk, key) if stop == index + 1 else ""
                indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
                lines[index:stop] = [indent + new_line + comment]
                return "\n".join(lines) + "\n"
        return None
    at = end
    while at > 0 and not lines[at - 1].strip() and end < len(lines):
        at -= 1  # keep the blank line before the first table where it was
    lines[at:at] = [new_line]
    return "\n".join(lines) + "\n"


def _read(path: str) -> tuple[str, dict[str, Any]]:
    """The file's text and settings; a new file starts with a one-line header."""
    import tomllib

    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except FileNotFoundError:
        return HEADER, {}
    except (OSError, UnicodeDecodeError) as exc:
        problem = getattr(exc, "strerror", None) or exc
        raise UsageError(messages.CONFIG_UNREADABLE.format(path=path, problem=problem)) from None
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(
            messages.CONFIG_MALFORMED.format(path=path, problem=exc), messages.CONFIG_MALFORMED_HINT
        ) from None


def run_set(ctx: Context, *, key: str, value: str) -> int:
    stored = config_mod.check_value(key, value)  # a bad key or value: refused, file untouched
    path = paths.config_path()
    text, data = _read(path)
    # other settings are left as they are, even a bad one: this may be the fix for it
    _warn_unknown(
        config_mod.Config(path=path, unknown=[k for k in data if k not in config_mod.KEYS])
    )
    wanted = {**data, key: stored}
    new_text = edited_text(text, key, stored)
    if new_text is None or _parses_as(new_text) != wanted:
        import tomli_w

        new_text = HEADER + tomli_w.dumps(wanted)
    paths.make_private_dir(os.path.dirname(os.path.abspath(path)))
    atomic.write_private(path, new_text, force=True)
    say(messages.CONFIG_SET.format(key=key, value=_shown(stored)))
    return 0


def _keys(incomplete: str) -> list[tuple[str, str]]:
    return [(k, allowed) for k, (_, allowed) in config_mod.KEYS.items() if k.startswith(incomplete)]
