"""What a change in a screening score means: the status words of `hw trends` at
every edge of every threshold, the thresholds the built-in measures carry, and a
`[scoring]` table that is refused with its file, key and line. In-process: these
are pure functions and the template loader."""

from __future__ import annotations

import pytest

from helpers import REPO, run_hw
from hwjournal import measures, templates
from hwjournal.errors import TemplateError
from hwjournal.measures import (
    NO_RELIABLE_CHANGE,
    RECOVERY,
    RELIABLE_DETERIORATION,
    RELIABLE_IMPROVEMENT,
    RELIABLE_RECOVERY,
    REMISSION,
    RESPONSE,
    Thresholds,
    status,
)

PHQ9 = Thresholds(reliable_change=6, caseness=10, remission_below=5, response_drop=0.5)
GAD7 = Thresholds(reliable_change=4, caseness=8, remission_below=5, response_drop=0.5)


def test_the_words_and_their_order_are_the_specs():
    assert measures.WORDS == (
        "reliable improvement",
        "reliable deterioration",
        "no reliable change",
        "recovery",
        "reliable recovery",
        "response",
        "remission",
    )


@pytest.mark.parametrize(
    ("baseline", "latest", "first_word"),
    [
        (15, 9, RELIABLE_IMPROVEMENT),  # a change of exactly -6
        (15, 10, NO_RELIABLE_CHANGE),  # -5
        (9, 15, RELIABLE_DETERIORATION),  # exactly +6
        (9, 14, NO_RELIABLE_CHANGE),  # +5
        (12, 12, NO_RELIABLE_CHANGE),
    ],
)
def test_exactly_one_reliable_word_at_the_edges_of_reliable_change(baseline, latest, first_word):
    words = status(baseline, latest, PHQ9)
    assert words[0] == first_word
    reliable = {RELIABLE_IMPROVEMENT, RELIABLE_DETERIORATION, NO_RELIABLE_CHANGE}
    assert len([w for w in words if w in reliable]) == 1


@pytest.mark.parametrize(
    ("baseline", "latest", "recovered"),
    [
        (10, 9, True),  # a baseline exactly at caseness counts as a case
        (9, 4, False),  # below caseness to begin with: nothing to recover from
        (14, 10, False),  # a latest exactly at caseness is still a case
        (11, 9, True),
    ],
)
def test_recovery_at_the_edges_of_caseness(baseline, latest, recovered):
    assert (RECOVERY in status(baseline, latest, PHQ9)) is recovered


def test_reliable_recovery_needs_both_recovery_and_a_reliable_improvement():
    assert status(16, 9, PHQ9) == [RELIABLE_IMPROVEMENT, RECOVERY, RELIABLE_RECOVERY]
    assert status(13, 9, PHQ9) == [NO_RELIABLE_CHANGE, RECOVERY]  # recovered, not reliably
    assert status(9, 3, PHQ9) == [RELIABLE_IMPROVEMENT, RESPONSE, REMISSION]  # never a case


@pytest.mark.parametrize(
    ("baseline", "latest", "responded"),
    [
        (16, 8, True),  # a drop of exactly half
        (16, 9, False),
        (15, 7, True),  # 7.5 is half: 7 is below it
        (15, 8, False),
        (0, 0, False),  # a score that never moved is no response, even from 0
    ],
)
def test_response_at_the_edge_of_half(baseline, latest, responded):
    assert (RESPONSE in status(baseline, latest, PHQ9)) is responded


def test_response_counts_an_exact_edge_that_floating_point_would_miss():
    # 10 × (1 − 0.3) is 6.999… in binary floating point; 7 is a 30% drop exactly
    assert RESPONSE in status(10, 7, Thresholds(response_drop=0.3))


@pytest.mark.parametrize(("latest", "remitted"), [(4, True), (5, False), (0, True)])
def test_remission_is_strictly_below(latest, remitted):
    assert (REMISSION in status(20, latest, PHQ9)) is remitted


def test_every_word_that_applies_in_the_specs_order():
    assert status(20, 3, PHQ9) == [
        RELIABLE_IMPROVEMENT,
        RECOVERY,
        RELIABLE_RECOVERY,
        RESPONSE,
        REMISSION,
    ]
    assert status(3, 20, PHQ9) == [RELIABLE_DETERIORATION]


def test_gad7_edges():
    assert status(12, 7, GAD7) == [RELIABLE_IMPROVEMENT, RECOVERY, RELIABLE_RECOVERY]
    assert status(12, 8, GAD7) == [RELIABLE_IMPROVEMENT]  # exactly 4 better, yet still a case
    assert status(8, 7, GAD7) == [NO_RELIABLE_CHANGE, RECOVERY]  # 8 is caseness
    assert status(8, 12, GAD7) == [RELIABLE_DETERIORATION]
    assert status(7, 10, GAD7) == [NO_RELIABLE_CHANGE]


UP = Thresholds(
    reliable_change=5, caseness=20, remission_below=30, response_drop=0.5, higher_is_better=True
)


