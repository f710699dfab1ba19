"""Emulator throughput: /suno/tasks polls and async generate submissions with 50 concurrent
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

import aiohttp

CONCURRENCY = 50


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
    keys = ["what", "concurrency", "requests", "req_per_s", "p50_ms", "p99_ms", "errors", "wall_s"]
    print(" | ".join(keys))
    for row in rows:
        print(" | ".join(str(row.get(k, "")) for k in keys))


if __name__ == "__main__":
    main()
