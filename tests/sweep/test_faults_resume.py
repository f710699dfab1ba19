"""Failures and restarts: injected faults are recorded and retried; a killed sweep process is
finished by resume without sending any cell twice; bad input sends nothing."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from suno_nb.catalogue import Catalogue
from suno_nb.errors import ValidationError
from suno_nb.sweeps import Sweep

from .conftest import BASE_REQUEST, GRID, CountingTransport, fast_client, make_emulator

SMALL_GRID = {"weirdness": [0.0, 1.0], "style_influence": [0.0, 1.0]}


def _rows(catalogue: Catalogue, sweep_id: str) -> list[tuple]:
    return catalogue.store.read(
        "SELECT key, task_id, state, cell, error FROM tasks WHERE sweep_id = ? ORDER BY key",
        (sweep_id,),
    )


def test_faults_at_20_percent_are_recorded_and_retried_until_done(tmp_path: Path) -> None:
    # 20 % of API requests answer 500 busy (a refused submission creates nothing) and 20 % of
    # created tasks end in error: both must be recorded, and retried by retry_failed().
    emulator = make_emulator(tmp_path / "emu", faults="busy=0.2,task_error=0.2,seed=11")
    transport = CountingTransport(emulator)
    catalogue = Catalogue(tmp_path / "catalogue")
    catalogue._sleep = lambda seconds: None
    sweep = Sweep(
        BASE_REQUEST,
        grid=SMALL_GRID,
        repeats=2,
        client=fast_client(transport),
        catalogue=catalogue,
        max_concurrency=1,  # one request at a time: the seeded faults fall the same way each run
        progress=False,
    ).run()
    first = sweep.report_
    assert len(first.results) == 8  # the sweep went on past every failure
    assert first.count("failed") > 0, "seed 11 injects failures; pick another seed if not"
    failed_first = {r.cell.key for r in first.results if r.state == "failed"}
    rounds = 0
    while sweep.status()["failed"] and rounds < 8:
        sweep.retry_failed()
        rounds += 1
    assert sweep.status() == {"todo": 0, "pending": 0, "done": 8, "failed": 0, "uncertain": 0}
    rows = _rows(catalogue, sweep.sweep_id_)
    by_cell: dict[tuple[int, int], list[tuple]] = {}
    for row in rows:
        coords = json.loads(row[3])
        by_cell.setdefault((coords["cell"], coords["repeat"]), []).append(row)
    for key, mine in by_cell.items():
        states = [r[2] for r in mine]
        assert states.count("succeeded") == 1, (key, states)  # never a second paid success
        assert all(s in ("failed", "rejected") for s in states[:-1]), (key, states)
        assert all(r[4] for r in mine if r[2] != "succeeded")  # every failure says why
    assert all(len(by_cell[k]) > 1 for k in failed_first)  # each first failure was retried
    assert {r[2] for r in rows} >= {"succeeded", "failed", "rejected"}  # both kinds happened
    assert transport.submissions == len(rows)  # each row is exactly one request sent


def test_bad_input_sends_nothing_and_writes_nothing(client, catalogue, transport) -> None:
    bad = [
        {"grid": {}},
        {"grid": {"weirdnes": [0.0]}},
        {"grid": {"weirdness": [0.0, 2.0]}},
        {"grid": GRID, "repeats": 2, "budget": 10},  # 18 requests × 0.56 credits
    ]
    for kwargs in bad:
        sweep = Sweep(BASE_REQUEST, client=client, catalogue=catalogue, progress=False, **kwargs)
        with pytest.raises(ValidationError) as caught:
            sweep.run()
        assert caught.value.field in ("design", "weirdnes", "weirdness", "budget")
    assert transport.submissions == 0 and sum(transport.calls.values()) == 0
    assert catalogue.store.read("SELECT count(*) FROM tasks")[0][0] == 0


def test_budget_counts_what_was_already_sent(client, catalogue, transport) -> None:
    sweep = Sweep(
        BASE_REQUEST,
        grid={"weirdness": [0.0, 1.0]},
        client=client,
        catalogue=catalogue,
        budget=2,
        progress=False,
    ).run()
    assert transport.submissions == 2
    bigger = Sweep(
        BASE_REQUEST,
        grid={"weirdness": [0.0, 1.0]},
        repeats=2,
        client=client,
        catalogue=catalogue,
        budget=2,  # 2 sent + 2 to do, × 0.56 credits
        progress=False,
    )
    with pytest.raises(ValidationError, match="budget"):
        bigger.run()
    assert transport.submissions == 2 and sweep.status()["done"] == 2


PLAN = """
[sweep]
id = "killed-halfway"
repeats = 2
max_concurrency = 3
catalogue = "catalogue"

[base]
prompt = "a calm lofi song about a night bus"
duration = 10

[grid]
weirdness = [0.0, 0.5, 1.0]
style_influence = [0.0, 0.5, 1.0]
"""


def _sent(db: Path) -> list[tuple]:
    if not db.exists():
        return []
    with sqlite3.connect(db, timeout=30) as conn:
        try:
            return conn.execute("SELECT cell, task_id, state FROM tasks").fetchall()
        except sqlite3.OperationalError:  # tables not created yet
            return []


@pytest.mark.slow
def test_killed_sweep_process_resumes_without_sending_any_cell_twice(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN)
    db = tmp_path / "catalogue" / "catalogue.sqlite"
    env = {
        **os.environ,
        # The emulator keeps its tasks on disk, so they outlive the killed process.
        "SUNO_NB_EMULATOR_DATA_DIR": str(tmp_path / "emu"),
        "SUNO_NB_EMULATOR_PROFILE": "quick",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "suno_nb.cli", "sweep", str(plan)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 90
    while len([r for r in _sent(db) if r[1]]) < 8 and time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the sweep ended before it was killed: {process.stderr.read()!r}")
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    before = _sent(db)
    assert 8 <= len(before) < 18, "the kill must land halfway"
    cells_before = {(json.loads(c)["cell"], json.loads(c)["repeat"]) for c, _, _ in before}

    emulator = make_emulator(tmp_path / "emu", profile="quick")
    transport = CountingTransport(emulator)
    catalogue = Catalogue(tmp_path / "catalogue")
    resumed = Sweep.resume("killed-halfway", catalogue=catalogue, client=fast_client(transport))
    after = _rows(catalogue, "killed-halfway")
    # A row killed between sending and hearing back was looked up in the service's task list:
    # adopted when the service had it, else "lost" (never created) and sent again, once.
    lost = [r for r in after if r[2] == "lost"]
    assert all(r[1] is None and "nothing was created" in r[4] for r in lost)
    # Only cells that never reached the service were sent; the others were waited for.
    assert transport.submissions == 18 - len(cells_before) + len(lost)
    kept = [r for r in after if r[2] != "lost"]
    keys = [(json.loads(r[3])["cell"], json.loads(r[3])["repeat"]) for r in kept]
    assert len(keys) == len(set(keys)) == 18  # one paid submission per cell, ever
    assert resumed.status() == {"todo": 0, "pending": 0, "done": 18, "failed": 0, "uncertain": 0}
    # The CLI refuses to start the same sweep again without --resume, and finishes with it.
    again = subprocess.run(
        [sys.executable, "-m", "suno_nb.cli", "sweep", str(plan)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 2 and "--resume" in again.stderr
    emulator.close()
