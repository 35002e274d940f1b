"""The shipped table of crisis resources: every country the spec names, each with an
emergency number, every line and number with its source and the date it was checked,
every code a real ISO 3166-1 code; and the person's country, from the setting or the
locale, refused with the list of codes when it is not in the table."""

from __future__ import annotations

import datetime
import tomllib

import pytest

from helpers import DATA, REPO

TABLE = REPO / "src" / "hwjournal" / "data" / "crisis.toml"
# "Help where the person is": the countries the table has at least
SPEC_COUNTRIES = [
    "US",
    "CA",
    "MX",
    "BR",
    "AR",
    "CL",
    "CO",
    "GB",
    "IE",
    "FR",
    "DE",
    "AT",
    "CH",
    "BE",
    "NL",
    "ES",
    "PT",
    "IT",
    "SE",
    "NO",
    "DK",
    "FI",
    "PL",
    "IN",
    "ZA",
    "AU",
    "NZ",
    "JP",
    "KR",
    "SG",
    "HK",
    "PH",
]


def countries() -> dict[str, dict]:
    with open(TABLE, "rb") as fh:
        return tomllib.load(fh)["countries"]


def iso_codes() -> set[str]:
    """The official alpha-2 codes, from tzdata's iso3166.tab (tests/data; public domain,
    kept current with the ISO 3166 Maintenance Agency's list, as its header says)."""
    lines = (DATA / "iso3166.tab").read_text(encoding="utf-8").splitlines()
    return {line.split("\t")[0] for line in lines if line and not line.startswith("#")}


def test_the_official_list_is_the_whole_list():
    codes = iso_codes()
    assert len(codes) >= 249 and {"GB", "US", "NZ", "HK"} <= codes
    assert "UK" not in codes and "EU" not in codes  # common mistakes are not codes


def test_every_code_in_the_table_is_a_real_iso_3166_1_code():
    assert set(countries()) <= iso_codes()


def test_the_table_has_every_country_the_spec_names():
    assert set(SPEC_COUNTRIES) <= set(countries())


def checked(value: str) -> None:
    day = datetime.date.fromisoformat(value)
    assert datetime.date(2026, 1, 1) <= day <= datetime.date(2026, 12, 7)


@pytest.mark.parametrize("code", sorted(countries()))
def test_every_country_has_a_sourced_emergency_number(code):
    country = countries()[code]
    assert country["name"].strip()
    assert country["emergency"] and all(n.isdigit() for n in country["emergency"])
    assert country["emergency_source"].startswith("https://")
    checked(country["emergency_checked"])
    pages = country.get("emergency_also", [])
    assert all(page.startswith(("https://", "http://")) for page in pages)
    note = country.get("emergency_note")
    assert note is None or (isinstance(note, str) and note.strip())


@pytest.mark.parametrize("code", sorted(countries()))
def test_every_country_is_named_in_spanish_and_no_name_is_empty(code):
    names = countries()[code]["names"]
    assert names["es"].strip()
    assert all(lang.isalpha() and len(lang) == 2 and lang.islower() for lang in names)
    assert all(isinstance(name, str) and name.strip() for name in names.values())


@pytest.mark.parametrize(
    ("code", "line"),
    [(code, line) for code, c in sorted(countries().items()) for line in c.get("lines", [])],
    ids=lambda v: v if isinstance(v, str) else v["name"],
)
def test_every_crisis_line_has_its_source_and_the_date_it_was_checked(code, line):
    assert line["name"].strip() and line["phone"].strip()
    assert any(ch.isdigit() for ch in line["phone"])
    assert line["source"].startswith(("https://", "http://"))
    assert all(page.startswith(("https://", "http://")) for page in line.get("also", []))
    assert all(any(ch.isdigit() for ch in other) for other in line.get("other_phones", []))
    assert line["note"].strip()  # what the page says, for the next person to check
    checked(line["checked"])
    assert isinstance(line.get("free", False), bool)
    for option in line.get("options", []):  # another way in: sourced like the line
        assert len(option["language"]) == 2 and option["language"].islower()
        assert option.get("press", "").strip() or option.get("sms_keyword", "").strip()
        assert option["source"].startswith(("https://", "http://"))
        assert option["note"].strip()
        checked(option["checked"])


def test_the_best_known_lines_are_there():
    table = countries()
    assert table["GB"]["lines"][0]["phone"] == "116 123"
    assert table["IE"]["lines"][0]["phone"] == "116 123"
    assert table["US"]["lines"][0]["phone"] == "988"
    assert table["AU"]["emergency"] == ["000"] and table["NZ"]["emergency"] == ["111"]


