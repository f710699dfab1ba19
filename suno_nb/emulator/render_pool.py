"""Rendering in worker processes, so synthesis uses every core and the threads that answer
requests (and a sweep's event loop) are not held by the GIL, and a notebook kernel never holds
the synth (numpy, scipy, the instruments: about 75 MiB, plus the renderings it makes).

Workers start when work arrives, at most one per core: a notebook asking for one song at a time
keeps one worker, a sweep with renders in flight gets one per core. They are forked from a
fork server that has imported the synth once, so a new worker renders at once and shares those
pages (a worker adds about 50 MiB of its own), and they stop after :data:`IDLE_SECONDS`
without work. A worker renders a task's clips, saves each rendering and its mp3 next to the
data dir and returns only the clips' metadata: nothing heavy crosses the process boundary (a
task's renderings are ~40 MB as arrays). Sources (an extend's clip, a mashup's two) are read by
the worker from their saved files. When no pool can be used (``render_workers=0``, a
test's stand-in engine, a broken pool), rendering happens in the calling thread instead.

Example:
    >>> worker_count(None) >= 1, worker_count(0)
    (True, 0)
"""

from __future__ import annotations

import json
import logging
import math
import multiprocessing
import os
import sys
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

__all__ = ["IDLE_SECONDS", "RenderedClip", "render_in_pool", "shutdown", "worker_count"]

log = logging.getLogger("suno_nb.emulator")

#: An idle pool is shut down after this long, so a notebook does not keep synth processes
#: between its cells; a new worker is forked warm from the fork server (measured: the first
#: render after a shutdown took 0.99 s against 0.92 s on a warm worker).
IDLE_SECONDS = 30.0

# What the fork server imports once for every worker (the synth package itself is lazy).
_PRELOAD = ["suno_nb.emulator.synth.actions", "suno_nb.emulator.synth.encode"]
RenderedClip = dict[str, Any]  # title, lyric, style, duration, extra, rendering, mp3 (paths)

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_pool_size = 0
_last_used = 0.0
_reaper: threading.Timer | None = None


def worker_count(asked: int | None) -> int:
    """How many worker processes to use at most: ``asked``, or one per core this process may
    use (its CPU affinity, capped by a container's CPU quota: Binder and JupyterHub pods see
    the host's cores but may use one or two). Even on one core there is one worker, so the
    caller (a notebook kernel) never holds the synth (``0``: render in the calling thread)."""
    if asked is not None:
        return max(0, int(asked))
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    quota = _cpu_quota()
    return max(1, min(cores, quota) if quota else cores)


def _cpu_quota(root: Path = Path("/sys/fs/cgroup")) -> int | None:
    """The CPUs a cgroup's quota allows (rounded up), or None without a quota."""
    try:  # cgroup v2: "max 100000" or "<quota> <period>"
        quota, period = (root / "cpu.max").read_text().split()[:2]
        if quota == "max":
            return None
        return max(1, math.ceil(int(quota) / int(period)))
    except (OSError, ValueError):
        pass
    try:  # cgroup v1: -1 means no quota
        quota_us = int((root / "cpu" / "cpu.cfs_quota_us").read_text())
        period_us = int((root / "cpu" / "cpu.cfs_period_us").read_text())
    except (OSError, ValueError):
        return None
    return max(1, math.ceil(quota_us / period_us)) if quota_us > 0 and period_us > 0 else None


def _plain(value: Any) -> bool:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True


def render_and_save(
    action: str,
    request: dict[str, Any],
    seed: int,
    source_paths: dict[str, str],
    persona: dict[str, Any] | None,
    max_duration: float,
    out_stem: str,
) -> list[RenderedClip]:
    """Render one task's clips (in a worker), write ``<out_stem>.<i>.rendering`` and
    ``<out_stem>.<i>.mp3``, and return each clip's metadata with those paths."""
    from suno_nb.emulator import synth

    sources = {key: synth.Rendering.load(path) for key, path in source_paths.items()}
    made = synth.render_action(
        action, request, seed=seed, sources=sources, persona=persona, max_duration=max_duration
    )
    out: list[RenderedClip] = []
    for i, rendering in enumerate(made):
        rendering_path, mp3_path = f"{out_stem}.{i}.rendering", f"{out_stem}.{i}.mp3"
        rendering.save(rendering_path)
        Path(mp3_path).write_bytes(synth.encode_mp3(rendering.audio, rendering.sr))
        extra = dict(getattr(rendering, "extra", {}) or {})
        out.append(
            {
                "title": rendering.title,
                "lyric": rendering.lyric,
                "style": rendering.style,
                "duration": round(float(rendering.duration), 3),
                "extra": {k: v for k, v in extra.items() if _plain(v)},
                "rendering": rendering_path,
                "mp3": mp3_path,
            }
        )
    return out


def _context() -> Any:
    # Never fork a process that runs threads (servers, event loops): a fork server starts
    # clean, imports the synth once and forks warm workers from itself; elsewhere, spawn.
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


def _ignore_interrupts() -> None:
    # Interrupting a notebook kernel signals its process group: the kernel decides what stops,
    # so a worker neither dies mid-render nor prints a KeyboardInterrupt traceback.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _get_pool(size: int) -> ProcessPoolExecutor:
    global _pool, _pool_size, _last_used
    with _lock:
        _last_used = time.monotonic()
        if _pool is None:
            _pool = ProcessPoolExecutor(
                max_workers=size, mp_context=_context(), initializer=_ignore_interrupts
            )
            _pool_size = size  # processes start on demand (spawn and forkserver pools do)
            _schedule_reaper()
        return _pool


def _schedule_reaper() -> None:
    global _reaper
    _reaper = threading.Timer(IDLE_SECONDS, _reap)
    _reaper.daemon = True
    _reaper.start()


def _reap() -> None:
    with _lock:
        idle = time.monotonic() - _last_used
        if _pool is None:
            return
        if idle < IDLE_SECONDS:
            _schedule_reaper()
            return
    shutdown()


def shutdown() -> None:
    """Stop the worker processes (they start again on the next render)."""
    global _pool, _reaper
    with _lock:
        pool, _pool = _pool, None
        if _reaper is not None:
            _reaper.cancel()
            _reaper = None
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


def render_in_pool(size: int, *args: Any) -> list[RenderedClip] | None:
    """:func:`render_and_save` in the pool; ``None`` when the pool cannot be used (the caller
    then renders in its own thread). Errors of the render itself are raised as they are."""
    global _last_used
    try:
        future: Future[list[RenderedClip]] = _get_pool(size).submit(render_and_save, *args)
    except (OSError, RuntimeError, BrokenProcessPool) as exc:
        # At interpreter exit concurrent.futures refuses new work: expected, not worth a word.
        if not (sys.is_finalizing() or "shutdown" in str(exc)):
            log.warning("emulator render pool unavailable (%s); rendering in-process", exc)
        shutdown()
        return None
    try:
        return future.result()
    except BrokenProcessPool as exc:
        log.warning("emulator render worker died (%s); rendering this task in-process", exc)
        shutdown()
        return None
    finally:
        with _lock:
            _last_used = time.monotonic()
