"""Binder: the ``binder/`` files are complete and consistent, and the environment they make
runs the notebooks.

No container engine runs here, so the slow test rebuilds the environment the way repo2docker
does: a fresh venv from exactly ``binder/requirements.txt``, then ``binder/postBuild`` from a
copy of the repository as the working directory, then the notebooks executed by that venv's
own ``jupyter execute`` and kernel. pip may use its cache; it only ever reaches PyPI.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
from notebook_support import ROOT, kernel_environment

BINDER = ROOT / "binder"
# What repo2docker copies that matters here: the package, its metadata, binder/ and notebooks/.
_COPY = ("pyproject.toml", "README.md", "suno_nb", "binder", "notebooks")
# The notebooks the Binder test runs: 01 (the badge opens it) and 03 (the heaviest: sweeps,
# features, plots, report). The rest run in the project venv; 05 also as a Voilà app there.
BINDER_NOTEBOOKS = ("01_quickstart", "03_weirdness_style_sweep")


def _pins() -> dict[str, str]:
    pins = {}
    for line in (BINDER / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, sep, pinned = line.partition("==")
            assert sep and pinned, f"binder/requirements.txt: {line!r} must be pinned with =="
            pins[_norm(name)] = pinned
    return pins


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_requirements_pin_every_dependency_of_the_package() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = _pins()
    for requirement in project["dependencies"]:
        name = _norm(re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0])
        assert name in pins, f"binder/requirements.txt misses {name} (a suno_nb dependency)"
    for name in ("jupyterlab", "ipywidgets", "jupyterlab-widgets", "ipykernel", "voila"):
        assert name in pins, f"binder/requirements.txt misses {name}"


def test_pins_satisfy_the_package_requirements() -> None:
    # Exact pins keep a class's Binder reproducible; each must still satisfy pyproject's range
    # (comparing with the installed venv instead would fail whenever PyPI gets a new release).
    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = _pins()
    wrong = {}
    for text in project["dependencies"]:
        requirement = Requirement(text)
        pinned = pins.get(_norm(requirement.name))
        if pinned is not None and not requirement.specifier.contains(pinned, prereleases=True):
            wrong[requirement.name] = (pinned, str(requirement.specifier))
    assert not wrong, f"pins outside pyproject's ranges (pin, range): {wrong}"


def test_jupyter_widget_stack_is_pinned_together() -> None:
    # "model not found" in the browser otherwise (shared/pitfalls.md).
    pins = _pins()
    assert pins["ipywidgets"].split(".")[0] == "8"
    assert pins["jupyterlab-widgets"].split(".")[0] == "3"
    assert pins["jupyterlab"].split(".")[0] == "4"


def test_postbuild_and_start_follow_repo2docker_rules() -> None:
    post = (BINDER / "postBuild").read_text().splitlines()
    assert post[0].startswith("#!") and "set -e" in post, "postBuild must stop on the first error"
    assert any("pip install" in line and "--no-deps ." in line for line in post)
    assert any("python -m suno_nb.warmup" in line for line in post)
    start = [ln for ln in (BINDER / "start").read_text().splitlines() if ln.strip()]
    assert start[0].startswith("#!") and start[-1].strip() == 'exec "$@"'
    for script in ("postBuild", "start"):
        assert os.access(BINDER / script, os.X_OK), f"binder/{script} must be executable"


def test_readme_badge_opens_the_quickstart_in_lab() -> None:
    readme = (ROOT / "README.md").read_text()
    badges = re.findall(r"https://mybinder\.org/v2/gh/[^)\s]+", readme)
    assert badges, "README.md has no Binder badge"
    assert any(b.endswith("?urlpath=lab/tree/notebooks/01_quickstart.ipynb") for b in badges)


def _run(command: list[str], cwd: Path, env: dict[str, str], timeout: float) -> str:
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode:
        pytest.fail(
            f"{' '.join(command)} exited {done.returncode}\n--- stdout\n{done.stdout[-4000:]}"
            f"\n--- stderr\n{done.stderr[-4000:]}"
        )
    return done.stdout + done.stderr


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_binder_environment_builds_and_runs_the_notebooks(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    ignore = shutil.ignore_patterns(
        "__pycache__", "*.pyc", "nb_catalogue", "friend_catalogue", "my_audio", ".ipynb_*"
    )
    for name in _COPY:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=ignore)
        else:
            shutil.copy2(source, repo / name)

    started = time.perf_counter()
    venv = tmp_path / "venv"
    base_python = getattr(sys, "_base_executable", sys.executable)
    env = kernel_environment()
    env.pop("VIRTUAL_ENV", None)
    env.pop("PYTHONPATH", None)
    # Binder's own home: a fresh Jupyter config and data path, as in a new container.
    home = tmp_path / "home"
    env.update(
        HOME=str(home),
        PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}",
        JUPYTER_CONFIG_DIR=str(home / ".jupyter"),
        JUPYTER_DATA_DIR=str(home / ".local/share/jupyter"),
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        # Keep the shared pip cache (a fresh HOME would lose it); pip only reaches PyPI.
        PIP_CACHE_DIR=os.environ.get("PIP_CACHE_DIR")
        or str(Path(os.path.expanduser("~")) / ".cache" / "pip"),
        NUMBA_CACHE_DIR=str(home / ".cache" / "numba"),
        MPLCONFIGDIR=str(home / ".config" / "matplotlib"),
    )
    _run([base_python, "-m", "venv", str(venv)], tmp_path, env, 120)
    _run(["pip", "install", "--quiet", "-r", "binder/requirements.txt"], repo, env, 600)
    built_pip = time.perf_counter() - started
    log = _run(["bash", "binder/postBuild"], repo, env, 300)
    assert "suno_nb.warmup" in log
    built = time.perf_counter() - started

    # The environment is what the badge promises: lab with the widgets extension, and Voilà.
    extensions = _run(["jupyter", "labextension", "list"], repo, env, 60)
    assert "@jupyter-widgets/jupyterlab-manager" in extensions and "enabled" in extensions
    _run(["python", "-c", "import voila, suno_nb.widgets.studio"], repo, env, 60)

    # The start script hands over to the command it is given, without a token.
    start_env = {**env, "ACEDATACLOUD_API_TOKEN": "must-not-leak"}
    shown = _run(
        ["bash", "binder/start", "python", "-c",
         "import os; print(os.environ.get('ACEDATACLOUD_API_TOKEN', 'no token'))"],
        repo, start_env, 60,
    )  # fmt: skip
    assert "no token" in shown

    timings = {}
    for name in BINDER_NOTEBOOKS:
        t0 = time.perf_counter()
        _run(
            ["jupyter", "execute", "--timeout=300", f"notebooks/{name}.ipynb"],
            repo,
            env,
            400,
        )
        timings[name] = round(time.perf_counter() - t0, 1)
    assert (repo / "notebooks" / "nb_catalogue" / "catalogue.sqlite").is_file()
    print(
        f"binder build {built:.0f} s (pip {built_pip:.0f} s, postBuild {built - built_pip:.0f} s);"
        f" notebooks {timings}"
    )
