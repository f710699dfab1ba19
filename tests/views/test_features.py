"""Feature values on synthetic signals with known answers, bad input, and parallel equality."""

from __future__ import annotations

import math

import numpy as np
import pytest
from views_support import SR, Clips, tone

from suno_nb import features
from suno_nb.features import FEATURE_COLUMNS, AudioFeatureError, measure, measure_many


def test_columns_are_stable_snake_case_and_complete(clips: Clips) -> None:
    row = measure(clips.tone_440, sr=SR)
    assert tuple(row) == FEATURE_COLUMNS
    assert all(name == name.lower() and " " not in name for name in FEATURE_COLUMNS)
    assert [f"mfcc_{i}" for i in range(1, 14)] == [c for c in FEATURE_COLUMNS if "mfcc" in c]
    assert isinstance(row["key"], str)
    assert all(isinstance(v, float) for k, v in row.items() if k != "key")
    for name in FEATURE_COLUMNS:
        assert f"``{name}``" in features.__doc__ or name.startswith("mfcc_")


def test_click_track_120_bpm(clips: Clips) -> None:
    row = measure(clips.click_120, sr=SR)
    assert row["tempo_bpm"] == pytest.approx(120, rel=0.02)
    assert row["beat_regularity"] > 0.9
    assert row["onset_rate"] == pytest.approx(2.0, rel=0.1)
    assert row["duration_s"] == pytest.approx(20.0)


def test_440_hz_tone(clips: Clips) -> None:
    row = measure(clips.tone_440, sr=SR)
    assert row["spectral_centroid_hz"] == pytest.approx(440, rel=0.02)
    assert row["spectral_bandwidth_hz"] < 60
    assert row["spectral_flatness"] < 1e-3
    assert row["spectral_rolloff_hz"] == pytest.approx(440, abs=25)
    assert row["vocal_band_share"] > 0.99
    # A full-scale sine is -3.01 dBFS RMS; half scale -9.03; BS.1770 reads a 1 kHz-ish tone
    # close to its RMS (K-weighting is ~0 dB at 440 Hz).
    assert row["rms_dbfs"] == pytest.approx(-9.03, abs=0.05)
    assert row["peak_dbfs"] == pytest.approx(-6.02, abs=0.05)
    assert row["loudness_lufs"] == pytest.approx(-9.03 - 0.691 + 0.0, abs=1.0)


def test_low_tone_has_no_vocal_band_energy() -> None:
    row = measure(tone(100, 3), sr=SR)
    assert row["vocal_band_share"] < 0.01


def test_a_major_arpeggio_key(clips: Clips) -> None:
    row = measure(clips.a_major, sr=SR)
    assert row["key"] == "A major"
    assert row["key_confidence"] > 0.6


def test_minor_triad_key() -> None:
    from views_support import arpeggio

    row = measure(arpeggio((220.0, 261.63, 329.63, 440.0), 8), sr=SR)  # A C E A
    assert row["key"] == "A minor"


def test_lufs_matches_pyloudnorm_reference(clips: Clips) -> None:
    import pyloudnorm
    import soundfile

    samples, rate = soundfile.read(clips.stereo_wav, dtype="float32", always_2d=True)
    expected = pyloudnorm.Meter(rate).integrated_loudness(samples.astype(np.float64))
    assert features._lufs(samples, rate) == pytest.approx(expected, abs=1e-4)


def test_centroid_and_bandwidth_match_librosa(clips: Clips) -> None:
    import librosa

    y = clips.a_major
    magnitude = np.abs(librosa.stft(y, n_fft=features.N_FFT, hop_length=features.HOP))
    freqs = librosa.fft_frequencies(sr=SR, n_fft=features.N_FFT)
    centroid, bandwidth = features._centroid_bandwidth(magnitude, freqs)
    expected_c = librosa.feature.spectral_centroid(S=magnitude, sr=SR)[0]
    expected_b = librosa.feature.spectral_bandwidth(S=magnitude, sr=SR)[0]
    np.testing.assert_allclose(centroid, expected_c, rtol=1e-3, atol=0.5)
    np.testing.assert_allclose(bandwidth, expected_b, rtol=1e-3, atol=1.0)


def test_file_and_array_layouts_agree(clips: Clips) -> None:
    import soundfile

    from_file = measure(clips.stereo_wav)
    samples, rate = soundfile.read(clips.stereo_wav, dtype="float32")
    assert from_file["sample_rate"] == 44_100 and from_file["channels"] == 2
    assert measure(samples, sr=rate) == from_file
    assert measure(samples.T, sr=rate) == from_file  # librosa's (channels, n) layout


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("short_wav", "too short"),
        ("silent_wav", "silent"),
        ("corrupt_wav", "cannot decode"),
    ],
)
def test_bad_files_name_the_file(clips: Clips, name: str, problem: str) -> None:
    path = getattr(clips, name)
    with pytest.raises(AudioFeatureError, match=problem) as caught:
        measure(path)
    assert str(path) in str(caught.value)
    assert caught.value.source == str(path)


