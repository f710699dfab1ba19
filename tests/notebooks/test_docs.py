"""The docs: the site builds strictly, the docstring examples run, the README's quick start runs."""

from __future__ import annotations

import doctest
import importlib
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest
from notebook_support import ROOT, kernel_environment

import suno_nb

# Modules whose import needs something a plain test process does not have (none today); their
# examples are still checked by the docs build's mkdocstrings pass.
_NOT_IMPORTABLE: set[str] = set()
_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.IGNORE_EXCEPTION_DETAIL


def _modules() -> list[str]:
    names = ["suno_nb"]
    for info in pkgutil.walk_packages(suno_nb.__path__, "suno_nb."):
        if not info.name.endswith("__main__") and info.name not in _NOT_IMPORTABLE:
            names.append(info.name)
    return sorted(names)


def _examples(module_name: str) -> list[doctest.DocTest]:
    """The module's doctests that would run (a test of only ``+SKIP`` lines has nothing)."""
    module = importlib.import_module(module_name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    return [t for t in finder.find(module, module_name) if _runnable(t)]


def _has_examples(module_name: str) -> bool:
    try:
        return bool(_examples(module_name))
    except ValueError:  # an example doctest cannot even parse: report it in the test below
        return True


def _runnable(test: doctest.DocTest) -> bool:
    return any(not example.options.get(doctest.SKIP) for example in test.examples)


MODULES_WITH_EXAMPLES = [name for name in _modules() if _has_examples(name)]


def test_there_are_runnable_examples() -> None:
    assert len(MODULES_WITH_EXAMPLES) >= 5, MODULES_WITH_EXAMPLES


@pytest.mark.parametrize("module_name", MODULES_WITH_EXAMPLES)
def test_docstring_examples_run(
    module_name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # examples that write files write them here
    runner = doctest.DocTestRunner(optionflags=_FLAGS)
    failures = []
    for test in _examples(module_name):
        result = runner.run(test, out=failures.append)
        assert result.attempted
    assert not failures, "".join(failures)


def test_readme_quick_start_runs_on_the_emulator(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Quick start", 1)[1]
    block = re.search(r"```python\n(.*?)```", section, re.S)
    assert block, "README.md: no python block under 'Quick start'"
    (tmp_path / "quick_start.py").write_text(block.group(1))
    env = kernel_environment()
    env.pop("MPLBACKEND")
    done = subprocess.run(
        [sys.executable, "quick_start.py"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "offline emulator" in done.stderr  # said once, so nobody thinks they are paying
    assert "generate" in done.stdout and "extend" in done.stdout  # the table of tracks
    # The default catalogue folder was made next to the script, as the README says.
    assert (tmp_path / "suno_catalogue" / "catalogue.sqlite").is_file()


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site `make docs` builds (strict), into a temporary folder; built once per module."""
    site = tmp_path_factory.mktemp("docs") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=500,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-5000:]
    return site


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_docs_build_strictly(built_site: Path) -> None:
    site = built_site
    for page in ("guides/emulator", "guides/sweeps", "guides/binder", "notebooks/01_quickstart"):
        assert (site / page / "index.html").is_file(), page
    # The rendered notebooks link to each other as pages, and the .ipynb files can be downloaded.
    quick = (site / "notebooks" / "01_quickstart" / "index.html").read_text()
    assert "02_every_action/" in quick and "mybinder.org" in quick
    assert (site / "notebooks" / "01_quickstart.ipynb").is_file()


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_api_reference_reads_like_a_reference(built_site: Path) -> None:
    from suno_nb import schema

    html = (built_site / "reference" / "api" / "index.html").read_text()
    # Examples are code blocks: a >>> prompt only ever inside highlighted code, never a quote.
    assert "<blockquote" not in html
    prompts = html.count("&gt;&gt;&gt;")
    assert prompts and prompts == html.count('<span class="gp">&gt;&gt;&gt; </span>')
    assert "doctest:" not in html and "+SKIP" not in html
    for role in (":class:`", ":func:`", ":meth:`", ":mod:`"):
        assert role not in html, role
    # Every action of both clients is documented where users look, with its typed arguments.
    for client in ("Client", "AsyncClient"):
        for name, action in schema.ACTIONS.items():
            anchor = f'id="suno_nb.client.{client}.{name}"'
            assert anchor in html, (client, name)
            section = html[html.index(anchor) + len(anchor) :]
            section = section[: section.find(f'id="suno_nb.client.{client}.')]
            assert "Parameters:" in section, (client, name)
            for field in action.fields:
                assert f"<code>{field}</code>" in section, (client, name, field)
            assert "**options" in section and "CallOptions" in section
