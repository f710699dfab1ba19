"""Warm librosa's numba cache so a user's first feature or plot call is not a 30 s pause.

Run once in set-up (``make``, Binder ``postBuild``): ``python -m suno_nb.warmup``.
"""

from __future__ import annotations

import time

__all__ = ["main", "warm"]


def warm() -> dict[str, float]:
    """Run every librosa path that :mod:`suno_nb.features` and :mod:`suno_nb.plots` use, once.

    numba compiles on first call and caches the machine code on disk, so later processes
    (kernels, joblib workers) only load it. Returns seconds spent per step.

    Example:
        >>> sorted(warm())
        ['features', 'plots']
    """
    import numpy as np

    from suno_nb import features, plots

    rng = np.random.default_rng(0)
    seconds = 4
    timings: dict[str, float] = {}
    start = time.perf_counter()
    # 44.1 kHz stereo and 22.05 kHz mono: the resampling and the no-resampling paths.
    for rate, channels in ((44_100, 2), (22_050, 1)):
        t = np.arange(rate * seconds) / rate
        tone = 0.3 * np.sin(2 * np.pi * 440 * t) * (1 + np.sign(np.sin(2 * np.pi * 2 * t))) / 2
        noise = 0.01 * rng.standard_normal(tone.size)
        samples = np.repeat((tone + noise)[:, None], channels, axis=1).astype(np.float32)
        features.measure(samples, sr=rate)
    timings["features"] = time.perf_counter() - start
    start = time.perf_counter()
    y = samples[:, 0]
    plots.waveform(y, 22_050)
    for kind in ("mel", "linear", "cqt"):
        plots.spectrogram(y, 22_050, kind=kind)
    timings["plots"] = time.perf_counter() - start
    return timings


def main() -> None:
    """Entry point of ``python -m suno_nb.warmup``: warm, then print one line."""
    import numba

    start = time.perf_counter()
    timings = warm()
    total = time.perf_counter() - start
    steps = ", ".join(f"{name} {value:.1f} s" for name, value in timings.items())
    print(
        f"suno_nb.warmup: compiled/loaded librosa's numba functions ({steps}) in {total:.1f} s;"
        f" cache: {numba.config.CACHE_DIR or 'next to the librosa sources'}"
    )


if __name__ == "__main__":
    main()
