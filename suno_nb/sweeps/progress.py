"""A sweep's live progress, read from the catalogue: cells by state, who is working which cell,
and the spend so far against the shared budget (billed ``cost`` plus estimates).

Example:
    >>> status = SweepStatus({"todo": 1, "pending": 0, "done": 3, "failed": 0, "uncertain": 0})
    >>> status["done"], status.total
    (3, 4)
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from suno_nb.sweeps.plan import Cell
from suno_nb.sweeps.runner import cell_item, cell_state

__all__ = ["SweepStatus", "WorkerProgress", "sweep_status"]

STATES = ("todo", "pending", "done", "failed", "uncertain")


@dataclass
class WorkerProgress:
    """One worker (a ``host:pid:random`` claim owner) on a sweep."""

    owner: str
    sent: int = 0  # cells it claimed to send (the last claim of each cell)
    done: int = 0  # of those, done
    holding: int = 0  # cells it holds a live claim on right now (sending or waiting)


class SweepStatus(dict):  # type: ignore[type-arg]
    """Cell counts by state (a dict: ``status["done"]``), plus ``workers``, ``spent``,
    ``billed``, ``budget`` and ``sweep_id``. Prints as a few lines; a table in notebooks."""

    sweep_id: str = ""
    workers: dict[str, WorkerProgress]
    billed: float = 0.0
    estimated: float = 0.0
    budget: float | None = None

    def __init__(self, counts: Mapping[str, int] | None = None, **extra: Any) -> None:
        super().__init__(dict.fromkeys(STATES, 0))
        self.update(counts or {})
        self.workers = {}
        for name, value in extra.items():
            setattr(self, name, value)

    @property
    def total(self) -> int:
        return sum(self.values())

    @property
    def spent(self) -> float:
        """Credits spent or committed: billed costs plus estimates for those not known yet."""
        return self.billed + self.estimated

    def spend_text(self) -> str:
        budget = "credits, no budget" if self.budget is None else f"of {self.budget:g} credits"
        return (
            f"spent {self.spent:.4g} {budget} ({self.billed:.4g} billed by the service, "
            f"{self.estimated:.4g} estimated from list prices)"
        )

    def __str__(self) -> str:
        counts = ", ".join(f"{n} {s}" for s, n in self.items() if n) or "no cells"
        lines = [f"sweep {self.sweep_id}: {counts}; {self.spend_text()}"]
        for worker in self.workers.values():
            now = f", {worker.holding} in hand now" if worker.holding else ""
            lines.append(f"  worker {worker.owner}: {worker.sent} sent, {worker.done} done{now}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        esc = html.escape
        head = "".join(f"<th>{esc(s)}</th>" for s in self)
        body = "".join(f"<td>{n}</td>" for n in self.values())
        workers = "".join(
            f"<tr><td><code>{esc(w.owner)}</code></td><td>{w.sent}</td><td>{w.done}</td>"
            f"<td>{w.holding}</td></tr>"
            for w in self.workers.values()
        )
        table = (
            "<table><tr><th>worker</th><th>sent</th><th>done</th><th>in hand</th></tr>"
            f"{workers}</table>"
            if workers
            else ""
        )
        return (
            f"<div><b>Sweep</b> <code>{esc(self.sweep_id)}</code>"
            f"<table><tr>{head}</tr><tr>{body}</tr></table>"
            f"<p>{esc(self.spend_text())}</p>{table}</div>"
        )


def sweep_status(
    catalogue: Any,
    sweep_id: str,
    cells: Sequence[Cell],
    *,
    estimates: Mapping[str, float] | None = None,
) -> SweepStatus:
    """The live status of a sweep's ``cells`` from ``catalogue`` (any process may ask)."""
    rows = catalogue.sweep_rows(sweep_id)
    queue = catalogue.queue
    holders = queue.holders(sweep_id)
    senders = queue.workers(sweep_id)
    spend = queue.spend(sweep_id, estimates=estimates)
    status = SweepStatus(
        sweep_id=sweep_id, billed=spend.billed, estimated=spend.estimated, budget=spend.budget
    )
    for cell in cells:
        state = cell_state(rows.get(cell.key, []))
        status[state] += 1
        item = cell_item(cell)
        for owner, field in ((senders.get(item), "sent"), (holders.get(item), "holding")):
            if owner is None:
                continue
            worker = status.workers.setdefault(owner, WorkerProgress(owner))
            setattr(worker, field, getattr(worker, field) + 1)
            if field == "sent" and state == "done":
                worker.done += 1
    return status