@pytest.mark.parametrize(
    ("baseline", "latest", "expected"),
    [
        (10, 15, [RELIABLE_IMPROVEMENT, RESPONSE]),  # +5 and exactly +50%: better
        (15, 10, [RELIABLE_DETERIORATION]),
        (10, 14, [NO_RELIABLE_CHANGE]),  # 14 < 15: no response either
        (20, 21, [NO_RELIABLE_CHANGE, RECOVERY]),  # at caseness is a case; above is not
        (20, 20, [NO_RELIABLE_CHANGE]),
        (18, 31, [RELIABLE_IMPROVEMENT, RECOVERY, RELIABLE_RECOVERY, RESPONSE, REMISSION]),
        (26, 30, [NO_RELIABLE_CHANGE]),  # remission is strictly above 30
    ],
)
def test_higher_is_better_turns_every_comparison_around(baseline, latest, expected):
    assert status(baseline, latest, UP) == expected


def test_a_word_whose_threshold_is_missing_is_never_given():
    assert status(20, 0, Thresholds()) == []
    assert status(20, 0, Thresholds(caseness=10)) == [RECOVERY]  # no reliable word at all
    assert status(20, 0, Thresholds(remission_below=5)) == [REMISSION]
    assert status(20, 10, Thresholds(response_drop=0.5)) == [RESPONSE]


def test_change_is_latest_minus_baseline_and_null_without_two_scores():
    assert measures.change(15, 9) == -6
    assert measures.change(None, 9) is None
    assert measures.change(9, None) is None


# ---------------------------------------------------------------- templates


@pytest.mark.parametrize(
    ("template_id", "expected"),
    [
        (
            "phq-9",
            {"reliable_change": 6, "caseness": 10, "remission_below": 5, "response_drop": 0.5},
        ),
        # the GAD-7's remission and response were the PHQ-9's, unsourced for it: gone
        (
            "gad-7",
            {"reliable_change": 4, "caseness": 8, "remission_below": None, "response_drop": None},
        ),
    ],
)
def test_the_built_in_measures_carry_published_thresholds_with_sources(template_id, expected):
    template = templates.load_file(str(REPO / "templates" / f"{template_id}.toml"))
    found = measures.of_template(template)
    assert found.to_json() == expected
    assert found.higher_is_better is False
    assert set(found.sources) == {k for k, v in expected.items() if v is not None}
    assert "NHS Talking Therapies" in found.sources["reliable_change"]
    assert "NHS Talking Therapies" in found.sources["caseness"]


def test_a_template_without_thresholds_has_none():
    template = templates.load_file(str(REPO / "templates" / "gratitude.toml"))
    assert measures.of_template(template).to_json() == dict.fromkeys(measures.THRESHOLDS)
    assert not measures.of_template(template).any


SCORED = """\
id = "my-scale"
title = "My scale"

[[steps]]
id = "a"
type = "scale"
min = 0
max = 10
prompt = "How much?"

[scoring]
steps = ["a"]
{extra}
"""


def write(tmp_path, extra: str):
    path = tmp_path / "my-scale.toml"
    path.write_text(SCORED.format(extra=extra))
    return path


def test_a_user_template_defines_its_own_thresholds(tmp_path):
    path = write(
        tmp_path,
        "reliable_change = 2.5\ncaseness = 7\nhigher_is_better = true\n"
        'sources = {reliable_change = "my therapist"}',
    )
    found = measures.of_template(templates.load_file(str(path)))
    assert (found.reliable_change, found.caseness, found.higher_is_better) == (2.5, 7, True)
    assert found.sources == {"reliable_change": "my therapist"}
    assert found.remission_below is None


@pytest.mark.parametrize(
    ("extra", "key", "problem"),
    [
        ('reliable_change = "six"', "scoring.reliable_change", "should be a number"),
        ("caseness = true", "scoring.caseness", "should be a number"),
        ("remission_below = nan", "scoring.remission_below", "should be a number"),
        ("response_drop = inf", "scoring.response_drop", "should be a number"),
        ("reliable_change = 0", "scoring.reliable_change", "above 0"),
        ("response_drop = 1.5", "scoring.response_drop", "fraction"),
        ("response_drop = 0", "scoring.response_drop", "fraction"),
        ('higher_is_better = "yes"', "scoring.higher_is_better", "true or false"),
        ("sources = 3", "scoring.sources", "a table"),
        ('sources = {colour = "me"}', "scoring.sources", "does not state"),
        ("sources = {caseness = 10}", "scoring.sources", "should be text"),
        ("reliable = 6", "scoring.reliable", "unknown key"),
    ],
)
def test_a_bad_threshold_is_refused_naming_file_key_and_line(tmp_path, extra, key, problem):
    path = write(tmp_path, extra)
    with pytest.raises(TemplateError) as caught:
        templates.load_file(str(path))
    error = caught.value
    assert error.key == key
    assert problem in error.detail
    assert error.line == 13  # the line the key is on
    assert str(path) in error.message


def test_templates_validate_names_the_bad_threshold(tmp_path):
    path = write(tmp_path, 'caseness = "ten"')
    checked = run_hw("templates", "validate", str(path))
    assert checked.code == 1
    assert str(path) in checked.out + checked.err
    assert "line 13" in checked.out + checked.err
    assert "scoring.caseness" in checked.out + checked.err
