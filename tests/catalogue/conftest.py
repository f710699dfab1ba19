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


# The catalogue's contract holds on every store backend: these test files run twice, on a
# sqlite folder and on a real PostgreSQL server (tests/postgres_server.py).
BOTH_BACKENDS = {
    "test_recording",
    "test_table",
    "test_views",
    "test_claims",
    "test_copy",
    "test_answers",
}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "catalogue" in metafunc.fixturenames and "backend" not in metafunc.fixturenames:
        both = metafunc.module.__name__.rpartition(".")[2] in BOTH_BACKENDS
        metafunc.parametrize(
            "store_backend", ["sqlite", "postgresql"] if both else ["sqlite"], indirect=True
        )


@pytest.fixture
def store_backend(request: pytest.FixtureRequest) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture
def catalogue(tmp_path: Path, store_backend: str, request: pytest.FixtureRequest) -> Catalogue:
    if store_backend == "postgresql":
        url = request.getfixturevalue("postgres_url")
        cat = Catalogue(url, files=tmp_path / "cat")
    else:
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
