"""``Sweep``: a base request, a design and repeats; plan it, run it, resume it, look at it.

Parameters go to ``__init__`` (which does nothing else); ``plan()`` and ``run()`` do the work,
and what they learn ends in ``_`` (``sweep_id_``, ``plan_``, ``report_``).

Example:
    >>> from suno_nb.sweeps import Sweep
    >>> sw = Sweep({"prompt": "lofi night bus"}, grid={"weirdness": [0, 0.5, 1]}, repeats=2)
    >>> sw.plan().n_requests
    6
    >>> sw.run().results()[["weirdness", "spectral_flatness"]]   # doctest: +SKIP
"""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from suno_nb.errors import FieldProblem, ValidationError
from suno_nb.sweeps import runner
from suno_nb.sweeps.design import Design, as_design
from suno_nb.sweeps.plan import Plan, build_plan

if TYPE_CHECKING:
    import pandas as pd

    from suno_nb.sweeps.listening_test import ListeningTest
    from suno_nb.sweeps.plots import SweepPlots
    from suno_nb.sweeps.progress import SweepStatus
    from suno_nb.sweeps.statistics import Effects
    from suno_nb.sweeps.tracking import Tracker

__all__ = ["SWEEPS_FOLDER", "Sweep", "sweep"]

#: Folder inside the catalogue where sweep plans were kept as files (``<sweep_id>.json``) before
#: they moved into the store (schema version 6); such files are read in on first use.
SWEEPS_FOLDER = "sweeps"
_OVER_BUDGET = ("refuse", "stop")


