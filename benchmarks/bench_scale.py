"""Lab scale: claims per second on a shared PostgreSQL catalogue with 1, 2 and 4 worker
processes, against one process claiming on a local sqlite catalogue in the same run; and a
400-cell sweep (100 cells unless ``SUNO_NB_BENCH_SCALE=1``) worked by 1 and by 4
``suno-nb worker`` processes against the emulator server (instant profile), with the share of
the workers' time spent in the store; and features over 2,000 clips on a 2-worker Dask
LocalCluster against loky on the same cores (``bench_features.dask_rows``).

Each worker goes through every cell in its own random order, claiming one at a time, each
claim its own write transaction; every cell must end up claimed exactly once (checked). On a
loaded machine the multi-worker rows mostly measure the scheduler: run it on a quiet one.
A real server is started for the run (Debian's package, see tests/postgres_server.py).

The sweep rows: the emulator server renders every clip (1 s clips here) on the same two
cores as the workers, so on a small machine they mostly measure that; the ratio to 1 worker
is the figure, and the store's share says whether the queue is what limits it.

Run: ``.venv/bin/python -m benchmarks scale``
"""

from __future__ import annotations

import multiprocessing
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CELLS = 2_000
WORKERS = (1, 2, 4)
# A 20 × 20 grid (400 cells, ~2-3 min) with SUNO_NB_BENCH_SCALE=1, else 10 × 10 (100 cells).
SCALE_ENV = "SUNO_NB_BENCH_SCALE"
SWEEP_SIDE = 20 if os.environ.get(SCALE_ENV) == "1" else 10
SWEEP_WORKERS = (1, 4)


def _claim_all(where: str, scope: str, start: Any, out: Any) -> None:
    from suno_nb.catalogue.store import new_owner, open_store

    store = open_store(where)  # sqlite:///folder or postgresql://…
    owner = new_owner()
    cells = [f"{n}/0" for n in range(CELLS)]
    random.Random(owner).shuffle(cells)  # workers meet at random cells, not in lockstep
    start.wait()
    taken = []
    for cell in cells:
        with store.write() as conn:
            taken += store.claim(conn, scope, [cell], owner, 600)
    out.put(taken)


def _claims_per_second(where: str, workers: int) -> float:
    ctx = multiprocessing.get_context("spawn")
    start, out = ctx.Event(), ctx.Queue()
    scope = f"sweep:bench-{workers}-{time.monotonic_ns()}"
    procs = [
        ctx.Process(target=_claim_all, args=(where, scope, start, out)) for _ in range(workers)
    ]
    for p in procs:
        p.start()
    time.sleep(1.5)  # let every worker import and connect before the clock starts
    t0 = time.perf_counter()
    start.set()
    taken = [item for _ in procs for item in out.get(timeout=600)]
    wall = time.perf_counter() - t0
    for p in procs:
        p.join(timeout=60)
    if sorted(taken) != sorted(f"{n}/0" for n in range(CELLS)):
        raise AssertionError(f"{workers} workers: a cell was claimed twice or not at all")
    return CELLS / wall


