"""Designs: which parameter values a sweep tries. Full grids, zipped lists, random and
Latin-hypercube samples of ranges; every one expands to a list of plain ``{field: value}`` points.

Ranges default to the field's own limits in :mod:`suno_nb.schema`, so ``LatinHypercube(
{"weirdness": None}, n=8)`` samples 0…1 without restating the table.

Example:
    >>> Grid({"weirdness": [0, 1], "style_influence": [0.2, 0.8]}).points()[:2]
    [{'weirdness': 0, 'style_influence': 0.2}, {'weirdness': 0, 'style_influence': 0.8}]
    >>> Zip({"weirdness": [0, 1], "style_influence": [0.2, 0.8]}).points()
    [{'weirdness': 0, 'style_influence': 0.2}, {'weirdness': 1, 'style_influence': 0.8}]
    >>> len(LatinHypercube({"weirdness": None}, n=5, seed=1).points())
    5
"""

from __future__ import annotations

import difflib
import itertools
import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from suno_nb import schema
from suno_nb.errors import FieldProblem, ValidationError

__all__ = ["Design", "Grid", "LatinHypercube", "RandomSample", "Zip", "as_design"]

Range = tuple[float, float] | Sequence[Any] | None


@dataclass
class Design:
    """Base class: a named set of axes that expands to points (one dict per cell)."""

    kind: str = field(init=False, default="design")

    @property
    def axes(self) -> list[str]:
        raise NotImplementedError

    def points(self) -> list[dict[str, Any]]:
        raise NotImplementedError

    def describe(self) -> str:
        """One line for plans and reports."""
        raise NotImplementedError

    def to_dict(self) -> dict[str, Any]:
        """A JSON/TOML-safe description that :func:`as_design` turns back into the design."""
        raise NotImplementedError

    def problems(self) -> list[FieldProblem]:
        """Structural problems (empty axes, unknown fields); values are checked per cell later."""
        found = []
        if not self.axes:
            found.append(
                FieldProblem(
                    "design",
                    {},
                    "at least one field with at least one value",
                    "the sweep's design is empty: give at least one field to vary, e.g. "
                    "grid={'weirdness': [0, 0.5, 1]}",
                )
            )
        for name in self.axes:
            if name in ("action", "callback_url", "async"):
                found.append(
                    FieldProblem(
                        name,
                        None,
                        "a request field",
                        f"{name} cannot be swept; set action= on the Sweep instead",
                    )
                )
            elif name not in schema.FIELDS:
                close = difflib.get_close_matches(name, list(schema.FIELDS), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                found.append(
                    FieldProblem(
                        name,
                        None,
                        "a field of suno_nb.schema.FIELDS",
                        f"{name!r} is not a request field{hint} (see suno_nb.schema.FIELDS)",
                    )
                )
        return found


def _values_problem(name: str, values: Any) -> FieldProblem | None:
    if isinstance(values, str | bytes) or not isinstance(values, Sequence) or not len(values):
        return FieldProblem(
            name,
            values,
            "a non-empty list of values",
            f"{name} must be a non-empty list of values to try; got {values!r}",
        )
    return None


@dataclass
class Grid(Design):
    """Every combination of the listed values (the first field varies slowest).

    Example:
        >>> len(Grid({"weirdness": [0, 0.5, 1], "style_influence": [0, 1]}).points())
        6
    """

    values: Mapping[str, Sequence[Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.kind = "grid"
        self.values = {k: list(v) if _is_list(v) else v for k, v in dict(self.values).items()}

    @property
    def axes(self) -> list[str]:
        return list(self.values)

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(len(v) for v in self.values.values())

    def problems(self) -> list[FieldProblem]:
        found = super().problems()
        found += [p for k, v in self.values.items() if (p := _values_problem(k, v))]
        return found

    def points(self) -> list[dict[str, Any]]:
        if not self.values:
            return []
        names = list(self.values)
        combos = itertools.product(*(self.values[n] for n in names))
        return [dict(zip(names, combo, strict=True)) for combo in combos]

    def describe(self) -> str:
        parts = [f"{k} ∈ {_short(v)}" for k, v in self.values.items()]
        return "full grid: " + " × ".join(parts) if parts else "empty grid"

    def to_dict(self) -> dict[str, Any]:
        return {"grid": {k: list(v) for k, v in self.values.items()}}


@dataclass
class Zip(Design):
    """Lists of equal length, taken position by position (cell i uses each list's i-th value).

    Example:
        >>> Zip({"weirdness": [0, 1], "style_influence": [1, 0]}).points()[1]
        {'weirdness': 1, 'style_influence': 0}
    """

    values: Mapping[str, Sequence[Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.kind = "zip"
        self.values = {k: list(v) if _is_list(v) else v for k, v in dict(self.values).items()}

    @property
    def axes(self) -> list[str]:
        return list(self.values)

    def problems(self) -> list[FieldProblem]:
        found = super().problems()
        found += [p for k, v in self.values.items() if (p := _values_problem(k, v))]
        lengths = {k: len(v) for k, v in self.values.items() if _is_list(v)}
        if len(set(lengths.values())) > 1:
            found.append(
                FieldProblem(
                    "design",
                    lengths,
                    "lists of the same length",
                    f"zipped lists must have the same length; got {lengths} (use grid= for "
                    "every combination)",
                )
            )
        return found

    def points(self) -> list[dict[str, Any]]:
        if not self.values:
            return []
        names = list(self.values)
        return [
            dict(zip(names, combo, strict=False))
            for combo in zip(*self.values.values(), strict=True)
        ]

    def describe(self) -> str:
        return "zipped: " + ", ".join(f"{k} = {_short(v)}" for k, v in self.values.items())

    def to_dict(self) -> dict[str, Any]:
        return {"zip": {k: list(v) for k, v in self.values.items()}}


@dataclass
class RandomSample(Design):
    """``n`` independent uniform samples of each range (``None``: the field's schema range;
    a list: choose among its values).

    Example:
        >>> pts = RandomSample({"weirdness": (0.2, 0.4)}, n=3, seed=0).points()
        >>> all(0.2 <= p["weirdness"] <= 0.4 for p in pts)
        True
    """

    ranges: Mapping[str, Range] = field(default_factory=dict)
    n: int = 10
    seed: int = 0
    decimals: int = 3  # rounded so cells read well in tables and plans

    def __post_init__(self) -> None:
        self.kind = "random"
        self.ranges = dict(self.ranges)

    @property
    def axes(self) -> list[str]:
        return list(self.ranges)

    def problems(self) -> list[FieldProblem]:
        found = super().problems()
        if not isinstance(self.n, int) or isinstance(self.n, bool) or self.n < 1:
            found.append(
                FieldProblem("n", self.n, "a whole number ≥ 1", f"n must be ≥ 1; got {self.n!r}")
            )
        known = [k for k in self.ranges if k in schema.FIELDS]
        found += [p for k in known if (p := _range_problem(k, self.ranges[k]))]
        return found

    def _unit_samples(self, rng: random.Random) -> list[list[float]]:
        return [[rng.random() for _ in self.ranges] for _ in range(self.n)]

    def points(self) -> list[dict[str, Any]]:
        if not self.ranges or self.n < 1:
            return []
        rng = random.Random(self.seed)
        names = list(self.ranges)
        return [
            {
                name: _scale(name, self.ranges[name], u, self.decimals)
                for name, u in zip(names, row, strict=True)
            }
            for row in self._unit_samples(rng)
        ]

    def describe(self) -> str:
        spans = ", ".join(f"{k} in {_range_text(k, v)}" for k, v in self.ranges.items())
        return f"{self.kind} sample of {self.n} points (seed {self.seed}): {spans}"

    def to_dict(self) -> dict[str, Any]:
        ranges = {k: (list(v) if v is not None else "schema") for k, v in self.ranges.items()}
        return {self.kind: {"ranges": ranges, "n": self.n, "seed": self.seed}}


@dataclass
class LatinHypercube(RandomSample):
    """``n`` samples such that each field's range is cut into ``n`` strata, each used once:
    better coverage than independent random draws for the same number of (paid) requests.

    Example:
        >>> pts = LatinHypercube({"weirdness": (0, 1)}, n=4, seed=0).points()
        >>> sorted(int(p["weirdness"] * 4) for p in pts)
        [0, 1, 2, 3]
    """

    def __post_init__(self) -> None:
        super().__post_init__()
        self.kind = "latin_hypercube"

    def _unit_samples(self, rng: random.Random) -> list[list[float]]:
        columns = []
        for _ in self.ranges:
            strata = list(range(self.n))
            rng.shuffle(strata)
            columns.append([(s + rng.random()) / self.n for s in strata])
        return [list(row) for row in zip(*columns, strict=True)]


def _is_list(value: Any) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, str | bytes)


def _range_problem(name: str, given: Range) -> FieldProblem | None:
    spec = schema.FIELDS[name]
    if given is None:
        if spec.kind in ("float", "int") and spec.ge is not None and spec.le is not None:
            return None
        if spec.kind in ("enum", "bool"):
            return None
        return FieldProblem(
            name,
            given,
            "a (low, high) pair or a list of values",
            f"{name} has no bounded range in the schema; give (low, high) or a list of values",
        )
    if not _is_list(given) or not len(given):
        return FieldProblem(
            name,
            given,
            "a (low, high) pair or a list of values",
            f"{name} must be a (low, high) pair or a list of values; got {given!r}",
        )
    return None


def _span(name: str, given: Range) -> tuple[float, float] | list[Any]:
    spec = schema.FIELDS[name]
    if given is None:
        if spec.kind == "enum":
            return list(spec.choices)
        if spec.kind == "bool":
            return [False, True]
        return (float(spec.ge), float(spec.le))  # type: ignore[arg-type]
    if spec.kind in ("float", "int") and len(given) == 2 and isinstance(given, tuple):
        return (float(given[0]), float(given[1]))
    return list(given)


def _scale(name: str, given: Range, u: float, decimals: int) -> Any:
    span = _span(name, given)
    if isinstance(span, list):
        return span[min(int(u * len(span)), len(span) - 1)]
    lo, hi = span
    if schema.FIELDS[name].kind == "int":
        return int(min(hi, math.floor(lo + u * (hi - lo + 1))))
    return round(lo + u * (hi - lo), decimals)


def _range_text(name: str, given: Range) -> str:
    if name not in schema.FIELDS:
        return repr(given)
    span = _span(name, given)
    return _short(span) if isinstance(span, list) else f"[{span[0]:g}, {span[1]:g}]"


def _short(values: Sequence[Any]) -> str:
    shown = [f"{v:g}" if isinstance(v, float) else repr(v) for v in list(values)[:6]]
    more = f", … ({len(values)} values)" if len(values) > 6 else ""
    return "[" + ", ".join(shown) + more + "]"


def as_design(
    grid: Design | Mapping[str, Any] | None = None,
    *,
    zip: Mapping[str, Sequence[Any]] | None = None,
    design: Design | Mapping[str, Any] | None = None,
) -> Design:
    """One :class:`Design` from ``grid=``, ``zip=`` or ``design=`` (an object or its dict).

    Example:
        >>> as_design({"weirdness": [0, 1]}).kind
        'grid'
        >>> as_design(design={"latin_hypercube": {"ranges": {"weirdness": "schema"}, "n": 3}}).kind
        'latin_hypercube'
    """
    given = [d for d in (grid, zip, design) if d is not None]
    if len(given) != 1:
        raise ValidationError(
            [
                FieldProblem(
                    "design",
                    None,
                    "exactly one of grid=, zip= or design=",
                    "give exactly one of grid=, zip= or design= "
                    f"(got {len(given)}); e.g. grid={{'weirdness': [0, 0.5, 1]}}",
                )
            ]
        )
    if isinstance(grid, Design):
        return grid
    if grid is not None:
        return Grid(grid)
    if zip is not None:
        return Zip(zip)
    if isinstance(design, Design):
        return design
    return _from_dict(dict(design or {}))


def _from_dict(data: dict[str, Any]) -> Design:
    if len(data) != 1:
        raise ValidationError(
            [
                FieldProblem(
                    "design",
                    data,
                    "one of grid, zip, random, latin_hypercube",
                    f"a design dict has exactly one key (grid, zip, random or latin_hypercube); "
                    f"got {sorted(data)}",
                )
            ]
        )
    ((kind, body),) = data.items()
    if kind == "grid":
        return Grid(body)
    if kind == "zip":
        return Zip(body)
    if kind in ("random", "latin_hypercube"):
        body = dict(body)
        ranges = {
            k: None if v in (None, "schema") else (tuple(v) if _numeric_pair(v) else list(v))
            for k, v in dict(body.get("ranges", {})).items()
        }
        cls = RandomSample if kind == "random" else LatinHypercube
        return cls(ranges, n=int(body.get("n", 10)), seed=int(body.get("seed", 0)))
    raise ValidationError(
        [
            FieldProblem(
                "design",
                kind,
                "grid, zip, random or latin_hypercube",
                f"unknown design kind {kind!r}; use grid, zip, random or latin_hypercube",
            )
        ]
    )


def _numeric_pair(value: Any) -> bool:
    return (
        _is_list(value)
        and len(value) == 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
    )
