"""An in-process fake of the Suno service for client unit tests (MockTransport, real shapes).

It answers with the shapes of the API contract, counts every request, and can be told to
fail in each of the ways section 4 lists. The full-featured fake is the emulator; this one is
small and fully controlled by each test.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from suno_nb import _http


def clip(cid: str, state: str, *, title: str = "Night Bus", **kw: Any) -> dict[str, Any]:
    base = {
        "id": cid,
        "title": title,
        "image_url": "",
        "lyric": "",
        "audio_url": "",
        "video_url": "",
        "created_at": "2026-11-02T09:14:05.120Z",
        "model": "chirp-auk",
        "state": state,
        "prompt": "",
        "style": "lofi",
    }
    if state in ("running", "succeeded"):
        base["image_url"] = f"https://cdn.example/image_{cid}.jpeg"
        base["audio_url"] = (
            f"https://audiopipe.example/?item_id={cid}"
            if state == "running"
            else f"https://cdn.example/{cid}.mp3"
        )
    if state == "succeeded":
        base["duration"] = 131.4
    base.update(kw)
    return base


@dataclass
class FakeSuno:
    """A scripted service. ``stages`` lists the clip states /suno/tasks walks through."""

    stages: tuple[str, ...] = ("pending", "running", "succeeded")
    n_clips: int = 2
    fail_next: list[tuple[int, Any, dict[str, str]]] = field(default_factory=list)
    raise_next: list[Exception] = field(default_factory=list)
    task_error: dict[str, str] | str | None = None
    requests: list[_http.Request] = field(default_factory=list)
    bodies: list[dict[str, Any]] = field(default_factory=list)
    polls: dict[str, int] = field(default_factory=dict)
    on_request: Callable[[_http.Request], None] | None = None
    _ids: Any = field(default_factory=lambda: itertools.count(1))
    tasks: dict[str, dict[str, Any]] = field(default_factory=dict)

    # -- helpers for assertions
    def calls(self, path: str) -> list[dict[str, Any]]:
        return [b for r, b in zip(self.requests, self.bodies, strict=True) if r.url.path == path]

    def transport(self) -> _http.MockTransport:
        return _http.MockTransport(self.handle)

    def async_transport(self) -> _http.MockTransport:
        async def handle(request: _http.Request) -> _http.Response:
            await request.aread()
            return self.handle(request)

        return _http.MockTransport(handle)

    # -- the service
    def handle(self, request: _http.Request) -> _http.Response:
        body = json.loads(request.content or b"{}") if request.method != "GET" else {}
        self.requests.append(request)
        self.bodies.append(body)
        if self.on_request:
            self.on_request(request)
        if self.raise_next:
            raise self.raise_next.pop(0)
        if self.fail_next:
            status, error, headers = self.fail_next.pop(0)
            return _http.Response(
                status,
                json={"success": False, "error": error, "trace_id": "tr-err"},
                headers=headers,
            )
        path = request.url.path
        if path == "/suno/audios":
            return self._audios(request, body)
        if path == "/suno/tasks":
            return self._tasks(body)
        return self._endpoint(path, request, body)

    def _new_task(self, body: dict[str, Any]) -> str:
        tid = f"task-{next(self._ids)}"
        self.tasks[tid] = {"request": body, "created_at": 1764062045.08}
        self.polls[tid] = 0
        return tid

    def snapshot(self, tid: str, state: str) -> dict[str, Any]:
        clips = [clip(f"{tid}-c{i}", state) for i in range(self.n_clips)]
        snap: dict[str, Any] = {"task_id": tid, "data": clips}
        if state == "succeeded":
            snap["success"] = True
        return snap

    def _audios(self, request: _http.Request, body: dict[str, Any]) -> _http.Response:
        tid = self._new_task(body)
        if "ndjson" in request.headers.get("accept", ""):
            lines = [self.snapshot(tid, s) for s in self.stages]
            lines[-1]["trace_id"] = "tr-stream"
            text = "".join(json.dumps(x) + "\n" for x in lines)
            return _http.Response(
                200, content=text.encode(), headers={"content-type": "application/x-ndjson"}
            )
        if body.get("async") or body.get("callback_url"):
            return _http.Response(200, json={"task_id": tid, "trace_id": "tr-sub"})
        return _http.Response(200, json={**self.snapshot(tid, "succeeded"), "trace_id": "tr"})

    def record(self, tid: str) -> dict[str, Any]:
        if tid not in self.tasks:
            return {}
        n = self.polls[tid]
        self.polls[tid] = n + 1
        state = self.stages[min(n, len(self.stages) - 1)]
        rec: dict[str, Any] = {
            "id": tid,
            "trace_id": "tr-task",
            "created_at": 1764062045.08,
            "started_at": 1764062045.14,
            "request": self.tasks[tid]["request"],
        }
        if self.task_error is not None and state == self.stages[-1]:
            rec["response"] = {"success": False, "task_id": tid, "error": self.task_error}
        elif state == "pending" and n == 0:
            pass  # no response yet
        else:
            rec["response"] = self.snapshot(tid, state)
        if state == "succeeded" and self.task_error is None:
            rec["finished_at"] = 1764062083.52
            rec["elapsed"] = 38.38
        return rec

    def _tasks(self, body: dict[str, Any]) -> _http.Response:
        if body.get("action") == "retrieve_batch" and "ids" not in body:  # the listing
            ids = list(reversed(self.tasks))[body.get("offset", 0) :][: body.get("limit", 50)]
            return _http.Response(
                200, json={"items": [self.record(i) for i in ids], "count": len(self.tasks)}
            )
        if body.get("action") == "retrieve_batch":
            items = [self.record(i) for i in body.get("ids", [])]
            return _http.Response(200, json={"items": items, "count": len(items)})
        return _http.Response(200, json=self.record(body.get("id", "")))

    def _endpoint(self, path: str, request: _http.Request, body: dict) -> _http.Response:
        data: Any
        if path == "/suno/lyrics":
            data = [{"text": "[Verse]\nla la", "title": "Song", "status": "complete", "tags": ""}]
        elif path == "/suno/mashup-lyrics":
            data = {"text": "[Verse]\nmixed", "title": "Mix", "tags": "", "status": "complete"}
        elif path == "/suno/style":
            data = {"upsampled_tags": "lofi, warm tape, 72 bpm"}
        elif path == "/suno/persona" and request.method == "POST":
            data = {"persona_id": "p-1"}
        elif path == "/suno/persona" and request.method == "GET":
            data = {"count": 1, "items": [{"persona_id": "p-1", "name": "Ana"}]}
        elif path == "/suno/persona" and request.method == "DELETE":
            return _http.Response(200, json={"success": True, "trace_id": "tr"})
        elif path == "/suno/voices":
            data = {"persona_id": "p-2", "name": "Me", "is_public": False}
        elif path == "/suno/vox":
            data = {"id": "vox-1", "source_clip_id": body.get("audio_id"), "status": "complete"}
        elif path == "/suno/upload":
            data = {"audio_id": "up-1", "title": "upload", "duration": 30.0}
        elif path == "/suno/mp4":
            data = {"video_url": "https://cdn.example/v.mp4"}
        elif path == "/suno/wav":
            data = [{"file_url": "https://cdn.example/a.wav"}]
        elif path == "/suno/midi":
            data = [
                {
                    "state": "complete",
                    "instruments": [
                        {
                            "name": "piano",
                            "notes": [{"pitch": 60, "start": 0, "end": 0.5, "velocity": 90}],
                        }
                    ],
                }
            ]
        elif path == "/suno/timing":
            data = {
                "aligned_words": [
                    {"word": "la", "start_s": 0.1, "end_s": 0.4, "success": True, "p_align": 0.9}
                ],
                "waveform_data": [0.1, 0.2],
            }
        else:
            return _http.Response(
                404, json={"success": False, "error": {"code": "no_api", "message": "no api"}}
            )
        return _http.Response(
            200, json={"success": True, "task_id": "t-ep", "trace_id": "tr-ep", "data": data}
        )
