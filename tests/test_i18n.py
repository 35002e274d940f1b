"""The catalogs (i18n.py): messages.py in the run's language, English read from no
catalog, the .po and the shipped .mo in step, the catalog in step with the code, and
the command line's own words (cli_words.py) from hw's catalog, not the environment.
The catalog in step with the code: tests/test_catalog_es.py."""

from __future__ import annotations

import ast
import gettext
import io
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from tests.helpers import hw_here

from hwjournal import i18n, language, messages

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "hwjournal"
TEST_PO = Path(__file__).parent / "data" / "locale" / "es" / "LC_MESSAGES" / "hwjournal.po"


def compiled(po: Path) -> gettext.GNUTranslations:
    """A .po file compiled as scripts/compile_catalogs.py does, read back by gettext."""
    with po.open("rb") as file:
        catalog = read_po(file, abort_invalid=True)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    out.seek(0)
    return gettext.GNUTranslations(out)


def entries(translations: gettext.GNUTranslations) -> dict[str, str]:
    return {k: v for k, v in translations._catalog.items() if k}  # type: ignore[attr-defined]


@pytest.fixture
def test_catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The tiny catalog of tests/data, compiled where i18n looks for catalogs."""
    target = tmp_path / "locale" / "es" / "LC_MESSAGES"
    target.mkdir(parents=True)
    with TEST_PO.open("rb") as file:
        catalog = read_po(file)
    with (target / "hwjournal.mo").open("wb") as out:
        write_mo(out, catalog)
    monkeypatch.setattr(i18n, "LOCALE_DIR", str(tmp_path / "locale"))
    return tmp_path / "locale"


def test_install_puts_every_message_in_the_language_and_back(test_catalog: Path) -> None:
    english = messages.DUE_NOTHING
    try:
        i18n.install("es")
        assert messages.DUE_NOTHING == "Hoy no toca nada. Disfruta del respiro."
        assert i18n.gettext("Options") == "Opciones"
        assert i18n.english_messages()["SAVED"] == messages.SAVED  # not in the catalog: English
    finally:
        i18n.install("en")
    assert english == messages.DUE_NOTHING
    assert i18n.gettext("Options") == "Options"


def test_a_run_speaks_the_setting_and_leaves_english_behind(test_catalog: Path) -> None:
    assert hw_here("config", "set", "language", "es").code == 0
    result = hw_here("due")
    assert result.err.strip() == "Hoy no toca nada. Disfruta del respiro."
    assert i18n.english_messages()["DUE_NOTHING"] == messages.DUE_NOTHING  # restored
    assert hw_here("config", "set", "language", "en").code == 0
    assert "Enjoy the breathing room" in hw_here("due").err


def test_english_reads_no_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise AssertionError("English read a catalog")

    monkeypatch.setattr(gettext, "GNUTranslations", refuse)
    assert hw_here("due").code == 0


def test_a_missing_catalog_is_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "LOCALE_DIR", str(tmp_path))
    result = hw_here("due", env={"LANGUAGE": "es"})
    assert "Enjoy the breathing room" in result.err


def test_the_command_lines_own_words_follow_the_setting_not_the_environment(
    test_catalog: Path,
) -> None:
    hw_here("config", "set", "language", "es")
    shown = hw_here("--help", env={"LANGUAGE": "en", "LANG": "en_US.UTF-8"})
    assert shown.out.startswith("Uso: hw [OPCIONES] COMANDO [ARGS]...")
    assert "Opciones:" in shown.out and "Comandos:" in shown.out
    assert "Show this message and exit." not in shown.out
    unknown = hw_here("lgo")
    assert unknown.code == 2
    assert "No existe el comando 'lgo'. ¿Quisiste decir 'log'?" in unknown.err
    missing = hw_here("show")
    assert "Falta el argumento 'ID'." in missing.err
    assert "No existe la opción --bogus" in hw_here("log", "--bogus").err


def test_english_usage_errors_are_clicks_own() -> None:
    assert "No such command 'lgo'. Did you mean 'log'?" in hw_here("lgo").err
    assert "Usage: hw [OPTIONS] COMMAND [ARGS]..." in hw_here("--help").out


def test_loading_a_catalog_loads_neither_babel_nor_rich(hw_home: Path) -> None:
    code = (
        "import sys\n"
        "from hwjournal import i18n, messages\n"
        "i18n.install('es')\n"
        "assert i18n.language == 'es', 'no catalog'\n"
        "print(' '.join(m for m in ('babel', 'rich', 'typer') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_every_language_hw_lists_has_a_catalog() -> None:
    for code in language.LANGUAGES:
        if code != language.DEFAULT:
            assert Path(i18n.catalog_path(code)).is_file(), code


@pytest.mark.parametrize("code", [c for c in language.LANGUAGES if c != language.DEFAULT])
def test_the_shipped_mo_is_its_po_compiled(code: str) -> None:
    po = Path(i18n.catalog_path(code)).with_suffix(".po")
    with open(i18n.catalog_path(code), "rb") as file:
        shipped = entries(gettext.GNUTranslations(file))
    assert shipped == entries(compiled(po)), "run scripts/compile_catalogs.py"


def test_no_underscore_shadows_gettext() -> None:
    """A module that names gettext `_` never binds `_` again (a loop variable, an
    unpacking), which would silently turn every `_()` after it into that value."""
    for path in SOURCE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        binds_gettext = any(
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "_" for t in node.targets)
            for node in tree.body
        )
        if not binds_gettext:
            continue
        for node in ast.walk(tree):
            targets = []
            if isinstance(node, ast.For | ast.comprehension):
                targets = [node.target]
            elif isinstance(node, ast.Assign) and node not in tree.body:
                targets = node.targets
            for target in targets:
                names = [n.id for n in ast.walk(target) if isinstance(n, ast.Name)]
                assert "_" not in names, f"{path.name}:{getattr(node, 'lineno', '?')}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ""),
        ('name = "Sam"\n', ""),
        ('name = "Sam"\nlanguage = "es"\n', "es"),
        ('language="ES"  # mine\n', "ES"),
        ('language = ""\n', ""),
        ("languages = 3\n", ""),
        ('[table]\nlanguage = "es"\n', None),  # a table: read as TOML (and not top-level)
        ('language = "e\\u0073"\n', None),  # not the plain line: read as TOML
        ("language = 5\n", None),
    ],
)
def test_the_language_setting_is_read_without_a_toml_parser_where_it_is_plain(
    text: str, expected: str | None
) -> None:
    assert language.setting_in(text) == expected


def test_an_escaped_language_setting_is_still_read(hw_home: Path) -> None:
    hw_home.mkdir(parents=True, exist_ok=True)
    (hw_home / "config.toml").write_text('language = "e\\u0073"\n')
    from hwjournal.context import Context

    assert Context().language == "es"


def test_no_name_in_messages_is_given_twice() -> None:
    """A second `NAME = ...` in messages.py silently replaces the first wherever it is
    used (and the catalog would translate only one of them)."""
    tree = ast.parse((SOURCE / "messages.py").read_text(encoding="utf-8"))
    names = [t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets]
    assert sorted(n for n in set(names) if names.count(n) > 1) == []
