"""Statistics that tell an effect from take-to-take noise: per-cell means with bootstrap
confidence intervals, each knob's effect (two-way ANOVA or a permutation test), effect sizes,
slopes per unit with intervals, a plain-words summary, and the repeats a wanted interval needs.

Everything takes a results frame (one row per clip, the swept fields as columns), never a sweep.

Example:
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(0)
    >>> grid = [(w, s) for w in (0, 0.5, 1) for s in (0, 0.5, 1) for _ in range(4)]
    >>> df = pd.DataFrame(grid, columns=["weirdness", "style_influence"])
    >>> df["f"] = 0.3 * df["weirdness"] + rng.normal(0, 0.05, len(df))
    >>> result = effects(df, "f", ["weirdness", "style_influence"], unit="clip")
    >>> result.knobs_.loc["weirdness", "verdict"], result.knobs_.loc["style_influence", "verdict"]
    ('effect', 'no effect beyond noise')
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["Effects", "cell_intervals", "effects", "repeats_for"]

_METHODS = ("anova", "permutation")
_UNITS = ("auto", "clip", "repeat")


@dataclass
class Effects:
    """What :func:`effects` found for one feature.

    ``cells_``: one row per cell (the knobs, ``n``, ``mean``, ``std``, ``ci_low``, ``ci_high``).
    ``knobs_``: one row per knob and the interaction (``slope`` per unit with ``slope_low`` /
    ``slope_high``, ``statistic`` (F), ``df``, ``p_value``, ``eta_squared`` (partial η²),
    ``verdict``). ``summary`` says it in words.
    """

    feature: str
    axes: list[str]
    unit: str
    method: str
    confidence: float
    alpha: float
    cells_: pd.DataFrame
    knobs_: pd.DataFrame
    notes: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """Plain words: each knob's effect with its interval, or that it shows none."""
        parts = []
        level = f"{self.confidence:.0%}".replace("%", " %")
        for name, row in self.knobs_.iterrows():
            test = _test_words(row, self.method)
            if " × " in str(name):
                a, b = str(name).split(" × ")
                if row["verdict"] == "effect":
                    parts.append(f"the effect of {a} depends on {b} ({test})")
                else:
                    parts.append(f"no interaction of {a} and {b} beyond noise ({test})")
                continue
            if row["verdict"] != "effect":
                parts.append(f"{name} shows no effect beyond noise ({test})")
                continue
            slope = row["slope"]
            if slope == slope:  # a numeric knob: say the slope
                verb = "raises" if slope > 0 else "lowers"
                parts.append(
                    f"{name} {verb} {self.feature} by {abs(slope):.3g} per unit, {level} CI "
                    f"{row['slope_low']:.3g} to {row['slope_high']:.3g} ({test})"
                )
            else:
                parts.append(f"{name} changes {self.feature} ({test})")
        # Field names keep their case ("weirdness", not "Weirdness"): they are names to type.
        text = "; ".join(parts) + "."
        return " ".join([text, *self.notes])

    def table(self) -> pd.DataFrame:
        """``knobs_`` rounded for reading."""
        return self.knobs_.round(4)

    def to_html(self) -> str:
        """The summary, the knob table and the per-cell intervals, as one HTML block."""
        knobs = self.knobs_.to_html(
            escape=True, border=0, float_format=lambda v: f"{v:.3g}", na_rep="–"
        )
        cells = self.cells_.to_html(
            index=False, escape=True, border=0, float_format=lambda v: f"{v:.4g}", na_rep="–"
        )
        level = f"{self.confidence:.0%}"
        return (
            f"<div class='suno-nb-effects'><p><b>{html.escape(self.feature)}</b>: "
            f"{html.escape(self.summary)}</p>{knobs}"
            f"<details><summary>per-cell means with {level} bootstrap intervals "
            f"(unit: {html.escape(self.unit)})</summary>{cells}</details></div>"
        )

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return f"Effects({self.feature!r}: {self.summary})"


