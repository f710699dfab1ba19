"""suno_nb.Client() with no token generates offline through the default in-process emulator."""

from __future__ import annotations

import asyncio

import pytest

import suno_nb.emulator.defaults as defaults
from suno_nb.client import AsyncClient, Client
from tests.emulator.conftest import SHORT


@pytest.fixture
def offline(monkeypatch, tmp_path):
    monkeypatch.delenv("ACEDATACLOUD_API_TOKEN", raising=False)
    monkeypatch.delenv("ACEDATACLOUD_API_BASE_URL", raising=False)
    previous = defaults._default
    emu = defaults.configure_default(profile="instant", data_dir=tmp_path, max_duration=SHORT)
    yield emu
    defaults._default = previous
    emu.close()


def test_client_without_token_generates_two_clips(offline) -> None:
    with Client(progress=False) as client:
        assert client.service == "emulator"
        task = client.generate("a calm lofi song about a night bus")
        assert task.state == "succeeded" and len(task.clips) == 2
        clip = task.clips[0]
        assert clip.audio_url.startswith("http://suno-emulator.invalid/files/")
        assert 0 < clip.duration <= SHORT + 0.5
        again = client.task(task.task_id)
        assert [c.id for c in again.clips] == [c.id for c in task.clips]


def test_async_client_without_token(offline) -> None:
    async def main():
        async with AsyncClient(progress=False) as client:
            return await client.generate("surf rock", wait=True)

    task = asyncio.run(main())
    assert task.state == "succeeded" and len(task.clips) == 2


def test_client_stream_mode(offline) -> None:
    with Client(progress=False, wait_mode="stream") as client:
        task = client.generate("synthwave")
        assert task.state == "succeeded" and task.trace_id
