"""A sweep logs to a real local MLflow store; runs, parameters, metrics and artifacts are read
back through MLflow's own client."""

from __future__ import annotations

import pytest

from suno_nb.catalogue import Catalogue
from suno_nb.sweeps import Sweep
from suno_nb.sweeps.tracking import MLflowTracker, Tracker

from .conftest import BASE_REQUEST, CountingTransport, fast_client, make_emulator

mlflow = pytest.importorskip("mlflow", reason="mlflow is in the [research] extra; not installed")


def test_a_sweep_logs_cells_metrics_previews_and_the_report_to_mlflow(tmp_path) -> None:
    emulator = make_emulator(tmp_path / "emu")
    uri = (tmp_path / "mlruns").as_uri()
    tracker = MLflowTracker(uri, experiment="weirdness study", preview_seconds=2.0)
    assert isinstance(tracker, Tracker)
    try:
        sweep = Sweep(
            BASE_REQUEST,
            grid={"weirdness": [0.0, 1.0]},
            client=fast_client(CountingTransport(emulator)),
            catalogue=Catalogue(tmp_path / "catalogue"),
            progress=False,
            tracker=tracker,
        ).run()
    finally:
        emulator.close()
    client = mlflow.tracking.MlflowClient(tracking_uri=uri)
    experiment = client.get_experiment_by_name("weirdness study")
    runs = client.search_runs([experiment.experiment_id])
    parent = next(r for r in runs if r.info.run_id == tracker.run_id_)
    assert parent.info.run_name == sweep.sweep_id_ and parent.info.status == "FINISHED"
    assert parent.data.params["action"] == "generate" and parent.data.params["repeats"] == "1"
    assert "night bus" in parent.data.params["base.prompt"]
    children = [r for r in runs if r.data.tags.get("mlflow.parentRunId") == tracker.run_id_]
    assert sorted(float(r.data.params["weirdness"]) for r in children) == [0.0, 1.0]
    frame = sweep.results()
    for child in children:
        w = float(child.data.params["weirdness"])
        expected = frame[frame["weirdness"] == w]["onset_irregularity"].mean()
        assert child.data.metrics["onset_irregularity"] == pytest.approx(expected)
        audio = [a.path for a in client.list_artifacts(child.info.run_id, "audio")]
        assert len(audio) == 1 and audio[0].endswith(".mp3")
    reports = [a.path for a in client.list_artifacts(tracker.run_id_)]
    assert reports == [f"{sweep.sweep_id_}.html"]


def test_a_tracker_is_a_small_protocol_others_can_implement(tmp_path) -> None:
    calls = []

    class Notebook:
        def start_sweep(self, sweep_id, params):
            calls.append(("start", sweep_id))

        def log_cell(self, name, params, metrics, artifacts=()):
            calls.append(("cell", name, sorted(metrics)[:1]))

        def log_artifact(self, path):
            calls.append(("artifact", path.suffix))

        def end_sweep(self, status):
            calls.append(("end", status))

    emulator = make_emulator(tmp_path / "emu")
    try:
        sweep = Sweep(
            BASE_REQUEST,
            grid={"weirdness": [0.0, 1.0]},
            client=fast_client(CountingTransport(emulator)),
            catalogue=Catalogue(tmp_path / "catalogue"),
            progress=False,
        ).run()
    finally:
        emulator.close()
    assert isinstance(Notebook(), Tracker)
    sweep.log(Notebook(), report=False)
    assert calls[0] == ("start", sweep.sweep_id_) and calls[-1] == ("end", "FINISHED")
    assert [c[0] for c in calls[1:-1]] == ["cell", "cell"]
    with pytest.raises(ValueError, match="no tracker"):
        sweep.log()
