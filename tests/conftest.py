"""Suite-wide settings: no test reaches the internet, needs a token, or writes outside tmp."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# tests/ helpers (postgres_server.py) import as top-level modules from any test folder
sys.path.insert(0, str(Path(__file__).parent))

_LIVE_TOKEN = os.environ.get("ACEDATACLOUD_API_TOKEN")


def pytest_configure(config: pytest.Config) -> None:
    # The default in-process emulator keeps state in the user's cache folder; the suite (and
    # the kernels and subprocesses it starts, which inherit this) uses a folder of its own.
    os.environ["SUNO_NB_EMULATOR_DATA_DIR"] = tempfile.mkdtemp(prefix="suno_nb_emulator_")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    skip_live = pytest.mark.skip(reason="live test: set ACEDATACLOUD_API_TOKEN to run it")
    for item in items:
        if "live" in item.keywords and not _LIVE_TOKEN:
            item.add_marker(skip_live)


@pytest.fixture(autouse=True)
def _isolated_environment(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each test gets its own catalogue home; only live tests see the real token."""
    monkeypatch.setenv("SUNO_NB_HOME", str(tmp_path_factory.mktemp("suno_home")))
    if "live" not in request.keywords:
        monkeypatch.delenv("ACEDATACLOUD_API_TOKEN", raising=False)
        monkeypatch.delenv("ACEDATACLOUD_API_BASE_URL", raising=False)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A real PostgreSQL server on 127.0.0.1 for the session (Debian's package, temp data)."""
    from postgres_server import temporary_postgres

    with temporary_postgres() as url:
        yield url


@pytest.fixture
def postgres_url(postgres_server: str, request: pytest.FixtureRequest) -> str:
    """A fresh, empty database on the session's server, named after the test."""
    import hashlib
    import re

    from postgres_server import create_database

    test = request.node.nodeid
    name = "t_" + re.sub(r"[^a-z0-9]+", "_", request.node.name.lower())[:40]
    name += "_" + hashlib.sha1(test.encode()).hexdigest()[:8]  # unique per parametrised test
    return create_database(postgres_server, name)