def effects(
    frame: pd.DataFrame,
    feature: str,
    axes: Sequence[str],
    *,
    method: str = "anova",
    confidence: float = 0.95,
    alpha: float = 0.05,
    unit: str = "auto",
    n_resamples: int = 2000,
    seed: int = 0,
) -> Effects:
    """Tell the effect of each swept knob on ``feature`` from take-to-take noise.

    ``method="anova"``: a one- or two-way ANOVA on the knobs as categories (Type II sums of
    squares, so unequal repeats are fine); ``"permutation"``: the same F statistics, their
    p-values from ``n_resamples`` shuffles within the other knob's levels (no normality
    assumed). Slopes per unit come from a least-squares line over the numeric knobs together,
    with a t interval. ``unit="repeat"`` averages the clips of one request first (they share a
    request, so they are not independent takes); ``"clip"`` counts every clip; ``"auto"`` uses
    repeats when every cell has at least two, else clips.

    Example:
        >>> effects(sw.results(), "onset_irregularity", sw.axes).summary   # doctest: +SKIP
        'weirdness raises onset_irregularity by 0.27 per unit, 95 % CI 0.2 to 0.34 (...)'
    """
    import numpy as np
    import pandas as pd

    axes = list(axes)
    _check(frame, feature, axes, method, confidence, alpha, unit)
    data, unit = _units(frame, feature, axes, unit)
    notes: list[str] = []
    rng = np.random.default_rng(seed)
    cells = cell_intervals(
        data, feature, axes, confidence=confidence, n_resamples=n_resamples, rng=rng
    )
    if (cells["n"] < 2).any():
        notes.append("Some cells have one take only: their spread is unknown (add repeats).")
    y = data[feature].to_numpy(dtype=float)
    codes = [pd.factorize(data[a], sort=True)[0] for a in axes]
    terms = _terms(axes)
    statistic, df, p_value, eta = {}, {}, {}, {}
    observed = _anova(y, codes, terms)
    if observed is None:
        notes.append("Too few takes to estimate the noise: no test was possible.")
    for name, (f_value, dof, p, eta_sq) in (observed or {}).items():
        statistic[name], df[name], p_value[name], eta[name] = f_value, dof, p, eta_sq
    if method == "permutation" and observed is not None:
        p_value = _permutation_p(y, codes, terms, observed, n_resamples, rng)
    slopes = _slopes(data, feature, axes, confidence)
    rows = []
    for name in terms:
        p = p_value.get(name, math.nan)
        low, mid, high = slopes.get(name, (math.nan, math.nan, math.nan))
        rows.append(
            {
                "term": name,
                "slope": mid,
                "slope_low": low,
                "slope_high": high,
                "statistic": statistic.get(name, math.nan),
                "df": df.get(name, ""),
                "p_value": p,
                "eta_squared": eta.get(name, math.nan),
                "verdict": "effect" if p == p and p < alpha else "no effect beyond noise",
            }
        )
    knobs = pd.DataFrame(rows).set_index("term")
    knobs.index.name = None
    return Effects(feature, axes, unit, method, confidence, alpha, cells, knobs, notes)


def cell_intervals(
    frame: pd.DataFrame,
    feature: str,
    axes: Sequence[str],
    *,
    confidence: float = 0.95,
    n_resamples: int = 2000,
    rng: np.random.Generator | int | None = 0,
) -> pd.DataFrame:
    """Per cell of ``axes``: ``n``, ``mean``, ``std`` and a percentile bootstrap interval of the
    mean over the cell's takes (``NaN`` bounds for a cell with one take).

    Example:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"w": [0, 0, 0, 1, 1, 1], "f": [1., 2., 3., 5., 5., 5.]})
        >>> cells = cell_intervals(df, "f", ["w"])
        >>> cells[["w", "n", "mean"]].values.tolist()
        [[0.0, 3.0, 2.0], [1.0, 3.0, 5.0]]
        >>> float(cells["ci_low"].iloc[1]), float(cells["ci_high"].iloc[1])
        (5.0, 5.0)
    """
    import numpy as np
    import pandas as pd

    generator = np.random.default_rng(rng)
    tail = (1 - confidence) / 2 * 100
    rows = []
    for key, part in frame.groupby(list(axes), observed=True, sort=True):
        values = part[feature].to_numpy(dtype=float)
        values = values[np.isfinite(values)]
        n = len(values)
        low = high = math.nan
        if n >= 2:
            picks = generator.integers(0, n, size=(n_resamples, n))
            means = values[picks].mean(axis=1)
            low, high = np.percentile(means, [tail, 100 - tail])
        key = key if isinstance(key, tuple) else (key,)
        rows.append(
            {
                **dict(zip(axes, key, strict=True)),
                "n": n,
                "mean": values.mean() if n else math.nan,
                "std": values.std(ddof=1) if n >= 2 else math.nan,
                "ci_low": low,
                "ci_high": high,
            }
        )
    return pd.DataFrame(rows)


