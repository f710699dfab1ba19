"""``make demo``: a real 3 × 3 ``weirdness`` × ``style_influence`` sweep with 2 repeats on the
offline emulator, measured, plotted and reported, all inside ``./demo_output/``.

Nothing leaves the machine: the emulator runs in this process (no token is used even if one is
set) and the sweep has its own catalogue in ``demo_output/catalogue``.

Example:
    $ python -m suno_nb.demo            # or: make demo
    $ python -m suno_nb.demo --out /tmp/demo --duration 15
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

__all__ = ["main"]

WEIRDNESS = [0.0, 0.5, 1.0]
STYLE_INFLUENCE = [0.0, 0.5, 1.0]
PROMPT = "a calm lofi song about a night bus in the rain"
# The features the heatmaps show: each moves measurably with one knob on the emulator
# (the demo prints the correlations, so the claim is checked on every run).
HEATMAP_FEATURES = ("pitch_class_entropy", "onset_irregularity", "key_confidence", "mfcc_1")
LINE_FEATURES = ("pitch_class_entropy", "onset_irregularity")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m suno_nb.demo", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--out", default="demo_output", help="output folder (default ./demo_output)"
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per clip asked for")
    parser.add_argument("--concurrency", type=int, default=4, help="cells in flight at once")
    parser.add_argument("--n-jobs", type=int, default=1, help="processes measuring features")
    args = parser.parse_args(argv)
    started = time.perf_counter()

    # The demo is offline by promise: a token or base URL in the environment must not send it
    # to the paid service.
    for name in ("ACEDATACLOUD_API_TOKEN", "ACEDATACLOUD_API_BASE_URL"):
        if os.environ.pop(name, None):
            print(f"(ignoring {name}: the demo always runs on the offline emulator)")

    import warnings

    from suno_nb.sweeps import Sweep

    out = Path(args.out).absolute()
    out.mkdir(parents=True, exist_ok=True)
    sweep = Sweep(
        {"prompt": PROMPT, "duration": args.duration},
        grid={"weirdness": WEIRDNESS, "style_influence": STYLE_INFLUENCE},
        repeats=2,
        catalogue=out / "catalogue",
        max_concurrency=args.concurrency,
        budget=18,
        progress=True,
        n_jobs=args.n_jobs,
    )
    _title("1. Plan (nothing is sent before this is checked)")
    print(sweep.plan())

    _title("2. Run on the offline emulator")
    sweep.run()
    print(sweep.report_)
    print("cells:", ", ".join(f"{n} {s}" for s, n in sweep.status().items() if n))

    _title("3. Features (measured once, cached in the catalogue)")
    t_features = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # librosa's notes about short clips are not news here
        frame = sweep.results()
    print(f"{len(frame)} clips measured in {time.perf_counter() - t_features:.1f} s")
    _print_cell_table(frame, HEATMAP_FEATURES)
    _print_trends(frame, HEATMAP_FEATURES)

    _title("4. Plots and report")
    written = _write_outputs(sweep, frame, out)
    for path in written:
        print(f"  {path}")

    elapsed = time.perf_counter() - started
    _title("Done")
    print(f"wall time: {elapsed:.1f} s  (sweep {sweep.sweep_id_}, {len(frame)} clips)")
    print(f"report:    {written[0]}  (open it in a browser; players link to {out / 'catalogue'})")
    print(f"plots:     {out}/*.png")
    print("notebooks: .venv/bin/jupyter lab notebooks/03_weirdness_style_sweep.ipynb")
    print("           (start with notebooks/01_quickstart.ipynb; `make test` installs Jupyter)")
    catalogue = str(out / "catalogue")
    print(f"resume:    suno_nb.Sweep.resume({sweep.sweep_id_!r}, catalogue={catalogue!r})")
    return 0 if sweep.status()["done"] == len(sweep.plan_.cells) else 1


def _write_outputs(sweep, frame, out: Path) -> list[Path]:  # type: ignore[no-untyped-def]
    from suno_nb.sweeps.plots import heatmap, lines
    from suno_nb.sweeps.report import figure_png

    report = sweep.report(out / "report.html", audio="link", features=HEATMAP_FEATURES)
    written = [report]
    for feature in HEATMAP_FEATURES:
        path = out / f"heatmap_{feature}.png"
        path.write_bytes(figure_png(heatmap(frame, feature, x="weirdness", y="style_influence")))
        written.append(path)
    for feature in LINE_FEATURES:
        path = out / f"lines_{feature}.png"
        figure = lines(frame, feature, x="weirdness", hue="style_influence")
        path.write_bytes(figure_png(figure))
        written.append(path)
    path = out / "spectrograms.png"
    path.write_bytes(figure_png(sweep.plot.spectrograms(), dpi=80))
    written.append(path)
    return written


def _print_cell_table(frame, features) -> None:  # type: ignore[no-untyped-def]
    grouped = frame.groupby(["weirdness", "style_influence"], observed=True)
    mean = grouped[list(features)].mean()
    spread = grouped[list(features)].std(ddof=1)
    names = ["weirdness", "style_infl", *(f[:18] for f in features)]
    print("mean ± std over the 4 clips of each cell (2 repeats × 2 clips)")
    print("  ".join(f"{n:>18}" if i > 1 else f"{n:>10}" for i, n in enumerate(names)))
    for (w, s), row in mean.iterrows():
        cells = [f"{w:>10g}", f"{s:>10g}"]
        cells += [f"{row[f]:>9.3g} ± {spread.loc[(w, s), f]:<6.2g}" for f in features]
        print("  ".join(cells))


def _print_trends(frame, features) -> None:  # type: ignore[no-untyped-def]
    print("\nPearson r of each feature with each knob (over all clips): the trends the plots show")
    for feature in features:
        values = frame[feature].astype(float)
        r_w = values.corr(frame["weirdness"].astype(float))
        r_s = values.corr(frame["style_influence"].astype(float))
        print(f"  {feature:<20} weirdness {r_w:+.2f}   style_influence {r_s:+.2f}")


def _title(text: str) -> None:
    print(f"\n=== {text} ===", flush=True)


if __name__ == "__main__":
    sys.exit(main())
