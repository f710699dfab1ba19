"""MkDocs hook: render ``notebooks/*.ipynb`` as pages under ``notebooks/`` (and serve the files).

The notebooks are committed with outputs cleared, so a page shows the narrated code, never stale
results; an "Open in Binder" link runs it. nbconvert's Markdown exporter does the conversion,
so the pages cannot drift from the notebooks. Links between notebooks become links between
pages, and ``../docs/...`` links (which work on GitHub) become site links.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

BINDER = "https://mybinder.org/v2/gh/suno-nb/suno_nb/HEAD?urlpath=lab/tree/notebooks/{name}"
_NOTEBOOK_LINK = re.compile(r"\]\((\d\d_[A-Za-z0-9_]+)\.ipynb\)")
_DOCS_LINK = re.compile(r"\]\(\.\./docs/")


def notebook_markdown(path: Path) -> str:
    """One notebook as a Markdown page: a Binder link, then its cells in order."""
    import nbformat
    from nbconvert.exporters import MarkdownExporter

    notebook = nbformat.read(path, as_version=4)
    body, _ = MarkdownExporter().from_notebook_node(notebook)
    body = _NOTEBOOK_LINK.sub(r"](\1.md)", body)
    body = _DOCS_LINK.sub("](../", body)
    badge = (
        f"[![Open in Binder](https://mybinder.org/badge_logo.svg)]"
        f"({BINDER.format(name=path.name)}) · [download {path.name}]({path.name})\n\n"
    )
    title, _, rest = body.lstrip().partition("\n")
    return f"{title}\n\n{badge}{rest}"


def on_files(files: Files, config: Any) -> Files:
    root = Path(config["config_file_path"]).parent
    for path in sorted((root / "notebooks").glob("*.ipynb")):
        files.append(
            File.generated(config, f"notebooks/{path.stem}.md", content=notebook_markdown(path))
        )
        files.append(File.generated(config, f"notebooks/{path.name}", abs_src_path=str(path)))
    return files
