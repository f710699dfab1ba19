"""Back up past work: pull the account's tasks from the service (``/suno/tasks`` listing,
paged, newest first) into the catalogue, with their clips and files.

Example:
    >>> backfill(catalogue, client, since="2026-11-01")   # doctest: +SKIP
    {'listed': 42, 'new': 40, 'clips': 80}
"""

from __future__ import annotations

import datetime as dt
from typing import Any

__all__ = ["backfill"]


def backfill(
    catalogue: Any,
    client: Any,
    *,
    since: Any = None,
    until: Any = None,
    page_size: int = 50,
    type: str = "audios",
    max_pages: int = 1000,
) -> dict[str, int]:
    """Record every task the account made between ``since`` and ``until`` (datetime, ISO
    string or unix seconds) into ``catalogue``; clips download as usual. Tasks already in the
    catalogue are updated, never duplicated. Returns ``{"listed", "new", "clips"}``."""
    from suno_nb.client import Task

    if not isinstance(page_size, int) or page_size < 1:
        raise ValueError(f"page_size must be a whole number ≥ 1; got {page_size!r}")
    known = set(catalogue.to_pandas()["task_id"].dropna().astype(str))
    low, high = _unix(since, "since"), _unix(until, "until")
    listed = new = clips = 0
    for page in range(max_pages):
        answer = client.list_tasks(
            created_at_min=low,
            created_at_max=high,
            offset=page * page_size,
            limit=page_size,
            type=type,
        )
        for record in answer.items:
            if not record.id:
                continue
            listed += 1
            request = dict(record.request or {})
            action = str(request.pop("action", None) or "generate")
            task = Task(action=action, request=request, task_id=record.id, _client=client)
            task._apply(record=record)
            new += record.id not in known
            known.add(record.id)
            clips += len(task.clips)
            catalogue.task_updated(task)
        if len(answer.items) < page_size:
            break
    return {"listed": listed, "new": new, "clips": clips}


def _unix(value: Any, name: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(
                f"{name} must be a datetime, an ISO date like '2026-11-01' or unix seconds; "
                f"got {value!r}"
            ) from None
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.astimezone()
        return value.timestamp()
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day).astimezone().timestamp()
    raise ValueError(f"{name} must be a datetime, an ISO date or unix seconds; got {value!r}")
