"""The catalogue's store seam (:class:`StoreBackend`) and its sqlite backend (:class:`Store`).

Only :mod:`sqlite3` and the standard library are imported here, so opening a catalogue is cheap.
Other backends (PostgreSQL) plug in through :func:`register_backend` under a URL scheme.

Schema (every time is unix seconds as REAL unless said otherwise):

``schema_version(version, applied_at)``
    one row per migration applied; the catalogue's version is ``max(version)``.
``tasks(key, task_id, action, request, service, state, trace_id, submitted_at, created_at,
started_at, finished_at, updated_at, error, error_code, sweep_id, cell, response_meta)``
    one row per submission. ``key`` is local (the row exists before the service answers);
    ``task_id`` is unique once known. ``request`` is the JSON body sent (never a header, so never
    the token). ``state``: ``submitting`` (sent, no answer yet), ``submitted``, ``pending``,
    ``running``, ``succeeded``, ``failed``, ``rejected`` (refused; nothing was created),
    ``uncertain`` (the answer was lost: it may or may not exist) or ``lost`` (the answer was lost
    and the service's task list proved it has no such task: nothing was paid). ``cell`` is JSON.
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
``tasks.request_<knob>`` and ``tasks.cost`` (version 3)
    the request's scalar knobs as typed columns and the billed cost (:mod:`.columns`).
``claims(scope, item, owner, lease_until, claimed_at)`` (version 2)
    who is sending (or resolving) a piece of paid work right now: ``scope`` is ``sweep:<id>`` or
    ``task``, ``item`` the cell (``"3/0"``) or task key; ``owner`` is ``host:pid:random``; a claim
    whose ``lease_until`` has passed belongs to nobody (its owner died) and may be taken over.
``listening_answers(id, test_id, rater, answered_at, record)`` (version 4)
    one row per answer of a blind listening test, in the order given; ``record`` is its JSON
    (rater, trial, the clips shown, the answer, when it was shown and answered).
``settings(name, value)`` (version 5)
    facts stored with the catalogue, as text: ``files`` is where its audio files live (a
    folder or an ``s3://`` URL), so a shared catalogue opened elsewhere finds them.
``sweeps(sweep_id, action, record, budget, created_at, updated_at)`` (version 6)
    one row per sweep: ``record`` is the plan's JSON (base, design, repeats, settings), so a
    worker that has only the catalogue URL can find and work it; ``budget`` (credits) is
    shared by every process working the sweep.
``sweep_cells(sweep_id, item, cell_index, repeat_index, params, estimate, worker, claimed_at)``
(version 6)
    one row per cell of a sweep (``item`` is ``"cell/repeat"``): the swept values (JSON), the
    list-price estimate reserved against the budget when the cell is claimed, and the last
    worker that claimed it for sending.
``rate_limits(name, per_minute, tokens, updated_at)`` (version 6)
    a token bucket shared by every process: ``tokens`` submissions may go out now, refilled at
    ``per_minute``.
``endpoint_writes(key, idempotency_key, endpoint, request, service, state, attempts, answer_id,
version_id, error, error_code, sent_at, updated_at)`` (version 7)
    one row per keyed endpoint write (Studio projects, custom models), written before it is
    sent: ``request`` is the JSON body (the key travels in a header and is its own column);
    ``state`` is ``sending``, ``done`` (``answer_id``/``version_id`` of the object), ``failed``
    (refused: nothing made) or ``uncertain`` (the answer was lost). ``resume()`` re-sends the
    ``sending`` and ``uncertain`` ones with the same key (:mod:`.writes`).
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from suno_nb.errors import SunoError

__all__ = [
    "SCHEMA_VERSION",
    "CatalogueError",
    "CatalogueFullError",
    "CatalogueReadOnlyError",
    "CatalogueVersionError",
    "Store",
    "StoreBackend",
    "new_owner",
    "open_store",
    "register_backend",
]

SCHEMA_VERSION = 7
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


def _claims_migration() -> list[str]:
    """Version 2: the claims table (who is sending which paid work; leases expire)."""
    return [
        """CREATE TABLE IF NOT EXISTS claims (
            scope TEXT NOT NULL,
            item TEXT NOT NULL,
            owner TEXT NOT NULL,
            lease_until REAL NOT NULL,
            claimed_at REAL NOT NULL,
            PRIMARY KEY (scope, item)
        ) WITHOUT ROWID""",
        # No index on owner: the table holds only live claims (released ones are deleted),
        # and every claim costs one b-tree write instead of three.
    ]


_MIGRATIONS[2] = _claims_migration()


def _knob_columns_migration() -> list[str]:
    """Version 3: the request's knobs and the billed cost as typed task columns (columns.py)."""
    from suno_nb.catalogue import columns  # standard library only, like this module

    return columns.migration()


