"""The Spanish walk (issue 25): with `language = es`, every command of spec.COMMANDS and
every group, their --help, a run of each against a small journal (entries, a measure
with an alert, homework and a skip), an export in every format, the week, trends, sos,
usage errors and an unknown command with its did-you-mean. Nothing hw says may hold an
English sentence of the English catalog: a fragment of a message or a help text that
the Spanish catalog says differently. In-process (hw_here) but for the help of the
whole command line, which a real process draws once."""

from __future__ import annotations

import gettext
import json
import re
from pathlib import Path

import pytest
from tests.helpers import answer_flags, hw_here, item_flags, phq9_items, run_hw, spec_texts

from hwjournal import i18n, paths, spec, templates

WEEK = "2026-W45"  # Monday 2 to Sunday 8 November 2026
WORD = re.compile(r"[A-Za-z][A-Za-z']+")


def english_fragments() -> list[re.Pattern[str]]:
    """What no Spanish screen may show: each English sentence's literal pieces (between
    its placeholders) that its Spanish does not hold too, two words or more (a single
    word, six letters or more: "Options"), matched on word boundaries."""
    with open(i18n.catalog_path("es"), "rb") as file:
        spanish = gettext.GNUTranslations(file)
    found: set[str] = set()
    pairs = [(english, spanish.gettext(english)) for english in {*i18n.msgids(), *spec_texts()}]
    for plural in i18n.plurals():  # a sentence with a count: each English form
        pairs += [(plural.one, spanish.ngettext(plural.one, plural.many, 1))]
        pairs += [(plural.many, spanish.ngettext(plural.one, plural.many, 2))]
    for english, said in pairs:
        if said == english:
            continue
        for piece in re.split(r"\{[^{}]*\}", english):
            piece = " ".join(piece.split()).strip(" .,:;()'\"-—")
            words = WORD.findall(piece)
            if not words or piece in " ".join(said.split()):
                continue
            if len(words) >= 2 or len(words[0]) >= 6:
                found.add(piece)
    return [re.compile(r"(?<![\w-])" + re.escape(p) + r"(?![\w-])") for p in sorted(found)]


@pytest.fixture(scope="module")
def fragments() -> list[re.Pattern[str]]:
    return english_fragments()


def template_texts() -> list[str]:
    """Every text of the built-in templates, longest first: what a template says is its
    own (its Spanish is the overlays' work), not a sentence of hw's."""
    import tomllib

    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.add(" ".join(value.split()))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in Path(paths.builtin_templates_dir()).rglob("*.toml"):
        walk(tomllib.loads(path.read_text(encoding="utf-8")))
    return sorted((t for t in found if t), key=len, reverse=True)


TEMPLATE_TEXTS = template_texts()
# the command line's own names, never translated
NAMES = sorted({*spec.GROUPS, *(part for c in spec.COMMANDS for part in c.path)}, key=len)


def english_in(text: str, fragments: list[re.Pattern[str]]) -> list[str]:
    flat = " ".join(text.split())
    for said in TEMPLATE_TEXTS:
        flat = flat.replace(said, " ")
    for name in NAMES:
        flat = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", " ", flat)
    return [f.pattern for f in fragments if f.search(flat)]


@pytest.fixture
def journal(hw_home: Path, tmp_path: Path) -> Path:
    """A small journal in Spanish: two exercises, a PHQ-9 whose item 9 alerts, daily
    homework with a day set aside."""
    assert hw_here("config", "set", "language", "es").code == 0
    compass = templates.find("values-compass")
    gratitude = templates.find("gratitude")
    phq9 = ["start", "phq-9", "--date", "2026-11-04", "--no-input"]
    compass_answers = by_number(compass)
    for args in (
        ["assign", "gratitude", "--daily", "--start", "2026-11-02", "--note", "por la noche"],
        ["start", "values-compass", "--date", "2026-11-02", "--no-input", *compass_answers],
        [
            "start",
            "gratitude",
            "--date",
            "2026-11-03",
            "--mood",
            "4",
            "--tag",
            "trabajo",
            "--no-input",
            *answer_flags(gratitude),
        ],
        ["skip", "gratitude", "--date", "2026-11-05", "--barrier", "time"],
        [*phq9, *item_flags(phq9_items(q9=1, q1=2, q2=2))],
    ):
        result = hw_here(*args)
        assert result.code == 0, (args, result.err)
    return hw_home


