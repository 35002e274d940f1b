"""hw's words in the person's language: the run's language (language.py, decided once
in cli.main) picks a gettext catalog, and every sentence of messages.py is put in
that language there and then, so `messages.NAME` reads in it wherever it is used.

English is the source: messages.py's own text is the msgid, so an English run reads
no catalog at all. Another language loads one compiled catalog
(`locale/LANG/LC_MESSAGES/hwjournal.mo`), read as the standard library's gettext
reads it (mo.py): never Babel, never Rich. A sentence the catalog lacks stays English.

Numbers and counts (numerals.py) follow: the language's marks from messages.NUMBER_FORMAT
and messages.PERCENT, and a Plural sentence's form from the catalog's `ngettext` (its
Plural-Forms header decides which form a count takes).

The command line's own words (Typer's "Options", "Commands", "No such command") go
through `gettext()` here too (cli_words.py hands it to Typer); spec.py's help texts
are put in the language when the help is drawn (typer_app.py).
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from gettext import GNUTranslations

    from hwjournal.numerals import Plural

DOMAIN = "hwjournal"
LOCALE_DIR = os.path.join(os.path.dirname(__file__), "locale")

language = "en"  # the language this run speaks
_catalog: GNUTranslations | None = None
# messages.py's own text, by name, kept before any change: a sentence, or a dict of them
_english: dict[str, str | dict[str, str]] = {}


def catalog_path(code: str, locale_dir: str | None = None) -> str:
    """Where the compiled catalog of a language is."""
    return os.path.join(locale_dir or LOCALE_DIR, code, "LC_MESSAGES", DOMAIN + ".mo")


def install(code: str) -> None:
    """Speak `code` from now on: messages.py's sentences in it (English: as written).
    A language without a catalog file is English."""
    global language, _catalog
    if code == language:
        return
    from hwjournal import messages

    english = english_messages()
    catalog = _load(code) if code != "en" else None
    said = catalog.gettext if catalog is not None else str
    for name, text in english.items():
        if isinstance(text, dict):  # changed in place: a module may hold it by another name
            words = getattr(messages, name)
            words.update({key: said(value) for key, value in text.items()})
        else:
            setattr(messages, name, said(text))
    _catalog = catalog
    language = code if catalog is not None else "en"
    from hwjournal import numerals

    numerals.speak(
        messages.NUMBER_FORMAT, messages.PERCENT, catalog.ngettext if catalog is not None else None
    )


def _load(code: str) -> GNUTranslations | None:
    """The language's catalog, read as gettext reads it but without importing gettext
    (mo.py: it would bring re and locale to every run in the language)."""
    from hwjournal import mo

    try:
        with open(catalog_path(code), "rb") as file:
            return mo.read(file)
    except Exception:  # missing or damaged (cut short, bad bytes): English, never a crash
        return None


def english_messages() -> dict[str, str | dict[str, str]]:
    """Every sentence of messages.py as written there (in English), by name; a dict of
    sentences (by key) is kept as a copy."""
    if not _english:
        from hwjournal import messages

        for name, value in vars(messages).items():
            if name.isupper() and isinstance(value, str):
                _english[name] = value
            elif name.isupper() and isinstance(value, dict):
                _english[name] = dict(value)
    return _english


def gettext(text: str) -> str:
    """`text` (English, a msgid) in this run's language."""
    return text if _catalog is None else _catalog.gettext(text)


def msgids() -> list[str]:
    """Every English sentence messages.py has, once each: what a catalog translates
    (a Plural sentence: see plurals())."""
    found: dict[str, None] = {}
    for text in english_messages().values():
        for one in text.values() if isinstance(text, dict) else (text,):
            found[one] = None
    return list(found)


def plurals() -> list[Plural]:
    """Every sentence with a count in messages.py (a msgid and its msgid_plural)."""
    from hwjournal import messages
    from hwjournal.numerals import Plural

    return [value for name, value in vars(messages).items() if isinstance(value, Plural)]
