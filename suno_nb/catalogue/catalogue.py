"""``Catalogue``: the local, queryable record of every request, task, clip, file and measurement.

It is a client's ``TaskObserver``: it writes the task before the client waits, each clip as it
arrives, then downloads finished files. Reading it (tables, tracks, plots) is in sibling modules.
"""

from __future__ import annotations

import contextlib
import inspect
import json
import os
import shutil
import sqlite3
import threading
import time
import warnings
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from suno_nb.catalogue import files as files_layer
from suno_nb.catalogue import postgres as _postgres  # noqa: F401 - registers postgresql://
from suno_nb.catalogue import reconcile, recorder, writes
from suno_nb.catalogue.store import (
    CatalogueError,
    CatalogueFullError,
    Store,
    StoreBackend,
    is_url,
    new_owner,
    open_store,
)
from suno_nb.catalogue.track import Track, TrackNotFound, not_found
from suno_nb.errors import SunoError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Catalogue",
    "DownloadWarning",
    "PendingTask",
    "ResumeReport",
    "TrackNotFound",
    "default_catalogue",
]

HOME_ENV = "SUNO_NB_HOME"
#: A catalogue URL (``postgresql://…``) for the default catalogue; its files go in SUNO_NB_HOME.
URL_ENV = "SUNO_NB_CATALOGUE"
DEFAULT_FOLDER = "suno_catalogue"
DB_NAME = "catalogue.sqlite"
CACHE_FOLDER = "file_cache"  # local copies of files kept in an object store
FILES_SETTING = "files"  # the settings row naming where the files live
LEASE_ENV = "SUNO_NB_CLAIM_LEASE"
SETTLE_ENV = "SUNO_NB_SETTLE_SECONDS"
DEFAULT_LEASE_SECONDS = 60.0
# How long after sending the service may still create a task whose answer was lost (a slow
# server still working on a request whose client is gone); only older submissions missing from
# the service's task list count as never created.
DEFAULT_SETTLE_SECONDS = 120.0
EMULATOR_SETTLE_SECONDS = 1.0
TASK_SCOPE = "task"  # claims on single recorded requests (item: the row's key)
WRITE_SCOPE = "write"  # claims on keyed endpoint writes being sent (item: the row's key)
MIN_FREE_BYTES = 4 * 2**20  # below this nothing is sent: the record must fit
RESERVE_NAME = ".space-reserve"  # deleted to make room for a task id on a full disk
RESERVE_BYTES = 2**20


class DownloadWarning(UserWarning):
    """A file of a recorded clip could not be downloaded or stored (see ``status()``)."""


@dataclass(frozen=True)
class PendingTask:
    """A task the catalogue has not seen finish."""

    key: int
    task_id: str | None
    action: str
    state: str
    submitted_at: float
    error: str | None = None

    @property
    def uncertain(self) -> bool:
        """True when the service's answer was lost: it may or may not have been created."""
        return self.task_id is None


@dataclass
class Reconciliation:
    """What :meth:`Catalogue.reconcile` found for submissions whose answer was lost."""

    adopted: dict[int, str] = field(default_factory=dict)  # row key -> the service's task id
    lost: list[int] = field(default_factory=list)  # proved never created: nothing paid
    unresolved: dict[int, str] = field(default_factory=dict)  # row key -> why, next step

    def __bool__(self) -> bool:
        return bool(self.adopted or self.lost or self.unresolved)


@dataclass
class ResumeReport:
    """What :meth:`Catalogue.resume` did. No song task (``/suno/audios``) was re-sent; keyed
    endpoint writes (projects, custom models) left unanswered were, with their own keys:
    ``writes`` maps each key to the made object's id, ``writes_failed`` to why not."""

    finished: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    uncertain: list[PendingTask] = field(default_factory=list)
    downloads: dict[str, int] = field(default_factory=dict)
    reconciled: Reconciliation = field(default_factory=Reconciliation)
    writes: dict[str, str] = field(default_factory=dict)
    writes_failed: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        lines = [f"resumed {len(self.finished)} task(s), {len(self.failed)} failed"]
        lines += [f"  {task_id}: {why}" for task_id, why in self.failed.items()]
        if self.writes or self.writes_failed:
            lines.append(
                f"re-sent {len(self.writes) + len(self.writes_failed)} endpoint write(s) whose "
                "answer was lost, each with its own idempotency key (the service answers a key "
                f"it has seen with its first answer: nothing was made twice); "
                f"{len(self.writes)} answered"
            )
            lines += [f"  key {k}: {answer}" for k, answer in self.writes.items()]
            lines += [f"  key {k}: {why}" for k, why in self.writes_failed.items()]
        found = self.reconciled
        if found.adopted:
            lines.append(
                f"{len(found.adopted)} submission(s) whose answer was lost were found in the "
                "service's task list and adopted: " + ", ".join(found.adopted.values())
            )
        if found.lost:
            lines.append(
                f"{len(found.lost)} submission(s) whose answer was lost were never created "
                "(the service's task list has no such task): nothing was paid; a sweep sends "
                "those cells again"
            )
        if self.uncertain:
            lines.append(
                f"{len(self.uncertain)} submission(s) never got a task id (the kernel stopped or "
                "the network dropped while sending) and could not be settled. They were NOT "
                "re-sent, since that could pay twice:"
            )
            lines += [
                f"  key {t.key}: {t.action} at {_iso(t.submitted_at)}: {t.error or 'unknown'}"
                for t in self.uncertain
            ]
        if self.downloads.get("failed"):
            lines.append(
                f"{self.downloads['failed']} download(s) failed (recorded; "
                "catalogue.fetch_missing() tries again): {self.downloads}"
            )
        elif self.downloads:
            lines.append(f"downloads: {self.downloads}")
        return "\n".join(lines)