def test_missing_file_and_bad_arguments(clips: Clips) -> None:
    missing = clips.folder / "nope.mp3"
    with pytest.raises(AudioFeatureError, match="no such file") as caught:
        measure(missing)
    assert str(missing) in str(caught.value)
    with pytest.raises(ValueError, match="sample rate"):
        measure(clips.tone_440)
    with pytest.raises(AudioFeatureError, match="NaN"):
        measure(np.full(SR * 2, np.nan), sr=SR)


def test_measure_many_parallel_equals_serial(clips: Clips) -> None:
    sources = [clips.stereo_wav, str(clips.stereo_wav), clips.long_wav]
    serial = [measure(s) for s in sources]
    parallel = measure_many(sources, n_jobs=2, batch_size=1, progress=False)
    assert len(parallel) == len(serial)
    for got, expected in zip(parallel, serial, strict=True):
        assert got["key"] == expected["key"]
        # Workers run BLAS with fewer threads, so matrix products may sum in another order.
        assert {k: v for k, v in got.items() if k != "key"} == pytest.approx(
            {k: v for k, v in expected.items() if k != "key"}, rel=1e-6
        )


def test_measure_many_on_error_nan_keeps_going(clips: Clips) -> None:
    rows = measure_many(
        [clips.stereo_wav, clips.corrupt_wav],
        n_jobs=1,
        batch_size=2,
        progress=False,
        on_error="nan",
    )
    assert "error" not in rows[0]
    assert str(clips.corrupt_wav) in rows[1]["error"]
    assert math.isnan(rows[1]["tempo_bpm"])
    with pytest.raises(AudioFeatureError, match=r"corrupt\.wav"):
        measure_many([clips.corrupt_wav], n_jobs=1, progress=False)


def test_measure_many_progress_bar(clips: Clips, capsys: pytest.CaptureFixture[str]) -> None:
    measure_many([clips.tone_440] * 3, sr=SR, n_jobs=1, batch_size=2, progress=True)
    assert "3/3" in capsys.readouterr().err


def test_iter_measure_streams_batches_in_order(clips: Clips) -> None:
    sources = [clips.tone_440, clips.tone_440 * 0.5, clips.tone_440 * 0.25]
    batches = list(features.iter_measure(sources, sr=SR, n_jobs=1, batch_size=2))
    assert [len(b) for b in batches] == [2, 1]
    levels = [row["rms_dbfs"] for batch in batches for row in batch]
    assert levels == sorted(levels, reverse=True)  # the input order, quieter each time
    with pytest.raises(ValueError, match="batch_size"):
        list(features.iter_measure(sources, sr=SR, batch_size=0))


def test_default_batches_give_every_worker_several_tasks() -> None:
    assert features._auto_batch(100, 2) == 6  # 17 tasks for 2 workers: none idles long
    assert features._auto_batch(10, 2) == 1
    assert features._auto_batch(2_000, 2) == 32  # short clips: Dask tasks worth their cost
    assert features._auto_batch(100_000, 2) == 32  # bounded: a worker holds few tracks


def test_the_callers_process_keeps_its_threads_and_allocator() -> None:
    from threadpoolctl import threadpool_info

    before = [pool["num_threads"] for pool in threadpool_info()]
    features._settle_worker()  # the caller is no worker: nothing changes
    assert not features._WORKER_READY
    assert [pool["num_threads"] for pool in threadpool_info()] == before


def _settled_in_worker() -> tuple[bool, list[int]]:
    from threadpoolctl import threadpool_info

    features._measure_batch([], None, "raise")
    return features._WORKER_READY, [pool["num_threads"] for pool in threadpool_info()]


def test_a_worker_runs_one_blas_thread() -> None:
    import joblib

    ready, threads = joblib.Parallel(n_jobs=2)(
        joblib.delayed(_settled_in_worker)() for _ in range(2)
    )[0]
    assert ready and set(threads) <= {1}


def test_a_source_at_a_url_is_read_through_fsspec(clips: Clips) -> None:
    fsspec = pytest.importorskip("fsspec")
    with fsspec.open("memory://features-test/tone.wav", "wb") as handle:
        handle.write(clips.stereo_wav.read_bytes())
    row, expected = measure("memory://features-test/tone.wav"), measure(clips.stereo_wav)
    assert row.pop("key") == expected.pop("key")
    assert row == pytest.approx(expected, rel=1e-9)
    with pytest.raises(AudioFeatureError, match=r"memory://features-test/missing\.wav"):
        measure("memory://features-test/missing.wav")
