"""Suite-wide settings: no test reaches the internet, needs a token, or writes outside tmp."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# tests/ helpers (postgres_server.py) import as top-level modules from any test folder
sys.path.insert(0, str(Path(__file__).parent))

_LIVE_TOKEN = os.environ.get("ACEDATACLOUD_API_TOKEN")


_EMULATOR_DIR: str | None = None
_REPORTS = pytest.StashKey[dict[str, pytest.TestReport]]()


def pytest_configure(config: pytest.Config) -> None:
    # The default in-process emulator keeps state in the user's cache folder; the suite (and
    # the kernels and subprocesses it starts, which inherit this) uses a folder of its own,
    # kept small (renderings past the limit are made again when needed) and removed at the end.
    global _EMULATOR_DIR
    _EMULATOR_DIR = tempfile.mkdtemp(prefix="suno_nb_emulator_")
    os.environ["SUNO_NB_EMULATOR_DATA_DIR"] = _EMULATOR_DIR
    os.environ.setdefault("SUNO_NB_EMULATOR_CACHE_MB", "400")


def pytest_unconfigure(config: pytest.Config) -> None:
    if _EMULATOR_DIR:
        shutil.rmtree(_EMULATOR_DIR, ignore_errors=True)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> pytest.TestReport:
    report = yield
    item.stash.setdefault(_REPORTS, {})[report.when] = report
    return report


def _passed(item: pytest.Item) -> bool:
    reports = item.stash.get(_REPORTS, {})
    return bool(reports) and all(r.passed or r.skipped for r in reports.values())


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    skip_live = pytest.mark.skip(reason="live test: set ACEDATACLOUD_API_TOKEN to run it")
    for item in items:
        if "live" in item.keywords and not _LIVE_TOKEN:
            item.add_marker(skip_live)
    # The longest work first, so that on two workers neither is left for the end: the Binder
    # test (one worker), then the frontends (the other), then everything else (make test keeps
    # this order with xdist's --no-loadscope-reorder).
    items.sort(key=lambda item: _start_order(item.nodeid))


def _start_order(nodeid: str) -> int:
    if nodeid.startswith(_ON_ITS_OWN):
        return 0
    return 1 if nodeid.startswith(_FRONTENDS) else 2


# ``make test`` runs the suite on two workers (pytest-xdist ``-n 2``). Each test file goes to one
# worker whole (its module fixtures are made once), and the browser and notebook tests all go to
# the same worker, one after another: each starts Jupyter servers, kernels and a browser, which
# want a core of their own. The Binder test (a pip install, then two notebooks in that venv, no
# browser) is left to either worker: it is the longest test, and timing does not matter to it.
# (A scheduler, not ``xdist_group`` marks: with pytest 9 xdist's ``loadgroup`` no longer sees them.)
_FRONTENDS = ("tests/browser/", "tests/notebooks/")
_ON_ITS_OWN = ("tests/notebooks/test_binder.py",)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    from xdist.scheduler import LoadScopeScheduling

    class FilesAndFrontends(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            if path.startswith(_FRONTENDS) and path not in _ON_ITS_OWN:
                return "frontends"
            return path

    return FilesAndFrontends(config, log)


@pytest.fixture(autouse=True)
def _isolated_environment(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[None]:
    """Each test gets its own catalogue home; only live tests see the real token.

    A test that passed leaves nothing on disk: its home goes as soon as it ends, as its
    ``tmp_path`` does (``tmp_path_retention_policy = "failed"``): a full suite writes GBs of
    audio and a CI disk is small. A failed test's folders stay for a look."""
    home = tmp_path_factory.mktemp("suno_home")
    monkeypatch.setenv("SUNO_NB_HOME", str(home))
    if "live" not in request.keywords:
        monkeypatch.delenv("ACEDATACLOUD_API_TOKEN", raising=False)
        monkeypatch.delenv("ACEDATACLOUD_API_BASE_URL", raising=False)
    yield
    if _passed(request.node):
        shutil.rmtree(home, ignore_errors=True)


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
