"""The person's settings, read from config.toml. Reading stays cheap: tomllib is
imported only when the file exists."""

from __future__ import annotations

import os

from hwjournal import paths
from hwjournal.errors import UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

WEEK_STARTS = ("monday", "sunday")

# key -> (default, description of what is allowed)
KEYS: dict[str, tuple[Any, str]] = {
    "name": ("", "any text (how you want to be named in exports)"),
    "week_start": ("monday", "monday or sunday"),
    "template_dirs": ([], "a list of folders, e.g. ['~/hw-templates']"),
    "backup_keep": (7, "a whole number, 0 or more"),
    "mood_checkin": (True, "true or false"),
    "editor": (False, "true or false"),
    "crisis_contact": ("", "a phone number or a name"),
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
        unknown: list[str] | None = None,
        path: str = "",
    ) -> None:
        self.name = name
        self.week_start = week_start
        self.template_dirs = [] if template_dirs is None else template_dirs
        self.backup_keep = backup_keep
        self.mood_checkin = mood_checkin
        self.editor = editor
        self.crisis_contact = crisis_contact
        self.unknown = [] if unknown is None else unknown
        self.path = path

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
        raise UsageError(f"There is no setting called '{key}'.", f"Settings are: {allowed}.")
    default, allowed = KEYS[key]
    problem = UsageError(f"'{value}' is not a valid value for {key}.", f"Use {allowed}.")
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
    if key == "week_start":
        if isinstance(value, str) and value.strip().lower() in WEEK_STARTS:
            return value.strip().lower()
        raise problem
    if isinstance(value, str):
        return value
    raise problem


def load(path: str | None = None) -> Config:
    path = path or paths.config_path()
    config = Config(path=path)
    if not os.path.exists(path):
        return config
    import tomllib

    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(
            f"{path}: {exc}.", "Fix the file by hand, or move it aside to start afresh."
        ) from None
    except OSError as exc:
        raise UsageError(f"Cannot read {path}: {exc.strerror}.") from None
    for key, value in data.items():
        if key not in KEYS:
            config.unknown.append(key)
            continue
        try:
            setattr(config, key, check_value(key, value))
        except UsageError as exc:
            raise UsageError(f"{path}: {exc.message}", exc.hint) from None
    return config


def warn_unknown(config: Config) -> None:
    """Say on stderr which settings in the file hw does not know: a misspelt
    `crisis_contact` would otherwise be silently missing from every alert."""
    if config.unknown:
        import sys

        from hwjournal import messages

        names = ", ".join(f"'{key}'" for key in config.unknown)
        sys.stderr.write(messages.CONFIG_UNKNOWN_KEYS.format(path=config.path, names=names) + "\n")
        sys.stderr.write(messages.CONFIG_KEYS_ARE.format(keys=", ".join(KEYS)) + "\n")
