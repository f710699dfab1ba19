"""A 3 × 3 × 2 sweep on the emulator: submissions, catalogue rows, results, plots, report."""

from __future__ import annotations

import json

import numpy as np
import pytest

from suno_nb.catalogue import Catalogue
from suno_nb.errors import ValidationError
from suno_nb.sweeps import Sweep
from suno_nb.sweeps.analysis import group_table

from .conftest import BASE_REQUEST, GRID, CountingTransport, fast_client, make_emulator


@pytest.fixture(scope="module")
def ran(tmp_path_factory):
    """One sweep for the whole module (it is the slow part); tests only read it."""
    folder = tmp_path_factory.mktemp("sweep")
    emulator = make_emulator(folder / "emu")
    counting = CountingTransport(emulator)
    cat = Catalogue(folder / "catalogue")
    sweep = Sweep(
        BASE_REQUEST,
        grid=GRID,
        repeats=2,
        client=fast_client(counting),
        catalogue=cat,
        max_concurrency=4,
        progress=False,
    )
    sweep.run()
    yield sweep, counting, cat
    emulator.close()


@pytest.fixture
def finished(ran):
    return ran[0]


@pytest.fixture
def transport(ran):
    return ran[1]


@pytest.fixture
def catalogue(ran):
    return ran[2]


def test_grid_3x3x2_sends_18_requests_and_keeps_36_clips_with_coordinates(
    finished, transport, catalogue
) -> None:
    assert transport.submissions == 18
    assert finished.report_.count("done") == 18
    rows = catalogue.store.read(
        "SELECT t.cell, t.request, count(c.clip_id) FROM tasks t JOIN clips c ON c.task_key = t.key"
        " WHERE t.sweep_id = ? GROUP BY t.key",
        (finished.sweep_id_,),
    )
    assert len(rows) == 18 and all(n == 2 for *_, n in rows)
    seen = set()
    for cell, request, _ in rows:
        coords, body = json.loads(cell), json.loads(request)
        # the coordinates match what was actually sent
        assert coords["weirdness"] == body["weirdness"]
        assert coords["style_influence"] == body["style_influence"]
        seen.add((coords["cell"], coords["repeat"]))
    assert seen == {(i, r) for i in range(9) for r in range(2)}
    frame = catalogue.to_pandas(sweep=finished.sweep_id_)
    assert len(frame) == 36 and set(frame["audio_state"].astype(str)) == {"ok"}


def test_running_again_sends_nothing(finished, transport) -> None:
    finished.run()
    assert transport.submissions == 18
    assert finished.report_.submitted == 0
    assert finished.status()["done"] == 18


def test_same_id_with_other_cells_is_refused(finished, catalogue, transport) -> None:
    other = Sweep(
        BASE_REQUEST,
        grid={"weirdness": [0.25]},
        client=fast_client(transport),
        catalogue=catalogue,
        sweep_id=finished.sweep_id_,
        progress=False,
    )
    with pytest.raises(ValidationError, match="already exists"):
        other.run()
    assert transport.submissions == 18


def test_results_heatmap_and_lines_draw_the_group_means(finished) -> None:
    frame = finished.results()
    assert len(frame) == 36
    assert list(frame.columns[:4]) == ["cell", "repeat", "weirdness", "style_influence"]
    for feature in ("onset_irregularity", "key_confidence", "spectral_flatness"):
        assert frame[feature].notna().all(), feature
    fig = finished.plot.heatmap("key_confidence", x="weirdness", y="style_influence", frame=frame)
    drawn = np.asarray(fig.axes[0].images[0].get_array())
    expected = frame.groupby(["style_influence", "weirdness"])["key_confidence"].mean()
    for i, s in enumerate(sorted(GRID["style_influence"])):
        for j, w in enumerate(sorted(GRID["weirdness"])):
            assert drawn[i, j] == pytest.approx(expected[(s, w)])
    mean, spread, count = group_table(frame, "key_confidence", x="weirdness", y="style_influence")
    assert (count.to_numpy() == 4).all() and np.isfinite(spread.to_numpy()).all()
    assert np.allclose(mean.to_numpy(), drawn)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert len(texts) == 9 and all("±" in t for t in texts)  # spread is shown on each cell
    lines = finished.plot.lines("key_confidence", x="weirdness", frame=frame)
    assert len(lines.axes[0].containers) == 3  # one error-bar line per style_influence value


