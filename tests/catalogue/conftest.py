"""Fixtures for catalogue tests: a catalogue in tmp, the small audio service, a client on it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from catalogue_service import BASE_URL, AudioService

from suno_nb.catalogue import Catalogue
from suno_nb.client import Client

TOKEN = "sk-catalogue-test-TOKEN-7f3a9c"


def make_client(service: AudioService, catalogue: Any, **options: Any) -> Client:
    client = Client(
        token=TOKEN,
        base_url=BASE_URL,
        transport=service.transport(),
        poll_interval=(0.0, 0.0),
        catalogue=catalogue,
        progress=False,
        **options,
    )
    client._sleep = lambda seconds: None  # polls never really wait
    client._download_sleep = lambda seconds: None  # type: ignore[method-assign]
    return client


@pytest.fixture
def service() -> AudioService:
    return AudioService()


@pytest.fixture
def catalogue(tmp_path: Path) -> Catalogue:
    cat = Catalogue(tmp_path / "cat")
    cat._sleep = lambda seconds: None
    yield cat
    cat.close()


@pytest.fixture
def client(service: AudioService, catalogue: Catalogue) -> Client:
    with make_client(service, catalogue) as c:
        yield c


@pytest.fixture
def generated(client: Client, catalogue: Catalogue) -> Callable[..., Any]:
    """``generated(**fields)`` runs a generate to completion and returns the task."""

    def run(**fields: Any) -> Any:
        fields.setdefault("prompt", "a calm lofi song about a night bus")
        return client.generate(**fields)

    return run
