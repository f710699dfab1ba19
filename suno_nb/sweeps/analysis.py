"""A sweep's results as one DataFrame (cell × repeat × clip, swept fields, features), the
group statistics the plots draw, and two sweep-specific features the shared feature set lacks.

``pitch_class_entropy`` (bits, 0…log2 12 ≈ 3.58): entropy of the mean chroma; off-scale notes
(the emulator's ``weirdness``) spread energy over more pitch classes. ``onset_irregularity``:
coefficient of variation of the intervals between onsets (0 = a metronome). Both come from the
clip's audio at 22,050 Hz and are cached next to the catalogue (``sweeps/extra_features.json``,
keyed by the audio's SHA-256).

Example:
    >>> import pandas as pd
    >>> df = pd.DataFrame({"w": [0, 0, 1, 1], "s": [0, 0, 0, 0], "f": [1.0, 3.0, 5.0, 7.0]})
    >>> mean, spread, count = group_table(df, "f", x="w", y="s")
    >>> float(mean.loc[0, 1]), float(spread.loc[0, 1]), int(count.loc[0, 1])
    (6.0, 1.4142135623730951, 2)
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from suno_nb.sweeps.core import Sweep

__all__ = [
    "EXTRA_FEATURES",
    "EXTRA_FEATURE_VERSION",
    "extra_features",
    "group_table",
    "line_table",
    "results",
]

EXTRA_FEATURES: tuple[str, ...] = ("pitch_class_entropy", "onset_irregularity")
EXTRA_FEATURE_VERSION = 1
_CACHE_NAME = "extra_features.json"


def results(sweep: Sweep, *, features: bool = True, n_jobs: int | None = None) -> pd.DataFrame:
    """One row per clip of the sweep's finished cells, parameters first, then features."""
    import pandas as pd

    catalogue = sweep.catalogue_
    frame = _finished(catalogue, sweep.sweep_id_)
    ok = frame["audio_state"].astype(str) == "ok"
    if features and ok.any():
        # Cached in the catalogue: only clips never measured cost anything.
        catalogue.measure(frame.loc[ok, "clip_id"].tolist(), n_jobs=n_jobs, progress=False)
        frame = _finished(catalogue, sweep.sweep_id_)
    coords = pd.DataFrame([json.loads(c or "{}") for c in frame["cell"]], index=frame.index)
    axes = list(sweep.plan_.design.axes)
    lead = pd.DataFrame(
        {
            name: coords.get(name, pd.Series(index=frame.index, dtype="Int64")).astype("Int64")
            for name in ("cell", "repeat")
        }
    )
    for name in axes:
        # The request columns carry the values sent, typed by the schema; fall back to the cell.
        lead[name] = frame[name] if name in frame.columns else coords.get(name)
    rest = frame.drop(columns=[c for c in (*axes, "cell") if c in frame.columns])
    table = pd.concat([lead, rest], axis=1)
    if features and ok.any():
        extra = extra_features(catalogue, table.loc[ok], n_jobs=n_jobs)
        for column in EXTRA_FEATURES:
            table[column] = table["clip_id"].map(extra[column]).astype("float64")
    order = ["cell", "repeat", *axes]
    table = table.sort_values(["cell", "repeat", "clip_id"], kind="stable")
    return table[order + [c for c in table.columns if c not in order]].reset_index(drop=True)


def _finished(catalogue: Any, sweep_id: str) -> pd.DataFrame:
    frame = catalogue.to_pandas(sweep=sweep_id)
    return frame[frame["task_state"].astype(str) == "succeeded"].reset_index(drop=True)


def group_table(
    frame: pd.DataFrame, feature: str, *, x: str, y: str
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Mean, standard deviation and count of ``feature`` per ``(y, x)``: rows are ``y`` values,
    columns ``x`` values. Exactly what :meth:`SweepPlots.heatmap` draws."""
    _need(frame, feature, x, y)
    grouped = frame.groupby([y, x], observed=True)[feature]
    mean = grouped.mean().unstack(x).sort_index().sort_index(axis=1)
    spread = grouped.std(ddof=1).unstack(x).reindex_like(mean)
    count = grouped.count().unstack(x).reindex_like(mean)
    return mean, spread, count


def line_table(
    frame: pd.DataFrame, feature: str, *, x: str, hue: str | None = None
) -> pd.DataFrame:
    """``mean``, ``std``, ``count`` of ``feature`` per ``x`` (and per ``hue`` value)."""
    keys = [k for k in (hue, x) if k]
    _need(frame, feature, *keys)
    stats = frame.groupby(keys, observed=True)[feature].agg(["mean", "std", "count"])
    return stats.reset_index()


def _need(frame: pd.DataFrame, *columns: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        numeric = [c for c in frame.columns if frame[c].dtype.kind in "fiu"]
        raise KeyError(
            f"no column {', '.join(map(repr, missing))} in the sweep's results; "
            f"numeric columns: {', '.join(numeric)}"
        )


# ---------------------------------------------------------------------------- extra features


def extra_features(
    catalogue: Any, rows: pd.DataFrame, *, n_jobs: int | None = None
) -> pd.DataFrame:
    """``pitch_class_entropy`` and ``onset_irregularity`` per clip id (cached by audio hash)."""
    import pandas as pd

    folder = catalogue.root / "sweeps"
    cache_path = folder / _CACHE_NAME
    cache: dict[str, dict[str, float]] = {}
    if cache_path.is_file():
        saved = json.loads(cache_path.read_text())
        if saved.get("version") == EXTRA_FEATURE_VERSION:
            cache = saved.get("by_sha256", {})
    todo = [
        (r.audio_sha256, r.audio_path) for r in rows.itertuples() if r.audio_sha256 not in cache
    ]
    if todo:
        from joblib import Parallel, delayed

        # Batches per worker: process start and librosa import cost more than one short clip.
        jobs = 1 if n_jobs is None else n_jobs
        batches = [todo[i :: max(1, abs(jobs))] for i in range(max(1, abs(jobs)))]
        found = Parallel(n_jobs=jobs)(delayed(_measure_batch)(b) for b in batches if b)
        for batch in found:
            cache.update(batch)
        folder.mkdir(parents=True, exist_ok=True)
        tmp = cache_path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"version": EXTRA_FEATURE_VERSION, "by_sha256": cache}))
        os.replace(tmp, cache_path)
    values = [cache.get(sha, {}) for sha in rows["audio_sha256"]]
    return pd.DataFrame(values, index=rows["clip_id"].to_numpy(), columns=list(EXTRA_FEATURES))


def _measure_batch(batch: Sequence[tuple[str, str]]) -> dict[str, dict[str, float]]:
    return {sha: _measure_one(path) for sha, path in batch}


def _measure_one(path: str) -> dict[str, float]:
    import librosa
    import numpy as np

    y, sr = librosa.load(path, sr=22050, mono=True)
    if not len(y) or not np.any(y):
        return {name: float("nan") for name in EXTRA_FEATURES}
    chroma = librosa.feature.chroma_stft(y=y, sr=sr, hop_length=512)
    share = chroma.mean(axis=1)
    share = share / share.sum() if share.sum() > 0 else share
    nonzero = share[share > 0]
    entropy = float(-(nonzero * np.log2(nonzero)).sum())
    onsets = librosa.onset.onset_detect(y=y, sr=sr, hop_length=512, units="time")
    gaps = np.diff(onsets)
    irregular = float(gaps.std() / gaps.mean()) if len(gaps) >= 2 and gaps.mean() > 0 else np.nan
    return {"pitch_class_entropy": entropy, "onset_irregularity": irregular}
