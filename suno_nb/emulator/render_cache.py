"""Renderings: made by the synth when first needed, saved in the data dir, cached in memory.

A task's clips are rendered together (one ``render_action`` call, seeded by the request), the
first time anything needs them: a finished snapshot, a preview, a file, or a later action that
uses the clip as its source.

Renderings are big (a minute of layered audio is about 20 MB), so the folder has a limit
(``cache_limit_mb``, 1 GB by default): past it, the least recently used renderings of
``/suno/audios`` tasks are deleted, and made again, identically (they are seeded), when a clip
needs them. Uploaded audio is never deleted: nothing could make it again.
"""

from __future__ import annotations

import collections
import logging
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from suno_nb.emulator import render_pool
from suno_nb.emulator.engine import synth
from suno_nb.emulator.store import Store

__all__ = ["Renderer"]

log = logging.getLogger("suno_nb.emulator")

_SOURCE_ACTIONS_WITH_CHAIN = ("extend", "upload_extend")
# A rendering used this recently is not deleted: a render worker of another process sharing
# the folder may be reading it (this process's own readers pin what they read).
_IN_USE_SECONDS = 60.0


class Renderer:
    """Makes, stores and hands out :class:`Rendering` objects by clip id."""

    def __init__(
        self,
        store: Store,
        *,
        max_duration: float,
        cache_size: int = 12,
        workers: int | None = None,
        cache_limit_mb: float | None = 1024.0,
    ) -> None:
        self.store = store
        self.max_duration = max_duration
        self.cache_limit = None if cache_limit_mb is None else int(cache_limit_mb * 1_000_000)
        self._on_disk: collections.OrderedDict[str, tuple[int, float]] | None = None  # LRU
        self._pinned: collections.Counter[str] = collections.Counter()
        self.in_use_seconds = _IN_USE_SECONDS
        self.workers = render_pool.worker_count(workers)
        self._ahead: ThreadPoolExecutor | None = None
        self._closed = False
        self._cache: collections.OrderedDict[str, Any] = collections.OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()
        self._task_locks: dict[str, threading.Lock] = collections.defaultdict(threading.Lock)

    def path(self, clip_id: str) -> Path:
        return self.store.renderings / f"{clip_id}.rendering"

    def _remember(self, clip_id: str, rendering: Any) -> None:
        with self._lock:
            self._cache[clip_id] = rendering
            self._cache.move_to_end(clip_id)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)

    def save(self, clip_id: str, rendering: Any) -> None:
        """Keep a rendering made elsewhere (uploads, vox tracks)."""
        target = self.path(clip_id)
        tmp = target.with_suffix(".tmp")
        rendering.save(tmp)
        tmp.replace(target)  # atomic: a reader never sees half a file
        self._remember(clip_id, rendering)
        self._kept(clip_id)

    def get(self, clip_id: str) -> Any:
        """The rendering of a clip, rendering its task first if needed."""
        with self._lock:
            if clip_id in self._cache:
                self._cache.move_to_end(clip_id)
                return self._cache[clip_id]
        path = self.path(clip_id)
        for attempt in range(2):
            if not path.exists():
                clip = self.store.clip(clip_id)
                if clip is None or not clip.get("task_id"):
                    raise KeyError(clip_id)
                task = self.store.task(clip["task_id"])
                if task is None:
                    raise KeyError(clip_id)
                self.render_task(task)
                if not path.exists():
                    raise KeyError(clip_id)
            try:
                rendering = synth().Rendering.load(path)
                break
            except FileNotFoundError:  # deleted for the limit in between: make it again
                if attempt:
                    raise KeyError(clip_id) from None
        self._remember(clip_id, rendering)
        self._used(clip_id)
        return rendering

    # -- the folder's limit -----------------------------------------------------------------
    def disk_usage(self) -> int:
        """Bytes of renderings on disk (what ``cache_limit_mb`` bounds)."""
        with self._lock:
            return sum(size for size, _ in self._index().values())

    def _index(self) -> collections.OrderedDict[str, tuple[int, float]]:
        # Under self._lock. Built once from the folder, oldest first by modification time.
        if self._on_disk is None:
            found = []
            for path in self.store.renderings.glob("*.rendering"):
                try:
                    stat = path.stat()
                    if ".part." in path.name:  # a worker's output, moved in when done
                        if time.time() - stat.st_mtime > 3600:
                            path.unlink()  # left by a process that died mid-render
                        continue
                except OSError:
                    continue
                found.append((stat.st_mtime, path.stem, stat.st_size))
            found.sort()
            self._on_disk = collections.OrderedDict(
                (clip_id, (size, mtime)) for mtime, clip_id, size in found
            )
        return self._on_disk

    def _used(self, clip_id: str) -> None:
        with self._lock:
            index = self._index()
            if clip_id in index:
                index[clip_id] = (index[clip_id][0], time.time())
                index.move_to_end(clip_id)

    def _kept(self, clip_id: str) -> None:
        """A rendering was written: count it, then keep the folder under its limit."""
        if self._closed:
            return  # a render that finished after close(): its store may be closed too
        try:
            size = self.path(clip_id).stat().st_size
        except OSError:
            return
        with self._lock:
            index = self._index()
            index[clip_id] = (size, time.time())
            index.move_to_end(clip_id)
            if self.cache_limit is None:
                return
            total = sum(s for s, _ in index.values())
            if total <= self.cache_limit:
                return
            now = time.time()
            candidates = [
                (cid, s)
                for cid, (s, used) in index.items()
                if now - used > self.in_use_seconds and not self._pinned[cid]
            ]
        for cid, s in candidates:  # oldest first
            if total <= self.cache_limit or self._closed:
                break
            clip = self.store.clip(cid)
            if not clip or not clip.get("task_id"):
                continue  # an upload, or not ours: nothing could make it again
            try:
                self.path(cid).unlink()
            except FileNotFoundError:
                pass
            except OSError:
                continue
            with self._lock:
                self._index().pop(cid, None)
            total -= s

    def render_soon(self, task: dict[str, Any]) -> None:
        """Start rendering a new task in the worker pool while it is pending and running, so
        its clips are ready when it succeeds (the service, too, works while you wait). Only
        with a pool: in-thread, rendering ahead would compete with the requests for the GIL."""
        if not self.workers or task.get("fails") or synth().__name__ != "suno_nb.emulator.synth":
            return
        with self._lock:
            if self._ahead is None:
                self._ahead = ThreadPoolExecutor(self.workers, thread_name_prefix="suno-render")
            ahead = self._ahead
        ahead.submit(self._render_quietly, task)

    def _render_quietly(self, task: dict[str, Any]) -> None:
        if self._closed:
            return
        try:
            self.render_task(task, ahead=True)
        except Exception:  # the request that needs the clips renders again and reports
            if not self._closed:  # after close, the data dir may be gone: nothing to report
                log.exception("rendering task %s ahead failed", task["id"])

    def close(self) -> None:
        """Stop rendering ahead, without waiting: queued renders are dropped, and a render
        already in a worker finishes there unseen (closing never waits on music)."""
        with self._lock:
            self._closed = True
            ahead, self._ahead = self._ahead, None
        if ahead is not None:
            ahead.shutdown(wait=False, cancel_futures=True)

    def render_task(self, task: dict[str, Any], *, ahead: bool = False) -> None:
        """Render every clip of an ``/suno/audios`` task once, and record what came out.

        ``ahead``: only in the worker pool; without one, leave it to whoever needs the clips
        (never compete with requests for the GIL, never render during interpreter shutdown)."""
        with self._task_locks[task["id"]]:
            if all(self.path(cid).exists() for cid in task["clip_ids"]):
                return
            if task.get("failure"):
                return
            try:
                if self._render_in_workers(task) or ahead:
                    return
                request = task["request"]
                made = synth().render_action(
                    task["action"],
                    request,
                    seed=task["seed"],
                    sources=self.sources(task),
                    persona=self.persona(request.get("persona_id")),
                    max_duration=self.max_duration,
                )
                if not made:
                    raise ValueError("the synth made no clips")
            except Exception as exc:
                if self._closed:
                    return  # closed while rendering (its store may be gone): nothing to record
                # The task ends in error, as a failed job does on the service; log the cause.
                log.exception("rendering task %s (%s) failed", task["id"], task["action"])
                task.update(fails=True, failure=f"{type(exc).__name__}: {exc}")
                self.store.put_task(task)
                return
            ids = self._fit_clip_ids(task, len(made))
            clips = []
            for clip_id, rendering in zip(ids, made, strict=True):
                self.save(clip_id, rendering)
                clip = self.store.clip(clip_id) or {"id": clip_id, "task_id": task["id"]}
                extra = dict(getattr(rendering, "extra", {}) or {})
                clip.update(
                    title=rendering.title,
                    lyric=rendering.lyric,
                    style=rendering.style,
                    duration=round(float(rendering.duration), 3),
                    extra={k: v for k, v in extra.items() if _plain(v)},
                    rendered=True,
                )
                clips.append(clip)
            self.store.put_clips(clips)

    def _render_in_workers(self, task: dict[str, Any]) -> bool:
        """Render (and mp3-encode) in the process pool; ``False`` when it cannot be used."""
        if not self.workers or synth().__name__ != "suno_nb.emulator.synth":
            return False  # one core, turned off, or a test's stand-in engine
        request = task["request"]
        source_paths = {key: str(self.path(cid)) for key, cid in self.source_ids(task).items()}
        pinned = set(self.source_ids(task).values())
        with self._lock:
            self._pinned.update(pinned)  # the worker reads them: not to be deleted meanwhile
        try:
            for clip_id in pinned:
                if not self.path(clip_id).exists():
                    self.get(clip_id)  # renders the source's own task first
            made = render_pool.render_in_pool(
                self.workers,
                task["action"],
                request,
                task["seed"],
                source_paths,
                self.persona(request.get("persona_id")),
                self.max_duration,
                str(self.store.renderings / f"{task['id']}.part"),
            )
        finally:
            with self._lock:
                self._pinned -= collections.Counter(pinned)
        if made is None:
            return False
        if not made:
            raise ValueError("the synth made no clips")
        ids = self._fit_clip_ids(task, len(made))
        clips = []
        for clip_id, meta in zip(ids, made, strict=True):
            Path(meta.pop("mp3")).replace(self.store.files / f"{clip_id}.mp3")
            Path(meta.pop("rendering")).replace(self.path(clip_id))  # last: marks it done
            self._kept(clip_id)
            clip = self.store.clip(clip_id) or {"id": clip_id, "task_id": task["id"]}
            clip.update(meta, rendered=True)
            clips.append(clip)
        self.store.put_clips(clips)
        return True

    def _fit_clip_ids(self, task: dict[str, Any], count: int) -> list[str]:
        # The synth decides how many clips an action makes; keep the task's ids in step.
        ids = list(task["clip_ids"])
        if count == len(ids):
            return ids
        if count > len(ids):
            template = self.store.clip(ids[0]) if ids else None
            template = template or {"task_id": task["id"], "kind": "clip"}
            for i in range(len(ids), count):
                clip_id = str(uuid.uuid4())
                self.store.put_clip({**template, "id": clip_id, "index": i})
                ids.append(clip_id)
        else:
            ids = ids[:count]
        task["clip_ids"] = ids
        self.store.put_task(task)
        return ids

    def source_ids(self, task: dict[str, Any]) -> dict[str, str]:
        """``{source key: clip id}`` of what a task works from: its clip, the extend chain,
        mashup or inspo audio (keyed by the inspo URL)."""
        request = task["request"]
        ids: list[str] = []
        audio_id = request.get("audio_id")
        if audio_id:
            if task["action"] == "concat":
                ids.extend(self.chain(audio_id))
            else:
                ids.append(audio_id)
        ids.extend(request.get("mashup_audio_ids") or [])
        out = {i: i for i in dict.fromkeys(ids)}
        for url, upload_id in (task.get("inspo") or {}).items():
            out[url] = upload_id
        return out

    def sources(self, task: dict[str, Any]) -> dict[str, Any]:
        """The renderings a task works from (see :meth:`source_ids`)."""
        return {key: self.get(clip_id) for key, clip_id in self.source_ids(task).items()}

    def chain(self, clip_id: str) -> list[str]:
        """An extend chain, oldest first, ending with ``clip_id``."""
        chain = [clip_id]
        seen = {clip_id}
        while True:
            clip = self.store.clip(chain[0])
            task = self.store.task(clip["task_id"]) if clip and clip.get("task_id") else None
            if not task or task.get("action") not in _SOURCE_ACTIONS_WITH_CHAIN:
                return chain
            parent = task["request"].get("audio_id")
            if not parent or parent in seen:
                return chain
            seen.add(parent)
            chain.insert(0, parent)

    def persona(self, persona_id: str | None) -> dict[str, Any] | None:
        if not persona_id:
            return None
        persona = self.store.persona(persona_id)
        return persona.get("voice") if persona else None


def _plain(value: Any) -> bool:
    # Only JSON-friendly extras (concat_history, stem_set …) go into clip records.
    import json

    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True