class Catalogue:
    """Every track you generate, kept: a visible folder with ``catalogue.sqlite`` and files.

    The folder is ``path``, else ``$SUNO_NB_HOME``, else ``./suno_catalogue/``. Pass it to a
    client as ``observer=`` (or let the client use :func:`default_catalogue`) and every task,
    clip and file is recorded as it happens; after a kernel restart ``resume()`` finishes what
    was pending without paying twice.

    Example:
        >>> import tempfile
        >>> cat = Catalogue(tempfile.mkdtemp())
        >>> len(cat), cat.pending()
        (0, [])
        >>> cat.get("nope")
        Traceback (most recent call last):
        ...
        suno_nb.catalogue.track.TrackNotFound: no clip 'nope' in the catalogue ...
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        files: str | os.PathLike[str] | None = None,
        storage_options: Mapping[str, Any] | None = None,
    ) -> None:
        if path is None:
            path = (
                os.environ.get(URL_ENV) or os.environ.get(HOME_ENV) or Path.cwd() / DEFAULT_FOLDER
            )
        self._store: StoreBackend
        if is_url(path):  # a database elsewhere; files where it says, or a local folder
            self._store = open_store(str(path))
            local = self._store.path.parent if self._store.path is not None else None
            home = local or os.environ.get(HOME_ENV) or Path.cwd() / DEFAULT_FOLDER
            stored = _stored_files_location(self._store)
            location = files or stored or home
            # ``root`` is a local folder: the files' own, or (files in an object store) the
            # one that keeps local copies of them for players and decoders
            self.root = Path(home if files_layer.is_remote(location) else location)
        else:
            self.root = Path(path)
            self._store = Store(self.root.expanduser().absolute() / DB_NAME)
            stored = _stored_files_location(self._store)
            location = files or stored or self.root.expanduser().absolute()
        self.root = self.root.expanduser().absolute()
        self._files = files_layer.FileStore(
            location, cache=self.root / CACHE_FOLDER, storage_options=storage_options
        )
        if files is not None and stored is None and self._store.writable:
            _store_files_location(self._store, self._files.url)
        # Who this catalogue object is when it claims paid work, and how long a claim lasts
        # without a heartbeat (a killed process's claims are free again after that).
        self._owner, self._owner_pid = new_owner(), os.getpid()
        self.lease_seconds = float(os.environ.get(LEASE_ENV) or DEFAULT_LEASE_SECONDS)
        self.settle_seconds = float(os.environ.get(SETTLE_ENV) or DEFAULT_SETTLE_SECONDS)
        self._heartbeat: _Heartbeat | None = None
        self._holding: set[tuple[str, str]] = set()
        self._claims_lock = threading.Lock()
        if self._store.writable:
            _keep_reserve(self.root)
        self._sleep = time.sleep  # patched by tests so download retries never really wait
        self._last_client: weakref.ReferenceType[Any] | None = None
        self._cover_client: Any = None  # fetches the covers a sweep left remote
        self._tracks: dict[str, Track] = {}

    # --- identity ----------------------------------------------------------------------------
    @property
    def owner(self) -> str:
        """Who this catalogue object is when it claims paid work: ``host:pid:random`` (a
        forked child is someone else: its claims must not die with its parent)."""
        if self._owner_pid != os.getpid():
            self._owner, self._owner_pid = new_owner(), os.getpid()
            self._holding = set()
            self._claims_lock = threading.Lock()
            self._heartbeat = None
        return self._owner

    @property
    def db_path(self) -> Path:
        return self._store.path

    @property
    def store(self) -> StoreBackend:
        """The database this catalogue reads and writes (sqlite or PostgreSQL), for tools
        that need SQL: ``catalogue.store.read("SELECT count(*) FROM tasks")``."""
        return self._store

    @property
    def files(self) -> files_layer.FileStore:
        """Where the audio and cover files live (a folder or an ``s3://`` URL), content
        addressed; ``catalogue.files.url`` names it."""
        return self._files

    @property
    def writable(self) -> bool:
        return self._store.writable

    def __len__(self) -> int:
        return int(self._store.read("SELECT count(*) FROM clips")[0][0])

    def __contains__(self, clip_id: object) -> bool:
        rows = self._store.read("SELECT 1 FROM clips WHERE clip_id = ?", (str(clip_id),))
        return bool(rows)

    def __repr__(self) -> str:
        return f"Catalogue({str(self.root)!r}, clips={len(self)}, pending={len(self.pending())})"

    def _repr_html_(self) -> str:
        from html import escape

        counts = dict(self._store.read("SELECT state, count(*) FROM files GROUP BY state"))
        return (
            f"<div><b>Catalogue</b> <code>{escape(str(self.root))}</code>: {len(self)} clips, "
            f"{counts.get('ok', 0)} files, {counts.get('failed', 0)} failed downloads, "
            f"{len(self.pending())} pending tasks</div>"
        )

    def close(self) -> None:
        self._store.close()

    # --- the TaskObserver protocol (called by clients) ---------------------------------------
    def task_submitting(self, action: str, request: Mapping[str, Any], service: str) -> int:
        """Record a task (and claim it for this process) before it is sent. Raises if the
        catalogue cannot write or its disk is nearly full, so nothing is paid for that could
        not be kept."""
        self._check_space()
        with self._store.write() as conn:
            key = recorder.insert_submitting(conn, action, request, service)
            # While the answer is awaited nobody else may resolve (or re-send) this row.
            self._store.claim(conn, TASK_SCOPE, [str(key)], self.owner, self.lease_seconds)
        self._hold(TASK_SCOPE, [str(key)])  # renewed by the heartbeat while the answer is slow
        return key

    def task_submitted(self, key: int, task: Any) -> None:
        """The service gave a task id: write it at once, with the clips of the answer and the
        claim's release in the same transaction (before any download). If that does not fit
        (a full disk), the task id alone is written, after freeing the reserve file."""
        self._remember_client(task)
        scope_item = (TASK_SCOPE, str(key))
        try:
            with self._store.write() as conn:
                key = recorder.record_task(conn, task, key)
                wanted = self._defer_images(conn, key, task, recorder.record_clips(conn, task, key))
                conn.execute(
                    "DELETE FROM claims WHERE scope = ? AND item = ? AND owner = ?",
                    (*scope_item, self.owner),
                )
        except (SunoError, OSError, sqlite3.Error) as exc:
            self._save_task_id(key, task)
            self._let_go(TASK_SCOPE, [str(key)])
            warnings.warn(
                f"suno_nb catalogue could not record task {getattr(task, 'task_id', None)!r}: "
                f"{exc}. The task is not lost: once fixed, run suno_nb.resume()",
                stacklevel=2,
            )
            return
        with self._claims_lock:
            self._holding.discard(scope_item)
        self._guard(task, lambda: self._fetch_files(task, wanted))

    def task_updated(self, task: Any) -> None:
        """A snapshot arrived: upsert the task and clips, download clips that finished."""
        self._remember_client(task)
        self._guard(task, lambda: self._record(task, None))

    def task_submit_failed(self, key: int, error: BaseException) -> None:
        """Sending failed: refused (nothing created) or uncertain (the answer was lost)."""
        try:
            with self._store.write() as conn:
                recorder.mark_submit_failed(conn, key, error)
        except SunoError as exc:
            warnings.warn(f"suno_nb catalogue: could not record a failed submission: {exc}",
                          stacklevel=2)  # fmt: skip
        self._let_go(TASK_SCOPE, [str(key)])

    # --- the WriteObserver hooks: keyed endpoint writes ------------------------------------------
    def write_sending(self, name: str, body: Mapping[str, Any], key: str, service: str) -> int:
        """Record a keyed endpoint write (and claim it) before it is sent. Raises if the
        catalogue cannot write, so no write goes out whose key could be lost."""
        self._check_space()
        with self._store.write() as conn:
            row = writes.insert_sending(conn, name, body, key, service)
            self._store.claim(conn, WRITE_SCOPE, [str(row)], self.owner, self.lease_seconds)
        self._hold(WRITE_SCOPE, [str(row)])
        return row

    def write_answered(
        self, token: int, result: Any = None, error: BaseException | None = None
    ) -> None:
        """The write's outcome: ``done`` (the object's id), ``failed`` or ``uncertain``.
        A catalogue that cannot write warns: the call itself already succeeded or failed."""
        if token is None:
            return
        scope_item = (WRITE_SCOPE, str(token))
        try:
            with self._store.write() as conn:
                writes.mark_answered(conn, token, result, error)
                conn.execute(
                    "DELETE FROM claims WHERE scope = ? AND item = ? AND owner = ?",
                    (*scope_item, self.owner),
                )
        except (SunoError, OSError, sqlite3.Error) as exc:
            self._let_go(WRITE_SCOPE, [str(token)])
            warnings.warn(
                f"suno_nb catalogue could not record the answer of endpoint write {token}: "
                f"{exc}. It stays 'sending'; suno_nb.resume() re-sends it with its key",
                stacklevel=3,
            )
            return
        with self._claims_lock:  # released in the transaction above, as task_submitted does
            self._holding.discard(scope_item)

    def pending_writes(self) -> list[writes.PendingWrite]:
        """Keyed endpoint writes whose answer never arrived (``sending``: the kernel stopped
        while waiting; ``uncertain``: the answer was lost). :meth:`resume` re-sends them with
        their recorded key and body.

        Example:
            >>> import tempfile
            >>> Catalogue(tempfile.mkdtemp()).pending_writes()
            []
        """
        return writes.pending(self._store)

    def _save_task_id(self, key: int, task: Any) -> None:
        task_id = getattr(task, "task_id", None)
        if not task_id or key is None:
            return
        for attempt in range(2):
            try:
                with self._store.write() as conn:
                    recorder.save_task_id(conn, key, task_id)
                return
            except CatalogueFullError:
                if attempt or not _free_reserve(self.root):
                    break  # nothing more to free: the warning below names the id
            except (SunoError, OSError, sqlite3.Error):
                break
        warnings.warn(
            f"suno_nb catalogue could not write task id {task_id!r} (key {key}); keep this id: "
            "once the disk has room, suno_nb.resume() (with it in the service's task list) "
            "adopts it",
            stacklevel=3,
        )

    def _check_space(self) -> None:
        try:
            free = shutil.disk_usage(self.root).free
        except OSError:
            return
        if free < MIN_FREE_BYTES:
            raise CatalogueFullError(
                28,
                f"only {free // 1024} KB are free on the disk holding {self.root}; nothing was "
                f"sent (a paid task must be recordable). Free at least {MIN_FREE_BYTES // 2**20} "
                "MB, then try again",
            )

    def _record(self, task: Any, key: int | None) -> None:
        with self._store.write() as conn:
            key = recorder.record_task(conn, task, key)
            wanted = self._defer_images(conn, key, task, recorder.record_clips(conn, task, key))
        self._fetch_files(task, wanted)

    def _fetch_files(self, task: Any, wanted: list[tuple[str, str, str]]) -> None:
        # Downloads happen outside the transaction: other kernels keep writing meanwhile.
        client = getattr(task, "_client", None)
        for clip_id, kind, url in wanted:
            self._download(client, clip_id, kind, url)

    def _guard(self, task: Any, write: Any) -> None:
        # A failing catalogue must not abort a paid wait: warn with the id needed to recover.
        try:
            write()
        except (SunoError, OSError) as exc:
            warnings.warn(
                f"suno_nb catalogue could not record task {getattr(task, 'task_id', None)!r}: "
                f"{exc}. The task is not lost: once fixed, run suno_nb.resume()",
                stacklevel=3,
            )

    def _remember_client(self, task: Any) -> None:
        client = getattr(task, "_client", None)
        if client is not None:
            with contextlib.suppress(TypeError):
                self._last_client = weakref.ref(client)

    @contextlib.contextmanager
    def context(self, *, sweep_id: str | None = None, cell: Any = None) -> Iterator[None]:
        """Tag every task submitted inside the block with a sweep id and its cell (JSON).

        Example:
            >>> with catalogue.context(sweep_id="w1", cell={"weirdness": 0.2}):  # doctest: +SKIP
            ...     client.generate("lofi", weirdness=0.2)
        """
        token = recorder._CONTEXT.set({"sweep_id": sweep_id, "cell": cell})
        try:
            yield
        finally:
            recorder._CONTEXT.reset(token)

    # --- files -----------------------------------------------------------------------------
    def _download(self, client: Any, clip_id: str, kind: str, url: str) -> bool:
        """Fetch, store, verify and record one file; a failure is recorded, not raised."""
        try:
            data = files_layer.fetch_bytes(client, url, sleep=self._sleep)
            info: tuple[Any, ...] = (None, None, None)
            # checked in memory before it is stored: a bad file never gets a content name
            if kind == "audio":
                info = files_layer.verify_audio(data)
            else:
                files_layer.verify_image(data)
            relative, sha = self._files.put(kind, data, url)
        except (SunoError, OSError) as exc:
            # On a full disk even this may fail: the warning below still tells.
            with contextlib.suppress(SunoError), self._store.write() as conn:
                conn.execute(
                    "UPDATE files SET state = 'failed', attempts = attempts + 1, error = ?"
                    " WHERE clip_id = ? AND kind = ? AND state != 'ok'",
                    (str(exc), clip_id, kind),
                )
            warnings.warn(
                f"suno_nb catalogue: the {kind} of clip {clip_id} could not be saved ({exc}); "
                "it is recorded as failed: catalogue.fetch_missing() tries again",
                DownloadWarning,
                stacklevel=3,
            )
            return False
        with self._store.write() as conn:
            conn.execute(
                "UPDATE files SET state = 'ok', attempts = attempts + 1, error = NULL, sha256 = ?,"
                " path = ?, size = ?, sample_rate = ?, channels = ?, duration = ?,"
                " fetched_at = ? WHERE clip_id = ? AND kind = ?",
                (sha, relative, len(data), *info, time.time(), clip_id, kind),
            )
        return True

    def fetch_missing(self, client: Any = None) -> dict[str, int]:
        """Download every file still missing or failed (after a lost network, a full disk…).

        Returns counts ``{"ok": n, "failed": m}``. Files whose stored copy vanished from disk
        are fetched again too.
        """
        self._mark_vanished()
        rows = self._store.read(
            "SELECT clip_id, kind, url FROM files WHERE state NOT IN ('ok', 'remote')"
            " AND url IS NOT NULL"
        )
        counts = {"ok": 0, "failed": 0}
        if not rows:
            return counts
        client = self._client(client)
        for clip_id, kind, url in rows:
            counts["ok" if self._download(client, clip_id, kind, url) else "failed"] += 1
        return counts

    def _defer_images(
        self, conn: Any, key: int, task: Any, wanted: list[tuple[str, str, str]]
    ) -> list[tuple[str, str, str]]:
        """The files to download now: a sweep's cover images are only recorded (state
        ``remote``, URL kept) and fetched on first use (:meth:`file_path`), so a sweep spends
        its time on sound. The client that could fetch them is kept for that."""
        images = [(clip_id, kind) for clip_id, kind, _ in wanted if kind == "image"]
        if not images:
            return wanted
        row = conn.execute("SELECT sweep_id FROM tasks WHERE key = ?", (key,)).fetchone()
        if row is None or row[0] is None:
            return wanted
        conn.executemany(
            "UPDATE files SET state = 'remote' WHERE clip_id = ? AND kind = ? AND state != 'ok'",
            images,
        )
        # A sweep's client is a copy that ends with the run: hold it (not weakly) for these.
        self._cover_client = getattr(task, "_client", None) or self._cover_client
        return [item for item in wanted if item[1] != "image"]

    def file_path(self, clip_id: str, kind: str = "image", client: Any = None) -> Path | None:
        """The stored file of a clip (``"audio"`` or ``"image"``), downloaded now if it is not
        yet: a sweep records its clips' cover URLs and fetches a cover on first use (an
        export, a view). ``None`` when the clip has no such file or it cannot be fetched.

        Example:
            >>> catalogue.file_path(track.id)  # doctest: +SKIP
            PosixPath('.../images/3f/3f9b….jpg')
        """
        sql = "SELECT state, url, path, sha256 FROM files WHERE clip_id = ? AND kind = ?"
        rows = self._store.read(sql, (clip_id, kind))
        if not rows:
            return None
        state, url, relative, sha = rows[0]
        if state == "ok" and relative and self._files.exists(relative):
            return self._files.path(relative, sha)  # through the files layer: hash checked
        if not url:
            return None
        client = client or self._cover_client or self._client()
        if not self._download(client, clip_id, kind, url):
            return None
        _, _, relative, sha = self._store.read(sql, (clip_id, kind))[0]
        return self._files.path(relative, sha)

    def _mark_vanished(self) -> None:
        rows = self._store.read("SELECT clip_id, kind, path FROM files WHERE state = 'ok'")
        gone = [(c, k) for c, k, p in rows if not self._files.exists(p)]
        if gone:
            with self._store.write() as conn:
                conn.executemany(
                    "UPDATE files SET state = 'missing', error = 'file deleted from disk'"
                    " WHERE clip_id = ? AND kind = ?",
                    gone,
                )

    def _client(self, client: Any = None) -> Any:
        """The client to use: the one given, else the last one that recorded here. The
        catalogue never builds one (clients sit above it): ``suno_nb.resume()`` does that."""
        if client is not None:
            return client
        client = self._last_client() if self._last_client is not None else None
        if client is None:
            raise CatalogueError(
                "this needs a client to reach the service, and none has recorded into this "
                "catalogue object yet; pass one (catalogue.resume(suno_nb.Client()), "
                "catalogue.fetch_missing(client)) or call suno_nb.resume()"
            )
        return client

    # --- claims: who sends which paid work ---------------------------------------------------
    @property
    def queue(self) -> Any:
        """The sweeps kept in this catalogue's store (plans, cells, shared budget, rate limit):
        a :class:`~suno_nb.catalogue.queue.SweepQueue`."""
        if getattr(self, "_queue", None) is None:
            from suno_nb.catalogue.queue import SweepQueue

            self._queue = SweepQueue(self._store, self.root)
        return self._queue

    def sweep_rows(self, sweep_id: str) -> dict[tuple[int, int], list[dict[str, Any]]]:
        """Every task row of a sweep, grouped by ``(cell, repeat)``, oldest first."""
        return _group_cells(self._store.read(_SWEEP_ROWS, (sweep_id,)))

    def claim_cells(
        self,
        sweep_id: str,
        items: Sequence[str],
        sendable: Callable[[str, list[dict[str, Any]]], bool],
        *,
        budget: bool = False,
    ) -> list[str]:
        """Claim sweep cells (``"cell/repeat"``) for this catalogue object, atomically.

        In one write transaction: take every item nobody else holds (or whose holder died),
        then keep only those that ``sendable(item, rows)`` still says need sending (another
        run may have sent them a moment ago). Returns the items now this object's to send; the
        others are left to whoever holds them. Leases are kept alive by a heartbeat until
        :meth:`release_cells`. With ``budget``, the sweep's shared budget (in the store) is
        debited in the same transaction: items it no longer covers are not taken.
        """
        scope = f"sweep:{sweep_id}"
        with self._store.write() as conn:
            if budget:
                self._store.lock(conn, scope)  # one budget decision at a time, fleet-wide
            taken = self._store.claim(conn, scope, items, self.owner, self.lease_seconds)
            rows = _group_cells(conn.execute(_SWEEP_ROWS, (sweep_id,)).fetchall())
            keep = [i for i in taken if sendable(i, rows.get(_cell_key(i), []))]
            keep, _ = self.queue.within_budget(conn, sweep_id, keep, self.owner, enforce=budget)
            drop = [(scope, i, self.owner) for i in taken if i not in keep]
            if drop:
                conn.executemany(
                    "DELETE FROM claims WHERE scope = ? AND item = ? AND owner = ?", drop
                )
        self._hold(scope, keep)
        return keep

    def release_cells(self, sweep_id: str, items: Iterable[str]) -> None:
        """Let go of this object's claims on sweep cells (their outcome is recorded)."""
        self._let_go(f"sweep:{sweep_id}", list(items))

    def cell_holders(self, sweep_id: str) -> dict[str, str]:
        """``{"cell/repeat": owner}`` of the cells another live run holds right now."""
        held = self._store.holders(f"sweep:{sweep_id}")
        return {item: owner for item, (owner, _) in held.items() if owner != self.owner}

    def _hold(self, scope: str, items: Iterable[str]) -> None:
        with self._claims_lock:
            self._holding.update((scope, i) for i in items)
        self._beat()

    def _let_go(self, scope: str, items: list[str]) -> None:
        if not items:
            return
        with self._claims_lock:
            self._holding.difference_update((scope, i) for i in items)
        try:
            self._store.release(scope, items, self.owner)
        except SunoError as exc:  # the lease runs out by itself
            warnings.warn(f"suno_nb catalogue: could not release a claim: {exc}", stacklevel=3)

    def _beat(self) -> None:
        """Start the heartbeat that renews this object's leases, if it is not running."""
        with self._claims_lock:
            beating = self._heartbeat is not None and self._heartbeat.is_alive()
            if not beating:
                self._heartbeat = _Heartbeat(self)
                self._heartbeat.start()

    # --- resume ----------------------------------------------------------------------------
    def pending(self) -> list[PendingTask]:
        """Tasks not seen finished: waiting ones, and submissions whose answer was lost."""
        rows = self._store.read(
            "SELECT key, task_id, action, state, submitted_at, error FROM tasks"
            " WHERE state NOT IN ('succeeded', 'failed', 'rejected', 'lost') ORDER BY key"
        )
        return [PendingTask(*row) for row in rows]

    def status(self) -> dict[str, int]:
        """Counts a user should know about: tasks by state (``uncertain`` = sent, answer lost,
        not yet found at the service; ``lost`` = proved never created) and files by state
        (``files_failed`` downloads that failed and wait for :meth:`fetch_missing`), and
        ``writes_pending``: keyed endpoint writes whose answer never arrived.

        Example:
            >>> import tempfile
            >>> Catalogue(tempfile.mkdtemp()).status()["files_failed"]
            0
        """
        counts = dict.fromkeys(
            ("submitting", "pending", "succeeded", "failed", "rejected", "uncertain", "lost"), 0
        )
        for state, task_id, n in self._store.read(
            "SELECT state, task_id IS NOT NULL, count(*) FROM tasks GROUP BY 1, 2"
        ):
            if state in ("submitting", "uncertain") and not task_id:
                state = "submitting" if state == "submitting" else "uncertain"
            elif state in ("submitted", "pending", "running", "submitting", "uncertain"):
                state = "pending"
            counts[state] = counts.get(state, 0) + int(n)
        files = dict(self._store.read("SELECT state, count(*) FROM files GROUP BY state"))
        counts["files_ok"] = int(files.get("ok", 0))
        counts["files_failed"] = int(files.get("failed", 0))
        counts["files_missing"] = int(files.get("missing", 0))
        # project and custom-model writes whose answer never arrived (resume() re-sends them)
        counts["writes_pending"] = len(self.pending_writes())
        return counts

    def reconcile(self, client: Any, *, sweep_id: str | None = None) -> Reconciliation:
        """Look up, in the service's task list, every submission whose answer never arrived.

        A task the service has for the same request (sent at that time) is adopted: its id is
        recorded and :meth:`resume` waits for it as for any other. A submission the service
        provably has no task for (the list read to its end, and older than
        ``settle_seconds``) becomes ``lost``: nothing was created or paid, so a sweep sends that
        cell again. When the list cannot be read, the row stays ``uncertain`` and says why.
        Rows another live process is still sending are left alone.
        """
        result = Reconciliation()
        sql = (
            "SELECT key, action, request, submitted_at, service FROM tasks WHERE task_id IS NULL"
            " AND state IN ('submitting', 'uncertain')"
        )
        params: tuple[Any, ...] = ()
        if sweep_id is not None:
            sql, params = sql + " AND sweep_id = ?", (sweep_id,)
        busy = self._store.holders(TASK_SCOPE)
        candidates = [r for r in self._store.read(sql, params) if str(r[0]) not in busy]
        if not candidates:
            return result
        with self._store.write() as conn:
            taken = set(
                self._store.claim(
                    conn, TASK_SCOPE, [str(r[0]) for r in candidates], self.owner,
                    self.lease_seconds,
                )
            )  # fmt: skip
        self._hold(TASK_SCOPE, taken)
        rows = [
            reconcile.Unresolved(int(k), a, _json_dict(req), float(t), service)
            for k, a, req, t, service in candidates
            if str(k) in taken
        ]
        if not rows:  # another process claimed them all between our look and our claim
            return result
        try:
            self._settle(rows, client, result)
        finally:
            self._let_go(TASK_SCOPE, sorted(taken))
        return result

    def _settle(
        self, rows: list[reconcile.Unresolved], client: Any, result: Reconciliation
    ) -> None:
        now = time.time()
        try:
            listed = reconcile.list_window(client, min(r.submitted_at for r in rows), now)
        except reconcile.ListingFailed as exc:
            why = (
                f"answer lost while sending; {exc}, so it may or may not exist. Next: run "
                "suno_nb.resume() again later, or check the Ace Data Cloud console and then "
                "catalogue.forget(key) (never created) — it was NOT re-sent"
            )
            with self._store.write() as conn:
                conn.executemany(
                    "UPDATE tasks SET state = 'uncertain', error = ? WHERE key = ?"
                    " AND task_id IS NULL",
                    [(why, r.key) for r in rows],
                )
            result.unresolved.update({r.key: why for r in rows})
            return
        known = {
            t for (t,) in self._store.read("SELECT task_id FROM tasks WHERE task_id IS NOT NULL")
        }
        found = reconcile.match(rows, listed, known=known)
        with self._store.write() as conn:
            for row in rows:
                task_id = found.get(row.key)
                if task_id is not None:
                    recorder.save_task_id(conn, row.key, task_id)
                    result.adopted[row.key] = task_id
                elif now - row.submitted_at >= self._settle_for(row.service):
                    conn.execute(
                        "UPDATE tasks SET state = 'lost', error = ?, updated_at = ? WHERE key = ?"
                        " AND task_id IS NULL",
                        (
                            "the answer was lost and the service's task list has no task for "
                            f"this request (checked {_iso(now)}): nothing was created or paid",
                            now,
                            row.key,
                        ),
                    )
                    result.lost.append(row.key)
                else:
                    after = row.submitted_at + self._settle_for(row.service)
                    why = (
                        "answer lost while sending; not in the service's task list yet (it may "
                        f"still appear). Run resume() again after {_iso(after)} to settle it"
                    )
                    conn.execute(
                        "UPDATE tasks SET state = 'uncertain', error = ? WHERE key = ?"
                        " AND task_id IS NULL",
                        (why, row.key),
                    )
                    result.unresolved[row.key] = why

    def _settle_for(self, service: str | None) -> float:
        # The in-process emulator dies with its process: nothing can appear late there.
        if service == "emulator":
            return min(self.settle_seconds, EMULATOR_SETTLE_SECONDS)
        return self.settle_seconds

    def settled_at(self, sweep_id: str | None = None) -> float:
        """When (unix time) every answer lost so far can be settled by :meth:`reconcile`:
        the latest submission time plus the settle time of its service (0 when none)."""
        sql = (
            "SELECT submitted_at, service FROM tasks WHERE task_id IS NULL"
            " AND state IN ('submitting', 'uncertain')"
        )
        params: tuple[Any, ...] = ()
        if sweep_id is not None:
            sql, params = sql + " AND sweep_id = ?", (sweep_id,)
        rows = self._store.read(sql, params)
        return max((float(t) + self._settle_for(svc) for t, svc in rows), default=0.0)

    def resume(self, client: Any = None, *, timeout: float | None = None) -> ResumeReport:
        """Finish every task left pending (kernel restart, lost network) and fetch missing files.

        Keyed endpoint writes (Studio projects, custom models) whose answer never arrived
        (:meth:`pending_writes`) are sent again with their recorded idempotency key and body:
        the service answers a key it has seen with its first answer, so nothing is made twice.
        Submissions of songs whose answer was lost are looked up in the service's task list
        (:meth:`reconcile`): found ones are adopted, proved-absent ones marked ``lost`` (nothing
        paid). Then every task with an id is waited on. A song task (``/suno/audios``, which
        has no idempotency key) is never re-sent.
        ``client`` defaults to the last client that recorded into this catalogue object;
        ``suno_nb.resume()`` builds one for you.

        Example:
            >>> report = catalogue.resume(client)   # doctest: +SKIP
            >>> print(report)                         # doctest: +SKIP
        """
        report = ResumeReport()
        if (
            not self.pending()
            and not self.pending_writes()
            and not self._store.read(
                "SELECT 1 FROM files WHERE state NOT IN ('ok', 'remote') LIMIT 1"
            )
        ):
            return report
        client = self._client(client)
        self._resend_writes(client, report)
        report.reconciled = self.reconcile(client)
        for item in self.pending():
            if item.uncertain:
                continue
            try:
                task = client.task(item.task_id)
                self.task_updated(task)  # harmless if the client already told us
                task.wait(timeout=timeout)
                self.task_updated(task)
                report.finished.append(str(item.task_id))
            except SunoError as exc:
                report.failed[str(item.task_id)] = f"{type(exc).__name__}: {exc}"
                self._mark_failed(item, exc)
        report.uncertain = [t for t in self.pending() if t.uncertain]
        report.downloads = self.fetch_missing(client)
        if report.uncertain or report.downloads.get("failed"):
            warnings.warn(str(report), stacklevel=2)
        return report

    def _resend_writes(self, client: Any, report: ResumeReport) -> None:
        """Re-send each unanswered keyed write with its own key (rows another live process is
        sending are left to it). The outcome is written here, whether or not ``client``
        records into this catalogue."""
        busy = self._store.holders(WRITE_SCOPE)
        waiting = [w for w in self.pending_writes() if str(w.key) not in busy]
        if not waiting:
            return
        with self._store.write() as conn:
            items = [str(w.key) for w in waiting]
            taken = set(self._store.claim(conn, WRITE_SCOPE, items, self.owner, self.lease_seconds))
        self._hold(WRITE_SCOPE, taken)
        try:
            for write in waiting:
                if str(write.key) not in taken:
                    continue
                result, error = None, None
                try:
                    fields = writes.fields_to_resend(write)
                except KeyError:  # recorded by a suno_nb that knew an endpoint this one lacks
                    report.writes_failed[write.idempotency_key] = (
                        f"{write.endpoint}: this suno_nb does not know that endpoint, so it was "
                        "not re-sent; open the catalogue with the suno_nb that recorded it"
                    )
                    continue
                try:
                    result = client._endpoint(write.endpoint, fields)
                except SunoError as exc:
                    error = exc
                if inspect.isawaitable(result):
                    getattr(result, "close", lambda: None)()  # an AsyncClient: nothing sent
                    raise CatalogueError(
                        "resume() sends through a synchronous client; pass suno_nb.Client() "
                        "(or call suno_nb.resume()), not an AsyncClient"
                    )
                with self._store.write() as conn:
                    state = writes.mark_answered(conn, write.key, result, error)
                if error is None:
                    report.writes[write.idempotency_key] = (
                        f"{write.endpoint} → {writes.ids_of(result)[0] or 'done'}"
                    )
                else:
                    report.writes_failed[write.idempotency_key] = (
                        f"{write.endpoint}: {state}: {type(error).__name__}: {error}"
                    )
        finally:
            self._let_go(WRITE_SCOPE, sorted(taken))

    def _mark_failed(self, item: PendingTask, exc: SunoError) -> None:
        from suno_nb.errors import APIError, TaskNotFound

        # Only a verdict from the service ends a task; a timeout or lost network leaves it
        # pending for the next resume().
        if isinstance(exc, TaskNotFound) or (isinstance(exc, APIError) and exc.task_id):
            with self._store.write() as conn:
                conn.execute(
                    "UPDATE tasks SET state = 'failed', error = ?, updated_at = ? WHERE key = ?",
                    (f"{type(exc).__name__}: {exc}", time.time(), item.key),
                )

    def forget(self, key: int) -> None:
        """Drop a task row that never got a task id (after checking it was never created)."""
        with self._store.write() as conn:
            deleted = conn.execute(
                "DELETE FROM tasks WHERE key = ? AND task_id IS NULL", (key,)
            ).rowcount
        if not deleted:
            raise CatalogueError(
                f"no task with key {key} and no task id; only lost submissions can be forgotten"
            )

    # --- annotations -------------------------------------------------------------------------
    def rate(self, clip_id: str, rating: int | None) -> None:
        """Rate a clip 0–5 (``None`` clears it).

        Example:
            >>> catalogue.rate("3f9b", 4)   # doctest: +SKIP
        """
        if rating is not None and (
            isinstance(rating, bool) or not isinstance(rating, int) or not 0 <= rating <= 5
        ):
            raise ValueError(f"rating must be a whole number from 0 to 5 (or None), got {rating!r}")
        self._annotate(clip_id, "rating", rating)

    def star(self, clip_id: str, starred: bool = True) -> None:
        """Star (or with ``False`` unstar) a clip."""
        self._annotate(clip_id, "starred", int(bool(starred)))

    def note(self, clip_id: str, text: str | None) -> None:
        """Attach a free-text note to a clip (replaces the previous one)."""
        self._annotate(clip_id, "note", text)

    def tag(self, clip_id: str, *tags: str) -> None:
        """Add tags to a clip. Tags are trimmed; commas are not allowed (they join tags in tables).

        Example:
            >>> catalogue.tag("3f9b", "keeper", "lofi")   # doctest: +SKIP
        """
        cleaned = _clean_tags(tags)
        self._require(clip_id)
        with self._store.write() as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO tags (clip_id, tag) VALUES (?, ?)",
                [(clip_id, t) for t in cleaned],
            )

    def untag(self, clip_id: str, *tags: str) -> None:
        """Remove tags from a clip (all of them when none are named)."""
        self._require(clip_id)
        with self._store.write() as conn:
            if tags:
                conn.executemany(
                    "DELETE FROM tags WHERE clip_id = ? AND tag = ?",
                    [(clip_id, t) for t in _clean_tags(tags)],
                )
            else:
                conn.execute("DELETE FROM tags WHERE clip_id = ?", (clip_id,))

    def record_answer(self, test_id: str, record: Mapping[str, Any]) -> None:
        """Keep one answer of a blind listening test (``record`` needs a ``rater``).

        Answers are rows of the store, so raters in several kernels, Voilà sessions or
        machines on one shared catalogue add to the same test; nothing is ever overwritten.
        """
        rater = record.get("rater")
        if not isinstance(rater, str) or not rater.strip():
            raise ValueError(f"record['rater']={rater!r}: give the rater's name (a word)")
        answered_at = float(record.get("answered_at") or time.time())
        with self._store.write() as conn:
            conn.execute(
                "INSERT INTO listening_answers (test_id, rater, answered_at, record)"
                " VALUES (?, ?, ?, ?)",
                (test_id, rater, answered_at, json.dumps(dict(record), default=str)),
            )

    def answers(self, test_id: str | None = None, rater: str | None = None) -> list[dict[str, Any]]:
        """The answers of a listening test (of every test without ``test_id``; one rater's
        with ``rater``), in the order they were given."""
        where, params = [], []
        for column, value in (("test_id", test_id), ("rater", rater)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        sql = "SELECT test_id, record FROM listening_answers"
        sql += (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id"
        return [{"test_id": tid, **json.loads(text)} for tid, text in self._store.read(sql, params)]

    def annotations(self, clip_id: str) -> dict[str, Any]:
        """``{"rating", "starred", "note", "tags"}`` of a clip."""
        self._require(clip_id)
        row = self._store.read(
            "SELECT rating, starred, note FROM annotations WHERE clip_id = ?", (clip_id,)
        )
        rating, starred, note = row[0] if row else (None, 0, None)
        tags = [t for (t,) in self._store.read(
            "SELECT tag FROM tags WHERE clip_id = ? ORDER BY tag", (clip_id,))]  # fmt: skip
        return {"rating": rating, "starred": bool(starred), "note": note, "tags": tags}

    def _annotate(self, clip_id: str, column: str, value: Any) -> None:
        self._require(clip_id)
        with self._store.write() as conn:
            conn.execute(
                f"INSERT INTO annotations (clip_id, {column}, updated_at) VALUES (?, ?, ?)"
                f" ON CONFLICT(clip_id) DO UPDATE SET {column} = excluded.{column},"
                " updated_at = excluded.updated_at",
                (clip_id, value, time.time()),
            )

    def _require(self, clip_id: str) -> None:
        if clip_id not in self:
            raise TrackNotFound(not_found(self._files, clip_id))

    # --- reading -------------------------------------------------------------------------------
    def get(self, clip_id: str) -> Track:
        """The :class:`~suno_nb.catalogue.track.Track` of a clip id (raises TrackNotFound)."""
        self._require(clip_id)
        track = self._tracks.get(clip_id)
        if track is None:
            track = self._tracks[clip_id] = Track(self, clip_id)
        return track

    def __getitem__(self, clip_id: str) -> Track:
        return self.get(clip_id)

    def tracks(
        self,
        *,
        action: str | None = None,
        tag: str | None = None,
        sweep: str | None = None,
        since: Any = None,
        until: Any = None,
    ) -> list[Track]:
        """Tracks matching the filters of :meth:`to_pandas`, oldest first."""
        from suno_nb.catalogue.frame import clip_ids

        return [self.get(cid) for cid in clip_ids(self._store, action, tag, sweep, since, until)]

    def to_pandas(
        self,
        *,
        action: str | None = None,
        tag: str | None = None,
        sweep: str | None = None,
        since: Any = None,
        until: Any = None,
    ) -> pd.DataFrame:
        """One row per clip: its task's request flattened, file facts, features, annotations.

        ``since``/``until`` filter on submission time (datetime, ISO string or unix seconds).
        See :mod:`suno_nb.catalogue.frame` for the columns.

        Example:
            >>> catalogue.to_pandas(action="generate", tag="keeper")   # doctest: +SKIP
        """
        from suno_nb.catalogue.frame import to_pandas

        return to_pandas(
            self._store, self._files, action=action, tag=tag, sweep=sweep, since=since, until=until
        )

    @property
    def df(self) -> pd.DataFrame:
        """Every clip as a DataFrame (see :meth:`to_pandas`)."""
        return self.to_pandas()

    def to_parquet(self, path: str | os.PathLike[str], **filters: Any) -> Path:
        """Snapshot the table (``to_pandas(**filters)``'s rows) as one Parquet file.

        Analysis tools (DuckDB, polars, Spark) read it in a blink, without sqlite.

        Example:
            >>> catalogue.to_parquet("catalogue.parquet")   # doctest: +SKIP
        """
        from suno_nb.catalogue.frame import to_parquet

        return to_parquet(self._store, self._files, Path(path), **filters)

    # --- features ----------------------------------------------------------------------------
    def measure(
        self,
        tracks: Iterable[Track | str] | None = None,
        *,
        n_jobs: int | None = None,
        progress: bool = True,
    ) -> pd.DataFrame:
        """Compute features for tracks that lack them (or have an older FEATURE_VERSION).

        Cached: a second call measures nothing. Returns the features of the asked tracks (all
        downloaded tracks by default), one row per clip id.

        Example:
            >>> catalogue.measure(n_jobs=-1)   # doctest: +SKIP
        """
        from suno_nb.catalogue.frame import measure

        return measure(self._store, self._files, tracks, n_jobs=n_jobs, progress=progress)

    # --- transfer -----------------------------------------------------------------------------
    def export(self, path: str | os.PathLike[str], format: str = "csv", **filters: Any) -> Path:
        """Write the table (``to_pandas(**filters)``) as CSV or Parquet; return the path."""
        from suno_nb.catalogue.transfer import export_table

        return export_table(self.to_pandas(**filters), Path(path), format)

    def export_bundle(
        self, dir_or_zip: str | os.PathLike[str], clip_ids: Iterable[str] | None = None
    ) -> Path:
        """A folder (or ``.zip``) with the audio, covers and ``metadata.json`` of clips."""
        from suno_nb.catalogue.transfer import export_bundle

        return export_bundle(self._store, self._files, Path(dir_or_zip), clip_ids)

    def import_bundle(self, path: str | os.PathLike[str]) -> dict[str, int]:
        """Import a bundle made by :meth:`export_bundle`; rows already here are kept as they are."""
        from suno_nb.catalogue.transfer import import_bundle

        return import_bundle(self._store, self._files, Path(path))


class _Heartbeat(threading.Thread):
    """Renews a catalogue object's leases every third of a lease while it holds any."""

    def __init__(self, catalogue: Catalogue) -> None:
        super().__init__(name="suno_nb-claims", daemon=True)
        self._catalogue = weakref.ref(catalogue)
        self._interval = max(0.05, catalogue.lease_seconds / 3)

    def run(self) -> None:
        while True:
            time.sleep(self._interval)
            catalogue = self._catalogue()
            if catalogue is None:
                return
            with catalogue._claims_lock:
                if not catalogue._holding:
                    catalogue._heartbeat = None
                    return
            with contextlib.suppress(SunoError, sqlite3.Error):
                catalogue._store.renew(catalogue.owner, catalogue.lease_seconds)
            del catalogue


_SWEEP_ROWS = (
    "SELECT key, task_id, state, cell, error, submitted_at FROM tasks"
    " WHERE sweep_id = ? ORDER BY key"
)


def _group_cells(rows: Iterable[tuple]) -> dict[tuple[int, int], list[dict[str, Any]]]:
    import json

    grouped: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for key, task_id, state, cell, error, submitted_at in rows:
        coords = json.loads(cell or "{}")
        where = (int(coords.get("cell", -1)), int(coords.get("repeat", 0)))
        grouped.setdefault(where, []).append(
            {"key": key, "task_id": task_id, "state": state, "error": error,
             "submitted_at": submitted_at}
        )  # fmt: skip
    return grouped


def _cell_key(item: str) -> tuple[int, int]:
    cell, _, repeat = item.partition("/")
    return int(cell), int(repeat or 0)


def _json_dict(text: str | None) -> dict[str, Any]:
    import json

    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _keep_reserve(root: Path) -> None:
    """A small file kept in the folder, deleted to make room for a task id on a full disk."""
    reserve = root / RESERVE_NAME
    if reserve.exists():
        return
    # Real bytes, not a sparse file: only allocated blocks free space when deleted.
    with contextlib.suppress(OSError):
        reserve.write_bytes(bytes(RESERVE_BYTES))


def _free_reserve(root: Path) -> bool:
    try:
        (root / RESERVE_NAME).unlink()
    except OSError:
        return False
    return True


def _stored_files_location(store: StoreBackend) -> str | None:
    """Where the catalogue's files live, as stored with it (None: never said, or a catalogue
    of an older version opened read-only)."""
    try:
        rows = store.read("SELECT value FROM settings WHERE name = ?", (FILES_SETTING,))
    except (SunoError, sqlite3.Error):
        return None
    except Exception as exc:  # a server backend's driver error for a missing table
        if "settings" not in str(exc):
            raise
        return None
    return str(rows[0][0]) if rows else None


def _store_files_location(store: StoreBackend, location: str) -> None:
    """Remember the files location with the catalogue (the first one given is kept: other
    machines may mount the same folder elsewhere and say so with ``files=``)."""
    with contextlib.suppress(SunoError), store.write() as conn:
        conn.execute(
            "INSERT OR IGNORE INTO settings (name, value) VALUES (?, ?)", (FILES_SETTING, location)
        )


_DEFAULTS: dict[Path | str, Catalogue] = {}


def default_catalogue() -> Catalogue:
    """The catalogue of this project (one object per location): ``$SUNO_NB_CATALOGUE`` (a
    shared database's URL, files in ``$SUNO_NB_HOME``), else ``$SUNO_NB_HOME``, else
    ``./suno_catalogue/``.

    Example:
        >>> default_catalogue() is default_catalogue()   # doctest: +SKIP
        True
    """
    url = os.environ.get(URL_ENV)
    path: str | Path = (
        url
        if url
        else Path(os.environ.get(HOME_ENV) or Path.cwd() / DEFAULT_FOLDER).expanduser().absolute()
    )
    catalogue = _DEFAULTS.get(path)
    if catalogue is None:
        catalogue = _DEFAULTS[path] = Catalogue(path)
    return catalogue


def _clean_tags(tags: Iterable[str]) -> list[str]:
    cleaned = []
    for tag in tags:
        if not isinstance(tag, str) or not tag.strip():
            raise ValueError(f"a tag must be a non-empty string, got {tag!r}")
        if "," in tag:
            raise ValueError(f"tag {tag!r} contains a comma; use separate tags instead")
        cleaned.append(tag.strip())
    return cleaned


def _iso(ts: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(ts))
