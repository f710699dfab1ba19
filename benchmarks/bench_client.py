"""Client figures: ``import suno_nb`` time, and the client's overhead against raw HTTP clients.

One trivial aiohttp server (a separate process on 127.0.0.1) answers every POST with a
finished task record; each client polls it for a fixed number of requests.
Targets: import < 250 ms; Client.task ≥ 0.8 × raw httpx.Client.post; AsyncClient.task at 50
concurrent ≥ 0.5 × raw aiohttp.ClientSession at 50 concurrent.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from typing import Any

N_SYNC = 3000
N_ASYNC = 6000
CONCURRENCY = 50

RECORD = {
    "id": "t1",
    "trace_id": "tr",
    "created_at": 1.0,
    "started_at": 1.1,
    "finished_at": 9.0,
    "elapsed": 8.0,
    "request": {"action": "generate", "prompt": "p"},
    "response": {
        "success": True,
        "task_id": "t1",
        "data": [
            {
                "id": f"c{i}",
                "title": "Night Bus",
                "state": "succeeded",
                "duration": 30.0,
                "audio_url": f"http://127.0.0.1/files/c{i}.mp3",
                "image_url": "",
                "lyric": "",
                "video_url": "",
                "model": "chirp-auk",
                "style": "lofi",
                "prompt": "",
                "created_at": "2026-11-02T09:14:05.120Z",
            }
            for i in range(2)
        ],
    },
}

_SERVER = """
import sys
from aiohttp import web
body = sys.argv[2].encode()
async def handle(request):
    await request.read()
    return web.Response(body=body, content_type="application/json")
app = web.Application()
app.router.add_route("*", "/{tail:.*}", handle)
web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None, access_log=None)
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int, timeout: float = 15.0) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError("benchmark server did not start")


def import_time(runs: int = 10) -> float:
    """Median wall time of ``import suno_nb`` in fresh interpreters, in ms."""
    code = "import time; t=time.perf_counter(); import suno_nb; print(time.perf_counter()-t)"
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return statistics.median(times) * 1000


def client_first_use(runs: int = 5) -> float:
    """Median time to import suno_nb and build a Client (pydantic + httpx2 load), in ms."""
    code = (
        "import time; t=time.perf_counter(); import suno_nb; "
        "suno_nb.Client(base_url='http://127.0.0.1:9', catalogue=False); "
        "print(time.perf_counter()-t)"
    )
    times = [
        float(
            subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
            .stdout.strip()
            .splitlines()[-1]
        )
        for _ in range(runs)
    ]
    return statistics.median(times) * 1000


_COLD = """
import sys, time
import httpx2, suno_nb.client, suno_nb.emulator.defaults
what = sys.argv[1]
t = time.perf_counter()
if what == "anchor":
    httpx2.Client(base_url="http://127.0.0.1:9")
elif what == "emulator":
    suno_nb.client.Client(catalogue=False)
else:
    suno_nb.client.Client(base_url="http://127.0.0.1:9", catalogue=False)
print((time.perf_counter() - t) * 1000)
"""


