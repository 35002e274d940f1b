"""Which language hw speaks: the setting, else the locale, else English (language.py),
and `hw config set language` refusing a language hw has no words for."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import hw_here
from hwjournal import config
from hwjournal.context import Context
from hwjournal.language import from_locale, resolve


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "es_MX.UTF-8"}, "es"),
        ({"LANG": "es"}, "es"),
        ({"LANG": "es_ES@euro"}, "es"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),  # a language hw lacks: English, silently
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "es_AR.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),  # LC_ALL before LANG
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "es_CL.UTF-8"}, "es"),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "fr:es:en"}, "es"),  # the first hw has
        ({"LANG": "es_CO.UTF-8", "LANGUAGE": ""}, "es"),  # set but empty: not set
    ],
)
def test_the_first_locale_variable_set_decides(environ: dict[str, str], expected: str) -> None:
    assert from_locale(environ) == expected


def test_the_setting_wins_over_the_locale_and_an_unknown_one_falls_back() -> None:
    assert resolve("es", {"LANG": "en_US.UTF-8"}) == "es"
    assert resolve("en", {"LANG": "es_ES.UTF-8"}) == "en"
    assert resolve("", {"LANG": "es_ES.UTF-8"}) == "es"
    assert resolve("fr", {"LANG": "es_ES.UTF-8"}) == "es"  # hand-written in the file


def test_config_set_language_is_kept_and_read_back(hw_home: Path) -> None:
    result = hw_here("config", "set", "language", "ES")
    assert result.code == 0, result.err
    assert config.load().language == "es"
    assert Context().language == "es"
    assert hw_here("config", "show", "--json").json()["language"] == "es"


@pytest.mark.parametrize("value", ["fr", "español", "e5"])
def test_config_set_refuses_a_language_hw_lacks(hw_home: Path, value: str) -> None:
    hw_here("config", "set", "name", "Sam")
    before = (hw_home / "config.toml").read_bytes()
    result = hw_here("config", "set", "language", value)
    assert result.code == 2
    assert f"'{value}'" in result.err and "en, es" in result.err
    assert "Traceback" not in result.err
    assert (hw_home / "config.toml").read_bytes() == before


def test_a_language_hw_lacks_in_the_file_means_english(
    hw_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hw_home.mkdir(parents=True, exist_ok=True)
    (hw_home / "config.toml").write_text('language = "fr"\n')
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert Context().language == "en"
    assert hw_here("config", "show", "--json").code == 0


def test_setting_the_language_says_so_in_the_language_chosen(hw_home: Path) -> None:
    assert hw_here("config", "set", "language", "es").err.strip() == (
        "language ahora es es (español)."
    )
    assert hw_here("config", "set", "language", "en").err.strip() == (
        "language is now en (English)."
    )


def test_a_band_is_said_in_the_run_s_language_and_kept_as_data(hw_home: Path) -> None:
    """A PHQ-9 of 7 is 'mild': 'leve' on a Spanish screen and export, 'mild' in JSON."""
    from helpers import phq9

    phq9(hw_home, "2026-11-03", 7)
    hw_here("config", "set", "language", "es")
    shown = hw_here("week", "2026-W45", env={"COLUMNS": "80"})
    assert shown.code == 0 and "7 (leve)" in shown.out and "mild" not in shown.out
    assert "7 (leve)" in hw_here("export", "--week", "2026-W45").out
    entry = hw_here("log", "--json").json()[0]
    assert entry["score"]["band"] == "mild"
    hw_here("config", "set", "language", "en")
    assert "7 (mild)" in hw_here("week", "2026-W45", env={"COLUMNS": "80"}).out


@pytest.mark.parametrize(
    ("reply", "yes"), [("sí", True), ("Si", True), ("s", True), ("y", True), ("no", False)]
)
def test_a_spanish_yes_is_a_yes_to_sharing_and_to_a_yes_no_step(
    monkeypatch: pytest.MonkeyPatch, reply: str, yes: bool
) -> None:
    """'¿Quieres que la vea? [y/N]' answered 'sí' kept the entry private: only y and
    yes counted."""
    from hwjournal import i18n, terminal
    from hwjournal.steps import Step
    from hwjournal.templates import find

    monkeypatch.setattr(terminal, "read_line", lambda *a, **k: reply)
    asker = terminal.TerminalAsker(find("letter-never-sent"))
    step = Step.from_snapshot({"id": "ok", "type": "yesno", "prompt": "¿Bien?"})
    i18n.install("es")
    try:
        assert asker.offer_sharing() is yes
        assert step.kind.parse(step, reply) is yes
    finally:
        i18n.install("en")
    # in English, "sí" is no yes
    assert asker.offer_sharing() is (reply in ("y",))


@pytest.mark.parametrize("damage", [b"", b"\xde\x12\x04\x95" + b"\x00" * 10, b"junk" * 40])
def test_a_damaged_catalog_means_english_never_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes
) -> None:
    from hwjournal import i18n, messages

    broken = tmp_path / "hwjournal.mo"
    broken.write_bytes(damage)
    monkeypatch.setattr(i18n, "catalog_path", lambda code: str(broken))
    i18n.install("es")
    try:
        assert i18n.language == "en"
        assert messages.LOG_EMPTY.startswith("No entries yet")
    finally:
        i18n.install("en")


def test_a_settings_file_that_is_a_pipe_is_named_and_nothing_waits(hw_home: Path) -> None:
    import os

    from helpers import run_hw

    hw_home.mkdir(parents=True, exist_ok=True)
    os.mkfifo(hw_home / "config.toml")
    shown = run_hw("sos")  # a hang would end in run_hw's timeout, and fail
    assert shown.code == 0 and "crisis" in shown.out.lower() + shown.err.lower()
    assert "pipe" in shown.err


@pytest.mark.parametrize(
    "text", ['\ufefflanguage = "es"\n', '"language" = "es"\n', "language = 'es' # mine\n"]
)
def test_the_quick_read_of_the_setting_agrees_with_the_settings_file(
    hw_home: Path, text: str
) -> None:
    hw_home.mkdir(parents=True, exist_ok=True)
    (hw_home / "config.toml").write_text(text, encoding="utf-8")
    assert config.load().language == "es"
    assert Context().language == "es"


def test_at_a_terminal_si_lets_the_therapist_see_a_private_letter(hw_home: Path) -> None:
    """The letter's 'Leerla con mi terapeuta' asks whether the private entry may be
    shared; 'sí' must share it, as 'y' does in English."""
    from helpers import finish, run_hw, spawn_hw

    hw_here("config", "set", "language", "es")
    child = spawn_hw(
        "start", "letter-never-sent", "--private", "--mood", "3",
        *("-a", "recipient=x", "-a", "charge_before=5", "-a", "letter=hola"),
        *("-a", "charge_after=3", "-a", "released=a", "-a", "revealed=b"),
    )  # fmt: skip
    child.expect("Leerla con mi terapeuta")
    child.expect("›")
    child.sendline("2")
    child.expect(r"\[y/N\]")
    child.sendline("sí")
    assert finish(child) == 0
    assert [e["private"] for e in run_hw("log", "--json").json()] == [False]
