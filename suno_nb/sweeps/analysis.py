"""A sweep's results as one DataFrame (cell × repeat × clip, swept fields, features) and the
group statistics the plots draw. Features come from :mod:`suno_nb.features`, cached in the
catalogue (``pitch_class_entropy`` and ``onset_irregularity`` follow ``weirdness`` most).

Example:
    >>> import pandas as pd
    >>> df = pd.DataFrame({"w": [0, 0, 1, 1], "s": [0, 0, 0, 0], "f": [1.0, 3.0, 5.0, 7.0]})
    >>> mean, spread, count = group_table(df, "f", x="w", y="s")
    >>> float(mean.loc[0, 1]), float(spread.loc[0, 1]), int(count.loc[0, 1])
    (6.0, 1.4142135623730951, 2)
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    import pandas as pd

__all__ = [
    "group_table",
    "line_table",
    "results",
]


def results(
    catalogue: Any,
    sweep_id: str,
    axes: Sequence[str],
    *,
    features: bool = True,
    n_jobs: int | None = None,
) -> pd.DataFrame:
    """One row per clip of a sweep's finished cells, parameters first, then features.

    Reads through the catalogue's public ``to_pandas(sweep=)`` and ``measure()`` only; ``axes``
    are the swept fields (``plan.design.axes``).

    Example:
        >>> results(catalogue, "sw-20261126-0815-3fa2", ["weirdness"])   # doctest: +SKIP
    """
    import pandas as pd

    frame = _finished(catalogue, sweep_id)
    ok = frame["audio_state"].astype(str) == "ok"
    if features and ok.any():
        # Cached in the catalogue: only clips never measured cost anything.
        catalogue.measure(frame.loc[ok, "clip_id"].tolist(), n_jobs=n_jobs, progress=False)
        frame = _finished(catalogue, sweep_id)
    coords = pd.DataFrame([json.loads(c or "{}") for c in frame["cell"]], index=frame.index)
    axes = list(axes)
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
