"""Running a sweep: bounded-concurrency submission and waiting, and each cell's state as the
catalogue records it (the catalogue is the only memory, so a restarted kernel sees the same).

A cell's row is written by the catalogue *before* its request goes out (state ``submitting``),
tagged with the sweep id and the cell's coordinates. From those rows each cell is:

=============  ============================================================  ===================
state          catalogue rows of the cell                                     what run() does
=============  ============================================================  ===================
``todo``       none, or only ``rejected`` ones when retrying                  submits it
``pending``    a task id, not finished                                        waits for it
``done``       a ``succeeded`` task                                           nothing
``failed``     ``failed`` (the service said so) or ``rejected`` (refused)     ``retry_failed()``
``uncertain``  sent, but the answer was lost (no task id)                     nothing: may exist
=============  ============================================================  ===================

Example:
    >>> cell_state([])
    'todo'
    >>> cell_state([{"state": "succeeded", "task_id": "t"}])
    'done'
"""

from __future__ import annotations

import asyncio
import json
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from suno_nb.errors import APIError, SubmissionUncertain, SunoError
from suno_nb.sweeps.plan import Cell

__all__ = ["CellResult", "RunReport", "cell_rows", "cell_state", "run_cells", "run_sync"]

T = TypeVar("T")
_IN_FLIGHT = ("submitted", "pending", "running")
# How often a cell's wait is retried after a transient error (lost poll, timeout) before it is
# left ``pending`` for resume(): the task exists and is paid, so it is never re-submitted.
_WAIT_ATTEMPTS = 3


def cell_state(rows: Sequence[Mapping[str, Any]]) -> str:
    """The state of one cell from its task rows (see the module table)."""
    states = [(r.get("state"), r.get("task_id")) for r in rows]
    if any(s == "succeeded" for s, _ in states):
        return "done"
    if any(s in _IN_FLIGHT and t for s, t in states):
        return "pending"
    if any(s == "uncertain" or (s in ("submitting", *_IN_FLIGHT) and not t) for s, t in states):
        return "uncertain"
    if any(s in ("failed", "rejected") for s, _ in states):
        return "failed"
    return "todo"


def cell_rows(catalogue: Any, sweep_id: str) -> dict[tuple[int, int], list[dict[str, Any]]]:
    """Every task row of a sweep, grouped by ``(cell, repeat)``, oldest first."""
    rows = catalogue._store.read(
        "SELECT key, task_id, state, cell, error, submitted_at FROM tasks"
        " WHERE sweep_id = ? ORDER BY key",
        (sweep_id,),
    )
    grouped: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for key, task_id, state, cell, error, submitted_at in rows:
        coords = json.loads(cell or "{}")
        where = (int(coords.get("cell", -1)), int(coords.get("repeat", 0)))
        grouped.setdefault(where, []).append(
            {
                "key": key,
                "task_id": task_id,
                "state": state,
                "error": error,
                "submitted_at": submitted_at,
            }
        )
    return grouped


@dataclass
class CellResult:
    """What happened to one cell in one run."""

    cell: Cell
    state: str
    task_id: str | None = None
    error: str | None = None
    submitted: bool = False


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
        parts += [f"{self.count(s)} {s}" for s in ("done", "failed", "pending", "uncertain")]
        lines = [", ".join(parts) + f" in {self.seconds:.1f} s"]
        lines += [
            f"  cell {r.cell.index} repeat {r.cell.repeat}: {r.state}: {r.error}"
            for r in self.results
            if r.state != "done" and r.error
        ]
        return "\n".join(lines)


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
) -> RunReport:
    """Submit ``todo`` cells and wait for ``waiting`` ones (cell, task id), at most
    ``max_concurrency`` at a time. Never raises for one cell: each outcome is in the report."""
    started = time.perf_counter()
    limit = asyncio.Semaphore(max(1, int(max_concurrency)))
    bar = _Progress(len(todo) + len(waiting), progress, f"sweep {sweep_id}")

    async def submit(cell: Cell) -> CellResult:
        async with limit:
            try:
                # The context tags the row the catalogue writes before the request goes out.
                with catalogue.context(sweep_id=sweep_id, cell=cell.coordinates()):
                    task = await client.audios(action, **base, **cell.params, wait=False)
            except SubmissionUncertain as exc:
                bar.add("failed", finished=True)
                return CellResult(cell, "uncertain", exc.task_id, _why(exc), submitted=True)
            except Exception as exc:  # refused or not sent: nothing was created
                bar.add("failed", finished=True)
                return CellResult(cell, "failed", None, _why(exc), submitted=True)
            bar.add("submitted")
            return await _finish(client, task, cell, bar, timeout, submitted=True)

    async def wait(cell: Cell, task_id: str) -> CellResult:
        async with limit:
            try:
                task = await client.task(task_id)
            except Exception as exc:
                # Unknown to the service: failed. Unreachable now: still pending, never re-sent.
                gone = isinstance(exc, APIError) and (exc.status == 404 or exc.task_id is not None)
                state = "failed" if gone else "pending"
                bar.add(state, finished=True)
                return CellResult(cell, state, task_id, _why(exc))
            return await _finish(client, task, cell, bar, timeout, submitted=False)

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
