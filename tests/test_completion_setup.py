"""`hw --install-completion [SHELL]` and `hw --show-completion [SHELL]` (shell_setup.py):
the shell named is the one set up (Typer ignored it and used the shell hw was started
from), what hw did is said in the run's language, and a shell hw cannot set up is
refused with exit 2 and nothing written."""

from __future__ import annotations

import pytest
import shellingham

from helpers import hw_here

ES = {"LANGUAGE": "es"}


@pytest.fixture
def home(tmp_path, monkeypatch):
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    return folder


def started_from(monkeypatch, shell: str | None) -> None:
    """The shell shellingham finds hw was started from (None: it finds none)."""

    def detect(*_args, **_kw):
        if shell is None:
            raise shellingham.ShellDetectionFailure()
        return shell, f"/bin/{shell}"

    monkeypatch.setattr(shellingham, "detect_shell", detect)


@pytest.mark.parametrize(
    ("shell", "mark"),
    [("bash", "complete -o default -F"), ("zsh", "#compdef hw"), ("fish", "complete --command")],
)
def test_the_script_shown_is_the_named_shell_s(monkeypatch, shell, mark):
    started_from(monkeypatch, "pwsh")  # not the shell named
    shown = hw_here("--show-completion", shell)
    assert shown.code == 0, shown.err
    assert mark in shown.out and "_HW_COMPLETE" in shown.out
    assert shown.err == ""


def test_installing_says_where_in_the_run_s_language(home, monkeypatch):
    started_from(monkeypatch, "bash")
    done = hw_here("--install-completion", "fish", env=ES)
    assert done.code == 0, done.err
    path = home / ".config" / "fish" / "completions" / "hw.fish"
    assert "_HW_COMPLETE=complete_fish" in path.read_text()
    assert done.out == ""
    assert f"El autocompletado para fish está instalado en {path}." in done.err
    assert "Estará disponible en una terminal nueva" in done.err
    assert "installed" not in done.err and "restart" not in done.err


def test_installing_in_english_says_so_in_english(home, monkeypatch):
    started_from(monkeypatch, "zsh")
    done = hw_here("--install-completion")  # the shell hw was started from
    assert done.code == 0, done.err
    path = home / ".zfunc" / "_hw"
    assert "#compdef hw" in path.read_text()
    assert f"Completion for zsh is installed in {path}." in done.err


def test_a_shell_hw_cannot_set_up_is_refused_and_nothing_written(home, monkeypatch):
    started_from(monkeypatch, "bash")
    for flag in ("--install-completion", "--show-completion"):
        refused = hw_here(flag, "tcsh", env=ES)
        assert refused.code == 2
        assert refused.out == ""
        assert "no sabe configurar el autocompletado para 'tcsh'" in refused.err
        assert f"por ejemplo: hw {flag} bash" in refused.err
    assert list(home.iterdir()) == []


def test_no_shell_found_asks_for_one_to_be_named(home, monkeypatch):
    started_from(monkeypatch, None)
    refused = hw_here("--install-completion", env=ES)
    assert refused.code == 2
    assert "hw no ha podido averiguar qué shell usas." in refused.err
    assert list(home.iterdir()) == []


def test_typer_s_own_options_speak_hw_s_words_too(home, monkeypatch):
    """A command line the fast path leaves to Typer (here, a word too many) reaches
    Typer's options, whose callbacks are hw's: the shell hw was started from."""
    started_from(monkeypatch, "fish")
    done = hw_here("--install-completion", "fish", "again", env=ES)
    assert done.code == 0, done.err
    assert "El autocompletado para fish está instalado en" in done.err
    assert "completion installed" not in done.err
    shown = hw_here("--show-completion", "bash", "again", env=ES)
    assert "complete --command hw" in shown.out  # fish's: the extra words are not read


def test_the_help_says_a_shell_may_be_named():
    said = hw_here("--help", env=ES).out
    assert "Instalar el autocompletado para la shell actual, o para la que" in " ".join(
        said.split()
    )