class Sweep:
    """A parameter sweep over any request fields of one action, with repeats.

    ``grid`` (every combination), ``zip`` (lists side by side) or ``design`` (a
    :mod:`~suno_nb.sweeps.design` object such as ``LatinHypercube``) say what varies; ``base``
    holds the fields every request shares. ``budget`` (credits) is a hard limit shared by every
    process working the sweep (``suno-nb worker``): each cell's list-price estimate is reserved
    when it is claimed and replaced by the billed ``cost`` the service returns. A plan that
    exceeds it is refused before anything is sent, or, with ``over_budget="stop"``, sent until
    the budget is spent. ``rate_limit`` caps submissions per minute for every process sharing
    the catalogue. Nothing is asked interactively.

    Example:
        >>> sw = Sweep({"prompt": "ambient"}, grid={"weirdness": [0, 1]}, budget=3)
        >>> plan = sw.plan()
        >>> plan.n_requests, plan.n_clips, plan.credits, plan.ok
        (2, 4, 1.12, True)
    """

    def __init__(
        self,
        base: Mapping[str, Any] | None = None,
        grid: Mapping[str, Sequence[Any]] | Design | None = None,
        *,
        zip: Mapping[str, Sequence[Any]] | None = None,
        design: Design | Mapping[str, Any] | None = None,
        repeats: int = 1,
        action: str = "generate",
        client: Any = None,
        catalogue: Any = None,
        max_concurrency: int = 4,
        budget: float | None = None,
        costs: Mapping[str, float] | None = None,
        sweep_id: str | None = None,
        timeout: float | None = None,
        progress: bool | None = None,
        n_jobs: int | None = None,
        tracker: Tracker | None = None,
        over_budget: str = "refuse",
        rate_limit: float | None = None,
    ) -> None:
        self.base = base
        self.grid = grid
        self.zip = zip
        self.design = design
        self.repeats = repeats
        self.action = action
        self.client = client
        self.catalogue = catalogue
        self.max_concurrency = max_concurrency
        self.budget = budget
        self.costs = costs
        self.sweep_id = sweep_id
        self.timeout = timeout
        self.progress = progress
        self.n_jobs = n_jobs
        self.tracker = tracker
        self.over_budget = over_budget
        self.rate_limit = rate_limit

    # --- planning --------------------------------------------------------------------------
    def plan(self) -> Plan:
        """The cells, request and clip counts and credit estimate, with every problem found.

        Never sends anything and never raises for bad input: problems are listed in the plan
        (``run()`` refuses a plan that has any).
        """
        try:
            design = as_design(self.grid, zip=self.zip, design=self.design)
        except ValidationError as exc:
            from suno_nb.sweeps.design import Grid

            plan = build_plan(self.action, dict(self.base or {}), Grid({}), repeats=1)
            plan.problems = exc.problems
            return plan
        plan = build_plan(
            self.action,
            dict(self.base or {}),
            design,
            repeats=self.repeats,
            costs=self.costs,
            budget=self.budget,
            sweep_id=getattr(self, "sweep_id_", None) or self.sweep_id,
        )
        if self.over_budget not in _OVER_BUDGET:
            plan.problems.append(
                FieldProblem(
                    "over_budget",
                    self.over_budget,
                    "'refuse' or 'stop'",
                    f"over_budget must be 'refuse' (a plan over the budget sends nothing) or "
                    f"'stop' (send until the budget is spent); got {self.over_budget!r}",
                )
            )
        elif self.over_budget == "stop":  # the claims stop at the budget instead
            plan.problems = [p for p in plan.problems if p.field != "budget"]
        if self.rate_limit is not None and (
            isinstance(self.rate_limit, bool)
            or not isinstance(self.rate_limit, int | float)
            or self.rate_limit <= 0
        ):
            plan.problems.append(
                FieldProblem(
                    "rate_limit",
                    self.rate_limit,
                    "a number of requests per minute > 0",
                    f"rate_limit must be requests per minute, a number > 0; got "
                    f"{self.rate_limit!r}",
                )
            )
        if not isinstance(self.max_concurrency, int) or self.max_concurrency < 1:
            plan.problems.append(
                FieldProblem(
                    "max_concurrency",
                    self.max_concurrency,
                    "a whole number ≥ 1",
                    f"max_concurrency must be a whole number ≥ 1; got {self.max_concurrency!r}",
                )
            )
        return plan

    # --- running -----------------------------------------------------------------------------
    def run(self) -> Sweep:
        """Validate, record the plan, then submit every cell not yet submitted and wait.

        Safe to call again (or after a crash): cells already in the catalogue are never sent
        twice. Raises :class:`~suno_nb.errors.ValidationError` before sending anything when the
        plan has a problem or exceeds the budget. Returns ``self``; see ``report_``.

        Example:
            >>> sw.run().report_.count("done")   # doctest: +SKIP
            18
        """
        return runner.run_sync(lambda: self._run(retry=(), close=True))._tracked()

    async def arun(self) -> Sweep:
        """``run()`` for code already inside an event loop (``await sweep.arun()``)."""
        return (await self._run(retry=(), close=False))._tracked()

    def retry_failed(self, *, include_uncertain: bool = False) -> Sweep:
        """Submit again every cell whose task failed or was refused (once per call).

        ``include_uncertain=True`` also re-sends cells whose answer was lost; only do that after
        checking your dashboard, since they may exist (and be paid) already.
        """
        states = ("failed", "uncertain") if include_uncertain else ("failed",)
        return runner.run_sync(lambda: self._run(retry=states, close=True))._tracked()

    def log(self, tracker: Tracker | None = None, *, report: bool | None = None) -> Sweep:
        """Send the results to an experiment ``tracker`` (default: the one given to
        ``__init__``): knobs and features per cell, previews and the report as artifacts.

        Example:
            >>> from suno_nb.sweeps.tracking import MLflowTracker
            >>> sw.log(MLflowTracker("file:./mlruns"))   # doctest: +SKIP
        """
        import tempfile

        from suno_nb.sweeps.tracking import log_sweep

        tracker = tracker if tracker is not None else self.tracker
        if tracker is None:
            raise ValueError("no tracker: pass one, e.g. sw.log(MLflowTracker('file:./mlruns'))")
        plan = self._fitted_plan()
        frame = self.results()
        previews = bool(getattr(tracker, "previews", False))
        seconds = float(getattr(tracker, "preview_seconds", 15.0))
        wants_report = getattr(tracker, "report", True) if report is None else report
        with tempfile.TemporaryDirectory() as scratch:
            path = None
            if wants_report and not frame.empty:
                path = self.report(Path(scratch) / f"{self.sweep_id_}.html", audio="link")
            params = {"action": plan.action, "repeats": plan.repeats, "base": plan.base}
            params["design"] = plan.design.to_dict() if hasattr(plan.design, "to_dict") else {}
            log_sweep(
                tracker,
                frame,
                axes=plan.design.axes,
                sweep_id=self.sweep_id_,
                params=params,
                report=path,
                previews=previews,
                preview_seconds=seconds,
            )
        return self

    def _tracked(self) -> Sweep:
        if self.tracker is not None:
            self.log()
        return self

    @classmethod
    def resume(
        cls,
        sweep_id: str,
        *,
        catalogue: Any = None,
        client: Any = None,
        run: bool = True,
        **options: Any,
    ) -> Sweep:
        """Rebuild a sweep from its id (after a kernel restart) and, with ``run=True``, finish
        it: waits for tasks already sent and submits only cells never sent.

        Example:
            >>> Sweep.resume("sw-20261126-0815-3fa2").report_.submitted   # doctest: +SKIP
            7
        """
        catalogue = _open_catalogue(catalogue)
        saved = catalogue.queue.record(sweep_id)  # plans kept as files are read in first
        if saved is None:
            known = catalogue.queue.sweep_ids()
            raise ValidationError(
                [
                    FieldProblem(
                        "sweep_id",
                        sweep_id,
                        "the id of a sweep in this catalogue",
                        f"no sweep {sweep_id!r} in the catalogue at {_where(catalogue)}; "
                        f"known: {', '.join(known[-20:]) or 'none'}",
                    )
                ]
            )
        settings = {k: v for k, v in dict(saved.get("settings", {})).items() if k in _SETTINGS}
        settings.update(options)
        sweep = cls(
            saved["base"],
            design=saved["design"],
            repeats=saved["repeats"],
            action=saved["action"],
            client=client,
            catalogue=catalogue,
            budget=saved.get("budget"),
            costs=saved.get("costs") or {saved["action"]: saved["credits_per_request"]},
            sweep_id=sweep_id,
            **settings,
        )
        if run:
            return sweep.run()
        return sweep._attach(catalogue, sweep.plan())  # results() and plots work at once

    def save(self) -> Sweep:
        """Record the plan in the catalogue's store without sending anything, so workers
        (``suno-nb worker --catalogue URL --sweep ID``) and other notebooks can work it.
        Returns ``self`` (attached: ``status()`` and ``results()`` work at once).

        Example:
            >>> sw = Sweep({"prompt": "x"}, grid={"weirdness": [0, 1]}, catalogue="postgresql://db/lab")
            >>> sw.save().sweep_id_   # doctest: +SKIP
            'sw-20261201-1315-3fa2'
        """
        plan = self.plan()
        plan.raise_for_problems()
        catalogue = _open_catalogue(self.catalogue)
        plan.sweep_id = plan.sweep_id or _new_id()
        self._remember(catalogue, plan)
        return self._attach(catalogue, plan)

    def _attach(self, catalogue: Any, plan: Plan) -> Sweep:
        self.sweep_id_, self.plan_, self.catalogue_, self.report_ = (
            plan.sweep_id, plan, catalogue, None,
        )  # fmt: skip
        self._results = None
        return self

    async def _run(self, *, retry: tuple[str, ...], close: bool) -> Sweep:
        plan = self.plan()
        plan.raise_for_problems()
        catalogue = _open_catalogue(self.catalogue)
        client = _async_client(self.client, catalogue)
        sweep_id = plan.sweep_id or _new_id()
        plan.sweep_id = sweep_id
        rows = runner.cell_rows(catalogue, sweep_id)
        to_send = sum(
            runner.cell_state(rows.get(cell.key, [])) in ("todo", *retry) for cell in plan.cells
        )
        self._check_budget(catalogue, plan, to_send)
        self._remember(catalogue, plan)  # before any request: resume() and workers need it
        try:
            # Claims, lost-answer lookup and waiting for other runs' cells live in the runner.
            report = await runner.run_plan(
                client,
                catalogue,
                sweep_id,
                plan.action,
                plan.base,
                plan.cells,
                retry,
                max_concurrency=self.max_concurrency,
                timeout=self.timeout,
                progress=self.progress,
                budget=self.budget is not None,
                rate_limit=self.rate_limit,
            )
        finally:
            if close:
                await client.aclose()
        self.sweep_id_ = sweep_id
        self.plan_ = plan
        self.catalogue_ = catalogue
        self.report_ = report
        self._results = None
        return self

    def _check_budget(self, catalogue: Any, plan: Plan, n_todo: int) -> None:
        if self.budget is None or self.over_budget == "stop":
            return  # "stop": the claims themselves stop at the budget
        # What was spent: billed costs where the service returned them, estimates for the rest
        # the service may have created (refused and never-created requests cost nothing).
        spent = catalogue.queue.spend(plan.sweep_id, estimates=_estimates(plan)).total
        needed = spent + n_todo * plan.credits_per_request
        if needed > self.budget + 1e-9:
            raise ValidationError(
                [
                    FieldProblem(
                        "budget",
                        self.budget,
                        f"at least {needed:g} credits",
                        f"sending {n_todo} more request(s) would bring this sweep to ≈ "
                        f"{needed:g} credits ({spent:g} already spent), over the budget of "
                        f"{self.budget:g}; nothing was sent. Raise budget= to go on",
                    )
                ],
                action=f"sweep of {plan.action}",
            )

    def _remember(self, catalogue: Any, plan: Plan) -> None:
        """Keep the plan and its cells in the store (the shared work queue)."""
        from suno_nb.catalogue.queue import SweepCell
        from suno_nb.catalogue.store import CatalogueError

        record = plan.to_dict()
        record["costs"] = dict(self.costs or {})
        record["settings"] = {
            "max_concurrency": self.max_concurrency,
            "timeout": self.timeout,
            "over_budget": self.over_budget,
            "rate_limit": self.rate_limit,
        }
        estimates = _estimates(plan)
        cells = [
            SweepCell(runner.cell_item(c), c.index, c.repeat, dict(c.params),
                      estimates[runner.cell_item(c)])
            for c in plan.cells
        ]  # fmt: skip
        try:
            catalogue.queue.save(record, cells)
        except CatalogueError as exc:
            if "other cells" not in str(exc):
                raise
            raise ValidationError(
                [
                    FieldProblem(
                        "sweep_id",
                        plan.sweep_id,
                        "a new id, or the same design as before",
                        f"sweep {plan.sweep_id!r} already exists in {_where(catalogue)} with "
                        "other cells; pick another sweep_id (or none, for a fresh one)",
                    )
                ]
            ) from None

    # --- state -----------------------------------------------------------------------------
    def status(self) -> SweepStatus:
        """How many cells are ``todo``, ``pending``, ``done``, ``failed`` and ``uncertain``,
        read live from the catalogue (every process and worker on it), with who is working
        which cell and the spend so far against the budget (``.spent``, ``.budget``).

        Example:
            >>> print(Sweep.resume("lab-1", catalogue="postgresql://db/lab", run=False).status())
            ... # doctest: +SKIP
            sweep lab-1: 40 done, 8 pending, 16 todo; spent 24.6 of 30 credits (22.4 billed)
              worker lab-2:811:9f1c  20 sent, 4 sending now
        """
        from suno_nb.sweeps.progress import sweep_status

        plan = self._fitted_plan()
        return sweep_status(self.catalogue_, self.sweep_id_, plan.cells, estimates=_estimates(plan))

    def cell_states(self) -> dict[tuple[int, int], str]:
        """The state of every ``(cell, repeat)`` of the plan, read from the catalogue."""
        plan = self._fitted_plan()
        rows = runner.cell_rows(self.catalogue_, self.sweep_id_)
        return {c.key: runner.cell_state(rows.get(c.key, [])) for c in plan.cells}

    def _fitted_plan(self) -> Plan:
        if not hasattr(self, "sweep_id_"):
            raise RuntimeError("this sweep has not run yet: call sweep.run() first")
        return self.plan_

    # --- analysis ----------------------------------------------------------------------------
    def results(self, *, features: bool = True, n_jobs: int | None = None) -> pd.DataFrame:
        """One row per finished clip: cell, repeat, the swept fields, clip facts and features.

        Features are measured once and cached in the catalogue (``n_jobs`` as in joblib).
        """
        from suno_nb.sweeps.analysis import results

        plan = self._fitted_plan()
        return results(
            self.catalogue_,
            self.sweep_id_,
            plan.design.axes,
            features=features,
            n_jobs=self.n_jobs if n_jobs is None else n_jobs,
        )

    def effects(self, feature: str, **options: Any) -> Effects:
        """Is ``feature``'s change bigger than take-to-take noise? Per-cell means with bootstrap
        intervals, each knob's effect and their interaction, effect sizes and a summary in words
        (options as in :func:`~suno_nb.sweeps.statistics.effects`).

        Example:
            >>> print(sw.effects("onset_irregularity").summary)   # doctest: +SKIP
            weirdness raises onset_irregularity by 0.27 per unit, 95 % CI 0.2 to 0.34 (...)
        """
        from suno_nb.sweeps.statistics import effects

        return effects(self.results(), feature, self.axes, **options)

    def repeats_for(self, feature: str, width: float, *, confidence: float = 0.95) -> int:
        """Treat this run as a pilot: the repeats per cell that make a cell mean's interval of
        ``feature`` at most ``width`` wide (then ``Sweep(..., repeats=n).plan()`` costs it).

        Example:
            >>> sw.repeats_for("onset_irregularity", width=0.05)   # doctest: +SKIP
            6
        """
        from suno_nb.sweeps.statistics import repeats_for

        clips = max(1, int(self._fitted_plan().clips_per_request))
        return repeats_for(
            self.results(),
            feature,
            self.axes,
            width,
            confidence=confidence,
            clips_per_request=clips,
        )

    @property
    def axes(self) -> list[str]:
        """The swept fields, in design order."""
        return list(self._fitted_plan().design.axes)

    @property
    def plot(self) -> SweepPlots:
        """Plots: ``plot.heatmap(feature, x=, y=)``, ``plot.lines(feature, x=)``,
        ``plot.spectrograms()``; ``plot(feature)`` is the heatmap."""
        from suno_nb.sweeps.plots import SweepPlots

        return SweepPlots(self.results, self.axes)

    def listening_grid(self, x: str | None = None, y: str | None = None, *, repeat: int = 0) -> Any:
        """A widget with a player on every cell of the grid (``x`` across, ``y`` down)."""
        from suno_nb.sweeps.listening import listening_grid

        return listening_grid(self.results(features=False), self.axes, x=x, y=y, repeat=repeat)

    def listening_test(self, kind: str = "rating", **options: Any) -> ListeningTest:
        """A blind listening test over this sweep's clips (one per cell by default); see
        :func:`~suno_nb.sweeps.listening_test.listening_test`.

        Example:
            >>> sw.listening_test("which_higher", knob="weirdness").widget()   # doctest: +SKIP
        """
        from suno_nb.sweeps.listening_test import listening_test

        return listening_test(self, kind=kind, **options)

    def report(
        self,
        path: str | os.PathLike[str] = "sweep_report.html",
        *,
        audio: str = "embed",
        features: Sequence[str] | None = None,
        audio_budget_mb: float = 20.0,
    ) -> Path:
        """Write one HTML file: plan, plots, the effects table, per-cell table and players.

        ``audio="embed"`` (default) puts a 64 kbps preview of each grid clip inside, up to
        ``audio_budget_mb``, so the file plays on its own; the report says if some clips were
        past the budget and link instead. ``audio="link"`` points at the catalogue's files
        (a small file that plays only next to its catalogue folder).

        Example:
            >>> sw.report("weirdness.html", audio_budget_mb=5)   # doctest: +SKIP
            PosixPath('/home/me/weirdness.html')
        """
        from suno_nb.sweeps.report import write_report

        status = self.status()
        return write_report(
            Path(path),
            self.results(),
            axes=self.axes,
            sweep_id=self.sweep_id_,
            status=status,
            spend=status.spend_text(),
            plan_html=self.plan_._repr_html_(),
            audio=audio,
            features=features,
            audio_budget_mb=audio_budget_mb,
        )

    # --- display -----------------------------------------------------------------------------
    def __repr__(self) -> str:
        done = f", sweep_id={self.sweep_id_!r}" if hasattr(self, "sweep_id_") else ""
        return f"Sweep({self.action}, repeats={self.repeats}{done})"

    def _repr_html_(self) -> str:
        if not hasattr(self, "sweep_id_"):
            return self.plan()._repr_html_()
        # live: cells by state, the workers on it and the spend, then the plan
        return f"<div>{self.status()._repr_html_()}{self.plan_._repr_html_()}</div>"


