"""The shipped notebooks in Chromium: opening and saving one leaves the file unchanged, and run
in JupyterLab or as a Voilà app every player on the page plays (no "Error displaying widget")."""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import ALL_PLAYABLE, NO_WIDGET_ERRORS, ROOT
from conftest import Server, _start, free_port
from test_players_everywhere import KERNEL_IDLE

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))  # every shipped one
DIRTY = """() => window.jupyterapp.shell.currentWidget.context.model.dirty"""
RAN_ALL = """() => {
  const cells = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
  return cells.length > 0 && cells.every(c => /\\[\\d+\\]/.test(c.textContent));
}"""


def _copy(into: Path) -> Path:
    into.mkdir(exist_ok=True)
    for path in NOTEBOOKS:
        shutil.copy(path, into / path.name)
    return into


def _open(page: Any, url: str, name: str) -> None:
    page.goto(url)
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    page.wait_for_function(KERNEL_IDLE, arg=name, timeout=90_000)


def _stop_kernels(page: Any, url: str) -> None:
    """Shut down every kernel through the REST API (no dialog), so two notebooks never share."""
    for kernel in page.request.get(f"{url}/api/kernels").json():
        page.request.delete(f"{url}/api/kernels/{kernel['id']}")


def test_opening_and_saving_leaves_each_notebook_unchanged(jupyterlab: Any, page: Any) -> None:
    folder = _copy(jupyterlab.root / "as_shipped")
    changed, dirtied = [], []
    for path in NOTEBOOKS:
        before = (folder / path.name).read_bytes()
        _open(page, f"{jupyterlab.url}/lab/tree/as_shipped/{path.name}?reset", path.name)
        time.sleep(1.0)  # let the kernel's language_info arrive: it is what used to dirty it
        if page.evaluate(DIRTY):
            dirtied.append(path.name)
        page.evaluate(
            "async () => { await window.jupyterapp.commands.execute('docmanager:save'); }"
        )
        after = (folder / path.name).read_bytes()
        if after != before:
            import difflib

            lines = difflib.unified_diff(before.decode().splitlines(), after.decode().splitlines(),
                                         lineterm="", n=1)  # fmt: skip
            changed.append(f"{path.name}:\n" + "\n".join(list(lines)[:40]))
        _stop_kernels(page, jupyterlab.url)
    assert not changed, "saving unchanged notebooks rewrote:\n" + "\n".join(changed)
    assert not dirtied, f"opening marks these notebooks changed: {dirtied}"


@pytest.mark.slow
def test_classroom_and_sweep_play_everything_in_jupyterlab(
    jupyterlab: Any, page: Any, artifacts: Path
) -> None:
    folder = _copy(jupyterlab.root / "run")
    for name, players in (("05_classroom.ipynb", 4), ("03_weirdness_style_sweep.ipynb", 9)):
        assert (folder / name).is_file()
        _open(page, f"{jupyterlab.url}/lab/tree/run/{name}?reset", name)
        page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
        page.wait_for_function(RAN_ALL, timeout=300_000)
        page.wait_for_function(
            f"() => document.querySelectorAll('.suno-nb-wave').length >= {players}",
            timeout=120_000,
        )
        try:
            page.wait_for_function(ALL_PLAYABLE, timeout=60_000)
        finally:
            page.screenshot(path=str(artifacts / f"lab-{name}.png"), full_page=True)
        assert page.evaluate(NO_WIDGET_ERRORS)
        _stop_kernels(page, jupyterlab.url)


@pytest.fixture(scope="module")
def voila_classroom(browser_home: Path) -> Iterator[Server]:
    folder = _copy(browser_home / "work" / "classroom")
    # Voilà reads voila.json from its working folder: progressive rendering, as shipped.
    shutil.copy(ROOT / "notebooks" / "voila.json", browser_home / "work" / "voila.json")
    port = free_port()
    args = [sys.executable, "-m", "voila", str(folder / "05_classroom.ipynb"), f"--port={port}",
            "--no-browser", "--Voila.ip=127.0.0.1", "--Voila.port_retries=0"]  # fmt: skip
    yield from _start(args, browser_home, port, "/static/ready-probe", "voila-classroom")


@pytest.mark.slow
def test_classroom_in_voila_plays_everything(
    voila_classroom: Any, page: Any, artifacts: Path
) -> None:
    started = time.monotonic()
    page.goto(voila_classroom.url + "/")
    page.wait_for_selector(".suno-nb-studio", timeout=180_000)
    first_screen = time.monotonic() - started
    page.wait_for_function(
        "() => document.querySelectorAll('.suno-nb-wave').length >= 4", timeout=180_000
    )
    try:
        page.wait_for_function(ALL_PLAYABLE, timeout=60_000)
    finally:
        page.screenshot(path=str(artifacts / "voila-classroom.png"), full_page=True)
    assert page.evaluate(NO_WIDGET_ERRORS)
    print(f"Voilà classroom: studio on screen after {first_screen:.1f} s")
