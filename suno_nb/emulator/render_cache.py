"""Renderings: made by the synth when first needed, saved in the data dir, cached in memory.

A task's clips are rendered together (one ``render_action`` call, seeded by the request), the
first time anything needs them: a finished snapshot, a preview, a file, or a later action that
uses the clip as its source.
"""

from __future__ import annotations

import collections
import logging
import threading
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


class Renderer:
    """Makes, stores and hands out :class:`Rendering` objects by clip id."""

    def __init__(
        self,
        store: Store,
        *,
        max_duration: float,
        cache_size: int = 12,
        workers: int | None = None,
    ) -> None:
        self.store = store
        self.max_duration = max_duration
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

    def get(self, clip_id: str) -> Any:
        """The rendering of a clip, rendering its task first if needed."""
        with self._lock:
            if clip_id in self._cache:
                self._cache.move_to_end(clip_id)
                return self._cache[clip_id]
        path = self.path(clip_id)
        if not path.exists():
            clip = self.store.clip(clip_id)
            if clip is None:
                raise KeyError(clip_id)
            task = self.store.task(clip["task_id"])
            if task is None:
                raise KeyError(clip_id)
            self.render_task(task)
            if not path.exists():
                raise KeyError(clip_id)
        rendering = synth().Rendering.load(path)
        self._remember(clip_id, rendering)
        return rendering

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
        for clip_id in set(self.source_ids(task).values()):
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
        if made is None:
            return False
        if not made:
            raise ValueError("the synth made no clips")
        ids = self._fit_clip_ids(task, len(made))
        clips = []
        for clip_id, meta in zip(ids, made, strict=True):
            Path(meta.pop("mp3")).replace(self.store.files / f"{clip_id}.mp3")
            Path(meta.pop("rendering")).replace(self.path(clip_id))  # last: marks it done
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
