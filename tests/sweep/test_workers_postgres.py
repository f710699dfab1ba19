"""The shared work queue for real: ``suno-nb worker`` processes on one PostgreSQL catalogue work
a sweep against the emulator server on 127.0.0.1; one is SIGKILLed mid-run.

The service's own task list is the judge: each cell was submitted exactly once, and a shared
budget below the sweep's total is never overspent (the service's billed ``cost`` summed).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from suno_nb.catalogue import Catalogue
from suno_nb.sweeps import Sweep

from .test_processes import emulator_server, service_tasks

pytestmark = pytest.mark.slow

BASE = {"prompt": "a calm lofi song about a night bus", "duration": 10}


def _grid(side: int) -> dict[str, list[float]]:
    values = [round(i / (side - 1), 3) for i in range(side)]
    return {"weirdness": values, "style_influence": values}


def _workers(n: int, url: str, files: Path, base_url: str, sweep_id: str) -> list:
    env = {
        **os.environ,
        "ACEDATACLOUD_API_TOKEN": "test-token",  # the server takes any token: real HTTP
        "SUNO_NB_SETTLE_SECONDS": "6",
        "SUNO_NB_CLAIM_LEASE": "3",
    }
    command = [sys.executable, "-m", "suno_nb.cli", "--base-url", base_url, "worker",
               "--catalogue", url, "--files", str(files), "--sweep", sweep_id,
               "--poll", "0.05"]  # fmt: skip
    pipe = subprocess.PIPE
    return [
        subprocess.Popen(command, stdout=pipe, stderr=pipe, text=True, env=env) for _ in range(n)
    ]


def _finish(workers: list, timeout: float) -> list[tuple[int, str, str]]:
    deadline = time.monotonic() + timeout
    outcomes = []
    for worker in workers:
        try:
            out, err = worker.communicate(timeout=max(1.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            worker.kill()
            out, err = worker.communicate()
            raise AssertionError(
                f"a worker did not finish in {timeout:.0f} s: {out}\n{err}"
            ) from None
        outcomes.append((worker.returncode, out, err))
    return outcomes


def _per_cell(base_url: str, prompt: str) -> Counter:
    return Counter(
        (r.get("weirdness"), r.get("style_influence"))
        for _, r in service_tasks(base_url)
        if r.get("prompt") == prompt
    )


def test_four_workers_share_a_sweep_and_a_killed_one_is_taken_over(postgres_url, tmp_path):
    files = tmp_path / "files"
    with emulator_server(tmp_path / "emu") as base_url:
        catalogue = Catalogue(postgres_url, files=files)
        sweep = Sweep(BASE, grid=_grid(8), catalogue=catalogue, sweep_id="lab64").save()
        workers = _workers(4, postgres_url, files, base_url, "lab64")
        victim = workers[0]
        # Kill one once it holds cells (a claim owner is host:pid:random).
        deadline = time.monotonic() + 60
        while not any(
            owner.split(":")[1] == str(victim.pid)
            for owner in catalogue.queue.holders("lab64").values()
        ):
            assert time.monotonic() < deadline, "the victim never claimed a cell"
            assert victim.poll() is None, victim.communicate()
            time.sleep(0.02)
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        outcomes = _finish(workers[1:], timeout=80)
        assert all(code == 0 for code, _, _ in outcomes), [err[-4000:] for _, _, err in outcomes]

        counts = _per_cell(base_url, BASE["prompt"])
        assert len(counts) == 64, f"cells never sent: {64 - len(counts)}"
        duplicates = {cell: n for cell, n in counts.items() if n != 1}
        assert not duplicates, f"cells sent more than once: {duplicates}"
        status = Sweep.resume("lab64", catalogue=Catalogue(postgres_url, files=files),
                              run=False).status()  # fmt: skip
        assert status["done"] == 64, str(status)
        assert len(status.workers) >= 3  # the survivors all took part
        assert status.billed == pytest.approx(64 * 0.504)  # the service's cost, summed
        assert sweep.status()["done"] == 64  # the saving object sees the same, live


def test_workers_never_spend_more_than_the_shared_budget(postgres_url, tmp_path):
    files = tmp_path / "files"
    prompt = "budgeted"
    with emulator_server(tmp_path / "emu") as base_url:
        catalogue = Catalogue(postgres_url, files=files)
        Sweep({**BASE, "prompt": prompt}, grid=_grid(5), catalogue=catalogue, sweep_id="tight",
              budget=5.0, over_budget="stop").save()  # fmt: skip  # 25 cells ≈ 14 credits
        outcomes = _finish(_workers(3, postgres_url, files, base_url, "tight"), timeout=80)
        assert all(code == 0 for code, _, _ in outcomes), [err[-4000:] for _, _, err in outcomes]
        assert any("budget spent" in out for _, out, _ in outcomes), outcomes
        sent = sum(_per_cell(base_url, prompt).values())
        billed = sum(
            0.504 for _, r in service_tasks(base_url) if r.get("prompt") == prompt
        )  # the emulator bills 90 % of the 0.56 list price
        assert billed <= 5.0 and sent == 9, (sent, billed)  # 9 × 0.504 = 4.54; a 10th: 5.04
        status = Sweep.resume("tight", catalogue=catalogue, run=False).status()
        assert status.spent <= 5.0 and status["done"] == 9 and status["todo"] == 16
