"""Notebook 03's listening grid in Chromium (JupyterLab 4, Notebook 7, Voilà): every player plays,
no label sits on a player, and nothing is wider than the grid or the grid than its output area."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import ALL_PLAYABLE, NO_WIDGET_ERRORS, readme_image, write_notebook
from conftest import Server, _start, free_port
from test_players_everywhere import _run_all, notebook7  # noqa: F401  (the Notebook 7 fixture)

pytestmark = pytest.mark.browser

# The grid cell of notebook 03, on a 3 × 3 sweep of short clips.
SWEEP = (
    "import suno_nb\n"
    "sweep = suno_nb.Sweep({'prompt': 'a calm lofi song about a night bus', 'duration': 10},\n"
    "    grid={'weirdness': [0.0, 0.5, 1.0], 'style_influence': [0.0, 0.5, 1.0]},\n"
    "    sweep_id='browser-grid', progress=False).run()"
)
GRID = "sweep.listening_grid(x='weirdness', y='style_influence')"

# Boxes of the grid's children: every pair apart (no label on a player), every child inside the
# grid, the grid inside the output area that holds it, no player clipping its own content.
LAYOUT = """() => {
  const grid = document.querySelector('.suno-nb-listening-grid');
  if (!grid) return ['no .suno-nb-listening-grid on the page'];
  const problems = [];
  const box = (el) => el.getBoundingClientRect();
  const name = (el) => (el.innerText || el.className || el.tagName).trim().slice(0, 40);
  const cells = [...grid.children].filter(el => box(el).width > 0 && box(el).height > 0);
  const g = box(grid);
  const holder = grid.closest('.jp-OutputArea-output, .jp-OutputArea, .jp-Cell-outputArea,'
      + ' .jp-RenderedHTMLCommon, .widget-subarea, body') || document.body;
  const h = box(holder);
  if (g.right > h.right + 1) problems.push(`grid right ${g.right} > its output area ${h.right}`);
  if (grid.scrollWidth > grid.clientWidth + 1)
    problems.push(`grid content ${grid.scrollWidth}px wider than the grid ${grid.clientWidth}px`);
  for (const el of cells) {
    const b = box(el);
    if (b.left < g.left - 1 || b.right > g.right + 1)
      problems.push(`'${name(el)}' [${b.left}, ${b.right}] outside [${g.left}, ${g.right}]`);
    if (el.scrollWidth > el.clientWidth + 1)
      problems.push(`'${name(el)}' clips: content ${el.scrollWidth}px in ${el.clientWidth}px`);
  }
  for (let i = 0; i < cells.length; i++) {
    for (let j = i + 1; j < cells.length; j++) {
      const a = box(cells[i]), b = box(cells[j]);
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const t = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 1 && t > 1) problems.push(`'${name(cells[i])}' overlaps '${name(cells[j])}'`);
    }
  }
  for (const wave of grid.querySelectorAll('.suno-nb-wave')) {
    const b = box(wave), c = box(wave.closest('.suno-nb-waveform-player') || wave.parentElement);
    if (b.right > c.right + 1) problems.push(`a player is wider (${b.width}) than its cell`);
  }
  return problems;
}"""


def _check(page: Any, shot: Path) -> None:
    try:
        page.wait_for_function(
            "() => document.querySelectorAll('.suno-nb-listening-grid .suno-nb-wave').length >= 9",
            timeout=180_000,
        )
        page.wait_for_function(ALL_PLAYABLE, timeout=60_000)
    finally:
        page.screenshot(path=str(shot.with_name("page-" + shot.name)), full_page=True)
    grid = page.locator(".suno-nb-listening-grid")
    grid.scroll_into_view_if_needed()
    grid.screenshot(path=str(shot))
    assert page.evaluate(NO_WIDGET_ERRORS)
    assert page.evaluate(LAYOUT) == []
    # a laptop window (JupyterLab's file browser still open): the three columns still fit
    page.set_viewport_size({"width": 1024, "height": 768})
    page.wait_for_timeout(500)  # let the layout and the waveforms' resize observers settle
    grid.screenshot(path=str(shot.with_name("narrow-" + shot.name)))
    assert page.evaluate(LAYOUT) == []


def test_grid_in_jupyterlab(jupyterlab: Any, page: Any, artifacts: Path) -> None:
    write_notebook(jupyterlab.root / "grid.ipynb", SWEEP, GRID)
    _run_all(page, f"{jupyterlab.url}/lab/tree/grid.ipynb?reset", "grid.ipynb")
    _check(page, artifacts / "lab-grid.png")
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.wait_for_timeout(500)  # the waveforms redraw at the wider size
    grid = page.locator(".suno-nb-listening-grid")
    grid.screenshot(path=str(readme_image("listening_grid.jpg")), type="jpeg", quality=70)


def test_grid_in_notebook7(notebook7: Any, page: Any, artifacts: Path) -> None:  # noqa: F811
    write_notebook(notebook7.root / "grid7.ipynb", SWEEP, GRID)
    _run_all(page, f"{notebook7.url}/notebooks/grid7.ipynb", "grid7.ipynb")
    _check(page, artifacts / "nb7-grid.png")


@pytest.fixture(scope="module")
def voila_grid(browser_home: Path) -> Iterator[Server]:
    folder = browser_home / "work" / "voila_grid"
    folder.mkdir(exist_ok=True)
    write_notebook(folder / "grid.ipynb", SWEEP, GRID)
    port = free_port()
    args = [sys.executable, "-m", "voila", "voila_grid/grid.ipynb", f"--port={port}",
            "--no-browser", "--Voila.ip=127.0.0.1", "--Voila.port_retries=0"]  # fmt: skip
    yield from _start(args, browser_home, port, "/static/ready-probe", "voila-grid")


def test_grid_in_voila(voila_grid: Any, page: Any, artifacts: Path) -> None:
    page.goto(voila_grid.url + "/")
    _check(page, artifacts / "voila-grid.png")
