"""The shared work queue of sweeps, kept in the store: plans and cells, the budget they spend,
and a rate limit for every process sending to one account.

Standard library only, over the store seam (:class:`~suno_nb.catalogue.store.StoreBackend`), so
sqlite and PostgreSQL share it. A sweep's spend is, per cell, the billed ``cost`` of its tasks
where the service returned one, else the cell's list-price ``estimate`` for every submission
that may have been made (not ``rejected``/``lost``, and not ``failed`` with no cost), plus the
estimate of a cell someone holds a claim on to send it. Claims that send are granted under the
sweep's lock only while that sum stays within the budget, so N workers never overspend.

Example:
    >>> import tempfile
    >>> from suno_nb.catalogue.store import open_store
    >>> queue = SweepQueue(open_store("sqlite:///" + tempfile.mkdtemp()))
    >>> queue.save({"sweep_id": "s1", "action": "generate", "budget": 2.0},
    ...            [SweepCell("0/0", 0, 0, {"weirdness": 0}, 0.56)])
    >>> queue.record("s1")["budget"], queue.sweep_ids()
    (2.0, ['s1'])
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from suno_nb.catalogue.store import CatalogueError, StoreBackend, _owner_is_dead

__all__ = [
    "PLANS_FOLDER",
    "Spend",
    "SweepCell",
    "SweepQueue",
    "cell_state_of",
    "cells_of",
    "charge_of",
]

#: Folder of a catalogue where sweep plans were kept as files before schema version 6.
PLANS_FOLDER = "sweeps"
# Task states that cost nothing when the service returned no cost: refused, never created,
# or failed (the service does not bill a task that failed).
_FREE = ("rejected", "lost", "failed")
_SENDABLE = ("todo", "failed")
# Submissions whose outcome (and so cost) may still change.
_IN_FLIGHT = ("submitting", "submitted", "pending", "running", "uncertain")


@dataclass(frozen=True)
class SweepCell:
    """One cell of a sweep as the store keeps it."""

    item: str  # "cell/repeat"
    cell_index: int
    repeat_index: int
    params: Mapping[str, Any]
    estimate: float


@dataclass
class Spend:
    """What a sweep has spent: ``billed`` (the service's ``cost``), ``estimated`` (list-price
    estimates standing in for costs not known yet: sent and unanswered, or being sent)."""

    billed: float = 0.0
    estimated: float = 0.0
    budget: float | None = None
    in_flight: int = 0  # cells sent and not finished, or claimed to be sent right now

    @property
    def total(self) -> float:
        return self.billed + self.estimated

    @property
    def left(self) -> float | None:
        return None if self.budget is None else self.budget - self.total


@dataclass
class _Row:
    state: str
    task_id: str | None
    cost: float | None


def charge_of(
    rows: Sequence[Any], estimate: float, claimed: bool, state: str
) -> tuple[float, float]:
    """``(billed, estimated)`` credits of one cell: its tasks' costs, estimates for tasks that
    may have been made without a known cost, and its estimate when ``claimed`` to be sent
    (``state`` is the cell's state from its rows: only a ``todo``/``failed`` cell is about to
    be sent; the rows of any other already count).

    Example:
        >>> charge_of([_Row("succeeded", "t", 0.5), _Row("pending", "u", None)], 0.56, False,
        ...           "done")
        (0.5, 0.56)
    """
    billed = estimated = 0.0
    for row in rows:
        if row.cost is not None:
            billed += float(row.cost)
        elif row.state not in _FREE:
            estimated += estimate
    if claimed and state in _SENDABLE:
        estimated += estimate
    return billed, estimated


class SweepQueue:
    """The sweeps of one store: plans, cells, spend and the shared rate limit.

    ``root`` is the catalogue folder, where plans of older catalogues were files: they are read
    into the store the first time a sweep is looked up (:meth:`import_plan_files`).
    """

    def __init__(self, store: StoreBackend, root: Path | None = None) -> None:
        self.store = store
        self.root = root
        self._imported = False

    # --- plans -------------------------------------------------------------------------------
    def save(self, record: Mapping[str, Any], cells: Sequence[SweepCell]) -> None:
        """Record a sweep and its cells (before anything is sent). The same sweep id with other
        cells is refused: it is another sweep under an old name."""
        record = json.loads(json.dumps(dict(record), default=str))
        sweep_id = str(record["sweep_id"])
        now = time.time()
        with self.store.write() as conn:
            old = conn.execute(
                "SELECT record, created_at FROM sweeps WHERE sweep_id = ?", (sweep_id,)
            ).fetchone()
            if old is not None:
                before = json.loads(old[0])
                if "cells" in before and "cells" in record and before["cells"] != record["cells"]:
                    raise CatalogueError(
                        f"sweep {sweep_id!r} already exists in this catalogue with other cells; "
                        "pick another sweep_id (or none, for a fresh one)"
                    )
                record["created_at"] = before.get("created_at") or old[1]
            record.setdefault("created_at", now)
            conn.execute(
                "INSERT INTO sweeps (sweep_id, action, record, budget, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sweep_id) DO UPDATE SET"
                " record = excluded.record, budget = excluded.budget,"
                " updated_at = excluded.updated_at",
                (sweep_id, record.get("action", "generate"), json.dumps(record),
                 record.get("budget"), float(record["created_at"]), now),
            )  # fmt: skip
            conn.executemany(
                "INSERT OR IGNORE INTO sweep_cells (sweep_id, item, cell_index, repeat_index,"
                " params, estimate) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (sweep_id, c.item, c.cell_index, c.repeat_index,
                     json.dumps(dict(c.params), default=str), float(c.estimate))
                    for c in cells
                ],
            )  # fmt: skip

    def record(self, sweep_id: str) -> dict[str, Any] | None:
        """The saved plan of a sweep (``None`` when the catalogue has no such sweep)."""
        self.import_plan_files()
        rows = self.store.read("SELECT record, budget FROM sweeps WHERE sweep_id = ?", (sweep_id,))
        if not rows:
            return None
        record = json.loads(rows[0][0])
        record["budget"] = rows[0][1]
        return record

    def sweep_ids(self) -> list[str]:
        """Every sweep of the catalogue, oldest first."""
        self.import_plan_files()
        return [s for (s,) in self.store.read("SELECT sweep_id FROM sweeps ORDER BY created_at")]

    def set_budget(self, sweep_id: str, budget: float | None) -> None:
        """Change a sweep's shared budget (every worker sees it at its next claim)."""
        with self.store.write() as conn:
            found = conn.execute(
                "UPDATE sweeps SET budget = ?, updated_at = ? WHERE sweep_id = ?",
                (budget, time.time(), sweep_id),
            ).rowcount
        if not found:
            raise CatalogueError(f"no sweep {sweep_id!r} in this catalogue")

    def import_plan_files(self) -> int:
        """Read plans kept as files (``<catalogue>/sweeps/<id>.json``, before schema 6) into the
        store, once per object; returns how many were new. The files are left in place."""
        if self._imported or self.root is None or not self.store.writable:
            return 0
        self._imported = True
        folder = self.root / PLANS_FOLDER
        if not folder.is_dir():
            return 0
        known = {s for (s,) in self.store.read("SELECT sweep_id FROM sweeps")}
        added = 0
        for path in sorted(folder.glob("*.json")):
            if path.stem in known:
                continue
            try:
                saved = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue  # a half-written or foreign file: not a plan
            if not isinstance(saved, dict) or "cells" not in saved:
                continue
            saved.setdefault("sweep_id", path.stem)
            self.save(saved, cells_of(saved))
            added += 1
        return added

    # --- cells and spend ---------------------------------------------------------------------
    def cells(self, sweep_id: str) -> dict[str, SweepCell]:
        rows = self.store.read(
            "SELECT item, cell_index, repeat_index, params, estimate FROM sweep_cells"
            " WHERE sweep_id = ?",
            (sweep_id,),
        )
        return {
            item: SweepCell(item, int(c), int(r), json.loads(p), float(e))
            for item, c, r, p, e in rows
        }

    def workers(self, sweep_id: str) -> dict[str, str]:
        """``{"cell/repeat": worker}``: who last claimed each cell to send it."""
        rows = self.store.read(
            "SELECT item, worker FROM sweep_cells WHERE sweep_id = ? AND worker IS NOT NULL",
            (sweep_id,),
        )
        return dict(rows)

    def holders(self, sweep_id: str) -> dict[str, str]:
        """``{"cell/repeat": owner}`` of every live claim on the sweep's cells (all workers)."""
        held = self.store.holders(f"sweep:{sweep_id}")
        return {item: owner for item, (owner, _) in held.items()}

    def spend(
        self, sweep_id: str, conn: Any = None, *, estimates: Mapping[str, float] | None = None
    ) -> Spend:
        """Billed and estimated credits of a sweep (inside a write transaction with ``conn``).
        ``estimates`` (``{"cell/repeat": credits}``) stands in for cells not yet in the store."""

        def run(sql: str, params: Sequence[Any]) -> list[tuple]:
            if conn is None:
                return self.store.read(sql, params)
            return [tuple(r) for r in conn.execute(sql, params).fetchall()]

        budget_rows = run("SELECT budget FROM sweeps WHERE sweep_id = ?", (sweep_id,))
        budget = budget_rows[0][0] if budget_rows else None
        stored = run("SELECT item, estimate FROM sweep_cells WHERE sweep_id = ?", (sweep_id,))
        estimates = {**dict(estimates or {}), **dict(stored)}
        by_cell: dict[str, list[_Row]] = {}
        # The database takes the coordinates out of the cell's JSON (both backends have
        # json_extract): parsing it here was most of a budget claim's time on a big sweep.
        for index, repeat, state, task_id, cost in run(
            "SELECT json_extract(cell, '$.cell'), json_extract(cell, '$.repeat'), state,"
            " task_id, cost FROM tasks WHERE sweep_id = ?",
            (sweep_id,),
        ):
            item = f"{_whole(index, -1)}/{_whole(repeat, 0)}"
            by_cell.setdefault(item, []).append(_Row(state, task_id, cost))
        now = time.time()
        claimed = {
            item
            for item, owner in run(
                "SELECT item, owner FROM claims WHERE scope = ? AND lease_until >= ?",
                (f"sweep:{sweep_id}", now),
            )
            if not _owner_is_dead(owner)  # a killed worker's cells are free: not reserved
        }
        spend = Spend(budget=None if budget is None else float(budget))
        for item in set(by_cell) | claimed:  # a cell with neither costs nothing
            rows = by_cell.get(item, [])
            state = _state(rows)
            billed, estimated = charge_of(
                rows, float(estimates.get(item, 0.0)), item in claimed, state
            )
            spend.billed += billed
            spend.estimated += estimated
            if any(r.state in _IN_FLIGHT for r in rows) or (item in claimed and state in _SENDABLE):
                spend.in_flight += 1
        return spend

    def within_budget(
        self, conn: Any, sweep_id: str, items: Sequence[str], owner: str, *, enforce: bool = True
    ) -> tuple[list[str], list[str]]:
        """Of ``items`` just claimed to send (inside the claim's transaction, under the sweep's
        lock), the ones the budget still covers, in order, and the ones it does not. The kept
        ones are marked as ``owner``'s in ``sweep_cells``; their estimates count from now on.
        Without ``enforce`` every item is kept (and marked)."""
        if not items:
            return [], []
        spend = self.spend(sweep_id, conn) if enforce else Spend()
        estimates = dict(
            conn.execute(
                "SELECT item, estimate FROM sweep_cells WHERE sweep_id = ?", (sweep_id,)
            ).fetchall()
        )
        # The items were claimed in this transaction: their claims already count in spend.
        keep, over = [], []
        total = spend.total
        if spend.budget is not None:
            total -= sum(float(estimates.get(i, 0.0)) for i in items)
        for item in items:
            cost = float(estimates.get(item, 0.0))
            if spend.budget is None or total + cost <= spend.budget + 1e-9:
                keep.append(item)
                total += cost
            else:
                over.append(item)
        if keep:
            now = time.time()
            conn.executemany(
                "UPDATE sweep_cells SET worker = ?, claimed_at = ? WHERE sweep_id = ? AND item = ?",
                [(owner, now, sweep_id, item) for item in keep],
            )
        return keep, over

    # --- the fleet's rate limit ----------------------------------------------------------------
    def take_rate(self, per_minute: float, name: str = "submit") -> float:
        """Take one submission from the shared bucket ``name`` (``per_minute`` for the whole
        fleet, bursts up to a tenth of a minute's worth); returns 0 when taken, else the seconds
        to wait before asking again. Every process sharing the store shares the bucket.

        Example:
            >>> import tempfile
            >>> from suno_nb.catalogue.store import open_store
            >>> q = SweepQueue(open_store("sqlite:///" + tempfile.mkdtemp()))
            >>> q.take_rate(6), q.take_rate(6) > 0   # a burst of one at 6 a minute
            (0.0, True)
        """
        if per_minute <= 0:
            return 0.0
        rate = per_minute / 60.0
        burst = max(1.0, per_minute / 10.0)
        now = time.time()
        with self.store.write() as conn:
            self.store.lock(conn, f"rate:{name}")
            conn.execute(
                "INSERT OR IGNORE INTO rate_limits (name, per_minute, tokens, updated_at)"
                " VALUES (?, ?, ?, ?)",
                (name, per_minute, burst, now),
            )
            _, tokens, updated = conn.execute(
                "SELECT per_minute, tokens, updated_at FROM rate_limits WHERE name = ?", (name,)
            ).fetchone()
            tokens = min(burst, float(tokens) + max(0.0, now - float(updated)) * rate)
            wait = 0.0
            if tokens >= 1.0:
                tokens -= 1.0
            else:
                wait = (1.0 - tokens) / rate
            conn.execute(
                "UPDATE rate_limits SET per_minute = ?, tokens = ?, updated_at = ? WHERE name = ?",
                (per_minute, tokens, now, name),
            )
        return wait


