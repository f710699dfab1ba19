"""Kernels that die and kernels that write at once: resume(), concurrency, crash safety."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from catalogue_service import AudioService, make_client

from suno_nb.catalogue import Catalogue

WORKER = Path(__file__).with_name("catalogue_worker.py")


def _spawn(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(WORKER), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(condition, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the worker")
        time.sleep(0.02)


def _count(db: Path, sql: str) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:  # tables not created yet
        return 0


def test_killed_kernel_is_resumed_without_resubmitting(tmp_path):
    folder, state = tmp_path / "cat", tmp_path / "service.json"
    worker = _spawn("generate", str(folder), str(state))
    db = folder / "catalogue.sqlite"
    try:
        # Kill it once the task id and the running clips are recorded, before completion.
        _wait_for(lambda: _count(db, "SELECT count(*) FROM clips WHERE state = 'running'") == 2)
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait()
    service = AudioService(state_file=state)
    assert service.submissions == 1
    catalogue = Catalogue(folder)
    (pending,) = catalogue.pending()
    assert pending.task_id == "task-1" and not pending.uncertain
    report = catalogue.resume(make_client(service, catalogue))
    assert report.finished == ["task-1"] and not report.failed and not report.uncertain
    assert service.submissions == 1  # looked up, never sent again
    assert catalogue.pending() == []
    rows = catalogue.store.read("SELECT clip_id, state FROM clips ORDER BY clip_id")
    assert rows == [("task-1-c0", "succeeded"), ("task-1-c1", "succeeded")]
    assert catalogue.store.read("SELECT count(*) FROM tasks")[0][0] == 1
    assert [t.path.is_file() for t in catalogue.tracks()] == [True, True]
    assert catalogue.get("task-1-c0").title == "Orphan"
    # A second resume finds nothing to do and adds nothing.
    again = catalogue.resume(make_client(service, catalogue))
    assert again.finished == [] and len(catalogue) == 2 and service.submissions == 1


def test_uncertain_submissions_are_listed_not_resent(catalogue, service):
    catalogue.task_submitting("generate", {"prompt": "lost in transit"}, "svc")
    with pytest.warns(UserWarning, match="NOT re-sent"):
        report = catalogue.resume(make_client(service, catalogue))
    assert [t.action for t in report.uncertain] == ["generate"]
    assert "never got a task id" in str(report)
    assert service.submissions == 0
    catalogue.forget(report.uncertain[0].key)
    assert catalogue.pending() == []


def test_two_writer_processes_lose_nothing(tmp_path):
    folder = tmp_path / "cat"
    Catalogue(folder)  # created up front, as a notebook would have
    workers = [_spawn("write", str(folder), name, "400") for name in ("a", "b")]
    for worker in workers:
        _, err = worker.communicate(timeout=60)
        assert worker.returncode == 0, err
    catalogue = Catalogue(folder)
    assert catalogue.store.read("SELECT count(*) FROM tasks")[0][0] == 800
    assert len(catalogue) == 1600
    assert catalogue.store.read("SELECT count(*) FROM tasks WHERE state != 'succeeded'") == [(0,)]


def test_writer_killed_mid_write_leaves_a_sound_catalogue(tmp_path):
    folder = tmp_path / "cat"
    Catalogue(folder)
    db = folder / "catalogue.sqlite"
    for _ in range(3):
        before = _count(db, "SELECT count(*) FROM tasks")
        worker = _spawn("write", str(folder), f"k{before}", "100000", "20000")
        _wait_for(lambda before=before: _count(db, "SELECT count(*) FROM tasks") > before + 20)
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # Each task was written with its clips in one transaction: never half a task.
    assert conn.execute(
        "SELECT count(*) FROM tasks t WHERE t.state = 'succeeded'"
        " AND (SELECT count(*) FROM clips c WHERE c.task_key = t.key) != 2"
    ).fetchone() == (0,)
    conn.close()
    catalogue = Catalogue(folder)
    assert len(catalogue) >= 120
    assert len(catalogue.df) == len(catalogue)
