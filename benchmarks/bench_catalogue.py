"""Catalogue benchmark: recording speed, DataFrame load, and cached feature extraction.

Run from the repository root: ``.venv/bin/python -m benchmarks.bench_catalogue``. Prints a
table with the machine, its load and library versions.

* record: 50,000 tasks of 2 clips = 100,000 clip rows, one transaction per task (the task and
  its clips in one ``task_updated``). Target ≥ 5,000 tasks/s. Also as a client does it: a
  ``task_submitting`` transaction before sending, then ``task_submitted`` with the clips.
* DataFrame: ``catalogue.df`` of those 100,000 rows. Target < 1 s.
* features: ``catalogue.measure`` on ~100 synthetic 30 s clips, n_jobs=1 and all cores, as a
  multiple of real time, with peak memory (this process and its workers).
"""

from __future__ import annotations

import os
import platform
import resource
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

N_TASKS = 50_000
N_FEATURE_CLIPS = 96
CLIP_SECONDS = 30.0


@dataclass
class _Handle:
    """Just enough of a task handle for the catalogue's observer methods."""

    action: str
    request: dict[str, Any]
    task_id: str | None = None
    trace_id: str | None = None
    state: str = "succeeded"
    clips: list[dict[str, Any]] = field(default_factory=list)
    record: Any = None
    response: Any = None
    _client: Any = None


def _record(catalogue: Any, n_tasks: int, *, as_client: bool = True) -> float:
    start = time.perf_counter()
    for i in range(n_tasks):
        request = {
            "prompt": f"song {i}",
            "model": "chirp-v4-5",
            "style": "lofi, rain",
            "weirdness": (i % 11) / 10,
            "style_influence": 0.5,
            "custom": True,
            "instrumental": True,
        }
        clips = [
            {"id": f"t{i}-c{j}", "title": f"Song {i}", "state": "succeeded", "duration": 120.0,
             "model": "chirp-auk", "created_at": "2026-11-02T09:14:05.120Z"}
            for j in range(2)
        ]  # fmt: skip
        handle = _Handle("generate", request, task_id=f"t{i}", clips=clips)
        if as_client:
            catalogue.task_submitted(
                catalogue.task_submitting("generate", request, "bench"), handle
            )
        else:
            catalogue.task_updated(handle)
    return time.perf_counter() - start


def _synth_clips(folder: Path, n: int) -> list[Path]:
    import numpy as np
    import soundfile

    rng = np.random.default_rng(0)
    sr = 22_050
    t = np.arange(int(sr * CLIP_SECONDS), dtype=np.float32) / sr
    paths = []
    for i in range(n):
        beat = (np.sin(2 * np.pi * (1.5 + i % 3) * t) > 0.95).astype(np.float32)
        tone = 0.3 * np.sin(2 * np.pi * (220 + 5 * i) * t) + 0.2 * beat
        noise = 0.02 * rng.standard_normal(t.size).astype(np.float32)
        path = folder / f"clip{i}.flac"
        soundfile.write(path, np.stack([tone + noise, tone], axis=1), sr)
        paths.append(path)
    return paths


