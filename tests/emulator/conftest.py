"""Fixtures: an emulator core per test (instant or quick profile) and HTTP clients over it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from suno_nb import _http
from suno_nb.emulator import Emulator, inprocess_transport

BASE = "http://suno-emulator.invalid"
SHORT = 12.0  # seconds of music per clip: enough for voices (>= 10 s), fast to render


@pytest.fixture
def emu(tmp_path) -> Iterator[Emulator]:
    emulator = Emulator(profile="instant", data_dir=tmp_path / "emu", max_duration=SHORT)
    yield emulator
    emulator.close()


@pytest.fixture
def http(emu: Emulator) -> Iterator[_http.Client]:
    with _http.Client(transport=inprocess_transport(emu), base_url=BASE) as client:
        yield client