def repeats_for(
    frame: pd.DataFrame,
    feature: str,
    axes: Sequence[str],
    width: float,
    *,
    confidence: float = 0.95,
    unit: str = "auto",
    clips_per_request: int = 2,
) -> int:
    """Repeats per cell so that a cell mean's ``confidence`` interval is at most ``width`` wide,
    judged from a pilot run's pooled within-cell spread (a t interval, as ANOVA assumes).

    Example:
        >>> import pandas as pd
        >>> pilot = pd.DataFrame({"w": [0, 0, 1, 1], "f": [0.0, 1.0, 2.0, 3.0]})
        >>> repeats_for(pilot, "f", ["w"], width=0.5, unit="clip", clips_per_request=1)
        34
    """
    import numpy as np
    from scipy import stats

    if not (isinstance(width, int | float) and width > 0):
        raise ValueError(
            f"width must be a positive number (the interval's full width); got {width!r}"
        )
    _check(frame, feature, list(axes), "anova", confidence, 0.05, unit)
    data, unit = _units(frame, feature, list(axes), unit)
    groups = data.groupby(list(axes), observed=True)[feature]
    dof = int((groups.count() - 1).clip(lower=0).sum())
    if dof < 1:
        raise ValueError(
            f"the pilot has one take per cell of {feature!r}: its noise is unknown; run the pilot "
            "with repeats=2 or more"
        )
    pooled = float(np.sqrt(((groups.count() - 1) * groups.var(ddof=1)).sum() / dof))
    per_repeat = 1 if unit == "repeat" else max(1, clips_per_request)
    for repeats in range(2, 10_001):
        n = repeats * per_repeat
        half = stats.t.ppf(0.5 + confidence / 2, n - 1) * pooled / math.sqrt(n)
        if 2 * half <= width:
            return repeats
    return 10_000


# --- the pieces -------------------------------------------------------------------------------


def _check(
    frame: pd.DataFrame,
    feature: str,
    axes: list[str],
    method: str,
    confidence: float,
    alpha: float,
    unit: str,
) -> None:
    missing = [c for c in (feature, *axes) if c not in frame.columns]
    if missing:
        numeric = [c for c in frame.columns if frame[c].dtype.kind in "fiu"]
        raise KeyError(
            f"no column {', '.join(map(repr, missing))} in the results; numeric columns: "
            f"{', '.join(numeric)}"
        )
    if not axes or len(axes) > 2:
        raise ValueError(f"axes must name one or two swept fields; got {axes!r}")
    if method not in _METHODS:
        raise ValueError(f"method must be one of {_METHODS}; got {method!r}")
    if unit not in _UNITS:
        raise ValueError(f"unit must be one of {_UNITS}; got {unit!r}")
    for name, value in (("confidence", confidence), ("alpha", alpha)):
        if not 0 < value < 1:
            raise ValueError(f"{name} must be between 0 and 1 (e.g. 0.95); got {value!r}")


def _units(
    frame: pd.DataFrame, feature: str, axes: list[str], unit: str
) -> tuple[pd.DataFrame, str]:
    data = frame[frame[feature].notna()]
    has_repeats = {"cell", "repeat"} <= set(data.columns)
    if unit == "auto":
        if has_repeats:
            per_cell = data.groupby(axes, observed=True)["repeat"].nunique()
            unit = "repeat" if (per_cell >= 2).all() else "clip"
        else:
            unit = "clip"
    if unit == "repeat":
        if not has_repeats:
            raise ValueError(
                "unit='repeat' needs the 'cell' and 'repeat' columns of sweep.results()"
            )
        data = data.groupby([*axes, "cell", "repeat"], observed=True, as_index=False)[
            feature
        ].mean()
    return data.reset_index(drop=True), unit


def _terms(axes: list[str]) -> list[str]:
    return list(axes) + ([f"{axes[0]} × {axes[1]}"] if len(axes) == 2 else [])


def _dummies(codes: Any) -> np.ndarray:
    import numpy as np

    levels = int(codes.max()) + 1 if len(codes) else 0
    return np.eye(levels)[codes][:, 1:]  # treatment coding: the first level is the baseline


def _rss(y: np.ndarray, *blocks: np.ndarray) -> tuple[float, int]:
    import numpy as np

    design = np.column_stack([np.ones(len(y)), *blocks])
    coef, *_ = np.linalg.lstsq(design, y, rcond=None)
    residual = y - design @ coef
    return float(residual @ residual), int(np.linalg.matrix_rank(design))


