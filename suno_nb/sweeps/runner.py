"""Running a sweep: bounded-concurrency submission and waiting, and each cell's state as the
catalogue records it (the catalogue is the only memory, so a restarted kernel sees the same).

Before a cell is sent, this run *claims* it in the catalogue (one write transaction, a lease
kept alive by a heartbeat), so two processes, threads or kernels running the same sweep never
both send it: a cell another live run holds is waited for, and a dead run's claim is taken over.
The cell's row is then written *before* its request goes out (state ``submitting``), tagged with
the sweep id and the cell's coordinates. Rows whose answer was lost are first looked up in the
service's task list (``Catalogue.reconcile``): found ones are adopted, proved-absent ones become
``lost`` and the cell is sent again. From those rows each cell is:

=============  ============================================================  ===================
state          catalogue rows of the cell                                     what run() does
=============  ============================================================  ===================
``todo``       none, or only ``rejected`` ones when retrying                  submits it
``pending``    a task id, not finished                                        waits for it
``done``       a ``succeeded`` task                                           nothing
``failed``     ``failed`` (the service said so) or ``rejected`` (refused)     ``retry_failed()``
``uncertain``  sent, answer lost, not (yet) settled by the task list          nothing: may exist
``held``       (in a report only) another live run still sends it            waits, then reports
=============  ============================================================  ===================

With a budget, claims to send are granted only while the sweep's spend (billed costs, plus
list-price estimates for what is sent or being sent) stays within it, in the claim's own
transaction (:meth:`Catalogue.claim_cells`): cells it does not cover stay ``todo`` and say so.
A rate limit (submissions per minute) is taken from a bucket in the store, so every process
on the catalogue shares it.

``lost`` rows (never created: the service's list proved it) count as no row at all.

Example:
    >>> cell_state([])
    'todo'
    >>> cell_state([{"state": "succeeded", "task_id": "t"}])
    'done'
"""

from __future__ import annotations

import asyncio
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from suno_nb.catalogue.queue import cell_state_of
from suno_nb.errors import APIError, SubmissionUncertain, SunoError
from suno_nb.sweeps.plan import Cell

__all__ = [
    "CellResult",
    "RunReport",
    "cell_item",
    "cell_rows",
    "cell_state",
    "run_cells",
    "run_plan",
    "run_sync",
]

T = TypeVar("T")
# How often a cell's wait is retried after a transient error (lost poll, timeout) before it is
# left ``pending`` for resume(): the task exists and is paid, so it is never re-submitted.
_WAIT_ATTEMPTS = 3


def cell_state(rows: Sequence[Mapping[str, Any]]) -> str:
    """The state of one cell from its task rows (see the module table)."""
    return cell_state_of((r.get("state"), r.get("task_id")) for r in rows)


def cell_rows(catalogue: Any, sweep_id: str) -> dict[tuple[int, int], list[dict[str, Any]]]:
    """Every task row of a sweep, grouped by ``(cell, repeat)``, oldest first."""
    return catalogue.sweep_rows(sweep_id)


def cell_item(cell: Cell) -> str:
    """The claim item of a cell: ``"index/repeat"``."""
    return f"{cell.index}/{cell.repeat}"


@dataclass
class CellResult:
    """What happened to one cell in one run."""

    cell: Cell
    state: str
    task_id: str | None = None
    error: str | None = None
    submitted: bool = False
    busy: bool = False  # refused because the service was busy: nothing made, worth a resend


@dataclass
class RunReport:
    """The outcome of one ``run()``/``retry_failed()``/``resume()`` call."""

    results: list[CellResult] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, state: str) -> int:
        return sum(r.state == state for r in self.results)

    @property
    def submitted(self) -> int:
        """Requests this run sent (the only ones that can cost credits)."""
        return sum(r.submitted for r in self.results)

    def __str__(self) -> str:
        parts = [f"{self.submitted} submitted"]
        states = ("done", "failed", "pending", "uncertain", "held", "todo")
        parts += [f"{self.count(s)} {s}" for s in states if s not in _QUIET or self.count(s)]
        lines = [", ".join(parts) + f" in {self.seconds:.1f} s"]
        lines += [
            f"  cell {r.cell.index} repeat {r.cell.repeat}: {r.state}: {r.error}"
            for r in self.results
            if r.state != "done" and r.error
        ]
        return "\n".join(lines)


