"""The sweep report and plots show the noise: intervals, hatched noise-level cells, an effects
table; the report embeds audio within a budget and says honestly what it did; the helpers take
data (no import of the Sweep hub, no private store)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import suno_nb.sweeps as sweeps_package
from suno_nb.catalogue import Catalogue
from suno_nb.sweeps import Sweep
from suno_nb.sweeps.plots import heatmap, lines

from .conftest import BASE_REQUEST, CountingTransport, fast_client, make_emulator

HELPERS = ("analysis", "plots", "report", "listening", "statistics")


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    folder = tmp_path_factory.mktemp("small")
    emulator = make_emulator(folder / "emu")
    sweep = Sweep(
        BASE_REQUEST,
        grid={"weirdness": [0.0, 1.0], "style_influence": [0.0, 1.0]},
        repeats=2,
        client=fast_client(CountingTransport(emulator)),
        catalogue=Catalogue(folder / "catalogue"),
        progress=False,
    )
    sweep.run()
    yield sweep
    emulator.close()


def grid_frame(effect: float, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = [
        (w, s, effect * w + rng.normal(0, 0.1))
        for w in (0.0, 0.5, 1.0)
        for s in (0.0, 0.5, 1.0)
        for _ in range(6)
    ]
    return pd.DataFrame(rows, columns=["weirdness", "style_influence", "f"])


def test_heatmap_of_pure_noise_hatches_cells_and_keeps_colours_flat() -> None:
    fig = heatmap(grid_frame(0.0), "f", x="weirdness", y="style_influence")
    ax = fig.axes[0]
    hatched = [p for p in ax.patches if p.get_hatch()]
    assert len(hatched) >= 6  # most noise-only cells lie within noise of the overall mean
    low, high = ax.images[0].get_clim()
    means = grid_frame(0.0).groupby(["weirdness", "style_influence"])["f"].mean()
    assert high - low > means.max() - means.min()  # the scale spans the noise, not just means
    assert "95 % CI" in ax.get_title() and "\n" in ax.get_title()  # whole, on two lines


def test_heatmap_of_a_real_effect_does_not_hatch_the_extremes() -> None:
    fig = heatmap(grid_frame(1.0), "f", x="weirdness", y="style_influence")
    ax = fig.axes[0]
    corners = {(round(p.get_x() + 0.5), round(p.get_y() + 0.5)) for p in ax.patches}
    assert not {(0, 0), (0, 2), (2, 0), (2, 2)} & corners  # weirdness 0 and 1 columns


def test_lines_draw_confidence_intervals_by_default() -> None:
    frame = pd.DataFrame({"a": [0, 0, 0, 1, 1, 1], "f": [1.0, 2.0, 3.0, 5.0, 5.0, 5.0]})
    fig = lines(frame, "f", x="a")
    bars = fig.axes[0].containers[0].lines[2][0].get_segments()
    low, high = bars[0][:, 1]
    assert high - 2.0 == pytest.approx(4.302653 * 1.0 / np.sqrt(3), rel=1e-5)  # t(0.975, 2)
    assert low == pytest.approx(2.0 - (high - 2.0))
    std = lines(frame, "f", x="a", interval="std").axes[0].containers[0].lines[2][0]
    assert std.get_segments()[0][1, 1] == pytest.approx(3.0)


def test_report_embeds_audio_plays_alone_and_has_the_effects_table(small, tmp_path) -> None:
    path = small.report(tmp_path / "r.html", features=["onset_irregularity", "key_confidence"])
    text = path.read_text()
    assert text.count("<audio") == 4 == text.count('src="data:audio/mpeg;base64,')
    assert "this file plays on its own" in text
    assert "Effects beyond noise" in text and "suno-nb-effects" in text
    assert re.search(r"shows no effect beyond noise|per unit", text)
    widest = max(int(w) for w in re.findall(r"max-width:(\d+)px", text))
    assert widest <= 1400  # laid out for a laptop window


def test_report_over_its_audio_budget_says_which_players_link(small, tmp_path) -> None:
    from suno_nb.players import player_html

    clips = small.results(features=False)
    one_preview = max(len(player_html(p, embed="preview")) for p in clips["audio_path"]) / 1e6
    path = small.report(
        tmp_path / "b.html", audio_budget_mb=one_preview * 1.5, features=["onset_irregularity"]
    )
    text = path.read_text()
    assert text.count("data:audio/mpeg;base64,") == 1
    assert "3 more would pass" in text and "link to the catalogue" in text
    linked = small.report(tmp_path / "c.html", audio="link", features=["mfcc_1"]).read_text()
    assert "data:audio" not in linked and "play only with the report next to" in linked


def test_sweep_effects_and_repeats_for_read_the_sweep_results(small) -> None:
    result = small.effects("onset_irregularity")
    assert list(result.knobs_.index) == [
        "weirdness",
        "style_influence",
        "weirdness × style_influence",
    ]
    assert result.unit == "repeat" and (result.cells_["n"] == 2).all()
    assert small.repeats_for("onset_irregularity", width=1e-6) > 2


@pytest.mark.parametrize("name", HELPERS)
def test_helpers_take_data_not_the_sweep_hub(name) -> None:
    source = (Path(sweeps_package.__file__).parent / f"{name}.py").read_text()
    modules = {
        node.module
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert "suno_nb.sweeps.sweep" not in modules
    assert "._store" not in source and "catalogue_" not in source
