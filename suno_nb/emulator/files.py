"""The files the emulator serves under ``/files/``: mp3, preview mp3, cover jpg, wav and mp4.

Every file is made on first request and kept in the data dir (previews excepted: they grow
while the clip runs). Names are ``<clip_id>[.preview|.large].<ext>``; nothing else is served,
so a name can never reach outside the data dir.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from suno_nb._extras import MissingExtraError, require
from suno_nb.emulator.engine import synth
from suno_nb.emulator.render_cache import Renderer
from suno_nb.emulator.store import Store
from suno_nb.emulator.tasks import stage_of

__all__ = ["FileServer", "ffmpeg_exe"]

_NAME = re.compile(
    r"^(?P<id>[0-9a-f]{8}-[0-9a-f-]{27})(?P<variant>\.preview|\.large)?\.(?P<ext>mp3|jpg|png|wav|mp4)$"
)
# Covers are JPEG (as the service's are); ``.png`` names from older data dirs still answer.
MEDIA_TYPES = {
    "mp3": "audio/mpeg",
    "jpg": "image/jpeg",
    "png": "image/jpeg",
    "wav": "audio/wav",
    "mp4": "video/mp4",
}
COVER = "jpg"


def ffmpeg_exe() -> str | None:
    """The ffmpeg binary bundled in the ``imageio-ffmpeg`` wheel (the ``[video]`` extra), or
    ``None`` without it."""
    try:
        imageio_ffmpeg = require("imageio_ffmpeg", extra="video", feature="The emulator's mp4")
    except MissingExtraError:
        return None
    try:
        return imageio_ffmpeg.get_ffmpeg_exe()
    except RuntimeError:
        return None


class FileServer:
    """Answers ``/files/<name>`` with bytes and a media type, or ``None`` (404)."""

    def __init__(self, store: Store, renderer: Renderer, clock: Callable[[], float]) -> None:
        self.store = store
        self.renderer = renderer
        self.clock = clock
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def _lock(self, name: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(name, threading.Lock())

    def get(self, name: str) -> tuple[bytes, str] | None:
        match = _NAME.match(name)
        if not match:
            return None
        clip_id, variant, ext = match["id"], match["variant"] or "", match["ext"]
        clip = self.store.clip(clip_id)
        if clip is None:
            return None
        stage = self._stage(clip)
        if variant == ".preview":
            if ext != "mp3" or stage not in ("running", "succeeded"):
                return None
            return self._preview(clip), MEDIA_TYPES["mp3"]
        ready = stage == "succeeded" or (ext in ("jpg", "png") and stage == "running")
        if not ready:
            return None  # like the CDN right after completion: not there (yet)
        path = self.store.files / name
        if not path.exists():
            with self._lock(name):
                if not path.exists():
                    data = self._make(clip, ext)
                    tmp = path.with_suffix(".tmp")
                    tmp.write_bytes(data)
                    tmp.replace(path)
        return path.read_bytes(), MEDIA_TYPES[ext]

    def _stage(self, clip: dict[str, Any]) -> str:
        task = self.store.task(clip["task_id"]) if clip.get("task_id") else None
        if task is None or task.get("kind") != "audios":
            return "succeeded"  # uploads and vox tracks exist once created
        return stage_of(task, self.clock()).name

    def _preview(self, clip: dict[str, Any]) -> bytes:
        task = self.store.task(clip["task_id"])
        fraction = stage_of(task, self.clock()).fraction if task else 1.0
        full = self.store.files / f"{clip['id']}.mp3"
        if task is not None and not full.exists() and self.renderer.workers:
            self.renderer.render_task(task)  # a worker writes the clip's mp3
        if full.exists():
            # The first part of the finished (constant bit rate) mp3 is the first part of the
            # song: the caller never loads the rendering and the synth (~100 MiB in a kernel).
            return _mp3_prefix(full.read_bytes(), max(fraction, 0.02))
        rendering = self.renderer.get(clip["id"])
        part = rendering.preview(max(fraction, 0.02))
        audio = getattr(part, "audio", part)  # the engine returns the samples themselves
        return synth().encode_mp3(audio, rendering.sr)

    def _make(self, clip: dict[str, Any], ext: str) -> bytes:
        if ext in ("jpg", "png"):
            return synth().cover_image(str(clip.get("style") or ""), int(clip.get("seed") or 0))
        if ext == "mp4":
            return self._mp4(clip)
        rendering = self.renderer.get(clip["id"])
        if ext == "wav":
            return synth().encode_wav(rendering.audio, rendering.sr)
        return synth().encode_mp3(rendering.audio, rendering.sr)

    def _mp4(self, clip: dict[str, Any]) -> bytes:
        exe = ffmpeg_exe()
        if exe is None:
            raise RuntimeError("mp4 needs the 'video' extra: pip install 'suno-nb[video]'")
        image, _ = self.get(f"{clip['id']}.{COVER}") or (b"", "")
        audio, _ = self.get(f"{clip['id']}.mp3") or (b"", "")
        with tempfile.TemporaryDirectory(dir=self.store.root) as tmp:
            folder = Path(tmp)
            (folder / "cover.jpg").write_bytes(image)
            (folder / "audio.mp3").write_bytes(audio)
            out = folder / "video.mp4"
            # One still frame per second is enough for a cover video and keeps encoding fast.
            cmd = [
                exe,
                "-y",
                "-loglevel",
                "error",
                "-loop",
                "1",
                "-framerate",
                "1",
                "-i",
                str(folder / "cover.jpg"),
                "-i",
                str(folder / "audio.mp3"),
                "-vf",
                "scale=trunc(iw/2)*2:trunc(ih/2)*2",
                "-c:v",
                "libx264",
                "-tune",
                "stillimage",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-b:a",
                "128k",
                "-shortest",
                "-movflags",
                "+faststart",
                str(out),
            ]
            subprocess.run(cmd, check=True, capture_output=True, timeout=120)
            return out.read_bytes()


def _mp3_prefix(data: bytes, fraction: float) -> bytes:
    """The first ``fraction`` of an mp3, cut where a frame starts (an 11-bit sync word)."""
    cut = round(len(data) * min(max(fraction, 0.0), 1.0))
    while 0 < cut < len(data) - 1:
        cut = data.find(b"\xff", cut, len(data) - 1)
        if cut < 0 or (data[cut + 1] & 0xE0) == 0xE0:
            break
        cut += 1
    return data if cut < 0 else data[:cut]
