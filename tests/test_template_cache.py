"""Built-in templates as parsed before (template_cache.py): the same template as the
TOML file gives, never stale, private to the user, and never a person's own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from hwjournal import paths, template_cache, templates

BUILTIN = sorted(Path(paths.builtin_templates_dir()).glob("*.toml"))


@pytest.fixture
def home(hw_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """hw's home, there already, and a cache folder named (HW_HOME alone keeps none)."""
    hw_home.mkdir(mode=0o700)
    (tmp_path / "cache-home").mkdir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-home"))
    return hw_home


def cache_files(home: Path) -> list[Path]:
    return sorted((home.parent / "cache-home" / "hwjournal" / "templates").glob("*.json"))


@pytest.mark.parametrize("path", BUILTIN, ids=lambda p: p.stem)
def test_a_cached_template_is_the_template_the_file_gives(path, home):
    first = templates.load_file(str(path))  # parsed, and kept
    assert len(cache_files(home)) == 1
    text = path.read_text(encoding="utf-8")
    assert template_cache.read(str(path), text) == tomllib.loads(text)
    second = templates.load_file(str(path))  # from the cache
    assert second.raw == first.raw == tomllib.loads(text)
    assert [vars(s) for s in second.steps] == [vars(s) for s in first.steps]
    assert [vars(b) for b in second.bands] == [vars(b) for b in first.bands]
    assert (second.id, second.title, second.score_steps) == (
        first.id,
        first.title,
        first.score_steps,
    )


def test_a_run_with_the_cache_loads_no_toml_parser(home):
    probe = (
        "import sys; from hwjournal import templates; t = templates.find('phq-9'); "
        "print(t.title, 'tomllib' in sys.modules)"
    )
    env = {**os.environ, "HW_HOME": str(home)}
    runs = [
        subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
    assert [r.stdout.split()[-1] for r in runs] == ["True", "False"], [r.stderr for r in runs]
    assert runs[0].stdout.split()[:-1] == runs[1].stdout.split()[:-1]


def test_the_cache_is_private(home):
    old = os.umask(0)  # nothing hw makes may rely on the umask
    try:
        templates.find("gad-7")
    finally:
        os.umask(old)
    (kept,) = cache_files(home)
    assert kept.stat().st_mode & 0o777 == 0o600
    assert kept.parent.stat().st_mode & 0o777 == 0o700  # templates/
    assert kept.parent.parent.stat().st_mode & 0o777 == 0o700  # hwjournal/


def test_hw_home_alone_keeps_everything_in_the_journals_folder(hw_home, monkeypatch):
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    hw_home.mkdir(mode=0o700)
    assert templates.find("gad-7").id == "gad-7"
    assert list(hw_home.iterdir()) == []  # no cache beside the journal


def test_a_template_changed_since_is_parsed_again(home):
    path = Path(paths.builtin_templates_dir()) / "phq-9.toml"
    real = templates.load_file(str(path))
    (kept,) = cache_files(home)
    stored = json.loads(kept.read_text(encoding="utf-8"))
    # kept for other text: the file as it once was, with another title
    stored["text"] = stored["text"].replace(real.title, "An older title")
    stored["data"]["title"] = "An older title"
    kept.write_text(json.dumps(stored), encoding="utf-8")
    assert templates.load_file(str(path)).title == real.title
    assert json.loads(kept.read_text(encoding="utf-8"))["data"]["title"] == real.title


@pytest.mark.parametrize("damage", ["not private", "not json", "another file's"])
def test_a_cache_that_cannot_be_trusted_is_passed_over(home, damage):
    path = Path(paths.builtin_templates_dir()) / "gad-7.toml"
    real = templates.load_file(str(path))
    (kept,) = cache_files(home)
    stored = json.loads(kept.read_text(encoding="utf-8"))
    stored["data"]["title"] = "Not the real title"
    if damage == "another file's":
        stored["path"] = str(path.with_name("phq-9.toml"))
    kept.write_text("{" if damage == "not json" else json.dumps(stored), encoding="utf-8")
    if damage == "not private":
        kept.chmod(0o644)
    assert templates.load_file(str(path)).title == real.title


def test_a_persons_own_template_is_never_kept(home, hw):
    source = Path(paths.builtin_templates_dir()) / "gratitude.toml"
    own = home / "templates" / "my-gratitude.toml"
    own.parent.mkdir()
    own.write_text(
        source.read_text(encoding="utf-8").replace('id = "gratitude"', 'id = "my-gratitude"'),
        encoding="utf-8",
    )
    assert templates.find("my-gratitude").id == "my-gratitude"
    assert cache_files(home) == []
    assert hw("start", "my-gratitude", "--answer", "things=tea", "--no-input").code == 0
    assert cache_files(home) == []
