"""Without aiohttp (the ``[fast]`` extra) the async client talks through httpx2, silently."""

from __future__ import annotations

import asyncio
import sys

import pytest

from suno_nb import _http
from suno_nb.client import AsyncClient

pytest.importorskip("uvicorn", reason="the emulator server needs the [server] extra")


@pytest.fixture
def no_aiohttp(monkeypatch: pytest.MonkeyPatch) -> None:
    # None in sys.modules makes `import aiohttp` fail as if it were not installed.
    for name in [m for m in sys.modules if m == "aiohttp" or m.startswith("aiohttp.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "aiohttp", None)


def test_without_aiohttp_the_async_client_uses_httpx2(no_aiohttp: None) -> None:
    assert not _http.has_aiohttp()
    client = _http.make_async_client("http://127.0.0.1:9", timeout=5)
    assert isinstance(client, _http.AsyncClient)


def test_without_aiohttp_a_loopback_emulator_server_still_answers(
    no_aiohttp: None, tmp_path
) -> None:
    from suno_nb.emulator import server

    url = server.start(profile="quick", data_dir=tmp_path)
    pauses: list[float] = []

    async def run() -> None:
        client = AsyncClient(base_url=url, catalogue=False)

        async def sleep(seconds: float) -> None:
            pauses.append(seconds)
            await asyncio.sleep(seconds)

        client._sleep = sleep
        task = await client.generate("a calm song about a night bus")
        assert task.done and len(task.clips) == 2
        assert isinstance(client._client_for_loop(), _http.AsyncClient)
        audio = await client._client_for_loop().get(task.clips[0].audio_url)
        assert audio.status_code == 200 and audio.content[:2] in (b"ID", b"\xff\xfb")
        await client.aclose()

    try:
        asyncio.run(run())
    finally:
        server.stop()
    # A loopback emulator's hints pace the polls: at most the 0.4 s queue stage plus 10 ms
    # (less on a busy machine, where the answer comes later), not the schedule's first 0.5 s.
    assert pauses and 0.0 < pauses[0] <= 0.45, pauses


def test_with_aiohttp_the_network_path_is_the_lean_session() -> None:
    pytest.importorskip("aiohttp")
    client = _http.make_async_client("http://127.0.0.1:9", timeout=5)
    assert isinstance(client, _http.AiohttpSession)
