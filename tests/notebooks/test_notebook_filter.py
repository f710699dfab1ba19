"""Opening, running and saving a shipped notebook on another Python leaves git seeing the committed
file: scripts/clean_notebook.py (git's clean filter for notebooks/) puts back the committed
language_info and drops outputs, and it never hides a real edit."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
FILTER = ROOT / "scripts" / "clean_notebook.py"


def saved_by_another_python(committed: Path, version: str = "3.13.2") -> str:
    """The notebook as JupyterLab saves it after a run on a kernel of another Python."""
    nb = nbformat.read(committed, as_version=4)
    nb.metadata["language_info"]["version"] = version
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    for number, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
        cell.execution_count = number + 1
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="ran\n")]
        cell.metadata["execution"] = {"iopub.status.busy": "2026-12-01T13:00:00.000Z"}
    text = nbformat.writes(nb)  # the server's own writer, as Jupyter saves it
    return text if text.endswith("\n") else text + "\n"


def run_filter(path: Path, text: str, *args: str) -> str:
    done = subprocess.run([sys.executable, str(FILTER), str(path), *args], input=text.encode(),
                          capture_output=True, check=True, cwd=ROOT)  # fmt: skip
    return done.stdout.decode()


def test_every_notebook_carries_the_kernels_full_language_info() -> None:
    # A bare {"name": "python"} is replaced by the kernel's on opening: the notebook is dirty.
    for path in NOTEBOOKS:
        info = json.loads(path.read_text())["metadata"]["language_info"]
        assert {"version", "mimetype", "codemirror_mode", "pygments_lexer"} <= set(info), path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_a_run_on_another_python_cleans_to_the_committed_bytes(path: Path) -> None:
    committed = path.read_text(encoding="utf-8")
    saved = saved_by_another_python(path)
    assert saved != committed and '"3.13.2"' in saved
    assert run_filter(path, saved, "--reference", str(path)) == committed


def test_the_filter_keeps_edits_and_passes_non_notebooks_through() -> None:
    path = NOTEBOOKS[0]
    nb = nbformat.read(path, as_version=4)
    nb.cells[0].source += "\nAn edit of my own."
    cleaned = run_filter(path, nbformat.writes(nb), "--reference", str(path))
    assert "An edit of my own." in cleaned
    assert run_filter(path, "not json {", "--reference", str(path)) == "not json {"


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """A git repository holding the notebooks, the attributes file and the filter, committed,
    with the filter registered the way ``make`` registers it."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "notebooks", repo / "notebooks")
    (repo / "scripts").mkdir()
    shutil.copy(FILTER, repo / "scripts" / FILTER.name)

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                              check=True).stdout  # fmt: skip

    git("init", "-q")
    git("config", "user.email", "t@example.invalid")
    git("config", "user.name", "t")
    git("config", "filter.suno-nb-notebook.clean", f"{sys.executable} scripts/clean_notebook.py %f")
    git("add", ".")
    git("commit", "-q", "-m", "notebooks")
    return repo


def changed_files(repo: Path) -> list[str]:
    """What git would commit: ``git diff`` compares content through the filter (``git status``
    also lists files whose size changed, as with any clean filter; ``git add`` clears those)."""
    done = subprocess.run(["git", "diff", "--name-only"], cwd=repo, capture_output=True,
                          text=True, check=True)  # fmt: skip
    return done.stdout.split()


def test_git_status_stays_clean_after_runs_on_another_python(clone: Path) -> None:
    for path in NOTEBOOKS:
        (clone / "notebooks" / path.name).write_text(saved_by_another_python(path, "3.12.9"))
    assert changed_files(clone) == []
    edited = clone / "notebooks" / NOTEBOOKS[0].name
    nb = nbformat.read(edited, as_version=4)
    nb.cells[0].source += "\nAn edit of my own."
    nbformat.write(nb, edited)
    assert changed_files(clone) == [f"notebooks/{edited.name}"]
