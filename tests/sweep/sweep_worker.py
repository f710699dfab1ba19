"""A sweep run in a process of its own, against an emulator server (test_processes.py).

Usage: ``python sweep_worker.py BASE_URL CATALOGUE SWEEP_ID SIDE [REPEATS]`` — a SIDE × SIDE
grid of weirdness × style_influence; prints the run's report counts as JSON.
"""

from __future__ import annotations

import json
import sys

from suno_nb.catalogue import Catalogue
from suno_nb.client import AsyncClient
from suno_nb.sweeps import Sweep

BASE = {"prompt": "a calm lofi song about a night bus", "duration": 10}


def grid(side: int) -> dict[str, list[float]]:
    values = [round(i / max(1, side - 1), 3) for i in range(side)]
    return {"weirdness": values, "style_influence": values}


def main() -> None:
    base_url, folder, sweep_id, side = sys.argv[1:5]
    repeats = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    client = AsyncClient(
        token="test-token",  # the server takes any token; a token means real HTTP
        base_url=base_url,
        catalogue=False,
        progress=False,
        poll_interval=(0.05, 0.2),
    )
    sweep = Sweep(
        BASE,
        grid=grid(int(side)),
        repeats=repeats,
        client=client,
        catalogue=Catalogue(folder),
        sweep_id=sweep_id,
        max_concurrency=4,
        progress=False,
    ).run()
    report = sweep.report_
    states = ("done", "failed", "pending", "uncertain", "held")
    print(json.dumps({"submitted": report.submitted, **{s: report.count(s) for s in states}}))


if __name__ == "__main__":
    main()
