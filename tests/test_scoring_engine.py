"""The scoring engine (measures.py) over generated templates: reversal, values,
multipliers, scales, and bands that hold every score a template can give; and the
`[scoring]` tables `hw templates validate` refuses, each with its line."""

from __future__ import annotations

import itertools
import json
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import run_hw
from hwjournal import measure_checks, measures, templates
from hwjournal.errors import TemplateError


def scale_step(step_id: str, low: int, high: int, **extra) -> dict:
    return {"id": step_id, "type": "scale", "prompt": step_id, "min": low, "max": high, **extra}


def template(steps: list[dict], scoring: dict) -> templates.Template:
    return templates.from_data({"id": "t", "title": "T", "steps": steps, "scoring": scoring})


ranges = st.tuples(st.integers(-3, 3), st.integers(1, 4)).map(lambda t: (t[0], t[0] + t[1]))


@given(ranges, st.data())
def test_a_reversed_scale_scores_min_plus_max_minus_its_answer(bounds, data):
    low, high = bounds
    answer = data.draw(st.integers(low, high))
    made = template([scale_step("a", low, high, reverse=True)], {"steps": ["a"]})
    assert made.scoring.score(made.steps, {"a": answer})["total"] == low + high - answer
    assert measures.points(made.steps[0], answer) == low + high - answer


@given(st.lists(st.integers(-5, 9), min_size=2, max_size=6), st.booleans(), st.data())
def test_a_choice_scores_its_values_in_order_or_in_reverse(values, reverse, data):
    options = [f"option {i}" for i in range(len(values))]
    step = {"id": "c", "type": "choice", "prompt": "c", "options": options, "values": values}
    made = template([{**step, "reverse": reverse}], {"steps": ["c"]})
    index = data.draw(st.integers(0, len(values) - 1))
    expected = (values[::-1] if reverse else values)[index]
    assert made.scoring.score(made.steps, {"c": options[index]})["total"] == expected


@given(st.integers(1, 4), st.sampled_from([1, 2, 4, 0.5, 2.5]), st.data())
def test_a_multiplier_multiplies_the_sum_of_the_points(count, multiplier, data):
    steps = [scale_step(f"s{i}", 0, 3) for i in range(count)]
    answers = {s["id"]: data.draw(st.integers(0, 3)) for s in steps}
    plain = template(steps, {"steps": [s["id"] for s in steps]})
    times = template(steps, {"steps": [s["id"] for s in steps], "multiplier": multiplier})
    base = plain.scoring.score(plain.steps, answers)["total"]
    assert times.scoring.score(times.steps, answers)["total"] == pytest.approx(base * multiplier)


@given(st.integers(2, 4), st.data())
def test_each_scale_sums_only_its_own_steps(count, data):
    steps = [scale_step(f"s{i}", 0, 3) for i in range(count * 2)]
    ids = [s["id"] for s in steps]
    scoring = {
        "scales": [
            {"id": "first", "label": "First", "steps": ids[:count], "multiplier": 2},
            {"id": "second", "label": "Second", "steps": ids[count:]},
        ]
    }
    made = template(steps, scoring)
    answers = {i: data.draw(st.integers(0, 3)) for i in ids}
    score = made.scoring.score(made.steps, answers)
    assert "total" not in score  # scales without a total
    assert score["scales"]["first"]["score"] == 2 * sum(answers[i] for i in ids[:count])
    assert score["scales"]["second"]["score"] == sum(answers[i] for i in ids[count:])


@st.composite
def banded_templates(draw):
    """Scale steps, and bands cut anywhere between the lowest and highest score."""
    count = draw(st.integers(1, 3))
    steps = [scale_step(f"s{i}", *draw(ranges)) for i in range(count)]
    multiplier = draw(st.sampled_from([1, 2, 4]))
    low = sum(s["min"] for s in steps) * multiplier
    high = sum(s["max"] for s in steps) * multiplier
    cuts = sorted(set(draw(st.lists(st.integers(low, high - 1), max_size=4))))
    bands = [{"max": m, "label": f"up to {m}"} for m in [*cuts, high]]
    return steps, {"steps": [s["id"] for s in steps], "bands": bands, "multiplier": multiplier}


@settings(max_examples=60)
@given(banded_templates())
def test_bands_that_validate_hold_every_possible_score(made):
    steps, scoring = made
    loaded = template(steps, scoring)
    for answers in itertools.product(*(range(s["min"], s["max"] + 1) for s in steps)):
        given = dict(zip(scoring["steps"], answers, strict=True))
        score = loaded.scoring.score(loaded.steps, given)
        assert score["band"] is not None


@settings(max_examples=60)
@given(banded_templates(), st.data())
def test_bands_short_of_the_highest_score_are_refused(made, data):
    steps, scoring = made
    top = scoring["bands"][-1]["max"] - data.draw(st.integers(1, 3))
    kept = [b for b in scoring["bands"] if b["max"] < top]
    scoring["bands"] = [*kept, {"max": top, "label": "short"}]
    with pytest.raises(TemplateError, match="no band holds a score of"):
        template(steps, scoring)


