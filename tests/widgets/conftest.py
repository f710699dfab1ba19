"""Fixtures for widget tests: panels over the scripted fake or an instant emulator, no kernel."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fakes import FakeSuno

from suno_nb.catalogue import Catalogue
from suno_nb.client import Client

BASE = "https://api.test"


@pytest.fixture
def fake() -> FakeSuno:
    return FakeSuno()


@pytest.fixture
def catalogue(tmp_path: Path) -> Iterator[Catalogue]:
    cat = Catalogue(tmp_path / "catalogue")
    cat._sleep = lambda s: None  # download retries of the fake's cdn URLs never really wait
    yield cat
    cat.close()


@pytest.fixture
def client(fake: FakeSuno, catalogue: Catalogue) -> Client:
    made = Client(transport=fake.transport(), base_url=BASE, catalogue=catalogue)
    made._sleep = lambda s: None
    made._download_sleep = lambda s: None
    return made


@pytest.fixture
def emulated(tmp_path: Path, catalogue: Catalogue) -> Iterator[Client]:
    """A client over a private emulator: instant tasks with short clips, recorded in catalogue."""
    from suno_nb.emulator import Emulator, inprocess_transport

    emulator = Emulator(profile="instant", data_dir=tmp_path / "emu", max_duration=12.0)
    made = Client(
        transport=inprocess_transport(emulator),
        base_url="http://suno-emulator.invalid",
        catalogue=catalogue,
    )
    yield made
    made.close()
    emulator.close()