# ---------------------------------------------------------------- the person's country


@pytest.mark.parametrize(
    ("env", "code"),
    [
        ({"LANG": "en_GB.UTF-8"}, "GB"),
        ({"LANG": "de_AT.UTF-8"}, "AT"),
        ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "en_NZ.UTF-8"}, "NZ"),
        ({"LANG": "en_GB.UTF-8", "LC_ALL": "en_AU.UTF-8"}, "AU"),
        ({"LANG": "en_GB.UTF-8", "LC_ALL": ""}, "GB"),  # set but empty: the next decides
        ({"LANG": "C.UTF-8"}, None),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "C"}, None),  # the first that is set decides
        ({"LANG": "xx_ZZ.UTF-8"}, None),  # a territory the table lacks
        ({"LANG": "sr_RS@latin"}, None),
    ],
)
def test_the_locale_territory_picks_the_country(hw, env, code):
    shown = hw("sos", "--json", env=env)
    assert shown.code == 0
    assert shown.json()["country"] == code
    config = hw("config", "show", "--json", env=env).json()
    assert config["country_in_use"] == code
    assert config["country_from"] == ("locale" if code else "none")


def test_the_setting_wins_over_the_locale_and_config_show_says_so(hw):
    assert hw("config", "set", "country", "ie").code == 0
    shown = hw("config", "show", "--json", env={"LANG": "en_GB.UTF-8"}).json()
    assert shown["country"] == "IE" and shown["country_in_use"] == "IE"
    assert shown["country_from"] == "setting"
    screen = " ".join(hw("config", "show", env={"LANG": "en_GB.UTF-8"}).out.split())
    assert "Country for where to turn: IE (Ireland), from your settings" in screen
    by_locale = " ".join(hw("config", "show", env={"LANG": "fr_FR.UTF-8"}).out.split())
    assert "IE (Ireland)" in by_locale
    assert hw("config", "set", "country", "").code == 0
    by_locale = " ".join(hw("config", "show", env={"LANG": "fr_FR.UTF-8"}).out.split())
    assert "FR (France), from your locale (fr_FR.UTF-8)" in by_locale


@pytest.mark.parametrize("value", ["XX", "UK", "United Kingdom", "G", "eu"])
def test_an_unknown_code_is_refused_with_the_codes_and_the_file_untouched(hw, hw_home, value):
    assert hw("config", "set", "name", "Sam").code == 0
    before = (hw_home / "config.toml").read_bytes()
    refused = hw("config", "set", "country", value)
    assert refused.code == 2 and refused.out == ""
    err = " ".join(refused.err.split())
    assert f"'{value}' is not a country" in err
    for code in SPEC_COUNTRIES:
        assert code in err
    assert "Traceback" not in refused.err
    assert (hw_home / "config.toml").read_bytes() == before


def test_a_hand_written_unknown_code_means_no_country_and_sos_still_helps(hw, hw_home):
    hw_home.mkdir(parents=True, exist_ok=True)
    (hw_home / "config.toml").write_text('country = "ZZ"\ncrisis_contact = "Sam"\n')
    assert hw("due").code == 0  # the fast path never reads the table
    data = hw("sos", "--json", env={"LANG": "en_GB.UTF-8"}).json()
    assert data["country"] == "GB" and data["crisis_contact"] == "Sam"  # the locale decides
    shown = hw("config", "show", "--json").json()
    assert shown["country"] == "ZZ" and shown["country_in_use"] is None


def test_a_country_that_is_not_two_letters_in_the_file_is_refused_by_name(hw, hw_home):
    hw_home.mkdir(parents=True, exist_ok=True)
    (hw_home / "config.toml").write_text('country = "United Kingdom"\n')
    refused = hw("due")
    assert refused.code == 2 and "config.toml" in refused.err and "GB" in refused.err
    shown = hw("sos")
    assert shown.code == 0 and "nearest emergency department" in " ".join(shown.out.split())
    said = [line for line in shown.err.splitlines() if line.strip()]
    assert len(said) == 1 and "settings could not be read" in said[0]


def test_the_table_is_package_data_read_without_the_repository():
    """hw reads the table through importlib.resources, as the wheel ships it."""
    from importlib.resources import files

    shipped = files("hwjournal").joinpath("data", "crisis.toml")
    assert tomllib.loads(shipped.read_text(encoding="utf-8"))["countries"] == countries()
