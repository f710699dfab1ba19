"""Blind listening tests: a plain controller (which clips a rater hears, in which order, and
what they answered), kept apart from its widget and from the analysis of the answers.

Each rater gets a seeded, balanced order (a Williams Latin square over the clips, or over the
pairs with the A/B sides swapped half the time); the clips' parameters stay hidden until the
rater has answered every trial. Answers go into the catalogue's folder (one JSON-lines file per
rater, so a class rating at once never overwrites each other) with the rater, the order shown
and the times.

Example:
    >>> test = listening_test(sw, kind="rating")       # doctest: +SKIP
    >>> session = test.session("ana")                  # doctest: +SKIP
    >>> session.current.labels, session.answer(5)      # doctest: +SKIP
    >>> test.results().cell_means()                    # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
import math
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from suno_nb.catalogue import Catalogue
    from suno_nb.sweeps.listening_results import ListeningResults

__all__ = [
    "KINDS",
    "AnswerBook",
    "ListeningTest",
    "Session",
    "Stimulus",
    "Trial",
    "balanced_order",
    "listening_test",
]

#: What a trial asks: a rating on a scale, which of two is preferred, or which of two was
#: made with the higher value of a knob.
KINDS = ("rating", "preference", "which_higher")


@dataclass(frozen=True)
class Stimulus:
    """One clip of a test: its id, its file, and the parameters hidden from the rater."""

    clip_id: str
    audio_path: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Trial:
    """What a rater sees at one step: neutral labels and files only, never the parameters."""

    index: int
    labels: tuple[str, ...]
    audio_paths: tuple[str, ...]
    question: str
    kind: str
    scale: tuple[int, int] | None = None
    _clip_ids: tuple[str, ...] = field(default=(), repr=False)


def balanced_order(n: int, row: int) -> list[int]:
    """Row ``row`` of a Williams design for ``n`` items: every item appears once at each
    position over ``n`` rows (``2n`` when ``n`` is odd), and each item follows every other
    equally often.

    Example:
        >>> [balanced_order(4, r) for r in range(4)]
        [[0, 1, 3, 2], [1, 2, 0, 3], [2, 3, 1, 0], [3, 0, 2, 1]]
    """
    if n <= 0:
        return []
    base, low, high = [0], 1, n - 1
    while len(base) < n:
        base.append(low)
        low += 1
        if len(base) < n:
            base.append(high)
            high -= 1
    rows = n if n % 2 == 0 else 2 * n
    row %= rows
    order = [(item + row) % n for item in base]
    return order[::-1] if row >= n else order


class AnswerBook:
    """The answers of one test, kept in a catalogue (its ``listening_answers`` rows).

    Every answer is written at once, as its own row, so raters in several kernels, Voilà
    sessions or machines on one shared catalogue (sqlite or PostgreSQL) add to the same test
    and nothing is lost when a page reloads.
    """

    def __init__(self, catalogue: Catalogue, test_id: str) -> None:
        self.catalogue = catalogue
        self.test_id = test_id

    def append(self, record: Mapping[str, Any]) -> None:
        self.catalogue.record_answer(self.test_id, record)

    def records(self, rater: str | None = None) -> list[dict[str, Any]]:
        return self.catalogue.answers(self.test_id, rater)


class ListeningTest:
    """A blind listening test over ``stimuli``; ``session(rater)`` drives one rater.

    ``kind``: ``"rating"`` (each clip on ``scale``), ``"preference"`` (which of A and B is
    preferred) or ``"which_higher"`` (which of A and B was made with the higher ``knob``).
    ``raters`` (optional, the class list) fixes each rater's row of the balanced design;
    other names get a row from their name. ``max_pairs`` caps the pair trials (a seeded
    sample of the pairs, every clip kept as evenly as possible).
    """

    def __init__(
        self,
        stimuli: Sequence[Stimulus],
        *,
        kind: str = "rating",
        question: str | None = None,
        scale: tuple[int, int] = (1, 7),
        knob: str | None = None,
        seed: int = 0,
        raters: Sequence[str] | None = None,
        max_pairs: int | None = 30,
        test_id: str | None = None,
        answers: AnswerBook | None = None,
        axes: Sequence[str] = (),
        features: pd.DataFrame | None = None,
    ) -> None:
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}; got {kind!r}")
        if len(stimuli) < (1 if kind == "rating" else 2):
            raise ValueError(
                f"a {kind} test needs at least {1 if kind == 'rating' else 2} clips with audio; "
                f"got {len(stimuli)} (run the sweep, or fetch_missing() first)"
            )
        if kind == "which_higher":
            if not knob:
                raise ValueError("kind='which_higher' needs knob= (e.g. knob='weirdness')")
            missing = [s.clip_id for s in stimuli if s.params.get(knob) is None]
            if missing:
                raise ValueError(f"knob {knob!r} is not set on clips {missing[:3]}")
        low, high = scale
        if not (isinstance(low, int) and isinstance(high, int) and low < high):
            raise ValueError(f"scale must be two whole numbers (low, high); got {scale!r}")
        self.stimuli = list(stimuli)
        self.kind = kind
        self.question = question or _default_question(kind, knob)
        self.scale = (low, high)
        self.knob = knob
        self.seed = seed
        self.raters = list(raters or [])
        self.max_pairs = max_pairs
        self.test_id = test_id or _test_id(self.stimuli, kind, self.question, seed)
        self.answers = answers
        self.axes = list(axes)
        self.features = features
        self._by_id = {s.clip_id: s for s in self.stimuli}

    # --- the plan of trials ------------------------------------------------------------------
    def _units(self) -> list[tuple[int, ...]]:
        """Rating: one unit per clip; pairs: the pairs asked, in a seeded base order."""
        import numpy as np

        rng = np.random.default_rng(self.seed)
        n = len(self.stimuli)
        if self.kind == "rating":
            return [(i,) for i in rng.permutation(n).tolist()]
        pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
        if self.kind == "which_higher":
            pairs = [
                (i, j)
                for i, j in pairs
                if self.stimuli[i].params[self.knob] != self.stimuli[j].params[self.knob]
            ]
        order = rng.permutation(len(pairs)).tolist()
        pairs = [pairs[k] for k in order]
        if self.max_pairs is not None and len(pairs) > self.max_pairs:
            pairs = _even_sample(pairs, self.max_pairs, n)
        return pairs

    def row_of(self, rater: str) -> int:
        """The rater's row of the balanced design."""
        if rater in self.raters:
            return self.raters.index(rater)
        digest = hashlib.sha256(f"{self.seed}:{rater}".encode()).hexdigest()
        return int(digest[:8], 16)

    def trials(self, rater: str) -> list[Trial]:
        """Every trial ``rater`` will see, in order (labels and files, no parameters)."""
        units = self._units()
        row = self.row_of(rater)
        trials = []
        for position, unit_index in enumerate(balanced_order(len(units), row)):
            unit = units[unit_index]
            if len(unit) == 2 and (row + position) % 2:  # A/B sides counterbalanced
                unit = (unit[1], unit[0])
            shown = [self.stimuli[i] for i in unit]
            labels = (f"Clip {position + 1}",) if len(unit) == 1 else ("A", "B")
            trials.append(
                Trial(
                    index=position,
                    labels=labels,
                    audio_paths=tuple(s.audio_path for s in shown),
                    question=self.question,
                    kind=self.kind,
                    scale=self.scale if self.kind == "rating" else None,
                    _clip_ids=tuple(s.clip_id for s in shown),
                )
            )
        return trials

    def session(self, rater: str) -> Session:
        """Start (or, after a restart, continue) ``rater``'s session."""
        rater = (rater or "").strip()
        if not rater:
            raise ValueError("rater must be a name (e.g. the student's first name)")
        return Session(self, rater)

    # --- answers -----------------------------------------------------------------------------
    def records(self) -> list[dict[str, Any]]:
        """Every stored answer of this test (all raters)."""
        return self.answers.records() if self.answers is not None else []

    def results(self) -> ListeningResults:
        """The answers as a table with the analysis (see :class:`ListeningResults`)."""
        from suno_nb.sweeps.listening_results import ListeningResults

        return ListeningResults.from_records(
            self.records(),
            self.stimuli,
            kind=self.kind,
            knob=self.knob,
            axes=self.axes,
            features=self.features,
            scale=self.scale,
        )

    def widget(self, rater: str | None = None) -> Any:
        """The ipywidgets view: a name box (or ``rater``), players, answer buttons."""
        from suno_nb.sweeps.listening_widget import listening_widget

        return listening_widget(self, rater=rater)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        from suno_nb.frontend import in_notebook

        if in_notebook():
            bundle = self.widget()._repr_mimebundle_(include=include, exclude=exclude)
            if isinstance(bundle, tuple):
                bundle = bundle[0]
            return dict(bundle)
        return {"text/plain": repr(self)}

    def __repr__(self) -> str:
        return (
            f"ListeningTest({self.kind}, {len(self.stimuli)} clips, "
            f"{len(self._units())} trials per rater, test_id={self.test_id!r})"
        )


