"""What the catalogue writes when a client submits, hears back about, or fails to submit a task.

Each function runs inside one short write transaction and works on duck-typed task handles
(``task_id``, ``state``, ``record``, ``response``, ``clips``), so the catalogue never imports
the client (and stays cheap to import).
"""

from __future__ import annotations

import contextvars
import json
import sqlite3
import time
from collections.abc import Mapping
from typing import Any

from suno_nb.catalogue import columns

__all__ = ["clean_request", "current_context"]

# Keys that could carry a credential if a caller put one in a body: never stored.
_SECRET_KEYS = {"authorization", "token", "api_key", "apikey", "api_token", "bearer", "password"}
_TERMINAL = ("succeeded", "failed", "rejected")
_CLIP_COLUMNS = ("title", "state", "model", "created_at", "duration", "audio_url", "image_url",
                 "video_url", "lyric", "prompt", "style")  # fmt: skip

# Set by ``Catalogue.context(sweep_id=..., cell=...)``; a ContextVar so concurrent asyncio tasks
# of a sweep each keep their own cell.
_CONTEXT: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar(
    "suno_nb_catalogue_context", default=None
)


def current_context() -> dict[str, Any]:
    return dict(_CONTEXT.get() or {})


def clean_request(request: Mapping[str, Any]) -> dict[str, Any]:
    """The request as it can be stored: JSON-safe, without any credential-like key."""
    return json.loads(request_json(request))


def request_json(request: Mapping[str, Any]) -> str:
    """:func:`clean_request` as JSON text (the form stored)."""
    if all(
        isinstance(k, str)
        and k.lower() not in _SECRET_KEYS
        and not k.startswith("_suno_nb")
        and isinstance(v, str | int | float | bool | None)
        for k, v in request.items()
    ):  # the usual flat body: nothing to clean (this is the hot path of recording)
        return json.dumps(request)

    def clean(value: Any) -> Any:
        if isinstance(value, Mapping):
            return {
                str(k): clean(v)
                for k, v in value.items()
                if str(k).lower() not in _SECRET_KEYS and not str(k).startswith("_suno_nb")
            }
        if isinstance(value, list | tuple):
            return [clean(v) for v in value]
        return value

    return json.dumps(clean(request), default=str)


def insert_submitting(
    conn: sqlite3.Connection, action: str, request: Mapping[str, Any], service: str
) -> int:
    context = current_context()
    cell = context.get("cell")
    now = time.time()
    cursor = conn.execute(
        "INSERT INTO tasks (action, request, service, state, submitted_at, updated_at, sweep_id,"
        " cell) VALUES (?, ?, ?, 'submitting', ?, ?, ?, ?) RETURNING key",
        (
            action,
            request_json(request),
            service,
            now,
            now,
            context.get("sweep_id"),
            None if cell is None else json.dumps(cell, default=str),
        ),
    )
    key = int(cursor.fetchone()[0])  # RETURNING key: portable, unlike lastrowid
    columns.store(conn, key, request, None)
    return key


def save_task_id(conn: sqlite3.Connection, key: int, task_id: str) -> None:
    """Write a submission's task id, alone: the smallest write that keeps a paid task."""
    conn.execute(
        "UPDATE tasks SET task_id = ?, state = CASE WHEN state IN ('submitting', 'uncertain')"
        " THEN 'submitted' ELSE state END, updated_at = ? WHERE key = ? AND task_id IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM tasks WHERE task_id = ?)",
        (task_id, time.time(), key, task_id),
    )


def answer_lost(error: BaseException) -> bool:
    """A 504 on a submission: the gateway gave up waiting, the task may or may not exist."""
    return getattr(error, "status", None) == 504


