"""Sweep figures: a 10 × 10 × 1 sweep (100 requests, 200 clips) on the in-process emulator's
quick profile, and a 5 × 5 × 1 one to show that memory does not grow with the sweep.

Per row (after a 2 × 2 warm-up that is not reported): wall time, submissions per second, peak
RSS above the starting RSS (sampled every 20 ms; audio goes to disk through the catalogue,
never kept), and where the CPU went: the emulator (request handling and rendering the audio on
first download) against the client side (client, catalogue writes, file hashing and checks).
CPU is counted per thread with ``time.thread_time`` inside the transport, so overlapping
threads are not double counted.

    python -m benchmarks sweep
    python benchmarks/bench_sweep.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repo importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SIZES = (5, 10)
CONCURRENCY = 8
CLIP_SECONDS = 10  # the shortest duration the schema allows


class _TimedTransport:
    """Mixin factory: the emulator transport, with per-thread CPU and wall time per request."""

    @staticmethod
    def make(emulator: Any) -> Any:
        from suno_nb.emulator.transport import InProcessTransport

        class Timed(InProcessTransport):
            def __init__(self, emu: Any) -> None:
                super().__init__(emu)
                self.lock = threading.Lock()
                self.cpu = {"api": 0.0, "files": 0.0}
                self.submit_times: list[float] = []

            def _call(self, request: Any, body: bytes) -> Any:
                kind = "files" if request.url.path.startswith("/files/") else "api"
                cpu0 = time.thread_time()
                try:
                    return super()._call(request, body)
                finally:
                    spent = time.thread_time() - cpu0
                    with self.lock:
                        self.cpu[kind] += spent
                        if request.method == "POST" and request.url.path == "/suno/audios":
                            self.submit_times.append(time.perf_counter())

        return Timed(emulator)


class _PeakRSS:
    """Samples this process's resident memory in a thread; ``peak`` is the highest seen."""

    def __init__(self, every: float = 0.02) -> None:
        import psutil

        self._process = psutil.Process()
        self.start = self.peak = self._process.memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(every,), daemon=True)

    def _run(self, every: float) -> None:
        while not self._stop.wait(every):
            self.peak = max(self.peak, self._process.memory_info().rss)

    def __enter__(self) -> _PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _one(side: int) -> dict[str, Any]:
    from suno_nb.catalogue import Catalogue
    from suno_nb.client import EMULATOR_BASE_URL, AsyncClient
    from suno_nb.emulator import Emulator
    from suno_nb.sweeps import Sweep

    values = [round(i / (side - 1), 3) for i in range(side)]
    with tempfile.TemporaryDirectory() as folder:
        emulator = Emulator(profile="quick", data_dir=Path(folder) / "emu")
        transport = _TimedTransport.make(emulator)
        client = AsyncClient(
            base_url=EMULATOR_BASE_URL, transport=transport, catalogue=False, progress=False
        )
        catalogue = Catalogue(Path(folder) / "catalogue")
        sweep = Sweep(
            {"prompt": "a calm lofi song about a night bus", "duration": CLIP_SECONDS},
            grid={"weirdness": values, "style_influence": values},
            client=client,
            catalogue=catalogue,
            max_concurrency=CONCURRENCY,
            progress=False,
        )
        cpu0, wall0 = time.process_time(), time.perf_counter()
        with _PeakRSS() as memory:
            sweep.run()
        wall = time.perf_counter() - wall0
        cpu = time.process_time() - cpu0
        clips = len(catalogue.to_pandas(sweep=sweep.sweep_id_))
        files = catalogue._store.read("SELECT count(*) FROM files WHERE state = 'ok'")[0][0]
        emulator.close()
    emulator_cpu = transport.cpu["api"] + transport.cpu["files"]
    client_cpu = max(cpu - emulator_cpu, 0.0)
    submits = transport.submit_times
    span = (submits[-1] - wall0) if submits else float("nan")
    return {
        "sweep": f"{side}×{side}×1",
        "requests": len(submits),
        "clips": clips,
        "files ok": files,
        "concurrency": CONCURRENCY,
        "wall s": wall,
        "submissions/s": len(submits) / wall,
        "last submit at s": span,
        "peak RSS +MB": (memory.peak - memory.start) / 2**20,
        "CPU s": cpu,
        "emulator CPU %": 100 * emulator_cpu / cpu if cpu else float("nan"),
        "  of it rendering %": 100 * transport.cpu["files"] / cpu if cpu else float("nan"),
        "client+catalogue CPU %": 100 * client_cpu / cpu if cpu else float("nan"),
        "idle %": 100 * max(wall - cpu, 0.0) / wall,
    }


def run() -> list[dict[str, Any]]:
    """One row per sweep size (5×5, then 10×10), after an unreported 2×2 warm-up so that
    first-use imports (synth, codecs) do not count as the sweep's memory."""
    os.environ.pop("ACEDATACLOUD_API_TOKEN", None)  # always the emulator, never the service
    os.environ.pop("ACEDATACLOUD_API_BASE_URL", None)
    _one(2)
    return [_one(side) for side in SIZES]


if __name__ == "__main__":
    from benchmarks.__main__ import print_table

    started = time.perf_counter()
    rows = run()
    print_table(f"sweep ({time.perf_counter() - started:.0f} s)", rows)
