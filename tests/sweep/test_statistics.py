"""sweep statistics against synthetic data with a known truth: an injected effect is found with
the right sign and its interval covers the truth at the stated rate; a null knob is declared an
effect no more often than alpha; hand computations (scipy's one-way ANOVA) agree."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from suno_nb.sweeps.statistics import cell_intervals, effects, repeats_for

LEVELS = (0.0, 0.5, 1.0)
AXES = ["weirdness", "style_influence"]


def synthetic(
    seed: int, *, slope: float = 0.27, noise: float = 0.1, repeats: int = 3
) -> pd.DataFrame:
    """A 3 × 3 sweep, ``repeats`` requests per cell, 2 clips per request; only weirdness acts."""
    rng = np.random.default_rng(seed)
    rows = []
    for cell, (w, s) in enumerate((w, s) for w in LEVELS for s in LEVELS):
        for repeat in range(repeats):
            for _clip in range(2):
                value = 0.5 + slope * w + rng.normal(0, noise)
                rows.append((cell, repeat, w, s, value))
    return pd.DataFrame(rows, columns=["cell", "repeat", *AXES, "onset_irregularity"])


def test_injected_effect_has_the_right_sign_and_interval_coverage() -> None:
    covered = found = 0
    seeds = range(200)
    for seed in seeds:
        result = effects(synthetic(seed), "onset_irregularity", AXES, n_resamples=200, seed=seed)
        row = result.knobs_.loc["weirdness"]
        found += row["verdict"] == "effect" and row["slope"] > 0
        covered += row["slope_low"] <= 0.27 <= row["slope_high"]
    assert found == len(seeds)  # 0.27 per unit against noise 0.1 is a large effect
    # 95 % intervals over 200 seeds: the binomial 99.9 % range is about 176..198.
    assert 176 <= covered <= 199, covered


def test_null_knob_and_interaction_are_not_declared_more_often_than_alpha() -> None:
    alpha, runs = 0.05, 300
    false_knob = false_interaction = 0
    for seed in range(runs):
        result = effects(synthetic(1000 + seed), "onset_irregularity", AXES, n_resamples=50)
        false_knob += result.knobs_.loc["style_influence", "verdict"] == "effect"
        false_interaction += result.knobs_.loc["weirdness × style_influence", "verdict"] == "effect"
    limit = stats.binom.ppf(0.999, runs, alpha)  # what alpha allows, with a 0.1 % chance to fail
    assert false_knob <= limit, false_knob
    assert false_interaction <= limit, false_interaction


def test_summary_says_the_effect_and_the_noise_in_words() -> None:
    result = effects(synthetic(7), "onset_irregularity", AXES)
    text = result.summary
    assert text.startswith("weirdness raises onset_irregularity by 0.2") or text.startswith(
        "weirdness raises onset_irregularity by 0.3"
    ), text
    assert "95 % CI" in text
    assert "style_influence shows no effect beyond noise" in text
    assert result.unit == "repeat"  # three requests per cell: clips of one request are averaged
    assert int(result.cells_["n"].iloc[0]) == 3
    assert "<table" in result.to_html() and "style_influence" in result.to_html()


def test_one_way_anova_equals_scipy_f_oneway() -> None:
    frame = synthetic(3).drop(columns="style_influence")
    result = effects(frame, "onset_irregularity", ["weirdness"], unit="clip")
    groups = [g["onset_irregularity"].to_numpy() for _, g in frame.groupby("weirdness")]
    expected = stats.f_oneway(*groups)
    row = result.knobs_.loc["weirdness"]
    assert row["statistic"] == pytest.approx(expected.statistic)
    assert row["p_value"] == pytest.approx(expected.pvalue)
    assert row["df"] == f"2, {len(frame) - 3}"


def test_permutation_test_finds_the_same_effect_and_no_false_one() -> None:
    result = effects(
        synthetic(11), "onset_irregularity", AXES, method="permutation", n_resamples=300
    )
    assert result.knobs_.loc["weirdness", "p_value"] < 0.01
    assert result.knobs_.loc["style_influence", "p_value"] > 0.01
    assert "permutation" in result.summary


def test_cell_intervals_match_a_hand_computed_bootstrap() -> None:
    frame = pd.DataFrame({"w": [0] * 4 + [1], "f": [1.0, 2.0, 3.0, 4.0, 9.0]})
    cells = cell_intervals(frame, "f", ["w"], n_resamples=4000, rng=5)
    rng = np.random.default_rng(5)
    values = np.array([1.0, 2.0, 3.0, 4.0])
    means = values[rng.integers(0, 4, size=(4000, 4))].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    assert cells["ci_low"].iloc[0] == pytest.approx(low)
    assert cells["ci_high"].iloc[0] == pytest.approx(high)
    assert np.isnan(cells["ci_low"].iloc[1])  # one take: no interval, not a fake one


def test_repeats_for_reaches_the_wanted_width() -> None:
    pilot = synthetic(21, repeats=2)
    repeats = repeats_for(pilot, "onset_irregularity", AXES, width=0.1)
    assert repeats > 2
    widths = []
    for seed in range(40):
        run = synthetic(500 + seed, repeats=repeats)
        cells = effects(run, "onset_irregularity", AXES, n_resamples=400).cells_
        widths.append((cells["ci_high"] - cells["ci_low"]).median())
    assert np.median(widths) <= 0.1 * 1.15  # bootstrap intervals run a little narrower than t


def test_bad_input_names_the_field() -> None:
    frame = synthetic(0)
    with pytest.raises(KeyError, match="no column 'tempo'"):
        effects(frame, "tempo", AXES)
    with pytest.raises(ValueError, match="method must be one of"):
        effects(frame, "onset_irregularity", AXES, method="bayes")
    with pytest.raises(ValueError, match="one take per cell"):
        repeats_for(
            frame[frame["repeat"] == 0].drop_duplicates("cell"),
            "onset_irregularity",
            AXES,
            width=0.1,
        )