_MIGRATIONS[3] = _knob_columns_migration()


def _listening_migration() -> list[str]:
    """Version 4: the answers of blind listening tests, in the store so a class shares them."""
    return [
        """CREATE TABLE IF NOT EXISTS listening_answers (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            test_id TEXT NOT NULL,
            rater TEXT NOT NULL,
            answered_at REAL NOT NULL,
            record TEXT NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS listening_answers_test ON listening_answers(test_id, rater)",
    ]


_MIGRATIONS[4] = _listening_migration()
# Version 5: a small key/value table of facts stored with the catalogue (the files location).
_MIGRATIONS[5] = [
    "CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)"
]


def _queue_migration() -> list[str]:
    """Version 6: sweeps and their cells in the store (the shared work queue), and a shared
    rate limit; plans kept as files in the catalogue folder are read in by ``queue.py``."""
    return [
        """CREATE TABLE IF NOT EXISTS sweeps (
            sweep_id TEXT PRIMARY KEY,
            action TEXT NOT NULL,
            record TEXT NOT NULL,
            budget REAL,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        )""",
        """CREATE TABLE IF NOT EXISTS sweep_cells (
            sweep_id TEXT NOT NULL,
            item TEXT NOT NULL,
            cell_index INTEGER NOT NULL,
            repeat_index INTEGER NOT NULL,
            params TEXT NOT NULL,
            estimate REAL NOT NULL,
            worker TEXT,
            claimed_at REAL,
            PRIMARY KEY (sweep_id, item)
        ) WITHOUT ROWID""",
        """CREATE TABLE IF NOT EXISTS rate_limits (
            name TEXT PRIMARY KEY,
            per_minute REAL NOT NULL,
            tokens REAL NOT NULL,
            updated_at REAL NOT NULL
        )""",
    ]


_MIGRATIONS[6] = _queue_migration()


def _writes_migration() -> list[str]:
    """Version 7: keyed endpoint writes (projects, custom models), recorded before sending so
    ``resume()`` can re-send one with its idempotency key (``writes.py``)."""
    return [
        """CREATE TABLE IF NOT EXISTS endpoint_writes (
            key INTEGER PRIMARY KEY AUTOINCREMENT,
            idempotency_key TEXT NOT NULL UNIQUE,
            endpoint TEXT NOT NULL,
            request TEXT NOT NULL DEFAULT '{}',
            service TEXT,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 1,
            answer_id TEXT,
            version_id TEXT,
            error TEXT,
            error_code TEXT,
            sent_at REAL NOT NULL,
            updated_at REAL NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS endpoint_writes_state ON endpoint_writes(state)",
    ]


_MIGRATIONS[7] = _writes_migration()
assert max(_MIGRATIONS) == SCHEMA_VERSION


@runtime_checkable
class StoreBackend(Protocol):
    """What the catalogue needs from a database: the seam a new backend implements.

    The catalogue (``catalogue.py``, ``recorder.py``, ``frame.py`` …) talks to its store only
    through these members, so a backend is one class plus one :func:`register_backend` call.
    :class:`Store` (sqlite, one file in the catalogue folder) is the reference implementation.

    SQL the catalogue sends uses sqlite's parameter marks (``?`` and ``:name``) and portable
    statements only (``INSERT … ON CONFLICT … DO UPDATE``, ``RETURNING``, ``coalesce``): a
    backend translates the marks in ONE place (its connection wrapper's ``execute`` and
    ``executemany``; e.g. ``?`` → ``%s`` and ``:name`` → ``%(name)s`` for psycopg). Connections
    returned by :meth:`connect` and yielded by :meth:`write` need ``execute(sql, params)``
    (returning a cursor with ``fetchone``, ``fetchall``, ``rowcount``) and
    ``executemany(sql, rows)``; nothing else is used (never ``lastrowid``: inserts that need
    their key say ``RETURNING key``).

    Members:

    ``url`` / ``path``
        where it lives (``path`` is the sqlite file, or ``None`` for a server database).
    ``writable``
        False when the store can only be read (a read-only folder, a replica).
    ``connect()``
        this thread's connection (one per thread and per process; never shared across a fork).
    ``read(sql, params=())``
        run one query outside a write transaction and return all rows as tuples.
    ``write()``
        a context manager: one short write transaction that commits on exit and rolls back on
        an exception. It must take the write lock up front where the database has one (sqlite:
        ``BEGIN IMMEDIATE``, so ``busy_timeout`` applies and a read-then-write inside is atomic;
        PostgreSQL: an ordinary transaction, the claim rows locked as below). Raise
        :class:`CatalogueFullError`, :class:`CatalogueReadOnlyError` or :class:`CatalogueError`
        (never a driver exception) with the next step in words.
    ``version()`` / ``migrate()``
        the schema version found and bringing it up to :data:`SCHEMA_VERSION` (idempotent,
        safe when two processes open the store at once; refuse a newer version with
        :class:`CatalogueVersionError`). Tables and columns are those in this module's
        docstring; column types may be the backend's own (``BIGSERIAL`` for ``tasks.key`` …).
    ``claim(conn, scope, items, owner, lease_seconds)``
        inside ``write()``: take every item of ``items`` that nobody holds, that ``owner``
        already holds, or whose lease has expired (a dead owner's: taken over), setting
        ``lease_until = now + lease_seconds``; return the items taken, in order. Atomic against
        other processes: two callers never both get an item (sqlite: the write lock; PostgreSQL:
        the same ``INSERT … ON CONFLICT DO UPDATE … WHERE lease_until < now … RETURNING`` or
        ``SELECT … FOR UPDATE SKIP LOCKED``). A claim held by a process of this host that is
        no longer running may be treated as expired.
    ``renew(owner, lease_seconds)``
        the heartbeat: extend every lease ``owner`` holds; returns how many.
    ``release(scope, items, owner)``
        drop ``owner``'s claims on those items (others' claims are left alone).
    ``holders(scope)``
        ``{item: (owner, lease_until)}`` of the live claims in a scope (for reports).
    ``lock(conn, name)``
        inside ``write()``: wait until no other transaction holds ``name``, then hold it to
        the end of this one (a shared budget is read and debited under it). sqlite: nothing to
        do, ``BEGIN IMMEDIATE`` already serialises writers; PostgreSQL: an advisory lock.
    ``close()``
        close this thread's connection.
    """

    url: str
    path: Path | None
    writable: bool

    def connect(self) -> Any: ...
    def read(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[tuple]: ...
    def write(self) -> AbstractContextManager[Any]: ...
    def version(self) -> int: ...
    def migrate(self) -> None: ...
    def claim(
        self, conn: Any, scope: str, items: Iterable[str], owner: str, lease_seconds: float
    ) -> list[str]: ...
    def renew(self, owner: str, lease_seconds: float) -> int: ...
    def release(self, scope: str, items: Iterable[str], owner: str) -> None: ...
    def holders(self, scope: str) -> dict[str, tuple[str, float]]: ...
    def lock(self, conn: Any, name: str) -> None: ...
    def close(self) -> None: ...


def new_owner() -> str:
    """A claim owner for this process: ``host:pid:random`` (the random part tells apart a
    later process that got the same pid).

    Example:
        >>> new_owner().count(":")
        2
    """
    return f"{socket.gethostname()}:{os.getpid()}:{os.urandom(4).hex()}"


def _owner_is_dead(owner: str) -> bool:
    """True when ``owner`` is a process of this host that no longer runs."""
    host, _, rest = owner.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False  # another machine: only its lease can tell
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return True
    except OSError:  # exists, owned by another user
        return False
    return False


_CLAIM_SQL = (
    "INSERT INTO claims (scope, item, owner, lease_until, claimed_at) VALUES (?, ?, ?, ?, ?)"
    " ON CONFLICT (scope, item) DO UPDATE SET owner = excluded.owner,"
    " lease_until = excluded.lease_until, claimed_at = excluded.claimed_at"
    " WHERE claims.lease_until < ? OR claims.owner = excluded.owner"
    " RETURNING item"
)


class Store:
    """One catalogue database: a connection per thread and process, and write transactions.

    Example:
        >>> import tempfile, pathlib
        >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "catalogue.sqlite")
        >>> store.version() == SCHEMA_VERSION
        True
    """

    def __init__(self, path: Path, *, writable: bool | None = None) -> None:
        self.path = Path(path)
        self.url = f"sqlite:///{self.path}"
        self.writable = _can_write(self.path.parent) if writable is None else writable
        self._local = threading.local()
        self.migrate()

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

    def migrate(self) -> None:
        """Bring the file up to :data:`SCHEMA_VERSION` (creating it if needed)."""
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

    def read(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[tuple]:
        return self.connect().execute(sql, params).fetchall()

    # --- claims ------------------------------------------------------------------------------
    def claim(
        self,
        conn: sqlite3.Connection,
        scope: str,
        items: Iterable[str],
        owner: str,
        lease_seconds: float,
    ) -> list[str]:
        """Take the free, own or expired claims among ``items`` (call inside :meth:`write`).

        Example:
            >>> import tempfile, pathlib
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "catalogue.sqlite")
            >>> with store.write() as conn:
            ...     store.claim(conn, "sweep:s1", ["0/0", "1/0"], "me:1:a", 60)
            ['0/0', '1/0']
            >>> with store.write() as conn:
            ...     store.claim(conn, "sweep:s1", ["0/0", "2/0"], "you:2:b", 60)
            ['2/0']
        """
        items = list(items)
        if not items:
            return []
        now = time.time()
        # Same-host owners that died let go at once, without waiting for their lease.
        # Only the wanted items' rows are read: reading every live claim of the scope made
        # each claim of a big sweep cost as much as the sweep (500 marks stay under sqlite's
        # bound-variable limit).
        for start in range(0, len(items), 500):
            chunk = items[start : start + 500]
            for item, holder in conn.execute(
                "SELECT item, owner FROM claims WHERE scope = ? AND owner != ?"
                f" AND lease_until >= ? AND item IN ({', '.join('?' * len(chunk))})",
                (scope, owner, now, *chunk),
            ).fetchall():
                if _owner_is_dead(holder):
                    conn.execute(
                        "UPDATE claims SET lease_until = 0"
                        " WHERE scope = ? AND item = ? AND owner = ?",
                        (scope, item, holder),
                    )
        taken = []
        for item in items:
            row = conn.execute(
                _CLAIM_SQL, (scope, item, owner, now + lease_seconds, now, now)
            ).fetchone()
            if row is not None:
                taken.append(item)
        return taken

    def renew(self, owner: str, lease_seconds: float) -> int:
        """Extend every lease ``owner`` holds (the heartbeat of a running sweep)."""
        with self.write() as conn:
            return conn.execute(
                "UPDATE claims SET lease_until = ? WHERE owner = ?",
                (time.time() + lease_seconds, owner),
            ).rowcount

    def release(self, scope: str, items: Iterable[str], owner: str) -> None:
        """Let go of ``owner``'s claims on ``items``."""
        rows = [(scope, item, owner) for item in items]
        if rows:
            with self.write() as conn:
                conn.executemany(
                    "DELETE FROM claims WHERE scope = ? AND item = ? AND owner = ?", rows
                )

    def holders(self, scope: str) -> dict[str, tuple[str, float]]:
        """``{item: (owner, lease_until)}`` of the live claims in ``scope``."""
        rows = self.read(
            "SELECT item, owner, lease_until FROM claims WHERE scope = ? AND lease_until >= ?",
            (scope, time.time()),
        )
        return {item: (owner, until) for item, owner, until in rows if not _owner_is_dead(owner)}

    def lock(self, conn: sqlite3.Connection, name: str) -> None:
        """Serialise on ``name`` (inside :meth:`write`): ``BEGIN IMMEDIATE`` already does."""


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
            "rows are intact. Free some space and run suno_nb.resume() to record the rest",
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


# --- the registry of URL schemes --------------------------------------------------------------
_BACKENDS: dict[str, Callable[[str], StoreBackend]] = {}
_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def register_backend(scheme: str, factory: Callable[[str], StoreBackend]) -> None:
    """Let ``Catalogue("<scheme>://…")`` open a store made by ``factory(url)``.

    Example:
        >>> register_backend("memo", lambda url: Store(Path(url[7:]) / "catalogue.sqlite"))
        ... # doctest: +SKIP
    """
    _BACKENDS[scheme.lower()] = factory


def is_url(location: object) -> bool:
    """Whether ``location`` is a URL (``scheme://…``) rather than a folder path."""
    return isinstance(location, str) and _URL.match(location) is not None


def open_store(url: str) -> StoreBackend:
    """The store behind a URL: ``sqlite:///folder`` or a scheme from :func:`register_backend`.

    Example:
        >>> open_store("mysql://db/x")
        Traceback (most recent call last):
        ...
        suno_nb.catalogue.store.CatalogueError: catalogue URL 'mysql://db/x' ...
    """
    match = _URL.match(url)
    scheme = match.group(1).lower() if match else ""
    if scheme == "sqlite":
        folder = url[len("sqlite://") :] or "."
        return Store(Path(folder).expanduser() / "catalogue.sqlite")
    factory = _BACKENDS.get(scheme)
    if factory is None:
        known = ", ".join(["sqlite:///<folder>", *(f"{k}://…" for k in sorted(_BACKENDS))])
        hint = (
            "; PostgreSQL needs its extra: pip install 'suno-nb[lab]'"
            if scheme in ("postgresql", "postgres")
            else ""
        )
        raise CatalogueError(
            f"catalogue URL {_redact(url)!r} uses the scheme {scheme!r}, which this suno_nb "
            f"cannot open; use a folder path or one of: {known}{hint}"
        )
    return factory(url)


def _redact(url: str) -> str:
    """The URL without a password (``user:secret@`` becomes ``user:***@``)."""
    return re.sub(r"^([^:/]+://[^:/@]+):[^@/]*@", r"\1:***@", url)
