"""Git's clean filter for notebooks/: what git sees of a notebook is the committed file plus your
edits to its cells, never its outputs or the Python patch version of the kernel that saved it.

JupyterLab writes the kernel's ``language_info`` (``"version": "3.12.4"``) into a notebook when
it opens it, so a kernel on another Python than the one that committed the notebook marks it
changed and autosave rewrites it. This filter puts back the committed ``language_info`` and
drops outputs, execution counts and run timings, so ``git diff`` stays empty after opening,
running and saving on any Python (``git status`` may list a saved notebook until ``git add``
finds nothing to add). ``make`` registers the filter (``git config
filter.suno-nb-notebook.clean``); ``notebooks/.gitattributes`` applies it. Standard library
only, so any ``python3`` runs it.

Example (what git runs for ``git add``/``git diff``; ``--reference`` replaces ``HEAD:path``)::

    python3 scripts/clean_notebook.py notebooks/01_quickstart.ipynb < saved.ipynb > clean.ipynb
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from typing import Any

# Cell metadata a front end adds while running (timings, collapsed outputs): not the notebook.
_RUN_STATE = ("execution", "ExecuteTime", "collapsed", "scrolled")


def committed_language_info(path: str) -> dict[str, Any] | None:
    """``language_info`` of ``path`` as committed at HEAD (None for a new file or outside git)."""
    try:
        shown = subprocess.run(
            ["git", "show", f"HEAD:{path}"],
            capture_output=True,
            check=True,
        )
        return json.loads(shown.stdout)["metadata"].get("language_info")
    except (OSError, subprocess.CalledProcessError, ValueError, KeyError, TypeError):
        return None


def clean(text: str, language_info: dict[str, Any] | None) -> str:
    """The notebook ``text`` without outputs or run state, with ``language_info`` put back.

    Text that is not a notebook comes back unchanged (git must never lose a file).
    """
    try:
        notebook = json.loads(text)
        cells = notebook["cells"]
    except (ValueError, KeyError, TypeError):
        return text
    for cell in cells:
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        for key in _RUN_STATE:
            cell.get("metadata", {}).pop(key, None)
    metadata = notebook.setdefault("metadata", {})
    metadata.pop("widgets", None)  # saved widget state is output too
    if language_info is not None:
        metadata["language_info"] = language_info
    # nbformat's own layout (what Jupyter writes), so an unchanged notebook is byte-identical.
    return json.dumps(notebook, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help="the notebook's path in the repository (git passes %%f)")
    parser.add_argument("--reference", help="take language_info from this file, not HEAD:path")
    args = parser.parse_args(argv)
    if args.reference:
        with open(args.reference, encoding="utf-8") as file:
            language_info = json.load(file)["metadata"].get("language_info")
    else:
        language_info = committed_language_info(args.path)
    text = sys.stdin.buffer.read().decode("utf-8")
    sys.stdout.buffer.write(clean(text, language_info).encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
