"""Issue 27: caseload parses a client's file once, with each distinct list of an
entry's steps parsed once and every copy of it left out (importing.summary). What it
leaves out is exactly the steps' lists: any JSON document reads the same but for
them, a broken file is refused where it breaks, and a caseload's facts are those
the full importer finds."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hwjournal.importing import summary
from hwjournal.importing.checking import ImportProblem
from hwjournal.messages import FILE_NOT_UTF8
from test_caseload import document, entry, phq

# Keys whose list values are left out: "steps", and any key whose text ends in a
# quote and steps (an escaped quote looks the same to the pattern).
STEPS_KEYS = ("steps", 'x"steps')
KEYS = st.sampled_from(["steps", 'x"steps', "a", "steps2", "answers"])
TEXTS = st.sampled_from(['"steps": [1]', "steps", '", "steps": [', "plain", "é ✓"])
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | TEXTS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=12,
)


def left_out(value: Any) -> Any:
    """`value` with every list under a steps key as None."""
    if isinstance(value, dict):
        return {
            k: None if k in STEPS_KEYS and isinstance(v, list) else left_out(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [left_out(v) for v in value]
    return value


@settings(max_examples=300, deadline=None)
@given(JSON)
def test_any_document_reads_the_same_but_for_the_steps_lists(value: Any) -> None:
    raw = json.dumps({"doc": value}, ensure_ascii=False).encode("utf-8")
    assert json.loads(summary._without_steps(raw)) == left_out({"doc": value})


def test_copies_of_one_list_are_parsed_once_and_all_left_out() -> None:
    steps = [{"id": "q1", "prompt": 'Say "hi" [now]'}]
    text = json.dumps({"entries": [{"steps": steps, "n": n} for n in range(5)]})
    reduced = summary._without_steps(text.encode("utf-8"))
    assert reduced.count(b'"steps": null') == 5 and b"prompt" not in reduced


def test_a_list_longer_than_the_first_look_is_left_out_too() -> None:
    steps = [{"id": f"q{n}", "prompt": "é" * 900} for n in range(40)]  # 72 kB
    raw = json.dumps({"entries": [{"steps": steps}] * 3}, ensure_ascii=False).encode()
    assert len(json.dumps(steps, ensure_ascii=False).encode()) > 8 * summary._FIRST_LOOK
    assert json.loads(summary._without_steps(raw)) == {"entries": [{"steps": None}] * 3}


@pytest.mark.parametrize("cut", [0.5, 0.99])
def test_a_file_broken_anywhere_is_refused_where_it_breaks(cut: float) -> None:
    text = json.dumps(document([phq(n, f"2026-11-{n:02d}", 8) for n in range(1, 9)]))
    broken = text[: int(len(text) * cut)]
    with pytest.raises(ImportProblem) as problem:
        summary.summarise(broken.encode("utf-8"), "f.json")
    with pytest.raises(ImportProblem) as whole:
        from hwjournal.importing import read_json

        read_json(broken, "f.json")
    assert (problem.value.where, problem.value.problem) == (whole.value.where, whole.value.problem)


@pytest.mark.parametrize("where", ["in the first list", "in a copy", "after the lists"])
def test_a_file_not_utf8_anywhere_is_named_with_its_line(where: str) -> None:
    from hwjournal.sources import FileProblem

    entries = [phq(n, f"2026-11-{n:02d}", 8) for n in range(1, 4)]
    lines = json.dumps(document(entries), indent=1).encode("utf-8").split(b"\n")
    prompts = [n for n, line in enumerate(lines) if b'"prompt": "Item 9"' in line]
    at = {"in the first list": prompts[0], "in a copy": prompts[-1], "after the lists": -1}
    lines[at[where]] = lines[at[where]].replace(b"Item", b"It\xffem").replace(b"}", b"\xff}")
    with pytest.raises(FileProblem) as problem:
        summary.summarise(b"\n".join(lines), "f.json")
    assert problem.value.problem == FILE_NOT_UTF8.format(line=at[where] % len(lines) + 1)


def test_the_facts_are_the_importers() -> None:
    from hwjournal.importing.hwjson import parse_hw_json

    entries = [phq(1, "2026-11-02", 8, q9=1), entry(2, "gratitude", "2026-11-03")]
    entries.append(phq(3, "2026-11-04", 12))
    data = document(entries)
    found = summary.summarise(json.dumps(data).encode("utf-8"), "f.json")
    full = parse_hw_json(data, "f.json")
    assert [(e.date, e.template, e.score, e.alerts) for e in found.entries] == [
        (e.date, e.template, e.score, e.alerts or []) for e in full.entries
    ]