class Session:
    """One rater going through a test: ``current``, ``answer(value)``, ``done``, ``reveal()``."""

    def __init__(self, test: ListeningTest, rater: str) -> None:
        self.test = test
        self.rater = rater
        self.trials = test.trials(rater)
        earlier = test.answers.records(rater) if test.answers is not None else []
        done = {r["trial"] for r in earlier if r.get("test_id") == test.test_id}
        self._answers: dict[int, Any] = {
            r["trial"]: r["answer"] for r in earlier if r.get("test_id") == test.test_id
        }
        self._position = next((t.index for t in self.trials if t.index not in done), None)
        self._shown_at = time.time()

    @property
    def done(self) -> bool:
        return self._position is None

    @property
    def progress(self) -> tuple[int, int]:
        """``(answered, total)``."""
        return len(self._answers), len(self.trials)

    @property
    def current(self) -> Trial | None:
        """The trial to answer now (``None`` when done)."""
        return None if self._position is None else self.trials[self._position]

    def choices(self) -> list[Any]:
        """The answers the current trial allows."""
        trial = self.current
        if trial is None:
            return []
        if trial.kind == "rating":
            low, high = trial.scale or (1, 7)
            return list(range(low, high + 1))
        return list(trial.labels)

    def answer(self, value: Any) -> Trial | None:
        """Record ``value`` for the current trial and move on; returns the next trial."""
        trial = self.current
        if trial is None:
            raise RuntimeError(f"{self.rater} has answered every trial; see reveal()")
        allowed = self.choices()
        if value not in allowed or isinstance(value, bool):
            raise ValueError(f"answer must be one of {allowed}; got {value!r}")
        now = time.time()
        record = {
            "test_id": self.test.test_id,
            "kind": trial.kind,
            "rater": self.rater,
            "trial": trial.index,
            "position": trial.index,
            "clips": list(trial._clip_ids),
            "labels": list(trial.labels),
            "answer": value,
            "chosen": (
                trial._clip_ids[trial.labels.index(value)] if trial.kind != "rating" else None
            ),
            "shown_at": self._shown_at,
            "answered_at": now,
            "seconds": round(now - self._shown_at, 3),
        }
        if self.test.answers is not None:
            self.test.answers.append(record)
        self._answers[trial.index] = value
        remaining = [t.index for t in self.trials if t.index not in self._answers]
        self._position = remaining[0] if remaining else None
        self._shown_at = time.time()
        return self.current

    def reveal(self) -> pd.DataFrame:
        """After the last answer: what each trial was (clips, their parameters, the answer).
        Raises before that: the parameters stay hidden while the rater is still listening."""
        import pandas as pd

        if not self.done:
            answered, total = self.progress
            raise PermissionError(
                f"{self.rater} has answered {answered} of {total} trials: the parameters stay "
                "hidden until every trial is answered"
            )
        rows = []
        for trial in self.trials:
            row: dict[str, Any] = {"trial": trial.index, "answer": self._answers.get(trial.index)}
            for label, clip_id in zip(trial.labels, trial._clip_ids, strict=True):
                key = "clip" if len(trial.labels) == 1 else label
                row[key] = clip_id
                for name, value in self.test._by_id[clip_id].params.items():
                    row[f"{name}" if key == "clip" else f"{key}_{name}"] = value
            if trial.kind == "which_higher":
                knob = self.test.knob
                values = [self.test._by_id[c].params[knob] for c in trial._clip_ids]
                row["right"] = row["answer"] == trial.labels[values.index(max(values))]
            rows.append(row)
        return pd.DataFrame(rows)


