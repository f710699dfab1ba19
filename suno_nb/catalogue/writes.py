"""Keyed endpoint writes (Studio projects, custom models) recorded before they are sent.

Each write the service de-duplicates by key (``ENDPOINTS[name].idempotent``) gets one row in
``endpoint_writes`` before the request leaves, holding the endpoint, the body (never a header,
so never the token), the idempotency key and the service. The answer moves the row to
``done`` (with the object's id and version), ``failed`` (the service refused it: nothing was
made) or ``uncertain`` (the answer was lost: it may or may not exist). A row left ``sending``
(the kernel died) or ``uncertain`` is re-sent by ``Catalogue.resume()`` with the SAME key and
body, so the service answers with its first answer and nothing is made twice.

Like :mod:`.recorder`, every function runs inside one write transaction of the store and works
on duck-typed answers (``id``, ``version_id``, ``task_id``), so nothing above is imported.

Example:
    >>> import tempfile, pathlib
    >>> from suno_nb.catalogue.store import Store
    >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "catalogue.sqlite")
    >>> with store.write() as conn:
    ...     key = insert_sending(conn, "create_project", {"action": "create"}, "k1", "emulator")
    >>> [(w.endpoint, w.idempotency_key, w.state) for w in pending(store)]
    [('create_project', 'k1', 'sending')]
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from suno_nb.catalogue.recorder import answer_lost, request_json

__all__ = [
    "PENDING_STATES",
    "PendingWrite",
    "fields_to_resend",
    "ids_of",
    "insert_sending",
    "mark_answered",
    "pending",
    "state_after",
]

#: States of a write whose outcome is not known: ``resume()`` re-sends these with their key.
PENDING_STATES = ("sending", "uncertain")

_COLUMNS = (
    "key, endpoint, idempotency_key, state, request, service, sent_at, attempts, answer_id,"
    " version_id, error"
)


@dataclass(frozen=True)
class PendingWrite:
    """One recorded endpoint write (a row of ``endpoint_writes``)."""

    key: int
    endpoint: str
    idempotency_key: str
    state: str
    request: dict[str, Any] = field(repr=False)
    service: str | None = None
    sent_at: float = 0.0
    attempts: int = 1
    answer_id: str | None = None
    version_id: str | None = None
    error: str | None = None


def insert_sending(
    conn: Any, endpoint: str, body: Mapping[str, Any], key: str, service: str | None
) -> int:
    """Record a write as ``sending`` before it goes out; returns the row's key.

    A write sent again with a key already recorded (``resume()``, or the user passing the same
    ``idempotency_key``) reuses its row: the attempt is counted and a ``done`` row stays done.
    """
    now = time.time()
    row = conn.execute(
        "INSERT INTO endpoint_writes (idempotency_key, endpoint, request, service, state,"
        " attempts, sent_at, updated_at) VALUES (?, ?, ?, ?, 'sending', 1, ?, ?)"
        " ON CONFLICT (idempotency_key) DO UPDATE SET attempts = endpoint_writes.attempts + 1,"
        " state = CASE WHEN endpoint_writes.state = 'done' THEN 'done' ELSE 'sending' END,"
        " updated_at = excluded.updated_at RETURNING key",
        (key, endpoint, request_json(body), service, now, now),
    ).fetchone()
    return int(row[0])


def state_after(error: BaseException | None) -> str:
    """``done`` without an error; ``failed`` when the service refused the write or it never
    left (nothing was made); ``uncertain`` when it may have been done (the answer was lost,
    a 5xx after the client's own retries, a timeout or an interrupt while waiting).

    Example:
        >>> from suno_nb.errors import BadRequestError, SubmissionUncertain
        >>> state_after(None), state_after(BadRequestError("no", status=400))
        ('done', 'failed')
        >>> state_after(SubmissionUncertain("lost")), state_after(KeyboardInterrupt())
        ('uncertain', 'uncertain')
    """
    from suno_nb.errors import APIConnectionError, APIError, SubmissionUncertain, TaskNotFound

    if error is None:
        return "done"
    if isinstance(error, SubmissionUncertain | TaskNotFound) or answer_lost(error):
        return "uncertain"
    if isinstance(error, APIConnectionError):
        return "failed"  # could not connect: nothing was sent
    if isinstance(error, APIError):
        if error.task_id:  # an asynchronous write's task failed: the service's verdict
            return "failed"
        status = error.status
        return "uncertain" if status is None or status >= 500 or status == 408 else "failed"
    return "uncertain"  # a timeout, an interrupt, a bug while waiting: it may have been made


def mark_answered(
    conn: Any, row_key: int, result: Any = None, error: BaseException | None = None
) -> str:
    """Write a write's outcome (see :func:`state_after`); returns the state written. An error
    never overwrites a ``done`` row (a late duplicate cannot undo a made object)."""
    state = state_after(error)
    now = time.time()
    if state == "done":
        answer_id, version_id = ids_of(result)
        conn.execute(
            "UPDATE endpoint_writes SET state = 'done', answer_id = coalesce(?, answer_id),"
            " version_id = coalesce(?, version_id), error = NULL, error_code = NULL,"
            " updated_at = ? WHERE key = ?",
            (answer_id, version_id, now, row_key),
        )
        return state
    conn.execute(
        "UPDATE endpoint_writes SET state = ?, error = ?, error_code = ?, updated_at = ?"
        " WHERE key = ? AND state != 'done'",
        (state, f"{type(error).__name__}: {error}", getattr(error, "code", None), now, row_key),
    )
    return state


def pending(store: Any, *, states: tuple[str, ...] = PENDING_STATES) -> list[PendingWrite]:
    """The writes in ``states`` (by default those whose outcome is unknown), oldest first."""
    marks = ", ".join("?" * len(states))
    rows = store.read(
        f"SELECT {_COLUMNS} FROM endpoint_writes WHERE state IN ({marks}) ORDER BY key",
        tuple(states),
    )
    return [_write_of(row) for row in rows]


def fields_to_resend(write: PendingWrite) -> dict[str, Any]:
    """The endpoint's fields to call it again with: the recorded body without what the
    endpoint fixes itself (``action``), plus the recorded idempotency key.

    Example:
        >>> body = {"action": "create", "title": "t"}
        >>> fields_to_resend(PendingWrite(1, "create_project", "k1", "sending", body))
        {'title': 't', 'idempotency_key': 'k1'}
    """
    from suno_nb.schema import ENDPOINTS

    fixed = ENDPOINTS[write.endpoint].fixed
    values = {k: v for k, v in write.request.items() if not (k in fixed and fixed[k] == v)}
    values["idempotency_key"] = write.idempotency_key
    return values


def _write_of(row: tuple) -> PendingWrite:
    key, endpoint, idem, state, request, service, sent_at, attempts, answer_id, version, error = row
    return PendingWrite(
        int(key),
        endpoint,
        idem,
        state,
        json.loads(request or "{}"),
        service,
        float(sent_at),
        int(attempts),
        answer_id,
        version,
        error,
    )


def ids_of(result: Any) -> tuple[str | None, str | None]:
    """The made object's id (a project, a custom model; else the task id) and version."""
    answer_id = getattr(result, "id", None) or getattr(result, "task_id", None)
    version = getattr(result, "version_id", None)
    return (
        None if answer_id is None else str(answer_id),
        None if version is None else str(version),
    )
