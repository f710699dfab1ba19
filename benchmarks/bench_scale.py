"""Lab scale: claims per second on a shared PostgreSQL catalogue with 1, 2 and 4 worker
processes, against one process claiming on a local sqlite catalogue in the same run.

Each worker goes through every cell in its own random order, claiming one at a time, each
claim its own write transaction; every cell must end up claimed exactly once (checked). On a
loaded machine the multi-worker rows mostly measure the scheduler: run it on a quiet one.
A real server is started for the run (Debian's package, see tests/postgres_server.py).

Run: ``.venv/bin/python -m benchmarks scale``
"""

from __future__ import annotations

import multiprocessing
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CELLS = 2_000
WORKERS = (1, 2, 4)


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
    return rows


if __name__ == "__main__":
    from benchmarks.__main__ import print_table

    print_table("scale", run())