def mark_submit_failed(conn: sqlite3.Connection, key: int, error: BaseException) -> None:
    from suno_nb.errors import SubmissionUncertain

    uncertain = isinstance(error, SubmissionUncertain) or answer_lost(error)
    task_id = getattr(error, "task_id", None)
    conn.execute(
        "UPDATE tasks SET state = ?, error = ?, error_code = ?, updated_at = ?,"
        " task_id = coalesce(task_id, ?) WHERE key = ?",
        (
            "uncertain" if uncertain else "rejected",
            f"{type(error).__name__}: {error}",
            getattr(error, "code", None),
            time.time(),
            task_id,
            key,
        ),
    )


def record_task(conn: sqlite3.Connection, task: Any, key: int | None = None) -> int:
    """Insert or update the task row of a handle; return its key. Never downgrades a
    finished task to an earlier state (a stale snapshot may arrive late)."""
    task_id = getattr(task, "task_id", None)
    row = None
    if task_id:
        row = conn.execute(
            "SELECT key, request = '{}' FROM tasks WHERE task_id = ?", (task_id,)
        ).fetchone()
    if row is None and key is not None:
        row = conn.execute("SELECT key, request = '{}' FROM tasks WHERE key = ?", (key,)).fetchone()
    state = _task_state(task)
    record = getattr(task, "record", None)
    response = getattr(task, "response", None)
    error, code = _task_error(task, state)
    meta = _response_meta(response)
    now = time.time()
    values = {
        "task_id": task_id,
        "state": state,
        "trace_id": getattr(task, "trace_id", None),
        "created_at": getattr(record, "created_at", None),
        "started_at": getattr(record, "started_at", None),
        "finished_at": getattr(record, "finished_at", None),
        "error": error,
        "error_code": code,
        "response_meta": meta,
        "updated_at": now,
    }
    if row is None:
        context = current_context()
        cell = context.get("cell")
        cursor = conn.execute(
            "INSERT INTO tasks (action, request, service, submitted_at, sweep_id, cell, task_id,"
            " state, trace_id, created_at, started_at, finished_at, error, error_code,"
            " response_meta, updated_at)"
            " VALUES (:action, :request, :service, :submitted_at, :sweep_id, :cell, :task_id,"
            " :state, :trace_id, :created_at, :started_at, :finished_at, :error, :error_code,"
            " :response_meta, :updated_at) RETURNING key",
            {
                **values,
                "action": getattr(task, "action", "unknown") or "unknown",
                "request": request_json(getattr(task, "request", {}) or {}),
                "service": _service_of(task),
                "submitted_at": getattr(record, "created_at", None) or now,
                "sweep_id": context.get("sweep_id"),
                "cell": None if cell is None else json.dumps(cell, default=str),
            },
        )
        new_key = int(cursor.fetchone()[0])
        columns.store(conn, new_key, getattr(task, "request", {}) or {}, meta)
        return new_key
    conn.execute(
        "UPDATE tasks SET task_id = coalesce(:task_id, task_id),"
        " state = CASE WHEN state IN ('succeeded', 'failed') AND :state NOT IN"
        "   ('succeeded', 'failed') THEN state ELSE :state END,"
        " trace_id = coalesce(:trace_id, trace_id), created_at = coalesce(:created_at, created_at),"
        " started_at = coalesce(:started_at, started_at),"
        " finished_at = coalesce(:finished_at, finished_at), error = coalesce(:error, error),"
        " error_code = coalesce(:error_code, error_code),"
        " response_meta = coalesce(:response_meta, response_meta), updated_at = :updated_at"
        " WHERE key = :key",
        {**values, "key": row[0]},
    )
    # A handle from client.task(id) knows the request only from the record: fill it in if the
    # row was created without one.
    request = getattr(task, "request", None)
    if request and row[1]:
        conn.execute(
            "UPDATE tasks SET request = ?, action = ? WHERE key = ?",
            (request_json(request), getattr(task, "action", "unknown"), row[0]),
        )
    columns.store(conn, row[0], request if request and row[1] else None, meta)
    return int(row[0])


