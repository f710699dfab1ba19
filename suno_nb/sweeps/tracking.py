"""Experiment tracking for sweeps: a small :class:`Tracker` protocol and an MLflow tracker
(a local file store works offline). One parent run per sweep (the base request and design as
parameters, the report as an artifact), one nested run per cell (its knobs as parameters, the
mean of each feature over its clips as metrics, a short audio preview as an artifact).

Other services plug in by implementing the four methods (Weights & Biases has an offline mode).

Example:
    >>> sw = Sweep(base, grid=grid, tracker=MLflowTracker("file:./mlruns"))   # doctest: +SKIP
    >>> sw.run()   # logs when the run ends                                      # doctest: +SKIP
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from suno_nb._extras import require

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MLflowTracker", "Tracker", "log_sweep"]


@runtime_checkable
class Tracker(Protocol):
    """What a sweep tells an experiment tracker, in this order: ``start_sweep`` once,
    ``log_cell`` per cell, ``log_artifact`` for the report, ``end_sweep`` once."""

    def start_sweep(self, sweep_id: str, params: Mapping[str, Any]) -> None: ...

    def log_cell(
        self,
        name: str,
        params: Mapping[str, Any],
        metrics: Mapping[str, float],
        artifacts: Sequence[Path] = (),
    ) -> None: ...

    def log_artifact(self, path: Path) -> None: ...

    def end_sweep(self, status: str) -> None: ...


class MLflowTracker:
    """Log sweeps to MLflow. ``tracking_uri`` defaults to ``$MLFLOW_TRACKING_URI`` or a
    ``mlruns`` folder in the working directory (``file:`` store, offline).

    Example:
        >>> tracker = MLflowTracker("file:/tmp/mlruns", experiment="study")  # doctest: +SKIP
    """

    def __init__(
        self,
        tracking_uri: str | os.PathLike[str] | None = None,
        *,
        experiment: str = "suno_nb sweeps",
        previews: bool = True,
        report: bool = True,
        preview_seconds: float = 15.0,
    ) -> None:
        self.tracking_uri = tracking_uri
        self.experiment = experiment
        self.previews = previews
        self.report = report
        self.preview_seconds = preview_seconds
        self._client: Any = None
        self._parent: str | None = None
        self._experiment_id: str | None = None

    def _mlflow(self) -> Any:
        return require("mlflow", extra="research", feature="MLflow experiment tracking")

    def start_sweep(self, sweep_id: str, params: Mapping[str, Any]) -> None:
        mlflow = self._mlflow()
        uri = self.tracking_uri or os.environ.get("MLFLOW_TRACKING_URI")
        uri = str(uri) if uri else Path("mlruns").absolute().as_uri()
        if "://" not in uri and not uri.startswith("file:"):
            uri = Path(uri).absolute().as_uri()
        if uri.startswith("file:"):
            # MLflow 3 refuses its file store unless told: it is what works offline with
            # mlflow-skinny (no database driver), so say yes unless the user said otherwise.
            os.environ.setdefault("MLFLOW_ALLOW_FILE_STORE", "true")
        self._client = mlflow.tracking.MlflowClient(tracking_uri=uri)
        found = self._client.get_experiment_by_name(self.experiment)
        self._experiment_id = (
            found.experiment_id if found else self._client.create_experiment(self.experiment)
        )
        run = self._client.create_run(
            self._experiment_id, run_name=sweep_id, tags={"suno_nb.sweep_id": sweep_id}
        )
        self._parent = run.info.run_id
        for key, value in _flat(params).items():
            self._client.log_param(self._parent, key, value)

    def log_cell(
        self,
        name: str,
        params: Mapping[str, Any],
        metrics: Mapping[str, float],
        artifacts: Sequence[Path] = (),
    ) -> None:
        run = self._client.create_run(
            self._experiment_id,
            run_name=name,
            tags={"mlflow.parentRunId": self._parent, "suno_nb.cell": name},
        )
        run_id = run.info.run_id
        for key, value in _flat(params).items():
            self._client.log_param(run_id, key, value)
        for key, value in metrics.items():
            if value is not None and math.isfinite(float(value)):
                self._client.log_metric(run_id, key, float(value))
        for path in artifacts:
            self._client.log_artifact(run_id, str(path), artifact_path="audio")
        self._client.set_terminated(run_id, "FINISHED")

    def log_artifact(self, path: Path) -> None:
        self._client.log_artifact(self._parent, str(path))

    def end_sweep(self, status: str) -> None:
        self._client.set_terminated(self._parent, status)

    @property
    def run_id_(self) -> str | None:
        """The parent run of the last sweep logged."""
        return self._parent


def log_sweep(
    tracker: Tracker,
    frame: pd.DataFrame,
    *,
    axes: Sequence[str],
    sweep_id: str,
    params: Mapping[str, Any],
    report: Path | None = None,
    previews: bool = False,
    preview_seconds: float = 15.0,
) -> None:
    """Send a sweep's results ``frame`` to ``tracker``: one cell at a time (knobs as
    parameters, the mean of each numeric feature as metrics), then ``report``."""
    from suno_nb.players import preview_mp3

    tracker.start_sweep(sweep_id, params)
    status = "FAILED"
    try:
        numeric = [
            c
            for c in frame.columns
            if frame[c].dtype.kind in "fiu" and c not in (*axes, "cell", "repeat", "position")
        ]
        with tempfile.TemporaryDirectory() as scratch:
            for cell, part in frame.groupby("cell", observed=True, sort=True):
                first = part.iloc[0]
                knobs = {a: first[a] for a in axes}
                knobs["clips"] = len(part)
                metrics = {c: float(part[c].mean()) for c in numeric if part[c].notna().any()}
                artifacts = []
                if previews:
                    ok = part[part["audio_state"].astype(str) == "ok"]
                    if not ok.empty:
                        target = Path(scratch) / f"cell{int(cell):03d}.mp3"
                        target.write_bytes(
                            _short_preview(ok["audio_path"].iloc[0], preview_seconds, preview_mp3)
                        )
                        artifacts.append(target)
                label = ", ".join(f"{a}={_text(first[a])}" for a in axes)
                tracker.log_cell(f"cell {int(cell)}: {label}", knobs, metrics, artifacts)
        if report is not None:
            tracker.log_artifact(report)
        status = "FINISHED"
    finally:
        tracker.end_sweep(status)


def _short_preview(path: str, seconds: float, encode: Any) -> bytes:
    import soundfile

    with soundfile.SoundFile(path) as audio:
        frames = audio.read(int(audio.samplerate * seconds), dtype="float32", always_2d=True)
        rate = audio.samplerate
    with tempfile.NamedTemporaryFile(suffix=".wav") as clip:
        soundfile.write(clip.name, frames, rate)
        return encode(clip.name)


def _flat(params: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in params.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(_flat(value, f"{name}."))
        else:
            text = value if isinstance(value, str) else json.dumps(value, default=str)
            out[name] = str(text)[:500]  # MLflow refuses longer parameter values
    return out


def _text(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)
