"""User text can never break the Markdown export's structure.

Hostile text goes into every answer type, the template's own title, prompts,
labels and options, tags, the skip reason and the name in the config; the
export is parsed with markdown-it-py and its tokens checked: the headings, the
table rows and cells, no HTML but <br>, no links, images, code, quotes, rules or
nested lists, and every hostile string read back as the same text. The escaping
functions are then fuzzed with Hypothesis.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import tomli_w
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from helpers import ENV, hw_in, run_hw
from hwjournal.display import clean
from hwjournal.export.markdown import cell, escape_line, inline, paragraphs
from test_export import all_text, assert_only_our_structure, headings, inline_text, tables
from test_week import MON, TUE

MD = MarkdownIt("commonmark").enable("table")

HOSTILE = [
    "# heading",
    "## second | heading ##",
    "a | b | c",
    "<script>alert(1)</script>",
    "`code` and ``more``",
    "```",
    "~~~",
    "---",
    "***",
    "___",
    "===",
    "[x](y)",
    "![image](http://x/y.png)",
    "*a* and _b_ and **c**",
    "> q",
    "1. x",
    "2) y",
    "- item",
    "+ item",
    "<!-- comment",
    "<http://autolink.example>",
    "&amp; &copy; &#35;",
    "    indented code",
    "\tand a tab",
    "a\\|b and a \\ backslash",
    "[ref]: http://x.example",
    "</td></tr><tr><td>",
    "ends with a backslash \\",
]
TITLE = "# Hostile | <b>log</b> *x*"


def template_text(template_id: str, layout: str | None) -> str:
    steps = [
        {"id": f"t{i}", "type": "text", "prompt": f"{h} (prompt {i})"}
        for i, h in enumerate(HOSTILE)
    ]
    steps += [
        {"id": "story", "type": "long", "prompt": "> a *long* one"},
        {
            "id": "level", "type": "scale", "prompt": "1. how | much?", "min": 0, "max": 10,
            "labels": {"0": "<b>none</b>", "10": "# most | `x`"},
        },
        {"id": "pick", "type": "choice", "prompt": "[pick](x)", "options": ["*a*", "`c`"],
         "other": True},
        {"id": "picks", "type": "multi", "prompt": "<!-- picks", "options": ["1. x", "> q"],
         "other": True},
        {"id": "items", "type": "list", "prompt": "- items"},
        {"id": "count", "type": "number", "prompt": "---"},
        {"id": "ok", "type": "yesno", "prompt": "=== ok?"},
        {"id": "breathe", "type": "timer", "prompt": "~~~ breathe", "minutes": 1},
    ]  # fmt: skip
    data = {
        "id": template_id, "title": TITLE, "version": 1, "modality": "test",
        "goals": ["skills"], "summary": "Hostile text.", "why": "To test escaping.",
        "cadence": "daily", "minutes": 1, "steps": steps,
    }  # fmt: skip
    if layout:
        data["layout"] = layout
    return tomli_w.dumps(data)


LONG = "\n".join([*HOSTILE[:10], "", *HOSTILE[10:]])
ANSWERS = {
    **{f"t{i}": h for i, h in enumerate(HOSTILE)},
    "story": LONG,
    "level": 10,
    "pick": "*a*",
    "picks": ["1. x", "> q", "free | text <b>"],
    "items": HOSTILE,
    "count": 3.5,
    "ok": True,
    "breathe": 65,
}
TAGS = ["#tag", "<b>", "[x](y)", "*em*"]
REASON = "> q\n1. x <!-- and `code`"
NAME = "# Sam | <i>*the* client</i>"


def opens_with(token, kind: str) -> bool:
    """An inline made of one emphasis run: ours (a label or the entry's facts)."""
    kinds = [c.type for c in token.children or [] if not (c.type == "text" and not c.content)]
    return bool(kinds) and kinds[0] == kind and kinds[-1] == kind.replace("open", "close")


@pytest.fixture
def hostile(hw_home: Path, tmp_path: Path) -> Path:
    folder = hw_home / "templates"
    folder.mkdir(parents=True)
    (folder / "hostile.toml").write_text(template_text("hostile", None))
    (folder / "hostile-log.toml").write_text(template_text("hostile-log", "columns"))
    (hw_home / "config.toml").write_text(tomli_w.dumps({"name": NAME}))
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(ANSWERS))
    tags = [x for tag in TAGS for x in ("--tag", tag)]
    hw_in(hw_home, "assign", "hostile", "--start", MON, "--for", "7d")
    for template in ("hostile", "hostile-log"):
        hw_in(hw_home, "start", template, "--date", MON, "--no-input", "--answers-json",
              str(answers), "--mood", "3", *tags)  # fmt: skip
    hw_in(hw_home, "skip", "hostile", "--date", TUE, "--barrier", "unclear", "--reason", REASON)
    return hw_home


