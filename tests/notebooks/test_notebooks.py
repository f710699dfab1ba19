"""The notebooks: all seven exist, are committed clean, and run top to bottom on the emulator."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import nbformat
import pytest
from notebook_support import (
    EXPECTED,
    NOTEBOOK_NAMES,
    NOTEBOOK_PATHS,
    NOTEBOOKS,
    copy_notebooks,
    error_outputs,
    execute,
    kernel_environment,
)


def test_the_seven_notebooks_are_there() -> None:
    assert NOTEBOOK_NAMES == EXPECTED


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=NOTEBOOK_NAMES)
def test_committed_clean_with_a_kernelspec(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    # Without a kernelspec JupyterLab (and Binder) asks students to pick a kernel.
    assert notebook.metadata.get("kernelspec", {}).get("name") == "python3"
    dirty = [
        index
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)
    ]
    assert not dirty, f"{path.name}: clear the outputs of cells {dirty} before committing"
    assert "widgets" not in notebook.metadata, f"{path.name}: saved widget state; clear it"
    assert notebook.cells[0].cell_type == "markdown", "each notebook opens with its story"
    # Each notebook keeps its tracks next to it, not in the user's default catalogue.
    first_code = next(c for c in notebook.cells if c.cell_type == "code")
    assert "SUNO_NB_HOME" in first_code.source


@pytest.mark.parametrize("name", EXPECTED)
def test_a_users_own_catalogue_folder_is_honoured_and_named(name: str, tmp_path: Path) -> None:
    path = NOTEBOOKS / f"{name}.ipynb"
    first_code = next(c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
    setup = "\n".join(  # the lines up to the import: no client is built
        line for line in first_code.source.splitlines()
        if line.startswith(("import os", "os.environ.setdefault", "import suno_nb", "print("))
    )  # fmt: skip
    assert 'os.environ["SUNO_NB_HOME"] =' not in first_code.source  # never overwritten
    mine = tmp_path / "my catalogue"
    env = {k: v for k, v in __import__("os").environ.items() if k != "SUNO_NB_HOME"}
    said = subprocess.run([sys.executable, "-c", setup], env={**env, "SUNO_NB_HOME": str(mine)},
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert f"tracks are kept in {mine}" in said
    default = subprocess.run([sys.executable, "-c", setup], env=env, cwd=tmp_path,
                             capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert f"tracks are kept in {tmp_path / 'nb_catalogue'}" in default


def test_no_token_or_secret_in_the_notebooks() -> None:
    for path in NOTEBOOK_PATHS:
        assert "Bearer" not in path.read_text(), f"{path.name}: an Authorization header"
        for cell in json.loads(path.read_text())["cells"]:
            if cell["cell_type"] == "code":
                # Code may drop a token (to stay offline), never set one; the markdown shows how.
                assert 'environ["ACEDATACLOUD_API_TOKEN"] =' not in "".join(cell["source"])


def test_the_local_catalogues_are_ignored_by_git() -> None:
    ignored = (NOTEBOOKS / ".gitignore").read_text().split()
    for name in ("nb_catalogue/", "friend_catalogue/", "my_audio/", "*.html", "*.zip", "*.csv"):
        assert name in ignored


# 02 calls every action and endpoint of the API once, and waiting is not what it
# shows: on the emulator's instant profile it takes 33 s instead of 63 s. The other notebooks
# run at the default (quick) pace, where every task state and progress bar is seen.
_PACE = {"02_every_action": {"SUNO_NB_EMULATOR_PROFILE": "instant"}}


@pytest.mark.slow
@pytest.mark.timeout(600)
@pytest.mark.parametrize("name", EXPECTED)
def test_notebook_runs_top_to_bottom_offline(name: str, tmp_path: Path) -> None:
    folder = copy_notebooks(tmp_path)
    notebook, seconds = execute(folder / f"{name}.ipynb", env=_PACE.get(name))
    assert not error_outputs(notebook)
    executed = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in executed), "every code cell ran"
    # The notebook wrote into its own catalogue next to itself, in the temporary copy.
    assert (folder / "nb_catalogue" / "catalogue.sqlite").is_file()
    print(f"{name}: {seconds:.1f} s")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_classroom_runs_as_a_voila_app(tmp_path: Path) -> None:
    folder = copy_notebooks(tmp_path)
    port = _free_port()
    command = [
        sys.executable, "-m", "voila", "05_classroom.ipynb", "--no-browser",
        f"--port={port}", "--Voila.ip=127.0.0.1", "--VoilaConfiguration.show_tracebacks=True",
        # The page is read without a browser, so Voila renders it whole on the server (the
        # committed voila.json renders progressively for people: tests/browser checks that).
        "--VoilaConfiguration.progressive_rendering=False",
    ]  # fmt: skip
    env = {**kernel_environment(), "JUPYTER_CONFIG_DIR": str(tmp_path / "jupyter-config")}
    server = subprocess.Popen(
        command, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        page = _get_when_up(f"http://127.0.0.1:{port}/", server, timeout=300)
    finally:
        server.terminate()
        try:
            log, _ = server.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            log, _ = server.communicate()
    assert "Traceback" not in page and "jp-OutputArea-output error" not in page, log[-3000:]
    # Voilà rendered the studio and the exercises' widgets (a view per widget output).
    assert page.count("application/vnd.jupyter.widget-view+json") >= 3, log[-3000:]
    assert "Exercise 1" in page
    # The code is hidden in the app; the students see the narration and the outputs.
    assert "suno_nb.studio(client, preset" not in page


def _get_when_up(url: str, server: subprocess.Popen, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"voila exited {server.returncode}: {server.stdout.read()}")
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:
                return response.read().decode()
        except (ConnectionError, urllib.error.URLError):
            time.sleep(0.5)
    raise AssertionError(f"voila did not answer on {url} within {timeout} s")