def sweep(
    base: Mapping[str, Any] | None = None,
    grid: Mapping[str, Sequence[Any]] | Design | None = None,
    **options: Any,
) -> Sweep:
    """Build a :class:`Sweep` and run it: ``suno_nb.sweep({"prompt": …}, grid={…}, repeats=2)``.

    Example:
        >>> sw = sweep({"prompt": "lofi"}, grid={"weirdness": [0, 1]})   # doctest: +SKIP
        >>> sw.plot.lines("spectral_flatness", x="weirdness")             # doctest: +SKIP
    """
    return Sweep(base, grid, **options).run()


# Settings a saved plan may carry into Sweep(...) on resume.
_SETTINGS = ("max_concurrency", "timeout", "over_budget", "rate_limit")


def _estimates(plan: Plan) -> dict[str, float]:
    """Each cell's list-price estimate (cells may differ: a design over ``max_mode``)."""
    prices = plan.point_credits
    return {
        runner.cell_item(c): prices[c.index] if c.index < len(prices) else plan.credits_per_request
        for c in plan.cells
    }


def _where(catalogue: Any) -> str:
    """Where a catalogue lives, for messages: its folder, or its URL without a password."""
    from suno_nb.catalogue.store import _redact

    url = str(getattr(catalogue.queue.store, "url", ""))
    return str(catalogue.root) if url.startswith("sqlite:") or not url else _redact(url)


