"""Parameter sweeps: plan a design of requests, run it within a budget, resume it, and turn it
into tables, plots, a listening grid and an HTML report.

``suno_nb.sweep(...)`` builds and runs a :class:`Sweep` in one call. The public names are
listed in ``__init__.pyi`` and load on first use (``lazy_loader``).

Example:
    >>> import suno_nb
    >>> sw = suno_nb.Sweep({"prompt": "lofi"}, grid={"weirdness": [0, 0.5, 1]}, repeats=2)
    >>> sw.plan().n_clips
    12
    >>> sw.run().plot.heatmap("key_confidence", x="weirdness")   # doctest: +SKIP
"""

from __future__ import annotations

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
