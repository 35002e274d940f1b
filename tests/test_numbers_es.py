"""Numbers and counts in the run's language (issue 25): a Spanish screen, export and
report write 3,4 and 12.345 and 45 % as CLDR's `es` locale does (decimal ",", group
".", minimumGroupingDigits 2: 1234 stays whole), and a count agrees with its noun
("1 entrada", never "1 entradas") through gettext's plural forms; English is as it
was, and JSON stays Python's numbers. numerals.py formats; the marks and the plural
rule come from the catalog, so a language with three plural forms needs only its
catalog (proved below with a small one made here)."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from tests.helpers import add_entry, hw_here, make_entry

from hwjournal import i18n, messages, numerals
from hwjournal.journal import Journal

NBSP = "\u00a0"
WEEK = "2026-W45"  # Monday 2 to Sunday 8 November 2026
MOODS = {"2026-11-02": 3, "2026-11-03": 4, "2026-11-04": 3, "2026-11-06": 5, "2026-11-07": 2}


@pytest.fixture
def spanish():
    i18n.install("es")
    yield
    i18n.install("en")


def test_english_numbers_are_as_they_were() -> None:
    number, percent = numerals.number, numerals.percent
    assert [number(n) for n in (0, 999, 1000, 1234, 1234567)] == [
        "0",
        "999",
        "1,000",
        "1,234",
        "1,234,567",
    ]
    assert [number(x) for x in (3.4, 3.0, -1234.5, 0.25)] == ["3.4", "3", "-1,234.5", "0.25"]
    assert number(2.75, 1) == "2.8" and number(3, 1) == "3.0"
    assert percent(45) == "45%" and percent(12.5, None) == "12.5%"


def test_spanish_numbers_follow_cldr(spanish: None) -> None:
    number, percent = numerals.number, numerals.percent
    # minimumGroupingDigits 2: four digits stay whole, five are grouped
    assert [number(n) for n in (999, 1000, 1234, 9999, 10000, 1234567)] == [
        "999",
        "1000",
        "1234",
        "9999",
        "10.000",
        "1.234.567",
    ]
    assert [number(x) for x in (3.4, 3.0, -12345.5, 0.25)] == ["3,4", "3", "-12.345,5", "0,25"]
    assert number(2.75, 1) == "2,8"
    assert percent(45) == f"45{NBSP}%" and percent(12.5, None) == f"12,5{NBSP}%"


def test_marks_that_do_not_read_are_english() -> None:
    assert numerals.signs("decimal=,; group=.; minimum_grouping=2") == (",", ".", 2)
    assert numerals.signs(f"decimal=,; group={NBSP}; minimum_grouping=2") == (",", NBSP, 2)
    for broken in ("", "decimal=,", "decimal=,; group=,; minimum_grouping=1", "decimal=.."):
        assert numerals.signs(broken) == (".", ",", 1), broken


def test_a_count_agrees_in_english_and_in_spanish(spanish: None) -> None:
    assert messages.ENTRIES.of(1) == "1 entrada" and messages.ENTRIES.of(2) == "2 entradas"
    assert messages.ENTRIES.of(0) == "0 entradas"
    assert messages.CHECK_PROBLEMS.of(1) == "La revisión ha encontrado 1 problema."
    assert messages.ENTRIES.of(12345) == "12.345 entradas"
    assert messages.FIGURE_DONE.of(1, due=7) == "1 de 7 hecha"
    assert messages.FIGURE_DONE.of(5, due=7) == "5 de 7 hechas"
    i18n.install("en")
    assert messages.ENTRIES.of(1) == "1 entry" and messages.ENTRIES.of(1234) == "1,234 entries"
    assert messages.ABOUT_MINUTES.of(2.5).startswith("About 2.5 minutes.")


POLISH_PO = r"""msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: pl\n"
"Plural-Forms: nplurals=3; "
"plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

msgid "decimal=.; group=,; minimum_grouping=1"
msgstr "decimal=,; group=NBSP; minimum_grouping=2"

#, python-brace-format
msgid "{count} entry"
msgid_plural "{count} entries"
msgstr[0] "{count} wpis"
msgstr[1] "{count} wpisy"
msgstr[2] "{count} wpisów"
""".replace("NBSP", NBSP)


def test_a_language_with_three_plural_forms_needs_only_its_catalog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its Plural-Forms header picks the form (the GNU gettext manual's rule for
    Polish: 1, then 2-4 but not 12-14, then the rest); no code knows the language."""
    target = tmp_path / "pl" / "LC_MESSAGES"
    target.mkdir(parents=True)
    (tmp_path / "hwjournal.po").write_text(POLISH_PO, encoding="utf-8")
    with (tmp_path / "hwjournal.po").open("rb") as file:
        catalog = read_po(file, abort_invalid=True)
    with (target / "hwjournal.mo").open("wb") as out:
        write_mo(out, catalog)
    monkeypatch.setattr(i18n, "LOCALE_DIR", str(tmp_path))
    try:
        i18n.install("pl")
        said = [messages.ENTRIES.of(n) for n in (1, 2, 4, 5, 12, 22, 25)]
        assert said == [
            "1 wpis",
            "2 wpisy",
            "4 wpisy",
            "5 wpisów",
            "12 wpisów",
            "22 wpisy",
            "25 wpisów",
        ]
        assert messages.ENTRIES.of(12345) == f"12{NBSP}345 wpisów"
        assert messages.DRAFTS.of(2) == "2 drafts"  # not in its catalog: English
    finally:
        i18n.install("en")
    assert messages.ENTRIES.of(2) == "2 entries"


