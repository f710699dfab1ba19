"""Real-browser fixtures: JupyterLab or Voilà on 127.0.0.1 and Debian's Chromium via Playwright.

Everything is fresh per session (config, workspace, settings, runtime and catalogue folders),
so a developer's own Jupyter set-up cannot change what the tests see. The browser is the
system's ``/usr/bin/chromium`` installed by ``scripts/setup_system.sh``, never a downloaded one.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import CHROMIUM, ROOT, write_notebook

FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "test-artifacts"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(
        reason=f"{CHROMIUM} is missing: run scripts/setup_system.sh (make test does) to install "
        "Debian's chromium"
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_"))}
    env.update(
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        JUPYTER_DATA_DIR=str(home / "data"),
        IPYTHONDIR=str(home / "ipython"),
        SUNO_NB_HOME=str(home / "catalogue"),
        SUNO_NB_EMULATOR_PROFILE="instant",
        PYTHONPATH=str(ROOT),
    )
    # The kernel is this virtualenv's python: its kernelspec lives under sys.prefix. A test may
    # put another kernelspec of the same name in the session's data folder, searched first.
    env["JUPYTER_PATH"] = os.pathsep.join(
        [str(home / "data"), str(Path(sys.prefix) / "share" / "jupyter")]
    )
    env.pop("ACEDATACLOUD_API_TOKEN", None)
    env.pop("ACEDATACLOUD_API_BASE_URL", None)
    return env


def _wait_http(url: str, process: subprocess.Popen[bytes], log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early; log:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError as exc:
            if exc.code < 500:  # any answer means the server is up
                return
        except OSError:
            pass
        time.sleep(0.2)  # polling a server that is starting, not synchronising the test
    raise TimeoutError(f"{url} did not answer in {timeout} s; log:\n{log.read_text()[-3000:]}")


class Server:
    """A running JupyterLab or Voilà: its base URL and its folder."""

    def __init__(self, url: str, root: Path, process: subprocess.Popen[bytes]) -> None:
        self.url = url
        self.root = root
        self.process = process


def _start(args: list[str], home: Path, port: int, probe: str, name: str) -> Iterator[Server]:
    log = home / f"{name}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            args, cwd=home / "work", env=_environment(home), stdout=out, stderr=subprocess.STDOUT
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_http(url + probe, process, log, timeout=90)
        yield Server(url, home / "work", process)
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def browser_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("browser")
    for sub in ("config", "runtime", "data", "ipython", "catalogue", "work", "ws", "settings"):
        (home / sub).mkdir()
    # No "get Jupyter news?" toast over the screenshots.
    notification = home / "settings" / "@jupyterlab" / "apputils-extension"
    notification.mkdir(parents=True)
    (notification / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    return home


@pytest.fixture(scope="module")
def jupyterlab(browser_home: Path) -> Iterator[Server]:
    """JupyterLab 4 on a free port: no token, root allowed, fresh workspace and settings."""
    port = free_port()
    args = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        "--ServerApp.open_browser=False",
        "--allow-root",
        "--IdentityProvider.token=",
        "--ServerApp.password=",
        f"--ServerApp.root_dir={browser_home / 'work'}",
        f"--LabApp.workspaces_dir={browser_home / 'ws'}",
        f"--LabApp.user_settings_dir={browser_home / 'settings'}",
        "--LabApp.expose_app_in_browser=True",
        "--LabApp.news_url=",
        "--LabServerApp.announcements_url=",
    ]
    yield from _start(args, browser_home, port, "/api/status", "jupyterlab")


@pytest.fixture(scope="module")
def voila_studio(browser_home: Path) -> Iterator[Server]:
    """Voilà serving a notebook that shows ``suno_nb.studio()`` as a standalone app."""
    write_notebook(browser_home / "work" / "studio.ipynb", "import suno_nb\nsuno_nb.studio()")
    port = free_port()
    args = [
        sys.executable,
        "-m",
        "voila",
        "studio.ipynb",
        f"--port={port}",
        "--no-browser",
        "--Voila.ip=127.0.0.1",
        "--Voila.port_retries=0",
    ]
    yield from _start(args, browser_home, port, "/static/ready-probe", "voila")


@pytest.fixture(scope="module")
def voila_listening(browser_home: Path) -> Iterator[Server]:
    """Voilà serving a blind listening test over a small emulator sweep (one shared catalogue)."""
    write_notebook(
        browser_home / "work" / "listening.ipynb",
        "import suno_nb\n"
        "sweep = suno_nb.Sweep({'prompt': 'a calm lofi song', 'duration': 10},\n"
        "    grid={'weirdness': [0.0, 0.5, 1.0]}, sweep_id='browser-listening',\n"
        "    progress=False).run()\n"
        "test = sweep.listening_test('which_higher', raters=['ana', 'ben'], max_pairs=3)\n"
        "test.widget()",
    )
    port = free_port()
    args = [
        sys.executable,
        "-m",
        "voila",
        "listening.ipynb",
        f"--port={port}",
        "--no-browser",
        "--Voila.ip=127.0.0.1",
        "--Voila.port_retries=0",
    ]
    yield from _start(args, browser_home, port, "/static/ready-probe", "voila-listening")


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(60_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