def test_hostile_text_in_every_answer_type_stays_text(hostile: Path) -> None:
    result = run_hw("export", "--week", "2026-W47", env=ENV)
    assert result.code == 0, result.err
    tokens = MD.parse(result.out)
    assert_only_our_structure(tokens)
    assert headings(tokens) == [
        (1, "Therapy homework, week 47 of 2026"),
        (2, "Homework"),
        (2, "What got in the way"),
        (2, "The days at a glance"),
        (2, "Entries, day by day"),
        (3, "Monday 16 November 2026"),
        (4, TITLE),
        (2, TITLE),
    ]
    text = all_text(tokens)
    assert f"From: {NAME}" in text
    assert REASON in text
    # the plain view: each prompt a bold label, each answer read back exactly
    inlines = [t for t in tokens if t.type == "inline"]
    strong = [inline_text(t) for t in inlines if opens_with(t, "strong_open")]
    prompts = [f"{h} (prompt {i})" for i, h in enumerate(HOSTILE)]
    # (a label is one line, without blanks around it)
    others = ["> a *long* one", "1. how | much?", "[pick](x)", "<!-- picks", "- items", "---",
              "=== ok?", "~~~ breathe"]  # fmt: skip
    assert strong == [*(p.strip() for p in prompts), *others]
    paragraphs_read = [inline_text(t) for t in inlines]
    for h in HOSTILE:
        assert h.rstrip() in paragraphs_read, h
    story = LONG.split("\n\n")
    assert story[0] in paragraphs_read and story[1] in paragraphs_read
    assert "10 on 0–10 (# most | `x`)" in paragraphs_read
    assert "free | text <b>" in paragraphs_read and "*a*" in paragraphs_read
    emphasis = [inline_text(t) for t in inlines if opens_with(t, "em_open")]
    assert emphasis[0].startswith("mood 3/5 (so-so) · tags: #tag, <b>, [x](y), *em*")
    # the columns view: one row, a cell a step, the long answer on its lines
    log = tables(tokens)[-1]
    assert len(log) == 2 and all(len(row) == len(log[0]) for row in log)
    assert log[0][1 : len(HOSTILE) + 1] == [p.strip() for p in prompts]
    assert log[1][1 : len(HOSTILE) + 1] == [h.rstrip() for h in HOSTILE]
    row = dict(zip(log[0], log[1], strict=True))
    assert row["1. how | much?"] == "10 on 0–10 (# most | `x`)"
    assert row["> a *long* one"] == LONG
    assert row["- items"] == "\n".join(f"• {h}".rstrip() for h in HOSTILE)
    assert row["<!-- picks"] == "• 1. x\n• > q\n• free | text <b>"


def test_hostile_text_in_csv_and_json_is_kept_exactly(hostile: Path) -> None:
    doc = json.loads(run_hw("export", "--week", "2026-W47", "-f", "json", env=ENV).out)
    assert [e["answers"] for e in doc["entries"]] == [ANSWERS, ANSWERS]
    assert doc["skips"][0]["reason"] == REASON
    import csv
    import io

    out = run_hw("export", "--week", "2026-W47", "-f", "csv", env=ENV).out
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert rows[0]["story"] == LONG and rows[0]["t0"] == "# heading"
    assert rows[0]["t17"] == "'- item" and rows[0]["t18"] == "'+ item"
    assert rows[0]["items"] == "; ".join(HOSTILE)


# ---------------------------------------------------------------- fuzzing


def normal(text: str) -> str:
    """Line breaks as \\n, control characters as their visible symbols (␛)."""
    return clean(text.replace("\r\n", "\n").replace("\r", "\n"))


def _expected_paragraphs(text: str) -> list[str]:
    """What the paragraphs should read as: lines without trailing blanks, blank
    lines parting paragraphs."""
    lines = normal(text).split("\n")
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.rstrip())
        elif blocks[-1]:
            blocks.append([])
    return ["\n".join(b) for b in blocks if b]


TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("#|<>&`*_[]()!\\-+=~.):\"' \t\n\r0123456789ax")),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=40,
)


