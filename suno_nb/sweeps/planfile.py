"""Sweeps described in a TOML (or YAML, if PyYAML is installed) file, for ``suno-nb sweep``.

Paths in the file are relative to the file. Every table but ``[base]`` and one design table
is optional::

    [sweep]
    id = "night-bus-weirdness"   # needed to resume; default: derived from the file's content
    action = "generate"
    repeats = 2
    max_concurrency = 4
    budget = 20                  # credits; a bigger plan is refused before anything is sent
    over_budget = "refuse"       # or "stop": send until the budget is spent, shared by workers
    rate_limit = 30              # submissions per minute for every process on the catalogue
    catalogue = "sweep_catalogue"

    [base]
    prompt = "a calm lofi song about a night bus"

    [grid]                       # or [zip], [random] / [latin_hypercube] with ranges, n, seed
    weirdness = [0.0, 0.5, 1.0]
    style_influence = [0.0, 0.5, 1.0]

    [report]
    path = "sweep_report.html"
    audio = "link"               # or "embed"
    features = ["onset_irregularity", "key_confidence"]

Example:
    >>> spec = load_plan_text('[base]\\nprompt = "x"\\n[grid]\\nweirdness = [0, 1]\\n')
    >>> spec.sweep.plan().n_requests
    2
"""

from __future__ import annotations

import hashlib
import json
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from suno_nb.errors import FieldProblem, SunoError, ValidationError
from suno_nb.sweeps.sweep import Sweep

__all__ = ["PlanFile", "load_plan", "load_plan_text", "run_plan_file"]

_DESIGNS = ("grid", "zip", "random", "latin_hypercube")
_SWEEP_KEYS = {
    "id",
    "action",
    "repeats",
    "max_concurrency",
    "budget",
    "catalogue",
    "timeout",
    "costs",
    "n_jobs",
    "over_budget",
    "rate_limit",
}
_TABLES = {"sweep", "base", "report", *_DESIGNS}


@dataclass
class PlanFile:
    """A parsed plan file: the sweep to run and where its report goes."""

    sweep: Sweep
    report_path: Path | None = None
    report_audio: str = "link"
    report_features: list[str] | None = None
    source: dict[str, Any] = field(default_factory=dict)


