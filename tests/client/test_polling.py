"""Polling: the emulator's Retry-After hints against the documented schedule, one policy."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import pytest

from suno_nb import _http
from suno_nb.client import EMULATOR_BASE_URL, AsyncClient, Client
from suno_nb.client_steps import MIN_POLL_PAUSE, Core
from suno_nb.emulator import Emulator
from suno_nb.emulator.transport import InProcessTransport
from suno_nb.errors import GenerationTimeout


class _Clock:
    """The emulator's clock, moved on by the client's sleeps: no test really waits."""

    def __init__(self) -> None:
        self.now = 1_700_000_000.0
        self.pauses: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.pauses.append(seconds)
        self.now += seconds


@pytest.fixture
def clock() -> _Clock:
    return _Clock()


@pytest.fixture
def emulator(clock: _Clock, tmp_path: Any) -> Any:
    emu = Emulator(profile="quick", data_dir=tmp_path, clock=clock, render_workers=0)
    yield emu
    emu.close()


def _sync_client(emulator: Emulator, clock: _Clock, **options: Any) -> Client:
    client = Client(
        base_url=EMULATOR_BASE_URL, transport=InProcessTransport(emulator), catalogue=False
    ).with_options(**options)
    client._sleep = clock.sleep
    return client


def test_emulator_is_polled_when_each_stage_ends(emulator: Emulator, clock: _Clock) -> None:
    task = _sync_client(emulator, clock).generate("a calm song", wait=True)
    assert task.done
    # quick profile: pending 0.4 s, running 1.1 s; each hint lands 10 ms after the change
    assert clock.pauses == pytest.approx([0.41, 1.1], abs=0.002)


def test_without_hints_the_documented_schedule_is_kept(emulator: Emulator, clock: _Clock) -> None:
    task = _sync_client(emulator, clock, poll_hints=False).generate("a calm song")
    assert task.done
    assert clock.pauses == pytest.approx([0.5, 0.8, 1.28])


def test_async_client_follows_the_same_hints(emulator: Emulator, clock: _Clock) -> None:
    async def run() -> list[float]:
        client = AsyncClient(
            base_url=EMULATOR_BASE_URL, transport=InProcessTransport(emulator), catalogue=False
        )

        async def sleep(seconds: float) -> None:
            clock.sleep(seconds)

        client._sleep = sleep
        task = await client.generate("a calm song")
        assert task.done
        return clock.pauses

    assert asyncio.run(run()) == pytest.approx([0.41, 1.1], abs=0.002)


def _hinting_service(hint: str) -> Any:
    """A fake service whose task reads carry ``Retry-After: hint`` until the third read."""
    reads = {"n": 0}

    def handle(request: _http.Request) -> _http.Response:
        if request.url.path == "/suno/audios":
            return _http.Response(200, json={"task_id": "t1"})
        reads["n"] += 1
        done = reads["n"] >= 3
        clip = {"id": "c1", "state": "succeeded" if done else "pending"}
        body = {"id": "t1", "response": {"success": True, "data": [clip]} if done else None}
        return _http.Response(200, json=body, headers={"retry-after": hint})

    return _http.MockTransport(handle)


@pytest.mark.parametrize(
    ("base_url", "expected"),
    [
        ("https://api.acedata.cloud", [0.5, 0.8]),  # the real service: the schedule
        ("http://127.0.0.1:8787", [0.3, 0.3]),  # `suno-nb emulator` on loopback: its hints
        ("http://localhost:8787", [0.3, 0.3]),
    ],
)
def test_hints_are_followed_only_from_the_emulator(base_url: str, expected: list[float]) -> None:
    pauses: list[float] = []
    client = Client(base_url=base_url, token="t", transport=_hinting_service("0.3"),
                    catalogue=False)  # fmt: skip
    client._sleep = pauses.append
    assert client.generate("p").done
    assert pauses == pytest.approx(expected)


@pytest.mark.parametrize(("hint", "pause"), [(0.0, MIN_POLL_PAUSE), (0.3, 0.3), (99.0, 4.0)])
def test_a_hint_is_kept_between_the_shortest_and_the_longest_pause(
    hint: float, pause: float
) -> None:
    core = Core(base_url=EMULATOR_BASE_URL)
    assert core.poll_pause(0.5, hint) == pause
    assert core.poll_pause(0.5, None) == 0.5


def test_a_hint_never_outlasts_the_wait_timeout(emulator: Emulator, clock: _Clock) -> None:
    # The deadline runs on the real clock (the fake one only moves the emulator): no pause
    # may reach past it, although the emulator's first hint is 0.41 s.
    client = _sync_client(emulator, clock, timeout=0.2)
    with contextlib.suppress(GenerationTimeout):  # a slow machine may reach the deadline
        client.generate("a calm song")
    assert clock.pauses and max(clock.pauses) <= 0.2
