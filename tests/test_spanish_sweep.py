"""What a look at every screen in Spanish found still English (issue 25), each held
here: a measure's bands in `hw templates show`, and two lines at a terminal that were
not wrapped at words."""

from __future__ import annotations

import pytest

from helpers import WITH_PASSPHRASE, encrypt_quickly, finish, hw_here, spawn_hw

ES = {"LANGUAGE": "es"}


def test_templates_show_says_the_bands_in_the_run_s_language():
    spanish = " ".join(hw_here("--no-pager", "templates", "show", "gad-7", env=ES).out.split())
    assert "niveles: mínimo hasta 4, leve hasta 9, moderado hasta 14, grave hasta 21" in spanish
    english = " ".join(hw_here("--no-pager", "templates", "show", "gad-7").out.split())
    assert "bands: minimal up to 4, mild up to 9, moderate up to 14, severe up to 21" in english


def lines_before(child, marker: str) -> list[str]:
    """What hw wrote before `marker`, as the lines it wrote (a terminal breaks a longer
    one wherever the edge falls, mid-word)."""
    child.expect_exact(marker)
    return child.before.replace("\r\n", "\n").split("\n")


@pytest.mark.usefixtures("no_runtime")
def test_a_passphrase_too_short_and_decrypt_s_question_wrap_at_words(journal_path):
    """Spanish runs longer than English: at 80 columns these two lines broke mid-word
    ("...esta c" / "uenta..."), as they were written to the terminal whole."""
    child = spawn_hw("encrypt", env=ES, dimensions=(24, 80))
    child.expect_exact("Nueva frase de contraseña:")
    child.sendline("corto")
    said = lines_before(child, "Nueva frase de contraseña:")
    assert "unas cuantas palabras" in " ".join(said)
    assert max(len(line) for line in said) <= 80, said
    child.sendcontrol("c")
    finish(child)

    encrypt_quickly(journal_path)
    child = spawn_hw("decrypt", env={**ES, **WITH_PASSPHRASE}, dimensions=(24, 80))
    said = lines_before(child, "[y/N]")
    assert "¿Volver a convertir el diario" in " ".join(said)
    assert max(len(line) for line in said) <= 80, said
    child.sendline("n")
    assert finish(child) == 0