def test_spectrograms_and_listening_grid_are_laid_out_on_the_grid(finished) -> None:
    fig = finished.plot.spectrograms()
    assert len(fig.axes) == 9 and all(ax.collections or ax.images for ax in fig.axes)
    grid = finished.listening_grid()
    assert (grid.x, grid.y) == ("weirdness", "style_influence")
    rows = grid.rows()
    assert [len(r) for r in rows] == [3, 3, 3]
    assert [r[0].y for r in rows] == [1.0, 0.5, 0.0]  # high values on top, like the heatmap
    assert all(slot.audio_path and slot.clip_id for row in rows for slot in row)
    widget = grid.widget()
    assert len(widget.children) == 4 * 4  # headers + 9 players
    assert grid.to_html().count("<audio") == 9


@pytest.mark.parametrize("audio", ["link", "embed"])
def test_report_is_one_file_with_plan_plots_table_and_players(finished, tmp_path, audio) -> None:
    path = finished.report(tmp_path / "out" / "report.html", audio=audio)
    text = path.read_text()
    assert "Sweep plan" in text and "36 clips" in text
    assert text.count("data:image/png;base64,") >= 5  # heatmaps, lines, spectrograms
    assert "<table" in text and "key_confidence" in text and "onset_irregularity" in text
    assert text.count("<audio") == 9
    if audio == "embed":
        assert "data:audio/mpeg;base64," in text
    else:
        assert "data:audio" not in text and "catalogue/audio/" in text


def test_run_works_inside_a_running_event_loop_like_jupyter(tmp_path, transport) -> None:
    # Jupyter cells run inside an event loop: run() must not need `await`.
    import asyncio

    sweep = Sweep(
        BASE_REQUEST,
        grid={"weirdness": [0.0, 1.0]},
        client=fast_client(transport),
        catalogue=Catalogue(tmp_path / "catalogue"),
        progress=False,
    )

    async def cell() -> Sweep:
        return sweep.run()

    assert asyncio.run(cell()).status()["done"] == 2


def test_importing_sweeps_stays_light() -> None:
    import subprocess
    import sys

    code = (
        "import sys, suno_nb; suno_nb.Sweep; suno_nb.sweep; "
        "print(sorted(m for m in ('pandas', 'matplotlib', 'ipywidgets', 'librosa', 'httpx2') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_cell_another_live_run_holds_is_not_sent_and_is_reported_held(tmp_path) -> None:
    emulator = make_emulator(tmp_path / "emu")
    counting = CountingTransport(emulator)
    cat = Catalogue(tmp_path / "catalogue")
    elsewhere = Catalogue(tmp_path / "catalogue")  # another kernel on the same folder
    assert elsewhere.claim_cells("held", ["1/0"], lambda item, rows: True) == ["1/0"]
    sweep = Sweep(
        BASE_REQUEST,
        grid={"weirdness": [0.0, 1.0]},
        client=fast_client(counting),
        catalogue=cat,
        sweep_id="held",
        timeout=0.5,  # how long this run waits for the other one before it reports
        progress=False,
    ).run()
    assert counting.submissions == 1
    assert [r.state for r in sweep.report_.results] == ["done", "held"]
    assert "another run" in sweep.report_.results[1].error
    # Once the other kernel lets go, the next run sends it.
    elsewhere.release_cells("held", ["1/0"])
    sweep.run()
    assert counting.submissions == 2 and sweep.status()["done"] == 2
    emulator.close()