def listening_test(
    source: Any,
    *,
    kind: str = "rating",
    question: str | None = None,
    knob: str | None = None,
    per_cell: int = 1,
    catalogue: Any = None,
    seed: int = 0,
    test_id: str | None = None,
    **options: Any,
) -> ListeningTest:
    """A blind :class:`ListeningTest` over a sweep, a list of tracks (or clip ids) or a
    catalogue query (a dict of ``Catalogue.to_pandas`` filters, with ``catalogue=``).

    From a sweep, ``per_cell`` clips of each cell are used (first repeat first) and ``knob``
    defaults to its first swept field. Answers are kept in the catalogue's folder.

    Example:
        >>> test = listening_test(sw, kind="which_higher", knob="weirdness")   # doctest: +SKIP
        >>> test.widget()                                                        # doctest: +SKIP
    """
    frame, axes, catalogue = _source_frame(source, catalogue)
    if knob is None and axes and kind == "which_higher":
        knob = axes[0]
    ok = frame[frame["audio_state"].astype(str) == "ok"]
    if axes and "repeat" in ok.columns:
        ok = ok.sort_values(["repeat", "clip_id"], kind="stable")
        ok = ok.groupby(axes, observed=True, sort=True).head(per_cell)
    knobs = list(axes) or [k for k in (knob,) if k]
    stimuli = []
    for _, row in ok.iterrows():
        params = {k: _plain(row[k]) for k in knobs if k in row}
        if "cell" in row and row["cell"] == row["cell"] and row["cell"] is not None:
            params.setdefault("cell", _plain(row["cell"]))
        path = catalogue.get(str(row["clip_id"])).path  # the files layer: s3:// too
        stimuli.append(Stimulus(str(row["clip_id"]), str(path), params))
    test = ListeningTest(
        stimuli,
        kind=kind,
        question=question,
        knob=knob,
        seed=seed,
        test_id=test_id,
        axes=knobs,
        features=ok.set_index("clip_id"),
        **options,
    )
    test.answers = AnswerBook(catalogue, test.test_id)
    return test


