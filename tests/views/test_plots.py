"""Plots draw the expected artists and data, return what they drew on, and leave pyplot empty."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # a test run has no display; set before pyplot is imported

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.collections import QuadMesh
from matplotlib.figure import Figure
from views_support import SR, Clips

from suno_nb import plots


@pytest.fixture(autouse=True)
def _no_figures_left() -> None:
    plt.close("all")
    yield
    assert plt.get_fignums() == [], "a plot function left a figure open in pyplot"


def test_waveform_new_figure(clips: Clips) -> None:
    figure = plots.waveform(clips.tone_440, SR, title="tone")
    assert isinstance(figure, Figure)
    (ax,) = figure.axes
    assert ax.get_title() == "tone"
    assert ax.collections, "the envelope is drawn as a filled collection"
    assert ax.dataLim.x0 == pytest.approx(0.0, abs=0.01)  # the data spans the 5 s tone
    assert ax.dataLim.x1 == pytest.approx(5.0, abs=0.01)
    low, high = ax.get_ylim()
    assert low < -0.45 and high > 0.45


def test_waveform_draws_on_given_ax_and_returns_it(clips: Clips) -> None:
    figure = Figure()
    ax = figure.add_subplot()
    stereo = np.stack([clips.tone_440, clips.tone_440], axis=1)
    assert plots.waveform(stereo, SR, ax=ax) is ax
    assert ax.collections


@pytest.mark.parametrize(
    ("kind", "rows", "ylabel"), [("mel", 128, "Hz"), ("linear", 1025, "Hz"), ("cqt", 84, "Note")]
)
def test_spectrogram_kinds(clips: Clips, kind: str, rows: int, ylabel: str) -> None:
    figure = plots.spectrogram(clips.tone_440, SR, kind=kind, title=kind)
    ax = figure.axes[0]
    meshes = [c for c in ax.collections if isinstance(c, QuadMesh)]
    assert len(meshes) == 1
    image = meshes[0].get_array()
    frames = 1 + len(clips.tone_440) // 512
    assert image.shape == (rows, frames)
    assert image.max() == pytest.approx(0.0)  # dB relative to the loudest bin
    assert ax.get_title() == kind and ax.get_ylabel() == ylabel
    assert len(figure.axes) == 2  # the image and its colour bar


def test_spectrogram_peak_sits_at_the_tone(clips: Clips) -> None:
    ax = Figure().add_subplot()
    assert plots.spectrogram(clips.tone_440, SR, ax=ax, kind="linear") is ax
    image = ax.collections[0].get_array()
    peak_bin = int(np.argmax(image.mean(axis=1)))
    assert peak_bin * SR / 2048 == pytest.approx(440, abs=11)


def test_spectrogram_rejects_unknown_kind(clips: Clips) -> None:
    with pytest.raises(ValueError, match="mel"):
        plots.spectrogram(clips.tone_440, SR, kind="bark")


def test_compare_grid_rows_and_shared_axes(clips: Clips) -> None:
    figure = plots.compare_grid(
        [("tone", clips.tone_440, SR), ("clicks", clips.click_120[: SR * 3], SR)]
    )
    assert isinstance(figure, Figure)
    axes = figure.axes
    assert len(axes) == 4
    assert [a.get_title() for a in axes] == ["tone", "tone", "clicks", "clicks"]
    assert axes[0].get_xlim() == axes[3].get_xlim()  # one time axis for every row
    assert axes[1].get_ylim() == axes[3].get_ylim()  # spectrograms share frequency
    assert isinstance(axes[3].collections[0], QuadMesh)
    with pytest.raises(ValueError, match="at least one"):
        plots.compare_grid([])


@pytest.mark.parametrize(("env_backend", "expected"), [(None, "agg"), ("svg", "svg")])
def test_agg_only_when_no_backend_was_chosen(env_backend: str | None, expected: str) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    if env_backend:
        env["MPLBACKEND"] = env_backend
    code = (
        "import numpy as np, matplotlib; from suno_nb import plots;"
        "plots.waveform(np.zeros(100), 22050); print(matplotlib.get_backend().lower())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == expected


def test_mel_and_linear_spectra_are_librosas(clips: Clips) -> None:
    import librosa

    y = clips.a_major[: SR * 3]
    mel = plots._db(plots._mel_filters(SR)[0] @ plots._stft_power(y))
    expected = librosa.power_to_db(
        librosa.feature.melspectrogram(y=y, sr=SR, hop_length=512), ref=np.max
    )
    assert mel.shape == expected.shape
    assert np.abs(mel - expected).max() < 1e-3
    linear = plots._db(plots._stft_power(y))
    expected = librosa.amplitude_to_db(np.abs(librosa.stft(y, hop_length=512)), ref=np.max)
    assert np.abs(linear - expected).max() < 1e-3


@pytest.mark.parametrize(("hz", "row"), [(55.0, 9), (261.63, 36), (440.0, 45), (3000.0, 78)])
def test_cqt_rows_are_notes_from_c1(hz: float, row: int) -> None:
    t = np.arange(3 * 44_100) / 44_100
    tone = (0.5 * np.sin(2 * np.pi * hz * t)).astype(np.float32)
    power, edges = plots._note_power(tone, 44_100, 1 + tone.size // 512)
    assert power.shape == (84, 1 + tone.size // 512) and len(edges) == 85
    assert int(np.argmax(power.mean(axis=1))) == row  # A1, C4, A4, F#7 as librosa.cqt says
    assert edges[row] < hz < edges[row + 1]


def test_drawing_loads_neither_librosa_nor_scipy() -> None:
    import subprocess
    import sys

    code = (
        "import sys, numpy as np; from suno_nb import plots;"
        "y = np.random.default_rng(0).normal(0, .1, 44100).astype('float32');"
        "[plots.spectrogram(y, 44100, kind=k) for k in ('mel', 'linear', 'cqt')];"
        "plots.compare_grid([('a', y, 44100)]);"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'librosa', 'scipy', 'numba'}))"
    )
    env = {k: v for k, v in __import__("os").environ.items() if k != "MPLBACKEND"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"  # about 180 MiB a notebook kernel never pays
