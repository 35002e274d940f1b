"""The person's settings in config.toml: read (cheaply: the plain lines hw writes
without a TOML parser, tomllib only for anything else), and changed one at a time.

A change touches one line and leaves the rest of the file as the person wrote it
(comments, order, blank lines): the key's own line is replaced when it is a plain
`key = value`, else the setting is added at the end of the top-level keys. Only
when that cannot be done faithfully is the file rewritten whole with tomli-w.
"""

from __future__ import annotations

import os

from hwjournal import messages, paths
from hwjournal.errors import UsageError
from hwjournal.i18n import gettext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

WEEK_STARTS = ("monday", "sunday")
_HEADER = "# hw settings. Change them with: hw config set KEY VALUE (see: hw config show)\n"

# key -> (default, description of what is allowed)
_DEFAULTS: dict[str, Any] = {
    "name": "",
    "week_start": "monday",
    "template_dirs": [],
    "backup_keep": 7,
    "mood_checkin": True,
    "editor": False,
    "crisis_contact": "",
    "keyring": False,
    "country": "",
    "care_start": "",
    "language": "",
}
# each setting's default and what it may be (messages.CONFIG_ALLOWED: where it is
# shown, read from there, in the run's language)
KEYS: dict[str, tuple[Any, str]] = {
    key: (default, messages.CONFIG_ALLOWED[key]) for key, default in _DEFAULTS.items()
}


class Config:
    """The settings, each defaulting as KEYS says. A plain class rather than a
    dataclass: the settings load on the fast path (`hw due` reads week_start)."""

    def __init__(
        self,
        name: str = "",
        week_start: str = "monday",
        template_dirs: list[str] | None = None,
        backup_keep: int = 7,
        mood_checkin: bool = True,
        editor: bool = False,
        crisis_contact: str = "",
        keyring: bool = False,
        country: str = "",
        care_start: str = "",
        language: str = "",
        unknown: list[str] | None = None,
        path: str = "",
        given: list[str] | None = None,
    ) -> None:
        self.name = name
        self.week_start = week_start
        self.template_dirs = [] if template_dirs is None else template_dirs
        self.backup_keep = backup_keep
        self.mood_checkin = mood_checkin
        self.editor = editor
        self.crisis_contact = crisis_contact
        self.keyring = keyring
        self.country = country
        self.care_start = care_start  # an ISO date, or "" for none
        self.language = language  # a language code, or "" to go by the locale
        self.unknown = [] if unknown is None else unknown
        self.path = path
        self.given = [] if given is None else given  # the keys the file sets

    def as_dict(self) -> dict[str, Any]:
        return {key: getattr(self, key) for key in KEYS}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Config):
            return NotImplemented
        return (self.as_dict(), self.unknown, self.path) == (
            other.as_dict(),
            other.unknown,
            other.path,
        )

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass it was

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self.as_dict().items())
        return f"Config({fields}, unknown={self.unknown!r}, path={self.path!r})"


_BOOL_WORDS = {
    "true": True,
    "yes": True,
    "on": True,
    "1": True,
    "false": False,
    "no": False,
    "off": False,
    "0": False,
}


def check_value(key: str, value: Any) -> Any:
    """Return the value in its stored type, or raise UsageError saying what is allowed."""
    if key not in KEYS:
        allowed = ", ".join(KEYS)
        raise UsageError(
            messages.CONFIG_NO_SUCH_KEY.format(key=key),
            messages.CONFIG_SETTINGS_ARE.format(keys=allowed),
        )
    default, allowed = KEYS[key]
    problem = UsageError(
        messages.CONFIG_BAD_VALUE.format(value=value, key=key),
        messages.USE_ALLOWED.format(allowed=messages.CONFIG_ALLOWED[key]),
    )
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _BOOL_WORDS:
            return _BOOL_WORDS[value.strip().lower()]
        raise problem
    if isinstance(default, int):
        if isinstance(value, bool):
            raise problem
        if isinstance(value, int) and value >= 0:
            return value
        if isinstance(value, str) and value.strip().isdecimal():
            return int(value.strip())
        raise problem
    if isinstance(default, list):
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return value
        raise problem
    if key == "country":
        return _country(value, problem)
    if key == "week_start":
        if isinstance(value, str) and value.strip().lower() in WEEK_STARTS:
            return value.strip().lower()
        raise problem
    if key == "care_start":
        return _care_start(value, problem)
    if key == "language":
        return _language(value, problem)
    if isinstance(value, str):
        return value
    raise problem


def _country(value: Any, problem: UsageError) -> str:
    """Two letters (any case), or empty for none. Whether the crisis table has the
    code is asked when it is set (known_country): reading the table on every command
    would cost the fast path, and an unknown code in the file just means none."""
    if not isinstance(value, str):
        raise problem
    code = value.strip().upper()
    if code and not (len(code) == 2 and code.isascii() and code.isalpha()):
        raise _unknown_country(value)
    return code


