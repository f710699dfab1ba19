"""Features on a real Dask cluster and two overlapping analyses: same numbers, each clip once."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import soundfile

from suno_nb import features
from suno_nb.catalogue import Catalogue
from suno_nb.catalogue.files import store_bytes

SR = 22_050


def _catalogue_of_clips(folder: Path, n: int, seconds: float = 1.2) -> Catalogue:
    """A catalogue whose n clips have short, different, downloaded audio files."""
    catalogue = Catalogue(folder / "cat")
    t = np.arange(int(seconds * SR)) / SR
    rows = []
    for i in range(n):
        wav = folder / f"c{i}.wav"
        beat = (np.sin(2 * np.pi * (1 + i % 4) * t) > 0.9) * 0.3
        soundfile.write(wav, 0.3 * np.sin(2 * np.pi * (180 + 7 * i) * t) + beat, SR)
        relative, sha = store_bytes(catalogue.root, "audio", wav.read_bytes(), str(wav))
        rows.append((f"c{i}", sha, relative))
    with catalogue.store.write() as conn:
        for clip_id, sha, relative in rows:
            conn.execute(
                "INSERT INTO clips (clip_id, position, state, raw, updated_at)"
                " VALUES (?, 0, 'succeeded', '{}', 0)",
                (clip_id,),
            )
            conn.execute(
                "INSERT INTO files (clip_id, kind, state, sha256, path, sample_rate, channels,"
                " duration) VALUES (?, 'audio', 'ok', ?, ?, ?, 1, ?)",
                (clip_id, sha, relative, SR, seconds),
            )
    return catalogue


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    # float32 spectra: another process (one BLAS thread, other SIMD paths) differs in the 7th digit
    pd.testing.assert_frame_equal(
        a.sort_index(), b.sort_index(), check_exact=False, rtol=1e-5, atol=1e-5
    )


@pytest.mark.slow
def test_features_through_a_local_dask_cluster_equal_the_serial_ones(tmp_path):
    joblib = pytest.importorskip("joblib")
    distributed = pytest.importorskip("distributed")
    catalogue = _catalogue_of_clips(tmp_path, 240)
    paths = [str(catalogue.get(f"c{i}").path) for i in range(240)]
    serial = pd.DataFrame(features.measure_many(paths, n_jobs=1, progress=False))
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
        joblib.parallel_config(backend="dask"),
    ):
        assert len(client.scheduler_info()["workers"]) == 2
        table = catalogue.measure(progress=False)  # through joblib's dask backend
        seen = client.run(lambda: __import__("os").getpid())
        settled = client.run(lambda: features._WORKER_READY)
    assert len(set(seen.values())) == 2  # two worker processes
    # each Dask worker set itself up once (one BLAS thread, glibc's big blocks on the heap)
    assert all(settled.values())
    assert sorted(table.index) == sorted(f"c{i}" for i in range(240))
    serial.index = pd.Index([f"c{i}" for i in range(240)], name="clip_id")
    _same(table[list(features.FEATURE_COLUMNS)], serial[list(features.FEATURE_COLUMNS)])
    # stored through the catalogue: the table shows them, and a second call measures nothing
    assert catalogue.df.tempo_bpm.notna().all()


def test_two_overlapping_analyses_measure_each_clip_once(tmp_path, monkeypatch):
    catalogue = _catalogue_of_clips(tmp_path, 12)
    measured: list[str] = []
    lock = threading.Lock()
    real = features.measure

    def counting(source, sr=None):
        with lock:
            measured.append(str(source))
        return real(source, sr=sr)

    monkeypatch.setattr(features, "measure", counting)
    results: dict[str, pd.DataFrame] = {}

    def analyse(name: str, ids: list[str]) -> None:
        results[name] = catalogue.measure(ids, n_jobs=1, progress=False)

    everything = [f"c{i}" for i in range(12)]
    threads = [
        threading.Thread(target=analyse, args=("all", everything)),
        threading.Thread(target=analyse, args=("half", everything[::2])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(measured) == sorted(set(measured)) and len(measured) == 12
    assert list(results["all"].index) == everything
    _same(results["half"], results["all"].loc[everything[::2]])
