"""Track views (load, play, waveform, spectrogram, HTML), compare, and cached features."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from suno_nb.catalogue import Comparison, compare


@pytest.fixture
def tracks(catalogue, generated):
    task = generated(title="Night Bus")
    return [catalogue.get(c.id) for c in task.clips]


def test_load_is_cached_and_in_librosa_layout(tracks):
    track = tracks[0]
    y, sr = track.load()
    expected, rate = soundfile.read(track.path, dtype="float32", always_2d=True)
    assert sr == rate == 22050 and y.shape == (2, expected.shape[0])
    np.testing.assert_allclose(y, expected.T)
    assert track.load() is track._audio[(None, False)]
    mono, sr = track.load(sr=11025, mono=True)
    assert sr == 11025 and mono.ndim == 1
    assert abs(mono.shape[0] - expected.shape[0] / 2) < 10


def test_track_facts_and_repr(tracks, catalogue):
    track = tracks[0]
    assert track.title == "Night Bus" and track.id.endswith("-c0")
    assert track.params == {"action": "generate", "prompt": "a calm lofi song about a night bus",
                            "title": "Night Bus"}  # fmt: skip
    assert track.clip["bpm_guess"] == 96 and track.task_id == "task-1"
    assert repr(track).startswith(f"Track('{track.id}', title='Night Bus', 2.")
    assert catalogue.get(track.id) is track


def test_html_has_a_playable_source_and_the_params(tracks):
    html = tracks[0]._repr_html_()
    assert "<audio" in html and 'src="' in html and ".mp3" in html
    assert "Night Bus" in html and "a calm lofi song" in html and "base64" not in html
    player = tracks[0].play()
    assert player.src and player.src.endswith(".mp3")


def test_waveform_and_spectrogram_draw_on_the_given_axes(tracks):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (top, bottom) = plt.subplots(2)
    assert tracks[0].waveform(ax=top) is top
    assert tracks[0].spectrogram(ax=bottom) is bottom
    assert top.get_title() == "Night Bus" and top.collections  # the drawn envelope
    (mesh,) = bottom.collections
    assert bottom.get_yscale() == "symlog" or bottom.get_ylabel() == "Hz"
    assert mesh.get_array().size > 100
    plt.close(figure)
    fresh = tracks[1].spectrogram(kind="linear")
    assert isinstance(fresh, Figure) and isinstance(fresh.axes[0], Axes)


def test_compare_lays_tracks_side_by_side(tracks):
    result = compare(tracks)
    assert isinstance(result, Comparison)
    assert len(result.figure.axes) == 4  # a waveform and a spectrogram per track
    waves = [ax for ax in result.figure.axes if ax.get_ylabel() == "amplitude"]
    assert len(waves) == 2 and waves[0].get_shared_x_axes().joined(waves[0], waves[1])
    html = result._repr_html_()
    assert html.count("<audio") == 2 and "data:image/png;base64," in html
    with pytest.raises(ValueError):
        compare([])


def test_measure_is_cached_and_joined_into_the_table(catalogue, tracks, monkeypatch):
    from suno_nb import features

    table = catalogue.measure(n_jobs=1, progress=False)
    assert list(table.index) == [t.id for t in tracks]
    assert table.spectral_centroid_hz.between(150, 1200).all()
    assert (table.feature_version == features.FEATURE_VERSION).all()
    calls = []
    monkeypatch.setattr(features, "iter_measure", lambda *a, **k: calls.append(a) or iter([]))
    catalogue.measure(progress=False)
    assert calls == []  # cached
    df = catalogue.df
    assert df.tempo_bpm.notna().all()
    assert df.feature_version.tolist() == [features.FEATURE_VERSION] * 2
    assert tracks[0].features()["spectral_centroid_hz"] == table.spectral_centroid_hz.iloc[0]
    # A newer feature version makes the cached rows stale.
    monkeypatch.setattr(features, "FEATURE_VERSION", features.FEATURE_VERSION + 1)
    monkeypatch.setattr(
        features,
        "iter_measure",
        lambda paths, **k: calls.append(paths) or iter([[{}] * len(paths)]),
    )
    catalogue.measure(progress=False)
    assert len(calls) == 1 and len(calls[0]) == 2
