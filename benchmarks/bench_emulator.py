"""Emulator throughput: the sync round trip against a minimal Starlette app under uvicorn
(measured in the same run), /suno/tasks polls and async generate submissions with 50 concurrent
aiohttp clients on 127.0.0.1, and submit-to-succeeded wall time in the quick profile.

Run: ``.venv/bin/python benchmarks/bench_emulator.py``
"""

from __future__ import annotations

import asyncio
import os
import platform
import statistics
import tempfile
import time
from typing import Any

import aiohttp

CONCURRENCY = 50
ROUND_TRIPS = 400
ROUND_TRIP_TARGET = 0.5  # the emulator's sync round trip at least half the bare app's speed


def _median_round_trip(url: str, body: dict) -> float:
    """Median seconds of one small sync POST on a kept-alive connection."""
    from suno_nb import _http

    times = []
    with _http.Client(timeout=30) as http:
        for _ in range(20):  # warm the connection and the code paths
            http.post(url, json=body)
        for _ in range(ROUND_TRIPS):
            t0 = time.perf_counter()
            http.post(url, json=body).read()
            times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _bare_starlette_round_trip() -> float:
    """The anchor: a one-route Starlette app under uvicorn's own bind (which sets TCP_NODELAY)."""
    import socket
    import threading

    import uvicorn
    from starlette.applications import Starlette
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    async def answer(request: Any) -> Any:
        await request.body()
        return JSONResponse({"code": "ok"})

    app = Starlette(routes=[Route("/{path:path}", answer, methods=["POST"])])
    with socket.socket() as probe:  # a free port for uvicorn to bind itself
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", access_log=False, lifespan="off"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    try:
        return _median_round_trip(f"http://127.0.0.1:{port}/x", {"a": 1})
    finally:
        server.should_exit = True
        thread.join(5)


def _round_trip_row(base: str, poll: dict) -> dict:
    anchor = _bare_starlette_round_trip()
    figure = _median_round_trip(f"{base}/suno/tasks", poll)
    return {
        "what": "sync round trip: /suno/tasks poll vs bare Starlette+uvicorn",
        "concurrency": 1,
        "requests": ROUND_TRIPS,
        "p50_ms": round(figure * 1000, 3),
        "anchor_p50_ms": round(anchor * 1000, 3),
        "ratio": round(anchor / figure, 2),
        "target": f">= {ROUND_TRIP_TARGET}",
    }


async def _hammer(url: str, body: dict, total: int, seconds: float) -> dict:
    latencies: list[float] = []
    errors = 0
    sent = 0
    deadline = time.perf_counter() + seconds
    connector = aiohttp.TCPConnector(limit=CONCURRENCY)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def worker() -> None:
            nonlocal sent, errors
            while sent < total and time.perf_counter() < deadline:
                sent += 1
                t0 = time.perf_counter()
                async with session.post(url, json=body) as r:
                    await r.read()
                    errors += r.status >= 400
                latencies.append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
        wall = time.perf_counter() - t0
    latencies.sort()
    return {
        "requests": len(latencies),
        "req_per_s": round(len(latencies) / wall, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 1),
        "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 1),
        "errors": errors,
    }


def _submit_to_succeeded(base: str) -> float:
    from suno_nb import _http

    with _http.Client(base_url=base, timeout=120) as http:
        t0 = time.perf_counter()
        task_id = http.post("/suno/audios", json={"prompt": "lofi", "async": True}).json()[
            "task_id"
        ]
        while True:
            record = http.post("/suno/tasks", json={"action": "retrieve", "id": task_id}).json()
            if (record.get("response") or {}).get("success"):
                return time.perf_counter() - t0
            time.sleep(0.1)


def run() -> list[dict]:
    """The figures as rows of a table."""
    from suno_nb.emulator import start, stop

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        base = start(data_dir=tmp, profile="quick")
        import httpx2

        task_id = httpx2.post(f"{base}/suno/audios", json={"prompt": "x", "async": True}).json()[
            "task_id"
        ]
        poll = {"action": "retrieve", "id": task_id}
        time.sleep(2.0)  # let the polled task finish and render: polls then read a done record
        httpx2.post(f"{base}/suno/tasks", json=poll, timeout=60)
        rows.append(_round_trip_row(base, poll))
        rows.append(
            {
                "what": "/suno/tasks poll (done task)",
                "concurrency": CONCURRENCY,
                **asyncio.run(_hammer(f"{base}/suno/tasks", poll, 3000, 10.0)),
            }
        )
        submit = {"prompt": "benchmark song", "async": True}
        rows.append(
            {
                "what": "/suno/audios async submit",
                "concurrency": CONCURRENCY,
                **asyncio.run(_hammer(f"{base}/suno/audios", submit, 1500, 10.0)),
            }
        )
        wall = _submit_to_succeeded(base)
        rows.append(
            {
                "what": "submit -> succeeded (quick profile, 1 generate)",
                "concurrency": 1,
                "requests": 1,
                "wall_s": round(wall, 2),
            }
        )
        stop()
    return rows


def main() -> None:
    rows = run()
    print(
        f"# suno_nb emulator benchmark — {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    keys = [
        "what",
        "concurrency",
        "requests",
        "req_per_s",
        "p50_ms",
        "p99_ms",
        "errors",
        "wall_s",
        "anchor_p50_ms",
        "ratio",
        "target",
    ]
    print(" | ".join(keys))
    for row in rows:
        print(" | ".join(str(row.get(k, "")) for k in keys))


if __name__ == "__main__":
    main()
