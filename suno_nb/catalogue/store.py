"""The catalogue's sqlite file: schema, migrations, connections and short write transactions.

Only :mod:`sqlite3` and the standard library are imported here, so opening a catalogue is cheap.

Schema (version 1; every time is unix seconds as REAL unless said otherwise):

``schema_version(version, applied_at)``
    one row per migration applied; the catalogue's version is ``max(version)``.
``tasks(key, task_id, action, request, service, state, trace_id, submitted_at, created_at,
started_at, finished_at, updated_at, error, error_code, sweep_id, cell, response_meta)``
    one row per submission. ``key`` is local (the row exists before the service answers);
    ``task_id`` is unique once known. ``request`` is the JSON body sent (never a header, so never
    the token). ``state``: ``submitting`` (sent, no answer yet), ``submitted``, ``pending``,
    ``running``, ``succeeded``, ``failed``, ``rejected`` (refused; nothing was created) or
    ``uncertain`` (the answer was lost: it may or may not exist). ``cell`` is JSON.
``clips(clip_id, task_key, task_id, position, title, state, model, created_at, duration,
audio_url, image_url, video_url, lyric, prompt, style, raw, updated_at)``
    one row per clip, updated as it arrives; ``raw`` is the clip's full JSON.
``files(clip_id, kind, url, state, attempts, error, sha256, path, size, sample_rate, channels,
duration, fetched_at)``
    ``kind`` is ``audio`` or ``image``; ``state`` ``missing``, ``ok`` or ``failed``; ``path`` is
    relative to the catalogue folder (content addressed: ``audio/ab/abcdef….mp3``).
``features(clip_id, version, sha256, measured_at, "values", error)``
    the JSON of :func:`suno_nb.features.measure` for the file with that hash.
``annotations(clip_id, rating, starred, note, updated_at)`` and ``tags(clip_id, tag)``.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from suno_nb.errors import SunoError

__all__ = [
    "SCHEMA_VERSION",
    "CatalogueError",
    "CatalogueFullError",
    "CatalogueReadOnlyError",
    "CatalogueVersionError",
    "Store",
]

SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 30_000


class CatalogueError(SunoError):
    """Something is wrong with the catalogue folder or its database."""


class CatalogueVersionError(CatalogueError):
    """The catalogue was written by a newer suno_nb: it was left untouched."""


class CatalogueReadOnlyError(CatalogueError):
    """The catalogue folder (or file) cannot be written."""


class CatalogueFullError(CatalogueError, OSError):
    """The disk holding the catalogue is full: the write was rolled back, old rows are intact."""


# Each migration is a list of statements run in one transaction; never edit a released one,
# append a new version instead.
_MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE IF NOT EXISTS tasks (
            key INTEGER PRIMARY KEY AUTOINCREMENT,
            task_id TEXT UNIQUE,
            action TEXT NOT NULL,
            request TEXT NOT NULL DEFAULT '{}',
            service TEXT,
            state TEXT NOT NULL,
            trace_id TEXT,
            submitted_at REAL NOT NULL,
            created_at REAL,
            started_at REAL,
            finished_at REAL,
            updated_at REAL NOT NULL,
            error TEXT,
            error_code TEXT,
            sweep_id TEXT,
            cell TEXT,
            response_meta TEXT
        )""",
        "CREATE INDEX IF NOT EXISTS tasks_sweep ON tasks(sweep_id)",
        """CREATE TABLE IF NOT EXISTS clips (
            clip_id TEXT PRIMARY KEY,
            task_key INTEGER REFERENCES tasks(key),
            task_id TEXT,
            position INTEGER,
            title TEXT,
            state TEXT,
            model TEXT,
            created_at TEXT,
            duration REAL,
            audio_url TEXT,
            image_url TEXT,
            video_url TEXT,
            lyric TEXT,
            prompt TEXT,
            style TEXT,
            raw TEXT NOT NULL,
            updated_at REAL NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS clips_task ON clips(task_key)",
        """CREATE TABLE IF NOT EXISTS files (
            clip_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            url TEXT,
            state TEXT NOT NULL DEFAULT 'missing',
            attempts INTEGER NOT NULL DEFAULT 0,
            error TEXT,
            sha256 TEXT,
            path TEXT,
            size INTEGER,
            sample_rate INTEGER,
            channels INTEGER,
            duration REAL,
            fetched_at REAL,
            PRIMARY KEY (clip_id, kind)
        ) WITHOUT ROWID""",
        "CREATE INDEX IF NOT EXISTS files_state ON files(state)",
        """CREATE TABLE IF NOT EXISTS features (
            clip_id TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            sha256 TEXT,
            measured_at REAL NOT NULL,
            "values" TEXT NOT NULL,
            error TEXT
        )""",
        """CREATE TABLE IF NOT EXISTS annotations (
            clip_id TEXT PRIMARY KEY,
            rating INTEGER CHECK (rating BETWEEN 0 AND 5),
            starred INTEGER NOT NULL DEFAULT 0,
            note TEXT,
            updated_at REAL NOT NULL
        )""",
        """CREATE TABLE IF NOT EXISTS tags (
            clip_id TEXT NOT NULL,
            tag TEXT NOT NULL,
            PRIMARY KEY (clip_id, tag)
        ) WITHOUT ROWID""",
        "CREATE INDEX IF NOT EXISTS tags_tag ON tags(tag)",
    ],
}
assert max(_MIGRATIONS) == SCHEMA_VERSION


class Store:
    """One catalogue database: a connection per thread and process, and write transactions.

    Example:
        >>> import tempfile, pathlib
        >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "catalogue.sqlite")
        >>> store.version()
        1
    """

    def __init__(self, path: Path, *, writable: bool | None = None) -> None:
        self.path = Path(path)
        self.writable = _can_write(self.path.parent) if writable is None else writable
        self._local = threading.local()
        self._open_and_migrate()

    # --- connections -------------------------------------------------------------------------
    def connect(self) -> sqlite3.Connection:
        """This thread's connection (a forked child gets its own: sqlite handles do not fork)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None and self._local.pid == os.getpid():
            return conn
        conn = self._new_connection()
        self._local.conn, self._local.pid = conn, os.getpid()
        return conn

    def _new_connection(self) -> sqlite3.Connection:
        if self.writable:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        else:
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                                   isolation_level=None)  # fmt: skip
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if self.writable:
            # WAL lets readers and one writer work at once; NORMAL syncs at checkpoints only,
            # which WAL keeps crash-safe (a power cut may lose the last commits, never corrupt).
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            # Checkpoints are where WAL syncs to disk; a task writes ~5 pages, so the default
            # (every 1,000 pages) would sync every ~200 tasks and cap recording near 2,000
            # tasks/s on a VM disk. Every 8,000 pages (~32 MB) keeps it above 5,000, and the
            # size limit truncates the WAL back after a burst.
            conn.execute("PRAGMA wal_autocheckpoint = 8000")
            conn.execute(f"PRAGMA journal_size_limit = {64 * 1024 * 1024}")
        conn.execute("PRAGMA foreign_keys = OFF")  # clips may arrive before their task on import
        return conn

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None and self._local.pid == os.getpid():
            conn.close()
        self._local = threading.local()

    # --- version and migrations -------------------------------------------------------------
    def version(self) -> int:
        return _read_version(self.connect())

    def _open_and_migrate(self) -> None:
        if not self.writable and not self.path.exists():
            raise CatalogueReadOnlyError(
                f"{self.path.parent} is read-only, so no catalogue can be created there; pass "
                "Catalogue(path=...) or set SUNO_NB_HOME to a folder you can write"
            )
        # Look at the version with a plain connection first: a newer file must not even be
        # switched to WAL (that rewrites its header).
        probe = (
            sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            if (self.path.exists())
            else None
        )
        try:
            found = _read_version(probe) if probe is not None else 0
        except sqlite3.DatabaseError as exc:
            raise CatalogueError(
                f"{self.path} is not a readable sqlite catalogue ({exc}); move it aside and "
                "open the folder again to start a new one"
            ) from exc
        finally:
            if probe is not None:
                probe.close()
        _refuse_newer(found, self.path)
        if found == SCHEMA_VERSION:
            return
        if not self.writable:
            raise CatalogueReadOnlyError(
                f"{self.path} needs upgrading from schema {found} to {SCHEMA_VERSION}, but its "
                "folder is read-only; open it once from a writable copy"
            )
        with self.write() as conn:
            current = _read_version(conn)  # another process may have migrated meanwhile
            _refuse_newer(current, self.path)
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, applied_at REAL NOT NULL)"
            )
            for version in range(current + 1, SCHEMA_VERSION + 1):
                for statement in _MIGRATIONS[version]:
                    conn.execute(statement)
                conn.execute("INSERT INTO schema_version VALUES (?, ?)", (version, time.time()))

    # --- transactions ------------------------------------------------------------------------
    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A short write transaction. ``BEGIN IMMEDIATE`` takes the write lock up front, so
        ``busy_timeout`` applies (a deferred transaction that upgrades can fail at once)."""
        if not self.writable:
            raise CatalogueReadOnlyError(
                f"{self.path.parent} is read-only: the catalogue can be read but not changed; "
                "copy the folder somewhere writable or fix its permissions"
            )
        conn = self.connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _translate(exc, self.path) from exc
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):
                raise _translate(exc, self.path) from exc
            raise

    def read(self, sql: str, params: tuple | list | dict = ()) -> list[tuple]:
        return self.connect().execute(sql, params).fetchall()


def _read_version(conn: sqlite3.Connection) -> int:
    row = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if row is None:
        return 0
    (version,) = conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
    return int(version)


def _refuse_newer(found: int, path: Path) -> None:
    if found > SCHEMA_VERSION:
        raise CatalogueVersionError(
            f"{path} has catalogue schema version {found}, but this suno_nb knows versions up to "
            f"{SCHEMA_VERSION}; it was left untouched. Upgrade suno_nb "
            "(pip install -U suno-nb) to open it"
        )


def _translate(exc: sqlite3.OperationalError, path: Path) -> CatalogueError:
    text = str(exc)
    if "full" in text:
        return CatalogueFullError(
            28,
            f"the disk holding {path} is full ({text}); the write was rolled back and earlier "
            "rows are intact. Free some space and run catalogue.resume() to record the rest",
        )
    if "readonly" in text or "read-only" in text:
        return CatalogueReadOnlyError(f"{path} cannot be written ({text}); check its permissions")
    if "locked" in text or "busy" in text:
        return CatalogueError(
            f"{path} stayed locked by another process for {BUSY_TIMEOUT_MS // 1000} s ({text}); "
            "is a kernel stuck in a long write? Try again"
        )
    return CatalogueError(f"{path}: {text}")


def _can_write(folder: Path) -> bool:
    """Whether files can be created in ``folder`` (tried, since root ignores mode bits)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".write-probe-{os.getpid()}-{threading.get_ident()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError:
        return False
    return True
