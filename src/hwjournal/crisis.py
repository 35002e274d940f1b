"""The shipped table of crisis resources by country (data/crisis.toml), and which
country is the person's: the `country` setting, else the territory of the locale; and a
country's name in the person's language.

Plain data only; safety.py turns it into where to turn. The table is read only when
something needs it (an alert, `hw sos`, `hw config`), never on the fast path."""

from __future__ import annotations

import os

from hwjournal.language import code_of

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# the locale variables that decide the territory, in the order POSIX gives them weight
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
# where there is no country: the common emergency numbers, and a directory of lines
COMMON_EMERGENCY = ("911", "999", "112", "000")
DIRECTORY = "findahelpline.com"

_table: dict[str, dict[str, Any]] | None = None


class Line:
    """One crisis line: its name, the number to call (as the organisation writes it),
    a number to text, its hours, whether it is free, and where that was read."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.name: str = data["name"]
        self.phone: str = data["phone"]
        self.other_phones: list[str] = data.get("other_phones", [])
        self.sms: str = data.get("sms", "")
        self.hours: str = data.get("hours", "")
        self.free: bool = data.get("free", False)
        self.language: str = data.get("language", "")
        self.options: list[dict[str, Any]] = data.get("options", [])
        self.source: str = data["source"]
        self.checked: str = data["checked"]


class Country:
    """One country of the table: its names, emergency number(s) and crisis lines."""

    def __init__(self, code: str, data: dict[str, Any]) -> None:
        self.code = code
        self.name: str = data["name"]
        self.names: dict[str, str] = data.get("names", {})
        self.emergency: list[str] = data["emergency"]
        self.emergency_source: str = data["emergency_source"]
        self.emergency_checked: str = data["emergency_checked"]
        self.lines = [Line(line) for line in data.get("lines", [])]

    def name_in(self, language: str) -> str:
        """The country's name in a language (`es`, `es_MX.UTF-8`, `es-MX`), else English."""
        return self.names.get(code_of(language)) or self.name


def table() -> dict[str, dict[str, Any]]:
    """The whole table as the file has it: code -> country data."""
    global _table
    if _table is None:
        import tomllib
        from importlib.resources import files

        text = files("hwjournal").joinpath("data", "crisis.toml").read_text(encoding="utf-8")
        _table = tomllib.loads(text)["countries"]
    return _table


def codes() -> list[str]:
    return sorted(table())


def country(code: str | None) -> Country | None:
    """The table's entry for a code, or None (no code, or one the table lacks)."""
    if not code:
        return None
    data = table().get(code.upper())
    return Country(code.upper(), data) if data is not None else None


def country_name(code: str, language: str) -> str:
    """The name of the table's country `code` in `language` (a code or a locale name),
    falling back to its English name; a code the table lacks is given back as it is."""
    found = country(code)
    return found.name_in(language) if found is not None else code


def locale_territory(environ: Any = None) -> str | None:
    """The territory of the locale: the first of LC_ALL, LC_MESSAGES, LANG that is set
    and not empty decides (`en_GB.UTF-8` -> GB); `C`, `POSIX` and `C.UTF-8` have none."""
    environ = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            base = value.split(".", 1)[0].split("@", 1)[0]
            if "_" not in base:
                return None
            territory = base.split("_", 1)[1]
            return territory.upper() if len(territory) == 2 and territory.isalpha() else None
    return None


def person_country(setting: str, environ: Any = None) -> tuple[Country | None, str]:
    """The person's country and where it came from: "setting", "locale" or "none"."""
    if setting:
        found = country(setting)
        if found is not None:
            return found, "setting"
    found = country(locale_territory(environ))
    if found is not None:
        return found, "locale"
    return None, "none"
