"""Benchmark of the emulator's synthesis engine: render + MP3 speed and peak memory.

Run with ``python -m benchmarks.bench_synth`` (or ``python benchmarks/bench_synth.py``). Each figure
is measured in a fresh single-threaded subprocess, so imports and other figures do not interfere.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from typing import Any

CLIP_SECONDS = 120.0
REQUEST = {
    "action": "generate",
    "custom": True,
    "style": "pop, bright synths, 118 bpm",
    "title": "Benchmark",
    "duration": CLIP_SECONDS,
    "model": "chirp-v4",
}

_TIMING = """
import json, resource, time
import numpy as np
from suno_nb.emulator.synth import encode_mp3, render_action, write_lyrics
from suno_nb.emulator.synth.job import Job
request = dict({request})
request["lyric"] = write_lyrics("city lights at night", seed=1)["text"]
render_action("generate", dict(request, duration=5), seed=0)  # warm caches and imports
job = Job("generate", request, 7, {{}}, None, 44100, {seconds})
brief = job.brief(0, lyric=job.lyric(), style=job.style())
best = None
for _ in range({repeats}):  # best of a few: other processes only ever slow a run down
    clip = mp3 = None
    w0, c0 = time.perf_counter(), time.process_time()
    clip = job.render(brief)
    w1, c1 = time.perf_counter(), time.process_time()
    mp3 = encode_mp3(clip.audio, clip.sr)
    w2, c2 = time.perf_counter(), time.process_time()
    run = {{"render_wall": w1 - w0, "render_cpu": c1 - c0, "mp3_wall": w2 - w1,
            "mp3_cpu": c2 - c1}}
    if best is None or run["render_cpu"] + run["mp3_cpu"] < best["render_cpu"] + best["mp3_cpu"]:
        best = run
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
layers = sum(v for v in clip.layers.values())
print(json.dumps({{
    "duration": clip.duration, **best, "mp3_bytes": len(mp3),
    "layers": list(clip.layers), "sum_error": float(np.abs(layers - clip.audio).max()),
    "max_rss_mb": rss,
}}))
"""

_MEMORY = """
import json, tracemalloc
from suno_nb.emulator.synth import encode_mp3, write_lyrics
from suno_nb.emulator.synth.job import Job
request = dict({request})
request["lyric"] = write_lyrics("city lights at night", seed=1)["text"]
job = Job("generate", request, 7, {{}}, None, 44100, {seconds})
brief = job.brief(0, lyric=job.lyric(), style=job.style())
tracemalloc.start()
clip = job.render(brief)
mp3 = encode_mp3(clip.audio, clip.sr)
_, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
print(json.dumps({{"traced_peak_mb": peak / 2**20}}))
"""


def _child(code: str, seconds: float, repeats: int = 1) -> dict[str, Any]:
    env = dict(os.environ)
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env[name] = "1"
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    request = repr({**REQUEST, "duration": seconds})
    script = code.format(request=request, seconds=seconds, repeats=repeats)
    # One core: pin the child where the platform allows it.
    prefix = ["taskset", "-c", "0"] if sys.platform.startswith("linux") and _has("taskset") else []
    out = subprocess.run(
        [*prefix, sys.executable, "-c", script], capture_output=True, text=True, env=env,
        check=True, cwd=root,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def _has(program: str) -> bool:
    return any(
        os.access(os.path.join(d, program), os.X_OK) for d in os.environ.get("PATH", "").split(":")
    )


def run(seconds: float = CLIP_SECONDS, repeats: int = 3) -> list[dict[str, Any]]:
    """Rows of figures for a ``seconds``-long sung clip: speed (× real time, CPU and wall
    clock, best of ``repeats``) and peak memory."""
    timing = _child(_TIMING, seconds, repeats)
    memory = _child(_MEMORY, seconds)
    seconds = timing["duration"]
    cpu = timing["render_cpu"] + timing["mp3_cpu"]
    wall = timing["render_wall"] + timing["mp3_wall"]
    return [
        {"figure": "clip", "value": f"{seconds:.0f} s stereo 44.1 kHz, vocals + "
         f"{len(timing['layers']) - 1} stems", "target": ""},
        {"figure": "render (CPU)", "value": f"{seconds / timing['render_cpu']:.0f}× real time",
         "target": ""},
        {"figure": "mp3 encode (CPU)", "value": f"{seconds / timing['mp3_cpu']:.0f}× real time",
         "target": ""},
        {"figure": "render + mp3 (CPU, one core)", "value": f"{seconds / cpu:.0f}× real time",
         "target": "≥ 60×", "ok": seconds / cpu >= 60},
        {"figure": "render + mp3 (wall clock)", "value": f"{seconds / wall:.0f}× real time",
         "target": "", "wall_s": round(wall, 3)},
        {"figure": "peak memory (tracemalloc)", "value": f"{memory['traced_peak_mb']:.0f} MB",
         "target": "< 300 MB", "ok": memory["traced_peak_mb"] < 300},
        {"figure": "peak RSS of the process", "value": f"{timing['max_rss_mb']:.0f} MB",
         "target": "< 300 MB", "ok": timing["max_rss_mb"] < 300},
        {"figure": "stems sum to mix (max error)", "value": f"{timing['sum_error']:.1e}",
         "target": "< 1e-4", "ok": timing["sum_error"] < 1e-4},
    ]  # fmt: skip


def _table(rows: list[dict[str, Any]]) -> str:
    width = max(len(r["figure"]) for r in rows)
    vwidth = max(len(r["value"]) for r in rows)
    lines = [f"{'figure':<{width}}  {'value':<{vwidth}}  target"]
    for r in rows:
        mark = "" if "ok" not in r else ("  ok" if r["ok"] else "  MISSED")
        lines.append(f"{r['figure']:<{width}}  {r['value']:<{vwidth}}  {r['target']}{mark}")
    return "\n".join(lines)


if __name__ == "__main__":
    import numpy

    print(f"machine: {platform.machine()} {platform.processor() or ''} · {os.cpu_count()} CPUs · "
          f"Python {platform.python_version()} · numpy {numpy.__version__}")  # fmt: skip
    print(_table(run()))
