"""Fixtures for catalogue tests: a catalogue in tmp, the small audio service, a client on it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from catalogue_service import AudioService, make_client

from suno_nb.catalogue import Catalogue
from suno_nb.client import Client


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