def _timed_worker(url: str, files: str, base_url: str, sweep_id: str, out: Any) -> None:
    """One worker process whose store calls are timed (reads, and write transactions whole)."""
    import contextlib
    import threading

    from suno_nb.catalogue import Catalogue
    from suno_nb.client import AsyncClient
    from suno_nb.sweeps.worker import work

    catalogue = Catalogue(url, files=files)
    store = catalogue.store
    spent = [0.0]
    lock = threading.Lock()
    read, write = store.read, store.write

    def timed_read(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return read(*args, **kwargs)
        finally:
            with lock:
                spent[0] += time.perf_counter() - t0

    @contextlib.contextmanager
    def timed_write() -> Any:
        t0 = time.perf_counter()
        try:
            with write() as conn:
                yield conn
        finally:
            with lock:
                spent[0] += time.perf_counter() - t0

    store.read, store.write = timed_read, timed_write  # type: ignore[method-assign]
    client = AsyncClient(token="bench-token", base_url=base_url, catalogue=catalogue,
                         progress=False, poll_interval=(0.02, 0.1))  # fmt: skip
    t0 = time.perf_counter()
    report = work(catalogue, sweep_id=sweep_id, client=client, poll=0.05)
    out.put((report.sent, spent[0], time.perf_counter() - t0))


def _sweep_rows(server: str) -> list[dict]:
    """A 400-cell sweep worked by 1 and by 4 worker processes (each on a fresh database)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from postgres_server import create_database
    from sweep.test_processes import emulator_server

    from suno_nb.catalogue import Catalogue
    from suno_nb.sweeps import Sweep

    values = [round(i / (SWEEP_SIDE - 1), 4) for i in range(SWEEP_SIDE)]
    grid = {"weirdness": values, "style_influence": values}
    ctx = multiprocessing.get_context("spawn")
    measured: dict[int, tuple[float, float]] = {}
    for workers in SWEEP_WORKERS:
        with (
            tempfile.TemporaryDirectory() as folder,
            emulator_server(Path(folder) / "emu", "--max-duration", "1") as base_url,
        ):
            url = create_database(server, f"bench_sweep_{workers}")
            files = str(Path(folder) / "files")
            catalogue = Catalogue(url, files=files)
            Sweep({"prompt": "bench", "duration": 10}, grid=grid, catalogue=catalogue,
                  sweep_id="bench").save()  # fmt: skip
            out = ctx.Queue()
            procs = [
                ctx.Process(target=_timed_worker, args=(url, files, base_url, "bench", out))
                for _ in range(workers)
            ]
            t0 = time.perf_counter()
            for proc in procs:
                proc.start()
            results = [out.get(timeout=1800) for _ in procs]
            wall = time.perf_counter() - t0
            for proc in procs:
                proc.join(timeout=60)
            sent = sum(r[0] for r in results)
            if sent != SWEEP_SIDE**2:
                raise AssertionError(f"{workers} workers sent {sent} cells, not {SWEEP_SIDE**2}")
            store_share = sum(r[1] for r in results) / sum(r[2] for r in results)
            measured[workers] = (sent / wall, store_share)
    single = measured[SWEEP_WORKERS[0]][0]
    return [
        {
            "figure": f"{SWEEP_SIDE**2}-cell sweep, {workers} worker(s), cells/s",
            "value": rate,
            "anchor": f"1 worker: {single:,.3g} cells/s",
            "ratio": rate / single,
            "target": f"4 workers ≥ 1 (store: {share:.0%} of worker time)"
            if workers > 1
            else f"— (store: {share:.0%} of worker time)",
        }
        for workers, (rate, share) in measured.items()
    ]


def run() -> list[dict]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from postgres_server import create_database, temporary_postgres

    from suno_nb.catalogue.store import Store

    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as folder:
        Store(Path(folder) / "catalogue.sqlite").close()
        anchor = _claims_per_second(f"sqlite:///{folder}", 1)
    with temporary_postgres() as server:
        url = create_database(server, "bench_scale")
        from suno_nb.catalogue.store import open_store

        open_store(url).dispose()  # migrate once
        for workers in WORKERS:
            figure = _claims_per_second(url, workers)
            rows.append(
                {
                    "figure": f"claims/s, PostgreSQL, {workers} worker(s)",
                    "value": figure,
                    "anchor": f"sqlite, 1 process: {anchor:,.0f}/s",
                    "ratio": figure / anchor,
                    "target": "more workers never fewer claims/s than 1" if workers > 1 else "—",
                }
            )
        single = rows[0]["value"]
        for row in rows[1:]:
            row["target"] += f" (here {row['value'] / single:.2f}x of 1 worker)"
        rows += _sweep_rows(server)
    from benchmarks.bench_features import dask_rows  # features on Dask against loky (A4)

    rows += dask_rows()
    return rows


if __name__ == "__main__":
    from benchmarks.__main__ import print_table

    print_table("scale", run())