def load_plan(path: str | Path) -> PlanFile:
    """Read a ``.toml`` (or ``.yaml``/``.yml``) plan file."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    return load_plan_text(text, folder=path.parent, yaml=path.suffix in (".yaml", ".yml"))


def load_plan_text(text: str, *, folder: Path | None = None, yaml: bool = False) -> PlanFile:
    """Parse plan text; unknown tables and keys are refused, naming them."""
    folder = folder or Path.cwd()
    data = _parse(text, yaml)
    unknown = sorted(set(data) - _TABLES)
    settings = dict(data.get("sweep", {}))
    unknown += [f"sweep.{k}" for k in sorted(set(settings) - _SWEEP_KEYS)]
    if unknown:
        raise ValidationError(
            [
                FieldProblem(
                    unknown[0],
                    None,
                    f"tables {', '.join(sorted(_TABLES))}",
                    f"unknown entries in the plan file: {', '.join(unknown)}",
                )
            ]
        )
    designs = {k: data[k] for k in _DESIGNS if k in data}
    if len(designs) != 1:
        raise ValidationError(
            [
                FieldProblem(
                    "design",
                    sorted(designs),
                    "exactly one of [grid], [zip], [random], [latin_hypercube]",
                    "a plan file needs exactly one design table ([grid], [zip], [random] or "
                    f"[latin_hypercube]); found {sorted(designs) or 'none'}",
                )
            ]
        )
    ((kind, body),) = designs.items()
    if kind in ("random", "latin_hypercube"):
        body = {
            "ranges": body.get("ranges", {}),
            "n": body.get("n", 10),
            "seed": body.get("seed", 0),
        }
    catalogue = settings.get("catalogue")
    sweep_id = settings.get("id") or _content_id(data)
    sweep = Sweep(
        data.get("base", {}),
        design={kind: body},
        repeats=settings.get("repeats", 1),
        action=settings.get("action", "generate"),
        catalogue=None if catalogue is None else (folder / catalogue).resolve(),
        max_concurrency=settings.get("max_concurrency", 4),
        budget=settings.get("budget"),
        costs=settings.get("costs"),
        sweep_id=sweep_id,
        timeout=settings.get("timeout"),
        n_jobs=settings.get("n_jobs"),
        over_budget=settings.get("over_budget", "refuse"),
        rate_limit=settings.get("rate_limit"),
    )
    report = dict(data.get("report", {}))
    report_path = report.get("path")
    return PlanFile(
        sweep=sweep,
        report_path=None if report_path is None else (folder / report_path).resolve(),
        report_audio=report.get("audio", "link"),
        report_features=report.get("features"),
        source=data,
    )


def _parse(text: str, yaml: bool) -> dict[str, Any]:
    if not yaml:
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ValidationError(
                [
                    FieldProblem(
                        "plan", None, "valid TOML", f"the plan file is not valid TOML: {exc}"
                    )
                ]
            ) from exc
    try:
        import yaml as pyyaml  # optional: TOML needs nothing beyond the standard library
    except ModuleNotFoundError:
        raise ValidationError(
            [
                FieldProblem(
                    "plan",
                    None,
                    "a .toml file",
                    "YAML plan files need PyYAML (pip install pyyaml); or write TOML",
                )
            ]
        ) from None
    loaded = pyyaml.safe_load(text)
    if not isinstance(loaded, Mapping):
        raise ValidationError(
            [FieldProblem("plan", None, "a mapping", "the YAML is not a mapping")]
        )
    return dict(loaded)


def _content_id(data: Mapping[str, Any]) -> str:
    """A stable id from what is asked (not from settings such as concurrency), so re-running
    or resuming the same file finds the same sweep."""
    asked = {k: data[k] for k in ("base", *_DESIGNS) if k in data}
    asked["action"] = data.get("sweep", {}).get("action", "generate")
    asked["repeats"] = data.get("sweep", {}).get("repeats", 1)
    digest = hashlib.sha256(json.dumps(asked, sort_keys=True, default=str).encode()).hexdigest()
    return f"plan-{digest[:10]}"


def run_plan_file(path: str, resume: bool = False) -> int:
    """Run the plan file at ``path``; with ``resume`` finish a sweep started before.

    Without ``resume``, a sweep id already in the catalogue is refused (a second run could look
    like a mistake that pays twice); with it, only cells never sent are submitted. Exit codes:
    0 all cells done, 1 some failed or were left pending, 2 refused before sending anything.
    """
    from suno_nb.sweeps.sweep import _open_catalogue

    try:
        spec = load_plan(path)
        sweep = spec.sweep
        plan = sweep.plan()
        print(plan)
        plan.raise_for_problems()
        catalogue = _open_catalogue(sweep.catalogue)
        sweep.catalogue = catalogue
        exists = catalogue.queue.record(plan.sweep_id) is not None  # old plan files read in
        if exists and not resume:
            print(
                f"sweep {plan.sweep_id} already exists in {catalogue.root}; run again with "
                "--resume to finish it (only cells never sent are submitted), or set a new "
                "[sweep] id",
                file=sys.stderr,
            )
            return 2
        if resume and not exists:
            print(f"nothing to resume: starting sweep {plan.sweep_id}", file=sys.stderr)
        sweep.run()
    except (ValidationError, OSError) as exc:
        print(f"refused, nothing was sent: {exc}", file=sys.stderr)
        return 2
    except SunoError as exc:
        print(f"sweep stopped: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(f"sweep {sweep.sweep_id_}: {sweep.report_}")
    print("cells: " + ", ".join(f"{n} {s}" for s, n in sweep.status().items() if n))
    if spec.report_path is not None and sweep.status()["done"]:
        written = sweep.report(
            spec.report_path, audio=spec.report_audio, features=spec.report_features
        )
        print(f"report: {written}")
    counts = sweep.status()
    return 0 if counts["done"] == sum(counts.values()) else 1
