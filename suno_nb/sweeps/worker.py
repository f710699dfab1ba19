"""A worker of the shared sweep queue: claims cells of sweeps kept in a catalogue, sends them,
waits for them and records them, until no sweep has work left (``suno-nb worker``).

Any number of workers, on any number of machines, and ``sweep.run()`` in notebooks cooperate
on one catalogue (PostgreSQL for several machines) under the exactly-once rules of
:mod:`suno_nb.sweeps.runner`: a cell is claimed before it is sent, and the claim is held
(renewed by a heartbeat) until the cell's outcome is final, so a worker that dies has its cells
taken over — at once on the same machine, when the lease runs out elsewhere — and a cell with a
recorded submission is never sent again (it is waited for, or settled through the service's
task list). Claims to send debit the sweep's shared budget in their own transaction.

Example:
    >>> report = work("postgresql://suno@db/lab", sweep_id="night-bus")   # doctest: +SKIP
    >>> print(report)                                                     # doctest: +SKIP
    worker db-2:4411:9f1c: sweep night-bus: 16 sent, 16 done, 0 failed (sweep finished)
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from suno_nb.sweeps import runner
from suno_nb.sweeps.plan import Cell
from suno_nb.sweeps.runner import CellResult, cell_item, cell_state

__all__ = ["WorkerReport", "awork", "work"]

#: Seconds between looks at the queue when there is nothing to claim right now.
POLL_SECONDS = 0.5
_SETTLE_ROUNDS = 3
_BUSY_ATTEMPTS = 4  # as sweep.run(): a cell refused as busy is sent again a few times


@dataclass
class WorkerReport:
    """What one worker did: results per sweep, and why it stopped."""

    owner: str = ""
    results: dict[str, list[CellResult]] = field(default_factory=dict)
    stopped: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def sent(self) -> int:
        return sum(r.submitted for rs in self.results.values() for r in rs)

    def count(self, state: str) -> int:
        return sum(r.state == state for rs in self.results.values() for r in rs)

    def __str__(self) -> str:
        if not self.results and not self.stopped:
            return f"worker {self.owner}: no sweep with work in this catalogue"
        lines = [f"worker {self.owner} ({self.seconds:.1f} s):"]
        for sweep_id in dict.fromkeys([*self.results, *self.stopped]):
            mine = self.results.get(sweep_id, [])
            sent = sum(r.submitted for r in mine)
            states = ", ".join(
                f"{sum(r.state == s for r in mine)} {s}"
                for s in ("done", "failed", "pending", "uncertain", "todo")
                if any(r.state == s for r in mine) or s in ("done", "failed")
            )
            why = self.stopped.get(sweep_id, "")
            lines.append(f"  sweep {sweep_id}: {sent} sent, {states} ({why})")
        return "\n".join(lines)


def work(
    catalogue: Any,
    *,
    sweep_id: str | None = None,
    client: Any = None,
    max_cells: int | None = None,
    max_concurrency: int = 4,
    poll: float = POLL_SECONDS,
) -> WorkerReport:
    """Work the sweeps of ``catalogue`` (an object, folder or URL) until none has work left.

    ``sweep_id`` limits it to one sweep; ``max_cells`` stops after sending that many cells
    (their outcomes are still waited for); ``client`` defaults to an ``AsyncClient`` recording
    into the catalogue (a token in ``ACEDATACLOUD_API_TOKEN`` means the real service; every
    worker of one sweep must reach the same service, e.g. one ``suno-nb emulator`` server).
    """
    return runner.run_sync(
        lambda: awork(
            catalogue,
            sweep_id=sweep_id,
            client=client,
            max_cells=max_cells,
            max_concurrency=max_concurrency,
            poll=poll,
        )
    )


async def awork(
    catalogue: Any,
    *,
    sweep_id: str | None = None,
    client: Any = None,
    max_cells: int | None = None,
    max_concurrency: int = 4,
    poll: float = POLL_SECONDS,
) -> WorkerReport:
    """:func:`work` for code already inside an event loop."""
    from suno_nb.sweeps.sweep import Sweep, _async_client, _open_catalogue

    started = time.perf_counter()
    catalogue = _open_catalogue(catalogue)
    client = _async_client(client, catalogue)
    report = WorkerReport(owner=catalogue.owner)
    left = max_cells
    try:
        while True:
            chosen = _next_sweep(catalogue, sweep_id, report)
            if chosen is None:
                break
            sweep = Sweep.resume(chosen, catalogue=catalogue, run=False)
            results, why = await _work_sweep(
                client, catalogue, sweep, left, max_concurrency=max_concurrency, poll=poll
            )
            report.results.setdefault(chosen, []).extend(results)
            report.stopped[chosen] = why
            if left is not None:
                left -= sum(r.submitted for r in results)
                if left <= 0:
                    break
            if sweep_id is not None:
                break
    finally:
        await client.aclose()
    report.seconds = time.perf_counter() - started
    return report


def _next_sweep(catalogue: Any, only: str | None, report: WorkerReport) -> str | None:
    """The oldest sweep this worker has not finished with (``only``: that one, if it exists)."""
    if only is not None:
        if catalogue.queue.record(only) is None:
            from suno_nb.errors import FieldProblem, ValidationError

            known = catalogue.queue.sweep_ids()
            raise ValidationError(
                [
                    FieldProblem(
                        "sweep",
                        only,
                        "the id of a sweep in this catalogue",
                        f"no sweep {only!r} in this catalogue; known: "
                        f"{', '.join(known[-20:]) or 'none (save one with sweep.save())'}",
                    )
                ]
            )
        return only if only not in report.stopped else None
    for candidate in catalogue.queue.sweep_ids():
        if candidate in report.stopped:
            continue
        states = {cell_state(rows) for rows in catalogue.sweep_rows(candidate).values()}
        cells = catalogue.queue.cells(candidate)
        rows = catalogue.sweep_rows(candidate)
        if len(rows) < len(cells) or states & {"todo", "pending", "uncertain"}:
            return candidate
        report.stopped[candidate] = "nothing to do"
    return None


async def _work_sweep(
    client: Any,
    catalogue: Any,
    sweep: Any,
    max_cells: int | None,
    *,
    max_concurrency: int,
    poll: float,
) -> tuple[list[CellResult], str]:
    """Claim, send and wait for cells of one sweep until none is left for anyone."""
    plan = sweep.plan_
    sweep_id = sweep.sweep_id_
    cells: Sequence[Cell] = plan.cells
    budget = sweep.budget is not None
    rate = sweep.rate_limit
    results: list[CellResult] = []
    active: dict[asyncio.Task[runner.RunReport], Cell] = {}
    sent = 0
    settle_rounds = 0
    busy: dict[str, int] = {}  # cells the service refused as busy (nothing made): sent again
    why = "sweep finished"
    await runner._settle_lost_answers(client, catalogue, sweep_id)
    while True:
        rows = runner.cell_rows(catalogue, sweep_id)
        held = catalogue.cell_holders(sweep_id)  # other live runs' claims
        mine = {cell_item(c) for c in active.values()}
        state = {c.key: cell_state(rows.get(c.key, [])) for c in cells}
        free = [c for c in cells if cell_item(c) not in held and cell_item(c) not in mine]
        to_wait = [c for c in free if state[c.key] == "pending"]
        to_send = [
            c
            for c in free
            if state[c.key] == "todo"
            or (state[c.key] == "failed" and 0 < busy.get(cell_item(c), 0) < _BUSY_ATTEMPTS)
        ]
        unsure = [c for c in free if state[c.key] == "uncertain"]
        room = max_concurrency - len(active)
        over_budget = False
        if room > 0 and to_wait:
            got = _claim(catalogue, sweep_id, to_wait[:room], _waiting, False)
            for cell in got:
                task_id = next(r["task_id"] for r in reversed(rows[cell.key]) if r["task_id"])
                active[_start(client, catalogue, sweep, [], [(cell, task_id)], rate)] = cell
            room -= len(got)
        send_room = room if max_cells is None else min(room, max_cells - sent)
        if send_room > 0 and to_send:
            again = {cell_item(c) for c in to_send if cell_item(c) in busy}

            def sendable(item: str, rows: list[dict[str, Any]], again: set[str] = again) -> bool:
                # never sent, or refused as busy in this run with nothing sent since
                return cell_state(rows) == "todo" or (
                    item in again and bool(rows) and rows[-1]["state"] == "rejected"
                )

            got = _claim(catalogue, sweep_id, to_send[:send_room], sendable, budget)
            over_budget = budget and len(got) < min(send_room, len(to_send))
            for cell in got:
                active[_start(client, catalogue, sweep, [cell], [], rate)] = cell
            sent += len(got)
        if unsure and not active and settle_rounds < _SETTLE_ROUNDS:
            # Answers lost by a worker that died: settle them through the service's task list
            # once the service has had time to show them (adopted: waited for; never made: sent).
            pause = catalogue.settled_at(sweep_id) - time.time()
            if pause > 0:
                await asyncio.sleep(min(pause, poll * 4) + 0.05)
            else:
                await runner._settle_lost_answers(client, catalogue, sweep_id)
                settle_rounds += 1
            continue
        if not active:
            open_cells = [*to_send, *to_wait, *(c for c in cells if cell_item(c) in held)]
            if max_cells is not None and sent >= max_cells:
                why = f"sent {sent} cells (--max-cells)"
                break
            if not open_cells and not (unsure and settle_rounds < _SETTLE_ROUNDS):
                why = "sweep finished" if not unsure else "answers still lost: see status()"
                break
            if over_budget or (budget and to_send and not _covers(catalogue, sweep_id)):
                spend = catalogue.queue.spend(sweep_id)
                if not spend.in_flight and not held:
                    for cell in to_send:
                        results.append(runner.over_budget_result(cell, spend))
                    why = "budget spent"
                    break
            await asyncio.sleep(poll)
            continue
        done, _ = await asyncio.wait(
            list(active), timeout=poll, return_when=asyncio.FIRST_COMPLETED
        )
        for job in done:
            active.pop(job)
            for result in job.result().results:
                item = cell_item(result.cell)
                if result.busy and busy.get(item, 0) < _BUSY_ATTEMPTS:
                    busy[item] = busy.get(item, 0) + 1
                    continue  # sent again at the next round: the service made nothing
                results.append(result)
    return results, why


def _waiting(item: str, rows: list[dict[str, Any]]) -> bool:
    return cell_state(rows) == "pending"


def _claim(
    catalogue: Any, sweep_id: str, cells: Sequence[Cell], still: Any, budget: bool
) -> list[Cell]:
    """Claim ``cells`` that ``still(item, rows)`` says need it (checked in the claim's
    transaction, as another worker may have just sent or finished them)."""
    items = [cell_item(c) for c in cells]
    got = set(runner.claim_to_send(catalogue, sweep_id, items, still, budget))
    return [c for c in cells if cell_item(c) in got]


def _covers(catalogue: Any, sweep_id: str) -> bool:
    """Whether the budget left covers one more cell at the sweep's dearest estimate."""
    spend = catalogue.queue.spend(sweep_id)
    if spend.budget is None:
        return True
    dearest = max((c.estimate for c in catalogue.queue.cells(sweep_id).values()), default=0.0)
    return spend.total + dearest <= spend.budget + 1e-9


def _start(
    client: Any,
    catalogue: Any,
    sweep: Any,
    todo: list[Cell],
    waiting: list[tuple[Cell, str]],
    rate: float | None,
) -> asyncio.Task[runner.RunReport]:
    plan = sweep.plan_
    return asyncio.create_task(
        runner.run_cells(
            client,
            catalogue,
            sweep.sweep_id_,
            plan.action,
            plan.base,
            todo,
            waiting,
            max_concurrency=1,
            timeout=sweep.timeout,
            progress=False,
            hold=True,
            rate_limit=rate,
        )
    )