def _anova(
    y: np.ndarray, codes: list[Any], terms: list[str]
) -> dict[str, tuple[float, str, float, float]] | None:
    """F, df (``"term, error"``), p and partial η² per term, Type II sums of squares."""
    import numpy as np
    from scipy import stats

    cell = codes[0] if len(codes) == 1 else codes[0] * (int(codes[1].max()) + 1) + codes[1]
    _, cell = np.unique(cell, return_inverse=True)
    full, rank_full = _rss(y, _dummies(cell))
    df_error = len(y) - rank_full
    if df_error < 1:
        return None
    mean_error = full / df_error
    dummies = [_dummies(c) for c in codes]
    out: dict[str, tuple[float, str, float, float]] = {}
    if len(codes) == 1:
        base, rank_base = _rss(y)
        comparisons = {terms[0]: (base - full, rank_full - rank_base)}
    else:
        additive, rank_add = _rss(y, *dummies)
        only_b, rank_b = _rss(y, dummies[1])
        only_a, rank_a = _rss(y, dummies[0])
        comparisons = {
            terms[0]: (only_b - additive, rank_add - rank_b),
            terms[1]: (only_a - additive, rank_add - rank_a),
            terms[2]: (additive - full, rank_full - rank_add),
        }
    for name, (ss, dof) in comparisons.items():
        if dof < 1:
            out[name] = (math.nan, "", math.nan, math.nan)
            continue
        ss = max(ss, 0.0)
        if mean_error <= 0:  # no noise at all: any difference is an effect
            f_value = math.inf if ss > 1e-12 else 0.0
            p = 0.0 if ss > 1e-12 else 1.0
        else:
            f_value = (ss / dof) / mean_error
            p = float(stats.f.sf(f_value, dof, df_error))
        eta = ss / (ss + full) if ss + full > 0 else math.nan
        out[name] = (f_value, f"{dof}, {df_error}", p, eta)
    return out


def _permutation_p(
    y: np.ndarray,
    codes: list[Any],
    terms: list[str],
    observed: dict[str, tuple[float, str, float, float]],
    n_resamples: int,
    rng: np.random.Generator,
) -> dict[str, float]:
    """p-values of the observed F statistics under shuffles that keep the other effects."""
    import numpy as np

    p: dict[str, float] = {}
    for index, name in enumerate(terms):
        f_obs = observed[name][0]
        if math.isnan(f_obs):
            p[name] = math.nan
            continue
        if index < len(codes):
            # A main effect: shuffle y within the levels of the other knob (if any).
            strata = codes[1 - index] if len(codes) == 2 else np.zeros(len(y), dtype=int)
            groups = [np.flatnonzero(strata == s) for s in np.unique(strata)]
            shuffled_y = None
        else:
            # The interaction: shuffle the residuals of the additive model (Freedman–Lane).
            dummies = [_dummies(c) for c in codes]
            design = np.column_stack([np.ones(len(y)), *dummies])
            coef, *_ = np.linalg.lstsq(design, y, rcond=None)
            fitted, residual = design @ coef, y - design @ coef
            shuffled_y = (fitted, residual)
        hits = 0
        for _ in range(n_resamples):
            if shuffled_y is None:
                trial = y.copy()
                for members in groups:
                    trial[members] = y[rng.permutation(members)]
            else:
                fitted, residual = shuffled_y
                trial = fitted + rng.permutation(residual)
            result = _anova(trial, codes, terms)
            hits += result is not None and result[name][0] >= f_obs - 1e-12
        p[name] = (hits + 1) / (n_resamples + 1)
    return p


def _slopes(
    data: pd.DataFrame, feature: str, axes: list[str], confidence: float
) -> dict[str, tuple[float, float, float]]:
    """Least-squares slope per unit of each numeric knob (both in one model), t interval."""
    import numpy as np
    from scipy import stats

    numeric = [a for a in axes if data[a].dtype.kind in "fiub"]
    if not numeric:
        return {}
    y = data[feature].to_numpy(dtype=float)
    columns = [data[a].to_numpy(dtype=float) for a in numeric]
    design = np.column_stack([np.ones(len(y)), *columns])
    dof = len(y) - np.linalg.matrix_rank(design)
    if dof < 1:
        return {}
    coef, *_ = np.linalg.lstsq(design, y, rcond=None)
    residual = y - design @ coef
    sigma2 = float(residual @ residual) / dof
    try:
        covariance = sigma2 * np.linalg.inv(design.T @ design)
    except np.linalg.LinAlgError:
        return {}
    t = stats.t.ppf(0.5 + confidence / 2, dof)
    out = {}
    for i, name in enumerate(numeric, start=1):
        se = math.sqrt(max(covariance[i, i], 0.0))
        out[name] = (coef[i] - t * se, coef[i], coef[i] + t * se)
    return out


def _test_words(row: Any, method: str) -> str:
    p = row["p_value"]
    if math.isnan(p):
        return "not testable"
    shown = "p < 0.001" if p < 0.001 else f"p = {p:.2g}"
    if method == "permutation":
        return f"permutation {shown}, partial η² = {row['eta_squared']:.2f}"
    return (
        f"F({row['df']}) = {row['statistic']:.3g}, {shown}, partial η² = {row['eta_squared']:.2f}"
    )
