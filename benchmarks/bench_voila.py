"""Voilà first screen: seconds from asking for the classroom app to seeing its studio.

Serves a copy of ``notebooks/05_classroom.ipynb`` with Voilà (on the instant emulator, a fresh
catalogue) and opens it in Debian's Chromium (Playwright, as the browser tests do). "first
screen" is when the studio is on the page, "every player" when every ``<audio>`` on the page
has loaded its metadata. The anchor, measured in the same run, is Voilà showing a one-cell
notebook (``print("hi")``): the cost of Voilà, a kernel and the browser themselves. Rows for
Voilà's default (the page arrives once every cell has run) and progressive rendering (cells
appear as they run). Target: the classroom's first screen within 5 s and within 3x the anchor.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
TARGET_SECONDS = 5.0
TARGET_RATIO = 3.0
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def run() -> list[dict[str, Any]]:
    """Time the anchor and the classroom, default and progressive; one row each.

    Example:
        >>> rows = run()  # doctest: +SKIP
    """
    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing: scripts/setup_system.sh installs it")
    import nbformat
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory(prefix="bench_voila_") as folder, sync_playwright() as p:
        work = Path(folder)
        shutil.copy(ROOT / "notebooks" / "05_classroom.ipynb", work / "classroom.ipynb")
        anchor = nbformat.v4.new_notebook(metadata={"kernelspec": KERNELSPEC})
        anchor.cells = [nbformat.v4.new_code_cell('print("hi")')]
        nbformat.write(anchor, work / "anchor.ipynb")
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        try:
            for progressive in (False, True):
                mode = "progressive" if progressive else "default"
                base = _first_screen(browser, work, "anchor.ipynb", "pre", progressive)[0]
                first, players = _first_screen(
                    browser, work, "classroom.ipynb", ".suno-nb-studio", progressive
                )
                rows.append(
                    {
                        "rendering": mode,
                        "anchor s (1-cell notebook)": base,
                        "classroom first screen s": first,
                        "every player s": players,
                        "ratio": first / base,
                        "target": f"<= {TARGET_SECONDS:g} s and <= {TARGET_RATIO:g}x",
                        "met": first <= TARGET_SECONDS and first / base <= TARGET_RATIO,
                    }
                )
        finally:
            browser.close()
    return rows


def _first_screen(
    browser: Any, work: Path, name: str, selector: str, progressive: bool
) -> tuple[float, float]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_"))}
    env.pop("ACEDATACLOUD_API_TOKEN", None)
    home = Path(tempfile.mkdtemp(prefix="home_", dir=work))
    env.update(SUNO_NB_HOME=str(home / "catalogue"), SUNO_NB_EMULATOR_PROFILE="instant",
               JUPYTER_CONFIG_DIR=str(home / "config"), PYTHONPATH=str(ROOT))  # fmt: skip
    args = [sys.executable, "-m", "voila", name, f"--port={port}", "--no-browser",
            "--Voila.ip=127.0.0.1", "--Voila.port_retries=0",
            f"--VoilaConfiguration.progressive_rendering={progressive}"]  # fmt: skip
    server = subprocess.Popen(args, cwd=work, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        _wait_up(f"http://127.0.0.1:{port}/static/ready-probe", server)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        started = time.perf_counter()
        page.goto(f"http://127.0.0.1:{port}/", timeout=300_000)
        page.wait_for_selector(selector, timeout=300_000)
        first = time.perf_counter() - started
        if selector == ".suno-nb-studio":
            page.wait_for_function(
                "() => { const a = [...document.querySelectorAll('audio')];"
                " return a.length >= 4 && a.every(x => x.readyState >= 1 && x.duration > 0); }",
                timeout=300_000,
            )
        every = time.perf_counter() - started
        page.close()
        return first, every
    finally:
        server.terminate()
        server.wait(20)


def _wait_up(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("voila exited early")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError as exc:
            if exc.code < 500:  # any answer means the server is up
                return
        except OSError:
            time.sleep(0.2)  # the server is starting
    raise TimeoutError(f"{url} did not answer in 90 s")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