def test_a_gap_between_bands_with_min_is_refused_and_one_without_a_possible_score_is_not():
    steps = [scale_step("a", 0, 3), scale_step("b", 0, 3)]
    gap = [{"min": 0, "max": 2, "label": "low"}, {"min": 4, "max": 6, "label": "high"}]
    with pytest.raises(TemplateError, match="no band holds a score of 3"):
        template(steps, {"steps": ["a", "b"], "bands": gap})
    # × 2, the scores are 0, 2, 4 ... 12: no score falls between 6 and 8
    even = [{"min": 0, "max": 6, "label": "low"}, {"min": 8, "max": 12, "label": "high"}]
    loaded = template(steps, {"steps": ["a", "b"], "bands": even, "multiplier": 2})
    by_id = {s.id: s for s in loaded.steps}
    assert measure_checks.possible_scores(loaded.scoring.total, by_id) == [0, 2, 4, 6, 8, 10, 12]


def test_alert_and_urgent_levels_compare_points_not_the_answer():
    step = {
        "id": "c",
        "type": "choice",
        "prompt": "c",
        "options": ["Often", "Sometimes", "Never"],
        "values": [3, 2, 0],
        "alert_at": 1,
        "urgent_at": 3,
    }
    made = template([step], {"steps": ["c"]})
    c = made.steps[0]
    assert [c.alerts(o) for o in step["options"]] == [True, True, False]
    assert [c.urgent(o) for o in step["options"]] == [True, False, False]
    reversed_scale = template([scale_step("r", 0, 4, reverse=True, alert_at=3)], {"steps": ["r"]})
    alerting = [reversed_scale.steps[0].alerts(a) for a in range(5)]
    assert alerting == [True, True, False, False, False]


BAD = {
    "a missing step": (
        """
        [[scoring.scales]]
        id = "one"
        label = "One"
        steps = ["a", "z"]
        """,
        "scoring.scales[0].steps",
        "'z' is not a step of this template",
        'steps = ["a", "z"]',
    ),
    "values of the wrong length": (
        "",
        "steps[1].values",
        "values should give 4 points",
        "values = [0, 1, 2]",
    ),
    "a band left short": (
        """
        [[scoring.scales]]
        id = "one"
        label = "One"
        steps = ["a"]
        bands = [{max = 1, label = "low"}, {max = 2, label = "high"}]
        """,
        "scoring.scales[0].bands",
        "no band holds a score of 3",
        "bands = [{max = 1",
    ),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_templates_validate_refuses_a_bad_scoring_with_its_line(tmp_path, case):
    extra, key, problem, line_text = BAD[case]
    values = "values = [0, 1, 2]" if case == "values of the wrong length" else ""
    text = textwrap.dedent(
        """\
        id = "bad-scale"
        title = "Bad scale"

        [[steps]]
        id = "a"
        type = "scale"
        prompt = "A"
        min = 0
        max = 3

        [[steps]]
        id = "b"
        type = "scale"
        prompt = "B"
        min = 0
        max = 3
        VALUES

        [scoring]
        steps = ["a", "b"]
        """
    ).replace("VALUES", values) + textwrap.dedent(extra)
    path = tmp_path / "bad-scale.toml"
    path.write_text(text)
    result = run_hw("templates", "validate", str(path))
    assert result.code == 1, result.err
    line = next(i for i, t in enumerate(text.splitlines(), 1) if line_text in t)
    assert problem in result.err
    assert key in result.err
    assert f"line {line}" in result.err


def test_hw_json_import_takes_a_score_of_scales_without_a_total(hw_home, tmp_path):
    values = [x for i in range(1, 21) for x in ("-a", f"q{i}=1")]
    assert run_hw("start", "pcl-5", "--date", "2026-11-03", "--no-input", *values).code == 0
    exported = run_hw("export", "--format", "json", "--week", "2026-11-03").json()
    entry = exported["entries"][0]
    entry["uid"] = "f" * 32
    entry["score"] = {"scales": {"b": {"score": 5, "band": None}, "c": {"score": 2, "band": "x"}}}
    good = tmp_path / "scales.json"
    good.write_text(json.dumps(exported))
    assert run_hw("import", str(good)).code == 0
    shown = run_hw("log", "--json", "-n", "0").json()
    assert entry["score"] in [e.get("score") for e in shown]
    entry["uid"] = "e" * 32
    entry["score"] = {"scales": {"b": {"score": "five"}}}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(exported))
    refused = run_hw("import", str(bad))
    assert refused.code == 2 and "'score' should be" in refused.err
    assert len(run_hw("log", "--json", "-n", "0").json()) == 2  # unchanged
