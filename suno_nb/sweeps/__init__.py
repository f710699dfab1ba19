"""Parameter sweeps: plan a design of requests, run it within a budget, resume it, and turn it
into tables, plots, a listening grid and an HTML report.

``suno_nb.sweep(...)`` builds and runs a :class:`Sweep` in one call.

Example:
    >>> import suno_nb
    >>> sw = suno_nb.Sweep({"prompt": "lofi"}, grid={"weirdness": [0, 0.5, 1]}, repeats=2)
    >>> sw.plan().n_clips
    12
    >>> sw.run().plot.heatmap("key_confidence", x="weirdness")   # doctest: +SKIP
"""

from __future__ import annotations

from suno_nb.sweeps.design import Design, Grid, LatinHypercube, RandomSample, Zip
from suno_nb.sweeps.plan import CREDITS_PER_REQUEST, Cell, Plan
from suno_nb.sweeps.sweep import SWEEPS_FOLDER, Sweep, sweep

__all__ = [
    "CREDITS_PER_REQUEST",
    "SWEEPS_FOLDER",
    "Cell",
    "Design",
    "Grid",
    "LatinHypercube",
    "Plan",
    "RandomSample",
    "Sweep",
    "Zip",
    "run_plan_file",
    "sweep",
]


def run_plan_file(path: str, resume: bool = False) -> int:
    """Run (or with ``resume=True`` finish) the sweep a TOML plan file describes; exit code.

    Example:
        >>> run_plan_file("examples/sweep_demo.toml")   # doctest: +SKIP
        0
    """
    from suno_nb.sweeps.planfile import run_plan_file as _run

    return _run(path, resume=resume)
