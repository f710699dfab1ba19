"""Run the benchmarks and print one table each, with the machine and library versions.

python -m benchmarks              # all of them
python -m benchmarks client synth # some of them
"""

from __future__ import annotations

import contextlib
import importlib
import os
import platform
import sys
import time
from importlib import metadata

NAMES = (
    "client",
    "emulator",
    "synth",
    "features",
    "catalogue",
    "sweep",
    "scale",
    "memory",
    "voila",
)


def _versions() -> str:
    names = ("suno-nb", "httpx2", "aiohttp", "pydantic", "numpy", "librosa", "lameenc")
    parts = []
    for name in names:
        with contextlib.suppress(metadata.PackageNotFoundError):
            parts.append(f"{name} {metadata.version(name)}")
    return ", ".join(parts)


def print_table(title: str, rows: list[dict]) -> None:
    """Print rows (dicts with the same keys) as an aligned text table."""
    print(f"\n## {title}")
    if not rows:
        print("(no rows)")
        return
    keys = list(dict.fromkeys(k for row in rows for k in row))
    cells = [[_fmt(row.get(k, "")) for k in keys] for row in rows]
    widths = [max(len(k), *(len(c[i]) for c in cells)) for i, k in enumerate(keys)]
    print("  ".join(k.ljust(w) for k, w in zip(keys, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for c in cells:
        print("  ".join(v.ljust(w) for v, w in zip(c, widths, strict=True)))


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)


def main(argv: list[str]) -> int:
    wanted = argv or list(NAMES)
    print(f"# suno_nb benchmarks — {time.strftime('%Y-%m-%d %H:%M')}")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.system()} {platform.release()}"
    )
    print(f"versions: {_versions()}")
    failed = 0
    for name in wanted:
        try:
            module = importlib.import_module(f"benchmarks.bench_{name}")
        except ModuleNotFoundError as exc:
            print(f"\n## {name}: not available ({exc})")
            continue
        started = time.perf_counter()
        try:
            rows = module.run()
        except Exception as exc:  # one broken benchmark must not hide the others
            failed += 1
            print(f"\n## {name}: FAILED: {type(exc).__name__}: {exc}")
            continue
        print_table(f"{name} ({time.perf_counter() - started:.0f} s)", rows)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
