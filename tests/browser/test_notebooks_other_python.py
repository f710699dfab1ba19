"""Every shipped notebook opened, run and saved in JupyterLab on a kernel that reports another
Python (3.12.99): the saved file differs, but git's clean filter for notebooks/ turns it back
into the committed bytes, so the user's checkout stays unchanged beyond outputs."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from browser_support import ROOT
from test_notebooks_in_browsers import RAN_ALL, _open, _stop_kernels

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
OTHER_PYTHON = "3.12.99"
KERNEL = f"""
from ipykernel.ipkernel import IPythonKernel
from ipykernel.kernelapp import IPKernelApp


class OtherPython(IPythonKernel):
    language_info = {{**IPythonKernel.language_info, "version": "{OTHER_PYTHON}"}}


IPKernelApp.launch_instance(kernel_class=OtherPython)
"""


@pytest.fixture(scope="module")
def browser_home(browser_home: Path) -> Path:
    """The usual fresh set-up, with ``python3`` replaced by a kernel reporting another Python
    (the data folder is searched before the virtualenv's own kernelspec)."""
    kernel = browser_home / "data" / "kernels" / "python3"
    kernel.mkdir(parents=True)
    (kernel / "other_python.py").write_text(KERNEL)
    spec = {"argv": [sys.executable, str(kernel / "other_python.py"), "-f", "{connection_file}"],
            "display_name": "Python 3 (ipykernel)", "language": "python"}  # fmt: skip
    (kernel / "kernel.json").write_text(json.dumps(spec))
    return browser_home


def _clean(path: Path, text: str, reference: Path) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "clean_notebook.py"), str(path),
         "--reference", str(reference)],
        input=text.encode(), capture_output=True, check=True,
    )  # fmt: skip
    return done.stdout.decode()


def test_open_run_save_on_another_python_leaves_git_unchanged(jupyterlab: Any, page: Any) -> None:
    folder = jupyterlab.root / "other_python"
    folder.mkdir()
    changed = []
    for path in NOTEBOOKS:
        shutil.copy(path, folder / path.name)
        _open(page, f"{jupyterlab.url}/lab/tree/other_python/{path.name}?reset", path.name)
        if path.name.startswith("01_"):  # one run, so outputs and counts are in the file too
            page.evaluate("() => { jupyterapp.commands.execute('notebook:run-all-cells'); }")
            page.wait_for_function(RAN_ALL, timeout=180_000)
        page.evaluate(
            "async () => { await window.jupyterapp.commands.execute('docmanager:save'); }"
        )
        saved = (folder / path.name).read_text(encoding="utf-8")
        info = json.loads(saved)["metadata"]["language_info"]
        assert info["version"] == OTHER_PYTHON  # JupyterLab wrote the kernel's Python in
        if _clean(path, saved, path) != path.read_text(encoding="utf-8"):
            changed.append(path.name)
        _stop_kernels(page, jupyterlab.url)
    assert not changed, (
        f"after the clean filter these still differ from the committed file: {changed}"
    )
