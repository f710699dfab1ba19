"""Designs and plans: pure units, nothing is sent."""

from __future__ import annotations

import pytest

from suno_nb import schema
from suno_nb.errors import ValidationError
from suno_nb.sweeps import Grid, LatinHypercube, RandomSample, Sweep, Zip
from suno_nb.sweeps.design import as_design
from suno_nb.sweeps.plan import build_plan, clips_per_request

from .conftest import BASE_REQUEST, GRID


def test_grid_is_every_combination_first_field_slowest() -> None:
    points = Grid(GRID).points()
    assert len(points) == 9
    assert points[0] == {"weirdness": 0.0, "style_influence": 0.0}
    assert points[1] == {"weirdness": 0.0, "style_influence": 0.5}
    assert {(p["weirdness"], p["style_influence"]) for p in points} == {
        (w, s) for w in GRID["weirdness"] for s in GRID["style_influence"]
    }


def test_zip_pairs_positions_and_refuses_unequal_lengths() -> None:
    assert Zip({"weirdness": [0, 1], "style_influence": [1, 0]}).points() == [
        {"weirdness": 0, "style_influence": 1},
        {"weirdness": 1, "style_influence": 0},
    ]
    problems = Zip({"weirdness": [0, 1], "style_influence": [1]}).problems()
    assert [p.field for p in problems] == ["design"]


def test_latin_hypercube_uses_each_stratum_once_within_schema_range() -> None:
    points = LatinHypercube(
        {"weirdness": None, "style_influence": (0.2, 0.4)}, n=8, seed=3
    ).points()
    assert sorted(int(p["weirdness"] * 8) for p in points) == list(range(8))
    assert all(0.2 <= p["style_influence"] <= 0.4 for p in points)
    again = LatinHypercube({"weirdness": None, "style_influence": (0.2, 0.4)}, n=8, seed=3)
    assert again.points() == points  # seeded: a plan is repeatable


def test_random_sample_covers_choices_and_whole_numbers() -> None:
    points = RandomSample({"variety": None, "bpm": (60, 62)}, n=30, seed=1).points()
    assert {p["variety"] for p in points} <= set(schema.FIELDS["variety"].choices)
    assert {p["bpm"] for p in points} <= {60, 61, 62}
    assert all(isinstance(p["bpm"], int) for p in points)


def test_design_dicts_round_trip() -> None:
    for design in (
        Grid(GRID),
        Zip({"weirdness": [0, 1]}),
        LatinHypercube({"weirdness": (0, 1)}, n=3),
    ):
        assert as_design(design=design.to_dict()).points() == design.points()


def test_plan_counts_requests_clips_and_credits() -> None:
    plan = Sweep(BASE_REQUEST, grid=GRID, repeats=2).plan()
    assert plan.ok
    assert (plan.n_points, plan.n_requests, plan.n_clips) == (9, 18, 36)
    assert plan.credits == pytest.approx(18 * 0.56)  # generate's list price
    assert clips_per_request("generate") == 2
    text = str(plan)
    assert "18 requests" in text and "36 clips" in text and "credits" in text
    assert "<table>" in plan._repr_html_()


def test_max_mode_in_the_design_doubles_the_price_of_its_cells() -> None:
    base = {**BASE_REQUEST, "custom": True, "lyric": "la"}
    base.pop("prompt", None)
    plan = build_plan("generate", base, Grid({"max_mode": [False, True]}))
    assert plan.ok, plan.problems
    assert plan.credits == pytest.approx(0.56 + 1.12)


def test_costs_are_overridable_per_action() -> None:
    plan = build_plan("generate", BASE_REQUEST, Grid(GRID), repeats=2, costs={"generate": 2.5})
    assert plan.credits == 45.0


@pytest.mark.parametrize(
    ("kwargs", "field", "words"),
    [
        ({"grid": {}}, "design", "empty"),
        ({"grid": {"weirdness": []}}, "weirdness", "non-empty"),
        ({"grid": {"weirdnes": [0, 1]}}, "weirdnes", "did you mean 'weirdness'"),
        ({"grid": {"weirdness": [0, 1.5]}}, "weirdness", "from 0 to 1"),
        ({"grid": {"style_influence": [-0.1]}}, "style_influence", "got -0.1"),
        ({"grid": GRID, "repeats": 0}, "repeats", "≥ 1"),
        ({"grid": GRID, "repeats": 2, "budget": 10}, "budget", "10.08 credits"),
        ({"grid": {"action": ["extend"]}}, "action", "cannot be swept"),
        ({"zip": {"weirdness": [0, 1]}, "grid": GRID}, "design", "exactly one"),
        ({"grid": {"variety": ["wild"]}}, "variety", "one of"),
    ],
)
def test_bad_input_is_named_in_the_plan_and_refused_by_run(kwargs, field, words) -> None:
    sweep = Sweep(BASE_REQUEST, **kwargs)
    plan = sweep.plan()
    assert field in [p.field for p in plan.problems]
    assert words in " ".join(p.message for p in plan.problems)
    with pytest.raises(ValidationError) as caught:
        plan.raise_for_problems()
    assert caught.value.field in {p.field for p in plan.problems}


def test_unknown_and_out_of_range_are_reported_together() -> None:
    plan = Sweep(BASE_REQUEST, grid={"weirdnes": [0], "style_influence": [2]}).plan()
    assert {p.field for p in plan.problems} == {"weirdnes", "style_influence"}


def test_combination_rules_come_from_the_schema() -> None:
    # generate needs a prompt (or lyrics): the schema's rule, not a second table here
    plan = Sweep({}, grid={"weirdness": [0, 1]}).plan()
    assert [p.field for p in plan.problems] == ["prompt"]
