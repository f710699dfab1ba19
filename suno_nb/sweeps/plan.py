"""The plan of a sweep: its cells (design points × repeats), request and clip counts, and the
credit estimate, checked through :mod:`suno_nb.schema` before anything is sent.

Credits come from the provider's list prices in :data:`suno_nb.schema.LIST_PRICES` (per action
and options: ``max_mode`` doubles generate and add_stem), averaged over the cells. Prices on
the real service change: check your Ace Data Cloud dashboard and pass ``costs={"generate": …}``
(or ``{"*": …}`` for every action) to override.

Example:
    >>> from suno_nb.sweeps.design import Grid
    >>> plan = build_plan("generate", {"prompt": "lofi"}, Grid({"weirdness": [0, 1]}), repeats=2)
    >>> plan.n_requests, plan.n_clips, round(plan.credits, 2)
    (4, 8, 2.24)
"""

from __future__ import annotations

import html
import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from suno_nb import schema
from suno_nb.errors import FieldProblem, ValidationError
from suno_nb.sweeps.design import Design

__all__ = ["CREDITS_PER_REQUEST", "Cell", "Plan", "build_plan", "clips_per_request"]

#: Overrides of the schema's list prices, by action (``"*"``: every action); empty by default,
#: so plans use :data:`suno_nb.schema.LIST_PRICES`. ``Sweep(costs={...})`` adds to it per sweep.
CREDITS_PER_REQUEST: dict[str, float] = {}


@dataclass(frozen=True)
class Cell:
    """One request of a sweep: design point ``index``, repeat number, and the swept values."""

    index: int
    repeat: int
    params: Mapping[str, Any]

    @property
    def key(self) -> tuple[int, int]:
        return (self.index, self.repeat)

    def coordinates(self) -> dict[str, Any]:
        """What the catalogue stores in ``cell``: flat, so a table reads it at a glance."""
        return {"cell": self.index, "repeat": self.repeat, **self.params}


def clips_per_request(action: str) -> int:
    """How many clips one request of ``action`` returns (from the schema's description)."""
    spec = schema.ACTIONS.get(action)
    match = re.match(r"\s*(\d+)", spec.clips) if spec is not None else None
    return int(match.group(1)) if match else 2


@dataclass
class Plan:
    """What a sweep will send. Shown as a table in notebooks, as text elsewhere."""

    action: str
    base: dict[str, Any]
    design: Design
    repeats: int
    cells: list[Cell]
    credits_per_request: float
    clips_per_request: int
    budget: float | None = None
    sweep_id: str | None = None
    problems: list[FieldProblem] = field(default_factory=list)
    #: The list-price estimate of each design point (``cells[i].index`` → credits).
    point_credits: list[float] = field(default_factory=list)

    @property
    def n_points(self) -> int:
        return len(self.cells) // max(self.repeats, 1)

    @property
    def n_requests(self) -> int:
        return len(self.cells)

    @property
    def n_clips(self) -> int:
        return self.n_requests * self.clips_per_request

    @property
    def credits(self) -> float:
        return self.n_requests * self.credits_per_request

    @property
    def ok(self) -> bool:
        return not self.problems

    def raise_for_problems(self) -> None:
        """Raise :class:`~suno_nb.errors.ValidationError` listing every problem found."""
        if self.problems:
            raise ValidationError(self.problems, action=f"sweep of {self.action}")

    def rows(self) -> list[dict[str, Any]]:
        """One dict per design point (repeats folded): what the tables show."""
        seen: dict[int, dict[str, Any]] = {}
        for cell in self.cells:
            seen.setdefault(cell.index, {"cell": cell.index, **cell.params})
        return list(seen.values())

    def summary(self) -> str:
        budget = "no budget set" if self.budget is None else f"budget {self.budget:g} credits"
        return (
            f"{self.n_points} cells × {self.repeats} repeat(s) = {self.n_requests} requests → "
            f"{self.n_clips} clips; ≈ {self.credits:g} credits "
            f"({self.credits_per_request:g} per {self.action} request, an estimate); {budget}"
        )

    def __str__(self) -> str:
        lines = [
            f"Sweep plan{f' {self.sweep_id}' if self.sweep_id else ''}: {self.action}",
            f"  design: {self.design.describe()}",
            f"  base:   {_base_text(self.base)}",
            f"  {self.summary()}",
        ]
        rows = self.rows()
        if rows:
            names = list(rows[0])
            width = {n: max(len(n), *(len(_fmt(r.get(n))) for r in rows)) for n in names}
            lines.append("  " + "  ".join(n.rjust(width[n]) for n in names))
            shown = rows if len(rows) <= 25 else rows[:20]
            lines += [
                "  " + "  ".join(_fmt(r.get(n)).rjust(width[n]) for n in names) for r in shown
            ]
            if len(rows) > len(shown):
                lines.append(f"  … {len(rows) - len(shown)} more cells")
        if self.problems:
            lines.append("  PROBLEMS (nothing will be sent):")
            lines += [f"    - {p.message}" for p in self.problems]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"Plan({self.action}, requests={self.n_requests}, credits≈{self.credits:g})"

    def _repr_html_(self) -> str:
        esc = html.escape
        rows = self.rows()
        names = list(rows[0]) if rows else []
        head = "".join(f"<th>{esc(n)}</th>" for n in names)
        body = "".join(
            "<tr>" + "".join(f"<td>{esc(_fmt(r.get(n)))}</td>" for n in names) + "</tr>"
            for r in rows[:50]
        )
        more = f"<p>… {len(rows) - 50} more cells</p>" if len(rows) > 50 else ""
        problems = ""
        if self.problems:
            items = "".join(f"<li>{esc(p.message)}</li>" for p in self.problems)
            problems = (
                f"<p style='color:#b00'><b>Problems (nothing will be sent):</b></p><ul>{items}</ul>"
            )
        return (
            f"<div class='suno-nb-sweep-plan'><b>Sweep plan</b> "
            f"{esc(self.sweep_id or '')} — <code>{esc(self.action)}</code><br>"
            f"design: {esc(self.design.describe())}<br>base: <code>{esc(_base_text(self.base))}"
            f"</code><br><b>{esc(self.summary())}</b>{problems}"
            f"<table><tr>{head}</tr>{body}</table>{more}</div>"
        )

    def to_dict(self) -> dict[str, Any]:
        """What is stored next to the catalogue so ``Sweep.resume(id)`` can rebuild the sweep."""
        return {
            "sweep_id": self.sweep_id,
            "action": self.action,
            "base": self.base,
            "design": self.design.to_dict(),
            "repeats": self.repeats,
            "credits_per_request": self.credits_per_request,
            "budget": self.budget,
            "cells": [c.coordinates() for c in self.cells],
        }


