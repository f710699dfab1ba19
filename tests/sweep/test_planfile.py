"""Plan files: parsing, refusals by name, stable ids; the shipped example is valid."""

from __future__ import annotations

from pathlib import Path

import pytest

from suno_nb.errors import ValidationError
from suno_nb.sweeps.planfile import load_plan, load_plan_text

EXAMPLE = Path(__file__).parents[2] / "examples" / "sweep_demo.toml"


def test_the_shipped_example_plans_the_demo_sweep() -> None:
    spec = load_plan(EXAMPLE)
    plan = spec.sweep.plan()
    assert plan.ok, plan.problems
    assert (plan.n_requests, plan.n_clips, plan.sweep_id) == (18, 36, "example-weirdness-style")
    assert spec.report_path is not None and spec.report_audio == "link"
    assert Path(spec.sweep.catalogue).name == "example_catalogue"


def test_designs_and_a_stable_id_without_one() -> None:
    text = '[base]\nprompt = "x"\n[latin_hypercube]\nn = 4\nranges = {weirdness = "schema"}\n'
    first, second = load_plan_text(text), load_plan_text(text)
    assert first.sweep.sweep_id == second.sweep.sweep_id
    assert first.sweep.sweep_id.startswith("plan-")
    assert first.sweep.plan().n_requests == 4
    other = load_plan_text(text.replace("n = 4", "n = 5"))
    assert other.sweep.sweep_id != first.sweep.sweep_id


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[base]\nprompt = "x"\n', "exactly one design table"),
        ('[base]\nprompt = "x"\n[grid]\nweirdness = [0]\n[zip]\nweirdness = [1]\n', "exactly one"),
        ("[grid]\nweirdness = [0]\n[extras]\na = 1\n", "extras"),
        ("[sweep]\nrepeat = 2\n[grid]\nweirdness = [0]\n", "sweep.repeat"),
        ("[grid\n", "not valid TOML"),
    ],
)
def test_bad_plan_files_are_refused_by_name(text: str, words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        load_plan_text(text)
