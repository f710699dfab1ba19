"""Memory that fits Binder: a notebook kernel's peak RSS, which cells raise it, and what holds it.

Run from the repository root: ``.venv/bin/python -m benchmarks memory``. Each notebook
(01 quick start, 03 sweep, 05 classroom) runs headless in a fresh kernel, in a temporary copy
of ``notebooks/``, on the in-process emulator. After every cell the kernel notes its resident
memory, its peak (``ru_maxrss``), the memory of its child processes (the emulator's synthesis
pool and its fork server, feature workers; PSS, so pages they share count once) and which
heavy modules it has loaded. The notebook table shows the kernel's peak against the target,
the cell that raised it most, the heavy modules the kernel loaded (``librosa core@5``: first
loaded by code cell 5) and the children's PSS, at its largest and at the end. The pieces table
measures, each in a fresh interpreter, what one import or one step holds on top of its set-up.
Target: ≤ 400 MiB per kernel (Binder gives a session 1-2 GB, shared with the Jupyter server).
``SUNO_NB_BENCH_CELLS=1`` also prints every cell's figures.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ("01_quickstart", "03_weirdness_style_sweep", "05_classroom")
TARGET_MIB = 400
MIB = 1024 * 1024

#: modules worth naming when a kernel has loaded them: (label, module that marks it)
HEAVY_MODULES = (
    ("librosa core", "librosa.core.spectrum"),
    ("numba", "numba"),
    ("scipy.signal", "scipy.signal"),
    ("sklearn", "sklearn"),
    ("synth renderer", "suno_nb.emulator.synth.actions"),
    ("matplotlib", "matplotlib.pyplot"),
    ("pandas", "pandas"),
)

_PROBE = """
import resource as _r, json as _j, sys as _s
def _suno_mem_now():
    import os
    with open("/proc/self/statm") as f:
        rss = int(f.read().split()[1]) * _r.getpagesize()
    kids = 0
    try:  # proportional set size: pages shared with the fork server counted once
        import psutil
        kids = sum(c.memory_full_info().pss for c in psutil.Process(os.getpid()).children(True))
    except Exception:
        pass
    heavy = [label for label, name in _suno_heavy if name in _s.modules]
    return rss, _r.getrusage(_r.RUSAGE_SELF).ru_maxrss * 1024, kids, heavy