def cells_of(record: Mapping[str, Any], estimate: float | None = None) -> list[SweepCell]:
    """The cells of a saved plan (``record["cells"]``: ``{"cell", "repeat", **params}``)."""
    price = float(record.get("credits_per_request") or 0.0) if estimate is None else estimate
    found = []
    for coords in record.get("cells", []):
        params = {k: v for k, v in coords.items() if k not in ("cell", "repeat")}
        index, repeat = int(coords["cell"]), int(coords.get("repeat", 0))
        found.append(SweepCell(f"{index}/{repeat}", index, repeat, params, price))
    return found


def _state(rows: Iterable[_Row]) -> str:
    return cell_state_of((r.state, r.task_id) for r in rows)


def cell_state_of(rows: Iterable[tuple[str | None, str | None]]) -> str:
    """A sweep cell's state from its task rows' ``(state, task_id)`` pairs; the one rule.

    ``done`` once a task succeeded; ``pending`` while a sent task (one with an id) runs;
    ``uncertain`` when a send may have reached the service without an id coming back;
    ``failed``; else ``todo``. Rows marked ``lost`` do not count.

    Example:
        >>> cell_state_of([("failed", "t1"), ("running", "t2")])
        'pending'
    """
    states = [(s, t) for s, t in rows if s != "lost"]
    flight = ("submitted", "pending", "running")
    if any(s == "succeeded" for s, _ in states):
        return "done"
    if any(s in flight and t for s, t in states):
        return "pending"
    if any(s == "uncertain" or (s in ("submitting", *flight) and not t) for s, t in states):
        return "uncertain"
    if any(s in ("failed", "rejected") for s, _ in states):
        return "failed"
    return "todo"


def _whole(value: Any, default: int) -> int:
    """A cell coordinate as json_extract gives it (an int on sqlite, text on PostgreSQL)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