# --- helpers -------------------------------------------------------------------------------------


def _source_frame(source: Any, catalogue: Any) -> tuple[pd.DataFrame, list[str], Any]:
    if hasattr(source, "results") and hasattr(source, "axes"):  # a sweep that has run
        frame = source.results()
        return frame, list(source.axes), source.catalogue_
    if catalogue is None:
        catalogue = _catalogue_of(source)
    if isinstance(source, Mapping):
        return catalogue.to_pandas(**source), [], catalogue
    if isinstance(source, Iterable) and not isinstance(source, str | bytes):
        ids = [getattr(item, "id", item) for item in source]
        frame = catalogue.to_pandas()
        frame = frame[frame["clip_id"].isin(ids)]
        order = {clip_id: i for i, clip_id in enumerate(ids)}
        frame = frame.sort_values("clip_id", key=lambda s: s.map(order))
        return frame, [], catalogue
    raise TypeError(
        "source must be a sweep that has run, a list of tracks or clip ids, or a dict of "
        f"catalogue filters; got {type(source).__name__}"
    )


def _catalogue_of(source: Any) -> Any:
    if not isinstance(source, Mapping) and isinstance(source, Iterable):
        for item in source:
            if hasattr(item, "catalogue"):
                return item.catalogue
            break
    from suno_nb.catalogue import default_catalogue

    return default_catalogue()


def _even_sample(pairs: list[tuple[int, ...]], limit: int, n: int) -> list[tuple[int, ...]]:
    """Take ``limit`` pairs, always the next one whose clips have been used least."""
    uses = [0] * n
    chosen, left = [], list(pairs)
    while left and len(chosen) < limit:
        best = min(range(len(left)), key=lambda k: (uses[left[k][0]] + uses[left[k][1]], k))
        pair = left.pop(best)
        chosen.append(pair)
        for i in pair:
            uses[i] += 1
    return chosen


def _default_question(kind: str, knob: str | None) -> str:
    if kind == "rating":
        return "How experimental does this clip sound?"
    if kind == "preference":
        return "Which of the two do you prefer?"
    return f"Which of the two was made with the higher {knob}?"


def _test_id(stimuli: Sequence[Stimulus], kind: str, question: str, seed: int) -> str:
    text = json.dumps([[s.clip_id for s in stimuli], kind, question, seed])
    return f"lt-{hashlib.sha256(text.encode()).hexdigest()[:10]}"


def _plain(value: Any) -> Any:
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value
