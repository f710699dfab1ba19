"""Importing the views stays cheap, and an executed notebook with players stays small."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

_HEAVY = (
    "pandas",
    "librosa",
    "matplotlib",
    "scipy",
    "ipywidgets",
    "numpy",
    "soundfile",
    "joblib",
    "lameenc",
    "numba",
)


def test_importing_the_views_loads_nothing_heavy() -> None:
    code = (
        "import sys, json, suno_nb; before = set(sys.modules);"
        "import suno_nb.features, suno_nb.plots, suno_nb.players, suno_nb.warmup;"
        "print(json.dumps(sorted(set(sys.modules) - before)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded = json.loads(result.stdout)
    heavy = [m for m in loaded if m.split(".")[0] in _HEAVY]
    assert heavy == [], f"importing the views loaded {heavy}"


@pytest.mark.slow
def test_executed_notebook_with_players_stays_small(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import nbformat
    from nbclient import NotebookClient

    for name in ("SUNO_NB_FRONTEND", "VSCODE_PID", "VSCODE_CWD", "COLAB_RELEASE_TAG"):
        monkeypatch.delenv(name, raising=False)
    notebook = nbformat.v4.new_notebook(
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        }
    )
    notebook.cells = [
        nbformat.v4.new_code_cell(
            "import numpy as np, soundfile\n"
            "t = np.arange(60 * 44100) / 44100\n"
            "tone = (0.3 * np.sin(2 * np.pi * 220 * t)).astype('float32')\n"
            "soundfile.write('song.wav', np.stack([tone, tone], axis=1), 44100)"
        ),
        nbformat.v4.new_code_cell(
            "from suno_nb.players import player\nplayer('song.wav', title='Song')"
        ),
        nbformat.v4.new_code_cell("player('song.wav', title='Song again', embed=False)"),
    ]
    NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": tmp_path}}
    ).execute()
    saved = tmp_path / "players.ipynb"
    nbformat.write(notebook, saved)

    assert (tmp_path / "song.wav").stat().st_size > 10_000_000  # 10 MB of audio...
    assert saved.stat().st_size < 50_000  # ...and a notebook of a few kB
    outputs = [o for cell in notebook.cells[1:] for o in cell.outputs]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert len(html) == 2
    assert all('<audio controls preload="metadata" src="song.wav">' in h for h in html)
