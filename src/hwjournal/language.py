"""Which language hw speaks to this person: the `language` setting where it names
one hw has, else the locale (the first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is
set: `es_MX.UTF-8` -> es), else English. A language hw lacks falls back to English.

Pure and cheap: it loads on every run, `hw due` in a shell prompt included.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

LANGUAGES = ("en", "es")  # the languages hw has catalogs for; English is the source
DEFAULT = "en"
NAMES = {"en": "English", "es": "español"}  # each language in its own words
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def code_of(value: str) -> str:
    """The language part of a locale name: `es_MX.UTF-8@euro` -> es, `C` -> c."""
    return value.split(".", 1)[0].split("@", 1)[0].split("_", 1)[0].split("-", 1)[0].lower()


def from_locale(environ: Mapping[str, str] | None = None) -> str:
    """The language of the locale, or English. The first variable that is set decides;
    LANGUAGE may list several (`fr:es`), the first hw has wins."""
    environ = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "")
        if not value:
            continue
        for part in value.split(":") if name == "LANGUAGE" else (value,):
            code = code_of(part)
            if code in LANGUAGES:
                return code
        return DEFAULT
    return DEFAULT


def source(setting: str, environ: Mapping[str, str] | None = None) -> tuple[str, str, str]:
    """The language for a setting, where it came from ("setting", "locale" or
    "default") and the locale value it was read from (`hw config show`)."""
    environ = os.environ if environ is None else environ
    code = setting.strip().lower()
    if code in LANGUAGES:
        return code, "setting", ""
    value = next((environ[name] for name in LOCALE_VARIABLES if environ.get(name)), "")
    found = from_locale(environ)
    if value and (found != DEFAULT or code_of(value.split(":")[0]) == DEFAULT):
        return found, "locale", value
    return DEFAULT, "default", value


def setting_in(text: str) -> str | None:
    """The `language` setting of a settings file, read without a TOML parser (every run
    needs it, and most need nothing else from the file): "" when the file sets none,
    None when the file is not the plain lines hw writes, or the setting not a plain
    code (then the caller reads the file properly)."""
    if "language" not in text:
        return ""
    from hwjournal import quicktoml

    settings = quicktoml.loads(text.lstrip("\ufeff"))
    if settings is None:
        return None
    value = settings.get("language", "")
    if isinstance(value, str) and (not value or value.replace("-", "").replace("_", "").isalnum()):
        return value
    return None


def resolve(setting: str, environ: Mapping[str, str] | None = None) -> str:
    """The language for a `language` setting ("" for none): the setting when hw has
    it, else the locale's."""
    code = setting.strip().lower()
    return code if code in LANGUAGES else from_locale(environ)
