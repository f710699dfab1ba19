"""Helpers for the notebook tests: where the notebooks are, and running one headless.

Named uniquely (not ``conftest``) so other test folders can never import a namesake.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
NOTEBOOK_PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
NOTEBOOK_NAMES = [path.stem for path in NOTEBOOK_PATHS]
EXPECTED = [
    "01_quickstart",
    "02_every_action",
    "03_weirdness_style_sweep",
    "04_catalogue_and_features",
    "05_classroom",
    "06_async_streaming_callbacks",
    "07_exports",
]
# Variables that would send a notebook to the paid service, or point it elsewhere.
_SERVICE_VARIABLES = ("ACEDATACLOUD_API_TOKEN", "ACEDATACLOUD_API_BASE_URL", "SUNO_NB_HOME")


def copy_notebooks(target: Path) -> Path:
    """A private copy of ``notebooks/`` (without local catalogues) to run in."""
    folder = target / "notebooks"
    folder.mkdir(parents=True, exist_ok=True)
    for path in NOTEBOOK_PATHS:
        shutil.copy2(path, folder / path.name)
    shutil.copy2(NOTEBOOKS / "voila.json", folder / "voila.json")  # progressive rendering
    return folder


def kernel_environment() -> dict[str, str]:
    """The test's environment minus anything that could reach the real service."""
    env = {k: v for k, v in os.environ.items() if k not in _SERVICE_VARIABLES}
    env["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    return env


def execute(
    path: Path,
    *,
    kernel_name: str = "python3",
    timeout: int = 240,
    extra_arguments: list[str] | None = None,
    env: dict[str, str] | None = None,
) -> tuple[nbformat.NotebookNode, float]:
    """Run every cell of ``path`` in its own folder; raise on the first cell error.

    ``env``: variables added to the kernel's environment. Returns the executed notebook and
    the wall time in seconds.
    """
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name=kernel_name,
        resources={"metadata": {"path": str(path.parent)}},
        allow_errors=False,
        extra_arguments=extra_arguments or [],
    )
    started = time.perf_counter()
    client.execute(env={**kernel_environment(), **(env or {})})
    return notebook, time.perf_counter() - started


def error_outputs(notebook: nbformat.NotebookNode) -> list[str]:
    """Tracebacks and stderr warnings that would worry a student, per cell."""
    found = []
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                found.append(f"cell {index}: {output.get('ename')}: {output.get('evalue')}")
    return found
