"""Issue 25's crisis resources: a crisis line in Spanish for Spain, Mexico, Argentina,
Chile and Colombia, 988's Spanish option for the US, every emergency number checked
against a government's or emergency service's page where the stored copies had one,
and a country's name in the person's language (English where the table has none)."""

from __future__ import annotations

import pytest

from hwjournal import crisis
from test_crisis_table import countries

SPANISH_SPEAKING = ["ES", "MX", "AR", "CL", "CO"]
# the countries whose emergency numbers issue 25's work checked at their source
CHECKED_AT_SOURCE = [*SPANISH_SPEAKING, "US", "GB", "CA", "AU"]
ECCDATA = "android.googlesource.com"
LIFELINE = "https://988lifeline.org/get-help/what-to-expect"


@pytest.mark.parametrize("code", SPANISH_SPEAKING)
def test_each_spanish_speaking_country_has_a_line_in_spanish(code):
    lines = countries()[code]["lines"]
    assert any(line["language"] == "es" for line in lines)
    for line in lines:
        # where it was read, and what it said there, for the next person to check
        assert line["source"].startswith("https://") and line["checked"] == "2026-12-07"
        assert "'" in line["note"]


def test_the_lines_are_the_ones_their_sources_give():
    table = countries()
    first = {code: table[code]["lines"][0] for code in SPANISH_SPEAKING}
    assert first["ES"]["phone"] == "024" and first["ES"]["free"] is True
    assert first["MX"]["name"] == "Línea de la Vida" and first["MX"]["phone"] == "800 911 2000"
    assert first["AR"]["phone"] == "0800-999-0091"
    assert first["CL"]["phone"] == "*4141" and first["CL"]["hours"] == "24/7"
    assert first["CO"]["phone"] == "106" and "Bogotá" in first["CO"]["name"]
    cas = table["AR"]["lines"][1]
    assert cas["phone"] == "135" and cas["other_phones"] == ["(011) 5275-1135"]
    assert cas["hours"] == "de lunes a domingo de 8 a 24" and not cas.get("free", False)


def test_988_has_its_spanish_options_from_the_lifelines_own_page():
    options = countries()["US"]["lines"][0]["options"]
    assert [(o["language"], o.get("press"), o.get("sms_keyword")) for o in options] == [
        ("es", "2", None),
        ("es", None, "AYUDA"),
    ]
    assert all(o["source"] == LIFELINE for o in options)
    assert "Spanish-language (Press 2)" in options[0]["note"]
    assert "Spanish-language (text AYUDA)" in options[1]["note"]


@pytest.mark.parametrize("code", CHECKED_AT_SOURCE)
def test_each_checked_emergency_number_says_what_was_found_and_where(code):
    country = countries()[code]
    note = country["emergency_note"]
    if ECCDATA in country["emergency_source"]:
        assert "not confirmed" in note.lower()  # said plainly, not left to be assumed
    else:  # a government's or emergency service's page, with the list it replaced kept
        assert any(ECCDATA in page for page in country["emergency_also"])
        assert "'" in note


@pytest.mark.parametrize(
    ("code", "language", "name"),
    [
        ("ES", "es", "España"),
        ("es", "es", "España"),
        ("MX", "es_MX.UTF-8", "México"),
        ("US", "es-US", "Estados Unidos"),
        ("GB", "ES", "Reino Unido"),
        ("ES", "en", "Spain"),  # English is the table's own name
        ("ES", "fr", "Spain"),  # a language the table lacks: English
        ("JP", "", "Japan"),  # no language: English
        ("XX", "es", "XX"),  # a code the table lacks is given back as it is
    ],
)
def test_country_name_gives_the_language_or_falls_back_to_english(code, language, name):
    assert crisis.country_name(code, language) == name


def test_country_name_falls_back_to_english_for_a_country_without_that_language():
    country = crisis.Country("ZZ", {**countries()["ES"], "names": {"de": "Spanien"}})
    assert country.name_in("es") == "Spain" and country.name_in("de_AT.UTF-8") == "Spanien"
    assert crisis.Country("ZZ", {**countries()["ES"], "names": {}}).name_in("es") == "Spain"


def test_sos_in_mexico_turns_to_the_linea_de_la_vida(hw):
    mexico = {"LANG": "es_MX.UTF-8", "COLUMNS": "80"}
    data = hw("sos", "--json", env=mexico).json()
    assert data["country"] == "MX"
    turns = [(t["kind"], t["phone"]) for t in data["where_to_turn"][:2]]
    assert turns == [("emergency", "911"), ("crisis_line", "800 911 2000")]
    assert data["where_to_turn"][1]["text"] == (
        "Línea de la Vida: call 800 911 2000, free, day or night."
    )
    shown = hw("sos", env=mexico)
    assert shown.code == 0
    # on the screen, the line whole on one line of 80 columns, after the emergency line
    lines = [line.replace("\u00a0", " ") for line in shown.out.splitlines()]
    found = [i for i, line in enumerate(lines) if "Línea de la Vida" in line]
    assert len(found) == 1 and "call 800 911 2000, free, day or night." in lines[found[0]]
    assert any("call 911 now" in line for line in lines[: found[0]])


def test_sos_in_the_us_says_how_to_reach_988_in_spanish(hw):
    data = hw("sos", "--json", env={"LANG": "en_US.UTF-8"}).json()
    line = data["where_to_turn"][1]
    assert line["phone"] == "988"
    assert line["text"] == (
        "988 Suicide & Crisis Lifeline: call or text 988, free, day or night; "
        "in Spanish, press 2 or text AYUDA."
    )
