"""The emulator's state on disk: tasks, clips, personas, Studio projects, custom models and
the idempotent writes' first answers (sqlite), and their files (a folder).

A data directory can be reopened by a new emulator: every task, clip, upload, persona, project
(with its version) and custom model is still there, and renderings already made are reused.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

__all__ = ["Store"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS tasks (id TEXT PRIMARY KEY, created_at REAL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS clips (id TEXT PRIMARY KEY, task_id TEXT, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS personas (
    id TEXT PRIMARY KEY, created_at REAL, deleted INTEGER DEFAULT 0, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS takes (seed INTEGER PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS objects (
    kind TEXT NOT NULL, id TEXT NOT NULL, created_at REAL, data TEXT NOT NULL,
    PRIMARY KEY (kind, id));
CREATE TABLE IF NOT EXISTS writes (key TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS tasks_by_time ON tasks (created_at);
"""


def _jsonable(value: Any) -> Any:
    # Personas may hold numpy arrays or numbers from the synth: tag arrays to restore them.
    if hasattr(value, "tolist") and hasattr(value, "dtype"):
        if getattr(value, "ndim", 0) == 0:
            return value.item()
        return {"__ndarray__": value.tolist(), "dtype": str(value.dtype)}
    if isinstance(value, tuple | set):
        return list(value)
    raise TypeError(f"cannot store {type(value).__name__}")


def _restore(obj: dict[str, Any]) -> Any:
    if "__ndarray__" in obj:
        import numpy as np

        return np.asarray(obj["__ndarray__"], dtype=obj.get("dtype"))
    return obj


def dumps(value: Any) -> str:
    return json.dumps(value, default=_jsonable, separators=(",", ":"))


def loads(text: str) -> Any:
    return json.loads(text, object_hook=_restore)


class Store:
    """sqlite rows of JSON documents plus a files folder; safe to share between threads."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = root / "files"
        self.renderings = root / "renderings"
        for path in (self.files, self.renderings):
            path.mkdir(parents=True, exist_ok=True)
        # One connection behind a lock: requests are short, and sqlite serialises writes anyway.
        self._db = sqlite3.connect(root / "emulator.sqlite", check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        self._lock = threading.RLock()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- tasks -----------------------------------------------------------------------------
    def next_take(self, seed: int) -> int:
        """How many tasks this emulator already made from the same request (0 the first time)."""
        with self._lock, self._db:
            row = self._db.execute("SELECT n FROM takes WHERE seed = ?", (seed,)).fetchone()
            taken = row[0] if row else 0
            self._db.execute("INSERT OR REPLACE INTO takes VALUES (?, ?)", (seed, taken + 1))
        return taken

    def put_task(self, task: dict[str, Any]) -> None:
        with self._lock, self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO tasks VALUES (?, ?, ?)",
                (task["id"], task["created_at"], dumps(task)),
            )

    def task(self, task_id: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._db.execute("SELECT data FROM tasks WHERE id = ?", (task_id,)).fetchone()
        return loads(row[0]) if row else None

    def tasks(
        self,
        *,
        limit: int,
        offset: int = 0,
        created_min: float | None = None,
        created_max: float | None = None,
        kinds: tuple[str, ...] | None = None,
    ) -> tuple[int, list[dict[str, Any]]]:
        """``(how many match, one page of them)``, newest first; ``kinds`` ``None``: all."""
        where, args = ["1 = 1"], []
        if created_min is not None:
            where.append("created_at >= ?")
            args.append(created_min)
        if created_max is not None:
            where.append("created_at <= ?")
            args.append(created_max)
        if kinds is not None:
            where.append(
                f"json_extract(data, '$.kind') IN ({', '.join('?' * len(kinds)) or 'NULL'})"
            )
            args.extend(kinds)
        condition = " AND ".join(where)
        with self._lock:
            count = self._db.execute(f"SELECT COUNT(*) FROM tasks WHERE {condition}", args)
            total = int(count.fetchone()[0])
            rows = self._db.execute(
                f"SELECT data FROM tasks WHERE {condition} "
                "ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?",
                [*args, limit, offset],
            ).fetchall()
        return total, [loads(r[0]) for r in rows]

    # -- clips (generated clips, uploads, vox tracks) ------------------------------------------
    def put_clip(self, clip: dict[str, Any]) -> None:
        with self._lock, self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO clips VALUES (?, ?, ?)",
                (clip["id"], clip.get("task_id"), dumps(clip)),
            )

    def put_clips(self, clips: list[dict[str, Any]]) -> None:
        with self._lock, self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO clips VALUES (?, ?, ?)",
                [(c["id"], c.get("task_id"), dumps(c)) for c in clips],
            )

    def clip(self, clip_id: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._db.execute("SELECT data FROM clips WHERE id = ?", (clip_id,)).fetchone()
        return loads(row[0]) if row else None

    # -- personas ------------------------------------------------------------------------------
    def put_persona(self, persona: dict[str, Any]) -> None:
        with self._lock, self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO personas (id, created_at, data) VALUES (?, ?, ?)",
                (persona["persona_id"], persona["created_at"], dumps(persona)),
            )

    def persona(self, persona_id: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._db.execute(
                "SELECT data FROM personas WHERE id = ? AND deleted = 0", (persona_id,)
            ).fetchone()
        return loads(row[0]) if row else None

    def personas(self, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
        with self._lock:
            count = self._db.execute("SELECT COUNT(*) FROM personas WHERE deleted = 0").fetchone()
            rows = self._db.execute(
                "SELECT data FROM personas WHERE deleted = 0 ORDER BY created_at DESC "
                "LIMIT ? OFFSET ?",
                (limit, offset),
            ).fetchall()
        return int(count[0]), [loads(r[0]) for r in rows]

    def delete_persona(self, persona_id: str) -> bool:
        with self._lock, self._db:
            cur = self._db.execute(
                "UPDATE personas SET deleted = 1 WHERE id = ? AND deleted = 0", (persona_id,)
            )
        return cur.rowcount > 0

    # -- Studio projects, custom models (documents by kind) ------------------------------------
    def put_object(self, kind: str, object_id: str, created_at: float, data: Any) -> None:
        """Keep one project or custom model (``kind``: ``"project"``, ``"custom_model"``)."""
        with self._lock, self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO objects VALUES (?, ?, ?, ?)",
                (kind, object_id, created_at, dumps(data)),
            )

    def object(self, kind: str, object_id: str) -> Any:
        """One kept object of ``kind``, or ``None``."""
        with self._lock:
            row = self._db.execute(
                "SELECT data FROM objects WHERE kind = ? AND id = ?", (kind, object_id)
            ).fetchone()
        return loads(row[0]) if row else None

    def objects(self, kind: str) -> list[Any]:
        """Every kept object of ``kind``, oldest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT data FROM objects WHERE kind = ? ORDER BY created_at, rowid", (kind,)
            ).fetchall()
        return [loads(r[0]) for r in rows]

    # -- idempotent writes: the first answer per key ----------------------------------------
    def put_write(self, key: str, data: Any) -> None:
        with self._lock, self._db:
            self._db.execute("INSERT OR REPLACE INTO writes VALUES (?, ?)", (key, dumps(data)))

    def write(self, key: str) -> Any:
        with self._lock:
            row = self._db.execute("SELECT data FROM writes WHERE key = ?", (key,)).fetchone()
        return loads(row[0]) if row else None
