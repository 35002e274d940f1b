"""What a look at every screen in Spanish found still English (issue 25), each held
here: a measure's bands in `hw templates show`, two lines at a terminal that were
not wrapped at words, and what the JSON and TOML readers and the system say went wrong."""

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


BAD_JSON = ['{"a": }', "[1, 2", '{"a" 1}', '{"a": 1 "b": 2}', "{1: 2}", "[] x", '"ab', '"a\\qb"']
BAD_TOML = ['a = "x\n', "a = \n", "[t\n", "[[t]\n", "[t]\n[t]\n", "a = [1, 2\n", "a = {b = 1\n"]
BAD_TOML += ["a = 1 b\n", "= 1\n", "a = 1979-13-01\n", 'a = "\\x"\n', "a = {b = 1, b = 2}\n"]


def test_what_json_and_toml_readers_say_is_said_in_spanish():
    """Each mistake Python's readers find in these files is told in Spanish, with the
    line and column; what they quote from the file is kept."""
    import json
    import tomllib

    from hwjournal import i18n
    from hwjournal.problems import said

    problems = []
    for text in BAD_JSON:
        with pytest.raises(json.JSONDecodeError) as json_error:
            json.loads(text)
        problems.append(json_error.value)
    for text in BAD_TOML:
        with pytest.raises(tomllib.TOMLDecodeError) as toml_error:
            tomllib.loads(text)
        problems.append(toml_error.value)
    assert [said(p) for p in problems] == [str(p) for p in problems]  # English as it was
    i18n.install("es")
    try:
        spanish = [said(p) for p in problems]
    finally:
        i18n.install("en")
    for problem, text in zip(problems, spanish, strict=True):
        assert ("(línea " in text and ", columna " in text) or "(al final del archivo)" in text
        english = str(problem).split(" (at line")[0].split(": line")[0]
        assert english not in text, text
    assert "se esperaba el separador ','" in spanish[3]
    assert "está declarada dos veces" in spanish[len(BAD_JSON) + 4]


def test_a_broken_file_is_told_in_spanish_from_every_reader(hw_home, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"a": }')
    answers = hw_here("start", "gratitude", "--answers-json", str(bad), env=ES)
    assert answers.code == 2
    assert "no es JSON válido: se esperaba un valor (línea 1, columna 7)." in answers.err
    imported = hw_here("import", str(bad), env=ES)
    assert "bad.json, línea 1, columna 7: esto no es JSON válido (se esperaba un valor)" in (
        imported.err
    )
    streamed = tmp_path / "stream.json"
    streamed.write_text('{"format": "hwjournal", "version": 1 "entries": []}')
    imported = hw_here("import", str(streamed), "--format", "hw-json", env=ES)
    assert imported.code == 2
    assert "línea 1, columna " in imported.err and "se esperaba el separador ','" in imported.err
    template = tmp_path / "x.toml"
    template.write_text('id = "x"\ntitle = \n')
    checked = hw_here("templates", "validate", str(template), env=ES)
    assert "línea 2, clave 'title': no es TOML válido: valor no válido" in checked.out + checked.err
    hw_home.mkdir(exist_ok=True)
    (hw_home / "config.toml").write_text('language = "es\n')
    shown = hw_here("config", "show", env=ES)
    assert shown.code == 2
    assert "carácter no permitido: '\\n' (línea 1, columna 15)" in shown.err


def test_what_the_system_says_about_a_file_is_said_in_spanish():
    import errno
    import os

    from hwjournal import i18n, messages
    from hwjournal.problems import os_said

    problems = [OSError(getattr(errno, name), os.strerror(getattr(errno, name))) for name in (
        "EACCES", "EISDIR", "ENOSPC", "EROFS", "ENOENT"
    )]  # fmt: skip
    assert [os_said(p) for p in problems] == [p.strerror for p in problems]
    i18n.install("es")
    try:
        said = [os_said(p) for p in problems]
        assert os_said(OSError(errno.ECHILD, "No child processes")) == "No child processes"
        assert os_said(ValueError("kept as it says")) == "kept as it says"
    finally:
        i18n.install("en")
    assert said == [
        "Permiso denegado",
        "Es una carpeta",
        "No queda espacio en el disco",
        "El sistema de archivos es de solo lectura",
        "No existe el archivo o la carpeta",
    ]
    assert set(messages.OS_PROBLEMS) <= set(errno.errorcode.values())


def test_a_journal_hw_may_not_read_is_told_in_spanish(journal_path, monkeypatch):
    assert hw_here("start", "gratitude", "--no-input", "--answer", "things=sol").code == 0
    from hwjournal.journal import opening

    monkeypatch.setattr(opening.os, "access", lambda *_a, **_k: False)
    refused = hw_here("log", env=ES)
    assert refused.code != 0
    assert "Permiso denegado" in refused.err and "Permission denied" not in refused.err
