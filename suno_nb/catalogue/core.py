"""``Catalogue``: the local, queryable record of every request, task, clip, file and measurement.

It is a client's ``TaskObserver``: it writes the task before the client waits, each clip as it
arrives, then downloads finished files. Reading it (tables, tracks, plots) is in sibling modules.
"""

from __future__ import annotations

import contextlib
import os
import time
import warnings
import weakref
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from suno_nb.catalogue import files, recorder
from suno_nb.catalogue.store import CatalogueError, Store
from suno_nb.errors import SunoError

if TYPE_CHECKING:
    import pandas as pd

    from suno_nb.catalogue.track import Track

__all__ = [
    "Catalogue",
    "PendingTask",
    "ResumeReport",
    "TrackNotFound",
    "default_catalogue",
]

HOME_ENV = "SUNO_NB_HOME"
DEFAULT_FOLDER = "suno_catalogue"
DB_NAME = "catalogue.sqlite"


class TrackNotFound(CatalogueError, KeyError):
    """No clip with that id is in the catalogue."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""


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
class ResumeReport:
    """What :meth:`Catalogue.resume` did. ``uncertain`` tasks were never re-sent."""

    finished: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    uncertain: list[PendingTask] = field(default_factory=list)
    downloads: dict[str, int] = field(default_factory=dict)

    def __str__(self) -> str:
        lines = [f"resumed {len(self.finished)} task(s), {len(self.failed)} failed"]
        lines += [f"  {task_id}: {why}" for task_id, why in self.failed.items()]
        if self.uncertain:
            lines.append(
                f"{len(self.uncertain)} submission(s) never got a task id (the kernel stopped or "
                "the network dropped while sending). They were NOT re-sent, since that would pay "
                "twice; check your Ace Data Cloud dashboard, then catalogue.forget(key) them:"
            )
            lines += [
                f"  key {t.key}: {t.action} at {_iso(t.submitted_at)}" for t in self.uncertain
            ]
        if self.downloads:
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
        suno_nb.catalogue.core.TrackNotFound: no clip 'nope' in the catalogue ...
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        if path is None:
            path = os.environ.get(HOME_ENV) or Path.cwd() / DEFAULT_FOLDER
        self.root = Path(path).expanduser().absolute()
        self._store = Store(self.root / DB_NAME)
        self._sleep = time.sleep  # patched by tests so download retries never really wait
        self._last_client: weakref.ReferenceType[Any] | None = None
        self._tracks: dict[str, Track] = {}

    # --- identity ----------------------------------------------------------------------------
    @property
    def db_path(self) -> Path:
        return self._store.path

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
        """Record a task before it is sent. Raises if the catalogue cannot write, so nothing is
        paid for that could not be kept."""
        with self._store.write() as conn:
            return recorder.insert_submitting(conn, action, request, service)

    def task_submitted(self, key: int, task: Any) -> None:
        """The service gave a task id: record it (and any clips already in the answer)."""
        self._remember_client(task)
        self._guard(task, lambda: self._record(task, key))

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

    def _record(self, task: Any, key: int | None) -> None:
        with self._store.write() as conn:
            key = recorder.record_task(conn, task, key)
            wanted = recorder.record_clips(conn, task, key)
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
                f"{exc}. The task is not lost: once fixed, run catalogue.resume()",
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
            data = files.fetch_bytes(client, url, sleep=self._sleep)
            relative, sha = files.store_bytes(self.root, kind, data, url)
            info: tuple[Any, ...] = (None, None, None)
            if kind == "audio":
                info = files.verify_audio(self.root / relative)
            else:
                files.verify_image(self.root / relative)
        except (SunoError, OSError) as exc:
            with self._store.write() as conn:
                conn.execute(
                    "UPDATE files SET state = 'failed', attempts = attempts + 1, error = ?"
                    " WHERE clip_id = ? AND kind = ? AND state != 'ok'",
                    (str(exc), clip_id, kind),
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
            "SELECT clip_id, kind, url FROM files WHERE state != 'ok' AND url IS NOT NULL"
        )
        counts = {"ok": 0, "failed": 0}
        if not rows:
            return counts
        client = client if client is not None else self._client()
        for clip_id, kind, url in rows:
            counts["ok" if self._download(client, clip_id, kind, url) else "failed"] += 1
        return counts

    def _mark_vanished(self) -> None:
        rows = self._store.read("SELECT clip_id, kind, path FROM files WHERE state = 'ok'")
        gone = [(c, k) for c, k, p in rows if not (self.root / p).is_file()]
        if gone:
            with self._store.write() as conn:
                conn.executemany(
                    "UPDATE files SET state = 'missing', error = 'file deleted from disk'"
                    " WHERE clip_id = ? AND kind = ?",
                    gone,
                )

    def _client(self) -> Any:
        client = self._last_client() if self._last_client is not None else None
        if client is not None:
            return client
        from suno_nb.client import Client

        try:  # once the client takes catalogue=, it records here and nowhere else
            return Client(catalogue=self)
        except TypeError:
            return Client(observer=self)

    # --- resume ----------------------------------------------------------------------------
    def pending(self) -> list[PendingTask]:
        """Tasks not seen finished: waiting ones, and submissions whose answer was lost."""
        rows = self._store.read(
            "SELECT key, task_id, action, state, submitted_at, error FROM tasks"
            " WHERE state NOT IN ('succeeded', 'failed', 'rejected') ORDER BY key"
        )
        return [PendingTask(*row) for row in rows]

    def resume(self, client: Any = None, *, timeout: float | None = None) -> ResumeReport:
        """Finish every task left pending (kernel restart, lost network) and fetch missing files.

        Each task is looked up by its id and waited on: nothing is ever re-submitted. Tasks that
        never got an id are listed in the report (and a warning) instead of being sent again.

        Example:
            >>> report = Catalogue().resume()   # doctest: +SKIP
            >>> print(report)                    # doctest: +SKIP
        """
        report = ResumeReport()
        todo = self.pending()
        report.uncertain = [t for t in todo if t.uncertain]
        if any(not t.uncertain for t in todo) or self._store.read(
            "SELECT 1 FROM files WHERE state != 'ok' LIMIT 1"
        ):
            client = client if client is not None else self._client()
        for item in todo:
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
        if client is not None:
            report.downloads = self.fetch_missing(client)
        if report.uncertain:
            warnings.warn(str(report), stacklevel=2)
        return report

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
            raise TrackNotFound(_not_found(self, clip_id))

    # --- reading -------------------------------------------------------------------------------
    def get(self, clip_id: str) -> Track:
        """The :class:`~suno_nb.catalogue.track.Track` of a clip id (raises TrackNotFound)."""
        from suno_nb.catalogue.track import Track

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

        return [self.get(cid) for cid in clip_ids(self, action, tag, sweep, since, until)]

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

        return to_pandas(self, action=action, tag=tag, sweep=sweep, since=since, until=until)

    @property
    def df(self) -> pd.DataFrame:
        """Every clip as a DataFrame (see :meth:`to_pandas`)."""
        return self.to_pandas()

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

        return measure(self, tracks, n_jobs=n_jobs, progress=progress)

    # --- transfer -----------------------------------------------------------------------------
    def export(self, path: str | os.PathLike[str], format: str = "csv", **filters: Any) -> Path:
        """Write the table (``to_pandas(**filters)``) as CSV or Parquet; return the path."""
        from suno_nb.catalogue.transfer import export_table

        return export_table(self, Path(path), format, filters)

    def export_bundle(
        self, dir_or_zip: str | os.PathLike[str], clip_ids: Iterable[str] | None = None
    ) -> Path:
        """A folder (or ``.zip``) with the audio, covers and ``metadata.json`` of clips."""
        from suno_nb.catalogue.transfer import export_bundle

        return export_bundle(self, Path(dir_or_zip), clip_ids)

    def import_bundle(self, path: str | os.PathLike[str]) -> dict[str, int]:
        """Import a bundle made by :meth:`export_bundle`; rows already here are kept as they are."""
        from suno_nb.catalogue.transfer import import_bundle

        return import_bundle(self, Path(path))


_DEFAULTS: dict[Path, Catalogue] = {}


def default_catalogue() -> Catalogue:
    """The catalogue of this project: ``$SUNO_NB_HOME`` or ``./suno_catalogue/`` (one per path).

    Example:
        >>> default_catalogue() is default_catalogue()   # doctest: +SKIP
        True
    """
    path = Path(os.environ.get(HOME_ENV) or Path.cwd() / DEFAULT_FOLDER).expanduser().absolute()
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


def _not_found(catalogue: Catalogue, clip_id: str) -> str:
    return (
        f"no clip {clip_id!r} in the catalogue at {catalogue.root}; "
        "catalogue.df.clip_id lists the ids it has"
    )


def _iso(ts: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(ts))
