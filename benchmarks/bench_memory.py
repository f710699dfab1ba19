"""Memory that fits Binder: a notebook kernel's peak RSS, and which cells raise it.

Run from the repository root: ``.venv/bin/python -m benchmarks memory``. Each notebook
(01 quick start, 03 sweep, 05 classroom) runs headless in a fresh kernel, in a temporary copy
of ``notebooks/``, on the in-process emulator. After every cell the kernel notes its resident
memory and its peak (``ru_maxrss``); the table shows the peak, the memory after the first cell
(imports), and the cell that raised the peak most, with its first line. Worker processes
(feature extraction, synthesis pools) are counted separately: the sum of their RSS at the end.
Target: ≤ 400 MiB per kernel (Binder gives a session 1-2 GB, shared with the Jupyter server).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ("01_quickstart", "03_weirdness_style_sweep", "05_classroom")
TARGET_MIB = 400

_PROBE = """
import resource as _r, json as _j
def _suno_mem_now():
    import os
    with open("/proc/self/statm") as f:
        rss = int(f.read().split()[1]) * _r.getpagesize()
    kids = 0
    try:
        import psutil
        kids = sum(c.memory_info().rss for c in psutil.Process(os.getpid()).children(True))
    except Exception:
        pass
    return rss, _r.getrusage(_r.RUSAGE_SELF).ru_maxrss * 1024, kids
_suno_mem.append(_suno_mem_now())
"""


def _instrumented(path: Path) -> Any:
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    cells = [nbformat.v4.new_code_cell("_suno_mem = []\n" + _PROBE)]
    sources = []
    for cell in notebook.cells:
        cells.append(cell)
        if cell.cell_type == "code":
            cells.append(nbformat.v4.new_code_cell(_PROBE))
            sources.append(cell.source.strip().splitlines()[0] if cell.source.strip() else "")
    cells.append(nbformat.v4.new_code_cell("print(_j.dumps(_suno_mem))"))
    notebook.cells = cells
    return notebook, sources


def measure_notebook(name: str) -> dict[str, Any]:
    """Run one notebook instrumented; return its memory row."""
    import nbformat

    sys.path.insert(0, str(ROOT / "tests" / "notebooks"))
    from notebook_support import copy_notebooks, execute

    with tempfile.TemporaryDirectory(prefix="bench_memory_") as tmp:
        folder = copy_notebooks(Path(tmp))
        notebook, sources = _instrumented(folder / f"{name}.ipynb")
        path = folder / f"{name}.probe.ipynb"
        nbformat.write(notebook, path)
        executed, seconds = execute(path, timeout=600)
    text = executed.cells[-1].outputs[0]["text"]
    samples = json.loads(text)  # [(rss, peak, children)] at start, then after each code cell
    mib = 1024 * 1024
    peaks = [peak for _, peak, _ in samples]
    growth = [(peaks[i + 1] - peaks[i], i) for i in range(len(sources))]
    worst, cell = max(growth)
    return {
        "notebook": name,
        "peak RSS MiB": peaks[-1] / mib,
        "after first cell MiB": samples[1][0] / mib,
        "largest rise MiB": worst / mib,
        "in cell": f"{cell + 1}: {sources[cell][:48]}",
        "workers MiB (end)": samples[-1][2] / mib,
        "s": seconds,
        "target": f"{'met' if peaks[-1] / mib <= TARGET_MIB else 'MISSED'} (≤ {TARGET_MIB})",
    }


def run(names: tuple[str, ...] = NOTEBOOKS) -> list[dict[str, Any]]:
    """One row per notebook. Example: ``run(("01_quickstart",))``."""
    return [measure_notebook(name) for name in names]


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    from benchmarks.__main__ import main

    raise SystemExit(main(["memory"]))