def _unknown_country(value: str) -> UsageError:
    from hwjournal import crisis

    return UsageError(
        messages.CONFIG_BAD_COUNTRY.format(value=value),
        messages.CONFIG_COUNTRIES_ARE.format(codes=", ".join(crisis.codes())),
    )


def known_country(code: str, given: str) -> None:
    """Refuse a country code the crisis table lacks (as given), with the codes it has."""
    from hwjournal import crisis

    if code and code not in crisis.codes():
        raise _unknown_country(given)


def _language(value: Any, problem: UsageError) -> str:
    """A language code, kept lower case, or empty for none. Whether hw has it is asked
    when it is set (known_language): in the file, one hw lacks just means English."""
    if not isinstance(value, str):
        raise problem
    code = value.strip().lower()
    if code and not (2 <= len(code) <= 3 and code.isascii() and code.isalpha()):
        raise _unknown_language(value)
    return code


def _unknown_language(value: str) -> UsageError:
    from hwjournal.language import LANGUAGES

    return UsageError(
        messages.CONFIG_BAD_LANGUAGE.format(value=value),
        messages.CONFIG_LANGUAGES_ARE.format(codes=", ".join(LANGUAGES)),
    )


def known_language(code: str, given: str) -> None:
    """Refuse a language hw has no words for (as given), with the ones it has."""
    from hwjournal.language import LANGUAGES

    if code and code not in LANGUAGES:
        raise _unknown_language(given)


def _care_start(value: Any, problem: UsageError) -> str:
    """A date as the day a course of care began (any date hw reads), kept as ISO."""
    import datetime as dt

    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise problem
    if not value.strip():
        return ""
    from hwjournal.dates import parse_date

    try:
        return parse_date(value).isoformat()
    except UsageError:
        raise problem from None


def care_start_of(config: Any) -> Any:
    """The config's `care_start` as a datetime.date; None when it is not set."""
    import datetime as dt

    text = getattr(config, "care_start", "")
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def load(path: str | None = None) -> Config:
    path = path or paths.config_path()
    config = Config(path=path)
    if not os.path.exists(path):
        return config
    from hwjournal import quicktoml, sources

    try:
        text = sources.read_text(path, sources.SMALL_FILE, gettext("settings file"))
    except OSError as exc:
        raise _refused(path, exc, messages.CANNOT_READ) from None
    data = quicktoml.loads(text)  # the plain lines hw writes; anything else: tomllib
    if data is None:
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise _refused(path, exc) from None
    for key, value in data.items():
        if key not in KEYS:
            config.unknown.append(key)
            continue
        config.given.append(key)
        try:
            setattr(config, key, check_value(key, value))
        except UsageError as exc:
            raise UsageError(f"{path}: {exc.message}", exc.hint) from None
    return config


def unknown_warnings(config: Config) -> list[str]:
    """What to say about the settings in the file hw does not know (nothing when all
    are known): a misspelt `crisis_contact` would otherwise be silently missing from
    every alert."""
    if not config.unknown:
        return []
    from hwjournal import messages

    names = ", ".join(f"'{key}'" for key in config.unknown)
    return [
        messages.CONFIG_UNKNOWN_KEYS.format(path=config.path, names=names),
        messages.CONFIG_KEYS_ARE.format(keys=", ".join(KEYS)),
    ]


# ------------------------------------------------------------------ changing


def set_value(
    key: str,
    value: Any,
    path: str | None = None,
    on_unknown: Callable[[Config], None] | None = None,
) -> Any:
    """Change one setting in the file (made, private, if there is none) and return
    the value as stored. A bad key or value is refused with the file untouched.
    Other settings are left as they are, even a bad one (this may be the fix for
    it); `on_unknown` hears of keys hw does not know, before anything is written."""
    from hwjournal import atomic

    stored = check_value(key, value)
    if key == "country":
        known_country(stored, value)
    if key == "language":
        known_language(stored, value)
    path = path or paths.config_path()
    text, data = _read_for_edit(path)
    if on_unknown is not None:
        on_unknown(Config(path=path, unknown=[k for k in data if k not in KEYS]))
    wanted = {**data, key: stored}
    new_text = edited_text(text, key, stored)
    if new_text is None or _parses_as(new_text) != wanted:
        import tomli_w

        new_text = _HEADER + tomli_w.dumps(wanted)
    paths.make_private_dir(os.path.dirname(os.path.abspath(path)))
    atomic.write_private(path, new_text, force=True)
    return stored


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
    import re

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
    import re

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


def _read_for_edit(path: str) -> tuple[str, dict[str, Any]]:
    """The file's text and settings; a new file starts with a one-line header."""
    import tomllib

    from hwjournal import messages, sources

    if not os.path.exists(path):
        return _HEADER, {}
    try:
        text = sources.read_text(path, sources.SMALL_FILE, gettext("settings file"))
    except OSError as exc:
        raise _refused(path, exc, messages.CONFIG_UNREADABLE) from None
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _refused(path, exc) from None


def _refused(path: str, exc: Exception, sentence: str = "") -> UsageError:
    from hwjournal import problems  # loaded only when a settings file is refused

    return problems.settings_refused(path, exc, sentence)
