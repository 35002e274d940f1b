"""A run reads each template file once: a week's export asks for the PHQ-9 a dozen
times. A file changed since is read again, and each caller gets its own copy."""

from __future__ import annotations

import os
from pathlib import Path

from hwjournal import template_files, templates


def counting(monkeypatch):
    reads: list[str] = []
    real = template_files.read

    def read(path: str):
        reads.append(path)
        return real(path)

    monkeypatch.setattr(template_files, "read", read)
    return reads


def test_the_same_file_is_read_once_and_each_caller_has_its_own_copy(monkeypatch):
    reads = counting(monkeypatch)
    path = os.path.join(templates.paths.builtin_templates_dir(), "phq-9.toml")
    templates._loaded.clear()
    first, second = templates.load_file(path), templates.load_file(path)
    assert reads == [path]
    assert first is not second and first.steps == second.steps
    first.builtin = True
    assert not second.builtin  # a flag set on one copy is not on the other


def test_a_file_changed_since_is_read_again(monkeypatch, tmp_path):
    reads = counting(monkeypatch)
    source = os.path.join(templates.paths.builtin_templates_dir(), "gratitude.toml")
    mine = tmp_path / "gratitude.toml"
    text = Path(source).read_text(encoding="utf-8")
    mine.write_text(text, encoding="utf-8")
    assert templates.load_file(str(mine)).title == "Gratitude"
    mine.write_text(text.replace('title = "', 'title = "My ', 1), encoding="utf-8")
    changed = templates.load_file(str(mine))
    assert changed.title.startswith("My ")
    assert reads == [str(mine), str(mine)]
