"""Fixtures: a client over an in-process emulator (instant or quick profile), no catalogue."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from suno_nb.client import Client
from suno_nb.emulator import Emulator, inprocess_transport

BASE = "http://suno-emulator.invalid"


def _client(tmp_path, profile: str) -> Iterator[tuple[Client, Emulator]]:
    emu = Emulator(profile=profile, data_dir=tmp_path / "emu", max_duration=12.0)
    client = Client(transport=inprocess_transport(emu), base_url=BASE, catalogue=False)
    yield client, emu
    client.close()
    emu.close()


@pytest.fixture
def studio(tmp_path) -> Iterator[tuple[Client, Emulator]]:
    """Client and emulator where every task is done as soon as it is asked about."""
    yield from _client(tmp_path, "instant")