# ---------------------------------------------------------------- the screens


@pytest.fixture
def week(hw_home: Path) -> Path:
    """Daily homework through the week and five entries whose moods average 3.4."""
    assert hw_here("assign", "gratitude", "--daily", "--start", "2026-11-02").code == 0
    for day, mood in MOODS.items():
        add_entry(hw_home, day, mood=mood, link=True)
    return hw_home


def english_and_spanish(*args: str) -> tuple[str, str]:
    assert hw_here("config", "set", "language", "en").code == 0
    english = hw_here(*args)
    assert hw_here("config", "set", "language", "es").code == 0
    spanish = hw_here(*args)
    assert english.code == spanish.code == 0, (english.err, spanish.err)
    return english.out + english.err, spanish.out + spanish.err


def test_the_week_and_its_export_write_the_mean_each_languages_way(week: Path) -> None:
    english, spanish = english_and_spanish("week", WEEK)
    assert "average 3.4 of 5" in english
    assert "media de 3,4 sobre 5" in spanish and "3.4" not in spanish
    english, spanish = english_and_spanish("export", "--week", WEEK)
    assert "3.4 of 5" in english and "| 71% |" in english
    assert "Ánimo medio: 3,4 sobre 5." in spanish and "3.4" not in spanish
    assert f"| 71{NBSP}% |" in spanish
    data = json.loads(hw_here("week", WEEK, "--json").out)  # data for scripts: as it was
    assert data["mood"]["average"] == 3.4


def test_trends_write_means_and_shares_each_languages_way(week: Path) -> None:
    english, spanish = english_and_spanish("trends", "--until", "2026-11-08")
    assert "Average 3.4 of 5 (so-so) over 5 entries with a mood." in english
    assert "5 of 7 done (71%)" in english
    assert "Media de 3,4 sobre 5 (regular) en 5 entradas" in spanish
    assert f"5 de 7 hechas (71{NBSP}%)" in spanish and "1 semanas" not in spanish
    assert not re.search(r"\d\.\d", spanish), spanish
    english, spanish = english_and_spanish("trends", "--until", "2026-11-08", "--plain")
    assert "mood 3.4 of 5 on average" in english
    assert "ánimo de 3,4 sobre 5 de media" in spanish and not re.search(r"\d\.\d", spanish)
    assert "Homework" not in spanish and "1 semana." in spanish


def test_check_counts_agree_and_group_each_languages_way(journal_path: Path) -> None:
    add_entry(journal_path, "2026-11-02")
    english, spanish = english_and_spanish("check")
    assert re.search(r"\b1 entry\b", english) and "0 drafts" in english
    assert re.search(r"\b1 entrada\b", spanish) and "1 entradas" not in spanish
    assert "0 borradores" in spanish
    journal = Journal.open(str(journal_path))
    try:
        with journal.bulk_writer() as writer:
            writer.add_entries(make_entry(f"2026-10-{1 + n % 28:02d}") for n in range(1233))
    finally:
        journal.close()
    english, spanish = english_and_spanish("check")
    assert "1,234 entries" in english
    assert "1234 entradas" in spanish and "1,234" not in spanish and "1.234" not in spanish


def test_a_number_is_typed_with_the_languages_decimal_mark_too(spanish: None) -> None:
    """What hw shows as 7,5 a person may type as 7,5; a script's 7.5 means the same."""
    from hwjournal import templates

    step = next(s for s in templates.find("mirror-talk").steps if s.id == "age")
    assert step.kind.parse(step, "7,5") == 7.5 and step.kind.parse(step, "7.5") == 7.5
    assert step.display(7.5) == "7,5"
    assert numerals.typed("1,5,2") == "1,5,2"  # not a number: refused as before
    i18n.install("en")
    assert numerals.typed("7,5") == "7,5" and step.display(7.5) == "7.5"


def _word_by_count(tree: ast.AST) -> list[int]:
    """Lines that choose a word or sentence by whether a count is 1 (`one if n == 1
    else many`): English's rule, wrong for a language with other forms."""
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.IfExp) and isinstance(node.test, ast.Compare)):
            continue
        against = node.test.comparators[-1]
        if not (isinstance(against, ast.Constant) and against.value == 1):
            continue
        sides = (node.body, node.orelse)
        if all(_is_words(side) for side in sides):
            found.append(node.lineno)
    return found


def _is_words(node: ast.AST) -> bool:
    if isinstance(node, ast.Attribute):
        return isinstance(node.value, ast.Name) and node.value.id == "messages"
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.isalpha()


def test_no_code_picks_a_words_form_by_its_count() -> None:
    """Every count goes through a Plural (the catalog's Plural-Forms), none through
    English's one-or-many in code."""
    assert _word_by_count(ast.parse('w = "entry" if n == 1 else "entries"')) == [1]
    assert _word_by_count(ast.parse("w = messages.A if count > 1 else messages.B")) == [1]
    assert _word_by_count(ast.parse("gap = 2 if due > 1 else 0")) == []
    source = Path(i18n.__file__).parent
    found = {
        str(path.relative_to(source)): lines
        for path in source.rglob("*.py")
        if path.name != "numerals.py"
        and (lines := _word_by_count(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert found == {}