_suno_mem.append(_suno_mem_now())
"""


def _instrumented(path: Path) -> Any:
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    first = f"_suno_mem = []\n_suno_heavy = {list(HEAVY_MODULES)!r}\n" + _PROBE
    cells = [nbformat.v4.new_code_cell(first)]
    sources = []
    for cell in notebook.cells:
        cells.append(cell)
        if cell.cell_type == "code":
            cells.append(nbformat.v4.new_code_cell(_PROBE))
            sources.append(cell.source.strip().splitlines()[0] if cell.source.strip() else "")
    cells.append(nbformat.v4.new_code_cell("print(_j.dumps(_suno_mem))"))
    notebook.cells = cells
    return notebook, sources


def trace_notebook(name: str) -> tuple[list[Any], list[str], float]:
    """Run one notebook instrumented: ``(samples, first lines of its code cells, seconds)``;
    a sample is ``(rss, peak, children's rss, heavy modules)`` at the start, then per cell."""
    import nbformat

    sys.path.insert(0, str(ROOT / "tests" / "notebooks"))
    from notebook_support import copy_notebooks, execute

    with tempfile.TemporaryDirectory(prefix="bench_memory_") as tmp:
        folder = copy_notebooks(Path(tmp))
        notebook, sources = _instrumented(folder / f"{name}.ipynb")
        path = folder / f"{name}.probe.ipynb"
        nbformat.write(notebook, path)
        executed, seconds = execute(path, timeout=600)
    return json.loads(executed.cells[-1].outputs[0]["text"]), sources, seconds


def measure_notebook(name: str) -> dict[str, Any]:
    """Run one notebook instrumented; return its memory row."""
    samples, sources, seconds = trace_notebook(name)
    peaks = [peak for _, peak, _, _ in samples]
    growth = [(peaks[i + 1] - peaks[i], i) for i in range(len(sources))]
    worst, cell = max(growth)
    first_seen: dict[str, int] = {}
    for index, (_, _, _, heavy) in enumerate(samples):
        for label in heavy:
            first_seen.setdefault(label, index)
    if os.environ.get("SUNO_NB_BENCH_CELLS"):
        print(f"\n{name}: cell, RSS, peak, children MiB, first line")
        for i, (rss, peak, kids, _) in enumerate(samples[1:]):
            figures = f"{rss / MIB:6.0f} {peak / MIB:6.0f} {kids / MIB:6.0f}"
            print(f"  {i + 1:2}  {figures}  {sources[i][:60]}")
    children = samples[-1][2]
    loaded = ", ".join(f"{label}@{index}" for label, index in first_seen.items()) or "none"
    return {
        "notebook": name,
        "kernel peak MiB": peaks[-1] / MIB,
        "target": f"{'met' if peaks[-1] / MIB <= TARGET_MIB else 'MISSED'} (≤ {TARGET_MIB})",
        "after first cell MiB": samples[1][0] / MIB,
        "largest rise MiB": worst / MIB,
        "in cell": f"{cell + 1}: {sources[cell][:40]}",
        "heavy modules in the kernel": loaded,
        "children PSS MiB max/end": f"{max(s[2] for s in samples) / MIB:.0f}/{children / MIB:.0f}",
        "s": seconds,
    }


# What one step holds, each in a fresh interpreter: (label, set-up not counted, the step).
_PIECES = (
    ("import suno_nb; Client()", "import numpy", "import suno_nb; suno_nb.Client()"),
    ("matplotlib.pyplot", "import numpy", "import matplotlib.pyplot"),
    ("pandas (+pyarrow)", "import numpy", "import pandas, pyarrow"),
    ("scipy.signal", "import numpy", "import scipy.signal"),
    ("librosa core (any call)", "import numpy, matplotlib.pyplot", "import librosa; librosa.stft"),
    (
        "plots: waveform + mel + cqt of 20 s",
        "import numpy, matplotlib.pyplot; from suno_nb import plots;"
        " y = numpy.random.default_rng(0).normal(0, .1, 20 * 44100).astype('float32')",
        "[plots.waveform(y, 44100), plots.spectrogram(y, 44100),"
        " plots.spectrogram(y, 44100, kind='cqt')]",
    ),
    (
        "synthesis of a 20 s generate, in-process",
        "import numpy, tempfile, json; from suno_nb.emulator import Emulator;"
        " e = Emulator(profile='instant', data_dir=tempfile.mkdtemp(), render_workers=0)",
        "e.handle('POST', '/suno/audios', {}, {},"
        " json.dumps({'prompt': 'lofi', 'duration': 20}).encode())",
    ),
    (
        "synthesis of a 20 s generate, render pool",
        "import numpy, tempfile, json; from suno_nb.emulator import Emulator;"
        " e = Emulator(profile='instant', data_dir=tempfile.mkdtemp(), render_workers=1)",
        "e.handle('POST', '/suno/audios', {}, {},"
        " json.dumps({'prompt': 'lofi', 'duration': 20}).encode())",
    ),
    (
        "features of one 20 s clip (librosa loaded)",
        "import numpy, librosa; librosa.stft; from suno_nb import features;"
        " y = numpy.random.default_rng(0).normal(0, .1, 20 * 44100).astype('float32')",
        "features.measure(y, sr=44100)",
    ),
)

_PIECE_CODE = """
import resource, json, sys
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize()
exec(sys.argv[1])
before, peak_before = rss(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
exec(sys.argv[2])
print(json.dumps([rss() - before, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
                  - peak_before]))
"""


def measure_pieces() -> list[dict[str, Any]]:
    """What each import or step holds, measured in a fresh interpreter each."""
    rows = []
    for label, setup, step in _PIECES:
        done = subprocess.run(
            [sys.executable, "-c", _PIECE_CODE, setup, step],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "MPLBACKEND": "Agg"},
            check=False,
        )
        if done.returncode:
            rows.append({"piece": label, "holds MiB": "failed", "peak rise MiB": done.stderr[-80:]})
            continue
        held, peak = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append({"piece": label, "holds MiB": held / MIB, "peak rise MiB": peak / MIB})
    return rows


def run(names: tuple[str, ...] = NOTEBOOKS) -> list[dict[str, Any]]:
    """One row per notebook, after the pieces table. Example: ``run(("01_quickstart",))``."""
    from benchmarks.__main__ import print_table

    print_table("memory: what each piece holds (fresh interpreter each)", measure_pieces())
    return [measure_notebook(name) for name in names]


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    from benchmarks.__main__ import main

    raise SystemExit(main(["memory"]))
