"""The waveform player in Chromium: JupyterLab 4, Notebook 7 and Voilà play every player, and a
click and a drag on a card's waveform set extend's continue_at and replace_section's window."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import ALL_PLAYABLE, NO_WIDGET_ERRORS, readme_image, write_notebook
from conftest import Server, _start, free_port

pytestmark = pytest.mark.browser

KERNEL_IDLE = """(name) => {
  const app = window.jupyterapp;
  const nb = app && app.shell.currentWidget;
  const ctx = nb && nb.sessionContext;
  return !!(ctx && nb.context && nb.context.path.endsWith(name) && ctx.isReady
            && ctx.session && ctx.session.kernel
            && ctx.session.kernel.connectionStatus === 'connected'
            && ctx.session.kernel.status === 'idle');
}"""

MAKE_AUDIO = (
    "import os, numpy as np, soundfile\n"
    "t = np.arange(4 * 22050) / 22050\n"
    "tone = (0.3 * np.sin(2 * np.pi * 330 * t) * np.linspace(0, 1, t.size)).astype('float32')\n"
    "soundfile.write('song.wav', tone, 22050)\n"
    "os.makedirs('.hidden', exist_ok=True)\n"
    "soundfile.write('.hidden/b.wav', tone[::-1].copy(), 22050)"
)
PLAYERS = (
    "from suno_nb.players import player\n"
    "import ipywidgets as w\n"
    "served, sent = player('song.wav', title='served'), player('.hidden/b.wav', title='bytes')\n"
    "w.HBox([served.widget, sent.widget])"  # inside a layout: plays, unlike relative <audio>
)


def _players_notebook(root: Path) -> Path:
    return write_notebook(root / "players.ipynb", MAKE_AUDIO, PLAYERS, "served")


def _run_all(page: Any, url: str, name: str) -> None:
    page.goto(url)
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    # the notebook just opened, with its kernel ready (or a kernel dialog may open)
    page.wait_for_function(KERNEL_IDLE, arg=name, timeout=90_000)
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")


def _check_players(page: Any, count: int) -> None:
    page.wait_for_function(
        f"() => document.querySelectorAll('.suno-nb-wave').length >= {count}", timeout=60_000
    )
    page.wait_for_function(ALL_PLAYABLE, timeout=60_000)
    assert page.evaluate(NO_WIDGET_ERRORS)


def test_jupyterlab_players_play_and_picks_reach_the_panels(
    jupyterlab: Any, page: Any, artifacts: Path
) -> None:
    _players_notebook(jupyterlab.root)
    _run_all(page, f"{jupyterlab.url}/lab/tree/players.ipynb?reset", "players.ipynb")
    _check_players(page, 3)
    sources = page.evaluate(
        "() => [...document.querySelectorAll('.suno-nb-wave audio')].map(a => a.currentSrc)"
    )
    assert any("/files/song.wav" in s for s in sources)  # streamed from the server
    assert any(s.startswith("blob:") for s in sources)  # the hidden file: comm bytes

    write_notebook(
        jupyterlab.root / "card.ipynb",
        "import suno_nb\np = suno_nb.panel('generate', prompt='a calm lofi song')\np.submit()\np",
    )
    _run_all(page, f"{jupyterlab.url}/lab/tree/card.ipynb", "card.ipynb")
    try:
        page.wait_for_selector('.suno-nb-phase[data-phase="succeeded"]', timeout=120_000)
    finally:
        page.screenshot(path=str(artifacts / "lab-card.png"), full_page=True)
    _check_players(page, 2)
    card = page.locator(".suno-nb-card").first
    canvas = card.locator("canvas.suno-nb-waveform-canvas")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    duration = page.evaluate("() => document.querySelector('.suno-nb-card audio').duration")
    # a click at the middle: "at s" (and so extend's continue_at) becomes half the length
    canvas.click(position={"x": box["width"] / 2, "y": box["height"] / 2})
    at = card.locator(".suno-nb-card-at input")
    page.wait_for_function(
        "([sel, want]) => Math.abs(parseFloat(document.querySelector(sel).value) - want) < 0.6",
        arg=[".suno-nb-card-at input", duration / 2],
        timeout=20_000,
    )
    chosen = float(at.input_value())
    card.locator(".suno-nb-follow-extend").click()
    follow = page.locator(".suno-nb-panel .suno-nb-field-continue_at input").first
    follow.wait_for(timeout=30_000)
    assert float(follow.input_value()) == pytest.approx(chosen, abs=0.01)
    # a drag from 20 % to 60 %: the replace_section window
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 0.2 * box["width"], y)
    page.mouse.down()
    page.mouse.move(box["x"] + 0.4 * box["width"], y, steps=5)
    page.mouse.move(box["x"] + 0.6 * box["width"], y, steps=5)
    page.mouse.up()
    page.wait_for_function(
        "([sel, want]) => Math.abs(parseFloat(document.querySelector(sel).value) - want) < 0.6",
        arg=[".suno-nb-card-end input", 0.6 * duration],
        timeout=20_000,
    )
    start = float(card.locator(".suno-nb-card-start input").input_value())
    assert start == pytest.approx(0.2 * duration, abs=0.6)
    card.locator(".suno-nb-follow-replace_section").click()
    field = page.locator(".suno-nb-field-replace_section_start input").first
    field.wait_for(timeout=30_000)
    assert float(field.input_value()) == pytest.approx(start, abs=0.01)
    end = page.locator(".suno-nb-field-replace_section_end input").first
    assert float(end.input_value()) == pytest.approx(0.6 * duration, abs=0.6)
    page.screenshot(path=str(artifacts / "lab-card-selection.png"), full_page=True)
    # a label's text wider than its box (right-aligned labels overflow to the left, which
    # scrollWidth does not count: measure the text itself)
    cut = card.evaluate(
        "el => [...el.querySelectorAll('label, button, .widget-label')].filter(l => {"
        " if (l.offsetParent === null) return false;"
        " const r = document.createRange(); r.selectNodeContents(l);"
        " const s = getComputedStyle(l);"
        " const room = l.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);"
        " return r.getBoundingClientRect().width > room + 1; }).map(l => l.innerText)"
    )
    assert cut == [], f"labels cut in the result card: {cut}"
    outside = card.evaluate(
        "el => { const o = el.getBoundingClientRect();"
        " return [...el.querySelectorAll('label, button, input, select, canvas')]"
        " .filter(x => x.offsetParent !== null).filter(x => {"
        " const b = x.getBoundingClientRect();"
        " return b.left < o.left - 1 || b.right > o.right + 1; })"
        " .map(x => x.innerText || x.tagName); }"
    )
    assert outside == [], f"parts of the result card drawn outside it: {outside}"
    card.screenshot(path=str(readme_image("waveform_selection.jpg")), type="jpeg", quality=70)


@pytest.fixture(scope="module")
def notebook7(browser_home: Path) -> Iterator[Server]:
    """Notebook 7 on a free port (same fresh set-up as the JupyterLab fixture)."""
    port = free_port()
    args = [
        sys.executable,
        "-m",
        "notebook",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        "--ServerApp.open_browser=False",
        "--allow-root",
        "--IdentityProvider.token=",
        "--ServerApp.password=",
        f"--ServerApp.root_dir={browser_home / 'work'}",
        "--JupyterNotebookApp.expose_app_in_browser=True",
    ]
    yield from _start(args, browser_home, port, "/api/status", "notebook7")


def test_notebook7_players_play(notebook7: Any, page: Any) -> None:
    _players_notebook(notebook7.root)
    _run_all(page, f"{notebook7.url}/notebooks/players.ipynb", "players.ipynb")
    _check_players(page, 3)


@pytest.fixture(scope="module")
def voila_players(browser_home: Path) -> Iterator[Server]:
    """Voilà rendering the players notebook (Voilà serves no audio files: bytes only)."""
    folder = browser_home / "work" / "voila"
    folder.mkdir(exist_ok=True)
    _players_notebook(folder)
    port = free_port()
    args = [sys.executable, "-m", "voila", "voila/players.ipynb", f"--port={port}",
            "--no-browser", "--Voila.ip=127.0.0.1", "--Voila.port_retries=0"]  # fmt: skip
    yield from _start(args, browser_home, port, "/static/ready-probe", "voila-players")


def test_voila_players_play(voila_players: Any, page: Any) -> None:
    page.goto(voila_players.url + "/")
    _check_players(page, 3)


# VS Code's and Colab's notebook renderers cannot be started here. What they need is the path
# with no Jupyter files route: the kernel sends the bytes over the comm. Both ways in are driven
# in a real page: the kernel's own decision (front end "vscode") in JupyterLab, and a wrong
# guess (front end "jupyter" where no /files/ route exists: Voilà) that the page recovers from.
BLOBS = "() => [...document.querySelectorAll('.suno-nb-wave audio')].map(a => a.currentSrc)"


def test_vscode_decision_sends_bytes_in_jupyterlab(jupyterlab: Any, page: Any) -> None:
    as_vscode = "import suno_nb.frontend\nsuno_nb.frontend.FRONTEND = 'vscode'"
    write_notebook(jupyterlab.root / "vscode.ipynb", as_vscode, MAKE_AUDIO, PLAYERS)
    _run_all(page, f"{jupyterlab.url}/lab/tree/vscode.ipynb?reset", "vscode.ipynb")
    _check_players(page, 2)
    sources = page.evaluate(BLOBS)
    assert len(sources) == 2 and all(s.startswith("blob:") for s in sources), sources


@pytest.fixture(scope="module")
def voila_wrong_guess(browser_home: Path) -> Iterator[Server]:
    """Voilà with the kernel told it runs under a Jupyter server (as VS Code attached to a remote
    server may be): the player asks for /files/, which Voilà does not serve."""
    folder = browser_home / "work" / "wrong_guess"
    folder.mkdir(exist_ok=True)
    as_jupyter = "import suno_nb.frontend\nsuno_nb.frontend.FRONTEND = 'jupyter'"
    write_notebook(folder / "players.ipynb", as_jupyter, MAKE_AUDIO, PLAYERS)
    port = free_port()
    args = [sys.executable, "-m", "voila", "wrong_guess/players.ipynb", f"--port={port}",
            "--no-browser", "--Voila.ip=127.0.0.1", "--Voila.port_retries=0"]  # fmt: skip
    yield from _start(args, browser_home, port, "/static/ready-probe", "voila-wrong-guess")


def test_a_files_url_that_fails_falls_back_to_bytes(voila_wrong_guess: Any, page: Any) -> None:
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if "/files/" in r.url and not r.ok else 0)
    page.goto(voila_wrong_guess.url + "/")
    _check_players(page, 2)
    assert any("/files/" in url and "song.wav" in url for url in failed)  # it did try the route
    sources = page.evaluate(BLOBS)
    assert len(sources) == 2 and all(s.startswith("blob:") for s in sources), sources
