"""The async network path (aiohttp session behind _http) over a real socket on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
import socket

import pytest

from suno_nb import errors
from suno_nb.client import AsyncClient

web = pytest.importorskip("aiohttp.web", reason="the [fast] extra's aiohttp serves these tests")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _serve(handler) -> tuple[web.AppRunner, str]:
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    port = _free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    return runner, f"http://127.0.0.1:{port}"


def test_submit_poll_and_stream_over_a_socket() -> None:
    polls = {"n": 0}

    async def handler(request: web.Request) -> web.StreamResponse:
        body = await request.json()
        if request.path == "/suno/tasks":
            polls["n"] += 1
            done = polls["n"] > 1
            clip = {
                "id": "c1",
                "state": "succeeded" if done else "running",
                "audio_url": "http://x/c1.mp3",
                "duration": 3.0 if done else None,
            }
            resp = {"task_id": "t1", "data": [clip]}
            if done:
                resp["success"] = True
            return web.json_response({"id": "t1", "response": resp})
        if request.headers.get("accept") == "application/x-ndjson":
            stream = web.StreamResponse(headers={"content-type": "application/x-ndjson"})
            await stream.prepare(request)
            for state in ("pending", "running", "succeeded"):
                snap = {"task_id": "t2", "data": [{"id": "c", "state": state}]}
                if state == "succeeded":
                    snap |= {"success": True, "trace_id": "tr"}
                await stream.write((json.dumps(snap) + "\n").encode())
                await asyncio.sleep(0.01)
            return stream
        assert body["async"] is True
        return web.json_response({"task_id": "t1"})

    async def run() -> None:
        runner, base = await _serve(handler)
        try:
            client = AsyncClient(base_url=base, catalogue=False, poll_interval=(0.01, 0.02))
            task = await client.generate("p")
            assert task.done and task.clips[0].duration == 3.0
            states = []
            streaming = client.with_options(wait_mode="stream")
            t2 = await streaming.generate("p", on_progress=lambda p: states.append(p.state))
            assert states == ["pending", "running", "succeeded"] and t2.trace_id == "tr"
            await client.aclose()
        finally:
            await runner.cleanup()

    asyncio.run(run())


def test_refused_connection_means_nothing_was_sent() -> None:
    async def run() -> None:
        client = AsyncClient(base_url=f"http://127.0.0.1:{_free_port()}", catalogue=False)
        with pytest.raises(errors.APIConnectionError, match="nothing was sent") as info:
            await client.generate("p")
        assert not isinstance(info.value, errors.SubmissionUncertain)
        await client.aclose()

    asyncio.run(run())


def test_dropped_connection_after_sending_is_uncertain_and_not_resent() -> None:
    seen = {"n": 0}

    async def handler(request: web.Request) -> web.StreamResponse:
        seen["n"] += 1
        await request.read()
        request.transport.close()  # drop without answering
        return web.Response()

    async def run() -> None:
        runner, base = await _serve(handler)
        try:
            client = AsyncClient(base_url=base, catalogue=False)
            with pytest.raises(errors.SubmissionUncertain):
                await client.generate("p")
            assert seen["n"] == 1
            await client.aclose()
        finally:
            await runner.cleanup()

    asyncio.run(run())
