"""A small Suno service for catalogue tests: tasks that finish after a few polls, and real
MP3/WAV/PNG files behind the clips' URLs, all through one MockTransport (no sockets).

With ``state_file`` its tasks and counters live in a JSON file, so a second process (a killed
kernel's successor) sees the same service and the test can count submissions across both.
"""

from __future__ import annotations

import fcntl
import functools
import io
import json
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from suno_nb import _http
from suno_nb.client import Client

BASE_URL = "http://fake-suno.invalid"
SR = 22_050
SECONDS = 2.0


@functools.cache
def audio_bytes(clip_id: str, fmt: str = "mp3") -> bytes:
    """A short tone, its pitch derived from the clip id, so every clip has its own bytes."""
    import numpy as np
    import soundfile

    freq = 220.0 + (zlib.crc32(clip_id.encode()) % 400)
    t = np.arange(int(SR * SECONDS), dtype=np.float32) / SR
    tone = (0.4 * np.sin(2 * np.pi * freq * t) * np.minimum(1.0, t * 8)).astype(np.float32)
    stereo = np.stack([tone, tone * 0.8], axis=1)
    if fmt == "wav":
        buffer = io.BytesIO()
        soundfile.write(buffer, stereo, SR, format="WAV", subtype="PCM_16")
        return buffer.getvalue()
    import lameenc

    encoder = lameenc.Encoder()
    encoder.set_bit_rate(64)
    encoder.set_in_sample_rate(SR)
    encoder.set_channels(2)
    encoder.set_quality(7)
    pcm = (np.clip(stereo, -1, 1) * 32767).astype("<i2")
    return bytes(encoder.encode(pcm.tobytes()) + encoder.flush())


@functools.cache
def png_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 80, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


@dataclass
class AudioService:
    """Tasks walk pending → running → succeeded over ``polls_to_finish`` polls (never while
    ``hold``). ``missing_files`` answer 404 that many times; ``corrupt`` serves broken audio."""

    state_file: Path | None = None
    hold: bool = False
    polls_to_finish: int = 2
    n_clips: int = 2
    fmt: str = "mp3"
    prefix: str = "task"
    missing_files: dict[str, int] = field(default_factory=dict)  # url suffix -> 404s left
    corrupt: bool = False
    state: dict[str, Any] = field(default_factory=lambda: {"submissions": 0, "tasks": {}})
    headers_seen: list[dict[str, str]] = field(default_factory=list)

    def transport(self) -> _http.MockTransport:
        return _http.MockTransport(self.handle)

    @property
    def submissions(self) -> int:
        with self._locked() as state:
            return int(state["submissions"])

    @contextmanager
    def _locked(self) -> Iterator[dict[str, Any]]:
        if self.state_file is None:
            yield self.state
            return
        lock = self.state_file.with_suffix(".lock")
        with open(lock, "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            state = (
                json.loads(self.state_file.read_text())
                if self.state_file.exists()
                else {"submissions": 0, "tasks": {}}
            )
            yield state
            self.state_file.write_text(json.dumps(state))

    def handle(self, request: _http.Request) -> _http.Response:
        self.headers_seen.append(dict(request.headers))
        path = request.url.path
        if path.startswith("/files/"):
            return self._file(path.removeprefix("/files/"))
        body = json.loads(request.content or b"{}")
        if path == "/suno/audios":
            with self._locked() as state:
                state["submissions"] += 1
                tid = f"{self.prefix}-{state['submissions']}"
                state["tasks"][tid] = {"request": body, "polls": 0}
            return _http.Response(200, json={"task_id": tid, "trace_id": f"tr-{tid}"})
        if path == "/suno/tasks":
            return _http.Response(200, json=self._record(body.get("id", "")))
        return _http.Response(404, json={"success": False, "error": {"code": "no_api"}})

    def _record(self, tid: str) -> dict[str, Any]:
        with self._locked() as state:
            task = state["tasks"].get(tid)
            if task is None:
                return {}
            task["polls"] += 1
            polls = task["polls"]
            request = task["request"]
        stage = (
            "running"
            if self.hold
            else (
                "succeeded"
                if polls > self.polls_to_finish
                else "running"
                if polls > 1
                else "pending"
            )
        )
        record: dict[str, Any] = {
            "id": tid,
            "trace_id": f"tr-{tid}",
            "created_at": 1764062045.08,
            "started_at": 1764062045.14,
            "request": request,
        }
        clips = [self._clip(f"{tid}-c{i}", stage, request) for i in range(self.n_clips)]
        record["response"] = {"task_id": tid, "data": clips}
        if stage == "succeeded":
            record["response"]["success"] = True
            record["finished_at"] = 1764062083.52
            record["elapsed"] = 38.4
        return record

    def _clip(self, cid: str, stage: str, request: dict[str, Any]) -> dict[str, Any]:
        clip: dict[str, Any] = {
            "id": cid,
            "title": request.get("title") or f"Song {cid}",
            "image_url": "",
            "audio_url": "",
            "video_url": "",
            "lyric": "[Verse]\nla la",
            "created_at": "2026-11-02T09:14:05.120Z",
            "model": "chirp-auk",
            "state": stage,
            "prompt": request.get("prompt", ""),
            "style": request.get("style", ""),
            "bpm_guess": 96,  # an unknown field: must be kept in raw
        }
        if stage in ("running", "succeeded"):
            clip["image_url"] = f"{BASE_URL}/files/{cid}.png"
            clip["audio_url"] = (
                f"https://audiopipe.invalid/?item_id={cid}"
                if stage == "running"
                else f"{BASE_URL}/files/{cid}.{self.fmt}"
            )
        if stage == "succeeded":
            clip["duration"] = SECONDS
        return clip

    def _file(self, name: str) -> _http.Response:
        left = self.missing_files.get(name, 0)
        if left:
            self.missing_files[name] = left - 1
            return _http.Response(404, text="not yet")
        cid, _, ext = name.rpartition(".")
        if ext == "png":
            return _http.Response(200, content=png_bytes())
        if self.corrupt:
            return _http.Response(200, content=b"ID3" + b"\x00garbage" * 50)
        return _http.Response(200, content=audio_bytes(cid, ext))


TOKEN = "sk-catalogue-test-TOKEN-7f3a9c"


def make_client(service: AudioService, catalogue: Any, **options: Any) -> Client:
    client = Client(
        token=TOKEN,
        base_url=BASE_URL,
        transport=service.transport(),
        poll_interval=(0.0, 0.0),
        catalogue=catalogue,
        progress=False,
        **options,
    )
    client._sleep = lambda seconds: None  # polls never really wait
    client._download_sleep = lambda seconds: None  # type: ignore[method-assign]
    return client