def build_plan(
    action: str,
    base: Mapping[str, Any],
    design: Design,
    *,
    repeats: int = 1,
    costs: Mapping[str, float] | None = None,
    budget: float | None = None,
    sweep_id: str | None = None,
) -> Plan:
    """Expand the design into cells and collect every problem (never raises for bad input).

    Example:
        >>> from suno_nb.sweeps.design import Grid
        >>> p = build_plan("generate", {"prompt": "x"}, Grid({"weirdness": [0, 2]}))
        >>> [q.field for q in p.problems]
        ['weirdness']
    """
    table = {**CREDITS_PER_REQUEST, **(costs or {})}
    base = dict(base)
    problems = list(design.problems())
    if not isinstance(repeats, int) or isinstance(repeats, bool) or repeats < 1:
        problems.append(
            FieldProblem(
                "repeats",
                repeats,
                "a whole number ≥ 1",
                f"repeats must be a whole number ≥ 1; got {repeats!r}",
            )
        )
        repeats = 1
    overlap = sorted(set(base) & set(design.axes))
    if overlap:
        problems.append(
            FieldProblem(
                overlap[0],
                base[overlap[0]],
                "a field in either base or the design",
                f"{', '.join(overlap)} is both in base and in the design; remove it from base",
            )
        )
    if problems:  # still say which values are out of range, so one round trip fixes all
        problems += _value_problems(design)
    points = [] if problems else design.points()
    cells = [Cell(i, r, p) for i, p in enumerate(points) for r in range(repeats)]
    if not problems:
        problems += _cell_problems(action, base, points)
    prices = [schema.list_price(action, {**base, **p}, overrides=table) for p in points or [{}]]
    per_request = sum(prices) / len(prices)  # cells may differ (a design over max_mode)
    plan = Plan(
        action=action,
        base=base,
        design=design,
        repeats=repeats,
        cells=cells,
        credits_per_request=per_request,
        clips_per_request=clips_per_request(action),
        budget=budget,
        sweep_id=sweep_id,
        problems=problems,
        point_credits=prices if points else [],
    )
    if budget is not None and not problems and plan.credits > budget:
        plan.problems.append(
            FieldProblem(
                "budget",
                budget,
                f"at least {plan.credits:g} credits",
                f"the sweep needs ≈ {plan.credits:g} credits ({plan.n_requests} requests × "
                f"{per_request:g}) but the budget is {budget:g}; raise budget=, use fewer values "
                "or repeats, or a random/latin_hypercube design with a smaller n",
            )
        )
    return plan


def _value_problems(design: Design) -> list[FieldProblem]:
    values = getattr(design, "values", None)
    if not isinstance(values, Mapping):
        return []
    found = []
    for name, given in values.items():
        spec = schema.FIELDS.get(name)
        if spec is None or isinstance(given, str | bytes) or not isinstance(given, list):
            continue
        for value in dict.fromkeys(map(repr, given)):
            problem = schema.check_value(spec, given[[repr(v) for v in given].index(value)])
            if problem is not None:
                found.append(problem)
    return found


def _cell_problems(
    action: str, base: Mapping[str, Any], points: list[dict[str, Any]]
) -> list[FieldProblem]:
    """Every distinct problem of every cell's request, found with the schema's own checks."""
    seen: dict[tuple[str, str], FieldProblem] = {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for point in points:
            body = {**base, **point, "action": action}
            for problem in schema.check_request(body):
                seen.setdefault((problem.field, problem.message), problem)
    # One warning per kind (e.g. "needs a newer model") rather than one per cell.
    for message in dict.fromkeys(str(w.message) for w in caught):
        warnings.warn(message, UserWarning, stacklevel=4)
    return list(seen.values())


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return "" if value is None else str(value)


def _base_text(base: Mapping[str, Any]) -> str:
    parts = []
    for key, value in base.items():
        text = repr(value)
        parts.append(f"{key}={text if len(text) < 60 else text[:57] + '…'}")
    return ", ".join(parts) or "(none)"
