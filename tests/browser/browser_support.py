"""Shared bits of the browser tests: paths, the test-notebook writer, page conditions."""

from __future__ import annotations

import os
from pathlib import Path

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


def readme_image(name: str) -> Path:
    """Where a README screenshot goes: test-artifacts/ by default, so a test run never changes
    tracked files; docs/images/ when SUNO_NB_UPDATE_SCREENSHOTS=1 (to refresh them on purpose)."""
    if os.environ.get("SUNO_NB_UPDATE_SCREENSHOTS") == "1":
        return ROOT / "docs" / "images" / name
    folder = ROOT / "test-artifacts"
    folder.mkdir(exist_ok=True)
    return folder / name
