"""The analysis of a listening test's answers: mean rating per cell with bootstrap intervals,
pairwise preference rates with a binomial test, rater agreement (Krippendorff's alpha) and the
correlation of ratings with each knob and feature.

Takes answer records and stimuli (data), not the test object.

Example:
    >>> krippendorff_alpha({"u1": [1, 1], "u2": [2, 2], "u3": [3, 3]}, level="interval")
    1.0
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ListeningResults", "krippendorff_alpha"]


def krippendorff_alpha(units: Mapping[Any, Iterable[Any]], *, level: str = "interval") -> float:
    """Krippendorff's alpha of the values each unit got from its raters (missing values left
    out; units with one value do not count). ``level``: ``"interval"`` or ``"nominal"``.
    1 is perfect agreement, 0 what chance gives, below 0 systematic disagreement.

    Example:
        >>> krippendorff_alpha({"a": ["x", "x"], "b": ["y", "y"], "c": ["x", "y"]}, level="nominal")
        0.4444444444444444
    """
    if level not in ("interval", "nominal"):
        raise ValueError(f"level must be 'interval' or 'nominal'; got {level!r}")

    def delta(a: Any, b: Any) -> float:
        return float(a != b) if level == "nominal" else (float(a) - float(b)) ** 2

    pairable = [[v for v in values if v is not None and v == v] for values in units.values()]
    pairable = [values for values in pairable if len(values) >= 2]
    n = sum(len(values) for values in pairable)
    if n < 2:
        return math.nan
    observed = 0.0
    for values in pairable:
        m = len(values)
        total = sum(
            delta(a, b) for i, a in enumerate(values) for j, b in enumerate(values) if i != j
        )
        observed += total / (m - 1)
    observed /= n
    every = [v for values in pairable for v in values]
    expected = sum(
        delta(a, b) for i, a in enumerate(every) for j, b in enumerate(every) if i != j
    ) / (n * (n - 1))
    if expected == 0:
        return 1.0 if observed == 0 else math.nan
    return 1.0 - observed / expected


@dataclass
class ListeningResults:
    """``test.results()``: ``frame_`` has one row per answer; the methods analyse it."""

    kind: str
    knob: str | None
    axes: list[str]
    frame_: pd.DataFrame
    scale: tuple[int, int] = (1, 7)
    features: pd.DataFrame | None = field(default=None, repr=False)

    @classmethod
    def from_records(
        cls,
        records: Sequence[Mapping[str, Any]],
        stimuli: Sequence[Any],
        *,
        kind: str,
        knob: str | None = None,
        axes: Sequence[str] = (),
        features: pd.DataFrame | None = None,
        scale: tuple[int, int] = (1, 7),
    ) -> ListeningResults:
        import pandas as pd

        params = {s.clip_id: dict(s.params) for s in stimuli}
        rows = []
        # The last answer of a rater to a trial counts (a re-run notebook may answer twice).
        latest: dict[tuple[str, int], Mapping[str, Any]] = {}
        for record in records:
            if record.get("kind") == kind:
                latest[(record["rater"], record["trial"])] = record
        for record in latest.values():
            row = {
                k: record.get(k)
                for k in ("rater", "trial", "position", "answer", "shown_at", "answered_at")
            }
            clips = list(record.get("clips") or [])
            if kind == "rating":
                row["clip_id"] = clips[0]
                row.update(params.get(clips[0], {}))
            else:
                row["clip_a"], row["clip_b"] = clips
                row["chosen"] = record.get("chosen")
                for label, clip_id in zip(("a", "b"), clips, strict=True):
                    for name, value in params.get(clip_id, {}).items():
                        row[f"{name}_{label}"] = value
            rows.append(row)
        frame = pd.DataFrame(rows)
        if not frame.empty:
            frame = frame.sort_values(["rater", "position"], kind="stable").reset_index(drop=True)
        return cls(kind, knob, list(axes), frame, scale, features)

    # --- ratings ------------------------------------------------------------------------------
    def cell_means(self, *, confidence: float = 0.95, seed: int = 0) -> pd.DataFrame:
        """Mean rating per cell of the knobs (per clip without knobs), with a bootstrap
        interval over the ratings."""
        from suno_nb.sweeps.statistics import cell_intervals

        self._need("rating")
        by = [a for a in self.axes if a in self.frame_.columns] or ["clip_id"]
        frame = self.frame_.assign(rating=self.frame_["answer"].astype(float))
        return cell_intervals(frame, "rating", by, confidence=confidence, rng=seed)

    def correlations(self) -> pd.DataFrame:
        """Spearman correlation of the ratings (or, for pairs, each clip's win rate) with each
        knob and each numeric feature: ``rho``, ``p_value``, ``n``."""
        import pandas as pd
        from scipy import stats

        if self.kind == "rating":
            frame = self.frame_.assign(score=self.frame_["answer"].astype(float))
        else:
            frame = self.win_rates().rename(columns={"win_rate": "score"})
        if self.features is not None and not frame.empty:
            numeric = self.features.select_dtypes("number")
            numeric = numeric.drop(columns=[c for c in numeric if c in frame.columns])
            frame = frame.join(numeric, on="clip_id")
        rows = []
        skip = {"score", "trial", "position", "shown_at", "answered_at", "answer", "wins", "n"}
        for column in frame.columns:
            if column in skip or frame[column].dtype.kind not in "fiub":
                continue
            pair = frame[["score", column]].dropna()
            if len(pair) < 3 or pair[column].nunique() < 2 or pair["score"].nunique() < 2:
                continue
            rho, p = stats.spearmanr(pair["score"], pair[column])
            rows.append({"variable": column, "rho": rho, "p_value": p, "n": len(pair)})
        table = pd.DataFrame(rows, columns=["variable", "rho", "p_value", "n"])
        return table.sort_values("p_value", kind="stable").reset_index(drop=True)

    # --- pairs ------------------------------------------------------------------------------
    def win_rates(self) -> pd.DataFrame:
        """Per clip: how often it was chosen when it was played (``wins``, ``n``, ``win_rate``)."""
        import pandas as pd

        self._need("preference", "which_higher")
        wins: dict[str, int] = defaultdict(int)
        seen: dict[str, int] = defaultdict(int)
        for a, b, chosen in zip(
            self.frame_["clip_a"], self.frame_["clip_b"], self.frame_["chosen"], strict=True
        ):
            for clip in (a, b):
                seen[clip] += 1
            wins[chosen] += 1
        rows = [
            {"clip_id": c, "wins": wins[c], "n": seen[c], "win_rate": wins[c] / seen[c]}
            for c in sorted(seen)
        ]
        return pd.DataFrame(rows)

    def preference(self) -> pd.DataFrame:
        """For each knob: how often the clip with the higher value was chosen, with a two-sided
        binomial test against 50 % (``which_higher``: that is the raters' accuracy)."""
        import pandas as pd
        from scipy import stats

        self._need("preference", "which_higher")
        knobs = [self.knob] if self.kind == "which_higher" else self.axes
        rows = []
        for knob in knobs:
            a, b = f"{knob}_a", f"{knob}_b"
            if a not in self.frame_ or b not in self.frame_:
                continue
            differ = self.frame_[self.frame_[a] != self.frame_[b]]
            higher = differ.apply(
                lambda r, a=a, b=b: r["clip_a"] if r[a] > r[b] else r["clip_b"], axis=1
            )
            n = len(differ)
            hits = int((differ["chosen"] == higher).sum()) if n else 0
            test = stats.binomtest(hits, n, 0.5) if n else None
            low, high = (
                test.proportion_ci(confidence_level=0.95) if test is not None else (math.nan,) * 2
            )
            rows.append(
                {
                    "knob": knob,
                    "chose_higher": hits,
                    "n": n,
                    "rate": hits / n if n else math.nan,
                    "ci_low": low,
                    "ci_high": high,
                    "p_value": test.pvalue if test is not None else math.nan,
                }
            )
        return pd.DataFrame(rows)

    # --- agreement ---------------------------------------------------------------------------
    def agreement(self) -> float:
        """Krippendorff's alpha over raters: interval level for ratings (units = clips),
        nominal for pairs (units = pairs, value = the clip chosen)."""
        units: dict[Any, list[Any]] = defaultdict(list)
        if self.kind == "rating":
            for clip, answer in zip(self.frame_["clip_id"], self.frame_["answer"], strict=True):
                units[clip].append(float(answer))
            return krippendorff_alpha(units, level="interval")
        for a, b, chosen in zip(
            self.frame_["clip_a"], self.frame_["clip_b"], self.frame_["chosen"], strict=True
        ):
            units[frozenset((a, b))].append(chosen)
        return krippendorff_alpha(units, level="nominal")

    # --- words ---------------------------------------------------------------------------------
    def summary(self) -> str:
        """What the answers say, in a few plain sentences."""
        if self.frame_.empty:
            return "No answers yet."
        raters = self.frame_["rater"].nunique()
        parts = [f"{len(self.frame_)} answers from {raters} rater(s)"]
        alpha = self.agreement()
        if alpha == alpha:
            parts.append(f"agreement (Krippendorff's alpha) {alpha:.2f}")
        if self.kind == "rating":
            for row in self.correlations().itertuples():
                if row.variable in self.axes:
                    verdict = "follow" if row.p_value < 0.05 else "show no reliable link with"
                    parts.append(
                        f"ratings {verdict} {row.variable} (Spearman rho {row.rho:.2f}, "
                        f"p = {row.p_value:.2g})"
                    )
        else:
            for row in self.preference().itertuples():
                what = (
                    "picked the higher" if self.kind == "which_higher" else "preferred the higher"
                )
                parts.append(
                    f"raters {what} {row.knob} in {row.chose_higher} of {row.n} pairs "
                    f"({row.rate:.0%}, binomial p = {row.p_value:.2g})"
                )
        return "; ".join(parts) + "."

    def _need(self, *kinds: str) -> None:
        if self.kind not in kinds:
            raise ValueError(f"this needs a {' or '.join(kinds)} test; this one is {self.kind!r}")
        if self.frame_.empty:
            raise ValueError("no answers yet: a rater must finish some trials first")

    def _repr_html_(self) -> str:
        import html

        return f"<p>{html.escape(self.summary())}</p>" + self.frame_.to_html(
            index=False, max_rows=30, border=0
        )