def client_cold(what: str, runs: int = 5) -> float:
    """Median ms of the first ``Client()`` in a fresh interpreter, its libraries already imported.

    ``what``: ``loopback`` (an http base URL), ``emulator`` (no token: the in-process emulator)
    or ``anchor`` (a default ``httpx2.Client()``, which builds a verified SSL context).
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACEDATACLOUD_API_")}
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", _COLD, what],
                capture_output=True,
                text=True,
                check=True,
                env=env,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        for _ in range(runs)
    ]
    return statistics.median(times)


def _rate(n: int, fn: Any) -> float:
    start = time.perf_counter()
    fn()
    return n / (time.perf_counter() - start)


def sync_rates(base: str) -> tuple[float, float, float]:
    import httpx
    import httpx2

    from suno_nb import Client

    body = {"action": "retrieve", "id": "t1"}
    with httpx.Client(base_url=base) as raw:
        raw.post("/suno/tasks", json=body)
        raw_rate = _rate(
            N_SYNC, lambda: [raw.post("/suno/tasks", json=body).json() for _ in range(N_SYNC)]
        )
    with httpx2.Client(base_url=base) as raw2:
        raw2.post("/suno/tasks", json=body)
        raw2_rate = _rate(
            N_SYNC, lambda: [raw2.post("/suno/tasks", json=body).json() for _ in range(N_SYNC)]
        )
    client = Client(base_url=base, catalogue=False)
    client.task("t1")
    ours = _rate(N_SYNC, lambda: [client.task("t1") for _ in range(N_SYNC)])
    client.close()
    return raw_rate, raw2_rate, ours


async def _gather_rate(n: int, one: Any) -> float:
    sem = asyncio.Semaphore(CONCURRENCY)

    async def bounded() -> None:
        async with sem:
            await one()

    await asyncio.gather(*(bounded() for _ in range(CONCURRENCY)))  # warm the pool
    start = time.perf_counter()
    await asyncio.gather(*(bounded() for _ in range(n)))
    return n / (time.perf_counter() - start)


async def async_rates(base: str) -> tuple[float, float, float]:
    import aiohttp
    import httpx2

    from suno_nb import AsyncClient

    body = {"action": "retrieve", "id": "t1"}
    connector = aiohttp.TCPConnector(limit=100)
    async with aiohttp.ClientSession(base_url=base, connector=connector) as session:

        async def raw_one() -> None:
            async with session.post("/suno/tasks", json=body) as r:
                await r.json()

        ceiling = await _gather_rate(N_ASYNC, raw_one)
    async with httpx2.AsyncClient(base_url=base) as plain:

        async def plain_one() -> None:
            (await plain.post("/suno/tasks", json=body)).json()

        plain_rate = await _gather_rate(N_ASYNC // 2, plain_one)
    client = AsyncClient(base_url=base, catalogue=False)

    async def ours_one() -> None:
        await client.task("t1")

    ours = await _gather_rate(N_ASYNC, ours_one)
    await client.aclose()
    return ceiling, plain_rate, ours


def run() -> list[dict]:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", _SERVER, str(port), json.dumps(RECORD)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(port)
        base = f"http://127.0.0.1:{port}"
        imp = import_time()
        first = client_first_use()
        cold_anchor = client_cold("anchor")
        cold_loopback = client_cold("loopback")
        cold_emulator = client_cold("emulator")
        raw, raw2, ours = sync_rates(base)
        ceiling, plain_async, ours_async = asyncio.run(async_rates(base))
    finally:
        server.terminate()
        server.wait(timeout=10)
    return [
        {
            "figure": "import suno_nb (median of 10 fresh interpreters)",
            "value": f"{imp:.1f} ms",
            "target": "< 250 ms",
            "ok": imp < 250,
        },
        {
            "figure": "import + first Client() (pydantic, httpx2, schema)",
            "value": f"{first:.0f} ms",
            "target": "-",
            "ok": "",
        },
        {
            "figure": "anchor: first httpx2.Client() (verified SSL context), libraries loaded",
            "value": f"{cold_anchor:.1f} ms",
            "target": "anchor",
            "ok": "",
        },
        {
            "figure": "Client() cold, loopback http base_url / anchor",
            "value": f"{cold_loopback:.2f} ms ({cold_loopback / cold_anchor:.3f})",
            "target": "<= 0.1",
            "ok": cold_loopback / cold_anchor <= 0.1,
        },
        {
            "figure": "Client() cold, in-process emulator / anchor",
            "value": f"{cold_emulator:.2f} ms ({cold_emulator / cold_anchor:.3f})",
            "target": "<= 0.25",
            "ok": cold_emulator / cold_anchor <= 0.25,
        },
        {
            "figure": "raw httpx.Client.post, sync loop",
            "value": f"{raw:,.0f} req/s",
            "target": "baseline",
            "ok": "",
        },
        {
            "figure": "raw httpx2.Client.post, sync loop",
            "value": f"{raw2:,.0f} req/s",
            "target": "-",
            "ok": "",
        },
        {
            "figure": "Client.task(id), sync loop",
            "value": f"{ours:,.0f} req/s",
            "target": "-",
            "ok": "",
        },
        {
            "figure": "Client.task / raw httpx",
            "value": f"{ours / raw:.2f}",
            "target": ">= 0.8",
            "ok": ours / raw >= 0.8,
        },
        {
            "figure": f"raw aiohttp.ClientSession, {CONCURRENCY} concurrent",
            "value": f"{ceiling:,.0f} req/s",
            "target": "ceiling",
            "ok": "",
        },
        {
            "figure": f"plain httpx2.AsyncClient, {CONCURRENCY} concurrent",
            "value": f"{plain_async:,.0f} req/s",
            "target": "-",
            "ok": "",
        },
        {
            "figure": f"AsyncClient.task(id), {CONCURRENCY} concurrent (aiohttp session)",
            "value": f"{ours_async:,.0f} req/s",
            "target": "-",
            "ok": "",
        },
        {
            "figure": "AsyncClient.task / raw aiohttp",
            "value": f"{ours_async / ceiling:.2f}",
            "target": ">= 0.5",
            "ok": ours_async / ceiling >= 0.5,
        },
    ]


if __name__ == "__main__":
    from benchmarks.__main__ import print_table

    print_table("client", run())