def escaped_by_hand(text: str) -> str:
    """The escaping rule a character at a time: leading blanks as character
    references; `&`, `<`, `>` as entities; `\\`*_[]|#` behind a backslash anywhere;
    `-+=~` behind one at the start, as is the `.` or `)` after the digits of an
    ordered list item there (digits of any script, as Python's \\d reads them)."""
    body = text.lstrip()
    out = [f"&#{ord(c)};" for c in text[: len(text) - len(body)]]
    digits = next((i for i, c in enumerate(body) if not c.isdecimal()), len(body))
    ordered = 1 <= digits <= 9 and body[digits : digits + 1] in (".", ")")
    for index, char in enumerate(body):
        if char in "&<>":
            out.append({"&": "&amp;", "<": "&lt;", ">": "&gt;"}[char])
        elif (
            char in "\\`*_[]|#" or (index == 0 and char in "-+=~") or (ordered and index == digits)
        ):
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


@settings(max_examples=500, deadline=None)
@given(TEXT)
@example("  - item")
@example("123456789. nine digits")
@example("1234567890. ten digits are no list item")
@example("\u0661\u0662) Arabic-Indic digits")
@example("\u3000\u00a0 wide and no-break blanks first")
@example("=== # | & < > ` * _ [ ] \\ ~ + - 1. 2)")
def test_escape_line_escapes_exactly_what_the_rule_names(text: str) -> None:
    assert escape_line(text) == escaped_by_hand(text)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_paragraphs_make_only_paragraphs_and_read_back(text: str) -> None:
    tokens = MD.parse(paragraphs(text))
    assert {t.type for t in tokens} <= {"paragraph_open", "inline", "paragraph_close"}
    for child in (c for t in tokens if t.type == "inline" for c in t.children or []):
        assert child.type in ("text", "softbreak", "hardbreak"), child.type
    assert [inline_text(t) for t in tokens if t.type == "inline"] == _expected_paragraphs(text)


@settings(max_examples=300, deadline=None)
@given(TEXT, TEXT)
def test_cells_stay_in_their_cell_and_read_back(first: str, second: str) -> None:
    source = "| a | b |\n| --- | --- |\n" + f"| {cell(first)} | {cell(second)} |\n"
    tokens = MD.parse(source)
    rows = tables(tokens)
    assert len(rows) == 1 and len(rows[0]) == 2 and len(rows[0][1]) == 2

    def expected(text: str) -> str:
        lines = normal(text)
        return "\n".join(x.rstrip() if x.strip() else "" for x in lines.split("\n")).strip("\n")

    assert [c.strip("\n") for c in rows[0][1]] == [expected(first), expected(second)]
    for child in (c for t in tokens if t.type == "inline" for c in t.children or []):
        assert child.type == "text" or (child.type == "html_inline" and child.content == "<br>")


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_headings_hold_one_line_of_text(text: str) -> None:
    tokens = MD.parse(f"## {inline(text)}\n\nafter\n")
    assert [t.type for t in tokens][:3] == ["heading_open", "inline", "heading_close"]
    assert [t.type for t in tokens][3:] == ["paragraph_open", "inline", "paragraph_close"]
    expected = " ".join(normal(text).split("\n")).strip()
    assert inline_text(tokens[1]) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT.filter(lambda t: t.strip()), min_size=1, max_size=3))
def test_list_items_stay_one_item_each(items: list[str]) -> None:
    source = "\n".join("- " + paragraphs(item, "  ") for item in items) + "\n"
    tokens = MD.parse(source)
    assert [t.type for t in tokens].count("list_item_open") == len(items)
    assert [t.type for t in tokens].count("bullet_list_open") == 1
    nested = {t.type for t in tokens if t.level > 2} - {"inline"}
    assert nested <= {"paragraph_open", "paragraph_close"}, nested
    read = [inline_text(t) for t in tokens if t.type == "inline"]
    assert read == [p for item in items for p in _expected_paragraphs(item)]


def test_the_markdown_export_loads_no_dataclasses_or_typing() -> None:
    """`hw export` is on the fast path: dataclasses and typing (inspect, ast, ...) cost
    it more than its queries."""
    import subprocess
    import sys

    code = (
        "import sys, hwjournal.export.data, hwjournal.export.markdown;"
        " print(sorted({'dataclasses', 'typing'} & set(sys.modules)))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.strip() == "[]", proc.stderr