def _feature_catalogue(root: Path, n: int) -> Any:
    """A catalogue whose clips point at synthetic files (as if downloaded)."""
    import hashlib

    from suno_nb.catalogue import Catalogue
    from suno_nb.catalogue.files import store_bytes

    catalogue = Catalogue(root)
    for i, path in enumerate(_synth_clips(Path(tempfile.mkdtemp()), n)):
        data = path.read_bytes()
        relative, sha = store_bytes(catalogue.root, "audio", data, str(path))
        assert sha == hashlib.sha256(data).hexdigest()
        key = catalogue.task_submitting("generate", {"prompt": f"f{i}"}, "bench")
        clip = {"id": f"f{i}", "title": f"F {i}", "state": "succeeded"}
        catalogue.task_submitted(key, _Handle("generate", {}, task_id=f"ft{i}", clips=[clip]))
        with catalogue._store.write() as conn:
            conn.execute(
                "INSERT INTO files (clip_id, kind, state, sha256, path, size, sample_rate,"
                " channels, duration) VALUES (?, 'audio', 'ok', ?, ?, ?, 22050, 2, ?)",
                (f"f{i}", sha, relative, len(data), CLIP_SECONDS),
            )
    return catalogue


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def run(n_tasks: int = N_TASKS, n_feature_clips: int = N_FEATURE_CLIPS) -> list[dict]:
    """Run every measurement; one dict per row of the printed table."""
    from suno_nb.catalogue import Catalogue

    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        catalogue = Catalogue(Path(tmp) / "one")
        seconds = _record(catalogue, n_tasks, as_client=False)
        catalogue.close()
        rows.append({"what": f"record {n_tasks:,} tasks × 2 clips, 1 tx/task",
                     "value": n_tasks / seconds, "unit": "tasks/s",
                     "target": "≥ 5,000"})  # fmt: skip
        catalogue = Catalogue(Path(tmp) / "rec")
        seconds = _record(catalogue, n_tasks)
        rows.append({"what": "  as a client: submitting + submitted (2 tx)",
                     "value": n_tasks / seconds, "unit": "tasks/s", "target": ""})  # fmt: skip
        catalogue.df  # noqa: B018 - pandas import and first-use costs stay out of the timing
        start, cpu = time.perf_counter(), time.process_time()
        frame = catalogue.df
        took, cpu = time.perf_counter() - start, time.process_time() - cpu
        rows.append({"what": f"catalogue.df ({len(frame):,} rows × {frame.shape[1]} cols)",
                     "value": took, "unit": "s", "target": "< 1"})  # fmt: skip
        rows.append({"what": "  same, CPU time of this process", "value": cpu, "unit": "s",
                     "target": ""})  # fmt: skip
        start = time.perf_counter()
        catalogue.to_pandas(tag="none")
        rows.append({"what": "  to_pandas(tag=...) filter, no match",
                     "value": time.perf_counter() - start, "unit": "s", "target": ""})  # fmt: skip
        catalogue.close()

        from suno_nb import warmup

        warmup.warm()  # numba compiles once per machine; never inside the timing
        cores = os.cpu_count() or 1
        for n_jobs in (1, -1):
            feature_cat = _feature_catalogue(Path(tmp) / f"feat{n_jobs}", n_feature_clips)
            # warm the worker pool (process start + numba load) as a notebook's first call would
            feature_cat.measure(feature_cat.tracks()[: max(2, cores) * 2], n_jobs=n_jobs,
                                progress=False)  # fmt: skip
            start = time.perf_counter()
            table = feature_cat.measure(n_jobs=n_jobs, progress=False)
            took = time.perf_counter() - start
            measured = n_feature_clips - max(2, cores) * 2
            label = "1 core" if n_jobs == 1 else f"all {cores} cores"
            rows.append({"what": f"measure {measured} × {CLIP_SECONDS:.0f} s clips, {label}",
                         "value": measured * CLIP_SECONDS / took, "unit": "× real time",
                         "target": "≥ 100 per core"})  # fmt: skip
            assert table.tempo_bpm.notna().all()
            start = time.perf_counter()
            feature_cat.measure(n_jobs=n_jobs, progress=False)
            rows.append({"what": "  again (cached)", "value": time.perf_counter() - start,
                         "unit": "s", "target": ""})  # fmt: skip
            feature_cat.close()
        rows.append({"what": "peak memory (process or largest worker)", "value": _peak_mb(),
                     "unit": "MB", "target": ""})  # fmt: skip
    return rows


def _table(rows: list[dict]) -> str:
    import numpy
    import pandas

    lines = [
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}, "
        f"load average {os.getloadavg()[0]:.1f} at the end",
        f"python {platform.python_version()}, sqlite {__import__('sqlite3').sqlite_version}, "
        f"pandas {pandas.__version__}, numpy {numpy.__version__}",
        "",
        f"{'measurement':<48} {'value':>12}  {'unit':<12} target",
        "-" * 86,
    ]
    for row in rows:
        value = row["value"]
        shown = f"{value:,.0f}" if value >= 100 else f"{value:.3f}"
        lines.append(f"{row['what']:<48} {shown:>12}  {row['unit']:<12} {row['target']}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(_table(run()))
