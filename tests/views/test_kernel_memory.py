"""What a notebook kernel holds: drawing and the default feature run leave librosa out of it."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np

from suno_nb import features


def test_features_in_a_notebook_kernel_run_in_one_worker_with_the_same_rows() -> None:
    code = (
        "import json, sys, numpy as np; from suno_nb import features;"
        "features._in_notebook_kernel = lambda: True;"
        "t = np.arange(2 * 22050) / 22050;"
        "tones = [0.4 * np.sin(2 * np.pi * hz * t) for hz in (220, 330, 440)];"
        "rows = features.measure_many(tones, sr=22050, progress=False, batch_size=2);"
        "print(json.dumps({'librosa': 'librosa.core.spectrum' in sys.modules,"
        " 'centroids': [round(r['spectral_centroid_hz'], 3) for r in rows]}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    assert answer["librosa"] is False  # measured in the worker, not in the "kernel"
    t = np.arange(2 * 22050) / 22050
    here = [features.measure(0.4 * np.sin(2 * np.pi * hz * t), sr=22050) for hz in (220, 330, 440)]
    assert answer["centroids"] == [round(r["spectral_centroid_hz"], 3) for r in here]


def test_outside_a_notebook_the_serial_default_stays_in_process(monkeypatch) -> None:
    monkeypatch.setattr(features, "_run_in_one_worker", None)  # would raise if called
    tone = 0.4 * np.sin(2 * np.pi * 220 * np.arange(2 * 22050) / 22050)
    (row,) = features.measure_many([tone], sr=22050, progress=False)
    assert row["spectral_centroid_hz"] > 0


def test_a_players_waveform_peaks_need_neither_librosa_nor_scipy(clips) -> None:
    code = (
        "import sys; from suno_nb.players import player;"
        f"shown = player({str(clips.stereo_wav)!r}, title='take');"
        "peaks = shown.widget.peaks;"
        "print(len(peaks), sorted({m.split('.')[0] for m in sys.modules}"
        " & {'librosa', 'scipy', 'numba'}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "600 []"
