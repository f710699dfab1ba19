"""Shared bits of the browser tests: paths, the test-notebook writer, page conditions."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import nbformat

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}

# Every <audio> in the result cards has loaded metadata and a length: the browser can play it.
PLAYABLE = """(n) => {
  const audios = [...document.querySelectorAll('.suno-nb-card audio')];
  return audios.length >= n && audios.every(a => a.readyState >= 1 && a.duration > 0);
}"""


# Every <audio> on the page (waveform players included) has loaded metadata and a length.
ALL_PLAYABLE = """() => {
  const audios = [...document.querySelectorAll('audio')];
  return audios.length > 0 && audios.every(a => a.readyState >= 1 && a.duration > 0);
}"""

# No widget failed to draw ("Error displaying widget: model not found" and the like).
NO_WIDGET_ERRORS = """() => !document.body.innerText.includes('Error displaying widget')"""


def write_notebook(path: Path, *cells: str) -> Path:
    """A notebook with a kernelspec (without one JupyterLab asks which kernel to use)."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = KERNELSPEC
    nb.metadata["language_info"] = {"name": "python"}
    nb.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    nbformat.write(nb, path)
    return path


# The page's error outputs and the last lines of every output area: what a person would see.
_SHOWN = """() => [...document.querySelectorAll('.jp-OutputArea-output')]
  .map(o => o.innerText.trim()).filter(Boolean).map(t => t.slice(-400))"""


def wait_or_show(page: Any, condition: str, *, timeout: float, name: str) -> None:
    """``page.wait_for_function(condition)``; on a timeout, fail with what the notebook shows
    (its outputs, errors and tracebacks included) and a screenshot in test-artifacts/, so a
    failure in CI says why instead of only that it waited."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(condition, timeout=timeout)
    except PlaywrightTimeout:
        shot = ROOT / "test-artifacts" / f"timeout-{name}.png"
        shot.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(shot), full_page=True)
        shown = "\n---\n".join(page.evaluate(_SHOWN)) or "(no output)"
        raise AssertionError(
            f"waited {timeout / 1000:.0f} s for {condition!r}; screenshot {shot}; "
            f"the outputs:\n{shown[-6000:]}"
        ) from None


def readme_image(name: str) -> Path:
    """Where a README screenshot goes: test-artifacts/ by default, so a test run never changes
    tracked files; docs/images/ when SUNO_NB_UPDATE_SCREENSHOTS=1 (to refresh them on purpose)."""
    if os.environ.get("SUNO_NB_UPDATE_SCREENSHOTS") == "1":
        return ROOT / "docs" / "images" / name
    folder = ROOT / "test-artifacts"
    folder.mkdir(exist_ok=True)
    return folder / name