def by_number(template: templates.Template) -> list[str]:
    """--answer flags for every step, a choice given by its number: the Spanish run
    shows (and takes) the overlay's words for the options."""
    flags = answer_flags(template)
    for step in template.answerable_steps:
        if step.type == "choice":
            chosen = flags.index(f"{step.id}={step.options[-1]}")
            flags[chosen] = f"{step.id}={len(step.options)}"
    return flags


def runs(home: Path, tmp_path: Path) -> list[list[str]]:
    """A command line for every command of spec.COMMANDS, in an order that works."""
    export_json = tmp_path / "export.json"
    mine = tmp_path / "mine.toml"
    return [
        ["sos"],
        ["log"],
        ["log", "--drafts"],
        ["show", "1"],
        ["templates", "list"],
        ["templates", "show", "values-compass"],
        ["templates", "show", "phq-9"],
        ["templates", "new", "mine", "--from", "gratitude"],
        ["templates", "validate", str(mine)],
        ["due", "--date", "2026-11-05"],
        ["due", "--date", "2026-11-06", "--count"],
        ["assignments"],
        ["config", "show"],
        ["config", "set", "name", "Sam"],
        ["week", WEEK],
        ["trends", "--until", "2026-11-30"],
        ["export", "--week", WEEK],
        ["export", "--week", WEEK, "--format", "csv"],
        ["export", "--week", WEEK, "--format", "json", "--output", str(export_json)],
        ["export", "--week", WEEK, "--format", "html", "--output", str(tmp_path / "r.html")],
        ["caseload", str(export_json)],
        ["import", str(export_json)],
        ["backup", str(tmp_path / "copia.db")],
        ["check"],
        ["start", "gratitude", "--no-input"],  # an answer missing
        ["resume"],
        ["start", "gratitude", "--date", "2026-11-06", "--no-input", "--answer", "things=té"],
        ["delete", "5", "--yes"],
        ["assign", "mood-checkin", "--weekly", "--start", "2026-11-02"],
        ["assignments", "end", "2"],
        ["skip", "gratitude", "--date", "2026-11-07"],
        ["lock"],  # not encrypted: says so
        ["decrypt", "--yes"],
        ["unlock"],
        ["passphrase"],
        ["encrypt"],  # no terminal to ask a passphrase: says so
        ["log", "--bogus"],
        ["lgo"],
        ["show"],
        ["week", "la-semana"],
        ["start", "values-compass", "--mood", "x"],
    ]


def test_every_command_speaks_spanish(
    journal: Path, tmp_path: Path, fragments: list[re.Pattern[str]]
) -> None:
    lines = runs(journal, tmp_path)
    walked = {tuple(line[:2]) for line in lines} | {(line[0],) for line in lines}
    for command in spec.COMMANDS:
        assert command.path in walked, f"the walk misses hw {' '.join(command.path)}"
    with open(i18n.catalog_path("es"), "rb") as file:
        spanish = gettext.GNUTranslations(file)
    unexpected = spanish.gettext(str(i18n.english_messages()["UNEXPECTED"])).split("{")[0]
    found = {}
    for line in lines:
        result = hw_here(*line)
        assert "Traceback" not in result.err, line
        assert unexpected not in result.err, (line, result.err)
        out = result.out
        if line[:1] == ["export"] and "csv" in line:  # its header row: keys, as JSON's
            out = out.split("\n", 1)[1]
        english = english_in(out + "\n" + result.err, fragments)
        if english:
            found[" ".join(line)] = english
    for name in ("r.html",):
        english = english_in(re.sub(r"<[^>]+>", " ", (tmp_path / name).read_text()), fragments)
        if english:
            found[name] = english
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)


def test_every_help_speaks_spanish(journal: Path, fragments: list[re.Pattern[str]]) -> None:
    found = {}
    paths = [(), *((name,) for name in spec.GROUPS), *(c.path for c in spec.COMMANDS)]
    for path in paths:
        result = hw_here(*path, "--help")
        assert result.code == 0, (path, result.err)
        english = english_in(result.out, fragments)
        if english:
            found[" ".join(("hw", *path))] = english
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)


def test_a_real_process_in_spanish(journal: Path, fragments: list[re.Pattern[str]]) -> None:
    """The installed hw, from the setting alone (the locale says English)."""
    shown = run_hw("--help", env={"LANG": "en_US.UTF-8"})
    assert shown.out.startswith("Uso: hw")
    assert not english_in(shown.out, fragments)
    unknown = run_hw("lgo", env={"LANG": "en_US.UTF-8"})
    assert unknown.code == 2 and "¿Querías decir 'log'?" in unknown.err
    assert not english_in(unknown.err, fragments)
