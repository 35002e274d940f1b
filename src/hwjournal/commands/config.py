"""hw config show | set: the person's settings in config.toml (config.py reads
and changes the file; here they are shown)."""

import os
from typing import Any

from hwjournal import config as config_mod
from hwjournal import messages
from hwjournal.context import Context, print_json, say

# how `hw config set` takes these, where that differs from how the file holds them


def _warn_unknown(config: config_mod.Config) -> None:
    for line in config_mod.unknown_warnings(config):
        say(line)


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(value) if value else messages.CONFIG_NONE
    if value == "":
        return messages.CONFIG_NOT_SET
    return str(value)


def run_show(ctx: Context, *, json: bool) -> int:
    config = config_mod.load()
    _warn_unknown(config)
    settings = config.as_dict()
    country, source, locale_value = _country_in_use(config)
    if json:
        language, language_from, _value = _language_in_use(config)
        print_json(
            {
                **settings,
                "country_in_use": country,
                "country_from": source,
                "language_in_use": language,
                "language_from": language_from,
            }
        )
        return 0
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from hwjournal import display
    from hwjournal.render.look import Listing

    table = Table(box=None, pad_edge=False, show_header=False, show_edge=False)
    table.add_column("key", style="hw.id", no_wrap=True)
    table.add_column("value")
    table.add_column("allowed", style="hw.label")
    for key, value in settings.items():
        default = config_mod.KEYS[key][0]
        allowed = messages.CONFIG_ALLOWED_SHOWN.get(key) or messages.CONFIG_ALLOWED[key]
        shown = display.text(_shown(value), "" if value != default else "hw.label")
        table.add_row(key, shown, allowed)
    exists = os.path.exists(config.path)
    where = messages.CONFIG_FROM if exists else messages.CONFIG_DEFAULTS
    screen = Group(
        Listing(table, ("{}", "{}", messages.CONFIG_ROW_ALLOWED)),
        Text(""),
        display.text(_country_line(country, source, locale_value)),
        display.text(_language_line(*_language_in_use(config))),
        display.text(where.format(path=config.path), "hw.label"),
    )
    display.show(ctx, screen)
    return 0


def _country_in_use(config: config_mod.Config) -> tuple[str | None, str, str]:
    """The country where to turn is for, where it came from ("setting", "locale" or
    "none"), and the locale value it was read from."""
    from hwjournal import crisis

    found, source = crisis.person_country(config.country)
    locale_value = next((os.environ[n] for n in crisis.LOCALE_VARIABLES if os.environ.get(n)), "")
    return (found.code if found else None), source, locale_value


def _language_in_use(config: config_mod.Config) -> tuple[str, str, str]:
    """The language hw speaks, where it came from ("setting", "locale" or "default"),
    and the locale value it was read from."""
    from hwjournal.language import source

    return source(config.language)


def _language_line(code: str, source: str, locale_value: str) -> str:
    from hwjournal.language import NAMES

    if source == "default":
        return messages.CONFIG_LANGUAGE_DEFAULT
    where = messages.CONFIG_COUNTRY_SOURCES[source].format(value=locale_value)
    return messages.CONFIG_LANGUAGE_FROM.format(language=code, name=NAMES[code], source=where)


def _country_line(code: str | None, source: str, locale_value: str) -> str:
    if code is None:
        return messages.CONFIG_COUNTRY_NONE
    from hwjournal import crisis

    found = crisis.country(code)
    where = messages.CONFIG_COUNTRY_SOURCES[source].format(value=locale_value)
    return messages.CONFIG_COUNTRY_FROM.format(country=code, name=found.name, source=where)


def run_set(ctx: Context, *, key: str, value: str) -> int:
    stored = config_mod.set_value(key, value, on_unknown=_warn_unknown)
    if key == "language":  # said in the language just chosen
        from hwjournal import i18n
        from hwjournal.language import resolve

        i18n.install(resolve(stored))
    shown = _shown(stored)
    if key == "language" and stored in messages.LANGUAGE_NAMES:
        shown = f"{shown} ({messages.LANGUAGE_NAMES[stored]})"  # "es (español)"
    say(messages.CONFIG_SET.format(key=key, value=shown))
    return 0


def _keys(incomplete: str) -> list[tuple[str, str]]:
    return [(k, allowed) for k, (_, allowed) in config_mod.KEYS.items() if k.startswith(incomplete)]
