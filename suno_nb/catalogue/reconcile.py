"""Reconciliation: find the service's task for a submission whose answer never arrived.

The service's task list (``/suno/tasks`` without ids, newest first, each task with the request it
was sent with) is read over the submissions' time window and matched to the unresolved rows by
that echoed request; a task nobody in the catalogue knows yet is adopted by the oldest matching
row. Rows left without a match are *lost* (nothing was created, nothing paid) only when the list
was read to its end and the submission is older than the settle time.

Example:
    >>> rows = [Unresolved(1, "generate", {"prompt": "a"}, 100.0)]
    >>> tasks = [Listed("t1", 100.4, {"action": "generate", "prompt": "a", "async": True})]
    >>> match(rows, tasks, known=set())
    {1: 't1'}
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["Listed", "ListingFailed", "Unresolved", "list_window", "match", "same_request"]

# The service and our clock may disagree a little; tasks created this long before a row's
# submission time still match it.
CLOCK_SLACK_SECONDS = 60.0
PAGE_SIZE = 100
MAX_PAGES = 200  # 20,000 tasks: a window wider than that is not a crash's
# Keys the client adds on the wire (or the service adds) that the stored request lacks.
_WIRE_ONLY = {"async", "callback_url"}


@dataclass(frozen=True)
class Unresolved:
    """A catalogue row sent without an answer (no task id)."""

    key: int
    action: str
    request: dict[str, Any]
    submitted_at: float
    service: str | None = None


@dataclass(frozen=True)
class Listed:
    """One task of the service's list: its id, creation time and the request it echoes."""

    task_id: str
    created_at: float | None
    request: dict[str, Any]


class ListingFailed(Exception):
    """The task list could not be read (old account type, network, an error answer)."""


def same_request(stored: Mapping[str, Any], echoed: Mapping[str, Any], action: str) -> bool:
    """Whether the service's echoed request is the one stored (every stored field equal;
    the service may add defaults, the client adds ``async``)."""
    if (echoed.get("action") or "generate") != (action or "generate"):
        return False
    for name, value in stored.items():
        if name in _WIRE_ONLY or name == "action":
            continue
        if _canon(echoed.get(name)) != _canon(value):
            return False
    return True


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def match(
    rows: Iterable[Unresolved], tasks: Iterable[Listed], *, known: set[str]
) -> dict[int, str]:
    """``{row key: task id}``: each listed task adopted by at most one row, oldest row first,
    by the closest creation time; tasks whose ids are already ``known`` are never adopted."""
    free = [t for t in tasks if t.task_id and t.task_id not in known]
    taken: set[str] = set()
    found: dict[int, str] = {}
    for row in sorted(rows, key=lambda r: (r.submitted_at, r.key)):
        candidates = [
            t
            for t in free
            if t.task_id not in taken
            and (t.created_at is None or t.created_at >= row.submitted_at - CLOCK_SLACK_SECONDS)
            and same_request(row.request, t.request, row.action)
        ]
        if not candidates:
            continue
        best = min(
            candidates, key=lambda t: abs((t.created_at or row.submitted_at) - row.submitted_at)
        )
        taken.add(best.task_id)
        found[row.key] = best.task_id
    return found


def list_window(client: Any, start: float, end: float) -> list[Listed]:
    """Every task the service created between ``start`` and ``end`` (all pages), or
    :class:`ListingFailed` when the list cannot be read to its end."""
    lister = getattr(client, "list_tasks", None)
    if not callable(lister):
        raise ListingFailed(f"{type(client).__name__} cannot list the account's tasks")
    found: list[Listed] = []
    offset = 0
    for _ in range(MAX_PAGES):
        try:
            page = lister(
                created_at_min=max(0.0, start - CLOCK_SLACK_SECONDS),
                created_at_max=end,
                offset=offset,
                limit=PAGE_SIZE,
            )
        except Exception as exc:  # the reason goes into the record, in words
            raise ListingFailed(
                f"listing the service's tasks failed: {type(exc).__name__}: {exc}"
            ) from exc
        items = list(getattr(page, "items", None) or [])
        for item in items:
            task_id = getattr(item, "id", None)
            if task_id:
                found.append(
                    Listed(
                        str(task_id),
                        getattr(item, "created_at", None),
                        dict(getattr(item, "request", None) or {}),
                    )
                )
        offset += len(items)
        # ``count`` is the page's size in some deployments and the total in others: only a
        # short page proves the end of the list.
        if len(items) < PAGE_SIZE:
            return found
    raise ListingFailed(f"the service listed more than {MAX_PAGES * PAGE_SIZE} tasks in the window")
