"""Issue 27: caseload parses a client's file once, with each distinct list of an
entry's steps parsed once and every copy of it left out (importing.summary). What it
leaves out is exactly the steps' lists: any JSON document reads the same but for
them, a broken file is refused where it breaks, and a caseload's facts are those
the full importer finds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hwjournal.importing import summary
from hwjournal.importing.checking import ImportProblem
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
    text = json.dumps({"doc": value}, ensure_ascii=False)
    assert json.loads(summary._without_steps(text)) == left_out({"doc": value})


def test_copies_of_one_list_are_parsed_once_and_all_left_out() -> None:
    steps = [{"id": "q1", "prompt": 'Say "hi" [now]'}]
    text = json.dumps({"entries": [{"steps": steps, "n": n} for n in range(5)]})
    reduced = summary._without_steps(text)
    assert reduced.count('"steps": null') == 5 and "prompt" not in reduced


@pytest.mark.parametrize("cut", [0.5, 0.99])
def test_a_file_broken_anywhere_is_refused_where_it_breaks(tmp_path: Path, cut: float) -> None:
    text = json.dumps(document([phq(n, f"2026-11-{n:02d}", 8) for n in range(1, 9)]))
    broken = text[: int(len(text) * cut)]
    with pytest.raises(ImportProblem) as problem:
        summary.summarise(broken, "f.json")
    with pytest.raises(ImportProblem) as whole:
        from hwjournal.importing import read_json

        read_json(broken, "f.json")
    assert (problem.value.where, problem.value.problem) == (whole.value.where, whole.value.problem)


def test_the_facts_are_the_importers() -> None:
    from hwjournal.importing.hwjson import parse_hw_json

    entries = [phq(1, "2026-11-02", 8, q9=1), entry(2, "gratitude", "2026-11-03")]
    entries.append(phq(3, "2026-11-04", 12))
    data = document(entries)
    found = summary.summarise(json.dumps(data), "f.json")
    full = parse_hw_json(data, "f.json")
    assert [(e.date, e.template, e.score, e.alerts) for e in found.entries] == [
        (e.date, e.template, e.score, e.alerts or []) for e in full.entries
    ]