def _new_id() -> str:
    return f"sw-{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(2)}"


def _open_catalogue(catalogue: Any) -> Any:
    from suno_nb.catalogue import Catalogue, default_catalogue

    if catalogue is None:
        return default_catalogue()
    if isinstance(catalogue, str | os.PathLike):
        return Catalogue(catalogue)
    return catalogue


def _async_client(client: Any, catalogue: Any) -> Any:
    """An AsyncClient recording into ``catalogue`` (a sync Client's settings are reused)."""
    from suno_nb.client import AsyncClient, Client

    if client is None:
        return AsyncClient(catalogue=catalogue, progress=False)
    if isinstance(client, Client):
        core = client._core
        transport = core._transport
        client = AsyncClient(
            token=core._token,
            base_url=core.base_url,
            transport=transport if hasattr(transport, "handle_async_request") else None,
            catalogue=False,
            progress=False,
        )
    if not isinstance(client, AsyncClient):
        raise TypeError(f"client must be a suno_nb Client or AsyncClient, not {type(client)!r}")
    # The sweep's catalogue must hear every task (that is how cells are never sent twice);
    # other observers the client had keep hearing them too.
    from suno_nb.catalogue import Catalogue

    others = [
        o for o in client._core.observers if o is not catalogue and not isinstance(o, Catalogue)
    ]
    return client.with_options(observers=[catalogue, *others], progress=False)