_QUIET = ("held", "todo")  # shown only when some are


class _Progress:
    """submitted/running/done/failed counts on one tqdm.auto bar (or nothing)."""

    def __init__(self, total: int, show: bool | None, label: str) -> None:
        self.counts = {"submitted": 0, "running": 0, "done": 0, "failed": 0}
        self.bar = None
        if show is None:  # a bar in notebooks and terminals, silence in pipes and tests
            from suno_nb.frontend import in_notebook

            show = in_notebook() or sys.stderr.isatty()
        if show and total:
            from tqdm.auto import tqdm

            self.bar = tqdm(total=total, desc=label, unit="cell", leave=True)

    def add(self, name: str, n: int = 1, finished: bool = False) -> None:
        self.counts[name] = self.counts.get(name, 0) + n
        if self.bar is not None:
            if finished:
                self.bar.update(1)
            self.bar.set_postfix(self.counts, refresh=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


async def run_cells(
    client: Any,
    catalogue: Any,
    sweep_id: str,
    action: str,
    base: Mapping[str, Any],
    todo: Sequence[Cell],
    waiting: Sequence[tuple[Cell, str]] = (),
    *,
    max_concurrency: int = 4,
    timeout: float | None = None,
    progress: bool | None = None,
    hold: bool = False,
    rate_limit: float | None = None,
) -> RunReport:
    """Submit ``todo`` cells and wait for ``waiting`` ones (cell, task id), at most
    ``max_concurrency`` at a time. Never raises for one cell: each outcome is in the report.

    ``hold``: the cells' claims are kept until their outcome is final (a worker's way: if it
    dies while waiting, another takes the cell over), instead of let go once the task id is
    recorded. ``rate_limit``: submissions per minute, shared through the catalogue."""
    started = time.perf_counter()
    limit = asyncio.Semaphore(max(1, int(max_concurrency)))
    bar = _Progress(len(todo) + len(waiting), progress, f"sweep {sweep_id}")

    async def submit(cell: Cell) -> CellResult:
        async with limit:
            await _take_rate(catalogue, rate_limit)
            try:
                # The context tags the row the catalogue writes before the request goes out.
                with catalogue.context(sweep_id=sweep_id, cell=cell.coordinates()):
                    task = await client.audios(action, **base, **cell.params, wait=False)
            except SubmissionUncertain as exc:
                _release(catalogue, sweep_id, cell)
                bar.add("failed", finished=True)
                return CellResult(cell, "uncertain", exc.task_id, _why(exc), submitted=True)
            except BaseException as exc:  # refused or not sent: nothing was created
                _release(catalogue, sweep_id, cell)
                if not isinstance(exc, Exception):
                    raise  # cancelled: the row says what happened, the claim is free
                bar.add("failed", finished=True)
                if getattr(exc, "status", None) == 504:  # may exist: settled by the task list
                    return CellResult(cell, "uncertain", None, _why(exc), submitted=True)
                result = CellResult(cell, "failed", None, _why(exc), submitted=True)
                result.busy = _busy(exc)
                return result
            # The task id is recorded: the cell is "pending" for everyone, the claim can go.
            if not hold:
                _release(catalogue, sweep_id, cell)
            bar.add("submitted")
            try:
                return await _finish(client, task, cell, bar, timeout, submitted=True)
            finally:
                if hold:
                    _release(catalogue, sweep_id, cell)

    async def wait(cell: Cell, task_id: str) -> CellResult:
        async with limit:
            try:
                try:
                    task = await client.task(task_id)
                except Exception as exc:
                    # Unknown to the service: failed. Unreachable now: pending, never re-sent.
                    gone = isinstance(exc, APIError) and (
                        exc.status == 404 or exc.task_id is not None
                    )
                    state = "failed" if gone else "pending"
                    bar.add(state, finished=True)
                    return CellResult(cell, state, task_id, _why(exc))
                return await _finish(client, task, cell, bar, timeout, submitted=False)
            finally:
                if hold:
                    _release(catalogue, sweep_id, cell)

    jobs = [submit(c) for c in todo] + [wait(c, t) for c, t in waiting]
    try:
        results = list(await asyncio.gather(*jobs))
    finally:
        bar.close()
    return RunReport(results, time.perf_counter() - started)


async def _finish(
    client: Any, task: Any, cell: Cell, bar: _Progress, timeout: float | None, submitted: bool
) -> CellResult:
    running = False

    def hook(snapshot: Any) -> None:
        nonlocal running
        if snapshot.state == "running" and not running:
            running = True
            bar.add("running")

    error: str | None = None
    for _ in range(_WAIT_ATTEMPTS):
        try:
            await task.wait(timeout=timeout, on_progress=hook)
        except Exception as exc:
            if task.state == "failed":  # the service's verdict on this task
                bar.add("failed", finished=True)
                if running:
                    bar.add("running", -1)
                return CellResult(cell, "failed", task.task_id, _why(exc), submitted)
            error = _why(exc)  # a lost poll or a timeout: the task is still there
            continue
        if running:
            bar.add("running", -1)
        bar.add("done", finished=True)
        return CellResult(cell, "done", task.task_id, None, submitted)
    if running:
        bar.add("running", -1)
    bar.add("pending", finished=True)
    return CellResult(cell, "pending", task.task_id, error, submitted)


def _busy(exc: BaseException) -> bool:
    """A refusal that created nothing and may pass later (500/502/503 from a busy service)."""
    return isinstance(exc, APIError) and getattr(exc, "status", None) in (500, 502, 503)


# How many times one run sends a cell the service refused as busy (nothing was created).
_BUSY_ATTEMPTS = 4
# How many times one run waits out the settle time to look up its own lost answers again.
_SETTLE_ROUNDS = 3


def _release(catalogue: Any, sweep_id: str, cell: Cell) -> None:
    release = getattr(catalogue, "release_cells", None)
    if release is not None:
        release(sweep_id, [cell_item(cell)])


async def _take_rate(catalogue: Any, per_minute: float | None) -> None:
    """Wait for a submission from the fleet's shared bucket (``per_minute`` for everyone)."""
    if not per_minute:
        return
    while True:
        wait = await asyncio.to_thread(catalogue.queue.take_rate, float(per_minute))
        if wait <= 0:
            return
        await asyncio.sleep(min(wait, 5.0))


def claim_to_send(
    catalogue: Any,
    sweep_id: str,
    items: Sequence[str],
    sendable: Callable[[str, list[dict[str, Any]]], bool],
    budget: bool,
) -> list[str]:
    """``catalogue.claim_cells``, debiting the sweep's shared budget when it has one."""
    if budget:
        return list(catalogue.claim_cells(sweep_id, items, sendable, budget=True))
    return list(catalogue.claim_cells(sweep_id, items, sendable))


def over_budget_result(cell: Cell, spend: Any) -> CellResult:
    """A cell left ``todo`` because the sweep's budget does not cover it."""
    left = (
        ""
        if spend is None or spend.budget is None
        else (f" ({spend.total:.4g} of {spend.budget:g} credits spent or reserved)")
    )
    return CellResult(
        cell,
        "todo",
        None,
        f"not sent: over the sweep's budget{left}; raise it (Sweep(budget=...).run(), or "
        "catalogue.queue.set_budget(sweep_id, credits)) to send the rest",
    )


# How often a run looks again at cells another live run holds.
HELD_POLL_SECONDS = 0.25


async def run_plan(
    client: Any,
    catalogue: Any,
    sweep_id: str,
    action: str,
    base: Mapping[str, Any],
    cells: Sequence[Cell],
    retry: Sequence[str] = (),
    *,
    max_concurrency: int = 4,
    timeout: float | None = None,
    progress: bool | None = None,
    hold_timeout: float | None = None,
    budget: bool = False,
    rate_limit: float | None = None,
) -> RunReport:
    """Run every cell of a plan exactly once across all the runs sharing the catalogue.

    Settles lost answers first (the service's task list), then, round by round: claims the
    cells still to send (``todo`` or a state in ``retry``), sends those it got, waits for the
    ones with a task id, and waits for cells another live run holds until it lets go (at most
    ``hold_timeout`` seconds, default ``timeout`` or 10 minutes; then they are reported
    ``held``). Cells the service refused as busy are sent again a few times; answers lost in
    this run are looked up again once the catalogue's ``settle_seconds`` have passed (when
    that fits in the same limit). With ``budget``, claims debit the sweep's shared budget and
    cells it does not cover are reported ``todo``; ``rate_limit`` is submissions per minute
    for every process sharing the catalogue. Never raises for one cell.
    """
    started = time.perf_counter()
    await _settle_lost_answers(client, catalogue, sweep_id)
    sendable_states = ("todo", *retry)
    busy_sent: dict[tuple[int, int], int] = {}  # cells refused as busy: sent again, a few times
    settle_rounds: dict[tuple[int, int], int] = {}  # lost answers looked up again in this run
    results: dict[tuple[int, int], CellResult] = {}
    remaining = list(cells)
    limit = hold_timeout if hold_timeout is not None else (timeout or 600.0)
    give_up = time.monotonic() + limit
    while remaining:
        rows = cell_rows(catalogue, sweep_id)
        busy = catalogue.cell_holders(sweep_id)
        todo, waiting, seen, elsewhere = [], [], [], []
        for cell in remaining:
            mine = rows.get(cell.key, [])
            state = cell_state(mine)
            if state == "uncertain" and cell_item(cell) in busy:
                elsewhere.append(cell)  # another live run is sending it right now
            elif state in sendable_states or (state == "failed" and cell.key in busy_sent):
                todo.append(cell)
            elif state == "pending" and cell.key not in results:
                task_id = next(r["task_id"] for r in reversed(mine) if r["task_id"])
                waiting.append((cell, task_id))
            else:
                seen.append((cell, state, mine))
        again = {cell_item(c) for c in todo if c.key in busy_sent}

        def sendable(item: str, mine: list[dict[str, Any]], again: set[str] = again) -> bool:
            state = cell_state(mine)
            if state in sendable_states:
                return True
            # refused as busy in this run, and nothing sent for the cell since
            return state == "failed" and item in again and mine[-1]["state"] == "rejected"

        claimed = set(
            claim_to_send(catalogue, sweep_id, [cell_item(c) for c in todo], sendable, budget)
        )
        send = [c for c in todo if cell_item(c) in claimed]
        later = [c for c in todo if cell_item(c) not in claimed] + elsewhere
        if budget and later:
            # Not claimed and held by nobody: the budget does not cover them (now, at least).
            holding = catalogue.cell_holders(sweep_id)
            unpaid = [c for c in later if c in todo and cell_item(c) not in holding]
            if unpaid:
                spend = catalogue.queue.spend(sweep_id)
                for cell in unpaid:
                    results[cell.key] = over_budget_result(cell, spend)
                later = [c for c in later if c not in unpaid]
        for cell, state, mine in seen:
            if cell.key not in results:
                error = next((r["error"] for r in reversed(mine) if r.get("error")), None)
                task_id = next((r["task_id"] for r in reversed(mine) if r["task_id"]), None)
                results[cell.key] = CellResult(cell, state, task_id, error)
        if send or waiting:
            report = await run_cells(
                client, catalogue, sweep_id, action, base, send, waiting,
                max_concurrency=max_concurrency, timeout=timeout, progress=progress,
                rate_limit=rate_limit,
            )  # fmt: skip
            results.update({r.cell.key: r for r in report.results})
            refused = [
                r.cell
                for r in report.results
                if r.busy and busy_sent.get(r.cell.key, 0) < _BUSY_ATTEMPTS
            ]
            for cell in refused:
                busy_sent[cell.key] = busy_sent.get(cell.key, 0) + 1
            if refused:
                later += refused
                await asyncio.sleep(0.2 * max(busy_sent[c.key] for c in refused))
        # Answers lost in this run: once the service has had time to show them, look them up
        # and go on (adopted ones are waited for, never-created ones sent again).
        unsure = [
            c
            for c in cells
            if c.key in results
            and results[c.key].state == "uncertain"
            and c not in later
            and settle_rounds.get(c.key, 0) < _SETTLE_ROUNDS
        ]
        if unsure:
            await _settle_lost_answers(client, catalogue, sweep_id)  # most are found at once
            rows = cell_rows(catalogue, sweep_id)
            still = [c for c in unsure if cell_state(rows.get(c.key, [])) == "uncertain"]
            pause = catalogue.settled_at(sweep_id) - time.time()
            if still and pause <= limit:
                await asyncio.sleep(max(0.0, pause) + 0.05)
                await _settle_lost_answers(client, catalogue, sweep_id)
            for cell in unsure:
                settle_rounds[cell.key] = settle_rounds.get(cell.key, 0) + 1
                results.pop(cell.key, None)
            later += unsure
        if not later:
            break
        held = catalogue.cell_holders(sweep_id)
        if any(cell_item(c) in held for c in later):
            if time.monotonic() > give_up:
                for cell in later:
                    results[cell.key] = CellResult(
                        cell,
                        "held",
                        None,
                        f"another run ({held.get(cell_item(cell), 'unknown')}) is sending it; "
                        "sweep.status() shows it once that run has an answer",
                    )
                break
            await asyncio.sleep(HELD_POLL_SECONDS)
        remaining = later
    ordered = [results[c.key] for c in cells if c.key in results]
    return RunReport(ordered, time.perf_counter() - started)


async def _settle_lost_answers(client: Any, catalogue: Any, sweep_id: str) -> None:
    """``Catalogue.reconcile`` for this sweep, its (blocking) listing calls run on the loop."""
    reconcile = getattr(catalogue, "reconcile", None)
    if reconcile is None:
        return
    loop = asyncio.get_running_loop()
    lister = _BlockingLister(client, loop)
    try:
        await asyncio.to_thread(reconcile, lister, sweep_id=sweep_id)
    except SunoError as exc:  # the rows stay uncertain and say so; nothing is re-sent
        import warnings

        warnings.warn(f"suno_nb sweep {sweep_id}: could not settle lost answers: {exc}",
                      stacklevel=2)  # fmt: skip


class _BlockingLister:
    """An async client's ``list_tasks`` callable from a worker thread."""

    def __init__(self, client: Any, loop: asyncio.AbstractEventLoop) -> None:
        self._client, self._loop = client, loop
        if not callable(getattr(client, "list_tasks", None)):
            self.list_tasks = None  # type: ignore[assignment]

    def list_tasks(self, **filters: Any) -> Any:
        future = asyncio.run_coroutine_threadsafe(self._client.list_tasks(**filters), self._loop)
        return future.result()


def _why(exc: BaseException) -> str:
    if isinstance(exc, SunoError):
        return f"{type(exc).__name__}: {exc}"
    return f"{type(exc).__name__}: {exc!r}"


def run_sync(make: Callable[[], Awaitable[T]]) -> T:
    """Run a coroutine from sync code, also inside Jupyter (whose loop is already running):
    there it runs on a fresh loop in a worker thread, so ``sweep.run()`` works in a cell, and
    interrupting the cell cancels the sweep (cells not yet sent stay ``todo`` for resume)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(make())  # type: ignore[arg-type]
    box: dict[str, Any] = {}
    started = threading.Event()

    async def main() -> T:
        box["loop"], box["task"] = asyncio.get_running_loop(), asyncio.current_task()
        started.set()
        return await make()

    def target() -> None:
        try:
            box["value"] = asyncio.run(main())
        except BaseException as exc:  # handed to the caller's thread below
            box["error"] = exc
        finally:
            started.set()

    worker = threading.Thread(target=target, name="suno_nb-sweep", daemon=True)
    worker.start()
    try:
        worker.join()
    except KeyboardInterrupt:
        started.wait()
        if "task" in box:
            box["loop"].call_soon_threadsafe(box["task"].cancel)
        worker.join()
        raise
    if "error" in box:
        raise box["error"]
    return box["value"]