_UPSERT_CLIP = (
    "INSERT INTO clips (clip_id, task_key, task_id, position, raw, updated_at, "
    + ", ".join(_CLIP_COLUMNS)
    + ") VALUES (:clip_id, :task_key, :task_id, :position, :raw, :updated_at, "
    + ", ".join(f":{c}" for c in _CLIP_COLUMNS)
    + ") ON CONFLICT(clip_id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in (*_CLIP_COLUMNS, "raw", "updated_at"))
    + ", task_key = coalesce(clips.task_key, excluded.task_key),"
    " task_id = coalesce(clips.task_id, excluded.task_id)"
    # a late, stale snapshot must not undo a finished clip
    " WHERE NOT (clips.state = 'succeeded' AND excluded.state IS NOT 'succeeded')"
)


def record_clips(conn: sqlite3.Connection, task: Any, key: int) -> list[tuple[str, str, str]]:
    """Upsert every clip of a handle; return ``(clip_id, kind, url)`` of files to download."""
    wanted: list[tuple[str, str, str]] = []
    rows = []
    now = time.time()
    task_id = getattr(task, "task_id", None)
    for position, clip in enumerate(getattr(task, "clips", []) or []):
        raw = _clip_dict(clip)
        clip_id = raw.get("id")
        if not clip_id:
            continue
        fields = {name: raw.get(name) for name in _CLIP_COLUMNS}
        if fields["duration"] is not None:
            try:
                fields["duration"] = float(fields["duration"])
            except (TypeError, ValueError):
                fields["duration"] = None
        fields.update(clip_id=clip_id, task_key=key, task_id=task_id, position=position,
                      raw=json.dumps(raw, default=str), updated_at=now)  # fmt: skip
        rows.append(fields)
        if raw.get("state") == "succeeded" or (raw.get("state") is None and fields["duration"]):
            for kind, url in (("audio", raw.get("audio_url")), ("image", raw.get("image_url"))):
                if url:
                    wanted.append((clip_id, kind, url))
    conn.executemany(_UPSERT_CLIP, rows)
    fresh = []
    for clip_id, kind, url in wanted:
        conn.execute(
            "INSERT INTO files (clip_id, kind, url) VALUES (?, ?, ?) ON CONFLICT(clip_id, kind)"
            " DO UPDATE SET url = excluded.url WHERE files.state != 'ok'",
            (clip_id, kind, url),
        )
        (state,) = conn.execute(
            "SELECT state FROM files WHERE clip_id = ? AND kind = ?", (clip_id, kind)
        ).fetchone()
        if state != "ok":
            fresh.append((clip_id, kind, url))
    return fresh


def _clip_dict(clip: Any) -> dict[str, Any]:
    if isinstance(clip, Mapping):
        return dict(clip)
    dump = getattr(clip, "model_dump", None)
    if dump is not None:
        return dump(mode="json")
    return dict(vars(clip))


def _task_state(task: Any) -> str:
    try:
        state = str(task.state)
    except Exception:  # a handle whose state cannot be derived is still worth recording
        state = "pending"
    if state == "pending" and getattr(task, "task_id", None) and not getattr(task, "clips", None):
        return "submitted"
    return state


def _task_error(task: Any, state: str) -> tuple[str | None, str | None]:
    if state != "failed":
        return None, None
    response = getattr(task, "response", None)
    parts = getattr(response, "error_parts", None)
    if parts is None:
        return "task failed", None
    code, message = parts()
    return message, code


def _response_meta(response: Any) -> str | None:
    """Top-level response fields other than the clips (cost, success, unknown extras)."""
    if response is None:
        return None
    dump = getattr(response, "model_dump", None)
    data = dump(mode="json") if dump is not None else dict(response)
    data.pop("data", None)
    data = {k: v for k, v in data.items() if v is not None}
    return json.dumps(data, default=str) if data else None


def _service_of(task: Any) -> str | None:
    client = getattr(task, "_client", None)
    try:
        return None if client is None else str(client.service)
    except Exception:
        return None
