"""Content-addressed audio and cover files, the download adapter, and the "does it decode" check.

Files are named by their SHA-256 (``audio/3f/3f9b….mp3``), written to a temporary name and
renamed, so a crash never leaves a half file under a real name and equal files are stored once.
"""

from __future__ import annotations

import errno
import hashlib
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from suno_nb import retry
from suno_nb.catalogue.store import CatalogueError, CatalogueFullError
from suno_nb.errors import error_from_response

__all__ = ["DownloadError", "StoredFile", "fetch_bytes", "store_bytes", "verify_audio"]

# Tries per download: a CDN may answer 404 for a short while after completion.
DOWNLOAD_ATTEMPTS = 5  # waits follow suno_nb.retry: about 0.5, 1, 2, 4 s
_AUDIO_EXT = {"mp3", "wav", "flac", "ogg", "m4a", "aac", "opus", "webm"}
_IMAGE_EXT = {"jpeg", "jpg", "png", "webp", "gif"}


class DownloadError(CatalogueError):
    """A file could not be fetched or does not decode; the clip stays recorded as ``failed``."""


@dataclass(frozen=True)
class StoredFile:
    """Where a downloaded file went and what it holds."""

    path: str  # relative to the catalogue folder
    sha256: str
    size: int
    sample_rate: int | None = None
    channels: int | None = None
    duration: float | None = None


def fetch_bytes(client: Any, url: str, *, sleep: Callable[[float], None] = time.sleep) -> bytes:
    """Download ``url`` through the client's own transport (so emulator URLs work in-process).

    This is the one place that knows how a client downloads: ``client.download(url)`` when the
    client has it (it retries itself), else the sync HTTP client with retries on 404/5xx.
    """
    download = getattr(client, "download", None)
    if callable(download):
        try:
            return bytes(download(url))
        except Exception as exc:  # any failure is recorded on the clip, never raised mid-wait
            raise DownloadError(f"{url}: {type(exc).__name__}: {exc}") from exc
    http = getattr(client, "_http", None)
    if http is None or not hasattr(http, "get"):
        raise DownloadError(
            f"{url}: this client cannot download synchronously; run catalogue.fetch_missing() "
            "with a suno_nb.Client"
        )

    def attempt() -> bytes:
        response = http.get(url)  # transport errors: retried by the policy
        if response.status_code < 300:
            return bytes(response.content)
        raise error_from_response(response.status_code, {"error": f"HTTP {response.status_code}"})

    try:  # the one retry policy: 404, 408, 409, 429, 5xx and lost connections
        return retry.call(
            attempt, retry_on=retry.download_retryable, attempts=DOWNLOAD_ATTEMPTS, sleep=sleep
        )
    except Exception as exc:
        problem = f"{type(exc).__name__}: {exc}"
    raise DownloadError(f"{url}: {problem}; catalogue.fetch_missing() will try again later")


def extension(data: bytes, url: str, kind: str) -> str:
    """The file extension, from the bytes' signature first and the URL second."""
    head = data[:16]
    if head.startswith(b"RIFF") and data[8:12] == b"WAVE":
        return "wav"
    if head.startswith(b"fLaC"):
        return "flac"
    if head.startswith(b"OggS"):
        return "ogg"
    if head.startswith(b"ID3") or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return "mp3"
    if head.startswith(b"\xff\xd8"):
        return "jpeg"
    if head.startswith(b"\x89PNG"):
        return "png"
    if head.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "webp"
    suffix = Path(urlsplit(url).path).suffix.lower().lstrip(".")
    allowed = _AUDIO_EXT if kind == "audio" else _IMAGE_EXT
    return suffix if suffix in allowed else "bin"


def store_bytes(root: Path, kind: str, data: bytes, url: str) -> tuple[str, str]:
    """Write ``data`` under ``root/<kind>s/ab/<sha>.<ext>``; return (relative path, sha256)."""
    sha = hashlib.sha256(data).hexdigest()
    folder = "audio" if kind == "audio" else "images"
    relative = f"{folder}/{sha[:2]}/{sha}.{extension(data, url, kind)}"
    target = root / relative
    if target.is_file() and target.stat().st_size == len(data):
        return relative, sha  # same content already stored
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
        try:
            with os.fdopen(fd, "wb") as handle:
                _write_all(handle, data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise CatalogueFullError(
                errno.ENOSPC,
                f"no space left to store {relative} under {root}; free some space, then run "
                "catalogue.fetch_missing()",
            ) from exc
        raise DownloadError(f"cannot write {target}: {exc}") from exc
    return relative, sha


def _write_all(handle: Any, data: bytes) -> None:
    # A separate function so tests can make the disk "full" without filling one.
    handle.write(data)


def verify_audio(path: Path) -> tuple[int, int, float]:
    """Decode the whole file in blocks (catches truncation); return (sample rate, channels, s)."""
    import soundfile

    try:
        with soundfile.SoundFile(path) as audio:
            frames = 0
            for block in audio.blocks(blocksize=65_536, dtype="float32", always_2d=True):
                frames += block.shape[0]
            rate, channels = audio.samplerate, audio.channels
    except (soundfile.LibsndfileError, RuntimeError, TypeError, ValueError) as exc:
        raise DownloadError(f"{path.name} does not decode as audio ({exc})") from exc
    if frames == 0:
        raise DownloadError(f"{path.name} decodes to no samples")
    return int(rate), int(channels), frames / rate


def verify_image(path: Path) -> None:
    """Check a cover image opens (PIL reads the header and checks the structure)."""
    from PIL import Image

    try:
        with Image.open(path) as image:
            image.verify()
    except Exception as exc:  # PIL raises many types for bad files
        raise DownloadError(f"{path.name} is not a readable image ({exc})") from exc
