"""Fixtures: an emulator per test (instant, short clips), a transport that counts submissions,
and an AsyncClient plus catalogue over them."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from suno_nb.catalogue import Catalogue
from suno_nb.client import AsyncClient
from suno_nb.emulator import Emulator
from suno_nb.emulator.transport import InProcessTransport

BASE = "http://suno-emulator.invalid"
SHORT = 4.0  # seconds rendered per clip: enough for onsets and chroma, quick to synthesise
GRID = {"weirdness": [0.0, 0.5, 1.0], "style_influence": [0.0, 0.5, 1.0]}
BASE_REQUEST = {"prompt": "a calm lofi song about a night bus", "duration": 10}


class CountingTransport(InProcessTransport):
    """The in-process emulator transport, counting requests by method and path."""

    def __init__(self, emulator: Emulator) -> None:
        super().__init__(emulator)
        self.calls: Counter[tuple[str, str]] = Counter()
        self.bodies: list[dict[str, Any]] = []

    def _call(self, request: Any, body: bytes) -> Any:
        key = (request.method, request.url.path)
        self.calls[key] += 1
        if key == ("POST", "/suno/audios"):
            self.bodies.append(json.loads(body or b"{}"))
        return super()._call(request, body)

    @property
    def submissions(self) -> int:
        return self.calls[("POST", "/suno/audios")]


def make_emulator(folder: Path, **settings: Any) -> Emulator:
    settings.setdefault("profile", "instant")
    settings.setdefault("max_duration", SHORT)
    return Emulator(data_dir=folder, **settings)


@pytest.fixture
def emu(tmp_path: Path) -> Iterator[Emulator]:
    emulator = make_emulator(tmp_path / "emu")
    yield emulator
    emulator.close()


@pytest.fixture
def transport(emu: Emulator) -> CountingTransport:
    return CountingTransport(emu)


@pytest.fixture
def catalogue(tmp_path: Path) -> Catalogue:
    cat = Catalogue(tmp_path / "catalogue")
    cat._sleep = lambda seconds: None  # download retries never really wait
    return cat


def fast_client(transport: InProcessTransport) -> AsyncClient:
    """An AsyncClient over ``transport`` whose retries and pauses never really wait."""
    fast = AsyncClient(
        base_url=BASE,
        transport=transport,
        catalogue=False,
        progress=False,
        poll_interval=(0.05, 0.2),
    )

    async def no_wait(seconds: float) -> None:
        return None

    fast._sleep = no_wait
    fast._download_sleep = lambda seconds: None
    return fast


@pytest.fixture
def client(transport: CountingTransport) -> AsyncClient:
    return fast_client(transport)
